// app/views/replay/debrief_timeline.cpp — the debrief's timeline on the score screen: one lane per
// kind of entry (actions, errors, background events, faults, instructor, objectives met), a mark per
// entry coloured by its kind, a tooltip with its label, detail and time, and a time axis on which long
// quiet periods are shortened (like the HTML debrief). Drawn with ImDrawList; reads sim::Debrief only.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/replay/replay_views.hpp"

namespace app {

namespace {

constexpr const char* kLanes[] = {"action", "error", "event", "fault", "instructor", "objective"};
constexpr int kLaneCount = 6;
constexpr sim::SimTime kQuiet = 30 * sim::kMinute;  // a gap longer than this is shortened on the axis

int lane_index(const std::string& lane) {
    for (int i = 0; i < kLaneCount; ++i)
        if (lane == kLanes[i]) return i;
    return 0;
}

// The lanes' colours, from the theme's palette (each is a text colour tested at 4.5:1 on the page).
ImVec4 lane_colour(int lane) {
    const Palette& p = palette();
    switch (lane) {
        case 0:
            return p.accent;
        case 1:
            return p.error_text;
        case 2:
            return p.muted_text;
        case 3:
            return p.warning_text;
        case 4:
            return p.text;
        default:
            return p.success_text;
    }
}

// Sim time → a point on a shortened axis: gaps longer than kQuiet count as one "break" each.
struct Axis {
    std::vector<sim::SimTime> times;  // distinct times of the marks, sorted
    std::vector<double> at;           // their position on the shortened axis
    std::vector<std::size_t> breaks;  // index i: a shortened gap between times[i-1] and times[i]
    double length = 1.0;

    explicit Axis(const sim::Debrief& d) {
        times.push_back(d.start);
        for (const sim::TimelineItem& it : d.timeline) times.push_back(it.time);
        times.push_back(std::max(d.end, d.start));
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        double small = 0.0;
        for (std::size_t i = 1; i < times.size(); ++i) {
            const sim::SimTime gap = times[i] - times[i - 1];
            if (gap <= kQuiet) small += static_cast<double>(gap);
        }
        // A break is as wide as a sixth of the busy time (at least a minute), so busy stretches stay
        // readable.
        const double brk = std::max(small / 6.0, static_cast<double>(sim::kMinute));
        at.assign(times.size(), 0.0);
        for (std::size_t i = 1; i < times.size(); ++i) {
            const sim::SimTime gap = times[i] - times[i - 1];
            const bool shortened = gap > kQuiet;
            if (shortened) breaks.push_back(i);
            at[i] = at[i - 1] + (shortened ? brk : static_cast<double>(gap));
        }
        length = std::max(at.back(), 1.0);
    }
    float fraction(sim::SimTime t) const {
        const auto it = std::lower_bound(times.begin(), times.end(), t);
        const std::size_t i = static_cast<std::size_t>(
            std::min<std::ptrdiff_t>(it - times.begin(), static_cast<std::ptrdiff_t>(times.size()) - 1));
        return static_cast<float>(at[i] / length);
    }
};

}  // namespace

void draw_debrief_timeline(const ViewContext& ctx, const sim::Debrief& d) {
    widgets::text(ctx.text.get("debrief.timeline"));
    if (d.timeline.empty()) {
        widgets::text_disabled(ctx.text.get("debrief.timeline_empty"));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(
        ctx.text.get("replay.debrief.timeline_help"));  // the page's own says "⋯", not in our font
    ImGui::PopStyleColor();

    const Axis axis(d);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float row_h = line + style.ItemSpacing.y;
    float label_w = 0.0f;
    for (const char* lane : kLanes)
        label_w = std::max(label_w,
                           ImGui::CalcTextSize(ctx.text.get(std::string("debrief.lane.") + lane).c_str()).x);
    label_w += style.ItemSpacing.x * 2.0f;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float radius = std::max(3.0f, line * 0.22f);
    const float x0 = origin.x + label_w + radius;
    const float x1 = origin.x + width - radius - 1.0f;
    const float lanes_h = row_h * kLaneCount;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 grid = ImGui::GetColorU32(palette().border);

    // Lane labels (as text items, so tests and screen readers find them) and lane lines.
    for (int i = 0; i < kLaneCount; ++i) {
        const float y = origin.y + row_h * static_cast<float>(i);
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        widgets::text_colored(lane_colour(i), ctx.text.get(std::string("debrief.lane.") + kLanes[i]));
        dl->AddLine(ImVec2(x0, y + line * 0.5f), ImVec2(x1, y + line * 0.5f), grid);
    }
    // Shortened stretches: a dashed break across all lanes.
    for (std::size_t b : axis.breaks) {
        const float xa = x0 + (x1 - x0) * static_cast<float>(axis.at[b - 1] / axis.length);
        const float xb = x0 + (x1 - x0) * static_cast<float>(axis.at[b] / axis.length);
        const float xm = (xa + xb) * 0.5f;
        for (float y = origin.y; y < origin.y + lanes_h; y += line * 0.5f)
            dl->AddLine(ImVec2(xm, y), ImVec2(xm, std::min(y + line * 0.25f, origin.y + lanes_h)), grid,
                        1.5f);
    }

    // The marks, and the one under the mouse.
    ImGui::SetCursorScreenPos(ImVec2(x0 - radius, origin.y));
    ImGui::InvisibleButton("##debrief_timeline", ImVec2(std::max(x1 - x0 + 2.0f * radius, 1.0f), lanes_h));
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const sim::TimelineItem* under = nullptr;
    float best = radius * 2.0f;
    for (const sim::TimelineItem& it : d.timeline) {
        const int lane = lane_index(it.lane);
        const ImVec2 c(x0 + (x1 - x0) * axis.fraction(it.time),
                       origin.y + row_h * static_cast<float>(lane) + line * 0.5f);
        const ImU32 colour = ImGui::GetColorU32(lane_colour(lane));
        if (lane == 5)
            dl->AddRectFilled(ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius), colour);
        else if (it.ok)
            dl->AddCircleFilled(c, radius, colour);
        else
            dl->AddTriangleFilled(ImVec2(c.x, c.y - radius * 1.2f), ImVec2(c.x - radius * 1.2f, c.y + radius),
                                  ImVec2(c.x + radius * 1.2f, c.y + radius), colour);
        const float dist = std::hypot(mouse.x - c.x, mouse.y - c.y);
        if (hovered && dist <= best) {
            best = dist;
            under = &it;
        }
    }
    if (under) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        widgets::text_wrapped(under->label);
        if (!under->detail.empty()) widgets::text_wrapped(under->detail);
        widgets::text_disabled(replay_time_text(ctx, under->time));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }

    // The time axis: start and end, and how long each shortened stretch was.
    const float axis_y = origin.y + lanes_h;
    dl->AddLine(ImVec2(x0, axis_y), ImVec2(x1, axis_y), grid);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    const std::string start = replay_time_text(ctx, d.start);
    const std::string end = replay_time_text(ctx, std::max(d.end, d.start));
    ImGui::SetCursorScreenPos(ImVec2(x0 - radius, axis_y + 2.0f));
    widgets::text(start);
    float taken = x0 - radius + ImGui::CalcTextSize(start.c_str()).x + style.ItemSpacing.x;
    const float end_x = x1 + radius - ImGui::CalcTextSize(end.c_str()).x;
    for (std::size_t b : axis.breaks) {
        const std::string gap = ctx.text.format(
            "debrief.gap", {{"span", sim::format_span(axis.times[b] - axis.times[b - 1], ctx.text)}});
        const float w = ImGui::CalcTextSize(gap.c_str()).x;
        const float xm =
            x0 + (x1 - x0) * static_cast<float>((axis.at[b - 1] + axis.at[b]) * 0.5 / axis.length);
        const float x = xm - w * 0.5f;
        if (x < taken || x + w > end_x - style.ItemSpacing.x) continue;  // no room: the tooltip still tells
        ImGui::SetCursorScreenPos(ImVec2(x, axis_y + 2.0f));
        widgets::text(gap);
        taken = x + w + style.ItemSpacing.x;
    }
    if (end_x > taken) {
        ImGui::SetCursorScreenPos(ImVec2(end_x, axis_y + 2.0f));
        widgets::text(end);
    }
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, axis_y + 2.0f + line + style.ItemSpacing.y));
    ImGui::Dummy(ImVec2(width, 0.0f));
}

}  // namespace app
