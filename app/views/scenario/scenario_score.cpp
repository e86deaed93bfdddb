// app/views/scenario/scenario_score.cpp — "scenario.score": the score, feedback per objective,
// penalties itemised, seed and journal hash, Restart and Export debrief.
#include <cinttypes>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "sim/hash.hpp"

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {


const char* reason_key(Training::Finish f) {
    switch (f) {
        case Training::Finish::AllMet: return "scenario.score.reason.all_met";
        case Training::Finish::TimeUp: return "scenario.score.reason.time_up";
        case Training::Finish::Finished: return "scenario.score.reason.finished";
        case Training::Finish::None: break;
    }
    return "scenario.score.reason.running";
}

void draw_objectives(const ViewContext& ctx, const Training& t) {
    const auto& objectives = t.scenario()->assessment.objectives;
    const sim::ScoreReport& r = t.report();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##score_objectives", 3, flags)) return;
    ImGui::TableSetupColumn(ctx.text.get("scenario.score.col_objective").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn(ctx.text.get("scenario.score.col_points").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(ctx.text.get("scenario.score.col_points").c_str()).x +
                                ImGui::GetFontSize() * 2.0f);
    ImGui::TableSetupColumn(ctx.text.get("scenario.score.col_feedback").c_str(), ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < objectives.size() && i < r.objectives.size(); ++i) {
        const sim::Objective& o = objectives[i];
        const bool met = r.objectives[i].met;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        tick_mark(met);
        ImGui::SameLine();
        widgets::text_wrapped(o.title.in(ctx.ui.language));
        ImGui::TableNextColumn();
        widgets::text(std::to_string(met ? o.weight : 0) + " / " + std::to_string(o.weight));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, met ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : palette().error_text);
        widgets::text_wrapped((met ? o.feedback_met : o.feedback_not_met).in(ctx.ui.language));
        ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

void draw_penalties(const ViewContext& ctx, const Training& t) {
    const sim::ScoreReport& r = t.report();
    widgets::text(ctx.text.get("scenario.score.penalties"));
    if (r.penalties.empty()) {
        widgets::text_disabled(ctx.text.get("scenario.score.no_penalties"));
        return;
    }
    for (const sim::PenaltyItem& p : r.penalties) {
        ImGui::Bullet();
        ImGui::SameLine();
        std::string line = ctx.text.get("scenario.penalty." + p.reason);
        if (!p.detail.empty()) line += " (" + p.detail + ")";
        line += ctx.text.format("scenario.score.penalty_points", {{"count", p.count}, {"points", p.points}});
        widgets::text_wrapped(line);
    }
}

}  // namespace

void draw_scenario_score(const ViewContext& ctx, CommandQueue& out) {
    scenario_heading(ctx.text.get("scenario.score.title"));
    const Training* t = ctx.training;
    if (!t || !t->scenario() || !ctx.sim) {
        widgets::text_wrapped(ctx.text.get("scenario.checklist.none"));
        const std::string choose = ctx.text.get("scenario.checklist.choose") + "###choose_scenario";
        if (widgets::button(choose.c_str())) out.push(Navigate{"scenario.overview"});
        return;
    }
    const sim::ScoreReport& r = t->report();
    widgets::text_wrapped(t->scenario()->title.in(ctx.ui.language));
    if (ctx.ui.mode == TrainingMode::Exam && !t->finished()) {
        // No feedback during an exam: the score and the per-objective texts come with "Finish".
        widgets::text_wrapped(ctx.text.get("scenario.score.exam_hidden"));
        const std::string finish = ctx.text.get("scenario.checklist.finish") + "###scenario_finish";
        if (widgets::button(finish.c_str())) out.push(FinishScenario{});
        return;
    }
    ImGui::PushFont(heading_font());
    widgets::text(ctx.text.format("scenario.score.total", {{"score", r.score}}));
    ImGui::PopFont();
    widgets::text_disabled(ctx.text.get(reason_key(t->finish_reason())) + " · " +
                           ctx.text.get(std::string("scenario.mode.") + mode_key(ctx.ui.mode)));
    ImGui::Spacing();

    draw_objectives(ctx, *t);
    ImGui::Spacing();
    draw_penalties(ctx, *t);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    const std::uint64_t hash = t->finished() ? t->final_journal_hash() : ctx.sim->journal().hash();
    widgets::text_disabled(ctx.text.format("scenario.score.seed", {{"seed", ctx.sim->seed()}}) + "   " +
                           ctx.text.format("scenario.score.journal_hash", {{"hash", sim::hex64(hash)}}));
    ImGui::Spacing();

    const std::string restart = ctx.text.get("scenario.score.restart") + "###scenario_restart";
    if (widgets::button(restart.c_str()))
        out.push(StartScenario{ctx.scenario.path, ctx.ui.mode, ctx.ui.language});
    ImGui::SameLine();
    const std::string exported = ctx.text.get("scenario.score.export") + "###scenario_export";
    if (widgets::button(exported.c_str())) out.push(ExportDebrief{});
    if (!t->finished() && ctx.ui.mode != TrainingMode::Sandbox && ctx.ui.mode != TrainingMode::Demo) {
        ImGui::SameLine();
        const std::string finish = ctx.text.get("scenario.checklist.finish") + "###scenario_finish";
        if (widgets::button(finish.c_str())) out.push(FinishScenario{});
    }
    if (!t->debrief_result().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, t->debrief_ok() ? palette().muted_text : palette().error_text);
        widgets::text_wrapped(t->debrief_result());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    widgets::text(ctx.text.get("scenario.bundle.heading"));
    draw_bundle_export(ctx, out);
}

}  // namespace app
