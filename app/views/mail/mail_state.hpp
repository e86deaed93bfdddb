// app/views/mail/mail_state.hpp — UI-only state of the mail reader's selection.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>

namespace app {

struct MailViewState {
    std::string owner;       // whose inbox the selection belongs to (a new person clears it)
    std::string selected;    // id of the open mail ("mail-0003"), empty = none
    std::string mailbox;     // the folder pane's choice: "" = own mailbox, else a shared one's address
    bool junk = false;       // in the own mailbox: the Junk Email folder instead of the Inbox
    std::string outside_to;  // Outside world: the address the next test mail goes to
    std::string compose_to, compose_sent_to;  // New mail: the recipient typed, and the one last sent to
    std::string sendas_from, sendas_to;       // Send as: the shared mailbox chosen and the recipient (C31)
};

}  // namespace app
