// app/views/account/office_apps.cpp — My Account > "Office apps & devices" (domain.md §4.5, C1, C2,
// C11, C21): the Install Office button only with an effective licence that includes the desktop apps,
// otherwise the real message; a licence still propagating shows as pending. A licence whose subscription
// is Disabled or Deleted gives no install and shows as "Unlicensed Product" / "Nicht lizenziertes Produkt"
// with what reduced functionality means (domain-admin.md §1.1); an Expired one still works, with the date
// it stops.
#include <algorithm>

#include <imgui.h>

#include "app/ui/fonts.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/page.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/view_context.hpp"
#include "sim/my_account.hpp"
#include "sim/subscriptions.hpp"

namespace app {

void draw_myaccount_apps(const ViewContext& ctx, CommandQueue& out);

namespace {

const sim::Subscription* acc_subscription(const sim::World& w, const sim::LicenceAssignment& l) {
    for (const sim::Subscription& s : w.subscriptions)
        if (s.id == l.subscription) return &s;
    return nullptr;
}

// The status of a licence in the table: its propagation state, or "Unlicensed Product" when its
// subscription no longer gives it (Disabled, Deleted).
void acc_licence_status(const ViewContext& ctx, const sim::World& w, const sim::LicenceAssignment& l) {
    const Palette& pal = palette();
    if (l.state == sim::LicenceState::Active && !sim::licence_works(w, l)) {
        widgets::text_colored(pal.error_text, ctx.text.get("myaccount.apps.unlicensed_status"));
        return;
    }
    const bool active = l.state == sim::LicenceState::Active;
    widgets::text_colored(active ? pal.success_text : pal.warning_text,
                          ctx.text.get(std::string("status.licence.") + sim::to_string(l.state)));
}

// What a licence gives its holder, in one short phrase.
std::string includes(const ViewContext& ctx, const sim::Product* p) {
    if (p == nullptr) return {};
    if (p->desktop_apps) return ctx.text.get("myaccount.apps.includes_desktop");
    if (p->web_apps) return ctx.text.get("myaccount.apps.includes_web");
    if (p->portal_access) return ctx.text.get("myaccount.apps.includes_portal");
    return ctx.text.get("myaccount.apps.includes_other");
}

void draw_licences(const ViewContext& ctx, const sim::Person& person) {
    page_section(ctx.text.get("myaccount.apps.licences"));
    if (person.licences.empty()) {
        widgets::text_disabled(ctx.text.get("myaccount.apps.no_licences"));
        return;
    }
    const sim::World& w = ctx.sim->world();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##licences", 3, flags, ImVec2(page_column_width(), 0.0f))) return;
    ImGui::TableSetupColumn(ctx.text.get("myaccount.apps.col_product").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(ctx.text.get("myaccount.apps.col_status").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(ctx.text.get("myaccount.apps.col_includes").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 2.2f);
    widgets::plain_headers_row();
    for (const sim::LicenceAssignment& l : person.licences) {
        const sim::Product* p = w.catalog.find(l.sku);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        widgets::text(p != nullptr ? p->name.in(ctx.ui.language) : l.sku);
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        acc_licence_status(ctx, w, l);
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        widgets::text(includes(ctx, p));
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
}

// The earliest time a pending licence with the desktop apps becomes effective.
sim::SimTime pending_until(const sim::World& w, const sim::Person& person) {
    sim::SimTime t = -1;
    for (const sim::LicenceAssignment& l : person.licences) {
        const sim::Product* p = w.catalog.find(l.sku);
        if (l.state == sim::LicenceState::Pending && p != nullptr && p->desktop_apps &&
            (t < 0 || l.active_at < t))
            t = l.active_at;
    }
    return t;
}

// Why the apps stopped (Disabled / Deleted: reduced functionality, "Unlicensed Product"), and when they stop
// for a licence whose subscription has Expired (it still works until then).
void acc_subscription_notes(const ViewContext& ctx, const sim::World& w, const sim::Person& person) {
    for (const sim::LicenceAssignment& l : person.licences) {
        const sim::Subscription* s = acc_subscription(w, l);
        const sim::Product* p = w.catalog.find(l.sku);
        if (s == nullptr || p == nullptr || l.state != sim::LicenceState::Active) continue;
        if (!p->desktop_apps && !p->web_apps) continue;  // the portal licence: no apps to lose
        const std::string product = p->name.in(ctx.ui.language);
        if (!sim::licence_works(w, l)) {
            const bool deleted = s->status == sim::SubscriptionStatus::Deleted;
            page_note(ctx.text.get("myaccount.apps.reduced_title") + "\n" +
                          ctx.text.format(
                              deleted ? "myaccount.apps.reduced_deleted" : "myaccount.apps.reduced_disabled",
                              {{"product", product}}),
                      palette().error_text);
        } else if (s->status == sim::SubscriptionStatus::Expired) {
            const sim::SimTime until = sim::subscription_disabled_at(w, *s);
            std::string when;
            if (until >= 0) when = format_clock_short(ctx.sim->calendar().local(until), ctx.text);
            page_note(ctx.text.format("myaccount.apps.expired_note", {{"product", product}, {"time", when}}),
                      palette().warning_text);
        }
    }
}

}  // namespace

void draw_myaccount_apps(const ViewContext& ctx, CommandQueue& out) {
    (void)out;
    if (!ctx.sim) return;
    const float width = page_column_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    page_heading(ctx.text.get("myaccount.apps.title"));
    const sim::World& w = ctx.sim->world();
    const sim::Person* person = w.find_person(ctx.ui.account_user);
    if (person == nullptr) {
        page_note(ctx.text.get("myaccount.apps.nobody"), palette().accent);
        ImGui::PopTextWrapPos();
        return;
    }
    widgets::text_disabled(
        ctx.text.format("myaccount.apps.signed_in", {{"name", person->display_name}, {"upn", person->upn}}));
    const sim::OfficeAppsView v = sim::office_apps_view(w, person->upn);
    if (!v.signed_in) {
        page_note(ctx.text.get(v.message_key), palette().error_text);
        ImGui::PopTextWrapPos();
        return;
    }

    page_section(ctx.text.get("myaccount.apps.office_apps"));
    acc_subscription_notes(ctx, w, *person);
    if (v.desktop_install) {
        widgets::text_wrapped(ctx.text.get("myaccount.apps.install_text"));
        ImGui::Spacing();
        if (widgets::toggle_button((ctx.text.get("myaccount.install_office") + "###install_office").c_str(),
                                   true))
            ctx.state.account.install_clicked_by = person->upn;
        if (ctx.state.account.install_clicked_by == person->upn) {
            ImGui::SameLine();
            widgets::text_colored(palette().success_text, ctx.text.get("myaccount.apps.install_started"));
        }
    } else {
        // The subscription's own note above says why and what is left (reduced functionality).
        if (!v.subscription_disabled) page_note(ctx.text.get(v.message_key), palette().warning_text);
        if (v.licence_pending) {
            const sim::SimTime until = pending_until(w, *person);
            std::string when;
            if (until >= 0) when = format_clock_short(ctx.sim->calendar().local(until), ctx.text);
            page_note(ctx.text.format("myaccount.apps.pending", {{"time", when}}), palette().accent);
        } else if (v.web_apps) {
            widgets::text_wrapped(ctx.text.get("myaccount.apps.basic_only"));
        } else if (!v.subscription_disabled) {
            widgets::text_wrapped(ctx.text.get("myaccount.apps.no_office_help"));
        }
    }
    if (v.web_apps) {
        ImGui::Spacing();
        widgets::text_wrapped(ctx.text.get("myaccount.web_apps_only"));
    }
    ImGui::PopTextWrapPos();
    draw_licences(ctx, *person);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    page_section(ctx.text.get("myaccount.apps.devices"));
    widgets::text_disabled(ctx.text.get("myaccount.apps.no_devices"));
    ImGui::PopTextWrapPos();
}

}  // namespace app
