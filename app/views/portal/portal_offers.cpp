// app/views/portal/portal_offers.cpp — the offers page (domain.md §1.8): one card per offer of the
// catalog with its button in the current language ("Get started" / "Kaufen"); the button submits
// portal.open_offer and, when it succeeds, follows the offer to its target (nothing is bought yet).
#include "app/views/portal/portal_pages.hpp"

#include <algorithm>

#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "sim/ops.hpp"
#include "sim/portal.hpp"
#include "sim/programme.hpp"

namespace app {

using namespace portal;

namespace {

// The sandbox screen an offer's target names ("admin.billing.purchase_services" → Purchase services).
std::string screen_for_target(const std::string& target) {
    if (target == "admin.billing.purchase_services") return "admin.billing.purchase";
    return target;
}

void draw_card(const ViewContext& ctx, CommandQueue& out, const sim::Offer& offer, float card_width) {
    PortalViewState& st = ctx.state.portal;
    const std::string& lang = ctx.ui.language;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().work_bg);
    ImGui::PushStyleColor(ImGuiCol_Border, palette().border);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, ImGui::GetFontSize() * 0.4f);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 1.0f);  // the card's frame
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
    ImGui::BeginChild(("##offer_" + offer.id).c_str(), ImVec2(card_width, line * 12.0f), true,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0.0f);
    page_heading(offer.title.in(lang));
    const std::string desc_key = "portal.offers.desc." + offer.id;
    if (ctx.text.has(desc_key)) widgets::text_wrapped(ctx.text.get(desc_key));
    ImGui::PopTextWrapPos();
    // The button sits at the card's bottom.
    const float button_y = ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() * 1.6f;
    if (ImGui::GetCursorPosY() < button_y) ImGui::SetCursorPosY(button_y);
    const bool pending = action_status(ctx, kTagOffer) == ActionStatus::Pending;
    ImGui::BeginDisabled(pending);
    if (widgets::toggle_button((offer.button.in(lang) + "###offer_" + offer.id).c_str(), true)) {
        st.offer_clicked = offer.id;
        st.offer_not_simulated = false;
        out.push(SubmitAction{sim::ops::open_offer(ctx.ui.work_account, offer.id), kTagOffer});
    }
    ImGui::EndDisabled();
    if (st.offer_clicked == offer.id) {
        const ActionStatus status = draw_submit_status(ctx, kTagOffer);
        if (status == ActionStatus::Ok && st.offer_not_simulated) {
            ImGui::SameLine();
            widgets::text_disabled(ctx.text.get("portal.offers.not_simulated"));
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

// After a successful click: follow the offer to its target once per result.
void follow_offer(const ViewContext& ctx, CommandQueue& out) {
    PortalViewState& st = ctx.state.portal;
    const auto it = ctx.state.actions.find(kTagOffer);
    sim::ActionResult r;
    if (it == ctx.state.actions.end() || st.offer_consumed == it->second ||
        action_status(ctx, kTagOffer, &r) != ActionStatus::Ok)
        return;
    st.offer_consumed = it->second;
    const std::string screen = screen_for_target(r.data.value("target", std::string()));
    st.offer_not_simulated = find_screen(screen) == nullptr;
    if (!st.offer_not_simulated) out.push(Navigate{screen});
}

// Re-verification due (the lifecycle's grace period): the offers are at risk until the lapse date.
void of_at_risk(const ViewContext& ctx, CommandQueue& out, const sim::PortalView& view) {
    if (view.status != sim::PortalStatus::ReverifyRequired) return;
    const auto lapse = sim::reverification_lapse_at(ctx.sim->world());
    page_note(ctx.text.format("portal.offers.at_risk", {{"date", lapse ? local_date(ctx, *lapse) : ""}}),
              warning_colour());
    if (widgets::button((ctx.text.get("portal.status.reverify") + "###offers_reverify").c_str()))
        out.push(Navigate{"portal.status"});
    ImGui::Spacing();
}

}  // namespace

void draw_portal_offers(const ViewContext& ctx, CommandQueue& out) {
    const std::optional<sim::PortalView> page = begin_portal_page(ctx, out, "portal.offers.title");
    if (!page) return;
    const sim::PortalView& view = *page;
    const float width = page_column_width();
    if (view.offers.empty()) {
        // C5: not approved, re-verification due, or not a Global Administrator.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        const bool lapsed =
            view.status == sim::PortalStatus::ReverifyRequired && ctx.sim->world().programme.lapsed;
        const std::string status =
            lapsed ? ctx.text.get("portal.status.lapsed_name") : status_name(ctx, view.status);
        if (view.status_visible) widgets::text(ctx.text.format("portal.offers.status", {{"status", status}}));
        if (lapsed)
            page_note(ctx.text.get("portal.offers.lapsed"), palette().error_text);  // sim/programme.hpp
        else
            page_note(ctx.text.get(view.message_key.empty() ? "portal.view.not_approved" : view.message_key),
                      info_colour());
        widgets::text_wrapped(ctx.text.get("portal.offers.why_empty"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        const bool reverify = view.status == sim::PortalStatus::ReverifyRequired;
        const char* to = reverify ? "portal.status.reverify" : "portal.offers.to_status";
        if (widgets::button((ctx.text.get(to) + "###offers_to_status").c_str()))
            out.push(Navigate{"portal.status"});
        return;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    of_at_risk(ctx, out, view);
    widgets::text_wrapped(ctx.text.get("portal.offers.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // Cards side by side while they fit, each at least 18 text heights wide.
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float min_card = ImGui::GetFontSize() * 18.0f;
    const int per_row = std::max(1, std::min(3, static_cast<int>((avail + spacing) / (min_card + spacing))));
    const float card_width =
        (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    int column = 0;
    for (const sim::Offer* offer : view.offers) {
        if (column > 0) ImGui::SameLine(0.0f, spacing);
        draw_card(ctx, out, *offer, card_width);
        column = (column + 1) % per_row;
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_disabled(ctx.text.get("portal.offers.footer"));
    widgets::text_disabled(ctx.text.format(
        "portal.offers.edition", {{"edition", ctx.sim->world().catalog.title.in(ctx.ui.language)}}));
    ImGui::PopTextWrapPos();
    follow_offer(ctx, out);
}

}  // namespace app
