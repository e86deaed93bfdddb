// tests/sim/test_subscription_faults.cpp — "the renewal payment fails" (issue 15 item 8): the renewal's
// charge is the step "subscriptions.renew", which fault rules match like an operation. The invoice stays
// unpaid, the admins get a mail, the subscription expires on its end date and is disabled after the grace
// period unless an admin pays the invoice (subscriptions.renew), which renews the term.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/faults.hpp"
#include "sim/ops.hpp"
#include "sim/subscriptions.hpp"

using namespace journey_test;

namespace {

std::string sf_upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

// Business Standard, 3 seats, monthly, renewing on day 10 with recurring billing on; Lea holds a seat.
sim::World sf_world() {
    json sc = approved_scenario(
        json::array(
            {{{"upn", "lea"}, {"first_name", "Lea"}, {"usage_location", "DE"}, {"licences", {"sub-x"}}}}),
        {{"subscription_lifecycle", true}});
    sc["start"]["subscriptions"] = json::array({{{"id", "sub-x"},
                                                 {"sku", kStandardStaff},
                                                 {"quantity", 3},
                                                 {"term", "P1M"},
                                                 {"billing_frequency", "monthly"},
                                                 {"renewal_in_days", 10}}});
    return world_from(sc);
}

sim::FaultRule sf_rule(const json& j) {
    sim::FaultRule r;
    std::vector<sim::FaultParseError> errors;
    REQUIRE(sim::fault_rule_from_json(j, r, errors));
    return r;
}

const json kSfDeclined = {{"id", "renewal-payment-fails"},
                          {"operation", "subscriptions.renew"},
                          {"error", "subscriptions.payment_declined"},
                          {"max_fires", 1}};

struct SfRun : journey_test::SubscriptionRun {
    explicit SfRun(std::vector<sim::FaultRule> faults) : SubscriptionRun(setup(std::move(faults))) {}
    static sim::Setup setup(std::vector<sim::FaultRule> faults) {
        sim::Setup s;
        s.seed = 5;
        s.start_date = sim::CivilDate{2025, 3, 3};
        s.world = sf_world();
        s.faults = std::move(faults);
        return s;
    }
    int fault_entries() const {
        int n = 0;
        for (const auto& e : sim.journal().entries())
            if (e.kind == "fault" && e.body.value("step", "") == "subscriptions.renew") ++n;
        return n;
    }
};

}  // namespace

TEST_CASE("subscription faults: the renewal payment fails, the subscription expires, then is disabled",
          "[sim][subscriptions][faults]") {
    SfRun r({sf_rule(kSfDeclined)});
    r.to_day(10.1);
    CHECK(r.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(r.fault_entries() == 1);
    REQUIRE(r.sim.world().billing_history.invoices.size() == 1);
    const sim::Invoice& inv = r.sim.world().billing_history.invoices[0];
    CHECK(inv.status == "failed");
    CHECK(inv.transaction == "renew");
    CHECK(inv.amount_cents == 3 * 300);
    CHECK(r.mails("mail.renewal_payment_failed") == 1);
    CHECK(r.mails("mail.subscription_expired") == 0);  // the payment mail says it instead
    // Users keep working while Expired; 30 days later the subscription is disabled.
    CHECK(sim::licence_works(r.sim.world(), r.sim.world().find_person(sf_upn("lea"))->licences[0]));
    r.to_day(40.1);
    CHECK(r.sub().status == sim::SubscriptionStatus::Disabled);
    CHECK_FALSE(sim::licence_works(r.sim.world(), r.sim.world().find_person(sf_upn("lea"))->licences[0]));
}

TEST_CASE("subscription faults: paying the failed invoice renews the term", "[sim][subscriptions][faults]") {
    SfRun r({sf_rule(kSfDeclined)});
    r.to_day(12);
    const sim::SimTime ended = 10 * sim::kDay;
    REQUIRE(r.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(r.act(sim::ops::renew_subscription(sf_upn("lea"), "sub-x")).code ==
          "subscriptions.insufficient_role");
    CHECK(r.act(sim::ops::renew_subscription(kAdmin, "sub-x", "pm-nope")).code ==
          "billing.unknown_payment_method");
    const sim::ActionResult paid = r.act(sim::ops::renew_subscription(kAdmin, "sub-x"));
    REQUIRE(paid.ok);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.sub().renewal_at == r.sim.calendar().add_months(ended, 1));
    CHECK(r.sim.world().billing_history.invoices[0].status == "paid");
    CHECK(r.sim.world().billing_history.invoices.size() == 1);  // the same invoice, now paid
    // The next renewal goes through (max_fires 1) and is not disabled on day 40.
    r.to_day(45);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.sim.world().billing_history.invoices.size() == 2);
    CHECK(r.sim.world().billing_history.invoices[1].status == "paid");
}

TEST_CASE("subscription faults: the admin's retry is an operation the same rule can refuse",
          "[sim][subscriptions][faults]") {
    json twice = kSfDeclined;
    twice["max_fires"] = 2;
    SfRun r({sf_rule(twice)});
    r.to_day(11);
    REQUIRE(r.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(r.act(sim::ops::renew_subscription(kAdmin, "sub-x")).code == "subscriptions.payment_declined");
    CHECK(r.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(r.act(sim::ops::renew_subscription(kAdmin, "sub-x")).ok);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
}

TEST_CASE("subscription faults: without a rule, or with one for another subscription, the renewal is paid",
          "[sim][subscriptions][faults]") {
    json other = kSfDeclined;
    other["args"] = {{"subscription", "sub-other"}};
    SfRun r({sf_rule(other)});
    r.to_day(10.1);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    REQUIRE(r.sim.world().billing_history.invoices.size() == 1);
    CHECK(r.sim.world().billing_history.invoices[0].status == "paid");
    CHECK(r.fault_entries() == 0);
    CHECK(r.act(sim::ops::renew_subscription(kAdmin, "sub-x")).code == "subscriptions.nothing_to_pay");
}
