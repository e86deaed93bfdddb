// tests/ui/test_account_mail.cpp — My Account ("Office apps & devices") and the inbox, headless.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/shell.hpp"
#include "sim/mail.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

struct AppUi {
    app::test::UiDriver ui;
    app::Shell shell;

    AppUi(const std::string& lang, const std::string& scenario) : shell({NPSIM_TEST_ASSET_DIR, lang}) {
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + scenario));
        app::test::run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    void pick(const std::string& upn) {
        shell.view_state().instructor.quick_switch = true;  // the instructor's list (else: the sign-in page)
        REQUIRE(ui.click("###person"));
        REQUIRE(ui.click("###person_" + upn));
        ui.frames(2);
    }
};

}  // namespace

TEST_CASE("Business Basic offers the web apps only, never Install Office", "[ui][account]") {
    AppUi t("de", "business-basic-no-desktop-apps.json");
    REQUIRE(t.shell.show_screen("myaccount.apps"));
    t.pick("olga@bildungswerkmuster.onmicrosoft.com");
    CHECK(t.shell.ui().account_user == "olga@bildungswerkmuster.onmicrosoft.com");
    CHECK(t.ui.shows(
        "Ihnen wurde derzeit keine Office-Lizenz zugewiesen, die die Office-Desktop-Apps enthält"));
    CHECK(t.ui.shows("Verwenden Sie die Office-Apps im Web unter office.com."));
    CHECK(t.ui.find("###install_office") == nullptr);
}

TEST_CASE("a licence with the desktop apps shows Install Office", "[ui][account]") {
    AppUi t("en", "out-of-seats.json");
    REQUIRE(t.shell.show_screen("myaccount.apps"));
    t.pick("clara@musikschulemuster.onmicrosoft.com");
    REQUIRE(t.ui.click("###install_office"));
    t.ui.frame();
    CHECK(t.ui.shows("Simulation: the download would start now."));
    CHECK(t.shell.view_state().account.install_clicked_by == "clara@musikschulemuster.onmicrosoft.com");
}

TEST_CASE("the inbox lists the mail and opening one marks it read", "[ui][mail]") {
    for (const char* lang : {"en", "de"}) {
        AppUi t(lang, "declined-reapply.json");
        REQUIRE(t.shell.show_screen("mail.inbox"));
        t.ui.frames(2);
        const std::string& owner = t.shell.ui().mail_user;
        const auto mails = sim::inbox(t.world(), owner);
        REQUIRE_FALSE(mails.empty());
        // Find an unread mail (the prepare hook opens the newest; it is not marked read by that).
        const sim::Mail* unread = nullptr;
        for (const sim::Mail* m : mails)
            if (!m->read) unread = m;
        REQUIRE(unread != nullptr);
        const std::string id = unread->id;
        const std::string subject = t.shell.strings().format(unread->subject_key, unread->params);
        CHECK(t.ui.shows(subject));
        REQUIRE(t.ui.click("###mail_" + id));
        for (int i = 0; i < 5 && !t.shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(t.ui.click("###skip"));
        t.ui.frames(2);
        const auto after = sim::inbox(t.world(), owner);
        bool read = false;
        for (const sim::Mail* m : after)
            if (m->id == id) read = m->read;
        CHECK(read);
        CHECK(t.shell.view_state().mail.selected == id);
    }
}
