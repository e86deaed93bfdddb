// app/views/portal/portal_state.hpp — UI-only state of the nonprofit portal's forms and selections.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>

namespace app {

struct PortalViewState {
};

}  // namespace app
