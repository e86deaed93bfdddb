// app/views/signin/signin_common.hpp — what the sign-in page's files share: the action tags, moving
// between the steps, and the pieces drawn both on the page and on the phone.
#pragma once

#include <cstdint>
#include <string>

#include "app/views/view_context.hpp"
#include "sim/action.hpp"

namespace app::signin {

constexpr const char* kTagStep = "signin.step";        // every operation of the page's steps
constexpr const char* kTagLost = "signin.phone.lost";  // the phone's "I lost my phone"

// Sends an operation of the current step; its result moves the page on (follow_results).
void send(const ViewContext& ctx, CommandQueue& out, sim::Action action);
// Moves the page by the last result once: "next" of the result (else stage_of), or the registration
// wizard after mfa.begin_registration; "done" signs the person in on the target surface.
void follow_results(const ViewContext& ctx, CommandQueue& out);
// Back to the first page ("Use a different account", "←"); `keep_account` keeps the typed name.
void restart(const ViewContext& ctx, bool keep_account);
// "Next" on the first page: a name that looks like an account → the work/personal choice or the password.
void account_next(const ViewContext& ctx);

// The accent-coloured main button of a page ("Next", "Sign in", "Verify"), right-aligned.
bool primary_button(const ViewContext& ctx, const char* key, const char* id, bool enabled = true);
// A link in the accent colour whose text wraps at the card's edge ("Use a different account", …).
bool link_button(const std::string& text, const std::string& id);

// The Authenticator wizard inside "Keep your account secure" (get the app → set up → scan → try it).
void draw_register_step(const ViewContext& ctx, CommandQueue& out);
// A two-digit number in large type ("Approve sign in request"), "··" while none is shown.
void draw_big_number(const ViewContext& ctx, const std::string& number);
// A QR-like pattern of `size` pixels at the cursor, drawn from the seed and the account (no library).
void draw_qr(std::uint64_t seed, const std::string& account, std::uint64_t serial, float size);
// "123 456": a 6-digit code in two groups, as the app shows it.
std::string group_code(const std::string& code);

}  // namespace app::signin
