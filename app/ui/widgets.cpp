// app/ui/widgets.cpp — widget wrappers that report items to the test hook.
#include "app/ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"

namespace app::widgets {

namespace {

ItemHook& hook() {
    static ItemHook h;
    return h;
}

EllipsisHook& ellipsis_hook() {
    static EllipsisHook h;
    return h;
}

float& wdg_cut() {  // the item being reported cuts this many pixels of its text
    static float cut = 0.0f;
    return cut;
}

bool& wdg_span_row() {  // the item being reported spans its table row (selectable_row)
    static bool span = false;
    return span;
}

// The layout check's view of an item's container: the current table column (its whole width, padding
// included) or the window's clip rect, and whether the window scrolls.
void wdg_container(const ImGuiContext& g, ItemInfo& info) {
    const ImGuiWindow* window = g.CurrentWindow;
    ImRect box = window->ClipRect;
    const ImGuiTable* table = g.CurrentTable;
    if (table != nullptr && table->InnerWindow == window && table->CurrentColumn >= 0) {
        const ImGuiTableColumn& column = table->Columns[table->CurrentColumn];
        box.Min.x = wdg_span_row() ? table->WorkRect.Min.x : column.MinX;
        box.Max.x = wdg_span_row() ? table->WorkRect.Max.x : column.MaxX;
        info.in_table = true;
    } else if (g.LastItemData.Rect.Min.y < window->InnerRect.Min.y &&
               g.LastItemData.ID == window->MoveId) {  // the title bar, reported after Begin()
        box = window->Rect();
    }
    info.box_min = box.Min;
    info.box_max = box.Max;
    const ImGuiWindowFlags flags = window->Flags;
    info.scrolls_x = (flags & ImGuiWindowFlags_HorizontalScrollbar) != 0 && !info.in_table;
    info.scrolls_y = (flags & ImGuiWindowFlags_AlwaysAutoResize) != 0 ||
                     (flags & ImGuiWindowFlags_NoScrollbar) == 0 ||
                     (flags & ImGuiWindowFlags_NoScrollWithMouse) == 0;
}

// Reports the item ImGui just submitted (g.LastItemData) when a hook is installed.
void report(ItemKind kind, const char* label, bool enabled = true) {
    if (!hook()) return;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindow* window = g.CurrentWindow;
    ItemInfo info;
    info.kind = kind;
    info.label = label;
    info.window = window->Name;
    info.id = g.LastItemData.ID;
    ImRect r = g.LastItemData.Rect;
    ImRect full = r;
    if (kind == ItemKind::Selectable) {
        // ImGui widens a selectable's box by half the item spacing on each side, so that a list of them
        // has no gaps to click into; the layout check wants the box it draws (the hit box stays in min/max).
        const ImVec2 spacing = g.Style.ItemSpacing;
        full.Min.x += std::floor(spacing.x * 0.5f);
        full.Max.x -= spacing.x - std::floor(spacing.x * 0.5f);
        full.Min.y += std::floor(spacing.y * 0.5f);
        full.Max.y -= spacing.y - std::floor(spacing.y * 0.5f);
    }
    info.full_min = full.Min;
    info.full_max = full.Max;
    r.ClipWith(window->ClipRect);
    info.min = r.Min;
    info.max = r.Max;
    wdg_container(g, info);
    info.cut = wdg_cut();
    wdg_cut() = 0.0f;
    info.enabled = enabled && (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) == 0;
    info.text_colour = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    hook()(info);
}

struct ReadOnlyMode {
    bool on = false;
    std::string tooltip;
    ReadOnlyAllow allowed = nullptr;
};

ReadOnlyMode& read_only_mode() {
    static ReadOnlyMode m;
    return m;
}

// Draws one editing control disabled while the read-only mode is on (see set_read_only).
class ReadOnlyItem {
public:
    explicit ReadOnlyItem(const char* label) {
        const ReadOnlyMode& m = read_only_mode();
        if (!m.on) return;
        const char* id = std::strstr(label, "###");
        id = id ? id + 3 : label;
        if (m.allowed && m.allowed(id)) return;
        active_ = true;
        ImGui::BeginDisabled(true);
        // Grey text even where the caller coloured it (link-like toolbar commands).
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().nav_bg);  // fields and checkboxes: greyed
    }
    ~ReadOnlyItem() {
        if (!active_) return;
        ImGui::PopStyleColor(2);
        ImGui::EndDisabled();
        // After EndDisabled, so the tooltip itself reads normally.
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", read_only_mode().tooltip.c_str());
    }
    ReadOnlyItem(const ReadOnlyItem&) = delete;
    ReadOnlyItem& operator=(const ReadOnlyItem&) = delete;

private:
    bool active_ = false;
};

}  // namespace

void set_read_only(bool on, const std::string& tooltip, ReadOnlyAllow allowed) {
    read_only_mode() = ReadOnlyMode{on, tooltip, allowed};
}

bool read_only() {
    return read_only_mode().on;
}

void report_item(ItemKind kind, const char* label, bool enabled) {
    report(kind, label, enabled);
}

void set_item_hook(ItemHook h) {
    hook() = std::move(h);
}

void set_ellipsis_hook(EllipsisHook h) {
    ellipsis_hook() = std::move(h);
}

void note_ellipsized(const std::string& full, const std::string& shown, bool allowed_with_tooltip) {
    if (!ellipsis_hook() || ImGui::GetCurrentContext() == nullptr) return;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    EllipsisInfo info;
    info.full = full;
    info.shown = shown;
    info.window = g.CurrentWindow != nullptr ? g.CurrentWindow->Name : "";
    info.min = g.LastItemData.Rect.Min;
    info.max = g.LastItemData.Rect.Max;
    info.allowed = allowed_with_tooltip;
    ellipsis_hook()(info);
}

std::string ellipsize(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float dots = ImGui::CalcTextSize("\u2026").x;
    std::size_t end = text.size();
    while (end > 0) {
        do --end;  // step back over a whole UTF-8 character
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        if (ImGui::CalcTextSize(text.data(), text.data() + end).x + dots <= width) break;
    }
    return text.substr(0, end) + "\u2026";
}

void text_ellipsized(const std::string& s, bool disabled) {
    const std::string shown = ellipsize(s, ImGui::GetContentRegionAvail().x);
    if (disabled)
        text_disabled(shown);
    else
        text(shown);
    if (shown.size() == s.size()) return;
    note_ellipsized(s, shown, true);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.c_str());
}

bool button(const char* label, const ImVec2& size) {
    const ReadOnlyItem read_only_item(label);
    const bool pressed = ImGui::Button(label, size);
    const float label_w = ImGui::CalcTextSize(label, nullptr, true).x;
    // A sized button clips its label at its frame; the label starts after the padding.
    if (size.x > 0.0f && label_w > 0.0f)
        wdg_cut() = label_w - (ImGui::GetItemRectSize().x - ImGui::GetStyle().FramePadding.x);
    report(ItemKind::Button, label);
    return pressed;
}

bool toggle_button(const char* label, bool selected, const ImVec2& size) {
    if (selected) {
        const ImVec4 accent = palette().accent;
        ImGui::PushStyleColor(ImGuiCol_Button, accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, accent);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().on_accent);
    }
    const bool pressed = button(label, size);
    if (selected) ImGui::PopStyleColor(4);
    return pressed;
}

bool menu_item(const char* label, const char* shortcut, bool selected, bool enabled) {
    const bool pressed = ImGui::MenuItem(label, shortcut, selected, enabled);
    report(ItemKind::MenuItem, label, enabled);
    return pressed;
}

bool selectable(const char* label, bool selected) {
    const bool pressed = ImGui::Selectable(label, selected);
    report(ItemKind::Selectable, label);
    return pressed;
}

bool selectable_row(const char* label, bool selected) {
    const bool pressed = ImGui::Selectable(label, selected, ImGuiSelectableFlags_SpanAllColumns);
    wdg_span_row() = true;
    report(ItemKind::Selectable, label);
    wdg_span_row() = false;
    return pressed;
}

bool arrow_button(const char* id, ImGuiDir dir) {
    const ReadOnlyItem read_only_item(id);
    const bool pressed = ImGui::ArrowButton(id, dir);
    report(ItemKind::Button, id);
    return pressed;
}

bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags) {
    const ReadOnlyItem read_only_item(label);
    const bool changed = ImGui::InputText(label, &value, flags);
    report(ItemKind::Input, label);
    return changed;
}

bool input_text_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags) {
    const ReadOnlyItem read_only_item(label);
    const bool changed = ImGui::InputTextWithHint(label, hint, &value, flags);
    report(ItemKind::Input, label);
    return changed;
}

bool input_int(const char* label, int& value, int step) {
    const ReadOnlyItem read_only_item(label);
    const bool changed = ImGui::InputInt(label, &value, step);
    report(ItemKind::Input, label);
    return changed;
}

bool checkbox(const char* label, bool& value) {
    const ReadOnlyItem read_only_item(label);
    const bool changed = ImGui::Checkbox(label, &value);
    report(ItemKind::Checkbox, label);
    return changed;
}

bool radio_button(const char* label, bool active) {
    const ReadOnlyItem read_only_item(label);
    const bool pressed = ImGui::RadioButton(label, active);
    report(ItemKind::Radio, label);
    return pressed;
}

bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags) {
    const ReadOnlyItem read_only_item(label);
    // The preview is clipped at the arrow: what it needs beyond the frame's width.
    const float arrow = (flags & ImGuiComboFlags_NoArrowButton) != 0 ? 0.0f : ImGui::GetFrameHeight();
    const float room = ImGui::CalcItemWidth() - arrow - ImGui::GetStyle().FramePadding.x;
    const float need = preview != nullptr && (flags & ImGuiComboFlags_NoPreview) == 0
                           ? ImGui::CalcTextSize(preview).x
                           : 0.0f;
    const bool open = ImGui::BeginCombo(label, preview, flags);
    wdg_cut() = need - room;
    report(ItemKind::Combo, label);
    return open;
}

namespace {
// The cell padding that centres one frame-high line (a checkbox, or text after
// AlignTextToFramePadding) in a row of kTableRowHeight.
float wdg_cell_pad_y() {
    return std::max(2.0f, (ui_px(kTableRowHeight) - ImGui::GetFrameHeight()) * 0.5f);
}
}  // namespace

bool begin_table(const char* id, int columns, int scroll_rows, ImGuiTableFlags extra) {
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ui_px(kTableCellPadX), wdg_cell_pad_y()));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                            ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingStretchProp | extra;
    ImVec2 size(0.0f, 0.0f);
    if (scroll_rows >= 0) {
        flags |= ImGuiTableFlags_ScrollY;
        // Just tall enough for the rows, so the column lines end at the last row.
        const float wanted = static_cast<float>(scroll_rows + 1) * ui_px(kTableRowHeight) + 2.0f;
        const float left = ImGui::GetContentRegionAvail().y;
        size.y = std::max(std::min(wanted, left), std::min(wanted, 3.0f * ui_px(kTableRowHeight)));
    }
    if (!ImGui::BeginTable(id, columns, flags, size)) {
        ImGui::PopStyleVar();
        return false;
    }
    if (scroll_rows >= 0) ImGui::TableSetupScrollFreeze(0, 1);
    return true;
}

void end_table() {
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

void table_headers_row() {
    // No minimum height here: TableHeader would stretch its label box to it and draw the text at the
    // top. The label is moved to the centred line instead, which makes the row kTableRowHeight.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, 0.0f);
    ImFont* bold = heading_font();
    const int columns = ImGui::TableGetColumnCount();
    for (int c = 0; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* name = ImGui::TableGetColumnName(c);
        if (name == nullptr || std::strncmp(name, "###", 3) == 0) continue;
        // TableHeader puts its label at the cursor: move it down to the centred text line.
        const float top = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top + ImGui::GetStyle().FramePadding.y);
        if (bold) {
            ImGui::PushFont(bold);
            ImGui::SetWindowFontScale(1.0f / kHeadingScale);
        }
        table_header(name);
        if (bold) {
            ImGui::SetWindowFontScale(1.0f);
            ImGui::PopFont();
        }
        // A frame-high spacer makes the header row as tall as the others (kTableRowHeight).
        ImGui::SetCursorPosY(top);
        ImGui::Dummy(ImVec2(1.0f, ImGui::GetFrameHeight()));
    }
}

void table_header(const char* name) {
    const ImVec2 line = ImGui::GetCursorScreenPos();
    const float line_h = ImGui::GetTextLineHeight();
    const float text_w = ImGui::CalcTextSize(name, nullptr, true).x;
    ImGui::TableHeader(name);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImRect cell = g.LastItemData.Rect;
    // TableHeader cuts its label at the cell's right edge, less the sort arrow when sorted.
    float limit = cell.Max.x;
    if ((ImGui::TableGetColumnFlags() & ImGuiTableColumnFlags_IsSorted) != 0)
        limit -= std::floor(g.FontSize * 0.65f + g.Style.FramePadding.x);
    const float end = line.x + text_w;
    if (hook()) {  // the header's text, not its whole cell
        g.LastItemData.Rect = ImRect(line, ImVec2(std::min(end, limit), line.y + line_h));
        report(ItemKind::Button, name);
        g.LastItemData.Rect = cell;
    }
    if (end > limit + 1.0f) {
        const char* shown_end = ImGui::FindRenderedTextEnd(name);
        note_ellipsized(std::string(name, shown_end), ellipsize(std::string(name, shown_end), limit - line.x),
                        false);
    }
}

void plain_headers_row() {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::PushID(c);
        table_header(ImGui::TableGetColumnName(c));
        ImGui::PopID();
    }
}

void table_next_row() {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ui_px(kTableRowHeight));
}

void table_cell(int column) {
    ImGui::TableSetColumnIndex(column);
    ImGui::AlignTextToFramePadding();
}

void text(const std::string& s) {
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    report(ItemKind::Text, s.c_str());
}

void text_colored(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void text_wrapped(const std::string& s) {
    // Keep a wrap width the caller set (a centred column); otherwise wrap at the window edge.
    const bool has_wrap = ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f;
    if (!has_wrap) ImGui::PushTextWrapPos(0.0f);
    text(s);
    if (!has_wrap) ImGui::PopTextWrapPos();
}

void text_wrapped_colored(const ImVec4& colour, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_wrapped(s);
    ImGui::PopStyleColor();
}

void text_disabled(const std::string& s) {
    text_colored(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), s);
}

}  // namespace app::widgets
