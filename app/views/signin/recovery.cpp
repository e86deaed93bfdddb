// app/views/signin/recovery.cpp — "Request administrator access" / "Administratorzugriff anfordern" (C10,
// domain-admin.md §3.5), the way back when no Global Administrator can sign in: reached from the sign-in
// page's "Can't access your account?". The form asks for a contact address and the proof of ownership
// (registration documents — Vereinsregisterauszug —, the Freistellungsbescheid, a DNS TXT record on the
// association's domain) and sends tenant.request_recovery; then the page says where the request stands
// (Microsoft's Data Protection team checks it, for days), gives the real reason of a refusal (the proof
// is not enough; Microsoft for Nonprofits support can't bypass it) and, once access is back, the
// temporary password the Global Administrator signs in with.
#include "app/views/signin/recovery.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/signin/signin_common.hpp"
#include "app/views/signin/signin_views.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"
#include "sim/world.hpp"

namespace app {

namespace {

constexpr const char* kRecTag = "signin.recovery";

const std::string& rec_t(const ViewContext& ctx, const char* key) {
    return ctx.text.get(key);
}

void rec_heading(const std::string& text) {
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text_wrapped(text);
    if (font) ImGui::PopFont();
    ImGui::Spacing();
}

// The association's own verified domain ("" when it has only the onmicrosoft.com address).
std::string rec_domain(const sim::World& w) {
    for (const sim::TenantDomain& d : w.domains.domains)
        if (d.verified) return d.name;
    return {};
}

std::string rec_proof_label(const ViewContext& ctx, const std::string& code, const std::string& domain) {
    if (code == "registration_documents") return rec_t(ctx, "recovery.proof_registration");
    if (code == "tax_exemption") return rec_t(ctx, "recovery.proof_exemption");
    if (code == "dns_txt")
        return domain.empty() ? rec_t(ctx, "recovery.proof_dns_none")
                              : ctx.text.format("recovery.proof_dns", {{"domain", domain}});
    return code;
}

// The answer to the last request: the spinner, or the refusal in the Data Protection team's words with
// the proof that was missing.
void rec_status(const ViewContext& ctx, const std::string& domain) {
    sim::ActionResult r;
    const ActionStatus status = action_status(ctx, kRecTag, &r);
    if (status == ActionStatus::Pending) {
        spinner(ImGui::GetFontSize() * 0.5f);
        ImGui::SameLine();
        widgets::text_disabled(rec_t(ctx, "recovery.sending"));
    } else if (status == ActionStatus::Failed) {
        widgets::text_wrapped_colored(palette().error_text, error_text(ctx, r));
        const auto missing = r.params.find("missing");
        if (missing != r.params.end() && missing->is_array()) {
            widgets::text_wrapped(rec_t(ctx, "recovery.missing"));
            for (const auto& m : *missing)
                if (m.is_string())
                    widgets::text_wrapped("  " + std::string(icons::kClose) + " " +
                                          rec_proof_label(ctx, m.get<std::string>(), domain));
        }
    }
    ImGui::Spacing();
}

// A proof checkbox whose text wraps at the card's edge (a long domain name); the text toggles it too.
void rec_check(const std::string& text, const char* id, bool& value) {
    widgets::checkbox((std::string("###") + id).c_str(), value);
    ImGui::SameLine();
    widgets::text_wrapped(text);
    if (ImGui::IsItemClicked() && !widgets::read_only()) value = !value;
}

void rec_form(const ViewContext& ctx, CommandQueue& out) {
    RecoveryViewState& s = ctx.state.recovery;
    const std::string domain = rec_domain(ctx.sim->world());
    widgets::text_wrapped(rec_t(ctx, "recovery.intro"));
    ImGui::Spacing();
    widgets::text_wrapped_colored(palette().muted_text, rec_t(ctx, "recovery.nonprofit_note"));
    ImGui::Spacing();
    widgets::text(rec_t(ctx, "recovery.contact"));
    ImGui::SetNextItemWidth(-1.0f);
    widgets::input_text_hint("###recovery_contact", rec_t(ctx, "recovery.contact_hint").c_str(), s.contact);
    ImGui::Spacing();
    widgets::text(rec_t(ctx, "recovery.proof"));
    rec_check(rec_proof_label(ctx, "registration_documents", domain), "recovery_docs", s.registration_docs);
    rec_check(rec_proof_label(ctx, "tax_exemption", domain), "recovery_exemption", s.tax_exemption);
    ImGui::BeginDisabled(domain.empty());
    rec_check(rec_proof_label(ctx, "dns_txt", domain), "recovery_dns", s.dns_txt);
    ImGui::EndDisabled();
    ImGui::Spacing();
    rec_status(ctx, domain);
    const bool pending = action_status(ctx, kRecTag) == ActionStatus::Pending;
    if (signin::primary_button(ctx, "recovery.send", "recovery_send", !pending && !s.contact.empty())) {
        std::vector<std::string> proof;
        if (s.registration_docs) proof.emplace_back("registration_documents");
        if (s.tax_exemption) proof.emplace_back("tax_exemption");
        if (s.dns_txt && !domain.empty()) proof.emplace_back("dns_txt");
        const std::string& typed = ctx.state.signin.account;
        const std::string actor = typed.find('@') != std::string::npos ? typed : s.contact;
        out.push(SubmitAction{sim::ops::request_tenant_recovery(actor, s.contact, proof), kRecTag});
    }
}

// After the request: "being checked" (for days), or access is back with the temporary password.
void rec_answer(const ViewContext& ctx, CommandQueue& out) {
    const sim::World& w = ctx.sim->world();
    const sim::TenantRecovery& r = w.identity.recovery;
    if (r.status == "pending") {
        widgets::text_wrapped(std::string(icons::kHistory) + " " +
                              ctx.text.format("recovery.pending", {{"contact", r.contact}}));
        ImGui::Spacing();
        widgets::text_disabled(
            ctx.text.format("recovery.requested_at", {{"date", admin::format_date(ctx, r.requested_at)}}));
        return;
    }
    widgets::text_wrapped_colored(palette().success_text,
                                  ctx.text.format("recovery.done", {{"admin", r.admin}}));
    ImGui::Spacing();
    const sim::AccountIdentity* rec = sim::identity_of(w, r.admin);
    if (rec != nullptr && rec->temp_password_active) {
        widgets::text(rec_t(ctx, "recovery.temp_password"));
        widgets::text_colored(palette().accent, sim::temporary_password(ctx.sim->seed(), r.admin,
                                                                        rec->temp_password_generation));
        widgets::text_wrapped_colored(palette().muted_text, rec_t(ctx, "recovery.temp_password_note"));
        ImGui::Spacing();
    }
    if (signin::primary_button(ctx, "recovery.to_signin", "recovery_to_signin"))
        begin_signin(ctx, out, ctx.state.signin.target, r.admin, ctx.state.signin.return_to);
}

void rec_card(const ViewContext& ctx, CommandQueue& out) {
    widgets::text_colored(palette().muted_text, std::string(icons::kLock) + " " + rec_t(ctx, "signin.brand"));
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    if (signin::link_button(std::string(icons::kChevronLeft) + " " + rec_t(ctx, "recovery.back"),
                            "recovery_back"))
        out.push(ShowScreen{"signin"});
    rec_heading(rec_t(ctx, "recovery.title"));
    const std::string& status = ctx.sim->world().identity.recovery.status;
    if (status == "pending" || status == "done")
        rec_answer(ctx, out);
    else
        rec_form(ctx, out);
    ImGui::Spacing();
    ImGui::Separator();
    widgets::text_disabled(rec_t(ctx, "recovery.simulated_note"));
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_signin_recovery(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) {
        widgets::text_wrapped(rec_t(ctx, "signin.no_scenario"));
        return;
    }
    const ImVec2 wp = ImGui::GetWindowPos();
    const ImVec2 ws = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(wp, ImVec2(wp.x + ws.x, wp.y + ws.y),
                                              ImGui::GetColorU32(palette().nav_bg));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float card_w = std::min(ui_px(560.0f), avail.x);
    const float pad = ui_px(28.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail.x - card_w) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().work_bg);
    ImGui::PushStyleColor(ImGuiCol_Border, palette().border);
    ImGui::BeginChild("##recovery_card", ImVec2(card_w, avail.y), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    rec_card(ctx, out);
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
}

void prepare_signin_recovery_filled(const sim::Simulation* sim, UiState&, ViewState& state) {
    state.recovery = RecoveryViewState{};
    if (sim == nullptr) return;
    for (const sim::Person& p : sim->world().people)
        if (sim::is_usable(&p) && !p.is_admin()) {
            state.recovery.contact = p.upn;
            break;
        }
    state.recovery.registration_docs = true;
}

}  // namespace app
