// tests/ui/test_debrief_view.cpp — the debrief on the score screen, driven headless: the timeline's
// lanes, the time per objective, the mistakes, in English and German, light and dark, without an
// ImGui assertion; "Export debrief" writes the HTML (with its SVG timeline) and the debrief JSON
// next to the Markdown.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/ui/shell.hpp"
#include "sim/assessment.hpp"
#include "sim/bundle.hpp"
#include "sim/scenario.hpp"
#include "support/app_loop.hpp"
#include "support/temp_dir.hpp"
#include "support/ui_driver.hpp"

namespace fs = std::filesystem;

namespace {

using app::test::slurp;

using app::test::TempDir;

const std::string kJourney = NPSIM_TEST_SCENARIO_DIR "/full-journey.json";

struct Trainee {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    explicit Trainee(const std::string& lang)
        : ui(ImVec2(1280, 800)), shell(app::ShellOptions{NPSIM_TEST_ASSET_DIR, lang}) {
        app::test::wire_like_the_app(ui, shell);
    }
    const sim::Simulation& sim() const { return *shell.simulation(); }
    void push(app::Command c) {
        shell.commands().push(std::move(c));
        ui.frame();
    }
    // Step i of the reference solution: its action and its answer, then what the step waits for.
    void submit_step(std::size_t i) {
        const sim::SolutionStep& step = shell.training().scenario()->solution.steps[i];
        if (step.action) push(app::SubmitAction{*step.action, ""});
        for (int n = 0; n < 200 && !sim().pending_actions().empty(); ++n) push(app::SkipToNextEvent{});
        if (step.advance) push(app::JumpAhead{*step.advance});
        if (!step.wait_until.is_null())
            for (int n = 0;
                 n < 200 && !sim::evaluate_condition(step.wait_until, sim()) && sim().next_event_time(); ++n)
                push(app::SkipToNextEvent{});
    }
    // The reference solution with one mistake: opening the offer before the portal approved the association.
    void play_with_a_mistake() {
        REQUIRE(shell.start_scenario(kJourney, app::TrainingMode::Guided));
        submit_step(0);
        submit_step(3);  // portal.open_offer, too early: fails
        const std::size_t steps = shell.training().scenario()->solution.steps.size();
        for (std::size_t i = 1; i < steps; ++i) submit_step(i);
        REQUIRE(shell.training().finished());
        REQUIRE(shell.ui().screen == "scenario.score");
    }
};

}  // namespace

TEST_CASE("the score screen draws the debrief: timeline lanes, time per objective and mistakes",
          "[ui][debrief]") {
    struct Expect {
        const char* lang;
        std::vector<std::string> texts;
    };
    const Expect cases[] = {
        {"en",
         {"Timeline", "Actions", "Errors", "Background", "Objectives met", "Met at", "Time spent",
          "Mistakes"}},
        {"de",
         {"Zeitleiste", "Aktionen", "Fehler", "Hintergrund", "Erreichte Ziele", "Erreicht am",
          "Benötigte Zeit"}},
    };
    for (const Expect& e : cases) {
        for (app::Theme theme : {app::Theme::Light, app::Theme::Dark}) {
            Trainee t(e.lang);
            t.play_with_a_mistake();
            t.push(app::SetTheme{theme});
            t.ui.frames(3);
            for (const std::string& text : e.texts) {
                INFO(e.lang << ": " << text);
                CHECK(t.ui.shows(text));
            }
            const sim::Debrief& d = t.shell.view_state().replay.debrief;
            REQUIRE_FALSE(d.timeline.empty());
            REQUIRE(d.mistakes.size() == 1);
            CHECK(d.mistakes.front().operation == "portal.open_offer");
            // The error by its short name, never the raw code (that is in the tooltip).
            CHECK(t.ui.shows(t.shell.strings().get("errname." + d.mistakes.front().error_code)));
            CHECK_FALSE(t.ui.shows(d.mistakes.front().error_code));
            CHECK(t.ui.shows(d.mistakes.front().message));
            CHECK(d.lang == e.lang);
            for (const app::widgets::ItemInfo& item : t.ui.items()) {
                INFO(e.lang << ": " << item.label);
                const std::string visible = app::test::UiDriver::visible_part(item.label);
                CHECK(visible.rfind("debrief.", 0) == std::string::npos);
                CHECK(visible.rfind("replay.", 0) == std::string::npos);
                CHECK(item.max.x <= 1280.0f + 0.5f);
            }
        }
    }
}

TEST_CASE("Export debrief writes HTML with an SVG timeline and the debrief JSON next to the Markdown",
          "[ui][debrief]") {
    TempDir dir;
    Trainee t("en");
    t.play_with_a_mistake();
    t.push(app::ExportDebrief{dir.path.string()});
    REQUIRE(t.shell.training().debrief_ok());
    const std::string id = t.shell.training().scenario()->id;
    const fs::path md = dir.path / ("npsim-debrief-" + id + ".md");
    const fs::path html = dir.path / ("npsim-debrief-" + id + ".html");
    const fs::path js = dir.path / ("npsim-debrief-" + id + ".json");
    REQUIRE(fs::exists(md));
    REQUIRE(fs::exists(html));
    REQUIRE(fs::exists(js));
    const std::string page = slurp(html);
    CHECK(page.find("<svg") != std::string::npos);
    CHECK(page.find("Open an offer") != std::string::npos);  // the mistake, by its name
    const nlohmann::json j = nlohmann::json::parse(slurp(js));
    REQUIRE(j.contains("debrief"));
    CHECK(j["debrief"]["timeline"].is_array());
    CHECK_FALSE(j["debrief"]["timeline"].empty());
    t.ui.frame();
    CHECK(t.ui.shows(t.shell.training().debrief_result()));
    CHECK(t.shell.training().debrief_result().find(html.string()) != std::string::npos);
}

TEST_CASE("the score screen of a recording in the viewer shows its debrief", "[ui][debrief][replay]") {
    TempDir dir;
    Trainee t("en");
    t.play_with_a_mistake();
    const sim::ReproBundle b = sim::make_bundle(*t.shell.training().scenario(), t.sim());
    const std::string path = (dir.path / "run.npsim.json").string();
    REQUIRE(sim::save_bundle(path, b));
    REQUIRE(t.shell.open_replay(path));
    REQUIRE(t.shell.show_screen("scenario.score"));
    t.ui.frames(3);
    CHECK(t.ui.shows("Timeline"));
    CHECK(t.ui.shows("Replay — read only"));  // the floating bar
    const sim::Debrief& d = t.shell.view_state().replay.debrief;
    CHECK(d.mistakes.size() == 1);
    // At the start of the recording nothing has happened yet.
    t.push(app::SetReplayTime{0, 0});
    t.ui.frames(2);
    CHECK(t.shell.view_state().replay.debrief.mistakes.empty());
}
