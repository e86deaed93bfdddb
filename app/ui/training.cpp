// app/ui/training.cpp — the training session: assessment, hints, demo player, countdown, debrief.
#include "app/ui/training.hpp"

#include "sim/debrief.hpp"
#include "sim/files.hpp"
#include "sim/hash.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <system_error>

#include "app/ui/screens.hpp"
#include "sim/data_files.hpp"
#include "sim/time.hpp"

namespace app {

namespace fs = std::filesystem;

const char* mode_key(TrainingMode m) {
    switch (m) {
        case TrainingMode::Demo:
            return "demo";
        case TrainingMode::Guided:
            return "guided";
        case TrainingMode::Exam:
            return "exam";
        case TrainingMode::Sandbox:
            return "sandbox";
    }
    return "sandbox";
}

TrainingMode mode_from_key(const std::string& key) {
    if (key == "demo") return TrainingMode::Demo;
    if (key == "guided") return TrainingMode::Guided;
    if (key == "exam") return TrainingMode::Exam;
    return TrainingMode::Sandbox;
}

std::vector<LibraryEntry> scan_library(const std::string& dir) {
    std::vector<LibraryEntry> out;
    for (const std::string& path : sim::scenario_files(dir)) {
        LibraryEntry entry;
        entry.path = path;
        entry.id = fs::path(path).stem().string();
        sim::ScenarioLoad load = sim::load_scenario_file(entry.path);
        if (load.scenario) {
            const sim::Scenario& s = *load.scenario;
            if (!s.id.empty()) entry.id = s.id;
            entry.title = s.title;
            entry.description = s.description;
            entry.difficulty = s.difficulty;
            entry.minutes = s.estimated_minutes;
            entry.modes = s.modes;
        }
        if (!load.errors.empty()) entry.error = load.errors.front().to_string();
        if (entry.title.en.empty()) entry.title.en = entry.id;
        out.push_back(std::move(entry));
    }
    return out;
}

namespace {

bool allows(const sim::Scenario& s, TrainingMode m) {
    return std::find(s.modes.begin(), s.modes.end(), mode_key(m)) != s.modes.end();
}

std::string first_known(std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (find_screen(n)) return n;
    return "";
}

}  // namespace

std::string screen_for_operation(const std::string& type) {
    const std::string area = type.substr(0, type.find('.'));
    if (type == "portal.register" || type == "portal.submit_registration")
        return first_known({"portal.register", "portal.registration", "portal.home"});
    if (type == "portal.open_offer") return first_known({"portal.offers", "portal.home"});
    if (area == "portal") {
        if (find_screen(type)) return type;
        return first_known({"portal.home"});
    }
    if (type == "billing.add_payment_method" || type == "billing.place_order")
        return first_known({"admin.billing.purchase", "admin.billing.purchase_services", "admin.home"});
    if (area == "billing")
        return first_known({"admin.billing.products", "admin.billing.purchase", "admin.home"});
    if (area == "users") return first_known({"admin.users", "admin.home"});
    if (area == "licences") return first_known({"admin.billing.licenses", "admin.home"});
    if (area == "myaccount") return first_known({"myaccount.apps"});
    if (area == "mail") return first_known({"mail.inbox"});
    return "";
}

TrainingMode Training::begin(std::unique_ptr<sim::Scenario> scenario, TrainingMode mode,
                             const sim::Simulation* sim) {
    clear();
    scenario_ = std::move(scenario);
    if (!scenario_) return TrainingMode::Sandbox;
    if (mode != TrainingMode::Sandbox && !allows(*scenario_, mode)) {
        mode = TrainingMode::Sandbox;
        for (TrainingMode m : {TrainingMode::Guided, TrainingMode::Demo, TrainingMode::Exam})
            if (allows(*scenario_, m)) {
                mode = m;
                break;
            }
    }
    tracker_.emplace(scenario_->assessment);
    hints_shown_.assign(scenario_->assessment.objectives.size(), 0);
    if (mode == TrainingMode::Demo) {
        player_.emplace(scenario_->solution);
        demo_phase_ = DemoPhase::Reading;
    }
    if (mode == TrainingMode::Exam && scenario_->exam_countdown > 0)
        countdown_ = static_cast<double>(scenario_->exam_countdown) / 1000.0;
    if (sim) update(*sim, mode);
    return mode;
}

void Training::clear() {
    tracker_.reset();
    player_.reset();
    scenario_.reset();
    live_report_ = final_report_ = sim::ScoreReport{};
    finish_ = Finish::None;
    final_journal_hash_ = 0;
    hints_shown_.clear();
    journal_seen_ = 0;
    failed_actions_ = failures_at_last_hint_ = 0;
    updated_at_ = -1;
    updated_journal_ = 0;
    demo_phase_ = DemoPhase::Off;
    caption_elapsed_ = 0.0;
    demo_failure_.clear();
    countdown_.reset();
    debrief_result_.clear();
    debrief_ok_ = false;
}

bool Training::update(const sim::Simulation& sim, TrainingMode mode) {
    if (!tracker_ || finished()) return false;
    if (sim.now() == updated_at_ && sim.journal().size() == updated_journal_) return false;
    updated_at_ = sim.now();
    updated_journal_ = sim.journal().size();
    tracker_->update(sim);
    live_report_ = tracker_->report(sim);
    count_failures(sim, mode);
    if (mode != TrainingMode::Sandbox && live_report_.all_met && !live_report_.objectives.empty()) {
        finish(sim, Finish::AllMet);
        return true;
    }
    return false;
}

void Training::count_failures(const sim::Simulation& sim, TrainingMode mode) {
    const auto& entries = sim.journal().entries();
    for (; journal_seen_ < entries.size(); ++journal_seen_) {
        const sim::JournalEntry& e = entries[journal_seen_];
        if (e.kind != "result") continue;
        const std::string type = e.body.value("type", std::string());
        if (type.rfind("instructor.", 0) == 0) continue;
        const auto r = e.body.find("result");
        if (r != e.body.end() && r->is_object() && !r->value("ok", true)) ++failed_actions_;
    }
    if (mode != TrainingMode::Guided) {
        failures_at_last_hint_ = failed_actions_;
        return;
    }
    if (failed_actions_ - failures_at_last_hint_ >= kFailuresPerAutoHint) {
        failures_at_last_hint_ = failed_actions_;
        if (const auto cur = current_objective()) {
            const int available = static_cast<int>(scenario_->assessment.objectives[*cur].hints.size());
            if (hints_shown_[*cur] < available) ++hints_shown_[*cur];
        }
    }
}

std::string Training::tick(sim::Simulation& sim, TrainingMode mode, double wall_seconds, bool paused) {
    if (!scenario_ || finished()) return "";
    wall_seconds = std::clamp(wall_seconds, 0.0, 1.0);
    if (mode == TrainingMode::Exam && countdown_) {
        // Exam time is wall time and runs on while the clock is paused; it never moves sim time.
        *countdown_ = std::max(0.0, *countdown_ - wall_seconds);
        if (*countdown_ <= 0.0) {
            update(sim, mode);
            finish(sim, Finish::TimeUp);
            return "";
        }
    }
    if (mode != TrainingMode::Demo || !player_ || paused) return "";

    std::string screen;
    if (demo_phase_ == DemoPhase::Reading) {
        if (player_->state() == sim::SolutionPlayer::State::Ready) {
            // A new step: show where it happens, submit its action, then let the caption be read.
            if (const sim::SolutionStep* step = player_->current(); step && step->action)
                screen = screen_for_operation(step->action->type);
            player_->begin_step(sim);
            caption_elapsed_ = 0.0;
            update(sim, mode);
        }
        caption_elapsed_ += wall_seconds;
        if (caption_elapsed_ >= kDemoCaptionSeconds) demo_phase_ = DemoPhase::Playing;
    }
    if (demo_phase_ == DemoPhase::Playing) {
        // Fast-forward the step: its action's latency, or the days a waiting step needs.
        for (int i = 0; i < 10000 && player_->poll(sim) == sim::SolutionPlayer::State::Running; ++i) {
            player_->advance_running_step(sim);
            update(sim, mode);
            if (finished()) return screen;
        }
        update(sim, mode);
        switch (player_->state()) {
            case sim::SolutionPlayer::State::Ready:
                demo_phase_ = DemoPhase::Reading;
                break;
            case sim::SolutionPlayer::State::Done:
                demo_phase_ = DemoPhase::Done;
                if (!finished()) finish(sim, Finish::Finished);
                break;
            case sim::SolutionPlayer::State::Failed:
                demo_phase_ = DemoPhase::Failed;
                demo_failure_ = player_->failure();
                break;
            case sim::SolutionPlayer::State::Running:
                break;
        }
    }
    return screen;
}

std::size_t Training::demo_step() const {
    if (!player_) return 0;
    const std::size_t n = demo_steps();
    const std::size_t i = player_->step_index();
    return n == 0 ? 0 : std::min(i, n - 1);
}

const sim::LocalText* Training::demo_caption() const {
    if (!player_ || !scenario_ || scenario_->solution.steps.empty()) return nullptr;
    // The running step's own caption (a step inside an if_result branch has one); else its top-level step's.
    if (const sim::SolutionStep* step = player_->current();
        step && !(step->caption.en.empty() && step->caption.de.empty()))
        return &step->caption;
    return &scenario_->solution.steps[demo_step()].caption;
}

bool Training::request_hint(const std::string& id, TrainingMode mode) {
    if (!scenario_ || mode != TrainingMode::Guided) return false;
    const auto& objectives = scenario_->assessment.objectives;
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        if (objectives[i].id != id) continue;
        if (hints_shown_[i] >= static_cast<int>(objectives[i].hints.size())) return false;
        ++hints_shown_[i];
        return true;
    }
    return false;
}

void Training::finish(const sim::Simulation& sim, Finish why) {
    if (!tracker_ || finished()) return;
    tracker_->update(sim);
    final_report_ = tracker_->report(sim);
    live_report_ = final_report_;
    final_journal_hash_ = sim.journal().hash();
    finish_ = why;
    if (demo_phase_ == DemoPhase::Reading || demo_phase_ == DemoPhase::Playing) demo_phase_ = DemoPhase::Done;
}

bool Training::export_debrief(const sim::Simulation& sim, TrainingMode mode, const sim::Strings& text,
                              const std::string& dir) {
    debrief_ok_ = false;
    if (!scenario_) {
        debrief_result_ = text.get("scenario.debrief.nothing");
        return false;
    }
    const std::string lang = text.lang().empty() ? "en" : text.lang();
    const sim::ScoreReport r = finished() ? final_report_ : tracker_->report(sim);
    const std::uint64_t journal_hash = finished() ? final_journal_hash_ : sim.journal().hash();
    const auto& objectives = scenario_->assessment.objectives;

    nlohmann::json j;
    j["scenario"] = scenario_->id;
    j["title"] = scenario_->title.in(lang);
    j["file"] = scenario_->path;
    j["mode"] = mode_key(mode);
    j["language"] = lang;
    j["seed"] = sim.seed();
    j["journal_hash"] = sim::hex64(journal_hash);
    j["state_hash"] = sim::hex64(sim.state_hash());
    j["sim_time_ms"] = sim.now();
    j["finished"] = finished();
    j["score"] = sim::to_json(r, scenario_->assessment, lang);
    nlohmann::json journal = nlohmann::json::array();
    for (const sim::JournalEntry& e : sim.journal().entries()) journal.push_back(sim::to_json(e));
    j["journal"] = std::move(journal);  // redacted by the simulation: never a password
    // The debrief (timeline, time per objective, mistakes) as sim/debrief makes it, for the HTML too.
    sim::Debrief debrief = sim::make_debrief(*scenario_, sim, r, text);
    debrief.mode = mode_key(mode);
    j["debrief"] = sim::to_json(debrief);

    std::string md;
    md += "# " + text.get("scenario.debrief.heading") + ": " + scenario_->title.in(lang) + "\n\n";
    md += "- " + text.get("scenario.debrief.mode") + ": " +
          text.get(std::string("scenario.mode.") + mode_key(mode)) + "\n";
    md += "- " + text.format("scenario.score.seed", {{"seed", sim.seed()}}) + "\n";
    md += "- " + text.format("scenario.score.journal_hash", {{"hash", sim::hex64(journal_hash)}}) + "\n";
    md += "- " +
          text.format("scenario.debrief.sim_time",
                      {{"time", sim::format_duration(sim::Duration{sim.now(), 0})}}) +
          "\n\n";
    md += "## " + text.format("scenario.score.total", {{"score", r.score}}) + "\n\n";
    md += "## " + text.get("scenario.score.objectives") + "\n\n";
    for (std::size_t i = 0; i < objectives.size() && i < r.objectives.size(); ++i) {
        const bool met = r.objectives[i].met;
        md += std::string("- [") + (met ? "x" : " ") + "] **" + objectives[i].title.in(lang) + "** (" +
              text.format("scenario.score.weight", {{"weight", objectives[i].weight}}) + ") — " +
              (met ? objectives[i].feedback_met : objectives[i].feedback_not_met).in(lang) + "\n";
    }
    md += "\n## " + text.get("scenario.score.penalties") + "\n\n";
    if (r.penalties.empty()) md += text.get("scenario.score.no_penalties") + "\n";
    for (const sim::PenaltyItem& p : r.penalties) {
        md += "- " + text.get("scenario.penalty." + p.reason) +
              (p.detail.empty() ? "" : " (" + p.detail + ")") + ": " + std::to_string(p.count) + " × → −" +
              std::to_string(p.points) + "\n";
    }

    std::error_code ec;
    const fs::path base = dir.empty() ? fs::current_path(ec) : fs::path(dir);
    const std::string stem =
        "npsim-debrief-" + (scenario_->id.empty() ? std::string("scenario") : scenario_->id);
    const fs::path md_path = base / (stem + ".md");
    const fs::path json_path = base / (stem + ".json");
    const fs::path html_path = base / (stem + ".html");
    std::string error;  // "path: what failed (OS reason)"
    if (sim::write_file_atomically(md_path.string(), md, &error) &&
        sim::write_file_atomically(json_path.string(), j.dump(2) + "\n", &error) &&
        sim::write_file_atomically(html_path.string(), sim::debrief_html(debrief, text), &error))
        error.clear();
    if (!error.empty()) {
        debrief_result_ = text.format("scenario.debrief.failed", {{"error", error}});
        return false;
    }
    debrief_ok_ = true;
    debrief_result_ =
        text.format("replay.debrief.written",
                    {{"md", md_path.string()}, {"html", html_path.string()}, {"json", json_path.string()}});
    return true;
}

}  // namespace app
