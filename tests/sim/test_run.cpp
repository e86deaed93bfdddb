// tests/sim/test_run.cpp — the one clock loop (sim::run_until) and the one replay loop (sim::replay):
// stepping event by event reaches the same journal and state as one Simulation::run_until, the
// observer sees every event time in order, and a replay of recorded actions reproduces the run.
#include <catch2/catch.hpp>

#include <vector>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/hash.hpp"
#include "sim/run.hpp"
#include "sim/solution.hpp"

using namespace sim;

namespace {

Scenario run_full_journey() {
    ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
    REQUIRE(l.ok());
    return *l.scenario;
}

// The full journey's reference solution played, then a day more: a run with many events.
ReproBundle recorded_run(const Scenario& sc) {
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    s.run_until(s.now() + kDay);
    return make_bundle(sc, s);
}

Simulation fresh(const Scenario& sc, const ReproBundle& b) {
    Setup setup = sc.setup;
    setup.seed = b.seed;
    return Simulation(setup);
}

}  // namespace

TEST_CASE("run_until steps event by event to the journal and state of one Simulation::run_until",
          "[sim][run]") {
    const Scenario sc = run_full_journey();
    const ReproBundle b = recorded_run(sc);
    REQUIRE(b.actions.size() >= 2);

    // Both: the first two actions, then the clock 30 days on.
    Simulation whole = fresh(sc, b);
    Simulation stepped = fresh(sc, b);
    for (std::size_t i = 0; i < 2; ++i) {
        whole.run_until(b.actions[i].time);
        whole.submit(b.actions[i].action);
        stepped.run_until(b.actions[i].time);
        stepped.submit(b.actions[i].action);
    }
    const SimTime to = whole.now() + 30 * kDay;
    whole.run_until(to);

    std::vector<SimTime> event_times;
    int reached = 0;
    run_until(stepped, to, [&](Simulation& s, const RunStep& at) {
        if (at.point == RunPoint::Event) {
            CHECK(reached == 0);
            event_times.push_back(s.now());
        } else {
            CHECK(at.point == RunPoint::Reached);
            CHECK(s.now() == to);
            ++reached;
        }
    });
    CHECK(reached == 1);
    REQUIRE_FALSE(event_times.empty());
    for (std::size_t i = 1; i < event_times.size(); ++i) CHECK(event_times[i - 1] < event_times[i]);
    CHECK(event_times.back() <= to);
    CHECK(stepped.now() == to);
    CHECK(stepped.journal().hash() == whole.journal().hash());
    CHECK(stepped.state_hash() == whole.state_hash());
}

TEST_CASE("run_until to a time already passed stays at now and still reports it", "[sim][run]") {
    const Scenario sc = run_full_journey();
    Simulation s(sc.setup);
    s.run_until(kHour);
    const auto hash = s.state_hash();
    int reached = 0;
    run_until(s, 0, [&](Simulation& sim, const RunStep& at) {
        CHECK(at.point == RunPoint::Reached);
        CHECK(sim.now() == kHour);
        ++reached;
    });
    CHECK(reached == 1);
    CHECK(s.state_hash() == hash);
}

TEST_CASE("run_all_events empties the queue, run_next_event moves to the next event only", "[sim][run]") {
    const Scenario sc = run_full_journey();
    const ReproBundle b = recorded_run(sc);
    Simulation s = fresh(sc, b);
    replay(s, b.actions);
    REQUIRE(s.next_event_time());
    const SimTime next = *s.next_event_time();
    CHECK(run_next_event(s));
    CHECK(s.now() == next);
    int reached = 0;
    SimTime last = s.now();
    run_all_events(s, [&](Simulation& sim, const RunStep& at) {
        CHECK(sim.now() >= last);
        last = sim.now();
        reached += at.point == RunPoint::Reached;
    });
    CHECK(reached == 1);
    CHECK_FALSE(s.next_event_time());
    CHECK_FALSE(run_next_event(s));
}

TEST_CASE("replay of recorded actions reproduces the recorded journal and state", "[sim][run][replay]") {
    const Scenario sc = run_full_journey();
    const ReproBundle b = recorded_run(sc);
    Simulation s = fresh(sc, b);
    std::vector<std::size_t> counts;
    const std::size_t n = replay(s, b.actions, [&](Simulation& sim, const RunStep& at) {
        if (at.point != RunPoint::Submitted) return;
        counts.push_back(at.submitted);
        CHECK(sim.now() == b.actions[at.submitted - 1].time);
    });
    CHECK(n == b.actions.size());
    REQUIRE(counts.size() == b.actions.size());
    for (std::size_t i = 0; i < counts.size(); ++i) CHECK(counts[i] == i + 1);
    run_until(s, b.end_time);
    CHECK(s.journal().entries().size() == b.journal.size());
    CHECK(hex64(s.journal().hash()) == b.journal_hash);
    CHECK(hex64(s.state_hash()) == b.state_hash);
    // The same as the bundle's own verification.
    CHECK(verify_bundle(b).reproduced());
}

TEST_CASE("replay stops at its limit: a number of actions or a latest time", "[sim][run][replay]") {
    const Scenario sc = run_full_journey();
    const ReproBundle b = recorded_run(sc);
    REQUIRE(b.actions.size() >= 3);

    Simulation first_two = fresh(sc, b);
    CHECK(replay(first_two, b.actions, {}, ReplayLimit{2}) == 2);
    CHECK(first_two.now() == b.actions[1].time);

    Simulation by_time = fresh(sc, b);
    const SimTime latest = b.actions[2].time;
    std::size_t expected = 0;
    for (const RecordedAction& a : b.actions) expected += a.time <= latest ? 1 : 0;
    CHECK(replay(by_time, b.actions, {}, ReplayLimit{ReplayLimit{}.max_actions, latest}) == expected);

    // A prefix replayed through sim::replay_prefix is the same world.
    std::string error;
    const auto prefix = replay_prefix(b, 2, first_two.now(), error);
    REQUIRE(prefix);
    CHECK(prefix->state_hash() == first_two.state_hash());
}
