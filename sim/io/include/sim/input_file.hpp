// sim/input_file.hpp — the file-reading half of the input policy (docs/input-policy.md); the parsing
// half, parse_json_checked and the limits per InputKind, is pure and lives in the engine
// (sim/json_input.hpp).
#pragma once

#include <string>

#include "sim/json_input.hpp"

namespace sim {

// Reads `path` under the policy of `kind`. False with `error` (the reason, without the path, e.g.
// "is a pipe (FIFO), not a scenario …" or "cannot be opened (Permission denied)") when the path is
// not a regular file, is larger than the limit, or the OS refuses.
bool read_input_file(const std::string& path, InputKind kind, std::string& out, std::string& error);

}  // namespace sim
