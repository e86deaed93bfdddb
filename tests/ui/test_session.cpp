// tests/ui/test_session.cpp — sessions that are never lost, and repro bundles from the GUI, driven
// headless: autosave after every action writes a bundle that replays to the same hashes; resume
// (the overview's button and Shell::resume_session) restores the same state; a corrupt session file
// is reported with where and what and kept as .bad (whatever is wrong with it: the app never
// crash-loops on its own autosave); a failed autosave shows in the top bar on every surface until a
// save succeeds; "Export repro bundle" writes a file that sim::load_bundle accepts; no password typed
// into the sandbox ends up in any written file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/ui/session.hpp"
#include "app/ui/shell.hpp"
#include "sim/bundle.hpp"
#include "sim/hash.hpp"
#include "sim/scenario.hpp"
#include "support/app_loop.hpp"
#include "support/temp_dir.hpp"
#include "support/ui_driver.hpp"

namespace fs = std::filesystem;

namespace {

using app::test::slurp;

using app::test::TempDir;

const std::string kJourney = NPSIM_TEST_SCENARIO_DIR "/full-journey.json";
constexpr const char* kPassword = "Sommer-2025!";

// The app loop in miniature with autosave to `session_path`, on a tall display so whole forms fit.
struct SessionUi {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    SessionUi(const std::string& session_path, const std::string& lang = "en")
        : ui(ImVec2(1400, 2600)), shell(app::test::shell_options(lang, session_path)) {
        app::test::wire_like_the_app(ui, shell);
    }
    const sim::Simulation& sim() const { return *shell.simulation(); }
    void fill(const std::string& id, const std::string& text) {
        REQUIRE(ui.click(id));
        ui.type(text);
    }
    // Registers in the portal by clicking, typing kPassword into the form.
    void register_with_password() {
        REQUIRE(shell.show_screen("portal.register"));
        ui.frames(2);
        fill("###reg_tenant", "tsvmuster");
        fill("###reg_first_name", "Anna");
        fill("###reg_last_name", "Schmidt");
        fill("###reg_username", "anna");
        fill("###reg_password", kPassword);
        REQUIRE(ui.click("###reg_submit"));
    }
    void skip_all_events() {
        for (int i = 0; i < 100 && sim().next_event_time(); ++i) {
            shell.commands().push(app::SkipToNextEvent{});
            ui.frame();
        }
    }
    // The first two steps of the reference solution: register, then submit the registration.
    void play_solution_steps(std::size_t n) {
        const sim::Scenario& s = *shell.training().scenario();
        for (std::size_t i = 0; i < n && i < s.solution.steps.size(); ++i) {
            if (s.solution.steps[i].action) {
                shell.commands().push(app::SubmitAction{*s.solution.steps[i].action, ""});
                ui.frame();
            }
            skip_all_events();
        }
    }
    std::string state_hash() const { return sim::hex64(sim().state_hash()); }
};

sim::ReproBundle load_ok(const std::string& path) {
    sim::ReproBundle b;
    std::string error;
    INFO(path << ": " << error);
    REQUIRE(sim::load_bundle(path, b, error));
    return b;
}

// Every file under `dir`, whole, does not contain `secret`.
void check_no_secret_in(const fs::path& dir, const std::string& secret) {
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        ++files;
        INFO(e.path().string());
        CHECK(slurp(e.path()).find(secret) == std::string::npos);
    }
    CHECK(files > 0);
}

}  // namespace

TEST_CASE("autosave is off unless a session path is given", "[ui][session]") {
    app::test::UiDriver ui;
    app::Shell shell({NPSIM_TEST_ASSET_DIR, "en"});
    REQUIRE(shell.load_scenario(kJourney));
    const sim::Scenario& s = *shell.training().scenario();
    shell.commands().push(app::SubmitAction{*s.solution.steps[0].action, ""});
    shell.apply_commands();
    CHECK(shell.session().path.empty());
    CHECK_FALSE(shell.save_session());
    CHECK_FALSE(shell.session().current);
}

TEST_CASE("autosave writes the run after every action: it replays to the same hashes and holds no password",
          "[ui][session][autosave]") {
    TempDir tmp;
    SessionUi t(tmp.session());
    REQUIRE(t.shell.load_scenario(kJourney));
    t.ui.frames(2);
    CHECK_FALSE(fs::exists(tmp.session()));  // a run without actions writes nothing

    // Register in the portal by clicking, with a password typed into the form.
    t.register_with_password();

    // Saved right after the action was applied (folders created), atomically (no .tmp left).
    REQUIRE(fs::exists(tmp.session()));
    CHECK_FALSE(fs::exists(tmp.session() + ".tmp"));
    CHECK(t.shell.session().current);
    CHECK(t.shell.session().save_error.empty());
    sim::ReproBundle first = load_ok(tmp.session());
    REQUIRE(first.actions.size() == 1);
    CHECK(first.actions[0].action.type == "portal.register");
    CHECK(first.scenario_id == "full-journey");
    CHECK(sim::replay_bundle(first).reproduced);
    CHECK(slurp(tmp.session()).find(kPassword) == std::string::npos);

    // More actions: each one saved; on exit the time that passed since is saved too.
    t.skip_all_events();
    t.play_solution_steps(2);
    const std::size_t actions = load_ok(tmp.session()).actions.size();
    CHECK(actions >= 2);
    REQUIRE(t.shell.save_session());
    const sim::ReproBundle last = load_ok(tmp.session());
    CHECK(last.end_time == t.sim().now());
    CHECK(last.state_hash == t.state_hash());
    CHECK(last.journal_hash == sim::hex64(t.sim().journal().hash()));
    const sim::BundleReplay replay = sim::replay_bundle(last);
    CHECK(replay.reproduced);
    CHECK(replay.state_hash == t.state_hash());

    check_no_secret_in(tmp.path, kPassword);
}

TEST_CASE("a session of the whole reference solution saves as one small file that replays",
          "[ui][session][autosave]") {
    TempDir tmp;
    SessionUi t(tmp.session());
    REQUIRE(t.shell.load_scenario(kJourney));
    t.play_solution_steps(t.shell.training().scenario()->solution.steps.size());
    REQUIRE(t.shell.save_session());
    const app::SaveStats& stats = t.shell.session().last_save;
    std::cout << fmt::format("session save: {} actions, {} bytes, {:.2f} ms\n",
                             load_ok(tmp.session()).actions.size(), stats.bytes, stats.milliseconds);
    CHECK(stats.bytes == fs::file_size(tmp.session()));
    CHECK(stats.bytes < 256 * 1024);
    CHECK(stats.milliseconds > 0.0);  // measured (printed above); never compared with a wall-clock limit
    CHECK(sim::replay_bundle(load_ok(tmp.session())).reproduced);
}

TEST_CASE("resume restores the same state, mode, people and screen — by the overview's button and directly",
          "[ui][session][resume]") {
    TempDir tmp;
    std::string hash, journal_hash, screen, work_account;
    {
        SessionUi t(tmp.session());
        t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, "en"});
        t.ui.frames(2);
        t.play_solution_steps(2);
        t.shell.commands().push(app::JumpAhead{sim::Duration{sim::kHour, 0}});
        t.ui.frame();
        // Signed in as the new Global Administrator, as the register page does.
        for (const sim::Person& p : t.sim().world().people)
            if (p.is_admin()) t.shell.commands().push(app::SetWorkAccount{p.upn});
        REQUIRE(t.shell.navigate("admin.home"));
        t.ui.frame();
        REQUIRE(t.shell.save_session());  // what the app does on exit
        hash = t.state_hash();
        journal_hash = sim::hex64(t.sim().journal().hash());
        screen = t.shell.ui().screen;
        work_account = t.shell.ui().work_account;
        CHECK_FALSE(work_account.empty());
    }
    {
        // The next start: the default scenario, and the overview offers the saved session.
        SessionUi t(tmp.session(), "de");
        REQUIRE(t.shell.load_scenario(kJourney));
        REQUIRE(t.shell.show_screen("scenario.overview"));
        t.ui.frames(2);
        CHECK(t.shell.session().available);
        CHECK_FALSE(t.shell.session().current);
        CHECK(t.ui.shows(t.shell.strings().format(
            "scenario.session.last",
            {{"title", t.shell.session().title.de}, {"time", t.shell.session().saved_at}})));
        CHECK_FALSE(t.shell.session().saved_at.empty());
        REQUIRE(t.ui.click("###session_resume"));
        t.ui.frame();
        CHECK(t.state_hash() == hash);
        CHECK(sim::hex64(t.sim().journal().hash()) == journal_hash);
        CHECK(t.shell.ui().mode == app::TrainingMode::Guided);
        CHECK(t.shell.ui().screen == screen);
        CHECK(t.shell.ui().work_account == work_account);
        CHECK(t.shell.session().resumed);
        CHECK_FALSE(t.shell.session().resume_differs);
        CHECK(t.shell.scenario().path == kJourney);  // Restart still finds the scenario file
    }
    {
        // `npsim --resume` calls this before the first frame.
        SessionUi t(tmp.session());
        REQUIRE(t.shell.resume_session());
        CHECK(t.state_hash() == hash);
        // Leaving at once keeps the session (the resumed run is the session).
        CHECK(t.shell.save_session());
        CHECK(load_ok(tmp.session()).state_hash == hash);
    }
    {
        // A new run without actions never replaces the saved session on exit.
        SessionUi t(tmp.session());
        REQUIRE(t.shell.load_scenario(kJourney));
        CHECK_FALSE(t.shell.save_session());
        CHECK(load_ok(tmp.session()).state_hash == hash);
    }
}

TEST_CASE("a corrupt session file gets a message with where and what, is kept as .bad, and nothing crashes",
          "[ui][session][resume]") {
    TempDir tmp;
    fs::create_directories(fs::path(tmp.session()).parent_path());
    // A bundle whose actions are out of time order.
    nlohmann::json doc = nlohmann::json::parse(slurp(kJourney));
    nlohmann::json bad = {{"npsim_bundle", sim::kBundleFormat},
                          {"scenario", doc},
                          {"scenario_id", "full-journey"},
                          {"seed", 1},
                          {"end_ms", 0},
                          {"actions",
                           {{{"t", 10}, {"action", {{"type", "instructor.clear_faults"}}}},
                            {{"t", 20}, {"action", {{"type", "instructor.clear_faults"}}}},
                            {{"t", 30}, {"action", {{"type", "instructor.clear_faults"}}}},
                            {{"t", 5}, {"action", {{"type", "instructor.clear_faults"}}}}}}};
    const std::string bad_text = bad.dump(1);

    SECTION("found at start, with --resume") {
        { std::ofstream(tmp.session()) << bad_text; }
        SessionUi t(tmp.session(), "de");
        CHECK_FALSE(t.shell.resume_session());
        REQUIRE(t.shell.load_scenario(kJourney));  // the app starts on the default scenario
        REQUIRE(t.shell.show_screen("scenario.overview"));
        t.ui.frames(2);
        CHECK(t.shell.session().bad_error == "/actions/3/t: actions must be in time order");
        CHECK(t.ui.shows(t.shell.strings().format(
            "scenario.session.bad",
            {{"path", tmp.session()}, {"error", "/actions/3/t: actions must be in time order"}})));
        CHECK(
            t.ui.shows(t.shell.strings().format("scenario.session.kept", {{"bad", tmp.session() + ".bad"}})));
        CHECK(t.ui.find("###session_resume") == nullptr);
        CHECK_FALSE(fs::exists(tmp.session()));
        REQUIRE(fs::exists(tmp.session() + ".bad"));
        CHECK(slurp(tmp.session() + ".bad") == bad_text);  // kept whole
        // The new run autosaves again without touching the kept file.
        t.play_solution_steps(1);
        CHECK(fs::exists(tmp.session()));
        CHECK(slurp(tmp.session() + ".bad") == bad_text);
    }
    SECTION("not JSON at all, broken after the app started") {
        SessionUi t(tmp.session());
        REQUIRE(t.shell.load_scenario(kJourney));
        { std::ofstream(tmp.session()) << "{\"npsim_bundle\": 1, \"seed\": "; }
        CHECK_FALSE(t.shell.resume_session());
        CHECK(t.shell.session().bad_error.rfind("not valid JSON", 0) == 0);
        CHECK(fs::exists(tmp.session() + ".bad"));
        CHECK(t.shell.simulation() != nullptr);  // the run in the app goes on
        REQUIRE(t.shell.show_screen("scenario.overview"));
        t.ui.frames(2);
        CHECK(t.ui.shows(t.shell.strings().format(
            "scenario.session.bad", {{"path", tmp.session()}, {"error", t.shell.session().bad_error}})));
    }
    SECTION("a bundle whose scenario document is broken") {
        bad["actions"] = nlohmann::json::array();
        bad["scenario"].erase("objectives");
        bad["scenario"]["start"] = 42;
        { std::ofstream(tmp.session()) << bad.dump(); }
        SessionUi t(tmp.session());
        CHECK_FALSE(t.shell.resume_session());
        CHECK(t.shell.session().bad_error.rfind("/scenario/", 0) == 0);
        CHECK(fs::exists(tmp.session() + ".bad"));
    }
    SECTION("no session file: nothing to resume, said plainly") {
        SessionUi t(tmp.session());
        CHECK_FALSE(t.shell.resume_session());
        REQUIRE(t.shell.load_scenario(kJourney));
        REQUIRE(t.shell.show_screen("scenario.overview"));
        t.ui.frames(2);
        CHECK(t.ui.shows(t.shell.strings().format("scenario.session.none", {{"path", tmp.session()}})));
    }
}

TEST_CASE(
    "a poisoned autosave is set aside as .bad and explained while the app starts on the default scenario",
    "[ui][session][resume][poison]") {
    // What `npsim` and `npsim --resume` do at start (Shell::start_up), with a session file that is
    // a number out of range, garbage, or a folder: the shell is built, the file moves to .bad, the
    // default scenario runs and scenario.overview says what happened. Never an exception.
    const std::vector<std::pair<std::string, std::string>> poisons = {
        {"a number out of range",
         R"({"npsim_bundle": 2, "app": "npsim", "seed": 1e400, "end_ms": 0, "actions": []})"},
        {"garbage", std::string("\x00\xff\xfe garbage {{{ \x01", 17)},
        {"a folder", ""},
    };
    for (const auto& [what, text] : poisons) {
        for (const bool resume : {false, true}) {
            INFO(what << (resume ? ", npsim --resume" : ", npsim"));
            TempDir tmp;
            fs::create_directories(fs::path(tmp.session()).parent_path());
            if (what == "a folder") {
                fs::create_directories(tmp.session());
                std::ofstream(fs::path(tmp.session()) / "inside.txt") << "kept";
            } else {
                std::ofstream(tmp.session(), std::ios::binary) << text;
            }
            SessionUi t(tmp.session(), resume ? "de" : "en");
            REQUIRE(t.shell.start_up(kJourney, "", resume));
            REQUIRE(t.shell.simulation() != nullptr);
            REQUIRE(t.shell.training().scenario() != nullptr);
            CHECK(t.shell.training().scenario()->id == "full-journey");
            CHECK(t.shell.ui().screen == "scenario.overview");
            t.ui.frames(2);

            const app::SessionStatus& s = t.shell.session();
            CHECK(s.bad_path == tmp.session());
            CHECK_FALSE(s.bad_error.empty());
            CHECK(s.kept_as == tmp.session() + ".bad");
            CHECK_FALSE(fs::exists(fs::symlink_status(tmp.session())));
            REQUIRE(fs::exists(tmp.session() + ".bad"));
            if (what == "a folder") {
                CHECK(s.bad_error.find("folder") != std::string::npos);
                CHECK(slurp(fs::path(tmp.session() + ".bad") / "inside.txt") == "kept");
            } else {
                CHECK(slurp(tmp.session() + ".bad") == text);  // kept whole
            }
            CHECK(t.ui.shows(t.shell.strings().format("scenario.session.bad",
                                                      {{"path", s.bad_path}, {"error", s.bad_error}})));
            CHECK(t.ui.shows(t.shell.strings().format("scenario.session.kept", {{"bad", s.kept_as}})));
            CHECK(t.ui.find("###session_resume") == nullptr);

            // The new run autosaves to the freed path; the next start is clean.
            t.play_solution_steps(1);
            CHECK(t.shell.session().save_error.empty());
            CHECK(load_ok(tmp.session()).scenario_id == "full-journey");
        }
    }
}

TEST_CASE("an unexpected error shows the error screen and Try again starts the scenario again",
          "[ui][session][error]") {
    for (const char* lang : {"en", "de"}) {
        INFO(lang);
        SessionUi t("", lang);
        REQUIRE(t.shell.start_up(kJourney));
        t.ui.frames(2);
        t.shell.show_error("boom: something that should not happen");
        t.ui.frames(2);
        CHECK(t.shell.simulation() == nullptr);
        CHECK(t.shell.ui().screen == "shell");
        CHECK(t.ui.shows(t.shell.strings().get("ui.welcome.unexpected")));
        CHECK(t.ui.shows("boom: something that should not happen"));
        CHECK(t.ui.shows(t.shell.strings().get("ui.welcome.unexpected_hint")));
        REQUIRE(t.ui.click("###retry"));
        t.ui.frames(2);
        REQUIRE(t.shell.simulation() != nullptr);
        CHECK(t.shell.training().scenario()->id == "full-journey");
        CHECK_FALSE(t.ui.shows(t.shell.strings().get("ui.welcome.unexpected")));
    }
}

TEST_CASE("a failed autosave shows in the top bar on every surface in en and de until a save succeeds",
          "[ui][session][autosave][save_error]") {
    for (const char* lang : {"en", "de"}) {
        INFO(lang);
        TempDir tmp;
        SessionUi t(tmp.session(), lang);
        REQUIRE(t.shell.load_scenario(kJourney));
        t.ui.frames(2);
        // A folder where the temporary file must go: every write fails with the OS reason (also as root).
        fs::create_directories(tmp.session() + ".tmp");
        t.play_solution_steps(1);
        const std::string error = t.shell.session().save_error;
        INFO(error);
        CHECK(error.find(tmp.session()) != std::string::npos);
        CHECK(error.find("(Is a directory)") != std::string::npos);
        const std::string notice = t.shell.strings().format("ui.session.not_saved", {{"error", error}});
        for (const char* screen :
             {"portal.register", "admin.users", "myaccount.apps", "mail.inbox", "scenario.overview"}) {
            INFO(screen);
            REQUIRE(t.shell.show_screen(screen));
            t.ui.frames(2);
            const auto shown =
                std::find_if(t.ui.items().begin(), t.ui.items().end(),
                             [&](const app::widgets::ItemInfo& i) { return i.label == notice; });
            REQUIRE(shown != t.ui.items().end());
            CHECK(shown->window.find("top_bar") != std::string::npos);
        }
        // The next action saves again: the notice goes.
        fs::remove_all(tmp.session() + ".tmp");
        t.play_solution_steps(2);
        CHECK(t.shell.session().save_error.empty());
        REQUIRE(t.shell.show_screen("admin.users"));
        t.ui.frames(2);
        CHECK_FALSE(t.ui.shows(notice));
        CHECK(load_ok(tmp.session()).actions.size() >= 1);
    }
}

TEST_CASE("Export repro bundle on the console and the score writes a bundle that loads and replays",
          "[ui][session][bundle]") {
    TempDir tmp;
    SessionUi t("", "de");
    t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, "de"});
    t.ui.frames(2);
    t.play_solution_steps(2);
    t.shell.commands().push(app::Pause{});  // the world stays as exported while the test looks

    REQUIRE(t.shell.show_screen("scenario.console"));
    t.ui.frames(2);
    t.fill("###bundle_note", "Checkout fails after registration");
    t.fill("###bundle_dir", tmp.path.string());
    REQUIRE(t.ui.click("###bundle_export"));
    t.ui.frame();
    const fs::path file =
        tmp.path / app::bundle_file_name("full-journey", t.sim().calendar().local(t.sim().now()).date);
    REQUIRE(fs::exists(file));
    CHECK(t.shell.session().export_ok);
    CHECK(t.ui.shows(t.shell.strings().format("scenario.bundle.written", {{"path", file.string()}})));
    const sim::ReproBundle b = load_ok(file.string());
    CHECK(b.note == "Checkout fails after registration");
    CHECK(b.state_hash == t.state_hash());
    CHECK(sim::replay_bundle(b).reproduced);
    CHECK(file.filename().string().rfind("npsim-case-full-journey-20", 0) == 0);

    // The score has the same control; a folder that does not exist gives the error, not a crash.
    REQUIRE(t.shell.show_screen("scenario.score"));
    t.ui.frames(2);
    REQUIRE(t.ui.find("###bundle_export") != nullptr);
    const std::string missing = (tmp.path / "no-such-folder").string();
    t.shell.view_state().scenario.bundle_dir = missing;
    REQUIRE(t.ui.click("###bundle_export"));
    t.ui.frame();
    CHECK_FALSE(t.shell.session().export_ok);
    CHECK(t.ui.shows(t.shell.strings().format(
        "scenario.bundle.failed",
        {{"error", t.shell.strings().format("scenario.bundle.no_folder", {{"path", missing}})}})));
    CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("no password typed into the sandbox reaches the session file or an exported bundle",
          "[ui][session][privacy]") {
    TempDir tmp;
    SessionUi t(tmp.session());
    REQUIRE(t.shell.load_scenario(kJourney));
    t.register_with_password();
    t.skip_all_events();
    REQUIRE(t.shell.simulation()->world().tenant.exists);
    t.shell.commands().push(app::ExportBundle{tmp.path.string(), "register"});
    t.ui.frame();
    REQUIRE(t.shell.session().export_ok);
    REQUIRE(t.shell.save_session());
    check_no_secret_in(tmp.path, kPassword);
}

TEST_CASE("a session that did not end with a clean exit is offered in a modal, and a closed one is not",
          "[ui][session][resume][prompt]") {
    TempDir tmp;
    std::string hash;
    {
        SessionUi t(tmp.session());
        REQUIRE(t.shell.load_scenario(kJourney));
        t.play_solution_steps(2);
        // No save_session(): the app was killed. Every autosave said "not closed".
    }
    hash = load_ok(tmp.session()).state_hash;  // the last autosave (after the last action)
    CHECK_FALSE(app::session_extras_from(nlohmann::json::parse(slurp(tmp.session()))).closed);
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        SessionUi t(tmp.session(), lang);
        CHECK(t.shell.session().interrupted);
        REQUIRE(t.shell.load_scenario(kJourney));  // the app starts on the default scenario meanwhile
        t.ui.frames(2);
        CHECK(t.ui.shows(t.shell.strings().format(
            "scenario.resume.text",
            {{"title", t.shell.session().title.in(lang)}, {"time", t.shell.session().saved_at}})));
        REQUIRE(t.ui.find("###resume_prompt_fresh") != nullptr);
        if (std::string(lang) == "de") continue;  // asked again next time: nothing was answered
        REQUIRE(t.ui.click("###resume_prompt_resume"));
        t.ui.frame();
        CHECK(t.state_hash() == hash);
        CHECK_FALSE(t.shell.session().interrupted);
        t.ui.frames(2);
        CHECK(t.ui.find("###resume_prompt_resume") == nullptr);
        REQUIRE(t.shell.save_session());  // a clean exit
    }
    CHECK(app::session_extras_from(nlohmann::json::parse(slurp(tmp.session()))).closed);
    {
        SessionUi t(tmp.session());
        CHECK_FALSE(t.shell.session().interrupted);
        CHECK(t.shell.session().available);  // the overview still offers it
        REQUIRE(t.shell.load_scenario(kJourney));
        t.ui.frames(2);
        CHECK(t.ui.find("###resume_prompt_resume") == nullptr);
        // `npsim --resume` still continues it.
        REQUIRE(t.shell.resume_session());
        CHECK(t.state_hash() == hash);
    }
}

TEST_CASE("Start fresh and every new run keep the previous run in the sessions folder",
          "[ui][session][archive]") {
    TempDir tmp;
    const fs::path archive = fs::path(tmp.session()).parent_path() / "sessions";
    auto archived_files = [&] {
        std::vector<fs::path> files;
        std::error_code ec;
        if (fs::is_directory(archive, ec))
            for (const auto& e : fs::directory_iterator(archive)) files.push_back(e.path());
        return files;
    };
    {
        SessionUi t(tmp.session());
        REQUIRE(t.shell.load_scenario(kJourney));
        t.play_solution_steps(2);  // then killed
    }
    const std::string interrupted = slurp(tmp.session());
    {
        SessionUi t(tmp.session(), "de");
        REQUIRE(t.shell.load_scenario(kJourney));
        t.ui.frames(2);
        REQUIRE(t.ui.click("###resume_prompt_fresh"));
        t.ui.frames(2);
        CHECK(t.ui.find("###resume_prompt_fresh") == nullptr);
        CHECK_FALSE(fs::exists(tmp.session()));
        const std::vector<fs::path> files = archived_files();
        REQUIRE(files.size() == 1);
        CHECK(files[0].string() == t.shell.session().archived_to);
        const std::string name = files[0].filename().string();
        CHECK(name.size() == std::string("20250101-120000-full-journey.npsim.json").size());
        CHECK(name.substr(8, 1) == "-");
        CHECK(name.substr(15) == "-full-journey.npsim.json");
        CHECK(slurp(files[0]) == interrupted);  // kept whole
        CHECK(sim::replay_bundle(load_ok(files[0].string())).reproduced);

        // The fresh run autosaves into the free session file; a clean exit closes it.
        t.play_solution_steps(1);
        REQUIRE(fs::exists(tmp.session()));
        REQUIRE(t.shell.save_session());
        CHECK(archived_files().size() == 1);
    }
    const std::string fresh_run = slurp(tmp.session());
    {
        // Starting another run: its first autosave moves the previous (closed) run away first.
        SessionUi t(tmp.session());
        CHECK_FALSE(t.shell.session().interrupted);
        t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, "en"});
        t.ui.frames(2);
        CHECK(archived_files().size() == 1);  // nothing moves before the new run saves
        t.play_solution_steps(1);
        const std::vector<fs::path> files = archived_files();
        REQUIRE(files.size() == 2);
        bool kept = false;
        for (const fs::path& f : files) kept = kept || slurp(f) == fresh_run;
        CHECK(kept);
        CHECK(load_ok(tmp.session()).actions.size() == 1);
    }
}
