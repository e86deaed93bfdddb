// app/ui/layout_check.cpp — the layout self-check: the analysis of one frame's records, the matrix of
// cases (screen × scenario × prepared UI state) and the headless runner.
#include "app/ui/layout_check.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace app::layout {

namespace {

constexpr float kLcSlack = 1.0f;  // pixels an item may cross an edge or another item (rounding)

std::string lc_visible(const std::string& label) {
    const auto hashes = label.find("##");
    if (hashes == 0) return label;  // no visible text: its id
    return hashes == std::string::npos ? label : label.substr(0, hashes);
}

bool lc_interactive(widgets::ItemKind kind) {
    return kind != widgets::ItemKind::Text;
}

// How far `a` and `b` overlap on each axis (negative: apart).
ImVec2 lc_intersection(const widgets::ItemInfo& a, const widgets::ItemInfo& b) {
    return ImVec2(std::min(a.full_max.x, b.full_max.x) - std::max(a.full_min.x, b.full_min.x),
                  std::min(a.full_max.y, b.full_max.y) - std::max(a.full_min.y, b.full_min.y));
}

bool lc_has_area(const widgets::ItemInfo& item) {
    return item.full_max.x - item.full_min.x > kLcSlack && item.full_max.y - item.full_min.y > kLcSlack;
}

// An item that extends beyond its container: sideways (unless the window scrolls sideways), or below the
// bottom of a container that cannot scroll. Empty containers (a collapsed or hidden window) are skipped.
std::string lc_overflow(const widgets::ItemInfo& item) {
    if (!lc_has_area(item) || item.box_max.x <= item.box_min.x || item.box_max.y <= item.box_min.y) return {};
    if (item.cut > kLcSlack) return fmt::format("its text is cut off: {:.0f} px do not fit", item.cut);
    if (!item.scrolls_x) {
        if (item.full_max.x > item.box_max.x + kLcSlack)
            return fmt::format("{:.0f} px beyond the right edge", item.full_max.x - item.box_max.x);
        if (item.full_min.x < item.box_min.x - kLcSlack)
            return fmt::format("{:.0f} px beyond the left edge", item.box_min.x - item.full_min.x);
    }
    // Below the bottom of a container that cannot scroll (an item wholly below it is hidden on purpose).
    if (!item.scrolls_y && item.full_min.y < item.box_max.y && item.full_max.y > item.box_max.y + kLcSlack)
        return fmt::format("{:.0f} px below the bottom of a pane that cannot scroll",
                           item.full_max.y - item.box_max.y);
    return {};
}

bool lc_inside(const widgets::ItemInfo& inner, const widgets::ItemInfo& outer) {
    return inner.full_min.x >= outer.full_min.x - kLcSlack &&
           inner.full_max.x <= outer.full_max.x + kLcSlack &&
           inner.full_min.y >= outer.full_min.y - kLcSlack && inner.full_max.y <= outer.full_max.y + kLcSlack;
}

// A text drawn on a selectable row or list item (a table row that selects as a whole): by design.
bool lc_text_on_row(const widgets::ItemInfo& text, const widgets::ItemInfo& row) {
    return text.kind == widgets::ItemKind::Text && row.kind == widgets::ItemKind::Selectable &&
           lc_inside(text, row);
}

void lc_overlaps(const std::vector<widgets::ItemInfo>& items, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const widgets::ItemInfo& a = items[i];
        if (!lc_has_area(a)) continue;
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const widgets::ItemInfo& b = items[j];
            if (b.window != a.window || !lc_has_area(b)) continue;
            if (!lc_interactive(a.kind) && !lc_interactive(b.kind)) continue;  // text on text: not recorded
            if (a.id != 0 && a.id == b.id) continue;                           // one item reported twice
            if (lc_text_on_row(a, b) || lc_text_on_row(b, a)) continue;
            const ImVec2 cut = lc_intersection(a, b);
            if (cut.x <= kLcSlack || cut.y <= kLcSlack) continue;
            Finding f;
            f.kind = FindingKind::Overlap;
            f.window = a.window;
            f.label = lc_visible(a.label);
            f.other = lc_visible(b.label);
            f.detail = fmt::format("{:.0f}×{:.0f} px", cut.x, cut.y);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

std::string Finding::describe() const {
    switch (kind) {
        case FindingKind::Ellipsized:
            return fmt::format("ellipsized{} '{}' (full: '{}') in window '{}'",
                               allowed ? " (allowed, tooltip)" : "", label, other, window);
        case FindingKind::Overflow:
            return fmt::format("overflow '{}' ({}) in window '{}'", label, detail, window);
        case FindingKind::Overlap:
            return fmt::format("overlap '{}' \u00d7 '{}' ({}) in window '{}'", label, other, detail, window);
    }
    return {};
}

std::vector<Finding> analyse(const std::vector<widgets::ItemInfo>& items,
                             const std::vector<widgets::EllipsisInfo>& ellipses) {
    std::vector<Finding> out;
    std::set<std::string> seen;
    for (const widgets::EllipsisInfo& e : ellipses) {
        if (!seen.insert(e.window + '\n' + e.full + '\n' + e.shown).second) continue;
        Finding f;
        f.kind = FindingKind::Ellipsized;
        f.allowed = e.allowed;
        f.window = e.window;
        f.label = e.shown;
        f.other = e.full;
        out.push_back(std::move(f));
    }
    for (const widgets::ItemInfo& item : items) {
        std::string detail = lc_overflow(item);
        if (detail.empty()) continue;
        Finding f;
        f.kind = FindingKind::Overflow;
        f.window = item.window;
        f.label = lc_visible(item.label);
        f.detail = std::move(detail);
        out.push_back(std::move(f));
    }
    lc_overlaps(items, out);
    return out;
}

int failures(const std::vector<Finding>& findings) {
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return !f.allowed; }));
}

}  // namespace app::layout
