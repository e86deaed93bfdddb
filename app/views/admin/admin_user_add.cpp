// app/views/admin/admin_user_add.cpp — the add-user wizard (domain.md §4.2): Set up the basics →
// Assign product licenses → Optional settings → Finish. The simulation validates on "Finish
// adding"; its errors appear inline in the pane. A password is never kept after submitting.
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

namespace {

constexpr const char* kTag = "admin.users.add";
// The labels of AddUserStep, in its order.
constexpr const char* kSteps[] = {"admin.wizard.step.basics", "admin.wizard.step.licenses",
                                  "admin.wizard.step.optional", "admin.wizard.step.finish"};

AddUserStep step_after(AddUserStep step, int by) {
    return static_cast<AddUserStep>(static_cast<int>(step) + by);
}

constexpr const char* kKinds[] = {"paid_staff", "unpaid_executive", "volunteer", "member", "beneficiary"};

// The domain picked in the drop-down, or the suggested one (the default) while none is picked or the
// picked one is no longer offered.
std::string ua_domain(const AdminAddUserForm& f, const sim::World& w) {
    const std::vector<std::string> domains = sim::user_domains(w);
    if (!f.domain.empty() && std::find(domains.begin(), domains.end(), f.domain) != domains.end())
        return f.domain;
    return domains.empty() ? w.tenant.initial_domain : domains.front();
}

void field_label(const ViewContext& ctx, const char* key) {
    widgets::text(tr(ctx, key));
}

void draw_steps(const ViewContext& ctx, AddUserStep current) {
    for (int i = 0; i < 4; ++i) {
        const ImVec4 colour = i == static_cast<int>(current) ? palette().accent : palette().muted_text;
        widgets::text_colored(colour, std::to_string(i + 1));
        ImGui::SameLine();
        widgets::text_colored(colour, tr(ctx, kSteps[i]));
    }
    ImGui::Separator();
}

void draw_basics(const ViewContext& ctx, AdminAddUserForm& f, const sim::World& w) {
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float second_x = ImGui::GetCursorPosX() + half + ImGui::GetStyle().ItemSpacing.x;
    field_label(ctx, "admin.wizard.first_name");
    ImGui::SameLine(second_x);
    field_label(ctx, "admin.wizard.last_name");
    ImGui::SetNextItemWidth(half);
    const bool first = widgets::input_text("###add_first", f.first_name);
    ImGui::SameLine(second_x);
    ImGui::SetNextItemWidth(half);
    const bool last = widgets::input_text("###add_last", f.last_name);
    if ((first || last) && !f.display_name_edited) {
        f.display_name = f.first_name;
        if (!f.first_name.empty() && !f.last_name.empty()) f.display_name += " ";
        f.display_name += f.last_name;
    }
    field_label(ctx, "admin.wizard.display_name");
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_text("###add_display", f.display_name)) f.display_name_edited = true;

    field_label(ctx, "admin.wizard.username");
    // The verified domains, the default first ("Set as default" changes the suggestion). The combo is as
    // wide as the longest domain (long .onmicrosoft.com names must not be cut off).
    const std::vector<std::string> domains = sim::user_domains(w);
    const std::string domain = ua_domain(f, w);
    float widest = 0.0f;
    for (const std::string& d : domains) widest = std::max(widest, ImGui::CalcTextSize(d.c_str()).x);
    const float row = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("@").x - 8.0f;
    const float domain_w =
        std::min(row * 0.55f, widest + ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetFrameHeight());
    ImGui::SetNextItemWidth(std::max(row - domain_w, half * 0.5f));
    widgets::input_text("###add_username", f.username);
    ImGui::SameLine(0, 4);
    widgets::text("@");
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(-1);
    if (widgets::begin_combo("###add_domain", domain.c_str())) {
        for (std::size_t i = 0; i < domains.size(); ++i)
            if (widgets::selectable((domains[i] + "###domain_" + std::to_string(i)).c_str(),
                                    domains[i] == domain))
                f.domain = domains[i];
        ImGui::EndCombo();
    }

    subheading(tr(ctx, "admin.wizard.password_settings"));
    if (widgets::radio_button(label(ctx, "admin.wizard.password_auto", "add_pw_auto").c_str(),
                              !f.own_password)) {
        f.own_password = false;
        f.password.clear();
    }
    if (widgets::radio_button(label(ctx, "admin.wizard.password_own", "add_pw_own").c_str(), f.own_password))
        f.own_password = true;
    if (f.own_password) {
        field_label(ctx, "admin.wizard.password");
        ImGui::SetNextItemWidth(-1);
        widgets::input_text("###add_password", f.password, ImGuiInputTextFlags_Password);
        muted(tr(ctx, "admin.wizard.password_hint"));
    }
    checkbox_wrapped(tr(ctx, "admin.wizard.require_change"), "add_require_change", f.require_change);
    checkbox_wrapped(tr(ctx, "admin.wizard.send_password"), "add_send_password", f.send_password_mail);
}

void draw_licences(const ViewContext& ctx, AdminAddUserForm& f, const sim::World& w) {
    field_label(ctx, "admin.wizard.location");
    ImGui::SetNextItemWidth(-1);
    usage_location_combo(ctx, "###add_location", f.usage_location, true);
    subheading(tr(ctx, "admin.wizard.licenses"));
    const std::vector<sim::LicenceRow> rows = sim::licences_page(w);
    for (const sim::LicenceRow& r : rows) {
        bool ticked = f.licences.count(r.sku) != 0;
        const std::string text = product_name(ctx, r.sku) + "  " +
                                 ctx.text.format("admin.licenses.available_of",
                                                 {{"available", r.available()}, {"total", r.total}});
        if (checkbox_wrapped(text, "add_lic_" + r.sku, ticked)) {
            if (ticked)
                f.licences.insert(r.sku);
            else
                f.licences.erase(r.sku);
        }
    }
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.wizard.no_licenses_hint"));
    ImGui::PopTextWrapPos();
}

void draw_optional(const ViewContext& ctx, AdminAddUserForm& f) {
    subheading(tr(ctx, "admin.wizard.roles"));
    if (widgets::radio_button(label(ctx, "admin.wizard.role_user", "add_role_user").c_str(),
                              !f.admin_access)) {
        f.admin_access = false;
        f.roles.clear();
    }
    if (widgets::radio_button(label(ctx, "admin.wizard.role_admin", "add_role_admin").c_str(),
                              f.admin_access))
        f.admin_access = true;
    if (f.admin_access) {
        ImGui::Indent();
        for (const char* role : kRoles) {
            bool on = f.roles.count(role) != 0;
            if (widgets::checkbox((tr(ctx, std::string("role.") + role) + "###add_" + role).c_str(), on)) {
                if (on)
                    f.roles.insert(role);
                else
                    f.roles.erase(role);
            }
        }
        ImGui::Unindent();
    }
    subheading(tr(ctx, "admin.wizard.profile"));
    field_label(ctx, "admin.wizard.kind");
    ImGui::SetNextItemWidth(-1);
    if (widgets::begin_combo("###add_kind", tr(ctx, "kind." + f.kind).c_str())) {
        for (const char* k : kKinds)
            if (widgets::selectable((tr(ctx, std::string("kind.") + k) + "###kind_" + k).c_str(),
                                    f.kind == k))
                f.kind = k;
        ImGui::EndCombo();
    }
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.wizard.kind_hint"));
    ImGui::PopTextWrapPos();
}

void review_row(const ViewContext& ctx, const char* key, const std::string& value) {
    widgets::text_disabled(tr(ctx, key));
    ImGui::Indent();
    widgets::text_wrapped(value.empty() ? "—" : value);
    ImGui::Unindent();
}

void draw_review(const ViewContext& ctx, const AdminAddUserForm& f, const sim::World& w) {
    review_row(ctx, "admin.wizard.display_name", f.display_name);
    review_row(ctx, "admin.wizard.username", f.username + "@" + ua_domain(f, w));
    review_row(ctx, "admin.wizard.password_settings",
               tr(ctx, f.own_password ? "admin.wizard.password_own" : "admin.wizard.password_auto"));
    review_row(ctx, "admin.wizard.location", country_name(ctx, f.usage_location));
    std::string lic;
    for (const std::string& sku : f.licences) lic += (lic.empty() ? "" : ", ") + product_name(ctx, sku);
    review_row(ctx, "admin.wizard.licenses", lic.empty() ? tr(ctx, "admin.users.unlicensed") : lic);
    std::string roles;
    for (const std::string& r : f.roles) roles += (roles.empty() ? "" : ", ") + tr(ctx, "role." + r);
    review_row(ctx, "admin.wizard.roles", roles.empty() ? tr(ctx, "admin.wizard.role_user") : roles);
    review_row(ctx, "admin.wizard.kind", tr(ctx, "kind." + f.kind));
}

sim::Action make_action(const AdminAddUserForm& f, const sim::Person& actor, const sim::World& w) {
    sim::ops::NewUser u;
    u.first_name = f.first_name;
    u.last_name = f.last_name;
    u.display_name = f.display_name;
    u.username = f.username;
    u.domain = ua_domain(f, w);
    u.own_password = f.own_password;
    if (f.own_password) u.password = f.password;
    u.require_password_change = f.require_change;
    u.usage_location = f.usage_location;
    u.kind = f.kind;
    u.licences.assign(f.licences.begin(), f.licences.end());
    u.roles.assign(f.roles.begin(), f.roles.end());
    return sim::ops::add_user(actor.upn, u);
}

}  // namespace

void reset_add_user(AdminViewState& s) {
    s.add = AdminAddUserForm{};
    s.actions_reset_pending = true;
}

bool draw_add_user_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width) {
    AdminViewState& s = ctx.state.admin;
    AdminAddUserForm& f = s.add;
    if (s.actions_reset_pending) {
        forget_action(ctx, kTag);
        s.actions_reset_pending = false;
    }
    const sim::World& w = ctx.sim->world();
    const bool close = begin_flyout(ctx, tr(ctx, "admin.wizard.title"), width);
    draw_steps(ctx, f.step);
    sim::ActionResult result;
    const ActionStatus status = f.submitted ? action_status(ctx, kTag, &result) : ActionStatus::None;

    if (status == ActionStatus::Ok) {
        heading(tr(ctx, "admin.wizard.done_title"));
        const std::string upn = result.data.value("upn", std::string());
        widgets::text_wrapped(ctx.text.format("admin.wizard.done", {{"name", f.display_name}, {"upn", upn}}));
        // "Automatically create a password": the seeded temporary password (sim/identity.hpp), shown
        // only on this page; since 30 Aug 2024 it is no longer mailed.
        if (!f.own_password && !upn.empty()) {
            widgets::text(ctx.text.format("admin.wizard.password_once",
                                          {{"password", sim::temporary_password(ctx.sim->seed(), upn, 0)}}));
            muted(tr(ctx, "admin.user.no_mail_note"));
        }
        if (!f.licences.empty()) widgets::text_wrapped(tr(ctx, "admin.wizard.licence_pending"));
        ImGui::Spacing();
        if (widgets::button(label(ctx, "admin.wizard.add_another", "add_another").c_str())) reset_add_user(s);
        ImGui::SameLine();
        const bool done = widgets::button(label(ctx, "admin.wizard.close", "add_close").c_str());
        end_flyout();
        return close || done;
    }

    // The step's fields scroll if they must; Back / Next stay in the footer along the pane's bottom.
    const float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 4.0f + 2.0f;
    ImGui::BeginChild("##wizard_body", ImVec2(0, -footer));
    if (f.step == AddUserStep::Basics)
        draw_basics(ctx, f, w);
    else if (f.step == AddUserStep::Licences)
        draw_licences(ctx, f, w);
    else if (f.step == AddUserStep::Optional)
        draw_optional(ctx, f);
    else
        draw_review(ctx, f, w);
    ImGui::Spacing();
    if (status == ActionStatus::Failed) error_banner(ctx, result);
    ImGui::EndChild();
    ImGui::Separator();
    ImGui::Spacing();
    const bool busy = status == ActionStatus::Pending;
    ImGui::BeginDisabled(f.step == AddUserStep::Basics || busy);
    if (widgets::button(label(ctx, "admin.wizard.back", "add_back").c_str())) f.step = step_after(f.step, -1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(busy);
    if (f.step != AddUserStep::Finish) {
        if (widgets::button(label(ctx, "admin.wizard.next", "add_next").c_str()))
            f.step = step_after(f.step, +1);
    } else if (widgets::button(label(ctx, "admin.wizard.finish", "add_finish").c_str())) {
        out.push(SubmitAction{make_action(f, actor, w), kTag});
        f.password.clear();  // handed to the simulation, which keeps only whether it met the policy
        f.submitted = true;
    }
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        draw_action_status(ctx, kTag);
    }
    end_flyout();
    if (close) f.password.clear();
    return close;
}

}  // namespace app::admin
