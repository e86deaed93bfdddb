// sim/scenario/subscription_conditions.hpp (private to npsim_scenario) — the conditions over the
// subscription lifecycle and the invoices (sim/subscriptions.hpp), read by sim/scenario/assessment.cpp:
//   {"subscription_state": {"sku": "…", "state": "active"}}   some subscription of the SKU is in that state
//                                                              ("active" | "expired" | "disabled" |
//                                                              "deleted")
//   {"invoice_exists": {"sku": "…", "min_amount_cents": 1}}    an invoice (of the SKU, at least that amount;
//                                                              both optional) exists
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace sim {

void validate_subscription_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                                     std::vector<ConditionError>& errors);
bool evaluate_subscription_condition(const std::string& key, const nlohmann::json& v, const World& w);

}  // namespace sim
