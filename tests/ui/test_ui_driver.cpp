// tests/ui/test_ui_driver.cpp — the headless driver itself: clicks, typing, keys, and a self-check.
#include <catch2/catch.hpp>

#include <string>

#include <imgui.h>

#include "app/ui/widgets.hpp"
#include "support/ui_driver.hpp"

TEST_CASE("a click presses a button exactly once", "[ui][driver]") {
    app::test::UiDriver ui;
    int presses = 0;
    ui.set_gui([&] {
        ImGui::Begin("Driver test");
        if (app::widgets::button("Press me###press")) ++presses;
        ImGui::End();
    });
    REQUIRE(ui.click("Press me"));
    CHECK(presses == 1);
    ui.frames(5);
    CHECK(presses == 1);
}

TEST_CASE("typed text and keys reach the focused field", "[ui][driver]") {
    app::test::UiDriver ui;
    char name[64] = "";
    bool focus = true;
    int enters = 0;
    ui.set_gui([&] {
        ImGui::Begin("Driver test");
        if (focus) ImGui::SetKeyboardFocusHere();
        focus = false;
        if (ImGui::InputText("##name", name, sizeof name, ImGuiInputTextFlags_EnterReturnsTrue)) ++enters;
        ImGui::End();
    });
    ui.frames(2);
    ui.type("Förderverein e.V.");
    CHECK(std::string(name) == "Förderverein e.V.");
    ui.press(ImGuiKey_Enter);
    CHECK(enters == 1);
}

TEST_CASE("a click on a label that was never drawn fails", "[ui][driver][!shouldfail]") {
    // Proves the harness reports failures: this test must fail.
    app::test::UiDriver ui;
    ui.set_gui([] {
        ImGui::Begin("Driver test");
        ImGui::End();
    });
    REQUIRE(ui.click("No such button"));
}
