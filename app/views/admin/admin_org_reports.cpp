// app/views/admin/admin_org_reports.cpp — Settings > Org settings / Einstellungen >
// Organisationseinstellungen, the Services tab (Dienste): the services with organisation-wide settings, each
// opening its page or pane — Microsoft Teams (admin_org_teams.cpp) and Reports / Berichte (domain-admin.md
// §2.3): the pane with "Display concealed user, group, and site names in all reports" (Verborgene Benutzer-,
// Gruppen- und Websitenamen in allen Berichten anzeigen) → Save → reports.set_concealed_names. Names are
// concealed by default; unticking shows the real names in Reports > Usage.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/ops.hpp"
#include "sim/usage.hpp"

namespace app::admin {

namespace {

constexpr const char* kOrgReportsTag = "admin.org.concealed_names";

struct OrgService {
    const char* name_key;
    const char* description_key;
    const char* id;
    const char* screen;  // what a click opens
};

constexpr OrgService kOrgServices[] = {
    {"admin.org.teams", "admin.org.teams_desc", "org_service_teams", "admin.settings.org_teams"},
    {"admin.org.reports", "admin.org.reports_desc", "org_service_reports", "admin.settings.org_reports"},
};

void org_services_table(const ViewContext& ctx, CommandQueue& out, bool reports_open) {
    if (!widgets::begin_table("##org_services", 2)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.org.col.name").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(tr(ctx, "admin.org.col.description").c_str(), 0, 2.2f);
    widgets::table_headers_row();
    for (const OrgService& s : kOrgServices) {
        widgets::table_next_row();
        widgets::table_cell(0);
        const bool selected = reports_open && std::string(s.screen) == "admin.settings.org_reports";
        if (cell_selectable(tr(ctx, s.name_key), s.id, selected)) {
            ctx.state.admin.org_concealed_loaded = false;
            out.push(Navigate{s.screen});
        }
        widgets::table_cell(1);
        widgets::text_wrapped(tr(ctx, s.description_key));
    }
    widgets::end_table();
}

void org_reports_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const bool concealed = sim::reports_names_concealed(w);
    if (!s.org_concealed_loaded) {
        s.org_concealed_names = concealed;
        s.org_concealed_loaded = true;
    }
    const bool close = begin_flyout(ctx, tr(ctx, "admin.org.reports"), flyout_width());
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.org.reports_intro"));
    ImGui::Spacing();
    checkbox_wrapped(tr(ctx, "admin.org.conceal_names"), "org_concealed_names", s.org_concealed_names);
    muted(tr(ctx, "admin.org.conceal_help"));
    ImGui::Spacing();
    const bool busy = action_status(ctx, kOrgReportsTag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || s.org_concealed_names == concealed);
    if (widgets::button(label(ctx, "admin.org.save", "org_reports_save").c_str()))
        out.push(
            SubmitAction{sim::ops::set_concealed_names(actor.upn, s.org_concealed_names), kOrgReportsTag});
    ImGui::EndDisabled();
    ImGui::SameLine();
    draw_action_status(ctx, kOrgReportsTag);
    ImGui::Spacing();
    muted(tr(ctx, concealed ? "admin.org.names_now_concealed" : "admin.org.names_now_shown"));
    if (widgets::button(label(ctx, "admin.org.open_report", "org_reports_usage").c_str()))
        out.push(Navigate{"admin.reports.usage.active"});
    ImGui::PopTextWrapPos();
    end_flyout();
    if (close) {
        s.org_concealed_loaded = false;
        out.push(Navigate{"admin.settings.org_settings"});
    }
}

void org_settings_page(const ViewContext& ctx, CommandQueue& out, bool reports_open) {
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.settings"), nullptr},
                                       {tr(ctx, "admin.nav.org_settings"), nullptr}};
    const sim::Person* actor = begin_page(ctx, out, crumbs, reports_open);
    if (actor) {
        heading(tr(ctx, "admin.nav.org_settings"));
        widgets::text(tr(ctx, "admin.org.services"));
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.org.services_intro"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        org_services_table(ctx, out, reports_open);
        if (reports_open) org_reports_pane(ctx, out, *actor);
    }
    end_page();
}

}  // namespace

void draw_org_settings(const ViewContext& ctx, CommandQueue& out) {
    org_settings_page(ctx, out, false);
}

void draw_org_reports(const ViewContext& ctx, CommandQueue& out) {
    org_settings_page(ctx, out, true);
}

void prepare_org_reports(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.org_concealed_loaded = false;
}

}  // namespace app::admin
