// app/views/teams/teams_state.hpp — UI-only state of the Teams surface: the open team and its tab, the
// "Create a team" wizard's step and fields, the add-member/guest pane and the new channel's name.
//
// Widgets edit these fields directly; they are never part of the simulated world. Teams change only
// through the teams.* operations (sim/ops.hpp).
#pragma once

#include <string>

namespace app {

enum class TeamsTab { Posts, Files, Members };

struct TeamsCreateForm {
    int step =
        0;  // 0 "Create a team" (From scratch), 1 Private / Public, 2 name + description, 3 add members
    std::string privacy = "private";
    std::string name, description;
    std::string created;  // the new team's name once teams.create succeeded (step 3)
    std::string member;   // the sign-in name typed on step 3
};

struct TeamsAddForm {
    bool open = false;  // the "Add members to <team>" pane
    std::string who;    // a sign-in name of the organisation, or a guest's e-mail address
    std::string guest_name;
    bool edit_guest = false;  // "Edit guest information" pressed: the name field shows
    std::string role = "member";
};

struct TeamsViewState {
    std::string owner;  // whose Teams the state belongs to (reset when the person changes)
    std::string team;   // the open team's id ("" = the list)
    std::string channel = "General";
    TeamsTab tab = TeamsTab::Posts;
    TeamsCreateForm create;
    TeamsAddForm add;
    bool channel_form = false;
    std::string channel_name;
};

}  // namespace app
