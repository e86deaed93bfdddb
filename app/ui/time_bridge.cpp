// app/ui/time_bridge.cpp — the fixed-step accumulator between wall time and sim time.
#include "app/ui/time_bridge.hpp"

#include <algorithm>
#include <cmath>

namespace app {

sim::SimTime TimeBridge::advance(double wall_seconds, int speed) {
    if (speed <= 0 || !(wall_seconds > 0.0)) return 0;
    wall_seconds = std::min(wall_seconds, kMaxFrameSeconds);

    // Quantise to whole wall microseconds, carrying the rounding error to the next frame: the sum of
    // the quantised frames then equals the rounded total, whatever the split. Integer maths from here.
    const double exact = wall_seconds * 1e6 + wall_carry_;
    const double whole = std::round(exact);
    wall_carry_ = exact - whole;

    sim_micros_ += static_cast<std::int64_t>(whole) * speed;
    const std::int64_t ticks = sim_micros_ / kMicrosPerTick;
    sim_micros_ -= ticks * kMicrosPerTick;
    return ticks * kTick;
}

std::optional<double> TimeBridge::wall_seconds_until(sim::SimTime sim_delta, int speed) const {
    if (speed <= 0) return std::nullopt;
    // A delta that is not a whole tick is only handed out at the tick that covers it.
    const sim::SimTime ticks = std::max<sim::SimTime>(1, (sim_delta + kTick - 1) / kTick);
    const std::int64_t missing = std::max<std::int64_t>(0, ticks * kMicrosPerTick - sim_micros_);
    return std::min(kMaxSleepSeconds, static_cast<double>(missing) / 1e6 / speed);
}

void TimeBridge::reset() {
    wall_carry_ = 0.0;
    sim_micros_ = 0;
}

}  // namespace app
