// sim/billing.cpp — buying licences: the purchase catalog, checkout rules (grant maximum, the
// 300-seat Business cap, payment method, the account-under-review hold), subscriptions and
// changing their quantity.
#include "sim/billing.hpp"

#include <algorithm>

#include "sim/journey.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Queries ---------------------------------------------------------------------------

bool shows_nonprofit_offers(const World& w) {
    return w.tenant.nonprofit_tagged && eligibility_current(w);  // sim/programme.hpp
}

std::vector<const Product*> purchase_services(const World& w) {
    std::vector<const Product*> out;
    const bool nonprofit = shows_nonprofit_offers(w);
    for (const char* audience : {"nonprofit", "commercial"}) {
        if (std::string_view(audience) == "nonprofit" && !nonprofit) continue;
        for (const auto& p : w.catalog.products)
            if (p.purchasable && p.audience == audience) out.push_back(&p);
    }
    return out;
}

std::int64_t order_total_cents(const Product& p, int quantity, const std::string& billing_frequency) {
    return p.price_cents * quantity * (billing_frequency == "annual" ? 12 : 1);
}

// [SECTION] Rules shared by ordering and buying more --------------------------------------------

static ActionResult require_buyer(World& w, const Action& a) {
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kPurchaseRoles)) return ActionResult::failure("billing.insufficient_role");
    return ActionResult::success();
}

// `extra` more seats of `p`: within the grant maximum and the cap across Business plans?
static ActionResult check_seat_limits(const World& w, const Product& p, int extra) {
    const int current = seats_of(w, p.sku).total;
    if (p.max_seats > 0 && current + extra > p.max_seats)
        return ActionResult::failure("billing.grant_limit_exceeded",
                                     {{"sku", p.sku}, {"max", p.max_seats}, {"current", current}});
    if (p.business_plan) {
        const int business = business_seats(w);
        if (business + extra > w.settings.business_seat_cap)
            return ActionResult::failure("billing.business_seat_cap",
                                         {{"cap", w.settings.business_seat_cap}, {"current", business}});
    }
    return ActionResult::success();
}

static ActionResult check_available(const World& w, const Product& p) {
    if (p.audience == "nonprofit" && !shows_nonprofit_offers(w))
        return ActionResult::failure("billing.product_not_available", {{"sku", p.sku}});
    return ActionResult::success();
}

// [SECTION] Operations ------------------------------------------------------------------------

static ActionResult op_add_payment_method(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult buyer = require_buyer(w, a);
    if (!buyer.ok) return buyer;
    PaymentMethod m;
    m.kind = a.arg<std::string>("kind", "card");
    if (m.kind == "card") {
        // Only the last four digits ever reach the world: never a card number.
        const std::string last4 = a.arg<std::string>("card_last4", "");
        if (last4.size() != 4 ||
            !std::all_of(last4.begin(), last4.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return ActionResult::failure("billing.invalid_payment_method", {{"field", "card_last4"}});
        m.label = "•••• " + last4;
    } else if (m.kind == "invoice") {
        m.label = "invoice";
    } else {
        return ActionResult::failure("billing.invalid_payment_method", {{"field", "kind"}});
    }
    m.id = w.make_id("pm");
    w.billing.payment_methods.push_back(m);
    return ActionResult::success({{"payment_method", m.id}});
}

static ActionResult op_place_order(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult buyer = require_buyer(w, a);
    if (!buyer.ok) return buyer;
    const std::string sku = a.arg<std::string>("sku", "");
    const Product* p = w.catalog.find(sku);
    if (p == nullptr || !p->purchasable)
        return ActionResult::failure("billing.unknown_product", {{"sku", sku}});
    ActionResult available = check_available(w, *p);
    if (!available.ok) return available;
    const int quantity = a.arg<int>("quantity", 0);
    if (quantity < 1) return ActionResult::failure("billing.invalid_quantity", {{"quantity", quantity}});
    const std::string term = a.arg<std::string>("term", p->terms.empty() ? "P1M" : p->terms.front());
    if (std::find(p->terms.begin(), p->terms.end(), term) == p->terms.end())
        return ActionResult::failure("billing.invalid_term", {{"term", term}});
    const std::string frequency =
        a.arg<std::string>("billing_frequency", term == "P1Y" ? "annual" : "monthly");
    if (std::find(p->billing_frequencies.begin(), p->billing_frequencies.end(), frequency) ==
            p->billing_frequencies.end() ||
        (term == "P1M" && frequency == "annual"))
        return ActionResult::failure("billing.invalid_billing_frequency", {{"billing_frequency", frequency}});
    ActionResult limits = check_seat_limits(w, *p, quantity);
    if (!limits.ok) return limits;

    // The registration-number review (C8) starts at the first checkout and blocks it until cleared.
    if (w.settings.account_review_hold && w.billing.status == BillingAccountStatus::NotReviewed) {
        w.billing.status = BillingAccountStatus::UnderReview;
        const Duration d = w.settings.account_review_delay.sample(ctx.rng("delays"));
        ctx.schedule_at(apply_duration(ctx.calendar(), ctx.now(), d), "billing.review_cleared");
        send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.account_under_review",
                           {{"domain", w.tenant.initial_domain}});
    }
    if (w.billing.status == BillingAccountStatus::UnderReview)
        return ActionResult::failure("billing.account_under_review");

    const std::int64_t total = order_total_cents(*p, quantity, frequency);
    std::string method = a.arg<std::string>("payment_method", "");
    if (!method.empty()) {
        auto it = std::find_if(w.billing.payment_methods.begin(), w.billing.payment_methods.end(),
                               [&](const PaymentMethod& m) { return m.id == method; });
        if (it == w.billing.payment_methods.end())
            return ActionResult::failure("billing.unknown_payment_method", {{"payment_method", method}});
    } else if (!w.billing.payment_methods.empty()) {
        method = w.billing.payment_methods.front().id;
    }
    if (method.empty() && (total > 0 || w.settings.zero_order_requires_payment_method))
        return ActionResult::failure("billing.payment_method_required", {{"total_cents", total}});

    Subscription s;
    s.id = w.make_id("sub");
    s.sku = p->sku;
    s.quantity = quantity;
    s.term = term;
    s.billing_frequency = frequency;
    s.price_cents_each = p->price_cents;
    s.purchased_at = ctx.now();
    s.renewal_at = add_months(ctx.calendar(), ctx.now(), term == "P1Y" ? 12 : 1);
    s.payment_method = method;
    w.subscriptions.push_back(s);
    subscription_bought(ctx, w.subscriptions.back());  // renewal and invoice, when the lifecycle runs
    Person* actor = w.find_person(a.actor);
    send_mail(w, ctx.now(), *actor, kAdminSender, "mail.order_confirmation",
              {{"sku", p->sku},
               {"product", p->name.en},
               {"product_de", p->name.de},
               {"quantity", quantity},
               {"total_cents", total},
               {"currency", p->currency},
               {"subscription", s.id},
               {"renewal", ctx.calendar().format_iso(s.renewal_at).substr(0, 10)}});
    return ActionResult::success({{"subscription", s.id}, {"total_cents", total}});
}

static ActionResult op_change_quantity(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult buyer = require_buyer(w, a);
    if (!buyer.ok) return buyer;
    // The subscription by id, or (as scenario authors and testers think of it) the first active one of a SKU.
    std::string id = a.arg<std::string>("subscription", "");
    const std::string sku = a.arg<std::string>("sku", "");
    if (id.empty() && !sku.empty())
        for (const Subscription& sub : w.subscriptions)
            if (sub.sku == sku && sub.status == SubscriptionStatus::Active) {
                id = sub.id;
                break;
            }
    Subscription* s = w.find_subscription(id);
    if (s == nullptr)
        return ActionResult::failure("billing.unknown_subscription",
                                     {{"subscription", id.empty() ? sku : id}});
    if (s->status != SubscriptionStatus::Active)
        return ActionResult::failure("billing.subscription_not_active", {{"subscription", id}});
    const Product* p = w.catalog.find(s->sku);
    if (p == nullptr || !p->purchasable)
        return ActionResult::failure("billing.unknown_product", {{"sku", s->sku}});
    const int quantity = a.arg<int>("quantity", 0);
    if (quantity < 1) return ActionResult::failure("billing.invalid_quantity", {{"quantity", quantity}});
    if (quantity < s->assigned)
        return ActionResult::failure("billing.below_assigned",
                                     {{"assigned", s->assigned}, {"quantity", quantity}});
    if (w.settings.subscription_lifecycle) {  // domain-admin.md §1.4 (sim/subscriptions.hpp)
        ActionResult rules = subscription_quantity_check(ctx, *s, quantity);
        if (!rules.ok) return rules;
    }
    if (quantity > s->quantity) {
        ActionResult available = check_available(w, *p);
        if (!available.ok) return available;
        ActionResult limits = check_seat_limits(w, *p, quantity - s->quantity);
        if (!limits.ok) return limits;
    } else if (!w.settings.subscription_lifecycle && quantity < s->quantity && s->price_cents_each > 0 &&
               ctx.now() - s->purchased_at > w.settings.licence_removal_window) {
        // Paid licences can be removed only shortly after purchase or renewal (§3.4 [D]).
        return ActionResult::failure("billing.outside_removal_window", {{"subscription", id}});
    }
    const int old_quantity = s->quantity;
    s->quantity = quantity;
    subscription_quantity_changed(ctx, *s, old_quantity);
    return ActionResult::success({{"subscription", id}, {"quantity", quantity}});
}

static void on_review_cleared(Context& ctx, const json&) {
    World& w = ctx.world();
    if (w.billing.status != BillingAccountStatus::UnderReview) return;
    w.billing.status = BillingAccountStatus::Cleared;
    send_mail_to_roles(w, ctx.now(), kPurchaseRoles, kAdminSender, "mail.account_review_cleared",
                       {{"domain", w.tenant.initial_domain}});
}

void register_billing(Registry& r) {
    r.add(make_operation("billing.add_payment_method", {{"kind"}, {"card_last4"}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "billing.insufficient_role",
                          "billing.invalid_payment_method"},
                         {}, {}, started<op_add_payment_method>));
    r.add(make_operation(
        "billing.place_order",
        {{"sku"}, {"quantity", ArgType::Integer}, {"term"}, {"billing_frequency"}, {"payment_method"}},
        {"auth.unknown_account", "auth.sign_in_blocked", "billing.insufficient_role",
         "billing.unknown_product", "billing.product_not_available", "billing.invalid_quantity",
         "billing.invalid_term", "billing.invalid_billing_frequency", "billing.grant_limit_exceeded",
         "billing.business_seat_cap", "billing.account_under_review", "billing.unknown_payment_method",
         "billing.payment_method_required"},
        {"mail.account_under_review.subject", "mail.account_under_review.body",
         "mail.order_confirmation.subject", "mail.order_confirmation.body"},
        {}, started<op_place_order>, nullptr,
        Delay::uniform(Duration{2 * kSecond, 0}, Duration{8 * kSecond, 0})));
    r.add(make_operation(
        "billing.change_quantity", {{"subscription"}, {"quantity", ArgType::Integer}, {"sku"}},
        {"auth.unknown_account", "auth.sign_in_blocked", "billing.insufficient_role",
         "billing.unknown_subscription", "billing.subscription_not_active", "billing.unknown_product",
         "billing.invalid_quantity", "billing.below_assigned", "billing.product_not_available",
         "billing.grant_limit_exceeded", "billing.business_seat_cap", "billing.outside_removal_window",
         "billing.credit_check_pending", "billing.purchased_via_reseller", "billing.prepaid",
         "billing.recurring_billing_off"},
        {}, {}, started<op_change_quantity>));
    r.add_event("billing.review_cleared", started_event<on_review_cleared>);
}

}  // namespace sim
