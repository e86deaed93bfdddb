// app/ui/theme.hpp — the sandbox's own neutral look: light (default) and dark.
//
// A modern admin console: white work pane, light grey navigation, one accent colour, and an amber
// banner that marks the whole thing as a simulation. No vendor branding.
#pragma once

#include <imgui.h>

#include "app/ui/ui_state.hpp"

namespace app {

// Colours the views need beyond ImGuiStyle::Colors.
struct Palette {
    ImVec4 work_bg;     // the work area
    ImVec4 nav_bg;      // top bar and navigation pane
    ImVec4 border;      // separators between panes
    ImVec4 accent;      // selected controls, headings
    ImVec4 on_accent;   // text on the accent colour
    ImVec4 muted_text;  // secondary text
    ImVec4 banner_bg;   // the "Simulation" banner
    ImVec4 banner_text;
    ImVec4 error_text;  // scenario load errors
};

// Sets ImGui's style for `theme`, scaled for the monitor's content scale, and selects its palette.
void apply_theme(Theme theme, float content_scale = 1.0f);
// The palette of the theme applied last (light before the first apply_theme).
const Palette& palette();

}  // namespace app
