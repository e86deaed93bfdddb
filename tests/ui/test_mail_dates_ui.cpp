// tests/ui/test_mail_dates_ui.cpp — a date in a mail reads in the reader's language: the simulation writes
// "2025-11-12" into the mail's parameters, Mail shows "12. November 2025" in German and "12 Nov 2025"
// in English (scenario c22-grant-usage-warning: the 85 % warning names the day of the final check).
#include <catch2/catch.hpp>

#include <string>

#include "support/scenario_ui.hpp"
#include "support/ui_driver.hpp"

namespace {

bool md_shows_part(const app::test::UiDriver& ui, const std::string& part) {
    for (const auto& item : ui.items())
        if (app::test::UiDriver::visible_part(item.label).find(part) != std::string::npos) return true;
    return false;
}

void md_open_warning(app::test::ScenarioUi& t) {
    const sim::Person* me = t.world().find_person(t.shell.ui().mail_user);
    REQUIRE(me != nullptr);
    std::string id;
    for (const sim::Mail& m : me->inbox)
        if (m.subject_key == "mail.grant_utilisation.subject") id = m.id;
    REQUIRE_FALSE(id.empty());
    t.show("mail.inbox");
    t.click("###mail_" + id);
    t.ui.frames(2);
}

}  // namespace

TEST_CASE("a mail's date reads in the reader's language", "[ui][mail]") {
    SECTION("German") {
        app::test::ScenarioUi t("c22-grant-usage-warning.json", "de");
        md_open_warning(t);
        CHECK(md_shows_part(t.ui, "am 12. November 2025"));
        CHECK_FALSE(md_shows_part(t.ui, "2025-11-12"));
    }
    SECTION("English") {
        app::test::ScenarioUi t("c22-grant-usage-warning.json", "en");
        md_open_warning(t);
        CHECK(md_shows_part(t.ui, "on 12 Nov 2025"));
        CHECK_FALSE(md_shows_part(t.ui, "2025-11-12"));
    }
}
