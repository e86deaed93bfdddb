// sim/fault_refs.hpp — the references of a scenario's fault rules, for npsim-cli check (issue 12, item 3).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/registry.hpp"

namespace sim {

// Resolves what each rule of root["faults"] names, each error with its JSON pointer and, where a name
// is close, a "did you mean":
// - "/faults/N/operation": the glob must match at least one (non-instructor) operation of `registry`;
// - "/faults/N/error": a code must be one of `codes` (sim::known_result_codes), and not "ok";
// - "/faults/N/args/KEY": KEY must be an argument that an operation matched by the glob declares;
// - durations ("/faults/N/after", "/until", "/throttle/window", "/throttle/retry_after", "/latency"):
//   within the duration cap, and a throttle's Retry-After at least 1 s (it is told in whole seconds).
// Rules that are not objects, and values of the wrong JSON type, are left to fault_rule_from_json.
void check_fault_references(const nlohmann::json& root, const Registry& registry,
                            const std::vector<std::string>& codes, std::vector<ConditionError>& errors);

}  // namespace sim
