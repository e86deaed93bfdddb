// app/views/admin/admin_views.hpp — the admin center's pages and panes (internal to the surface).
#pragma once

#include "app/views/admin/admin_state.hpp"
#include "app/views/view_context.hpp"
#include "sim/world.hpp"

namespace app::admin {

// Pages (one per screen of the registry).
void draw_home(const ViewContext& ctx, CommandQueue& out);
void draw_users(const ViewContext& ctx, CommandQueue& out);         // admin.users
void draw_users_add(const ViewContext& ctx, CommandQueue& out);     // admin.users.add: wizard pane open
void draw_users_detail(const ViewContext& ctx, CommandQueue& out);  // admin.users.detail: user pane open
void draw_purchase(const ViewContext& ctx, CommandQueue& out);
void draw_products(const ViewContext& ctx, CommandQueue& out);
void draw_licences(const ViewContext& ctx, CommandQueue& out);

// Panes of Active users; each returns true when it wants to close.
bool draw_add_user_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width,
                        float top_y);
bool draw_user_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width,
                    float top_y);

// Starting a fresh wizard / opening a user's pane (UI-only state).
void reset_add_user(AdminViewState& s);
void open_user_pane(AdminViewState& s, const std::string& upn);

// Rebuilds the Active users index when the world, filter, search or sort changed; true if rebuilt.
bool refresh_users_index(const sim::Simulation& sim, AdminViewState& s, int sort_column, bool ascending);

}  // namespace app::admin
