// app/views/admin/admin_roles.cpp — Roles > Role assignments / Rollen > Rollenzuweisungen (domain-admin.md
// §3.4, domain.md §4.6; issue 14 item 3): the tabs Microsoft Entra ID, Exchange and Billing, a table of the
// common roles (name, what it is for, how many hold it), the hint when fewer than 2 or more than 4 people
// are Global Administrators (Microsoft recommends 2 to 4), and a role's side pane: General (what it can and
// cannot do) and Assigned (its holders with Remove → roles.remove; Add users → pick people → roles.assign).
// The last Global Administrator's Remove is refused by the simulation with its real message.
#include <algorithm>
#include <cctype>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/ops.hpp"
#include "sim/roles.hpp"

namespace app::admin {

namespace {

constexpr const char* kRlRemoveTag = "admin.roles.remove";
constexpr std::size_t kRlMaxPicks = 30;  // people listed in the picker at once (10,000 users stay fluid)

std::string rl_assign_tag(const std::string& upn) {
    return "admin.roles.assign." + upn;
}

std::string rl_name(const ViewContext& ctx, sim::Role r) {
    return tr(ctx, std::string("role.") + sim::to_string(r));
}

// The roles a tab lists: every Entra role on Microsoft Entra ID; the Exchange and Billing tabs show the
// Entra role of their service (their own role groups are not simulated).
std::vector<sim::Role> rl_tab_roles(int tab) {
    if (tab == 1) return {sim::Role::ExchangeAdmin};
    if (tab == 2) return {sim::Role::BillingAdmin};
    return sim::page_roles();
}

std::string rl_lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void rl_open(const ViewContext& ctx, AdminViewState& s, sim::Role r) {
    s.role_pane = sim::to_string(r);
    s.role_pane_tab = 0;
    s.role_adding = false;
    s.role_pick.clear();
    s.role_search.clear();
    s.role_added.clear();
    forget_action(ctx, kRlRemoveTag);
}

void rl_tabs(const ViewContext& ctx, AdminViewState& s) {
    static constexpr const char* kKeys[] = {"admin.roles.tab.entra", "admin.roles.tab.exchange",
                                            "admin.roles.tab.billing"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        if (widgets::toggle_button(label(ctx, kKeys[i], "roles_tab_" + std::to_string(i)).c_str(),
                                   s.roles_tab == i))
            s.roles_tab = i;
    }
    ImGui::Spacing();
    if (s.roles_tab != 0) {
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, s.roles_tab == 1 ? "admin.roles.tab.exchange_note" : "admin.roles.tab.billing_note"));
        ImGui::PopTextWrapPos();
    }
}

void rl_table(const ViewContext& ctx, AdminViewState& s, const sim::World& w) {
    if (!widgets::begin_table("##roles_list", 3)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.roles.col.role").c_str(), 0, 1.1f);
    ImGui::TableSetupColumn(tr(ctx, "admin.roles.col.description").c_str(), 0, 2.4f);
    ImGui::TableSetupColumn(tr(ctx, "admin.roles.col.assigned").c_str(), 0, 0.6f);
    widgets::table_headers_row();
    for (sim::Role r : rl_tab_roles(s.roles_tab)) {
        const std::string name = sim::to_string(r);
        widgets::table_next_row();
        widgets::table_cell(0);
        if (widgets::selectable_row((rl_name(ctx, r) + "###role_row_" + name).c_str(), s.role_pane == name))
            rl_open(ctx, s, r);
        widgets::table_cell(1);
        cell_text(tr(ctx, "admin.roles.desc." + name));
        widgets::table_cell(2);
        cell_text(std::to_string(sim::role_holder_count(w, r)));
    }
    widgets::end_table();
}

// Microsoft recommends 2 to 4 Global Administrators (domain-admin.md §3.4).
void rl_global_hint(const ViewContext& ctx, const sim::World& w) {
    const int n = sim::role_holder_count(w, sim::Role::GlobalAdmin);
    if (n < sim::kRecommendedMinGlobalAdmins)
        info_banner(ctx.text.format("admin.roles.few_globals", {{"count", n}}));
    else if (n > sim::kRecommendedMaxGlobalAdmins)
        info_banner(ctx.text.format("admin.roles.many_globals", {{"count", n}}));
}

// A list of lines ("a\nb") as bullets.
void rl_bullets(const std::string& lines) {
    std::size_t start = 0;
    while (start < lines.size()) {
        std::size_t end = lines.find('\n', start);
        if (end == std::string::npos) end = lines.size();
        ImGui::Bullet();
        ImGui::SameLine();
        widgets::text_wrapped(lines.substr(start, end - start));
        start = end + 1;
    }
}

void rl_general(const ViewContext& ctx, sim::Role r) {
    const std::string name = sim::to_string(r);
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_wrapped(tr(ctx, "admin.roles.desc." + name));
    subheading(tr(ctx, "admin.roles.can_do"));
    rl_bullets(tr(ctx, "admin.roles.can." + name));
    subheading(tr(ctx, "admin.roles.cannot_do"));
    rl_bullets(tr(ctx, "admin.roles.cannot." + name));
    ImGui::PopTextWrapPos();
}

// Add users: the people who may get the role (active, not a shared mailbox, not holding it yet), filtered by
// the search; Add sends one roles.assign per person ticked.
void rl_picker(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, sim::Role r) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    subheading(tr(ctx, "admin.roles.add_users"));
    ImGui::SetNextItemWidth(-1);
    widgets::input_text_hint("###role_search", tr(ctx, "admin.roles.search").c_str(), s.role_search);
    const std::string needle = rl_lower(s.role_search);
    std::size_t shown = 0, more = 0;
    for (const sim::Person& p : w.people) {
        if (!sim::can_hold_roles(w, p) || p.has_role(r)) continue;
        if (!needle.empty() && rl_lower(p.display_name).find(needle) == std::string::npos &&
            rl_lower(p.upn).find(needle) == std::string::npos)
            continue;
        if (shown == kRlMaxPicks) {
            ++more;
            continue;
        }
        ++shown;
        bool ticked = s.role_pick.count(p.upn) != 0;
        if (checkbox_wrapped(p.display_name + " (" + p.upn + ")", "role_pick_" + p.upn, ticked)) {
            if (ticked)
                s.role_pick.insert(p.upn);
            else
                s.role_pick.erase(p.upn);
        }
    }
    ImGui::PushTextWrapPos(0.0f);
    if (shown == 0) muted(tr(ctx, "admin.roles.nobody_to_add"));
    if (more > 0) muted(ctx.text.format("admin.roles.more_matches", {{"count", more}}));
    muted(tr(ctx, "admin.roles.shared_hint"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::BeginDisabled(s.role_pick.empty());
    if (widgets::button(label(ctx, "admin.roles.add", "role_add_confirm").c_str())) {
        s.role_added.assign(s.role_pick.begin(), s.role_pick.end());
        for (const std::string& upn : s.role_added)
            out.push(
                SubmitAction{sim::ops::assign_role(actor.upn, upn, sim::to_string(r)), rl_assign_tag(upn)});
        s.role_pick.clear();
        s.role_adding = false;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.roles.cancel", "role_add_cancel").c_str())) {
        s.role_pick.clear();
        s.role_adding = false;
    }
}

// Assigned: the holders with Remove, the Add users button (or the picker), the results.
void rl_assigned(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, sim::Role r) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const std::vector<const sim::Person*> holders = sim::role_holders(w, r);
    if (r == sim::Role::GlobalAdmin) rl_global_hint(ctx, w);
    if (!s.role_adding && widgets::button(label(ctx, "admin.roles.add_users", "role_add_users").c_str())) {
        s.role_adding = true;
        s.role_pick.clear();
        s.role_search.clear();
    }
    for (const std::string& upn : s.role_added) draw_action_status(ctx, rl_assign_tag(upn));
    if (s.role_adding) rl_picker(ctx, out, actor, r);
    subheading(ctx.text.format("admin.roles.assigned_count", {{"count", holders.size()}}));
    if (holders.empty()) muted(tr(ctx, "admin.roles.none_assigned"));
    if (!holders.empty() && widgets::begin_table("##role_holders", 2)) {
        const float remove_w = ImGui::CalcTextSize(tr(ctx, "admin.roles.remove").c_str()).x +
                               ImGui::GetStyle().FramePadding.x * 2.0f + widgets::kTableCellPadX * 2.0f;
        ImGui::TableSetupColumn(tr(ctx, "admin.roles.col.name").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("###remove", ImGuiTableColumnFlags_WidthFixed, remove_w);
        widgets::table_headers_row();
        for (const sim::Person* p : holders) {
            widgets::table_next_row();
            widgets::table_cell(0);
            cell_text(p->display_name + " (" + p->upn + ")");
            widgets::table_cell(1);
            if (widgets::button(label(ctx, "admin.roles.remove", "role_remove_" + p->upn).c_str()))
                out.push(
                    SubmitAction{sim::ops::remove_role(actor.upn, p->upn, sim::to_string(r)), kRlRemoveTag});
        }
        widgets::end_table();
    }
    draw_action_status(ctx, kRlRemoveTag);
}

// The pane of one role; true when it asked to close.
bool rl_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor) {
    AdminViewState& s = ctx.state.admin;
    sim::Role r;
    if (!sim::parse_role(s.role_pane, r)) return true;
    const bool close = begin_flyout(ctx, rl_name(ctx, r), flyout_width());
    static constexpr const char* kKeys[] = {"admin.roles.pane.general", "admin.roles.pane.assigned"};
    for (int i = 0; i < 2; ++i) {
        if (i > 0) ImGui::SameLine();
        if (widgets::toggle_button(label(ctx, kKeys[i], "role_tab_" + std::to_string(i)).c_str(),
                                   s.role_pane_tab == i))
            s.role_pane_tab = i;
    }
    ImGui::Separator();
    ImGui::BeginChild("##role_pane_body");
    if (s.role_pane_tab == 0)
        rl_general(ctx, r);
    else
        rl_assigned(ctx, out, actor, r);
    ImGui::EndChild();
    end_flyout();
    return close;
}

}  // namespace

void draw_role_assignments(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.roles"), nullptr},
                                       {tr(ctx, "admin.nav.role_assignments"), nullptr}};
    const sim::Person* actor = begin_page(ctx, out, crumbs, !s.role_pane.empty());
    if (actor) {
        const sim::World& w = ctx.sim->world();
        heading(tr(ctx, "admin.nav.role_assignments"));
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.roles.intro"));
        ImGui::PopTextWrapPos();
        rl_global_hint(ctx, w);
        rl_tabs(ctx, s);
        ImGui::BeginChild("##roles_list_box", ImVec2(0, 0));
        rl_table(ctx, s, w);
        ImGui::EndChild();
        if (!s.role_pane.empty() && rl_pane(ctx, out, *actor)) s.role_pane.clear();
    }
    end_page();
}

}  // namespace app::admin
