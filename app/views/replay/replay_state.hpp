// app/views/replay/replay_state.hpp — the read-only session viewer, the tester's observations and
// "Save this point as a scenario": what the views show of them, and their form buffers.
//
// The Shell writes `info`, `observations` and the result texts (app/ui/shell_replay.cpp) after it
// applied a command; views only read those and edit the form buffers below them. Nothing here is
// part of the simulated world.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/bundle.hpp"
#include "sim/debrief.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace app {

// One recorded action on the viewer's timeline.
struct ReplayMark {
    sim::SimTime time = 0;
    std::string type;         // the operation, e.g. "billing.place_order"
    bool instructor = false;  // an instructor.* action (the console)
    bool failed = false;      // its result (in the replay to the end) was an error
    std::string error;        // that error's code
};

// The file open in the viewer (Shell-written).
struct ReplayInfo {
    bool active = false;
    std::string path;
    sim::LocalText title;  // the embedded scenario's title
    std::string scenario_id, note;
    sim::SimTime end_ms = 0;  // the recording's end (the slider's right end)
    sim::SimTime time = 0;    // the moment shown
    std::size_t applied = 0;  // recorded actions replayed up to that moment
    std::vector<ReplayMark> actions;
    bool reproduces = true;                      // replaying to the end reached the recorded state hash
    std::vector<sim::Observation> observations;  // the bundle's own observations
    std::size_t refused = 0;                     // commands refused because the viewer is read only
};

struct ReplayViewState {
    // Shell-written
    ReplayInfo info;
    std::string open_error;                      // why the last "Open" failed (localised); "" = fine
    std::vector<sim::Observation> observations;  // the live run's observations, for "Export support case"
    std::string point_result;                    // the last "Save this point as a scenario": path or error
    bool point_ok = false;

    // The replay bar's height in the last frame (written by draw_replay_bar, 0 when it is not shown):
    // the shell ends the page above it.
    float bar_height = 0.0f;

    // Form buffers (views)
    std::string open_path;   // "Open session or support case…"
    std::string point_dir;   // folder for "Save this point as a scenario" ("" = the current directory)
    int obs_template = 0;    // which observation template the form shows (ObservationTemplate)
    std::string obs_label;   // "" = the template's own wording
    std::string obs_person;  // sign-in name picked for desktop apps / licensed
    bool obs_yes = true;     // desktop apps shown (or not); the operation succeeded (or failed)
    std::string obs_operation, obs_error, obs_sku, obs_status;

    // The score screen's debrief (sim::make_debrief), made again only when the run it shows changed.
    sim::Debrief debrief;
    const void* debrief_sim = nullptr;
    std::uint64_t debrief_journal = 0;
    std::string debrief_key;  // language, mode, finished
};

}  // namespace app
