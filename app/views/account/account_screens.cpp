// app/views/account/account_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"

namespace app {

void draw_myaccount_apps(const ViewContext& ctx, CommandQueue& out);

namespace {

// For --screen and tests: somebody's My Account is shown when the world has people.
void pick_person(const sim::Simulation* sim, UiState& ui, ViewState&) {
    if (sim == nullptr || sim::is_usable(sim->world().find_person(ui.account_user))) return;
    for (const sim::Person& p : sim->world().people) {
        if (sim::is_usable(&p)) {
            ui.account_user = p.upn;
            return;
        }
    }
}

}  // namespace

std::vector<ScreenSpec> account_screens() {
    return {{"myaccount.apps", nullptr, &draw_myaccount_apps, "myaccount.example/apps", &pick_person}};
}

}  // namespace app
