// tools/cli_sweep.hpp — npsim-cli sweep: the reference solution over many seeds.
//
//   npsim-cli sweep FILE [--seeds 1-1000] [--min-pass 0.99] [--json]
//        plays the scenario's reference solution headless once per seed (nothing is written) and prints
//        the pass rate — a seed passes when the solution plays to its end and every objective is met —
//        then each failing seed with the reason (the step, its operation and the codes each attempt got,
//        or the objectives not met). Seeds with penalties (a score below 100) are counted apart.
//        Exit 0 when the pass rate is at least --min-pass (default 1.0), 1 below it or when the file
//        does not load, 2 for a bad command line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/scenario.hpp"

namespace cli {

struct SweepSeedResult {
    std::uint64_t seed = 0;
    bool passed = false;
    int score = 0;
    std::string reason;  // why it failed ("" when it passed)
};

// Plays the reference solution of `scenario` with `seed` (the scenario's own setup otherwise).
SweepSeedResult sweep_one(const sim::Scenario& scenario, std::uint64_t seed);

// "1-1000", "7", "1-10,42,100-200" → the seeds in order; false with `error` on a bad list.
bool parse_seed_list(const std::string& text, std::vector<std::uint64_t>& seeds, std::string& error);

// Registers the subcommand; when it ran, `exit_code` is set (left untouched otherwise).
void add_sweep_command(CLI::App& app, int& exit_code);

}  // namespace cli
