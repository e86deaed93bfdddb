// app/views/scenario/scenario_session.cpp — the saved session on scenario.overview ("Resume last
// session", "View read only", autosave status, why a session file could not be resumed, "Open session
// or support case…") and "Export repro bundle" with the tester's observations and "Save this point as
// a scenario" on scenario.console and scenario.score.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/ui/page.hpp"
#include "app/ui/session.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/replay/replay_views.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

void draw_saved_session(const ViewContext& ctx, CommandQueue& out) {
    const SessionStatus* s = ctx.session;
    if (!s || s->path.empty()) return;
    const std::string& lang = ctx.ui.language;
    if (!s->bad_error.empty()) {
        widgets::text_wrapped_colored(
            palette().error_text,
            ctx.text.format("scenario.session.bad", {{"path", s->bad_path}, {"error", s->bad_error}}));
        widgets::text_wrapped_colored(palette().error_text,
                                      s->kept_as.empty()
                                          ? ctx.text.get("scenario.session.not_moved")
                                          : ctx.text.format("scenario.session.kept", {{"bad", s->kept_as}}));
    } else if (s->nothing_to_resume && !s->current) {
        widgets::text_wrapped_colored(palette().muted_text,
                                      ctx.text.format("scenario.session.none", {{"path", s->path}}));
    }
    if (!s->save_error.empty())
        widgets::text_wrapped_colored(palette().error_text, ctx.text.format("scenario.session.save_failed",
                                                                            {{"error", s->save_error}}));

    if (s->current) {
        const char* key = s->resumed ? "scenario.session.resumed" : "scenario.session.autosaved";
        widgets::text_wrapped_colored(
            palette().muted_text,
            ctx.text.format(key, {{"title", s->title.in(lang)}, {"time", s->saved_at}, {"path", s->path}}));
        if (s->resume_differs)
            widgets::text_wrapped_colored(palette().error_text, ctx.text.get("scenario.session.differs"));
    } else if (s->available) {
        widgets::text_wrapped(
            ctx.text.format("scenario.session.last", {{"title", s->title.in(lang)}, {"time", s->saved_at}}));
        const std::string resume = ctx.text.get("scenario.session.resume") + "###session_resume";
        if (widgets::button(resume.c_str())) out.push(ResumeSession{});
        ImGui::SameLine();
        const std::string view = ctx.text.get("replay.open.session") + "###session_view";
        if (widgets::button(view.c_str())) out.push(OpenReplay{s->path});
        ImGui::SameLine();
        widgets::text_wrapped_colored(palette().muted_text, ctx.text.get("scenario.session.resume_note"));
    } else if (s->bad_error.empty()) {
        widgets::text_wrapped_colored(palette().muted_text,
                                      ctx.text.format("scenario.session.autosave", {{"path", s->path}}));
    }
}

}  // namespace

void draw_session_box(const ViewContext& ctx, CommandQueue& out) {
    draw_saved_session(ctx, out);
    // Any session file or support case, read only (the viewer: app/views/replay).
    draw_open_recording(ctx, out);
}

void draw_bundle_export(const ViewContext& ctx, CommandQueue& out) {
    ScenarioViewState& st = ctx.state.scenario;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(ctx.text.get("scenario.bundle.help"));
    ImGui::PopStyleColor();
    ImGui::Indent();
    widgets::text(ctx.text.get("scenario.bundle.replay_command"));
    ImGui::Unindent();
    ImGui::Spacing();

    widgets::text(ctx.text.get("scenario.bundle.note"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text_hint("###bundle_note", ctx.text.get("scenario.bundle.note_hint").c_str(),
                             st.bundle_note);
    widgets::text(ctx.text.get("scenario.bundle.folder"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text_hint("###bundle_dir", ctx.text.get("scenario.bundle.folder_hint").c_str(),
                             st.bundle_dir);

    ImGui::Spacing();
    draw_observations(ctx, out);
    ImGui::Spacing();

    const std::string label = ctx.text.get("scenario.bundle.export") + "###bundle_export";
    if (widgets::button(label.c_str())) out.push(ExportBundle{st.bundle_dir, st.bundle_note});
    const SessionStatus* s = ctx.session;
    if (s && !s->export_result.empty())
        widgets::text_wrapped_colored(s->export_ok ? palette().muted_text : palette().error_text,
                                      s->export_result);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    draw_save_point(ctx, out);
}

}  // namespace app
