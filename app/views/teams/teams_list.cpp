// app/views/teams/teams_list.cpp — the Teams surface's start: the person's teams ("Teams"), "Join or create
// a team" → "Create a team" → "From scratch" → Private / Public → name + description → Create → add members
// or Skip (domain-admin.md §6.3), and the real "You're missing out!" state without a Teams licence.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/page.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/teams/teams_views.hpp"
#include "sim/ops.hpp"

namespace app {

namespace {

constexpr const char* kTagTmCreate = "teams.create";
constexpr const char* kTagTmWizardMember = "teams.create.member";

void tl_reset_for(const ViewContext& ctx) {
    TeamsViewState& st = ctx.state.teams;
    if (st.owner == ctx.ui.mail_user) return;
    st = TeamsViewState{};
    st.owner = ctx.ui.mail_user;
}

// The card of one team in the list: its name, privacy and members; a click opens it.
void tl_team_row(const ViewContext& ctx, CommandQueue& out, const sim::Team& t) {
    const std::string privacy = ctx.text.get(t.privacy == "public" ? "teams.public" : "teams.private");
    const std::string label =
        t.name + "   ·   " + privacy + "   ·   " +
        ctx.text.format("teams.list.members", {{"count", t.members.size() + t.guests.size()}}) + "###team_" +
        t.id;
    if (widgets::selectable(label.c_str())) {
        ctx.state.teams.team = t.id;
        ctx.state.teams.channel = "General";
        ctx.state.teams.tab = TeamsTab::Posts;
        ctx.state.teams.add = TeamsAddForm{};
        out.push(Navigate{"teams.team"});
    }
}

void tl_wizard_choice(const ViewContext& ctx) {
    TeamsCreateForm& f = ctx.state.teams.create;
    widgets::text_wrapped(ctx.text.get("teams.create.from_intro"));
    ImGui::Spacing();
    if (widgets::button((ctx.text.get("teams.create.from_scratch") + "###tm_from_scratch").c_str()))
        f.step = 1;
}

void tl_wizard_privacy(const ViewContext& ctx) {
    TeamsCreateForm& f = ctx.state.teams.create;
    widgets::text_wrapped(ctx.text.get("teams.create.kind_question"));
    ImGui::Spacing();
    for (const char* p : {"private", "public"}) {
        const std::string key = std::string("teams.") + p;
        if (widgets::button((ctx.text.get(key) + "###tm_privacy_" + p).c_str())) {
            f.privacy = p;
            f.step = 2;
        }
        ImGui::SameLine();
        widgets::text_disabled(ctx.text.get(key + ".hint"));
    }
    ImGui::Spacing();
    if (widgets::button((ctx.text.get("teams.back") + "###tm_back").c_str())) f.step = 0;
}

void tl_wizard_details(const ViewContext& ctx, CommandQueue& out, const sim::Person& person) {
    TeamsCreateForm& f = ctx.state.teams.create;
    widgets::text_disabled(ctx.text.get(f.privacy == "public" ? "teams.public" : "teams.private"));
    widgets::text(ctx.text.get("teams.create.name"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text("###tm_name", f.name);
    widgets::text(ctx.text.get("teams.create.description"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text_hint("###tm_description", ctx.text.get("teams.create.description_hint").c_str(),
                             f.description);
    ImGui::Spacing();
    const bool busy = action_status(ctx, kTagTmCreate) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || f.name.empty());
    if (widgets::button((ctx.text.get("teams.create.create") + "###tm_create").c_str()))
        out.push(
            SubmitAction{sim::ops::create_team(person.upn, f.name, f.description, f.privacy), kTagTmCreate});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button((ctx.text.get("teams.back") + "###tm_back").c_str())) f.step = 1;
    sim::ActionResult r;
    if (action_status(ctx, kTagTmCreate, &r) == ActionStatus::Ok) {
        f.created = r.data.value("name", f.name);
        f.step = 3;
        forget_action(ctx, kTagTmCreate);
        return;
    }
    draw_action_status(ctx, kTagTmCreate);
}

void tl_wizard_members(const ViewContext& ctx, CommandQueue& out, const sim::Person& person) {
    TeamsCreateForm& f = ctx.state.teams.create;
    widgets::text_wrapped(ctx.text.format("teams.create.add_members", {{"team", f.created}}));
    widgets::text_disabled(ctx.text.get("teams.create.add_members_hint"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text_hint("###tm_wizard_member", ctx.text.get("teams.add.who_hint").c_str(), f.member);
    ImGui::SameLine();
    ImGui::BeginDisabled(f.member.empty() || action_status(ctx, kTagTmWizardMember) == ActionStatus::Pending);
    if (widgets::button((ctx.text.get("teams.add.add") + "###tm_wizard_add").c_str()))
        out.push(
            SubmitAction{sim::ops::add_team_member(person.upn, f.created, f.member), kTagTmWizardMember});
    ImGui::EndDisabled();
    if (draw_action_status(ctx, kTagTmWizardMember) == ActionStatus::Ok)
        widgets::text_disabled(ctx.text.format("teams.add.added", {{"who", f.member}}));
    ImGui::Spacing();
    const sim::Team* t = sim::find_team(ctx.sim->world(), f.created);
    const bool any = t != nullptr && t->members.size() > 1;
    if (widgets::button(
            (ctx.text.get(any ? "teams.close" : "teams.create.skip") + "###tm_wizard_done").c_str())) {
        if (t != nullptr) {
            ctx.state.teams.team = t->id;
            ctx.state.teams.channel = "General";
            ctx.state.teams.tab = TeamsTab::Posts;
        }
        ctx.state.teams.create = TeamsCreateForm{};
        forget_action(ctx, kTagTmWizardMember);
        out.push(Navigate{t != nullptr ? "teams.team" : "teams.list"});
    }
}

}  // namespace

std::string teams_channel_label(const ViewContext& ctx, const std::string& channel) {
    return channel == "General" ? ctx.text.get("teams.channel.general") : channel;
}

const sim::Person* teams_person(const ViewContext& ctx) {
    if (!ctx.sim) return nullptr;
    tl_reset_for(ctx);
    const sim::World& w = ctx.sim->world();
    const sim::Person* person = w.find_person(ctx.ui.mail_user);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    if (person == nullptr) {
        page_heading(ctx.text.get("teams.title"));
        page_note(ctx.text.get("teams.nobody"), palette().accent);
        ImGui::PopTextWrapPos();
        return nullptr;
    }
    if (!sim::can_use_teams(w, person->upn)) {
        page_heading(ctx.text.get("teams.missing_out.title"));
        page_note(ctx.text.format("teams.missing_out.text", {{"organization", sim::teams_org_name(w)}}),
                  palette().accent);
        widgets::text_disabled(
            ctx.text.format("teams.signed_in_as", {{"name", person->display_name}, {"upn", person->upn}}));
        ImGui::PopTextWrapPos();
        return nullptr;
    }
    ImGui::PopTextWrapPos();
    return person;
}

void draw_teams_list(const ViewContext& ctx, CommandQueue& out) {
    const sim::Person* person = teams_person(ctx);
    if (person == nullptr) return;
    page_heading(ctx.text.get("teams.title"));
    widgets::text_disabled(
        ctx.text.format("teams.signed_in_as", {{"name", person->display_name}, {"upn", person->upn}}));
    ImGui::Spacing();
    if (widgets::button((ctx.text.get("teams.join_or_create") + "###tm_join_or_create").c_str())) {
        ctx.state.teams.create = TeamsCreateForm{};
        out.push(Navigate{"teams.create"});
    }
    page_section(ctx.text.get("teams.list.yours"));
    const auto mine = sim::teams_of(ctx.sim->world(), person->upn);
    if (mine.empty()) widgets::text_disabled(ctx.text.get("teams.list.none"));
    for (const sim::Team* t : mine) tl_team_row(ctx, out, *t);
}

void draw_teams_create(const ViewContext& ctx, CommandQueue& out) {
    const sim::Person* person = teams_person(ctx);
    if (person == nullptr) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    page_heading(ctx.text.get("teams.create.title"));
    switch (ctx.state.teams.create.step) {
        case 0:
            tl_wizard_choice(ctx);
            break;
        case 1:
            tl_wizard_privacy(ctx);
            break;
        case 2:
            tl_wizard_details(ctx, out, *person);
            break;
        default:
            tl_wizard_members(ctx, out, *person);
            break;
    }
    ImGui::PopTextWrapPos();
    if (ctx.state.teams.create.step < 3) {
        ImGui::Spacing();
        if (widgets::button((ctx.text.get("teams.cancel") + "###tm_cancel").c_str())) {
            ctx.state.teams.create = TeamsCreateForm{};
            out.push(Navigate{"teams.list"});
        }
    }
}

}  // namespace app
