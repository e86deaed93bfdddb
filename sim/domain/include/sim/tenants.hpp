// sim/tenants.hpp — more than one tenant of the same organisation (domain.md C9): other tenants a board
// member registered, which tenant holds the nonprofit status, registering again ("already linked") and the
// two resolution paths of the reference ([D], settings.tenant_move_policy):
//   "newer" (default): one eligible tenant per organisation; grants can't be moved, tenants can't be
//       merged. The portal shows which onmicrosoft.com tenant is validated; the fix is to let that
//       tenant's entitlements lapse (tenants.release_status) and validate the working tenant again
//       (portal.submit_registration). tenants.request_status_move fails with tenants.move_not_supported.
//   "older_csp": Contact Us asks Microsoft to move the status to the working tenant
//       (tenants.request_status_move); after settings.tenant_status_move_delay the status moves.
//
// The tenant the trainee works in stays World::tenant (its nonprofit_tagged flag). TenantsState, held by
// World::tenants, lists the other tenants; it is absent from the canonical JSON while it is empty.
//
// Operations: tenants.release_status, tenants.request_status_move. Event: tenants.status_moved.
// Start state: "start": {"tenants": [{"name", "registered_by", "validated"}]} (read_tenants_start).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/shape.hpp"
#include "sim/time.hpp"

namespace sim {

struct World;
struct Registry;
struct ActionResult;

// Another tenant of the same organisation (not the one the trainee works in).
struct OtherTenant {
    std::string name;            // "vereinev"
    std::string initial_domain;  // "vereinev.onmicrosoft.com"
    std::string registered_by;   // who registered it, e.g. "Bernd Kaiser (Kassenwart)"
    bool validated = false;      // holds the organisation's nonprofit status
    SimTime released_at = -1;    // when its status was given up (tenants.release_status); -1 = never
    bool operator==(const OtherTenant& o) const;
};

// A request to move the nonprofit status to the working tenant (older CSP guidance, via Contact Us).
struct StatusMoveRequest {
    std::string status;  // "" (none), "pending", "done"
    std::string from;    // the tenant name whose status moves
    SimTime requested_at = -1, due_at = -1, done_at = -1;
    std::uint64_t serial = 0;
    bool operator==(const StatusMoveRequest& o) const;
};

struct TenantsState {
    std::vector<OtherTenant> others;
    StatusMoveRequest move;
    bool empty() const { return others.empty() && move.status.empty(); }
};

nlohmann::json to_json(const TenantsState& s);
bool tenants_from_json(const nlohmann::json& j, TenantsState& out, std::string& why);

// [SECTION] Queries

// The other tenant that holds the nonprofit status, or nullptr (then the working tenant may hold it).
const OtherTenant* validated_other_tenant(const World& w);
// The initial domain of the tenant holding the status ("" = none).
std::string validated_tenant_domain(const World& w);
// Whether the tenant named `name` (the working tenant's name or an other's) holds the status.
bool tenant_is_validated(const World& w, std::string_view name);
// A tenant name of the onmicrosoft.com form: 3–27 lowercase letters and digits, starting with a letter.
bool is_onmicrosoft_name(std::string_view name);

// The portal's hook: registering again while another tenant of the organisation holds the status fails
// with "portal.already_linked" (params: domain, registered_by). Success when nothing blocks.
ActionResult registration_blocked_by_other_tenant(const World& w);

// "start": {"tenants": […]}; errors with JSON pointers (duplicate names, two validated tenants, bad names).
void read_tenants_start(const nlohmann::json& start, World& w, std::vector<ShapeError>& errors);

void register_tenants(Registry& r);

}  // namespace sim
