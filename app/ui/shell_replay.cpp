// app/ui/shell_replay.cpp — the read-only session viewer, the tester's observations and "Save this
// point as a scenario", for the desktop shell.
//
// [SECTION] Viewer: open, close, rebuild the recording at a moment, refuse changes
// [SECTION] Observations: what the tester expects, stored for "Export support case"
// [SECTION] Snapshots: the moment shown (viewer) or now (live run) as a new scenario file
//
// The viewer never touches the live run: it keeps its own simulation and training session, rebuilt
// from the recording's scenario, seed and actions whenever the slider moves (a full journey replays
// in well under a millisecond). The live run's clock stops while the viewer is open.
#include "app/ui/shell.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <system_error>
#include <type_traits>

#include <fmt/format.h>

#include "app/ui/screens.hpp"
#include "app/ui/session.hpp"
#include "sim/assessment.hpp"
#include "sim/data_files.hpp"
#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/run.hpp"
#include "sim/snapshot.hpp"

namespace app {

namespace fs = std::filesystem;

struct Shell::Replay {
    sim::ReproBundle bundle;
    SessionExtras extras;
    std::unique_ptr<sim::Scenario> scenario;  // the embedded scenario, as loaded (copied for each rebuild)
    ScenarioInfo info;                        // what the views show as "the scenario"
    TrainingMode mode = TrainingMode::Sandbox;
    std::optional<sim::Simulation> sim;  // the recording at the moment shown
    Training training;                   // its checklist and score at that moment

    // The live app as it was when the viewer opened, restored by close_replay().
    std::string screen;
    std::vector<std::string> back_stack, forward_stack;
    std::string work_account, account_user, mail_user;
    TrainingMode live_mode = TrainingMode::Sandbox;
    ViewState view;
};

namespace {

std::size_t actions_so_far(const sim::Simulation& s) {
    const auto& entries = s.journal().entries();
    return static_cast<std::size_t>(std::count_if(
        entries.begin(), entries.end(), [](const sim::JournalEntry& e) { return e.kind == "action"; }));
}

// The recorded actions with what became of them, from the journal of the replay to the end.
std::vector<ReplayMark> marks_of(const sim::Simulation& s) {
    std::vector<ReplayMark> marks;
    std::map<long long, std::size_t> by_handle;
    for (const sim::JournalEntry& e : s.journal().entries()) {
        if (e.kind == "action") {
            ReplayMark m;
            m.time = e.time;
            const nlohmann::json action = e.body.value("action", nlohmann::json::object());
            m.type = action.is_object() ? action.value("type", std::string()) : std::string();
            m.instructor = m.type.rfind("instructor.", 0) == 0;
            by_handle[e.body.value("handle", -1LL)] = marks.size();
            marks.push_back(std::move(m));
        } else if (e.kind == "result") {
            const auto it = by_handle.find(e.body.value("handle", -1LL));
            if (it == by_handle.end()) continue;
            const nlohmann::json result = e.body.value("result", nlohmann::json::object());
            marks[it->second].failed = result.is_object() && !result.value("ok", true);
            if (marks[it->second].failed) marks[it->second].error = result.value("code", std::string());
        }
    }
    return marks;
}

// [A-Za-z0-9._-] only, so an id can be part of a file name.
std::string file_safe(const std::string& id) {
    std::string out;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        out += ok ? c : '-';
    }
    if (out.empty() || out.front() == '.') out = "scenario" + out;
    return out;
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

    auto r = std::make_shared<Replay>();
    std::string error;
    if (!read_session(path, r->bundle, r->extras, error)) return fail(error);
    sim::ScenarioLoad load = sim::load_scenario_text(r->bundle.scenario.dump(), path);
    if (!load.ok()) {
        const sim::LoadError e = load.errors.empty()
                                     ? sim::LoadError{path, "", "the scenario cannot be loaded"}
                                     : load.errors.front();
        return fail("/scenario" + (e.where.rfind('/', 0) == 0 ? e.where : std::string()) + ": " + e.message);
    }
    r->scenario = std::make_unique<sim::Scenario>(std::move(*load.scenario));
    r->info.path = path;
    r->info.title = r->scenario->title;
    r->mode = mode_from_key(r->extras.mode);
    if (r->mode == TrainingMode::Demo)
        r->mode = TrainingMode::Sandbox;  // the demo player would play on its own

    // The live app to come back to (opening a second file keeps the first one's).
    if (replay_) {
        r->screen = std::move(replay_->screen);
        r->back_stack = std::move(replay_->back_stack);
        r->forward_stack = std::move(replay_->forward_stack);
        r->work_account = std::move(replay_->work_account);
        r->account_user = std::move(replay_->account_user);
        r->mail_user = std::move(replay_->mail_user);
        r->live_mode = replay_->live_mode;
        r->view = std::move(replay_->view);
    } else {
        r->screen = ui_.screen;
        r->back_stack = ui_.back_stack;
        r->forward_stack = ui_.forward_stack;
        r->work_account = ui_.work_account;
        r->account_user = ui_.account_user;
        r->mail_user = ui_.mail_user;
        r->live_mode = ui_.mode;
        r->view = view_;
    }
    replay_ = std::move(r);
    Replay& rp = *replay_;

    // The whole recording first: its actions' results for the timeline, and whether it reproduces.
    const sim::SimTime last_action = rp.bundle.actions.empty() ? 0 : rp.bundle.actions.back().time;
    const sim::SimTime end = std::max(rp.bundle.end_time, last_action);
    ReplayViewState keep = std::move(view_.replay);
    view_ = ViewState{};
    view_.replay = std::move(keep);
    ReplayInfo& info = view_.replay.info;
    info = ReplayInfo{};
    info.active = true;
    info.path = path;
    info.title = rp.scenario->title;
    info.scenario_id = rp.bundle.scenario_id;
    info.note = rp.bundle.note;
    info.end_ms = end;
    info.observations = rp.bundle.observations;
    set_replay_position(end, -1);
    info.actions = marks_of(*rp.sim);
    info.reproduces =
        rp.bundle.state_hash.empty() || sim::hex64(rp.sim->state_hash()) == rp.bundle.state_hash;

    // Who was signed in where: the recording's own choice, else the first administrator at its end.
    ui_.mode = rp.mode;
    ui_.work_account.clear();
    ui_.account_user.clear();
    ui_.mail_user.clear();
    if (rp.extras.present) {
        ui_.work_account = rp.extras.work_account;
        ui_.account_user = rp.extras.account_user;
        ui_.mail_user = rp.extras.mail_user;
    } else {
        for (const sim::Person& p : rp.sim->world().people) {
            if (p.deleted) continue;
            if (ui_.work_account.empty() && p.is_admin()) ui_.work_account = p.upn;
            if (ui_.account_user.empty()) ui_.account_user = p.upn;
        }
        ui_.mail_user = ui_.work_account.empty() ? ui_.account_user : ui_.work_account;
    }
    ui_.back_stack.clear();
    ui_.forward_stack.clear();
    show_screen("scenario.replay");
    return true;
}

void Shell::close_replay() {
    if (!replay_) return;
    Replay& r = *replay_;
    ReplayViewState keep = std::move(view_.replay);
    keep.info = ReplayInfo{};
    view_ = std::move(r.view);
    view_.replay = std::move(keep);
    ui_.screen = r.screen;
    ui_.back_stack = std::move(r.back_stack);
    ui_.forward_stack = std::move(r.forward_stack);
    ui_.work_account = std::move(r.work_account);
    ui_.account_user = std::move(r.account_user);
    ui_.mail_user = std::move(r.mail_user);
    ui_.mode = r.live_mode;
    replay_.reset();
}

const std::string& Shell::replay_scenario_path() const {
    return replay_->info.path;
}

const sim::Simulation* Shell::shown_simulation() const {
    if (replay_ && replay_->sim) return &*replay_->sim;
    return simulation();
}

ViewContext Shell::replay_context() {
    return ViewContext{&*replay_->sim, strings_, ui_, replay_->info, view_, &replay_->training, &session_};
}

// A fresh simulation of the recording's scenario and seed, the first `actions` recorded actions (all
// recorded at or before `time` when negative) at their times, then the clock to `time`.
void Shell::set_replay_position(sim::SimTime time, long long actions) {
    if (!replay_) return;
    Replay& r = *replay_;
    ReplayInfo& info = view_.replay.info;
    time = std::clamp<sim::SimTime>(time, 0, std::max<sim::SimTime>(info.end_ms, r.bundle.end_time));
    const std::size_t limit =
        actions < 0 ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(actions);

    r.training.clear();
    r.sim.reset();
    sim::Setup setup = r.scenario->setup;
    setup.seed = r.bundle.seed;
    r.sim.emplace(std::move(setup));
    r.mode = r.training.begin(std::make_unique<sim::Scenario>(*r.scenario), r.mode, &*r.sim);
    // Event by event, so the checklist sees every state on the way (as the live run).
    const sim::RunObserver update = [&r](sim::Simulation& s, const sim::RunStep&) {
        r.training.update(s, r.mode);
    };
    const std::size_t applied = sim::replay(*r.sim, r.bundle.actions, update, sim::ReplayLimit{limit, time});
    sim::run_until(*r.sim, time, update);
    info.time = r.sim->now();
    info.applied = applied;
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
    if (!sim_ || request.label.empty() || !request.condition.is_object()) return;
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
    o.time = sim_->now();
    o.after_actions = actions_so_far(*sim_);
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
    ReplayViewState& st = view_.replay;
    st.point_ok = false;
    const sim::Scenario* base = replay_ ? replay_->scenario.get() : training_.scenario();
    const sim::Simulation* s = shown_simulation();
    if (!base || !s) {
        st.point_result = strings_.get("replay.point.nothing");
        return;
    }
    const sim::LocalDateTime when = s->calendar().local(s->now());
    const std::string stamp = fmt::format("{:04}-{:02}-{:02}-{:02}{:02}", when.date.year, when.date.month,
                                          when.date.day, when.hour, when.minute);
    const std::string id = file_safe(base->id) + "-at-" + stamp;
    const std::string moment =
        fmt::format("{} {:02}:{:02}", sim::format_date(when.date), when.hour, when.minute);
    const sim::LocalText title{base->title.en + " @ " + moment,
                               base->title.de.empty() ? "" : base->title.de + " @ " + moment};

    std::error_code ec;
    const fs::path folder = dir.empty() ? fs::current_path(ec) : fs::path(dir);
    const fs::path path = folder / (id + ".json");
    std::string error;
    if (ec || !fs::is_directory(folder, ec)) {
        error = strings_.format("replay.point.no_folder", {{"path", folder.string()}});
    } else {
        const std::string text = sim::scenario_at(*base, *s, id, title).dump(2) + "\n";
        // Never write a scenario the library could not start.
        const sim::ScenarioLoad check = sim::load_scenario_text(text, path.string());
        if (!check.ok()) {
            error = check.errors.empty() ? std::string("the scenario cannot be loaded")
                                         : check.errors.front().to_string();
        } else if (std::string why; !sim::write_file_atomically(path.string(), text, &why)) {
            error = strings_.format("replay.point.cannot_write", {{"path", path.string()}, {"why", why}});
        }
    }
    if (!error.empty()) {
        st.point_result = strings_.format("replay.point.failed", {{"error", error}});
        return;
    }
    st.point_ok = true;
    st.point_result = strings_.format("replay.point.written", {{"path", path.string()}});
}

}  // namespace app
