// app/views/settings_menu.cpp — the settings button and popup: language, theme and text size.
//
// Every choice applies live (the next frame), so a trainer can switch a room to German mid-session.
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/ui/widgets.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

constexpr const char* kPopupId = "##settings_popup";

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

}  // namespace

void draw_settings_menu(const ViewContext& ctx, CommandQueue& out) {
    const std::string label = ctx.text.get("ui.settings.button") + "###settings";
    if (widgets::button(label.c_str())) ImGui::OpenPopup(kPopupId);
    // Open below the button, right edges aligned, so the popup never leaves the window.
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + 4.0f),
                            ImGuiCond_Appearing, ImVec2(1.0f, 0.0f));
    if (!ImGui::BeginPopup(kPopupId)) return;
    draw_language_section(ctx, out);
    ImGui::Separator();
    draw_theme_section(ctx, out);
    ImGui::Separator();
    draw_text_size_section(ctx, out);
    ImGui::EndPopup();
}

}  // namespace app
