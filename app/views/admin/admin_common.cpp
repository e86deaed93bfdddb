// app/views/admin/admin_common.cpp — the admin center's frame: navigation tree, breadcrumb,
// command bar, flyouts, and the formatting every admin page shares.
#include "app/views/admin/admin_common.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include <imgui_internal.h>

#include <fmt/format.h>

#include "app/ui/action_status.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/ui_state.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/signin/signin_views.hpp"
#include "sim/domains.hpp"

namespace app::admin {

namespace {

constexpr float kNavWidthInFrames = 7.5f;       // the wide left navigation, in frame heights
constexpr float kAutoCollapseInFrames = 36.0f;  // Auto mode: an icon strip below this admin width
constexpr float kFlyoutMinWidth = 560.0f;       // side panes: at least this (scaled) …
constexpr float kFlyoutWindowFraction = 0.45f;  // … or this share of the window, whichever is larger
constexpr float kFlyoutShadow = 14.0f;          // the shadow left of a side pane (scaled)

// Drawing state of the current frame (not UI state): the page behind an open side pane is disabled.
bool ac_page_behind_pane = false;
// The page's content extent before its side pane: the pane reaches the page's bottom edge, which
// must not count as content (else the page grows a scrollbar beside the pane).
ImVec2 ac_page_cursor_max;

// Design pixels (1280×800) → pixels: the window's size factor and the text size the trainee chose.
float ac_scale() {
    return std::max(ui_scale(), ImGui::GetFontSize() / kBaseFontPixels);
}

// The nav entry the current screen lights up (its row's nav_id), or null.
const char* lit_nav_id(const std::string& screen) {
    for (const AdminScreen& row : admin_table())
        if (row.screen != nullptr && screen == row.screen) return row.nav_id;
    return nullptr;
}

bool ac_nav_collapsed(const ViewContext& ctx, float admin_width) {
    switch (ctx.state.admin.nav_mode) {
        case AdminNavMode::Collapsed:
            return true;
        case AdminNavMode::Expanded:
            return false;
        default:
            return admin_width < ImGui::GetFrameHeight() * kAutoCollapseInFrames;
    }
}

// A top-level entry's group: the rows after it up to the next top-level row.
struct AcGroup {
    bool lit = false;                    // the lit entry is this row or one of its children
    const char* first_screen = nullptr;  // where the collapsed entry leads: its own or its first child's
};

AcGroup ac_group_of(std::size_t index, const char* lit) {
    const std::vector<AdminScreen>& table = admin_table();
    AcGroup g;
    for (std::size_t i = index; i < table.size(); ++i) {
        const AdminScreen& e = table[i];
        if (i > index && e.indent == 0 && e.nav_key != nullptr) break;
        if (lit != nullptr && e.nav_id != nullptr && std::strcmp(lit, e.nav_id) == 0) g.lit = true;
        if (g.first_screen == nullptr && e.screen != nullptr && !e.later) g.first_screen = e.screen;
    }
    return g;
}

// The collapse button at the top of the navigation (kMenu), with its tooltip.
void ac_nav_toggle(const ViewContext& ctx, bool collapsed) {
    const std::string tip = tr(ctx, collapsed ? "admin.nav.expand" : "admin.nav.collapse");
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (widgets::button((std::string(icons::kMenu) + "###admin_nav_toggle").c_str()))
        ctx.state.admin.nav_mode = collapsed ? AdminNavMode::Expanded : AdminNavMode::Collapsed;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
}

// The icon strip: one square entry per top-level row; a group leads to its first page.
void ac_nav_icons(const ViewContext& ctx, CommandQueue& out, const char* lit) {
    const std::vector<AdminScreen>& table = admin_table();
    const float side = ImGui::GetFrameHeight();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    for (std::size_t i = 0; i < table.size(); ++i) {
        const AdminScreen& e = table[i];
        if (e.nav_key == nullptr || e.indent > 0) continue;
        const AcGroup g = ac_group_of(i, lit);
        const std::string text = std::string(e.icon ? e.icon : icons::kApps) + "###" + e.nav_id;
        ImGui::BeginDisabled(e.later);
        if (ImGui::Selectable(text.c_str(), g.lit, 0, ImVec2(side, side)) && g.first_screen != nullptr &&
            ctx.ui.screen != g.first_screen)
            out.push(Navigate{g.first_screen});
        widgets::report_item(widgets::ItemKind::Selectable, text.c_str(), !e.later);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            const std::string tip =
                e.later ? tr(ctx, e.nav_key) + " · " + tr(ctx, "admin.nav.later") : tr(ctx, e.nav_key);
            ImGui::SetTooltip("%s", tip.c_str());
        }
    }
    ImGui::PopStyleVar();
}

// The wide navigation: an icon before each top-level entry, the pages of a group indented below it.
void ac_nav_entries(const ViewContext& ctx, CommandQueue& out, const char* lit) {
    const float icon_w = ImGui::GetFrameHeight();
    for (const AdminScreen& e : admin_table()) {
        if (e.nav_key == nullptr) continue;
        if (e.indent > 0) ImGui::Indent(icon_w);
        const std::string icon = e.indent == 0 ? std::string(e.icon ? e.icon : icons::kApps) + "  " : "";
        const std::string text = icon + tr(ctx, e.nav_key);
        if (e.later) {
            ImGui::BeginDisabled();
            widgets::selectable((text + "  · " + tr(ctx, "admin.nav.later") + "###" + e.nav_id).c_str());
            ImGui::EndDisabled();
        } else if (e.screen == nullptr) {
            ImGui::AlignTextToFramePadding();
            widgets::text(text);
        } else if (widgets::selectable((text + "###" + e.nav_id).c_str(),
                                       lit != nullptr && std::strcmp(lit, e.nav_id) == 0)) {
            if (ctx.ui.screen != e.screen) out.push(Navigate{e.screen});
        }
        if (e.indent > 0) ImGui::Unindent(icon_w);
    }
}

// The wide navigation's width: kNavWidthInFrames, or more when an entry's text needs it (German).
float ac_nav_width(const ViewContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float icon_w = ImGui::GetFrameHeight();
    float widest = 0.0f;
    for (const AdminScreen& e : admin_table()) {
        if (e.nav_key == nullptr) continue;
        std::string text = tr(ctx, e.nav_key);
        if (e.later) text += "  · " + tr(ctx, "admin.nav.later");
        // Top-level entries start with their icon and two spaces; pages are indented by an icon's width.
        const float lead =
            e.indent > 0 ? icon_w : ImGui::CalcTextSize((std::string(icons::kApps) + "  ").c_str()).x;
        widest = std::max(widest, lead + ImGui::CalcTextSize(text.c_str()).x);
    }
    return std::max(ImGui::GetFrameHeight() * kNavWidthInFrames,
                    widest + 2.0f * style.WindowPadding.x + style.ItemSpacing.x);
}

void draw_nav(const ViewContext& ctx, CommandQueue& out, bool collapsed) {
    const char* lit = lit_nav_id(ctx.ui.screen);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width =
        collapsed ? ImGui::GetFrameHeight() + 2.0f * style.WindowPadding.x : ac_nav_width(ctx);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().nav_bg);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, style.ItemSpacing.y * 1.5f));
    ImGui::BeginChild("##admin_nav", ImVec2(width, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ac_nav_toggle(ctx, collapsed);
    if (collapsed)
        ac_nav_icons(ctx, out, lit);
    else
        ac_nav_entries(ctx, out, lit);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// The signed-in person's initials in a circle (tooltip: name and username).
void ac_initials(const ViewContext& ctx, CommandQueue& out, const sim::Person* me) {
    std::string initials;
    if (me != nullptr) {
        const std::string& name = me->display_name.empty() ? me->upn : me->display_name;
        bool word_start = true;
        for (std::size_t i = 0; i < name.size() && initials.size() < 2; ++i) {
            const unsigned char c = static_cast<unsigned char>(name[i]);
            if (c == ' ' || c == '.' || c == '-' || c == '@') {
                word_start = c != '@';
                if (c == '@') break;
            } else if (word_start && c < 0x80) {
                initials += static_cast<char>(std::toupper(c));
                word_start = false;
            } else {
                word_start = false;
            }
        }
    }
    if (initials.empty()) initials = "?";
    const float d = ImGui::GetFrameHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("###admin_me", ImVec2(d, d));
    widgets::report_item(widgets::ItemKind::Text, (initials + "###admin_me").c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + d * 0.5f, p.y + d * 0.5f);
    dl->AddCircleFilled(c, d * 0.5f, ImGui::GetColorU32(palette().work_bg));
    const ImVec2 ts = ImGui::CalcTextSize(initials.c_str());
    dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), ImGui::GetColorU32(palette().accent),
                initials.c_str());
    const bool clicked = ImGui::IsItemClicked();
    if (ImGui::IsItemHovered() && !ImGui::IsPopupOpen("##admin_me_menu")) {
        const std::string tip = me ? me->display_name + "\n" + me->upn : tr(ctx, "admin.header.nobody");
        ImGui::SetTooltip("%s", tip.c_str());
    }
    // The account menu: who is signed in, and "Sign out" back to the sign-in page.
    if (clicked && me != nullptr) ImGui::OpenPopup("##admin_me_menu");
    if (me != nullptr && ImGui::BeginPopup("##admin_me_menu")) {
        widgets::text(me->display_name);
        widgets::text_disabled(me->upn);
        ImGui::Separator();
        if (widgets::menu_item((tr(ctx, "signin.sign_out") + "###admin_sign_out").c_str()))
            sign_out(ctx, out, Surface::Admin);
        ImGui::EndPopup();
    }
}

// The header bar across the admin center: title, search (Enter: Active users filtered by the text),
// the signed-in person's initials.
void draw_header(const ViewContext& ctx, CommandQueue& out) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = ImGui::GetFrameHeight() + 2.0f * style.FramePadding.y * 1.5f;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().accent);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(style.WindowPadding.x, style.FramePadding.y * 1.5f));
    ImGui::BeginChild("##admin_header", ImVec2(0, h), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    const std::string& title = tr(ctx, "admin.nav.title");
    widgets::text_colored(palette().on_accent, title);
    if (font) ImGui::PopFont();

    const float full = ImGui::GetWindowContentRegionMax().x;
    const float search_w = std::min(ImGui::GetFrameHeight() * 16.0f, full * 0.4f);
    const float search_x =
        std::max((full - search_w) * 0.5f,
                 ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x * 2.0f);
    ImGui::SameLine(search_x);
    ImGui::SetNextItemWidth(search_w);
    AdminViewState& s = ctx.state.admin;
    const std::string hint = std::string(icons::kSearch) + " " + tr(ctx, "admin.header.search");
    if (widgets::input_text_hint("###admin_search", hint.c_str(), s.header_search,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        s.user_search = s.header_search;
        s.user_filter = 0;
        s.users_pane = UsersPane::None;
        if (ctx.ui.screen != "admin.users") out.push(Navigate{"admin.users"});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ctx, "admin.header.search_tip").c_str());

    ImGui::SameLine(full - ImGui::GetFrameHeight());
    const sim::Person* me = ctx.sim ? ctx.sim->world().find_person(ctx.ui.work_account) : nullptr;
    ac_initials(ctx, out, me);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void draw_breadcrumb(const ViewContext& ctx, CommandQueue& out, const std::vector<Crumb>& crumbs) {
    for (std::size_t i = 0; i < crumbs.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine();
            widgets::text_disabled(">");
            ImGui::SameLine();
        }
        if (crumbs[i].screen) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);  // a link, not a button
            const std::string id = crumbs[i].text + "###crumb_" + std::to_string(i);
            if (widgets::button(id.c_str())) out.push(Navigate{crumbs[i].screen});
            ImGui::PopStyleVar(2);
            ImGui::PopStyleColor(2);
        } else {
            widgets::text_disabled(crumbs[i].text);
        }
    }
    (void)ctx;
}

}  // namespace

const std::string& tr(const ViewContext& ctx, std::string_view key) {
    // C6: "For some customers, the page is named Marketplace" (domain.md §3.2; start.support).
    if (key == "admin.nav.purchase_services" && ctx.sim &&
        sim::purchase_services_label(ctx.sim->world()) == "marketplace")
        return ctx.text.get("admin.nav.marketplace");
    return ctx.text.get(key);
}

std::string label(const ViewContext& ctx, std::string_view key, const std::string& id) {
    return ctx.text.get(key) + "###" + id;
}

const sim::Person* begin_page(const ViewContext& ctx, CommandQueue& out, const std::vector<Crumb>& crumbs,
                              bool pane_open) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##admin_root", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    const float admin_width = ImGui::GetContentRegionAvail().x;
    draw_header(ctx, out);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y);
    draw_nav(ctx, out, ac_nav_collapsed(ctx, admin_width));
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##admin_page", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    // The page behind a side pane lies under its backdrop: nothing there reacts until it closes.
    ac_page_behind_pane = pane_open;
    if (pane_open) ImGui::BeginDisabled();
    draw_breadcrumb(ctx, out, crumbs);

    if (!ctx.sim) {
        info_banner(tr(ctx, "admin.hint.no_scenario"));
        return nullptr;
    }
    const sim::World& w = ctx.sim->world();
    if (!w.tenant.exists) {
        heading(tr(ctx, "admin.hint.no_tenant_title"));
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_wrapped(tr(ctx, "admin.hint.no_tenant"));
        ImGui::PopTextWrapPos();
        return nullptr;
    }
    const sim::Person* actor = w.find_person(ctx.ui.work_account);
    if (!sim::is_usable(actor)) {
        heading(tr(ctx, "admin.hint.sign_in_title"));
        widgets::text_wrapped(tr(ctx, "admin.hint.sign_in"));
        return nullptr;
    }
    return actor;
}

void end_page() {
    if (ac_page_behind_pane) ImGui::EndDisabled();
    ac_page_behind_pane = false;
    ImGui::EndChild();  // ##admin_page
    ImGui::EndChild();  // ##admin_root
}

std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float ellipsis = ImGui::CalcTextSize("…").x;
    std::size_t end = text.size();
    while (end > 0) {
        do --end;  // step back over a whole UTF-8 character
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        if (ImGui::CalcTextSize(text.data(), text.data() + end).x + ellipsis <= width) break;
    }
    return text.substr(0, end) + "…";
}

void cell_text(const std::string& text, bool disabled) {
    const std::string shown = fit_text(text, ImGui::GetContentRegionAvail().x);
    if (disabled)
        widgets::text_disabled(shown);
    else
        widgets::text(shown);
    if (shown.size() == text.size()) return;
    widgets::note_ellipsized(text, shown, true);  // allowed: the tooltip shows the whole text
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

std::string wrap_text(const std::string& text, float width) {
    std::string out, line;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        const std::string word = text.substr(i, j - i);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            out += line + "\n";
            line = word;
        } else {
            line = candidate;
        }
        i = j + 1;
    }
    return out + line;
}

bool cell_selectable(const std::string& text, const std::string& id, bool selected) {
    // A link, as the real tables draw a product's or a domain's name: the accent colour, underlined
    // while the pointer is on it.
    const std::string shown = wrap_text(text, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    const bool clicked = widgets::selectable((shown + "###" + id).c_str(), selected);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        const ImVec2 min = ImGui::GetItemRectMin();
        const float y = min.y + ImGui::GetTextLineHeight() + ImGui::GetStyle().FramePadding.y * 0.5f;
        const float width = ImGui::CalcTextSize(shown.c_str()).x;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, y), ImVec2(min.x + width, y),
                                            ImGui::GetColorU32(palette().accent));
    }
    return clicked;
}

void heading(const std::string& text) {
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text(text);
    if (font) ImGui::PopFont();
}

void subheading(const std::string& text) {
    ImGui::Spacing();
    widgets::text_colored(palette().accent, text);
}

void muted(const std::string& text) {
    widgets::text_disabled(text);
}

namespace {
void banner(const std::string& text, const ImVec4& bg, const ImVec4& fg) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - 2.0f * pad);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + size.y + 2.0f * pad),
                                              ImGui::GetColorU32(bg), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2.0f * pad);
    widgets::text_colored(fg, text);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y + 2.0f * pad));
    ImGui::Dummy(ImVec2(width, 0));
}
}  // namespace

void error_banner(const std::string& text) {
    const ImVec4 e = palette().error_text;
    banner(text, ImVec4(e.x, e.y, e.z, 0.12f), e);
}

void error_banner(const ViewContext& ctx, const sim::ActionResult& r) {
    error_banner(error_text(ctx, r));
    draw_role_link(ctx, r);
}

void info_banner(const std::string& text) {
    banner(text, palette().banner_bg, palette().banner_text);
}

bool command(const ViewContext& ctx, std::string_view key, const std::string& id, bool enabled, bool first) {
    if (!first) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, enabled ? palette().accent : palette().muted_text);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = widgets::button(label(ctx, key, id).c_str());
    ImGui::EndDisabled();
    ImGui::PopStyleColor(2);
    return pressed && enabled;
}

float flyout_width() {
    const float avail = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    const float window = ImGui::GetMainViewport()->WorkSize.x;
    float w = std::max(kFlyoutMinWidth * ac_scale(), window * kFlyoutWindowFraction);
    // Some of the page stays visible (dimmed) on its left.
    const float cap = avail - ImGui::GetFrameHeight() * 2.0f;
    if (w > cap) w = std::max(cap, avail * 0.6f);
    return w;
}

bool begin_flyout(const ViewContext& ctx, const std::string& title, float width) {
    // The pane covers the right part of the page from its top to its bottom, like the admin center's
    // panels; the rest of the page lies under a dimmed backdrop (disabled since begin_page).
    if (ac_page_behind_pane) ImGui::EndDisabled();
    ImGuiWindow* page = ImGui::GetCurrentWindow();
    const ImRect clip = page->InnerClipRect;
    const float left = clip.Max.x - width;
    ac_page_cursor_max = page->DC.CursorMaxPos;
    ImGui::SetCursorScreenPos(ImVec2(left, clip.Min.y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().work_bg);
    ImGui::BeginChild("##flyout", ImVec2(width, clip.Max.y - clip.Min.y), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(page->Rect().Min, page->Rect().Max, false);
        const bool dark = palette().work_bg.x < 0.5f;
        const ImU32 dim = IM_COL32(0, 0, 0, dark ? 140 : 90);
        dl->AddRectFilled(page->Rect().Min, ImVec2(left, page->Rect().Max.y), dim);
        const float shadow = kFlyoutShadow * ac_scale();
        const ImU32 clear = IM_COL32(0, 0, 0, 0);
        const ImU32 dark_edge = IM_COL32(0, 0, 0, dark ? 110 : 60);
        dl->AddRectFilledMultiColor(ImVec2(left - shadow, page->Rect().Min.y),
                                    ImVec2(left, page->Rect().Max.y), clear, dark_edge, dark_edge, clear);
        dl->AddLine(ImVec2(left, page->Rect().Min.y), ImVec2(left, page->Rect().Max.y),
                    ImGui::GetColorU32(palette().border));
        dl->PopClipRect();
    }
    bool close = false;
    const std::string close_label = std::string(icons::kClose) + "###pane_close";
    const float close_w = ImGui::CalcTextSize(icons::kClose).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - close_w - ImGui::GetStyle().ItemSpacing.x);
    heading(title);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (widgets::button(close_label.c_str())) close = true;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ctx, "admin.pane.close").c_str());
    ImGui::Separator();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close = true;
    return close;
}

void end_flyout() {
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::GetCurrentWindow()->DC.CursorMaxPos = ac_page_cursor_max;
    if (ac_page_behind_pane) ImGui::BeginDisabled();
}

std::string format_date(const ViewContext& ctx, sim::SimTime t) {
    const sim::LocalDateTime d = ctx.sim->calendar().local(t);
    return ctx.text.format("admin.date",
                           {{"day", d.date.day},
                            {"month", ctx.text.get("ui.clock.month." + std::to_string(d.date.month))},
                            {"year", d.date.year}});
}

std::string format_when(const ViewContext& ctx, sim::SimTime t) {
    return format_clock_short(ctx.sim->calendar().local(t), ctx.text);
}

std::string format_money(const ViewContext& ctx, std::int64_t cents, const std::string& currency) {
    const std::int64_t whole = cents / 100;
    const std::int64_t frac = cents % 100 < 0 ? -(cents % 100) : cents % 100;
    const std::string amount = fmt::format("{}{}{:02}", whole, ctx.text.get("admin.money.decimal"), frac);
    const std::string symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency;
    return ctx.text.format("admin.money", {{"amount", amount}, {"symbol", symbol}});
}

std::string product_name(const ViewContext& ctx, std::string_view sku) {
    const sim::Product* p = ctx.sim ? ctx.sim->world().catalog.find(sku) : nullptr;
    return p ? p->name.in(ctx.ui.language) : std::string(sku);
}

std::string country_name(const ViewContext& ctx, const std::string& code) {
    if (code.empty()) return tr(ctx, "admin.location.none");
    const std::string key = "admin.country." + code;
    return ctx.text.has(key) ? ctx.text.get(key) : code;
}

const std::vector<std::string>& usage_locations() {
    static const std::vector<std::string> kCodes = {"DE", "AT", "CH", "LU", "LI", "NL", "BE", "FR",
                                                    "IT", "ES", "PL", "DK", "GB", "IE", "US", "CA"};
    return kCodes;
}

bool usage_location_combo(const ViewContext& ctx, const char* id, std::string& code, bool allow_none) {
    bool changed = false;
    const std::string preview = code.empty() ? tr(ctx, "admin.location.select") : country_name(ctx, code);
    if (widgets::begin_combo(id, preview.c_str())) {
        if (allow_none &&
            widgets::selectable(label(ctx, "admin.location.none", "loc_none").c_str(), code.empty())) {
            code.clear();
            changed = true;
        }
        for (const std::string& c : usage_locations()) {
            if (widgets::selectable((country_name(ctx, c) + "###loc_" + c).c_str(), c == code)) {
                code = c;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::string licence_state_text(const ViewContext& ctx, const sim::LicenceAssignment& l) {
    if (l.state == sim::LicenceState::Active) return tr(ctx, "status.licence.active");
    return ctx.text.format("admin.licence.pending_until", {{"time", format_when(ctx, l.active_at)}});
}

}  // namespace app::admin

namespace app::admin {

bool checkbox_wrapped(const std::string& text, const std::string& id, bool& value) {
    const bool changed = widgets::checkbox(("###" + id).c_str(), value);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    widgets::text(text);
    ImGui::PopTextWrapPos();
    return changed;
}

std::string address_name_from(const std::string& display_name) {
    std::string out;
    for (std::size_t i = 0; i < display_name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(display_name[i]);
        if (c == 0xC3 && i + 1 < display_name.size()) {
            const unsigned char d = static_cast<unsigned char>(display_name[++i]);
            if (d == 0xA4 || d == 0x84) out += "ae";
            if (d == 0xB6 || d == 0x96) out += "oe";
            if (d == 0xBC || d == 0x9C) out += "ue";
            if (d == 0x9F) out += "ss";
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_') {
            out += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string picked_domain(const std::string& picked, const sim::World& w) {
    const std::vector<std::string> domains = sim::user_domains(w);
    if (!picked.empty() && std::find(domains.begin(), domains.end(), picked) != domains.end()) return picked;
    return domains.empty() ? w.tenant.initial_domain : domains.front();
}

void address_field(const std::string& label, const std::string& id, std::string& user, bool& edited,
                   std::string& picked, const sim::World& w) {
    const std::vector<std::string> domains = sim::user_domains(w);
    const std::string domain = picked_domain(picked, w);
    float widest = 0.0f;
    for (const std::string& d : domains) widest = std::max(widest, ImGui::CalcTextSize(d.c_str()).x);
    const float row = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("@").x - 8.0f;
    const float domain_w =
        std::min(row * 0.6f, widest + ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetFrameHeight());
    widgets::text(label);
    ImGui::SetNextItemWidth(row - domain_w);
    if (widgets::input_text(("###" + id + "_user").c_str(), user)) edited = true;
    ImGui::SameLine(0, 4);
    widgets::text("@");
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(-1);
    if (widgets::begin_combo(("###" + id + "_domain").c_str(), domain.c_str())) {
        for (std::size_t i = 0; i < domains.size(); ++i)
            if (widgets::selectable((domains[i] + "###" + id + "_domain_" + std::to_string(i)).c_str(),
                                    domains[i] == domain))
                picked = domains[i];
        ImGui::EndCombo();
    }
}

}  // namespace app::admin
