// sim/domain/run.cpp — the clock loop and the recorded-action loop (sim/run.hpp).
#include "sim/run.hpp"

#include <algorithm>

namespace sim {

namespace {

void notify(const RunObserver& observer, Simulation& sim, RunPoint point, std::size_t submitted = 0) {
    if (observer) observer(sim, RunStep{point, submitted});
}

}  // namespace

bool run_next_event(Simulation& sim, const RunObserver& observer) {
    const auto next = sim.next_event_time();
    if (!next) return false;
    sim.run_until(std::max(*next, sim.now()));
    notify(observer, sim, RunPoint::Event);
    return true;
}

void run_until(Simulation& sim, SimTime t, const RunObserver& observer) {
    t = std::max(t, sim.now());
    for (auto next = sim.next_event_time(); next && *next <= t; next = sim.next_event_time())
        run_next_event(sim, observer);
    sim.run_until(std::max(t, sim.now()));
    notify(observer, sim, RunPoint::Reached);
}

void run_all_events(Simulation& sim, const RunObserver& observer) {
    while (run_next_event(sim, observer)) {
    }
    notify(observer, sim, RunPoint::Reached);
}

void submit_at(Simulation& sim, SimTime t, const Action& action, std::size_t submitted_before,
               const RunObserver& observer) {
    if (t >= sim.now()) run_until(sim, t, observer);
    sim.submit(action);
    notify(observer, sim, RunPoint::Submitted, submitted_before + 1);
}

}  // namespace sim
