// sim/object_refs.hpp — npsim-cli check: the people and start-state objects a scenario's reference
// solution and conditions name must exist (docs/reference/start-state.md, "What check resolves").
//
// People (by sign-in name): an action's "actor", "user" and each of "users" must be a person of
// /start/people (a name without "@" gets the tenant's domain, as the start state does) or one an earlier
// step creates (users.add: username@domain or the tenant's domain; portal.register:
// username@tenant_name.onmicrosoft.com). A condition's person ("person"/"licensed" "upn", "mail" "to")
// may name anyone of the start state or created by any step. While a scenario has no person at all (none
// in the start state, none added by an earlier step), people are not checked: there is nothing to go by.
// Author ids: a subscription ("subscription" of billing.change_quantity, a condition's subscription
// "id"), a payment method ("payment_method" of billing.place_order) and a mail ("mail" of
// mail.mark_read) must name an "id" of the start state. Ids of the counter's form ("sub-0003") are made
// at run time and are not checked, nor are steps that expect an "…unknown…" error (they test it), nor
// scenarios whose start is a snapshot ("start": {"world": …}).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"

namespace sim {

// Appends one error per unresolved reference: its JSON pointer and a "did you mean".
void check_object_references(const nlohmann::json& root, std::vector<ConditionError>& errors);

}  // namespace sim
