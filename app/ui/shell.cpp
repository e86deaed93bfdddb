// app/ui/shell.cpp — applying commands, loading scenarios and moving sim time for the desktop shell.
#include "app/ui/shell.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <type_traits>

#include "app/ui/locale.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/views/scenario/scenario_views.hpp"
#include "app/views/views.hpp"
#include "sim/scenario.hpp"

namespace app {

float clamp_font_scale(float scale) {
    return std::clamp(scale, kMinFontScale, kMaxFontScale);
}

Shell::Shell(ShellOptions options) : options_(std::move(options)) {
    set_language(is_supported_language(options_.language) ? options_.language : "en");
    apply_theme(ui_.theme, options_.content_scale);
}

bool Shell::load_scenario(const std::string& path) {
    sim_.reset();
    training_.clear();
    bridge_.reset();
    scenario_ = ScenarioInfo{};
    scenario_.path = path;
    sim::ScenarioLoad load = sim::load_scenario_file(path);
    for (const sim::LoadError& e : load.errors) scenario_.errors.push_back(e.to_string());
    if (!load.ok()) {
        if (scenario_.errors.empty()) scenario_.errors.push_back(path + ": the scenario could not be loaded");
        return false;
    }
    scenario_.title = load.scenario->title;
    auto scenario = std::make_unique<sim::Scenario>(std::move(*load.scenario));
    sim_.emplace(scenario->setup);  // a copy: the scenario stays whole for the training session
    reset_people();
    ui_.mode = training_.begin(std::move(scenario), ui_.mode, &*sim_);
    return true;
}

void Shell::start(sim::Setup setup, sim::LocalText title) {
    bridge_.reset();
    training_.clear();
    ui_.mode = TrainingMode::Sandbox;
    scenario_ = ScenarioInfo{};
    scenario_.title = std::move(title);
    sim_.reset();
    sim_.emplace(std::move(setup));
    reset_people();
}

bool Shell::start_scenario(const std::string& path, TrainingMode mode, const std::string& language) {
    if (!language.empty() && is_supported_language(language) && language != ui_.language) set_language(language);
    ui_.mode = mode;
    ui_.paused = false;
    if (!load_scenario(path)) return false;
    // Guided and exam open on the checklist; the demo navigates to each step's screen itself.
    if (ui_.mode == TrainingMode::Guided || ui_.mode == TrainingMode::Exam) navigate("scenario.checklist");
    return true;
}

// A fresh world: forget UI-only state, and sign in as the first administrator (if any) everywhere.
void Shell::reset_people() {
    view_ = ViewState{};
    ui_.work_account.clear();
    ui_.account_user.clear();
    ui_.mail_user.clear();
    if (!sim_) return;
    for (const sim::Person& p : sim_->world().people) {
        if (p.deleted) continue;
        if (ui_.work_account.empty() && p.is_admin()) ui_.work_account = p.upn;
        if (ui_.account_user.empty()) ui_.account_user = p.upn;
    }
    ui_.mail_user = ui_.work_account.empty() ? ui_.account_user : ui_.work_account;
}

void Shell::draw() {
    ui_.training = &training_;
    const ViewContext ctx{simulation(), strings_, ui_, scenario_, view_};
    draw_shell(ctx, queue_);
    draw_training_window(ctx, queue_);
}

void Shell::apply_commands() {
    for (const Command& c : queue_.take_all()) apply(c);
}

void Shell::apply(const Command& command) {
    std::visit(
        [this](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, Pause>) {
                ui_.paused = true;
            } else if constexpr (std::is_same_v<T, Resume>) {
                ui_.paused = false;
            } else if constexpr (std::is_same_v<T, SetSpeed>) {
                if (std::find(kSpeeds.begin(), kSpeeds.end(), c.multiplier) != kSpeeds.end())
                    ui_.speed = c.multiplier;
                ui_.paused = false;
            } else if constexpr (std::is_same_v<T, SkipToNextEvent>) {
                if (sim_) {
                    const bool was_finished = training_.finished();
                    sim_->step_to_next_event();
                    after_sim_moved();
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, SetLanguage>) {
                if (is_supported_language(c.lang) && c.lang != ui_.language) set_language(c.lang);
            } else if constexpr (std::is_same_v<T, SetTheme>) {
                ui_.theme = c.theme;
                apply_theme(ui_.theme, options_.content_scale);
            } else if constexpr (std::is_same_v<T, SetFontScale>) {
                const float scale = clamp_font_scale(c.scale);
                fonts_dirty_ = fonts_dirty_ || scale != ui_.font_scale;
                ui_.font_scale = scale;
            } else if constexpr (std::is_same_v<T, ShowScreen>) {
                show_screen(c.name);
            } else if constexpr (std::is_same_v<T, Navigate>) {
                navigate(c.name);
            } else if constexpr (std::is_same_v<T, Back>) {
                if (!ui_.back_stack.empty()) {
                    ui_.forward_stack.push_back(ui_.screen);
                    ui_.screen = ui_.back_stack.back();
                    ui_.back_stack.pop_back();
                }
            } else if constexpr (std::is_same_v<T, Forward>) {
                if (!ui_.forward_stack.empty()) {
                    ui_.back_stack.push_back(ui_.screen);
                    ui_.screen = ui_.forward_stack.back();
                    ui_.forward_stack.pop_back();
                }
            } else if constexpr (std::is_same_v<T, SetWorkAccount>) {
                ui_.work_account = c.upn;
            } else if constexpr (std::is_same_v<T, SetAccountUser>) {
                ui_.account_user = c.upn;
            } else if constexpr (std::is_same_v<T, SetMailUser>) {
                ui_.mail_user = c.upn;
            } else if constexpr (std::is_same_v<T, SubmitAction>) {
                if (sim_) {
                    const sim::ActionHandle h = sim_->submit(c.action);
                    if (!c.tag.empty()) view_.actions[c.tag] = h;
                    const bool was_finished = training_.finished();
                    after_sim_moved();
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, ReloadScenario>) {
                if (!scenario_.path.empty()) start_scenario(scenario_.path, ui_.mode);
            } else if constexpr (std::is_same_v<T, StartScenario>) {
                start_scenario(c.path, c.mode, c.language);
            } else if constexpr (std::is_same_v<T, SetMode>) {
                if (c.mode == ui_.mode) return;
                if ((c.mode == TrainingMode::Demo || c.mode == TrainingMode::Exam) && !scenario_.path.empty()) {
                    start_scenario(scenario_.path, c.mode);  // a demo or an exam starts from the beginning
                } else if (c.mode == TrainingMode::Guided || c.mode == TrainingMode::Sandbox) {
                    ui_.mode = c.mode;
                }
            } else if constexpr (std::is_same_v<T, RequestHint>) {
                training_.request_hint(c.objective, ui_.mode);
            } else if constexpr (std::is_same_v<T, FinishScenario>) {
                if (sim_ && ui_.mode != TrainingMode::Sandbox) {
                    const bool was_finished = training_.finished();
                    training_.finish(*sim_, Training::Finish::Finished);
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, JumpAhead>) {
                if (sim_) {
                    const bool was_finished = training_.finished();
                    run_until(sim::apply_duration(sim_->calendar(), sim_->now(), c.by));
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, ExportDebrief>) {
                if (sim_) training_.export_debrief(*sim_, ui_.mode, strings_, c.dir);
            }
        },
        command);
}

void Shell::advance(double wall_seconds) {
    if (!sim_) return;
    const bool was_finished = training_.finished();
    const sim::SimTime step = bridge_.advance(wall_seconds, ui_.paused ? 0 : ui_.speed);
    if (step > 0) run_until(sim_->now() + step);
    const std::string screen = training_.tick(*sim_, ui_.mode, wall_seconds, ui_.paused);
    if (!screen.empty()) navigate(screen);
    show_score_if_finished(was_finished);
}

void Shell::run_until(sim::SimTime t) {
    while (true) {
        const auto next = sim_->next_event_time();
        if (!next || *next > t) break;
        sim_->run_until(std::max(*next, sim_->now()));
        after_sim_moved();
    }
    sim_->run_until(std::max(t, sim_->now()));
    after_sim_moved();
}

void Shell::after_sim_moved() {
    if (sim_) training_.update(*sim_, ui_.mode);
}

// When a run has just ended (all objectives met, time up, "Finish"), the score screen opens.
void Shell::show_score_if_finished(bool was_finished) {
    if (!was_finished && training_.finished() && ui_.mode != TrainingMode::Sandbox) navigate("scenario.score");
}

std::optional<double> Shell::wait_seconds() const {
    // An exam countdown shows seconds (and runs while paused); a demo caption changes on its own.
    std::optional<double> training_wait;
    if (sim_ && !training_.finished()) {
        if (ui_.mode == TrainingMode::Exam && training_.countdown_left()) training_wait = 0.25;
        const auto phase = training_.demo_phase();
        if (ui_.mode == TrainingMode::Demo && !ui_.paused &&
            (phase == Training::DemoPhase::Reading || phase == Training::DemoPhase::Playing))
            training_wait = 0.1;
    }
    if (training_wait) {
        const std::optional<double> clock = wait_clock();
        return clock ? std::min(*clock, *training_wait) : training_wait;
    }
    return wait_clock();
}

std::optional<double> Shell::wait_clock() const {
    if (!sim_ || ui_.paused) return std::nullopt;
    // Wake when the top bar's minute changes or the next event (an action's result) is due.
    const sim::SimTime now = sim_->now();
    sim::SimTime target = (now / sim::kMinute + 1) * sim::kMinute;
    if (const auto next = sim_->next_event_time()) target = std::min(target, std::max(*next, now));
    const std::optional<double> wait = bridge_.wall_seconds_until(target - now, ui_.speed);
    // While an action is in flight, its spinner turns: redraw at 10 Hz.
    if (sim_->pending_actions().empty()) return wait;
    return wait ? std::min(*wait, 0.1) : 0.1;
}

bool Shell::show_screen(const std::string& name) {
    const ScreenSpec* screen = find_screen(name);
    if (!screen) return false;
    if (screen->show) screen->show(ui_);
    ui_.screen = screen->name;
    if (screen->prepare) screen->prepare(simulation(), ui_, view_);
    return true;
}

bool Shell::navigate(const std::string& name) {
    const ScreenSpec* screen = find_screen(name);
    if (!screen) return false;
    if (ui_.screen != screen->name) {
        ui_.back_stack.push_back(ui_.screen);
        if (ui_.back_stack.size() > 100) ui_.back_stack.erase(ui_.back_stack.begin());
        ui_.forward_stack.clear();
    }
    if (screen->show) screen->show(ui_);
    ui_.screen = screen->name;
    return true;
}

void Shell::set_language(const std::string& lang) {
    ui_.language = lang;
    string_errors_.clear();
    strings_ = sim::Strings::load(options_.asset_dir + "/i18n", lang, &string_errors_);
}

}  // namespace app
