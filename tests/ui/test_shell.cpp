// tests/ui/test_shell.cpp — the desktop shell, driven headless: banner, clock, time controls, settings.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>

#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kBannerEn = "Simulation — not connected to Microsoft — never enter real passwords";
constexpr const char* kBannerDe =
    "Simulation — nicht mit Microsoft verbunden — niemals echte Kennwörter eingeben";

// The app loop in miniature: draw, then apply the frame's commands, then let 1/60 s of wall time pass.
struct ShellUnderTest {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    explicit ShellUnderTest(const std::string& lang, ImVec2 display = ImVec2(1280, 800))
        : ui(display), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        shell.start(sim::Setup{}, {"Test scenario", "Testszenario"});
        app::test::wire_like_the_app(ui, shell);
    }
    sim::SimTime now() const { return shell.simulation()->now(); }
};

}  // namespace

TEST_CASE("the shell renders in English and in German and always shows the banner", "[ui][shell]") {
    {
        ShellUnderTest en("en");
        en.ui.frames(3);
        CHECK(en.ui.shows(kBannerEn));
        CHECK(en.ui.shows("Mon 3 Mar 2025 09:00 CET"));
        CHECK(en.ui.shows("Welcome to the sandbox"));
    }
    {
        ShellUnderTest de("de");
        de.ui.frames(3);
        CHECK(de.ui.shows(kBannerDe));
        CHECK(de.ui.shows("Mo., 3. März 2025, 09:00 MEZ"));
        CHECK(de.ui.find("Einstellungen") != nullptr);
    }
}

TEST_CASE("the banner and the settings stay on screen in the smallest window", "[ui][shell]") {
    ShellUnderTest t("de", ImVec2(760, 500));
    t.ui.frames(3);
    const app::widgets::ItemInfo* banner = t.ui.find(kBannerDe);
    REQUIRE(banner != nullptr);
    CHECK(banner->max.x - banner->min.x > 100.0f);
    CHECK(banner->max.x <= 760.0f);
    const app::widgets::ItemInfo* settings = t.ui.find("###settings");
    REQUIRE(settings != nullptr);
    CHECK(settings->max.x <= 760.0f);
    CHECK(settings->max.x - settings->min.x > 10.0f);  // not clipped away
}

TEST_CASE("no visible text is a missing string key", "[ui][shell][i18n]") {
    for (const char* lang : {"en", "de"}) {
        ShellUnderTest t(lang);
        t.ui.frames(2);
        REQUIRE(t.ui.click("###settings"));  // the popup's texts too
        for (const app::widgets::ItemInfo& item : t.ui.items()) {
            INFO(lang << ": " << item.label);
            CHECK(app::test::UiDriver::visible_part(item.label).rfind("ui.", 0) == std::string::npos);
        }
    }
}

TEST_CASE("a click on pause stops the simulated clock", "[ui][shell][time]") {
    ShellUnderTest t("en");
    t.ui.frames(60);
    CHECK(t.now() == 1000);  // one wall second at 1x

    REQUIRE(t.ui.click("###pause"));
    CHECK(t.shell.ui().paused);
    const sim::SimTime stopped = t.now();
    t.ui.frames(120);
    CHECK(t.now() == stopped);
    CHECK(t.ui.shows("Resume"));

    REQUIRE(t.ui.click("Resume"));
    CHECK_FALSE(t.shell.ui().paused);
    t.ui.frames(60);
    CHECK(t.now() > stopped);
}

TEST_CASE("the speed buttons change how fast simulated time passes", "[ui][shell][time]") {
    ShellUnderTest t("en");
    REQUIRE(t.ui.click("###speed_600"));
    CHECK(t.shell.ui().speed == 600);
    const sim::SimTime before = t.now();
    t.ui.frames(60);  // one wall second
    CHECK(t.now() - before == Approx(600 * 1000).margin(2 * app::TimeBridge::kTick));

    // A speed button also resumes a paused clock.
    REQUIRE(t.ui.click("###pause"));
    REQUIRE(t.ui.click("###speed_10"));
    CHECK(t.shell.ui().speed == 10);
    CHECK_FALSE(t.shell.ui().paused);
}

TEST_CASE("skip to next event is enabled only while something is scheduled", "[ui][shell][time]") {
    ShellUnderTest t("en");
    REQUIRE(t.ui.click("###pause"));
    t.ui.frame();
    CHECK(t.ui.find("###skip")->enabled == t.shell.simulation()->next_event_time().has_value());

    t.shell.commands().push(app::SubmitAction{sim::Action{"ui_test.noop", "", nlohmann::json::object()}, ""});
    t.ui.frames(2);
    REQUIRE(t.shell.simulation()->next_event_time().has_value());
    REQUIRE(t.ui.find("###skip")->enabled);
    while (t.shell.simulation()->next_event_time()) REQUIRE(t.ui.click("###skip"));
    t.ui.frame();
    CHECK_FALSE(t.ui.find("###skip")->enabled);
    CHECK_FALSE(t.ui.click("###skip"));
}

TEST_CASE("switching the language in the settings shows German at once", "[ui][shell][settings]") {
    ShellUnderTest t("en");
    REQUIRE(t.ui.click("Settings"));
    REQUIRE(t.ui.click("Deutsch"));
    t.ui.frame();
    CHECK(t.shell.ui().language == "de");
    CHECK(t.ui.shows(kBannerDe));
    CHECK(t.ui.shows("Willkommen in der Sandbox"));
}

TEST_CASE("the theme and text size settings apply through commands", "[ui][shell][settings]") {
    ShellUnderTest t("en");
    REQUIRE(t.ui.click("###settings"));
    REQUIRE(t.ui.click("###theme_dark"));
    CHECK(t.shell.ui().theme == app::Theme::Dark);

    CHECK_FALSE(t.shell.take_fonts_dirty());
    REQUIRE(t.ui.click("###settings"));
    REQUIRE(t.ui.click("###font_larger"));
    CHECK(t.shell.ui().font_scale == Approx(1.0f + app::kFontScaleStep));
    CHECK(t.shell.take_fonts_dirty());
    CHECK_FALSE(t.shell.take_fonts_dirty());

    t.shell.commands().push(app::SetFontScale{100.0f});
    t.ui.frame();
    CHECK(t.shell.ui().font_scale == Approx(app::kMaxFontScale));
}

TEST_CASE("a broken scenario file shows its errors instead of crashing", "[ui][shell][scenario]") {
    const auto path = std::filesystem::temp_directory_path() / "npsim_ui_broken_scenario.json";
    std::ofstream(path) << "{ \"schema_version\": 1, \"id\": ";
    ShellUnderTest t("en");
    CHECK_FALSE(t.shell.load_scenario(path.string()));
    CHECK_FALSE(t.shell.scenario().errors.empty());
    t.ui.frames(3);
    CHECK(t.ui.shows("The scenario could not be loaded"));
    CHECK(t.ui.shows("No scenario loaded"));
    CHECK_FALSE(t.ui.find("###pause")->enabled);
    CHECK(t.ui.click("###retry"));  // still broken: still errors, still no crash
    CHECK(t.shell.simulation() == nullptr);
    std::filesystem::remove(path);
}

TEST_CASE("the shipped scenario loads and starts its clock", "[ui][shell][scenario]") {
    ShellUnderTest t("en");
    REQUIRE(t.shell.load_scenario(NPSIM_TEST_SCENARIO_DIR "/full-journey.json"));
    t.ui.frames(2);
    CHECK(t.shell.scenario().errors.empty());
    CHECK(t.shell.simulation()->now() == 0);
}

TEST_CASE("every registered screen can be shown by its name", "[ui][screens]") {
    ShellUnderTest t("en");
    REQUIRE_FALSE(app::screens().empty());
    CHECK(app::screens().front().name == std::string("shell"));
    for (const app::ScreenSpec& screen : app::screens()) {
        CHECK(t.shell.show_screen(screen.name));
        t.ui.frame();
        CHECK(t.shell.ui().screen == screen.name);
    }
    CHECK_FALSE(t.shell.show_screen("no.such.screen"));
}

TEST_CASE("sleeping as long as the shell allows lands on each next minute", "[ui][shell][time]") {
    // The app loop sleeps for wait_seconds() and then advances by the wall time that passed.
    ShellUnderTest t("en");
    REQUIRE_FALSE(t.shell.simulation()->next_event_time().has_value());  // an empty world: nothing due
    for (int minute = 1; minute <= 3; ++minute) {
        const auto sleep = t.shell.wait_seconds();
        REQUIRE(sleep.has_value());
        CHECK(*sleep == Approx(60.0));
        t.shell.advance(*sleep);
        CHECK(t.now() == minute * sim::kMinute);
    }
    t.shell.commands().push(app::Pause{});
    t.shell.apply_commands();
    CHECK_FALSE(t.shell.wait_seconds().has_value());  // paused: sleep until input
}

TEST_CASE("the scenario library is read by a command between frames, never while the overview draws",
          "[ui][shell][overview]") {
    ShellUnderTest t("en");
    REQUIRE(t.shell.show_screen("scenario.overview"));
    REQUIRE_FALSE(t.shell.view_state().scenario.library_scanned);
    // Drawing alone only asks for the scan: the state is untouched until the commands are applied.
    t.ui.set_between_frames([] {});
    t.ui.frame();
    CHECK_FALSE(t.shell.view_state().scenario.library_scanned);
    REQUIRE_FALSE(t.shell.commands().empty());
    bool asked = false;
    for (const app::Command& c : t.shell.commands().take_all())
        asked = asked || std::holds_alternative<app::ScanLibrary>(c);
    CHECK(asked);
    // Applied between frames: the result is cached in the view state, and the next frame does not ask again.
    t.shell.commands().push(app::ScanLibrary{});
    t.shell.apply_commands();
    CHECK(t.shell.view_state().scenario.library_scanned);
    t.ui.frame();
    for (const app::Command& c : t.shell.commands().take_all())
        CHECK_FALSE(std::holds_alternative<app::ScanLibrary>(c));
}

TEST_CASE("the instructor console opens and closes through commands (F9, --instructor-advanced)",
          "[ui][shell][instructor]") {
    ShellUnderTest t("en");
    REQUIRE_FALSE(t.shell.view_state().instructor.open);
    t.shell.commands().push(app::ToggleInstructorConsole{});
    t.shell.apply_commands();
    CHECK(t.shell.view_state().instructor.open);
    t.shell.commands().push(app::ToggleInstructorConsole{});
    t.shell.apply_commands();
    CHECK_FALSE(t.shell.view_state().instructor.open);
    t.shell.commands().push(app::OpenInstructorConsole{true});
    t.shell.apply_commands();
    CHECK(t.shell.view_state().instructor.open);
    CHECK(t.shell.view_state().instructor.advanced);
}
