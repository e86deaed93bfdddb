// tools/cli_sweep.cpp — npsim-cli sweep: the reference solution over many seeds (see cli_sweep.hpp).
#include "tools/cli_sweep.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "sim/assessment.hpp"
#include "sim/data_files.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"
#include "sim/text.hpp"

namespace cli {

SweepSeedResult sweep_one(const sim::Scenario& scenario, std::uint64_t seed) {
    SweepSeedResult out;
    out.seed = seed;
    sim::Setup setup = scenario.setup;
    setup.seed = seed;
    sim::Simulation s(std::move(setup));
    sim::AssessmentTracker tracker(scenario.assessment);
    const sim::SolutionRun run = sim::play_solution(scenario.solution, s, &tracker);
    tracker.update(s);
    const sim::ScoreReport report = tracker.report(s);
    out.score = report.score;
    out.passed = run.ok && report.all_met;
    if (!run.ok) {
        out.reason = run.failure.empty() ? "the solution stopped" : run.failure;
    } else if (!report.all_met) {
        std::string missing;
        for (const auto& o : report.objectives)
            if (!o.met) missing += (missing.empty() ? "" : ", ") + o.id;
        out.reason = "the solution played to its end, but these objectives are not met: " + missing;
    }
    return out;
}

bool parse_seed_list(const std::string& text, std::vector<std::uint64_t>& seeds, std::string& error) {
    constexpr std::uint64_t kMaxSeeds = 1'000'000;
    seeds.clear();
    std::size_t pos = 0;
    auto number = [&](std::uint64_t& v) {
        const std::size_t start = pos;
        v = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 19)
            v = v * 10 + static_cast<std::uint64_t>(text[pos++] - '0');
        return pos > start;
    };
    while (pos < text.size()) {
        std::uint64_t lo = 0, hi = 0;
        if (!number(lo)) break;
        hi = lo;
        if (pos < text.size() && text[pos] == '-' && (++pos, !number(hi))) break;
        if (hi < lo || hi - lo >= kMaxSeeds || seeds.size() + (hi - lo) >= kMaxSeeds) {
            error = fmt::format("\"{}\": a range from low to high, at most {} seeds in all", text, kMaxSeeds);
            return false;
        }
        for (std::uint64_t s = lo;; ++s) {
            seeds.push_back(s);
            if (s == hi) break;
        }
        if (pos == text.size()) return true;
        if (text[pos++] != ',') break;
    }
    error = fmt::format("\"{}\": seeds are written as 1-1000, 7 or 1-10,42", text);
    return false;
}

namespace {

struct SweepOptions {
    std::string file;
    std::string seeds = "1-1000";
    double min_pass = 1.0;
    bool as_json = false;
};

int sweep_command(const SweepOptions& o) {
    std::vector<std::uint64_t> seeds;
    std::string error;
    if (!parse_seed_list(o.seeds, seeds, error)) {
        std::cerr << "--seeds " << sim::terminal_text(error) << "\n";
        return 2;
    }
    sim::ScenarioLoad load = sim::load_scenario_file(o.file);
    for (const auto& e : load.errors) std::cerr << sim::terminal_text(e.to_string()) << "\n";
    if (!load.ok()) return 1;
    const sim::Scenario& scenario = *load.scenario;
    if (scenario.solution.steps.empty()) {
        std::cerr << sim::terminal_text(o.file) << ": this scenario has no reference solution\n";
        return 1;
    }
    std::vector<SweepSeedResult> failed;
    std::size_t passed = 0, below_100 = 0;
    for (std::uint64_t seed : seeds) {
        SweepSeedResult r = sweep_one(scenario, seed);
        if (r.passed) ++passed;
        if (r.passed && r.score < 100) ++below_100;
        if (!r.passed) failed.push_back(std::move(r));
    }
    const double rate = static_cast<double>(passed) / static_cast<double>(seeds.size());
    const bool ok = rate >= o.min_pass;
    if (o.as_json) {
        nlohmann::json j{{"scenario", scenario.id},
                         {"seeds", seeds.size()},
                         {"passed", passed},
                         {"pass_rate", rate},
                         {"min_pass", o.min_pass},
                         {"ok", ok},
                         {"passed_below_100", below_100},
                         {"failed", nlohmann::json::array()}};
        for (const auto& f : failed) j["failed"].push_back({{"seed", f.seed}, {"reason", f.reason}});
        std::cout << j.dump(2) << "\n";
        return ok ? 0 : 1;
    }
    std::cout << fmt::format("scenario       {}\n", sim::terminal_text(scenario.id));
    std::cout << fmt::format("seeds          {} ({})\n", seeds.size(), sim::terminal_text(o.seeds));
    std::cout << fmt::format("passed         {} ({:.1f} %)\n", passed, 100.0 * rate);
    if (below_100 > 0)
        std::cout << fmt::format("with penalties {} of the passing seeds score below 100\n", below_100);
    for (const auto& f : failed)
        std::cout << fmt::format("FAILED seed {}: {}\n", f.seed, sim::terminal_text(f.reason));
    std::cout << fmt::format("pass rate      {:.1f} % {} the minimum {:.1f} %\n", 100.0 * rate,
                             ok ? "meets" : "is BELOW", 100.0 * o.min_pass);
    return ok ? 0 : 1;
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<SweepOptions>();
    auto* sweep = app.add_subcommand(
        "sweep", "Play the reference solution once per seed; print the pass rate and why seeds fail");
    sweep->add_option("file", o->file, "Scenario file")->required();
    sweep->add_option("--seeds", o->seeds, "Seeds: 1-1000 (default), 7, or 1-10,42");
    sweep->add_option("--min-pass", o->min_pass, "Exit 1 below this pass rate (0 to 1; default 1)")
        ->check(CLI::Range(0.0, 1.0));
    sweep->add_flag("--json", o->as_json, "Machine-readable output");
    sweep->callback([o, &exit_code] { exit_code = sweep_command(*o); });
}

}  // namespace cli
