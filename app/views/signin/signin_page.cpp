// app/views/signin/signin_page.cpp — the sign-in page in the style of the real one (domain-admin.md §3.2):
// "Sign in" (account) → the work/personal choice (C11) → "Enter password" → "Update your password" →
// "More information required" → the Authenticator wizard → "Approve sign in request". The page sends the
// auth.* / mfa.* operations and moves on by their results ("next"; else stage_of); the phone panel beside
// it (signin_phone.cpp) shows the QR code, the number and the codes. Passwords and codes live in the
// page's buffers only until they are sent.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/signin/recovery.hpp"
#include "app/views/signin/signin_common.hpp"
#include "app/views/signin/signin_views.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"

namespace app {

using namespace signin;

namespace {

const std::string& si_t(const ViewContext& ctx, const char* key) {
    return ctx.text.get(key);
}

bool si_primary(const ViewContext& ctx, const char* key, const char* id, bool enabled = true) {
    return primary_button(ctx, key, id, enabled);
}

bool si_link(const std::string& text, const std::string& id) {
    return link_button(text, id);
}

void si_heading(const std::string& text) {
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text_wrapped(text);
    if (font) ImGui::PopFont();
    ImGui::Spacing();
}

// A password or code field the width of the card.
bool si_secret_field(const char* id, const char* hint, std::string& value, bool password = true) {
    ImGui::SetNextItemWidth(-1.0f);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (password) flags |= ImGuiInputTextFlags_Password;
    return widgets::input_text_hint(id, hint, value, flags);
}

void si_field_label(const ViewContext& ctx, const char* key) {
    ImGui::Spacing();
    widgets::text(si_t(ctx, key));
}

// The last result's error where the real page shows it (above the field), in the page's own words
// when it has them (signin.error.<code>), else the simulation's message; the spinner while waiting.
void si_status(const ViewContext& ctx) {
    sim::ActionResult r;
    const ActionStatus status = action_status(ctx, kTagStep, &r);
    if (status == ActionStatus::Pending) {
        spinner(ImGui::GetFontSize() * 0.5f);
        ImGui::SameLine();
        widgets::text_disabled(si_t(ctx, "signin.working"));
    } else if (status == ActionStatus::Failed) {
        const std::string own = "signin.error." + r.code;
        widgets::text_wrapped_colored(
            palette().error_text, ctx.text.has(own) ? ctx.text.format(own, r.params) : error_text(ctx, r));
    }
    if (!ctx.state.signin.error_key.empty())
        widgets::text_wrapped_colored(palette().error_text, ctx.text.get(ctx.state.signin.error_key));
}

bool si_pending(const ViewContext& ctx) {
    return action_status(ctx, kTagStep) == ActionStatus::Pending;
}

// "← anna@…": back to the first page (another account).
void si_account_line(const ViewContext& ctx) {
    SigninViewState& s = ctx.state.signin;
    if (si_link(std::string(icons::kChevronLeft) + " " + s.account, "signin_back")) restart(ctx, false);
}

void si_step_account(const ViewContext& ctx) {
    SigninViewState& s = ctx.state.signin;
    si_heading(si_t(ctx, "signin.title"));
    si_status(ctx);
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = widgets::input_text_hint("###signin_account", si_t(ctx, "signin.account_hint").c_str(),
                                                s.account, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Spacing();
    // C10: the locked-out admin's way to Microsoft's Data Protection team (recovery.cpp)
    if (si_link(si_t(ctx, "signin.cant_access"), "signin_cant_access") && ctx.commands)
        ctx.commands->push(Navigate{kRecoveryScreen});
    ImGui::Spacing();
    if (si_primary(ctx, "signin.next", "signin_next", !si_pending(ctx)) || enter) account_next(ctx);
}

void si_step_type(const ViewContext& ctx) {
    SigninViewState& s = ctx.state.signin;
    si_account_line(ctx);
    widgets::text_wrapped(si_t(ctx, "signin.type_title"));
    ImGui::Spacing();
    const std::pair<const char*, const char*> kinds[] = {{"work", "signin.type_work"},
                                                         {"personal", "signin.type_personal"}};
    for (const auto& [kind, key] : kinds) {
        const std::string note = std::string(key) + "_note";
        const std::string text = std::string(kind[0] == 'w' ? icons::kBadge : icons::kPerson) + "  " +
                                 si_t(ctx, key) + "\n      " + ctx.text.get(note);
        if (widgets::selectable((text + "###signin_type_" + kind).c_str(), s.account_type == kind)) {
            s.account_type = kind;
            s.step = SigninStep::Password;
        }
        ImGui::Spacing();
    }
}

void si_step_password(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    si_account_line(ctx);
    si_heading(si_t(ctx, "signin.enter_password"));
    si_status(ctx);
    const bool enter =
        si_secret_field("###signin_password", si_t(ctx, "signin.password_hint").c_str(), s.password);
    ImGui::Spacing();
    widgets::text_disabled(si_t(ctx, "signin.forgot"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", si_t(ctx, "signin.forgot_tip").c_str());
    ImGui::Spacing();
    if ((si_primary(ctx, "signin.sign_in", "signin_submit", !si_pending(ctx)) || enter) && !si_pending(ctx)) {
        send(ctx, out, sim::ops::auth_sign_in(s.account, s.password, s.account_type));
        s.password.clear();
    }
}

void si_step_update(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    si_account_line(ctx);
    si_heading(si_t(ctx, "signin.update_title"));
    widgets::text_wrapped(si_t(ctx, "signin.update_text"));
    si_status(ctx);
    si_field_label(ctx, "signin.current_password");
    si_secret_field("###signin_current", "", s.current_password);
    si_field_label(ctx, "signin.new_password");
    si_secret_field("###signin_new", "", s.new_password);
    si_field_label(ctx, "signin.confirm_password");
    const bool enter = si_secret_field("###signin_confirm", "", s.confirm_password);
    if (s.mismatch) widgets::text_wrapped_colored(palette().error_text, si_t(ctx, "signin.mismatch"));
    ImGui::Spacing();
    if ((si_primary(ctx, "signin.sign_in", "signin_update", !si_pending(ctx)) || enter) && !si_pending(ctx)) {
        s.mismatch = s.new_password != s.confirm_password;
        if (!s.mismatch)
            send(ctx, out, sim::ops::auth_change_password(s.account, s.current_password, s.new_password));
        s.current_password.clear();
        s.new_password.clear();
        s.confirm_password.clear();
    }
}

void si_step_more(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    widgets::text_disabled(s.account);
    si_heading(si_t(ctx, "signin.more_title"));
    widgets::text_wrapped(si_t(ctx, "signin.more_text"));
    si_status(ctx);
    ImGui::Spacing();
    if (si_link(si_t(ctx, "signin.other_account"), "signin_other")) restart(ctx, false);
    if (s.grace_days > 0 &&
        si_link(ctx.text.format("signin.skip", {{"days", s.grace_days}}), "signin_skip") && !si_pending(ctx))
        send(ctx, out, sim::ops::mfa_skip_registration(s.account));
    ImGui::Spacing();
    if (si_primary(ctx, "signin.next", "signin_more_next", !si_pending(ctx)))
        send(ctx, out, sim::ops::mfa_begin_registration(s.account));
}

void si_step_register(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    widgets::text_disabled(s.account);
    si_heading(si_t(ctx, "signin.secure_title"));
    widgets::text_wrapped(si_t(ctx, "signin.secure_text"));
    ImGui::Separator();
    widgets::text_colored(palette().accent, si_t(ctx, "signin.app_name"));
    draw_register_step(ctx, out);
}

void si_step_approve(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    widgets::text_disabled(s.account);
    if (!s.use_code) {
        si_heading(si_t(ctx, "signin.approve_title"));
        widgets::text_wrapped(si_t(ctx, "signin.approve_text"));
        ImGui::Spacing();
        draw_big_number(ctx, sim::current_mfa_number(ctx.sim->world(), ctx.sim->seed(), s.account));
        si_status(ctx);
        if (!si_pending(ctx)) widgets::text_disabled(si_t(ctx, "signin.approve_waiting"));
        ImGui::Spacing();
        if (si_link(si_t(ctx, "signin.cant_use_app"), "signin_cant_use")) {
            s.use_code = true;
            forget_action(ctx, kTagStep);
        }
        return;
    }
    si_heading(si_t(ctx, "signin.enter_code_title"));
    widgets::text_wrapped(si_t(ctx, "signin.enter_code_text"));
    si_status(ctx);
    const bool enter =
        si_secret_field("###signin_code", si_t(ctx, "signin.code_hint").c_str(), s.code, false);
    ImGui::Spacing();
    if (si_link(si_t(ctx, "signin.use_app"), "signin_use_app")) s.use_code = false;
    if ((si_primary(ctx, "signin.verify", "signin_verify", !si_pending(ctx)) || enter) && !si_pending(ctx)) {
        send(ctx, out, sim::ops::mfa_verify(s.account, s.code));
        s.code.clear();
    }
}

void si_card(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    widgets::text_colored(palette().muted_text, std::string(icons::kLock) + " " + si_t(ctx, "signin.brand"));
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    switch (s.step) {
        case SigninStep::Account:
            si_step_account(ctx);
            break;
        case SigninStep::AccountType:
            si_step_type(ctx);
            break;
        case SigninStep::Password:
            si_step_password(ctx, out);
            break;
        case SigninStep::UpdatePassword:
            si_step_update(ctx, out);
            break;
        case SigninStep::MoreInfo:
            si_step_more(ctx, out);
            break;
        case SigninStep::Register:
            si_step_register(ctx, out);
            break;
        case SigninStep::Approve:
            si_step_approve(ctx, out);
            break;
    }
    ImGui::Spacing();
    ImGui::Separator();
    widgets::text_disabled(
        ctx.text.format("signin.for_surface",
                        {{"surface", ctx.text.get(std::string("ui.surface.") + surface_key(s.target))}}));
    widgets::text_disabled(si_t(ctx, "signin.simulated_note"));
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_signin_page(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) {
        widgets::text_wrapped(si_t(ctx, "signin.no_scenario"));
        return;
    }
    follow_results(ctx, out);
    // A grey backdrop, the white card and the phone beside it, centred together.
    const ImVec2 wp = ImGui::GetWindowPos();
    const ImVec2 ws = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(wp, ImVec2(wp.x + ws.x, wp.y + ws.y),
                                              ImGui::GetColorU32(palette().nav_bg));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ui_px(40.0f);
    const float phone_w = ui_px(260.0f);
    const float card_w = std::min(ui_px(460.0f), std::max(ui_px(300.0f), avail.x - phone_w - gap));
    const float height = std::min(avail.y, ui_px(660.0f));
    const float x = std::max(0.0f, (avail.x - card_w - gap - phone_w) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + x);
    const float pad = ui_px(28.0f);
    // The child keeps one size (a click never lands on a card still growing); the white card behind the
    // content is drawn afterwards, as tall as the content, on the channel below it.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##signin_card", ImVec2(card_w, height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    si_card(ctx, out);
    dl->ChannelsSetCurrent(0);
    const ImVec2 cp = ImGui::GetWindowPos();
    const float bottom = std::min(cp.y + height, ImGui::GetCursorScreenPos().y + pad * 0.5f);
    dl->AddRectFilled(cp, ImVec2(cp.x + card_w, bottom), ImGui::GetColorU32(palette().work_bg));
    dl->AddRect(cp, ImVec2(cp.x + card_w, bottom), ImGui::GetColorU32(palette().border));
    dl->ChannelsMerge();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::SameLine(0.0f, gap);
    draw_signin_phone(ctx, out, phone_w, std::min(avail.y, ui_px(540.0f)));
}

}  // namespace app
