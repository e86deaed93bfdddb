// app/views/portal/portal_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"
#include "app/views/portal/portal_pages.hpp"

namespace app {

namespace {

// For --screen and tests: somebody who can use the portal is signed in (the first Global
// Administrator, preferring one with the Nonprofit Portal licence), when the world has one.
void sign_in_admin(const sim::Simulation* sim, UiState& ui, ViewState&) {
    if (sim == nullptr) return;
    const sim::World& w = sim->world();
    if (const sim::Person* p = w.find_person(ui.work_account); sim::is_usable(p)) return;
    const sim::Person* pick = nullptr;
    for (const sim::Person& p : w.people) {
        if (!sim::is_usable(&p) || !p.has_role(sim::Role::GlobalAdmin)) continue;
        bool portal = false;
        for (const auto& l : p.licences) {
            const sim::Product* prod = w.catalog.find(l.sku);
            portal = portal || (prod != nullptr && prod->portal_access);
        }
        if (pick == nullptr || portal) pick = &p;
        if (portal) break;
    }
    if (pick != nullptr) ui.work_account = pick->upn;
}

// The "no access" page shows somebody without the licence when there is one.
void pick_unlicensed(const sim::Simulation* sim, UiState& ui, ViewState&) {
    if (sim == nullptr) return;
    const sim::World& w = sim->world();
    for (const sim::Person& p : w.people) {
        if (!sim::is_usable(&p)) continue;
        bool portal = false;
        for (const auto& l : p.licences) {
            const sim::Product* prod = w.catalog.find(l.sku);
            portal = portal || (prod != nullptr && prod->portal_access);
        }
        if (!portal) {
            ui.work_account = p.upn;
            return;
        }
    }
}

}  // namespace

std::vector<ScreenSpec> portal_screens() {
    return {
        {"portal.home", nullptr, &draw_portal_home, "nonprofit.example/", nullptr},
        {"portal.register", nullptr, &draw_portal_register, "nonprofit.example/register", nullptr},
        {"portal.registration", nullptr, &draw_portal_registration, "nonprofit.example/registration",
         &sign_in_admin},
        {"portal.status", nullptr, &draw_portal_status, "nonprofit.example/status", &sign_in_admin},
        {"portal.offers", nullptr, &draw_portal_offers, "nonprofit.example/offers", &sign_in_admin},
        {"portal.no_access", nullptr, &draw_portal_no_access, "nonprofit.example/no-access",
         &pick_unlicensed},
        {"portal.tenant", nullptr, &draw_portal_tenant, "nonprofit.example/tenant", &sign_in_admin},  // C9
        {"portal.support", nullptr, &draw_portal_support, "nonprofit.example/contact-us",
         &sign_in_admin},  // C4
    };
}

}  // namespace app
