// tests/bench/bench_world.cpp — the simulated world at scale: 10,000 people, 20 subscriptions.
//
// Targets (issue 3): any single action applies in under 50 µs (median), the state hash of such a
// world takes under 20 ms. Run: npsim_bench --benchmark_filter=World
#include <benchmark/benchmark.h>

#include <string>

#include "sim/catalog.hpp"
#include "sim/data_files.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

namespace {

constexpr int kPeople = 10000;
constexpr int kSubscriptions = 20;
constexpr const char* kSku = "M365_BUSINESS_PREMIUM_NONPROFIT_STAFF";

std::string upn(int i) {
    return "user" + std::to_string(i) + "@bench.onmicrosoft.com";
}

// An approved tenant; 20 subscriptions of 600 seats; every second person licensed; a few mails each.
sim::World big_world() {
    sim::World w;
    std::string error;
    if (!sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "before-2025-07", nullptr, w.catalog, error))
        std::abort();
    w.tenant.exists = true;
    w.tenant.name = "bench";
    w.tenant.initial_domain = "bench.onmicrosoft.com";
    w.tenant.nonprofit_tagged = true;
    w.organisation.status = sim::PortalStatus::Approved;
    for (int s = 0; s < kSubscriptions; ++s) {
        sim::Subscription sub;
        sub.id = w.make_id("sub");
        sub.sku = kSku;
        sub.quantity = 600;
        sub.price_cents_each = 550;
        w.subscriptions.push_back(sub);
    }
    for (int i = 0; i < kPeople; ++i) {
        sim::Person p(upn(i), "User " + std::to_string(i));
        p.id = w.make_id("user");
        p.first_name = "User";
        p.last_name = std::to_string(i);
        p.usage_location = "DE";
        if (i == 0) p.roles = sim::role_bit(sim::Role::GlobalAdmin);
        if (i % 2 == 0) {
            sim::Subscription& sub = w.subscriptions[static_cast<std::size_t>((i / 2) % kSubscriptions)];
            ++sub.assigned;
            p.licences.push_back({kSku, sub.id, sim::LicenceState::Active, 0, 0, w.next_id++});
        }
        if (i % 3 == 0) {
            sim::Mail m;
            m.id = w.make_id("mail");
            m.subject_key = "mail.welcome.subject";
            m.body_key = "mail.welcome.body";
            m.params = {{"upn", p.upn}, {"display_name", p.display_name}};
            p.inbox.push_back(m);
        }
        w.add_person(std::move(p));
    }
    return w;
}

sim::Setup setup() {
    sim::Setup s;
    s.seed = 42;
    s.world = big_world();
    return s;
}

void run_action(sim::Simulation& sim, const sim::Action& a) {
    const sim::ActionHandle h = sim.submit(a);
    while (sim.is_pending(h) && sim.step_to_next_event()) {
    }
}

// Assign and unassign a licence for a person in the 10,000 (one action per iteration).
void BM_World_AssignLicence(benchmark::State& state) {
    sim::Simulation sim(setup());
    const std::string admin = upn(0);
    int i = 0;
    for (auto _ : state) {
        const int person = 1 + 2 * ((i / 2) % 4000);  // odd people hold no licence
        const char* type = (i % 2 == 0) ? "licences.assign" : "licences.unassign";
        run_action(sim, sim::Action{type, admin, {{"sku", kSku}, {"user", upn(person)}}});
        ++i;
    }
    if (sim.world().find_person(upn(1)) == nullptr) state.SkipWithError("world broken");
}
BENCHMARK(BM_World_AssignLicence)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

// Edit a user's usage location.
void BM_World_EditUser(benchmark::State& state) {
    sim::Simulation sim(setup());
    const std::string admin = upn(0);
    int i = 0;
    for (auto _ : state) {
        run_action(sim,
                   sim::Action{"users.edit",
                               admin,
                               {{"user", upn(9999 - (i % 5000))}, {"usage_location", i % 2 ? "DE" : "AT"}}});
        ++i;
    }
}
BENCHMARK(BM_World_EditUser)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

// Add a user (the wizard, with a welcome mail) to the 10,000.
void BM_World_AddUser(benchmark::State& state) {
    sim::Simulation sim(setup());
    const std::string admin = upn(0);
    int i = 0;
    for (auto _ : state) {
        run_action(sim, sim::Action{"users.add",
                                    admin,
                                    {{"display_name", "New"},
                                     {"username", "new" + std::to_string(i++)},
                                     {"usage_location", "DE"}}});
    }
}
BENCHMARK(BM_World_AddUser)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

// The state hash of the whole simulation (world, catalog, settings, queue, streams).
void BM_World_StateHash(benchmark::State& state) {
    sim::Simulation sim(setup());
    for (auto _ : state) benchmark::DoNotOptimize(sim.state_hash());
}
BENCHMARK(BM_World_StateHash)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
