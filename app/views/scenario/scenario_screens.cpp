// app/views/scenario/scenario_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

void show_overview(UiState& ui) {
    ui.screen = "scenario.overview";
}
void show_checklist(UiState& ui) {
    ui.screen = "scenario.checklist";
}
void show_score(UiState& ui) {
    ui.screen = "scenario.score";
}
void show_console(UiState& ui) {
    ui.screen = "scenario.console";
}

}  // namespace

std::vector<ScreenSpec> scenario_screens() {
    return {
        {"scenario.overview", &show_overview, &draw_scenario_overview, "sandbox.example/scenario"},
        {"scenario.checklist", &show_checklist, &draw_scenario_checklist,
         "sandbox.example/scenario/checklist"},
        {"scenario.score", &show_score, &draw_scenario_score, "sandbox.example/scenario/score"},
        {"scenario.console", &show_console, &draw_scenario_console, "sandbox.example/scenario/instructor"},
    };
}

}  // namespace app
