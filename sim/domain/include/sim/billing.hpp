// sim/billing.hpp — the admin center's Billing area: Purchase services, checkout, Your products,
// buying and removing licences (domain.md §3).
//
// Operations: billing.add_payment_method {kind: "card"|"invoice", card_last4},
//   billing.place_order {sku, quantity, term, billing_frequency, payment_method?},
//   billing.change_quantity {subscription, quantity (the new total)}.
// Event: billing.review_cleared — the "account under review" hold ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/world.hpp"

namespace sim {

// Roles that may buy: Global or Billing Administrator (a License Administrator may not).
constexpr RoleSet kPurchaseRoles = role_bit(Role::GlobalAdmin) | role_bit(Role::BillingAdmin);

// Billing > Purchase services: nonprofit products (approved, nonprofit-tagged tenant) then
// commercial ones; only commercial products otherwise. Only purchasable products.
std::vector<const Product*> purchase_services(const World& w);
bool shows_nonprofit_offers(const World& w);

// What a checkout would charge per billing period (price × quantity, × 12 when billed annually).
std::int64_t order_total_cents(const Product& p, int quantity, const std::string& billing_frequency);

}  // namespace sim
