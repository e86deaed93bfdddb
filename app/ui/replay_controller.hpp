// app/ui/replay_controller.hpp — the read-only session viewer's model: a recording (session file or
// repro bundle), its replayed simulation and training session at the moment shown, and the live app's
// UI to restore when the viewer closes.
//
// The viewer never touches the live run: it keeps its own simulation and training session, rebuilt
// from the recording's scenario, seed and actions (sim::replay) whenever the slider moves (a full
// journey replays in well under a millisecond). The Shell opens, closes and routes commands to it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/ui/session.hpp"
#include "app/ui/training.hpp"
#include "app/ui/ui_state.hpp"
#include "app/ui/view_state.hpp"
#include "app/views/view_context.hpp"
#include "sim/bundle.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace app {

class ReplayController {
public:
    // Reads a session file or repro bundle and loads its embedded scenario. False with `error` (the
    // file's reason, "/scenario/…: …" for a scenario that does not load).
    bool load(const std::string& path, std::string& error);

    // A fresh simulation of the recording's scenario and seed, the first `actions` recorded actions (all
    // recorded at or before `time` when negative) at their times, then the clock to `time` (clamped to
    // the recording). Sets info.time and info.applied.
    void set_position(sim::SimTime time, long long actions, ReplayInfo& info);
    // The recorded actions with what became of them, from the journal of the replay shown.
    std::vector<ReplayMark> marks() const;
    // The replay shown reached the recorded state (or the recording has no state hash).
    bool reproduces() const;
    // Who is signed in where: the recording's own choice, else the first administrator of the world shown.
    void sign_in(UiState& ui) const;

    const sim::ReproBundle& bundle() const { return bundle_; }
    const sim::Scenario* scenario() const { return scenario_.get(); }
    const ScenarioInfo& info() const { return info_; }  // what the views show as "the scenario"
    TrainingMode mode() const { return mode_; }
    const sim::Simulation* simulation() const { return sim_ ? &*sim_ : nullptr; }
    // What the views read while the viewer is open: the recording's world, scenario and checklist.
    ViewContext context(const sim::Strings& text, const UiState& ui, ViewState& view,
                        const SessionStatus* session) const;

    // The live app as it was when the viewer opened, restored by restore_live().
    void keep_live(const UiState& ui, const ViewState& view);
    void take_live_from(ReplayController& earlier);  // opening a second file keeps the first one's
    void restore_live(UiState& ui, ViewState& view);

private:
    sim::ReproBundle bundle_;
    SessionExtras extras_;
    std::unique_ptr<sim::Scenario> scenario_;  // the embedded scenario, as loaded (copied for each rebuild)
    ScenarioInfo info_;
    TrainingMode mode_ = TrainingMode::Sandbox;
    std::optional<sim::Simulation> sim_;  // the recording at the moment shown
    Training training_;                   // its checklist and score at that moment

    struct LiveUi {
        std::string screen;
        std::vector<std::string> back_stack, forward_stack;
        std::string work_account, account_user, mail_user;
        TrainingMode mode = TrainingMode::Sandbox;
        ViewState view;
    } live_;
};

}  // namespace app
