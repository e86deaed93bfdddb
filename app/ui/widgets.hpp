// app/ui/widgets.hpp — the ImGui widgets the views use, each reporting itself to an optional item hook.
//
// Dear ImGui 1.86 on Debian is built without the test-engine hooks, so headless UI tests cannot ask
// ImGui where an item is. These thin wrappers report every interactive item (and the texts tests
// look for) with its label and screen rectangle, the way IMGUI_TEST_ENGINE_ITEM_INFO does upstream.
// The hook is empty in the app; tests/support/ui_driver installs one.
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

namespace app::widgets {

enum class ItemKind { Button, MenuItem, Selectable, Text, Input, Checkbox, Radio, Combo };

struct ItemInfo {
    ItemKind kind = ItemKind::Button;
    std::string label;    // as passed to ImGui, including any "##id"/"###id" suffix
    std::string window;   // name of the window the item lives in
    ImGuiID id = 0;       // 0 for texts
    ImVec2 min, max;      // screen rectangle, clipped to the window
    bool enabled = true;  // false inside BeginDisabled() or for a disabled menu item
    ImVec4 text_colour;   // the text colour (ImGuiCol_Text) it was drawn in
    // For the layout check (app/ui/layout_check.hpp):
    ImVec2 full_min, full_max;  // the whole rectangle, not clipped
    ImVec2 box_min,
        box_max;  // its container: the table column's bounds in a table, else the window's clip rect
    bool in_table = false;   // drawn in a table cell
    bool scrolls_x = false;  // the container scrolls horizontally (nothing is cut off sideways)
    bool scrolls_y = true;   // the container scrolls vertically (text below its bottom is not cut off)
    float cut = 0.0f;        // pixels of its own text the item cuts off (a sized button, a combo's preview)
};

using ItemHook = std::function<void(const ItemInfo&)>;
void set_item_hook(ItemHook hook);  // pass {} to remove

// Ellipsized text (the layout check, app/ui/layout_check.hpp): whoever shortens a text to fit ("Benutzern…")
// says so with note_ellipsized(). `allowed_with_tooltip`: the design allows it here and the item's tooltip
// shows the whole text; otherwise the layout check reports it as a finding. Call it right after drawing the
// shortened text (the report names the current window and the last item's rectangle).
struct EllipsisInfo {
    std::string full, shown;
    std::string window;
    ImVec2 min, max;  // the last item's rectangle (the shortened text)
    bool allowed = false;
};
using EllipsisHook = std::function<void(const EllipsisInfo&)>;
void set_ellipsis_hook(EllipsisHook hook);  // pass {} to remove
void note_ellipsized(const std::string& full, const std::string& shown, bool allowed_with_tooltip);
// Shortens `text` to fit `width` with a trailing "…" (whole UTF-8 characters); unchanged when it fits.
std::string ellipsize(const std::string& text, float width);
// A line of text shortened to the space left on the line, with the whole text as the tooltip: the one
// allowed ellipsis (reports note_ellipsized(…, true) when it had to shorten).
void text_ellipsized(const std::string& s, bool disabled = false);

// Reports the item ImGui just submitted, for wrapping a widget not listed here (call right after it).
void report_item(ItemKind kind, const char* label, bool enabled = true);

// Read-only replay: while on, button(), arrow_button(), the form fields, checkbox(), radio_button()
// and begin_combo() draw disabled (and report enabled = false) with `tooltip` on hover, except items
// whose stable id (the part after "###", else the label) `allowed` accepts: navigation.
using ReadOnlyAllow = bool (*)(const char* id);
void set_read_only(bool on, const std::string& tooltip = {}, ReadOnlyAllow allowed = nullptr);
bool read_only();

bool button(const char* label, const ImVec2& size = ImVec2(0, 0));
// A button drawn in the accent colour when `selected` (speed buttons, segmented controls).
bool toggle_button(const char* label, bool selected, const ImVec2& size = ImVec2(0, 0));
bool menu_item(const char* label, const char* shortcut = nullptr, bool selected = false, bool enabled = true);
bool selectable(const char* label, bool selected = false);
// A selectable that spans all columns of the current table row (the row selects as a whole); the texts
// drawn in the row's cells lie on it by design.
bool selectable_row(const char* label, bool selected = false);
bool arrow_button(const char* id, ImGuiDir dir);
// Form fields. Each reports itself with its label, so tests can click and type into it.
bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);
bool input_text_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0);
bool input_int(const char* label, int& value, int step = 1);
bool checkbox(const char* label, bool& value);
bool radio_button(const char* label, bool active);
// A combo box; between begin_combo() returning true and ImGui::EndCombo(), use selectable() items.
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0);

// One table style for every table (issue 16): 10 px cell padding, rows of at least 40 px with their
// text vertically centred, a neutral bold header row, column lines that stop at the last row.
constexpr float kTableRowHeight = 40.0f;
constexpr float kTableCellPadX = 10.0f;
// Starts a table (call end_table() only when it returns true). `scroll_rows` >= 0: the table scrolls
// in a box just tall enough for that many rows and the header (never taller than the space left),
// with the header frozen; < 0: the table is as tall as its rows and the page scrolls.
bool begin_table(const char* id, int columns, int scroll_rows = -1, ImGuiTableFlags extra = 0);
void end_table();
// The header row: the names given to TableSetupColumn, bold and centred; a column whose name starts
// with "###" is left empty for the caller (table_cell(c) afterwards, e.g. a "select all" checkbox).
// Each name is reported as a Button whose rectangle is the line of its text (clicking it sorts).
void table_headers_row();
void table_next_row();
// One header cell (ImGui::TableHeader), reported as a Button whose rectangle is its text; a name that
// does not fit its column (ImGui cuts it with "...") is reported as an ellipsis that is not allowed.
void table_header(const char* name);
// ImGui::TableHeadersRow() in ImGui's own header style, each header through table_header().
void plain_headers_row();
// Moves to cell `column` of the current row and centres a line of text in the row.
void table_cell(int column);

void text(const std::string& s);
void text_colored(const ImVec4& colour, const std::string& s);
void text_wrapped(const std::string& s);
void text_wrapped_colored(const ImVec4& colour, const std::string& s);
void text_disabled(const std::string& s);

}  // namespace app::widgets
