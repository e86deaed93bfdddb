// app/ui/session.hpp — the saved session (autosave + resume) and repro bundles written from the GUI.
//
// The session file is a repro bundle (sim/bundle.hpp) of the run in the app, written atomically after
// every applied SubmitAction and on exit, plus a "session" object with what only the app needs to
// continue (training mode, scenario file, who is signed in, the screen). sim::load_bundle reads it
// like any bundle (unknown keys are ignored) and `npsim-cli replay` replays it. A session file that
// cannot be read is renamed to <file>.bad, never overwritten: nothing is lost. "session.closed" is
// false while the app runs and true after a clean exit, so the next start can tell an interrupted
// run (and offer to resume it). Before a new run replaces the session file of another run, that file
// moves to sessions/<YYYYmmdd-HHMMSS>-<scenario id>.npsim.json next to it (what `npsim-cli report`
// summarises). The instructor PIN of a scenario is never written (it is dropped from the copy).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sim/bundle.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace app {

// $XDG_STATE_HOME/npsim/session.npsim.json, else $HOME/.local/state/npsim/session.npsim.json;
// "" when neither variable is set (autosave off).
std::string default_session_path();

// "npsim-case-<scenario id>-<YYYY-MM-DD>.npsim.json"; the id is reduced to [A-Za-z0-9._-].
std::string bundle_file_name(const std::string& scenario_id, const sim::CivilDate& sim_date);

// What the app adds to the bundle of a session ("session" key).
struct SessionExtras {
    bool present = false;       // the file had a "session" object (a plain repro bundle has none)
    std::string mode;           // mode_key() of the training mode
    std::string scenario_path;  // the scenario file the run started from (for Restart)
    std::string work_account, account_user, mail_user;
    std::string screen;
    bool closed = false;  // written true on a clean exit; a file without the key counts as closed
};
nlohmann::json to_json(const SessionExtras& e);
SessionExtras session_extras_from(const nlohmann::json& bundle_document);

struct SaveStats {
    double milliseconds = 0.0;  // make the bundle + serialise + write + rename
    std::uintmax_t bytes = 0;
};
// Writes `bundle` + `extras` to `path` atomically (creating the folders). False with `error` ("path: what
// failed (the OS reason)"), never an exception.
// `stats` (optional) gets the time taken (serialise + write + rename) and the file size.
bool write_session(const std::string& path, const sim::ReproBundle& bundle, const SessionExtras& extras,
                   std::string& error, SaveStats* stats = nullptr);
// Reads a session file: false with sim::load_bundle's error ("/actions/3/t: …") when it is not a bundle.
// Never throws: a folder, an unreadable file or any exception while reading is a false with the reason.
bool read_session(const std::string& path, sim::ReproBundle& out, SessionExtras& extras, std::string& error);
// Renames a bad session file (or folder) to <path>.bad (replacing an older bad file; <path>.bad-2, … when
// that cannot be replaced); returns the new path ("" on failure).
std::string quarantine_session(const std::string& path);
// Moves the session file of an earlier run into <folder of path>/sessions/ as
// <YYYYmmdd-HHMMSS of its last save>-<scenario id>.npsim.json (-2, -3, … when taken); returns the new
// path, "" when it could not be moved (then it stays where it is; `error`, optional, says why).
std::string archive_session(const std::string& path, const std::string& scenario_id,
                            std::string* error = nullptr);
// Sets "session": {"closed": true} in an existing session file (a clean exit that wrote no new run).
bool mark_session_closed(const std::string& path);
// The local wall time of the file's last change, "2025-06-01 14:03"; "" when it cannot be read.
std::string file_saved_at(const std::string& path);
std::string now_local_text();  // the local wall time now, same format

// The session as the overview shows it (UiState::session points here).
struct SessionStatus {
    std::string path;  // "" = autosave off
    // A session file that can be resumed.
    bool available = false;
    sim::LocalText title;  // its scenario's title
    std::string scenario_id;
    std::string saved_at;         // local wall time of the save
    bool current = false;         // the run in the app is the one saved there (autosave is writing it)
    bool resumed = false;         // the run was resumed from the file
    bool resume_differs = false;  // resumed, but the replay reached another state than the saved one
    // The file could not be resumed: where and what, and where it was kept.
    std::string bad_path, bad_error, kept_as;
    bool nothing_to_resume = false;  // resume was asked for, but there is no session file
    bool interrupted = false;  // the file's run did not end with a clean exit: the start offers to resume it
    std::string archived_to;   // where the last run of another scenario or "Start fresh" moved the old file
    std::string save_error;    // the last autosave failed: "path: why"
    SaveStats last_save;
    // The last "Export repro bundle": the path written or the error (localised).
    std::string export_result;
    bool export_ok = false;
};

}  // namespace app
