// sim/licences.cpp — assigning and unassigning licences, their propagation delay and the
// compliance record of granted licences held by people the programme does not entitle.
#include "sim/licences.hpp"

#include <algorithm>

#include "sim/domains.hpp"
#include "sim/journey.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Queries ---------------------------------------------------------------------------

std::vector<LicenceRow> licences_page(const World& w) {
    std::vector<LicenceRow> rows;
    for (const auto& p : w.catalog.products) {
        const SeatCount c = seats_of(w, p.sku);
        if (c.total > 0) rows.push_back({p.sku, c.total, c.assigned});
    }
    return rows;
}

std::vector<const Person*> licence_holders(const World& w, const std::string& sku) {
    std::vector<const Person*> out;
    for (const auto& p : w.people)
        if (!p.deleted && p.licence(sku) != nullptr) out.push_back(&p);
    return out;
}

// [SECTION] Shared with users.add and the portal ---------------------------------------------

ActionResult check_assignable(const World& w, const Person& p, const Product& product) {
    if (p.usage_location.empty())
        return ActionResult::failure("licences.no_usage_location", {{"user", p.upn}});
    if (p.licence(product.sku) != nullptr)
        return ActionResult::failure("licences.already_assigned", {{"user", p.upn}, {"sku", product.sku}});
    if (!product.exclusive_group.empty()) {
        for (const auto& l : p.licences) {
            const Product* held = w.catalog.find(l.sku);
            if (held != nullptr && held->exclusive_group == product.exclusive_group)
                return ActionResult::failure("licences.conflicting_plans",
                                             {{"user", p.upn}, {"sku", product.sku}, {"held", l.sku}});
        }
    }
    return ActionResult::success();
}

void grant_licence(Context& ctx, Person& p, const Product& product, bool active_now) {
    World& w = ctx.world();
    Subscription* sub = nullptr;
    for (auto& s : w.subscriptions) {
        if (s.sku == product.sku && s.status == SubscriptionStatus::Active && s.available() > 0) {
            sub = &s;
            break;
        }
    }
    if (sub == nullptr) return;  // the caller checked the seats; nothing to take
    ++sub->assigned;
    LicenceAssignment l;
    l.sku = product.sku;
    l.subscription = sub->id;
    l.assigned_at = ctx.now();
    l.serial = w.next_id++;
    if (active_now) {
        l.state = LicenceState::Active;
        l.active_at = ctx.now();
    } else {
        const Duration d = w.settings.licence_propagation_delay.sample(ctx.rng("delays"));
        l.active_at = apply_duration(ctx.calendar(), ctx.now(), d);
        ctx.schedule_at(l.active_at, "licences.propagated",
                        {{"upn", p.upn}, {"sku", l.sku}, {"serial", l.serial}});
    }
    p.licences.push_back(l);
    // The programme's user rules (§1.2): the system lets it happen, the world remembers it.
    if (!product.eligible_kinds.empty() && !product.is_eligible(to_string(p.kind))) {
        ComplianceViolation v;
        v.id = w.make_id("cv");
        v.rule = product.grant ? "grant_not_entitled" : "discount_not_entitled";
        v.upn = p.upn;
        v.sku = product.sku;
        v.kind = p.kind;
        v.at = ctx.now();
        w.violations.push_back(v);
    }
}

void release_licence(World& w, SimTime now, Person& p, std::string_view sku) {
    auto it = std::find_if(p.licences.begin(), p.licences.end(),
                           [&](const LicenceAssignment& l) { return l.sku == sku; });
    if (it == p.licences.end()) return;
    if (Subscription* s = w.find_subscription(it->subscription)) s->assigned = std::max(0, s->assigned - 1);
    p.licences.erase(it);
    for (auto& v : w.violations)
        if (v.resolved_at < 0 && v.upn == p.upn && v.sku == sku) v.resolved_at = now;
}

// [SECTION] Operations ------------------------------------------------------------------------

// Reads "users" (array) or "user" (one), without duplicates, in the given order.
static std::vector<std::string> target_users(const Action& a) {
    std::vector<std::string> out = a.arg<std::vector<std::string>>("users", {});
    const std::string one = a.arg<std::string>("user", "");
    if (!one.empty()) out.push_back(one);
    std::vector<std::string> unique;
    for (auto& u : out)
        if (std::find(unique.begin(), unique.end(), u) == unique.end()) unique.push_back(std::move(u));
    return unique;
}

// The checks both operations share: actor and role, the list of users, the product.
static ActionResult prepare(World& w, const Action& a, std::vector<std::string>& users,
                            const Product*& product) {
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kLicenceRoles)) return ActionResult::failure("licences.insufficient_role");
    users = target_users(a);
    if (users.empty()) return ActionResult::failure("licences.no_users");
    if (static_cast<int>(users.size()) > w.settings.max_users_per_assignment)
        return ActionResult::failure("licences.too_many_users",
                                     {{"max", w.settings.max_users_per_assignment}, {"count", users.size()}});
    const std::string sku = a.arg<std::string>("sku", "");
    product = w.catalog.find(sku);
    if (product == nullptr) return ActionResult::failure("licences.unknown_product", {{"sku", sku}});
    for (const auto& u : users)
        if (!is_usable(w.find_person(u)))
            return ActionResult::failure("licences.unknown_user", {{"user", u}});
    return ActionResult::success();
}

// All or nothing: every user is checked before any seat is taken.
static ActionResult op_assign(Context& ctx, const Action& a) {
    World& w = ctx.world();
    std::vector<std::string> users;
    const Product* product = nullptr;
    ActionResult ok = prepare(w, a, users, product);
    if (!ok.ok) return ok;
    for (const auto& u : users) {
        ActionResult r = check_assignable(w, *w.find_person(u), *product);
        if (!r.ok) return r;
    }
    const SeatCount seats = seats_of(w, product->sku);
    if (seats.available() < static_cast<int>(users.size()))
        return ActionResult::failure(
            "licences.no_seats_left",
            {{"sku", product->sku}, {"available", std::max(0, seats.available())}, {"needed", users.size()}});
    for (const auto& u : users) grant_licence(ctx, *w.find_person(u), *product);
    return ActionResult::success({{"sku", product->sku}, {"users", users}});
}

static ActionResult op_unassign(Context& ctx, const Action& a) {
    World& w = ctx.world();
    std::vector<std::string> users;
    const Product* product = nullptr;
    ActionResult ok = prepare(w, a, users, product);
    if (!ok.ok) return ok;
    for (const auto& u : users)
        if (w.find_person(u)->licence(product->sku) == nullptr)
            return ActionResult::failure("licences.not_assigned", {{"user", u}, {"sku", product->sku}});
    for (const auto& u : users) release_licence(w, ctx.now(), *w.find_person(u), product->sku);
    return ActionResult::success({{"sku", product->sku}, {"users", users}});
}

static void on_propagated(Context& ctx, const json& data) {
    // By address: a username changed meanwhile keeps the old one as an alias.
    Person* p = find_person_by_address(ctx.world(), data.value("upn", std::string()));
    if (p == nullptr) return;
    const auto serial = data.value("serial", std::uint64_t{0});
    for (auto& l : p->licences)
        if (l.serial == serial) l.state = LicenceState::Active;  // unassigned meanwhile: nothing matches
}

void register_licences(Registry& r) {
    const std::vector<ArgSpec> args = {{"sku"}, {"users", ArgType::StringList}, {"user"}};
    r.add(make_operation("licences.assign", args,
                         {"auth.unknown_account", "auth.sign_in_blocked", "licences.insufficient_role",
                          "licences.no_users", "licences.too_many_users", "licences.unknown_product",
                          "licences.unknown_user", "licences.already_assigned", "licences.conflicting_plans",
                          "licences.no_usage_location", "licences.no_seats_left"},
                         {}, {}, started<op_assign>));
    r.add(make_operation("licences.unassign", args,
                         {"auth.unknown_account", "auth.sign_in_blocked", "licences.insufficient_role",
                          "licences.no_users", "licences.too_many_users", "licences.unknown_product",
                          "licences.unknown_user", "licences.not_assigned"},
                         {}, {}, started<op_unassign>));
    r.add_event("licences.propagated", started_event<on_propagated>);
}

}  // namespace sim
