// app/views/scenario/scenario_state.hpp — UI-only state of the scenario panel: mode, checklist, hints, instructor console.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>

namespace app {

struct ScenarioViewState {
};

}  // namespace app
