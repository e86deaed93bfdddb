// app/views/teams/teams_team.cpp — a team's page in the Teams surface: its channels (Add channel), the tabs
// Posts, Files and Members. Files waits for the group's SharePoint site ("We are setting up your file
// directory…", domain-admin.md §6.4); Members lists owners, members and guests and adds people: a name of
// the organisation, or a guest's e-mail with "Edit guest information" (domain-admin.md §6.3).
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/page.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/teams/teams_views.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"

namespace app {

namespace {

constexpr const char* kTagTtChannel = "teams.add_channel";
constexpr const char* kTagTtAdd = "teams.add";

void tt_channels(const ViewContext& ctx, CommandQueue& out, const sim::Person& person, const sim::Team& t) {
    TeamsViewState& st = ctx.state.teams;
    widgets::text_disabled(ctx.text.get("teams.channels"));
    for (const std::string& c : t.channels)
        if (widgets::selectable((teams_channel_label(ctx, c) + "###tm_channel_" + c).c_str(),
                                st.channel == c)) {
            st.channel = c;
            if (st.tab == TeamsTab::Members) st.tab = TeamsTab::Posts;
        }
    ImGui::Spacing();
    if (!st.channel_form) {
        if (widgets::button((ctx.text.get("teams.add_channel") + "###tm_add_channel").c_str()))
            st.channel_form = true;
        return;
    }
    widgets::text(ctx.text.get("teams.channel_name"));
    ImGui::SetNextItemWidth(-1.0f);
    widgets::input_text("###tm_channel_name", st.channel_name);
    ImGui::BeginDisabled(st.channel_name.empty() ||
                         action_status(ctx, kTagTtChannel) == ActionStatus::Pending);
    if (widgets::button((ctx.text.get("teams.add.add") + "###tm_channel_add").c_str()))
        out.push(SubmitAction{sim::ops::add_channel(person.upn, t.id, st.channel_name), kTagTtChannel});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button((ctx.text.get("teams.cancel") + "###tm_channel_cancel").c_str())) {
        st.channel_form = false;
        forget_action(ctx, kTagTtChannel);
    }
    ImGui::PushTextWrapPos(0.0f);
    if (draw_action_status(ctx, kTagTtChannel) == ActionStatus::Ok) {
        st.channel = st.channel_name;
        st.channel_name.clear();
        st.channel_form = false;
        forget_action(ctx, kTagTtChannel);
    }
    ImGui::PopTextWrapPos();
}

void tt_posts(const ViewContext& ctx, const sim::Team& t) {
    page_section(teams_channel_label(ctx, ctx.state.teams.channel));
    widgets::text_wrapped(ctx.text.format("teams.posts.welcome", {{"team", t.name}}));
    if (!t.description.empty()) widgets::text_disabled(t.description);
    ImGui::Spacing();
    widgets::text_disabled(ctx.text.get("teams.posts.none"));
}

void tt_files(const ViewContext& ctx, const sim::Team& t) {
    page_section(ctx.text.get("teams.tab.files"));
    if (!t.provisioned()) {
        spinner(ImGui::GetFontSize() * 0.4f);
        ImGui::SameLine();
        widgets::text_wrapped(ctx.text.get("teams.files.setting_up"));
        return;
    }
    widgets::text_disabled(ctx.text.format("teams.files.path",
                                           {{"channel", teams_channel_label(ctx, ctx.state.teams.channel)}}));
    ImGui::Spacing();
    widgets::text(ctx.text.get("teams.files.empty"));
}

// "Add members to <team>": a person of the organisation, or (an e-mail address outside it) a guest.
void tt_add_form(const ViewContext& ctx, CommandQueue& out, const sim::Person& person, const sim::Team& t) {
    TeamsAddForm& f = ctx.state.teams.add;
    page_section(ctx.text.format("teams.add.title", {{"team", t.name}}));
    widgets::text_disabled(ctx.text.get("teams.add.intro"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text_hint("###tm_add_who", ctx.text.get("teams.add.who_hint").c_str(), f.who);
    const sim::World& w = ctx.sim->world();
    const bool guest =
        f.who.find('@') != std::string::npos && sim::find_person_by_address(w, f.who) == nullptr;
    if (guest) {
        widgets::text_disabled(ctx.text.format("teams.add.as_guest", {{"email", f.who}}));
        if (!f.edit_guest) {
            if (widgets::button((ctx.text.get("teams.add.edit_guest") + "###tm_edit_guest").c_str()))
                f.edit_guest = true;
        } else {
            widgets::text(ctx.text.get("teams.add.guest_name"));
            ImGui::SetNextItemWidth(page_field_width());
            widgets::input_text("###tm_guest_name", f.guest_name);
        }
    }
    ImGui::BeginDisabled(f.who.empty() || action_status(ctx, kTagTtAdd) == ActionStatus::Pending);
    if (widgets::button((ctx.text.get("teams.add.add") + "###tm_add_submit").c_str())) {
        out.push(SubmitAction{guest ? sim::ops::add_team_guest(person.upn, t.id, f.who, f.guest_name)
                                    : sim::ops::add_team_member(person.upn, t.id, f.who, "member"),
                              kTagTtAdd});
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button((ctx.text.get("teams.close") + "###tm_add_close").c_str())) {
        f = TeamsAddForm{};
        forget_action(ctx, kTagTtAdd);
    }
    ImGui::PushTextWrapPos(0.0f);
    if (draw_action_status(ctx, kTagTtAdd) == ActionStatus::Ok)
        widgets::text_disabled(ctx.text.format("teams.add.added", {{"who", f.who}}));
    ImGui::PopTextWrapPos();
}

void tt_member_row(const ViewContext& ctx, const std::string& name, const std::string& address,
                   const char* role_key) {
    widgets::table_next_row();
    widgets::table_cell(0);
    widgets::text_ellipsized(name);
    widgets::table_cell(1);
    widgets::text_ellipsized(address);
    widgets::table_cell(2);
    widgets::text(ctx.text.get(role_key));
}

void tt_members(const ViewContext& ctx, CommandQueue& out, const sim::Person& person, const sim::Team& t) {
    const sim::World& w = ctx.sim->world();
    if (t.is_owner(person.upn) && !ctx.state.teams.add.open) {
        if (widgets::button((ctx.text.get("teams.add_member") + "###tm_add_member").c_str()))
            ctx.state.teams.add.open = true;
    }
    if (ctx.state.teams.add.open) tt_add_form(ctx, out, person, t);
    page_section(ctx.text.format("teams.members.title", {{"count", t.members.size() + t.guests.size()}}));
    if (!widgets::begin_table("###tm_members", 3)) return;
    ImGui::TableSetupColumn(ctx.text.get("teams.members.name").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            1.0f);
    ImGui::TableSetupColumn(ctx.text.get("teams.members.address").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            1.4f);
    ImGui::TableSetupColumn(ctx.text.get("teams.members.role").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            0.6f);
    widgets::table_headers_row();
    for (const sim::TeamMember& m : t.members) {
        const sim::Person* p = w.find_person(m.upn);
        tt_member_row(ctx, p != nullptr ? p->display_name : m.upn, m.upn,
                      m.role == "owner" ? "teams.role.owner" : "teams.role.member");
    }
    for (const sim::TeamGuest& g : t.guests) tt_member_row(ctx, g.display_name, g.email, "teams.role.guest");
    widgets::end_table();
}

void tt_tabs(const ViewContext& ctx) {
    TeamsViewState& st = ctx.state.teams;
    const struct {
        TeamsTab tab;
        const char* key;
        const char* id;
    } tabs[] = {{TeamsTab::Posts, "teams.tab.posts", "###tm_tab_posts"},
                {TeamsTab::Files, "teams.tab.files", "###tm_tab_files"},
                {TeamsTab::Members, "teams.tab.members", "###tm_tab_members"}};
    for (const auto& tab : tabs) {
        if (widgets::toggle_button((ctx.text.get(tab.key) + tab.id).c_str(), st.tab == tab.tab))
            st.tab = tab.tab;
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

}  // namespace

void draw_teams_team(const ViewContext& ctx, CommandQueue& out) {
    const sim::Person* person = teams_person(ctx);
    if (person == nullptr) return;
    TeamsViewState& st = ctx.state.teams;
    const sim::Team* t = sim::find_team(ctx.sim->world(), st.team);
    if (t == nullptr || t->member(person->upn) == nullptr) {
        page_heading(ctx.text.get("teams.title"));
        widgets::text_disabled(ctx.text.get("teams.team.none"));
        if (widgets::button((std::string(icons::kChevronLeft) + " " + ctx.text.get("teams.back_to_list") +
                             "###tm_back_list")
                                .c_str()))
            out.push(Navigate{"teams.list"});
        return;
    }
    if (widgets::button(
            (std::string(icons::kChevronLeft) + " " + ctx.text.get("teams.back_to_list") + "###tm_back_list")
                .c_str()))
        out.push(Navigate{"teams.list"});
    page_heading(t->name);
    widgets::text_disabled(ctx.text.get(t->privacy == "public" ? "teams.public" : "teams.private"));
    ImGui::Spacing();
    const float left = ImGui::GetFontSize() * 14.0f;
    ImGui::BeginChild("###tm_left", ImVec2(left, 0.0f), true);
    tt_channels(ctx, out, *person, *t);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("###tm_main", ImVec2(0.0f, 0.0f), false);
    tt_tabs(ctx);
    ImGui::PushTextWrapPos(0.0f);
    switch (st.tab) {
        case TeamsTab::Posts:
            tt_posts(ctx, *t);
            break;
        case TeamsTab::Files:
            tt_files(ctx, *t);
            break;
        case TeamsTab::Members:
            tt_members(ctx, out, *person, *t);
            break;
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace app
