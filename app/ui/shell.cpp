// app/ui/shell.cpp — applying commands, loading scenarios and moving sim time for the desktop shell.
#include "app/ui/shell.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "app/ui/locale.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
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
    sim_.emplace(std::move(load.scenario->setup));
    return true;
}

void Shell::start(sim::Setup setup, sim::LocalText title) {
    bridge_.reset();
    scenario_ = ScenarioInfo{};
    scenario_.title = std::move(title);
    sim_.reset();
    sim_.emplace(std::move(setup));
}

void Shell::draw() {
    const ViewContext ctx{simulation(), strings_, ui_, scenario_};
    draw_shell(ctx, queue_);
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
                if (sim_) sim_->step_to_next_event();
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
            } else if constexpr (std::is_same_v<T, SubmitAction>) {
                if (sim_) sim_->submit(c.action);
            } else if constexpr (std::is_same_v<T, ReloadScenario>) {
                if (!scenario_.path.empty()) load_scenario(scenario_.path);
            }
        },
        command);
}

void Shell::advance(double wall_seconds) {
    if (!sim_) return;
    const sim::SimTime step = bridge_.advance(wall_seconds, ui_.paused ? 0 : ui_.speed);
    if (step > 0) sim_->run_until(sim_->now() + step);
}

std::optional<double> Shell::wait_seconds() const {
    if (!sim_ || ui_.paused) return std::nullopt;
    // Wake when the top bar's minute changes or the next event (an action's result) is due.
    const sim::SimTime now = sim_->now();
    sim::SimTime target = (now / sim::kMinute + 1) * sim::kMinute;
    if (const auto next = sim_->next_event_time()) target = std::min(target, std::max(*next, now));
    return bridge_.wall_seconds_until(target - now, ui_.speed);
}

bool Shell::show_screen(const std::string& name) {
    const ScreenSpec* screen = find_screen(name);
    if (!screen) return false;
    screen->show(ui_);
    return true;
}

void Shell::set_language(const std::string& lang) {
    ui_.language = lang;
    string_errors_.clear();
    strings_ = sim::Strings::load(options_.asset_dir + "/i18n", lang, &string_errors_);
}

}  // namespace app
