// tests/support/scenario_ui.hpp — a shell on one shipped scenario, driven headless the way a trainee
// clicks: show a screen, click an item, fill a field, skip time until the pending answers arrive.
// UI tests of an area derive their fixture from it and add the area's own steps.
#pragma once

#include <string>

#include <imgui.h>
#include <catch2/catch.hpp>

#include "app/ui/shell.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace app::test {

struct ScenarioUi {
    UiDriver ui{ImVec2(1400, 1200)};
    Shell shell;

    // `scenario`: a file name in the source tree's scenarios/.
    ScenarioUi(const std::string& scenario, const std::string& lang) : shell(shell_options(lang)) {
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + scenario));
        run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    const std::string& text(const char* key) const { return shell.strings().get(key); }
    void show(const std::string& screen) {
        REQUIRE(shell.show_screen(screen));
        ui.frames(3);
    }
    void click(const std::string& id) {
        INFO("click " << id);
        REQUIRE(ui.click(id));
        ui.frame();
    }
    // Click into the field, select all, type `value`.
    void fill(const std::string& id, const std::string& value) {
        REQUIRE(ui.click(id));
        ui.press(ImGuiKey_A, true);
        ui.type(value);
        ui.frame();
    }
    // "Skip to next event" until no action waits for its answer (at most 20 times).
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
};

}  // namespace app::test
