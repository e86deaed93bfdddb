// app/views/admin/admin_purchase.cpp — Billing > Purchase services (domain.md §3.2): product tiles
// → product details (plan, quantity, subscription length, billing frequency) → checkout (sold to,
// payment method select/add, total, account-under-review banner) → Place order → confirmation.
#include <algorithm>
#include <cctype>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/billing.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

constexpr const char* kOrderTag = "admin.checkout.order";
constexpr const char* kCardTag = "admin.checkout.card";

bool contains_nocase(const std::string& hay, const std::string& needle) {
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

std::string price_text(const ViewContext& ctx, const sim::Product& p) {
    if (p.price_cents == 0) return tr(ctx, p.grant ? "admin.purchase.free_grant" : "admin.purchase.free");
    return ctx.text.format("admin.purchase.per_user_month",
                           {{"price", format_money(ctx, p.price_cents, p.currency)}});
}

void features(const ViewContext& ctx, const sim::Product& p) {
    auto line = [&](bool yes, const char* key) {
        if (yes)
            widgets::text("•  " + tr(ctx, key));
        else
            widgets::text_disabled("–  " + tr(ctx, key));
    };
    line(p.desktop_apps, "admin.product.desktop_apps");
    line(p.web_apps, "admin.product.web_apps");
    line(p.teams, p.teams ? "admin.product.teams" : "admin.product.no_teams");  // the EEA "(no Teams)" suites
    if (p.max_seats > 0) muted(ctx.text.format("admin.product.max_seats", {{"max", p.max_seats}}));
}

void draw_catalog(const ViewContext& ctx, const sim::World& w) {
    AdminViewState& s = ctx.state.admin;
    heading(tr(ctx, "admin.nav.purchase_services"));
    if (!sim::shows_nonprofit_offers(w))
        info_banner(tr(ctx, "admin.purchase.no_nonprofit"));
    else
        muted(tr(ctx, "admin.purchase.nonprofit_intro"));
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 10.0f);
    widgets::input_text_hint("###purchase_search", tr(ctx, "admin.purchase.search").c_str(),
                             s.purchase_search);
    ImGui::Spacing();

    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns =
        std::max(1, static_cast<int>((avail + spacing) / (ImGui::GetFrameHeight() * 10.0f + spacing)));
    const float tile_w = (avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float tile_h = ImGui::GetTextLineHeightWithSpacing() * 9.0f + ImGui::GetFrameHeight();
    int n = 0;
    for (const sim::Product* p : sim::purchase_services(w)) {
        const std::string name = p->name.in(ctx.ui.language);
        if (!s.purchase_search.empty() && !contains_nocase(name, s.purchase_search)) continue;
        if (n % columns != 0) ImGui::SameLine();
        ++n;
        ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 1.0f);
        ImGui::BeginChild(("##tile_" + p->sku).c_str(), ImVec2(tile_w, tile_h), true);
        ImGui::PopStyleVar();
        if (p->audience == "nonprofit")
            widgets::text_colored(palette().accent, tr(ctx, "admin.purchase.nonprofit_badge"));
        else
            muted(tr(ctx, "admin.purchase.commercial_badge"));
        ImGui::PushTextWrapPos(0.0f);
        widgets::text(name);
        ImGui::PopTextWrapPos();
        widgets::text(price_text(ctx, *p));
        features(ctx, *p);
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetFrameHeight() -
                             ImGui::GetStyle().WindowPadding.y);
        if (widgets::button(label(ctx, "admin.purchase.details", "details_" + p->sku).c_str())) {
            s.purchase_sku = p->sku;
            s.purchase_stage = PurchaseStage::Details;
            s.quantity = 1;
            s.term = p->terms.empty() ? "P1M" : p->terms.front();
            s.frequency = p->billing_frequencies.empty() ? "monthly" : p->billing_frequencies.front();
            s.confirmed_subscription.clear();
            forget_action(ctx, kOrderTag);
        }
        ImGui::EndChild();
    }
    if (n == 0) muted(tr(ctx, "admin.purchase.nothing"));
}

void choice_combo(const ViewContext& ctx, const char* id, const std::vector<std::string>& options,
                  std::string& value, const char* prefix) {
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 10.0f);
    if (widgets::begin_combo(id, tr(ctx, prefix + value).c_str())) {
        for (const std::string& o : options)
            if (widgets::selectable((tr(ctx, prefix + o) + "###" + std::string(id + 3) + "_" + o).c_str(),
                                    o == value))
                value = o;
        ImGui::EndCombo();
    }
}

void draw_details(const ViewContext& ctx, const sim::Product& p) {
    AdminViewState& s = ctx.state.admin;
    heading(p.name.in(ctx.ui.language));
    widgets::text(price_text(ctx, p));
    features(ctx, p);
    ImGui::Spacing();
    widgets::text(tr(ctx, "admin.product.plan"));
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 16.0f);
    if (widgets::begin_combo("###plan", p.name.in(ctx.ui.language).c_str())) {
        widgets::selectable((p.name.in(ctx.ui.language) + "###plan_0").c_str(), true);
        ImGui::EndCombo();
    }
    widgets::text(tr(ctx, "admin.product.quantity"));
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 5.0f);
    widgets::input_int("###quantity", s.quantity, 0);
    widgets::text(tr(ctx, "admin.product.term"));
    choice_combo(ctx, "###term", p.terms, s.term, "admin.term.");
    widgets::text(tr(ctx, "admin.product.frequency"));
    choice_combo(ctx, "###frequency", p.billing_frequencies, s.frequency, "admin.frequency.");
    ImGui::Spacing();
    widgets::text(ctx.text.format(
        "admin.checkout.total",
        {{"total", format_money(ctx, sim::order_total_cents(p, s.quantity, s.frequency), p.currency)}}));
    if (widgets::button(label(ctx, "admin.product.buy", "buy").c_str()))
        s.purchase_stage = PurchaseStage::Checkout;
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.back", "purchase_back").c_str()))
        s.purchase_stage = PurchaseStage::Catalog;
}

void draw_checkout(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                   const sim::Product& p) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    heading(tr(ctx, "admin.checkout.title"));
    if (w.billing.status == sim::BillingAccountStatus::UnderReview)
        info_banner(tr(ctx, "error.billing.account_under_review"));

    subheading(tr(ctx, "admin.checkout.sold_to"));
    widgets::text(w.organisation.form.legal_name.empty() ? w.tenant.name : w.organisation.form.legal_name);
    muted(w.tenant.initial_domain + "  ·  " + tr(ctx, "admin.checkout.billing_account") + ": " +
          tr(ctx, std::string("status.billing.") + sim::to_string(w.billing.status)));

    subheading(tr(ctx, "admin.checkout.product"));
    widgets::text(p.name.in(ctx.ui.language));
    muted(ctx.text.format("admin.checkout.summary",
                          {{"quantity", s.quantity},
                           {"term", tr(ctx, "admin.term." + s.term)},
                           {"frequency", tr(ctx, "admin.frequency." + s.frequency)}}));

    subheading(tr(ctx, "admin.checkout.payment"));
    const auto method_label = [&](const sim::PaymentMethod& m) {
        return m.kind == "invoice" ? tr(ctx, "admin.checkout.invoice")
                                   : ctx.text.format("admin.checkout.card", {{"label", m.label}});
    };
    if (w.billing.payment_methods.empty()) {
        muted(tr(ctx, "admin.checkout.no_payment_method"));
    } else {
        const sim::PaymentMethod* current = &w.billing.payment_methods.front();
        for (const sim::PaymentMethod& m : w.billing.payment_methods)
            if (m.id == s.payment_method) current = &m;
        ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 12.0f);
        if (widgets::begin_combo("###payment_method", method_label(*current).c_str())) {
            for (const sim::PaymentMethod& m : w.billing.payment_methods)
                if (widgets::selectable((method_label(m) + "###pm_" + m.id).c_str(), &m == current))
                    s.payment_method = m.id;
            ImGui::EndCombo();
        }
    }
    sim::ActionResult card;
    if (action_status(ctx, kCardTag, &card) == ActionStatus::Ok) {
        s.payment_method = card.data.value("payment_method", s.payment_method);
        s.adding_card = false;
        s.card_last4.clear();
        forget_action(ctx, kCardTag);
    }
    if (!s.adding_card) {
        if (widgets::button(label(ctx, "admin.checkout.add_payment", "add_payment_method").c_str()))
            s.adding_card = true;
    } else {
        widgets::text(tr(ctx, "admin.checkout.card_last4"));
        ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 4.0f);
        widgets::input_text("###card_last4", s.card_last4, ImGuiInputTextFlags_CharsDecimal);
        ImGui::SameLine();
        if (widgets::button(label(ctx, "admin.checkout.add_card", "card_add").c_str()))
            out.push(SubmitAction{sim::ops::add_card(actor.upn, s.card_last4), kCardTag});
        ImGui::SameLine();
        if (widgets::button(label(ctx, "admin.cancel", "card_cancel").c_str())) s.adding_card = false;
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.checkout.card_note"));
        ImGui::PopTextWrapPos();
        draw_action_status(ctx, kCardTag);
    }

    ImGui::Spacing();
    const std::int64_t total = sim::order_total_cents(p, s.quantity, s.frequency);
    heading(ctx.text.format("admin.checkout.total", {{"total", format_money(ctx, total, p.currency)}}));
    if (total == 0) muted(tr(ctx, "admin.checkout.zero_note"));
    const bool busy = action_status(ctx, kOrderTag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy);
    if (widgets::button(label(ctx, "admin.checkout.place_order", "place_order").c_str())) {
        const sim::ops::Order order{p.sku, s.quantity, s.term, s.frequency, s.payment_method};
        out.push(SubmitAction{sim::ops::place_order(actor.upn, order), kOrderTag});
    }
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.back", "checkout_back").c_str()))
        s.purchase_stage = PurchaseStage::Details;
    ImGui::EndDisabled();
    sim::ActionResult r;
    const ActionStatus status = action_status(ctx, kOrderTag, &r);
    if (status == ActionStatus::Failed)
        error_banner(ctx, r);
    else
        draw_action_status(ctx, kOrderTag);
    if (status == ActionStatus::Ok) {
        s.confirmed_subscription = r.data.value("subscription", std::string());
        s.purchase_stage = PurchaseStage::Confirmation;
    }
}

void draw_confirmation(const ViewContext& ctx, CommandQueue& out, const sim::Product& p) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    heading(tr(ctx, "admin.confirmation.title"));
    const sim::Subscription* sub = nullptr;
    for (const sim::Subscription& x : w.subscriptions)
        if (x.id == s.confirmed_subscription) sub = &x;
    ImGui::PushTextWrapPos(0.0f);
    widgets::text(ctx.text.format(
        "admin.confirmation.text",
        {{"product", p.name.in(ctx.ui.language)}, {"quantity", sub ? sub->quantity : s.quantity}}));
    if (sub)
        muted(ctx.text.format("admin.confirmation.renewal", {{"date", format_date(ctx, sub->renewal_at)}}));
    widgets::text_wrapped(tr(ctx, "admin.confirmation.next"));
    ImGui::PopTextWrapPos();
    if (widgets::button(label(ctx, "admin.licenses.assign", "confirm_assign").c_str())) {
        s.licences_sku = p.sku;
        s.assign_open = true;
        s.assign_pick.clear();
        s.purchase_stage = PurchaseStage::Catalog;
        out.push(Navigate{"admin.billing.licenses"});
    }
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.nav.your_products", "confirm_products").c_str())) {
        s.purchase_stage = PurchaseStage::Catalog;
        out.push(Navigate{"admin.billing.products"});
    }
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.confirmation.home", "confirm_home").c_str())) {
        s.purchase_stage = PurchaseStage::Catalog;
        out.push(Navigate{"admin.home"});
    }
}

}  // namespace

void draw_purchase(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const sim::Product* p = ctx.sim ? ctx.sim->world().catalog.find(s.purchase_sku) : nullptr;
    if (!p) s.purchase_stage = PurchaseStage::Catalog;
    std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                 {tr(ctx, "admin.nav.billing"), nullptr},
                                 {tr(ctx, "admin.nav.purchase_services"), nullptr}};
    if (s.purchase_stage != PurchaseStage::Catalog && p)
        crumbs.push_back({p->name.in(ctx.ui.language), nullptr});
    const sim::Person* actor = begin_page(ctx, out, crumbs);
    if (actor) {
        ImGui::BeginChild("##purchase_body");
        if (s.purchase_stage == PurchaseStage::Catalog || !p)
            draw_catalog(ctx, ctx.sim->world());
        else if (s.purchase_stage == PurchaseStage::Details)
            draw_details(ctx, *p);
        else if (s.purchase_stage == PurchaseStage::Checkout)
            draw_checkout(ctx, out, *actor, *p);
        else
            draw_confirmation(ctx, out, *p);
        ImGui::EndChild();
    }
    end_page();
}

}  // namespace app::admin
