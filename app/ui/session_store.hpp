// app/ui/session_store.hpp — the session file of the desktop app: what it holds (SessionStatus), the
// check at start, reading it back for resume, autosave after every action and the save on exit, and
// keeping bad or earlier files out of the way (.bad, sessions/). The file format is app/ui/session.hpp;
// the Shell decides when, this class how.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ui/session.hpp"
#include "sim/bundle.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace app {

// A session file read back for resume: the recording, the app's extras and its scenario, loaded.
struct ResumableSession {
    sim::ReproBundle bundle;
    SessionExtras extras;
    std::optional<sim::ScenarioLoad> load;  // ok() when read() returned true
};

class SessionStore {
public:
    // `path` "" = autosave off. `offer_resume`: an interrupted run is offered at start (not for screenshots).
    SessionStore(std::string path, bool offer_resume);

    const SessionStatus& status() const { return status_; }
    SessionStatus& status() { return status_; }
    const std::string& path() const { return status_.path; }

    // At start: what the overview offers to resume (or why not). Never throws.
    void check_file();
    // Keeps a bad session file out of autosave's way (renamed to .bad), so nothing is lost, and says why.
    void file_is_bad(const std::string& path, const std::string& error);
    // A new run in the app: not saved yet, not resumed.
    void new_run();
    // "Start fresh": the interrupted run moves to sessions/ (kept for the report).
    void start_fresh();

    // Reads the file for resume: false when there is none (status().nothing_to_resume) or it cannot be
    // read or its scenario does not load (then it moved to .bad with the reason). The scenario comes from
    // the file the run started from when that is still the same scenario (PIN and passwords intact).
    bool read(ResumableSession& out);
    // The run in the app is now the resumed one; `differs`: the replay reached another state.
    void resumed(const ResumableSession& session, bool differs);

    // Autosave: writes the run (the bundle of `scenario` and `sim`, the observations, the app's extras)
    // now; a new run first moves an earlier run's file into sessions/. False (and status().save_error)
    // when it fails or autosave is off. Never throws.
    bool write(const sim::Scenario& scenario, const sim::Simulation& sim,
               const std::vector<sim::Observation>& observations, const SessionExtras& extras);
    // On exit, for a run that would not be saved (no actions, not the saved session): the earlier
    // session there has ended with a clean exit too, unless it still waits for the resume question.
    void close_earlier();

private:
    bool write_unguarded(const sim::Scenario& scenario, const sim::Simulation& sim,
                         const std::vector<sim::Observation>& observations, const SessionExtras& extras);

    SessionStatus status_;
    bool offer_resume_ = true;
};

}  // namespace app
