// app/views/welcome_screen.cpp — the "shell" screen: a friendly placeholder, or why loading failed.
//
// The portal and admin center screens of the next issues replace this placeholder; until then it
// tells the trainee what the sandbox is and how the clock works.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

constexpr float kCardWidthInFrames = 24.0f;  // readable line length, in frame heights

void heading(const std::string& s, const ImVec4& colour) {
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text_colored(colour, s);
    if (font) ImGui::PopFont();
}

void draw_load_errors(const ViewContext& ctx, CommandQueue& out) {
    if (ctx.scenario.unexpected) {
        // The last resort (Shell::show_error): something failed that should not have.
        heading(ctx.text.get("ui.welcome.unexpected"), palette().error_text);
        widgets::text_wrapped(ctx.text.get("ui.welcome.unexpected_text"));
    } else {
        heading(ctx.text.get("ui.welcome.load_failed"), palette().error_text);
        widgets::text_wrapped(ctx.text.format("ui.welcome.load_failed_file", {{"path", ctx.scenario.path}}));
    }
    ImGui::Spacing();
    for (const std::string& error : ctx.scenario.errors) {
        ImGui::Bullet();  // bullet + wrapped text: continuation lines indent under the text
        ImGui::SameLine();
        widgets::text_wrapped(error);
    }
    ImGui::Spacing();
    widgets::text_wrapped(
        ctx.text.get(ctx.scenario.unexpected ? "ui.welcome.unexpected_hint" : "ui.welcome.load_failed_hint"));
    if (!ctx.scenario.path.empty() &&
        widgets::button((ctx.text.get("ui.welcome.retry") + "###retry").c_str())) {
        out.push(ReloadScenario{});
    }
}

void draw_placeholder(const ViewContext& ctx) {
    heading(ctx.text.get("ui.welcome.title"), palette().accent);
    ImGui::Spacing();
    const std::string& title = ctx.scenario.title.in(ctx.ui.language);
    if (!title.empty()) widgets::text_wrapped(ctx.text.format("ui.welcome.scenario", {{"title", title}}));
    ImGui::Spacing();
    widgets::text_wrapped(ctx.text.get("ui.welcome.coming"));
    ImGui::Spacing();
    widgets::text_wrapped(ctx.text.get("ui.welcome.clock"));
    ImGui::Spacing();
    widgets::text_wrapped(ctx.text.get("ui.welcome.safe"));
}

}  // namespace

void draw_welcome_screen(const ViewContext& ctx, CommandQueue& out) {
    // A centred column of readable width, a little below the top edge.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, ImGui::GetFrameHeight() * kCardWidthInFrames);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail - width) * 0.5f,
                               ImGui::GetCursorPosY() + ImGui::GetFrameHeight() * 1.5f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (ctx.sim) {
        draw_placeholder(ctx);
    } else {
        draw_load_errors(ctx, out);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace app
