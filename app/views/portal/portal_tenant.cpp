// app/views/portal/portal_tenant.cpp — "Validated tenant" / "Validierter Mandant" (domain.md C9): which
// onmicrosoft.com tenant of the organisation holds the nonprofit status, every tenant with who registered
// it, and the two ways out of "two tenants" (sim/tenants.hpp): let the other tenant's status lapse and
// validate this one (newer guidance), or ask Microsoft via Contact Us to move the status (older CSP
// guidance; under the newer policy the request gets the real answer: it can't be moved).
#include "app/views/portal/portal_pages.hpp"

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "sim/ops.hpp"
#include "sim/tenants.hpp"

namespace app {

using namespace portal;

namespace {

constexpr const char* kTnTagRelease = "tenants.release_status";
constexpr const char* kTnTagMove = "tenants.request_status_move";

void tn_status_cell(const ViewContext& ctx, bool validated) {
    if (validated)
        widgets::text_colored(success_colour(), ctx.text.get("portal.tenant.validated"));
    else
        widgets::text_disabled(ctx.text.get("portal.tenant.not_validated"));
}

void tn_tenant_table(const ViewContext& ctx) {
    const sim::World& w = ctx.sim->world();
    if (!widgets::begin_table("##portal_tenants", 3)) return;
    ImGui::TableSetupColumn(ctx.text.get("portal.tenant.col.domain").c_str(), 0, 1.6f);
    ImGui::TableSetupColumn(ctx.text.get("portal.tenant.col.registered_by").c_str(), 0, 1.2f);
    ImGui::TableSetupColumn(ctx.text.get("portal.tenant.col.status").c_str(), 0, 1.0f);
    widgets::table_headers_row();
    widgets::table_next_row();
    widgets::table_cell(0);
    widgets::text(ctx.text.format("portal.tenant.this_tenant", {{"domain", w.tenant.initial_domain}}));
    widgets::table_cell(1);
    const sim::Person* registrant = w.find_person(w.organisation.registrant);
    widgets::text(registrant != nullptr ? registrant->display_name : std::string("—"));
    widgets::table_cell(2);
    tn_status_cell(ctx, w.tenant.nonprofit_tagged);
    for (const sim::OtherTenant& t : w.tenants.others) {
        widgets::table_next_row();
        widgets::table_cell(0);
        widgets::text(t.initial_domain);
        widgets::table_cell(1);
        widgets::text(t.registered_by.empty() ? std::string("—") : t.registered_by);
        widgets::table_cell(2);
        tn_status_cell(ctx, t.validated);
    }
    widgets::end_table();
}

// The ways out when another tenant holds the status.
void tn_resolution(const ViewContext& ctx, CommandQueue& out, const sim::OtherTenant& other) {
    const sim::World& w = ctx.sim->world();
    page_section(ctx.text.get("portal.tenant.options_title"));
    widgets::text_wrapped(
        ctx.text.format("portal.tenant.option_work_there", {{"domain", other.initial_domain}}));
    ImGui::Spacing();
    widgets::text_wrapped(ctx.text.format("portal.tenant.option_lapse", {{"domain", other.initial_domain}}));
    const bool busy = action_status(ctx, kTnTagRelease) == ActionStatus::Pending ||
                      action_status(ctx, kTnTagMove) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy);
    if (widgets::button((ctx.text.get("portal.tenant.release") + "###tenant_release").c_str()))
        out.push(
            SubmitAction{sim::ops::release_tenant_status(ctx.ui.work_account, other.name), kTnTagRelease});
    ImGui::EndDisabled();
    draw_submit_status(ctx, kTnTagRelease);
    ImGui::Spacing();
    widgets::text_wrapped(
        ctx.text.format("portal.tenant.option_contact",
                        {{"domain", other.initial_domain}, {"tenant", w.tenant.initial_domain}}));
    ImGui::BeginDisabled(busy || w.tenants.move.status == "pending");
    if (widgets::button((ctx.text.get("portal.tenant.request_move") + "###tenant_request_move").c_str()))
        out.push(
            SubmitAction{sim::ops::request_tenant_status_move(ctx.ui.work_account, other.name), kTnTagMove});
    ImGui::EndDisabled();
    draw_submit_status(ctx, kTnTagMove);
    if (w.tenants.move.status == "pending")
        page_note(
            ctx.text.format("portal.tenant.move_pending", {{"date", local_date(ctx, w.tenants.move.due_at)}}),
            info_colour());
}

}  // namespace

void draw_portal_tenant(const ViewContext& ctx, CommandQueue& out) {
    const std::optional<sim::PortalView> page = begin_portal_page(ctx, out, "portal.tenant.title");
    if (!page) return;
    const sim::World& w = ctx.sim->world();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    if (page->access == sim::PortalAccess::Blocked || page->access == sim::PortalAccess::Reduced) {
        page_note(ctx.text.get(page->message_key),
                  page->access == sim::PortalAccess::Blocked ? palette().error_text : info_colour());
        ImGui::PopTextWrapPos();
        return;
    }
    const std::string validated = sim::validated_tenant_domain(w);
    widgets::text(ctx.text.get("portal.tenant.validated_label"));
    ImGui::SameLine();
    if (validated.empty())
        widgets::text_colored(warning_colour(), ctx.text.get("portal.tenant.none"));
    else
        widgets::text_colored(success_colour(), validated);
    ImGui::Spacing();
    const sim::OtherTenant* other = sim::validated_other_tenant(w);
    if (other != nullptr)
        page_note(ctx.text.format("portal.tenant.elsewhere",
                                  {{"domain", other->initial_domain}, {"tenant", w.tenant.initial_domain}}),
                  warning_colour());
    else if (!validated.empty())
        page_note(ctx.text.format("portal.tenant.here", {{"domain", validated}}), success_colour());
    else
        page_note(ctx.text.get("portal.tenant.none_text"), info_colour());
    if (validated.empty() &&
        widgets::button((ctx.text.get("portal.tenant.register") + "###tenant_register").c_str()))
        out.push(Navigate{"portal.registration"});
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);  // in a cell: wrap at the column's edge, not the page column's
    tn_tenant_table(ctx);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (other != nullptr) tn_resolution(ctx, out, *other);
    ImGui::PopTextWrapPos();
}

}  // namespace app
