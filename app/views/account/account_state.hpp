// app/views/account/account_state.hpp — UI-only state of My Account's view.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>

namespace app {

struct AccountViewState {
    std::string install_clicked_by;  // whose "Install Office" was clicked (shows the simulated download note)
};

}  // namespace app
