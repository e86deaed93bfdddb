// app/views/banner.cpp — the permanent banner: this is a simulation, never type real passwords.
//
// It is drawn on every screen and cannot be closed: trainees must never mistake the sandbox for
// the real portal and type a real password into it.
#include <imgui.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/views.hpp"

namespace app {

float banner_height(const ViewContext& ctx, float width) {
    // Wraps onto more lines rather than clipping, however narrow the window or large the text.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = width - style.WindowPadding.x * 2.0f;
    const float text =
        ImGui::CalcTextSize(ctx.text.get("ui.banner.simulation").c_str(), nullptr, false, wrap).y;
    return text + style.FramePadding.y * 2.0f;
}

void draw_banner(const ViewContext& ctx) {
    const std::string& message = ctx.text.get("ui.banner.simulation");
    const float text_width = ImGui::CalcTextSize(message.c_str()).x;
    const float free = ImGui::GetContentRegionAvail().x - text_width;
    if (free > 0.0f) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + free * 0.5f);
        widgets::text_colored(palette().banner_text, message);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().banner_text);
        widgets::text_wrapped(message);
        ImGui::PopStyleColor();
    }
}

}  // namespace app
