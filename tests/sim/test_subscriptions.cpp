// tests/sim/test_subscriptions.cpp — the subscription lifecycle on the virtual clock (issue 15 item 1;
// domain-admin.md §1.1–1.7): renewal with recurring billing on (a new term, an invoice), Expired →
// Disabled → Deleted with the grace periods when it is off, reactivate, cancel, the July 2025 grant
// conversion against moving to the Business Basic grant in time, a Disabled subscription's licences no
// longer giving the apps, the invoices' amounts, and old worlds keeping their canonical JSON.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/domains.hpp"
#include "sim/my_account.hpp"
#include "sim/ops.hpp"
#include "sim/subscriptions.hpp"

using namespace journey_test;

namespace {

std::string su_upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

// Anna (Global Administrator), Ben (no role) and Lea (paid staff) with a licence of "sub-x"; one extra
// subscription "sub-x" as given; the lifecycle on unless `lifecycle` is false.
json su_scenario(json sub, const std::string& start_date = "2025-03-03", bool lifecycle = true) {
    json settings = json::object();
    if (lifecycle) settings["subscription_lifecycle"] = true;
    json sc = approved_scenario(
        json::array(
            {{{"upn", "ben"}, {"first_name", "Ben"}, {"usage_location", "DE"}},
             {{"upn", "lea"}, {"first_name", "Lea"}, {"usage_location", "DE"}, {"licences", {"sub-x"}}}}),
        settings);
    sub["id"] = "sub-x";
    sc["start"]["subscriptions"] = json::array({sub});
    sc["start_date"] = start_date;
    return sc;
}

struct SuRun : journey_test::SubscriptionRun {
    SuRun(const json& scenario, int year, int month, int day)
        : SubscriptionRun(setup(world_from(scenario), sim::CivilDate{year, month, day})) {}
    static sim::Setup setup(sim::World w, sim::CivilDate start) {
        sim::Setup s;
        s.seed = 11;
        s.start_date = start;
        s.world = std::move(w);
        return s;
    }
};

json su_standard_monthly(bool recurring) {
    return {{"sku", kStandardStaff},          {"quantity", 3},         {"term", "P1M"},
            {"billing_frequency", "monthly"}, {"renewal_in_days", 10}, {"recurring_billing", recurring}};
}

}  // namespace

TEST_CASE("subscriptions: without the lifecycle setting nothing renews and the canonical JSON is unchanged",
          "[sim][subscriptions]") {
    SuRun r(su_scenario(su_standard_monthly(true), "2025-03-03", false), 2025, 3, 3);
    const json before = sim::to_json(r.sim.world());
    CHECK_FALSE(before.contains("billing_history"));
    CHECK_FALSE(before["settings"].contains("subscription_lifecycle"));
    CHECK_FALSE(before["subscriptions"][1].contains("recurring_billing"));
    CHECK_FALSE(before["subscriptions"][1].contains("state_since"));
    r.to_day(40);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.sim.world().billing_history.invoices.empty());
    CHECK(r.sub().renewal_at == 10 * sim::kDay);
}

TEST_CASE("subscriptions: with recurring billing on the renewal starts a new term and bills it",
          "[sim][subscriptions]") {
    SuRun r(su_scenario(su_standard_monthly(true)), 2025, 3, 3);
    r.to_day(9.9);
    CHECK(r.sim.world().billing_history.invoices.empty());
    r.to_day(10.1);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.sub().renewal_at == r.sim.calendar().add_months(10 * sim::kDay, 1));
    REQUIRE(r.sim.world().billing_history.invoices.size() == 1);
    const sim::Invoice& inv = r.sim.world().billing_history.invoices[0];
    CHECK(inv.transaction == "renew");
    CHECK(inv.amount_cents == 3 * 300);  // 3 seats × $3.00 for one month
    CHECK(inv.period_start == 10 * sim::kDay);
    CHECK(inv.period_end == r.sub().renewal_at);
    CHECK(inv.status == "paid");  // the card pays
    r.to_day(75);                 // two more monthly renewals
    CHECK(r.sim.world().billing_history.invoices.size() == 3);
    CHECK(sim::invoices_of(r.sim.world(), "sub-x").front()->id ==
          r.sim.world().billing_history.invoices[2].id);
}

TEST_CASE(
    "subscriptions: with recurring billing off it expires on the end date, is disabled 30 days later "
    "and deleted 90 days after that",
    "[sim][subscriptions]") {
    SuRun r(su_scenario(su_standard_monthly(false)), 2025, 3, 3);
    CHECK(sim::subscription_disabled_at(r.sim.world(), r.sub()) == 40 * sim::kDay);
    CHECK(sim::subscription_deleted_at(r.sim.world(), r.sub()) == 130 * sim::kDay);
    r.to_day(9.99);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    r.to_day(10);
    CHECK(r.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(r.sub().state_since == 10 * sim::kDay);
    CHECK(r.mails("mail.subscription_expired") == 1);
    CHECK(r.sim.world().billing_history.invoices.empty());
    // Expired: users keep their apps.
    CHECK(sim::office_apps_view(r.sim.world(), su_upn("lea")).desktop_install);
    r.to_day(39.99);
    CHECK(r.sub().status == sim::SubscriptionStatus::Expired);
    r.to_day(40);
    CHECK(r.sub().status == sim::SubscriptionStatus::Disabled);
    CHECK(r.mails("mail.subscription_disabled") == 1);
    r.to_day(129.99);
    CHECK(r.sub().status == sim::SubscriptionStatus::Disabled);
    CHECK(r.sim.world().find_person(su_upn("lea"))->licence(kStandardStaff) != nullptr);
    r.to_day(130);
    CHECK(r.sub().status == sim::SubscriptionStatus::Deleted);
    CHECK(r.mails("mail.subscription_deleted") == 1);
    CHECK(r.sim.world().find_person(su_upn("lea"))->licence(kStandardStaff) == nullptr);
    CHECK(r.sub().assigned == 0);
    const json j = sim::to_json(r.sim.world());
    CHECK(j["subscriptions"][1]["status"] == "deleted");
    CHECK(j["subscriptions"][1]["recurring_billing"] == false);
    sim::World back;
    std::string why;
    REQUIRE(sim::world_from_json(j, back, why));
    CHECK(sim::to_json(back) == j);
}

TEST_CASE("subscriptions: a Disabled subscription's licences stop the apps, admins still get in",
          "[sim][subscriptions]") {
    json sub = su_standard_monthly(true);
    sub["status"] = "disabled";
    SuRun r(su_scenario(sub), 2025, 3, 3);
    const sim::OfficeAppsView v = sim::office_apps_view(r.sim.world(), su_upn("lea"));
    CHECK(v.signed_in);
    CHECK_FALSE(v.desktop_install);
    CHECK(v.subscription_disabled);
    CHECK(v.message_key == "myaccount.subscription_disabled");
    CHECK(sim::office_apps_view(r.sim.world(), kAdmin).signed_in);
    // Reactivating brings them back at once, with a new term billed from today.
    REQUIRE(r.act(sim::ops::reactivate_subscription(kAdmin, "sub-x")).ok);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(sim::office_apps_view(r.sim.world(), su_upn("lea")).desktop_install);
    REQUIRE(r.sim.world().billing_history.invoices.size() == 1);
    CHECK(r.sim.world().billing_history.invoices[0].transaction == "re_enable");
    CHECK(r.sim.world().billing_history.invoices[0].amount_cents == 900);
}

TEST_CASE(
    "subscriptions: reactivate needs a Global or Billing admin, works while Expired or Disabled, never "
    "after Deleted",
    "[sim][subscriptions]") {
    SuRun r(su_scenario(su_standard_monthly(false)), 2025, 3, 3);
    CHECK(r.act(sim::ops::reactivate_subscription(kAdmin, "sub-x")).code == "subscriptions.already_active");
    r.to_day(20);  // Expired
    CHECK(r.act(sim::ops::reactivate_subscription(su_upn("ben"), "sub-x")).code ==
          "subscriptions.insufficient_role");
    CHECK(r.act(sim::ops::reactivate_subscription(kAdmin, "sub-nope")).code ==
          "subscriptions.unknown_subscription");
    CHECK(r.act(sim::ops::set_recurring_billing(kAdmin, "sub-x", true)).code == "subscriptions.not_active");
    // The operation by its name, as a scenario's solution writes it.
    REQUIRE(r.act({"subscriptions.reactivate", kAdmin, {{"subscription", "sub-x"}}}).ok);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.sub().recurring_billing);
    // The old grace period's steps are stale now: day 40 does not disable it.
    r.to_day(45);
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.mails("mail.subscription_disabled") == 0);

    SuRun gone(su_scenario(su_standard_monthly(false)), 2025, 3, 3);
    gone.to_day(131);
    CHECK(gone.sub().status == sim::SubscriptionStatus::Deleted);
    CHECK(gone.act(sim::ops::reactivate_subscription(kAdmin, "sub-x")).code == "subscriptions.deleted");
}

TEST_CASE(
    "subscriptions: turning recurring billing off before the end date expires it then, cancelling inside "
    "the 7-day window disables it at once",
    "[sim][subscriptions]") {
    SuRun r(su_scenario(su_standard_monthly(true)), 2025, 3, 3);
    CHECK(r.act(sim::ops::set_recurring_billing(su_upn("ben"), "sub-x", false)).code ==
          "subscriptions.insufficient_role");
    REQUIRE(
        r.act(
             {"subscriptions.set_recurring_billing", kAdmin, {{"subscription", "sub-x"}, {"enabled", false}}})
            .ok);
    CHECK_FALSE(r.sub().recurring_billing);
    r.to_day(10.5);
    CHECK(r.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(r.sub().state_since == 10 * sim::kDay);  // the end date, not the day it was switched off

    SuRun c(su_scenario(su_standard_monthly(true)), 2025, 3, 3);
    c.to_day(12);  // renewed on day 10: inside the window
    REQUIRE(c.act({"subscriptions.cancel", kAdmin, {{"subscription", "sub-x"}}}).ok);
    CHECK(c.sub().status == sim::SubscriptionStatus::Disabled);
    CHECK_FALSE(sim::office_apps_view(c.sim.world(), su_upn("lea")).desktop_install);

    SuRun late(su_scenario(su_standard_monthly(true)), 2025, 3, 3);
    late.to_day(25);  // 15 days after the renewal: cancelling only turns recurring billing off
    REQUIRE(late.act(sim::ops::cancel_subscription(kAdmin, "sub-x")).ok);
    CHECK(late.sub().status == sim::SubscriptionStatus::Active);
    CHECK_FALSE(late.sub().recurring_billing);
}

TEST_CASE(
    "subscriptions: the Business Premium grant renewing on or after 2025-07-01 converts to the "
    "discounted price with an invoice",
    "[sim][subscriptions]") {
    const json premium = {{"sku", kDonation},
                          {"quantity", 10},
                          {"term", "P1Y"},
                          {"billing_frequency", "annual"},
                          {"renews", "2025-07-01"}};
    SuRun r(su_scenario(premium, "2025-06-02"), 2025, 6, 2);
    r.to_day(30);  // 2025-07-02
    CHECK(r.sub().status == sim::SubscriptionStatus::Active);
    CHECK(r.sub().sku == kPremiumStaff);
    CHECK(r.sub().converted_from == kDonation);
    CHECK(r.sub().price_cents_each == 550);
    REQUIRE(r.sim.world().billing_history.invoices.size() == 1);
    const sim::Invoice& inv = r.sim.world().billing_history.invoices[0];
    CHECK(inv.transaction == "convert");
    CHECK(inv.amount_cents == 10 * 550 * 12);  // $660 a year for 10 users (domain.md §2.2)
    CHECK(r.mails("mail.subscription_converted") == 1);
    CHECK(r.sim.world().find_person(su_upn("lea"))->licence(kPremiumStaff) != nullptr);
    CHECK(sim::office_apps_view(r.sim.world(), su_upn("lea")).desktop_install);

    // Renewing before the change date: a grant renewal at $0, the SKU unchanged.
    json early = premium;
    early["renews"] = "2025-06-20";
    SuRun e(su_scenario(early, "2025-06-02"), 2025, 6, 2);
    e.to_day(20);
    CHECK(e.sub().sku == kDonation);
    REQUIRE(e.sim.world().billing_history.invoices.size() == 1);
    CHECK(e.sim.world().billing_history.invoices[0].amount_cents == 0);

    // The [D] setting "grant_ends": the grant expires instead.
    json ends = su_scenario(premium, "2025-06-02");
    ends["settings"]["premium_grant_renewal"] = "grant_ends";
    SuRun g(ends, 2025, 6, 2);
    g.to_day(30);
    CHECK(g.sub().status == sim::SubscriptionStatus::Expired);
    CHECK(g.sim.world().billing_history.invoices.empty());
}

TEST_CASE("subscriptions: moving the users to the Business Basic grant before the renewal avoids the invoice",
          "[sim][subscriptions]") {
    const json premium = {{"sku", kDonation},
                          {"quantity", 10},
                          {"term", "P1Y"},
                          {"billing_frequency", "annual"},
                          {"renews", "2025-07-01"}};
    SuRun r(su_scenario(premium, "2025-06-02"), 2025, 6, 2);
    sim::ops::Order basic;
    basic.sku = kBasicGrant;
    basic.quantity = 10;
    basic.term = "P1Y";
    basic.billing_frequency = "annual";
    REQUIRE(r.act(sim::ops::place_order(kAdmin, basic)).ok);
    REQUIRE(r.act({"licences.unassign", kAdmin, {{"sku", kDonation}, {"users", {su_upn("lea")}}}}).ok);
    REQUIRE(r.act({"licences.assign", kAdmin, {{"sku", kBasicGrant}, {"users", {su_upn("lea")}}}}).ok);
    r.to_day(30);
    CHECK(r.sub().sku == kDonation);
    CHECK(r.sub().status == sim::SubscriptionStatus::Expired);
    for (const sim::Invoice& inv : r.sim.world().billing_history.invoices) {
        CHECK(inv.amount_cents == 0);  // only the $0 purchase of the Basic grant
        CHECK(inv.transaction == "purchase");
    }
    CHECK(r.mails("mail.subscription_converted") == 0);
}

TEST_CASE("subscriptions: the conditions subscription_state and invoice_exists", "[sim][subscriptions]") {
    auto holds = [](const SuRun& r, const char* text) {
        std::vector<sim::ConditionError> errors;
        const json c = json::parse(text);
        INFO(text);
        REQUIRE(sim::validate_condition(c, "/c", errors));
        return sim::evaluate_condition(c, r.sim);
    };
    auto errors_of = [](const char* text) {
        std::vector<sim::ConditionError> errors;
        CHECK_FALSE(sim::validate_condition(json::parse(text), "/c", errors));
        return errors;
    };
    SuRun r(su_scenario(su_standard_monthly(false)), 2025, 3, 3);
    const std::string sku = kStandardStaff;
    const std::string active = R"({"subscription_state": {"sku": ")" + sku + R"(", "state": "active"}})";
    const std::string disabled = R"({"subscription_state": {"sku": ")" + sku + R"(", "state": "disabled"}})";
    CHECK(holds(r, active.c_str()));
    CHECK_FALSE(holds(r, disabled.c_str()));
    CHECK_FALSE(holds(r, R"({"invoice_exists": {}})"));
    r.to_day(41);
    CHECK(holds(r, disabled.c_str()));
    REQUIRE(r.act(sim::ops::reactivate_subscription(kAdmin, "sub-x")).ok);
    CHECK(holds(r, R"({"invoice_exists": {"min_amount_cents": 900}})"));
    CHECK_FALSE(holds(r, R"({"invoice_exists": {"min_amount_cents": 901}})"));
    const std::string of_sku = R"({"invoice_exists": {"sku": ")" + sku + R"("}})";
    CHECK(holds(r, of_sku.c_str()));
    CHECK_FALSE(holds(r, R"({"invoice_exists": {"sku": "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT"}})"));

    auto e = errors_of(R"({"subscription_state": {"sku": "X", "state": "disabeld"}})");
    REQUIRE(e.size() == 1);
    CHECK(e[0].pointer == "/c/subscription_state/state");
    CHECK(e[0].message.find("did you mean \"disabled\"") != std::string::npos);
    e = errors_of(R"({"invoice_exists": {"min_amount_cents": -1}})");
    REQUIRE(e.size() == 1);
    CHECK(e[0].pointer == "/c/invoice_exists/min_amount_cents");
    e = errors_of(R"({"subscription_state": {"sku": "X"}})");
    REQUIRE(e.size() == 1);
    CHECK(e[0].pointer == "/c/subscription_state");
}

// [SECTION] Licence counts (domain-admin.md §1.4, C32) -------------------------------------------------

namespace {

// Business Standard, 4 seats bought 2025-01-10 for a year (renews 2026-01-10), Lea and Ben hold one each;
// the start (2025-03-03) is long after the 7-day removal window.
json su_annual(json extra = json::object()) {
    json sub = {{"sku", kStandardStaff},
                {"quantity", 4},
                {"term", "P1Y"},
                {"billing_frequency", "annual"},
                {"purchased", "2025-01-10"},
                {"renews", "2026-01-10"}};
    for (auto& [k, v] : extra.items()) sub[k] = v;
    json sc = su_scenario(sub);
    sc["start"]["people"][1]["licences"] = json::array({"sub-x"});
    return sc;
}

sim::Action su_quantity(int quantity) {
    return sim::ops::change_quantity(kAdmin, "sub-x", quantity);
}

}  // namespace

TEST_CASE(
    "subscriptions: after the removal window licences can't be removed, only planned for the renewal (C32)",
    "[sim][subscriptions][c32]") {
    SuRun r(su_annual(), 2025, 3, 3);
    REQUIRE(r.sub().assigned == 2);
    CHECK(r.act(su_quantity(3)).code == "billing.outside_removal_window");
    CHECK(r.sub().quantity == 4);
    // Unassign first: never below the licences assigned; more than today is bought now, not planned.
    CHECK(r.act(sim::ops::schedule_quantity(kAdmin, "sub-x", 1)).code == "billing.below_assigned");
    CHECK(r.act(sim::ops::schedule_quantity(kAdmin, "sub-x", 5)).code == "subscriptions.increase_now");
    CHECK(r.act(sim::ops::schedule_quantity(su_upn("ben"), "sub-x", 2)).code ==
          "subscriptions.insufficient_role");
    const sim::ActionResult planned = r.act(
        sim::Action{"subscriptions.schedule_quantity", kAdmin, {{"subscription", "sub-x"}, {"quantity", 2}}});
    REQUIRE(planned.ok);
    CHECK(planned.data["effective_at"] == r.sub().renewal_at);
    CHECK(r.sub().scheduled_quantity == 2);
    CHECK(r.sub().quantity == 4);  // still paying for 4 until the renewal
    CHECK(sim::to_json(r.sim.world())["subscriptions"][1]["scheduled_quantity"] == 2);
    // At the renewal the new total applies and the invoice bills it.
    const sim::SimTime renewal = r.sub().renewal_at;
    r.sim.run_until(renewal + sim::kHour);
    CHECK(r.sub().quantity == 2);
    CHECK(r.sub().scheduled_quantity == 0);
    REQUIRE(r.sim.world().billing_history.invoices.size() == 1);
    CHECK(r.sim.world().billing_history.invoices[0].lines[0].quantity == 2);
    CHECK(r.sim.world().billing_history.invoices[0].amount_cents == 2 * 300 * 12);
    // Within 7 days of the renewal the Remove licenses button is on again.
    CHECK(sim::licence_change_blocked(r.sim.world(), r.sim.calendar(), r.sim.now(), r.sub(), true).empty());
}

TEST_CASE("subscriptions: removing licences needs recurring billing on, and turning it off drops the plan",
          "[sim][subscriptions][c32]") {
    SuRun r(su_annual(), 2025, 3, 3);
    REQUIRE(r.act(sim::ops::schedule_quantity(kAdmin, "sub-x", 3)).ok);
    REQUIRE(r.act(sim::ops::set_recurring_billing(kAdmin, "sub-x", false)).ok);
    CHECK(r.sub().scheduled_quantity == 0);  // §1.3: off cancels scheduled changes
    CHECK(r.act(sim::ops::schedule_quantity(kAdmin, "sub-x", 3)).code == "billing.recurring_billing_off");
    CHECK(r.act(su_quantity(3)).code == "billing.recurring_billing_off");
    CHECK(sim::licence_change_blocked(r.sim.world(), r.sim.calendar(), r.sim.now(), r.sub(), true) ==
          "billing.recurring_billing_off");
    CHECK(sim::licence_change_blocked(r.sim.world(), r.sim.calendar(), r.sim.now(), r.sub(), false).empty());
}

TEST_CASE("subscriptions: a mid-term purchase opens a new 7-day removal window",
          "[sim][subscriptions][c32]") {
    SuRun r(su_annual(), 2025, 3, 3);
    REQUIRE(r.act(su_quantity(6)).ok);
    CHECK(r.sub().licences_added_at >= 0);
    CHECK(r.sim.world().billing_history.invoices.empty());
    r.to_day(3);
    REQUIRE(r.act(su_quantity(5)).ok);  // within 7 days of buying more
    CHECK(r.sub().quantity == 5);
    r.to_day(8);
    CHECK(r.act(su_quantity(4)).code == "billing.outside_removal_window");
    CHECK(sim::removal_window_ends(r.sim.world(), r.sim.calendar(), r.sub()) ==
          r.sub().licences_added_at + 7 * sim::kDay);
}

TEST_CASE("subscriptions: credit check, reseller and prepaid turn both buttons off",
          "[sim][subscriptions][c32]") {
    struct Case {
        json extra;
        const char* code;
    };
    for (const Case& c : {Case{{{"channel", "Reseller"}}, "billing.purchased_via_reseller"},
                          Case{{{"channel", "Prepaid"}}, "billing.prepaid"},
                          Case{{{"credit_check_pending", true}}, "billing.credit_check_pending"}}) {
        CAPTURE(c.code);
        SuRun r(su_annual(c.extra), 2025, 3, 3);
        CHECK(r.act(su_quantity(5)).code == c.code);
        CHECK(r.act(su_quantity(3)).code == c.code);
        CHECK(r.act(sim::ops::schedule_quantity(kAdmin, "sub-x", 3)).code == c.code);
        CHECK(r.sub().quantity == 4);
    }
    // Without the lifecycle the older rule stays: the channel does not matter.
    json old = su_annual({{"channel", "Reseller"}});
    old["settings"] = json::object();
    SuRun r(old, 2025, 3, 3);
    CHECK(r.act(su_quantity(5)).ok);
}

// [SECTION] Mail honours the subscription's state (domain-admin.md §1.1, C21) ---------------------------

TEST_CASE("subscriptions: a Disabled subscription's mailboxes neither send nor receive until reactivated",
          "[sim][subscriptions][mail]") {
    json sub = su_standard_monthly(false);
    sub["status"] = "disabled";
    SuRun r(su_scenario(sub), 2025, 3, 3);
    const sim::Person& lea = *r.sim.world().find_person(su_upn("lea"));
    CHECK_FALSE(sim::has_mailbox(r.sim.world(), lea));
    const sim::ActionResult sent = r.act(
        sim::Action{"mailboxes.send_internal", su_upn("lea"), {{"from", su_upn("lea")}, {"to", kAdmin}}});
    CHECK(sent.code == "mailboxes.subscription_disabled");
    REQUIRE(r.act(sim::ops::reactivate_subscription(kAdmin, "sub-x")).ok);
    CHECK(sim::has_mailbox(r.sim.world(), *r.sim.world().find_person(su_upn("lea"))));
    CHECK(r.act(sim::Action{
                    "mailboxes.send_internal", su_upn("lea"), {{"from", su_upn("lea")}, {"to", kAdmin}}})
              .ok);
}

// [SECTION] The $0 Nonprofit Portal subscription --------------------------------------------------------

TEST_CASE("subscriptions: the Nonprofit Portal subscription renews yearly without an invoice",
          "[sim][subscriptions]") {
    SuRun r(su_scenario(su_standard_monthly(false)), 2025, 3, 3);
    const sim::Subscription* portal = nullptr;
    for (const sim::Subscription& s : r.sim.world().subscriptions)
        if (s.sku == kPortal) portal = &s;
    REQUIRE(portal != nullptr);
    const sim::SimTime first = portal->renewal_at;
    CHECK(first > 0);
    CHECK(first <= r.sim.calendar().add_months(0, 12));
    r.sim.run_until(first + sim::kHour);
    CHECK(portal->status == sim::SubscriptionStatus::Active);
    CHECK(portal->renewal_at == r.sim.calendar().add_months(first, 12));
    for (const sim::Invoice& inv : r.sim.world().billing_history.invoices)
        CHECK(inv.subscription != portal->id);
}
