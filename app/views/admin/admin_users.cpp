// app/views/admin/admin_users.cpp — Users > Active users: command bar, filter, search, a sortable
// multi-select table of every user (clipped, index cached), and the list's own panes (manage
// product licences, delete users). The add-user wizard and the user pane live in their own files.
#include <algorithm>
#include <cctype>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/licences.hpp"
#include "sim/ops.hpp"
#include "sim/users.hpp"

namespace app::admin {

namespace {

constexpr const char* kFilters[] = {"all",           "licensed",       "unlicensed",     "admins",
                                    "global_admins", "billing_admins", "sign_in_blocked"};
constexpr int kFilterCount = static_cast<int>(sizeof kFilters / sizeof kFilters[0]);

enum Column { ColSelect, ColName, ColUsername, ColLicences, ColLocation };

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool less_nocase(const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
    });
}

std::string licences_text(const ViewContext& ctx, const sim::Person& p) {
    if (p.licences.empty()) return tr(ctx, "admin.users.unlicensed");
    std::string s;
    for (const sim::LicenceAssignment& l : p.licences) {
        if (!s.empty()) s += ", ";
        s += product_name(ctx, l.sku);
    }
    return s;
}

void draw_bulk_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width) {
    AdminViewState& s = ctx.state.admin;
    const bool close = begin_flyout(ctx, tr(ctx, "admin.bulk.title"), width);
    widgets::text_wrapped(ctx.text.format("admin.bulk.selected", {{"count", s.selected_users.size()}}));
    const std::vector<sim::LicenceRow> rows = sim::licences_page(ctx.sim->world());
    if (rows.empty()) widgets::text_wrapped(tr(ctx, "admin.licenses.none"));
    for (const sim::LicenceRow& r : rows) {
        const std::string text = product_name(ctx, r.sku) + "  " +
                                 ctx.text.format("admin.licenses.available_of",
                                                 {{"available", r.available()}, {"total", r.total}});
        if (widgets::radio_button((text + "###bulk_" + r.sku).c_str(), s.bulk_sku == r.sku))
            s.bulk_sku = r.sku;
    }
    ImGui::Spacing();
    std::vector<std::string> users(s.selected_users.begin(), s.selected_users.end());
    ImGui::BeginDisabled(s.bulk_sku.empty() || users.empty() ||
                         action_status(ctx, "admin.users.bulk") == ActionStatus::Pending);
    if (widgets::button(label(ctx, "admin.bulk.assign", "bulk_assign").c_str()))
        out.push(SubmitAction{sim::ops::assign_licences(actor.upn, s.bulk_sku, users), "admin.users.bulk"});
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.bulk.unassign", "bulk_unassign").c_str()))
        out.push(SubmitAction{sim::ops::unassign_licences(actor.upn, s.bulk_sku, users), "admin.users.bulk"});
    ImGui::EndDisabled();
    if (draw_action_status(ctx, "admin.users.bulk") == ActionStatus::Ok)
        widgets::text(tr(ctx, "admin.saved"));
    end_flyout();
    if (close) {
        s.users_pane = UsersPane::None;
        forget_action(ctx, "admin.users.bulk");
    }
}

void draw_delete_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width) {
    AdminViewState& s = ctx.state.admin;
    const bool close = begin_flyout(ctx, tr(ctx, "admin.delete.title"), width);
    const sim::World& w = ctx.sim->world();
    widgets::text_wrapped(ctx.text.format("admin.delete.question", {{"count", s.selected_users.size()}}));
    int shown = 0;
    for (const std::string& upn : s.selected_users) {
        if (++shown > 10) break;
        const sim::Person* p = w.find_person(upn);
        ImGui::Bullet();
        ImGui::SameLine();
        widgets::text(p ? p->display_name + "  (" + upn + ")" : upn);
    }
    widgets::text_wrapped(tr(ctx, "admin.delete.note"));
    ImGui::BeginDisabled(s.selected_users.empty());
    if (widgets::button(label(ctx, "admin.delete.confirm", "delete_confirm").c_str())) {
        for (const std::string& upn : s.selected_users)
            out.push(SubmitAction{sim::ops::delete_user(actor.upn, upn), "admin.users.delete"});
        s.selected_users.clear();
    }
    ImGui::EndDisabled();
    if (draw_action_status(ctx, "admin.users.delete") == ActionStatus::Ok)
        widgets::text(tr(ctx, "admin.saved"));
    end_flyout();
    if (close) {
        s.users_pane = UsersPane::None;
        forget_action(ctx, "admin.users.delete");
    }
}

void draw_command_bar(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    if (command(ctx, "admin.users.add", "users_add", true, true)) {
        reset_add_user(s);
        out.push(Navigate{"admin.users.add"});
    }
    if (command(ctx, "admin.users.manage_licenses", "users_manage_licences", !s.selected_users.empty())) {
        s.users_pane = UsersPane::ManageLicences;
        if (ctx.ui.screen != "admin.users") out.push(Navigate{"admin.users"});
    }
    if (command(ctx, "admin.users.delete", "users_delete", !s.selected_users.empty())) {
        s.users_pane = UsersPane::Delete;
        if (ctx.ui.screen != "admin.users") out.push(Navigate{"admin.users"});
    }
    if (command(ctx, "admin.users.refresh", "users_refresh"))
        s.users_index.journal_size = static_cast<std::size_t>(-1);

    // Filter and search on the right of the bar (they wrap below on narrow pages).
    const float search_w = ImGui::GetFrameHeight() * 12.0f;
    const float filter_w = ImGui::GetFrameHeight() * 7.0f;
    const float need = search_w + filter_w + ImGui::GetStyle().ItemSpacing.x * 2.0f;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < need)
        ImGui::NewLine();
    else
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - need +
                             ImGui::GetStyle().ItemSpacing.x);
    ImGui::SetNextItemWidth(filter_w);
    const std::string preview = tr(ctx, std::string("admin.users.filter.") + kFilters[s.user_filter]);
    if (widgets::begin_combo("###users_filter", preview.c_str())) {
        for (int i = 0; i < kFilterCount; ++i) {
            const std::string item =
                tr(ctx, std::string("admin.users.filter.") + kFilters[i]) + "###filter_" + kFilters[i];
            if (widgets::selectable(item.c_str(), i == s.user_filter)) s.user_filter = i;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(search_w);
    widgets::input_text_hint("###users_search", tr(ctx, "admin.users.search").c_str(), s.user_search);
}

// A row's "more actions" menu (⋮ after the display name, as on the real page): the list's actions
// for this one user.
void users_row_menu(const ViewContext& ctx, const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    if (!ImGui::BeginPopup("##row_actions")) return;
    if (widgets::menu_item(label(ctx, "admin.users.manage_licenses", "row_manage_licences").c_str())) {
        s.selected_users = {p.upn};
        s.users_pane = UsersPane::ManageLicences;
    }
    if (widgets::menu_item(label(ctx, "admin.users.delete", "row_delete").c_str())) {
        s.selected_users = {p.upn};
        s.users_pane = UsersPane::Delete;
    }
    ImGui::EndPopup();
}

// The display name (a link opening the user's pane; returns true when clicked) and the row's ⋮ button.
bool users_name_cell(const ViewContext& ctx, const sim::Person& p, bool selected) {
    const float more_w = ImGui::GetFrameHeight();
    const float name_w =
        std::max(1.0f, ImGui::GetContentRegionAvail().x - more_w - ImGui::GetStyle().ItemSpacing.x);
    const std::string name_label = p.display_name + "###user_" + p.upn;
    const bool clicked = ImGui::Selectable(name_label.c_str(), selected, 0, ImVec2(name_w, 0));
    widgets::report_item(widgets::ItemKind::Selectable, name_label.c_str());
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
    if (widgets::button((std::string(icons::kMoreVert) + "###row_more_" + p.upn).c_str(), ImVec2(more_w, 0)))
        ImGui::OpenPopup("##row_actions");
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ctx, "admin.users.more_actions").c_str());
    users_row_menu(ctx, p);
    return clicked;
}

// The width a name or username column needs for `widest` (and its header), at most `cap`.
float users_column_width(const std::string& widest, const std::string& header, float cap) {
    const float text = std::max(ImGui::CalcTextSize(widest.c_str()).x,
                                ImGui::CalcTextSize(header.c_str()).x + ImGui::GetFontSize());
    return std::min(text + widgets::kTableCellPadX + ImGui::GetFontSize() * 0.5f, cap);
}

void draw_table(const ViewContext& ctx, CommandQueue& out, bool detail_open) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    // (Not resizable: ImGui then applies the width every frame, following the rows.)
    constexpr ImGuiTableColumnFlags kFitted =
        ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize;
    // Names and usernames get the width of the longest (so they are never shortened on a usual
    // screen); licences and the location share the rest, the licences wrapping when they must.
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::string name_header = tr(ctx, "admin.users.col.name");
    const std::string upn_header = tr(ctx, "admin.users.col.username");
    // The name column also holds the row's ⋮ button.
    const float name_w = users_column_width(s.users_index.widest_name, name_header, avail * 0.22f) +
                         ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;
    const float upn_w = users_column_width(s.users_index.widest_upn, upn_header, avail * 0.38f);
    // The location column is as wide as the longest place name (few), the licences get the rest.
    float location_w =
        ImGui::CalcTextSize(tr(ctx, "admin.users.col.location").c_str()).x + ImGui::GetFontSize();
    for (const std::string& code : usage_locations())
        location_w = std::max(location_w, ImGui::CalcTextSize(country_name(ctx, code).c_str()).x);
    location_w = std::max(location_w, ImGui::CalcTextSize(country_name(ctx, "").c_str()).x);
    location_w = std::min(location_w + widgets::kTableCellPadX, avail * 0.2f);
    // Rows are one line each (the clipper needs equal rows): a long list of licences is shortened,
    // the whole list in its tooltip.
    if (!widgets::begin_table("##active_users", 5, static_cast<int>(s.users_index.rows.size()),
                              ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable))
        return;
    ImGui::TableSetupColumn(
        "###col_select",
        ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
        ImGui::GetFrameHeight());
    ImGui::TableSetupColumn((name_header + "###col_name").c_str(),
                            ImGuiTableColumnFlags_DefaultSort | kFitted, name_w);
    ImGui::TableSetupColumn((upn_header + "###col_username").c_str(), kFitted, upn_w);
    ImGui::TableSetupColumn(label(ctx, "admin.users.col.licenses", "col_licences").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(label(ctx, "admin.users.col.location", "col_location").c_str(), kFitted,
                            location_w);

    int sort_column = s.users_index.sort_column < 0 ? ColName : s.users_index.sort_column;
    bool ascending = s.users_index.sort_column < 0 ? true : s.users_index.ascending;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
        if (specs->SpecsCount > 0) {
            sort_column = specs->Specs[0].ColumnIndex;
            ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
    }
    refresh_users_index(*ctx.sim, s, sort_column, ascending);

    // Header row with a "select all" box in the first column, level with the rows' boxes.
    widgets::table_headers_row();
    widgets::table_cell(0);
    bool all = !s.users_index.rows.empty() && s.selected_users.size() >= s.users_index.rows.size();
    if (widgets::checkbox("###select_all", all)) {
        if (all)
            for (std::size_t i : s.users_index.rows) s.selected_users.insert(w.people[i].upn);
        else
            s.selected_users.clear();
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.users_index.rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const sim::Person& p = w.people[s.users_index.rows[static_cast<std::size_t>(row)]];
            widgets::table_next_row();
            ImGui::PushID(row);
            widgets::table_cell(0);
            bool selected = s.selected_users.count(p.upn) != 0;
            if (widgets::checkbox(("###sel_" + p.upn).c_str(), selected)) {
                if (selected)
                    s.selected_users.insert(p.upn);
                else
                    s.selected_users.erase(p.upn);
            }
            widgets::table_cell(1);
            if (users_name_cell(ctx, p, detail_open && s.pane_user == p.upn)) {
                open_user_pane(s, p.upn);
                s.users_pane = UsersPane::None;
                if (ctx.ui.screen != "admin.users.detail") out.push(Navigate{"admin.users.detail"});
            }
            widgets::table_cell(2);
            cell_text(p.upn);
            widgets::table_cell(3);
            if (p.licences.empty())
                cell_text(tr(ctx, "admin.users.unlicensed"), true);
            else
                cell_text(licences_text(ctx, p));
            widgets::table_cell(4);
            cell_text(country_name(ctx, p.usage_location));
            ImGui::PopID();
        }
    }
    widgets::end_table();
}

// The three screens on the users page: the list alone, or with the add-user wizard or a user's pane.
enum class UsersPage { List, Add, Detail };

void draw_users_page(const ViewContext& ctx, CommandQueue& out, UsersPage pane) {
    AdminViewState& s = ctx.state.admin;
    std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                 {tr(ctx, "admin.nav.users"), nullptr},
                                 {tr(ctx, "admin.nav.active_users"), nullptr}};
    if (pane != UsersPage::List) crumbs.back().screen = "admin.users";
    if (pane == UsersPage::Add) crumbs.push_back({tr(ctx, "admin.wizard.title"), nullptr});
    if (pane == UsersPage::Detail) {
        const sim::Person* p = ctx.sim ? ctx.sim->world().find_person(s.pane_user) : nullptr;
        crumbs.push_back({p ? p->display_name : s.pane_user, nullptr});
    }
    const UsersPane list_pane = pane == UsersPage::List ? s.users_pane : UsersPane::None;
    const bool has_pane = pane != UsersPage::List || list_pane != UsersPane::None;
    const sim::Person* actor = begin_page(ctx, out, crumbs, has_pane);
    if (actor) {
        heading(tr(ctx, "admin.nav.active_users"));
        draw_command_bar(ctx, out);
        for (const char* tag : {"admin.users.delete"}) {
            sim::ActionResult r;
            if (action_status(ctx, tag, &r) == ActionStatus::Failed && s.users_pane == UsersPane::None)
                error_banner(ctx, r);
        }
        ImGui::BeginChild("##users_list", ImVec2(0, 0));
        muted(ctx.text.format("admin.users.count",
                              {{"count", s.users_index.rows.size()}, {"selected", s.selected_users.size()}}));
        draw_table(ctx, out, pane == UsersPage::Detail);
        ImGui::EndChild();
        if (has_pane) {
            const float pane_w = flyout_width();
            if (pane == UsersPage::Add && draw_add_user_pane(ctx, out, *actor, pane_w))
                out.push(Navigate{"admin.users"});
            if (pane == UsersPage::Detail && draw_user_pane(ctx, out, *actor, pane_w))
                out.push(Navigate{"admin.users"});
            if (list_pane == UsersPane::ManageLicences) draw_bulk_pane(ctx, out, *actor, pane_w);
            if (list_pane == UsersPane::Delete) draw_delete_pane(ctx, out, *actor, pane_w);
        }
    }
    end_page();
}

}  // namespace

bool refresh_users_index(const sim::Simulation& sim, AdminViewState& s, int sort_column, bool ascending) {
    const sim::World& w = sim.world();
    AdminUsersIndex& ix = s.users_index;
    if (ix.journal_size == sim.journal().size() && ix.people == w.people.size() && ix.next_id == w.next_id &&
        ix.filter == s.user_filter && ix.sort_column == sort_column && ix.ascending == ascending &&
        ix.search == s.user_search)
        return false;
    ix.journal_size = sim.journal().size();
    ix.people = w.people.size();
    ix.next_id = w.next_id;
    ix.filter = s.user_filter;
    ix.sort_column = sort_column;
    ix.ascending = ascending;
    ix.search = s.user_search;

    sim::UserFilter filter = sim::UserFilter::All;
    sim::parse_user_filter(kFilters[std::clamp(s.user_filter, 0, kFilterCount - 1)], filter);
    const std::vector<const sim::Person*> users = sim::list_users(w, filter);
    const std::string needle = lower(s.user_search);
    ix.rows.clear();
    ix.rows.reserve(users.size());
    ix.widest_name.clear();
    ix.widest_upn.clear();
    for (const sim::Person* p : users) {
        if (!needle.empty() && lower(p->display_name).find(needle) == std::string::npos &&
            lower(p->upn).find(needle) == std::string::npos)
            continue;
        ix.rows.push_back(static_cast<std::size_t>(p - w.people.data()));
        if (p->display_name.size() > ix.widest_name.size()) ix.widest_name = p->display_name;
        if (p->upn.size() > ix.widest_upn.size()) ix.widest_upn = p->upn;
    }
    auto key_less = [&](std::size_t a, std::size_t b) {
        const sim::Person& x = w.people[a];
        const sim::Person& y = w.people[b];
        switch (sort_column) {
            case ColUsername:
                return x.upn < y.upn;
            case ColLicences:
                if (x.licences.size() != y.licences.size()) return x.licences.size() < y.licences.size();
                break;
            case ColLocation:
                if (x.usage_location != y.usage_location) return x.usage_location < y.usage_location;
                break;
            default:
                break;
        }
        if (x.display_name != y.display_name) return less_nocase(x.display_name, y.display_name);
        return x.upn < y.upn;
    };
    if (ascending)
        std::stable_sort(ix.rows.begin(), ix.rows.end(), key_less);
    else
        std::stable_sort(ix.rows.begin(), ix.rows.end(),
                         [&](std::size_t a, std::size_t b) { return key_less(b, a); });
    return true;
}

void draw_users(const ViewContext& ctx, CommandQueue& out) {
    draw_users_page(ctx, out, UsersPage::List);
}
void draw_users_add(const ViewContext& ctx, CommandQueue& out) {
    draw_users_page(ctx, out, UsersPage::Add);
}
void draw_users_detail(const ViewContext& ctx, CommandQueue& out) {
    draw_users_page(ctx, out, UsersPage::Detail);
}

}  // namespace app::admin
