// app/views/admin/admin_org_teams.cpp — Settings > Org settings > Microsoft Teams / Einstellungen >
// Organisationseinstellungen > Microsoft Teams (domain-admin.md §6.2, C28): "Allow guest access in Microsoft
// Teams" (Gastzugriff in Microsoft Teams zulassen) → Save → teams.set_guest_access. The change takes effect
// after 2 to 24 hours; until then the page says what is in effect and when the change is expected.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/ops.hpp"
#include "sim/teams.hpp"

namespace app::admin {

namespace {

constexpr const char* kOrgGuestTag = "admin.org.guest_access";

}  // namespace

void draw_org_teams(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.settings"), nullptr},
                                       {tr(ctx, "admin.nav.org_settings"), "admin.settings.org_settings"},
                                       {tr(ctx, "admin.org.teams"), nullptr}};
    const sim::Person* actor = begin_page(ctx, out, crumbs);
    if (actor) {
        const sim::World& w = ctx.sim->world();
        if (!s.org_guest_loaded) {
            s.org_guest_access = sim::guest_access_setting(w);
            s.org_guest_loaded = true;
        }
        heading(tr(ctx, "admin.nav.org_settings"));
        subheading(tr(ctx, "admin.org.teams"));
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.org.teams_intro"));
        ImGui::Spacing();
        subheading(tr(ctx, "admin.org.guest_access"));
        checkbox_wrapped(tr(ctx, "admin.org.allow_guest_access"), "org_guest_access", s.org_guest_access);
        ImGui::Spacing();
        const bool busy = action_status(ctx, kOrgGuestTag) == ActionStatus::Pending;
        ImGui::BeginDisabled(busy || s.org_guest_access == sim::guest_access_setting(w));
        if (widgets::button(label(ctx, "admin.org.save", "org_guest_save").c_str()))
            out.push(SubmitAction{sim::ops::set_guest_access(actor->upn, s.org_guest_access), kOrgGuestTag});
        ImGui::EndDisabled();
        ImGui::SameLine();
        draw_action_status(ctx, kOrgGuestTag);
        ImGui::Spacing();
        const bool on = sim::guest_access_effective(w);
        muted(tr(ctx, on ? "admin.org.guest_now_on" : "admin.org.guest_now_off"));
        if (w.teams.guest_access_effective_at >= 0)
            info_banner(ctx.text.format("admin.org.guest_pending",
                                        {{"time", format_when(ctx, w.teams.guest_access_effective_at)}}));
        ImGui::PopTextWrapPos();
    }
    end_page();
}

}  // namespace app::admin

namespace app::admin {

// Users > user > Licenses and apps > Apps / "Apps und Dienste" (C11, C27): per held licence, Microsoft Teams
// and the Office apps on or off for this user (licences.set_service); a licence without Teams says so.
void draw_licence_apps(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                       const sim::Person& p) {
    const sim::World& w = ctx.sim->world();
    bool any = false;
    for (const sim::LicenceAssignment& l : p.licences) {
        const sim::Product* prod = w.catalog.find(l.sku);
        if (prod == nullptr || prod->portal_access) continue;
        if (!any) {
            ImGui::Spacing();
            subheading(tr(ctx, "admin.user.apps"));
            any = true;
        }
        muted(product_name(ctx, l.sku));
        ImGui::Indent(ImGui::GetFrameHeight() * 0.5f);
        const std::string tag = "admin.user.apps." + p.upn + "." + l.sku;
        if (prod->teams) {
            bool on = sim::service_enabled(w, p.upn, l.sku, "teams");
            if (checkbox_wrapped(tr(ctx, "admin.user.app_teams"), "user_app_teams_" + l.sku, on))
                out.push(
                    SubmitAction{sim::ops::set_licence_service(actor.upn, p.upn, l.sku, "teams", on), tag});
        } else {
            muted(tr(ctx, "admin.user.app_no_teams"));
        }
        if (prod->desktop_apps || prod->web_apps) {
            bool on = sim::service_enabled(w, p.upn, l.sku, "office");
            if (checkbox_wrapped(tr(ctx, "admin.user.app_office"), "user_app_office_" + l.sku, on))
                out.push(
                    SubmitAction{sim::ops::set_licence_service(actor.upn, p.upn, l.sku, "office", on), tag});
        }
        draw_action_status(ctx, tag);
        ImGui::Unindent(ImGui::GetFrameHeight() * 0.5f);
    }
}

}  // namespace app::admin
