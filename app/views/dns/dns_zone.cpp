// app/views/dns/dns_zone.cpp — the association's DNS host (domain-admin.md §5.5): a plain registrar's
// control panel, "Domain hosting · customer area", no real registrar's name or logo. The zone of a
// domain as a table (type, host, value, TTL, priority), a form to add or edit a record (its hints say
// the panel's conventions: "@" or a blank host for the root, automatic TXT quoting or not), delete
// with a confirmation, and "Publish zone" with a visible "unpublished changes" state.
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/view_context.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"

namespace app {

void draw_dns_zone(const ViewContext& ctx, CommandQueue& out);

namespace {

using admin::tr;

constexpr const char* kDnsRecordTag = "dns.record";
constexpr const char* kDnsDeleteTag = "dns.delete";
constexpr const char* kDnsPublishTag = "dns.publish";
constexpr const char* kDnsTypes[] = {"A", "CNAME", "MX", "TXT", "SRV"};

std::string dns_label(const ViewContext& ctx, const char* key, const std::string& id) {
    return admin::label(ctx, key, id);
}

void dns_hint(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_disabled(text);
    ImGui::PopTextWrapPos();
}

const sim::DnsZone* dns_current_zone(const ViewContext& ctx) {
    const sim::World& w = ctx.sim->world();
    if (w.domains.zones.empty()) return nullptr;
    const sim::DnsZone* z = sim::find_zone(w, ctx.state.dns.zone);
    return z ? z : &w.domains.zones.front();
}

bool dns_propagating(const ViewContext& ctx, const std::string& domain) {
    for (const sim::Event& e : ctx.sim->queue().pending())
        if (e.kind == "dns.propagated" && e.data.value("domain", std::string()) == domain) return true;
    return false;
}

void dns_open_form(DnsViewState& s, const sim::DnsRecord* r) {
    s.form = DnsRecordForm{};
    s.form.open = true;
    if (r == nullptr) return;
    s.form.id = r->id;
    s.form.type = r->type;
    s.form.host = r->host;
    s.form.value = r->value;
    s.form.ttl = r->ttl;
    s.form.priority = r->priority;
    s.form.weight = r->weight;
    s.form.port = r->port;
}

void dns_number(const ViewContext& ctx, const char* key, const char* id, int& value) {
    widgets::text(tr(ctx, key));
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 6.0f);
    widgets::input_int(id, value, 0);
}

// The add / edit form, with the panel's conventions in its hints.
void dns_form(const ViewContext& ctx, CommandQueue& out, const sim::DnsZone& zone) {
    DnsRecordForm& f = ctx.state.dns.form;
    const sim::DnsConventions& c = ctx.sim->world().domains.conventions;
    sim::ActionResult result;
    const ActionStatus st = f.submitted ? action_status(ctx, kDnsRecordTag, &result) : ActionStatus::None;
    if (st == ActionStatus::Ok) {
        f = DnsRecordForm{};
        forget_action(ctx, kDnsRecordTag);
        return;
    }
    // A framed box: the form's items in a group, its frame drawn around the group afterwards.
    ImGui::Spacing();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float pad = ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::Indent(pad);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0.0f, 2.0f));
    admin::subheading(tr(ctx, f.id.empty() ? "dns.form.add_title" : "dns.form.edit_title"));
    widgets::text(tr(ctx, "dns.col.type"));
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 6.0f);
    if (widgets::begin_combo("###dns_type", f.type.c_str())) {
        for (const char* t : kDnsTypes)
            if (widgets::selectable((std::string(t) + "###dns_type_" + t).c_str(), f.type == t)) f.type = t;
        ImGui::EndCombo();
    }
    widgets::text(tr(ctx, "dns.col.host"));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - pad);
    widgets::input_text("###dns_host", f.host);
    dns_hint(ctx.text.format(c.root_host == "blank" ? "dns.hint.host_blank" : "dns.hint.host_at",
                             {{"domain", zone.domain}}));
    widgets::text(tr(ctx, f.type == "TXT" ? "dns.col.text" : "dns.col.value"));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - pad);
    widgets::input_text("###dns_value", f.value);
    if (f.type == "TXT")
        dns_hint(tr(ctx, c.txt_quoting == "none" ? "dns.hint.txt_none" : "dns.hint.txt_auto"));
    if (f.type == "MX" || f.type == "CNAME" || f.type == "SRV") dns_hint(tr(ctx, "dns.hint.target"));
    dns_number(ctx, "dns.col.ttl_seconds", "###dns_ttl", f.ttl);
    if (f.type == "MX" || f.type == "SRV") dns_number(ctx, "dns.col.priority", "###dns_priority", f.priority);
    if (f.type == "SRV") {
        dns_number(ctx, "dns.col.weight", "###dns_weight", f.weight);
        dns_number(ctx, "dns.col.port", "###dns_port", f.port);
    }
    if (st == ActionStatus::Failed) admin::error_banner(ctx, result);
    ImGui::Spacing();
    const bool busy = st == ActionStatus::Pending;
    ImGui::BeginDisabled(busy);
    if (widgets::button(dns_label(ctx, "dns.form.save", "dns_save").c_str())) {
        sim::ops::DnsRecordInput in{f.type, f.host, f.value, f.ttl, f.priority, f.weight, f.port};
        const std::string& actor = ctx.ui.work_account;
        out.push(SubmitAction{f.id.empty() ? sim::ops::add_dns_record(actor, zone.domain, in)
                                           : sim::ops::edit_dns_record(actor, zone.domain, f.id, in),
                              kDnsRecordTag});
        f.submitted = true;
    }
    ImGui::SameLine();
    if (widgets::button(dns_label(ctx, "dns.form.cancel", "dns_cancel").c_str())) {
        f = DnsRecordForm{};
        forget_action(ctx, kDnsRecordTag);
    }
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        draw_action_status(ctx, kDnsRecordTag);
    }
    ImGui::EndGroup();
    ImGui::Unindent(pad);
    const float right = top.x + ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRect(top, ImVec2(right, ImGui::GetItemRectMax().y + pad * 0.5f),
                                        ImGui::GetColorU32(palette().border), 4.0f);
    ImGui::Dummy(ImVec2(0.0f, pad * 0.5f));
}

std::string dns_shown_value(const sim::DnsRecord& r) {
    if (r.type == "SRV") return std::to_string(r.weight) + " " + std::to_string(r.port) + " " + r.value;
    return r.value;
}

void dns_table(const ViewContext& ctx, const sim::DnsZone& zone) {
    DnsViewState& s = ctx.state.dns;
    if (!widgets::begin_table("##dns_records", 6)) return;
    ImGui::TableSetupColumn(tr(ctx, "dns.col.type").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(ctx, "dns.col.host").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(tr(ctx, "dns.col.value").c_str(), 0, 2.2f);
    ImGui::TableSetupColumn(tr(ctx, "dns.col.ttl").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(ctx, "dns.col.priority").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("###dns_actions", ImGuiTableColumnFlags_WidthFixed);
    widgets::table_headers_row();
    for (const sim::DnsRecord& r : zone.records) {
        widgets::table_next_row();
        widgets::table_cell(0);
        widgets::text(r.type);
        widgets::table_cell(1);
        admin::cell_text(r.host.empty() ? tr(ctx, "dns.blank_host") : r.host, r.host.empty());
        widgets::table_cell(2);
        admin::cell_text(dns_shown_value(r));
        widgets::table_cell(3);
        widgets::text(std::to_string(r.ttl));
        widgets::table_cell(4);
        widgets::text(r.type == "MX" || r.type == "SRV" ? std::to_string(r.priority) : "");
        widgets::table_cell(5);
        if (widgets::button(dns_label(ctx, "dns.edit", "dns_edit_" + r.id).c_str())) dns_open_form(s, &r);
        ImGui::SameLine();
        if (widgets::button(dns_label(ctx, "dns.delete", "dns_del_" + r.id).c_str())) s.confirm_delete = r.id;
    }
    widgets::end_table();
}

void dns_confirm_delete(const ViewContext& ctx, CommandQueue& out, const sim::DnsZone& zone) {
    DnsViewState& s = ctx.state.dns;
    const sim::DnsRecord* r = nullptr;
    for (const sim::DnsRecord& x : zone.records)
        if (x.id == s.confirm_delete) r = &x;
    if (r == nullptr) {
        s.confirm_delete.clear();
        return;
    }
    admin::info_banner(
        ctx.text.format("dns.delete_confirm",
                        {{"type", r->type}, {"host", r->host.empty() ? "" : r->host}, {"value", r->value}}));
    if (widgets::button(dns_label(ctx, "dns.delete", "dns_del_yes").c_str())) {
        out.push(SubmitAction{sim::ops::delete_dns_record(ctx.ui.work_account, zone.domain, r->id),
                              kDnsDeleteTag});
        s.confirm_delete.clear();
    }
    ImGui::SameLine();
    if (widgets::button(dns_label(ctx, "dns.form.cancel", "dns_del_no").c_str())) s.confirm_delete.clear();
}

// The zone's state and "Publish zone".
void dns_publish_bar(const ViewContext& ctx, CommandQueue& out, const sim::DnsZone& zone) {
    if (zone.unpublished_changes)
        admin::info_banner(tr(ctx, "dns.unpublished"));
    else if (dns_propagating(ctx, zone.domain))
        dns_hint(tr(ctx, "dns.propagating"));
    else
        dns_hint(tr(ctx, "dns.published"));
    ImGui::BeginDisabled(ctx.state.dns.form.open);
    if (widgets::button(dns_label(ctx, "dns.add", "dns_add").c_str())) dns_open_form(ctx.state.dns, nullptr);
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool busy = action_status(ctx, kDnsPublishTag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || !zone.unpublished_changes);
    if (widgets::button(dns_label(ctx, "dns.publish", "dns_publish").c_str()))
        out.push(SubmitAction{sim::ops::publish_zone(ctx.ui.work_account, zone.domain), kDnsPublishTag});
    ImGui::EndDisabled();
    ImGui::SameLine();
    draw_action_status(ctx, kDnsPublishTag);
    if (action_status(ctx, kDnsDeleteTag) == ActionStatus::Failed) draw_action_status(ctx, kDnsDeleteTag);
}

void dns_zone_picker(const ViewContext& ctx, const sim::DnsZone& zone) {
    const sim::World& w = ctx.sim->world();
    widgets::text_disabled(tr(ctx, "dns.your_domains"));
    ImGui::SameLine();
    if (w.domains.zones.size() < 2) {
        widgets::text(zone.domain);
        return;
    }
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(zone.domain.c_str()).x + ImGui::GetFrameHeight() * 2.0f);
    if (widgets::begin_combo("###dns_zone", zone.domain.c_str())) {
        for (const sim::DnsZone& z : w.domains.zones)
            if (widgets::selectable((z.domain + "###dns_zone_" + z.domain).c_str(), &z == &zone)) {
                ctx.state.dns.zone = z.domain;
                ctx.state.dns.form = DnsRecordForm{};
            }
        ImGui::EndCombo();
    }
}

}  // namespace

void draw_dns_zone(const ViewContext& ctx, CommandQueue& out) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24.0f, 16.0f));
    ImGui::BeginChild("##dns_page", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(heading_font());
    widgets::text(tr(ctx, "dns.title"));
    ImGui::PopFont();
    const sim::DnsZone* zone = ctx.sim ? dns_current_zone(ctx) : nullptr;
    if (zone == nullptr) {
        dns_hint(tr(ctx, ctx.sim ? "dns.no_zone" : "dns.no_scenario"));
    } else {
        dns_zone_picker(ctx, *zone);
        admin::subheading(ctx.text.format("dns.zone_title", {{"domain", zone->domain}}));
        dns_publish_bar(ctx, out, *zone);
        if (!ctx.state.dns.confirm_delete.empty()) dns_confirm_delete(ctx, out, *zone);
        if (ctx.state.dns.form.open) dns_form(ctx, out, *zone);
        ImGui::Spacing();
        dns_table(ctx, *zone);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

}  // namespace app
