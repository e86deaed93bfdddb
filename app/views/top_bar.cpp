// app/views/top_bar.cpp — product name, the simulated local date and time, time controls, the
// instructor console toggle, settings; and, while the autosave fails, why (on every surface).
#include <string>

#include <imgui.h>

#include "app/ui/locale.hpp"
#include "app/ui/session.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

// Width of a button with this label, so the controls can be right-aligned before they are drawn.
float button_width(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

std::string pause_label(const ViewContext& ctx) {
    return ctx.text.get(ctx.ui.paused ? "ui.time.resume" : "ui.time.pause") + "###pause";
}

std::string speed_label(int speed) {
    return std::to_string(speed) + "\u00d7###speed_" + std::to_string(speed);
}

std::string skip_label(const ViewContext& ctx) {
    return ctx.text.get("ui.time.skip") + "###skip";
}

std::string settings_label(const ViewContext& ctx) {
    return ctx.text.get("ui.settings.button") + "###settings";
}

std::string instructor_label(const ViewContext& ctx) {
    return ctx.text.get("scenario.instructor.button") + "###instructor_toggle";
}

float controls_width(const ViewContext& ctx) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float width = button_width(pause_label(ctx)) + spacing;
    for (int speed : kSpeeds) width += button_width(speed_label(speed)) + spacing * 0.5f;
    width += spacing + button_width(skip_label(ctx)) + spacing * 2.0f + button_width(instructor_label(ctx)) +
             spacing + button_width(settings_label(ctx));
    return width;
}

std::string clock_text(const ViewContext& ctx) {
    if (!ctx.sim) return ctx.text.get("ui.time.no_clock");
    const sim::Calendar& calendar = ctx.sim->calendar();
    return format_clock(calendar.local(ctx.sim->now()), calendar.zone(), ctx.text);
}

// Width of the left group: product name, clock and the "paused" tag.
float identity_width(const ViewContext& ctx) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float width = ImGui::CalcTextSize(ctx.text.get("ui.app.name").c_str()).x + spacing * 4.0f +
                  ImGui::CalcTextSize(clock_text(ctx).c_str()).x;
    if (ctx.sim && ctx.ui.paused)
        width += spacing + ImGui::CalcTextSize(ctx.text.get("ui.time.paused_tag").c_str()).x;
    return width;
}

// The last autosave failed: said on every surface, in the top bar, until a save succeeds.
const std::string* save_error(const ViewContext& ctx) {
    return ctx.session && !ctx.session->save_error.empty() ? &ctx.session->save_error : nullptr;
}

}  // namespace

int top_bar_rows(const ViewContext& ctx, float width) {
    // Large text or a narrow window: the controls move to a second row instead of covering the clock.
    const float needed = identity_width(ctx) + ImGui::GetStyle().ItemSpacing.x * 4.0f + controls_width(ctx) +
                         ImGui::GetStyle().WindowPadding.x * 2.0f;
    return (needed > width ? 2 : 1) + (save_error(ctx) ? 1 : 0);
}

void draw_top_bar(const ViewContext& ctx, CommandQueue& out) {
    ImGui::AlignTextToFramePadding();
    widgets::text_colored(palette().accent, ctx.text.get("ui.app.name"));

    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 4.0f);
    if (ctx.sim) {
        widgets::text(clock_text(ctx));
        if (ctx.ui.paused) {
            ImGui::SameLine();
            widgets::text_colored(palette().muted_text, ctx.text.get("ui.time.paused_tag"));
        }
    } else {
        widgets::text_disabled(clock_text(ctx));
    }

    const float right = ImGui::GetWindowContentRegionMax().x - controls_width(ctx);
    if (top_bar_rows(ctx, ImGui::GetWindowWidth()) - (save_error(ctx) ? 1 : 0) == 1) {
        ImGui::SameLine(right);
    } else if (right > ImGui::GetCursorPosX()) {
        ImGui::SetCursorPosX(right);
    }
    draw_time_controls(ctx, out);
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 2.0f);
    // The instructor console window (also F9): UI-only state, toggled directly.
    bool& console_open = ctx.state.instructor.open;
    if (widgets::toggle_button(instructor_label(ctx).c_str(), console_open)) console_open = !console_open;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", ctx.text.get("scenario.instructor.button_tip").c_str());
    ImGui::SameLine();
    draw_settings_menu(ctx, out);

    // One line in the error colour (the whole text in the tooltip): the trainee's work is not being saved.
    if (const std::string* error = save_error(ctx)) {
        ImGui::AlignTextToFramePadding();
        widgets::text_colored(palette().error_text,
                              ctx.text.format("ui.session.not_saved", {{"error", *error}}));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ctx.text.format("ui.session.not_saved_tip", {{"error", *error}}).c_str());
    }
}

void draw_time_controls(const ViewContext& ctx, CommandQueue& out) {
    // The session viewer shows a recording: its moment comes from the slider, not from the clock.
    const bool viewing = ctx.state.replay.info.active;
    ImGui::BeginDisabled(ctx.sim == nullptr || viewing);
    if (widgets::toggle_button(pause_label(ctx).c_str(), ctx.ui.paused)) {
        if (ctx.ui.paused) {
            out.push(Resume{});
        } else {
            out.push(Pause{});
        }
    }
    for (int speed : kSpeeds) {
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 0.5f);
        if (widgets::toggle_button(speed_label(speed).c_str(), !ctx.ui.paused && ctx.ui.speed == speed)) {
            out.push(SetSpeed{speed});
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ctx.text.format("ui.time.speed_tooltip", {{"speed", speed}}).c_str());
    }
    ImGui::EndDisabled();

    // Skipping makes sense only when something is scheduled: an action's result or a background process.
    const auto next = ctx.sim ? ctx.sim->next_event_time() : std::nullopt;
    ImGui::SameLine();
    ImGui::BeginDisabled(!next.has_value() || viewing);
    if (widgets::button(skip_label(ctx).c_str())) out.push(SkipToNextEvent{});
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        const std::string hint =
            next ? ctx.text.format("ui.time.next_event_at",
                                   {{"time", format_clock_short(ctx.sim->calendar().local(*next), ctx.text)}})
                 : ctx.text.get("ui.time.no_next_event");
        ImGui::SetTooltip("%s", hint.c_str());
    }
}

}  // namespace app
