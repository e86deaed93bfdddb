// app/ui/shell_replay.cpp — the read-only session viewer, the tester's observations and "Save this
// point as a scenario", for the desktop shell.
//
// [SECTION] Viewer: open, close, rebuild the recording at a moment, refuse changes
// [SECTION] Observations: what the tester expects, stored for "Export support case"
// [SECTION] Snapshots: the moment shown (viewer) or now (live run) as a new scenario file
//
// The viewer itself (the recording, its replayed simulation, the live UI to restore) is a
// ReplayController (app/ui/replay_controller.hpp); the Shell swaps the UI state in and out. The live
// run's clock stops while the viewer is open.
#include "app/ui/shell.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <type_traits>

#include <fmt/format.h>

#include "app/ui/exporter.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/session.hpp"
#include "sim/assessment.hpp"

namespace app {

namespace fs = std::filesystem;

namespace {

std::size_t actions_so_far(const sim::Simulation& s) {
    const auto& entries = s.journal().entries();
    return static_cast<std::size_t>(std::count_if(
        entries.begin(), entries.end(), [](const sim::JournalEntry& e) { return e.kind == "action"; }));
}

}  // namespace

// [SECTION] Viewer ---------------------------------------------------------------------------------

bool Shell::open_replay(const std::string& path) {
    view_.replay.open_error.clear();
    auto fail = [&](const std::string& why) {
        view_.replay.open_error = strings_.format("replay.open.failed", {{"path", path}, {"error", why}});
        return false;
    };
    if (path.empty()) return fail(strings_.get("replay.open.no_path"));
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return fail(strings_.get("replay.open.no_file"));

    auto r = std::make_unique<ReplayController>();
    std::string error;
    if (!r->load(path, error)) return fail(error);
    // The live app to come back to (opening a second file keeps the first one's).
    if (replay_)
        r->take_live_from(*replay_);
    else
        r->keep_live(ui_, view_);
    replay_ = std::move(r);
    ReplayController& rp = *replay_;

    // The whole recording first: its actions' results for the timeline, and whether it reproduces.
    const sim::ReproBundle& b = rp.bundle();
    const sim::SimTime last_action = b.actions.empty() ? 0 : b.actions.back().time;
    const sim::SimTime end = std::max(b.end_time, last_action);
    ReplayViewState keep = std::move(view_.replay);
    view_ = ViewState{};
    view_.replay = std::move(keep);
    ReplayInfo& info = view_.replay.info;
    info = ReplayInfo{};
    info.active = true;
    info.path = path;
    info.title = rp.scenario()->title;
    info.scenario_id = b.scenario_id;
    info.note = b.note;
    info.end_ms = end;
    info.observations = b.observations;
    set_replay_position(end, -1);
    info.actions = rp.marks();
    info.reproduces = rp.reproduces();

    // Who was signed in where: the recording's own choice, else the first administrator at its end.
    ui_.mode = rp.mode();
    rp.sign_in(ui_);
    ui_.back_stack.clear();
    ui_.forward_stack.clear();
    show_screen("scenario.replay");
    return true;
}

void Shell::close_replay() {
    if (!replay_) return;
    replay_->restore_live(ui_, view_);
    replay_.reset();
}

const std::string& Shell::replay_scenario_path() const {
    return replay_->info().path;
}

const sim::Simulation* Shell::shown_simulation() const {
    if (replay_ && replay_->simulation()) return replay_->simulation();
    return simulation();
}

ViewContext Shell::replay_context() {
    return replay_->context(strings_, ui_, view_, &store_.status());
}

void Shell::set_replay_position(sim::SimTime time, long long actions) {
    if (replay_) replay_->set_position(time, actions, view_.replay.info);
}

bool Shell::refused_in_replay(const Command& command) {
    const bool changes_the_world = std::visit(
        [](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            return std::is_same_v<T, SubmitAction> || std::is_same_v<T, SkipToNextEvent> ||
                   std::is_same_v<T, ReloadScenario> || std::is_same_v<T, StartScenario> ||
                   std::is_same_v<T, SetMode> || std::is_same_v<T, RequestHint> ||
                   std::is_same_v<T, FinishScenario> || std::is_same_v<T, JumpAhead> ||
                   std::is_same_v<T, ExportDebrief> || std::is_same_v<T, ResumeSession> ||
                   std::is_same_v<T, ExportBundle> || std::is_same_v<T, AddObservation> ||
                   std::is_same_v<T, RemoveObservation>;
        },
        command);
    if (changes_the_world) ++view_.replay.info.refused;
    return changes_the_world;
}

// [SECTION] Observations ---------------------------------------------------------------------------

void Shell::add_observation(const AddObservation& request) {
    if (!live_.sim() || request.label.empty() || !request.condition.is_object()) return;
    std::vector<sim::ConditionError> errors;  // verify_bundle could not check a malformed condition
    if (!sim::validate_condition(request.condition, "", errors)) return;
    std::vector<sim::Observation>& list = view_.replay.observations;
    int next = 1;
    for (const sim::Observation& o : list) {
        if (o.id.rfind("obs-", 0) != 0) continue;
        try {
            next = std::max(next, std::stoi(o.id.substr(4)) + 1);
        } catch (const std::exception&) {
        }
    }
    sim::Observation o;
    o.id = fmt::format("obs-{}", next);
    o.label = request.label;
    o.time = live_.sim()->now();
    o.after_actions = actions_so_far(*live_.sim());
    o.condition = request.condition;
    list.push_back(std::move(o));
    write_session_now();  // autosave (no-op when it is off): an observation is part of the session
}

void Shell::remove_observation(const std::string& id) {
    auto& list = view_.replay.observations;
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](const sim::Observation& o) { return o.id == id; }),
        list.end());
    write_session_now();
}

// [SECTION] Snapshots ------------------------------------------------------------------------------

void Shell::save_scenario_at(const std::string& dir) {
    const sim::Scenario* base = replay_ ? replay_->scenario() : live_.training().scenario();
    const ExportOutcome out = Exporter(strings_).scenario_at(base, shown_simulation(), dir);
    view_.replay.point_ok = out.ok;
    view_.replay.point_result = out.message;
}

}  // namespace app
