// app/views/admin/admin_products.cpp — Billing > Your products (domain.md §3.4): one row per
// subscription; its pane buys or removes licences by entering the new total.
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

// The date column and the pane: when an Active subscription renews (or, without recurring billing,
// expires), and when an Expired / Disabled one moves on (sim/subscriptions.hpp).
std::string prod_dates(const ViewContext& ctx, const sim::World& w, const sim::Subscription& sub) {
    switch (sub.status) {
        case sim::SubscriptionStatus::Active:
            return ctx.text.format(
                sub.recurring_billing ? "admin.products.renews_on" : "admin.products.expires_on",
                {{"date", format_date(ctx, sub.renewal_at)}});
        case sim::SubscriptionStatus::Expired:
            return ctx.text.format("admin.products.disabled_on",
                                   {{"date", format_date(ctx, sim::subscription_disabled_at(w, sub))}});
        case sim::SubscriptionStatus::Disabled:
            return ctx.text.format("admin.products.deleted_on",
                                   {{"date", format_date(ctx, sim::subscription_deleted_at(w, sub))}});
        case sim::SubscriptionStatus::Deleted:
            break;
    }
    return "—";
}

// Recurring billing, Cancel, Reactivate, each behind a confirm step (domain-admin.md §1.2, §1.5).
void prod_lifecycle_actions(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                            const sim::Subscription& sub) {
    const std::string tag = "admin.products.lifecycle." + sub.id;
    int& confirm = *ImGui::GetStateStorage()->GetIntRef(ImGui::GetID(("confirm_" + sub.id).c_str()), 0);
    ImGui::Separator();
    widgets::text(tr(ctx, std::string("status.subscription.") + sim::to_string(sub.status)));
    ImGui::PushTextWrapPos(0.0f);
    muted(prod_dates(ctx, ctx.sim->world(), sub));
    if (sub.status != sim::SubscriptionStatus::Active && sub.status != sim::SubscriptionStatus::Deleted)
        muted(tr(ctx, sub.status == sim::SubscriptionStatus::Expired ? "admin.products.expired_note"
                                                                     : "admin.products.disabled_note"));
    ImGui::PopTextWrapPos();
    const bool busy = action_status(ctx, tag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy);
    if (confirm == 0) {
        if (sub.status == sim::SubscriptionStatus::Active) {
            muted(tr(ctx,
                     sub.recurring_billing ? "admin.products.recurring_on" : "admin.products.recurring_off"));
            if (widgets::button(label(ctx, "admin.products.edit_recurring", "prod_recurring").c_str()))
                confirm = 1;
            ImGui::SameLine();
            if (widgets::button(label(ctx, "admin.products.cancel_sub", "prod_cancel").c_str())) confirm = 2;
        } else if (sub.status != sim::SubscriptionStatus::Deleted) {
            if (widgets::button(label(ctx, "admin.products.reactivate", "prod_reactivate").c_str()))
                confirm = 3;
        }
    } else {
        static const char* const kAsk[] = {"", "admin.products.confirm_recurring",
                                           "admin.products.confirm_cancel",
                                           "admin.products.confirm_reactivate"};
        ImGui::PushTextWrapPos(0.0f);
        widgets::text(tr(ctx, kAsk[confirm]));
        ImGui::PopTextWrapPos();
        if (widgets::button(label(ctx, "admin.save", "prod_confirm").c_str())) {
            if (confirm == 1)
                out.push(SubmitAction{
                    sim::ops::set_recurring_billing(actor.upn, sub.id, !sub.recurring_billing), tag});
            if (confirm == 2) out.push(SubmitAction{sim::ops::cancel_subscription(actor.upn, sub.id), tag});
            if (confirm == 3)
                out.push(SubmitAction{sim::ops::reactivate_subscription(actor.upn, sub.id), tag});
            confirm = 0;
        }
        ImGui::SameLine();
        if (widgets::button(label(ctx, "admin.cancel", "prod_confirm_cancel").c_str())) confirm = 0;
    }
    ImGui::EndDisabled();
    draw_action_status(ctx, tag);
}

// Remove licenses after the window (domain-admin.md §1.4, C32): when planned changes take effect, the
// total planned for the renewal, and "Change at renewal" for a lower total.
void prod_planned_change(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                         const sim::Subscription& sub, const std::string& blocked, const std::string& tag) {
    const AdminViewState& s = ctx.state.admin;
    const std::string renewal = format_date(ctx, sub.renewal_at);
    if (blocked == "billing.outside_removal_window")
        muted(ctx.text.format("admin.products.planned_changes", {{"date", renewal}}));
    if (sub.scheduled_quantity > 0) {
        widgets::text(ctx.text.format("admin.products.scheduled",
                                      {{"date", renewal}, {"quantity", sub.scheduled_quantity}}));
        if (widgets::button(label(ctx, "admin.products.cancel_scheduled", "quantity_unschedule").c_str()))
            out.push(SubmitAction{sim::ops::schedule_quantity(actor.upn, sub.id, sub.quantity), tag});
    }
    if (blocked != "billing.outside_removal_window") return;
    const bool ok = s.new_quantity < sub.quantity && s.new_quantity >= sub.assigned && s.new_quantity >= 1 &&
                    s.new_quantity != sub.scheduled_quantity;
    ImGui::BeginDisabled(!ok || action_status(ctx, tag) == ActionStatus::Pending);
    if (widgets::button(label(ctx, "admin.products.schedule", "quantity_schedule").c_str()))
        out.push(SubmitAction{sim::ops::schedule_quantity(actor.upn, sub.id, s.new_quantity), tag});
    ImGui::EndDisabled();
}

void draw_quantity_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                        const sim::Subscription& sub, float width) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const std::string tag = "admin.products.quantity." + sub.id;
    const bool close = begin_flyout(ctx, product_name(ctx, sub.sku), width);
    // Credit check, partner, prepaid: both buttons are off (§1.4); else the removal rules.
    const std::string off = sim::licence_change_blocked(w, ctx.sim->calendar(), ctx.sim->now(), sub, false);
    if (!off.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        info_banner(tr(ctx, "admin.products.buttons_off") + " " + tr(ctx, "error." + off));
        ImGui::PopTextWrapPos();
    }
    for (ProductPaneMode mode : {ProductPaneMode::Buy, ProductPaneMode::Remove}) {
        const bool buy = mode == ProductPaneMode::Buy;
        if (!buy) ImGui::SameLine();
        const char* key = buy ? "admin.products.buy" : "admin.products.remove";
        if (widgets::toggle_button(label(ctx, key, buy ? "mode_buy" : "mode_remove").c_str(),
                                   s.product_pane_mode == mode))
            s.product_pane_mode = mode;
    }
    const bool removing = s.product_pane_mode == ProductPaneMode::Remove;
    const std::string blocked =
        sim::licence_change_blocked(w, ctx.sim->calendar(), ctx.sim->now(), sub, removing);
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
    muted(tr(ctx, removing ? "admin.products.remove_note" : "admin.products.buy_note"));
    if (removing && !blocked.empty() && blocked != off) widgets::text(tr(ctx, "error." + blocked));
    if (removing && blocked.empty() && sub.price_cents_each > 0 && w.settings.subscription_lifecycle)
        muted(ctx.text.format(
            "admin.products.window_open",
            {{"date", format_date(ctx, sim::removal_window_ends(w, ctx.sim->calendar(), sub))}}));
    ImGui::PopTextWrapPos();
    const bool busy = action_status(ctx, tag) == ActionStatus::Pending;
    const bool now_blocked =
        !sim::licence_change_blocked(w, ctx.sim->calendar(), ctx.sim->now(), sub, delta < 0).empty();
    ImGui::BeginDisabled(busy || delta == 0 || now_blocked || (removing ? delta > 0 : delta < 0));
    if (widgets::button(label(ctx, "admin.save", "quantity_save").c_str()))
        out.push(SubmitAction{sim::ops::change_quantity(actor.upn, sub.id, s.new_quantity), tag});
    ImGui::EndDisabled();
    if (removing && off.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        prod_planned_change(ctx, out, actor, sub, blocked, tag);
        ImGui::PopTextWrapPos();
    }
    if (draw_action_status(ctx, tag) == ActionStatus::Ok && delta == 0) widgets::text(tr(ctx, "admin.saved"));
    prod_lifecycle_actions(ctx, out, actor, sub);
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
                widgets::text_wrapped(prod_dates(ctx, w, sub));
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
