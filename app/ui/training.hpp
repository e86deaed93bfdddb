// app/ui/training.hpp — the training session of the shell: the loaded scenario, its assessment, the
// hints a trainee has seen, the demo player, the exam countdown and the final score.
//
// The Shell owns one Training and drives it: begin() after a scenario (re)starts, update() after the
// simulation moved, tick() with the wall time of each frame (demo pace, exam countdown). Views read it
// through UiState::training and change it only through commands (StartScenario, RequestHint, …).
// Wall time never drives sim time here except in demo mode, where the reference solution plays the
// same actions the CLI plays — the score and journal do not depend on the frame rate.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/ui/ui_state.hpp"
#include "sim/assessment.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"

namespace app {

constexpr double kDemoCaptionSeconds = 3.0;  // wall seconds each demo caption stays before its step plays
constexpr int kFailuresPerAutoHint = 3;      // guided: failed actions that reveal the next hint

// One scenario of the library, as the overview lists it.
struct LibraryEntry {
    std::string path;
    std::string id;
    sim::LocalText title, description;
    std::string difficulty;
    int minutes = 0;
    std::vector<std::string> modes;
    std::string error;  // first load error, when the file is broken
};
// Every *.json in `dir` (not its subfolders), sorted by file name.
std::vector<LibraryEntry> scan_library(const std::string& dir);

class Training {
public:
    enum class Finish { None, AllMet, TimeUp, Finished };  // why the score is final
    enum class DemoPhase { Off, Reading, Playing, Done, Failed };

    // A fresh session for `scenario` (may be null: no training). `mode` is checked against the
    // scenario's allowed modes; returns the mode that applies.
    TrainingMode begin(std::unique_ptr<sim::Scenario> scenario, TrainingMode mode,
                       const sim::Simulation* sim);
    void clear();

    // After the simulation moved (events, actions, skips). Records met objectives, counts the
    // trainee's failed actions (guided: an automatic hint every kFailuresPerAutoHint), and ends the
    // run when every objective is met. Returns true when the run just finished.
    bool update(const sim::Simulation& sim, TrainingMode mode);
    // Once per frame with the wall time that passed: plays the demo (mutating `sim`) and runs the
    // exam countdown. Returns the screen name the demo wants shown ("" = none).
    std::string tick(sim::Simulation& sim, TrainingMode mode, double wall_seconds, bool paused);
    // Reveals the next hint of objective `id` (guided only); false when there is none left.
    bool request_hint(const std::string& id, TrainingMode mode);
    void finish(const sim::Simulation& sim, Finish why);
    // Writes <dir>/npsim-debrief-<id>.md, .json (with "debrief": sim::to_json(Debrief)) and .html
    // (sim::debrief_html), atomically. Sets debrief_result() to the paths written or the error.
    bool export_debrief(const sim::Simulation& sim, TrainingMode mode, const sim::Strings& text,
                        const std::string& dir);

    // For the views
    const sim::Scenario* scenario() const { return scenario_.get(); }
    bool met(std::size_t objective) const { return tracker_ && tracker_->is_met(objective); }
    std::optional<std::size_t> current_objective() const {
        return tracker_ ? tracker_->current() : std::nullopt;
    }
    int hints_shown(std::size_t objective) const {
        return objective < hints_shown_.size() ? hints_shown_[objective] : 0;
    }
    int failed_actions() const { return failed_actions_; }
    const sim::ScoreReport& report() const { return finish_ != Finish::None ? final_report_ : live_report_; }
    bool finished() const { return finish_ != Finish::None; }
    Finish finish_reason() const { return finish_; }
    std::uint64_t final_journal_hash() const { return final_journal_hash_; }

    DemoPhase demo_phase() const { return demo_phase_; }
    std::size_t demo_step() const;  // 0-based index of the step shown
    std::size_t demo_steps() const { return scenario_ ? scenario_->solution.steps.size() : 0; }
    const sim::LocalText* demo_caption() const;
    const std::string& demo_failure() const { return demo_failure_; }

    // Exam countdown in wall seconds; nullopt when the exam has none (or another mode runs).
    std::optional<double> countdown_left() const { return countdown_; }

    const std::string& debrief_result() const { return debrief_result_; }
    bool debrief_ok() const { return debrief_ok_; }

private:
    void count_failures(const sim::Simulation& sim, TrainingMode mode);

    std::unique_ptr<sim::Scenario> scenario_;  // stable address: the tracker and the player point into it
    std::optional<sim::AssessmentTracker> tracker_;
    sim::ScoreReport live_report_, final_report_;
    Finish finish_ = Finish::None;
    std::uint64_t final_journal_hash_ = 0;
    std::vector<int> hints_shown_;
    std::size_t journal_seen_ = 0;  // journal entries already scanned for failures
    int failed_actions_ = 0;
    int failures_at_last_hint_ = 0;
    sim::SimTime updated_at_ = -1;
    std::size_t updated_journal_ = 0;

    std::optional<sim::SolutionPlayer> player_;
    DemoPhase demo_phase_ = DemoPhase::Off;
    double caption_elapsed_ = 0.0;
    std::string demo_failure_;

    std::optional<double> countdown_;
    std::string debrief_result_;
    bool debrief_ok_ = false;
};

// The screen that shows an operation best ("portal.register" → a portal screen, "billing.*" →
// admin.billing.*, "users.*" → admin.users, "licences.*" → admin.billing.licenses), among the
// screens find_screen() knows; "" when none is registered.
std::string screen_for_operation(const std::string& type);

}  // namespace app
