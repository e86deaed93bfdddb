// tests/ui/test_support_ui.cpp — asking support (issue 15 item 6; C4), headless in German and English on the
// shipped C4 scenario: the validator's mail sits in Junk Email and "Not junk" moves it to the Inbox; the
// portal's Contact Us form sends a request; the instructor console's "Support requests" answers a request
// live, and the reply arrives in the requester's Inbox.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/shell.hpp"
#include "sim/support.hpp"
#include "support/scenario_ui.hpp"

using app::test::ScenarioUi;

namespace {

const sim::Mail* su_mail(const ScenarioUi& t, const std::string& id) {
    for (const sim::Person& p : t.world().people)
        for (const sim::Mail& m : p.inbox)
            if (m.id == id) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("Mail: the validator's mail in Junk Email, Not junk moves it to the Inbox", "[ui][support]") {
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        ScenarioUi t("c04-pending-mail-in-spam.json", lang);
        t.show("mail.inbox");
        CHECK(t.ui.find("###mail_techsoup-request") == nullptr);  // not in the Inbox
        t.click("###mail_folder_junk");
        CHECK(t.ui.shows(t.text("mail.folders.junk")));
        t.click("###mail_techsoup-request");
        CHECK(t.ui.shows(t.text("mail.junk.banner")));
        t.click("###mail_not_junk");
        t.settle();
        const sim::Mail* m = su_mail(t, "techsoup-request");
        REQUIRE(m != nullptr);
        CHECK_FALSE(sim::is_junk(t.world(), *m));
        t.click("###mail_folder_inbox");
        CHECK(t.ui.find("###mail_techsoup-request") != nullptr);
    }
}

TEST_CASE("Contact Us sends a request, the instructor answers it live and the reply arrives",
          "[ui][support]") {
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        ScenarioUi t("c04-pending-mail-in-spam.json", lang);
        t.show("portal.support");
        CHECK(t.ui.shows(t.text("portal.support.title")));
        t.fill("###support_title_portal", "Seit zwei Wochen ausstehend");
        t.fill("###support_text_portal", "Bitte prüfen Sie unsere Registrierung.");
        t.click("###support_submit_portal");
        t.settle();
        REQUIRE(sim::support_requests(t.world()).size() == 1);
        const sim::SupportRequest req = *sim::support_requests(t.world()).front();
        CHECK(req.channel == "portal");
        CHECK(req.topic == "verification");
        CHECK(req.text == "Bitte prüfen Sie unsere Registrierung.");
        CHECK(t.ui.shows(req.id));  // listed under "Your requests"

        // The scenario's reply is scheduled; the instructor's live reply answers another request.
        t.fill("###support_text_portal", "Noch eine Frage.");
        t.click("###support_submit_portal");
        t.settle();
        REQUIRE(sim::support_requests(t.world()).size() == 2);
        const std::string second = sim::support_requests(t.world()).front()->id;
        t.shell.view_state().instructor.open = true;
        t.shell.view_state().instructor.advanced = true;
        t.ui.frames(2);
        t.click("###support_req_" + second);
        t.fill("###support_reply_text", "Wir kümmern uns darum.");
        t.click("###support_reply_send");
        t.settle();
        const sim::SupportRequest* r = sim::find_support_request(t.world(), second);
        REQUIRE(r != nullptr);
        REQUIRE(r->reply_due_at >= 0);
        for (int i = 0; i < 40 && r->status == "open"; ++i) {
            REQUIRE(t.ui.click("###skip"));
            t.ui.frame();
            r = sim::find_support_request(t.world(), second);
        }
        CHECK(r->status == "answered");
        const sim::Mail* reply = su_mail(t, r->reply_mail);
        REQUIRE(reply != nullptr);
        CHECK(reply->params.at("text") == "Wir kümmern uns darum.");
    }
}
