// app/views/portal/portal_common.cpp — the portal's header, notices, field errors and dates.
#include "app/views/portal/portal_common.hpp"

#include <algorithm>

#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"

namespace app::portal {

namespace {

struct Tab {
    const char* screen;
    const char* key;
    const char* id;
};

constexpr Tab kTabs[] = {
    {"portal.home", "portal.tab.home", "###portal_tab_home"},
    {"portal.status", "portal.tab.status", "###portal_tab_status"},
    {"portal.offers", "portal.tab.offers", "###portal_tab_offers"},
    {"portal.tenant", "portal.tab.tenant", "###portal_tab_tenant"},     // C9 (portal_tenant.cpp)
    {"portal.support", "portal.tab.support", "###portal_tab_support"},  // Contact Us (portal_support.cpp)
};

bool tab_selected(const std::string& screen, const char* tab) {
    if (screen == tab) return true;
    // The forms belong to Home; the "no access" page to Status.
    if (std::string(tab) == "portal.home")
        return screen == "portal.register" || screen == "portal.registration";
    if (std::string(tab) == "portal.status") return screen == "portal.no_access";
    return false;
}

}  // namespace

void draw_header(const ViewContext& ctx, CommandQueue& out) {
    ImGui::AlignTextToFramePadding();
    if (ImFont* f = heading_font()) ImGui::PushFont(f);
    widgets::text_colored(palette().accent, ctx.text.get("portal.header.title"));
    if (heading_font()) ImGui::PopFont();
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.0f);
    for (const Tab& tab : kTabs) {
        const std::string label = ctx.text.get(tab.key) + tab.id;
        if (widgets::toggle_button(label.c_str(), tab_selected(ctx.ui.screen, tab.screen)) &&
            ctx.ui.screen != tab.screen)
            out.push(Navigate{tab.screen});
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
}

std::optional<sim::PortalView> begin_portal_page(const ViewContext& ctx, CommandQueue& out,
                                                 const char* title_key) {
    draw_header(ctx, out);
    if (!ctx.sim) return std::nullopt;
    sim::PortalView view = sim::portal_view(ctx.sim->world(), ctx.ui.work_account);
    if (view.access == sim::PortalAccess::NoLicence) {
        draw_no_access_body(ctx, out);
        return std::nullopt;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    page_heading(ctx.text.get(title_key));
    ImGui::PopTextWrapPos();
    if (view.access == sim::PortalAccess::NoAccount) {
        draw_signed_out_body(ctx, out);
        return std::nullopt;
    }
    return view;
}

ImVec4 info_colour() {
    return palette().accent;
}
ImVec4 warning_colour() {
    return palette().warning_text;
}
ImVec4 success_colour() {
    return palette().success_text;
}

void field_label(const std::string& text, float width_fraction) {
    widgets::text(text);
    ImGui::SetNextItemWidth(page_column_width() * width_fraction);
}

std::string field_name(const ViewContext& ctx, const std::string& field) {
    const std::string key = "portal.field." + field;
    return ctx.text.has(key) ? ctx.text.get(key) : field;
}

std::string error_message(const ViewContext& ctx, const std::string& code, const nlohmann::json& params) {
    if (code == "fault.custom") {
        const std::string key = ctx.ui.language == "de" ? "message_de" : "message_en";
        return params.value(key, params.value("message_en", code));
    }
    nlohmann::json p = params.is_object() ? params : nlohmann::json::object();
    for (const char* name : {"field", "attestation"}) {
        if (p.contains(name) && p[name].is_string()) p[name] = field_name(ctx, p[name].get<std::string>());
    }
    if (p.contains("status") && p["status"].is_string()) {
        const std::string key = "status.portal." + p["status"].get<std::string>();
        if (ctx.text.has(key)) p["status"] = ctx.text.get(key);
    }
    const std::string key = "error." + code;
    return ctx.text.has(key) ? ctx.text.format(key, p) : code;
}

namespace {

// The field an error without params.field belongs to (portal.register's single errors).
std::string field_of(const std::string& code, const nlohmann::json& params) {
    if (params.contains("field") && params["field"].is_string()) return params["field"].get<std::string>();
    if (params.contains("attestation") && params["attestation"].is_string())
        return params["attestation"].get<std::string>();
    if (code == "portal.invalid_tenant_name") return "tenant_name";
    if (code == "portal.invalid_username") return "username";
    if (code.rfind("password.", 0) == 0) return "password";
    return {};
}

}  // namespace

void draw_field_errors(const ViewContext& ctx, const std::string& tag, const std::string& field) {
    sim::ActionResult r;
    if (action_status(ctx, tag, &r) != ActionStatus::Failed) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    auto show = [&](const std::string& code, const nlohmann::json& params) {
        if (field_of(code, params) == field)
            widgets::text_colored(palette().error_text, error_message(ctx, code, params));
    };
    if (r.params.contains("errors") && r.params["errors"].is_array()) {
        for (const auto& e : r.params["errors"]) show(e.value("code", std::string()), e);
    } else {
        show(r.code, r.params);
    }
    ImGui::PopTextWrapPos();
}

ActionStatus draw_submit_status(const ViewContext& ctx, const std::string& tag, const char* summary_key) {
    sim::ActionResult r;
    const ActionStatus status = action_status(ctx, tag, &r);
    if (status == ActionStatus::Pending) {
        ImGui::SameLine();
        spinner(ImGui::GetFontSize() * 0.5f);
        ImGui::SameLine();
        widgets::text_disabled(ctx.text.get("ui.action.working"));
    } else if (status == ActionStatus::Failed) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
        const bool at_fields = summary_key != nullptr && !field_of(r.code, r.params).empty();
        if (at_fields) {
            const std::size_t n = r.params.contains("errors") ? r.params["errors"].size() : 1;
            widgets::text_colored(palette().error_text, ctx.text.format(summary_key, {{"count", n}}));
        } else {
            widgets::text_colored(palette().error_text, error_message(ctx, r.code, r.params));
        }
        ImGui::PopTextWrapPos();
    }
    return status;
}

std::string status_name(const ViewContext& ctx, sim::PortalStatus status) {
    return ctx.text.get(std::string("status.portal.") + sim::to_string(status));
}

std::string local_date(const ViewContext& ctx, sim::SimTime t) {
    const sim::LocalDateTime d = ctx.sim->calendar().local(t);
    return ctx.text.format("portal.date",
                           {{"weekday", ctx.text.get("ui.clock.weekday." + std::to_string(d.weekday))},
                            {"day", d.date.day},
                            {"month", ctx.text.get("ui.clock.month." + std::to_string(d.date.month))},
                            {"year", d.date.year}});
}

void draw_no_access_body(const ViewContext& ctx, CommandQueue& out) {
    const float width = page_column_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    page_heading(ctx.text.get("portal.no_access.title"));
    const sim::Person* p = ctx.sim ? ctx.sim->world().find_person(ctx.ui.work_account) : nullptr;
    if (p != nullptr)
        widgets::text_disabled(
            ctx.text.format("portal.no_access.signed_in", {{"name", p->display_name}, {"upn", p->upn}}));
    ImGui::Spacing();
    page_note(ctx.text.get("error.portal.no_portal_licence"), warning_colour());
    page_section(ctx.text.get("portal.no_access.why"));
    widgets::text_wrapped(ctx.text.get("portal.no_access.why_text"));
    page_section(ctx.text.get("portal.no_access.fix"));
    widgets::text_wrapped(ctx.text.get("portal.no_access.fix_1"));
    widgets::text_wrapped(ctx.text.get("portal.no_access.fix_2"));
    widgets::text_wrapped(ctx.text.get("portal.no_access.fix_3"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (widgets::button((ctx.text.get("portal.no_access.other_account") + "###no_access_other").c_str()))
        out.push(Navigate{"portal.home"});
}

void draw_signed_out_body(const ViewContext& ctx, CommandQueue& out) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    page_note(ctx.text.get("portal.view.no_account"), info_colour());
    ImGui::PopTextWrapPos();
    if (widgets::button((ctx.text.get("portal.home.register") + "###signed_out_register").c_str()))
        out.push(Navigate{"portal.register"});
    ImGui::SameLine();
    if (widgets::button((ctx.text.get("portal.home.sign_in") + "###signed_out_sign_in").c_str()))
        out.push(Navigate{"portal.home"});
}

}  // namespace app::portal
