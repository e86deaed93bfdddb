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
class Calendar;
struct ActionResult;

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
    std::string status =
        "due";  // "due" | "paid" | "failed" (the renewal payment failed; subscriptions.renew)
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

// False with a JSON pointer (relative to the world) and a plain message for an impossible state: more
// licences assigned than bought, a licence naming an unknown or Deleted subscription or one of another
// SKU, an invoice of an unknown subscription. world_from_json refuses such a world.
bool subscriptions_consistent(const World& w, std::string& pointer, std::string& message);

// [SECTION] Licence counts (domain-admin.md §1.4, domain.md §3.4, C32)

// When the current removal window closes: Settings::licence_removal_window after the purchase, the last
// renewal or reactivation, or the last mid-term purchase (lifecycle on; otherwise after the purchase).
SimTime removal_window_ends(const World& w, const Calendar& cal, const Subscription& s);
// Why Buy licenses (`removing` false) or Remove licenses (true) is turned off now; "" = it is not. With
// the lifecycle: "billing.credit_check_pending", "billing.purchased_via_reseller", "billing.prepaid"
// (both), then for paid seats "billing.recurring_billing_off" and "billing.outside_removal_window".
std::string licence_change_blocked(const World& w, const Calendar& cal, SimTime now, const Subscription& s,
                                   bool removing);
// billing.change_quantity with the lifecycle on: the rules above as a result (ok or the failure), and
// the bookkeeping after a change (a mid-term purchase opens a new removal window).
ActionResult subscription_quantity_check(Context& ctx, const Subscription& s, int quantity);
void subscription_quantity_changed(Context& ctx, Subscription& s, int old_quantity);

// [SECTION] Used by billing.place_order

// Queues the subscription's renewal when the lifecycle is on, and bills the purchase.
void subscription_bought(Context& ctx, const Subscription& s);

void register_subscriptions(Registry& r);

}  // namespace sim
