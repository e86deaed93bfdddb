// app/views/signin/signin_flow.cpp — how the sign-in page moves: sending a step's operation, following its
// result, who is signed in where, the redirect of a guarded surface to the page, and "Sign out".
#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/signin/signin_common.hpp"
#include "app/views/signin/signin_views.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"

namespace app {

namespace signin {

namespace {

void sf_clear_secrets(SigninViewState& s) {
    s.password.clear();
    s.current_password.clear();
    s.new_password.clear();
    s.confirm_password.clear();
    s.code.clear();
    s.phone_entry.clear();
}

// The person is signed in: they become the target surface's person, and the page hands over.
void sf_finish(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    const std::string upn = s.account;
    switch (s.target) {
        case Surface::Account:
            out.push(SetAccountUser{upn});
            break;
        case Surface::Mail:
        case Surface::Teams:  // Teams shows Mail's person (app/views/teams)
            out.push(SetMailUser{upn});
            break;
        default:
            out.push(SetWorkAccount{upn});
            break;
    }
    const std::string to = s.return_to.empty() ? surface_home(s.target) : s.return_to;
    restart(ctx, false);
    out.push(Navigate{to});
}

void sf_go(const ViewContext& ctx, CommandQueue& out, const std::string& next, int grace_days) {
    SigninViewState& s = ctx.state.signin;
    s.error_key.clear();
    s.use_code = false;
    if (next == "done") {
        sf_finish(ctx, out);
    } else if (next == "change_password") {
        s.step = SigninStep::UpdatePassword;
    } else if (next == "mfa_register" || next == "mfa_register_optional") {
        s.step = SigninStep::MoreInfo;
        s.grace_days = next == "mfa_register_optional" ? grace_days : -1;
    } else if (next == "mfa_verify") {
        s.step = SigninStep::Approve;
    }
}

}  // namespace

bool primary_button(const ViewContext& ctx, const char* key, const char* id, bool enabled) {
    const std::string& text = ctx.text.get(key);
    const float w = std::max(ui_px(108.0f),
                             ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette().accent);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().on_accent);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = widgets::button((text + "###" + id).c_str(), ImVec2(w, 0.0f));
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    return pressed;
}

bool link_button(const std::string& text, const std::string& id) {
    const std::string shown = admin::wrap_text(text, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    const bool pressed = widgets::selectable((shown + "###" + id).c_str());
    ImGui::PopStyleColor();
    return pressed;
}

void send(const ViewContext& ctx, CommandQueue& out, sim::Action action) {
    SigninViewState& s = ctx.state.signin;
    s.sent = action.type;
    s.error_key.clear();
    out.push(SubmitAction{std::move(action), kTagStep});
}

void follow_results(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    const auto it = ctx.state.actions.find(kTagStep);
    sim::ActionResult r;
    if (it == ctx.state.actions.end() || it->second == s.handled ||
        action_status(ctx, kTagStep, &r) != ActionStatus::Ok)
        return;
    s.handled = it->second;
    if (s.sent == "mfa.begin_registration") {
        s.step = SigninStep::Register;
        s.register_step = RegisterStep::GetApp;
        s.phone_scanned = false;
        return;
    }
    std::string next = r.data.value("next", std::string());
    if (next.empty()) next = sim::to_string(sim::stage_of(ctx.sim->world(), s.account));
    sf_go(ctx, out, next, r.data.value("grace_days_left", 0));
}

void restart(const ViewContext& ctx, bool keep_account) {
    SigninViewState& s = ctx.state.signin;
    sf_clear_secrets(s);
    if (!keep_account) s.account.clear();
    s.step = SigninStep::Account;
    s.register_step = RegisterStep::GetApp;
    s.account_type = "work";
    s.type_asked = false;
    s.mismatch = false;
    s.use_code = false;
    s.grace_days = -1;
    s.phone_scanned = false;
    s.error_key.clear();
    s.sent.clear();
    forget_action(ctx, kTagStep);
}

// A name that looks like an account goes on to the password (or, for an address on the association's own
// domain, first to the work/personal choice: such an address may also be a personal Microsoft account, C11).
// An unknown account is refused here, as the real page does after "Next".
void account_next(const ViewContext& ctx) {
    SigninViewState& s = ctx.state.signin;
    if (action_status(ctx, kTagStep) == ActionStatus::Pending) return;  // a sign-out still on its way
    forget_action(ctx, kTagStep);
    s.error_key.clear();
    const auto at = s.account.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= s.account.size()) {
        s.error_key = "signin.no_account_name";
        return;
    }
    if (!sim::is_usable(ctx.sim->world().find_person(s.account))) {
        s.error_key = "signin.error.auth.unknown_account";
        return;
    }
    const bool custom_domain = s.account.find(".onmicrosoft.com", at) == std::string::npos;
    s.step = custom_domain ? SigninStep::AccountType : SigninStep::Password;
    s.type_asked = custom_domain;
}

}  // namespace signin

const std::string& signed_in_on(const UiState& ui, Surface surface) {
    static const std::string none;
    switch (surface) {
        case Surface::Portal:
        case Surface::Admin:
        case Surface::Dns:
            return ui.work_account;
        case Surface::Account:
            return ui.account_user;
        case Surface::Mail:
        case Surface::Teams:  // Teams shows Mail's person (app/views/teams)
            return ui.mail_user;
        default:
            return none;
    }
}

bool signin_guards(const ViewContext& ctx, Surface surface) {
    if (ctx.state.instructor.quick_switch) return false;
    // The portal keeps its own sign-in (portal.sign_in; its registration signs the new admin in).
    return surface == Surface::Admin || surface == Surface::Account || surface == Surface::Mail ||
           surface == Surface::Teams;
}

void begin_signin(const ViewContext& ctx, CommandQueue& out, Surface surface, const std::string& account,
                  const std::string& return_to) {
    signin::restart(ctx, false);
    SigninViewState& s = ctx.state.signin;
    s.target = surface;
    s.account = account;
    s.return_to = return_to;
    out.push(Navigate{"signin"});
}

bool signin_redirect(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim || ctx.state.replay.info.active) return false;
    const Surface surface = surface_of(ctx.ui.screen);
    if (!signin_guards(ctx, surface) || !signed_in_on(ctx.ui, surface).empty()) return false;
    // Nobody to sign in as yet (no tenant, before the portal's registration): the page's own hint says so.
    const auto& people = ctx.sim->world().people;
    if (std::none_of(people.begin(), people.end(), [](const sim::Person& p) { return sim::is_usable(&p); }))
        return false;
    signin::restart(ctx, false);
    ctx.state.signin.target = surface;
    ctx.state.signin.return_to = ctx.ui.screen;
    out.push(ShowScreen{"signin"});
    return true;
}

void sign_out(const ViewContext& ctx, CommandQueue& out, Surface surface) {
    const std::string upn = signed_in_on(ctx.ui, surface);
    switch (surface) {
        case Surface::Account:
            out.push(SetAccountUser{""});
            break;
        case Surface::Mail:
        case Surface::Teams:  // Teams shows Mail's person (app/views/teams)
            out.push(SetMailUser{""});
            break;
        default:
            out.push(SetWorkAccount{""});
            break;
    }
    begin_signin(ctx, out, surface == Surface::Dns ? Surface::Admin : surface, "", ctx.ui.screen);
    // Under the page's tag: the page waits ("Please wait…") until the simulation has signed them out,
    // so a quick sign-in again is never overtaken by it.
    if (ctx.sim && sim::is_signed_in(ctx.sim->world(), upn))
        signin::send(ctx, out, sim::ops::auth_sign_out(upn));
}

}  // namespace app
