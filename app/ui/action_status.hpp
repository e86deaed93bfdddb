// app/ui/action_status.hpp — showing what became of an action a view submitted: a spinner while
// its simulated latency runs, then its error where the real system shows it (or nothing when ok).
#pragma once

#include <optional>
#include <string>

#include "app/views/view_context.hpp"

namespace app {

enum class ActionStatus { None, Pending, Ok, Failed };

// The status of the last action submitted under `tag` (SubmitAction::tag); fills `result` when known.
ActionStatus action_status(const ViewContext& ctx, const std::string& tag,
                           sim::ActionResult* result = nullptr);
// The localised message of a failed result, with its parameters filled in.
std::string error_text(const ViewContext& ctx, const sim::ActionResult& r);
// Draws a spinner and "Working…" while pending, or the error in the error colour (a role error with the
// link below); returns the status.
ActionStatus draw_action_status(const ViewContext& ctx, const std::string& tag);
// A role error ("<area>.insufficient_role", issue 14): the link "Open Role assignments" to Roles > Role
// assignments (admin.roles), drawn under the message wherever an error is shown (draw_action_status,
// admin::error_banner); nothing for other results, on the Roles page itself, or without ctx.commands.
bool is_role_error(const sim::ActionResult& r);
void draw_role_link(const ViewContext& ctx, const sim::ActionResult& r);
// A small spinning arc at the cursor (an animation only: it never touches sim time).
void spinner(float radius);
// Forgets the action under `tag` (e.g. when a wizard closes).
void forget_action(const ViewContext& ctx, const std::string& tag);

}  // namespace app
