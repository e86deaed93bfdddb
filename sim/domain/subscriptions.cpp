// sim/subscriptions.cpp — the subscription lifecycle on the virtual clock (domain-admin.md §1.1–1.7):
// renewal events, Expired → Disabled → Deleted with their grace periods, the July 2025 grant change at
// renewal, cancel / reactivate / recurring billing, and the invoices of Bills & payments.
#include "sim/subscriptions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/billing.hpp"
#include "sim/journey.hpp"
#include "sim/registry.hpp"
#include "sim/usage.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

namespace {

// Renewals beyond five simulated years are not queued (a run to "all events" ends).
constexpr SimTime kSubHorizon = 5 * 366 * kDay;
// domain.md §2.2 / domain-admin.md §1.7: the first renewal on or after this date retires the grant.
constexpr CivilDate kSubGrantChange{2025, 7, 1};
constexpr const char* kSubPremiumGrant = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";
constexpr const char* kSubPremiumPaid = "M365_BUSINESS_PREMIUM_NONPROFIT_STAFF";

bool sub_before(const CivilDate& a, const CivilDate& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
}

int sub_term_months(const Subscription& s) {
    return s.term == "P1Y" ? 12 : 1;
}

std::string sub_date(Context& ctx, SimTime t) {
    return format_date(ctx.calendar().local(t).date);
}

std::string sub_product_name(const World& w, const std::string& sku) {
    const Product* p = w.catalog.find(sku);
    return p != nullptr ? p->name.en : sku;
}

}  // namespace

// [SECTION] JSON ----------------------------------------------------------------------------------

nlohmann::json to_json(const SubscriptionsState& s) {
    json invoices = json::array();
    for (const Invoice& inv : s.invoices) {
        json lines = json::array();
        for (const InvoiceLine& l : inv.lines)
            lines.push_back({{"sku", l.sku},
                             {"quantity", l.quantity},
                             {"unit_cents", l.unit_cents},
                             {"months", l.months},
                             {"amount_cents", l.amount_cents}});
        invoices.push_back({{"id", inv.id},
                            {"date", inv.date},
                            {"period_start", inv.period_start},
                            {"period_end", inv.period_end},
                            {"subscription", inv.subscription},
                            {"transaction", inv.transaction},
                            {"lines", std::move(lines)},
                            {"amount_cents", inv.amount_cents},
                            {"status", inv.status}});
    }
    return json{{"invoices", std::move(invoices)}, {"renewals_scheduled", s.renewals_scheduled}};
}

bool subscriptions_state_from_json(const nlohmann::json& j, SubscriptionsState& out, std::string& why) {
    try {
        SubscriptionsState s;
        s.renewals_scheduled = j.at("renewals_scheduled").get<bool>();
        for (const json& ij : j.at("invoices")) {
            Invoice inv;
            inv.id = ij.at("id").get<std::string>();
            inv.date = ij.at("date").get<SimTime>();
            inv.period_start = ij.at("period_start").get<SimTime>();
            inv.period_end = ij.at("period_end").get<SimTime>();
            inv.subscription = ij.at("subscription").get<std::string>();
            inv.transaction = ij.at("transaction").get<std::string>();
            inv.amount_cents = ij.at("amount_cents").get<std::int64_t>();
            inv.status = ij.at("status").get<std::string>();
            for (const json& lj : ij.at("lines"))
                inv.lines.push_back({lj.at("sku").get<std::string>(), lj.at("quantity").get<int>(),
                                     lj.at("unit_cents").get<std::int64_t>(), lj.at("months").get<int>(),
                                     lj.at("amount_cents").get<std::int64_t>()});
            s.invoices.push_back(std::move(inv));
        }
        out = std::move(s);
        return true;
    } catch (const json::exception& e) {
        why = std::string("not a billing history: ") + e.what();
        return false;
    }
}

// [SECTION] Queries -------------------------------------------------------------------------------

std::string retired_grant_successor(std::string_view sku) {
    return sku == kSubPremiumGrant ? kSubPremiumPaid : "";
}

bool licence_works(const World& w, const LicenceAssignment& l) {
    if (l.state != LicenceState::Active) return false;
    for (const Subscription& s : w.subscriptions)
        if (s.id == l.subscription)
            return s.status != SubscriptionStatus::Disabled && s.status != SubscriptionStatus::Deleted;
    return true;  // a licence without a known subscription (older start states) keeps working
}

SimTime subscription_disabled_at(const World& w, const Subscription& s) {
    if (s.status == SubscriptionStatus::Expired && s.state_since >= 0)
        return s.state_since + w.settings.subscription_expired_days * kDay;
    if (s.status == SubscriptionStatus::Active && !s.recurring_billing)
        return s.renewal_at + w.settings.subscription_expired_days * kDay;
    return -1;
}

SimTime subscription_deleted_at(const World& w, const Subscription& s) {
    if (s.status == SubscriptionStatus::Disabled && s.state_since >= 0)
        return s.state_since + w.settings.subscription_disabled_days * kDay;
    const SimTime disabled = subscription_disabled_at(w, s);
    return disabled < 0 ? -1 : disabled + w.settings.subscription_disabled_days * kDay;
}

std::vector<const Invoice*> invoices_of(const World& w, std::string_view subscription) {
    std::vector<const Invoice*> out;
    for (const Invoice& inv : w.billing_history.invoices)
        if (subscription.empty() || inv.subscription == subscription) out.push_back(&inv);
    std::reverse(out.begin(), out.end());
    return out;
}

// When the current term started: the purchase, the last renewal or the reactivation (-1 = none; sim time
// itself can be negative before the start).
static SimTime sub_term_started(const Calendar& cal, const Subscription& s) {
    const SimTime last_renewal = cal.add_months(s.renewal_at, -sub_term_months(s));
    const SimTime from = std::max(s.purchased_at, last_renewal);
    return s.state_since >= 0 ? std::max(from, s.state_since) : from;
}

SimTime removal_window_ends(const World& w, const Calendar& cal, const Subscription& s) {
    if (!w.settings.subscription_lifecycle) return s.purchased_at + w.settings.licence_removal_window;
    SimTime from = sub_term_started(cal, s);
    if (s.licences_added_at >= 0) from = std::max(from, s.licences_added_at);
    return from + w.settings.licence_removal_window;
}

std::string licence_change_blocked(const World& w, const Calendar& cal, SimTime now, const Subscription& s,
                                   bool removing) {
    const bool lifecycle = w.settings.subscription_lifecycle;
    if (lifecycle && s.credit_check_pending) return "billing.credit_check_pending";
    if (lifecycle && s.channel == "Reseller") return "billing.purchased_via_reseller";
    if (lifecycle && s.channel == "Prepaid") return "billing.prepaid";
    // $0 grants are not refunded, so their seats can be given back at any time.
    if (!removing || s.price_cents_each == 0) return "";
    if (lifecycle && !s.recurring_billing) return "billing.recurring_billing_off";
    if (now > removal_window_ends(w, cal, s)) return "billing.outside_removal_window";
    return "";
}

ActionResult subscription_quantity_check(Context& ctx, const Subscription& s, int quantity) {
    const std::string code =
        licence_change_blocked(ctx.world(), ctx.calendar(), ctx.now(), s, quantity < s.quantity);
    if (code.empty()) return ActionResult::success();
    return ActionResult::failure(code, {{"subscription", s.id}, {"date", sub_date(ctx, s.renewal_at)}});
}

void subscription_quantity_changed(Context& ctx, Subscription& s, int old_quantity) {
    if (ctx.world().settings.subscription_lifecycle && s.quantity > old_quantity)
        s.licences_added_at = ctx.now();  // a mid-term purchase opens a new removal window (§1.4)
    if (s.scheduled_quantity > 0 && s.scheduled_quantity >= s.quantity) s.scheduled_quantity = 0;
}

// The first impossible state of a world read from JSON (a snapshot's start, a session), for
// world_from_json: more assigned than bought, a licence on an unknown or Deleted subscription or of
// another SKU, an invoice of an unknown subscription.
static std::string sub_inconsistency(const World& w, std::string& pointer) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < w.subscriptions.size(); ++i) {
        const Subscription& s = w.subscriptions[i];
        ids.push_back(s.id);
        pointer = fmt::format("/subscriptions/{}/assigned", i);
        if (s.assigned < 0) return "must be 0 or more";
        if (s.assigned > s.quantity)
            return fmt::format(
                "is {} but only {} licences are bought (\"quantity\"): more assigned than bought", s.assigned,
                s.quantity);
    }
    for (std::size_t i = 0; i < w.people.size(); ++i)
        for (std::size_t k = 0; k < w.people[i].licences.size() && !w.people[i].deleted; ++k) {
            const LicenceAssignment& l = w.people[i].licences[k];
            // Older worlds: a licence without its subscription; a deleted user's are not checked.
            if (l.subscription.empty()) continue;
            pointer = fmt::format("/people/{}", i);
            const auto it = std::find(ids.begin(), ids.end(), l.subscription);
            if (it == ids.end())
                return fmt::format(
                    "licence {} ({}) names the subscription \"{}\", which this world does not have", k, l.sku,
                    l.subscription);
            const Subscription& s = w.subscriptions[static_cast<std::size_t>(it - ids.begin())];
            if (s.status == SubscriptionStatus::Deleted)
                return fmt::format(
                    "licence {} ({}) is a seat of the deleted subscription \"{}\"; a deleted "
                    "subscription's licences are removed",
                    k, l.sku, s.id);
            if (s.sku != l.sku)
                return fmt::format("licence {} is of {} but its subscription \"{}\" is of {}", k, l.sku, s.id,
                                   s.sku);
        }
    for (std::size_t i = 0; i < w.billing_history.invoices.size(); ++i) {
        const Invoice& inv = w.billing_history.invoices[i];
        pointer = fmt::format("/billing_history/invoices/{}/subscription", i);
        if (std::find(ids.begin(), ids.end(), inv.subscription) == ids.end())
            return fmt::format("names the subscription \"{}\", which this world does not have",
                               inv.subscription);
    }
    pointer.clear();
    return "";
}

bool subscriptions_consistent(const World& w, std::string& pointer, std::string& message) {
    message = sub_inconsistency(w, pointer);
    return message.empty();
}

// [SECTION] Invoices and events -------------------------------------------------------------------

static Invoice& sub_bill(Context& ctx, const Subscription& s, const std::string& transaction,
                         SimTime period_start, bool payment_failed = false) {
    World& w = ctx.world();
    Invoice inv;
    inv.id = w.make_id("inv");
    inv.date = ctx.now();
    inv.period_start = period_start;
    inv.period_end = ctx.calendar().add_months(period_start, sub_term_months(s));
    inv.subscription = s.id;
    inv.transaction = transaction;
    InvoiceLine line;
    line.sku = s.sku;
    line.quantity = s.quantity;
    line.unit_cents = s.price_cents_each;
    line.months = s.billing_frequency == "annual" ? 12 : 1;
    line.amount_cents = s.price_cents_each * s.quantity * line.months;
    inv.lines.push_back(line);
    inv.amount_cents = line.amount_cents;
    // A card pays at once; an invoice payment method (or none, for $0) waits for the transfer.
    // Billed to the subscription's payment method, else the billing account's first one.
    const PaymentMethod* method =
        w.billing.payment_methods.empty() ? nullptr : &w.billing.payment_methods.front();
    for (const PaymentMethod& m : w.billing.payment_methods)
        if (m.id == s.payment_method) method = &m;
    const bool card = method != nullptr && method->kind == "card";
    inv.status = payment_failed ? "failed" : inv.amount_cents == 0 || card ? "paid" : "due";
    w.billing_history.invoices.push_back(std::move(inv));
    return w.billing_history.invoices.back();
}

static void sub_schedule(Context& ctx, const std::string& kind, const Subscription& s, SimTime at) {
    if (at < ctx.now() || at > kSubHorizon) return;
    ctx.schedule_at(at, kind, {{"subscription", s.id}});
}

static void sub_queue_renewal(Context& ctx, const Subscription& s) {
    if (!ctx.world().settings.subscription_lifecycle) return;
    sub_schedule(ctx, "subscriptions.renewal", s, s.renewal_at);
}

static bool sub_is_portal(const World& w, const Subscription& s) {
    const Product* p = w.catalog.find(s.sku);
    return p != nullptr && p->portal_access;
}

static std::string sub_amount(std::int64_t cents) {
    return fmt::format("{}.{:02}", cents / 100, cents % 100);
}

// A planned licence count takes effect at renewal (§1.4), never below the licences assigned then.
static void sub_apply_scheduled(Subscription& s) {
    if (s.scheduled_quantity <= 0) return;
    s.quantity = std::max(s.scheduled_quantity, s.assigned);
    s.scheduled_quantity = 0;
}

// Moves `s` to `status` now and queues the next step of the grace period.
static void sub_enter(Context& ctx, Subscription& s, SubscriptionStatus status, bool expired_mail = true) {
    World& w = ctx.world();
    s.status = status;
    s.state_since = ctx.now();
    s.scheduled_quantity = 0;
    const std::string product = sub_product_name(w, s.sku);
    if (status == SubscriptionStatus::Expired) {
        const SimTime next = ctx.now() + w.settings.subscription_expired_days * kDay;
        sub_schedule(ctx, "subscriptions.disable", s, next);
        if (expired_mail)
            send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.subscription_expired",
                               {{"product", product}, {"date", sub_date(ctx, next)}});
    } else if (status == SubscriptionStatus::Disabled) {
        const SimTime next = ctx.now() + w.settings.subscription_disabled_days * kDay;
        sub_schedule(ctx, "subscriptions.delete", s, next);
        send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.subscription_disabled",
                           {{"product", product}, {"date", sub_date(ctx, next)}});
    } else if (status == SubscriptionStatus::Deleted) {
        // The data is gone and the seats with it: every licence of the subscription is released.
        for (Person& p : w.people) {
            auto held = std::find_if(p.licences.begin(), p.licences.end(),
                                     [&](const LicenceAssignment& l) { return l.subscription == s.id; });
            if (held != p.licences.end()) release_licence(w, ctx.now(), p, held->sku);
        }
        send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.subscription_deleted",
                           {{"product", product}});
    }
}

// The renewal's charge is the step "subscriptions.renew": a fault rule on that operation makes the
// payment fail (docs/reference/faults.md, "The renewal payment fails").
static bool sub_charge_declined(Context& ctx, const Subscription& s) {
    return ctx.fault(Action{"subscriptions.renew", "", {{"subscription", s.id}}}).has_value();
}

// The renewal payment failed: the invoice stays unpaid ("failed"), the subscription expires on its end
// date (domain-admin.md §1.1, C21: "card failed → Expired 30 d → Disabled"), the admins get a mail.
// Paying the invoice (subscriptions.renew) renews the term.
static void sub_payment_failed(Context& ctx, Subscription& s, const std::string& transaction) {
    World& w = ctx.world();
    const Invoice& inv = sub_bill(ctx, s, transaction, s.renewal_at, /*payment_failed=*/true);
    const json params{{"product", sub_product_name(w, s.sku)},
                      {"invoice", inv.id},
                      {"amount", sub_amount(inv.amount_cents)}};
    sub_enter(ctx, s, SubscriptionStatus::Expired, /*expired_mail=*/false);
    json with_date = params;
    with_date["date"] = sub_date(ctx, subscription_disabled_at(w, s));
    send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.renewal_payment_failed", with_date);
}

// A retired grant renewing: paid at the discounted price, or its end (domain-admin.md §1.7 [D]).
static void sub_convert_grant(Context& ctx, Subscription& s, const std::string& successor) {
    World& w = ctx.world();
    const Product* paid = w.catalog.find(successor);
    if (s.assigned == 0 || paid == nullptr || w.settings.premium_grant_renewal == "grant_ends") {
        // Moved in time (nobody holds it) or the grant simply ends: the usual grace period follows.
        s.recurring_billing = false;
        sub_enter(ctx, s, SubscriptionStatus::Expired);
        return;
    }
    s.converted_from = s.sku;
    s.sku = paid->sku;
    s.price_cents_each = paid->price_cents;
    for (Person& p : w.people)
        for (LicenceAssignment& l : p.licences)
            if (l.subscription == s.id) l.sku = paid->sku;
    sub_apply_scheduled(s);
    if (s.price_cents_each > 0 && sub_charge_declined(ctx, s)) {
        sub_payment_failed(ctx, s, "convert");
        return;
    }
    const SimTime start = s.renewal_at;
    s.renewal_at = ctx.calendar().add_months(start, sub_term_months(s));
    const Invoice& inv = sub_bill(ctx, s, "convert", start);
    send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.subscription_converted",
                       {{"product", sub_product_name(w, s.converted_from)},
                        {"paid_product", paid->name.en},
                        {"amount", sub_amount(inv.amount_cents)},
                        {"invoice", inv.id}});
    sub_queue_renewal(ctx, s);
}

static Subscription* sub_for_event(Context& ctx, const json& data, SubscriptionStatus expected) {
    Subscription* s = ctx.world().find_subscription(data.value("subscription", ""));
    if (s == nullptr || s->status != expected) return nullptr;
    // A renewal is stale when the subscription moved on meanwhile (reactivated, renewed); the grace
    // steps compare their date with the state's start (ev_disable, ev_delete).
    if (expected == SubscriptionStatus::Active && s->renewal_at != ctx.now()) return nullptr;
    return s;
}

static void ev_renewal(Context& ctx, const json& data) {
    Subscription* s = sub_for_event(ctx, data, SubscriptionStatus::Active);
    if (s == nullptr) return;
    if (renewal_blocked_by_lapse(ctx.world(), *s)) {  // §1.7 [U]: no grant renews while eligibility lapsed
        sub_enter(ctx, *s, SubscriptionStatus::Expired);  // sim/programme.hpp
        return;
    }
    const std::string successor = retired_grant_successor(s->sku);
    if (!successor.empty() && s->recurring_billing &&
        !sub_before(ctx.calendar().local(s->renewal_at).date, kSubGrantChange)) {
        sub_convert_grant(ctx, *s, successor);
        return;
    }
    if (!s->recurring_billing) {
        sub_enter(ctx, *s, SubscriptionStatus::Expired);  // on the end date (§1.1)
        return;
    }
    const SimTime start = s->renewal_at;
    sub_apply_scheduled(*s);
    // The $0 Nonprofit Portal licence renews with its organisation's status: a new term, no invoice.
    if (!sub_is_portal(ctx.world(), *s)) {
        if (s->price_cents_each > 0 && sub_charge_declined(ctx, *s)) {
            sub_payment_failed(ctx, *s, "renew");
            return;
        }
        sub_bill(ctx, *s, "renew", start);
    }
    s->renewal_at = ctx.calendar().add_months(start, sub_term_months(*s));
    sub_queue_renewal(ctx, *s);
}

static void ev_disable(Context& ctx, const json& data) {
    Subscription* s = sub_for_event(ctx, data, SubscriptionStatus::Expired);
    if (s != nullptr && ctx.now() == s->state_since + ctx.world().settings.subscription_expired_days * kDay)
        sub_enter(ctx, *s, SubscriptionStatus::Disabled);
}

static void ev_delete(Context& ctx, const json& data) {
    Subscription* s = sub_for_event(ctx, data, SubscriptionStatus::Disabled);
    if (s != nullptr && ctx.now() == s->state_since + ctx.world().settings.subscription_disabled_days * kDay)
        sub_enter(ctx, *s, SubscriptionStatus::Deleted);
}

void subscription_bought(Context& ctx, const Subscription& s) {
    if (!ctx.world().settings.subscription_lifecycle) return;
    sub_bill(ctx, s, "purchase", ctx.now());
    sub_queue_renewal(ctx, s);
}

// The start state's subscriptions join the clock once (a snapshot's events are already queued).
static void subscriptions_on_start(Context& ctx) {
    World& w = ctx.world();
    if (!w.settings.subscription_lifecycle || w.billing_history.renewals_scheduled) return;
    w.billing_history.renewals_scheduled = true;
    for (Subscription& s : w.subscriptions) {
        if (s.status == SubscriptionStatus::Active) {
            // The start's portal subscription has no dates: it was created with the registration.
            if (sub_is_portal(w, s) && s.renewal_at <= ctx.now()) {
                SimTime at = ctx.calendar().add_months(s.purchased_at, 12);
                for (int k = 2; at <= ctx.now() && k < 100; ++k)
                    at = ctx.calendar().add_months(s.purchased_at, 12 * k);
                s.renewal_at = at;
            }
            sub_queue_renewal(ctx, s);
            continue;
        }
        if (s.state_since < 0) s.state_since = ctx.now();
        if (s.status == SubscriptionStatus::Expired)
            sub_schedule(ctx, "subscriptions.disable", s,
                         s.state_since + w.settings.subscription_expired_days * kDay);
        else if (s.status == SubscriptionStatus::Disabled)
            sub_schedule(ctx, "subscriptions.delete", s,
                         s.state_since + w.settings.subscription_disabled_days * kDay);
    }
}

// [SECTION] Operations ----------------------------------------------------------------------------

static ActionResult sub_target(World& w, const Action& a, Subscription*& out) {
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kPurchaseRoles))
        return ActionResult::failure("subscriptions.insufficient_role");
    const std::string id = a.arg<std::string>("subscription", "");
    out = w.find_subscription(id);
    if (out == nullptr)
        return ActionResult::failure("subscriptions.unknown_subscription", {{"subscription", id}});
    return ActionResult::success();
}

// sub_target, and the subscription must be Active (recurring billing, cancel, planned changes).
static ActionResult sub_active_target(World& w, const Action& a, Subscription*& out) {
    ActionResult ok = sub_target(w, a, out);
    if (!ok.ok || out->status == SubscriptionStatus::Active) return ok;
    return ActionResult::failure("subscriptions.not_active",
                                 {{"subscription", out->id}, {"status", to_string(out->status)}});
}

static ActionResult op_set_recurring(Context& ctx, const Action& a) {
    World& w = ctx.world();
    Subscription* s = nullptr;
    ActionResult ok = sub_active_target(w, a, s);  // §1.3: changeable only while Active
    if (!ok.ok) return ok;
    s->recurring_billing = a.arg<bool>("enabled", true);
    if (!s->recurring_billing) s->scheduled_quantity = 0;  // §1.3: off cancels scheduled changes
    return ActionResult::success({{"subscription", s->id}, {"recurring_billing", s->recurring_billing}});
}

// MCA (§1.5): inside the 7-day window of the purchase or the last renewal → Disabled at once; later,
// cancelling turns recurring billing off and the subscription expires on its end date.
static ActionResult op_cancel(Context& ctx, const Action& a) {
    World& w = ctx.world();
    Subscription* s = nullptr;
    ActionResult ok = sub_active_target(w, a, s);
    if (!ok.ok) return ok;
    const bool in_window =
        ctx.now() - sub_term_started(ctx.calendar(), *s) <= w.settings.licence_removal_window;
    s->recurring_billing = false;
    if (in_window) sub_enter(ctx, *s, SubscriptionStatus::Disabled);
    return ActionResult::success({{"subscription", s->id}, {"status", to_string(s->status)}});
}

// §1.1: a Global or Billing admin reactivates while Expired or Disabled; a new term starts today.
static ActionResult op_reactivate(Context& ctx, const Action& a) {
    World& w = ctx.world();
    Subscription* s = nullptr;
    ActionResult ok = sub_target(w, a, s);
    if (!ok.ok) return ok;
    if (s->status == SubscriptionStatus::Deleted)
        return ActionResult::failure("subscriptions.deleted", {{"subscription", s->id}});
    if (s->status == SubscriptionStatus::Active)
        return ActionResult::failure("subscriptions.already_active", {{"subscription", s->id}});
    // domain-admin.md §2.2 / C22: a grant the 85 % rule disabled comes back through Nonprofit support
    // (sim/usage.hpp), not through Reactivate.
    const std::vector<std::string>& by_review = w.usage.disabled_subscriptions;
    if (std::find(by_review.begin(), by_review.end(), s->id) != by_review.end())
        return ActionResult::failure("subscriptions.grant_disabled_by_review", {{"subscription", s->id}});
    s->status = SubscriptionStatus::Active;
    s->recurring_billing = true;
    s->state_since = ctx.now();
    s->renewal_at = ctx.calendar().add_months(ctx.now(), sub_term_months(*s));
    sub_bill(ctx, *s, "re_enable", ctx.now());
    if (w.settings.subscription_lifecycle) sub_schedule(ctx, "subscriptions.renewal", *s, s->renewal_at);
    return ActionResult::success({{"subscription", s->id}, {"renewal_at", s->renewal_at}});
}

// Remove licenses after the window (§1.4, C32): the new total takes effect at renewal. Only with recurring
// billing on, never below the licences assigned (unassign first); the same total again cancels the plan.
static ActionResult op_schedule_quantity(Context& ctx, const Action& a) {
    World& w = ctx.world();
    Subscription* s = nullptr;
    ActionResult ok = sub_active_target(w, a, s);
    if (!ok.ok) return ok;
    const int quantity = a.arg<int>("quantity", 0);
    if (quantity < 1) return ActionResult::failure("billing.invalid_quantity", {{"quantity", quantity}});
    if (quantity > s->quantity)
        return ActionResult::failure("subscriptions.increase_now", {{"subscription", s->id}});
    const std::string blocked = licence_change_blocked(w, ctx.calendar(), ctx.now(), *s, false);
    if (!blocked.empty()) return ActionResult::failure(blocked, {{"subscription", s->id}});
    if (!s->recurring_billing)
        return ActionResult::failure("billing.recurring_billing_off", {{"subscription", s->id}});
    if (quantity < s->assigned)
        return ActionResult::failure("billing.below_assigned",
                                     {{"assigned", s->assigned}, {"quantity", quantity}});
    s->scheduled_quantity = quantity == s->quantity ? 0 : quantity;
    return ActionResult::success(
        {{"subscription", s->id}, {"quantity", quantity}, {"effective_at", s->renewal_at}});
}

// The last renewal invoice of `s` whose payment failed (nullptr = none).
static Invoice* sub_failed_invoice(World& w, const Subscription& s) {
    for (auto it = w.billing_history.invoices.rbegin(); it != w.billing_history.invoices.rend(); ++it)
        if (it->subscription == s.id && it->status == "failed") return &*it;
    return nullptr;
}

// Bills & payments > the failed invoice > Pay now (optionally with another payment method): the renewal
// goes through, and an Expired or Disabled subscription is active again for the term it was renewed for.
static ActionResult op_renew(Context& ctx, const Action& a) {
    World& w = ctx.world();
    Subscription* s = nullptr;
    ActionResult ok = sub_target(w, a, s);
    if (!ok.ok) return ok;
    if (s->status == SubscriptionStatus::Deleted)
        return ActionResult::failure("subscriptions.deleted", {{"subscription", s->id}});
    Invoice* inv = sub_failed_invoice(w, *s);
    if (inv == nullptr)
        return ActionResult::failure("subscriptions.nothing_to_pay", {{"subscription", s->id}});
    const std::string method = a.arg<std::string>("payment_method", "");
    if (!method.empty()) {
        const bool known = std::any_of(w.billing.payment_methods.begin(), w.billing.payment_methods.end(),
                                       [&](const PaymentMethod& m) { return m.id == method; });
        if (!known)
            return ActionResult::failure("billing.unknown_payment_method", {{"payment_method", method}});
        s->payment_method = method;
    }
    const PaymentMethod* pm = nullptr;
    for (const PaymentMethod& m : w.billing.payment_methods)
        if (pm == nullptr || m.id == s->payment_method) pm = &m;
    inv->status = pm != nullptr && pm->kind == "card" ? "paid" : "due";
    const std::string invoice = inv->id;
    if (s->status != SubscriptionStatus::Active) {
        s->status = SubscriptionStatus::Active;
        s->state_since = -1;
        s->recurring_billing = true;
        const int months = sub_term_months(*s);
        SimTime next = ctx.calendar().add_months(s->renewal_at, months);
        for (int k = 2; next <= ctx.now() && k < 100; ++k)
            next = ctx.calendar().add_months(s->renewal_at, months * k);
        s->renewal_at = next;
        sub_queue_renewal(ctx, *s);
    }
    return ActionResult::success(
        {{"subscription", s->id}, {"invoice", invoice}, {"renewal_at", s->renewal_at}});
}

void register_subscriptions(Registry& r) {
    const std::vector<std::string> texts = {
        "mail.subscription_expired.subject",   "mail.subscription_expired.body",
        "mail.subscription_disabled.subject",  "mail.subscription_disabled.body",
        "mail.subscription_deleted.subject",   "mail.subscription_deleted.body",
        "mail.subscription_converted.subject", "mail.subscription_converted.body"};
    r.add(make_operation("subscriptions.set_recurring_billing",
                         {{"subscription", ArgType::String, true}, {"enabled", ArgType::Boolean, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "subscriptions.insufficient_role",
                          "subscriptions.unknown_subscription", "subscriptions.not_active"},
                         {}, "", op_set_recurring));
    r.add(make_operation("subscriptions.cancel", {{"subscription", ArgType::String, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "subscriptions.insufficient_role",
                          "subscriptions.unknown_subscription", "subscriptions.not_active"},
                         texts, "", op_cancel));
    r.add(make_operation("subscriptions.reactivate", {{"subscription", ArgType::String, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "subscriptions.insufficient_role",
                          "subscriptions.unknown_subscription", "subscriptions.deleted",
                          "subscriptions.already_active", "subscriptions.grant_disabled_by_review"},
                         {}, "", op_reactivate));
    const std::vector<std::string> role_errors = {"auth.unknown_account", "auth.sign_in_blocked",
                                                  "subscriptions.insufficient_role",
                                                  "subscriptions.unknown_subscription"};
    std::vector<std::string> schedule_errors = role_errors;
    schedule_errors.insert(
        schedule_errors.end(),
        {"subscriptions.not_active", "billing.invalid_quantity", "subscriptions.increase_now",
         "billing.credit_check_pending", "billing.purchased_via_reseller", "billing.prepaid",
         "billing.recurring_billing_off", "billing.below_assigned"});
    r.add(make_operation("subscriptions.schedule_quantity",
                         {{"subscription", ArgType::String, true}, {"quantity", ArgType::Integer, true}},
                         schedule_errors, {}, "", op_schedule_quantity));
    std::vector<std::string> renew_errors = role_errors;
    renew_errors.insert(renew_errors.end(),
                        {"subscriptions.deleted", "subscriptions.nothing_to_pay",
                         "billing.unknown_payment_method", "subscriptions.payment_declined"});
    r.add(make_operation(
        "subscriptions.renew", {{"subscription", ArgType::String, true}, {"payment_method", ArgType::String}},
        renew_errors, {"mail.renewal_payment_failed.subject", "mail.renewal_payment_failed.body"}, "",
        op_renew));
    r.add_event("subscriptions.renewal", ev_renewal);
    r.add_event("subscriptions.disable", ev_disable);
    r.add_event("subscriptions.delete", ev_delete);
    r.on_start.push_back(subscriptions_on_start);
}

}  // namespace sim
