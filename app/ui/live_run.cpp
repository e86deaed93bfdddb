// app/ui/live_run.cpp — the run in the app and its clock (app/ui/live_run.hpp).
#include "app/ui/live_run.hpp"

#include <algorithm>
#include <utility>

#include "sim/run.hpp"

namespace app {

void LiveRun::stop() {
    sim_.reset();
    training_.clear();
    bridge_.reset();
}

sim::Simulation& LiveRun::start(sim::Setup setup) {
    sim_.reset();
    return sim_.emplace(std::move(setup));
}

void LiveRun::update(TrainingMode mode) {
    if (sim_) training_.update(*sim_, mode);
}

void LiveRun::run_until(sim::SimTime t, TrainingMode mode) {
    if (!sim_) return;
    sim::run_until(*sim_, t, [&](sim::Simulation&, const sim::RunStep&) { update(mode); });
}

void LiveRun::step(TrainingMode mode) {
    if (!sim_) return;
    sim_->step_to_next_event();
    update(mode);
}

void LiveRun::replay(const std::vector<sim::RecordedAction>& actions, TrainingMode mode) {
    if (!sim_) return;
    sim::replay(*sim_, actions, [&](sim::Simulation&, const sim::RunStep&) { update(mode); });
}

void LiveRun::advance_clock(double wall_seconds, bool paused, int speed, TrainingMode mode) {
    if (!sim_) return;
    const sim::SimTime step = bridge_.advance(wall_seconds, paused ? 0 : speed);
    if (step > 0) run_until(sim_->now() + step, mode);
}

std::optional<double> LiveRun::wait_clock(bool paused, int speed) const {
    if (!sim_ || paused) return std::nullopt;
    // Wake when the top bar's minute changes or the next event (an action's result) is due.
    const sim::SimTime now = sim_->now();
    sim::SimTime target = (now / sim::kMinute + 1) * sim::kMinute;
    if (const auto next = sim_->next_event_time()) target = std::min(target, std::max(*next, now));
    const std::optional<double> wait = bridge_.wall_seconds_until(target - now, speed);
    // While an action is in flight, its spinner turns: redraw at 10 Hz.
    if (sim_->pending_actions().empty()) return wait;
    return wait ? std::min(*wait, 0.1) : 0.1;
}

}  // namespace app
