// app/views/mail/mail_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"
#include "sim/mail.hpp"

namespace app {

void draw_mail_inbox(const ViewContext& ctx, CommandQueue& out);
void draw_mail_outside(const ViewContext& ctx, CommandQueue& out);
void draw_mail_old_mailbox(const ViewContext& ctx, CommandQueue& out);

namespace {

// For --screen and tests: an inbox with mail is shown, its newest mail open in the reading pane.
void open_newest(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    if (sim == nullptr) return;
    const sim::World& w = sim->world();
    if (!sim::is_usable(w.find_person(ui.mail_user))) {
        for (const sim::Person& p : w.people) {
            if (sim::is_usable(&p) && !p.inbox.empty()) {
                ui.mail_user = p.upn;
                break;
            }
        }
    }
    const auto mails = sim::inbox(w, ui.mail_user);
    state.mail.owner = ui.mail_user;
    state.mail.selected = mails.empty() ? std::string() : mails.front()->id;
}

}  // namespace

std::vector<ScreenSpec> mail_screens() {
    return {{"mail.inbox", nullptr, &draw_mail_inbox, "mail.example/inbox", &open_newest},
            {"mail.outside", nullptr, &draw_mail_outside, "mail.example/outside-world", nullptr},
            {"mail.old_mailbox", nullptr, &draw_mail_old_mailbox, "old-provider.example/webmail", nullptr}};
}

}  // namespace app
