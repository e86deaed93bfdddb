// app/ui/chart.cpp — the daily-series chart and the meter of app/ui/chart.hpp, drawn with ImDrawList.
#include "app/ui/chart.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"

namespace app::chart {

namespace {

ImU32 cht_col(const ImVec4& c, float alpha = 1.0f) {
    return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

std::string cht_number(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9)
        return fmt::format("{}", static_cast<long long>(std::llround(v)));
    return fmt::format("{:.1f}", v);
}

// The plot's geometry inside the chart's rectangle.
struct ChtFrame {
    ImRect outer;      // the reported rectangle
    ImRect plot;       // the area of the series (gridlines span it)
    double top = 1.0;  // value at the plot's top
    double step = 1.0;
    int count = 0;
    ChartKind kind = ChartKind::Line;
    float x_of(int i) const {
        if (kind == ChartKind::Columns) {
            const float slot = plot.GetWidth() / static_cast<float>(std::max(count, 1));
            return plot.Min.x + (static_cast<float>(i) + 0.5f) * slot;
        }
        if (count <= 1) return (plot.Min.x + plot.Max.x) * 0.5f;
        return plot.Min.x + static_cast<float>(i) * plot.GetWidth() / static_cast<float>(count - 1);
    }
    float y_of(double v) const {
        const double f = std::clamp(v / top, 0.0, 1.0);
        return plot.Max.y - static_cast<float>(f) * plot.GetHeight();
    }
    float slot() const {
        if (kind == ChartKind::Columns) return plot.GetWidth() / static_cast<float>(std::max(count, 1));
        return count <= 1 ? plot.GetWidth() : plot.GetWidth() / static_cast<float>(count - 1);
    }
};

bool cht_whole(const ChartSpec& spec) {
    for (const ChartPoint& p : spec.points)
        if (std::fabs(p.value - std::round(p.value)) > 1e-9) return false;
    return true;
}

ChtFrame cht_layout(const ChartSpec& spec, const ImRect& outer) {
    ChtFrame f;
    f.outer = outer;
    f.kind = spec.kind;
    f.count = static_cast<int>(spec.points.size());
    double highest = spec.threshold_on ? spec.threshold : 0.0;
    for (const ChartPoint& p : spec.points) highest = std::max(highest, p.value);
    f.step = axis_step(std::max(highest * 1.08, 1.0), 4, cht_whole(spec));
    f.top = std::max(std::ceil(std::max(highest * 1.08, 1.0) / f.step) * f.step, f.step);
    const float line = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetStyle().ItemInnerSpacing.x;
    const float label_w = ImGui::CalcTextSize(cht_number(f.top).c_str()).x;
    f.plot = ImRect(ImVec2(outer.Min.x + label_w + pad * 2.0f, outer.Min.y + line * 0.6f),
                    ImVec2(outer.Max.x - pad, outer.Max.y - line - pad * 1.5f));
    return f;
}

void cht_grid(ImDrawList* dl, const ChtFrame& f) {
    const Palette& pal = palette();
    const float line = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetStyle().ItemInnerSpacing.x;
    for (double v = 0.0; v <= f.top + f.step * 0.01; v += f.step) {
        const float y = std::round(f.y_of(v));
        dl->AddLine(ImVec2(f.plot.Min.x, y), ImVec2(f.plot.Max.x, y),
                    cht_col(v == 0.0 ? pal.control_border : pal.table_border), 1.0f);
        const std::string s = cht_number(v);
        const float w = ImGui::CalcTextSize(s.c_str()).x;
        dl->AddText(ImVec2(f.plot.Min.x - pad - w, y - line * 0.5f), cht_col(pal.muted_text), s.c_str());
    }
}

// The day labels under the axis, from the newest backwards, each at its point (kept inside the chart),
// skipped when it would touch its right neighbour.
void cht_day_labels(ImDrawList* dl, const ChtFrame& f, const ChartSpec& spec) {
    if (f.count == 0) return;
    const float gap = ImGui::GetFontSize();
    float widest = 0.0f;
    for (const ChartPoint& p : spec.points)
        widest = std::max(widest, ImGui::CalcTextSize(p.axis_label.c_str()).x);
    const int every = label_step(widest + gap, f.slot());
    const float y = f.plot.Max.y + ImGui::GetStyle().ItemInnerSpacing.x;
    float right_limit = f.outer.Max.x + gap;
    for (int i = f.count - 1; i >= 0; i -= every) {
        const std::string& s = spec.points[static_cast<std::size_t>(i)].axis_label;
        const float w = ImGui::CalcTextSize(s.c_str()).x;
        float x = std::clamp(f.x_of(i) - w * 0.5f, f.outer.Min.x, f.outer.Max.x - w);
        if (x + w + gap > right_limit) continue;
        dl->AddText(ImVec2(x, y), cht_col(palette().muted_text), s.c_str());
        right_limit = x;
        dl->AddLine(ImVec2(f.x_of(i), f.plot.Max.y), ImVec2(f.x_of(i), f.plot.Max.y + y - f.plot.Max.y),
                    cht_col(palette().control_border), 1.0f);
    }
}

void cht_series(ImDrawList* dl, const ChtFrame& f, const ChartSpec& spec) {
    const ImU32 colour = cht_col(palette().accent);
    if (f.kind == ChartKind::Columns) {
        const float slot = f.slot();
        const float half = std::max(slot * 0.35f, 0.5f);
        for (int i = 0; i < f.count; ++i) {
            const float x = f.x_of(i);
            dl->AddRectFilled(ImVec2(x - half, f.y_of(spec.points[static_cast<std::size_t>(i)].value)),
                              ImVec2(x + half, f.plot.Max.y), colour);
        }
        return;
    }
    std::vector<ImVec2> pts;
    pts.reserve(spec.points.size());
    for (int i = 0; i < f.count; ++i)
        pts.emplace_back(f.x_of(i), f.y_of(spec.points[static_cast<std::size_t>(i)].value));
    const float thick = std::max(2.0f, ImGui::GetFontSize() / 8.0f);
    // Segment by segment: a thick polyline's sharp joins grow spikes on a jagged daily series.
    for (std::size_t i = 1; i < pts.size(); ++i) dl->AddLine(pts[i - 1], pts[i], colour, thick);
    if (f.count <= 31)
        for (const ImVec2& p : pts) dl->AddCircleFilled(p, thick * 1.6f, colour);
}

// A dashed horizontal line at the threshold and its label above it at the right (below it near the top).
void cht_threshold(ImDrawList* dl, const ChtFrame& f, const ChartSpec& spec) {
    if (!spec.threshold_on) return;
    const Palette& pal = palette();
    const ImU32 colour = cht_col(pal.warning_text);
    const float y = std::round(f.y_of(spec.threshold));
    const float dash = ImGui::GetFontSize() * 0.5f;
    for (float x = f.plot.Min.x; x < f.plot.Max.x; x += dash * 1.6f)
        dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + dash, f.plot.Max.x), y), colour, 2.0f);
    if (spec.threshold_label.empty()) return;
    const ImVec2 size = ImGui::CalcTextSize(spec.threshold_label.c_str());
    const float pad = ImGui::GetStyle().ItemInnerSpacing.x * 0.5f;
    const float above = y - size.y - pad * 2.0f;
    const float ty = above >= f.outer.Min.y ? above : y + pad * 2.0f;
    const ImVec2 at(f.plot.Max.x - size.x - pad * 2.0f, ty);
    dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad),
                      cht_col(pal.work_bg, 0.92f), pad);
    dl->AddText(at, colour, spec.threshold_label.c_str());
}

void cht_hover(ImDrawList* dl, const ChtFrame& f, const ChartSpec& spec, int i) {
    const Palette& pal = palette();
    const float x = f.x_of(i);
    dl->AddLine(ImVec2(x, f.plot.Min.y), ImVec2(x, f.plot.Max.y), cht_col(pal.muted_text), 1.0f);
    const ChartPoint& p = spec.points[static_cast<std::size_t>(i)];
    dl->AddCircleFilled(ImVec2(x, f.y_of(p.value)), ImGui::GetFontSize() * 0.35f, cht_col(pal.accent));
    dl->AddCircle(ImVec2(x, f.y_of(p.value)), ImGui::GetFontSize() * 0.35f, cht_col(pal.work_bg), 0, 2.0f);
    ImGui::BeginTooltip();  // through the widgets, so headless tests read the tooltip
    widgets::text(p.tip_title);
    const std::string v =
        spec.value_name.empty() ? cht_number(p.value) : spec.value_name + ": " + cht_number(p.value);
    widgets::text(v);
    ImGui::EndTooltip();
}

}  // namespace

double axis_step(double top, int max_intervals, bool whole_numbers) {
    if (!(top > 0.0) || max_intervals < 1) return 1.0;
    const double raw = top / static_cast<double>(max_intervals);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw - 1e-12) {
            step = m * magnitude;
            break;
        }
    return whole_numbers ? std::max(step, 1.0) : step;
}

int label_step(float label_width, float slot_width) {
    if (slot_width <= 0.0f) return 1;
    return std::max(1, static_cast<int>(std::ceil(label_width / slot_width - 1e-4f)));
}

int point_at(float x, float x0, float x1, int count, ChartKind kind) {
    if (count <= 0 || x < x0 || x > x1 || x1 <= x0) return -1;
    const float f = (x - x0) / (x1 - x0);
    if (kind == ChartKind::Columns)
        return std::min(count - 1, static_cast<int>(f * static_cast<float>(count)));
    if (count == 1) return 0;
    return std::clamp(static_cast<int>(std::lround(f * static_cast<float>(count - 1))), 0, count - 1);
}

int draw_chart(const ChartSpec& spec) {
    const float width = spec.width > 0.0f ? spec.width : ImGui::GetContentRegionAvail().x;
    const float height = spec.height > 0.0f ? spec.height : ImGui::GetTextLineHeightWithSpacing() * 12.0f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string label = spec.title + "###" + spec.id;
    ImGui::InvisibleButton(label.c_str(), ImVec2(std::max(width, 1.0f), std::max(height, 1.0f)));
    widgets::report_item(widgets::ItemKind::Text, label.c_str());
    const bool hovered = ImGui::IsItemHovered();
    const ChtFrame f = cht_layout(spec, ImRect(at, ImVec2(at.x + width, at.y + height)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(f.outer.Min, f.outer.Max, true);
    cht_grid(dl, f);
    cht_series(dl, f, spec);
    cht_threshold(dl, f, spec);
    cht_day_labels(dl, f, spec);
    int hover = -1;
    if (hovered) {
        // The slot under the mouse (half a slot beyond the plot's ends still counts for a line chart).
        const float reach = f.kind == ChartKind::Line ? f.slot() * 0.5f : 0.0f;
        const float mx = std::clamp(ImGui::GetIO().MousePos.x, f.plot.Min.x, f.plot.Max.x);
        if (ImGui::GetIO().MousePos.x >= f.plot.Min.x - reach &&
            ImGui::GetIO().MousePos.x <= f.plot.Max.x + reach)
            hover = point_at(mx, f.plot.Min.x, f.plot.Max.x, f.count, f.kind);
        if (hover >= 0) cht_hover(dl, f, spec, hover);
    }
    dl->PopClipRect();
    return hover;
}

void draw_meter(const std::string& id, const std::string& title, double value, double max, double threshold,
                const std::string& threshold_label, float width) {
    const Palette& pal = palette();
    const float w = width > 0.0f ? width : ImGui::GetContentRegionAvail().x;
    const float bar_h = std::max(ImGui::GetFontSize() * 0.6f, 4.0f);
    const float line = ImGui::GetTextLineHeight();
    const float h = bar_h + line + ImGui::GetStyle().ItemInnerSpacing.y * 2.0f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string label = title + "###" + id;
    ImGui::InvisibleButton(label.c_str(), ImVec2(std::max(w, 1.0f), h));
    widgets::report_item(widgets::ItemKind::Text, label.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double m = max > 0.0 ? max : 1.0;
    const float rounding = bar_h * 0.5f;
    dl->AddRectFilled(at, ImVec2(at.x + w, at.y + bar_h), cht_col(pal.border), rounding);
    const float filled = w * static_cast<float>(std::clamp(value / m, 0.0, 1.0));
    const bool below = value < threshold;
    if (filled > 0.0f)
        dl->AddRectFilled(at, ImVec2(at.x + filled, at.y + bar_h),
                          cht_col(below ? pal.warning_text : pal.success_text), rounding);
    const float tx = at.x + w * static_cast<float>(std::clamp(threshold / m, 0.0, 1.0));
    const float mark = std::max(2.0f, ImGui::GetFontSize() / 8.0f);
    dl->AddRectFilled(ImVec2(tx - mark * 0.5f, at.y - mark), ImVec2(tx + mark * 0.5f, at.y + bar_h + mark),
                      cht_col(pal.text));
    if (threshold_label.empty()) return;
    const float lw = ImGui::CalcTextSize(threshold_label.c_str()).x;
    const float lx = std::clamp(tx - lw * 0.5f, at.x, at.x + w - lw);
    dl->AddText(ImVec2(lx, at.y + bar_h + ImGui::GetStyle().ItemInnerSpacing.y), cht_col(pal.muted_text),
                threshold_label.c_str());
}

}  // namespace app::chart
