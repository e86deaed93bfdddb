// app/views/replay/replay_views.hpp — the read-only session viewer ("scenario.replay"), its floating
// bar on the other surfaces, observations for support cases, "Save this point as a scenario" and the
// debrief timeline of the score screen.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/ui/screens.hpp"
#include "app/views/view_context.hpp"
#include "sim/debrief.hpp"
#include "sim/simulation.hpp"

namespace app {

// "scenario.replay" for the screen registry.
std::vector<ScreenSpec> replay_screens();

// The viewer screen: banner, facts of the recording, timeline, actions, observations, save, close.
void draw_replay_screen(const ViewContext& ctx, CommandQueue& out);
// The small floating "Replay — read only" window with the timeline, drawn by the shell after the main
// window while the viewer is open and the work area shows another screen.
void draw_replay_bar(const ViewContext& ctx, CommandQueue& out);
// The slider over the recording's sim time, a mark per recorded action, and the step buttons.
void draw_replay_timeline(const ViewContext& ctx, CommandQueue& out, bool compact);
// "Open session or support case…": path field, Open button, and why the last open failed.
void draw_open_recording(const ViewContext& ctx, CommandQueue& out);
// Expected observations of the live run: template form, list with live results and remove buttons.
void draw_observations(const ViewContext& ctx, CommandQueue& out);
// "Save this point as a scenario": folder field, button and the path written or the error.
void draw_save_point(const ViewContext& ctx, CommandQueue& out);
// The debrief's timeline (lanes, marks coloured by kind, tooltips, time axis), drawn with ImDrawList.
void draw_debrief_timeline(const ViewContext& ctx, const sim::Debrief& debrief);

// Whether an observation's condition holds in `sim` now (assessment conditions and "last_result").
bool observation_holds(const nlohmann::json& condition, const sim::Simulation& sim);
// "Tue 4 Mar 09:12" of a sim time, for the timeline and the lists.
std::string replay_time_text(const ViewContext& ctx, sim::SimTime t);

}  // namespace app
