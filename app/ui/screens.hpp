// app/ui/screens.hpp — the registry of screens: stable names for --screen, --list-screens and tests.
//
// Each screen has a name that never changes ("shell"; later "portal.register", "admin.users", …), a
// function that puts the UI state where the screen is visible, and the function that draws it in
// the work area. Adding a screen = one entry in screens.cpp.
#pragma once

#include <string>
#include <vector>

#include "app/views/view_context.hpp"

namespace app {

struct ScreenSpec {
    const char* name;                                         // stable, lower-case, dotted
    void (*show)(UiState& ui);                                // make the screen the visible one
    void (*draw)(const ViewContext& ctx, CommandQueue& out);  // draw it into the work area
};

const std::vector<ScreenSpec>& screens();
const ScreenSpec* find_screen(const std::string& name);  // nullptr if unknown

}  // namespace app
