// app/views/portal/portal_register.cpp — creating the work account and the tenant during
// registration (domain.md §1.3 step 5): <name>.onmicrosoft.com, the first Global Administrator.
#include "app/views/portal/portal_pages.hpp"

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "sim/ops.hpp"

namespace app {

using namespace portal;

namespace {

// Countries the sandbox offers in its lists (ISO codes; the simulation accepts any two-letter code).
constexpr const char* kCountries[] = {"DE", "AT", "CH", "LU", "NL", "BE", "FR", "GB", "IE", "US"};

}  // namespace

namespace portal {

// A country combo box over kCountries; `id` is the stable "###…" id.
void country_combo(const ViewContext& ctx, const char* id, std::string& value) {
    const std::string preview =
        value.empty() ? ctx.text.get("portal.form.choose") : ctx.text.get("portal.country." + value);
    if (widgets::begin_combo(id, preview.c_str())) {
        for (const char* code : kCountries) {
            const std::string item =
                ctx.text.get(std::string("portal.country.") + code) + "###country_" + code;
            if (widgets::selectable(item.c_str(), value == code)) value = code;
        }
        ImGui::EndCombo();
    }
}

}  // namespace portal

void draw_portal_register(const ViewContext& ctx, CommandQueue& out) {
    draw_header(ctx, out);
    if (!ctx.sim) return;
    PortalViewState& st = ctx.state.portal;
    const float width = page_column_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    page_heading(ctx.text.get("portal.register.title"));
    widgets::text_wrapped(ctx.text.get("portal.register.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    field_label(ctx.text.get("portal.field.tenant_name"), 0.6f);
    const std::string& tenant_hint = ctx.text.get("portal.register.tenant_hint");
    widgets::input_text_hint("###reg_tenant", tenant_hint.c_str(), st.reg_tenant,
                             ImGuiInputTextFlags_CharsNoBlank);
    ImGui::SameLine();
    widgets::text_disabled(".onmicrosoft.com");
    const std::string domain = (st.reg_tenant.empty() ? tenant_hint : st.reg_tenant) + ".onmicrosoft.com";
    widgets::text_disabled(ctx.text.format("portal.register.domain_preview", {{"domain", domain}}));
    draw_field_errors(ctx, kTagRegister, "tenant_name");

    field_label(ctx.text.get("portal.field.first_name"), 0.48f);
    widgets::input_text("###reg_first_name", st.reg_first_name);
    draw_field_errors(ctx, kTagRegister, "first_name");
    field_label(ctx.text.get("portal.field.last_name"), 0.48f);
    widgets::input_text("###reg_last_name", st.reg_last_name);
    draw_field_errors(ctx, kTagRegister, "last_name");

    field_label(ctx.text.get("portal.field.username"), 0.48f);
    widgets::input_text_hint("###reg_username", "anna", st.reg_username, ImGuiInputTextFlags_CharsNoBlank);
    ImGui::SameLine();
    widgets::text_disabled("@" + domain);
    draw_field_errors(ctx, kTagRegister, "username");

    field_label(ctx.text.get("portal.field.country"), 0.48f);
    country_combo(ctx, "###reg_country", st.reg_country);
    draw_field_errors(ctx, kTagRegister, "country");

    field_label(ctx.text.get("portal.field.password"), 0.48f);
    widgets::input_text("###reg_password", st.reg_password, ImGuiInputTextFlags_Password);
    draw_field_errors(ctx, kTagRegister, "password");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_disabled(ctx.text.get("portal.register.password_note"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_wrapped(ctx.text.get("portal.register.admin_note"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    const ActionStatus before = action_status(ctx, kTagRegister);
    ImGui::BeginDisabled(before == ActionStatus::Pending);
    if (widgets::button((ctx.text.get("portal.register.submit") + "###reg_submit").c_str())) {
        const sim::ops::NewTenant tenant{st.reg_tenant,   st.reg_first_name, st.reg_last_name,
                                         st.reg_username, st.reg_country,    st.reg_password};
        out.push(SubmitAction{sim::ops::register_tenant(tenant), kTagRegister});
        st.reg_password.assign(st.reg_password.size(), '\0');  // the sandbox never keeps it
        st.reg_password.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button((ctx.text.get("portal.form.cancel") + "###reg_cancel").c_str())) out.push(Back{});
    const ActionStatus status = draw_submit_status(ctx, kTagRegister, "portal.form.fix_errors");

    // Created: sign the new Global Administrator in (once per result), then on to the registration form.
    const auto it = ctx.state.actions.find(kTagRegister);
    if (status == ActionStatus::Ok && it != ctx.state.actions.end() && st.register_consumed != it->second) {
        st.register_consumed = it->second;
        const auto result = ctx.sim->result(it->second);
        const std::string upn = result ? result->data.value("upn", std::string()) : std::string();
        if (!upn.empty()) {
            out.push(SetWorkAccount{upn});
            if (ctx.ui.account_user.empty()) out.push(SetAccountUser{upn});
            if (ctx.ui.mail_user.empty()) out.push(SetMailUser{upn});
            st.form_prefilled = false;
            out.push(Navigate{"portal.registration"});
        }
    }
}

}  // namespace app
