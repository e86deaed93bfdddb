// tests/bench/bench_engine.cpp — engine speed: the event queue and the action round trip.
#include <benchmark/benchmark.h>

#include "sim/event_queue.hpp"
#include "sim/simulation.hpp"

namespace {

// Schedule 1,000,000 events at pseudo-random times, then pop them all.
void BM_EventQueue_ScheduleAndPop1M(benchmark::State& state) {
    for (auto _ : state) {
        sim::EventQueue q;
        std::uint64_t x = 88172645463325252ull;
        for (int i = 0; i < 1'000'000; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            q.schedule(static_cast<sim::SimTime>(x % 100'000'000), "e");
        }
        std::size_t n = 0;
        while (q.pop()) ++n;
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_EventQueue_ScheduleAndPop1M)->Unit(benchmark::kMillisecond);

sim::ActionResult noop(sim::Context& ctx, const sim::Action&) {
    benchmark::DoNotOptimize(ctx.world().people.size());
    return sim::ActionResult::success();
}

const sim::Registry& bench_registry() {
    static const sim::Registry r = [] {
        sim::Registry reg;
        reg.add_action("bench.noop", noop);  // default latency: uniform 300–1200 ms
        return reg;
    }();
    return r;
}

// Submit one action and advance until its result has arrived (journal, latency draw, event, handler).
void BM_Action_SubmitToResult(benchmark::State& state) {
    sim::Simulation s(sim::Setup{}, bench_registry());
    const sim::Action a{
        "bench.noop", "admin@verein.onmicrosoft.com", {{"user", "anna@verein.onmicrosoft.com"}}};
    for (auto _ : state) {
        const sim::ActionHandle h = s.submit(a);
        s.step_to_next_event();
        benchmark::DoNotOptimize(s.result(h));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Action_SubmitToResult);

}  // namespace
