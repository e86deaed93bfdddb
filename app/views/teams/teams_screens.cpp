// app/views/teams/teams_screens.cpp — the screens of the Teams surface (a neutral team-chat client, no real
// logos), for the screen registry. The person is Mail's (UiState::mail_user).
#include "app/ui/screens.hpp"
#include "app/views/teams/teams_views.hpp"

namespace app {

namespace {

// For --screen, tests and the layout check: a person who can use Teams (else the first person), and
// the first of their teams open.
void tm_prepare_person(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    if (sim == nullptr) return;
    const sim::World& w = sim->world();
    if (!sim::is_usable(w.find_person(ui.mail_user))) {
        for (const sim::Person& p : w.people)
            if (sim::can_use_teams(w, p.upn)) {
                ui.mail_user = p.upn;
                break;
            }
        // Nobody can use Teams (a "(no Teams)" licence, C27): the first person sees "You're missing out!".
        for (const sim::Person& p : w.people)
            if (ui.mail_user.empty() && sim::is_usable(&p)) ui.mail_user = p.upn;
    }
    state.teams = TeamsViewState{};
    state.teams.owner = ui.mail_user;
    const auto mine = sim::teams_of(w, ui.mail_user);
    if (!mine.empty()) state.teams.team = mine.front()->id;
}

void tm_prepare_details(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    tm_prepare_person(sim, ui, state);
    state.teams.create.step = 2;
    state.teams.create.name = "Vorstand";
    state.teams.create.description = "Der Vorstand des Vereins";
}

void tm_prepare_privacy(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    tm_prepare_person(sim, ui, state);
    state.teams.create.step = 1;
}

void tm_prepare_files(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    tm_prepare_person(sim, ui, state);
    state.teams.tab = TeamsTab::Files;
}

void tm_prepare_members(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    tm_prepare_person(sim, ui, state);
    state.teams.tab = TeamsTab::Members;
    state.teams.add.open = true;
    state.teams.add.who = "kassenpruefer@example.org";
    state.teams.add.edit_guest = true;
    state.teams.add.guest_name = "Karl Prüfer";
}

}  // namespace

std::vector<ScreenSpec> teams_screens() {
    return {
        {"teams.list", nullptr, &draw_teams_list, "teams.example/", &tm_prepare_person},
        {"teams.create", nullptr, &draw_teams_create, "teams.example/create", &tm_prepare_person},
        {"teams.create.privacy", nullptr, &draw_teams_create, "teams.example/create", &tm_prepare_privacy},
        {"teams.create.details", nullptr, &draw_teams_create, "teams.example/create", &tm_prepare_details},
        {"teams.team", nullptr, &draw_teams_team, "teams.example/team", &tm_prepare_person},
        {"teams.team.files", nullptr, &draw_teams_team, "teams.example/team/files", &tm_prepare_files},
        {"teams.team.members", nullptr, &draw_teams_team, "teams.example/team/members", &tm_prepare_members}};
}

}  // namespace app
