// tests/sim/test_support.cpp — asking support (sim/support.hpp; domain.md §1.4, §3.1, C4, C6): requests from
// the portal's Contact Us and the admin center's Help & support, scenario replies after their delay (with
// effects), the instructor's live reply, the Junk Email folder, the Marketplace label, the start state's
// errors and the canonical JSON.
#include "journey_fixture.hpp"

#include <fstream>

#include "sim/ops.hpp"
#include "sim/shape.hpp"
#include "sim/support.hpp"

using namespace journey_test;

namespace {

constexpr const char* kSpTechSoup = "microsoftnonprofit@techsoup.org";

// Anna answered nothing yet: the validator asked for proof (status info_requested), its mail sits in Junk.
json sp_scenario(json support = json::object()) {
    json s = approved_scenario(json::array({{{"upn", "ben"}, {"usage_location", "DE"}}}));
    s["start"]["organisation"] = {{"status", "info_requested"},
                                  {"registrant", kAdmin},
                                  {"form",
                                   {{"legal_name", "TSV Musterstadt e.V."},
                                    {"country", "DE"},
                                    {"registration_id", "VR 12345"},
                                    {"org_type", "association"}}}};
    s["start"]["mail"] = json::array({{{"id", "mail-techsoup"},
                                       {"to", kAdmin},
                                       {"from", kSpTechSoup},
                                       {"subject_key", "mail.information_requested.subject"},
                                       {"body_key", "mail.information_requested.body.missing_proof"}},
                                      {{"id", "mail-hello"},
                                       {"to", kAdmin},
                                       {"from", "Microsoft 365 admin center"},
                                       {"subject_key", "mail.welcome.subject"}}});
    s["delays"] = {{"verification_after_information", "20 business days"}};
    s["start"]["support"] = std::move(support);
    return s;
}

const sim::Mail& sp_mail(const Journey& j, const std::string& id) {
    for (const auto& m : j.person(kAdmin).inbox)
        if (m.id == id) return m;
    FAIL("no mail " << id);
    throw std::logic_error("unreachable");
}

std::vector<std::string> sp_errors(const json& scenario) {
    return journey_test::start_errors(scenario);
}

}  // namespace

TEST_CASE("support: the TechSoup mail sits in Junk Email and moves to the Inbox", "[sim][support]") {
    Journey j(world_from(sp_scenario({{"junk", {"mail-techsoup"}}})));
    CHECK(sim::is_junk(j.world(), sp_mail(j, "mail-techsoup")));
    CHECK_FALSE(sim::is_junk(j.world(), sp_mail(j, "mail-hello")));
    const sim::Action in = sim::ops::move_mail(kAdmin, "mail-techsoup", "inbox");
    CHECK(j.ok(in.type, in.actor, in.args)["moved"] == true);
    CHECK_FALSE(sim::is_junk(j.world(), sp_mail(j, "mail-techsoup")));
    const sim::Action back = sim::ops::move_mail(kAdmin, "mail-hello", "junk");
    j.ok(back.type, back.actor, back.args);
    CHECK(sim::is_junk(j.world(), sp_mail(j, "mail-hello")));
    // Someone else's mail, an unknown folder.
    j.fails("support.unknown_mail", "support.move_mail", "ben@tsvmuster.onmicrosoft.com",
            {{"mail", "mail-techsoup"}, {"folder", "inbox"}});
    j.fails("support.invalid_folder", "support.move_mail", kAdmin,
            {{"mail", "mail-hello"}, {"folder", "spam"}});
}

TEST_CASE("support: junk senders file their mail in Junk until it is moved out", "[sim][support]") {
    Journey j(world_from(sp_scenario({{"junk_senders", {"MicrosoftNonprofit@TechSoup.org"}}})));
    CHECK(sim::is_junk(j.world(), sp_mail(j, "mail-techsoup")));
    j.ok("support.move_mail", kAdmin, {{"mail", "mail-techsoup"}, {"folder", "inbox"}});
    CHECK_FALSE(sim::is_junk(j.world(), sp_mail(j, "mail-techsoup")));
    j.ok("support.move_mail", kAdmin, {{"mail", "mail-techsoup"}, {"folder", "junk"}});
    CHECK(sim::is_junk(j.world(), sp_mail(j, "mail-techsoup")));
}

TEST_CASE("support: C4 — answer, Contact Us, the reply nudges the validator", "[sim][support]") {
    json support = {{"replies",
                     {{{"topic", "verification"},
                       {"delay", "1 business day"},
                       {"reply", {{"en", "We asked the validator."}, {"de", "Wir haben nachgefragt."}}},
                       {"effect", "nudge_validator"}}}}};
    Journey j(world_from(sp_scenario(support)));
    j.ok("portal.answer_information_request", kAdmin, {{"proof_document", "Freistellungsbescheid.pdf"}});
    REQUIRE(j.world().organisation.status == sim::PortalStatus::Pending);
    const sim::Action a = sim::ops::submit_support_request(kAdmin, "portal", "verification", "Still pending",
                                                           "Status Pending.");
    const json r = j.ok(a.type, a.actor, a.args);
    const sim::SupportRequest* req = sim::find_support_request(j.world(), r["request"].get<std::string>());
    REQUIRE(req != nullptr);
    CHECK(req->status == "open");
    CHECK(req->text == "Status Pending.");
    CHECK(req->reply_due_at > j.sim.now());
    j.sim.run_until(req->reply_due_at);
    req = sim::find_support_request(j.world(), r["request"].get<std::string>());
    CHECK(req->status == "answered");
    const sim::Mail& reply = sp_mail(j, req->reply_mail);
    CHECK(reply.subject_key == "mail.support_reply.subject");
    CHECK(reply.from == "Microsoft Nonprofits Support");
    CHECK(j.world().texts.at(reply.body_key).de == "Wir haben nachgefragt.");
    // The validator decides within the hour (not after 20 business days).
    j.advance(sim::kHour);
    CHECK(j.world().organisation.status == sim::PortalStatus::Approved);
}

TEST_CASE("support: a reply only answers a matching request, the instructor answers the others live",
          "[sim][support]") {
    json support = {
        {"replies", {{{"topic", "offers"}, {"match", "marketplace"}, {"reply", "mail.approved.body"}}}},
        {"reply_delay", "2h"}};
    Journey j(world_from(sp_scenario(support)));
    const json other = j.ok("support.submit_request", kAdmin,
                            {{"channel", "admin"}, {"topic", "offers"}, {"text", "Where is the offer?"}});
    const json hit = j.ok("support.submit_request", kAdmin,
                          {{"channel", "admin"}, {"topic", "offers"}, {"text", "Is it under Marketplace?"}});
    j.advance(3 * sim::kHour);
    CHECK(sim::find_support_request(j.world(), hit["request"].get<std::string>())->status == "answered");
    const std::string open_id = other["request"].get<std::string>();
    CHECK(sim::find_support_request(j.world(), open_id)->status == "open");
    CHECK(sim::support_requests(j.world(), kAdmin).size() == 2);
    j.fails("support.invalid_effect", "support.reply", "",
            {{"request", open_id}, {"text", "x"}, {"effect", "x"}});
    // The instructor's reply: after the scenario's reply delay unless it says otherwise.
    const sim::Action live = sim::ops::reply_support(open_id, "Look under Billing > Marketplace.", "", "30m");
    j.ok(live.type, live.actor, live.args);
    j.advance(31 * sim::kMinute);
    const sim::SupportRequest* req = sim::find_support_request(j.world(), open_id);
    CHECK(req->status == "answered");
    const sim::Mail& m = sp_mail(j, req->reply_mail);
    CHECK(m.body_key == "mail.support_reply.body.instructor");
    CHECK(m.params.at("text") == "Look under Billing > Marketplace.");
    CHECK(m.from == "Microsoft 365 Support");
    j.fails("support.not_open", "support.reply", "", {{"request", open_id}, {"text", "again"}});
    j.fails("support.unknown_request", "support.reply", "", {{"request", "sr-9999"}, {"text", "x"}});
}

TEST_CASE("support: the form's rules", "[sim][support]") {
    Journey j(world_from(sp_scenario()));
    const std::string ben = "ben@tsvmuster.onmicrosoft.com";
    j.fails("support.insufficient_role", "support.submit_request", ben,
            {{"channel", "admin"}, {"topic", "other"}, {"text", "Hilfe"}});
    j.ok("support.submit_request", ben, {{"channel", "portal"}, {"topic", "other"}, {"text", "Hilfe"}});
    j.fails("support.invalid_channel", "support.submit_request", kAdmin,
            {{"channel", "phone"}, {"topic", "other"}, {"text", "Hilfe"}});
    j.fails("support.invalid_topic", "support.submit_request", kAdmin,
            {{"channel", "portal"}, {"topic", "weather"}, {"text", "Hilfe"}});
    j.fails("support.field_required", "support.submit_request", kAdmin,
            {{"channel", "portal"}, {"topic", "other"}, {"text", "   "}});
    j.fails("support.text_too_long", "support.submit_request", kAdmin,
            {{"channel", "portal"}, {"topic", "other"}, {"text", std::string(4001, 'x')}});
    // Nobody answers without a scenario reply or the instructor: the request stays open.
    j.advance(30 * sim::kDay);
    CHECK(sim::support_requests(j.world(), ben).front()->status == "open");
}

TEST_CASE("support: the Marketplace label and the canonical JSON", "[sim][support]") {
    const sim::World plain = world_from(sp_scenario());
    CHECK(sim::purchase_services_label(plain) == "purchase_services");
    CHECK_FALSE(sim::to_json(plain).contains("support"));  // absent while empty: older hashes stay
    json support = {
        {"purchase_services_label", "marketplace"},
        {"junk", {"mail-techsoup"}},
        {"junk_senders", {kSpTechSoup}},
        {"reply_delay", {{"uniform", {"1h", "3h"}}}},
        {"replies", {{{"topic", "grant"}, {"reply", "mail.approved.body"}, {"effect", "reenable_grant"}}}}};
    Journey j(world_from(sp_scenario(support)));
    CHECK(sim::purchase_services_label(j.world()) == "marketplace");
    j.ok("support.submit_request", kAdmin, {{"channel", "admin"}, {"topic", "other"}, {"text", "Hallo"}});
    const json canon = sim::to_json(j.world());
    REQUIRE(canon.contains("support"));
    sim::World back;
    std::string why;
    REQUIRE(sim::world_from_json(canon, back, why));
    CHECK(sim::to_json(back) == canon);
}

TEST_CASE("support: bad start states are errors with JSON pointers", "[sim][support]") {
    json bad = {{"junk", {"mail-nope"}},
                {"purchase_services_label", "shop"},
                {"reply_delay", "soon"},
                {"replys", json::array()},
                {"replies",
                 {{{"topic", "weather"}, {"reply", {{"en", "x"}}}},
                  {{"effect", "explode"}, {"reply", "k"}, {"delay", "-3h"}},
                  {{"topic", "other"}}}}};
    const auto errors = sp_errors(sp_scenario(bad));
    auto has = [&](const std::string& prefix) {
        for (const auto& e : errors)
            if (e.rfind(prefix, 0) == 0) return true;
        return false;
    };
    INFO(json(errors).dump(1));
    CHECK(has("/start/support/junk/0: "));
    CHECK(has("/start/support/purchase_services_label: "));
    CHECK(has("/start/support/reply_delay: "));
    CHECK(has("/start/support/replys: "));
    CHECK(has("/start/support/replies/0/topic: "));
    CHECK(has("/start/support/replies/0/reply: "));
    CHECK(has("/start/support/replies/1/effect: "));
    CHECK(has("/start/support/replies/1/delay: "));
    CHECK(has("/start/support/replies/2: "));
    CHECK(sp_errors(sp_scenario({{"junk", "mail-techsoup"}})).size() == 1);
}

TEST_CASE("support: a reply with reenable_grant brings the disabled grant back (C15/C22)", "[sim][support]") {
    std::ifstream in(std::string(NPSIM_TEST_SCENARIO_DIR) + "/c15-grant-disabled.json");
    REQUIRE(in.good());
    json s = json::parse(in);
    s["settings"]["grant_reenable"] = "support";  // only support re-enables it
    s["start"]["support"] = {{"replies",
                              {{{"topic", "grant"},
                                {"delay", "1h"},
                                {"reply", "mail.approved.body"},
                                {"effect", "reenable_grant"}}}}};
    Journey j(world_from(s, "from-2025-07"));
    auto grant = [&j]() {
        for (const auto& sub : j.world().subscriptions)
            if (sub.id == "grant") return sub.status;
        FAIL("no grant");
        return sim::SubscriptionStatus::Active;
    };
    j.advance(5 * sim::kDay);
    REQUIRE(grant() == sim::SubscriptionStatus::Disabled);
    const std::string admin = "mehmet@jugendtreff-hafen.onmicrosoft.com";
    j.ok("support.submit_request", admin,
         {{"channel", "admin"}, {"topic", "grant"}, {"text", "Lizenzen deaktiviert"}});
    CHECK(grant() == sim::SubscriptionStatus::Disabled);
    j.advance(2 * sim::kHour);
    CHECK(grant() == sim::SubscriptionStatus::Active);
}
