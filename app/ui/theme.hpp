// app/ui/theme.hpp — the sandbox's own neutral look: light (default) and dark.
//
// A modern admin console: white work pane, light grey navigation, one accent colour, and an amber
// banner that marks the whole thing as a simulation. No vendor branding.
//
// Each theme's colours are data: one Palette per theme. Both the views (palette()) and ImGui's style
// colours (style_slots()) take their colours from it, and contrast_pairs() lists every foreground /
// background pair the app draws with the WCAG contrast it must reach; tests/ui/test_contrast.cpp
// checks them in both themes.
#pragma once

#include <vector>

#include <imgui.h>

#include "app/ui/ui_state.hpp"

namespace app {

// Every colour of a theme. Views use the fields directly; ImGui's style colours come from style_slots().
struct Palette {
    // Backgrounds
    ImVec4 work_bg;          // the work area (the page)
    ImVec4 nav_bg;           // top bar, navigation panes, side panels
    ImVec4 popup_bg;         // menus, combo lists, tooltips
    ImVec4 input_bg;         // text fields, checkboxes, combo boxes
    ImVec4 input_hover;      //   hovered
    ImVec4 input_active;     //   being edited or pressed
    ImVec4 button_bg;        // ordinary buttons
    ImVec4 button_hover;     //   hovered
    ImVec4 button_active;    //   pressed
    ImVec4 selected_bg;      // selected row / nav entry (ImGui "Header")
    ImVec4 selected_hover;   //   hovered row
    ImVec4 selected_active;  //   pressed row
    ImVec4 table_header_bg;  // a table's header row
    ImVec4 table_row_alt;    // every other table row
    ImVec4 banner_bg;        // the "Simulation" banner
    // Text
    ImVec4 text;          // body text
    ImVec4 muted_text;    // secondary text, still readable (ImGui "TextDisabled")
    ImVec4 accent;        // links, headings, selected controls
    ImVec4 on_accent;     // text on the accent colour
    ImVec4 error_text;    // errors, declined
    ImVec4 success_text;  // "Aktiv", approved
    ImVec4 warning_text;  // action needed
    ImVec4 banner_text;   // text on banner_bg
    // Lines and control marks
    ImVec4 control_border;  // frame of inputs, checkboxes and buttons (ImGui "Border")
    ImVec4 check_mark;      // the tick in a checkbox, a radio's dot, slider grabs
    ImVec4 focus_ring;      // keyboard focus (ImGui "NavHighlight")
    ImVec4 border;          // decorative separators between panes
    ImVec4 table_border;    // decorative table lines
};

// A named palette colour, for tests and messages.
struct PaletteField {
    const char* name;
    ImVec4 Palette::*colour;
};
const std::vector<PaletteField>& palette_fields();

// An ImGui style colour and the palette colour it is set from (alpha < 1: a translucent variant).
struct StyleSlot {
    ImGuiCol col;
    ImVec4 Palette::*colour;
    float alpha = 1.0f;
};
const std::vector<StyleSlot>& style_slots();

// A pair the app draws: `fg` on `bg`, which must reach `min_ratio` (WCAG 2.x contrast).
// text: 4.5; control borders, check marks and the focus ring against what surrounds them: 3.0.
// `bg_alpha` < 1: `bg` is a tint drawn at that opacity over `base` (notes, error banners, selections).
// `min_ratio` 0 marks a pair WCAG exempts (disabled controls), listed so the exemption is explicit.
struct ContrastPair {
    ImVec4 Palette::*fg;
    ImVec4 Palette::*bg;
    float min_ratio;
    const char* use;
    float bg_alpha = 1.0f;
    ImVec4 Palette::*base = &Palette::work_bg;
};
const std::vector<ContrastPair>& contrast_pairs();
// Palette colours that are only decorative (no text on them, not a control's boundary).
const std::vector<ImVec4 Palette::*>& decorative_colours();

// The opacity ImGui gives disabled controls (ImGuiStyle::DisabledAlpha), WCAG-exempt.
constexpr float kDisabledAlpha = 0.6f;

// Sets ImGui's style for `theme`, scaled by ui_scale() (the monitor's content scale times the window's
// size factor), and selects its palette.
void apply_theme(Theme theme, float content_scale = 1.0f);

// Size scaling: the layout is designed for a 1280×800 window. A larger window scales text and every
// style size up by size_factor_for(its size in content-scale units): min(w/1280, h/800) rounded down to
// steps of 1/8 (so a resize rebuilds the font atlas at a few sizes only), between 1 and 1.5.
// 1280×800 → 1, 1920×1080 → 1.25, 2560×1440 and larger → 1.5.
constexpr int kDesignWidth = 1280;
constexpr int kDesignHeight = 800;
constexpr float kSizeFactorStep = 0.125f;
constexpr float kMaxSizeFactor = 1.5f;
float size_factor_for(float logical_width, float logical_height);
// Sets the size factor and re-applies the current theme's style with it (the caller rebuilds the fonts).
void set_size_factor(float factor);
float size_factor();
// content scale × size factor: what the style is scaled by. Views multiply their own pixel sizes (pane
// widths, row heights, icon boxes) designed for 1280×800 by it, through ui_px().
float ui_scale();
inline float ui_px(float design_pixels) {
    return design_pixels * ui_scale();
}
// The palette of the theme applied last (light before the first apply_theme).
const Palette& palette();
// The palette of `theme`, whichever is applied.
const Palette& palette_of(Theme theme);

}  // namespace app
