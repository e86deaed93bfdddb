// app/views/instructor/instructor_views.hpp — the instructor console: a floating window (top bar
// "Instructor", F9) and the "scenario.console" page, drawn from the same parts.
//
// Default view = the essentials (a station that is too complex goes unused): freeze/resume, skip to
// the next event, "make the next [operation] fail with [error]", reset. "Advanced" adds the live fault
// rules, time warp, checkpoints, the journal and the trainee's progress. Every button submits an
// instructor.* action (docs/sessions.md), so it is journaled and a replay reproduces it.
#pragma once

#include <string>

#include "app/views/view_context.hpp"
#include "sim/action.hpp"
#include "sim/ops.hpp"

namespace app {

constexpr const char* kInstructorTag = "instructor";  // SubmitAction tag of every console action

// The floating window; drawn by the shell after the main window while it is open.
void draw_instructor_window(const ViewContext& ctx, CommandQueue& out);

// The PIN that locks the console: the one set in the settings menu for this run, else the
// scenario's "instructor": {"pin"}; "" = no lock.
std::string instructor_pin(const ViewContext& ctx);
bool instructor_locked(const ViewContext& ctx);
// The locked console: a masked PIN field and "Unlock" (nothing else is drawn while locked).
void draw_instructor_lock(const ViewContext& ctx);

// Parts (each draws at the cursor, at the available width)
void draw_instructor_essentials(const ViewContext& ctx, CommandQueue& out);
// Live rules table; `compact` (the window): the row actions open from a "..." menu.
void draw_fault_rules(const ViewContext& ctx, CommandQueue& out, bool compact = false);
void draw_fault_form(const ViewContext& ctx, CommandQueue& out);   // add from a small form or JSON, edit
void draw_time_warp(const ViewContext& ctx, CommandQueue& out);    // +1 h, +1 day, +2 days, +1 week
void draw_checkpoints(const ViewContext& ctx, CommandQueue& out);  // save by name, restore
void draw_live_journal(const ViewContext& ctx, float height);      // last entries, one line each
void draw_trainee_progress(const ViewContext& ctx);                // objectives met, score so far
// The open support requests and a reply box (sim/support.hpp, support.reply).
void draw_support_replies(const ViewContext& ctx, CommandQueue& out);
void draw_instructor_advanced(const ViewContext& ctx, CommandQueue& out);  // all of the above

// Shared helpers
// Submits an instructor operation built by sim/ops.hpp (sim::ops::freeze(), …) under kInstructorTag.
void submit_instructor(CommandQueue& out, sim::Action action);
// The localised name of an operation ("licences.assign" → "Assign licences"), else the type itself.
std::string operation_name(const ViewContext& ctx, const std::string& type);
// A fault rule's operation pattern in words: "*" → "Every action", "billing.*" → "Every action:
// Billing", an operation → its name; another pattern stays as written.
std::string operation_pattern_name(const ViewContext& ctx, const std::string& pattern);
// The short name of a result code ("errname.<code>": "No licences left"), else the code itself.
std::string error_name(const ViewContext& ctx, const std::string& code);
// A fault effect ("error", "latency", "throttle", "hang") in words.
std::string fault_effect_name(const ViewContext& ctx, const std::string& effect);
// Raw ids for testers: a tooltip on the last item while it is hovered (nothing when `ids` is empty).
void id_tooltip(const std::string& ids);

}  // namespace app
