// tests/ui/test_time_bridge.cpp — wall time to sim ticks: frame-rate independence, pause, sleep hints.
#include <catch2/catch.hpp>

#include <vector>

#include "app/ui/time_bridge.hpp"

namespace {

using app::TimeBridge;

// Feeds `frames` (wall seconds each) at `speed` and returns the total sim ms handed out.
sim::SimTime run(const std::vector<double>& frames, int speed) {
    TimeBridge bridge;
    sim::SimTime total = 0;
    for (double dt : frames) {
        const sim::SimTime step = bridge.advance(dt, speed);
        REQUIRE(step % TimeBridge::kTick == 0);
        total += step;
    }
    return total;
}

std::vector<double> repeat(double dt, int n) {
    return std::vector<double>(static_cast<std::size_t>(n), dt);
}

}  // namespace

TEST_CASE("the same wall time split into different frame rates gives the same sim ticks", "[ui][time]") {
    // Ten wall seconds, as 30, 60 and 144 Hz frames and as an uneven mix that sums to the same.
    std::vector<double> uneven;
    for (int i = 0; i < 100; ++i) {
        for (double dt : {0.010, 0.017, 0.033, 0.040}) uneven.push_back(dt);
    }
    for (int speed : {1, 10, 60, 600}) {
        INFO("speed " << speed);
        const sim::SimTime expected = 10 * 1000 * speed;
        CHECK(run(repeat(1.0, 10), speed) == expected);
        CHECK(run(repeat(1.0 / 30, 300), speed) == expected);
        CHECK(run(repeat(1.0 / 60, 600), speed) == expected);
        CHECK(run(repeat(1.0 / 144, 1440), speed) == expected);
        CHECK(run(uneven, speed) == expected);
    }
}

TEST_CASE("sim time moves only in whole ticks and keeps the remainder for the next frame", "[ui][time]") {
    TimeBridge bridge;
    CHECK(bridge.advance(0.05, 1) == 0);  // 50 ms: half a tick, owed
    CHECK(bridge.pending_micros() == 50'000);
    CHECK(bridge.advance(0.05, 1) == TimeBridge::kTick);
    CHECK(bridge.pending_micros() == 0);
}

TEST_CASE("a paused bridge hands out no sim time", "[ui][time]") {
    TimeBridge bridge;
    for (int i = 0; i < 600; ++i) CHECK(bridge.advance(1.0 / 60, 0) == 0);
    CHECK(bridge.advance(1.0, 1) == 1000);
}

TEST_CASE("a frame after the longest sleep still counts in full", "[ui][time]") {
    // At 1x the loop sleeps up to a minute (until the clock's minute changes); all of it counts.
    TimeBridge bridge;
    CHECK(bridge.advance(TimeBridge::kMaxSleepSeconds, 1) == 60 * 1000);
    CHECK(*bridge.wall_seconds_until(sim::kDay, 1) == Approx(TimeBridge::kMaxSleepSeconds));
}

TEST_CASE("a frame longer than any sleep counts as the longest allowed frame", "[ui][time]") {
    // A suspended laptop must not fast-forward the scenario by days at 600x.
    TimeBridge bridge;
    CHECK(bridge.advance(3600.0, 600) ==
          static_cast<sim::SimTime>(TimeBridge::kMaxFrameSeconds * 600 * 1000));
}

TEST_CASE("the bridge tells the loop how long it may sleep", "[ui][time]") {
    TimeBridge bridge;
    CHECK_FALSE(bridge.wall_seconds_until(sim::kMinute, 0).has_value());  // paused: until input
    CHECK(*bridge.wall_seconds_until(sim::kMinute, 60) == Approx(1.0));
    CHECK(*bridge.wall_seconds_until(sim::kMinute, 600) == Approx(0.1));
    bridge.advance(0.05, 1);  // half a tick already owed
    CHECK(*bridge.wall_seconds_until(50, 1) == Approx(0.05));
}
