// app/views/teams/teams_views.hpp — what the Teams surface's screens share (app/views/teams/teams_list.cpp).
#pragma once

#include <string>

#include "app/views/view_context.hpp"
#include "sim/teams.hpp"

namespace app {

void draw_teams_list(const ViewContext& ctx, CommandQueue& out);    // teams_list.cpp
void draw_teams_create(const ViewContext& ctx, CommandQueue& out);  // teams_list.cpp
void draw_teams_team(const ViewContext& ctx, CommandQueue& out);    // teams_team.cpp

// The person using Teams (Mail's person), after the states that stop a page: nobody picked, and "You're
// missing out! Ask your admin…" without a usable Teams licence (C27, C11). nullptr when a state was drawn.
const sim::Person* teams_person(const ViewContext& ctx);
// A channel's name as shown: "General" is "Allgemein" in German.
std::string teams_channel_label(const ViewContext& ctx, const std::string& channel);

}  // namespace app
