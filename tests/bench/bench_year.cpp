// tests/bench/bench_year.cpp — the grant's year at scale (issue 15 item 7): an association of 300 people
// (250 on the Business Basic grant, 50 on paid Business Standard), usage on (one activity event per
// simulated day, the 85 % review every 30 days: this mix falls below 85 %, so the warning, the final
// notice and the disabling come), the subscription lifecycle on (12 monthly renewals with invoices), run
// through the whole year with skip-to-next-event (sim::run_all_events). Target: the whole run under 200 ms.
// Run: npsim_bench --benchmark_filter=Year
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/catalog.hpp"
#include "sim/run.hpp"
#include "sim/simulation.hpp"
#include "sim/usage.hpp"
#include "sim/world.hpp"

namespace {

using nlohmann::json;

constexpr int kByPeople = 300;
constexpr int kByGrant = 250;  // the rest hold paid Business Standard
constexpr const char* kByGrantSku = "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT";
constexpr const char* kByPaidSku = "M365_BUSINESS_STANDARD_NONPROFIT_STAFF";

// Every 20 people: 13 active, 3 occasional, 1 rare, 3 who left (about 80 % of the grant in use).
const char* by_profile(int i) {
    const int k = i % 20;
    if (k < 13) return "active";
    if (k < 16) return "occasional";
    if (k < 17) return "rare";
    return "left";
}

json by_scenario() {
    json people = json::array();
    json profiles = json::array();
    for (int i = 0; i < kByPeople; ++i) {
        const std::string name = "person" + std::to_string(i);
        json p = {{"upn", name},
                  {"first_name", "Person"},
                  {"last_name", std::to_string(i)},
                  {"kind", "paid_staff"},
                  {"usage_location", "DE"},
                  {"licences", json::array({i < kByGrant ? "grant" : "standard"})}};
        if (i == 0) {
            p["roles"] = {"global_admin"};
            p["licences"].push_back("NONPROFIT_PORTAL");
        }
        people.push_back(std::move(p));
        profiles.push_back({{"user", name}, {"profile", i == 0 ? "active" : by_profile(i)}});
    }
    return {{"settings", {{"usage_tracking", true}, {"usage_days", 365}, {"subscription_lifecycle", true}}},
            {"start",
             {{"tenant", {{"name", "grosserverein"}}},
              {"organisation", {{"status", "approved"}, {"form", {{"legal_name", "Großer Verein e.V."}}}}},
              {"payment_methods", json::array({{{"kind", "card"}, {"label", "•••• 4242"}}})},
              {"subscriptions", json::array({{{"id", "grant"},
                                              {"sku", kByGrantSku},
                                              {"quantity", kByGrant},
                                              {"term", "P1Y"},
                                              {"billing_frequency", "annual"}},
                                             {{"id", "standard"},
                                              {"sku", kByPaidSku},
                                              {"quantity", kByPeople - kByGrant},
                                              {"term", "P1M"},
                                              {"billing_frequency", "monthly"}}})},
              {"people", people},
              {"usage", {{"history_days", 90}, {"people", profiles}}}}}};
}

sim::Setup by_setup() {
    sim::Catalog catalog;
    std::string error;
    if (!sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "from-2025-07", nullptr, catalog, error))
        std::abort();
    sim::Setup s;
    s.seed = 365;
    s.start_date = sim::CivilDate{2025, 9, 1};
    std::vector<sim::StartStateError> errors;
    if (!sim::world_from_scenario(by_scenario(), catalog, s.world, errors)) std::abort();
    return s;
}

void BM_Year_300People_RunAllEvents(benchmark::State& state) {
    const sim::Setup setup = by_setup();
    std::size_t events = 0;
    for (auto _ : state) {
        sim::Simulation s(setup);
        sim::run_all_events(s);
        events = s.journal().size();
        const sim::GrantUtilisation g = sim::grant_utilisation(s.world(), s.now());
        benchmark::DoNotOptimize(g.percent);
        if (s.now() < 364 * sim::kDay) state.SkipWithError("the year did not run to its end");
    }
    state.counters["journal_entries"] = static_cast<double>(events);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Year_300People_RunAllEvents)->Unit(benchmark::kMillisecond);

}  // namespace
