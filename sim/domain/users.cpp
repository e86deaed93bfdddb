// sim/users.cpp — adding, editing and deleting users; the Active users filters.
#include "sim/users.hpp"

#include <algorithm>

#include "sim/domains.hpp"
#include "sim/identity.hpp"
#include "sim/journey.hpp"
#include "sim/licences.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Queries ---------------------------------------------------------------------------

bool parse_user_filter(std::string_view s, UserFilter& out) {
    static const std::pair<const char*, UserFilter> kNames[] = {
        {"all", UserFilter::All},
        {"licensed", UserFilter::Licensed},
        {"unlicensed", UserFilter::Unlicensed},
        {"admins", UserFilter::Admins},
        {"global_admins", UserFilter::GlobalAdmins},
        {"billing_admins", UserFilter::BillingAdmins},
        {"sign_in_blocked", UserFilter::SignInBlocked}};
    for (const auto& [name, f] : kNames)
        if (s == name) return out = f, true;
    return false;
}

std::vector<const Person*> list_users(const World& w, UserFilter filter) {
    std::vector<const Person*> out;
    for (const auto& p : w.people) {
        if (p.deleted) continue;
        bool pass = true;
        switch (filter) {
            case UserFilter::All:
                break;
            case UserFilter::Licensed:
                pass = !p.licences.empty();
                break;
            case UserFilter::Unlicensed:
                pass = p.licences.empty();
                break;
            case UserFilter::Admins:
                pass = p.is_admin();
                break;
            case UserFilter::GlobalAdmins:
                pass = p.has_role(Role::GlobalAdmin);
                break;
            case UserFilter::BillingAdmins:
                pass = p.has_role(Role::BillingAdmin);
                break;
            case UserFilter::SignInBlocked:
                pass = p.sign_in_blocked;
                break;
        }
        if (pass) out.push_back(&p);
    }
    return out;
}

// [SECTION] Helpers ---------------------------------------------------------------------------

static int global_admin_count(const World& w) {
    int n = 0;
    for (const auto& p : w.people)
        if (!p.deleted && p.has_role(Role::GlobalAdmin)) ++n;
    return n;
}

static ActionResult parse_roles(const Action& a, RoleSet& out) {
    out = 0;
    for (const auto& name : a.arg<std::vector<std::string>>("roles", {})) {
        Role r;
        if (!parse_role(name, r)) return ActionResult::failure("users.unknown_role", {{"role", name}});
        out |= role_bit(r);
    }
    return ActionResult::success();
}

// A domain new sign-in names may use: the tenant's and verified (domain.md §4.2; domain-admin.md §5).
static ActionResult check_user_domain(const World& w, const std::string& domain) {
    if (domain != w.tenant.initial_domain && find_domain(w, domain) == nullptr)
        return ActionResult::failure("users.unknown_domain", {{"domain", domain}});
    if (!is_verified_domain(w, domain))
        return ActionResult::failure("users.domain_not_verified", {{"domain", domain}});
    return ActionResult::success();
}

// [SECTION] Operations ------------------------------------------------------------------------

static ActionResult op_add(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kUserRoles)) return ActionResult::failure("users.insufficient_role");

    // Basics.
    Person p;
    p.first_name = a.arg<std::string>("first_name", "");
    p.last_name = a.arg<std::string>("last_name", "");
    p.display_name = a.arg<std::string>("display_name", "");
    if (p.display_name.empty())
        return ActionResult::failure("users.field_required", {{"field", "display_name"}});
    const std::string username = a.arg<std::string>("username", "");
    if (username.empty()) return ActionResult::failure("users.field_required", {{"field", "username"}});
    if (!is_username(username))
        return ActionResult::failure("users.invalid_username", {{"username", username}});
    std::string domain = a.arg<std::string>("domain", "");
    if (domain.empty()) domain = default_domain(w);  // the suggested domain ("Set as default")
    ActionResult on_domain = check_user_domain(w, domain);
    if (!on_domain.ok) return on_domain;
    p.upn = username + "@" + domain;
    if (w.find_person(p.upn) != nullptr || find_person_by_address(w, p.upn) != nullptr ||
        find_reserved_address(w, p.upn, ctx.now()) != nullptr)  // a deleted user's alias (30 days)
        return ActionResult::failure("users.username_taken", {{"upn", p.upn}});
    const std::string mode = a.arg<std::string>("password_mode", "auto");
    if (mode == "own") {
        const std::string check = a.arg<std::string>("password_check", "");
        if (check.empty()) return ActionResult::failure("users.field_required", {{"field", "password"}});
        if (check != "ok") return ActionResult::failure(check);
    } else if (mode != "auto") {
        return ActionResult::failure("users.invalid_password_mode", {{"password_mode", mode}});
    }
    p.must_change_password = a.arg<bool>("require_password_change", true);
    if (!parse_person_kind(a.arg<std::string>("kind", "paid_staff"), p.kind))
        return ActionResult::failure("users.invalid_kind", {{"kind", a.arg<std::string>("kind", "")}});

    // Licences (the location comes first in the wizard's licence pane).
    p.usage_location = a.arg<std::string>("usage_location", "");
    if (!p.usage_location.empty() && !is_country_code(p.usage_location))
        return ActionResult::failure("users.invalid_usage_location", {{"usage_location", p.usage_location}});
    const auto skus = a.arg<std::vector<std::string>>("licences", {});
    std::vector<const Product*> products;
    if (!skus.empty() && !has_any_role(*actor, kLicenceRoles))
        return ActionResult::failure("licences.insufficient_role");
    for (const auto& sku : skus) {
        const Product* prod = w.catalog.find(sku);
        if (prod == nullptr) return ActionResult::failure("licences.unknown_product", {{"sku", sku}});
        ActionResult r = check_assignable(w, p, *prod);
        if (!r.ok) return r;
        if (seats_of(w, sku).available() < 1)
            return ActionResult::failure("licences.no_seats_left",
                                         {{"sku", sku}, {"available", 0}, {"needed", 1}});
        LicenceAssignment probe;  // so a second plan of the same group in this wizard conflicts
        probe.sku = sku;
        p.licences.push_back(probe);
        products.push_back(prod);
    }
    p.licences.clear();

    // Optional settings: admin roles, given only by a Global Administrator.
    RoleSet roles = 0;
    ActionResult rr = parse_roles(a, roles);
    if (!rr.ok) return rr;
    if (roles != 0 && !actor->has_role(Role::GlobalAdmin))
        return ActionResult::failure("users.roles_need_global_admin");
    p.roles = roles;

    // Finish adding.
    p.id = w.make_id("user");
    p.created_at = ctx.now();
    const std::string upn = p.upn, actor_upn = actor->upn;
    Person& added = w.add_person(std::move(p));  // may move `actor`: look it up again below
    for (const Product* prod : products) grant_licence(ctx, added, *prod);
    // The welcome mail names the sign-in; the password was shown once in the wizard and is never stored.
    send_mail(w, ctx.now(), *w.find_person(upn), kAdminSender, "mail.welcome",
              {{"display_name", added.display_name},
               {"upn", upn},
               {"admin", actor_upn},
               {"must_change_password", added.must_change_password}});
    return ActionResult::success({{"upn", upn}, {"id", w.find_person(upn)->id}});
}

static ActionResult op_edit(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kUserRoles)) return ActionResult::failure("users.insufficient_role");
    const std::string upn = a.arg<std::string>("user", "");
    Person* p = w.find_person(upn);
    if (!is_usable(p)) return ActionResult::failure("users.unknown_user", {{"user", upn}});
    // A License Administrator may change the usage location, nothing else (domain.md §4.6).
    const bool only_location = !has_any_role(*actor, role_bit(Role::GlobalAdmin) | role_bit(Role::UserAdmin));
    if (only_location && (a.has("display_name") || a.has("roles") || a.has("block_sign_in")))
        return ActionResult::failure("users.insufficient_role");
    // Admins are managed by Global Administrators only.
    if (p->is_admin() && !actor->has_role(Role::GlobalAdmin) && !only_location)
        return ActionResult::failure("users.insufficient_role");

    // Check everything first, then change: an edit is all or nothing.
    const bool set_location = a.has("usage_location");
    const std::string location = a.arg<std::string>("usage_location", "");
    if (set_location) {
        if (location.empty() && !p->licences.empty())
            return ActionResult::failure("users.usage_location_in_use", {{"user", upn}});
        if (!location.empty() && !is_country_code(location))
            return ActionResult::failure("users.invalid_usage_location", {{"usage_location", location}});
    }
    const bool set_name = a.has("display_name");
    const std::string name = a.arg<std::string>("display_name", "");
    if (set_name && name.empty())
        return ActionResult::failure("users.field_required", {{"field", "display_name"}});
    RoleSet roles = p->roles;
    const bool set_roles = a.has("roles");
    if (set_roles) {
        ActionResult rr = parse_roles(a, roles);
        if (!rr.ok) return rr;
        if (roles != p->roles && !actor->has_role(Role::GlobalAdmin))
            return ActionResult::failure("users.roles_need_global_admin");
        if (p->has_role(Role::GlobalAdmin) && (roles & role_bit(Role::GlobalAdmin)) == 0 &&
            global_admin_count(w) <= 1)
            return ActionResult::failure("users.last_global_admin");
    }
    const bool set_block = a.has("block_sign_in");
    const bool block = a.arg<bool>("block_sign_in", false);
    if (set_block && block && p == actor) return ActionResult::failure("users.cannot_block_self");

    if (set_location) p->usage_location = location;
    if (set_name) p->display_name = name;
    if (set_roles) p->roles = roles;
    if (set_block) p->sign_in_blocked = block;
    return ActionResult::success({{"user", upn}});
}

Person* user_admin_target(World& w, const Action& a, Person*& actor, ActionResult& fail) {
    actor = require_actor(w, a, fail);
    if (actor == nullptr) return nullptr;
    if (!has_any_role(*actor, role_bit(Role::GlobalAdmin) | role_bit(Role::UserAdmin))) {
        fail = ActionResult::failure("users.insufficient_role");
        return nullptr;
    }
    const std::string upn = a.arg<std::string>("user", "");
    Person* p = w.find_person(upn);
    if (!is_usable(p)) {
        fail = ActionResult::failure("users.unknown_user", {{"user", upn}});
        return nullptr;
    }
    return p;
}

static ActionResult op_delete(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = nullptr;
    Person* p = user_admin_target(w, a, actor, fail);
    if (p == nullptr) return fail;
    const std::string upn = a.arg<std::string>("user", "");
    if (p == actor) return ActionResult::failure("users.cannot_delete_self");
    // domain-admin.md §4.1: an account converted to a shared mailbox can't be deleted (C24).
    if (const SharedMailbox* m = find_shared_mailbox(w, p->upn); m != nullptr && !m->converted_from.empty())
        return ActionResult::failure("users.cannot_delete_converted", {{"user", upn}});
    if (p->is_admin() && !actor->has_role(Role::GlobalAdmin))
        return ActionResult::failure("users.insufficient_role");
    if (p->has_role(Role::GlobalAdmin) && global_admin_count(w) <= 1)
        return ActionResult::failure("users.last_global_admin");
    // Deleting frees the licences at once (domain.md §4.3); the user goes to "Deleted users".
    while (!p->licences.empty()) release_licence(w, ctx.now(), *p, std::string(p->licences.front().sku));
    p->deleted = true;
    reserve_deleted_addresses(ctx, *p);  // domain-admin.md §4.1: its addresses stay reserved for 30 days
    return ActionResult::success({{"user", upn}});
}

// Users > user > Manage username and email: the new sign-in name; the old one stays as an alias
// (domain-admin.md §4.3, §5.4 "Change domains").
static ActionResult op_change_username(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = nullptr;
    Person* p = user_admin_target(w, a, actor, fail);
    if (p == nullptr) return fail;
    const std::string old_upn = a.arg<std::string>("user", "");
    if (p->is_admin() && !actor->has_role(Role::GlobalAdmin))
        return ActionResult::failure("users.insufficient_role");
    const std::string username = a.arg<std::string>("username", "");
    if (username.empty()) return ActionResult::failure("users.field_required", {{"field", "username"}});
    if (!is_username(username))
        return ActionResult::failure("users.invalid_username", {{"username", username}});
    std::string domain = a.arg<std::string>("domain", "");
    if (domain.empty()) domain = old_upn.substr(old_upn.find('@') + 1);
    ActionResult on_domain = check_user_domain(w, domain);
    if (!on_domain.ok) return on_domain;
    const std::string upn = username + "@" + domain;
    if (upn == old_upn) return ActionResult::success({{"user", upn}, {"previous", old_upn}});
    const Person* holder = find_person_by_address(w, upn);
    if ((holder != nullptr && holder != p) || (holder == nullptr && w.find_person(upn) != nullptr))
        return ActionResult::failure("users.username_taken", {{"upn", upn}});
    auto& aliases = p->aliases;
    aliases.erase(std::remove(aliases.begin(), aliases.end(), upn), aliases.end());
    if (static_cast<int>(aliases.size()) >= kMaxAliases)
        return ActionResult::failure("users.too_many_aliases", {{"max", kMaxAliases}});
    aliases.push_back(old_upn);
    p->upn = upn;
    w.person_index_cache.clear();  // the index is keyed by sign-in name
    if (w.organisation.registrant == old_upn) w.organisation.registrant = upn;
    for (auto& v : w.violations)
        if (v.upn == old_upn) v.upn = upn;
    // The sign-in state (MFA registration, lockout, first sign-in, recovery) belongs to the account, not
    // to its name: it moves with the new sign-in name.
    auto& accounts = w.identity.accounts;
    if (auto rec = accounts.find(old_upn); rec != accounts.end()) {
        const AccountIdentity moved = rec->second;
        accounts.erase(rec);
        accounts[upn] = moved;
    }
    if (w.identity.recovery.admin == old_upn) w.identity.recovery.admin = upn;
    return ActionResult::success({{"user", upn}, {"previous", old_upn}});
}

void register_users(Registry& r) {
    using T = ArgType;
    r.add(make_operation("users.add",
                         {{"first_name"},
                          {"last_name"},
                          {"display_name"},
                          {"username"},
                          {"domain"},
                          {"password_mode"},
                          {"password", T::String, false, true},  // secret: journaled as password_check
                          {"require_password_change", T::Boolean},
                          {"kind"},
                          {"usage_location"},
                          {"licences", T::StringList},
                          {"roles", T::StringList}},
                         {"auth.unknown_account",        "auth.sign_in_blocked",
                          "users.insufficient_role",     "users.field_required",
                          "users.invalid_username",      "users.unknown_domain",
                          "users.domain_not_verified",   "users.username_taken",
                          "users.invalid_password_mode", "password.too_short",
                          "password.too_weak",           "password.too_long",
                          "users.invalid_kind",          "users.invalid_usage_location",
                          "licences.insufficient_role",  "licences.unknown_product",
                          "licences.already_assigned",   "licences.conflicting_plans",
                          "licences.no_usage_location",  "licences.no_seats_left",
                          "users.unknown_role",          "users.roles_need_global_admin"},
                         {"mail.welcome.subject", "mail.welcome.body"}, {}, started<op_add>, nullptr,
                         Delay::uniform(Duration{kSecond, 0}, Duration{4 * kSecond, 0})));
    r.add(make_operation("users.edit",
                         {{"user"},
                          {"usage_location"},
                          {"display_name"},
                          {"roles", T::StringList},
                          {"block_sign_in", T::Boolean}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "users.insufficient_role",
                          "users.unknown_user", "users.usage_location_in_use", "users.invalid_usage_location",
                          "users.field_required", "users.unknown_role", "users.roles_need_global_admin",
                          "users.last_global_admin", "users.cannot_block_self"},
                         {}, {}, started<op_edit>));
    r.add(make_operation(
        "users.delete", {{"user"}},
        {"auth.unknown_account", "auth.sign_in_blocked", "users.insufficient_role", "users.unknown_user",
         "users.cannot_delete_self", "users.last_global_admin", "users.cannot_delete_converted"},
        {}, {}, started<op_delete>));
    r.add(make_operation(
        "users.change_username", {{"user", T::String, true}, {"username", T::String, true}, {"domain"}},
        {"auth.unknown_account", "auth.sign_in_blocked", "users.insufficient_role", "users.unknown_user",
         "users.field_required", "users.invalid_username", "users.unknown_domain",
         "users.domain_not_verified", "users.username_taken", "users.too_many_aliases"},
        {}, {}, started<op_change_username>));
}

}  // namespace sim
