// sim/scenario/usage_conditions.hpp (private to npsim_scenario) — the conditions over usage and the grant's
// 85 % rule (sim/usage.hpp), read by sim/scenario/assessment.cpp:
//   {"utilisation_at_least": {"percent": 85}}        the assigned grant licences are at least that percent in
//                                                    active use over the settings' window (or "days": 1–366);
//                                                    true when no grant licence is assigned
//   {"grant_notice": {"stage": "warned"}}            the 85 % rule's notice stage: "none" | "warned" |
//                                                    "final" | "disabled"
//   {"report_names_concealed": {"concealed": false}} Reports hide (true) or show (false) user names
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_usage_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                              std::vector<ConditionError>& errors);
bool evaluate_usage_condition(const std::string& key, const nlohmann::json& v, const World& w, SimTime now);

}  // namespace sim
