// app/views/admin/admin_billing_accounts.cpp — Billing > Billing accounts / Abrechnung > Abrechnungskonten
// (domain-admin.md §1.6; C8's mail points here): the association's one billing account with its type,
// status (the registration-number review of C8), sold-to name and registration number, read only.
#include <imgui.h>

#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"

namespace app::admin {

void draw_billing_accounts(const ViewContext& ctx, CommandQueue& out) {
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.billing"), nullptr},
                                       {tr(ctx, "admin.nav.billing_accounts"), nullptr}};
    const sim::Person* actor = begin_page(ctx, out, crumbs);
    if (actor) {
        const sim::World& w = ctx.sim->world();
        heading(tr(ctx, "admin.nav.billing_accounts"));
        if (widgets::begin_table("##billing_accounts", 4)) {
            ImGui::TableSetupColumn(tr(ctx, "admin.billing_accounts.col.name").c_str(), 0, 1.6f);
            ImGui::TableSetupColumn(tr(ctx, "admin.billing_accounts.col.type").c_str(), 0, 1.4f);
            ImGui::TableSetupColumn(tr(ctx, "admin.billing_accounts.col.status").c_str(), 0, 0.9f);
            ImGui::TableSetupColumn(tr(ctx, "admin.billing_accounts.col.registration").c_str(), 0, 1.0f);
            widgets::table_headers_row();
            widgets::table_next_row();
            widgets::table_cell(0);
            const std::string& name = w.organisation.form.legal_name;
            widgets::text_wrapped(name.empty() ? w.tenant.name : name);
            widgets::table_cell(1);
            widgets::text_wrapped(tr(ctx, "admin.billing_accounts.mca"));
            widgets::table_cell(2);
            widgets::text(tr(ctx, std::string("status.billing.") + sim::to_string(w.billing.status)));
            widgets::table_cell(3);
            const std::string& reg = w.organisation.form.registration_id;
            widgets::text(reg.empty() ? std::string("—") : reg);
            widgets::end_table();
        }
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.billing_accounts.note"));
        ImGui::PopTextWrapPos();
    }
    end_page();
}

}  // namespace app::admin
