// sim/programme.hpp — the nonprofit programme over time:
//   - the yearly re-verification (domain.md §1.5–1.6): with settings.reverification_lifecycle a reminder
//     mail before the due date, the due date (status ReverifyRequired, offers at risk but still shown), and
//     after the grace period the lapse: the offers disappear from the portal and from Purchase services,
//     and (settings.reverification_lapse_blocks_renewal, domain-admin.md §1.7 [U]) a grant's renewal fails
//     like one with recurring billing off. A verification approved again lifts the lapse.
//   - the catalog edition by date (domain.md §0, §2.1–2.2): a scenario with "catalog": {"edition":
//     "by_date"} starts with the edition in force on its start date and switches from "before-2025-07" to
//     "from-2025-07" at 2025-07-01 00:00 in its time zone (event catalog.edition_changed). Products that a
//     subscription holds stay in the catalog, no longer purchasable.
//
// ProgrammeState is plain data held by World::programme, absent from the canonical JSON while empty.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/catalog.hpp"
#include "sim/time.hpp"

namespace sim {

struct World;
struct Subscription;
class Context;

// The editions a by-date catalog moves through, and the date of the change (domain.md §0).
constexpr const char* kEditionByDate = "by_date";
constexpr const char* kEditionBefore = "before-2025-07";
constexpr const char* kEditionFrom = "from-2025-07";
constexpr CivilDate kEditionChangeDate{2025, 7, 1};

struct ProgrammeState {
    // Re-verification (settings.reverification_lifecycle).
    bool lapsed = false;       // the grace period ended without a re-verification
    SimTime lapsed_at = -1;    // when it lapsed
    bool reverifying = false;  // portal.reverify was sent before the lapse; its decision is pending
    // Catalog by date ("edition": "by_date"): the next edition and when it takes over.
    bool by_date = false;
    SimTime edition_change_at = -1;  // -1: no change ahead
    std::optional<Catalog> next_catalog;

    bool empty() const { return !lapsed && lapsed_at < 0 && !reverifying && !by_date; }
};

nlohmann::json to_json(const ProgrammeState& s);
bool programme_from_json(const nlohmann::json& j, ProgrammeState& out, std::string& error);

// [SECTION] Queries (pure)

// Whether the organisation's eligibility is in force: Approved; with the re-verification lifecycle also
// while a re-verification is due or being decided, until it lapses.
bool eligibility_current(const World& w);
// Whether the lapse blocks this subscription's renewal (a grant, lapsed, the setting on).
bool renewal_blocked_by_lapse(const World& w, const Subscription& s);
// When the re-verification's reminder and lapse are (none: lifecycle off, no due date, no reminder).
// Start states approved long ago have dates before the start (negative sim times).
std::optional<SimTime> reverification_reminder_at(const World& w);
std::optional<SimTime> reverification_lapse_at(const World& w);

// [SECTION] The edition change (event catalog.edition_changed, registered by register_portal)

void on_edition_changed(Context& ctx, const nlohmann::json& data);

}  // namespace sim
