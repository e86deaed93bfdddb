// tests/ui/test_scenario.cpp — the Scenario surface and the three training modes for the full-journey
// scenario, driven headless: demo plays the reference solution to 100/100, guided shows the
// checklist and hints, exam hides hints and scores on Finish, the console injects faults, restart
// gives the same world again, and every scenario screen renders in English and German.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "sim/data_files.hpp"
#include "sim/scenario.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

const std::string kJourney = NPSIM_TEST_SCENARIO_DIR "/full-journey.json";

struct Trainee {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    explicit Trainee(const std::string& lang) : ui(ImVec2(1280, 800)), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        app::test::wire_like_the_app(ui, shell);
    }
    void start(app::TrainingMode mode, const std::string& lang = "") {
        shell.commands().push(app::StartScenario{kJourney, mode, lang});
        ui.frames(2);
        REQUIRE(shell.simulation() != nullptr);
        REQUIRE(shell.training().scenario() != nullptr);
        REQUIRE(shell.ui().mode == mode);
    }
    const sim::Simulation& sim() const { return *shell.simulation(); }
    // Lets simulated events happen (action results, background processes) with the clock buttons' command.
    void skip_all_events() {
        for (int i = 0; i < 100 && sim().next_event_time(); ++i) {
            shell.commands().push(app::SkipToNextEvent{});
            ui.frame();
        }
    }
};

std::uint64_t fresh_state_hash() {
    sim::ScenarioLoad load = sim::load_scenario_file(kJourney);
    REQUIRE(load.ok());
    return sim::Simulation(load.scenario->setup).state_hash();
}

// The first two steps of the reference solution: register, then submit the registration.
void register_association(Trainee& t, const sim::Scenario& scenario) {
    for (std::size_t i = 0; i < 2; ++i) {
        REQUIRE(scenario.solution.steps[i].action.has_value());
        t.shell.commands().push(app::SubmitAction{*scenario.solution.steps[i].action, ""});
        t.ui.frame();
        t.skip_all_events();
    }
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("demo mode plays the full journey's reference solution to 100/100 with its captions",
          "[ui][scenario][demo]") {
    Trainee t("en");
    t.start(app::TrainingMode::Demo, "en");
    const sim::Scenario& scenario = *t.shell.training().scenario();
    const std::size_t steps = scenario.solution.steps.size();
    REQUIRE(steps > 3);

    std::set<std::size_t> captions_seen;
    for (int i = 0; i < 2000 && !t.shell.training().finished(); ++i) {
        t.ui.frame();
        for (std::size_t s = 0; s < steps; ++s)
            if (t.ui.shows(scenario.solution.steps[s].caption.en)) captions_seen.insert(s);
        if (i % 2 == 0)
            CHECK(t.ui.shows("Step " + std::to_string(t.shell.training().demo_step() + 1) + " of " +
                             std::to_string(steps)));
        t.shell.advance(0.5);  // half a wall second more: each caption stays for several frames
    }
    REQUIRE(t.shell.training().finished());
    CHECK(t.shell.training().demo_failure().empty());
    CHECK(t.shell.training().report().score == 100);
    CHECK(t.shell.training().report().all_met);
    CHECK(captions_seen.size() == steps);  // every caption was on screen

    t.ui.frames(2);
    CHECK(t.shell.ui().screen == "scenario.score");
    CHECK(t.ui.shows("Score: 100 / 100"));
    CHECK(t.ui.find("###scenario_restart") != nullptr);
}

TEST_CASE("a paused demo holds its caption", "[ui][scenario][demo]") {
    Trainee t("en");
    t.start(app::TrainingMode::Demo);
    t.ui.frame();
    REQUIRE(t.ui.click("###pause"));
    const std::size_t step = t.shell.training().demo_step();
    const std::uint64_t journal = t.sim().journal().hash();
    for (int i = 0; i < 20; ++i) {
        t.ui.frame();
        t.shell.advance(1.0);
    }
    CHECK(t.shell.training().demo_step() == step);
    CHECK(t.sim().journal().hash() == journal);
    CHECK(t.ui.shows("(paused)"));
}

TEST_CASE("guided mode shows the checklist and reveals hints on request and after repeated errors",
          "[ui][scenario][guided]") {
    Trainee t("en");
    t.start(app::TrainingMode::Guided, "en");
    CHECK(t.shell.ui().screen == "scenario.checklist");
    t.ui.frame();
    CHECK(t.ui.shows("Register the association in the nonprofit portal"));
    CHECK(t.ui.shows("Get the organisation approved"));
    CHECK_FALSE(t.ui.shows("Hint 1: Start in the nonprofit portal: Register."));

    REQUIRE(t.ui.click("###hint_registered"));
    t.ui.frame();
    CHECK(t.shell.training().hints_shown(0) == 1);
    CHECK(t.ui.shows("Hint 1: Start in the nonprofit portal: Register."));
    REQUIRE(t.ui.click("###hint_registered"));
    t.ui.frame();
    CHECK(t.shell.training().hints_shown(0) == 2);
    CHECK(t.ui.find("###hint_registered") == nullptr);  // no hint left

    // Three failed actions reveal the current objective's next hint on their own.
    const int before = t.shell.training().hints_shown(1);
    for (int i = 0; i < app::kFailuresPerAutoHint; ++i)
        t.shell.commands().push(
            app::SubmitAction{sim::Action{"portal.not_an_operation", "", nlohmann::json::object()}, ""});
    t.ui.frame();
    t.skip_all_events();
    CHECK(t.shell.training().failed_actions() >= app::kFailuresPerAutoHint);
    const std::size_t current = t.shell.training().current_objective().value_or(99);
    REQUIRE(current == 0);                          // nothing met yet: the first objective is current
    CHECK(t.shell.training().hints_shown(0) == 2);  // already all shown: stays
    CHECK(t.shell.training().hints_shown(1) == before);

    // Elsewhere, the floating checklist window keeps the objectives in view.
    t.shell.commands().push(app::Navigate{"shell"});
    t.ui.frames(2);
    CHECK(t.ui.find("###open_checklist_w") != nullptr);
    CHECK(t.ui.shows("Register the association in the nonprofit portal"));
    REQUIRE(t.ui.click("###open_checklist_w"));
    CHECK(t.shell.ui().screen == "scenario.checklist");
}

TEST_CASE("guided mode: failed actions reveal a hint automatically", "[ui][scenario][guided]") {
    Trainee t("en");
    t.start(app::TrainingMode::Guided);
    REQUIRE(t.shell.training().hints_shown(0) == 0);
    for (int i = 0; i < app::kFailuresPerAutoHint; ++i)
        t.shell.commands().push(
            app::SubmitAction{sim::Action{"portal.not_an_operation", "", nlohmann::json::object()}, ""});
    t.ui.frame();
    t.skip_all_events();
    t.ui.frame();
    CHECK(t.shell.training().hints_shown(0) == 1);
    CHECK(t.ui.shows("Hint 1: Start in the nonprofit portal: Register."));
}

TEST_CASE("exam mode hides hints, runs a countdown and shows the score after Finish",
          "[ui][scenario][exam]") {
    Trainee t("en");
    t.start(app::TrainingMode::Exam, "en");
    t.ui.frame();
    CHECK(t.shell.ui().screen == "scenario.checklist");
    CHECK(t.ui.shows("Register the association in the nonprofit portal"));
    CHECK(t.ui.find("###hint_registered") == nullptr);
    REQUIRE(t.shell.training().countdown_left().has_value());
    CHECK(*t.shell.training().countdown_left() <= 45 * 60);
    CHECK(t.ui.shows("Time left: 45:00"));

    // A hint requested anyway (an old button, a script) is refused.
    t.shell.commands().push(app::RequestHint{"registered"});
    t.ui.frame();
    CHECK(t.shell.training().hints_shown(0) == 0);

    REQUIRE(t.ui.click("###scenario_finish"));
    t.ui.frame();
    CHECK(t.shell.training().finished());
    CHECK(t.shell.training().finish_reason() == app::Training::Finish::Finished);
    CHECK(t.shell.ui().screen == "scenario.score");
    CHECK(t.ui.shows("Score: 0 / 100"));
    CHECK(t.ui.shows("The registration was never submitted."));
    CHECK(t.ui.shows("Seed " + std::to_string(t.sim().seed())));
    for (const app::widgets::ItemInfo& item : t.ui.items())
        CHECK(item.label.find("###hint_") == std::string::npos);
}

TEST_CASE("the exam ends when its countdown runs out, and the countdown never moves sim time",
          "[ui][scenario][exam]") {
    Trainee t("en");
    t.start(app::TrainingMode::Exam);
    REQUIRE(t.ui.click("###pause"));
    const sim::SimTime frozen = t.sim().now();
    const double total = *t.shell.training().countdown_left();
    for (int i = 0; i < static_cast<int>(total) + 2 && !t.shell.training().finished(); ++i)
        t.shell.advance(1.0);
    CHECK(t.sim().now() == frozen);
    REQUIRE(t.shell.training().finished());
    CHECK(t.shell.training().finish_reason() == app::Training::Finish::TimeUp);
    t.ui.frame();
    CHECK(t.shell.ui().screen == "scenario.score");
    CHECK(t.ui.shows("Time is up · Exam"));
}

TEST_CASE("the console's preset injects a fault rule the simulation reports", "[ui][scenario][console]") {
    Trainee t("en");
    t.start(app::TrainingMode::Guided);
    t.shell.commands().push(app::Navigate{"scenario.console"});
    t.ui.frames(2);
    CHECK(t.ui.shows("No fault rules are active."));

    REQUIRE(t.ui.click("###preset_checkout_once"));
    t.ui.frame();
    REQUIRE(t.sim().faults().rules().size() == 1);
    const std::string id = t.sim().faults().rules().front().id;
    CHECK(id.rfind("checkout-fails-", 0) == 0);
    CHECK(t.sim().faults().rules().front().operation == "billing.place_order");
    CHECK(t.ui.shows(id));
    CHECK(t.ui.shows("no calls yet"));    // not "0 of 0"
    CHECK(t.ui.shows("Place an order"));  // the operation by its name, not billing.place_order
    CHECK_FALSE(t.ui.shows("billing.place_order"));

    REQUIRE(t.ui.click("###preset_throttle_billing"));
    REQUIRE(t.ui.click("###preset_admin_down"));
    t.ui.frame();
    CHECK(t.sim().faults().rules().size() == 5);
    REQUIRE(t.ui.click("###remove_rule_" + id));
    t.ui.frame();
    CHECK(t.sim().faults().rules().size() == 4);
    REQUIRE(t.ui.click("###clear_rules"));
    t.ui.frame();
    CHECK(t.sim().faults().rules().empty());

    // The changes are ordinary journaled actions.
    int instructor_actions = 0;
    for (const sim::JournalEntry& e : t.sim().journal().entries())
        if (e.kind == "action" && e.body["action"].value("type", "").rfind("instructor.", 0) == 0)
            ++instructor_actions;
    CHECK(instructor_actions == 1 + 1 + 3 + 1 + 1);

    // Freeze and jump ahead.
    REQUIRE(t.ui.click("###console_freeze"));
    CHECK(t.shell.ui().paused);
    const sim::SimTime before = t.sim().now();
    REQUIRE(t.ui.click("###jump_day"));
    CHECK(t.sim().now() == before + sim::kDay);
    REQUIRE(t.ui.click("###jump_hour"));
    CHECK(t.sim().now() == before + sim::kDay + sim::kHour);
    REQUIRE(t.ui.click("###jump_week"));
    CHECK(t.sim().now() >= before + sim::kDay + 5 * sim::kDay);
    const sim::SimTime week_later = t.sim().now();
    REQUIRE(t.ui.click("###jump_month"));  // a year passes in twelve clicks
    CHECK(t.sim().now() == week_later + 30 * sim::kDay);
}

TEST_CASE("restart gives a fresh world with the same seed", "[ui][scenario][restart]") {
    Trainee t("en");
    t.start(app::TrainingMode::Guided);
    CHECK(t.sim().state_hash() == fresh_state_hash());
    const std::uint64_t seed = t.sim().seed();

    const sim::Scenario& scenario = *t.shell.training().scenario();
    register_association(t, scenario);
    REQUIRE(t.sim().state_hash() != fresh_state_hash());
    REQUIRE(t.shell.training().met(0));

    t.shell.commands().push(app::Navigate{"scenario.console"});
    t.ui.frame();
    REQUIRE(t.ui.click("###console_reset"));
    CHECK(t.sim().seed() == seed);
    CHECK(t.sim().now() == 0);
    CHECK(t.sim().state_hash() == fresh_state_hash());
    CHECK_FALSE(t.shell.training().met(0));
    CHECK(t.shell.ui().mode == app::TrainingMode::Guided);

    // "Restart" on the score screen does the same.
    REQUIRE(t.ui.click("###scenario_finish"));
    REQUIRE(t.ui.click("###scenario_restart"));
    CHECK(t.sim().state_hash() == fresh_state_hash());
    CHECK_FALSE(t.shell.training().finished());
}

TEST_CASE("the overview starts the picked scenario in the picked mode and language",
          "[ui][scenario][overview]") {
    Trainee t("en");
    REQUIRE(t.shell.load_scenario(kJourney));
    REQUIRE(t.shell.show_screen("scenario.overview"));
    t.ui.frames(2);
    if (t.ui.find("###scenario_pick_full-journey") == nullptr) {
        WARN("the default scenario folder has no full-journey.json: " << sim::default_scenario_dir());
        return;
    }
    REQUIRE(t.ui.click("###scenario_pick_full-journey"));
    CHECK(t.ui.shows("The full journey: from registration to Office on the desktop"));
    CHECK(t.ui.shows("Beginner · about 30 minutes"));
    REQUIRE(t.ui.click("###mode_exam"));
    REQUIRE(t.ui.click("###scenario_lang_de"));
    REQUIRE(t.ui.click("###scenario_start"));
    CHECK(t.shell.ui().mode == app::TrainingMode::Exam);
    CHECK(t.shell.ui().language == "de");
    CHECK(t.shell.ui().screen == "scenario.checklist");
    t.ui.frame();
    CHECK(t.ui.shows("Prüfung"));
}

TEST_CASE("the debrief is written atomically as Markdown and JSON without passwords",
          "[ui][scenario][debrief]") {
    const auto dir = std::filesystem::temp_directory_path() / "npsim_ui_debrief";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    Trainee t("en");
    t.start(app::TrainingMode::Guided);
    const sim::Scenario& scenario = *t.shell.training().scenario();
    register_association(t, scenario);
    REQUIRE(t.ui.click("###scenario_finish"));
    t.shell.commands().push(app::ExportDebrief{dir.string()});
    t.ui.frames(2);
    CHECK(t.shell.training().debrief_ok());
    const auto md = dir / ("npsim-debrief-" + scenario.id + ".md");
    const auto js = dir / ("npsim-debrief-" + scenario.id + ".json");
    REQUIRE(std::filesystem::exists(md));
    REQUIRE(std::filesystem::exists(js));
    CHECK_FALSE(std::filesystem::exists(md.string() + ".tmp"));
    const std::string text = slurp(md), json_text = slurp(js);
    CHECK(text.find("[x] **Register the association in the nonprofit portal**") != std::string::npos);
    CHECK(json_text.find("Demo-Passwort-1") == std::string::npos);
    CHECK(text.find("Demo-Passwort-1") == std::string::npos);
    const nlohmann::json j = nlohmann::json::parse(json_text);
    CHECK(j["seed"] == t.sim().seed());
    CHECK(j["mode"] == "guided");
    CHECK(j["journal_hash"].get<std::string>().size() == 16);
    CHECK(j["score"].is_object());
    std::filesystem::remove_all(dir);
}

TEST_CASE("every scenario screen renders in English and German in every mode", "[ui][scenario][i18n]") {
    for (const char* lang : {"en", "de"}) {
        for (app::TrainingMode mode : {app::TrainingMode::Sandbox, app::TrainingMode::Demo,
                                       app::TrainingMode::Guided, app::TrainingMode::Exam}) {
            Trainee t(lang);
            if (mode == app::TrainingMode::Sandbox)
                REQUIRE(t.shell.load_scenario(kJourney));
            else
                t.start(mode);
            for (const char* screen :
                 {"scenario.overview", "scenario.checklist", "scenario.score", "scenario.console", "shell"}) {
                REQUIRE(t.shell.show_screen(screen));
                t.ui.frames(2);
                for (const app::widgets::ItemInfo& item : t.ui.items()) {
                    INFO(lang << " " << screen << ": " << item.label);
                    const std::string visible = app::test::UiDriver::visible_part(item.label);
                    CHECK(visible.rfind("scenario.", 0) == std::string::npos);
                    CHECK(item.max.x <= 1280.0f + 0.5f);
                }
            }
        }
    }
}
