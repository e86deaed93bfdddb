// tools/cli_report.hpp — npsim-cli's debrief and workshop report commands.
//
//   npsim-cli debrief FILE [--html OUT] [--json OUT] [--lang en|de]
//        replay a session file / repro bundle and write its debrief; prints a short summary; exit 1
//        when the run is not reproduced (the same check as `npsim-cli replay`)
//   npsim-cli report DIR [--out report.html] [--json OUT] [--lang en|de]
//        one row per session file (*.json) of DIR: trainee, scenario, score, time, mistakes
#pragma once

#include <CLI/CLI.hpp>

// Registers both subcommands. When one of them ran, `exit_code` is set; it is left untouched otherwise,
// so main can tell whether to return it. debrief: 0 reproduced; 1 the file cannot be read, an output
// cannot be written, or the replay does not reproduce the recorded run (outputs still written, saying
// "no" with the first difference).
void add_report_commands(CLI::App& app, int& exit_code);
