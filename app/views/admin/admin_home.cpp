// app/views/admin/admin_home.cpp — Home: dashboard cards for users, licences and subscriptions,
// and guided-setup style tips in the order of the journey.
#include <imgui.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/billing.hpp"
#include "sim/licences.hpp"

namespace app::admin {

namespace {

template <class Fn>
void card(const char* id, float width, float height, Fn&& body) {
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 1.0f);
    ImGui::BeginChild(id, ImVec2(width, height), true);
    ImGui::PopStyleVar();
    ImGui::PushTextWrapPos(0.0f);
    body();
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace

void draw_home(const ViewContext& ctx, CommandQueue& out) {
    const sim::Person* actor = begin_page(ctx, out, {{tr(ctx, "admin.nav.home"), nullptr}});
    if (actor) {
        const sim::World& w = ctx.sim->world();
        heading(tr(ctx, "admin.home.title"));
        muted(ctx.text.format(
            "admin.home.org",
            {{"org", w.organisation.form.legal_name.empty() ? w.tenant.name : w.organisation.form.legal_name},
             {"domain", w.tenant.initial_domain}}));
        if (w.billing.status == sim::BillingAccountStatus::UnderReview)
            info_banner(tr(ctx, "error.billing.account_under_review"));
        ImGui::Spacing();

        int active = 0, licensed = 0, admins = 0, pending = 0;
        for (const sim::Person& p : w.people) {
            if (p.deleted) continue;
            ++active;
            if (!p.licences.empty()) ++licensed;
            if (p.is_admin()) ++admins;
            for (const sim::LicenceAssignment& l : p.licences)
                if (l.state == sim::LicenceState::Pending) ++pending;
        }

        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float avail = ImGui::GetContentRegionAvail().x;
        const int columns = avail > ImGui::GetFrameHeight() * 30.0f ? 3 : 2;
        const float card_w =
            (avail - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        const float card_h =
            ImGui::GetTextLineHeightWithSpacing() * 4.5f + ImGui::GetFrameHeightWithSpacing() * 2.0f;

        card("##card_users", card_w, card_h, [&] {
            widgets::text_colored(palette().accent, tr(ctx, "admin.nav.users"));
            widgets::text(ctx.text.format("admin.home.users", {{"count", active}}));
            muted(ctx.text.format("admin.home.users_detail", {{"licensed", licensed}, {"admins", admins}}));
            if (widgets::button(label(ctx, "admin.users.add", "home_add_user").c_str())) {
                reset_add_user(ctx.state.admin);
                out.push(Navigate{"admin.users.add"});
            }
            if (widgets::button(label(ctx, "admin.nav.active_users", "home_users").c_str()))
                out.push(Navigate{"admin.users"});
        });
        ImGui::SameLine();
        card("##card_licences", card_w, card_h, [&] {
            widgets::text_colored(palette().accent, tr(ctx, "admin.nav.licenses"));
            const auto rows = sim::licences_page(w);
            if (rows.empty()) muted(tr(ctx, "admin.home.no_licences"));
            for (const sim::LicenceRow& r : rows)
                widgets::text_wrapped(product_name(ctx, r.sku) + ": " +
                                      ctx.text.format("admin.licenses.assigned_of",
                                                      {{"assigned", r.assigned}, {"total", r.total}}));
            if (pending > 0) muted(ctx.text.format("admin.home.pending", {{"count", pending}}));
            if (widgets::button(label(ctx, "admin.nav.licenses", "home_licenses").c_str()))
                out.push(Navigate{"admin.billing.licenses"});
        });
        if (columns == 3) ImGui::SameLine();
        card("##card_billing", card_w, card_h, [&] {
            widgets::text_colored(palette().accent, tr(ctx, "admin.nav.your_products"));
            widgets::text(ctx.text.format("admin.home.subscriptions", {{"count", w.subscriptions.size()}}));
            if (widgets::button(label(ctx, "admin.nav.purchase_services", "home_purchase").c_str()))
                out.push(Navigate{"admin.billing.purchase"});
            if (widgets::button(label(ctx, "admin.nav.your_products", "home_products").c_str()))
                out.push(Navigate{"admin.billing.products"});
        });

        ImGui::Spacing();
        subheading(tr(ctx, "admin.home.setup_title"));
        ImGui::PushTextWrapPos(0.0f);
        bool has_m365 = false;
        for (const sim::Subscription& s : w.subscriptions) {
            const sim::Product* p = w.catalog.find(s.sku);
            has_m365 = has_m365 || (p && (p->desktop_apps || p->web_apps));
        }
        const bool steps_done[] = {has_m365, active > 1, licensed > 1 || (licensed > 0 && has_m365), false};
        const char* steps[] = {"admin.home.step1", "admin.home.step2", "admin.home.step3",
                               "admin.home.step4"};
        for (int i = 0; i < 4; ++i) {
            const std::string line = std::to_string(i + 1) + ".  " + tr(ctx, steps[i]);
            if (steps_done[i])
                widgets::text_disabled(line + "  (" + tr(ctx, "admin.home.done") + ")");
            else
                widgets::text(line);
        }
        if (!sim::shows_nonprofit_offers(w)) muted(tr(ctx, "admin.purchase.no_nonprofit"));
        ImGui::PopTextWrapPos();
    }
    end_page();
}

}  // namespace app::admin
