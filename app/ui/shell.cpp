// app/ui/shell.cpp — applying commands, loading scenarios and moving sim time for the desktop shell.
#include "app/ui/shell.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <system_error>
#include <type_traits>

#include <fmt/format.h>

#include "app/ui/exporter.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/views/instructor/instructor_views.hpp"
#include "app/views/replay/replay_views.hpp"
#include "app/views/resume_prompt.hpp"
#include "app/views/scenario/scenario_views.hpp"
#include "app/views/views.hpp"
#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/hash.hpp"
#include "sim/identity.hpp"
#include "sim/run.hpp"
#include "sim/scenario.hpp"

namespace app {

namespace fs = std::filesystem;

namespace {

bool has_actions(const sim::Simulation& sim) {
    const auto& entries = sim.journal().entries();
    return std::any_of(entries.begin(), entries.end(),
                       [](const sim::JournalEntry& e) { return e.kind == "action"; });
}

}  // namespace

float clamp_font_scale(float scale) {
    return std::clamp(scale, kMinFontScale, kMaxFontScale);
}

Shell::Shell(ShellOptions options)
    : options_(std::move(options)), store_(options_.session_path, options_.offer_resume) {
    set_language(is_supported_language(options_.language) ? options_.language : "en");
    apply_theme(ui_.theme, options_.content_scale);
    store_.check_file();  // at start: what the overview offers to resume (or why not)
}

bool Shell::load_scenario(const std::string& file) {
    // A copy on purpose: `file` may be scenario_.path itself ("Try again"), which is cleared below.
    const std::string path = file;  // NOLINT(performance-unnecessary-copy-initialization)
    live_.stop();
    store_.new_run();  // a new run: not saved yet
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
    live_.start(scenario->setup);  // a copy: the scenario stays whole for the training session
    reset_people();
    ui_.mode = live_.training().begin(std::move(scenario), ui_.mode, live_.sim());
    return true;
}

void Shell::start(sim::Setup setup, sim::LocalText title) {
    live_.stop();
    store_.new_run();
    ui_.mode = TrainingMode::Sandbox;
    scenario_ = ScenarioInfo{};
    scenario_.title = std::move(title);
    live_.start(std::move(setup));
    reset_people();
}

bool Shell::start_scenario(const std::string& path, TrainingMode mode, const std::string& language) {
    if (!language.empty() && is_supported_language(language) && language != ui_.language)
        set_language(language);
    ui_.mode = mode;
    ui_.paused = false;
    if (!load_scenario(path)) return false;
    // Guided and exam open on the checklist; the demo navigates to each step's screen itself.
    if (ui_.mode == TrainingMode::Guided || ui_.mode == TrainingMode::Exam) navigate("scenario.checklist");
    return true;
}

// A fresh world: forget UI-only state, and sign in as the first administrator (if any) everywhere.
void Shell::reset_people() {
    InstructorViewState instructor = std::move(view_.instructor);  // the console stays open across restarts
    view_ = ViewState{};
    view_.instructor = std::move(instructor);
    ui_.work_account.clear();
    ui_.account_user.clear();
    ui_.mail_user.clear();
    if (!live_.sim()) return;
    const sim::World& w = live_.sim()->world();
    for (const sim::Person& p : w.people) {
        // A person whose sign-in record says they are not signed in starts on the sign-in page (issue 14);
        // people without a record (every earlier scenario) are signed in as before.
        const sim::AccountIdentity* id = sim::identity_of(w, p.upn);
        if (p.deleted || (id != nullptr && !id->signed_in)) continue;
        if (ui_.work_account.empty() && p.is_admin()) ui_.work_account = p.upn;
        if (ui_.account_user.empty()) ui_.account_user = p.upn;
    }
    ui_.mail_user = ui_.work_account.empty() ? ui_.account_user : ui_.work_account;
}

void Shell::draw() {
    sync_scenario_texts();
    // The viewer shows the replayed recording on every surface (app/ui/shell_replay.cpp).
    ViewContext ctx =
        replay_ ? replay_context() : ViewContext{simulation(),      strings_,        ui_, scenario_, view_,
                                                 &live_.training(), &store_.status()};
    if (!replay_) ctx.commands = &queue_;  // links in shared helpers (action_status.cpp)
    draw_shell(ctx, queue_);
    draw_training_window(ctx, queue_);
    draw_instructor_window(ctx, queue_);
    draw_resume_prompt(ctx, queue_);
    draw_replay_bar(ctx, queue_);
}

void Shell::apply_commands() {
    for (const Command& c : queue_.take_all()) apply(c);
}

void Shell::apply(const Command& command) {
    if (replay_ && refused_in_replay(command)) return;  // the viewer is read only
    if (!apply_to_ui(command)) apply_to_run(command);
}

// Commands that change only the UI state: the clock's speed, language, theme, screens, people shown.
bool Shell::apply_to_ui(const Command& command) {
    return std::visit(
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
            } else if constexpr (std::is_same_v<T, ScanLibrary>) {
                scan_scenario_library();
            } else if constexpr (std::is_same_v<T, ToggleInstructorConsole>) {
                view_.instructor.open = !view_.instructor.open;
            } else if constexpr (std::is_same_v<T, OpenInstructorConsole>) {
                view_.instructor.open = true;
                if (c.advanced) view_.instructor.advanced = true;
            } else {
                return false;
            }
            return true;
        },
        command);
}

// Commands for the run, the session file, the viewer and the files written.
void Shell::apply_to_run(const Command& command) {
    std::visit(
        [this](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, SkipToNextEvent>) {
                if (live_.sim()) {
                    const bool was_finished = live_.training().finished();
                    live_.step(ui_.mode);
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, SubmitAction>) {
                if (live_.sim()) {
                    const sim::ActionHandle h = live_.sim()->submit(c.action);
                    if (!c.tag.empty()) view_.actions[c.tag] = h;
                    const bool was_finished = live_.training().finished();
                    live_.update(ui_.mode);
                    show_score_if_finished(was_finished);
                    write_session_now();  // autosave: every applied action (no-op when autosave is off)
                    after_instructor_action(c.action);
                }
            } else if constexpr (std::is_same_v<T, ReloadScenario>) {
                if (!scenario_.path.empty()) start_scenario(scenario_.path, ui_.mode);
            } else if constexpr (std::is_same_v<T, StartScenario>) {
                start_scenario(c.path, c.mode, c.language);
            } else if constexpr (std::is_same_v<T, SetMode>) {
                if (c.mode == ui_.mode) return;
                if ((c.mode == TrainingMode::Demo || c.mode == TrainingMode::Exam) &&
                    !scenario_.path.empty()) {
                    start_scenario(scenario_.path, c.mode);  // a demo or an exam starts from the beginning
                } else if (c.mode == TrainingMode::Guided || c.mode == TrainingMode::Sandbox) {
                    ui_.mode = c.mode;
                }
            } else if constexpr (std::is_same_v<T, RequestHint>) {
                live_.training().request_hint(c.objective, ui_.mode);
            } else if constexpr (std::is_same_v<T, FinishScenario>) {
                if (live_.sim() && ui_.mode != TrainingMode::Sandbox) {
                    const bool was_finished = live_.training().finished();
                    live_.training().finish(*live_.sim(), Training::Finish::Finished);
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, JumpAhead>) {
                if (live_.sim()) {
                    const bool was_finished = live_.training().finished();
                    live_.run_until(sim::apply_duration(live_.sim()->calendar(), live_.sim()->now(), c.by),
                                    ui_.mode);
                    show_score_if_finished(was_finished);
                }
            } else if constexpr (std::is_same_v<T, ExportDebrief>) {
                if (live_.sim()) live_.training().export_debrief(*live_.sim(), ui_.mode, strings_, c.dir);
            } else if constexpr (std::is_same_v<T, ResumeSession>) {
                resume_session();
            } else if constexpr (std::is_same_v<T, StartFresh>) {
                // The interrupted run is kept (for the report), out of the new run's way.
                store_.start_fresh();
            } else if constexpr (std::is_same_v<T, ExportBundle>) {
                export_bundle(c);
            } else if constexpr (std::is_same_v<T, OpenReplay>) {
                open_replay(c.path);
            } else if constexpr (std::is_same_v<T, CloseReplay>) {
                close_replay();
            } else if constexpr (std::is_same_v<T, SetReplayTime>) {
                set_replay_position(c.time, c.actions);
            } else if constexpr (std::is_same_v<T, AddObservation>) {
                add_observation(c);
            } else if constexpr (std::is_same_v<T, RemoveObservation>) {
                remove_observation(c.id);
            } else if constexpr (std::is_same_v<T, SaveScenarioAt>) {
                save_scenario_at(c.dir);
            }
        },
        command);
}

void Shell::advance(double wall_seconds) {
    if (!live_.sim()) return;
    if (replay_) return;  // the viewer holds its moment; the live run waits
    const bool was_finished = live_.training().finished();
    live_.advance_clock(wall_seconds, ui_.paused, ui_.speed, ui_.mode);
    const std::string screen = live_.training().tick(*live_.sim(), ui_.mode, wall_seconds, ui_.paused);
    if (!screen.empty()) navigate(screen);
    show_score_if_finished(was_finished);
}

// The scenario library (scenario.overview's list), read between frames and kept in the view state.
void Shell::scan_scenario_library() {
    ScenarioViewState& st = view_.scenario;
    st.library = scan_library(sim::default_scenario_dir());
    st.library_scanned = true;
    st.selected = st.library.empty() ? -1 : 0;
    const std::string& current = replay_ ? replay_scenario_path() : scenario_.path;  // what the view shows
    for (std::size_t i = 0; i < st.library.size(); ++i)
        if (st.library[i].path == current) st.selected = static_cast<int>(i);
    st.chosen_mode.clear();
}

// When a run has just ended (all objectives met, time up, "Finish"), the score screen opens.
void Shell::show_score_if_finished(bool was_finished) {
    if (!was_finished && live_.training().finished() && ui_.mode != TrainingMode::Sandbox)
        navigate("scenario.score");
}

std::optional<double> Shell::wait_seconds() const {
    if (replay_) return std::nullopt;  // nothing moves in the viewer
    // An exam countdown shows seconds (and runs while paused); a demo caption changes on its own.
    std::optional<double> training_wait;
    if (live_.sim() && !live_.training().finished()) {
        if (ui_.mode == TrainingMode::Exam && live_.training().countdown_left()) training_wait = 0.25;
        const auto phase = live_.training().demo_phase();
        if (ui_.mode == TrainingMode::Demo && !ui_.paused &&
            (phase == Training::DemoPhase::Reading || phase == Training::DemoPhase::Playing))
            training_wait = 0.1;
    }
    if (training_wait) {
        const std::optional<double> clock = live_.wait_clock(ui_.paused, ui_.speed);
        return clock ? std::min(*clock, *training_wait) : training_wait;
    }
    return live_.wait_clock(ui_.paused, ui_.speed);
}

bool Shell::show_screen(const std::string& name) {
    const ScreenSpec* screen = find_screen(name);
    if (!screen) return false;
    if (screen->show) screen->show(ui_);
    ui_.screen = screen->name;
    if (screen->prepare)
        screen->prepare(shown_simulation(), ui_, view_);  // the viewer's world while replaying
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

// ---- Sessions and repro bundles --------------------------------------------------------------

bool Shell::start_up(const std::string& scenario_path, const std::string& mode, bool resume) {
    try {
        const bool resumed = resume && resume_session();
        if (!resumed) {
            const bool loaded = mode.empty() ? load_scenario(scenario_path)
                                             : start_scenario(scenario_path, mode_from_key(mode));
            // Why there is nothing to resume, or why the saved session was set aside: said on the overview.
            if (loaded && (resume || !store_.status().bad_error.empty())) show_screen("scenario.overview");
            return loaded;
        }
        return true;
    } catch (const std::exception& e) {
        show_error(e.what());
    } catch (...) {
        show_error("unknown error");
    }
    return false;
}

void Shell::show_error(const std::string& message) {
    if (replay_) replay_.reset();
    live_.stop();
    store_.new_run();
    scenario_.errors.assign(1, message);
    scenario_.unexpected = true;
    scenario_.title = {};
    ui_.back_stack.clear();
    ui_.forward_stack.clear();
    show_screen("shell");
}

bool Shell::resume_session() {
    const std::string path = store_.path();
    const std::string previous = scenario_.path;
    bool torn_down = false;  // the current run was already replaced when the error came
    std::string error;
    try {
        return resume_session_unguarded(torn_down);
    } catch (const std::exception& e) {
        error = fmt::format("the session cannot be resumed ({})", e.what());
    } catch (...) {
        error = "the session cannot be resumed (unknown error)";
    }
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) store_.file_is_bad(path, error);
    if (torn_down) {
        // Half a replayed run is no run: back to the scenario that ran before (none at start: the
        // caller loads the default one).
        live_.stop();
        store_.new_run();
        scenario_ = ScenarioInfo{};
        if (!previous.empty()) load_scenario(previous);
    }
    return false;
}

bool Shell::resume_session_unguarded(bool& torn_down) {
    ResumableSession saved;
    if (!store_.read(saved)) return false;
    const sim::ReproBundle& b = saved.bundle;
    const SessionExtras& extras = saved.extras;
    std::optional<sim::ScenarioLoad>& load = saved.load;

    // A fresh simulation of the embedded scenario with the bundle's seed, then the actions at their
    // times, event by event like the live run (the assessment sees every state on the way).
    TrainingMode mode = mode_from_key(extras.mode);
    if (mode == TrainingMode::Demo) mode = TrainingMode::Sandbox;  // the demo player would start over
    torn_down = true;
    live_.stop();
    scenario_ = ScenarioInfo{};
    if (std::error_code ec; !extras.scenario_path.empty() && fs::exists(extras.scenario_path, ec))
        scenario_.path = extras.scenario_path;
    scenario_.title = load->scenario->title;
    auto scenario = std::make_unique<sim::Scenario>(std::move(*load->scenario));
    sim::Setup setup = scenario->setup;
    setup.seed = b.seed;
    live_.start(std::move(setup));
    ui_.mode = live_.training().begin(std::move(scenario), mode, live_.sim());
    live_.replay(b.actions, ui_.mode);
    if (b.end_time > live_.sim()->now()) live_.run_until(b.end_time, ui_.mode);
    // The instructor's last freeze or unfreeze decides whether the clock runs on.
    for (const sim::RecordedAction& a : b.actions) {
        if (a.action.type == "instructor.freeze") ui_.paused = true;
        if (a.action.type == "instructor.unfreeze") ui_.paused = false;
    }

    // Who was signed in where, and the screen the trainee was on.
    reset_people();  // a plain repro bundle: the first administrator, as after a start
    view_.replay.observations = b.observations;  // the observations noted in this run so far
    if (extras.present) {
        ui_.work_account = extras.work_account;
        ui_.account_user = extras.account_user;
        ui_.mail_user = extras.mail_user;
    }
    ui_.back_stack.clear();
    ui_.forward_stack.clear();
    if (!extras.screen.empty() && find_screen(extras.screen)) show_screen(extras.screen);

    store_.resumed(saved, sim::hex64(live_.sim()->state_hash()) != b.state_hash);
    return true;
}

bool Shell::save_session() {
    if (replay_) close_replay();  // save the live run, with its own screen and people
    if (!live_.sim() || !live_.training().scenario()) return false;
    // A run without actions that is not the saved session must not replace the last session; that
    // earlier run has now ended with a clean exit too (unless it still waits for the resume question).
    if (!store_.status().current && !has_actions(*live_.sim())) {
        store_.close_earlier();
        return false;
    }
    return write_session_now(true);
}

bool Shell::write_session_now(bool closed) {
    if (store_.path().empty() || !live_.sim() || !live_.training().scenario()) return false;
    const SessionExtras extras{
        true,          mode_key(ui_.mode), scenario_.path, ui_.work_account, ui_.account_user,
        ui_.mail_user, ui_.screen,         closed};
    return store_.write(*live_.training().scenario(), *live_.sim(), view_.replay.observations, extras);
}

void Shell::export_bundle(const ExportBundle& request) {
    const ExportOutcome out = Exporter(strings_).bundle(live_.training().scenario(), simulation(),
                                                        view_.replay.observations, request);
    SessionStatus& status = store_.status();
    status.export_ok = out.ok;
    status.export_result = out.message;
}

void Shell::after_instructor_action(const sim::Action& action) {
    if (action.type == "instructor.freeze") ui_.paused = true;
    if (action.type == "instructor.unfreeze") ui_.paused = false;
    // The reset is journaled (and autosaved) in the run it ends; the scenario then starts again.
    // A frozen clock stays frozen: the instructor resumes the new run when the room is ready.
    if (action.type == "instructor.reset" && !scenario_.path.empty()) {
        const bool paused = ui_.paused;
        const std::string path = scenario_.path;  // a copy: loading clears scenario_
        start_scenario(path, ui_.mode);
        ui_.paused = paused;
    }
}

void Shell::set_language(const std::string& lang) {
    ui_.language = lang;
    string_errors_.clear();
    strings_ = sim::Strings::load(options_.asset_dir + "/i18n", lang, &string_errors_);
    sim::use_scenario_texts(strings_, shown_texts_);
}

void Shell::sync_scenario_texts() {
    const sim::Simulation* shown = shown_simulation();
    static const sim::ScenarioTexts kNone;
    const sim::ScenarioTexts& texts = shown != nullptr ? shown->world().texts : kNone;
    if (texts == shown_texts_) return;
    shown_texts_ = texts;
    sim::use_scenario_texts(strings_, shown_texts_);
}

}  // namespace app
