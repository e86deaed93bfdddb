// sim/programme.cpp — the nonprofit programme over time (sim/programme.hpp): the re-verification's lapse
// queries and the catalog edition that follows the simulated date. The re-verification events themselves
// live with the portal (sim/domain/portal.cpp).
#include "sim/programme.hpp"

#include "sim/registry.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] JSON ----------------------------------------------------------------------------------

nlohmann::json to_json(const ProgrammeState& s) {
    json j = json::object();
    if (s.lapsed) j["lapsed"] = true;
    if (s.lapsed_at >= 0) j["lapsed_at"] = s.lapsed_at;
    if (s.reverifying) j["reverifying"] = true;
    if (s.by_date) j["by_date"] = true;
    if (s.edition_change_at >= 0) j["edition_change_at"] = s.edition_change_at;
    if (s.next_catalog) j["next_catalog"] = to_json(*s.next_catalog);
    return j;
}

bool programme_from_json(const nlohmann::json& j, ProgrammeState& out, std::string& error) {
    if (!j.is_object()) return error = "must be an object", false;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        if (k != "lapsed" && k != "lapsed_at" && k != "reverifying" && k != "by_date" &&
            k != "edition_change_at" && k != "next_catalog")
            return error = "/" + k + ": unknown key", false;
    }
    try {
        ProgrammeState s;
        s.lapsed = j.value("lapsed", false);
        s.lapsed_at = j.value("lapsed_at", SimTime{-1});
        s.reverifying = j.value("reverifying", false);
        s.by_date = j.value("by_date", false);
        s.edition_change_at = j.value("edition_change_at", SimTime{-1});
        if (j.contains("next_catalog")) {
            Catalog c;
            std::string why;
            if (!catalog_from_json(j["next_catalog"], c, why)) return error = "/next_catalog: " + why, false;
            s.next_catalog = std::move(c);
        }
        out = std::move(s);
        return true;
    } catch (const json::exception& e) {
        error = std::string("not a programme state: ") + e.what();
        return false;
    }
}

// [SECTION] Queries -------------------------------------------------------------------------------

bool eligibility_current(const World& w) {
    const PortalStatus st = w.organisation.status;
    if (st == PortalStatus::Approved) return true;
    if (!w.settings.reverification_lifecycle || w.programme.lapsed) return false;
    return st == PortalStatus::ReverifyRequired || (st == PortalStatus::Pending && w.programme.reverifying);
}

bool renewal_blocked_by_lapse(const World& w, const Subscription& s) {
    if (!w.settings.reverification_lifecycle || !w.settings.reverification_lapse_blocks_renewal ||
        !w.programme.lapsed)
        return false;
    const Product* p = w.catalog.find(s.sku);
    return p != nullptr && p->grant && !p->portal_access;
}

std::optional<SimTime> reverification_reminder_at(const World& w) {
    const Organisation& o = w.organisation;
    const int days = w.settings.reverification_reminder_days;
    if (!w.settings.reverification_lifecycle || o.approved_at == -1 || days <= 0) return std::nullopt;
    const SimTime at = o.reverification_due_at - days * kDay;
    if (at < o.approved_at) return std::nullopt;  // a reminder before the approval: none
    return at;
}

std::optional<SimTime> reverification_lapse_at(const World& w) {
    const Organisation& o = w.organisation;
    if (!w.settings.reverification_lifecycle || o.approved_at == -1) return std::nullopt;
    return o.reverification_due_at + w.settings.reverification_grace_days * kDay;
}

// [SECTION] The edition change --------------------------------------------------------------------

void on_edition_changed(Context& ctx, const nlohmann::json&) {
    World& w = ctx.world();
    ProgrammeState& p = w.programme;
    if (!p.next_catalog || ctx.now() != p.edition_change_at) return;  // stale or already done
    Catalog next = std::move(*p.next_catalog);
    p.next_catalog.reset();
    p.edition_change_at = -1;
    // Products a subscription already holds stay valid (their licences, names, apps); they are no longer
    // offered for purchase.
    for (const Subscription& s : w.subscriptions) {
        if (next.find(s.sku) != nullptr) continue;
        if (const Product* old = w.catalog.find(s.sku)) {
            Product kept = *old;
            kept.purchasable = false;
            next.products.push_back(std::move(kept));
        }
    }
    w.catalog = std::move(next);
}

}  // namespace sim
