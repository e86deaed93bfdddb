// sim/run.hpp — the one loop that moves a simulation's clock, and the one that replays recorded actions.
//
// Every caller that runs a simulation forward (the app's clock, resume, the session viewer, the CLI,
// verify_bundle, the reference solution) steps through these, so they all see the same states in the
// same order. Stepping event time by event time gives exactly the journal and state of one
// Simulation::run_until to the same time: the observer only gets to look in between.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>

#include "sim/action.hpp"
#include "sim/simulation.hpp"
#include "sim/time.hpp"

namespace sim {

// Where a run stopped to call its observer.
enum class RunPoint {
    Event,      // the events due at one time were processed; the clock is at that time
    Reached,    // run_until: the clock reached its target (always called once, at the end)
    Submitted,  // replay: a recorded action was submitted (the count so far is in RunStep::submitted)
};

struct RunStep {
    RunPoint point = RunPoint::Event;
    std::size_t submitted = 0;  // recorded actions submitted by this replay so far
};

// Called at every RunPoint; may look at the simulation, and may run it further itself.
using RunObserver = std::function<void(Simulation&, const RunStep&)>;

// Runs `sim` to `t` (a time before now() means now()): every event due up to and including `t` is
// processed, one event time after another, with `observer` called after each (RunPoint::Event); then
// the clock moves to `t` and `observer` sees RunPoint::Reached.
void run_until(Simulation& sim, SimTime t, const RunObserver& observer = {});

// Processes every queued event (and those they schedule), one event time after another, with
// `observer` after each (RunPoint::Event), then once more with RunPoint::Reached; the clock stays at
// the last event's time.
void run_all_events(Simulation& sim, const RunObserver& observer = {});

// Processes the events due at the next event time, if any (observer: RunPoint::Event). False if none.
bool run_next_event(Simulation& sim, const RunObserver& observer = {});

// One recorded action at its time: when `t` is not before now(), the clock runs there first
// (run_until, with `observer`); then `action` is submitted and `observer` sees RunPoint::Submitted
// with `submitted_before + 1`.
void submit_at(Simulation& sim, SimTime t, const Action& action, std::size_t submitted_before,
               const RunObserver& observer = {});

// Which part of a recording replay() plays: at most `max_actions` actions, none recorded after `latest`.
struct ReplayLimit {
    std::size_t max_actions = std::numeric_limits<std::size_t>::max();
    SimTime latest = std::numeric_limits<SimTime>::max();
};

// Replays recorded actions (anything with `.time` and `.action`, e.g. sim::RecordedAction) in order,
// each through submit_at, and stops at the first one beyond `limit`. The clock stays at the last
// action; the caller runs it on (run_until) to the recording's end. Returns how many were submitted.
template <class Recorded>
std::size_t replay(Simulation& sim, const Recorded& actions, const RunObserver& observer = {},
                   const ReplayLimit& limit = {}) {
    std::size_t submitted = 0;
    for (const auto& a : actions) {
        if (submitted >= limit.max_actions || a.time > limit.latest) break;
        submit_at(sim, a.time, a.action, submitted, observer);
        ++submitted;
    }
    return submitted;
}

}  // namespace sim
