// tests/ui/test_human_words.cpp — the instructor console and the session viewer speak in words: every
// result code has a short name in English and German, and the console (window and page), with rules,
// a waiting "fail next", a failed call and a fault in its journal, shows no raw operation or error id
// in its visible text (raw ids live in tooltips, for testers).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "app/ui/shell.hpp"
#include "sim/i18n.hpp"
#include "sim/registry.hpp"
#include "sim/solution.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

const std::string kHumanJourney = NPSIM_TEST_SCENARIO_DIR "/full-journey.json";

sim::Strings hw_strings(const std::string& lang) {
    return sim::Strings::load(NPSIM_TEST_ASSET_DIR "/i18n", lang);
}

// The ids an instructor must never read: every operation type and every dotted result code.
std::set<std::string> hw_raw_ids() {
    std::set<std::string> ids;
    for (const auto& [type, spec] : sim::journey_registry().actions) ids.insert(type);
    for (const std::string& code : sim::known_result_codes(sim::journey_registry()))
        if (code.find('.') != std::string::npos) ids.insert(code);
    return ids;
}

// Every visible text of the last frame that contains a raw id, as "text [id]".
std::vector<std::string> hw_raw_texts(const app::test::UiDriver& ui, const std::string& window_part) {
    static const std::set<std::string> ids = hw_raw_ids();
    std::vector<std::string> found;
    for (const app::widgets::ItemInfo& item : ui.items()) {
        if (!window_part.empty() && item.window.find(window_part) == std::string::npos) continue;
        const std::string text = app::test::UiDriver::visible_part(item.label);
        for (const std::string& id : ids)
            if (text.find(id) != std::string::npos) found.push_back(text + " [" + id + "]");
    }
    return found;
}

struct HumanConsole {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    explicit HumanConsole(const std::string& lang)
        : ui(ImVec2(1400, 2200)), shell(app::test::shell_options(lang)) {
        app::test::wire_like_the_app(ui, shell);
        shell.commands().push(app::StartScenario{kHumanJourney, app::TrainingMode::Guided, lang});
        shell.view_state().instructor.open = true;
        shell.view_state().instructor.advanced = true;
        ui.frames(2);
    }
    void pick(const std::string& combo, const std::string& item) {
        INFO(combo << " → " << item);
        REQUIRE(ui.click(combo));
        ui.frame();
        REQUIRE(ui.click(item));
        ui.frame();
    }
    // The trainee's own licence assignment (the reference solution's call).
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

}  // namespace

TEST_CASE("every result code has a short name in English and German", "[ui][i18n][human]") {
    const std::vector<std::string> codes = sim::known_result_codes(sim::journey_registry());
    REQUIRE(codes.size() > 20);
    for (const char* lang : {"en", "de"}) {
        const sim::Strings text = hw_strings(lang);
        for (const std::string& code : codes) {
            INFO(lang << ": errname." << code);
            REQUIRE(text.has("errname." + code));
            const std::string name = text.get("errname." + code);
            CHECK_FALSE(name.empty());
            CHECK(name != code);
            CHECK(name.size() <= 40);  // short enough for a table cell
            CHECK(name.find('{') == std::string::npos);
        }
    }
    CHECK(hw_strings("de").get("errname.licences.no_seats_left") == "Keine Lizenzen mehr frei");
}

TEST_CASE("every operation has a name in English and German", "[ui][i18n][human]") {
    for (const char* lang : {"en", "de"}) {
        const sim::Strings text = hw_strings(lang);
        for (const auto& [type, spec] : sim::journey_registry().actions) {
            INFO(lang << ": " << spec.debrief_key);
            CHECK(text.has(spec.debrief_key));
        }
    }
}

TEST_CASE("the instructor console shows no raw id in its visible text", "[ui][instructor][human]") {
    for (const char* lang : {"en", "de"}) {
        INFO(lang);
        HumanConsole t(lang);
        const sim::Strings& text = t.shell.strings();

        // Nothing yet: the rules, checkpoints and journal say so in words.
        CHECK(t.ui.shows(text.get("scenario.console.no_rules")));
        CHECK(t.ui.shows(text.get("scenario.instructor.no_checkpoints")));

        // A rule from the form (its operation and error chosen by name), one over an area, and a
        // "fail next" that waits for the trainee's licence assignment.
        t.pick("###rule_operation", "###rule_op_billing.place_order");
        t.pick("###rule_error", "###rule_err_service.unavailable");
        REQUIRE(t.ui.click("###rule_add"));
        t.ui.frame();
        t.pick("###rule_operation", "###rule_op_licences.*");
        t.pick("###rule_error", "###rule_err_licences.unknown_user");
        REQUIRE(t.ui.click("###rule_add"));
        t.ui.frame();
        REQUIRE(t.shell.simulation()->faults().rules().size() == 2);
        const auto& rules = t.shell.simulation()->faults().rules();
        CHECK(std::any_of(rules.begin(), rules.end(),
                          [](const sim::FaultRule& r) { return r.operation == "licences.*"; }));
        t.pick("###fail_operation", "###op_licences.assign");
        t.pick("###fail_error", "###err_licences.no_seats_left");
        REQUIRE(t.ui.click("###fail_next_apply"));
        t.ui.frame();
        CHECK(t.ui.shows(text.get("scenario.console.fired_none")));  // not "0 of 0"
        CHECK(t.ui.shows(text.format("scenario.instructor.op_area",
                                     {{"area", text.get("scenario.instructor.area.licences")}})));
        CHECK(t.ui.shows(text.format("scenario.instructor.waiting",
                                     {{"operation", text.get("debrief.op.licences.assign")},
                                      {"error", text.get("errname.licences.no_seats_left")}})));

        // A checkpoint, then the trainee's call fails and the journal tells it.
        REQUIRE(t.ui.click("###checkpoint_name"));
        t.ui.type("vor-dem-kauf");
        REQUIRE(t.ui.click("###checkpoint_save"));
        t.ui.frame();
        t.assign_licence();
        REQUIRE(t.ui.click("###jump_hour"));
        t.ui.frames(2);
        CHECK(t.ui.shows(text.format("scenario.instructor.j_failed",
                                     {{"name", text.get("debrief.op.licences.assign")},
                                      {"code", text.get("errname.licences.no_seats_left")}})));

        // The floating window, then the console page: no raw id anywhere in the visible text (the
        // ids looked for include the ones the issue found, and the window did draw its texts).
        const std::set<std::string> ids = hw_raw_ids();
        CHECK(ids.count("billing.place_order") == 1);
        CHECK(ids.count("service.unavailable") == 1);
        CHECK(ids.count("fault.custom") == 1);
        CHECK(std::count_if(t.ui.items().begin(), t.ui.items().end(), [](const app::widgets::ItemInfo& i) {
                  return i.window.find("instructor_console") != std::string::npos;
              }) > 30);
        CHECK(hw_raw_texts(t.ui, "instructor_console") == std::vector<std::string>{});
        t.shell.commands().push(app::Navigate{"scenario.console"});
        t.ui.frames(2);
        CHECK(t.ui.shows(text.get("scenario.instructor.checkpoints")));
        CHECK(hw_raw_texts(t.ui, "") == std::vector<std::string>{});
    }
}

TEST_CASE("the checkpoints are called in an instructor's words, not a debugger's", "[ui][i18n][human]") {
    const sim::Strings de = hw_strings("de");
    CHECK(de.get("scenario.instructor.checkpoints") == "Zwischenstände");
    CHECK(de.get("debrief.op.instructor.checkpoint") == "Trainingsleitung: Zwischenstand speichern");
    for (const std::string& key : de.keys()) {
        INFO(key);
        CHECK(de.get(key).find("Haltepunkt") == std::string::npos);
    }
}
