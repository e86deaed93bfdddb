// tests/bench/bench_domains.cpp — Settings > Domains at scale (issue 13 item 9): Check health on a zone
// of 200 records in a tenant of 10,000 users on the domain. Target: under 1 ms.
// Run: npsim_bench --benchmark_filter=Domains
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "sim/catalog.hpp"
#include "sim/data_files.hpp"
#include "sim/domains.hpp"
#include "sim/world.hpp"

namespace {

constexpr int kBdUsers = 10000;
constexpr int kBdRecords = 200;
constexpr const char* kBdDomain = "tsv-musterstadt.de";

sim::DnsRecord bd_record(sim::World& w, const std::string& type, const std::string& host,
                         const std::string& value, int priority = 0) {
    sim::DnsRecord r;
    r.id = w.make_id("rec");
    r.type = type;
    r.host = host;
    r.value = value;
    r.priority = priority;
    return r;
}

// A verified domain with its records finished, 10,000 users on it (every tenth with an alias) and a zone
// of 200 published, propagated records: the four Microsoft expects (one SPF wrong) and 196 others.
sim::World bd_world() {
    sim::World w;
    std::string error;
    if (!sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "before-2025-07", nullptr, w.catalog, error))
        std::abort();
    w.tenant.exists = true;
    w.tenant.name = "tsvmuster";
    w.tenant.initial_domain = "tsvmuster.onmicrosoft.com";
    sim::TenantDomain d;
    d.name = kBdDomain;
    d.verified = true;
    d.dns_setup = "self";
    d.setup_finished = true;
    d.services = {"exchange", "teams"};
    w.domains.domains.push_back(d);
    w.domains.verification_code = "MS=ms12345678";
    for (int i = 0; i < kBdUsers; ++i) {
        sim::Person p("user" + std::to_string(i) + "@" + kBdDomain, "User " + std::to_string(i));
        p.id = w.make_id("user");
        if (i % 10 == 0) p.aliases.push_back("alias" + std::to_string(i) + "@" + kBdDomain);
        w.people.push_back(std::move(p));
    }
    sim::DnsZone z;
    z.domain = kBdDomain;
    z.records.push_back(bd_record(w, "MX", "@", "tsv-musterstadt-de.mail.protection.outlook.com", 0));
    z.records.push_back(bd_record(w, "CNAME", "autodiscover", "autodiscover.outlook.com"));
    z.records.push_back(bd_record(w, "TXT", "@", "v=spf1 include:spf.protection.outlook.com -all"));
    z.records.push_back(bd_record(w, "TXT", "@", "v=spf1 a mx ~all"));  // a second SPF record
    while (static_cast<int>(z.records.size()) < kBdRecords) {
        const int n = static_cast<int>(z.records.size());
        if (n % 3 == 0)
            z.records.push_back(
                bd_record(w, "A", "host" + std::to_string(n), "203.0.113." + std::to_string(n % 250)));
        else if (n % 3 == 1)
            z.records.push_back(bd_record(w, "CNAME", "www" + std::to_string(n), "web.example.net"));
        else
            z.records.push_back(bd_record(w, "TXT", "txt" + std::to_string(n), "note " + std::to_string(n)));
    }
    z.visible = z.records;
    z.published_serial = z.visible_serial = 1;
    w.domains.zones.push_back(std::move(z));
    return w;
}

void BM_Domains_CheckHealth(benchmark::State& state) {
    const sim::World w = bd_world();
    for (auto _ : state) {
        auto issues = sim::check_health(w, kBdDomain);
        benchmark::DoNotOptimize(issues);
    }
}
BENCHMARK(BM_Domains_CheckHealth)->Unit(benchmark::kMicrosecond);

void BM_Domains_Status(benchmark::State& state) {
    const sim::World w = bd_world();
    for (auto _ : state) benchmark::DoNotOptimize(sim::domain_status(w, kBdDomain));
}
BENCHMARK(BM_Domains_Status)->Unit(benchmark::kMicrosecond);

// The removal check (C26) walks every user and alias.
void BM_Domains_References(benchmark::State& state) {
    const sim::World w = bd_world();
    for (auto _ : state) {
        auto refs = sim::domain_references(w, kBdDomain);
        benchmark::DoNotOptimize(refs);
    }
}
BENCHMARK(BM_Domains_References)->Unit(benchmark::kMicrosecond);

}  // namespace
