// tests/ui/test_tenants_ui.cpp — the portal's Validated tenant / Validierter Mandant page, headless in
// German (scenario c09-two-tenants, sim/tenants.hpp, C9): it names the tenant that holds the status and
// warns that it is another one; under the newer guidance "Kontakt: Status übertragen" gets Microsoft's
// refusal, and "Status auslaufen lassen" gives the other tenant's status up so this one can register.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

// Whether a drawn text contains `part` (the page's notes are long wrapped texts).
bool tn_shows_part(const app::test::UiDriver& ui, const std::string& part) {
    for (const auto& item : ui.items())
        if (app::test::UiDriver::visible_part(item.label).find(part) != std::string::npos) return true;
    return false;
}

// The code of the last result of `type` in the journal ("" while none).
std::string tn_last_result(app::Shell& shell, const std::string& type) {
    std::string code;
    for (const sim::JournalEntry& e : shell.simulation()->journal().entries())
        if (e.kind == "result" && e.body.value("type", "") == type) code = e.body["result"].value("code", "");
    return code;
}

}  // namespace

TEST_CASE("Validierter Mandant: another tenant holds the status, the move is refused, the lapse works",
          "[ui][portal][tenants]") {
    app::test::UiDriver ui(ImVec2(1400, 2000));
    app::Shell shell({NPSIM_TEST_ASSET_DIR, "de"});
    REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/c09-two-tenants.json"));
    app::test::run_like_the_app(ui, shell);
    REQUIRE(shell.show_screen("portal.tenant"));
    ui.frames(3);
    CHECK(ui.shows("Validierter Mandant"));
    CHECK(ui.shows("kvlindenau.onmicrosoft.com"));
    CHECK(tn_shows_part(
        ui, "Der Nonprofit-Status Ihrer Organisation ist mit kvlindenau.onmicrosoft.com verknüpft"));
    const sim::World& w = shell.simulation()->world();
    REQUIRE(w.tenants.others.size() == 1);
    REQUIRE(w.tenants.others.front().validated);

    // Newer guidance (the scenario's policy): Microsoft does not move the status.
    REQUIRE(ui.click("###tenant_request_move"));
    for (int i = 0; i < 10 && tn_last_result(shell, "tenants.request_status_move").empty(); ++i)
        ui.frames(10);
    CHECK(tn_last_result(shell, "tenants.request_status_move") == "tenants.move_not_supported");
    ui.frames(2);
    CHECK(tn_shows_part(ui, "Pro Organisation ist nur ein Mandant berechtigt"));  // its German text
    CHECK(w.tenants.move.status.empty());
    CHECK(w.tenants.others.front().validated);

    REQUIRE(ui.click("###tenant_release"));
    for (int i = 0; i < 10 && w.tenants.others.front().validated; ++i) ui.frames(10);
    CHECK_FALSE(w.tenants.others.front().validated);
    ui.frames(2);
    CHECK(ui.find("###tenant_register") != nullptr);  // no tenant holds the status: register this one
    REQUIRE(ui.click("###tenant_register"));
    ui.frames(2);
    CHECK(shell.ui().screen == "portal.registration");
}
