// app/views/portal/portal_status.cpp — the registration status (domain.md §1.4–1.6, C3, C4, C5):
// Pending "In review" with the expected date, Information requested with the answer form,
// Approved / Genehmigt, Declined with the reason, Re-verification due, and the reduced view.
#include "app/views/portal/portal_pages.hpp"

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "sim/mail.hpp"
#include "sim/ops.hpp"
#include "sim/portal.hpp"
#include "sim/programme.hpp"

namespace app {

using namespace portal;

namespace {

// When the pending verification will finish: the earliest portal.verification_finished event.
std::optional<sim::SimTime> expected_decision(const ViewContext& ctx) {
    std::optional<sim::SimTime> best;
    for (const sim::Event& e : ctx.sim->queue().pending()) {
        if (e.kind != "portal.verification_finished") continue;
        if (!best || e.time < *best) best = e.time;
    }
    return best;
}

// Whether the eligibility lapsed (the re-verification lifecycle, sim/programme.hpp).
bool st_lapsed(const ViewContext& ctx, sim::PortalStatus status) {
    return status == sim::PortalStatus::ReverifyRequired && ctx.sim->world().programme.lapsed;
}

void status_line(const ViewContext& ctx, sim::PortalStatus status) {
    const std::string label = ctx.text.get("portal.status.label");
    widgets::text(label);
    ImGui::SameLine();
    ImVec4 colour = info_colour();
    if (status == sim::PortalStatus::Approved) colour = success_colour();
    if (status == sim::PortalStatus::Declined) colour = palette().error_text;
    if (status == sim::PortalStatus::InfoRequested || status == sim::PortalStatus::ReverifyRequired)
        colour = warning_colour();
    if (st_lapsed(ctx, status)) {
        widgets::text_colored(palette().error_text, ctx.text.get("portal.status.lapsed_name"));
    } else {
        widgets::text_colored(colour, status_name(ctx, status));
    }
    ImGui::Spacing();
}

// The answer form of an information request, and the re-verification form: registration ID + proof.
using AnswerRequest = sim::Action (*)(const std::string& actor, const std::string& registration_id,
                                      const std::string& proof_document);

void draw_answer_form(const ViewContext& ctx, CommandQueue& out, AnswerRequest request, const char* tag,
                      const char* button_key) {
    PortalViewState& st = ctx.state.portal;
    const sim::RegistrationForm& f = ctx.sim->world().organisation.form;
    if (!st.answer_prefilled) {
        st.answer_prefilled = true;
        st.answer_registration_id = f.registration_id;
        st.answer_proof_document = f.proof_document;
    }
    field_label(field_name(ctx, "registration_id"), 0.6f);
    widgets::input_text_hint("###answer_registration_id", ctx.text.get("portal.hint.registration_id").c_str(),
                             st.answer_registration_id);
    draw_field_errors(ctx, tag, "registration_id");
    field_label(field_name(ctx, "proof_document"), 0.6f);
    widgets::input_text_hint("###answer_proof_document", ctx.text.get("portal.hint.proof_document").c_str(),
                             st.answer_proof_document);
    draw_field_errors(ctx, tag, "proof_document");
    ImGui::Spacing();
    ImGui::BeginDisabled(action_status(ctx, tag) == ActionStatus::Pending);
    const std::string id = std::string("###") + tag;
    if (widgets::button((ctx.text.get(button_key) + id).c_str())) {
        out.push(SubmitAction{
            request(ctx.ui.work_account, st.answer_registration_id, st.answer_proof_document), tag});
    }
    ImGui::EndDisabled();
    draw_submit_status(ctx, tag, "portal.form.fix_errors");
}

// Approved, with the re-verification lifecycle: the reminder once its date has come.
void st_reminder(const ViewContext& ctx) {
    const sim::World& w = ctx.sim->world();
    const auto reminder = sim::reverification_reminder_at(w);
    const sim::SimTime due = w.organisation.reverification_due_at;
    if (!reminder || ctx.sim->now() < *reminder || ctx.sim->now() >= due) return;
    page_note(ctx.text.format("portal.status.reverify_soon",
                              {{"date", local_date(ctx, w.organisation.reverification_due_at)}}),
              warning_colour());
}

// Re-verification required: due (offers still there until the lapse) or lapsed (offers gone).
void st_reverify(const ViewContext& ctx, CommandQueue& out, const nlohmann::json& mail_params) {
    const sim::World& w = ctx.sim->world();
    if (w.programme.lapsed) {
        page_heading(ctx.text.get("portal.status.lapsed_title"));
        page_note(ctx.text.format("mail.reverification_expired.body", mail_params), palette().error_text);
        widgets::text_wrapped(ctx.text.get("portal.status.lapsed_text"));
    } else {
        page_heading(ctx.text.get("portal.status.reverify_title"));
        if (const auto lapse = sim::reverification_lapse_at(w)) {
            widgets::text(ctx.text.format("portal.status.due_on",
                                          {{"date", local_date(ctx, w.organisation.reverification_due_at)}}));
            widgets::text_disabled(
                ctx.text.format("portal.status.lapses_on", {{"date", local_date(ctx, *lapse)}}));
        }
        ImGui::Spacing();
        page_note(ctx.text.format("mail.reverification_due.body", mail_params), warning_colour());
        widgets::text_wrapped(ctx.text.get("portal.status.reverify_text"));
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    draw_answer_form(ctx, out, sim::ops::reverify, kTagReverify, "portal.status.reverify");
}

void draw_full_status(const ViewContext& ctx, CommandQueue& out, const sim::PortalView& view) {
    const sim::World& w = ctx.sim->world();
    const sim::Organisation& o = w.organisation;
    const float width = page_column_width();
    const std::string org = o.form.legal_name.empty() ? w.tenant.initial_domain : o.form.legal_name;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_disabled(ctx.text.format("portal.status.organisation",
                                           {{"organisation", org}, {"domain", w.tenant.initial_domain}}));
    ImGui::Spacing();
    status_line(ctx, view.status);
    const nlohmann::json mail_params = {{"organisation", org},
                                        {"username", o.registrant},
                                        {"domain", w.tenant.initial_domain},
                                        {"org_type", ctx.text.get("portal.org_type." + o.form.org_type)}};
    switch (view.status) {
        case sim::PortalStatus::None:
        case sim::PortalStatus::Draft:
            page_note(ctx.text.get("portal.status.draft_text"), info_colour());
            ImGui::PopTextWrapPos();
            if (widgets::button((ctx.text.get("portal.status.continue") + "###status_continue").c_str()))
                out.push(Navigate{"portal.registration"});
            return;
        case sim::PortalStatus::Pending: {
            page_heading(ctx.text.get("portal.status.in_review"));
            if (o.submitted_at >= 0)
                widgets::text(ctx.text.format("portal.status.submitted_on",
                                              {{"date", local_date(ctx, o.submitted_at)}}));
            if (const auto t = expected_decision(ctx))
                widgets::text(ctx.text.format("portal.status.expected_by", {{"date", local_date(ctx, *t)}}));
            ImGui::Spacing();
            page_note(ctx.text.get("portal.status.pending_text"), info_colour());
            if (w.programme.reverifying)
                widgets::text_wrapped(ctx.text.get("portal.status.reverifying_text"));
            widgets::text_disabled(ctx.text.get("portal.status.pending_stuck"));
            break;
        }
        case sim::PortalStatus::InfoRequested: {
            page_heading(ctx.text.get("portal.status.info_title"));
            const std::string reason_key = "mail.information_requested.body." + o.decision_reason;
            if (ctx.text.has(reason_key))
                page_note(ctx.text.format(reason_key, mail_params), warning_colour());
            widgets::text_wrapped(ctx.text.get("portal.status.info_text"));
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            draw_answer_form(ctx, out, sim::ops::answer_information_request, kTagAnswer,
                             "portal.status.send_answer");
            return;
        }
        case sim::PortalStatus::Approved: {
            page_heading(ctx.text.get("portal.status.approved_title"));
            if (o.approved_at >= 0)
                widgets::text(
                    ctx.text.format("portal.status.approved_on", {{"date", local_date(ctx, o.approved_at)}}));
            if (o.reverification_due_at >= 0)
                widgets::text_disabled(ctx.text.format("portal.status.reverify_on",
                                                       {{"date", local_date(ctx, o.reverification_due_at)}}));
            ImGui::Spacing();
            st_reminder(ctx);
            page_note(ctx.text.get("portal.status.approved_text"), success_colour());
            ImGui::PopTextWrapPos();
            if (widgets::button((ctx.text.get("portal.status.to_offers") + "###status_to_offers").c_str()))
                out.push(Navigate{"portal.offers"});
            return;
        }
        case sim::PortalStatus::Declined: {
            page_heading(ctx.text.get("portal.status.declined_title"));
            const std::string reason_key = "mail.declined.body." + o.decision_reason;
            if (ctx.text.has(reason_key)) {
                page_note(ctx.text.format(reason_key, mail_params), palette().error_text);
            } else if (const sim::Mail* m = sim::find_mail(w, o.registrant, "mail.declined.subject")) {
                // A scenario that starts declined: the reason is in the decline mail.
                nlohmann::json p = m->params;
                p["org_type"] = mail_params["org_type"];
                page_note(ctx.text.format(m->body_key, p), palette().error_text);
            }
            widgets::text_wrapped(ctx.text.get("portal.status.declined_text"));
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            if (widgets::button((ctx.text.get("portal.status.reapply") + "###status_reapply").c_str())) {
                ctx.state.portal.form_prefilled = false;  // start from what was submitted
                out.push(Navigate{"portal.registration"});
            }
            return;
        }
        case sim::PortalStatus::ReverifyRequired:
            st_reverify(ctx, out, mail_params);
            return;
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_portal_status(const ViewContext& ctx, CommandQueue& out) {
    const std::optional<sim::PortalView> page = begin_portal_page(ctx, out, "portal.status.title");
    if (!page) return;
    const sim::PortalView& view = *page;
    const float width = page_column_width();
    if (view.access == sim::PortalAccess::Blocked) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        page_note(ctx.text.get(view.message_key), palette().error_text);
        ImGui::PopTextWrapPos();
        return;
    }
    if (view.access == sim::PortalAccess::Reduced) {
        // Not a Global Administrator: whether the organisation is eligible, nothing more.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (view.status_visible) status_line(ctx, view.status);
        page_note(ctx.text.get(view.message_key), info_colour());
        ImGui::PopTextWrapPos();
        return;
    }
    draw_full_status(ctx, out, view);
}

}  // namespace app
