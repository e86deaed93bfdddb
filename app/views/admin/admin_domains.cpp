// app/views/admin/admin_domains.cpp — Settings > Domains (domain.md §5.1, domain-admin.md §5.3): the
// domain list with its status and the default marker, the command bar (Add domain, Refresh), and a
// domain's details pane (status, the records Microsoft expects against what it finds, the row actions
// Continue setup, Check health, Set as default, Remove domain). The Add domain wizard is in
// admin_domain_add.cpp.
#include <algorithm>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

constexpr const char* kDomTag = "admin.domains.action";
constexpr const char* kDomHealthTag = "admin.domains.health";

const sim::DomainRow* dom_row(const std::vector<sim::DomainRow>& rows, const std::string& name) {
    for (const sim::DomainRow& r : rows)
        if (r.name == name) return &r;
    return nullptr;
}

ImVec4 dom_status_colour(sim::DomainStatus s) {
    switch (s) {
        case sim::DomainStatus::Healthy:
            return palette().success_text;
        case sim::DomainStatus::PossibleServiceIssues:
            return palette().error_text;
        case sim::DomainStatus::IncompleteSetup:
            return palette().warning_text;
        default:
            return palette().muted_text;
    }
}

void dom_status_text(const ViewContext& ctx, sim::DomainStatus s) {
    const std::string icon = s == sim::DomainStatus::Healthy ? std::string(icons::kCheckCircle) + " " : "";
    widgets::text_colored(dom_status_colour(s),
                          icon + tr(ctx, std::string("status.domain.") + sim::to_string(s)));
}

}  // namespace

void domain_records_table(const ViewContext& ctx, const sim::World& w, const std::string& domain) {
    const std::vector<sim::ExpectedRecord> expected = sim::expected_records(w, domain);
    const std::vector<sim::HealthIssue> issues = sim::check_health(w, domain);
    if (!widgets::begin_table("##dom_records", 4)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.domains.col.type").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(ctx, "admin.domains.col.host").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(tr(ctx, "admin.domains.col.value").c_str(), 0, 2.0f);
    ImGui::TableSetupColumn(tr(ctx, "admin.domains.col.found").c_str(), ImGuiTableColumnFlags_WidthFixed);
    widgets::table_headers_row();
    for (const sim::ExpectedRecord& e : expected) {
        const bool ok = std::none_of(issues.begin(), issues.end(),
                                     [&](const sim::HealthIssue& i) { return i.record == e.key; });
        widgets::table_next_row();
        widgets::table_cell(0);
        widgets::text(e.type);
        widgets::table_cell(1);
        widgets::text_wrapped(e.host);
        widgets::table_cell(2);
        std::string value = e.value;
        if (e.type == "MX")
            value = ctx.text.format("admin.domains.priority_value",
                                    {{"priority", e.priority}, {"value", e.value}});
        if (e.type == "SRV")
            value = std::to_string(e.priority) + " " + std::to_string(e.weight) + " " +
                    std::to_string(e.port) + " " + e.value;
        widgets::text_wrapped(value);  // never shortened: the volunteer copies it to the DNS host
        widgets::table_cell(3);
        widgets::text_colored(ok ? palette().success_text : palette().error_text,
                              ok ? icons::kCheckCircle : icons::kError);
    }
    widgets::end_table();
    for (const sim::HealthIssue& i : issues) error_banner(health_issue_text(ctx, w, domain, i));
}

namespace {

// A button of a row that wraps to the next line where the pane ends (long German labels).
bool dom_flow_button(const std::string& text, bool& first) {
    if (!first) {
        ImGui::SameLine();
        const float w =
            ImGui::CalcTextSize(text.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
        if (w > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    }
    first = false;
    return widgets::button(text.c_str());
}

void dom_actions(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                 const sim::DomainRow& row) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const sim::TenantDomain* d = sim::find_domain(w, row.name);
    const bool busy = action_status(ctx, kDomTag) == ActionStatus::Pending ||
                      action_status(ctx, kDomHealthTag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy);
    bool first = true;
    const bool can_continue = d != nullptr && row.status != sim::DomainStatus::Healthy;
    if (can_continue && dom_flow_button(label(ctx, "admin.domains.continue_setup", "dom_continue"), first))
        open_domain_wizard(s, w, row.name);
    const bool verified = sim::is_verified_domain(w, row.name);
    if (d != nullptr && verified &&
        dom_flow_button(label(ctx, "admin.domains.check_health", "dom_health"), first))
        out.push(SubmitAction{sim::ops::check_domain_health(actor.upn, row.name), kDomHealthTag});
    ImGui::BeginDisabled(row.is_default || !verified);
    if (dom_flow_button(label(ctx, "admin.domains.set_default", "dom_default"), first))
        out.push(SubmitAction{sim::ops::set_default_domain(actor.upn, row.name), kDomTag});
    ImGui::EndDisabled();
    if (!row.initial && dom_flow_button(label(ctx, "admin.domains.remove", "dom_remove"), first))
        s.confirm_remove_domain = true;
    ImGui::EndDisabled();
    if (row.initial) {
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.domains.initial_note"));
        ImGui::PopTextWrapPos();
    }
    if (s.confirm_remove_domain && !row.initial) {
        ImGui::Spacing();
        widgets::text_wrapped(ctx.text.format("admin.domains.remove_confirm", {{"domain", row.name}}));
        ImGui::BeginDisabled(busy);
        if (widgets::button(label(ctx, "admin.domains.remove", "dom_remove_yes").c_str())) {
            out.push(SubmitAction{sim::ops::remove_domain(actor.upn, row.name), kDomTag});
            s.confirm_remove_domain = false;
        }
        ImGui::SameLine();
        if (widgets::button(label(ctx, "admin.cancel", "dom_remove_no").c_str()))
            s.confirm_remove_domain = false;
        ImGui::EndDisabled();
    }
    sim::ActionResult r;
    const ActionStatus st = action_status(ctx, kDomTag, &r);
    if (st == ActionStatus::Failed) error_banner(ctx, r);
    if (st == ActionStatus::Pending) draw_action_status(ctx, kDomTag);
}

void dom_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
              const sim::DomainRow& row) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const bool close = begin_flyout(ctx, row.name, flyout_width());
    widgets::text_disabled(tr(ctx, "admin.domains.col.status"));
    ImGui::SameLine();
    dom_status_text(ctx, row.status);
    if (row.is_default) {
        ImGui::SameLine();
        widgets::text_disabled("· " + tr(ctx, "admin.domains.default"));
    }
    ImGui::Spacing();
    dom_actions(ctx, out, actor, row);
    ImGui::Separator();
    const sim::TenantDomain* d = sim::find_domain(w, row.name);
    if (d == nullptr) {
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.domains.initial_records"));
        ImGui::PopTextWrapPos();
    } else if (!d->verified) {
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.domains.not_verified_hint"));
        ImGui::PopTextWrapPos();
    } else {
        subheading(tr(ctx, "admin.domains.dns_records"));
        const ActionStatus hs = draw_action_status(ctx, kDomHealthTag);
        if (hs == ActionStatus::Ok) {
            const bool clean = sim::check_health(w, row.name).empty();
            widgets::text_wrapped(tr(ctx, clean ? "admin.domains.health_ok" : "admin.domains.health_issues"));
        }
        domain_records_table(ctx, w, row.name);
    }
    end_flyout();
    if (close) {
        s.domain_pane.clear();
        s.confirm_remove_domain = false;
        forget_action(ctx, kDomTag);
        forget_action(ctx, kDomHealthTag);
    }
}

void dom_list(const ViewContext& ctx, const std::vector<sim::DomainRow>& rows) {
    AdminViewState& s = ctx.state.admin;
    if (!widgets::begin_table("##domains", 2)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.domains.col.name").c_str(), 0, 2.0f);
    ImGui::TableSetupColumn(tr(ctx, "admin.domains.col.status").c_str(), 0, 1.0f);
    widgets::table_headers_row();
    for (const sim::DomainRow& r : rows) {
        widgets::table_next_row();
        widgets::table_cell(0);
        std::string name = r.name;
        if (r.is_default) name += "  (" + tr(ctx, "admin.domains.default") + ")";
        if (cell_selectable(name, "dom_" + r.name, s.domain_pane == r.name)) {
            s.domain_pane = r.name;
            s.confirm_remove_domain = false;
            forget_action(ctx, kDomTag);
            forget_action(ctx, kDomHealthTag);
        }
        widgets::table_cell(1);
        dom_status_text(ctx, r.status);
    }
    widgets::end_table();
}

}  // namespace

std::string health_issue_text(const ViewContext& ctx, const sim::World& w, const std::string& domain,
                              const sim::HealthIssue& i) {
    std::string record = i.record;
    for (const sim::ExpectedRecord& e : sim::expected_records(w, domain))
        if (e.key == i.record) record = (e.key == "spf" ? "SPF-" : "") + e.type + " (" + e.host + ")";
    std::string found;
    for (const std::string& f : i.found) found += (found.empty() ? "" : ", ") + f;
    return ctx.text.format("domains.health." + i.problem,
                           {{"record", record}, {"found", found}, {"expected", i.expected}});
}

void draw_domains(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.settings"), nullptr},
                                       {tr(ctx, "admin.nav.domains"), nullptr}};
    std::vector<sim::DomainRow> rows;
    if (ctx.sim) rows = sim::domain_rows(ctx.sim->world());
    const sim::DomainRow* open = s.domain_wizard_open ? nullptr : dom_row(rows, s.domain_pane);
    const sim::Person* actor = begin_page(ctx, out, crumbs, open != nullptr || s.domain_wizard_open);
    if (actor) {
        heading(tr(ctx, "admin.nav.domains"));
        if (command(ctx, "admin.domains.add", "domains_add", true, true)) {
            open_domain_wizard(s, ctx.sim->world(), "");
            forget_action(ctx, kDomainWizardTag);
        }
        if (command(ctx, "admin.domains.refresh", "domains_refresh")) {
            // The list reads the world every frame; Refresh only forgets stale results.
            forget_action(ctx, kDomTag);
            forget_action(ctx, kDomHealthTag);
        }
        ImGui::BeginChild("##domains_list", ImVec2(0, 0));
        if (rows.empty())
            widgets::text_wrapped(tr(ctx, "admin.domains.none"));
        else
            dom_list(ctx, rows);
        ImGui::EndChild();
        if (s.domain_wizard_open) {
            if (draw_domain_wizard_pane(ctx, out, *actor, flyout_width())) s.domain_wizard_open = false;
        } else if (open) {
            dom_pane(ctx, out, *actor, *open);
        }
    }
    end_page();
}

}  // namespace app::admin
