// tests/ui/test_replay_view.cpp — the read-only session viewer, observations in support cases and
// "Save this point as a scenario", driven headless: a recorded journey opens read only on
// scenario.replay, the slider and the step buttons show the world of an earlier moment on every
// surface while the live run stays untouched, every change is refused, observations added while
// recording travel in the exported support case and hold (or not) at their point on replay, and a
// saved point is a scenario that loads.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/ui/shell.hpp"
#include "app/views/replay/replay_views.hpp"
#include "sim/assessment.hpp"
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
const std::string kMax = "max@tsvmuster.onmicrosoft.com";

// The app loop in miniature (no autosave).
struct ViewerUi {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    explicit ViewerUi(const std::string& lang = "en", ImVec2 size = ImVec2(1400, 2600),
                      const std::string& session = "")
        : ui(size), shell(app::test::shell_options(lang, session)) {
        app::test::wire_like_the_app(ui, shell);
    }
    const sim::Simulation& live() const { return *shell.simulation(); }
    const sim::Simulation& shown() const { return *shell.shown_simulation(); }
    const app::ReplayViewState& replay() const { return shell.view_state().replay; }
    void push(app::Command c) {
        shell.commands().push(std::move(c));
        ui.frame();
    }
    // Step i of the reference solution: its action and its answer, then what the step waits for.
    void play_step(std::size_t i) {
        const sim::SolutionStep& step = shell.training().scenario()->solution.steps[i];
        if (step.action) push(app::SubmitAction{*step.action, ""});
        for (int n = 0; n < 200 && !live().pending_actions().empty(); ++n) push(app::SkipToNextEvent{});
        if (step.advance) push(app::JumpAhead{*step.advance});
        if (!step.wait_until.is_null())
            for (int n = 0;
                 n < 200 && !sim::evaluate_condition(step.wait_until, live()) && live().next_event_time();
                 ++n)
                push(app::SkipToNextEvent{});
    }
    // Steps [from, to) of the reference solution.
    void play_solution(std::size_t from, std::size_t to) {
        const std::size_t steps = shell.training().scenario()->solution.steps.size();
        for (std::size_t i = from; i < to && i < steps; ++i) play_step(i);
    }
    void fill(const std::string& id, const std::string& text) {
        REQUIRE(ui.click(id));
        ui.type(text);
    }
};

// The whole reference solution of the full journey, saved as a repro bundle.
std::string record_journey(ViewerUi& t, const TempDir& dir) {
    REQUIRE(t.shell.start_scenario(kJourney, app::TrainingMode::Guided));
    t.play_solution(0, 100);
    REQUIRE(t.live().world().find_person(kMax) != nullptr);
    const sim::ReproBundle b =
        sim::make_bundle(*t.shell.training().scenario(), t.live(), "recorded in a test");
    const std::string path = (dir.path / "journey.npsim.json").string();
    REQUIRE(sim::save_bundle(path, b));
    return path;
}

sim::ReproBundle load_ok(const std::string& path) {
    sim::ReproBundle b;
    std::string error;
    INFO(path << ": " << error);
    REQUIRE(sim::load_bundle(path, b, error));
    return b;
}

std::size_t index_of(const sim::ReproBundle& b, const std::string& type) {
    for (std::size_t i = 0; i < b.actions.size(); ++i)
        if (b.actions[i].action.type == type) return i;
    FAIL("no " << type << " action in the bundle");
    return 0;
}

}  // namespace

TEST_CASE("the viewer opens a recorded session read only and shows the world at the slider's moment",
          "[ui][replay]") {
    TempDir dir;
    ViewerUi t;
    const std::string path = record_journey(t, dir);
    const sim::ReproBundle b = load_ok(path);

    // "Open session or support case…" on the overview.
    REQUIRE(t.shell.show_screen("scenario.overview"));
    t.fill("###replay_open_path", path);
    REQUIRE(t.ui.click("###replay_open"));
    REQUIRE(t.shell.replaying());
    const std::string live_hash = sim::hex64(t.live().state_hash());  // the live clock stops here
    const std::size_t live_journal = t.live().journal().size();
    CHECK(t.shell.ui().screen == "scenario.replay");
    t.ui.frames(2);
    CHECK(t.ui.shows("Replay — read only"));
    CHECK(t.ui.shows("Replaying the file reaches the recorded end state."));
    CHECK(t.replay().info.end_ms == b.end_time);
    CHECK(t.replay().info.actions.size() == b.actions.size());
    // It opens at the end: the recorded state.
    CHECK(sim::hex64(t.shown().state_hash()) == b.state_hash);
    CHECK(t.shown().world().find_person(kMax) != nullptr);

    // The admin center shows the recording too, with the timeline in a small window.
    REQUIRE(t.shell.show_screen("admin.users"));
    t.ui.frames(2);
    CHECK(t.ui.find("###user_" + kMax) != nullptr);
    CHECK(t.ui.find("###replay_slider") != nullptr);

    // Back to the moment before Max was added: the list no longer has him.
    const std::size_t add = index_of(b, "users.add");
    t.push(app::SetReplayTime{b.actions[add].time, static_cast<long long>(add)});
    t.ui.frames(2);
    CHECK(t.replay().info.applied == add);
    CHECK(t.shown().world().find_person(kMax) == nullptr);
    CHECK(t.ui.find("###user_" + kMax) == nullptr);
    CHECK_FALSE(t.shown().world().people.empty());  // Anna, the administrator, is there

    // "Next action" submits users.add; its result arrives before the next recorded action.
    REQUIRE(t.ui.click("###replay_next"));
    CHECK(t.replay().info.applied == add + 1);
    REQUIRE(t.ui.click("###replay_next"));
    CHECK(t.replay().info.applied == add + 2);
    t.ui.frames(2);
    CHECK(t.shown().world().find_person(kMax) != nullptr);
    CHECK(t.ui.find("###user_" + kMax) != nullptr);

    // The slider itself: a click in its middle shows a moment between the start and the end.
    REQUIRE(t.ui.click("###replay_slider"));
    CHECK(t.replay().info.time > 0);
    CHECK(t.replay().info.time < b.end_time);
    CHECK(t.shown().now() == t.replay().info.time);

    // "Start": the scenario's start state, no tenant yet.
    REQUIRE(t.ui.click("###replay_first"));
    CHECK(t.replay().info.applied == 0);
    CHECK(t.shown().now() == 0);
    CHECK_FALSE(t.shown().world().tenant.exists);

    // The live run waited, untouched; "Close replay" returns to it.
    CHECK(sim::hex64(t.live().state_hash()) == live_hash);
    CHECK(t.live().journal().size() == live_journal);
    REQUIRE(t.ui.click("###replay_close_bar"));
    CHECK_FALSE(t.shell.replaying());
    CHECK(t.shell.ui().screen == "scenario.overview");
    CHECK(t.shell.shown_simulation() == t.shell.simulation());
    CHECK(sim::hex64(t.live().state_hash()) == live_hash);
}

TEST_CASE("the viewer refuses every change to the recording and its clock stands still", "[ui][replay]") {
    TempDir dir;
    ViewerUi t;
    const std::string path = record_journey(t, dir);
    const std::string live_hash = sim::hex64(t.live().state_hash());
    REQUIRE(t.shell.open_replay(path));
    const std::size_t add = index_of(load_ok(path), "users.add");
    t.push(app::SetReplayTime{0, static_cast<long long>(add)});
    const std::size_t journal = t.shown().journal().size();
    const sim::SimTime now = t.shown().now();

    sim::Action a;
    a.type = "users.add";
    a.actor = "anna@tsvmuster.onmicrosoft.com";
    a.args = {{"first_name", "Eve"}, {"last_name", "Extra"}, {"username", "eve"}, {"usage_location", "DE"}};
    t.push(app::SubmitAction{a, "test"});
    t.push(app::SkipToNextEvent{});
    t.push(app::JumpAhead{sim::Duration{sim::kDay, 0}});
    t.push(app::FinishScenario{});
    t.shell.advance(3600.0);
    t.ui.frames(2);
    CHECK(t.replay().info.refused == 4);
    CHECK(t.shown().journal().size() == journal);
    CHECK(t.shown().now() == now);
    CHECK(t.shell.wait_seconds() == std::nullopt);
    CHECK(sim::hex64(t.live().state_hash()) == live_hash);
    // The top bar's clock buttons are greyed out while the viewer is open.
    for (const char* id : {"###pause", "###speed_600", "###skip"}) {
        INFO(id);
        const app::widgets::ItemInfo* item = t.ui.find(id);
        REQUIRE(item != nullptr);
        CHECK_FALSE(item->enabled);
    }

    REQUIRE(t.shell.show_screen("scenario.replay"));
    t.ui.frames(2);
    CHECK(t.ui.shows("Read only: 4 change(s) were not made. Close the replay to work in your own run."));
    REQUIRE(t.ui.click("###replay_close"));
    CHECK_FALSE(t.shell.replaying());
}

TEST_CASE("a file that is not a session is reported where it was opened", "[ui][replay]") {
    TempDir dir;
    ViewerUi t;
    REQUIRE(t.shell.start_scenario(kJourney, app::TrainingMode::Guided));
    const std::string path = (dir.path / "broken.npsim.json").string();
    { std::ofstream(path) << "{\"npsim_bundle\": 1, \"seed\": -3}"; }
    REQUIRE(t.shell.show_screen("scenario.overview"));
    t.fill("###replay_open_path", path);
    REQUIRE(t.ui.click("###replay_open"));
    CHECK_FALSE(t.shell.replaying());
    t.ui.frame();
    const std::string& error = t.replay().open_error;
    CHECK(error.rfind(path + " cannot be opened: ", 0) == 0);
    CHECK(t.ui.shows(error));
}

TEST_CASE("observations travel in the support case and hold at their point on replay",
          "[ui][replay][observations]") {
    TempDir dir;
    ViewerUi t;
    REQUIRE(t.shell.start_scenario(kJourney, app::TrainingMode::Guided));
    t.play_solution(0, 3);  // registered, submitted, approved
    REQUIRE(t.live().world().organisation.status == sim::PortalStatus::Approved);

    // The form in the export area of the score screen: "The portal shows a status" → Approved.
    REQUIRE(t.shell.show_screen("scenario.score"));
    REQUIRE(t.ui.click("###obs_template"));
    REQUIRE(t.ui.click("###obs_template_3"));
    REQUIRE(t.ui.click("###obs_status"));
    REQUIRE(t.ui.click("###obs_status_approved"));
    REQUIRE(t.ui.click("###obs_add"));
    REQUIRE(t.replay().observations.size() == 1);
    const sim::Observation first = t.replay().observations.front();
    CHECK(first.id == "obs-1");
    CHECK(first.label == "The portal status is “Approved”");
    CHECK(first.condition == nlohmann::json{{"portal_status", "approved"}});
    CHECK(first.time == t.live().now());
    t.ui.frame();
    CHECK(t.ui.shows("The portal status is “Approved” — holds now"));

    // The last portal.submit_registration succeeded (with the tester's own label).
    REQUIRE(t.ui.click("###obs_template"));
    REQUIRE(t.ui.click("###obs_template_1"));
    REQUIRE(t.ui.click("###obs_operation"));
    REQUIRE(t.ui.click("###obs_operation_portal.submit_registration"));
    t.fill("###obs_label", "Submitting worked");
    REQUIRE(t.ui.click("###obs_add"));
    REQUIRE(t.replay().observations.size() == 2);
    CHECK(t.replay().observations[1].label == "Submitting worked");
    CHECK(t.replay().observations[1].condition ==
          nlohmann::json{{"last_result", {{"operation", "portal.submit_registration"}, {"error", "ok"}}}});

    // More of the run, then a deliberately wrong observation, one that is removed again, and the export.
    t.play_solution(3, 6);  // the offer, a payment method, the order
    t.push(app::AddObservation{"The portal says declined", {{"portal_status", "declined"}}});
    t.push(app::AddObservation{"Removed again", {{"tenant_exists", true}}});
    REQUIRE(t.replay().observations.size() == 4);
    t.ui.frames(2);
    CHECK(t.ui.shows("The portal says declined — does not hold now"));
    REQUIRE(t.ui.click("###obs_remove_obs-4"));
    REQUIRE(t.replay().observations.size() == 3);
    t.push(app::ExportBundle{dir.path.string(), "observations test"});
    REQUIRE(t.shell.session().export_ok);

    fs::path file;
    for (const auto& e : fs::directory_iterator(dir.path)) file = e.path();
    const sim::ReproBundle b = load_ok(file.string());
    REQUIRE(b.observations.size() == 3);
    CHECK(b.observations[0].id == "obs-1");
    CHECK(b.observations[2].label == "The portal says declined");
    CHECK(b.observations[0].after_actions == first.after_actions);

    // verify_bundle replays the case: every journal entry and the hashes match, two observations hold,
    // the wrong one fails by its label; without it the case passes.
    const sim::ReplayReport report = sim::verify_bundle(b);
    CHECK(report.hashes_match);
    CHECK_FALSE(report.journal_difference.has_value());
    REQUIRE(report.observations.size() == 3);
    CHECK(report.observations[0].passed);
    CHECK(report.observations[1].passed);
    CHECK_FALSE(report.observations[2].passed);
    CHECK(report.observations[2].reason.find("The portal says declined") != std::string::npos);
    CHECK(report.observations_failed() == 1);
    CHECK_FALSE(report.ok());
    sim::ReproBundle fixed = b;
    fixed.observations.pop_back();
    const sim::ReplayReport fixed_report = sim::verify_bundle(fixed);
    INFO((fixed_report.problems.empty() ? std::string() : fixed_report.problems.front()));
    CHECK(fixed_report.ok());

    // In the viewer, each observation is visited at its point: two hold, the wrong one does not.
    REQUIRE(t.shell.open_replay(file.string()));
    t.ui.frames(2);
    CHECK(t.ui.shows("Observations in the file"));
    REQUIRE(t.ui.click("###replay_go_obs-1"));
    CHECK(t.replay().info.time == first.time);
    CHECK(t.replay().info.applied == first.after_actions);
    t.ui.frame();
    CHECK(t.ui.shows("The portal status is “Approved” — holds here"));
    REQUIRE(t.ui.click("###replay_go_obs-2"));
    t.ui.frame();
    CHECK(t.ui.shows("Submitting worked — holds here"));
    REQUIRE(t.ui.click("###replay_go_obs-3"));
    t.ui.frame();
    CHECK(t.ui.shows("The portal says declined — does not hold here"));
    for (const sim::Observation& o : b.observations) {
        t.push(app::SetReplayTime{o.time, static_cast<long long>(o.after_actions)});
        INFO(o.id << " " << o.label);
        CHECK(app::observation_holds(o.condition, t.shown()) == (o.id != "obs-3"));
    }
}

TEST_CASE("save this point as a scenario writes a scenario that loads with the world of that moment",
          "[ui][replay][snapshot]") {
    TempDir dir;
    ViewerUi t;
    const std::string path = record_journey(t, dir);
    const sim::ReproBundle b = load_ok(path);
    const fs::path out = dir.path / "points";
    fs::create_directories(out);

    // In the viewer: the moment before Max was added.
    REQUIRE(t.shell.open_replay(path));
    const std::size_t add = index_of(b, "users.add");
    t.push(app::SetReplayTime{b.actions[add].time, static_cast<long long>(add)});
    REQUIRE(t.shell.show_screen("scenario.replay"));
    t.fill("###point_dir", out.string());
    REQUIRE(t.ui.click("###point_save"));
    INFO(t.replay().point_result);
    REQUIRE(t.replay().point_ok);
    fs::path written;
    for (const auto& e : fs::directory_iterator(out)) written = e.path();
    CHECK(written.filename().string().rfind("full-journey-at-", 0) == 0);
    CHECK(written.extension() == ".json");
    t.ui.frame();
    CHECK(t.ui.shows("Scenario written: " + written.string()));
    sim::ScenarioLoad load = sim::load_scenario_file(written.string());
    INFO((load.errors.empty() ? std::string() : load.errors.front().to_string()));
    REQUIRE(load.ok());
    CHECK(load.scenario->id == written.stem().string());
    CHECK(load.scenario->setup.world.find_person(kMax) == nullptr);
    CHECK(load.scenario->setup.world.tenant.exists);
    CHECK(load.scenario->assessment.objectives.size() ==
          t.shell.training().scenario()->assessment.objectives.size());

    // From the live run's export area: now, with Max.
    REQUIRE(t.ui.click("###replay_close"));
    fs::remove(written);
    REQUIRE(t.shell.show_screen("scenario.score"));
    REQUIRE(t.ui.click("###point_save"));
    REQUIRE(t.replay().point_ok);
    for (const auto& e : fs::directory_iterator(out)) written = e.path();
    sim::ScenarioLoad now = sim::load_scenario_file(written.string());
    REQUIRE(now.ok());
    CHECK(now.scenario->setup.world.find_person(kMax) != nullptr);

    // A folder that does not exist is named in the error.
    t.push(app::SaveScenarioAt{(dir.path / "missing").string()});
    CHECK_FALSE(t.replay().point_ok);
    CHECK(t.replay().point_result.find("missing: there is no such folder") != std::string::npos);
}

TEST_CASE("the viewer renders in English and German without raw keys inside 1280 pixels",
          "[ui][replay][i18n]") {
    TempDir dir;
    std::string path;
    {
        ViewerUi rec;
        path = record_journey(rec, dir);
    }
    for (const char* lang : {"en", "de"}) {
        ViewerUi t(lang, ImVec2(1280, 800));
        REQUIRE(t.shell.open_replay(path));
        for (const char* screen :
             {"scenario.replay", "admin.users", "myaccount.apps", "scenario.score", "scenario.console"}) {
            if (!t.shell.show_screen(screen)) continue;
            t.ui.frames(3);
            for (const app::widgets::ItemInfo& item : t.ui.items()) {
                INFO(lang << " " << screen << ": " << item.label);
                const std::string visible = app::test::UiDriver::visible_part(item.label);
                CHECK(visible.rfind("replay.", 0) == std::string::npos);
                CHECK(visible.rfind("debrief.", 0) == std::string::npos);
                CHECK(item.max.x <= 1280.0f + 0.5f);
            }
        }
        CHECK(t.ui.find("###replay_slider") != nullptr);
    }
}

TEST_CASE("observations are autosaved with the session and come back when it is resumed",
          "[ui][replay][observations][session]") {
    TempDir dir;
    const std::string session = (dir.path / "state" / "session.npsim.json").string();
    {
        ViewerUi t("en", ImVec2(1400, 2600), session);
        REQUIRE(t.shell.start_scenario(kJourney, app::TrainingMode::Guided));
        t.play_solution(0, 2);
        t.push(app::AddObservation{"The portal says pending", {{"portal_status", "pending"}}});
        REQUIRE(t.replay().observations.size() == 1);
        const sim::ReproBundle saved = load_ok(session);  // written at once, not only with the next action
        REQUIRE(saved.observations.size() == 1);
        CHECK(saved.observations.front().label == "The portal says pending");
        CHECK(saved.observations.front().after_actions == 2);
    }
    ViewerUi t("en", ImVec2(1400, 2600), session);
    REQUIRE(t.shell.resume_session());
    REQUIRE(t.replay().observations.size() == 1);
    CHECK(t.replay().observations.front().id == "obs-1");
    CHECK(t.replay().observations.front().condition == nlohmann::json{{"portal_status", "pending"}});
}
