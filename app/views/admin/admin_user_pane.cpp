// app/views/admin/admin_user_pane.cpp — the user pane of Active users: Account (usage location,
// block sign-in, delete), Licenses and apps (tick → Save changes, pending until propagated), Roles.
#include <algorithm>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/domains.hpp"
#include "sim/identity.hpp"
#include "sim/licences.hpp"
#include "sim/ops.hpp"

namespace app::admin {

// "Apps und Dienste" of each held licence (Teams, Office apps): app/views/admin/admin_org_teams.cpp.
void draw_licence_apps(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                       const sim::Person& p);

namespace {

constexpr const char* kTabs[] = {"admin.user.tab.account", "admin.user.tab.licenses", "admin.user.tab.roles"};
constexpr const char* kTabIds[] = {"tab_account", "tab_licences", "tab_roles"};

void load_ticks(AdminViewState& s, const sim::Person& p) {
    s.ticks_for = p.upn;
    s.licence_ticks.clear();
    for (const sim::LicenceAssignment& l : p.licences) s.licence_ticks[l.sku] = true;
    s.role_ticks.clear();
    for (const std::string& r : sim::role_names(p.roles)) s.role_ticks.insert(r);
    s.edit_location = p.usage_location;
    s.confirm_delete = false;
}

void property(const ViewContext& ctx, const char* key, const std::string& value) {
    widgets::text_disabled(tr(ctx, key));
    ImGui::Indent();
    widgets::text_wrapped(value);
    ImGui::Unindent();
}

constexpr const char* kUsernameTag = "admin.user.username";

// Username and email (domain-admin.md §3.3, §4.3, §5.4): the primary address, the aliases, and "Manage
// username and email" (only "Manage username" for a user without a mailbox, as in the real pane):
// name part + a domain of user_domains → users.change_username; the old address stays as an alias.
void draw_username(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                   const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    property(ctx, "admin.user.primary_email", p.upn);
    std::string aliases;
    for (const std::string& a : p.aliases) aliases += (aliases.empty() ? "" : "\n") + a;
    property(ctx, "admin.user.aliases", aliases.empty() ? tr(ctx, "admin.user.no_aliases") : aliases);
    const char* manage_key =
        sim::has_mailbox(w, p) ? "admin.user.manage_email" : "admin.user.manage_username";
    if (!s.username_edit) {
        if (widgets::button(label(ctx, manage_key, "user_manage_username").c_str())) {
            s.username_edit = true;
            const auto at = p.upn.find('@');
            s.new_username = p.upn.substr(0, at);
            s.new_user_domain = at == std::string::npos ? std::string() : p.upn.substr(at + 1);
        }
        if (s.username_for == p.upn) draw_action_status(ctx, kUsernameTag);
        return;
    }
    subheading(tr(ctx, manage_key));
    const std::vector<std::string> domains = sim::user_domains(w);
    float widest = 0.0f;
    for (const std::string& d : domains) widest = std::max(widest, ImGui::CalcTextSize(d.c_str()).x);
    const float row = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("@").x - 8.0f;
    const float domain_w =
        std::min(row * 0.6f, widest + ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetFrameHeight());
    widgets::text(tr(ctx, "admin.wizard.username"));
    ImGui::SetNextItemWidth(row - domain_w);
    widgets::input_text("###user_new_username", s.new_username);
    ImGui::SameLine(0, 4);
    widgets::text("@");
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(-1);
    if (widgets::begin_combo("###user_new_domain", s.new_user_domain.c_str())) {
        for (std::size_t i = 0; i < domains.size(); ++i)
            if (widgets::selectable((domains[i] + "###user_domain_" + std::to_string(i)).c_str(),
                                    domains[i] == s.new_user_domain))
                s.new_user_domain = domains[i];
        ImGui::EndCombo();
    }
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.user.alias_hint"));
    ImGui::PopTextWrapPos();
    if (widgets::button(label(ctx, "admin.user.save_changes", "user_save_username").c_str())) {
        out.push(SubmitAction{sim::ops::change_username(actor.upn, p.upn, s.new_username, s.new_user_domain),
                              kUsernameTag});
        s.username_edit = false;
        s.username_for = p.upn;
    }
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.cancel", "user_username_cancel").c_str())) s.username_edit = false;
    if (s.username_for == p.upn) draw_action_status(ctx, kUsernameTag);
}

// Convert to shared mailbox (domain-admin.md §4.1, C24): a confirm step → mailboxes.convert_to_shared;
// afterwards the pane says the shared mailbox still holds the licence (removed in Licenses and apps).
void draw_convert(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const sim::SharedMailbox* converted = nullptr;
    for (const sim::SharedMailbox& m : w.domains.shared_mailboxes)
        if (m.converted_from == p.upn) converted = &m;
    const std::string tag = "admin.user.convert." + p.upn;
    if (converted != nullptr) {
        subheading(tr(ctx, "admin.user.convert"));
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_wrapped(ctx.text.format("admin.user.converted", {{"address", converted->address}}));
        if (!p.licences.empty()) muted(tr(ctx, "admin.user.converted_licence"));
        ImGui::PopTextWrapPos();
        return;
    }
    if (!sim::has_mailbox(w, p)) return;
    if (!s.confirm_convert) {
        if (widgets::button(label(ctx, "admin.user.convert", "user_convert").c_str()))
            s.confirm_convert = true;
        draw_action_status(ctx, tag);
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_wrapped(ctx.text.format("admin.user.convert_question", {{"name", p.display_name}}));
    ImGui::PopTextWrapPos();
    if (widgets::button(label(ctx, "admin.user.convert_confirm", "user_convert_confirm").c_str())) {
        out.push(SubmitAction{sim::ops::convert_to_shared(actor.upn, p.upn), tag});
        s.confirm_convert = false;
    }
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.cancel", "user_convert_cancel").c_str())) s.confirm_convert = false;
    draw_action_status(ctx, tag);
}

// Reset password (domain-admin.md §3.3): automatic or own password, "require change at first sign-in" →
// users.reset_password; an automatic one is shown once (sim::temporary_password of the result's
// generation), with the note that the admin center no longer mails it. Then "Require re-register
// multifactor authentication" → mfa.require_reregister (a lost phone, C20).
void draw_reset(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    const std::string tag = "admin.user.reset";
    if (!s.reset_open) {
        if (widgets::button(label(ctx, "admin.user.reset_password", "user_reset_password").c_str())) {
            s.reset_open = true;
            s.reset_own = false;
            s.reset_require = true;
            s.reset_password.clear();
        }
    } else {
        subheading(tr(ctx, "admin.user.reset_password"));
        if (widgets::radio_button(label(ctx, "admin.wizard.password_auto", "reset_pw_auto").c_str(),
                                  !s.reset_own)) {
            s.reset_own = false;
            s.reset_password.clear();
        }
        if (widgets::radio_button(label(ctx, "admin.wizard.password_own", "reset_pw_own").c_str(),
                                  s.reset_own))
            s.reset_own = true;
        if (s.reset_own) {
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
            widgets::input_text("###reset_password", s.reset_password, ImGuiInputTextFlags_Password);
        }
        checkbox_wrapped(tr(ctx, "admin.wizard.require_change"), "reset_require", s.reset_require);
        if (widgets::button(label(ctx, "admin.user.reset_submit", "reset_submit").c_str())) {
            out.push(SubmitAction{
                sim::ops::reset_password(actor.upn, {p.upn, s.reset_own, s.reset_password, s.reset_require}),
                tag});
            s.reset_for = p.upn;
            s.reset_open = false;
            s.reset_password.clear();  // handed to the simulation, which keeps only whether it met the policy
        }
        ImGui::SameLine();
        if (widgets::button(label(ctx, "admin.cancel", "reset_cancel").c_str())) {
            s.reset_open = false;
            s.reset_password.clear();
        }
    }
    if (s.reset_for == p.upn) {
        sim::ActionResult r;
        if (action_status(ctx, tag, &r) == ActionStatus::Ok) {
            ImGui::PushTextWrapPos(0.0f);
            widgets::text_wrapped(tr(ctx, "admin.user.reset_done"));
            if (r.data.contains("generation") && !s.reset_own) {  // reset_own stays as sent until reopened
                const std::string pw =
                    sim::temporary_password(ctx.sim->seed(), p.upn, r.data.value("generation", 0));
                widgets::text(ctx.text.format("admin.wizard.password_once", {{"password", pw}}));
            }
            muted(tr(ctx, "admin.user.no_mail_note"));
            ImGui::PopTextWrapPos();
        } else {
            draw_action_status(ctx, tag);
        }
    }
    const std::string rereg = "admin.user.reregister." + p.upn;
    if (widgets::button(label(ctx, "admin.user.reregister", "user_reregister").c_str()))
        out.push(SubmitAction{sim::ops::mfa_require_reregister(actor.upn, p.upn), rereg});
    if (draw_action_status(ctx, rereg) == ActionStatus::Ok) {
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.user.reregister_done"));
        ImGui::PopTextWrapPos();
    }
}

void draw_account(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    property(ctx, "admin.wizard.display_name", p.display_name);
    draw_username(ctx, out, actor, p);
    property(ctx, "admin.wizard.kind", tr(ctx, std::string("kind.") + sim::to_string(p.kind)));
    property(ctx, "admin.user.sign_in",
             tr(ctx, p.sign_in_blocked ? "admin.user.blocked" : "admin.user.allowed"));

    subheading(tr(ctx, "admin.users.col.location"));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    usage_location_combo(ctx, "###user_location", s.edit_location, true);
    ImGui::SameLine();
    ImGui::BeginDisabled(s.edit_location == p.usage_location);
    if (widgets::button(label(ctx, "admin.user.save_location", "user_save_location").c_str()))
        out.push(SubmitAction{sim::ops::set_usage_location(actor.upn, p.upn, s.edit_location),
                              "admin.user.edit." + p.upn});
    ImGui::EndDisabled();
    draw_action_status(ctx, "admin.user.edit." + p.upn);

    subheading(tr(ctx, "admin.user.actions"));
    const char* block_key = p.sign_in_blocked ? "admin.user.unblock" : "admin.user.block";
    if (widgets::button(label(ctx, block_key, "user_block").c_str()))
        out.push(SubmitAction{sim::ops::block_sign_in(actor.upn, p.upn, !p.sign_in_blocked),
                              "admin.user.block." + p.upn});
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.users.delete", "user_delete").c_str())) s.confirm_delete = true;
    draw_action_status(ctx, "admin.user.block." + p.upn);
    if (s.confirm_delete) {
        widgets::text_wrapped(ctx.text.format("admin.user.delete_question", {{"name", p.display_name}}));
        if (widgets::button(label(ctx, "admin.delete.confirm", "user_delete_confirm").c_str())) {
            out.push(SubmitAction{sim::ops::delete_user(actor.upn, p.upn), "admin.user.delete." + p.upn});
            s.confirm_delete = false;
        }
        ImGui::SameLine();
        if (widgets::button(label(ctx, "admin.cancel", "user_delete_cancel").c_str()))
            s.confirm_delete = false;
    }
    draw_action_status(ctx, "admin.user.delete." + p.upn);
    draw_reset(ctx, out, actor, p);
    draw_convert(ctx, out, actor, p);
}

void draw_licences(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                   const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    property(ctx, "admin.users.col.location", country_name(ctx, p.usage_location));
    subheading(tr(ctx, "admin.wizard.licenses"));
    std::vector<sim::LicenceRow> rows = sim::licences_page(w);
    for (const sim::LicenceAssignment& l : p.licences) {
        bool listed = false;
        for (const sim::LicenceRow& r : rows) listed = listed || r.sku == l.sku;
        if (!listed) rows.push_back({l.sku, 0, 0});
    }
    bool dirty = false;
    for (const sim::LicenceRow& r : rows) {
        bool& ticked = s.licence_ticks[r.sku];
        const std::string text = product_name(ctx, r.sku) + "  " +
                                 ctx.text.format("admin.licenses.available_of",
                                                 {{"available", r.available()}, {"total", r.total}});
        checkbox_wrapped(text, "user_lic_" + r.sku, ticked);
        const sim::LicenceAssignment* held = p.licence(r.sku);
        dirty = dirty || ticked != (held != nullptr);
        ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        if (held) muted(licence_state_text(ctx, *held));
        draw_action_status(ctx, "admin.user.lic." + p.upn + "." + r.sku);
        ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(!dirty);
    if (widgets::button(label(ctx, "admin.user.save_changes", "user_save_licences").c_str())) {
        for (const sim::LicenceRow& r : rows) {
            const bool ticked = s.licence_ticks[r.sku];
            const bool held = p.licence(r.sku) != nullptr;
            if (ticked == held) continue;
            out.push(SubmitAction{ticked ? sim::ops::assign_licence(actor.upn, p.upn, r.sku)
                                         : sim::ops::unassign_licence(actor.upn, p.upn, r.sku),
                                  "admin.user.lic." + p.upn + "." + r.sku});
        }
    }
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.user.propagation_hint"));
    ImGui::PopTextWrapPos();
    draw_licence_apps(ctx, out, actor, p);
}

void draw_roles(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, const sim::Person& p) {
    AdminViewState& s = ctx.state.admin;
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.user.roles_hint"));
    ImGui::PopTextWrapPos();
    for (const char* role : kRoles) {
        bool on = s.role_ticks.count(role) != 0;
        if (widgets::checkbox((tr(ctx, std::string("role.") + role) + "###user_" + role).c_str(), on)) {
            if (on)
                s.role_ticks.insert(role);
            else
                s.role_ticks.erase(role);
        }
    }
    if (widgets::button(label(ctx, "admin.user.save_changes", "user_save_roles").c_str()))
        out.push(SubmitAction{
            sim::ops::set_roles(actor.upn, p.upn,
                                std::vector<std::string>(s.role_ticks.begin(), s.role_ticks.end())),
            "admin.user.roles." + p.upn});
    draw_action_status(ctx, "admin.user.roles." + p.upn);
}

}  // namespace

void open_user_pane(AdminViewState& s, const std::string& upn) {
    s.pane_user = upn;
    s.ticks_for.clear();
    s.username_edit = false;
    s.confirm_delete = false;
    s.confirm_convert = false;
    s.reset_open = false;
    s.reset_password.clear();
}

bool draw_user_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width) {
    AdminViewState& s = ctx.state.admin;
    sim::ActionResult renamed;  // after Manage username: the pane follows the new sign-in name
    if (action_status(ctx, kUsernameTag, &renamed) == ActionStatus::Ok &&
        renamed.data.value("previous", std::string()) == s.pane_user) {
        s.pane_user = renamed.data.value("user", s.pane_user);
        if (s.username_for == renamed.data.value("previous", std::string())) s.username_for = s.pane_user;
    }
    const sim::Person* p = ctx.sim->world().find_person(s.pane_user);
    const bool close = begin_flyout(ctx, p ? p->display_name : tr(ctx, "admin.user.none"), width);
    if (!sim::is_usable(p)) {
        widgets::text_wrapped(tr(ctx, p ? "admin.user.deleted" : "admin.user.none_hint"));
        end_flyout();
        return close;
    }
    if (s.ticks_for != p->upn) load_ticks(s, *p);
    muted(p->upn);
    for (int i = 0; i < 3; ++i) {  // kTabs[i] is the label of UserPaneTab(i)
        const UserPaneTab tab = static_cast<UserPaneTab>(i);
        if (i > 0) ImGui::SameLine();
        if (widgets::toggle_button(label(ctx, kTabs[i], kTabIds[i]).c_str(), s.pane_tab == tab))
            s.pane_tab = tab;
    }
    ImGui::Separator();
    ImGui::BeginChild("##user_pane_body");
    if (s.pane_tab == UserPaneTab::Account)
        draw_account(ctx, out, actor, *p);
    else if (s.pane_tab == UserPaneTab::Licences)
        draw_licences(ctx, out, actor, *p);
    else
        draw_roles(ctx, out, actor, *p);
    ImGui::EndChild();
    end_flyout();
    return close;
}

}  // namespace app::admin
