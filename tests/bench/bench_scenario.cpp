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
