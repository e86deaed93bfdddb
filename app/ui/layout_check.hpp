// app/ui/layout_check.hpp — `npsim --check-layout`: the app checks its own layout (issue 16, item 6).
//
// It draws every named screen, the instructor console, the session viewer and every wizard step and
// pane, in de and en, at 1280×800 and 1920×1080, light and dark, headless (an ImGui context with the
// app's fonts, no window, no GL), and looks at what the widget helpers of app/ui/widgets.hpp recorded
// in the last frame:
//   ellipsized  a text the app shortened with "…" (widgets::note_ellipsized) where the design does not
//               allow it; allowed ones (the tooltip shows the whole text) are listed with --verbose;
//   overflow    an item that extends sideways beyond its container (its table column, or the window's
//               clip rect), or below the bottom of a container that cannot scroll;
//   overlap     two interactive items of one window, or a text and an interactive item, whose rectangles
//               intersect by more than 1 px both ways.
// The result is one line per finding, a summary, and exit code 1 when any finding is not allowed.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/ui/widgets.hpp"

namespace app::layout {

enum class FindingKind { Ellipsized, Overflow, Overlap };

struct Finding {
    FindingKind kind = FindingKind::Overflow;
    bool allowed = false;          // an allowed ellipsis (the tooltip shows the whole text): not a failure
    std::string window;            // the ImGui window it was drawn in
    std::string label;             // the item's label (visible part), or the shortened text
    std::string other;             // overlap: the other item's label; ellipsized: the whole text
    std::string detail;            // overflow: by how much, and which edge
    std::string describe() const;  // "overlap 'A' × 'B' in window W", …
};

// The findings of one frame's records: the items (widgets::set_item_hook) and the ellipses
// (widgets::set_ellipsis_hook) of the same frame.
std::vector<Finding> analyse(const std::vector<widgets::ItemInfo>& items,
                             const std::vector<widgets::EllipsisInfo>& ellipses);

// Counts the findings that fail the check (all but the allowed ellipses).
int failures(const std::vector<Finding>& findings);

struct CheckOptions {
    std::string asset_dir;     // the UI texts (sim::default_asset_dir())
    std::string scenario_dir;  // the shipped scenarios (sim::default_scenario_dir())
    bool verbose = false;      // also list the allowed ellipses
    std::string only;          // run only the cases whose name contains this ("" = all)
};

// The names of the cases, in order ("admin.users.add step=licences", …), for --check-layout --verbose.
std::vector<std::string> case_names();

// Runs the whole matrix and writes the findings and a summary to `out`. Returns the process exit code:
// 0 when nothing failed, 1 on any finding that is not allowed, 2 when a case could not be set up.
int check_layout(const CheckOptions& options, std::ostream& out);

}  // namespace app::layout
