// app/ui/commands.hpp — the requests views make; the app loop applies them between frames.
//
// Views never change the simulation or the UI state themselves: they push one of these plain
// values and the Shell applies the queue after the frame (see Shell::apply_commands). That keeps
// every change in one place and makes a frame's effects testable.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/ui/ui_state.hpp"
#include "sim/action.hpp"
#include "sim/time.hpp"

namespace app {

struct Pause {};
struct Resume {};
struct SetSpeed {
    int multiplier = 1;  // simulated seconds per wall second; also resumes a paused clock
};
struct SkipToNextEvent {};
struct SetLanguage {
    std::string lang;  // "en" | "de"
};
struct SetTheme {
    Theme theme = Theme::Light;
};
struct SetFontScale {
    float scale = 1.0f;  // clamped to [kMinFontScale, kMaxFontScale]
};
struct ShowScreen {
    std::string name;  // a name from the screen registry (screens.hpp); no history entry
};
struct Navigate {
    std::string name;  // like a link: the current screen goes on the back stack
};
struct Back {};
struct Forward {};
struct SetWorkAccount {
    std::string upn;  // who is signed in to the portal and the admin center ("" = sign out)
};
struct SetAccountUser {
    std::string upn;  // whose My Account is shown
};
struct SetMailUser {
    std::string upn;  // whose inbox is shown
};
struct SubmitAction {
    sim::Action action;
    std::string tag;  // optional: the view that asked (e.g. "admin.users.add"), so it can show the
                      // spinner and the result (ViewState::actions[tag] = the handle)
};
struct ReloadScenario {};  // load the scenario file again (after the instructor fixed it), same mode
struct ScanLibrary {};     // read the scenario library again (scenario.overview's list, cached in its state)
struct ToggleInstructorConsole {};  // F9: open or close the instructor console window
struct OpenInstructorConsole {
    bool advanced = false;  // also expand its Advanced part (--instructor-advanced)
};

// Training (app/ui/training.hpp).
struct StartScenario {
    std::string path;                          // a scenario file; loading it again = restart
    TrainingMode mode = TrainingMode::Guided;  // falls back to the first mode the scenario allows
    std::string language;                      // "en" | "de"; empty = keep the current one
};
struct SetMode {
    TrainingMode mode = TrainingMode::Guided;  // Demo and Exam restart the scenario; Guided keeps the world
};
struct RequestHint {
    std::string objective;  // objective id: reveal its next hint (guided mode only)
};
struct FinishScenario {};  // "Finish": freeze the score and show it
struct JumpAhead {
    sim::Duration by;  // run the simulation forward (events on the way are processed in order)
};
struct ExportDebrief {
    std::string dir;  // where to write the Markdown and JSON debrief; empty = the current directory
};

// Sessions and repro bundles (app/ui/session.hpp).
struct ResumeSession {};  // load the saved session file and replay it: continue where the trainee stopped
struct StartFresh {};     // "Start fresh" on the resume question: the interrupted run moves to sessions/
struct ExportBundle {
    std::string dir;   // where to write npsim-case-<id>-<sim date>.npsim.json; empty = the current directory
    std::string note;  // free text stored in the bundle: what the case is about
};

// The read-only session viewer, observations and snapshots (app/ui/shell_replay.cpp).
struct OpenReplay {
    std::string path;  // a session file or repro bundle, shown read only on "scenario.replay"
};
struct CloseReplay {};  // back to the live run, as it was
struct SetReplayTime {
    sim::SimTime time = 0;   // the moment to show (clamped to 0..end of the recording)
    long long actions = -1;  // how many recorded actions to replay; -1 = all recorded at or before `time`
};
struct AddObservation {
    std::string label;         // what the tester sees, in words
    nlohmann::json condition;  // an assessment condition or {"last_result": …}; checked now
};
struct RemoveObservation {
    std::string id;  // "obs-2"
};
struct SaveScenarioAt {
    std::string dir;  // where to write <id>-at-<date>.json: the viewer's moment, else the live run's now
};

using Command = std::variant<Pause, Resume, SetSpeed, SkipToNextEvent, SetLanguage, SetTheme, SetFontScale,
                             ShowScreen, Navigate, Back, Forward, SetWorkAccount, SetAccountUser, SetMailUser,
                             SubmitAction, ReloadScenario, ScanLibrary, ToggleInstructorConsole,
                             OpenInstructorConsole, StartScenario, SetMode, RequestHint, FinishScenario,
                             JumpAhead, ExportDebrief, ResumeSession, StartFresh, ExportBundle, OpenReplay,
                             CloseReplay, SetReplayTime, AddObservation, RemoveObservation, SaveScenarioAt>;

class CommandQueue {
public:
    void push(Command c) { commands_.push_back(std::move(c)); }
    bool empty() const { return commands_.empty(); }
    std::size_t size() const { return commands_.size(); }
    // Hands over everything queued so far, in order, and leaves the queue empty.
    std::vector<Command> take_all() { return std::exchange(commands_, {}); }

private:
    std::vector<Command> commands_;
};

}  // namespace app
