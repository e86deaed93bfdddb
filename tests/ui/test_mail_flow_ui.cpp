// tests/ui/test_mail_flow_ui.cpp — issue 13 items 4 and 5 clicked through headless, in de and en, on
// scenario c17 (tsv-musterstadt.de verified and default, its MX already at Microsoft 365, no mailbox for
// info@): the add-user wizard offers the custom domain first; Manage username and email moves a user
// to a new name and shows the old address as an alias; Teams & groups > Shared mailboxes adds info@
// through its side pane; the outside world's test mail to info@ bounces with the real NDR before that,
// and is delivered after; mail to a person arrives in their inbox.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "app/ui/shell.hpp"
#include "sim/domains.hpp"
#include "sim/mail.hpp"
#include "sim/ops.hpp"
#include "support/app_loop.hpp"
#include "support/scenario_ui.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kMfAnna = "anna@tsv-musterstadt.de";
constexpr const char* kMfBen = "ben@tsv-musterstadt.de";
constexpr const char* kMfDbeb = "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)";

struct MailFlowUi : app::test::ScenarioUi {
    explicit MailFlowUi(const std::string& lang) : ScenarioUi("c17-mail-lost-after-mx-switch.json", lang) {
        REQUIRE(shell.ui().work_account == kMfAnna);
    }
    void send_test(const std::string& to) {
        show("mail.outside");
        fill("###outside_to", to);
        click("###outside_send");
        settle();
    }
};

}  // namespace

TEST_CASE("the add-user wizard offers the verified custom domain, the default first", "[ui][mail_flow]") {
    for (const char* lang : {"de", "en"}) {
        MailFlowUi t(lang);
        t.show("admin.users.add");
        const std::vector<std::string> domains = sim::user_domains(t.world());
        REQUIRE(domains.size() == 2);
        REQUIRE(domains.front() == "tsv-musterstadt.de");
        t.click("###add_domain");
        REQUIRE(t.ui.find("###domain_0") != nullptr);
        CHECK(t.ui.visible_part(t.ui.find("###domain_0")->label) == "tsv-musterstadt.de");
        CHECK(t.ui.visible_part(t.ui.find("###domain_1")->label) == t.world().tenant.initial_domain);
        t.click("###domain_1");  // pick the onmicrosoft.com domain, then back to the custom one
        CHECK(t.shell.view_state().admin.add.domain == t.world().tenant.initial_domain);
        t.click("###add_domain");
        t.click("###domain_0");
        t.fill("###add_first", "Clara");
        t.fill("###add_username", "clara");
        for (int i = 0; i < 3; ++i) t.click("###add_next");
        CHECK(t.ui.shows("clara@tsv-musterstadt.de"));  // the review
        t.click("###add_finish");
        t.settle();
        CHECK(t.world().find_person("clara@tsv-musterstadt.de") != nullptr);
    }
}

TEST_CASE("Manage username and email: the new name, the old address as an alias", "[ui][mail_flow]") {
    for (const char* lang : {"de", "en"}) {
        MailFlowUi t(lang);
        t.show("admin.users.detail");
        REQUIRE(t.shell.view_state().admin.pane_user == kMfBen);
        t.click("###tab_account");
        CHECK(t.ui.shows(t.text("admin.user.no_aliases")));
        // Ben holds Business Premium: his mailbox exists, so the button reads "…username and email".
        REQUIRE(t.ui.find("###user_manage_username") != nullptr);
        CHECK(t.ui.visible_part(t.ui.find("###user_manage_username")->label) ==
              t.text("admin.user.manage_email"));
        t.click("###user_manage_username");
        t.fill("###user_new_username", "ben.wagner");
        t.click("###user_save_username");
        t.settle();
        const sim::Person* ben = t.world().find_person("ben.wagner@tsv-musterstadt.de");
        REQUIRE(ben != nullptr);
        CHECK(ben->aliases == std::vector<std::string>{kMfBen});
        // The pane follows the new name and lists the old address under Aliases.
        CHECK(t.shell.view_state().admin.pane_user == "ben.wagner@tsv-musterstadt.de");
        CHECK(t.ui.shows("ben.wagner@tsv-musterstadt.de"));
        CHECK(t.ui.shows(kMfBen));
        CHECK(t.ui.shows(t.text("admin.user.aliases")));

        // Anna's address is taken: the simulation's error shows in the pane.
        t.click("###user_manage_username");
        t.fill("###user_new_username", "anna");
        t.click("###user_save_username");
        t.settle();
        CHECK(t.world().find_person("ben.wagner@tsv-musterstadt.de") != nullptr);
        const std::string taken = t.text("error.users.username_taken");
        const std::string expected = taken.substr(0, taken.find("{upn}")) + kMfAnna;
        const auto& items = t.ui.items();
        CHECK(std::any_of(items.begin(), items.end(), [&](const auto& i) {
            return app::test::UiDriver::visible_part(i.label).rfind(expected, 0) == 0;
        }));
    }
}

TEST_CASE("the outside world: no mailbox bounces with the NDR, a shared mailbox then receives",
          "[ui][mail_flow]") {
    for (const char* lang : {"de", "en"}) {
        MailFlowUi t(lang);
        // MX already at Microsoft 365, no info@ yet: the sender's NDR with 550 5.4.1.
        t.send_test("info@tsv-musterstadt.de");
        REQUIRE(t.world().domains.outside_mail.size() == 1);
        CHECK(t.world().domains.outside_mail.back().outcome == "bounced");
        CHECK(t.ui.shows(t.text("mail.outside.outcome.bounced")));
        CHECK(t.ui.shows(kMfDbeb));
        CHECK(t.ui.shows(t.text("mail.outside.ndr.hint_no_mailbox")));

        // Teams & groups > Shared mailboxes > Add a shared mailbox: the address follows the name.
        t.show("admin.groups.shared_mailboxes");
        CHECK(t.ui.shows(t.text("admin.shared.none")));
        t.click("###shared_add");
        CHECK(t.ui.shows(t.text("admin.shared.licence_hint")));
        t.fill("###shared_name", "Info");
        CHECK(t.shell.view_state().admin.shared_user == "info");
        t.click("###shared_save");
        t.settle();
        REQUIRE(sim::find_shared_mailbox(t.world(), "info@tsv-musterstadt.de") != nullptr);
        t.click("###shared_close");
        CHECK_FALSE(t.shell.view_state().admin.shared_pane_open);
        CHECK(t.ui.shows("info@tsv-musterstadt.de"));  // the list

        // The same address again: the simulation refuses it.
        t.click("###shared_add");
        t.fill("###shared_name", "Info");
        t.click("###shared_save");
        t.settle();
        CHECK(t.world().domains.shared_mailboxes.size() == 1);
        CHECK(t.ui.find("###shared_close") == nullptr);

        // Now the test mail is delivered; a mail to Ben lands in his inbox.
        t.send_test("info@tsv-musterstadt.de");
        CHECK(t.world().domains.outside_mail.back().outcome == "delivered");
        CHECK(t.ui.shows(t.text("mail.outside.outcome.delivered")));
        t.send_test(kMfBen);
        CHECK(t.world().domains.outside_mail.back().outcome == "delivered");
        const auto mails = sim::inbox(t.world(), kMfBen);
        REQUIRE_FALSE(mails.empty());
        CHECK(mails.front()->subject_key == "mail.outside_test.subject");
        t.show("mail.old_mailbox");
        CHECK(t.ui.shows(t.text("mail.old.empty")));  // nothing went to the old provider
    }
}

TEST_CASE("while the MX points to the old provider, the test mail shows in the old mailbox",
          "[ui][mail_flow]") {
    for (const char* lang : {"de", "en"}) {
        app::test::UiDriver ui(ImVec2(1400, 1200));
        app::Shell shell(app::test::shell_options(lang));
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/domain-setup-journey.json"));
        app::test::run_like_the_app(ui, shell);
        REQUIRE(shell.show_screen("mail.outside"));
        ui.frames(3);
        REQUIRE(ui.click("###outside_to"));
        ui.type("info@tsv-musterstadt.de");
        ui.frame();
        REQUIRE(ui.click("###outside_send"));
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
        const auto& sent = shell.simulation()->world().domains.outside_mail;
        REQUIRE(sent.size() == 1);
        CHECK(sent.back().outcome == "old_provider");
        CHECK(ui.shows(shell.strings().get("mail.outside.outcome.old_provider")));
        REQUIRE(ui.click("###mail_tab_2"));  // Old mailbox (previous provider)
        ui.frames(2);
        CHECK(shell.ui().screen == "mail.old_mailbox");
        CHECK(ui.shows("info@tsv-musterstadt.de"));
        CHECK(ui.shows(
            shell.strings().format("mail.outside_test.subject", {{"to", "info@tsv-musterstadt.de"}})));
    }
}

TEST_CASE("Set as default changes the domain the add-user wizard suggests", "[ui][mail_flow]") {
    MailFlowUi t("de");
    const std::string initial = t.world().tenant.initial_domain;
    t.shell.commands().push(app::SubmitAction{sim::ops::set_default_domain(kMfAnna, initial), ""});
    t.ui.frame();
    t.settle();
    REQUIRE(sim::default_domain(t.world()) == initial);
    t.show("admin.users.add");
    t.fill("###add_first", "Dora");
    t.fill("###add_username", "dora");
    for (int i = 0; i < 3; ++i) t.click("###add_next");
    CHECK(t.ui.shows("dora@" + initial));  // the review: the suggested (default) domain, nothing picked
    for (int i = 0; i < 3; ++i) t.click("###add_back");
    t.click("###add_domain");
    CHECK(t.ui.visible_part(t.ui.find("###domain_0")->label) == initial);
    CHECK(t.ui.visible_part(t.ui.find("###domain_1")->label) == "tsv-musterstadt.de");
}
