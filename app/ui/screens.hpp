// app/ui/screens.hpp — the registry of screens: stable names for --screen, --list-screens and tests.
//
// Each screen has a name that never changes ("shell"; later "portal.register", "admin.users", …), a
// function that puts the UI state where the screen is visible, and the function that draws it in
// the work area. Each surface lists its screens in its own table (admin: app/views/admin/admin_screens.cpp;
// docs/architecture.md, "Recipe: add an admin-center screen").
#pragma once

#include <string>
#include <vector>

#include "app/views/view_context.hpp"

namespace app {

struct ScreenSpec {
    const char* name;                                         // stable, lower-case, dotted
    void (*show)(UiState& ui);                                // make the screen the visible one (may be null)
    void (*draw)(const ViewContext& ctx, CommandQueue& out);  // draw it into the work area
    const char* url = "";                                     // fake address shown in the address line
    // Puts UI-only state where a screenshot/test of this screen needs it (open a pane, pick a
    // product, …); may be null. Called by show_screen(), not by ordinary navigation.
    void (*prepare)(const sim::Simulation* sim, UiState& ui, ViewState& state) = nullptr;
};

const std::vector<ScreenSpec>& screens();
const ScreenSpec* find_screen(const std::string& name);  // nullptr if unknown

// Each surface contributes its screens (app/views/<surface>/<surface>_screens.cpp).
std::vector<ScreenSpec> portal_screens();
std::vector<ScreenSpec> admin_screens();
std::vector<ScreenSpec> account_screens();
std::vector<ScreenSpec> mail_screens();
std::vector<ScreenSpec> dns_screens();
std::vector<ScreenSpec> scenario_screens();
std::vector<ScreenSpec> signin_screens();  // app/views/signin/signin_screens.cpp
std::vector<ScreenSpec> teams_screens();   // app/views/teams/teams_screens.cpp

}  // namespace app
