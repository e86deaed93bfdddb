// sim/licences.hpp — licences: assign / unassign from a user or a product, propagation, the
// Billing > Licenses page (domain.md §4.3, §4.4).
//
// Operations: licences.assign {sku, users:[upn…] | user:upn}, licences.unassign {sku, users | user}.
// Event: licences.propagated {upn, sku, serial} — a pending assignment becomes active.
#pragma once

#include <string>
#include <vector>

#include "sim/world.hpp"

namespace sim {

// One row of Billing > Licenses: every active subscription of a product summed (5 + 8 = 13).
struct LicenceRow {
    std::string sku;
    int total = 0;
    int assigned = 0;
    int available() const { return total - assigned; }
};
std::vector<LicenceRow> licences_page(const World& w);  // in catalog order, products with seats only

// The people holding `sku` (any state), in directory order.
std::vector<const Person*> licence_holders(const World& w, const std::string& sku);

// Roles that may assign licences: Global, License or User Administrator (a Billing Administrator may not).
constexpr RoleSet kLicenceRoles =
    role_bit(Role::GlobalAdmin) | role_bit(Role::LicenceAdmin) | role_bit(Role::UserAdmin);

}  // namespace sim
