// app/ui/theme.cpp — style values and colours of the light and dark themes.
#include "app/ui/theme.hpp"

namespace app {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xFF) / 255.0f, static_cast<float>(hex & 0xFF) / 255.0f,
                  alpha);
}

const Palette kLight = {
    rgb(0xFFFFFF), rgb(0xF3F4F6), rgb(0xD9DDE3), rgb(0x2563C9), rgb(0xFFFFFF),
    rgb(0x5F6B7A), rgb(0xFFF4CE), rgb(0x5C4400), rgb(0xB42318),
};

const Palette kDark = {
    rgb(0x1E1F22), rgb(0x2B2D31), rgb(0x3C3F44), rgb(0x5B93F0), rgb(0xFFFFFF),
    rgb(0xA0A7B1), rgb(0x4A3B0B), rgb(0xFFE7A3), rgb(0xFF8A80),
};

const Palette* g_palette = &kLight;

void set_shared_colours(ImGuiStyle& s, const Palette& p, bool light) {
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = p.work_bg;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = light ? rgb(0xFFFFFF) : rgb(0x2B2D31);
    c[ImGuiCol_MenuBarBg] = p.nav_bg;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_Text] = light ? rgb(0x1F2328) : rgb(0xE6E7E9);
    c[ImGuiCol_TextDisabled] = p.muted_text;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = light ? rgb(0xEBEEF2) : rgb(0x33363B);
    c[ImGuiCol_ButtonHovered] = light ? rgb(0xDDE2E8) : rgb(0x3F4349);
    c[ImGuiCol_ButtonActive] = light ? rgb(0xCFD6DE) : rgb(0x4A4F56);
    c[ImGuiCol_FrameBg] = light ? rgb(0xFFFFFF) : rgb(0x26282C);
    c[ImGuiCol_FrameBgHovered] = light ? rgb(0xF5F7FA) : rgb(0x303338);
    c[ImGuiCol_FrameBgActive] = light ? rgb(0xEBEEF2) : rgb(0x383B40);
    c[ImGuiCol_Header] = light ? rgb(0xE3ECFA) : rgb(0x2E3F5C);
    c[ImGuiCol_HeaderHovered] = light ? rgb(0xEBEEF2) : rgb(0x3A3D42);
    c[ImGuiCol_HeaderActive] = light ? rgb(0xDCE6F7) : rgb(0x34496B);
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.30f);
}

}  // namespace

void apply_theme(Theme theme, float content_scale) {
    const bool light = theme == Theme::Light;
    ImGuiStyle s;
    if (light) {
        ImGui::StyleColorsLight(&s);
    } else {
        ImGui::StyleColorsDark(&s);
    }
    g_palette = light ? &kLight : &kDark;
    set_shared_colours(s, *g_palette, light);

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
    s.FrameBorderSize = light ? 1.0f : 0.0f;
    s.ScaleAllSizes(content_scale);
    ImGui::GetStyle() = s;
}

const Palette& palette() {
    return *g_palette;
}

}  // namespace app
