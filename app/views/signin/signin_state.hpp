// app/views/signin/signin_state.hpp — UI-only state of the sign-in page and the simulated phone beside it.
//
// Widgets edit these fields directly. The password and code buffers hold what the trainee is typing and
// nothing else: they are cleared as soon as they are handed to the simulation (which journals only
// whether they met the policy) or when the page starts over. Nothing here is part of the world.
#pragma once

#include <string>

#include "app/ui/ui_state.hpp"
#include "sim/action.hpp"

namespace app {

// The pages of the sign-in flow, in their usual order (domain-admin.md §3.2).
enum class SigninStep {
    Account,         // "Sign in": the account name → Next
    AccountType,     // "Work or school account" / "Personal account" (C11)
    Password,        // "Enter password" → Sign in
    UpdatePassword,  // "Update your password": current, new, confirm
    MoreInfo,        // "More information required" → Next (or Skip for now in the grace period)
    Register,        // "Keep your account secure": the Authenticator wizard (sub-steps below)
    Approve,         // "Approve sign in request": the number to enter on the phone, or a code
};

// The Authenticator wizard's pages: get the app → set up the account → scan the QR code → try it out.
enum class RegisterStep { GetApp, SetUp, Scan, TryIt };

struct SigninViewState {
    Surface target = Surface::Admin;  // the surface the trainee signs in to
    std::string return_to;            // the screen shown after signing in ("" = the surface's home)
    SigninStep step = SigninStep::Account;
    RegisterStep register_step = RegisterStep::GetApp;
    std::string account;                // the account name typed on the first page
    std::string account_type = "work";  // "work" | "personal", picked on AccountType
    bool type_asked = false;            // the account-type choice was shown for this account
    // Secrets being typed: cleared after sending, never copied anywhere else.
    std::string password, current_password, new_password, confirm_password, code, phone_entry;
    bool use_code = false;          // Approve: "I can't use my Authenticator app right now" → enter a code
    bool mismatch = false;          // Update your password: the confirmation differs (a field message)
    int grace_days = -1;            // "Skip for now (N days until this is required)"; < 0 = no skipping
    bool phone_scanned = false;     // the phone scanned the QR code (the wizard's Scan page)
    std::string sent;               // the operation the page waits for ("auth.sign_in", …)
    sim::ActionHandle handled = 0;  // the last result the page moved on (each result moves it once)
    std::string error_key;          // a message the page shows itself (not from a result), "" = none
    // Settings > Security defaults (admin_security_defaults.cpp): the radio's pick, -1 = read from the world.
    int security_defaults_pick = -1;
};

}  // namespace app
