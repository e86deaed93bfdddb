// tests/sim/test_reverification.cpp — the yearly re-verification over time (issue 15 item 4; domain.md
// §1.5–1.6, domain-admin.md §1.7 [U]; sim/programme.hpp): the reminder and the due mail at their times, the
// grace period with the offers still shown, the lapse (offers gone from the portal and Purchase services, a
// grant's renewal fails), re-verifying restores them, past mails of a start state keep their dates, and
// without the setting nothing changes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/billing.hpp"
#include "sim/data_files.hpp"
#include "sim/portal.hpp"
#include "sim/programme.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/subscriptions.hpp"
#include "sim/world.hpp"

namespace {

using nlohmann::json;

constexpr const char* kRvAdmin = "anna@rvverein.onmicrosoft.com";
constexpr const char* kRvGrant = "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT";

// An association approved `approved_days_ago` days before the start (2025-03-03 09:00, Berlin), Anna its
// Global Administrator; `settings` as given; a Business Basic grant renewing on `renews` when set.
json rv_doc(json settings, int approved_days_ago = 0, const std::string& renews = "") {
    json doc = {
        {"schema_version", 2},
        {"id", "rv-test"},
        {"title", "re-verification"},
        {"start_date", "2025-03-03"},
        {"start_time", "09:00"},
        {"settings", std::move(settings)},
        {"start",
         {{"tenant", {{"name", "rvverein"}}},
          {"organisation",
           {{"status", "approved"},
            {"approved_days_ago", approved_days_ago},
            {"form",
             {{"legal_name", "RV Verein e.V."},
              {"registration_id", "VR 1234"},
              {"proof_document", "a.pdf"}}}}},
          {"payment_methods", json::array({{{"kind", "card"}, {"label", "•••• 4242"}}})},
          {"people", json::array({{{"upn", kRvAdmin},
                                   {"first_name", "Anna"},
                                   {"kind", "unpaid_executive"},
                                   {"usage_location", "DE"},
                                   {"roles", {"global_admin"}},
                                   {"licences", renews.empty() ? json{"NONPROFIT_PORTAL"}
                                                               : json{"NONPROFIT_PORTAL", "g"}}}})}}}};
    if (!renews.empty())
        doc["start"]["subscriptions"] = json::array({{{"id", "g"},
                                                      {"sku", kRvGrant},
                                                      {"quantity", 3},
                                                      {"term", "P1Y"},
                                                      {"billing_frequency", "annual"},
                                                      {"purchased", "2024-05-01"},
                                                      {"renews", renews}}});
    return doc;
}

json rv_on(json extra = json::object()) {
    json s = {{"reverification_lifecycle", true}, {"subscription_lifecycle", true}};
    s.update(extra);
    return s;
}

sim::Setup rv_setup(const json& doc) {
    const sim::ScenarioLoad load =
        sim::load_scenario_text(doc.dump(), "rv.json", sim::disk_catalogs(NPSIM_TEST_ASSET_DIR));
    for (const auto& e : load.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(load.ok());
    return load.scenario->setup;
}

struct RvRun {
    sim::Simulation sim;
    explicit RvRun(const json& doc) : sim(rv_setup(doc)) {}
    const sim::World& w() const { return sim.world(); }
    const sim::Mail* mail(const char* key) const {
        const auto& inbox = sim.world().find_person(kRvAdmin)->inbox;
        const std::string subject = std::string(key) + ".subject";
        auto it = std::find_if(inbox.begin(), inbox.end(),
                               [&](const sim::Mail& m) { return m.subject_key == subject; });
        return it == inbox.end() ? nullptr : &*it;
    }
    bool portal_offers() const { return !sim::portal_view(w(), kRvAdmin).offers.empty(); }
    bool purchase_offers() const {
        const auto list = sim::purchase_services(w());
        return std::any_of(list.begin(), list.end(),
                           [](const sim::Product* p) { return p->audience == "nonprofit"; });
    }
    sim::ActionResult act(const sim::Action& a) { return journey_test::run_action(sim, a); }
    sim::ActionResult reverify() {
        return act(sim::Action{
            "portal.reverify", kRvAdmin, {{"registration_id", "VR 1234"}, {"proof_document", "b.pdf"}}});
    }
    void until_approved() {
        for (int i = 0; i < 100 && w().organisation.status != sim::PortalStatus::Approved; ++i)
            REQUIRE(sim.step_to_next_event());
    }
};

}  // namespace

TEST_CASE("re-verification: the reminder, the due date and the lapse come at their times, with their mails",
          "[reverification]") {
    RvRun run(rv_doc(rv_on()));
    const sim::SimTime due = run.w().organisation.reverification_due_at;
    run.sim.run_until(0);
    REQUIRE(run.w().organisation.reverification_due_at > 300 * sim::kDay);
    const sim::SimTime reminder = run.w().organisation.reverification_due_at - 30 * sim::kDay;
    (void)due;

    run.sim.run_until(reminder - sim::kMinute);
    CHECK(run.mail("mail.reverification_reminder") == nullptr);
    run.sim.run_until(reminder);
    REQUIRE(run.mail("mail.reverification_reminder") != nullptr);
    CHECK(run.mail("mail.reverification_reminder")->received_at == reminder);
    CHECK(run.w().organisation.status == sim::PortalStatus::Approved);

    const sim::SimTime due_at = run.w().organisation.reverification_due_at;
    run.sim.run_until(due_at);
    CHECK(run.w().organisation.status == sim::PortalStatus::ReverifyRequired);
    REQUIRE(run.mail("mail.reverification_due") != nullptr);
    CHECK(run.mail("mail.reverification_due")->received_at == due_at);
    // The grace period: the offers are at risk but still there.
    CHECK(run.portal_offers());
    CHECK(run.purchase_offers());
    CHECK(sim::eligibility_current(run.w()));

    const sim::SimTime lapse = due_at + 30 * sim::kDay;
    REQUIRE(sim::reverification_lapse_at(run.w()) == lapse);
    run.sim.run_until(lapse - sim::kMinute);
    CHECK_FALSE(run.w().programme.lapsed);
    CHECK(run.mail("mail.reverification_expired") == nullptr);
    run.sim.run_until(lapse);
    CHECK(run.w().programme.lapsed);
    CHECK(run.w().programme.lapsed_at == lapse);
    REQUIRE(run.mail("mail.reverification_expired") != nullptr);
    CHECK(run.mail("mail.reverification_expired")->received_at == lapse);
    // Lapsed: the offers are gone from the portal and from Purchase services, and buying fails.
    CHECK_FALSE(run.portal_offers());
    CHECK_FALSE(run.purchase_offers());
    CHECK(sim::portal_view(run.w(), kRvAdmin).message_key == "portal.view.not_approved");
    const sim::ActionResult order =
        run.act(sim::Action{"billing.place_order", kRvAdmin, {{"sku", kRvGrant}, {"quantity", 1}}});
    CHECK(order.code == "billing.product_not_available");
    const sim::ActionResult offer =
        run.act(sim::Action{"portal.open_offer", kRvAdmin, {{"offer", "microsoft_365"}}});
    CHECK(offer.code == "portal.not_approved");
}

TEST_CASE("re-verification: re-verifying after the lapse restores the offers and starts a new year",
          "[reverification]") {
    RvRun run(rv_doc(rv_on(), 400));
    run.sim.run_until(0);
    REQUIRE(run.w().programme.lapsed);
    REQUIRE_FALSE(run.portal_offers());
    const sim::ActionResult r = run.reverify();
    REQUIRE(r.ok);
    CHECK(run.w().organisation.status == sim::PortalStatus::Pending);
    CHECK_FALSE(run.portal_offers());  // lapsed: the offers come back with the decision, not before
    run.until_approved();
    CHECK_FALSE(run.w().programme.lapsed);
    CHECK(run.portal_offers());
    CHECK(run.purchase_offers());
    CHECK(run.w().organisation.reverification_due_at ==
          run.sim.calendar().add_months(run.w().organisation.approved_at, 12));
    CHECK(run.act(sim::Action{"portal.open_offer", kRvAdmin, {{"offer", "microsoft_365"}}}).ok);
}

TEST_CASE("re-verification: re-verifying in the grace period keeps the offers while it is decided",
          "[reverification]") {
    RvRun run(rv_doc(rv_on(), 370));  // due 5 days ago, lapses in 25
    run.sim.run_until(0);
    REQUIRE(run.w().organisation.status == sim::PortalStatus::ReverifyRequired);
    REQUIRE_FALSE(run.w().programme.lapsed);
    REQUIRE(run.reverify().ok);
    CHECK(run.w().organisation.status == sim::PortalStatus::Pending);
    CHECK(run.w().programme.reverifying);
    CHECK(run.portal_offers());
    run.until_approved();
    CHECK_FALSE(run.w().programme.reverifying);
    // The old lapse event finds a new approval and does nothing.
    run.sim.run_until(40 * sim::kDay);
    CHECK_FALSE(run.w().programme.lapsed);
    CHECK(run.portal_offers());
}

TEST_CASE("re-verification: a start approved long ago has the past mails, dated when they were sent",
          "[reverification]") {
    RvRun run(rv_doc(rv_on(), 410));
    run.sim.run_until(0);
    const sim::Mail* reminder = run.mail("mail.reverification_reminder");
    const sim::Mail* due = run.mail("mail.reverification_due");
    const sim::Mail* expired = run.mail("mail.reverification_expired");
    REQUIRE(reminder != nullptr);
    REQUIRE(due != nullptr);
    REQUIRE(expired != nullptr);
    CHECK(reminder->received_at < due->received_at);
    CHECK(due->received_at == run.w().organisation.reverification_due_at);
    CHECK(due->received_at - reminder->received_at == 30 * sim::kDay);
    CHECK(expired->received_at - due->received_at == 30 * sim::kDay);
    CHECK(expired->received_at < 0);
    CHECK(run.w().programme.lapsed);
}

TEST_CASE("re-verification: a lapsed eligibility blocks the grant's renewal (a setting)",
          "[reverification]") {
    SECTION("lapsed: the grant expires at its renewal date") {
        RvRun run(rv_doc(rv_on(), 400, "2025-05-01"));
        run.sim.run_until(60 * sim::kDay);
        REQUIRE(run.w().subscriptions.size() >= 2);
        const sim::Subscription& g =
            *std::find_if(run.w().subscriptions.begin(), run.w().subscriptions.end(),
                          [](const sim::Subscription& s) { return s.sku == kRvGrant; });
        CHECK(g.status == sim::SubscriptionStatus::Expired);
        CHECK(sim::invoices_of(run.w(), g.id).empty());
    }
    SECTION("the setting off: it renews") {
        RvRun run(rv_doc(rv_on({{"reverification_lapse_blocks_renewal", false}}), 400, "2025-05-01"));
        run.sim.run_until(60 * sim::kDay);
        const sim::Subscription& g =
            *std::find_if(run.w().subscriptions.begin(), run.w().subscriptions.end(),
                          [](const sim::Subscription& s) { return s.sku == kRvGrant; });
        CHECK(g.status == sim::SubscriptionStatus::Active);
        CHECK(sim::invoices_of(run.w(), g.id).size() == 1);
    }
    SECTION("re-verified before the renewal: it renews") {
        RvRun run(rv_doc(rv_on(), 400, "2025-05-01"));
        run.sim.run_until(0);
        REQUIRE(run.reverify().ok);
        run.until_approved();
        run.sim.run_until(60 * sim::kDay);
        const sim::Subscription& g =
            *std::find_if(run.w().subscriptions.begin(), run.w().subscriptions.end(),
                          [](const sim::Subscription& s) { return s.sku == kRvGrant; });
        CHECK(g.status == sim::SubscriptionStatus::Active);
        CHECK(sim::invoices_of(run.w(), g.id).size() == 1);
    }
}

TEST_CASE("re-verification: without the setting nothing changes (no reminder, no lapse, no new JSON)",
          "[reverification]") {
    RvRun run(rv_doc(json::object()));
    run.sim.run_until(0);
    const sim::SimTime due = run.w().organisation.reverification_due_at;
    run.sim.run_until(due + 200 * sim::kDay);
    CHECK(run.w().organisation.status == sim::PortalStatus::ReverifyRequired);
    CHECK(run.mail("mail.reverification_reminder") == nullptr);
    CHECK(run.mail("mail.reverification_expired") == nullptr);
    CHECK_FALSE(run.w().programme.lapsed);
    CHECK_FALSE(run.portal_offers());  // as before: the offers go at the due date
    const json j = sim::to_json(run.w());
    CHECK_FALSE(j.contains("programme"));
    CHECK_FALSE(j["settings"].contains("reverification_lifecycle"));
}

TEST_CASE("re-verification: the settings are checked with a pointer", "[reverification]") {
    json doc = rv_doc(rv_on({{"reverification_grace_days", -1}}));
    const sim::ScenarioLoad load =
        sim::load_scenario_text(doc.dump(), "bad.json", sim::disk_catalogs(NPSIM_TEST_ASSET_DIR));
    REQUIRE_FALSE(load.ok());
    CHECK(load.errors.front().where == "/settings/reverification_grace_days");
    doc = rv_doc(rv_on({{"reverification_remider_days", 3}}));
    const sim::ScenarioLoad typo =
        sim::load_scenario_text(doc.dump(), "bad.json", sim::disk_catalogs(NPSIM_TEST_ASSET_DIR));
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.errors.front().message.find("reverification_reminder_days") != std::string::npos);
}
