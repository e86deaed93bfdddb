// app/ui/replay_controller.cpp — the session viewer's recording and replay (app/ui/replay_controller.hpp).
#include "app/ui/replay_controller.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "sim/data_files.hpp"
#include "sim/hash.hpp"
#include "sim/run.hpp"

namespace app {

bool ReplayController::load(const std::string& path, std::string& error) {
    if (!read_session(path, bundle_, extras_, error)) return false;
    sim::ScenarioLoad load = sim::load_scenario_text(bundle_.scenario.dump(), path);
    if (!load.ok()) {
        const sim::LoadError e = load.errors.empty()
                                     ? sim::LoadError{path, "", "the scenario cannot be loaded"}
                                     : load.errors.front();
        error = "/scenario" + (e.where.rfind('/', 0) == 0 ? e.where : std::string()) + ": " + e.message;
        return false;
    }
    scenario_ = std::make_unique<sim::Scenario>(std::move(*load.scenario));
    info_.path = path;
    info_.title = scenario_->title;
    mode_ = mode_from_key(extras_.mode);
    if (mode_ == TrainingMode::Demo) mode_ = TrainingMode::Sandbox;  // the demo player would play on its own
    return true;
}

void ReplayController::set_position(sim::SimTime time, long long actions, ReplayInfo& info) {
    time = std::clamp<sim::SimTime>(time, 0, std::max<sim::SimTime>(info.end_ms, bundle_.end_time));
    const std::size_t limit =
        actions < 0 ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(actions);

    training_.clear();
    sim_.reset();
    sim::Setup setup = scenario_->setup;
    setup.seed = bundle_.seed;
    sim_.emplace(std::move(setup));
    mode_ = training_.begin(std::make_unique<sim::Scenario>(*scenario_), mode_, &*sim_);
    // Event by event, so the checklist sees every state on the way (as the live run).
    const sim::RunObserver update = [this](sim::Simulation& s, const sim::RunStep&) {
        training_.update(s, mode_);
    };
    const std::size_t applied = sim::replay(*sim_, bundle_.actions, update, sim::ReplayLimit{limit, time});
    sim::run_until(*sim_, time, update);
    info.time = sim_->now();
    info.applied = applied;
}

std::vector<ReplayMark> ReplayController::marks() const {
    std::vector<ReplayMark> marks;
    if (!sim_) return marks;
    std::map<long long, std::size_t> by_handle;
    for (const sim::JournalEntry& e : sim_->journal().entries()) {
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

bool ReplayController::reproduces() const {
    return bundle_.state_hash.empty() || (sim_ && sim::hex64(sim_->state_hash()) == bundle_.state_hash);
}

void ReplayController::sign_in(UiState& ui) const {
    ui.work_account.clear();
    ui.account_user.clear();
    ui.mail_user.clear();
    if (extras_.present) {
        ui.work_account = extras_.work_account;
        ui.account_user = extras_.account_user;
        ui.mail_user = extras_.mail_user;
        return;
    }
    if (!sim_) return;
    for (const sim::Person& p : sim_->world().people) {
        if (p.deleted) continue;
        if (ui.work_account.empty() && p.is_admin()) ui.work_account = p.upn;
        if (ui.account_user.empty()) ui.account_user = p.upn;
    }
    ui.mail_user = ui.work_account.empty() ? ui.account_user : ui.work_account;
}

ViewContext ReplayController::context(const sim::Strings& text, const UiState& ui, ViewState& view,
                                      const SessionStatus* session) const {
    return ViewContext{simulation(), text, ui, info_, view, &training_, session};
}

void ReplayController::keep_live(const UiState& ui, const ViewState& view) {
    live_.screen = ui.screen;
    live_.back_stack = ui.back_stack;
    live_.forward_stack = ui.forward_stack;
    live_.work_account = ui.work_account;
    live_.account_user = ui.account_user;
    live_.mail_user = ui.mail_user;
    live_.mode = ui.mode;
    live_.view = view;
}

void ReplayController::take_live_from(ReplayController& earlier) {
    live_ = std::move(earlier.live_);
}

void ReplayController::restore_live(UiState& ui, ViewState& view) {
    ReplayViewState keep = std::move(view.replay);
    keep.info = ReplayInfo{};
    view = std::move(live_.view);
    view.replay = std::move(keep);
    ui.screen = live_.screen;
    ui.back_stack = std::move(live_.back_stack);
    ui.forward_stack = std::move(live_.forward_stack);
    ui.work_account = std::move(live_.work_account);
    ui.account_user = std::move(live_.account_user);
    ui.mail_user = std::move(live_.mail_user);
    ui.mode = live_.mode;
}

}  // namespace app
