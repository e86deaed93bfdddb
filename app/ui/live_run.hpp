// app/ui/live_run.hpp — the run in the app: its simulation, its training session (checklist, score,
// demo, countdown) and its clock (wall seconds → sim time through the TimeBridge).
//
// Every move of the clock goes through sim::run_until / sim::replay (sim/run.hpp) event by event, and
// the training session is updated after each step, so the assessment sees every state on the way,
// whatever the frame rate. The Shell decides what happens (commands, loading, resume); this class
// only owns the run and moves it.
#pragma once

#include <optional>
#include <vector>

#include "app/ui/time_bridge.hpp"
#include "app/ui/training.hpp"
#include "sim/bundle.hpp"
#include "sim/simulation.hpp"

namespace app {

class LiveRun {
public:
    sim::Simulation* sim() { return sim_ ? &*sim_ : nullptr; }
    const sim::Simulation* sim() const { return sim_ ? &*sim_ : nullptr; }
    Training& training() { return training_; }
    const Training& training() const { return training_; }

    // No run: no simulation, the training session cleared, the clock's owed time dropped.
    void stop();
    // A fresh simulation from `setup` (the training session is the caller's to begin).
    sim::Simulation& start(sim::Setup setup);

    // The training session looks at the simulation as it is now.
    void update(TrainingMode mode);
    // Runs the simulation to `t` event by event, updating the training session after every step.
    void run_until(sim::SimTime t, TrainingMode mode);
    // Processes the next event (SkipToNextEvent), then updates the training session.
    void step(TrainingMode mode);
    // Resume: the recorded actions at their times, event by event like the live run.
    void replay(const std::vector<sim::RecordedAction>& actions, TrainingMode mode);
    // `wall_seconds` of the app's clock at `speed` (0 while paused) as whole sim ticks, run.
    void advance_clock(double wall_seconds, bool paused, int speed, TrainingMode mode);
    // How long the loop may sleep before the clock shows something new (the top bar's minute, the next
    // event, an action's spinner); nullopt: until input.
    std::optional<double> wait_clock(bool paused, int speed) const;

private:
    std::optional<sim::Simulation> sim_;
    Training training_;
    TimeBridge bridge_;
};

}  // namespace app
