// sim/users.hpp — Users > Active users: the add-user wizard, edit, delete and the page's filters
// (domain.md §4.2, §4.6).
//
// Operations: users.add {first_name, last_name, display_name, username, domain, password_mode,
//   password (redacted to password_check), require_password_change, usage_location, licences, roles, kind},
//   users.edit {user, display_name?, usage_location?, roles?, block_sign_in?}, users.delete {user}.
#pragma once

#include <string_view>
#include <vector>

#include "sim/world.hpp"

namespace sim {

enum class UserFilter { All, Licensed, Unlicensed, Admins, GlobalAdmins, BillingAdmins, SignInBlocked };
bool parse_user_filter(std::string_view s, UserFilter& out);  // "all", "licensed", "unlicensed", "admins", …

// The active (not deleted) users that pass `filter`, in directory order. A pure query.
std::vector<const Person*> list_users(const World& w, UserFilter filter);

// Roles that may add and edit users: Global, User or License Administrator (domain.md §4.2);
// admin roles themselves are given only by a Global Administrator.
constexpr RoleSet kUserRoles =
    role_bit(Role::GlobalAdmin) | role_bit(Role::UserAdmin) | role_bit(Role::LicenceAdmin);

}  // namespace sim
