// tests/sim/test_author_objects.cpp — names, dates, delays and texts for authors (issue 12, items 4, 6, 7;
// docs/reference/start-state.md): author ids of start-state subscriptions, payment methods and mails,
// usable in actions and refused when they repeat or look generated; purchase and renewal dates (the
// 7-day removal window counts from the purchase); per-step verification delays and the total; the
// scenario's own texts in en and de; and check's resolution of people and author ids.
#include "journey_fixture.hpp"

#include <set>
#include <string>
#include <vector>

#include "sim/data_files.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"

using namespace journey_test;
using sim::kDay;

namespace {

using AuthorLines = std::vector<std::string>;

// The start-state errors of `doc` ("/pointer: message"); none when it reads.
AuthorLines author_start_errors(const json& doc) {
    sim::World w;
    std::vector<sim::StartStateError> errors;
    const bool ok = sim::world_from_scenario(doc, catalog(), w, errors);
    AuthorLines out;
    for (const auto& e : errors) out.push_back(e.pointer + ": " + e.message);
    CHECK(ok == out.empty());
    return out;
}

// The whole loader's errors (npsim-cli check): schema_version, id and title added to `doc`.
AuthorLines author_check_errors(json doc) {
    doc["schema_version"] = 2;
    doc["id"] = "author-objects";
    doc["title"] = {{"en", "Author objects"}, {"de", "Objekte der Autorin"}};
    const sim::ScenarioLoad l = sim::load_scenario_text(doc.dump(2), "author.json");
    AuthorLines out;
    for (const auto& e : l.errors) out.push_back(e.where + ": " + e.message);
    CHECK(l.ok() == out.empty());
    return out;
}

// Anna's approved association with a paid Business Standard subscription `sub` (merged into the default).
json author_with_subscription(const json& sub, json extra_people = json::array()) {
    json doc = approved_scenario(std::move(extra_people));
    json s = {{"sku", kStandardStaff}, {"quantity", 5}};
    s.update(sub);
    doc["start"]["subscriptions"] = json::array({s});
    return doc;
}

// Anna's association in Draft, registering itself, with `delays`.
json author_draft(const json& delays) {
    json doc = approved_scenario();
    doc["start"]["organisation"] = {{"status", "draft"}, {"registrant", "anna"}};
    doc["delays"] = delays;
    return doc;
}

json author_form_without_registration_id() {
    json f = good_form();
    f.erase("registration_id");
    return f;
}

// Submits the registration, waits for the information request and answers it `answer_after` later.
// Returns {first submit handled, first decision, second decision, answer handled}.
std::vector<sim::SimTime> author_verification(Journey& j, sim::SimTime answer_after) {
    j.ok("portal.submit_registration", kAdmin, author_form_without_registration_id());
    const sim::SimTime submitted = j.world().organisation.submitted_at;
    while (j.world().organisation.status == sim::PortalStatus::Pending && j.sim.step_to_next_event()) {
    }
    REQUIRE(j.world().organisation.status == sim::PortalStatus::InfoRequested);
    const sim::SimTime first = j.world().organisation.decided_at;
    j.advance(answer_after);
    j.ok("portal.answer_information_request", kAdmin, {{"registration_id", "VR 12345"}});
    const sim::SimTime answered = j.world().organisation.submitted_at;
    while (j.world().organisation.status == sim::PortalStatus::Pending && j.sim.step_to_next_event()) {
    }
    REQUIRE(j.world().organisation.status == sim::PortalStatus::Approved);
    return {submitted, first, j.world().organisation.decided_at, answered};
}

}  // namespace

TEST_CASE("author ids: a subscription, a payment method and a mail named by the author are usable in actions",
          "[sim][author]") {
    json doc = author_with_subscription(
        {{"id", "grant"}, {"purchased", "2025-03-01"}},
        json::array({{{"upn", "bea"}, {"usage_location", "DE"}, {"licences", {"grant"}}}}));
    doc["start"]["payment_methods"] = json::array({{{"id", "club-card"}, {"kind", "card"}}});
    doc["start"]["mail"] =
        json::array({{{"id", "board-note"}, {"to", kAdmin}, {"subject_key", "mail.welcome.subject"}}});
    Journey j(world_from(doc));
    const sim::Subscription* grant = nullptr;
    for (const auto& s : j.world().subscriptions)
        if (s.id == "grant") grant = &s;
    REQUIRE(grant != nullptr);
    CHECK(grant->assigned == 1);  // Bea's licence takes a seat of the subscription her licence names
    CHECK(j.person("bea@tsvmuster.onmicrosoft.com").licences.front().subscription == "grant");

    json changed = j.ok("billing.change_quantity", kAdmin, {{"subscription", "grant"}, {"quantity", 3}});
    CHECK(changed["subscription"] == "grant");
    CHECK(changed["quantity"] == 3);

    // Ids the counter hands out later never take an author's name.
    json order = j.ok("billing.place_order", kAdmin,
                      {{"sku", kBasicGrant}, {"quantity", 1}, {"payment_method", "club-card"}});
    const std::string made = order["subscription"].get<std::string>();
    CHECK(made.rfind("sub-", 0) == 0);
    std::set<std::string> ids;
    for (const auto& s : j.world().subscriptions) ids.insert(s.id);
    CHECK(ids.size() == j.world().subscriptions.size());
    CHECK(j.world().subscriptions.back().payment_method == "club-card");

    j.ok("mail.mark_read", kAdmin, {{"mail", "board-note"}, {"read", true}});
    CHECK(j.person(kAdmin).inbox.front().read);
}

TEST_CASE("author ids: repeated ids, the counter's form and bad names are refused with a pointer",
          "[sim][author]") {
    json doc = author_with_subscription({{"id", "grant"}});
    doc["start"]["subscriptions"].push_back({{"id", "grant"}, {"sku", kBasicGrant}, {"quantity", 1}});
    CHECK(author_start_errors(doc) ==
          AuthorLines{"/start/subscriptions/1/id: \"grant\" is already the id of another object of this "
                      "kind; ids must be unique"});
    CHECK(author_start_errors(author_with_subscription({{"id", "sub-0003"}})) ==
          AuthorLines{"/start/subscriptions/0/id: \"sub-0003\" has the form of an id the simulation hands "
                      "out (sub-0001, user-0002, …); choose a name of your own, e.g. \"grant\""});
    CHECK(author_start_errors(author_with_subscription({{"id", "my grant"}})) ==
          AuthorLines{"/start/subscriptions/0/id: must be a name of letters, digits, '_', '.' and '-' (e.g. "
                      "\"grant\"), not \"my grant\""});
    CHECK(author_start_errors(author_with_subscription({{"id", kBasicGrant}})) ==
          AuthorLines{std::string("/start/subscriptions/0/id: \"") + kBasicGrant +
                      "\" is a SKU of the catalog; choose another name"});
    json mails = approved_scenario();
    mails["start"]["mail"] =
        json::array({{{"id", "m"}, {"to", kAdmin}, {"subject_key", "mail.welcome.subject"}},
                     {{"id", "m"}, {"to", kAdmin}, {"subject_key", "mail.welcome.subject"}}});
    CHECK(author_start_errors(mails) ==
          AuthorLines{"/start/mail/1/id: \"m\" is already the id of another object of this kind; ids must be "
                      "unique"});
    json licence = author_with_subscription(
        {{"id", "grant"}}, json::array({{{"upn", "bea"}, {"usage_location", "DE"}, {"licences", {"grnt"}}}}));
    CHECK(
        author_start_errors(licence) ==
        AuthorLines{"/start/people/1/licences/0: \"grnt\" is not in the catalog — did you mean \"grant\"?"});
}

TEST_CASE("dates: the purchase date decides the removal window, the renewal date is kept", "[sim][author]") {
    // Bought 3 days before the start (2025-03-03): seats can still be removed (7-day window).
    Journey fresh(world_from(author_with_subscription({{"id", "s"}, {"purchased", "2025-02-28"}})));
    fresh.ok("billing.change_quantity", kAdmin, {{"subscription", "s"}, {"quantity", 2}});
    // Bought seven weeks before: too late.
    Journey old(world_from(author_with_subscription({{"id", "s"}, {"purchased", "2025-01-15"}})));
    old.fails("billing.outside_removal_window", "billing.change_quantity", kAdmin,
              {{"subscription", "s"}, {"quantity", 2}});
    // No date: 30 days before the start, as before.
    Journey plain(world_from(author_with_subscription({{"id", "s"}})));
    CHECK(plain.world().subscriptions.back().purchased_at == -30 * kDay);
    plain.fails("billing.outside_removal_window", "billing.change_quantity", kAdmin,
                {{"subscription", "s"}, {"quantity", 2}});

    const sim::Calendar& cal = old.sim.calendar();
    const sim::Subscription& s = old.world().subscriptions.back();
    CHECK(s.purchased_at == cal.at_local({2025, 1, 15}, 9 * 60));
    CHECK(s.renewal_at == cal.at_local({2025, 3, 15}, 9 * 60));  // monthly: the first renewal after the start
    Journey dated(world_from(
        author_with_subscription({{"purchased", "2024-11-04"}, {"renews", "2025-11-04"}, {"term", "P1Y"}})));
    CHECK(dated.world().subscriptions.back().renewal_at == cal.at_local({2025, 11, 4}, 9 * 60));
}

TEST_CASE("dates are validated with their pointer", "[sim][author]") {
    CHECK(
        author_start_errors(author_with_subscription({{"purchased", "04.11.2024"}})) ==
        AuthorLines{"/start/subscriptions/0/purchased: must be a date \"YYYY-MM-DD\" such as \"2024-11-04\", "
                    "not \"04.11.2024\" (\"04.11.2024\" is not a date (write YYYY-MM-DD))"});
    CHECK(author_start_errors(author_with_subscription({{"purchased", "2025-03-04"}})) ==
          AuthorLines{"/start/subscriptions/0/purchased: is after the start (2025-03-03): a start-state "
                      "subscription is bought on the start date or before it"});
    CHECK(author_start_errors(
              author_with_subscription({{"purchased", "2025-01-10"}, {"renews", "2025-01-01"}})) ==
          AuthorLines{"/start/subscriptions/0/renews: must be after the purchase (2025-01-10)"});
    CHECK(
        author_start_errors(author_with_subscription({{"renews", "2026-01-01"}, {"renewal_in_days", 30}})) ==
        AuthorLines{"/start/subscriptions/0/renews: use either \"renews\" (a date) or \"renewal_in_days\", "
                    "not both"});
}

TEST_CASE("delays per step: the first decision, the decision after the answer, the total", "[sim][author]") {
    // 5 business days to the request, 15 in total: the answer's decision comes at the total.
    Journey total(world_from(author_draft(
        {{"verification_first_decision", "5 business days"}, {"verification_total", "15 business days"}})));
    const sim::Calendar& cal = total.sim.calendar();
    auto t = author_verification(total, kDay);
    CHECK(t[1] == cal.add_business_days(t[0], 5));
    CHECK(t[2] == cal.add_business_days(t[0], 15));
    CHECK(total.world().organisation.verification_deadline == -1);  // over: not kept in the state

    // A step delay after the answer, inside the total: the step delay wins.
    Journey step(world_from(author_draft({{"verification_first_decision", "2 business days"},
                                          {"verification_after_information", "3 business days"},
                                          {"verification_total", "15 business days"}})));
    t = author_verification(step, kDay);
    CHECK(t[1] == cal.add_business_days(t[0], 2));
    CHECK(t[2] == cal.add_business_days(t[3], 3));
    CHECK(t[3] > t[1] + kDay - 1);

    // An answer after the total's deadline: the step delay ("verification") from the answer.
    Journey late(world_from(author_draft({{"verification", "1 business days"},
                                          {"verification_first_decision", "5 business days"},
                                          {"verification_total", "6 business days"}})));
    t = author_verification(late, 7 * kDay);
    CHECK(t[1] == cal.add_business_days(t[0], 5));
    CHECK(t[3] > cal.add_business_days(t[0], 6));  // answered after the deadline
    CHECK(t[2] == cal.add_business_days(t[3], 1));
}

TEST_CASE("delays per step: the total is respected for every seed", "[sim][author]") {
    const json delays = {
        {"verification_first_decision", {{"uniform", {"2 business days", "5 business days"}}}},
        {"verification_total", {{"uniform", {"10 business days", "15 business days"}}}}};
    std::set<sim::SimTime> finals;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        Journey j(world_from(author_draft(delays)), seed);
        const sim::Calendar& cal = j.sim.calendar();
        j.ok("portal.submit_registration", kAdmin, author_form_without_registration_id());
        const sim::SimTime submitted = j.world().organisation.submitted_at;
        while (j.world().organisation.status == sim::PortalStatus::Pending && j.sim.step_to_next_event()) {
        }
        const sim::SimTime deadline = j.world().organisation.verification_deadline;
        CHECK(deadline >= cal.add_business_days(submitted, 10));
        CHECK(deadline <= cal.add_business_days(submitted, 15));
        CHECK(j.world().organisation.decided_at <= cal.add_business_days(submitted, 5));
        j.ok("portal.answer_information_request", kAdmin, {{"registration_id", "VR 12345"}});
        while (j.world().organisation.status == sim::PortalStatus::Pending && j.sim.step_to_next_event()) {
        }
        CHECK(j.world().organisation.status == sim::PortalStatus::Approved);
        CHECK(j.world().organisation.decided_at == deadline);  // the whole verification took the total
        finals.insert(j.world().organisation.decided_at - submitted);
    }
    CHECK(finals.size() > 1);  // the total is drawn from the seeded "delays" stream
}

TEST_CASE("without the new keys the state is what it was", "[sim][author]") {
    Journey j(world_from(author_draft(json::object())));
    j.ok("portal.submit_registration", kAdmin, author_form_without_registration_id());
    const json w = sim::to_json(j.world());
    CHECK_FALSE(w.contains("texts"));
    CHECK_FALSE(w["organisation"].contains("verification_deadline"));
    CHECK_FALSE(w["settings"].contains("verification_total_delay"));
    CHECK_FALSE(w["settings"].contains("verification_first_decision_delay"));

    // With them, the canonical JSON carries them and reads back the same (snapshots, bundles).
    json doc = author_draft({{"verification_total", "15 business days"}});
    doc["texts"] = {{"mail.x.subject", {{"en", "Hello"}, {"de", "Hallo"}}}};
    Journey k(world_from(doc));
    k.ok("portal.submit_registration", kAdmin, author_form_without_registration_id());
    const json kw = sim::to_json(k.world());
    CHECK(kw["organisation"]["verification_deadline"] == k.world().organisation.verification_deadline);
    CHECK(kw["texts"] == json{{"mail.x.subject", {{"en", "Hello"}, {"de", "Hallo"}}}});
    sim::World back;
    std::string why;
    REQUIRE(sim::world_from_json(kw, back, why));
    CHECK(sim::to_json(back) == kw);
}

TEST_CASE("texts: a scenario's own mail texts are shown in en and de", "[sim][author][texts]") {
    json doc = approved_scenario();
    doc["texts"] = {{"mail.board_welcome.subject",
                     {{"en", "Welcome to the board, {name}"}, {"de", "Willkommen im Vorstand, {name}"}}}};
    doc["start"]["mail"] = json::array({{{"id", "welcome"},
                                         {"to", kAdmin},
                                         {"subject_key", "mail.board_welcome.subject"},
                                         {"body", {{"en", "Minutes attached."}, {"de", "Protokoll anbei."}}},
                                         {"params", {{"name", "Anna"}}}}});
    CHECK(author_check_errors(doc).empty());
    const sim::World w = world_from(doc);
    const sim::Mail& m = w.find_person(kAdmin)->inbox.front();
    CHECK(m.body_key == "scenario.mail.welcome.body");
    for (const auto& [lang, subject, body] : {std::tuple<std::string, std::string, std::string>{
                                                  "en", "Welcome to the board, Anna", "Minutes attached."},
                                              {"de", "Willkommen im Vorstand, Anna", "Protokoll anbei."}}) {
        sim::Strings s = sim::Strings::load(std::string(NPSIM_TEST_ASSET_DIR) + "/i18n", lang);
        CHECK(s.format(m.subject_key, m.params) ==
              m.subject_key);  // not shipped: shown raw without the texts
        sim::use_scenario_texts(s, w.texts);
        CHECK(s.format(m.subject_key, m.params) == subject);
        CHECK(s.get(m.body_key) == body);
        CHECK(s.has("mail.welcome.subject"));  // the shipped texts stay
        sim::use_scenario_texts(s, {});        // the next scenario has none
        CHECK_FALSE(s.has(m.subject_key));
    }
}

TEST_CASE("texts: an unknown key, or a text without both languages, is a check error",
          "[sim][author][texts]") {
    json doc = approved_scenario();
    doc["texts"] = {{"mail.board_welcome.subject", {{"en", "Welcome"}, {"de", "Willkommen"}}}};
    doc["start"]["mail"] = json::array({{{"to", kAdmin}, {"subject_key", "mail.board_welcom.subject"}}});
    CHECK(author_check_errors(doc) ==
          AuthorLines{
              "/start/mail/0/subject_key: unknown text key \"mail.board_welcom.subject\" — did you mean "
              "\"mail.board_welcome.subject\"?"});
    doc["start"]["mail"][0]["subject_key"] = "mail.board_welcome.subject";
    doc["texts"]["mail.board_welcome.body"] = {{"en", "Hi"}, {"fr", "Salut"}};
    CHECK(author_check_errors(doc) ==
          AuthorLines{"/texts/mail.board_welcome.body/fr: unknown key \"fr\"",
                      "/texts/mail.board_welcome.body/de: needs the German text (a non-empty string)"});
}

TEST_CASE("check resolves people and subscription references of solutions and conditions",
          "[sim][author][references]") {
    json doc = author_with_subscription({{"id", "grant"}, {"purchased", "2025-03-01"}});
    doc["solution"] = json::array(
        {{{"action",
           {{"type", "billing.change_quantity"},
            {"actor", kAdmin},
            {"subscription", "grnt"},
            {"quantity", 2}}}},
         {{"action", {{"type", "users.edit"}, {"actor", kAdmin}, {"user", "ana@tsvmuster.onmicrosoft.com"}}}},
         {{"action",
           {{"type", "users.add"},
            {"actor", kAdmin},
            {"username", "neu"},
            {"first_name", "N"},
            {"last_name", "U"}}}},
         {{"action", {{"type", "users.edit"}, {"actor", kAdmin}, {"user", "neu@tsvmuster.onmicrosoft.com"}}}},
         {{"action",
           {{"type", "billing.change_quantity"},
            {"actor", kAdmin},
            {"subscription", "sub-0009"},
            {"quantity", 2}}},
          {"expect", "billing.unknown_subscription"}},
         {{"action",
           {{"type", "billing.change_quantity"},
            {"actor", kAdmin},
            {"subscription", "nope"},
            {"quantity", 2}}},
          {"expect", "billing.unknown_subscription"}}});
    doc["objectives"] = json::array(
        {{{"title", "Goal"},
          {"condition", {{"person", {{"upn", "neu@tsvmuster.onmicrosoft.com"}, {"usage_location", "DE"}}}}}},
         {{"title", "Goal 2"},
          {"condition",
           {{"mail",
             {{"to", "anne@tsvmuster.onmicrosoft.com"}, {"subject_key", "mail.welcome.subject"}}}}}}});
    CHECK(author_check_errors(doc) ==
          AuthorLines{
              "/solution/0/action/subscription: unknown subscription \"grnt\" — did you mean \"grant\"? (an "
              "\"id\" of the start state's subscriptions)",
              "/solution/1/action/user: unknown person \"ana@tsvmuster.onmicrosoft.com\" — did you mean "
              "\"anna@tsvmuster.onmicrosoft.com\"? (a person of /start/people, or one an earlier step adds)",
              "/objectives/1/condition/mail/to: unknown person \"anne@tsvmuster.onmicrosoft.com\" — did you "
              "mean \"anna@tsvmuster.onmicrosoft.com\"? (a person of /start/people, or one an earlier step "
              "adds)"});
}

TEST_CASE("the shipped scenarios of this language play to 100/100", "[sim][author]") {
    for (const char* id :
         {"slow-verification-one-request", "bulk-user-no-usage-location", "seat-reduction-below-assigned"}) {
        INFO(id);
        const sim::ScenarioLoad l =
            sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + id + ".json");
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(l.ok());
        CHECK(l.scenario->schema_version == 2);
    }
}
