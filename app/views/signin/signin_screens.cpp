// app/views/signin/signin_screens.cpp — the sign-in page's screens for the registry. "signin" is the live
// page (guarded surfaces and "Sign out" lead there, keeping its state); the others show one step each for
// --screen, screenshots and the layout check, with the first person of the scenario typed in.
#include "app/ui/screens.hpp"
#include "app/views/signin/recovery.hpp"
#include "app/views/signin/signin_views.hpp"

namespace app {

namespace {

void ss_at(const sim::Simulation* sim, ViewState& state, SigninStep step) {
    SigninViewState& s = state.signin;
    s = SigninViewState{};
    s.step = step;
    if (sim == nullptr) return;
    for (const sim::Person& p : sim->world().people)
        if (sim::is_usable(&p)) {
            s.account = p.upn;
            break;
        }
}

void ss_account(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::Account);
}
void ss_type(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::AccountType);
}
void ss_password(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::Password);
}
void ss_update(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::UpdatePassword);
    state.signin.mismatch = true;  // the confirmation's field message, as after a mistyped one
}
void ss_more(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::MoreInfo);
    state.signin.grace_days = 14;  // the grace period's "Skip for now" (before 29 Jul 2024)
}
void ss_register_scan(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::Register);
    state.signin.register_step = RegisterStep::Scan;
}
void ss_register_code(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::Register);
    state.signin.register_step = RegisterStep::TryIt;
    state.signin.phone_scanned = true;
}
void ss_approve(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::Approve);
}
void ss_approve_code(const sim::Simulation* sim, UiState&, ViewState& state) {
    ss_at(sim, state, SigninStep::Approve);
    state.signin.use_code = true;
}

}  // namespace

std::vector<ScreenSpec> signin_screens() {
    constexpr const char* kUrl = "login.example/oauth2/authorize";
    return {
        {"signin", nullptr, &draw_signin_page, kUrl, nullptr},
        {"signin.account", nullptr, &draw_signin_page, kUrl, &ss_account},
        {"signin.account_type", nullptr, &draw_signin_page, kUrl, &ss_type},
        {"signin.password", nullptr, &draw_signin_page, kUrl, &ss_password},
        {"signin.update_password", nullptr, &draw_signin_page, "login.example/password/update", &ss_update},
        {"signin.more_info", nullptr, &draw_signin_page, "login.example/proofup", &ss_more},
        {"signin.register", nullptr, &draw_signin_page, "mysignins.example/register", &ss_register_scan},
        {"signin.register.code", nullptr, &draw_signin_page, "mysignins.example/register", &ss_register_code},
        {"signin.approve", nullptr, &draw_signin_page, "login.example/mfa", &ss_approve},
        {"signin.approve.code", nullptr, &draw_signin_page, "login.example/mfa", &ss_approve_code},
        // C10: "Can't access your account?" → Request administrator access (recovery.cpp)
        {kRecoveryScreen, nullptr, &draw_signin_recovery, "admin.microsoft.example/recovery", nullptr},
        {"signin.recovery.filled", nullptr, &draw_signin_recovery, "admin.microsoft.example/recovery",
         &prepare_signin_recovery_filled},
    };
}

}  // namespace app
