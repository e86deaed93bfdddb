// app/views/scenario/scenario_checklist.cpp — "scenario.checklist" and the floating "Checklist"
// window: objectives with ticks, hints revealed one by one (guided), the demo's caption and step
// counter (demo), the countdown (exam), and "Finish".
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>
#include <imgui.h>

#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

std::string mode_text(const ViewContext& ctx) {
    return ctx.text.get(std::string("scenario.mode.") + mode_key(ctx.ui.mode));
}

void draw_demo(const ViewContext& ctx, const Training& t) {
    using Phase = Training::DemoPhase;
    const Phase phase = t.demo_phase();
    if (phase == Phase::Failed) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error_text);
        widgets::text_wrapped(ctx.text.format("scenario.demo.failed", {{"detail", t.demo_failure()}}));
        ImGui::PopStyleColor();
        return;
    }
    if (phase == Phase::Done || t.finished()) {
        widgets::text_wrapped(ctx.text.get("scenario.demo.done"));
        return;
    }
    widgets::text_disabled(
        ctx.text.format("scenario.demo.step", {{"n", t.demo_step() + 1}, {"total", t.demo_steps()}}));
    if (ctx.ui.paused) {
        ImGui::SameLine();
        widgets::text_disabled(ctx.text.get("scenario.demo.paused"));
    }
    if (const sim::LocalText* caption = t.demo_caption()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        widgets::text_wrapped(caption->in(ctx.ui.language));
        ImGui::PopStyleColor();
    }
}

void draw_objective(const ViewContext& ctx, CommandQueue& out, const Training& t, std::size_t i,
                    bool compact) {
    const sim::Objective& o = t.scenario()->assessment.objectives[i];
    const bool exam = ctx.ui.mode == TrainingMode::Exam;
    const bool met = t.met(i);
    const bool current = t.current_objective() == i;
    if (!exam) {
        tick_mark(met);
        ImGui::SameLine();
    } else {
        ImGui::Bullet();
    }
    ImGui::PushStyleColor(ImGuiCol_Text,
                          met && !exam ? palette().muted_text : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    widgets::text_wrapped(o.title.in(ctx.ui.language));
    ImGui::PopStyleColor();
    if (ctx.ui.mode != TrainingMode::Guided || met) return;

    // Guided: the hints revealed so far, and a button for the next one.
    const int shown = t.hints_shown(i);
    ImGui::Indent();
    for (int h = 0; h < shown && h < static_cast<int>(o.hints.size()); ++h) {
        if (compact && h + 1 < shown) continue;  // the window shows the latest hint only
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        widgets::text_wrapped(ctx.text.format(
            "scenario.hint.text",
            {{"n", h + 1}, {"text", o.hints[static_cast<std::size_t>(h)].in(ctx.ui.language)}}));
        ImGui::PopStyleColor();
    }
    if (shown < static_cast<int>(o.hints.size()) && (current || !compact)) {
        const std::string label = ctx.text.get(shown == 0 ? "scenario.hint.show" : "scenario.hint.next") +
                                  "###hint_" + o.id + (compact ? "_w" : "");
        if (widgets::button(label.c_str())) out.push(RequestHint{o.id});
    }
    ImGui::Unindent();
}

}  // namespace

void tick_mark(bool met) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = size * 0.12f;
    const ImVec2 a(p.x + pad, p.y + pad), b(p.x + size - pad, p.y + size - pad);
    const ImU32 colour = ImGui::GetColorU32(met ? palette().accent : palette().muted_text);
    if (met) {
        dl->AddRectFilled(a, b, colour, size * 0.15f);
        const ImU32 mark = ImGui::GetColorU32(palette().on_accent);
        const float w = b.x - a.x;
        const ImVec2 pts[3] = {ImVec2(a.x + w * 0.2f, a.y + w * 0.52f),
                               ImVec2(a.x + w * 0.42f, a.y + w * 0.74f),
                               ImVec2(a.x + w * 0.8f, a.y + w * 0.28f)};
        dl->AddPolyline(pts, 3, mark, 0, std::max(1.5f, size * 0.12f));
    } else {
        dl->AddRect(a, b, colour, size * 0.15f, 0, std::max(1.0f, size * 0.07f));
    }
}

std::string format_countdown(double seconds) {
    const long total = static_cast<long>(std::ceil(std::max(0.0, seconds)));
    if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, (total / 60) % 60, total % 60);
    return fmt::format("{:02}:{:02}", total / 60, total % 60);
}

void draw_checklist_body(const ViewContext& ctx, CommandQueue& out, bool compact) {
    const Training* t = ctx.training;
    if (!t || !t->scenario() || !ctx.sim || ctx.ui.mode == TrainingMode::Sandbox) {
        widgets::text_wrapped(ctx.text.get("scenario.checklist.none"));
        const std::string choose = ctx.text.get("scenario.checklist.choose") + "###choose_scenario";
        if (widgets::button(choose.c_str())) out.push(Navigate{"scenario.overview"});
        return;
    }
    if (!compact) {
        widgets::text_wrapped(t->scenario()->title.in(ctx.ui.language));
    }
    widgets::text_disabled(mode_text(ctx));

    if (ctx.ui.mode == TrainingMode::Exam && t->countdown_left() && !t->finished()) {
        ImGui::SameLine();
        const bool low = *t->countdown_left() < 300.0;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              low ? palette().error_text : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        widgets::text(
            ctx.text.format("scenario.exam.time_left", {{"time", format_countdown(*t->countdown_left())}}));
        ImGui::PopStyleColor();
    }
    if (ctx.ui.mode == TrainingMode::Demo) {
        ImGui::Spacing();
        draw_demo(ctx, *t);
    }
    if (compact && ctx.ui.mode == TrainingMode::Exam) return;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (!compact)
        widgets::text(ctx.text.get(ctx.ui.mode == TrainingMode::Exam ? "scenario.checklist.tasks"
                                                                     : "scenario.checklist.objectives"));
    const auto& objectives = t->scenario()->assessment.objectives;
    if (compact) {
        // The window stays small: progress and the objective to work on now (exam: the countdown only).
        if (ctx.ui.mode != TrainingMode::Exam) {
            std::size_t met = 0;
            for (std::size_t i = 0; i < objectives.size(); ++i) met += t->met(i) ? 1 : 0;
            widgets::text_disabled(
                ctx.text.format("scenario.window.progress", {{"met", met}, {"total", objectives.size()}}));
            if (const auto cur = t->current_objective(); cur && !t->finished()) {
                ImGui::PushID(static_cast<int>(*cur));
                draw_objective(ctx, out, *t, *cur, compact);
                ImGui::PopID();
            }
        }
    } else {
        for (std::size_t i = 0; i < objectives.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            draw_objective(ctx, out, *t, i, compact);
            ImGui::PopID();
        }
    }
    if (!compact && ctx.ui.mode == TrainingMode::Guided && t->failed_actions() > 0) {
        ImGui::Spacing();
        widgets::text_disabled(ctx.text.format(
            "scenario.hint.failures", {{"count", t->failed_actions()}, {"every", kFailuresPerAutoHint}}));
    }

    ImGui::Spacing();
    if (t->finished()) {
        const std::string score =
            ctx.text.get("scenario.checklist.show_score") + (compact ? "###show_score_w" : "###show_score");
        if (widgets::button(score.c_str())) out.push(Navigate{"scenario.score"});
    } else if (!compact && ctx.ui.mode != TrainingMode::Demo) {
        const std::string finish = ctx.text.get("scenario.checklist.finish") + "###scenario_finish";
        if (widgets::button(finish.c_str())) out.push(FinishScenario{});
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
        widgets::text_wrapped(ctx.text.get("scenario.checklist.finish_note"));
        ImGui::PopStyleColor();
    }
}

void draw_scenario_checklist(const ViewContext& ctx, CommandQueue& out) {
    scenario_heading(ctx.text.get("scenario.checklist.title"));
    draw_checklist_body(ctx, out, false);
}

void draw_training_window(const ViewContext& ctx, CommandQueue& out) {
    const Training* t = ctx.training;
    if (!t || !t->scenario() || !ctx.sim || ctx.ui.mode == TrainingMode::Sandbox) return;
    if (surface_of(ctx.ui.screen) == Surface::Scenario) return;  // the panel shows the checklist itself
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(ImGui::GetFontSize() * 22.0f, vp->WorkSize.x * 0.4f);
    const float margin = ImGui::GetStyle().WindowPadding.x;
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + vp->WorkSize.x - margin, vp->WorkPos.y + vp->WorkSize.y - margin),
        ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, vp->WorkSize.y * 0.6f));
    const std::string title = ctx.text.get("scenario.window.title") + "###training_checklist";
    if (ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        draw_checklist_body(ctx, out, true);
        const std::string open = ctx.text.get("scenario.window.open") + "###open_checklist_w";
        if (widgets::button(open.c_str())) out.push(Navigate{"scenario.checklist"});
    }
    ImGui::End();
}

}  // namespace app
