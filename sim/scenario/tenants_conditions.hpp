// sim/scenario/tenants_conditions.hpp (private to npsim_scenario) — the condition over the tenants of the
// organisation (sim/tenants.hpp, C9), read by sim/scenario/assessment.cpp:
//   {"tenant_validated": {"tenant": "verein"}}   that tenant (the working tenant's name or another's, with or
//                                                without ".onmicrosoft.com") holds the nonprofit status
//   {"tenant_validated": {}}                     the tenant the trainee works in holds it
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_tenants_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                                std::vector<ConditionError>& errors);
bool evaluate_tenants_condition(const std::string& key, const nlohmann::json& v, const World& w);

}  // namespace sim
