// app/views/mail/inbox.cpp — the inbox: the list of mails (unread in bold, sender, subject, received
// in the scenario's local time) and a reading pane; opening a mail marks it read (mail.mark_read).
#include <algorithm>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/page.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/view_context.hpp"
#include "sim/domains.hpp"
#include "sim/mail.hpp"
#include "sim/ops.hpp"

namespace app {

void draw_mail_inbox(const ViewContext& ctx, CommandQueue& out);
void draw_mail_tabs(const ViewContext& ctx, CommandQueue& out, const char* current);  // outside_world.cpp

namespace {

constexpr const char* kTagMarkRead = "mail.mark_read";

// Text drawn twice, one pixel apart: a bold look without a second font size.
void bold_text(ImDrawList* dl, ImVec2 pos, ImU32 colour, const std::string& s, float clip_right) {
    const ImVec4 clip(pos.x, pos.y, clip_right, pos.y + ImGui::GetFontSize() * 1.5f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour, s.c_str(), nullptr, 0.0f, &clip);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + 1.0f, pos.y), colour, s.c_str(),
                nullptr, 0.0f, &clip);
}

// `s` shortened with "…" so it fits into `width` pixels.
std::string fit(const std::string& s, float width) {
    if (ImGui::CalcTextSize(s.c_str()).x <= width) return s;
    std::string out = s;
    while (!out.empty()) {
        do out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80);
        if (!out.empty()) out.pop_back();
        if (ImGui::CalcTextSize((out + "…").c_str()).x <= width) return out + "…";
    }
    return out;
}

// The mail's parameters as the reader sees them (an organisation type by its localised name).
nlohmann::json shown_params(const ViewContext& ctx, const sim::Mail& m) {
    nlohmann::json p = m.params;
    if (p.contains("org_type") && p["org_type"].is_string()) {
        const std::string key = "portal.org_type." + p["org_type"].get<std::string>();
        if (ctx.text.has(key)) p["org_type"] = ctx.text.get(key);
    }
    return p;
}

void plain_text(ImDrawList* dl, ImVec2 pos, ImU32 colour, const std::string& s, float clip_right) {
    const ImVec4 clip(pos.x, pos.y, clip_right, pos.y + ImGui::GetFontSize() * 1.5f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour, s.c_str(), nullptr, 0.0f, &clip);
}

// One row: sender and time on the first line, the subject on the second.
void draw_row(const ViewContext& ctx, CommandQueue& out, const sim::Mail& m) {
    MailViewState& st = ctx.state.mail;
    const std::string subject = ctx.text.format(m.subject_key, m.params);
    const std::string when = format_clock_short(ctx.sim->calendar().local(m.received_at), ctx.text);
    const float line = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetStyle().FramePadding.y;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string id = "##mail_" + m.id;
    const bool clicked =
        ImGui::Selectable(id.c_str(), st.selected == m.id, 0, ImVec2(width, line * 2.0f + pad * 2.0f));
    widgets::report_item(widgets::ItemKind::Selectable, (subject + "###mail_" + m.id).c_str());
    if (clicked) {
        st.selected = m.id;
        if (!m.read) {
            out.push(SubmitAction{sim::ops::mark_read(ctx.ui.mail_user, m.id), kTagMarkRead});
        }
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(palette().muted_text);
    const float bullet = line * 0.9f;
    const float x = pos.x + bullet;
    const float right = pos.x + width - ImGui::GetStyle().FramePadding.x;
    const float when_w = ImGui::CalcTextSize(when.c_str()).x;
    if (!m.read) {
        dl->AddCircleFilled(ImVec2(pos.x + bullet * 0.45f, pos.y + pad + line * 0.5f), line * 0.2f,
                            ImGui::GetColorU32(palette().accent));
    }
    const ImVec2 first(x, pos.y + pad), second(x, pos.y + pad + line);
    const std::string from = fit(m.from, right - when_w - line - x);
    const std::string shown = fit(subject, right - x - 1.0f);
    if (m.read) {
        plain_text(dl, first, text, from, right - when_w - line);
        plain_text(dl, second, muted, shown, right);
    } else {
        bold_text(dl, first, text, from, right - when_w - line);
        bold_text(dl, second, ImGui::GetColorU32(palette().accent), shown, right);
    }
    plain_text(dl, ImVec2(right - when_w, first.y), muted, when, right + 1.0f);
}

void draw_reading_pane(const ViewContext& ctx, const sim::Mail& m) {
    const std::string subject = ctx.text.format(m.subject_key, m.params);
    ImGui::PushTextWrapPos(0.0f);
    page_heading(subject);
    const std::string when =
        format_clock(ctx.sim->calendar().local(m.received_at), ctx.sim->calendar().zone(), ctx.text);
    widgets::text(ctx.text.format("mail.inbox.from", {{"from", m.from}}));
    widgets::text_disabled(ctx.text.format("mail.inbox.to", {{"to", ctx.ui.mail_user}}));
    widgets::text_disabled(ctx.text.format("mail.inbox.received", {{"time", when}}));
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    widgets::text(ctx.text.format(m.body_key, shown_params(ctx, m)));
    ImGui::PopTextWrapPos();
}

constexpr const char* kTagSendAs = "mail.send_as";

// "Send as" (domain-admin.md §4.2, C31): shown when the person holds Send As on a shared mailbox (granted,
// replicated or not); From (those mailboxes) + To → Send (mailboxes.send_as). Before replication the sim
// answers with the real "This message could not be sent…" text.
void draw_send_as(const ViewContext& ctx, CommandQueue& out, const sim::Person& person) {
    MailViewState& st = ctx.state.mail;
    const sim::World& w = ctx.sim->world();
    std::vector<std::string> boxes;
    for (const sim::MailboxPermission& p : w.domains.permissions)
        if (p.user == person.upn && p.rights == "send_as" &&
            std::find(boxes.begin(), boxes.end(), p.mailbox) == boxes.end())
            boxes.push_back(p.mailbox);
    if (boxes.empty()) return;
    if (std::find(boxes.begin(), boxes.end(), st.sendas_from) == boxes.end()) st.sendas_from = boxes.front();
    widgets::text(ctx.text.get("mail.send_as.title"));
    ImGui::SameLine();
    const float field = ImGui::GetFontSize() * 14.0f;
    ImGui::SetNextItemWidth(field);
    if (widgets::begin_combo("###sendas_from", st.sendas_from.c_str())) {
        for (std::size_t i = 0; i < boxes.size(); ++i)
            if (widgets::selectable((boxes[i] + "###sendas_from_" + std::to_string(i)).c_str(),
                                    boxes[i] == st.sendas_from))
                st.sendas_from = boxes[i];
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    widgets::text(ctx.text.get("mail.send_as.to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(field);
    widgets::input_text("###sendas_to", st.sendas_to);
    ImGui::SameLine();
    ImGui::BeginDisabled(st.sendas_to.empty());
    if (widgets::button((ctx.text.get("mail.outside.send") + "###sendas_send").c_str()))
        out.push(SubmitAction{sim::ops::send_as(person.upn, person.upn, st.sendas_from, st.sendas_to),
                              kTagSendAs});
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0.0f);
    if (draw_action_status(ctx, kTagSendAs) == ActionStatus::Ok)
        widgets::text_disabled(
            ctx.text.format("mail.send_as.sent", {{"from", st.sendas_from}, {"to", st.sendas_to}}));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

}  // namespace

void draw_mail_inbox(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) return;
    MailViewState& st = ctx.state.mail;
    if (st.owner != ctx.ui.mail_user) {
        st.owner = ctx.ui.mail_user;
        st.selected.clear();
    }
    const sim::World& w = ctx.sim->world();
    const sim::Person* person = w.find_person(ctx.ui.mail_user);
    draw_mail_tabs(ctx, out, "mail.inbox");
    page_heading(ctx.text.get("mail.inbox.title"));
    if (person == nullptr) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_disabled(ctx.text.get("mail.inbox.nobody"));
        ImGui::PopTextWrapPos();
        return;
    }
    const std::vector<const sim::Mail*> mails = sim::inbox(w, person->upn);
    const int unread = sim::unread_count(w, person->upn);
    ImGui::SameLine();
    const char* summary = mails.size() == 1 ? "mail.inbox.summary_one" : "mail.inbox.summary";
    widgets::text_disabled(ctx.text.format(summary, {{"count", mails.size()}, {"unread", unread}}));
    ImGui::Spacing();
    draw_send_as(ctx, out, *person);
    if (mails.empty()) {
        widgets::text_disabled(ctx.text.get("mail.inbox.empty"));
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float list_width =
        std::clamp(avail * 0.38f, ImGui::GetFontSize() * 16.0f, ImGui::GetFontSize() * 26.0f);
    ImGui::BeginChild("##mail_list", ImVec2(list_width, 0.0f), true);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(mails.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            draw_row(ctx, out, *mails[static_cast<std::size_t>(i)]);
    clipper.End();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##mail_reading", ImVec2(0.0f, 0.0f), true);
    const sim::Mail* open = nullptr;
    for (const sim::Mail* m : mails)
        if (m->id == st.selected) open = m;
    if (open != nullptr)
        draw_reading_pane(ctx, *open);
    else
        widgets::text_disabled(ctx.text.get("mail.inbox.select"));
    ImGui::EndChild();
}

}  // namespace app
