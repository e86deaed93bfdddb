// sim/teams.hpp — Microsoft Teams for the association (domain-admin.md §6, domain.md §5.2; support cases
// C11, C27, C28): Microsoft 365 groups and teams (owners, members, guests, channels, the provisioning lag
// of the group and its SharePoint site), the org-wide guest access switch (takes effect after a delay),
// and the per-user "Apps und Dienste" of a licence (Teams or the Office apps switched off for one user).
//
// TeamsState is plain data held by World::teams; it is absent from the canonical JSON while it is empty,
// so worlds without teams hash as before. The operations (teams.*, licences.set_service) are registered
// by register_teams (sim/domain/teams.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

struct World;
struct Registry;
struct ShapeError;

struct TeamMember {
    std::string upn;
    std::string role = "member";  // "owner" | "member"
};

struct TeamGuest {
    std::string email;  // lower-case
    std::string display_name;
    SimTime added_at = 0;
};

// A team = a Microsoft 365 group + SharePoint site + group mailbox (domain-admin.md §6.3).
struct Team {
    std::string id;  // "team-0001"
    std::string name;
    std::string description;
    std::string privacy = "private";  // "private" | "public"
    std::vector<TeamMember> members;  // owners and members, in the order added
    std::vector<TeamGuest> guests;
    std::vector<std::string> channels = {"General"};
    SimTime created_at = 0;
    SimTime provisioned_at = -1;  // the group's site is ready (Files tab); -1 = still provisioning
    std::uint64_t serial = 0;     // matches the teams.provisioned event

    bool provisioned() const { return provisioned_at >= 0; }
    const TeamMember* member(std::string_view upn) const;
    bool is_owner(std::string_view upn) const;
};

// A service of a licence switched off for one user (Users > user > Licenses and apps > "Apps und Dienste").
struct ServiceOff {
    std::string upn;
    std::string sku;
    std::string service;  // "teams" | "office"
};

struct TeamsState {
    std::vector<Team> teams;
    // Teams admin center > Guest access > "Allow guest access in Teams": what the admin set (nullopt = the
    // setting teams_guest_access_default) and what is in effect (changes after
    // Settings::guest_access_change).
    std::optional<bool> guest_access_setting;
    std::optional<bool> guest_access_effective;
    std::uint64_t guest_access_serial = 0;   // the pending change's serial (stale events do nothing)
    SimTime guest_access_effective_at = -1;  // when the pending change takes effect; -1 = none pending
    std::vector<ServiceOff> services_off;

    bool empty() const {
        return teams.empty() && !guest_access_setting && !guest_access_effective &&
               guest_access_serial == 0 && guest_access_effective_at < 0 && services_off.empty();
    }
};

nlohmann::json to_json(const TeamsState& t);
bool teams_from_json(const nlohmann::json& j, TeamsState& out, std::string& error);

// [SECTION] Queries

// Whether `upn` can use Teams now, and why not: "" (can), "unknown_user", "no_licence" (no licence at all),
// "licence_without_teams" (C27: e.g. an "EEA (no Teams)" suite), "service_off" (Teams switched off in the
// licence, C11), "licence_pending" (a licence with Teams is still propagating), "subscription_disabled" (its
// subscription is Disabled or Deleted, C21).
struct TeamsAccess {
    bool can_use = false;
    std::string reason;
};
TeamsAccess teams_access(const World& w, std::string_view upn);
bool can_use_teams(const World& w, std::string_view upn);
// Whether the service ("teams" | "office") of `sku` is on for `upn` (on unless switched off).
bool service_enabled(const World& w, std::string_view upn, std::string_view sku, std::string_view service);
// Org-wide guest access: the admin's setting and what is in effect.
bool guest_access_setting(const World& w);
bool guest_access_effective(const World& w);
// A team by id or name (case-insensitive name); nullptr if none.
const Team* find_team(const World& w, std::string_view id_or_name);
// The teams `upn` belongs to (owner or member), in creation order.
std::vector<const Team*> teams_of(const World& w, std::string_view upn);
// The organisation's name as the "ask your admin" message names it.
std::string teams_org_name(const World& w);

// The start state's "teams" object (docs/reference/start-state.md): {"guest_access": bool, "teams": […],
// "services_off": [{"user", "sku", "service"}]}. Errors as JSON pointers.
void read_teams_start(const nlohmann::json& start, World& w, std::vector<ShapeError>& errors);

void register_teams(Registry& r);

}  // namespace sim
