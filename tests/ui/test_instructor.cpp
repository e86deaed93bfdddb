// tests/ui/test_instructor.cpp — the instructor console window, driven headless in English and
// German: from the window alone an instructor freezes the clock, makes the next licence assignment
// fail with a chosen error, skips two days and resets; the world, the journal and the run's session
// file (which replays exactly) say so. The PIN lock keeps the window and the page shut until the
// right PIN is typed, and the PIN reaches no file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/ui/session.hpp"
#include "app/ui/shell.hpp"
#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
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

// The app loop in miniature with autosave; a tall display so the whole window (Advanced open) fits.
struct Instructor {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    Instructor(const std::string& session_path, const std::string& lang, ImVec2 display = ImVec2(1400, 2200))
        : ui(display), shell(app::test::shell_options(lang, session_path)) {
        app::test::wire_like_the_app(ui, shell);
    }
    const sim::Simulation& sim() const { return *shell.simulation(); }
    const app::InstructorViewState& console() { return shell.view_state().instructor; }
    // Clicks an item and checks it lives in the floating console window.
    void click_in_window(const std::string& id) {
        const app::widgets::ItemInfo* item = ui.find(id);
        INFO(id);
        REQUIRE(item != nullptr);
        CHECK(item->window.find("instructor_console") != std::string::npos);
        REQUIRE(ui.click(id));
    }
    void pick(const std::string& combo, const std::string& item) {
        click_in_window(combo);
        ui.frame();
        INFO(item);
        REQUIRE(ui.click(item));
    }
    // The trainee assigns a licence (the reference solution's own call).
    void assign_licence() {
        for (const sim::SolutionStep& step : shell.training().scenario()->solution.steps) {
            if (step.action && step.action->type == "licences.assign") {
                shell.commands().push(app::SubmitAction{*step.action, "trainee"});
                ui.frame();
                return;
            }
        }
        FAIL("the scenario's solution assigns no licence");
    }
};

const sim::JournalEntry* last_result_of(const sim::Simulation& sim, const std::string& type) {
    const sim::JournalEntry* found = nullptr;
    for (const sim::JournalEntry& e : sim.journal().entries())
        if (e.kind == "result" && e.body.value("type", "") == type) found = &e;
    return found;
}

bool has_action(const sim::ReproBundle& b, const std::string& type) {
    for (const sim::RecordedAction& a : b.actions)
        if (a.action.type == type) return true;
    return false;
}

}  // namespace

TEST_CASE("from the console window alone: freeze, fail the next licence assignment, skip two days, reset",
          "[ui][instructor]") {
    for (const char* lang : {"en", "de"}) {
        INFO(lang);
        TempDir tmp;
        Instructor t(tmp.session(), lang);
        t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, lang});
        t.ui.frames(2);
        REQUIRE(t.shell.training().scenario() != nullptr);

        // The top bar opens the window; the default view is the essentials only.
        REQUIRE(t.ui.click("###instructor_toggle"));
        t.ui.frames(2);
        REQUIRE(t.console().open);
        CHECK(t.ui.find("###jump_2days") == nullptr);
        CHECK(t.ui.shows(t.shell.strings().get("scenario.instructor.fail_next_1")));

        // Freeze: journaled, and the clock stops.
        t.click_in_window("###console_freeze");
        CHECK(t.shell.ui().paused);

        // Make the next licence assignment fail with "no seats left".
        t.pick("###fail_operation", "###op_licences.assign");
        t.pick("###fail_error", "###err_licences.no_seats_left");
        t.ui.frame();
        CHECK(t.ui.shows(
            t.shell.strings().format("scenario.instructor.trainee_sees",
                                     {{"message", t.shell.strings().get("error.licences.no_seats_left")}})));
        t.click_in_window("###fail_next_apply");
        t.ui.frame();
        REQUIRE_FALSE(t.sim().faults().rules().empty());
        const sim::FaultRule& armed = t.sim().faults().rules().front();
        CHECK(armed.operation == "licences.assign");
        CHECK(armed.error_code == "licences.no_seats_left");
        CHECK(armed.armed);
        CHECK(t.ui.shows(
            t.shell.strings().format("scenario.instructor.fail_armed",
                                     {{"operation", t.shell.strings().get("debrief.op.licences.assign")},
                                      {"error", t.shell.strings().get("errname.licences.no_seats_left")}})));

        // The trainee's next assignment: pending while frozen.
        t.assign_licence();
        CHECK(last_result_of(t.sim(), "licences.assign") == nullptr);

        // Advanced → +2 days: the clock moves exactly two days, the answer arrives on the way.
        const sim::SimTime before = t.sim().now();
        t.click_in_window("###instructor_advanced");
        t.ui.frames(2);
        t.click_in_window("###jump_2days");
        t.ui.frame();
        CHECK(t.sim().now() == before + 2 * sim::kDay);
        CHECK(t.shell.ui().paused);
        const sim::JournalEntry* result = last_result_of(t.sim(), "licences.assign");
        REQUIRE(result != nullptr);
        CHECK_FALSE(result->body["result"].value("ok", true));
        CHECK(result->body["result"].value("code", "") == "licences.no_seats_left");
        // The live journal shows it, localised.
        CHECK(t.ui.shows(
            t.shell.strings().format("scenario.instructor.j_failed",
                                     {{"name", t.shell.strings().get("debrief.op.licences.assign")},
                                      {"code", t.shell.strings().get("errname.licences.no_seats_left")}})));
        const sim::SimTime skipped_to = t.sim().now();

        // Reset: journaled in this run, then a fresh run of the same scenario, still frozen.
        t.click_in_window("###console_reset");
        t.ui.frame();
        CHECK(t.sim().now() == 0);
        CHECK(t.sim().faults().rules().empty());
        CHECK(t.shell.ui().paused);
        CHECK(t.console().open);  // the window stays

        // The run's session file holds every console action and replays exactly.
        REQUIRE(fs::exists(tmp.session()));
        sim::ReproBundle b;
        std::string error;
        REQUIRE(sim::load_bundle(tmp.session(), b, error));
        for (const char* type : {"instructor.freeze", "instructor.fail_next", "licences.assign",
                                 "instructor.skip_time", "instructor.reset"}) {
            INFO(type);
            CHECK(has_action(b, type));
        }
        CHECK(b.end_time == skipped_to);
        const sim::BundleReplay replay = sim::replay_bundle(b);
        CHECK(replay.reproduced);
        CHECK(replay.state_hash == b.state_hash);
        const std::string run_state = b.state_hash;
        CHECK_FALSE(app::session_extras_from(nlohmann::json::parse(slurp(tmp.session()))).closed);

        // The new run's first action moves that file into sessions/ instead of overwriting it.
        t.click_in_window("###console_freeze");  // now "Resume": instructor.unfreeze
        CHECK_FALSE(t.shell.ui().paused);
        const fs::path archive = fs::path(tmp.session()).parent_path() / "sessions";
        REQUIRE(fs::is_directory(archive));
        int archived = 0;
        for (const auto& e : fs::directory_iterator(archive)) {
            ++archived;
            CHECK(e.path().filename().string().find("-full-journey.npsim.json") != std::string::npos);
            sim::ReproBundle old;
            REQUIRE(sim::load_bundle(e.path().string(), old, error));
            CHECK(old.state_hash == run_state);
            CHECK(sim::replay_bundle(old).reproduced);
        }
        CHECK(archived == 1);
        REQUIRE(sim::load_bundle(tmp.session(), b, error));
        CHECK(b.actions.size() == 1);
        CHECK(b.actions[0].action.type == "instructor.unfreeze");
    }
}

TEST_CASE("the console's advanced part adds, switches off, arms and removes rules and restores checkpoints",
          "[ui][instructor]") {
    Instructor t("", "de");
    t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, "de"});
    t.shell.view_state().instructor.open = true;
    t.shell.view_state().instructor.advanced = true;
    t.ui.frames(2);

    // A rule from the small form.
    REQUIRE(t.ui.click("###rule_id"));
    t.ui.type("langsam");
    REQUIRE(t.ui.click("###rule_effect_1"));
    REQUIRE(t.ui.click("###rule_add"));
    t.ui.frame();
    REQUIRE(t.sim().faults().find_rule("langsam") != nullptr);
    CHECK(t.sim().faults().find_rule("langsam")->effect == sim::FaultRule::Effect::Latency);

    // Off, then "arm once".
    // The window's rows open their actions from a "..." menu.
    auto row_action = [&t](const std::string& action) {
        REQUIRE(t.ui.click("###rule_menu_langsam"));
        t.ui.frame();
        REQUIRE(t.ui.click("###" + action + "_rule_langsam"));
    };
    REQUIRE(t.ui.click("###enabled_langsam"));
    t.ui.frame();
    CHECK_FALSE(t.sim().faults().find_rule("langsam")->enabled);
    row_action("arm");
    t.ui.frame();
    CHECK(t.sim().faults().find_rule("langsam")->armed);

    // Edit as JSON: a broken text is refused in the view; a bad rule is refused by the simulation.
    row_action("edit");
    t.ui.frame();
    CHECK(t.console().editing_rule == "langsam");
    t.shell.view_state().instructor.rule_json = "{\"operation\": ";
    REQUIRE(t.ui.click("###rule_add"));
    CHECK(t.ui.shows(t.shell.strings().get("scenario.instructor.bad_json")));
    t.shell.view_state().instructor.rule_json =
        R"({"operation": "billing.*", "error": "service.unavailable"})";
    REQUIRE(t.ui.click("###rule_add"));
    t.ui.frame();
    CHECK(t.sim().faults().find_rule("langsam")->operation == "billing.*");
    CHECK(t.sim().faults().find_rule("langsam")->effect == sim::FaultRule::Effect::Error);

    // Checkpoints: save by name, move on, restore.
    REQUIRE(t.ui.click("###checkpoint_name"));
    t.ui.type("vor-dem-kauf");
    REQUIRE(t.ui.click("###checkpoint_save"));
    t.ui.frame();
    REQUIRE(t.sim().checkpoints().size() == 1);
    CHECK(t.sim().checkpoints()[0].name == "vor-dem-kauf");
    row_action("remove");
    t.ui.frame();
    CHECK(t.sim().faults().find_rule("langsam") == nullptr);
    REQUIRE(t.ui.click("###restore_vor-dem-kauf"));
    t.ui.frame();
    CHECK(t.sim().faults().find_rule("langsam") != nullptr);  // the rules came back with the snapshot

    // Every change went through journaled instructor actions.
    int instructor_actions = 0;
    for (const sim::JournalEntry& e : t.sim().journal().entries())
        if (e.kind == "action" && e.body["action"].value("type", "").rfind("instructor.", 0) == 0)
            ++instructor_actions;
    CHECK(instructor_actions == 7);

    // A failing action shows its localised error in the window.
    t.shell.commands().push(app::SubmitAction{
        sim::Action{"instructor.remove_fault", "", {{"id", "gibt-es-nicht"}}}, "instructor"});
    t.ui.frames(2);
    CHECK(t.ui.shows(t.shell.strings().format("error.instructor.no_such_rule", {{"id", "gibt-es-nicht"}})));
}

TEST_CASE("a PIN locks the console window and page: a wrong PIN keeps it locked, the right one opens it",
          "[ui][instructor][pin]") {
    for (const char* lang : {"en", "de"}) {
        INFO(lang);
        TempDir tmp;
        Instructor t(tmp.session(), lang);
        t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, lang});
        t.ui.frames(2);

        // Set for this run in the settings menu: the console locks at once.
        REQUIRE(t.ui.click("###settings"));
        t.ui.frame();
        REQUIRE(t.ui.click("###settings_pin"));
        t.ui.type("4711");
        REQUIRE(t.ui.click("###settings_pin_set"));
        t.ui.frame();
        t.ui.press(ImGuiKey_Escape);
        t.shell.view_state().instructor.open = true;
        t.ui.frames(2);
        CHECK(t.ui.shows(t.shell.strings().get("scenario.instructor.locked")));
        CHECK(t.ui.find("###fail_next_apply") == nullptr);
        CHECK(t.ui.find("###console_freeze") == nullptr);

        // Wrong PIN: still locked, said so.
        REQUIRE(t.ui.click("###instructor_pin"));
        t.ui.type("1234");
        REQUIRE(t.ui.click("###instructor_unlock"));
        t.ui.frame();
        CHECK(t.ui.shows(t.shell.strings().get("scenario.instructor.pin_wrong")));
        CHECK(t.ui.find("###fail_next_apply") == nullptr);
        CHECK(t.console().pin_entry.empty());

        // The page is locked as well.
        REQUIRE(t.shell.show_screen("scenario.console"));
        t.ui.frames(2);
        CHECK(t.ui.find("###preset_checkout_once") == nullptr);
        CHECK(t.ui.find("###instructor_pin") != nullptr);
        REQUIRE(t.shell.show_screen("scenario.checklist"));
        t.ui.frames(2);

        // Right PIN: the essentials appear; a freeze is written to the session file, the PIN is not.
        REQUIRE(t.ui.click("###instructor_pin"));
        t.ui.type("4711");
        REQUIRE(t.ui.click("###instructor_unlock"));
        t.ui.frames(2);
        REQUIRE(t.ui.find("###fail_next_apply") != nullptr);
        REQUIRE(t.ui.click("###console_freeze"));
        t.ui.frame();
        CHECK(t.shell.ui().paused);
        REQUIRE(t.shell.save_session());
        for (const auto& e : fs::recursive_directory_iterator(tmp.path)) {
            if (!e.is_regular_file()) continue;
            INFO(e.path().string());
            CHECK(slurp(e.path()).find("4711") == std::string::npos);
        }

        // "Lock" shuts it again.
        REQUIRE(t.ui.click("###instructor_lock"));
        t.ui.frame();
        CHECK(t.ui.find("###fail_next_apply") == nullptr);
    }
}

TEST_CASE("a scenario's instructor PIN locks the console and stays out of the session file",
          "[ui][instructor][pin]") {
    TempDir tmp;
    nlohmann::json doc = nlohmann::json::parse(slurp(kJourney));
    doc["instructor"] = {{"pin", "2468"}};
    const fs::path scenario = tmp.path / "pin-journey.json";
    { std::ofstream(scenario) << doc.dump(2); }
    REQUIRE(sim::load_scenario_file(scenario.string()).ok());
    Instructor t(tmp.session(), "de");
    t.shell.commands().push(app::StartScenario{scenario.string(), app::TrainingMode::Guided, "de"});
    t.shell.view_state().instructor.open = true;
    t.ui.frames(2);
    CHECK(t.ui.find("###fail_next_apply") == nullptr);
    REQUIRE(t.ui.click("###instructor_pin"));
    t.ui.type("2468");
    REQUIRE(t.ui.click("###instructor_unlock"));
    t.ui.frames(2);
    REQUIRE(t.ui.click("###console_freeze"));
    t.ui.frame();
    const std::string saved = slurp(tmp.session());
    CHECK(saved.find("2468") == std::string::npos);
    sim::ReproBundle b;
    std::string error;
    REQUIRE(sim::load_bundle(tmp.session(), b, error));
    CHECK(sim::replay_bundle(b).reproduced);

    // Killing the app does not open the console: the resumed run takes the PIN from the scenario file.
    Instructor again(tmp.session(), "de");
    REQUIRE(again.shell.resume_session());
    again.shell.view_state().instructor.open = true;
    again.ui.frames(2);
    CHECK(again.ui.find("###instructor_pin") != nullptr);
    CHECK(again.ui.find("###fail_next_apply") == nullptr);
}

TEST_CASE("the console window fits a 1280x800 screen in English and German", "[ui][instructor][layout]") {
    for (const char* lang : {"en", "de"}) {
        for (bool advanced : {false, true}) {
            INFO(lang << (advanced ? " advanced" : " essentials"));
            Instructor t("", lang, ImVec2(1280, 800));
            t.shell.commands().push(app::StartScenario{kJourney, app::TrainingMode::Guided, lang});
            t.shell.view_state().instructor.open = true;
            t.shell.view_state().instructor.advanced = advanced;
            t.ui.frames(3);
            int in_window = 0;
            for (const app::widgets::ItemInfo& item : t.ui.items()) {
                if (item.window.find("instructor_console") == std::string::npos) continue;
                ++in_window;
                INFO(item.label);
                CHECK(item.max.x <= 1280.0f + 0.5f);
                CHECK(item.max.y <= 800.0f + 0.5f);
                CHECK(app::test::UiDriver::visible_part(item.label).rfind("scenario.", 0) ==
                      std::string::npos);
            }
            CHECK(in_window > 5);
        }
    }
}
