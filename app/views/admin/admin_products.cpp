// app/views/admin/admin_products.cpp — Billing > Your products (domain.md §3.4): one row per
// subscription; its pane buys or removes licences by entering the new total.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

void draw_quantity_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                        const sim::Subscription& sub, float width) {
    AdminViewState& s = ctx.state.admin;
    const std::string tag = "admin.products.quantity." + sub.id;
    const bool close = begin_flyout(ctx, product_name(ctx, sub.sku), width);
    for (ProductPaneMode mode : {ProductPaneMode::Buy, ProductPaneMode::Remove}) {
        const bool buy = mode == ProductPaneMode::Buy;
        if (!buy) ImGui::SameLine();
        const char* key = buy ? "admin.products.buy" : "admin.products.remove";
        if (widgets::toggle_button(label(ctx, key, buy ? "mode_buy" : "mode_remove").c_str(),
                                   s.product_pane_mode == mode))
            s.product_pane_mode = mode;
    }
    ImGui::Separator();
    widgets::text(
        ctx.text.format("admin.products.current", {{"quantity", sub.quantity}, {"assigned", sub.assigned}}));
    widgets::text(tr(ctx, "admin.products.new_total"));
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 5.0f);
    widgets::input_int("###new_quantity", s.new_quantity, 0);
    const int delta = s.new_quantity - sub.quantity;
    if (delta > 0) muted(ctx.text.format("admin.products.adding", {{"count", delta}}));
    if (delta < 0) muted(ctx.text.format("admin.products.removing", {{"count", -delta}}));
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, s.product_pane_mode == ProductPaneMode::Buy ? "admin.products.buy_note"
                                                              : "admin.products.remove_note"));
    ImGui::PopTextWrapPos();
    const bool busy = action_status(ctx, tag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || delta == 0);
    if (widgets::button(label(ctx, "admin.save", "quantity_save").c_str()))
        out.push(SubmitAction{sim::ops::change_quantity(actor.upn, sub.id, s.new_quantity), tag});
    ImGui::EndDisabled();
    if (draw_action_status(ctx, tag) == ActionStatus::Ok && delta == 0) widgets::text(tr(ctx, "admin.saved"));
    end_flyout();
    if (close) s.product_pane_sub.clear();
}

}  // namespace

void draw_products(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.billing"), nullptr},
                                       {tr(ctx, "admin.nav.your_products"), nullptr}};
    const sim::Subscription* open = nullptr;
    if (ctx.sim)
        for (const sim::Subscription& sub : ctx.sim->world().subscriptions)
            if (sub.id == s.product_pane_sub) open = &sub;
    const sim::Person* actor = begin_page(ctx, out, crumbs, open != nullptr);
    if (actor) {
        const sim::World& w = ctx.sim->world();
        heading(tr(ctx, "admin.nav.your_products"));
        if (command(ctx, "admin.products.purchase_more", "products_purchase", true, true))
            out.push(Navigate{"admin.billing.purchase"});
        if (w.billing.status == sim::BillingAccountStatus::UnderReview)
            info_banner(tr(ctx, "error.billing.account_under_review"));

        ImGui::BeginChild("##products_list", ImVec2(0, 0));
        if (w.subscriptions.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            widgets::text(tr(ctx, "admin.products.none"));
            ImGui::PopTextWrapPos();
        } else if (widgets::begin_table("##subscriptions", 6)) {
            ImGui::TableSetupColumn(tr(ctx, "admin.products.col.name").c_str(), 0, 1.7f);
            ImGui::TableSetupColumn(tr(ctx, "admin.products.col.status").c_str(), 0, 0.7f);
            ImGui::TableSetupColumn(tr(ctx, "admin.products.col.licenses").c_str(), 0, 0.85f);
            ImGui::TableSetupColumn(tr(ctx, "admin.products.col.assigned").c_str(), 0, 1.0f);
            ImGui::TableSetupColumn(tr(ctx, "admin.products.col.renewal").c_str(), 0, 1.45f);
            // The price never wraps: its column is as wide as its longest text.
            ImGui::TableSetupColumn(tr(ctx, "admin.products.col.price").c_str(),
                                    ImGuiTableColumnFlags_WidthFixed);
            widgets::table_headers_row();
            for (const sim::Subscription& sub : w.subscriptions) {
                widgets::table_next_row();
                widgets::table_cell(0);
                if (cell_selectable(product_name(ctx, sub.sku), "sub_" + sub.id, open == &sub)) {
                    s.product_pane_sub = sub.id;
                    s.new_quantity = sub.quantity;
                    s.product_pane_mode = ProductPaneMode::Buy;
                }
                widgets::table_cell(1);
                widgets::text(tr(ctx, std::string("status.subscription.") + sim::to_string(sub.status)));
                widgets::table_cell(2);
                widgets::text(std::to_string(sub.quantity));
                widgets::table_cell(3);
                widgets::text(std::to_string(sub.assigned));
                widgets::table_cell(4);
                widgets::text_wrapped(format_date(ctx, sub.renewal_at));
                widgets::table_cell(5);
                const sim::Product* p = w.catalog.find(sub.sku);
                widgets::text(ctx.text.format(
                    "admin.purchase.per_user_month",
                    {{"price", format_money(ctx, sub.price_cents_each, p ? p->currency : "USD")}}));
            }
            widgets::end_table();
        }
        ImGui::EndChild();
        if (open) {
            draw_quantity_pane(ctx, out, *actor, *open, flyout_width());
        }
    }
    end_page();
}

}  // namespace app::admin
