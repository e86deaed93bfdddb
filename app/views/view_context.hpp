// app/views/view_context.hpp — what every view may read: the simulation, texts and UI state (all const).
#pragma once

#include <string>
#include <vector>

#include "app/ui/commands.hpp"
#include "app/ui/ui_state.hpp"
#include "app/ui/view_state.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace app {

class Training;        // app/ui/training.hpp
struct SessionStatus;  // app/ui/session.hpp

// The scenario as the UI shows it: where it came from, its title, and why it failed to load.
struct ScenarioInfo {
    std::string path;
    sim::LocalText title;
    std::vector<std::string> errors;  // "file:line:col: message", empty when loaded
    bool unexpected = false;          // errors holds an unexpected error (Shell::show_error), not load errors
};

struct ViewContext {
    const sim::Simulation* sim;  // null when no scenario could be loaded
    const sim::Strings& text;    // UI strings (and the simulation's messages) in the current language
    const UiState& ui;
    const ScenarioInfo& scenario;
    ViewState& state;                        // UI-only state the widgets edit directly (never the world)
    const Training* training = nullptr;      // the shell's training session (scenario, checklist, score)
    const SessionStatus* session = nullptr;  // the saved session (autosave, resume) and the last export
    // The frame's command queue, for shared helpers drawn below a view that offer a link (the role
    // errors' "Open Role assignments", app/ui/action_status.cpp); null where no link may be followed.
    CommandQueue* commands = nullptr;
};

}  // namespace app
