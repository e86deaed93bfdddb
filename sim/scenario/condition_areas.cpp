// sim/scenario/condition_areas.cpp — one row per area's conditions (see condition_areas.hpp).
#include "condition_areas.hpp"

#include <algorithm>

#include "domain_conditions.hpp"
#include "identity_conditions.hpp"
#include "roles_conditions.hpp"
#include "subscription_conditions.hpp"
#include "teams_conditions.hpp"
#include "tenants_conditions.hpp"
#include "usage_conditions.hpp"

namespace sim {

const std::vector<ConditionArea>& condition_areas() {
    static const std::vector<ConditionArea> areas = {
        {{"domain_status", "dns_record", "mailbox"},
         validate_domain_condition,
         [](const std::string& k, const nlohmann::json& v, const World& w, SimTime) {
             return evaluate_domain_condition(k, v, w);
         }},
        {{"signed_in", "mfa_registered", "account_locked"},
         validate_identity_condition,
         evaluate_identity_condition},
        {{"role_held"},
         validate_roles_condition,
         [](const std::string& k, const nlohmann::json& v, const World& w, SimTime) {
             return evaluate_roles_condition(k, v, w);
         }},
        {{"subscription_state", "invoice_exists"},
         validate_subscription_condition,
         [](const std::string& k, const nlohmann::json& v, const World& w, SimTime) {
             return evaluate_subscription_condition(k, v, w);
         }},
        {{"team_exists", "can_use_teams"},
         validate_teams_condition,
         [](const std::string& k, const nlohmann::json& v, const World& w, SimTime) {
             return evaluate_teams_condition(k, v, w);
         }},
        {{"tenant_validated"},  // more than one tenant, C9 (sim/scenario/tenants_conditions.cpp)
         validate_tenants_condition,
         [](const std::string& k, const nlohmann::json& v, const World& w, SimTime) {
             return evaluate_tenants_condition(k, v, w);
         }},
        // Usage and the 85 % rule (sim/scenario/usage_conditions.cpp).
        {{"utilisation_at_least", "grant_notice", "report_names_concealed"},
         validate_usage_condition,
         evaluate_usage_condition},
    };
    return areas;
}

const ConditionArea* condition_area_of(const std::string& key) {
    for (const ConditionArea& area : condition_areas())
        if (std::find(area.keys.begin(), area.keys.end(), key) != area.keys.end()) return &area;
    return nullptr;
}

}  // namespace sim
