// tests/ui/test_roles_ui.cpp — issue 14 item 3, Roles > Role assignments / Rollen > Rollenzuweisungen
// (domain-admin.md §3.4) clicked through headless on the shipped scenario second-global-admin: the page
// lists the roles with their holders and Microsoft's 2-to-4 hint; User Administrator is assigned to Jonas
// through Add users and removed again; removing the last Global Administrator shows the real refusal; a
// role error elsewhere (a shared mailbox added without the Exchange Administrator role) links to the page.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/shell.hpp"
#include "sim/roles.hpp"
#include "support/scenario_ui.hpp"

namespace {

constexpr const char* kRuThomas = "thomas@fvsonnenberg.onmicrosoft.com";
constexpr const char* kRuJonas = "jonas@fvsonnenberg.onmicrosoft.com";

struct RolesUi : app::test::ScenarioUi {
    explicit RolesUi(const std::string& lang) : ScenarioUi("second-global-admin.json", lang) {
        REQUIRE(shell.ui().work_account == kRuThomas);
    }
    bool shows_part(const std::string& part) const {
        for (const auto& it : ui.items())
            if (it.label.find(part) != std::string::npos) return true;
        return false;
    }
    bool holds(const char* upn, sim::Role r) const {
        const sim::Person* p = world().find_person(upn);
        REQUIRE(p != nullptr);
        return p->has_role(r);
    }
    // A role's pane on its Assigned tab, from a fresh page.
    void open_assigned(const std::string& role) {
        show("admin.roles");
        click("###role_row_" + role);
        REQUIRE(shell.view_state().admin.role_pane == role);
        click("###role_tab_1");
    }
};

}  // namespace

TEST_CASE("Role assignments: the roles with their real names, holders and the 2-to-4 hint", "[ui][roles]") {
    for (const char* lang : {"de", "en"}) {
        RolesUi t(lang);
        t.show("admin.roles");
        CHECK(t.ui.shows(t.text("admin.nav.role_assignments")));
        CHECK(t.ui.find("###nav_role_assignments") != nullptr);
        for (const char* role : {"global_admin", "billing_admin", "license_admin", "user_admin",
                                 "exchange_admin", "teams_admin", "domain_name_admin"})
            CHECK(t.ui.find(std::string("###role_row_") + role) != nullptr);
        CHECK(t.shows_part(lang == std::string("de") ? "Globaler Administrator" : "Global Administrator"));
        // One Global Administrator: Microsoft's recommendation shows.
        CHECK(t.shows_part(lang == std::string("de") ? "Microsoft empfiehlt 2 bis 4 globale Administratoren"
                                                     : "Microsoft recommends 2 to 4 Global Administrators"));
        // The Exchange tab lists the Exchange Administrator only.
        t.click("###roles_tab_1");
        CHECK(t.ui.find("###role_row_exchange_admin") != nullptr);
        CHECK(t.ui.find("###role_row_global_admin") == nullptr);
        // A role's General tab says what it can do.
        t.click("###roles_tab_0");
        t.click("###role_row_user_admin");
        CHECK(t.ui.shows(t.text("admin.roles.can_do")));
        CHECK(t.ui.shows(t.text("admin.roles.desc.user_admin")));
    }
}

TEST_CASE("Role assignments: assign User Administrator through Add users, then remove it", "[ui][roles]") {
    for (const char* lang : {"de", "en"}) {
        RolesUi t(lang);
        t.open_assigned("user_admin");
        CHECK(t.ui.shows(t.text("admin.roles.none_assigned")));
        t.click("###role_add_users");
        t.click(std::string("###role_pick_") + kRuJonas);
        t.click("###role_add_confirm");
        t.settle();
        CHECK(t.holds(kRuJonas, sim::Role::UserAdmin));
        CHECK(t.ui.find(std::string("###role_remove_") + kRuJonas) != nullptr);
        t.click(std::string("###role_remove_") + kRuJonas);
        t.settle();
        CHECK_FALSE(t.holds(kRuJonas, sim::Role::UserAdmin));
        CHECK(t.ui.find(std::string("###role_remove_") + kRuJonas) == nullptr);
    }
}

TEST_CASE("Role assignments: the last Global Administrator can't be removed, with the real message",
          "[ui][roles]") {
    for (const char* lang : {"de", "en"}) {
        RolesUi t(lang);
        t.open_assigned("global_admin");
        t.click(std::string("###role_remove_") + kRuThomas);
        t.settle();
        CHECK(t.holds(kRuThomas, sim::Role::GlobalAdmin));
        CHECK(t.ui.shows(t.text("error.roles.last_global_admin")));
        // On the Roles page itself, no link to it.
        CHECK(t.ui.find("###open_role_assignments") == nullptr);
    }
}

TEST_CASE("A role error elsewhere links to Role assignments", "[ui][roles]") {
    for (const char* lang : {"de", "en"}) {
        RolesUi t(lang);
        // Jonas has no admin role: adding a shared mailbox needs the Exchange Administrator role.
        t.shell.commands().push(app::SetWorkAccount{kRuJonas});
        t.ui.frames(2);
        REQUIRE(t.shell.ui().work_account == kRuJonas);
        t.show("admin.groups.shared_mailboxes");
        t.click("###shared_add");
        t.fill("###shared_name", "Kasse");
        t.click("###shared_save");
        t.settle();
        CHECK(t.ui.shows(t.text("error.mailboxes.insufficient_role")));
        CHECK(t.shows_part(lang == std::string("de") ? "Rollen > Rollenzuweisungen"
                                                     : "Roles > Role assignments"));
        REQUIRE(t.ui.find("###open_role_assignments") != nullptr);
        CHECK(t.ui.shows(t.text("ui.action.open_roles")));
        t.click("###open_role_assignments");
        t.ui.frames(2);
        CHECK(t.shell.ui().screen == "admin.roles");
        CHECK(t.ui.shows(t.text("admin.nav.role_assignments")));
    }
}
