// sim/journey.cpp — the registry of every operation of the simulated journey.
// (Foundation placeholder: the journey's operations are registered here by the domain modules.)
#include "sim/registry.hpp"

namespace sim {

const Registry& journey_registry() {
    static const Registry registry = [] {
        Registry r;
        return r;
    }();
    return registry;
}

}  // namespace sim
