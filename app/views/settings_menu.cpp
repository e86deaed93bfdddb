// app/views/settings_menu.cpp — the settings button and popup: language, theme, text size and the
// instructor PIN.
//
// Every choice applies live (the next frame), so a trainer can switch a room to German mid-session.
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

constexpr const char* stm_kPopupId = "##settings_popup";

// Language names are always written in their own language, so anyone can find theirs.
struct LanguageChoice {
    const char* code;
    const char* label;
};
constexpr LanguageChoice kLanguageChoices[] = {{"en", "English###lang_en"}, {"de", "Deutsch###lang_de"}};

std::string item(const ViewContext& ctx, const char* key, const char* id) {
    return ctx.text.get(key) + "###" + id;
}

void draw_language_section(const ViewContext& ctx, CommandQueue& out) {
    widgets::text_disabled(ctx.text.get("ui.settings.language"));
    for (const LanguageChoice& choice : kLanguageChoices) {
        if (widgets::menu_item(choice.label, nullptr, ctx.ui.language == choice.code)) {
            out.push(SetLanguage{choice.code});
        }
    }
}

void draw_theme_section(const ViewContext& ctx, CommandQueue& out) {
    widgets::text_disabled(ctx.text.get("ui.settings.theme"));
    if (widgets::menu_item(item(ctx, "ui.settings.theme_light", "theme_light").c_str(), nullptr,
                           ctx.ui.theme == Theme::Light)) {
        out.push(SetTheme{Theme::Light});
    }
    if (widgets::menu_item(item(ctx, "ui.settings.theme_dark", "theme_dark").c_str(), nullptr,
                           ctx.ui.theme == Theme::Dark)) {
        out.push(SetTheme{Theme::Dark});
    }
}

void draw_text_size_section(const ViewContext& ctx, CommandQueue& out) {
    const float scale = ctx.ui.font_scale;
    const int percent = static_cast<int>(std::lround(scale * 100.0f));
    widgets::text_disabled(ctx.text.format("ui.settings.text_size", {{"percent", percent}}));
    // Shortcut labels are texts too: German keyboards say "Strg", not "Ctrl".
    const auto& text = ctx.text;
    if (widgets::menu_item(item(ctx, "ui.settings.text_larger", "font_larger").c_str(),
                           text.get("ui.settings.shortcut_larger").c_str(), false, scale < kMaxFontScale)) {
        out.push(SetFontScale{scale + kFontScaleStep});
    }
    if (widgets::menu_item(item(ctx, "ui.settings.text_smaller", "font_smaller").c_str(),
                           text.get("ui.settings.shortcut_smaller").c_str(), false, scale > kMinFontScale)) {
        out.push(SetFontScale{scale - kFontScaleStep});
    }
    if (widgets::menu_item(item(ctx, "ui.settings.text_reset", "font_reset").c_str(),
                           text.get("ui.settings.shortcut_reset").c_str(), false, scale != 1.0f)) {
        out.push(SetFontScale{1.0f});
    }
}

// A PIN for the instructor console, for this run only (kept in memory, never written anywhere).
// Setting one locks the console at once; changing or removing it needs the console unlocked.
void draw_instructor_pin_section(const ViewContext& ctx) {
    InstructorViewState& st = ctx.state.instructor;
    widgets::text_disabled(ctx.text.get("scenario.instructor.settings_pin"));
    if (instructor_locked(ctx)) {
        widgets::text(ctx.text.get("scenario.instructor.settings_pin_locked"));
        return;
    }
    if (!instructor_pin(ctx).empty()) widgets::text(ctx.text.get("scenario.instructor.settings_pin_active"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    widgets::input_text_hint("###settings_pin", ctx.text.get("scenario.instructor.pin_hint").c_str(),
                             st.settings_pin_entry, ImGuiInputTextFlags_Password);
    ImGui::SameLine();
    ImGui::BeginDisabled(st.settings_pin_entry.empty());
    if (widgets::button(item(ctx, "scenario.instructor.settings_pin_set", "settings_pin_set").c_str())) {
        st.run_pin = st.settings_pin_entry;
        st.unlocked_pin.clear();
        st.pin_wrong = false;
        st.settings_pin_entry.clear();
    }
    ImGui::EndDisabled();
    if (!st.run_pin.empty()) {
        ImGui::SameLine();
        if (widgets::button(
                item(ctx, "scenario.instructor.settings_pin_clear", "settings_pin_clear").c_str()))
            st.run_pin.clear();
    }
    widgets::text_colored(palette().muted_text, ctx.text.get("scenario.instructor.settings_pin_note"));
}

}  // namespace

void draw_settings_menu(const ViewContext& ctx, CommandQueue& out) {
    const std::string label = ctx.text.get("ui.settings.button") + "###settings";
    if (widgets::button(label.c_str())) ImGui::OpenPopup(stm_kPopupId);
    // Open below the button, right edges aligned, so the popup never leaves the window.
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + 4.0f),
                            ImGuiCond_Appearing, ImVec2(1.0f, 0.0f));
    if (!ImGui::BeginPopup(stm_kPopupId)) return;
    draw_language_section(ctx, out);
    ImGui::Separator();
    draw_theme_section(ctx, out);
    ImGui::Separator();
    draw_text_size_section(ctx, out);
    ImGui::Separator();
    draw_instructor_pin_section(ctx);
    ImGui::EndPopup();
}

}  // namespace app
