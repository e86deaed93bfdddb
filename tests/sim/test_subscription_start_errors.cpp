// tests/sim/test_subscription_start_errors.cpp — issue 15 item 9: bad input about subscriptions is a
// `check` error with a JSON pointer and a plain message, never a crash or a silent fix: dates out of the
// engine's range (a purchase more than 3660 days before the start, a renewal as far after it), with the
// lifecycle a renewal more than one term away, and impossible states in a snapshot's world (more assigned
// than bought, a licence on an unknown or deleted subscription or of another SKU, an invoice of an
// unknown subscription).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/subscriptions.hpp"

using namespace journey_test;

namespace {

// The start-state errors of the approved scenario with one subscription `sub` (lifecycle on or off).
std::vector<sim::StartStateError> se_errors(json sub, bool lifecycle = true) {
    json settings = json::object();
    if (lifecycle) settings["subscription_lifecycle"] = true;
    json sc = approved_scenario(json::array(), settings);
    sc["start_date"] = "2025-03-03";
    sub["sku"] = kStandardStaff;
    sub["quantity"] = 3;
    sc["start"]["subscriptions"] = json::array({sub});
    sim::World w;
    std::vector<sim::StartStateError> errors;
    sim::world_from_scenario(sc, catalog("before-2025-07"), w, errors);
    return errors;
}

bool se_has(const std::vector<sim::StartStateError>& errors, const std::string& pointer,
            const std::string& words) {
    for (const auto& e : errors) {
        UNSCOPED_INFO(e.pointer << ": " << e.message);
        if (e.pointer == pointer && e.message.find(words) != std::string::npos) return true;
    }
    return false;
}

// A world that went through a run (Anna with a licence of sub "s"), as JSON to break on purpose.
json se_world() {
    json sc = approved_scenario(
        json::array({{{"upn", "lea"}, {"first_name", "Lea"}, {"usage_location", "DE"}, {"licences", {"s"}}}}),
        {{"subscription_lifecycle", true}});
    sc["start"]["subscriptions"] = json::array({{{"id", "s"}, {"sku", kStandardStaff}, {"quantity", 2}}});
    return sim::to_json(world_from(sc));
}

std::string se_read(const json& j) {
    sim::World w;
    std::string why;
    if (sim::world_from_json(j, w, why)) return "ok";
    return why;
}

}  // namespace

TEST_CASE("subscription start errors: dates beyond the engine's range", "[sim][subscriptions][start]") {
    CHECK(se_has(se_errors({{"purchased", "2005-01-01"}}), "/start/subscriptions/0/purchased",
                 "more than 3660 days before the start"));
    CHECK(se_has(se_errors({{"purchased", "2024-01-01"}, {"renews", "2040-01-01"}}, false),
                 "/start/subscriptions/0/renews", "more than 3660 days after the start"));
    CHECK(se_has(se_errors({{"renewal_in_days", -3}}), "/start/subscriptions/0/renewal_in_days", ""));
    CHECK(se_has(se_errors({{"renewal_in_days", 99999}}), "/start/subscriptions/0/renewal_in_days", ""));
    CHECK(se_has(se_errors({{"purchased", "2025-04-01"}}), "/start/subscriptions/0/purchased",
                 "after the start"));
    CHECK(se_has(se_errors({{"purchased", "2025-01-01"}, {"renews", "2024-12-01"}}),
                 "/start/subscriptions/0/renews", "after the purchase"));
    CHECK(se_errors({{"purchased", "2016-01-01"}, {"term", "P1Y"}}).empty());  // 9 years: fine
}

TEST_CASE("subscription start errors: with the lifecycle a renewal is at most one term away",
          "[sim][subscriptions][start]") {
    CHECK(se_has(se_errors({{"term", "P1M"}, {"renews", "2025-09-01"}}), "/start/subscriptions/0/renews",
                 "more than one term (a month (P1M))"));
    CHECK(se_has(se_errors({{"term", "P1M"}, {"renewal_in_days", 200}}),
                 "/start/subscriptions/0/renewal_in_days", "more than one term"));
    CHECK(se_has(se_errors({{"term", "P1Y"}, {"billing_frequency", "annual"}, {"renews", "2026-06-01"}}),
                 "/start/subscriptions/0/renews", "a year (P1Y)"));
    CHECK(se_errors({{"term", "P1Y"}, {"billing_frequency", "annual"}, {"renews", "2026-03-01"}}).empty());
    // Without the lifecycle nothing renews, so the old, looser rule stays.
    CHECK(se_errors({{"term", "P1M"}, {"renewal_in_days", 200}}, false).empty());
}

TEST_CASE("subscription start errors: impossible states in a snapshot's world",
          "[sim][subscriptions][start]") {
    const json good = se_world();
    REQUIRE(se_read(good) == "ok");
    REQUIRE(good["subscriptions"][1]["id"] == "s");

    json more = good;
    more["subscriptions"][1]["assigned"] = 5;
    CHECK(se_read(more) ==
          "/subscriptions/1/assigned: is 5 but only 2 licences are bought (\"quantity\"): more "
          "assigned than bought");

    json deleted = good;
    deleted["subscriptions"][1]["status"] = "deleted";
    CHECK(se_read(deleted).find("the deleted subscription \"s\"") != std::string::npos);

    json other_sku = good;
    other_sku["subscriptions"][1]["sku"] = kPremiumStaff;
    CHECK(se_read(other_sku).find("but its subscription \"s\" is of " + std::string(kPremiumStaff)) !=
          std::string::npos);

    json unknown = good;
    unknown["subscriptions"][1]["id"] = "t";
    CHECK(se_read(unknown).find("names the subscription \"s\", which this world does not have") !=
          std::string::npos);

    json invoice = good;
    invoice["billing_history"] = {{"renewals_scheduled", true},
                                  {"invoices", json::array({{{"id", "inv-1"},
                                                             {"date", 0},
                                                             {"period_start", 0},
                                                             {"period_end", 1},
                                                             {"subscription", "nope"},
                                                             {"transaction", "renew"},
                                                             {"lines", json::array()},
                                                             {"amount_cents", 0},
                                                             {"status", "paid"}}})}};
    CHECK(se_read(invoice) ==
          "/billing_history/invoices/0/subscription: names the subscription \"nope\", which this world does "
          "not have");
}
