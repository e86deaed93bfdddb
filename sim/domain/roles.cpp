// sim/roles.cpp — Roles > Role assignments (domain-admin.md §3.4, domain.md §4.6): assigning and removing
// an admin role, guarded like users.edit's roles (only a Global Administrator; never the last one).
#include "sim/roles.hpp"

#include "sim/domains.hpp"
#include "sim/journey.hpp"

namespace sim {

// [SECTION] Queries ---------------------------------------------------------------------------

const std::vector<Role>& page_roles() {
    static const std::vector<Role> kRolesOnPage = {
        Role::GlobalAdmin,   Role::BillingAdmin, Role::LicenceAdmin,   Role::UserAdmin,
        Role::ExchangeAdmin, Role::TeamsAdmin,   Role::DomainNameAdmin};
    return kRolesOnPage;
}

std::vector<const Person*> role_holders(const World& w, Role r) {
    std::vector<const Person*> out;
    for (const Person& p : w.people)
        if (!p.deleted && p.has_role(r)) out.push_back(&p);
    return out;
}

int role_holder_count(const World& w, Role r) {
    int n = 0;
    for (const Person& p : w.people) n += (!p.deleted && p.has_role(r)) ? 1 : 0;
    return n;
}

bool can_hold_roles(const World& w, const Person& p) {
    return !p.deleted && find_shared_mailbox(w, p.upn) == nullptr;
}

// [SECTION] Operations ------------------------------------------------------------------------

namespace {

struct RlTarget {
    Person* user = nullptr;
    Role role = Role::GlobalAdmin;
};

// The signed-in Global Administrator, the role and the person named by the action; false with `fail`
// set when one of them is missing or not allowed.
bool rl_prepare(World& w, const Action& a, RlTarget& t, ActionResult& fail) {
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return false;
    if (!has_any_role(*actor, kRoleAssignRoles)) {
        fail = ActionResult::failure("roles.insufficient_role");
        return false;
    }
    const std::string role = a.arg<std::string>("role", "");
    if (!parse_role(role, t.role)) {
        fail = ActionResult::failure("roles.unknown_role", {{"role", role}});
        return false;
    }
    const std::string upn = a.arg<std::string>("user", "");
    t.user = w.find_person(upn);
    if (t.user == nullptr) {
        fail = ActionResult::failure("roles.unknown_user", {{"user", upn}});
        return false;
    }
    if (t.user->deleted) {
        fail = ActionResult::failure("roles.user_deleted", {{"user", upn}});
        return false;
    }
    return true;
}

ActionResult rl_done(const World& w, const RlTarget& t, bool changed) {
    return ActionResult::success({{"user", t.user->upn},
                                  {"role", to_string(t.role)},
                                  {"changed", changed},
                                  {"global_admins", role_holder_count(w, Role::GlobalAdmin)}});
}

ActionResult op_roles_assign(Context& ctx, const Action& a) {
    World& w = ctx.world();
    RlTarget t;
    ActionResult fail;
    if (!rl_prepare(w, a, t, fail)) return fail;
    // A shared mailbox's account has no usable sign-in (domain-admin.md §4.2): it holds no roles.
    if (!can_hold_roles(w, *t.user))
        return ActionResult::failure("roles.shared_mailbox", {{"user", t.user->upn}});
    const bool changed = !t.user->has_role(t.role);
    t.user->roles |= role_bit(t.role);
    return rl_done(w, t, changed);
}

ActionResult op_roles_remove(Context& ctx, const Action& a) {
    World& w = ctx.world();
    RlTarget t;
    ActionResult fail;
    if (!rl_prepare(w, a, t, fail)) return fail;
    const bool changed = t.user->has_role(t.role);
    // The organisation needs at least one Global Administrator (the guard of users.edit and users.delete).
    if (changed && t.role == Role::GlobalAdmin && role_holder_count(w, Role::GlobalAdmin) <= 1)
        return ActionResult::failure("roles.last_global_admin", {{"user", t.user->upn}});
    t.user->roles &= ~role_bit(t.role);
    return rl_done(w, t, changed);
}

}  // namespace

void register_roles(Registry& r) {
    const std::vector<ArgSpec> args = {{"user", ArgType::String, true}, {"role", ArgType::String, true}};
    const std::vector<std::string> who = {"auth.unknown_account",    "auth.sign_in_blocked",
                                          "roles.insufficient_role", "roles.unknown_role",
                                          "roles.unknown_user",      "roles.user_deleted"};
    std::vector<std::string> assign_errors = who, remove_errors = who;
    assign_errors.emplace_back("roles.shared_mailbox");
    remove_errors.emplace_back("roles.last_global_admin");
    r.add(make_operation("roles.assign", args, assign_errors, {}, {}, started<op_roles_assign>));
    r.add(make_operation("roles.remove", args, remove_errors, {}, {}, started<op_roles_remove>));
}

}  // namespace sim
