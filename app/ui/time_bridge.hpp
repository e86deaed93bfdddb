// app/ui/time_bridge.hpp — turns wall-clock seconds into whole simulated ticks, frame-rate independent.
//
// Wall time × speed goes through a fixed-step accumulator: the simulation only ever moves in whole
// ticks (kTick ms), and the same total wall time gives the same number of ticks however it is split
// into frames. The bridge is pure: it never reads a clock, the caller hands it the frame's duration.
#pragma once

#include <cstdint>
#include <optional>

#include "sim/time.hpp"

namespace app {

class TimeBridge {
public:
    static constexpr sim::SimTime kTick = 100;  // ms of sim time per step
    // The loop never sleeps longer than kMaxSleepSeconds, so a frame longer than kMaxFrameSeconds
    // means a suspended machine or a debugger: it counts as kMaxFrameSeconds, not as a night at 600x.
    static constexpr double kMaxSleepSeconds = 60.0;
    static constexpr double kMaxFrameSeconds = 2.0 * kMaxSleepSeconds;
    static constexpr std::int64_t kMicrosPerTick = kTick * 1000;

    // Adds one frame of wall time at `speed` sim seconds per wall second (0 = paused) and returns
    // the sim milliseconds to advance now: always a whole number of ticks.
    sim::SimTime advance(double wall_seconds, int speed);

    // Wall seconds until `sim_delta` ms of sim time will have been handed out at `speed`, at most
    // kMaxSleepSeconds; nullopt when paused (nothing will happen until the person acts).
    std::optional<double> wall_seconds_until(sim::SimTime sim_delta, int speed) const;

    // Sim time owed but not yet handed out (less than one tick), in microseconds.
    std::int64_t pending_micros() const { return sim_micros_; }
    void reset();

private:
    double wall_carry_ = 0.0;      // wall µs not yet counted (|carry| <= 0.5), so rounding never drifts
    std::int64_t sim_micros_ = 0;  // sim µs accumulated towards the next tick
};

}  // namespace app
