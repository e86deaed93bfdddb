// app/views/admin/admin_groups.cpp — Teams & groups > Active teams & groups / Teams und Gruppen > Aktive
// Teams und Gruppen (domain-admin.md §4.4, §6.2): the tabs ("Teams and Microsoft 365 groups": the teams with
// their owners, members and guests, a team's pane; "Distribution list"; security groups are not simulated),
// the table of distribution lists (name, email, members, outside senders allowed), the side pane "Add a
// distribution list" (name, address on a domain of user_domains, members, the outside-senders tick → Save →
// mailboxes.add_distribution_list) and the pane of one list, where the outside-senders setting is changed
// (mailboxes.set_list_external, the fix of C29: "5.7.133 Sender not authenticated for group").
#include <algorithm>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"
#include "sim/teams.hpp"

namespace app::admin {

namespace {

constexpr const char* kGrpAddTag = "admin.groups.add_list";
constexpr const char* kGrpExtTag = "admin.groups.list_external";

void grp_open_list(AdminViewState& s, const sim::World& w, const std::string& address) {
    s.dl_add_open = false;
    s.dl_pane = address;
    const sim::DistributionList* list = sim::find_distribution_list(w, address);
    s.dl_pane_external = list != nullptr && list->allow_external;
    s.dl_pane_submitted = false;
}

// A tick whose long label wraps in the pane (a plain checkbox's label would run past the edge).
void grp_tick(const ViewContext& ctx, const char* key, const std::string& id, bool& value) {
    widgets::checkbox(("###" + id).c_str(), value);
    ImGui::SameLine();
    widgets::text_wrapped(tr(ctx, key));
}

void grp_table(const ViewContext& ctx, const sim::World& w) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<sim::DistributionList>& lists = w.domains.distribution_lists;
    if (lists.empty()) {
        widgets::text_wrapped(tr(ctx, "admin.groups.none"));
        return;
    }
    if (!widgets::begin_table("##dl_list", 4)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.name").c_str(), 0, 1.2f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.email").c_str(), 0, 1.5f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.members").c_str(), 0, 0.6f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.external").c_str(), 0, 0.9f);
    widgets::table_headers_row();
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const sim::DistributionList& l = lists[i];
        widgets::table_next_row();
        widgets::table_cell(0);
        if (widgets::selectable_row((l.display_name + "###dl_row_" + std::to_string(i)).c_str(),
                                    s.dl_pane == l.address)) {
            grp_open_list(s, w, l.address);
            forget_action(ctx, kGrpExtTag);
        }
        widgets::table_cell(1);
        cell_text(l.address);
        widgets::table_cell(2);
        cell_text(std::to_string(l.members.size()));
        widgets::table_cell(3);
        cell_text(tr(ctx, l.allow_external ? "admin.groups.yes" : "admin.groups.no"));
    }
    widgets::end_table();
}

void grp_members(const ViewContext& ctx, AdminViewState& s, const sim::World& w) {
    widgets::text(tr(ctx, "admin.groups.members"));
    int n = 0;
    for (const sim::Person& p : w.people) {
        if (p.deleted) continue;
        bool ticked = s.dl_members.count(p.upn) > 0;
        if (widgets::checkbox(
                (p.display_name + " (" + p.upn + ")###dl_member_" + std::to_string(n++)).c_str(), ticked)) {
            if (ticked)
                s.dl_members.insert(p.upn);
            else
                s.dl_members.erase(p.upn);
        }
    }
}

// The Add a distribution list pane; true when it asked to close.
bool grp_add_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const bool close = begin_flyout(ctx, tr(ctx, "admin.groups.add_list"), flyout_width());
    sim::ActionResult result;
    const ActionStatus status = s.dl_submitted ? action_status(ctx, kGrpAddTag, &result) : ActionStatus::None;
    ImGui::PushTextWrapPos(0.0f);
    if (status == ActionStatus::Ok) {
        widgets::text_wrapped(ctx.text.format(
            "admin.groups.done",
            {{"name", s.dl_name}, {"address", s.dl_user + "@" + picked_domain(s.dl_domain, w)}}));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        const bool done = widgets::button(label(ctx, "admin.wizard.close", "dl_close").c_str());
        end_flyout();
        return close || done;
    }
    muted(tr(ctx, "admin.groups.pane_hint"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    widgets::text(tr(ctx, "admin.groups.name"));
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_text("###dl_name", s.dl_name) && !s.dl_user_edited)
        s.dl_user = address_name_from(s.dl_name);
    address_field(tr(ctx, "admin.groups.email"), "dl", s.dl_user, s.dl_user_edited, s.dl_domain, w);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    grp_tick(ctx, "admin.groups.allow_external", "dl_external", s.dl_allow_external);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    grp_members(ctx, s, w);
    ImGui::Spacing();
    ImGui::BeginDisabled(status == ActionStatus::Pending);
    if (widgets::button(label(ctx, "admin.groups.create", "dl_save").c_str())) {
        const std::vector<std::string> members(s.dl_members.begin(), s.dl_members.end());
        out.push(SubmitAction{sim::ops::add_distribution_list(actor.upn, s.dl_name,
                                                              s.dl_user + "@" + picked_domain(s.dl_domain, w),
                                                              members, s.dl_allow_external),
                              kGrpAddTag});
        s.dl_submitted = true;
    }
    ImGui::EndDisabled();
    if (s.dl_submitted) {
        ImGui::SameLine();
        draw_action_status(ctx, kGrpAddTag);
    }
    end_flyout();
    return close;
}

// The pane of one list: address, members, the outside-senders setting; true when it asked to close.
bool grp_list_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor) {
    AdminViewState& s = ctx.state.admin;
    const sim::DistributionList* list = sim::find_distribution_list(ctx.sim->world(), s.dl_pane);
    if (list == nullptr) return true;
    const bool close = begin_flyout(ctx, list->display_name, flyout_width());
    ImGui::PushTextWrapPos(0.0f);
    muted(list->address);
    ImGui::Spacing();
    subheading(tr(ctx, "admin.groups.members"));
    if (list->members.empty()) muted(tr(ctx, "admin.groups.no_members"));
    for (const std::string& m : list->members) widgets::text_wrapped(m);
    ImGui::Spacing();
    subheading(tr(ctx, "admin.groups.settings"));
    grp_tick(ctx, "admin.groups.allow_external", "dl_pane_external", s.dl_pane_external);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool busy = s.dl_pane_submitted && action_status(ctx, kGrpExtTag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || s.dl_pane_external == list->allow_external);
    if (widgets::button(label(ctx, "admin.user.save_changes", "dl_pane_save").c_str())) {
        out.push(SubmitAction{sim::ops::set_list_external(actor.upn, list->address, s.dl_pane_external),
                              kGrpExtTag});
        s.dl_pane_submitted = true;
    }
    ImGui::EndDisabled();
    if (s.dl_pane_submitted) {
        ImGui::SameLine();
        draw_action_status(ctx, kGrpExtTag);
    }
    end_flyout();
    return close;
}

// The "Teams and Microsoft 365 groups" tab: each team's name, privacy, owners, members and guests.
void grp_teams_table(const ViewContext& ctx, const sim::World& w) {
    AdminViewState& s = ctx.state.admin;
    if (w.teams.teams.empty()) {
        widgets::text_wrapped(tr(ctx, "admin.groups.teams_none"));
        return;
    }
    if (!widgets::begin_table("##m365_list", 5)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.name").c_str(), 0, 1.2f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.privacy").c_str(), 0, 0.7f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.owners").c_str(), 0, 1.4f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.members").c_str(), 0, 0.6f);
    ImGui::TableSetupColumn(tr(ctx, "admin.groups.col.guests").c_str(), 0, 0.6f);
    widgets::table_headers_row();
    for (const sim::Team& t : w.teams.teams) {
        widgets::table_next_row();
        widgets::table_cell(0);
        if (widgets::selectable_row((t.name + "###m365_row_" + t.id).c_str(), s.team_pane == t.id))
            s.team_pane = t.id;
        widgets::table_cell(1);
        cell_text(tr(ctx, t.privacy == "public" ? "admin.groups.public" : "admin.groups.private"));
        widgets::table_cell(2);
        std::string owners;
        for (const sim::TeamMember& m : t.members)
            if (m.role == "owner") owners += (owners.empty() ? "" : ", ") + m.upn;
        cell_text(owners);
        widgets::table_cell(3);
        cell_text(std::to_string(t.members.size()));
        widgets::table_cell(4);
        cell_text(std::to_string(t.guests.size()));
    }
    widgets::end_table();
}

// The pane of one team: its group's site, owners, members and guests; true when it asked to close.
bool grp_team_pane(const ViewContext& ctx) {
    const sim::World& w = ctx.sim->world();
    const sim::Team* t = sim::find_team(w, ctx.state.admin.team_pane);
    if (t == nullptr) return true;
    const bool close = begin_flyout(ctx, t->name, flyout_width());
    ImGui::PushTextWrapPos(0.0f);
    if (!t->description.empty()) muted(t->description);
    muted(tr(ctx, t->provisioned() ? "admin.groups.site_ready" : "admin.groups.site_provisioning"));
    for (const char* role : {"owner", "member"}) {
        ImGui::Spacing();
        subheading(tr(ctx, std::string(role) == "owner" ? "admin.groups.owners" : "admin.groups.members"));
        for (const sim::TeamMember& m : t->members) {
            if (m.role != role) continue;
            const sim::Person* p = w.find_person(m.upn);
            widgets::text_wrapped((p != nullptr ? p->display_name + " (" + m.upn + ")" : m.upn));
        }
    }
    ImGui::Spacing();
    subheading(tr(ctx, "admin.groups.guests"));
    if (t->guests.empty()) muted(tr(ctx, "admin.groups.no_guests"));
    for (const sim::TeamGuest& g : t->guests) widgets::text_wrapped(g.display_name + " (" + g.email + ")");
    ImGui::PopTextWrapPos();
    end_flyout();
    return close;
}

void grp_tabs(const ViewContext& ctx, AdminViewState& s) {
    static constexpr const char* kKeys[] = {"admin.groups.tab.m365", "admin.groups.tab.lists",
                                            "admin.groups.tab.security"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        if (widgets::toggle_button(label(ctx, kKeys[i], "groups_tab_" + std::to_string(i)).c_str(),
                                   s.groups_tab == i))
            s.groups_tab = i;
    }
    ImGui::Spacing();
}

}  // namespace

void open_list_add_pane(AdminViewState& s) {
    s.groups_tab = 1;
    s.dl_pane.clear();
    s.dl_add_open = true;
    s.dl_name.clear();
    s.dl_user.clear();
    s.dl_user_edited = false;
    s.dl_members.clear();
    s.dl_allow_external = false;
    s.dl_submitted = false;
}

void open_list_pane(AdminViewState& s, const sim::World& w, const std::string& address) {
    s.groups_tab = 1;
    grp_open_list(s, w, address);
}

void draw_groups(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.teams_groups"), nullptr},
                                       {tr(ctx, "admin.nav.active_groups"), nullptr}};
    const bool pane = (s.groups_tab == 1 && (s.dl_add_open || !s.dl_pane.empty())) ||
                      (s.groups_tab == 0 && !s.team_pane.empty());
    const sim::Person* actor = begin_page(ctx, out, crumbs, pane);
    if (actor) {
        heading(tr(ctx, "admin.nav.active_groups"));
        grp_tabs(ctx, s);
        if (s.groups_tab == 0) {
            ImGui::BeginChild("##m365_list_box", ImVec2(0, 0));
            grp_teams_table(ctx, ctx.sim->world());
            ImGui::EndChild();
            if (!s.team_pane.empty() && grp_team_pane(ctx)) s.team_pane.clear();
        } else if (s.groups_tab != 1) {
            muted(tr(ctx, "admin.groups.not_simulated"));
        } else {
            if (command(ctx, "admin.groups.add_list", "dl_add", true, true)) {
                open_list_add_pane(s);
                forget_action(ctx, kGrpAddTag);
            }
            ImGui::BeginChild("##dl_list_box", ImVec2(0, 0));
            grp_table(ctx, ctx.sim->world());
            ImGui::EndChild();
            if (s.dl_add_open && grp_add_pane(ctx, out, *actor)) s.dl_add_open = false;
            if (!s.dl_pane.empty() && grp_list_pane(ctx, out, *actor)) s.dl_pane.clear();
        }
    }
    end_page();
}

}  // namespace app::admin
