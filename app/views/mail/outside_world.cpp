// app/views/mail/outside_world.cpp — the mail surface's view of the world outside the tenant
// (domain-admin.md §4.5, §4.6; support cases C17/C23):
//   - "Outside world / Außenwelt" (mail.outside): someone outside sends a test mail to an address
//     (mailboxes.send_test); the log shows where each went, and a bounce comes back to that sender as a
//     non-delivery report with the code the receiving server gave (the simulation's NDR text);
//   - "Old mailbox (previous provider) / Altes Postfach (bisheriger Anbieter)" (mail.old_mailbox): the
//     mail that went to the old provider while the MX still pointed there.
// Mail delivered to a person lands in their ordinary inbox (mail.inbox).
#include <algorithm>
#include <string_view>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/page.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/view_context.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"

namespace app {

void draw_mail_tabs(const ViewContext& ctx, CommandQueue& out, const char* current);
void draw_mail_outside(const ViewContext& ctx, CommandQueue& out);
void draw_mail_old_mailbox(const ViewContext& ctx, CommandQueue& out);

namespace {

constexpr const char* kOwTag = "mail.outside.send";

std::string ow_time(const ViewContext& ctx, sim::SimTime t) {
    return format_clock_short(ctx.sim->calendar().local(t), ctx.text);
}

// Who sends for the outside world: the signed-in work account, else the person whose mail is shown,
// else anyone (the operation only needs someone signed in to the sandbox).
std::string ow_actor(const ViewContext& ctx) {
    const sim::World& w = ctx.sim->world();
    if (sim::is_usable(w.find_person(ctx.ui.work_account))) return ctx.ui.work_account;
    if (sim::is_usable(w.find_person(ctx.ui.mail_user))) return ctx.ui.mail_user;
    for (const sim::Person& p : w.people)
        if (sim::is_usable(&p)) return p.upn;
    return {};
}

void ow_wrapped_muted(const std::string& s) {
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_disabled(s);
    ImGui::PopTextWrapPos();
}

void ow_send_form(const ViewContext& ctx, CommandQueue& out) {
    MailViewState& st = ctx.state.mail;
    widgets::text(ctx.text.get("mail.outside.send_to"));
    const std::string send = ctx.text.get("mail.outside.send") + "###outside_send";
    const float button_w = ImGui::CalcTextSize(ctx.text.get("mail.outside.send").c_str()).x +
                           ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(
        std::min(ImGui::GetFontSize() * 24.0f,
                 ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x));
    const std::string example = "info@" + sim::default_domain(ctx.sim->world());
    widgets::input_text_hint("###outside_to", example.c_str(), st.outside_to);
    ImGui::SameLine();
    const std::string actor = ow_actor(ctx);
    const bool busy = action_status(ctx, kOwTag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || actor.empty() || st.outside_to.empty());
    if (widgets::button(send.c_str()))
        out.push(SubmitAction{sim::ops::send_test_mail(actor, st.outside_to), kOwTag});
    ImGui::EndDisabled();
    draw_action_status(ctx, kOwTag);
}

const char* ow_outcome_key(const sim::OutsideMail& m) {
    if (m.outcome == "delivered") return "mail.outside.outcome.delivered";
    if (m.outcome == "old_provider") return "mail.outside.outcome.old_provider";
    return "mail.outside.outcome.bounced";
}

void ow_log(const ViewContext& ctx, const std::vector<sim::OutsideMail>& sent) {
    if (!widgets::begin_table("##outside_log", 3)) return;
    ImGui::TableSetupColumn(ctx.text.get("mail.outside.col.sent").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(ctx.text.get("mail.outside.col.to").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ctx.text.get("mail.outside.col.result").c_str(), 0, 1.4f);
    widgets::table_headers_row();
    for (auto it = sent.rbegin(); it != sent.rend(); ++it) {
        widgets::table_next_row();
        widgets::table_cell(0);
        widgets::text(ow_time(ctx, it->at));
        widgets::table_cell(1);
        widgets::text_ellipsized(it->to);
        widgets::table_cell(2);
        const ImVec4 colour = it->outcome == "bounced"        ? palette().error_text
                              : it->outcome == "old_provider" ? palette().warning_text
                                                              : palette().success_text;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        widgets::text_ellipsized(ctx.text.get(ow_outcome_key(*it)));
        ImGui::PopStyleColor();
    }
    widgets::end_table();
}

// A bounce as the sender gets it back: the non-delivery report with the receiving server's code.
void ow_ndr(const ViewContext& ctx, const sim::OutsideMail& m) {
    ImGui::PushID(m.id.c_str());
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_colored(
        palette().error_text,
        ctx.text.format("mail.outside.ndr.subject",
                        {{"subject", ctx.text.format("mail.outside_test.subject", {{"to", m.to}})}}));
    widgets::text_disabled(ctx.text.format("mail.outside.ndr.meta", {{"time", ow_time(ctx, m.at)}}));
    widgets::text_wrapped(ctx.text.format("mail.outside.ndr.body", {{"to", m.to}}));
    widgets::text(m.ndr);
    const bool dbeb = m.ndr.find("AS(201806281)") != std::string::npos;
    const bool spf = m.ndr.find("5.7.23") != std::string::npos;
    widgets::text_disabled(ctx.text.get(dbeb  ? "mail.outside.ndr.hint_no_mailbox"
                                        : spf ? "mail.outside.ndr.hint_spf"
                                              : "mail.outside.ndr.hint_relay"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

// Inbox | Outside world | Old mailbox: the mail surface's three views.
void draw_mail_tabs(const ViewContext& ctx, CommandQueue& out, const char* current) {
    static constexpr const char* kScreens[] = {"mail.inbox", "mail.outside", "mail.old_mailbox"};
    static constexpr const char* kLabels[] = {"mail.tab.inbox", "mail.tab.outside", "mail.tab.old_mailbox"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        const std::string text = ctx.text.get(kLabels[i]) + "###mail_tab_" + std::to_string(i);
        const bool on = std::string_view(current) == kScreens[i];
        if (widgets::toggle_button(text.c_str(), on) && !on) out.push(Navigate{kScreens[i]});
    }
    ImGui::Spacing();
}

void draw_mail_outside(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) return;
    draw_mail_tabs(ctx, out, "mail.outside");
    page_heading(ctx.text.get("mail.outside.title"));
    ow_wrapped_muted(ctx.text.get("mail.outside.intro"));
    ImGui::Spacing();
    ow_send_form(ctx, out);
    ImGui::Spacing();
    const std::vector<sim::OutsideMail>& sent = ctx.sim->world().domains.outside_mail;
    ImGui::BeginChild("##outside_body", ImVec2(0, 0));
    if (sent.empty()) {
        ow_wrapped_muted(ctx.text.get("mail.outside.none"));
    } else {
        ow_log(ctx, sent);
        ImGui::Spacing();
        widgets::text(ctx.text.get("mail.outside.sender_inbox"));
        ImGui::Separator();
        bool any = false;
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
            if (it->outcome == "bounced") {
                ow_ndr(ctx, *it);
                any = true;
            }
        if (!any) ow_wrapped_muted(ctx.text.get("mail.outside.no_bounces"));
    }
    ImGui::EndChild();
}

void draw_mail_old_mailbox(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) return;
    draw_mail_tabs(ctx, out, "mail.old_mailbox");
    page_heading(ctx.text.get("mail.old.title"));
    ow_wrapped_muted(ctx.text.get("mail.old.intro"));
    ImGui::Spacing();
    const std::vector<const sim::OutsideMail*> mails = sim::old_provider_inbox(ctx.sim->world());
    if (mails.empty()) {
        ow_wrapped_muted(ctx.text.get("mail.old.empty"));
        return;
    }
    if (!widgets::begin_table("##old_mailbox", 4)) return;
    ImGui::TableSetupColumn(ctx.text.get("mail.old.col.received").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(ctx.text.get("mail.old.col.from").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ctx.text.get("mail.old.col.to").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ctx.text.get("mail.old.col.subject").c_str(), 0, 1.6f);
    widgets::table_headers_row();
    for (auto it = mails.rbegin(); it != mails.rend(); ++it) {
        widgets::table_next_row();
        widgets::table_cell(0);
        widgets::text(ow_time(ctx, (*it)->at));
        widgets::table_cell(1);
        widgets::text_ellipsized(ctx.text.get("mail.outside.sender"));
        widgets::table_cell(2);
        widgets::text_ellipsized((*it)->to);
        widgets::table_cell(3);
        widgets::text_ellipsized(ctx.text.format("mail.outside_test.subject", {{"to", (*it)->to}}));
    }
    widgets::end_table();
}

}  // namespace app
