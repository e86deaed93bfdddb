// tests/bench/bench_scenario.cpp — the full-journey reference solution played headless (runs per second).
#include <benchmark/benchmark.h>

#include <string>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"

namespace {

void BM_Scenario_FullJourneySolution(benchmark::State& state) {
    const sim::ScenarioLoad load =
        sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
    if (!load.ok()) {
        state.SkipWithError("scenarios/full-journey.json does not load");
        return;
    }
    const sim::Scenario& sc = *load.scenario;
    for (auto _ : state) {
        sim::Simulation s(sc.setup);
        sim::AssessmentTracker tracker(sc.assessment);
        const sim::SolutionRun run = sim::play_solution(sc.solution, s, &tracker);
        if (!run.ok) state.SkipWithError(run.failure.c_str());
        benchmark::DoNotOptimize(tracker.report(s).score);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Scenario_FullJourneySolution)->Unit(benchmark::kMicrosecond);

}  // namespace

// npsim-cli sweep, per seed: a scenario with random faults, its adaptive reference solution played headless
// with a new seed each iteration (the seeds 1, 2, 3, … as the sweep plays them). A seed that fails still
// counts (the sweep allows some); the counter "failed" says how many did.
namespace {

void BM_Scenario_SweepPerSeed(benchmark::State& state, const char* file) {
    const sim::ScenarioLoad load = sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + file);
    if (!load.ok()) {
        state.SkipWithError("the scenario does not load");
        return;
    }
    const sim::Scenario& sc = *load.scenario;
    std::uint64_t seed = 0;
    std::int64_t failed = 0;
    for (auto _ : state) {
        sim::Setup setup = sc.setup;
        setup.seed = ++seed;
        sim::Simulation s(std::move(setup));
        sim::AssessmentTracker tracker(sc.assessment);
        const sim::SolutionRun run = sim::play_solution(sc.solution, s, &tracker);
        tracker.update(s);
        if (!run.ok || !tracker.report(s).all_met) ++failed;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["failed"] = static_cast<double>(failed);
}
BENCHMARK_CAPTURE(BM_Scenario_SweepPerSeed, chaos_workshop, "chaos-workshop.json")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Scenario_SweepPerSeed, chaos_workshop_any_seed, "chaos-workshop-any-seed.json")
    ->Unit(benchmark::kMicrosecond);

}  // namespace
