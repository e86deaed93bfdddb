// app/views/instructor/instructor_live.cpp — the console's "Advanced" part: time warp, named
// checkpoints, the live journal (one localised line per entry) and the trainee's progress.
#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/ui/locale.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"
#include "app/views/scenario/scenario_views.hpp"
#include "sim/support.hpp"

namespace app {

namespace {

void sub_heading(const ViewContext& ctx, const char* key) {
    ImGui::Spacing();
    widgets::text_colored(palette().accent, ctx.text.get(key));
    ImGui::Separator();
}

std::string when(const ViewContext& ctx, sim::SimTime t) {
    return format_clock_short(ctx.sim->calendar().local(t), ctx.text);
}

// The raw ids behind a journal line (its tooltip, for testers): operation, code, event, rule, effect.
std::string journal_ids(const sim::JournalEntry& e) {
    const nlohmann::json& b = e.body;
    if (e.kind == "action" && b.contains("action") && b["action"].is_object())
        return b["action"].value("type", "");
    if (e.kind == "result" && b.contains("result") && b["result"].is_object())
        return b.value("type", "") + " → " +
               b["result"].value("code", b["result"].value("ok", false) ? "ok" : "");
    if (e.kind == "event") return b.value("kind", "");
    if (e.kind == "fault") return b.value("rule", "") + " · " + b.value("effect", "");
    return "";
}

// One line of the journal, in the interface language (names of operations and background events
// are the debrief's texts, errors by their short names).
std::string journal_line(const ViewContext& ctx, const sim::JournalEntry& e) {
    const nlohmann::json& b = e.body;
    if (e.kind == "action" && b.contains("action") && b["action"].is_object()) {
        const nlohmann::json& a = b["action"];
        const std::string actor = a.value("actor", "");
        return ctx.text.format(
            actor.empty() ? "scenario.instructor.j_action" : "scenario.instructor.j_action_by",
            {{"name", operation_name(ctx, a.value("type", ""))}, {"actor", actor}});
    }
    if (e.kind == "result" && b.contains("result") && b["result"].is_object()) {
        const std::string name = operation_name(ctx, b.value("type", ""));
        if (b["result"].value("ok", false))
            return ctx.text.format("scenario.instructor.j_ok", {{"name", name}});
        return ctx.text.format("scenario.instructor.j_failed",
                               {{"name", name}, {"code", error_name(ctx, b["result"].value("code", ""))}});
    }
    if (e.kind == "event") {
        const std::string kind = b.value("kind", "");
        const std::string key = "debrief.event." + kind;
        return ctx.text.format("scenario.instructor.j_event",
                               {{"name", ctx.text.has(key) ? ctx.text.get(key) : kind}});
    }
    if (e.kind == "fault")
        return ctx.text.format(
            "scenario.instructor.j_fault",
            {{"rule", b.value("rule", "")}, {"effect", fault_effect_name(ctx, b.value("effect", ""))}});
    if (e.kind == "note")
        return ctx.text.format("scenario.instructor.j_note", {{"text", b.value("text", "")}});
    return e.kind;
}

void skip_button(const ViewContext& ctx, CommandQueue& out, const char* key, const char* id, const char* by) {
    const std::string label = ctx.text.get(key) + "###" + id;
    if (widgets::button(label.c_str())) submit_instructor(out, sim::ops::skip_time(by));
}

}  // namespace

void draw_time_warp(const ViewContext& ctx, CommandQueue& out) {
    ImGui::AlignTextToFramePadding();
    widgets::text(ctx.text.get("scenario.console.jump"));
    ImGui::SameLine();
    skip_button(ctx, out, "scenario.console.jump_hour", "jump_hour", "1h");
    ImGui::SameLine();
    skip_button(ctx, out, "scenario.console.jump_day", "jump_day", "1d");
    ImGui::SameLine();
    skip_button(ctx, out, "scenario.instructor.jump_2days", "jump_2days", "2d");
    ImGui::SameLine();
    skip_button(ctx, out, "scenario.instructor.jump_week", "jump_week", "1w");
    ImGui::SameLine();
    skip_button(ctx, out, "scenario.instructor.jump_month", "jump_month", "30d");  // a year in a workshop
}

void draw_checkpoints(const ViewContext& ctx, CommandQueue& out) {
    InstructorViewState& st = ctx.state.instructor;
    const std::string save = ctx.text.get("scenario.instructor.checkpoint_save") + "###checkpoint_save";
    const float save_w =
        ImGui::CalcTextSize(save.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(
        std::min(ImGui::GetContentRegionAvail().x - save_w - ImGui::GetStyle().ItemSpacing.x,
                 ImGui::GetFontSize() * 16.0f));
    const bool enter = widgets::input_text_hint("###checkpoint_name",
                                                ctx.text.get("scenario.instructor.checkpoint_hint").c_str(),
                                                st.checkpoint_name, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (widgets::button(save.c_str()) || enter) {
        submit_instructor(out, sim::ops::checkpoint(st.checkpoint_name));
        st.checkpoint_name.clear();
    }
    const auto checkpoints = ctx.sim->checkpoints();
    if (checkpoints.empty()) {
        widgets::text_disabled(ctx.text.get("scenario.instructor.no_checkpoints"));
        return;
    }
    const std::string restore = ctx.text.get("scenario.instructor.restore");
    for (const sim::CheckpointInfo& c : checkpoints) {
        ImGui::AlignTextToFramePadding();
        widgets::text(ctx.text.format("scenario.instructor.checkpoint_line",
                                      {{"name", c.name}, {"time", when(ctx, c.time)}}));
        ImGui::SameLine();
        if (widgets::button((restore + "###restore_" + c.name).c_str()))
            submit_instructor(out, sim::ops::restore_checkpoint(c.name));
    }
}

void draw_live_journal(const ViewContext& ctx, float height) {
    InstructorViewState& st = ctx.state.instructor;
    const auto& entries = ctx.sim->journal().entries();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().nav_bg);
    ImGui::BeginChild("##live_journal", ImVec2(0, height), true);
    // Follow the newest entry while the view is at the bottom (or just grew).
    const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    if (entries.empty()) widgets::text_disabled(ctx.text.get("scenario.instructor.journal_empty"));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const sim::JournalEntry& e = entries[static_cast<std::size_t>(i)];
            const bool bad = (e.kind == "result" && !e.body["result"].value("ok", true)) || e.kind == "fault";
            widgets::text_colored(palette().muted_text, when(ctx, e.time));
            ImGui::SameLine();
            const std::string line = journal_line(ctx, e);
            if (bad)
                widgets::text_colored(palette().error_text, line);
            else
                widgets::text(line);
            id_tooltip(journal_ids(e));
        }
    }
    if (entries.size() != st.journal_seen && at_bottom) ImGui::SetScrollHereY(1.0f);
    st.journal_seen = entries.size();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_trainee_progress(const ViewContext& ctx) {
    const Training* t = ctx.training;
    if (!t || !t->scenario()) {
        widgets::text_disabled(ctx.text.get("scenario.checklist.none"));
        return;
    }
    const auto& objectives = t->scenario()->assessment.objectives;
    std::size_t met = 0;
    for (std::size_t i = 0; i < objectives.size(); ++i) met += t->met(i) ? 1 : 0;
    widgets::text(ctx.text.format("scenario.instructor.progress", {{"met", met},
                                                                   {"total", objectives.size()},
                                                                   {"score", t->report().score},
                                                                   {"failed", t->failed_actions()}}));
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        tick_mark(t->met(i));
        ImGui::SameLine();
        const bool current = t->current_objective() == i;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              current ? palette().accent : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        widgets::text_wrapped(objectives[i].title.in(ctx.ui.language));
        ImGui::PopStyleColor();
    }
}

// Support requests (sim/support.hpp, C4, C6): the open ones, and a reply box — the reply arrives as a mail
// after the scenario's reply delay (support.reply), with an optional effect.
void draw_support_replies(const ViewContext& ctx, CommandQueue& out) {
    SupportViewState& st = ctx.state.support;
    const sim::World& w = ctx.sim->world();
    std::vector<const sim::SupportRequest*> open;
    for (const sim::SupportRequest* r : sim::support_requests(w))
        if (r->status == "open") open.push_back(r);
    if (open.empty()) {
        widgets::text_disabled(ctx.text.get("instructor.support.none"));
        return;
    }
    if (sim::find_support_request(w, st.reply_request) == nullptr) st.reply_request = open.front()->id;
    ImGui::PushTextWrapPos(0.0f);
    for (const sim::SupportRequest* r : open) {
        const std::string topic = "support.topic." + r->topic;
        const std::string line = ctx.text.format(
            "instructor.support.from", {{"request", r->id},
                                        {"upn", r->requester},
                                        {"channel", ctx.text.get("instructor.support.channel." + r->channel)},
                                        {"topic", ctx.text.has(topic) ? ctx.text.get(topic) : r->topic}});
        if (widgets::selectable((line + "###support_req_" + r->id).c_str(), st.reply_request == r->id))
            st.reply_request = r->id;
        widgets::text_disabled((r->title.empty() ? "" : r->title + " — ") + r->text);
        if (r->reply_due_at >= 0)
            widgets::text_disabled(
                ctx.text.format("instructor.support.scheduled", {{"date", when(ctx, r->reply_due_at)}}));
    }
    ImGui::PopTextWrapPos();
    ImGui::InputTextMultiline("###support_reply_text", &st.reply_text,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.0f));
    widgets::report_item(widgets::ItemKind::Input, "###support_reply_text");
    ImGui::AlignTextToFramePadding();
    widgets::text(ctx.text.get("instructor.support.effect"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const std::string shown =
        "instructor.support.effect." + (st.reply_effect.empty() ? std::string("none") : st.reply_effect);
    if (widgets::begin_combo("###support_reply_effect", ctx.text.get(shown).c_str())) {
        if (widgets::selectable(
                (ctx.text.get("instructor.support.effect.none") + "###support_effect_none").c_str(),
                st.reply_effect.empty()))
            st.reply_effect.clear();
        for (const std::string& e : sim::support_effects())
            if (widgets::selectable(
                    (ctx.text.get("instructor.support.effect." + e) + "###support_effect_" + e).c_str(),
                    st.reply_effect == e))
                st.reply_effect = e;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(st.reply_text.empty());
    if (widgets::button((ctx.text.get("instructor.support.reply") + "###support_reply_send").c_str())) {
        out.push(SubmitAction{sim::ops::reply_support(st.reply_request, st.reply_text, st.reply_effect),
                              "instructor.support.reply"});
        st.reply_text.clear();
    }
    ImGui::EndDisabled();
}

void draw_instructor_advanced(const ViewContext& ctx, CommandQueue& out) {
    // Most used first: time, checkpoints, then the rule editor.
    sub_heading(ctx, "scenario.console.time");
    draw_time_warp(ctx, out);
    sub_heading(ctx, "scenario.instructor.checkpoints");
    draw_checkpoints(ctx, out);
    sub_heading(ctx, "instructor.support.title");
    draw_support_replies(ctx, out);
    sub_heading(ctx, "scenario.instructor.rules");
    draw_fault_rules(ctx, out, true);
    draw_fault_form(ctx, out);
    sub_heading(ctx, "scenario.instructor.journal");
    draw_live_journal(
        ctx, ImGui::GetTextLineHeightWithSpacing() * 8.0f + ImGui::GetStyle().WindowPadding.y * 2.0f);
    sub_heading(ctx, "scenario.instructor.trainee");
    draw_trainee_progress(ctx);
}

}  // namespace app
