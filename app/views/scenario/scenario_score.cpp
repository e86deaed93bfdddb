// app/views/scenario/scenario_score.cpp — "scenario.score": the score, the debrief's timeline, feedback
// and time per objective, mistakes, penalties itemised, seed and journal hash, Restart and Export debrief.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "sim/debrief.hpp"
#include "sim/hash.hpp"

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/replay/replay_views.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

const char* reason_key(Training::Finish f) {
    switch (f) {
        case Training::Finish::AllMet:
            return "scenario.score.reason.all_met";
        case Training::Finish::TimeUp:
            return "scenario.score.reason.time_up";
        case Training::Finish::Finished:
            return "scenario.score.reason.finished";
        case Training::Finish::None:
            break;
    }
    return "scenario.score.reason.running";
}

// The debrief of the run shown (live or in the viewer), made again only when the run moved.
const sim::Debrief& debrief_of(const ViewContext& ctx, const Training& t) {
    ReplayViewState& st = ctx.state.replay;
    const std::string key =
        ctx.ui.language + "/" + mode_key(ctx.ui.mode) + (t.finished() ? "/final" : "/live");
    if (st.debrief_sim != ctx.sim || st.debrief_journal != ctx.sim->journal().hash() ||
        st.debrief_key != key || st.debrief.journal_hash.empty()) {
        st.debrief = sim::make_debrief(*t.scenario(), *ctx.sim, t.report(), ctx.text);
        st.debrief.mode = mode_key(ctx.ui.mode);
        st.debrief_sim = ctx.sim;
        st.debrief_journal = ctx.sim->journal().hash();
        st.debrief_key = key;
    }
    return st.debrief;
}

const sim::ObjectiveTime* time_of(const sim::Debrief& d, const std::string& id) {
    for (const sim::ObjectiveTime& o : d.objectives)
        if (o.id == id) return &o;
    return nullptr;
}

float column_width(const ViewContext& ctx, const char* key, const std::string& sample) {
    return std::max(ImGui::CalcTextSize(ctx.text.get(key).c_str()).x, ImGui::CalcTextSize(sample.c_str()).x) +
           ImGui::GetFontSize();
}

void draw_objectives(const ViewContext& ctx, const Training& t, const sim::Debrief& d) {
    const auto& objectives = t.scenario()->assessment.objectives;
    const sim::ScoreReport& r = t.report();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##score_objectives", 5, flags)) return;
    ImGui::TableSetupColumn(ctx.text.get("scenario.score.col_objective").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn(ctx.text.get("scenario.score.col_points").c_str(),
                            ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(ctx.text.get("scenario.score.col_points").c_str()).x +
                                ImGui::GetFontSize() * 2.0f);
    ImGui::TableSetupColumn(ctx.text.get("debrief.col.met_at").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            column_width(ctx, "debrief.col.met_at", replay_time_text(ctx, d.end)));
    ImGui::TableSetupColumn(ctx.text.get("debrief.col.spent").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            column_width(ctx, "debrief.col.spent", "00 h 00 min"));
    ImGui::TableSetupColumn(ctx.text.get("scenario.score.col_feedback").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 0.55f);
    widgets::plain_headers_row();
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
        const sim::ObjectiveTime* when = time_of(d, o.id);
        ImGui::TableNextColumn();
        if (when && when->met_at >= 0)
            widgets::text(replay_time_text(ctx, when->met_at));
        else
            widgets::text_disabled(ctx.text.get("debrief.not_met"));
        ImGui::TableNextColumn();
        if (when && when->spent >= 0) widgets::text(sim::format_span(when->spent, ctx.text));
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text,
                              met ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : palette().error_text);
        widgets::text_wrapped((met ? o.feedback_met : o.feedback_not_met).in(ctx.ui.language));
        ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

void draw_mistakes(const ViewContext& ctx, const sim::Debrief& d) {
    widgets::text(ctx.text.get("debrief.mistakes"));
    if (d.mistakes.empty()) {
        widgets::text_disabled(ctx.text.get("debrief.no_mistakes"));
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##score_mistakes", 3, flags)) return;
    ImGui::TableSetupColumn(ctx.text.get("debrief.col.time").c_str(), ImGuiTableColumnFlags_WidthFixed,
                            column_width(ctx, "debrief.col.time", replay_time_text(ctx, d.end)));
    ImGui::TableSetupColumn(ctx.text.get("debrief.col.operation").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.35f);
    ImGui::TableSetupColumn(ctx.text.get("debrief.col.message").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.65f);
    widgets::plain_headers_row();
    for (const sim::Mistake& m : d.mistakes) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        widgets::text(replay_time_text(ctx, m.time));
        ImGui::TableNextColumn();
        const std::string op_key = "debrief.op." + m.operation;
        widgets::text_wrapped(ctx.text.has(op_key) ? ctx.text.get(op_key) : m.operation);
        ImGui::TableNextColumn();
        widgets::text_wrapped(m.message);
        // The error by its short name; the raw code is for testers, in the tooltip.
        const std::string name_key = "errname." + m.error_code;
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error_text);
        widgets::text_wrapped(ctx.text.has(name_key) ? ctx.text.get(name_key) : m.error_code);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m.error_code.c_str());
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

    const sim::Debrief& debrief = debrief_of(ctx, *t);
    draw_debrief_timeline(ctx, debrief);
    ImGui::Spacing();
    draw_objectives(ctx, *t, debrief);
    ImGui::Spacing();
    draw_mistakes(ctx, debrief);
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
