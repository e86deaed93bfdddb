// tests/bench/bench_session.cpp — what a session costs: the autosave after an action (bundle +
// text), the verified replay of a recorded session, and its debrief as HTML.
#include <benchmark/benchmark.h>

#include <optional>
#include <string>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/debrief.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"

namespace {

struct Recorded {
    sim::Scenario scenario;
    std::optional<sim::Simulation> sim;
    sim::ReproBundle bundle;
};

// The full journey's reference solution, played once and recorded.
const Recorded* recorded_full_journey(benchmark::State& state) {
    static std::optional<Recorded> r;
    if (!r) {
        sim::ScenarioLoad load =
            sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
        if (!load.ok()) {
            state.SkipWithError("scenarios/full-journey.json does not load");
            return nullptr;
        }
        r.emplace();
        r->scenario = std::move(*load.scenario);
        r->sim.emplace(r->scenario.setup);
        if (!sim::play_solution(r->scenario.solution, *r->sim).ok) {
            state.SkipWithError("the reference solution failed");
            r.reset();
            return nullptr;
        }
        r->bundle = sim::make_bundle(r->scenario, *r->sim);
    }
    return &*r;
}

// The autosave's work after each action, without the disk: make the bundle and lay out its text.
void BM_Session_MakeAndSerialise(benchmark::State& state) {
    const Recorded* r = recorded_full_journey(state);
    if (!r) return;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = sim::bundle_text(sim::to_json(sim::make_bundle(r->scenario, *r->sim)));
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Session_MakeAndSerialise)->Unit(benchmark::kMicrosecond);

// `npsim-cli replay`'s work: load the embedded scenario, replay, compare every journal entry and hash.
void BM_Session_VerifyReplay(benchmark::State& state) {
    const Recorded* r = recorded_full_journey(state);
    if (!r) return;
    for (auto _ : state) {
        const sim::ReplayReport report = sim::verify_bundle(r->bundle);
        if (!report.ok()) state.SkipWithError("the recorded session did not reproduce");
        benchmark::DoNotOptimize(report.hashes_match);
    }
}
BENCHMARK(BM_Session_VerifyReplay)->Unit(benchmark::kMicrosecond);

// The debrief of that session as one self-contained HTML page (replay with assessment + layout).
void BM_Session_DebriefHtml(benchmark::State& state) {
    const Recorded* r = recorded_full_journey(state);
    if (!r) return;
    const sim::Strings text = sim::Strings::load(std::string(NPSIM_TEST_ASSET_DIR) + "/i18n", "en");
    for (auto _ : state) {
        std::string error;
        const sim::Debrief d = sim::debrief_from_bundle(r->bundle, text, error);
        const std::string html = sim::debrief_html(d, text);
        benchmark::DoNotOptimize(html.data());
    }
}
BENCHMARK(BM_Session_DebriefHtml)->Unit(benchmark::kMicrosecond);

}  // namespace
