// tests/ui/test_teams_ui.cpp — the Teams surface clicked through headless, in de and en: as Anna (scenario
// teams-switched-off-in-licence: her Business Basic grant includes Teams, guest access on) Join or create
// a team → Create a team → From scratch → Private → name + description → Create, add a member on the
// wizard's last step, the Files tab while the group's site provisions and after, a guest through "Edit
// guest information", a channel; and the real "You're missing out!" state for a (no Teams) licence (C27)
// and for Teams switched off in a licence (C11).
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/shell.hpp"
#include "sim/teams.hpp"
#include "support/app_loop.hpp"
#include "support/scenario_ui.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kTuAnna = "anna@tsv-musterstadt.onmicrosoft.com";
constexpr const char* kTuEva = "eva@tsv-musterstadt.onmicrosoft.com";
constexpr const char* kTuTom = "tom@tsv-musterstadt.onmicrosoft.com";

struct TeamsUi : app::test::ScenarioUi {
    TeamsUi(const std::string& scenario, const std::string& lang) : ScenarioUi(scenario, lang) {}
    void as(const std::string& upn) {
        shell.commands().push(app::SetMailUser{upn});
        shell.apply_commands();
        ui.frames(3);
    }
    const sim::Team* team(const std::string& name) const { return sim::find_team(world(), name); }
};

}  // namespace

TEST_CASE("Teams: create a team from scratch, add a member, a guest and a channel — Files waits for the site",
          "[ui][teams]") {
    for (const char* lang : {"de", "en"}) {
        TeamsUi t("teams-switched-off-in-licence.json", lang);
        t.show("teams.list");
        t.as(kTuAnna);
        CHECK(t.ui.shows(t.text("teams.list.none")));
        t.click("###tm_join_or_create");
        CHECK(t.shell.ui().screen == "teams.create");
        t.click("###tm_from_scratch");
        CHECK(t.ui.shows(t.text("teams.create.kind_question")));
        t.click("###tm_privacy_private");
        t.fill("###tm_name", "Vorstand");
        t.fill("###tm_description", "Der Vorstand");
        t.click("###tm_create");
        t.settle();
        const sim::Team* created = t.team("Vorstand");
        REQUIRE(created != nullptr);
        CHECK(created->privacy == "private");
        CHECK(created->is_owner(kTuAnna));
        // The wizard's last step: add members, or Skip.
        CHECK(t.ui.shows(t.text("teams.create.skip")));
        t.fill("###tm_wizard_member", kTuEva);
        t.click("###tm_wizard_add");
        t.settle();
        CHECK(t.team("Vorstand")->member(kTuEva) != nullptr);
        t.click("###tm_wizard_done");
        CHECK(t.shell.ui().screen == "teams.team");
        // Files: the group's SharePoint site is still being provisioned.
        t.click("###tm_tab_files");
        if (!t.team("Vorstand")->provisioned()) {
            CHECK(t.ui.shows(t.text("teams.files.setting_up")));
            for (int i = 0; i < 10 && !t.team("Vorstand")->provisioned(); ++i) t.click("###skip");
            t.ui.frames(3);
        }
        REQUIRE(t.team("Vorstand")->provisioned());
        CHECK_FALSE(t.ui.shows(t.text("teams.files.setting_up")));
        CHECK(t.ui.shows(t.text("teams.files.empty")));
        // Members: a guest by e-mail, with Edit guest information.
        t.click("###tm_tab_members");
        t.click("###tm_add_member");
        t.fill("###tm_add_who", "kassenpruefer@example.org");
        t.click("###tm_edit_guest");
        t.fill("###tm_guest_name", "Karl Prüfer");
        t.click("###tm_add_submit");
        t.settle();
        REQUIRE(t.team("Vorstand")->guests.size() == 1);
        CHECK(t.team("Vorstand")->guests[0].display_name == "Karl Prüfer");
        CHECK(t.ui.shows(t.text("teams.role.guest")));
        // A channel.
        t.click("###tm_add_channel");
        t.fill("###tm_channel_name", "Kasse");
        t.click("###tm_channel_add");
        t.settle();
        CHECK(t.team("Vorstand")->channels == std::vector<std::string>{"General", "Kasse"});
        CHECK(t.ui.shows(t.text("teams.channel.general")));
    }
}

TEST_CASE("Teams: without a Teams licence or with Teams switched off, the real 'ask your admin' state",
          "[ui][teams]") {
    for (const char* lang : {"de", "en"}) {
        {
            TeamsUi t("c27-no-teams-sku.json", lang);  // Business Basic EEA (no Teams)
            t.show("teams.list");
            t.as(kTuEva);
            CHECK(t.ui.shows(t.text("teams.missing_out.title")));
            CHECK(t.ui.shows(t.shell.strings().format("teams.missing_out.text",
                                                      {{"organization", "TSV Musterstadt e.V."}})));
            CHECK_FALSE(t.ui.click("###tm_join_or_create"));
        }
        {
            TeamsUi t("teams-switched-off-in-licence.json", lang);  // Teams off in Tom's licence (C11)
            t.show("teams.list");
            t.as(kTuTom);
            CHECK(t.ui.shows(t.text("teams.missing_out.title")));
            t.as(kTuAnna);
            CHECK_FALSE(t.ui.shows(t.text("teams.missing_out.title")));
        }
    }
}
