// tools/cli_author.hpp — npsim-cli's commands for scenario authors:
//
//   npsim-cli explain FILE [--lang de]       what a scenario sets up, in plain words: start state, fault
//                                            rules, scheduled events, objectives, and the timeline of its
//                                            reference solution
//   npsim-cli migrate FILE... [--in-place | -o OUT]
//                                            upgrade version 1 scenarios to the current version and say
//                                            what changed; the upgraded file must load
//   npsim-cli list --cases [--json]          the support cases of the references: which shipped scenarios
//                                            reproduce each, and whether their reference solutions pass
#pragma once

#include <CLI/CLI.hpp>

namespace cli {

// Adds the subcommands above to `app` (list --cases is a flag of `list`, added by npsim_cli.cpp, which
// calls list_cases_command). When one of them ran, `exit_code` holds its exit code afterwards.
void add_author_commands(CLI::App& app, int& exit_code);

int list_cases_command(bool as_json);

}  // namespace cli
