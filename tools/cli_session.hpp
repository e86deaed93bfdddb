// tools/cli_session.hpp — npsim-cli's session files (docs/sessions.md): record a run to a session file
// after every action (`run --session`), resume an interrupted one (`--resume`), verify one (`replay`)
// and cut a scenario out of one (`snapshot`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/bundle.hpp"
#include "sim/scenario.hpp"
#include "sim/solution.hpp"

namespace cli {

// One line of an --actions file: an action to submit, or an observation to record at that point.
//   {"t": 5000 | "2d", "action": {…}}   {…bare action…}   {"observe": {"label", "condition", "id"?}, "t"?}
// An observation without "t" is checked once every action before it has its answer.
struct ScriptLine {
    int line = 0;                      // in the file, for messages
    std::optional<sim::SimTime> time;  // run the clock to this sim time first
    std::optional<sim::Action> action;
    std::optional<sim::Observation> observe;  // id (default "obs-N"), label, condition
};
// Reads an --actions file (JSON Lines; blank lines and lines starting with # are skipped). Prints
// "file:line: message" and returns false on the first bad line.
bool read_script(const std::string& path, std::vector<ScriptLine>& out);

struct RecordOptions {
    std::string session_path;  // "" = no session file
    bool resume = false;       // continue the run saved in session_path
    int pace_ms = 0;           // wall-clock pause after every action (lets a test kill the run mid-way)
    // After this many actions of this run are saved, wait until killed (0 = never): the kill -9 test
    // interrupts a run at a point taken from its progress, never from wall-clock time.
    std::size_t hold_after_actions = 0;
    std::string note;
    // Script runs (--actions): where the clock stops after the last line. By default once every action
    // has its answer (and the events due by then ran); `until` runs it to that sim time instead, and
    // `until_end` on through every pending event (re-verification a year later included).
    std::optional<sim::SimTime> until;
    bool until_end = false;
};

struct SessionStats {
    int writes = 0;
    std::uintmax_t bytes = 0;  // size of the last write
    double max_ms = 0.0, total_ms = 0.0;
};

struct RecordedRun {
    bool started = false;  // false: nothing ran (the error was printed)
    std::optional<sim::Simulation> sim;
    std::size_t resumed_actions = 0;  // actions taken over from the session file
    bool solution_ok = true;          // --solution: every step gave its expected result
    std::size_t steps_played = 0;
    std::string failure;        // "step N: …"
    bool write_failed = false;  // a session write failed (printed): exit kExitSessionNotSaved
    std::string write_error;    // the first failed write: "path: what (OS reason)"
    SessionStats session;
    std::vector<sim::Observation> observations;  // recorded by {"observe": …} lines (and resumed ones)
};

// `npsim-cli run … --session FILE` exits with this code when the session file could not be written
// (the run itself went on to the end; its summary is printed). Documented in README and docs/sessions.md.
constexpr int kExitSessionNotSaved = 3;

// Plays `script` (or, with solution = true, the scenario's reference solution), writing the session
// file atomically after every action and observation and once at the end. Without `resume`, an
// existing file at the session path is replaced only when it is a session of the same scenario;
// anything else there (another scenario's session, a file that is no session) is never touched: the
// run does not start (started = false, the reason printed).
RecordedRun record_run(const sim::Scenario& scenario, const std::vector<ScriptLine>& script, bool solution,
                       sim::AssessmentTracker& tracker, const RecordOptions& options);

// `npsim-cli replay SESSION`: verify_bundle with a verdict; exit code 0 when everything matched.
int replay_session(const std::string& path, bool as_json);

// `npsim-cli snapshot SESSION --at-action N | --at-ms T -o NEW.json`.
int snapshot_session(const std::string& path, std::optional<std::size_t> at_action,
                     std::optional<std::string> at_time, const std::string& out, std::string id,
                     std::string title);

}  // namespace cli
