// tests/ui/test_reports_usage_ui.cpp — Reports > Usage / Berichte > Verwendung (issue 15 item 3;
// domain-admin.md §2.3), walked as a trainee clicks: the left nav to the page, the period picker, the
// grant's percent against the 85 % rule, "View more" to the Active users report with concealed names, the
// Reports pane of Settings > Org settings > Services to show the real names; and My Account without the
// desktop install while the subscription is Disabled (C21), with it while Expired. The chart's layout rules
// (app/ui/chart.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/chart.hpp"
#include "app/ui/shell.hpp"
#include "sim/ops.hpp"
#include "sim/usage.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

using app::test::UiDriver;

namespace {

// Six people hold the Business Basic grant; Karl left the association: 5 of 6 active (83.3 %).
constexpr const char* kRuFixture = "/usage/usage-reports.json";
constexpr const char* kRuDomain = "@tsv-lindenhof.onmicrosoft.com";

struct UsageUi {
    UiDriver ui{ImVec2(1400, 1000)};
    app::Shell shell;

    UsageUi(const std::string& path, const std::string& lang) : shell(app::test::shell_options(lang)) {
        REQUIRE(shell.load_scenario(path));
        app::test::run_like_the_app(ui, shell);
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
        ui.frames(2);
    }
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
};

std::string ru_fixture() {
    return std::string(NPSIM_TEST_DATA_DIR) + kRuFixture;
}

}  // namespace

TEST_CASE("Berichte > Verwendung: the period picker, the chart and the grant's percent against 85 %",
          "[ui][usage]") {
    UsageUi t(ru_fixture(), "de");
    t.show("admin.home");
    t.click("###nav_reports_usage");
    CHECK(t.shell.ui().screen == "admin.reports.usage");
    CHECK(t.ui.shows("Verwendung"));
    CHECK(t.ui.shows("Aktive Benutzer – Microsoft 365-Dienste"));
    REQUIRE(t.ui.find("###usage_chart") != nullptr);
    REQUIRE(t.ui.find("###usage_grant_meter") != nullptr);

    // The grant: 6 assigned, 5 active, 1 inactive — 83,3 % is below the 85 % rule.
    const sim::GrantUtilisation g = sim::grant_utilisation(t.world(), t.shell.simulation()->now());
    CHECK(g.assigned == 6);
    CHECK(g.active == 5);
    CHECK(g.below());
    CHECK(t.ui.shows("Zugewiesen: 6 · Aktiv: 5 · Inaktiv: 1"));
    CHECK(t.ui.shows("83,3 % aktiv in den letzten 90 Tagen: unter den geforderten 85 %."));

    // The period: 30 days by default; 7 and 180 days change the card and keep the chart.
    CHECK(t.ui.shows("5 aktive Benutzer in den letzten 30 Tagen"));
    t.click("###usage_period_7");
    CHECK(t.shell.view_state().admin.usage_days == 7);
    CHECK(t.ui.shows("4 aktive Benutzer in den letzten 7 Tagen"));  // Lea uses it only now and then
    CHECK(t.ui.find("###usage_chart") != nullptr);
    // The mouse on the chart: the tooltip names a day and its count.
    t.click("###usage_chart");
    bool tooltip = false;
    for (const auto& item : t.ui.items()) tooltip = tooltip || item.label.rfind("Aktive Benutzer: ", 0) == 0;
    CHECK(tooltip);
    t.click("###usage_period_180");
    CHECK(t.ui.shows("6 aktive Benutzer in den letzten 180 Tagen"));  // Karl, 120 days ago
    CHECK(t.ui.find("###usage_chart") != nullptr);

    // The fix is one click away.
    t.click("###usage_licences");
    CHECK(t.shell.ui().screen == "admin.billing.licenses");
}

TEST_CASE("Active users report: concealed ids until the Reports setting shows the names", "[ui][usage]") {
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        UsageUi t(ru_fixture(), lang);
        const std::string paul = std::string("paul") + kRuDomain;
        t.show("admin.reports.usage");
        t.click("###usage_view_more");
        CHECK(t.shell.ui().screen == "admin.reports.usage.active");
        REQUIRE(sim::reports_names_concealed(t.world()));
        const std::string token = sim::report_user_name(t.world(), paul);
        CHECK(token.size() == 32);
        CHECK(t.ui.shows(token));
        CHECK_FALSE(t.ui.shows(paul));
        CHECK(t.ui.shows(t.text("admin.usage.concealed_hint")));
        CHECK(t.ui.shows(t.text("admin.usage.col.last_activity")));

        // Settings > Org settings > Services > Reports: untick, save.
        if (std::string(lang) == "de") {
            t.click("###usage_reports_settings");  // the hint's link
        } else {
            t.click("###nav_org_settings");
            CHECK(t.shell.ui().screen == "admin.settings.org_settings");
            t.click("###org_service_reports");
        }
        CHECK(t.shell.ui().screen == "admin.settings.org_reports");
        CHECK(t.ui.shows(t.text("admin.org.conceal_names")));
        REQUIRE(t.ui.find("###org_reports_save") != nullptr);
        CHECK_FALSE(t.ui.find("###org_reports_save")->enabled);  // nothing changed yet
        t.click("###org_concealed_names");
        t.click("###org_reports_save");
        t.settle();
        CHECK_FALSE(sim::reports_names_concealed(t.world()));
        CHECK(t.ui.shows(t.text("admin.org.names_now_shown")));

        t.show("admin.reports.usage.active");
        CHECK(t.ui.shows(paul));
        CHECK_FALSE(t.ui.shows(token));
        CHECK_FALSE(t.ui.shows(t.text("admin.usage.concealed_hint")));
    }
}

TEST_CASE("My Account: no desktop install from a Disabled subscription, \"Nicht lizenziertes Produkt\"",
          "[ui][usage][subscriptions]") {
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        UsageUi t(std::string(NPSIM_TEST_SCENARIO_DIR) + "/c21-subscription-expired.json", lang);
        const std::string paul = "paul@foerderkreis-lindenhof.onmicrosoft.com";
        t.shell.commands().push(app::SetAccountUser{paul});
        t.show("myaccount.apps");
        CHECK(t.ui.find("###install_office") == nullptr);
        CHECK(t.ui.shows(t.text("myaccount.apps.unlicensed_status")));
        CHECK(t.ui.shows(std::string(lang) == "de" ? "Nicht lizenziertes Produkt" : "Unlicensed Product"));

        // Reactivated, the same licence works again and offers the install.
        t.shell.commands().push(app::SubmitAction{
            sim::ops::reactivate_subscription("martina@foerderkreis-lindenhof.onmicrosoft.com", "standard"),
            ""});
        t.ui.frame();
        t.settle();
        t.show("myaccount.apps");
        CHECK(t.ui.find("###install_office") != nullptr);
        CHECK_FALSE(t.ui.shows(t.text("myaccount.apps.unlicensed_status")));
    }
}

TEST_CASE("Chart layout rules: axis steps, thinned day labels, the point under the mouse", "[ui][chart]") {
    using app::chart::ChartKind;
    CHECK(app::chart::axis_step(17.0, 4, true) == 5.0);
    CHECK(app::chart::axis_step(3.0, 4, true) == 1.0);  // whole numbers: never a step below 1
    CHECK(app::chart::axis_step(0.3, 4, false) == Approx(0.1));
    CHECK(app::chart::axis_step(180.0, 4, true) == 50.0);
    CHECK(app::chart::label_step(50.0f, 10.0f) == 5);
    CHECK(app::chart::label_step(40.0f, 100.0f) == 1);
    CHECK(app::chart::point_at(0.0f, 0.0f, 100.0f, 11, ChartKind::Line) == 0);
    CHECK(app::chart::point_at(96.0f, 0.0f, 100.0f, 11, ChartKind::Line) == 10);
    CHECK(app::chart::point_at(55.0f, 0.0f, 100.0f, 10, ChartKind::Columns) == 5);
    CHECK(app::chart::point_at(101.0f, 0.0f, 100.0f, 10, ChartKind::Columns) == -1);
}

TEST_CASE("My Account: an Expired subscription still gives the desktop install, with the date it stops",
          "[ui][usage][subscriptions]") {
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        UsageUi t(std::string(NPSIM_TEST_DATA_DIR) + "/usage/expired-subscription.json", lang);
        t.shell.commands().push(app::SetAccountUser{"paul@foerderkreis-lindenhof.onmicrosoft.com"});
        t.show("myaccount.apps");
        CHECK(t.ui.find("###install_office") != nullptr);
        CHECK_FALSE(t.ui.shows(t.text("myaccount.apps.unlicensed_status")));
        bool note = false;
        const std::string start =
            std::string(lang) == "de" ? "Das Abonnement Ihrer Organisation" : "Your organization's";
        for (const auto& item : t.ui.items())
            note = note || (item.label.rfind(start, 0) == 0 &&
                            item.label.find(std::string(lang) == "de" ? "abgelaufen" : "expired") !=
                                std::string::npos);
        CHECK(note);
    }
}
