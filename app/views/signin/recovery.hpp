// app/views/signin/recovery.hpp — "Request administrator access" / "Administratorzugriff anfordern" (C10,
// domain-admin.md §3.5): reached from the sign-in page's "Can't access your account?". The locked-out
// association asks Microsoft's Data Protection team with proof of ownership (tenant.request_recovery);
// the page then shows where the request stands, the real reason of a refusal, and the temporary password
// once access is back.
#pragma once

#include "app/ui/screens.hpp"
#include "app/views/view_context.hpp"

namespace app {

constexpr const char* kRecoveryScreen = "signin.recovery";
void draw_signin_recovery(const ViewContext& ctx, CommandQueue& out);
// --screen signin.recovery.filled: the form with an address and the registration documents ticked.
void prepare_signin_recovery_filled(const sim::Simulation* sim, UiState& ui, ViewState& state);

}  // namespace app
