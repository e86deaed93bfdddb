// app/views/admin/admin_invoices.cpp — Billing > Bills & payments / Abrechnung > Rechnungen und Zahlungen
// (domain-admin.md §1.6): the Invoices tab lists the invoices of the subscription lifecycle
// (sim/subscriptions.hpp), newest first; an invoice's pane shows its date, service period and lines.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/ops.hpp"
#include "sim/subscriptions.hpp"

namespace app::admin {

namespace {

std::string inv_money(const ViewContext& ctx, std::int64_t cents) {
    return format_money(ctx, cents, "USD");
}

std::string inv_product(const ViewContext& ctx, const sim::Invoice& inv) {
    return inv.lines.empty() ? std::string("—") : product_name(ctx, inv.lines.front().sku);
}

void draw_invoice_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                       const sim::Invoice& inv, int& open_index) {
    const bool close =
        begin_flyout(ctx, ctx.text.format("admin.invoices.pane_title", {{"id", inv.id}}), flyout_width());
    ImGui::PushTextWrapPos(0.0f);
    widgets::text(ctx.text.format("admin.invoices.date", {{"date", format_date(ctx, inv.date)}}));
    widgets::text(ctx.text.format("admin.invoices.period", {{"from", format_date(ctx, inv.period_start)},
                                                            {"to", format_date(ctx, inv.period_end)}}));
    widgets::text(ctx.text.format("admin.invoices.transaction_line",
                                  {{"transaction", tr(ctx, "admin.invoices.tx." + inv.transaction)}}));
    ImGui::Separator();
    for (const sim::InvoiceLine& l : inv.lines) {
        widgets::text(product_name(ctx, l.sku));
        muted(ctx.text.format("admin.invoices.line", {{"quantity", l.quantity},
                                                      {"price", inv_money(ctx, l.unit_cents)},
                                                      {"months", l.months},
                                                      {"amount", inv_money(ctx, l.amount_cents)}}));
    }
    ImGui::Separator();
    widgets::text(ctx.text.format("admin.invoices.total", {{"amount", inv_money(ctx, inv.amount_cents)}}));
    widgets::text(tr(ctx, "admin.invoices.status." + inv.status));
    if (inv.status == "failed") {  // the renewal payment failed: pay it (subscriptions.renew)
        const std::string tag = "admin.invoices.pay." + inv.id;
        muted(tr(ctx, "admin.invoices.failed_note"));
        ImGui::BeginDisabled(action_status(ctx, tag) == ActionStatus::Pending);
        if (widgets::button(label(ctx, "admin.invoices.pay_now", "invoice_pay").c_str()))
            out.push(SubmitAction{sim::ops::renew_subscription(actor.upn, inv.subscription), tag});
        ImGui::EndDisabled();
        draw_action_status(ctx, tag);
    }
    muted(tr(ctx, "admin.invoices.pdf_note"));
    ImGui::PopTextWrapPos();
    end_flyout();
    if (close) open_index = 0;
}

void draw_invoice_table(const ViewContext& ctx, const std::vector<const sim::Invoice*>& invoices,
                        int& open_index) {
    if (!widgets::begin_table("##invoices", 5)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.invoices.col.id").c_str(), 0, 0.8f);
    ImGui::TableSetupColumn(tr(ctx, "admin.invoices.col.date").c_str(), 0, 0.9f);
    ImGui::TableSetupColumn(tr(ctx, "admin.invoices.col.product").c_str(), 0, 1.8f);
    ImGui::TableSetupColumn(tr(ctx, "admin.invoices.col.amount").c_str(), 0, 0.8f);
    ImGui::TableSetupColumn(tr(ctx, "admin.invoices.col.status").c_str(), 0, 0.7f);
    widgets::table_headers_row();
    for (std::size_t i = 0; i < invoices.size(); ++i) {
        const sim::Invoice& inv = *invoices[i];
        widgets::table_next_row();
        widgets::table_cell(0);
        if (cell_selectable(inv.id, "inv_" + inv.id, open_index == static_cast<int>(i) + 1))
            open_index = static_cast<int>(i) + 1;
        widgets::table_cell(1);
        widgets::text(format_date(ctx, inv.date));
        widgets::table_cell(2);
        widgets::text_wrapped(inv_product(ctx, inv));
        widgets::table_cell(3);
        widgets::text(inv_money(ctx, inv.amount_cents));
        widgets::table_cell(4);
        widgets::text(tr(ctx, "admin.invoices.status." + inv.status));
    }
    widgets::end_table();
}

}  // namespace

void draw_invoices(const ViewContext& ctx, CommandQueue& out) {
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.billing"), nullptr},
                                       {tr(ctx, "admin.nav.bills"), nullptr}};
    int& open_index = *ImGui::GetStateStorage()->GetIntRef(ImGui::GetID("admin_invoices_open"), 0);
    std::vector<const sim::Invoice*> invoices;
    if (ctx.sim) invoices = sim::invoices_of(ctx.sim->world());
    if (open_index > static_cast<int>(invoices.size())) open_index = 0;
    const sim::Person* actor = begin_page(ctx, out, crumbs, open_index > 0);
    if (actor) {
        heading(tr(ctx, "admin.nav.bills"));
        widgets::text(tr(ctx, "admin.invoices.tab"));
        ImGui::Separator();
        ImGui::BeginChild("##invoices_list", ImVec2(0, 0));
        if (invoices.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            widgets::text(tr(ctx, "admin.invoices.none"));
            ImGui::PopTextWrapPos();
        } else {
            draw_invoice_table(ctx, invoices, open_index);
        }
        ImGui::EndChild();
        if (open_index > 0)
            draw_invoice_pane(ctx, out, *actor, *invoices[static_cast<std::size_t>(open_index - 1)],
                              open_index);
    }
    end_page();
}

}  // namespace app::admin
