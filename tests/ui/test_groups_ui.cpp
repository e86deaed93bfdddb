// tests/ui/test_groups_ui.cpp — Teams & groups > Active teams & groups clicked through headless, in de and
// en, on scenario c31 (kleingarten-lindenhof.de, no list yet; C29 itself starts with the list): the
// "Add a distribution list" pane creates the list with its members (outside senders off, the default), a
// second list on the same address shows the simulation's error, and the list's pane allows outside
// senders (the C29 fix), which the table then says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "app/ui/shell.hpp"
#include "sim/domains.hpp"
#include "support/app_loop.hpp"
#include "support/scenario_ui.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kGrpInfo = "info@kleingarten-lindenhof.de";

struct GroupsUi : app::test::ScenarioUi {
    // c31: the same domain and people, no list yet (c29 starts with info@ as the list the board set up).
    explicit GroupsUi(const std::string& lang) : ScenarioUi("c31-send-as-not-yet-replicated.json", lang) {}
    // Adds "Info" (address suggested from the name) with the first two people ticked.
    void add_info() {
        click("###dl_add");
        fill("###dl_name", "Info");
        CHECK(shell.view_state().admin.dl_user == "info");
        click("###dl_member_0");
        click("###dl_member_1");
        click("###dl_save");
        settle();
    }
};

}  // namespace

TEST_CASE("Active teams & groups: add a distribution list through its pane", "[ui][groups]") {
    for (const char* lang : {"de", "en"}) {
        GroupsUi t(lang);
        t.show("admin.groups.active");
        CHECK(t.ui.shows(t.text("admin.nav.active_groups")));
        CHECK(t.ui.shows(t.text("admin.groups.none")));
        REQUIRE(sim::find_distribution_list(t.world(), kGrpInfo) == nullptr);
        t.add_info();
        const sim::DistributionList* list = sim::find_distribution_list(t.world(), kGrpInfo);
        REQUIRE(list != nullptr);
        CHECK(list->display_name == "Info");
        CHECK(list->members.size() == 2);
        CHECK_FALSE(list->allow_external);  // the default: outside senders get 5.7.133 (C29)
        t.click("###dl_close");
        CHECK(t.ui.shows(kGrpInfo));
        CHECK(t.ui.shows(t.text("admin.groups.no")));

        // The other tabs are not simulated: a muted line, no table.
        t.click("###groups_tab_2");
        CHECK(t.ui.shows(t.text("admin.groups.not_simulated")));
        CHECK_FALSE(t.ui.shows(kGrpInfo));
    }
}

TEST_CASE("Active teams & groups: a taken address shows the simulation's error", "[ui][groups]") {
    for (const char* lang : {"de", "en"}) {
        GroupsUi t(lang);
        t.show("admin.groups.active");
        t.add_info();
        REQUIRE(t.world().domains.distribution_lists.size() == 1);
        t.click("###dl_close");
        t.add_info();
        CHECK(t.world().domains.distribution_lists.size() == 1);
        const std::string taken = t.text("error.mailboxes.address_taken");
        const std::string expected = taken.substr(0, taken.find("{address}")) + kGrpInfo;
        const auto& items = t.ui.items();
        CHECK(std::any_of(items.begin(), items.end(), [&](const auto& i) {
            return app::test::UiDriver::visible_part(i.label).rfind(expected, 0) == 0;
        }));
    }
}

TEST_CASE("Active teams & groups: the list's pane allows outside senders (C29)", "[ui][groups]") {
    for (const char* lang : {"de", "en"}) {
        GroupsUi t(lang);
        t.show("admin.groups.active");
        t.add_info();
        t.click("###dl_close");
        t.click("###dl_row_0");
        REQUIRE(t.shell.view_state().admin.dl_pane == kGrpInfo);
        CHECK(t.ui.shows(t.text("admin.groups.allow_external")));
        t.click("###dl_pane_external");
        t.click("###dl_pane_save");
        t.settle();
        const sim::DistributionList* list = sim::find_distribution_list(t.world(), kGrpInfo);
        REQUIRE(list != nullptr);
        CHECK(list->allow_external);
        CHECK(t.ui.shows(t.text("admin.groups.yes")));
        // And back: untick, save, blocked again.
        t.click("###dl_pane_external");
        t.click("###dl_pane_save");
        t.settle();
        CHECK_FALSE(sim::find_distribution_list(t.world(), kGrpInfo)->allow_external);
    }
}
