// sim/subscriptions.hpp — the subscription lifecycle on the virtual clock (domain-admin.md §1.1–1.7,
// support cases C19 and C21): renewal at the renewal date (recurring billing on: a new term and an
// invoice; off: Expired, then Disabled, then Deleted after the grace periods), the July 2025 change of the
// nonprofit grants at renewal, cancel and reactivate, and the invoices of Billing > Bills & payments.
//
// The lifecycle runs only when a scenario turns it on (settings.subscription_lifecycle), so older runs
// keep their journals and hashes. SubscriptionsState is plain data held by World::billing_history; it is
// absent from the canonical JSON while it is empty.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

struct World;
struct Registry;
struct Subscription;
struct LicenceAssignment;
class Context;

// One line of an invoice: a product, its seats and what they cost for the service period.
struct InvoiceLine {
    std::string sku;
    int quantity = 0;
    std::int64_t unit_cents = 0;  // per user per month
    int months = 1;               // months the line bills
    std::int64_t amount_cents = 0;
};

// An invoice of Billing > Bills & payments (domain-admin.md §1.6).
struct Invoice {
    std::string id;  // "inv-0001"
    SimTime date = 0;
    SimTime period_start = 0, period_end = 0;  // the service period
    std::string subscription;                  // the subscription it bills
    std::string transaction;                   // "purchase" | "renew" | "convert" | "re_enable"
    std::vector<InvoiceLine> lines;
    std::int64_t amount_cents = 0;
    std::string status = "due";  // "due" | "paid"
};

struct SubscriptionsState {
    std::vector<Invoice> invoices;
    bool renewals_scheduled = false;  // the start's renewal events are queued (a snapshot keeps them)
    bool empty() const { return invoices.empty() && !renewals_scheduled; }
};

nlohmann::json to_json(const SubscriptionsState& s);
bool subscriptions_state_from_json(const nlohmann::json& j, SubscriptionsState& out, std::string& why);

// [SECTION] Queries

// The SKU a retired grant converts to at its first renewal on or after 2025-07-01 ("" = not retired).
std::string retired_grant_successor(std::string_view sku);
// Whether a licence gives its holder the product now: propagated, and its subscription neither
// Disabled nor Deleted (users lose app sign-in; admins still get into the admin center).
bool licence_works(const World& w, const LicenceAssignment& l);
// The dates Your products shows: when an Active subscription ends without recurring billing, and when
// an Expired / Disabled one moves on (-1 = none).
SimTime subscription_disabled_at(const World& w, const Subscription& s);
SimTime subscription_deleted_at(const World& w, const Subscription& s);
// Invoices of one subscription (all when `subscription` is empty), newest first.
std::vector<const Invoice*> invoices_of(const World& w, std::string_view subscription = {});

// [SECTION] Used by billing.place_order

// Queues the subscription's renewal when the lifecycle is on, and bills the purchase.
void subscription_bought(Context& ctx, const Subscription& s);

void register_subscriptions(Registry& r);

}  // namespace sim
