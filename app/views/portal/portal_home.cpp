// app/views/portal/portal_home.cpp — the portal's landing page (Register / Sign in) and the
// "no access" page for a person without the Nonprofit Portal licence (domain.md §1.3, §1.7, C5).
#include "app/views/portal/portal_pages.hpp"

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/portal/portal_common.hpp"
#include "sim/ops.hpp"

namespace app {

using namespace portal;

namespace {

void draw_sign_in(const ViewContext& ctx, CommandQueue& out) {
    PortalViewState& st = ctx.state.portal;
    page_section(ctx.text.get("portal.home.sign_in_title"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + page_column_width());
    widgets::text_wrapped(ctx.text.get("portal.home.sign_in_text"));
    ImGui::PopTextWrapPos();
    field_label(ctx.text.get("portal.home.sign_in_name"), 0.7f);
    widgets::input_text_hint("###sign_in_upn", ctx.text.get("portal.home.sign_in_hint").c_str(),
                             st.sign_in_upn);
    const bool pending = action_status(ctx, kTagSignIn) == ActionStatus::Pending;
    ImGui::BeginDisabled(pending);
    if (widgets::button((ctx.text.get("portal.home.sign_in") + "###sign_in_submit").c_str())) {
        out.push(SubmitAction{sim::ops::sign_in(st.sign_in_upn), kTagSignIn});
    }
    ImGui::EndDisabled();
    const ActionStatus status = draw_submit_status(ctx, kTagSignIn);
    // Signed in: the work account is now this person, on to the status page (once per result).
    const auto it = ctx.state.actions.find(kTagSignIn);
    if (status == ActionStatus::Ok && it != ctx.state.actions.end() && st.sign_in_consumed != it->second) {
        st.sign_in_consumed = it->second;
        out.push(SetWorkAccount{st.sign_in_upn});
        out.push(Navigate{"portal.status"});
    }
}

}  // namespace

void draw_portal_home(const ViewContext& ctx, CommandQueue& out) {
    draw_header(ctx, out);
    if (!ctx.sim) return;
    // A work account is signed in: straight to the registration status (no history entry).
    if (!ctx.ui.work_account.empty() && ctx.sim->world().find_person(ctx.ui.work_account) != nullptr &&
        action_status(ctx, kTagSignIn) != ActionStatus::Pending) {
        out.push(ShowScreen{"portal.status"});
    }
    const float width = page_column_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    page_heading(ctx.text.get("portal.home.title"));
    widgets::text_wrapped(ctx.text.get("portal.home.intro"));
    ImGui::Spacing();
    widgets::text_wrapped(ctx.text.get("portal.home.steps"));
    ImGui::Spacing();
    page_note(ctx.text.get("portal.home.no_card"), info_colour());
    ImGui::PopTextWrapPos();

    page_section(ctx.text.get("portal.home.register_title"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    widgets::text_wrapped(ctx.text.get("portal.home.register_text"));
    ImGui::PopTextWrapPos();
    if (widgets::button((ctx.text.get("portal.home.register") + "###home_register").c_str()))
        out.push(Navigate{"portal.register"});
    ImGui::Spacing();
    draw_sign_in(ctx, out);
}

void draw_portal_no_access(const ViewContext& ctx, CommandQueue& out) {
    draw_header(ctx, out);
    if (!ctx.sim) return;
    draw_no_access_body(ctx, out);
}

}  // namespace app
