// tests/ui/test_reverification_ui.cpp — the portal's lapsed re-verification, headless in German
// (scenario missed-reverification, sim/programme.hpp): the status page shows "Abgelaufen – erneute
// Überprüfung erforderlich" and no offers; "Erneut überprüfen" sends portal.reverify; after the approval
// the Microsoft 365 offer card is back.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

TEST_CASE("a lapsed re-verification: status, no offers, Erneut überprüfen brings them back", "[ui][portal]") {
    app::test::UiDriver ui(ImVec2(1400, 2000));
    app::Shell shell({NPSIM_TEST_ASSET_DIR, "de"});
    REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/missed-reverification.json"));
    app::test::run_like_the_app(ui, shell);
    REQUIRE(ui.click("###skip"));  // the start's catch-up at 09:00: reminder, due date, lapse
    ui.frames(2);
    REQUIRE(shell.simulation()->world().programme.lapsed);
    REQUIRE(shell.show_screen("portal.status"));
    ui.frames(3);
    CHECK(ui.shows("Abgelaufen – erneute Überprüfung erforderlich"));
    CHECK(ui.shows("Die Berechtigung Ihrer Organisation ist abgelaufen"));
    REQUIRE(shell.navigate("portal.offers"));
    ui.frames(2);
    CHECK(ui.find("###offer_microsoft_365") == nullptr);
    REQUIRE(ui.click("###offers_to_status"));
    ui.frames(2);
    CHECK(shell.ui().screen == "portal.status");
    REQUIRE(ui.click("###portal.reverify"));
    for (int i = 0; i < 30 && shell.simulation()->world().organisation.status != sim::PortalStatus::Approved;
         ++i)
        REQUIRE(ui.click("###skip"));
    ui.frames(2);
    CHECK(shell.simulation()->world().organisation.status == sim::PortalStatus::Approved);
    CHECK(ui.shows("Genehmigt"));
    REQUIRE(shell.navigate("portal.offers"));
    ui.frames(2);
    CHECK(ui.find("###offer_microsoft_365") != nullptr);
}
