// sim/roles.hpp — Roles > Role assignments / Rollen > Rollenzuweisungen (domain-admin.md §3.4, domain.md
// §4.6): the admin roles the page lists, who holds them, and the role sets other areas check.
//
// Operations (sim/domain/roles.cpp): roles.assign {user, role}, roles.remove {user, role}. Only a Global
// Administrator assigns and removes roles ("Privileged Role Administrator" is not modelled); the last
// Global Administrator cannot be removed; shared mailboxes and deleted users hold no roles.
#pragma once

#include <vector>

#include "sim/registry.hpp"
#include "sim/world.hpp"

namespace sim {

// Exchange Administrator: shared mailboxes, distribution lists, mailbox permissions, converting a
// mailbox (domain-admin.md §3.4, §4.2).
constexpr RoleSet kExchangeRoles = role_bit(Role::GlobalAdmin) | role_bit(Role::ExchangeAdmin);
// Teams Administrator: the Teams admin center, org-wide Teams settings (domain-admin.md §3.4, §6.2).
constexpr RoleSet kTeamsAdminRoles = role_bit(Role::GlobalAdmin) | role_bit(Role::TeamsAdmin);
// Who may assign and remove admin roles.
constexpr RoleSet kRoleAssignRoles = role_bit(Role::GlobalAdmin);

// Microsoft recommends 2 to 4 Global Administrators (domain-admin.md §3.4).
constexpr int kRecommendedMinGlobalAdmins = 2;
constexpr int kRecommendedMaxGlobalAdmins = 4;

// The roles of the Roles page in its order (the common ones first, Global Administrator on top).
const std::vector<Role>& page_roles();

// The active (not deleted) people holding `r`, in directory order; their number.
std::vector<const Person*> role_holders(const World& w, Role r);
int role_holder_count(const World& w, Role r);
// Whether `p` may be given a role: an active user, not a shared mailbox.
bool can_hold_roles(const World& w, const Person& p);

void register_roles(Registry& r);

}  // namespace sim
