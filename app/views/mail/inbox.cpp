// app/views/mail/inbox.cpp — the inbox: the folder pane (the person's own mailbox, then each shared
// mailbox they can open), the list of mails (unread in bold, sender, subject, received in the scenario's
// local time) and a reading pane; opening a mail of one's own mailbox marks it read (mail.mark_read).
// A shared mailbox is listed once the person's Full Access ("Read and manage") has replicated
// (domain-admin.md §4.2, C31): before that Outlook does not show it, as in reality.
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
#include "sim/support.hpp"

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

// A date the simulation wrote as "2025-02-26", in the reader's language ("26. Februar 2025"); any other
// text as it is.
std::string mail_shown_date(const ViewContext& ctx, const std::string& s) {
    const bool iso =
        s.size() == 10 && s[4] == '-' && s[7] == '-' &&
        std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (!iso) return s;
    const int month = std::stoi(s.substr(5, 2));
    const int day = std::stoi(s.substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return s;
    return ctx.text.format("ui.date.long",
                           {{"day", day},
                            {"month", ctx.text.get("ui.clock.month." + std::to_string(month))},
                            {"year", s.substr(0, 4)}});
}

// The mail's parameters as the reader sees them (an organisation type by its localised name, dates in
// the reader's language).
nlohmann::json shown_params(const ViewContext& ctx, const sim::Mail& m) {
    nlohmann::json p = m.params;
    if (p.contains("org_type") && p["org_type"].is_string()) {
        const std::string key = "portal.org_type." + p["org_type"].get<std::string>();
        if (ctx.text.has(key)) p["org_type"] = ctx.text.get(key);
    }
    if (p.is_object())
        for (auto it = p.begin(); it != p.end(); ++it)
            if (it->is_string()) *it = mail_shown_date(ctx, it->get<std::string>());
    return p;
}

void plain_text(ImDrawList* dl, ImVec2 pos, ImU32 colour, const std::string& s, float clip_right) {
    const ImVec4 clip(pos.x, pos.y, clip_right, pos.y + ImGui::GetFontSize() * 1.5f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour, s.c_str(), nullptr, 0.0f, &clip);
}

// One row: sender and time on the first line, the subject on the second.
void draw_row(const ViewContext& ctx, CommandQueue& out, const sim::Mail& m) {
    MailViewState& st = ctx.state.mail;
    const std::string subject = ctx.text.format(m.subject_key, shown_params(ctx, m));
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

constexpr const char* kTagMoveMail = "mail.move";

// Junk Email (domain.md §1.4 "check inbox and spam"): the banner of a junk mail with "Not junk", or "Move to
// Junk Email" for a mail of the Inbox (support.move_mail).
void draw_junk_bar(const ViewContext& ctx, CommandQueue& out, const sim::Mail& m) {
    const bool junk = sim::is_junk(ctx.sim->world(), m);
    if (junk) {
        widgets::text_colored(palette().warning_text, ctx.text.get("mail.junk.banner"));
        if (widgets::button((ctx.text.get("mail.junk.not_junk") + "###mail_not_junk").c_str()))
            out.push(SubmitAction{sim::ops::move_mail(ctx.ui.mail_user, m.id, "inbox"), kTagMoveMail});
    } else if (widgets::button((ctx.text.get("mail.junk.to_junk") + "###mail_to_junk").c_str())) {
        out.push(SubmitAction{sim::ops::move_mail(ctx.ui.mail_user, m.id, "junk"), kTagMoveMail});
    }
    draw_action_status(ctx, kTagMoveMail);
}

void draw_reading_pane(const ViewContext& ctx, CommandQueue& out, const sim::Mail& m, const std::string& to,
                       bool own) {
    const std::string subject = ctx.text.format(m.subject_key, shown_params(ctx, m));
    ImGui::PushTextWrapPos(0.0f);
    page_heading(subject);
    if (own) draw_junk_bar(ctx, out, m);
    const std::string when =
        format_clock(ctx.sim->calendar().local(m.received_at), ctx.sim->calendar().zone(), ctx.text);
    widgets::text(ctx.text.format("mail.inbox.from", {{"from", m.from}}));
    widgets::text_disabled(ctx.text.format("mail.inbox.to", {{"to", to}}));
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

constexpr const char* kTagCompose = "mail.compose";

// "New mail" (Outlook's compose, reduced to the recipient): from the person's own mailbox to anyone
// (mailboxes.send_internal). What the receiving side answered shows below: sent, or the bounce with the
// receiving server's code (e.g. an SPF permerror while the domain has two SPF records).
void draw_compose(const ViewContext& ctx, CommandQueue& out, const sim::Person& person) {
    MailViewState& st = ctx.state.mail;
    if (!sim::has_mailbox(ctx.sim->world(), person)) return;
    ImGui::AlignTextToFramePadding();
    widgets::text(ctx.text.get("mail.compose.title"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
    widgets::input_text_hint("###compose_to", "name@example.org", st.compose_to);
    ImGui::SameLine();
    const bool busy = action_status(ctx, kTagCompose) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || st.compose_to.empty());
    if (widgets::button((ctx.text.get("mail.outside.send") + "###compose_send").c_str())) {
        out.push(
            SubmitAction{sim::ops::send_internal_mail(person.upn, person.upn, st.compose_to), kTagCompose});
        st.compose_sent_to = st.compose_to;
    }
    ImGui::EndDisabled();
    sim::ActionResult r;
    ImGui::PushTextWrapPos(0.0f);
    if (action_status(ctx, kTagCompose, &r) == ActionStatus::Ok) {
        if (r.data.value("outcome", "") == "bounced")
            widgets::text_colored(palette().error_text, ctx.text.format("mail.compose.bounced",
                                                                        {{"to", st.compose_sent_to},
                                                                         {"ndr", r.data.value("ndr", "")}}));
        else
            widgets::text_disabled(ctx.text.format("mail.compose.sent", {{"to", st.compose_sent_to}}));
    } else {
        draw_action_status(ctx, kTagCompose);
    }
    ImGui::PopTextWrapPos();
}

// The shared mailboxes `person` can open: Full Access granted and replicated.
std::vector<const sim::SharedMailbox*> mb_openable(const sim::World& w, const sim::Person& person) {
    std::vector<const sim::SharedMailbox*> out;
    for (const sim::SharedMailbox& m : w.domains.shared_mailboxes)
        if (sim::has_mailbox_permission(w, m.address, person.upn, "full_access")) out.push_back(&m);
    return out;
}

// The mail of a shared mailbox, newest first: what a converted user's mailbox held, then every mail
// delivered to its address (the outside world's test mails, mail from inside). Read-only copies.
std::vector<sim::Mail> mb_shared_mail(const ViewContext& ctx, const sim::SharedMailbox& box) {
    const sim::World& w = ctx.sim->world();
    std::vector<sim::Mail> out;
    if (!box.converted_from.empty())
        for (const sim::Mail* m : sim::inbox(w, box.converted_from)) out.push_back(*m);
    for (const sim::OutsideMail& om : w.domains.outside_mail) {
        if (om.to != box.address || om.outcome != "delivered") continue;
        sim::Mail m;
        m.id = om.id;
        m.received_at = om.at;
        const bool outside = om.from.empty();
        m.from = outside ? ctx.text.get("mail.outside.sender") : om.from;
        m.subject_key = outside ? "mail.outside_test.subject" : "mail.internal_test.subject";
        m.body_key = outside ? "mail.outside_test.body" : "mail.internal_test.body";
        m.params = {{"to", om.to}, {"from", m.from}};
        out.push_back(std::move(m));
    }
    for (sim::Mail& m : out) m.read = true;
    std::stable_sort(out.begin(), out.end(),
                     [](const sim::Mail& a, const sim::Mail& b) { return a.received_at > b.received_at; });
    return out;
}

bool mb_folder(const std::string& name, const std::string& detail, const std::string& id, bool on) {
    const bool clicked = widgets::selectable((name + "###" + id).c_str(), on);
    if (!detail.empty()) {
        ImGui::Indent(ImGui::GetFontSize() * 0.6f);
        widgets::text_disabled(detail);
        ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
    }
    return clicked;
}

// The folder pane, like Outlook's: the person's own mailbox, then the shared mailboxes they can open.
void draw_folder_pane(const ViewContext& ctx, const sim::Person& person,
                      const std::vector<const sim::SharedMailbox*>& shared) {
    MailViewState& st = ctx.state.mail;
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_disabled(ctx.text.get("mail.folders.own"));
    if (mb_folder(person.display_name, person.upn, "mail_box_own", false) && !st.mailbox.empty()) {
        st.mailbox.clear();
        st.selected.clear();
    }
    // The own mailbox's folders: Inbox and Junk Email, with their unread counts.
    const sim::World& w = ctx.sim->world();
    int unread[2] = {0, 0};
    for (const sim::Mail* m : sim::inbox(w, person.upn))
        if (!m->read) ++unread[sim::is_junk(w, *m) ? 1 : 0];
    ImGui::Indent(ImGui::GetFontSize() * 0.6f);
    for (int f = 0; f < 2; ++f) {
        std::string name = ctx.text.get(f == 0 ? "mail.folders.inbox" : "mail.folders.junk");
        if (unread[f] > 0) name += "  (" + std::to_string(unread[f]) + ")";
        const bool on = st.mailbox.empty() && st.junk == (f == 1);
        if (widgets::selectable((name + (f == 0 ? "###mail_folder_inbox" : "###mail_folder_junk")).c_str(),
                                on) &&
            !on) {
            st.mailbox.clear();
            st.junk = f == 1;
            st.selected.clear();
        }
    }
    ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
    ImGui::Spacing();
    widgets::text_disabled(ctx.text.get("mail.folders.shared"));
    if (shared.empty()) widgets::text_disabled(ctx.text.get("mail.folders.none_shared"));
    for (const sim::SharedMailbox* m : shared)
        if (mb_folder(m->display_name, m->address, "mail_box_" + m->address, st.mailbox == m->address) &&
            st.mailbox != m->address) {
            st.mailbox = m->address;
            st.selected.clear();
        }
    ImGui::PopTextWrapPos();
}

// The list and the reading pane of the chosen mailbox.
void draw_mail_list(const ViewContext& ctx, CommandQueue& out, const std::vector<const sim::Mail*>& mails,
                    const std::string& address, bool own) {
    MailViewState& st = ctx.state.mail;
    if (mails.empty()) {
        widgets::text_disabled(ctx.text.get(own && st.junk ? "mail.junk.empty" : "mail.inbox.empty"));
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float list_width =
        std::clamp(avail * 0.42f, ImGui::GetFontSize() * 14.0f, ImGui::GetFontSize() * 24.0f);
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
        draw_reading_pane(ctx, out, *open, address, own);
    else
        widgets::text_disabled(ctx.text.get("mail.inbox.select"));
    ImGui::EndChild();
}

}  // namespace

void draw_mail_inbox(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) return;
    MailViewState& st = ctx.state.mail;
    if (st.owner != ctx.ui.mail_user) {
        st.owner = ctx.ui.mail_user;
        st.selected.clear();
        st.mailbox.clear();
    }
    const sim::World& w = ctx.sim->world();
    const sim::Person* person = w.find_person(ctx.ui.mail_user);
    draw_mail_tabs(ctx, out, "mail.inbox");
    if (person == nullptr) {
        page_heading(ctx.text.get("mail.inbox.title"));
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_disabled(ctx.text.get("mail.inbox.nobody"));
        ImGui::PopTextWrapPos();
        return;
    }
    const std::vector<const sim::SharedMailbox*> shared = mb_openable(w, *person);
    const sim::SharedMailbox* box = nullptr;
    for (const sim::SharedMailbox* m : shared)
        if (m->address == st.mailbox) box = m;
    if (box == nullptr) st.mailbox.clear();
    std::vector<sim::Mail> shared_mail;
    std::vector<const sim::Mail*> mails;
    int unread = 0;
    if (box != nullptr) {
        shared_mail = mb_shared_mail(ctx, *box);
        for (const sim::Mail& m : shared_mail) mails.push_back(&m);
        page_heading(ctx.text.format("mail.folders.heading", {{"mailbox", box->display_name}}));
    } else {
        for (const sim::Mail* m : sim::inbox(w, person->upn)) {
            if (sim::is_junk(w, *m) != st.junk) continue;  // the folder chosen: Inbox or Junk Email
            mails.push_back(m);
            if (!m->read) ++unread;
        }
        page_heading(ctx.text.get(st.junk ? "mail.folders.junk" : "mail.inbox.title"));
    }
    ImGui::SameLine();
    const char* summary = mails.size() == 1 ? "mail.inbox.summary_one" : "mail.inbox.summary";
    widgets::text_disabled(ctx.text.format(summary, {{"count", mails.size()}, {"unread", unread}}));
    ImGui::Spacing();
    draw_compose(ctx, out, *person);
    draw_send_as(ctx, out, *person);
    const float folders_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.2f,
                                           ImGui::GetFontSize() * 11.0f, ImGui::GetFontSize() * 15.0f);
    ImGui::BeginChild("##mail_folders", ImVec2(folders_width, 0.0f), true);
    draw_folder_pane(ctx, *person, shared);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginGroup();
    draw_mail_list(ctx, out, mails, box != nullptr ? box->address : person->upn, box == nullptr);
    ImGui::EndGroup();
}

}  // namespace app
