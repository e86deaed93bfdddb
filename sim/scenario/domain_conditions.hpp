// sim/scenario/domain_conditions.hpp (private to npsim_scenario) — the conditions over the tenant's
// domains, the DNS host and the mailboxes (sim/domains.hpp), read by sim/scenario/assessment.cpp:
//   {"domain_status": {"domain": "verein.de", "status": "healthy", "default": true}}
//        status: unverified | incomplete_setup | healthy | possible_service_issues, or a list (any one)
//   {"dns_record": {"domain": "verein.de", "host": "@", "record_type": "TXT", "value": "MS=ms*",
//                   "present": true, "published": true, "visible": true}}
//        a record of that type at that host (value: a glob) is saved at the DNS host (present), the zone
//        has no unpublished changes (published), Microsoft sees such a record (visible)
//   {"mailbox": {"address": "info@verein.de", "kind": "shared"}}   kind: user | shared (default: either)
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_domain_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                               std::vector<ConditionError>& errors);
bool evaluate_domain_condition(const std::string& key, const nlohmann::json& v, const World& w);

}  // namespace sim
