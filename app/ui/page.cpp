// app/ui/page.cpp — page typography shared by the content surfaces.
#include "app/ui/page.hpp"

#include <algorithm>

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"

namespace app {

float page_column_width() {
    return std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 46.0f);
}

float page_field_width() {
    return std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 28.0f);
}

void page_heading(const std::string& text) {
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text_wrapped(text);
    if (font) ImGui::PopFont();
    ImGui::Spacing();
}

void page_section(const std::string& text) {
    ImGui::Spacing();
    widgets::text_colored(palette().accent, text);
    ImGui::Separator();
    ImGui::Spacing();
}

void page_note(const std::string& text, const ImVec4& accent) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = page_column_width();
    const float bar = ImGui::GetFontSize() * 0.25f;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float wrap = ImGui::GetCursorPosX() + width - pad;
    ImGui::Indent(bar + pad * 2.0f);
    ImGui::Dummy(ImVec2(0.0f, pad * 0.5f));
    ImGui::PushTextWrapPos(wrap);
    widgets::text(text);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0.0f, pad * 0.5f));
    ImGui::Unindent(bar + pad * 2.0f);
    const float end_y = ImGui::GetItemRectMax().y;
    ImVec4 tint = accent;
    tint.w = 0.10f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(start, ImVec2(start.x + width, end_y), ImGui::GetColorU32(tint), 3.0f);
    dl->AddRectFilled(start, ImVec2(start.x + bar, end_y), ImGui::GetColorU32(accent), 1.0f);
    ImGui::Spacing();
}

}  // namespace app
