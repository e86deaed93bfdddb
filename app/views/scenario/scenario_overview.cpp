// app/views/scenario/scenario_overview.cpp — "scenario.overview": pick a scenario from the library,
// the mode and the language, then Start (or Restart the one that runs). The library itself is read by
// the Shell (ScanLibrary) and cached in ScenarioViewState.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

constexpr const char* kModes[] = {"demo", "guided", "exam"};

bool allows(const LibraryEntry& e, const std::string& mode) {
    return std::find(e.modes.begin(), e.modes.end(), mode) != e.modes.end();
}

std::string default_mode(const ViewContext& ctx, const LibraryEntry& e) {
    const std::string running = mode_key(ctx.ui.mode);
    if (e.path == ctx.scenario.path && allows(e, running)) return running;
    if (allows(e, "guided")) return "guided";
    return e.modes.empty() ? "" : e.modes.front();
}

void draw_running(const ViewContext& ctx) {
    const Training* t = ctx.training;
    if (t && t->scenario() && ctx.ui.mode != TrainingMode::Sandbox) {
        widgets::text_wrapped(
            ctx.text.format("scenario.overview.running",
                            {{"title", t->scenario()->title.in(ctx.ui.language)},
                             {"mode", ctx.text.get(std::string("scenario.mode.") + mode_key(ctx.ui.mode))}}));
    } else {
        widgets::text_wrapped(ctx.text.get("scenario.overview.sandbox"));
    }
}

void draw_list(const ViewContext& ctx) {
    ScenarioViewState& st = ctx.state.scenario;
    for (std::size_t i = 0; i < st.library.size(); ++i) {
        const LibraryEntry& e = st.library[i];
        const std::string title = e.title.in(ctx.ui.language);
        const std::string label = title + "###scenario_pick_" + e.id;
        // A selectable as tall as its wrapped title, with the title drawn on top.
        const ImVec2 pos = ImGui::GetCursorPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const float text_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, width).y;
        const bool selected = st.selected == static_cast<int>(i);
        const bool clicked =
            ImGui::Selectable(("##pick_" + e.id).c_str(), selected, 0, ImVec2(width, text_h));
        widgets::report_item(widgets::ItemKind::Selectable, label.c_str());
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(pos);
        ImGui::PushTextWrapPos(pos.x + width);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPos(after);
        if (clicked && !selected) {
            st.selected = static_cast<int>(i);
            st.chosen_mode.clear();
        }
        ImGui::Spacing();
    }
    if (st.library.empty() && st.library_scanned)
        widgets::text_wrapped(ctx.text.get("scenario.overview.empty"));
}

void draw_details(const ViewContext& ctx, CommandQueue& out) {
    ScenarioViewState& st = ctx.state.scenario;
    if (st.selected < 0 || st.selected >= static_cast<int>(st.library.size())) return;
    const LibraryEntry& e = st.library[static_cast<std::size_t>(st.selected)];
    const std::string& lang = ctx.ui.language;

    ImGui::PushFont(heading_font());
    widgets::text_wrapped(e.title.in(lang));
    ImGui::PopFont();
    widgets::text_disabled(ctx.text.format(
        "scenario.overview.facts",
        {{"difficulty", ctx.text.get("scenario.difficulty." + e.difficulty)}, {"minutes", e.minutes}}));
    ImGui::Spacing();
    if (!e.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error_text);
        widgets::text_wrapped(ctx.text.get("scenario.overview.broken"));
        widgets::text_wrapped(e.error);
        ImGui::PopStyleColor();
        return;
    }
    widgets::text_wrapped(e.description.in(lang));
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    if (st.chosen_mode.empty() || !allows(e, st.chosen_mode)) st.chosen_mode = default_mode(ctx, e);
    widgets::text(ctx.text.get("scenario.overview.mode"));
    for (const char* m : kModes) {
        if (!allows(e, m)) continue;
        const std::string label = ctx.text.get(std::string("scenario.mode.") + m) + "###mode_" + m;
        if (widgets::radio_button(label.c_str(), st.chosen_mode == m)) st.chosen_mode = m;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(ctx.text.get("scenario.mode_help." + st.chosen_mode));
    ImGui::PopStyleColor();
    ImGui::Spacing();

    if (st.chosen_lang.empty()) st.chosen_lang = lang;
    widgets::text(ctx.text.get("scenario.overview.language"));
    if (widgets::radio_button("English###scenario_lang_en", st.chosen_lang == "en")) st.chosen_lang = "en";
    ImGui::SameLine();
    if (widgets::radio_button("Deutsch###scenario_lang_de", st.chosen_lang == "de")) st.chosen_lang = "de";
    ImGui::Spacing();
    ImGui::Spacing();

    const bool running = e.path == ctx.scenario.path && ctx.sim != nullptr;
    const std::string start =
        ctx.text.get(running ? "scenario.overview.restart" : "scenario.overview.start") + "###scenario_start";
    if (widgets::button(start.c_str()))
        out.push(StartScenario{e.path, mode_from_key(st.chosen_mode), st.chosen_lang});
    if (running) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
        widgets::text_wrapped(ctx.text.get("scenario.overview.restart_note"));
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_scenario_overview(const ViewContext& ctx, CommandQueue& out) {
    // The library is read between frames (Shell: ScanLibrary), never while drawing; until then the
    // list is empty for one frame.
    if (!ctx.state.scenario.library_scanned) out.push(ScanLibrary{});

    scenario_heading(ctx.text.get("scenario.overview.title"));
    draw_running(ctx);
    draw_session_box(ctx, out);
    ImGui::Spacing();

    const float list_width = std::max(ImGui::GetContentRegionAvail().x * 0.38f, ImGui::GetFontSize() * 12.0f);
    const float footer = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("##scenario_library", ImVec2(list_width, -footer), true);
    draw_list(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##scenario_details", ImVec2(0, -footer), true);
    draw_details(ctx, out);
    ImGui::EndChild();

    const std::string refresh = ctx.text.get("scenario.overview.refresh") + "###scenario_refresh";
    if (widgets::button(refresh.c_str())) out.push(ScanLibrary{});
    ImGui::SameLine();
    const std::string console = ctx.text.get("scenario.overview.open_console") + "###open_console";
    if (widgets::button(console.c_str())) out.push(Navigate{"scenario.console"});
    if (ctx.ui.mode != TrainingMode::Sandbox && ctx.sim) {
        ImGui::SameLine();
        const std::string checklist = ctx.text.get("scenario.window.open") + "###open_checklist";
        if (widgets::button(checklist.c_str())) out.push(Navigate{"scenario.checklist"});
    }
}

void scenario_heading(const std::string& text) {
    ImGui::PushFont(heading_font());
    widgets::text_wrapped(text);
    ImGui::PopFont();
    ImGui::Spacing();
}

}  // namespace app
