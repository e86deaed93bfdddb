// app/views/portal/portal_support.cpp — the nonprofit portal's Contact Us / Kontakt (domain.md §1.4, §3.1:
// "if still missing, use the Contact Us form"; C4): a request to Microsoft Nonprofits support (topic,
// subject, description → support.submit_request, channel "portal") and the person's requests with their
// state. The answer arrives as a mail in the work account's mailbox after support's delay (sim/support.hpp).
// Also the pieces the admin center's Help & support shares (support_views.hpp).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/ui/action_status.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/page.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "app/views/portal/portal_pages.hpp"
#include "app/views/portal/support_views.hpp"
#include "sim/ops.hpp"
#include "sim/support.hpp"

namespace app {

namespace support_ui {

std::string topic_name(const ViewContext& ctx, const std::string& topic) {
    const std::string key = "support.topic." + topic;
    return ctx.text.has(key) ? ctx.text.get(key) : topic;
}

namespace {

void su_topic_combo(const ViewContext& ctx, const char* channel, std::string& topic, float width) {
    widgets::text(ctx.text.get("support.field.topic"));
    ImGui::SetNextItemWidth(width);
    const std::string id = std::string("###support_topic_") + channel;
    if (widgets::begin_combo(id.c_str(), topic_name(ctx, topic).c_str())) {
        for (const std::string& t : sim::support_topics())
            if (widgets::selectable((topic_name(ctx, t) + id + "_" + t).c_str(), t == topic)) topic = t;
        ImGui::EndCombo();
    }
}

}  // namespace

void draw_request_form(const ViewContext& ctx, CommandQueue& out, const std::string& actor,
                       const char* channel, FormFields f, const char* button_key, const char* tag,
                       float width) {
    const std::string ch(channel);
    su_topic_combo(ctx, channel, f.topic, width);
    widgets::text(ctx.text.get("support.field.title"));
    ImGui::SetNextItemWidth(width);
    widgets::input_text(("###support_title_" + ch).c_str(), f.title);
    widgets::text(ctx.text.get("support.field.text"));
    const std::string text_id = "###support_text_" + ch;
    ImGui::BeginDisabled(widgets::read_only());  // the session viewer: nothing to edit
    ImGui::InputTextMultiline(text_id.c_str(), &f.text, ImVec2(width, ImGui::GetTextLineHeight() * 5.0f));
    widgets::report_item(widgets::ItemKind::Input, text_id.c_str());
    ImGui::EndDisabled();
    ImGui::Spacing();
    sim::ActionResult r;
    const ActionStatus status = action_status(ctx, tag, &r);
    ImGui::BeginDisabled(status == ActionStatus::Pending);
    if (widgets::button((ctx.text.get(button_key) + "###support_submit_" + ch).c_str())) {
        out.push(SubmitAction{sim::ops::submit_support_request(actor, ch, f.topic, f.title, f.text), tag});
    }
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (status == ActionStatus::Ok)
        widgets::text_colored(palette().success_text,
                              ctx.text.format("support.sent", {{"request", r.data.value("request", "")}}));
    else
        draw_action_status(ctx, tag);
    ImGui::PopTextWrapPos();
}

void draw_request_list(const ViewContext& ctx, const std::string& upn, const char* channel) {
    std::vector<const sim::SupportRequest*> mine;
    for (const sim::SupportRequest* r : sim::support_requests(ctx.sim->world(), upn))
        if (r->channel == channel) mine.push_back(r);
    if (mine.empty()) {
        widgets::text_disabled(ctx.text.get("support.list.none"));
        return;
    }
    if (!widgets::begin_table((std::string("##support_list_") + channel).c_str(), 5)) return;
    ImGui::TableSetupColumn(ctx.text.get("support.col.id").c_str(), 0, 0.7f);
    ImGui::TableSetupColumn(ctx.text.get("support.col.title").c_str(), 0, 1.6f);
    ImGui::TableSetupColumn(ctx.text.get("support.col.topic").c_str(), 0, 1.4f);
    ImGui::TableSetupColumn(ctx.text.get("support.col.created").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ctx.text.get("support.col.status").c_str(), 0, 1.6f);
    widgets::table_headers_row();
    const sim::Calendar& cal = ctx.sim->calendar();
    for (const sim::SupportRequest* r : mine) {
        widgets::table_next_row();
        widgets::table_cell(0);
        widgets::text(r->id);
        widgets::table_cell(1);
        widgets::text_wrapped(r->title.empty() ? ctx.text.get("support.no_title") : r->title);
        widgets::table_cell(2);
        widgets::text_wrapped(topic_name(ctx, r->topic));
        widgets::table_cell(3);
        widgets::text(format_clock_short(cal.local(r->created_at), ctx.text));
        widgets::table_cell(4);
        if (r->status == "answered")
            widgets::text_wrapped(ctx.text.format(
                "support.answered_on",
                {{"date", format_clock_short(cal.local(r->answered_at), ctx.text)}, {"upn", r->requester}}));
        else
            widgets::text_wrapped(ctx.text.get("support.status." + r->status));
    }
    widgets::end_table();
}

}  // namespace support_ui

namespace {
constexpr const char* kTagPortalSupport = "portal.support.submit";
}  // namespace

void draw_portal_support(const ViewContext& ctx, CommandQueue& out) {
    const auto view = portal::begin_portal_page(ctx, out, "portal.support.title");
    if (!view) return;
    SupportViewState& st = ctx.state.support;
    const float width = page_column_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_wrapped(ctx.text.get("portal.support.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    support_ui::draw_request_form(ctx, out, ctx.ui.work_account, "portal",
                                  {st.portal_topic, st.portal_title, st.portal_text}, "portal.support.submit",
                                  kTagPortalSupport, width);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    page_heading(ctx.text.get("support.list.title"));
    ImGui::PushItemWidth(width);
    support_ui::draw_request_list(ctx, ctx.ui.work_account, "portal");
    ImGui::PopItemWidth();
}

}  // namespace app
