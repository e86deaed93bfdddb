// sim/scenario/teams_conditions.hpp (private to npsim_scenario) — the conditions over Teams (sim/teams.hpp),
// read by sim/scenario/assessment.cpp:
//   {"team_exists": {"name": "Vorstand", "min_members": 4, "guests": 1}}
//        a team of that name (case-insensitive) exists with at least min_members owners and members
//        (default 1) and at least `guests` guests (default 0)
//   {"can_use_teams": "anna@verein.onmicrosoft.com"}
//        the person can use Teams now (an active licence that includes Teams, Teams not switched off in it)
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_teams_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                              std::vector<ConditionError>& errors);
bool evaluate_teams_condition(const std::string& key, const nlohmann::json& v, const World& w);

}  // namespace sim
