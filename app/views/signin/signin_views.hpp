// app/views/signin/signin_views.hpp — the sign-in page (a step of its own before a surface shows who
// you are), the simulated phone beside it, and what the rest of the app asks of them.
#pragma once

#include <string>

#include "app/views/view_context.hpp"

namespace app {

// The page (every "signin.*" screen): the card of the current step and the phone panel beside it.
void draw_signin_page(const ViewContext& ctx, CommandQueue& out);
// The simulated phone ("Authenticator"): QR scan while registering, the number or code while signing in,
// "I lost my phone". Drawn by draw_signin_page inside a child of `width` × `height`.
void draw_signin_phone(const ViewContext& ctx, CommandQueue& out, float width, float height);

// Whether `surface` goes through the sign-in page when nobody is signed in there or someone else is
// picked: the admin center, My Account and Mail, unless the instructor lets people switch at once.
bool signin_guards(const ViewContext& ctx, Surface surface);
// Starts the sign-in page for `surface` (the account field prefilled with `account`, may be ""), coming
// back to `return_to` ("" = the surface's home) once signed in. Edits the page's UI state and navigates.
void begin_signin(const ViewContext& ctx, CommandQueue& out, Surface surface, const std::string& account,
                  const std::string& return_to);
// Called before a page of a guarded surface is drawn: when nobody is signed in there, sends the trainee
// to the sign-in page instead and returns true (the page is not drawn this frame).
bool signin_redirect(const ViewContext& ctx, CommandQueue& out);
// "Sign out" / "Abmelden": tells the simulation, forgets the surface's person and shows the sign-in page.
void sign_out(const ViewContext& ctx, CommandQueue& out, Surface surface);
// The person signed in on `surface` (the work account for the portal, admin center and DNS host).
const std::string& signed_in_on(const UiState& ui, Surface surface);

}  // namespace app
