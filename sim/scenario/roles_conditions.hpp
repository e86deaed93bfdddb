// sim/scenario/roles_conditions.hpp (private to npsim_scenario) — the condition over Roles > Role
// assignments (sim/roles.hpp), read by sim/scenario/assessment.cpp:
//   {"role_held": {"user": "kim@verein.de", "role": "global_admin"}}   the user (active) holds the role
//   {"role_held": {"role": "global_admin", "min_holders": 2}}          at least 2 active people hold it
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_roles_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                              std::vector<ConditionError>& errors);
bool evaluate_roles_condition(const std::string& key, const nlohmann::json& v, const World& w);

}  // namespace sim
