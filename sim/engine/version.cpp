#include "sim/version.hpp"

namespace sim {
const char* version() {
    return NPSIM_VERSION;
}
}  // namespace sim
