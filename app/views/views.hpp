// app/views/views.hpp — the shell's panels; each draws from a ViewContext and only pushes commands.
#pragma once

#include "app/views/view_context.hpp"

namespace app {

// The whole window: top bar, banner, navigation pane and work area.
void draw_shell(const ViewContext& ctx, CommandQueue& out);

// Product name, simulated clock, time controls and the settings button.
void draw_top_bar(const ViewContext& ctx, CommandQueue& out);
// 1, or 2 when the top bar does not fit into `width` pixels on one row (large text, narrow window).
int top_bar_rows(const ViewContext& ctx, float width);
// Pause/resume, the speed buttons and "skip to next event".
void draw_time_controls(const ViewContext& ctx, CommandQueue& out);
// The settings button and its popup: language, theme, text size.
void draw_settings_menu(const ViewContext& ctx, CommandQueue& out);
// The permanent "Simulation — not connected to Microsoft" strip.
void draw_banner(const ViewContext& ctx);
// Height the banner needs at `width` pixels (it wraps rather than clips).
float banner_height(const ViewContext& ctx, float width);
// The light grey pane on the left: scenario facts and, later, the screens.
// The surface switcher: wide (scenario, seed, the surfaces by name) on the welcome and scenario
// screens; an icon strip (names, scenario and seed in tooltips) while a simulated surface is open.
// nav_pane_width() is its width.
void draw_nav_pane(const ViewContext& ctx, CommandQueue& out, bool compact);
float nav_pane_width(bool compact);
ImVec2 nav_pane_padding(bool compact);  // the pane's window padding
// Back, forward, the page's fake address and who the trainee is on this surface.
void draw_address_bar(const ViewContext& ctx, CommandQueue& out);
// The "shell" screen: a friendly placeholder, or the scenario's load errors.
void draw_welcome_screen(const ViewContext& ctx, CommandQueue& out);

}  // namespace app
