// app/views/portal/portal_registration.cpp — the registration form (domain.md §1.2, §1.3 steps 2–4,
// §1.6): eligibility, organisation details, primary contact, proof and terms, each field with the
// error the simulation's validation returned for it.
#include "app/views/portal/portal_pages.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "sim/ops.hpp"
#include "sim/portal.hpp"

namespace app {

using namespace portal;

namespace {

// Copies what the world knows into the form once (a fresh draft, or the declined form to fix).
void prefill(const ViewContext& ctx) {
    PortalViewState& st = ctx.state.portal;
    const sim::World& w = ctx.sim->world();
    if (st.form_prefilled || !w.tenant.exists) return;
    st.form_prefilled = true;
    const sim::RegistrationForm& f = w.organisation.form;
    st.legal_name = f.legal_name;
    st.country = f.country;
    st.registration_id = f.registration_id;
    st.address = f.address;
    st.website = f.website;
    st.phone = f.phone;
    st.org_type = f.org_type;
    st.mission = f.mission;
    st.contact_first_name = f.contact_first_name;
    st.contact_last_name = f.contact_last_name;
    st.contact_email = f.contact_email;
    st.contact_phone = f.contact_phone;
    st.relationship = f.registrant_relationship.empty() ? "employee" : f.registrant_relationship;
    st.proof_document = f.proof_document;
    st.attest_eligibility = f.attest_eligibility;
    st.accept_non_discrimination = f.accept_non_discrimination;
    st.accept_terms = f.accept_terms;
    if (const sim::Person* p = w.find_person(w.organisation.registrant)) {
        if (st.contact_first_name.empty()) st.contact_first_name = p->first_name;
        if (st.contact_last_name.empty()) st.contact_last_name = p->last_name;
    }
}

void text_field(const ViewContext& ctx, const char* field, std::string& value, float fraction,
                const char* hint_key = nullptr) {
    field_label(field_name(ctx, field), fraction);
    const std::string id = std::string("###reg_") + field;
    if (hint_key != nullptr)
        widgets::input_text_hint(id.c_str(), ctx.text.get(hint_key).c_str(), value);
    else
        widgets::input_text(id.c_str(), value);
    draw_field_errors(ctx, kTagSubmit, field);
}

void checkbox_field(const ViewContext& ctx, const char* field, const char* text_key, bool& value) {
    const std::string label = ctx.text.get(text_key) + "###reg_" + field;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    widgets::checkbox(label.c_str(), value);
    ImGui::PopTextWrapPos();
    draw_field_errors(ctx, kTagSubmit, field);
}

void org_type_combo(const ViewContext& ctx, std::string& value) {
    field_label(field_name(ctx, "org_type"), 0.6f);
    const std::string preview =
        value.empty() ? ctx.text.get("portal.form.choose") : ctx.text.get("portal.org_type." + value);
    if (widgets::begin_combo("###reg_org_type", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const std::string& t : sim::known_org_types()) {
            const std::string item = ctx.text.get("portal.org_type." + t) + "###org_type_" + t;
            if (widgets::selectable(item.c_str(), value == t)) value = t;
        }
        ImGui::EndCombo();
    }
    draw_field_errors(ctx, kTagSubmit, "org_type");
}

sim::RegistrationForm form_of(const PortalViewState& st) {
    sim::RegistrationForm f;
    f.legal_name = st.legal_name;
    f.country = st.country;
    f.registration_id = st.registration_id;
    f.address = st.address;
    f.website = st.website;
    f.phone = st.phone;
    f.org_type = st.org_type;
    f.mission = st.mission;
    f.contact_first_name = st.contact_first_name;
    f.contact_last_name = st.contact_last_name;
    f.contact_email = st.contact_email;
    f.contact_phone = st.contact_phone;
    f.registrant_relationship = st.relationship;
    f.proof_document = st.proof_document;
    f.attest_eligibility = st.attest_eligibility;
    f.accept_non_discrimination = st.accept_non_discrimination;
    f.accept_terms = st.accept_terms;
    return f;
}

void draw_form(const ViewContext& ctx, CommandQueue& out) {
    PortalViewState& st = ctx.state.portal;
    const float width = page_column_width();

    page_section(ctx.text.get("portal.registration.section.eligibility"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_wrapped(ctx.text.get("portal.registration.eligibility_text"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    checkbox_field(ctx, "eligibility", "portal.registration.attest_eligibility", st.attest_eligibility);
    checkbox_field(ctx, "non_discrimination", "portal.registration.accept_non_discrimination",
                   st.accept_non_discrimination);
    ImGui::Spacing();
    widgets::text(field_name(ctx, "registrant_relationship"));
    for (const char* rel : {"employee", "volunteer", "it_provider"}) {
        const std::string label =
            ctx.text.get(std::string("portal.relationship.") + rel) + "###reg_rel_" + rel;
        if (widgets::radio_button(label.c_str(), st.relationship == rel)) st.relationship = rel;
    }
    draw_field_errors(ctx, kTagSubmit, "registrant_relationship");

    page_section(ctx.text.get("portal.registration.section.organisation"));
    text_field(ctx, "legal_name", st.legal_name, 1.0f, "portal.hint.legal_name");
    field_label(field_name(ctx, "country"), 0.6f);
    country_combo(ctx, "###reg_country", st.country);
    draw_field_errors(ctx, kTagSubmit, "country");
    text_field(ctx, "registration_id", st.registration_id, 0.6f, "portal.hint.registration_id");
    text_field(ctx, "address", st.address, 1.0f, "portal.hint.address");
    text_field(ctx, "website", st.website, 0.6f, "portal.hint.website");
    text_field(ctx, "phone", st.phone, 0.6f, "portal.hint.phone");
    org_type_combo(ctx, st.org_type);
    field_label(field_name(ctx, "mission"));
    ImGui::BeginDisabled(widgets::read_only());  // the session viewer: nothing to edit
    ImGui::InputTextMultiline("###reg_mission", &st.mission, ImVec2(width, ImGui::GetTextLineHeight() * 4.0f),
                              ImGuiInputTextFlags_None);
    widgets::report_item(widgets::ItemKind::Input, "###reg_mission");
    ImGui::EndDisabled();
    draw_field_errors(ctx, kTagSubmit, "mission");

    page_section(ctx.text.get("portal.registration.section.contact"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_disabled(ctx.text.get("portal.registration.contact_text"));
    ImGui::PopTextWrapPos();
    text_field(ctx, "contact_first_name", st.contact_first_name, 0.6f);
    text_field(ctx, "contact_last_name", st.contact_last_name, 0.6f);
    text_field(ctx, "contact_email", st.contact_email, 0.6f, "portal.hint.contact_email");
    text_field(ctx, "contact_phone", st.contact_phone, 0.6f, "portal.hint.phone");

    page_section(ctx.text.get("portal.registration.section.proof"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_wrapped(ctx.text.get("portal.registration.proof_text"));
    ImGui::PopTextWrapPos();
    text_field(ctx, "proof_document", st.proof_document, 0.6f, "portal.hint.proof_document");

    page_section(ctx.text.get("portal.registration.section.terms"));
    checkbox_field(ctx, "terms", "portal.registration.accept_terms", st.accept_terms);
    ImGui::Spacing();

    const bool pending = action_status(ctx, kTagSubmit) == ActionStatus::Pending;
    ImGui::BeginDisabled(pending);
    if (widgets::button((ctx.text.get("portal.registration.submit") + "###reg_form_submit").c_str()))
        out.push(SubmitAction{sim::ops::submit_registration(ctx.ui.work_account, form_of(st)), kTagSubmit});
    ImGui::EndDisabled();
    draw_submit_status(ctx, kTagSubmit, "portal.form.fix_errors");
    ImGui::Spacing();
}

// Submitted: on to the status page (once per result).
void follow_submit(const ViewContext& ctx, CommandQueue& out) {
    PortalViewState& st = ctx.state.portal;
    const auto it = ctx.state.actions.find(kTagSubmit);
    if (it != ctx.state.actions.end() && st.submit_consumed != it->second &&
        action_status(ctx, kTagSubmit) == ActionStatus::Ok) {
        st.submit_consumed = it->second;
        out.push(Navigate{"portal.status"});
    }
}

}  // namespace

void draw_portal_registration(const ViewContext& ctx, CommandQueue& out) {
    draw_header(ctx, out);
    if (!ctx.sim) return;
    follow_submit(ctx, out);
    const sim::World& w = ctx.sim->world();
    const float width = page_column_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    page_heading(ctx.text.get("portal.registration.title"));
    widgets::text_wrapped(ctx.text.get("portal.registration.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    const sim::PortalStatus status = w.organisation.status;
    if (ctx.ui.work_account.empty() || !w.tenant.exists) {
        draw_signed_out_body(ctx, out);
        return;
    }
    if (status != sim::PortalStatus::Draft && status != sim::PortalStatus::Declined) {
        // Already submitted: the form is closed; the status page says what happens next.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        page_note(ctx.text.format("portal.registration.closed", {{"status", status_name(ctx, status)}}),
                  info_colour());
        ImGui::PopTextWrapPos();
        if (widgets::button((ctx.text.get("portal.registration.to_status") + "###reg_to_status").c_str()))
            out.push(Navigate{"portal.status"});
        return;
    }
    prefill(ctx);
    if (status == sim::PortalStatus::Declined) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        page_note(ctx.text.get("portal.registration.reapply_note"), warning_colour());
        ImGui::PopTextWrapPos();
    }
    widgets::text_disabled(
        ctx.text.format("portal.registration.tenant", {{"domain", w.tenant.initial_domain}}));
    draw_form(ctx, out);
}

}  // namespace app
