// app/ui/shell.hpp — the desktop shell's model: scenario, simulation, UI strings, UI state, commands.
//
// The Shell coordinates; the work is done by its controllers:
//   LiveRun           the run in the app: simulation, training session, clock (app/ui/live_run.hpp)
//   SessionStore      the session file: check at start, resume, autosave (app/ui/session_store.hpp)
//   ReplayController  the read-only session viewer's recording and replay (app/ui/replay_controller.hpp)
//   Exporter          support cases and "Save this point as a scenario" (app/ui/exporter.hpp)
// It applies the commands (dispatch), loads scenarios, keeps the UI state and swaps it for the viewer.
//
// The app loop (and the UI tests) drive it in this order each frame:
//   draw()            views read the state and push commands (ImGui frame in progress)
//   apply_commands()  between frames: the only place that changes the simulation or the UI state
//   advance(dt)       wall seconds → whole sim ticks through the TimeBridge
//   wait_seconds()    how long the loop may sleep before the clock shows something new
// It needs a current ImGui context (it sets the style); it never touches GLFW or GL.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/ui/commands.hpp"
#include "app/ui/live_run.hpp"
#include "app/ui/replay_controller.hpp"
#include "app/ui/session.hpp"
#include "app/ui/session_store.hpp"
#include "app/ui/time_bridge.hpp"
#include "app/ui/training.hpp"
#include "app/ui/ui_state.hpp"
#include "app/ui/view_state.hpp"
#include "app/views/view_context.hpp"
#include "sim/i18n.hpp"
#include "sim/simulation.hpp"

namespace app {

struct ShellOptions {
    std::string asset_dir;        // holds i18n/<lang>.json
    std::string language = "en";  // "en" | "de"
    float content_scale = 1.0f;   // monitor content scale (HiDPI), scales the style
    // The session file (autosave and resume, app/ui/session.hpp); "" = off, the default (UI tests
    // write nothing). The app passes default_session_path().
    std::string session_path{};
    bool offer_resume = true;  // ask at start to resume a session file whose run did not end cleanly
};

class Shell {
public:
    explicit Shell(ShellOptions options);

    // Loads a scenario file and starts a fresh simulation from it. On failure there is no simulation,
    // the errors are kept for the work area (scenario().errors) and false is returned.
    bool load_scenario(const std::string& path);
    // Starts from a ready setup (tests, built-in scenarios). No training: sandbox mode.
    void start(sim::Setup setup, sim::LocalText title = {});
    // Loads `path` (again: a restart with the same seed) in `mode`; `language` "" keeps the current one.
    // Demo starts the reference solution, guided/exam show the checklist. False when it fails to load.
    bool start_scenario(const std::string& path, TrainingMode mode, const std::string& language = "");

    // What `npsim` does before the first frame: with `resume`, resume the session file; otherwise (or
    // when that fails) load `scenario_path`, in `mode` when it is not "" (demo, guided, exam). When the
    // session file was bad (moved to .bad) or there was nothing to resume, scenario.overview opens and
    // says why. Never throws: an unexpected error shows on the error screen (show_error). True when a
    // scenario runs.
    bool start_up(const std::string& scenario_path, const std::string& mode = "", bool resume = false);
    // The error screen: no simulation, the message where the scenario's load errors go (the welcome
    // screen's "could not be loaded" page, with "Try again"). The last resort for unexpected errors.
    void show_error(const std::string& message);

    // Loads the session file and replays it (scenario document + seed + actions up to its end time):
    // the trainee continues where they stopped. A file that cannot be read or replayed is renamed to
    // <file>.bad and the reason shows on scenario.overview; false then, and the current run stays.
    bool resume_session();
    // Saves the run to the session file now (on exit): only when the run has actions or is the
    // resumed/autosaved session, so starting the app and leaving never overwrites the last session.
    bool save_session();
    const SessionStatus& session() const { return store_.status(); }

    // The read-only session viewer (app/ui/shell_replay.cpp, ReplayController). open_replay() loads a session
    // file or repro bundle and shows it on "scenario.replay" at its end; every surface then shows the world
    // of the recording at the chosen moment (SetReplayTime), rebuilt by replaying the recorded actions. The
    // live run waits untouched (no clock, no autosave) and nothing can change the recording: SubmitAction and
    // the other world-changing commands are refused. close_replay() returns to the live run and the screen it
    // was on. False (and ViewState::replay.open_error) when the file fails.
    bool open_replay(const std::string& path);
    void close_replay();
    bool replaying() const { return replay_ != nullptr; }
    // The simulation the views show: the replayed one while the viewer is open, else simulation().
    const sim::Simulation* shown_simulation() const;

    void draw();
    void apply_commands();
    void advance(double wall_seconds);
    std::optional<double> wait_seconds() const;  // nullopt: sleep until input

    // Shows a screen directly (--screen, tests): runs its prepare hook; no history entry. False if unknown.
    bool show_screen(const std::string& name);
    // Like following a link: the current screen goes on the back stack.
    bool navigate(const std::string& name);
    ViewState& view_state() { return view_; }
    const ViewState& view_state() const { return view_; }
    CommandQueue& commands() { return queue_; }

    const UiState& ui() const { return ui_; }
    const sim::Simulation* simulation() const { return live_.sim(); }
    const sim::Strings& strings() const { return strings_; }
    const ScenarioInfo& scenario() const { return scenario_; }
    // The training session: the loaded scenario, checklist, hints, demo, countdown, score.
    const Training& training() const { return live_.training(); }
    // Problems loading the UI strings ("file: message"), for stderr.
    const std::vector<std::string>& string_errors() const { return string_errors_; }
    // True once after the text size changed: the platform must rebuild the font atlas.
    bool take_fonts_dirty() { return std::exchange(fonts_dirty_, false); }

private:
    void apply(const Command& command);
    bool apply_to_ui(const Command& command);  // false: not a UI-only command
    void apply_to_run(const Command& command);
    void set_language(const std::string& lang);
    void sync_scenario_texts();  // the shown scenario's own texts ("texts") over the shipped ones
    void reset_people();
    void scan_scenario_library();                     // ScanLibrary: the library into view_.scenario
    const std::string& replay_scenario_path() const;  // what the viewer shows as "the scenario" (its file)
    void show_score_if_finished(bool was_finished);
    bool resume_session_unguarded(bool& torn_down);  // resume_session without the exception guard
    bool write_session_now(bool closed = false);  // closed: the clean exit's save; sets or clears save_error
    void export_bundle(const ExportBundle& request);
    // The app's part of instructor.freeze / unfreeze (its clock) and instructor.reset (a new run).
    void after_instructor_action(const sim::Action& action);
    // The viewer, observations and snapshots (app/ui/shell_replay.cpp).
    bool refused_in_replay(const Command& command);  // true (and counted) for world-changing commands
    void set_replay_position(sim::SimTime time, long long actions);
    ViewContext replay_context();
    void add_observation(const AddObservation& request);
    void remove_observation(const std::string& id);
    void save_scenario_at(const std::string& dir);

    ShellOptions options_;
    UiState ui_;
    ViewState view_;
    sim::Strings strings_;
    sim::ScenarioTexts shown_texts_;  // the shown world's own texts, over strings_ (sync_scenario_texts)
    std::vector<std::string> string_errors_;
    ScenarioInfo scenario_;
    LiveRun live_;  // the run in the app: simulation, training session, clock
    CommandQueue queue_;
    bool fonts_dirty_ = false;
    SessionStore store_;  // the session file: autosave, resume, the last export's result
    std::unique_ptr<ReplayController> replay_;  // the open viewer
};

}  // namespace app
