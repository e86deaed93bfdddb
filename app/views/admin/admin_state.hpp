// app/views/admin/admin_state.hpp — UI-only state of the admin center's filters, selections, panes and wizards.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>

namespace app {

struct AdminViewState {
};

}  // namespace app
