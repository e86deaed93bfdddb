// app/ui/theme.cpp — the colours of the light and dark themes (data), the pairs that must contrast, and
// the style values.
#include "app/ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace app {

namespace {

ImVec4 thm_rgb(int hex) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f, static_cast<float>(hex & 0xFF) / 255.0f,
                  1.0f);
}

// Light: white page, grey panes, blue accent; control frames dark enough to see (>= 3:1).
const Palette kLight = {
    thm_rgb(0xFFFFFF),  // work_bg
    thm_rgb(0xF3F4F6),  // nav_bg
    thm_rgb(0xFFFFFF),  // popup_bg
    thm_rgb(0xFFFFFF),  // input_bg
    thm_rgb(0xF5F7FA),  // input_hover
    thm_rgb(0xEBEEF2),  // input_active
    thm_rgb(0xFFFFFF),  // button_bg
    thm_rgb(0xEBEEF2),  // button_hover
    thm_rgb(0xDDE2E8),  // button_active
    thm_rgb(0xE3ECFA),  // selected_bg
    thm_rgb(0xEBEEF2),  // selected_hover
    thm_rgb(0xDCE6F7),  // selected_active
    thm_rgb(0xFFFFFF),  // table_header_bg
    thm_rgb(0xF8F9FA),  // table_row_alt
    thm_rgb(0xFFF4CE),  // banner_bg
    thm_rgb(0x1F2328),  // text
    thm_rgb(0x5F6B7A),  // muted_text
    thm_rgb(0x2563C9),  // accent
    thm_rgb(0xFFFFFF),  // on_accent
    thm_rgb(0xB42318),  // error_text
    thm_rgb(0x1A7F37),  // success_text
    thm_rgb(0x9A5B00),  // warning_text
    thm_rgb(0x5C4400),  // banner_text
    thm_rgb(0x7F8690),  // control_border
    thm_rgb(0x2563C9),  // check_mark
    thm_rgb(0x2563C9),  // focus_ring
    thm_rgb(0xD9DDE3),  // border
    thm_rgb(0xE1E4E8),  // table_border
};

// Dark: near-black page, lighter panes and fields, a lighter blue accent with dark text on it.
const Palette kDark = {
    thm_rgb(0x1E1F22),  // work_bg
    thm_rgb(0x2B2D31),  // nav_bg
    thm_rgb(0x2B2D31),  // popup_bg
    thm_rgb(0x2E3035),  // input_bg
    thm_rgb(0x35383E),  // input_hover
    thm_rgb(0x3B3E44),  // input_active
    thm_rgb(0x33363B),  // button_bg
    thm_rgb(0x393C42),  // button_hover
    thm_rgb(0x4A4F56),  // button_active
    thm_rgb(0x283750),  // selected_bg
    thm_rgb(0x34373D),  // selected_hover
    thm_rgb(0x30425F),  // selected_active
    thm_rgb(0x1E1F22),  // table_header_bg
    thm_rgb(0x242529),  // table_row_alt
    thm_rgb(0x4A3B0B),  // banner_bg
    thm_rgb(0xE6E7E9),  // text
    thm_rgb(0xA0A7B1),  // muted_text
    thm_rgb(0x7CABF7),  // accent
    thm_rgb(0x0B1B33),  // on_accent
    thm_rgb(0xFF8A80),  // error_text
    thm_rgb(0x5BC775),  // success_text
    thm_rgb(0xF2B24C),  // warning_text
    thm_rgb(0xFFE7A3),  // banner_text
    thm_rgb(0x7D838D),  // control_border
    thm_rgb(0x7CABF7),  // check_mark
    thm_rgb(0x7CABF7),  // focus_ring
    thm_rgb(0x3C3F44),  // border
    thm_rgb(0x34373C),  // table_border
};

const Palette* g_palette = &kLight;
// What apply_theme() was called with last, so that set_size_factor() can re-apply the style from
// scratch (ImGuiStyle::ScaleAllSizes must never run on an already scaled style).
Theme thm_theme = Theme::Light;
float thm_content_scale = 1.0f;
float thm_size_factor = 1.0f;

using P = Palette;

// Text colours on every background they are drawn on: 4.5:1.
void thm_text_pairs(std::vector<ContrastPair>& v) {
    constexpr float kText = 4.5f;
    for (ImVec4 P::*bg :
         {&P::work_bg, &P::nav_bg, &P::popup_bg, &P::input_bg, &P::input_hover, &P::input_active,
          &P::button_bg, &P::button_hover, &P::button_active, &P::selected_bg, &P::selected_hover,
          &P::selected_active, &P::table_header_bg, &P::table_row_alt})
        v.push_back({&P::text, bg, kText, "body text"});
    for (ImVec4 P::*bg : {&P::work_bg, &P::nav_bg, &P::popup_bg, &P::input_bg, &P::button_bg, &P::selected_bg,
                          &P::selected_hover, &P::table_header_bg, &P::table_row_alt})
        v.push_back({&P::muted_text, bg, kText, "secondary text, breadcrumb, input hints"});
    for (ImVec4 P::*bg : {&P::work_bg, &P::nav_bg, &P::popup_bg, &P::button_hover, &P::table_row_alt})
        v.push_back({&P::accent, bg, kText, "links, headings, command bar"});
    for (ImVec4 P::*fg : {&P::error_text, &P::success_text, &P::warning_text})
        for (ImVec4 P::*bg : {&P::work_bg, &P::nav_bg, &P::popup_bg, &P::table_row_alt})
            v.push_back({fg, bg, kText, "status text (error, \"Aktiv\", action needed)"});
    v.push_back({&P::on_accent, &P::accent, kText, "selected toggle button, checklist tick"});
    v.push_back({&P::banner_text, &P::banner_bg, kText, "simulation banner"});
    v.push_back({&P::error_text, &P::error_text, kText, "error banner (12 % tint)", 0.12f});
    // Notes: body text on a 10 % tint of their accent.
    for (ImVec4 P::*tint : {&P::accent, &P::success_text, &P::warning_text, &P::error_text})
        v.push_back({&P::text, tint, kText, "note on its tint", 0.10f});
    v.push_back({&P::text, &P::accent, kText, "selected text in a field", 0.30f, &P::input_bg});
}

// Control boundaries and marks: 3:1 against what surrounds them (WCAG 1.4.11).
void thm_control_pairs(std::vector<ContrastPair>& v) {
    constexpr float kControl = 3.0f;
    for (ImVec4 P::*bg : {&P::work_bg, &P::nav_bg, &P::popup_bg})
        v.push_back({&P::control_border, bg, kControl, "input, checkbox and button frame"});
    for (ImVec4 P::*bg : {&P::input_bg, &P::input_hover, &P::input_active})
        v.push_back({&P::check_mark, bg, kControl, "checkbox tick, radio dot"});
    for (ImVec4 P::*bg : {&P::work_bg, &P::nav_bg})
        v.push_back({&P::focus_ring, bg, kControl, "keyboard focus ring"});
    v.push_back({&P::accent, &P::nav_bg, kControl, "selected toggle button fill"});
    // WCAG exempts disabled controls; listed so the exemption is explicit (drawn at kDisabledAlpha).
    v.push_back({&P::text, &P::button_bg, 0.0f, "disabled button label (exempt)"});
    v.push_back({&P::text, &P::work_bg, 0.0f, "disabled nav entry (exempt)"});
}

void thm_set(ImGuiStyle& s, const Palette& p) {
    ImVec4* c = s.Colors;
    for (const StyleSlot& slot : style_slots()) {
        c[slot.col] = p.*slot.colour;
        c[slot.col].w = slot.alpha;
    }
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);       // children show their window's background
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);  // no shadow under frames
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);    // even rows show the page
}

}  // namespace

const std::vector<PaletteField>& palette_fields() {
#define NPSIM_FIELD(f)  \
    PaletteField {      \
#f, &Palette::f \
    }
    static const std::vector<PaletteField> v = {
        NPSIM_FIELD(work_bg),         NPSIM_FIELD(nav_bg),
        NPSIM_FIELD(popup_bg),        NPSIM_FIELD(input_bg),
        NPSIM_FIELD(input_hover),     NPSIM_FIELD(input_active),
        NPSIM_FIELD(button_bg),       NPSIM_FIELD(button_hover),
        NPSIM_FIELD(button_active),   NPSIM_FIELD(selected_bg),
        NPSIM_FIELD(selected_hover),  NPSIM_FIELD(selected_active),
        NPSIM_FIELD(table_header_bg), NPSIM_FIELD(table_row_alt),
        NPSIM_FIELD(banner_bg),       NPSIM_FIELD(text),
        NPSIM_FIELD(muted_text),      NPSIM_FIELD(accent),
        NPSIM_FIELD(on_accent),       NPSIM_FIELD(error_text),
        NPSIM_FIELD(success_text),    NPSIM_FIELD(warning_text),
        NPSIM_FIELD(banner_text),     NPSIM_FIELD(control_border),
        NPSIM_FIELD(check_mark),      NPSIM_FIELD(focus_ring),
        NPSIM_FIELD(border),          NPSIM_FIELD(table_border),
    };
#undef NPSIM_FIELD
    return v;
}

const std::vector<StyleSlot>& style_slots() {
    static const std::vector<StyleSlot> v = {
        {ImGuiCol_Text, &P::text},
        {ImGuiCol_TextDisabled, &P::muted_text},
        {ImGuiCol_WindowBg, &P::work_bg},
        {ImGuiCol_PopupBg, &P::popup_bg},
        {ImGuiCol_MenuBarBg, &P::nav_bg},
        {ImGuiCol_TitleBg, &P::nav_bg},
        {ImGuiCol_TitleBgActive, &P::nav_bg},
        {ImGuiCol_TitleBgCollapsed, &P::nav_bg},
        {ImGuiCol_Border, &P::control_border},
        {ImGuiCol_Separator, &P::border},
        {ImGuiCol_FrameBg, &P::input_bg},
        {ImGuiCol_FrameBgHovered, &P::input_hover},
        {ImGuiCol_FrameBgActive, &P::input_active},
        {ImGuiCol_Button, &P::button_bg},
        {ImGuiCol_ButtonHovered, &P::button_hover},
        {ImGuiCol_ButtonActive, &P::button_active},
        {ImGuiCol_Header, &P::selected_bg},
        {ImGuiCol_HeaderHovered, &P::selected_hover},
        {ImGuiCol_HeaderActive, &P::selected_active},
        {ImGuiCol_CheckMark, &P::check_mark},
        {ImGuiCol_SliderGrab, &P::check_mark},
        {ImGuiCol_SliderGrabActive, &P::check_mark},
        {ImGuiCol_NavHighlight, &P::focus_ring},
        {ImGuiCol_TextSelectedBg, &P::accent, 0.30f},
        {ImGuiCol_TableHeaderBg, &P::table_header_bg},
        {ImGuiCol_TableRowBgAlt, &P::table_row_alt},
        {ImGuiCol_TableBorderStrong, &P::table_border},
        {ImGuiCol_TableBorderLight, &P::table_border},
    };
    return v;
}

const std::vector<ContrastPair>& contrast_pairs() {
    static const std::vector<ContrastPair> v = [] {
        std::vector<ContrastPair> out;
        thm_text_pairs(out);
        thm_control_pairs(out);
        return out;
    }();
    return v;
}

const std::vector<ImVec4 Palette::*>& decorative_colours() {
    static const std::vector<ImVec4 Palette::*> v = {&P::border, &P::table_border};
    return v;
}

float size_factor_for(float logical_width, float logical_height) {
    const float fit = std::min(logical_width / static_cast<float>(kDesignWidth),
                               logical_height / static_cast<float>(kDesignHeight));
    if (!(fit > 1.0f)) return 1.0f;  // also NaN and sizes not yet known
    const float stepped = std::floor(fit / kSizeFactorStep + 1e-4f) * kSizeFactorStep;
    return std::clamp(stepped, 1.0f, kMaxSizeFactor);
}

void set_size_factor(float factor) {
    thm_size_factor = std::clamp(factor, 1.0f, kMaxSizeFactor);
    apply_theme(thm_theme, thm_content_scale);
}

float size_factor() {
    return thm_size_factor;
}

float ui_scale() {
    return thm_content_scale * thm_size_factor;
}

void apply_theme(Theme theme, float content_scale) {
    thm_theme = theme;
    thm_content_scale = content_scale > 0.0f ? content_scale : 1.0f;
    const bool light = theme == Theme::Light;
    ImGuiStyle s;
    if (light) {
        ImGui::StyleColorsLight(&s);
    } else {
        ImGui::StyleColorsDark(&s);
    }
    g_palette = &palette_of(theme);
    thm_set(s, *g_palette);

    // Roomy, slightly rounded controls, like a web admin console rather than a tool window.
    s.WindowPadding = ImVec2(16, 12);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(8, 8);
    s.ItemInnerSpacing = ImVec2(6, 6);
    s.WindowRounding = 0.0f;
    s.ChildRounding = 0.0f;
    s.FrameRounding = 4.0f;
    s.PopupRounding = 4.0f;
    s.GrabRounding = 4.0f;
    s.WindowBorderSize = 0.0f;
    s.ChildBorderSize = 0.0f;
    s.PopupBorderSize = 1.0f;
    s.FrameBorderSize = 1.0f;  // in both themes: fields, checkboxes and buttons keep their frame
    s.DisabledAlpha = kDisabledAlpha;
    s.ScaleAllSizes(ui_scale());  // a fresh style each time: never scaled twice
    ImGui::GetStyle() = s;
}

const Palette& palette() {
    return *g_palette;
}

const Palette& palette_of(Theme theme) {
    return theme == Theme::Light ? kLight : kDark;
}

}  // namespace app
