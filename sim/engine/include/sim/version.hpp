// sim/version.hpp — the program version, printed by --version and stored in every repro bundle.
#pragma once

namespace sim {
const char* version();
}
