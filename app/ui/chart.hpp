// app/ui/chart.hpp — a chart of a daily series drawn with ImDrawList (Reports > Usage, issue 15 item 3):
// a line or columns over the days, a value axis with gridlines, day labels thinned so they never touch,
// an optional horizontal threshold line (the 85 % line) with its label, and a tooltip with the day and
// its value under the mouse. Colours come from the theme's palette (app/ui/theme.hpp), sizes from the
// font and frame height, so it reads in light and dark and scales with the window.
//
// The chart is one item: its rectangle is reported to the widget hook (app/ui/widgets.hpp) as a text
// item labelled "<title>###<id>", so `npsim --check-layout` sees it (overflow, overlap with controls)
// and headless tests find it. Everything it draws stays inside that rectangle.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace app::chart {

enum class ChartKind { Line, Columns };

struct ChartPoint {
    double value = 0.0;
    std::string axis_label;  // under the axis, e.g. "3 Apr" (thinned when they would touch)
    std::string tip_title;   // the tooltip's first line, e.g. "Thu, 3 Apr 2025"
};

struct ChartSpec {
    std::string id;     // stable id (the part after "###")
    std::string title;  // the accessible name, reported as the item's visible label (not drawn)
    ChartKind kind = ChartKind::Line;
    std::vector<ChartPoint> points;  // oldest first
    std::string value_name;          // the tooltip's second line: "<value_name>: <value>"
    bool threshold_on = false;
    double threshold = 0.0;
    std::string threshold_label;  // drawn at the line's right end, e.g. "85 % (17)"
    float width = 0.0f;           // 0: the width left on the line
    float height = 0.0f;          // 0: 12 text lines
};

// Draws the chart at the cursor and advances it. Returns the index of the point under the mouse, or -1.
int draw_chart(const ChartSpec& spec);

// A horizontal meter: `value` of `max` filled, a mark at `threshold` (e.g. the 85 % line) and the
// mark's label under it; reported like the chart ("<title>###<id>"). Height: one frame plus one line.
void draw_meter(const std::string& id, const std::string& title, double value, double max, double threshold,
                const std::string& threshold_label, float width = 0.0f);

// [SECTION] The layout rules, pure (tests/ui/test_reports_usage_ui.cpp)

// The step of the value axis: 1, 2 or 5 × 10^n, so that `top` needs at most `max_intervals` intervals;
// at least 1 when the values are whole numbers.
double axis_step(double top, int max_intervals, bool whole_numbers);
// Every how many points a day label is drawn so that labels `label_width` wide (gap included) do not touch
// on slots `slot_width` apart (>= 1).
int label_step(float label_width, float slot_width);
// The point under `x` on a plot from `x0` to `x1` with `count` points (line: points at the slot edges,
// columns: at the slot centres); -1 outside.
int point_at(float x, float x0, float x1, int count, ChartKind kind);

}  // namespace app::chart
