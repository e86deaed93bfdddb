// sim/scenario/identity_conditions.hpp (private to npsim_scenario) — the conditions over sign-in and MFA
// (sim/identity.hpp), read by sim/scenario/assessment.cpp:
//   {"signed_in": "ben@verein.de"}       the account has finished a sign-in (and not signed out since)
//   {"mfa_registered": "ben@verein.de"}  the account has a working Microsoft Authenticator registration
//   {"account_locked": "ben@verein.de"}  smart lockout holds the account now
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_identity_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                                 std::vector<ConditionError>& errors);
bool evaluate_identity_condition(const std::string& key, const nlohmann::json& v, const World& w,
                                 SimTime now);

}  // namespace sim
