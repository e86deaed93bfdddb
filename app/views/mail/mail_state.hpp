// app/views/mail/mail_state.hpp — UI-only state of the mail reader's selection.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>

namespace app {

struct MailViewState {
};

}  // namespace app
