// app/views/replay/replay_screen.cpp — "scenario.replay": a session file or support case, read only.
//
// [SECTION] Timeline: slider over the recording's sim time, a mark per action, step buttons
// [SECTION] Screen: banner, facts, timeline, actions, the bundle's observations, save, close
// [SECTION] Bar: the floating window on the other surfaces
// The Shell rebuilds the world for the moment chosen (SetReplayTime); these views only draw it.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <imgui.h>

#include "app/ui/fonts.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"  // operation_name: the registry's debrief names
#include "app/views/replay/replay_views.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

// ImGui formats the slider's text with printf: a literal text must not contain '%'.
std::string printf_literal(const std::string& s) {
    std::string out;
    for (char c : s) {
        out += c;
        if (c == '%') out += '%';
    }
    return out;
}

ImU32 mark_colour(const ReplayMark& m) {
    if (m.failed) return ImGui::GetColorU32(palette().error_text);
    if (m.instructor) return ImGui::GetColorU32(palette().banner_text);
    return ImGui::GetColorU32(palette().accent);
}

// The strip across the top of the viewer: it must never be mistaken for the live run.
void read_only_banner(const ViewContext& ctx) {
    const std::string& text = ctx.text.get("replay.banner");
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = width - style.FramePadding.x * 2.0f;
    const float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y + style.FramePadding.y * 2.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h),
                                              ImGui::GetColorU32(palette().banner_bg), style.FrameRounding);
    ImGui::SetCursorScreenPos(ImVec2(p.x + style.FramePadding.x, p.y + style.FramePadding.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().banner_text);
    widgets::text_wrapped(text);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(width, style.ItemSpacing.y * 0.5f));
}

std::string position_text(const ViewContext& ctx, const ReplayInfo& info) {
    return ctx.text.format(
        "replay.position",
        {{"time", replay_time_text(ctx, info.time)}, {"done", info.applied}, {"total", info.actions.size()}});
}

}  // namespace

std::string replay_time_text(const ViewContext& ctx, sim::SimTime t) {
    if (!ctx.sim) return "";
    return format_clock_short(ctx.sim->calendar().local(t), ctx.text);
}

// [SECTION] Timeline ---------------------------------------------------------------------------------

namespace {

// Step buttons: the previous / next recorded action, the start and the end. The bar has room for
// arrows only; their tooltips say the words.
void draw_step_buttons(const ViewContext& ctx, CommandQueue& out, const ReplayInfo& info, bool compact) {
    const std::size_t total = info.actions.size();
    const std::size_t k = std::min(info.applied, total);
    auto step_button = [&](const char* key, const char* arrows, const char* id) {
        const std::string words = ctx.text.get(key);
        const bool pressed = widgets::button(((compact ? std::string(arrows) : words) + "###" + id).c_str());
        if (compact && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", words.c_str());
        return pressed;
    };
    const bool at_start = k == 0 && info.time == 0;
    const bool at_end = k == total && info.time >= info.end_ms;
    ImGui::BeginDisabled(at_start);
    if (step_button("replay.start", "|<", "replay_first")) out.push(SetReplayTime{0, 0});
    ImGui::SameLine();
    if (step_button("replay.previous", "<", "replay_prev")) {
        if (k > 0 && info.time > info.actions[k - 1].time) {
            out.push(SetReplayTime{info.actions[k - 1].time,
                                   static_cast<long long>(k)});  // back to the last one shown
        } else if (k > 0) {
            const std::size_t n = k - 1;
            out.push(SetReplayTime{n > 0 ? info.actions[n - 1].time : 0, static_cast<long long>(n)});
        } else {
            out.push(SetReplayTime{0, 0});
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(at_end);
    if (step_button("replay.next", ">", "replay_next")) {
        if (k < total)
            out.push(SetReplayTime{info.actions[k].time, static_cast<long long>(k + 1)});
        else
            out.push(SetReplayTime{info.end_ms, -1});
    }
    ImGui::SameLine();
    if (step_button("replay.end", ">|", "replay_last")) out.push(SetReplayTime{info.end_ms, -1});
    ImGui::EndDisabled();
    ImGui::SameLine();
}

// A mark per recorded action under the slider (smin..smax, sim time 0..hi), where the grab's centre
// would be at its time; the actions replayed so far are drawn full height. A click on one shows it.
void draw_action_marks(const ViewContext& ctx, CommandQueue& out, const ReplayInfo& info, ImVec2 smin,
                       ImVec2 smax, std::int64_t hi) {
    const std::size_t total = info.actions.size();
    const std::size_t k = std::min(info.applied, total);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float grab = std::max(style.GrabMinSize, 4.0f);
    const float x0 = smin.x + 2.0f + grab * 0.5f;
    const float x1 = smax.x - 2.0f - grab * 0.5f;
    const float strip_h = ImGui::GetTextLineHeight() * 0.8f;
    const ImVec2 strip_min(smin.x, smax.y + 2.0f);
    ImGui::SetCursorScreenPos(strip_min);
    ImGui::InvisibleButton("##replay_marks", ImVec2(std::max(smax.x - smin.x, 1.0f), strip_h));
    const bool strip_hovered = ImGui::IsItemHovered();
    const bool strip_clicked = ImGui::IsItemClicked();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(x0, strip_min.y + strip_h * 0.5f), ImVec2(x1, strip_min.y + strip_h * 0.5f),
                ImGui::GetColorU32(palette().border));
    const float mouse_x = ImGui::GetIO().MousePos.x;
    int nearest = -1;
    float nearest_d = ImGui::GetFontSize() * 0.4f;
    for (std::size_t i = 0; i < total; ++i) {
        const ReplayMark& m = info.actions[i];
        const float f = static_cast<float>(static_cast<double>(m.time) / static_cast<double>(hi));
        const float x = x0 + (x1 - x0) * std::clamp(f, 0.0f, 1.0f);
        const bool done = i < k;
        dl->AddRectFilled(ImVec2(x - 2.0f, strip_min.y + (done ? 0.0f : strip_h * 0.4f)),
                          ImVec2(x + 2.0f, strip_min.y + strip_h), mark_colour(m));
        const float d = std::abs(mouse_x - x);
        if (strip_hovered && d <= nearest_d) {
            nearest_d = d;
            nearest = static_cast<int>(i);
        }
    }
    if (nearest < 0) return;
    const ReplayMark& m = info.actions[static_cast<std::size_t>(nearest)];
    ImGui::BeginTooltip();
    widgets::text(ctx.text.format("replay.mark", {{"n", nearest + 1},
                                                  {"type", operation_name(ctx, m.type)},
                                                  {"time", replay_time_text(ctx, m.time)}}));
    if (m.failed)
        widgets::text_colored(palette().error_text,
                              ctx.text.format("replay.mark_failed", {{"code", error_name(ctx, m.error)}}));
    widgets::text_disabled(m.failed ? m.type + " → " + m.error : m.type);  // raw ids, for testers
    widgets::text_disabled(ctx.text.get("replay.mark_click"));
    ImGui::EndTooltip();
    if (strip_clicked) out.push(SetReplayTime{m.time, nearest + 1});
}

}  // namespace

void draw_replay_timeline(const ViewContext& ctx, CommandQueue& out, bool compact) {
    const ReplayInfo& info = ctx.state.replay.info;
    if (!info.active || !ctx.sim) return;
    draw_step_buttons(ctx, out, info, compact);

    // The bar keeps "Viewer" and "Close replay" on the slider's row.
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string viewer = ctx.text.get("replay.open_viewer") + "###replay_viewer";
    const std::string close = ctx.text.get("replay.close") + "###replay_close_bar";
    float trailing = 0.0f;
    if (compact) {
        for (const std::string* label : {&viewer, &close})
            trailing += ImGui::CalcTextSize(label->c_str(), nullptr, true).x + style.FramePadding.x * 2.0f +
                        style.ItemSpacing.x;
    } else {
        ImGui::AlignTextToFramePadding();
        widgets::text(position_text(ctx, info));
    }

    // The slider: its text is the moment shown.
    ImGui::SetNextItemWidth(
        std::max(ImGui::GetContentRegionAvail().x - trailing, ImGui::GetFontSize() * 6.0f));
    std::int64_t value = info.time;
    const std::int64_t lo = 0;
    const std::int64_t hi = std::max<std::int64_t>(info.end_ms, 1);
    const std::string shown = printf_literal(replay_time_text(ctx, info.time));
    if (ImGui::SliderScalar("###replay_slider", ImGuiDataType_S64, &value, &lo, &hi, shown.c_str()))
        out.push(SetReplayTime{value, -1});
    widgets::report_item(widgets::ItemKind::Input, "###replay_slider");
    const ImVec2 smin = ImGui::GetItemRectMin();
    const ImVec2 smax = ImGui::GetItemRectMax();
    if (compact) {
        ImGui::SameLine();
        if (widgets::button(viewer.c_str())) out.push(Navigate{"scenario.replay"});
        ImGui::SameLine();
        if (widgets::button(close.c_str())) out.push(CloseReplay{});
    }
    draw_action_marks(ctx, out, info, smin, smax, hi);
    if (compact) widgets::text(position_text(ctx, info));
}

// [SECTION] Screen -----------------------------------------------------------------------------------

namespace {

void draw_facts(const ViewContext& ctx, const ReplayInfo& info) {
    ImGui::PushFont(heading_font());
    widgets::text_wrapped(info.title.in(ctx.ui.language));
    ImGui::PopFont();
    widgets::text_wrapped_colored(palette().muted_text,
                                  ctx.text.format("replay.file", {{"path", info.path}}));
    widgets::text_wrapped(ctx.text.format("replay.facts", {{"id", info.scenario_id},
                                                           {"seed", ctx.sim->seed()},
                                                           {"actions", info.actions.size()},
                                                           {"end", replay_time_text(ctx, info.end_ms)}}));
    if (!info.note.empty()) widgets::text_wrapped(ctx.text.format("replay.note", {{"note", info.note}}));
    if (info.reproduces)
        widgets::text_wrapped_colored(palette().muted_text, ctx.text.get("replay.reproduces"));
    else
        widgets::text_wrapped_colored(palette().error_text, ctx.text.get("replay.differs"));
}

void draw_actions(const ViewContext& ctx, CommandQueue& out, const ReplayInfo& info) {
    widgets::text(ctx.text.get("replay.actions"));
    if (info.actions.empty()) {
        widgets::text_disabled(ctx.text.get("replay.no_actions"));
        return;
    }
    const float rows = static_cast<float>(std::min<std::size_t>(info.actions.size(), 8) + 1);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
    const float height = row_h * rows + 2.0f;  // up to 8 rows, then it scrolls
    if (!ImGui::BeginTable("##replay_actions", 4, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const float number_w = ImGui::CalcTextSize("000").x + ImGui::GetFontSize();
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, number_w);
    ImGui::TableSetupColumn(ctx.text.get("replay.col.time").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.3f);
    ImGui::TableSetupColumn(ctx.text.get("replay.col.action").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.4f);
    ImGui::TableSetupColumn(ctx.text.get("replay.col.result").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.3f);
    widgets::plain_headers_row();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(info.actions.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::size_t i = static_cast<std::size_t>(row);
            const ReplayMark& m = info.actions[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // The row jumps to the moment right after this action.
            const bool shown = i + 1 == info.applied;
            const std::string label = fmt::format("{}###replay_action_{}", i + 1, i + 1);
            if (widgets::selectable_row(label.c_str(), shown))
                out.push(SetReplayTime{m.time, static_cast<long long>(i + 1)});
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, i < info.applied ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                                                                  : palette().muted_text);
            widgets::text(replay_time_text(ctx, m.time));
            ImGui::TableNextColumn();
            widgets::text(operation_name(ctx, m.type));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m.type.c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            if (m.failed) {
                widgets::text_colored(palette().error_text, error_name(ctx, m.error));
                id_tooltip(m.error);
            } else {
                widgets::text_disabled(ctx.text.get("replay.ok"));
            }
        }
    }
    ImGui::EndTable();
}

// The bundle's own observations: each can be visited; at its point the viewer says whether it holds.
void draw_recorded_observations(const ViewContext& ctx, CommandQueue& out, const ReplayInfo& info) {
    if (info.observations.empty()) return;
    widgets::text(ctx.text.get("replay.recorded_observations"));
    for (const sim::Observation& o : info.observations) {
        const bool here = info.time == o.time && info.applied == o.after_actions;
        const std::string go = ctx.text.get("replay.go") + "###replay_go_" + o.id;
        if (widgets::button(go.c_str()))
            out.push(SetReplayTime{o.time, static_cast<long long>(o.after_actions)});
        ImGui::SameLine();
        if (here) {
            const bool holds = observation_holds(o.condition, *ctx.sim);
            tick_mark(holds);
            ImGui::SameLine();
            widgets::text_wrapped_colored(
                holds ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : palette().error_text,
                o.label + " — " + ctx.text.get(holds ? "replay.obs.holds" : "replay.obs.fails"));
        } else {
            widgets::text_wrapped(o.label + " — " +
                                  ctx.text.format("replay.obs.at", {{"time", replay_time_text(ctx, o.time)},
                                                                    {"n", o.after_actions}}));
        }
    }
}

}  // namespace

void draw_replay_screen(const ViewContext& ctx, CommandQueue& out) {
    const ReplayInfo& info = ctx.state.replay.info;
    scenario_heading(ctx.text.get("replay.title"));
    if (!info.active || !ctx.sim) {
        widgets::text_wrapped(ctx.text.get("replay.none"));
        ImGui::Spacing();
        draw_open_recording(ctx, out);
        return;
    }
    read_only_banner(ctx);
    if (info.refused > 0)
        widgets::text_wrapped_colored(palette().error_text,
                                      ctx.text.format("replay.refused", {{"n", info.refused}}));
    draw_facts(ctx, info);
    ImGui::Spacing();
    draw_replay_timeline(ctx, out, false);
    widgets::text_wrapped_colored(palette().muted_text, ctx.text.get("replay.surfaces_help"));
    ImGui::Spacing();
    draw_actions(ctx, out, info);
    ImGui::Spacing();
    draw_recorded_observations(ctx, out, info);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    draw_save_point(ctx, out);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (widgets::button((ctx.text.get("replay.close") + "###replay_close").c_str())) out.push(CloseReplay{});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::text_wrapped_colored(palette().muted_text, ctx.text.get("replay.close_help"));
}

// [SECTION] Bar --------------------------------------------------------------------------------------

void draw_replay_bar(const ViewContext& ctx, CommandQueue& out) {
    const ReplayInfo& info = ctx.state.replay.info;
    ctx.state.replay.bar_height = 0.0f;
    if (!info.active || !ctx.sim || ctx.ui.screen == "scenario.replay") return;
    // Along the bottom, left of the training checklist window when that one shows; it can be folded
    // down to its title, which still says "read only".
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float margin = ImGui::GetStyle().WindowPadding.x;
    float width = vp->WorkSize.x - 2.0f * margin;
    const bool checklist = ctx.training && ctx.training->scenario() && ctx.ui.mode != TrainingMode::Sandbox &&
                           surface_of(ctx.ui.screen) != Surface::Scenario;
    if (checklist) width -= std::min(ImGui::GetFontSize() * 22.0f, vp->WorkSize.x * 0.4f) + margin;
    width = std::max(width, ImGui::GetFontSize() * 24.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + margin, vp->WorkPos.y + vp->WorkSize.y - margin),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, vp->WorkSize.y * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_TitleBg, palette().banner_bg);
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, palette().banner_bg);
    ImGui::PushStyleColor(ImGuiCol_TitleBgCollapsed, palette().banner_bg);
    ImGui::PushStyleColor(ImGuiCol_Border, palette().banner_text);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().banner_text);
    const std::string title =
        ctx.text.get("replay.banner") + " · " + info.title.in(ctx.ui.language) + "###replay_bar";
    const bool open =
        ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    widgets::report_item(widgets::ItemKind::Text, ctx.text.get("replay.banner").c_str());  // the title bar
    ImGui::PopStyleColor(5);
    if (open) draw_replay_timeline(ctx, out, true);
    ctx.state.replay.bar_height = ImGui::GetWindowHeight();
    ImGui::End();
}

// The registry entry.
namespace {

void show_replay(UiState& ui) {
    ui.screen = "scenario.replay";
}

}  // namespace

std::vector<ScreenSpec> replay_screens() {
    return {{"scenario.replay", &show_replay, &draw_replay_screen, "sandbox.example/scenario/replay"}};
}

}  // namespace app
