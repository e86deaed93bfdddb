// app/views/admin/admin_domain_add.cpp — the Add domain wizard of Settings > Domains (domain.md §5.1,
// domain-admin.md §5.1–5.2) in a side pane: the domain name → how to verify (TXT recommended, MX, a
// text file) → the record to add and Verify ("Try again" after a failure, with the simulation's
// error) → how to connect (add the records myself / skip) → the DNS records, expected against found →
// Domain setup is complete. Each step's button submits the step's operation; the wizard moves on when
// the simulation answers yes.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

// The labels of DomainStep, in its order.
constexpr const char* kDwSteps[] = {"admin.domwiz.step.name",    "admin.domwiz.step.method",
                                    "admin.domwiz.step.verify",  "admin.domwiz.step.connect",
                                    "admin.domwiz.step.records", "admin.domwiz.step.done"};

// The steps as one flowing line (wrapping where the pane ends), the current one in the accent colour.
void dw_steps(const ViewContext& ctx, DomainStep current) {
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetFontSize() * 1.2f;
    for (int i = 0; i < 6; ++i) {
        const ImVec4 colour = i == static_cast<int>(current) ? palette().accent : palette().muted_text;
        const std::string text = std::to_string(i + 1) + "  " + tr(ctx, kDwSteps[i]);
        if (i > 0) {
            ImGui::SameLine(0.0f, gap);
            if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(text.c_str()).x > right) ImGui::NewLine();
        }
        widgets::text_colored(colour, text);
    }
    ImGui::Separator();
}

void dw_para(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    muted(text);
    ImGui::PopTextWrapPos();
}

void dw_name(const ViewContext& ctx, AdminDomainWizard& wz) {
    heading(tr(ctx, "admin.domwiz.name_title"));
    widgets::text(tr(ctx, "admin.domwiz.domain_name"));
    ImGui::SetNextItemWidth(-1);
    widgets::input_text_hint("###dw_name", tr(ctx, "admin.domwiz.name_hint").c_str(), wz.typed);
    dw_para(tr(ctx, "admin.domwiz.name_note"));
}

void dw_method(const ViewContext& ctx, AdminDomainWizard& wz) {
    heading(tr(ctx, "admin.domwiz.method_title"));
    widgets::text_wrapped(ctx.text.format("admin.domwiz.method_intro", {{"domain", wz.domain}}));
    ImGui::Spacing();
    for (const char* m : {"txt", "mx", "file"}) {
        const std::string key = std::string("admin.domwiz.method.") + m;
        if (widgets::radio_button(label(ctx, key, std::string("dw_method_") + m).c_str(), wz.method == m))
            wz.method = m;
        ImGui::Indent();
        dw_para(tr(ctx, key + "_note"));
        ImGui::Unindent();
    }
}

void dw_record_row(const ViewContext& ctx, const char* key, const std::string& value) {
    widgets::table_next_row();
    widgets::table_cell(0);
    widgets::text_disabled(tr(ctx, key));
    widgets::table_cell(1);
    widgets::text_wrapped(value);
}

void dw_verify(const ViewContext& ctx, CommandQueue& out, AdminDomainWizard& wz, const sim::World& w) {
    const sim::VerificationRecord v = sim::verification_record(w, wz.domain);
    heading(tr(ctx, "admin.domwiz.verify_title"));
    dw_para(
        ctx.text.format(v.method == "file" ? "admin.domwiz.verify_intro_file" : "admin.domwiz.verify_intro",
                        {{"type", v.type}, {"domain", wz.domain}}));
    if (widgets::begin_table("##dw_record", 2)) {
        ImGui::TableSetupColumn(tr(ctx, "admin.domwiz.field").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr(ctx, "admin.domwiz.value").c_str(), 0, 1.0f);
        widgets::table_headers_row();
        if (v.method == "file") {
            dw_record_row(ctx, "admin.domwiz.file_url", "http://" + wz.domain + v.host);
            dw_record_row(ctx, "admin.domwiz.file_content", v.value);
        } else {
            dw_record_row(ctx, "admin.domwiz.record_type", v.type);
            dw_record_row(ctx, "admin.domwiz.record_name", v.host);
            if (v.method == "mx") {
                dw_record_row(ctx, "admin.domwiz.points_to", v.value);
                dw_record_row(ctx, "admin.domwiz.priority", std::to_string(v.priority));
            } else {
                dw_record_row(ctx, "admin.domwiz.txt_value", v.value);
            }
            dw_record_row(ctx, "admin.domwiz.ttl",
                          ctx.text.format("admin.domwiz.ttl_value", {{"ttl", v.ttl}}));
        }
        widgets::end_table();
    }
    if (widgets::button(label(ctx, "admin.domwiz.copy", "dw_copy").c_str()))
        ImGui::SetClipboardText(v.value.c_str());
    ImGui::SameLine();
    if (widgets::button(label(ctx, "admin.domwiz.open_dns_host", "dw_dns_host").c_str()))
        out.push(Navigate{"dns.zone"});
    dw_para(tr(ctx, "admin.domwiz.verify_note"));
}

void dw_connect(const ViewContext& ctx, AdminDomainWizard& wz) {
    heading(tr(ctx, "admin.domwiz.connect_title"));
    widgets::text_wrapped(ctx.text.format("admin.domwiz.verified", {{"domain", wz.domain}}));
    ImGui::Spacing();
    if (widgets::radio_button(label(ctx, "admin.domwiz.mode.self", "dw_mode_self").c_str(),
                              wz.mode == "self"))
        wz.mode = "self";
    ImGui::Indent();
    dw_para(tr(ctx, "admin.domwiz.mode.self_note"));
    ImGui::Unindent();
    subheading(tr(ctx, "admin.domwiz.more_options"));
    if (widgets::radio_button(label(ctx, "admin.domwiz.mode.skip", "dw_mode_skip").c_str(),
                              wz.mode == "skip"))
        wz.mode = "skip";
    ImGui::Indent();
    dw_para(tr(ctx, "admin.domwiz.mode.skip_note"));
    ImGui::Unindent();
}

void dw_records(const ViewContext& ctx, const AdminDomainWizard& wz, const sim::World& w) {
    heading(tr(ctx, "admin.domwiz.records_title"));
    dw_para(ctx.text.format("admin.domwiz.records_intro", {{"domain", wz.domain}}));
    widgets::text(tr(ctx, "admin.domwiz.service_exchange"));
    ImGui::Spacing();
    domain_records_table(ctx, w, wz.domain);
}

void dw_done(const ViewContext& ctx, const AdminDomainWizard& wz, const sim::World& w) {
    heading(tr(ctx, "admin.domwiz.done_title"));
    const sim::DomainStatus st = sim::domain_status(w, wz.domain);
    widgets::text_wrapped(ctx.text.format(
        st == sim::DomainStatus::IncompleteSetup ? "admin.domwiz.done_skipped" : "admin.domwiz.done_text",
        {{"domain", wz.domain}, {"status", tr(ctx, std::string("status.domain.") + sim::to_string(st))}}));
}

// What the step's main button submits, and the step that follows when the simulation says yes.
void dw_submit(CommandQueue& out, AdminDomainWizard& wz, const sim::Person& actor) {
    sim::Action a;
    switch (wz.step) {
        case DomainStep::Name:
            a = sim::ops::add_domain(actor.upn, wz.typed);
            wz.next = DomainStep::Method;
            break;
        case DomainStep::Method:
            a = sim::ops::choose_verification_method(actor.upn, wz.domain, wz.method);
            wz.next = DomainStep::Verify;
            break;
        case DomainStep::Verify:
            a = sim::ops::verify_domain(actor.upn, wz.domain);
            wz.next = DomainStep::Connect;
            break;
        case DomainStep::Connect:
            a = sim::ops::choose_dns_setup(actor.upn, wz.domain, wz.mode);
            wz.next = wz.mode == "self" ? DomainStep::Records : DomainStep::Done;
            break;
        case DomainStep::Records:
            a = sim::ops::finish_domain_setup(actor.upn, wz.domain);
            wz.next = DomainStep::Done;
            break;
        case DomainStep::Done:
            return;
    }
    out.push(SubmitAction{a, kDomainWizardTag});
    wz.awaiting = true;
}

// Moves on when the step's action succeeded; remembers a failed Verify ("Try again").
void dw_follow(const ViewContext& ctx, AdminDomainWizard& wz, ActionStatus st, const sim::ActionResult& r) {
    if (!wz.awaiting || st == ActionStatus::Pending || st == ActionStatus::None) return;
    wz.awaiting = false;
    if (st == ActionStatus::Failed) {
        if (wz.step == DomainStep::Verify) wz.verify_failed = true;
        return;
    }
    if (wz.step == DomainStep::Name) {
        wz.domain = r.data.value("domain", wz.typed);
        if (r.data.value("verified", false)) wz.next = DomainStep::Connect;  // a subdomain of a verified root
    }
    wz.step = wz.next;
    forget_action(ctx, kDomainWizardTag);
}

const char* dw_main_key(const AdminDomainWizard& wz) {
    switch (wz.step) {
        case DomainStep::Name:
            return "admin.domwiz.use_domain";
        case DomainStep::Verify:
            return wz.verify_failed ? "admin.domwiz.try_again" : "admin.domwiz.verify";
        case DomainStep::Done:
            return "admin.domwiz.done";
        default:
            return "admin.domwiz.continue";
    }
}

}  // namespace

void open_domain_wizard(AdminViewState& s, const sim::World& w, const std::string& domain) {
    s.domain_wizard_open = true;
    s.domain_wizard = AdminDomainWizard{};
    AdminDomainWizard& wz = s.domain_wizard;
    const sim::TenantDomain* d = domain.empty() ? nullptr : sim::find_domain(w, domain);
    if (d == nullptr) return;
    wz.domain = d->name;
    wz.typed = d->name;
    wz.method = d->method;
    if (!d->verified)
        wz.step = DomainStep::Method;
    else if (d->dns_setup == "self")
        wz.step = DomainStep::Records;
    else
        wz.step = DomainStep::Connect;
}

bool draw_domain_wizard_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                             float width) {
    AdminDomainWizard& wz = ctx.state.admin.domain_wizard;
    const sim::World& w = ctx.sim->world();
    sim::ActionResult result;
    const ActionStatus st = action_status(ctx, kDomainWizardTag, &result);
    dw_follow(ctx, wz, st, result);
    const bool close = begin_flyout(ctx, tr(ctx, "admin.domwiz.title"), width);
    dw_steps(ctx, wz.step);

    const float footer = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 4.0f + 2.0f;
    ImGui::BeginChild("##dw_body", ImVec2(0, -footer));
    if (wz.step == DomainStep::Name)
        dw_name(ctx, wz);
    else if (wz.step == DomainStep::Method)
        dw_method(ctx, wz);
    else if (wz.step == DomainStep::Verify)
        dw_verify(ctx, out, wz, w);
    else if (wz.step == DomainStep::Connect)
        dw_connect(ctx, wz);
    else if (wz.step == DomainStep::Records)
        dw_records(ctx, wz, w);
    else
        dw_done(ctx, wz, w);
    ImGui::Spacing();
    const ActionStatus now = action_status(ctx, kDomainWizardTag, &result);
    if (now == ActionStatus::Failed) error_banner(ctx, result);
    ImGui::EndChild();
    ImGui::Separator();
    ImGui::Spacing();
    const bool busy = now == ActionStatus::Pending;
    const bool can_back = wz.step == DomainStep::Verify || wz.step == DomainStep::Records;
    ImGui::BeginDisabled(!can_back || busy);
    if (widgets::button(label(ctx, "admin.wizard.back", "dw_back").c_str())) {
        wz.step = wz.step == DomainStep::Verify ? DomainStep::Method : DomainStep::Connect;
        forget_action(ctx, kDomainWizardTag);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(busy);
    bool done = false;
    if (widgets::button(label(ctx, dw_main_key(wz), "dw_next").c_str())) {
        if (wz.step == DomainStep::Done)
            done = true;
        else
            dw_submit(out, wz, actor);
    }
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        draw_action_status(ctx, kDomainWizardTag);
    }
    end_flyout();
    if (close || done) forget_action(ctx, kDomainWizardTag);
    return close || done;
}

}  // namespace app::admin
