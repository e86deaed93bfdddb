// app/views/scenario/scenario_views.hpp — the Scenario surface: overview (library, mode, language,
// start), checklist (objectives, hints, demo caption, countdown), score (feedback, penalties,
// debrief), instructor console (faults, freeze, jump ahead, reset), and the floating checklist window.
#pragma once

#include <string>

#include "app/views/view_context.hpp"

namespace app {

void draw_scenario_overview(const ViewContext& ctx, CommandQueue& out);
void draw_scenario_checklist(const ViewContext& ctx, CommandQueue& out);
void draw_scenario_score(const ViewContext& ctx, CommandQueue& out);
void draw_scenario_console(const ViewContext& ctx, CommandQueue& out);

// The small floating "Checklist" window, drawn by the shell after the main window while a scenario
// runs in demo, guided or exam mode and the work area shows another surface.
void draw_training_window(const ViewContext& ctx, CommandQueue& out);

// Shared pieces
// The checklist itself; `compact` for the floating window (current hints only, no finish button).
void draw_checklist_body(const ViewContext& ctx, CommandQueue& out, bool compact);
// A small box with a check mark (met) or empty, one text line high.
void tick_mark(bool met);
// "Export repro bundle": note, folder, button, the `npsim-cli replay FILE` tip and the result line.
void draw_bundle_export(const ViewContext& ctx, CommandQueue& out);
// The saved session on the overview: "Resume last session", autosave status, or why it cannot resume.
void draw_session_box(const ViewContext& ctx, CommandQueue& out);
// The screen's title in the heading font.
void scenario_heading(const std::string& text);
// "mm:ss" (or "h:mm:ss") of a countdown.
std::string format_countdown(double seconds);

}  // namespace app
