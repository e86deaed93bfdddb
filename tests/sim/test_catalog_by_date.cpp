// tests/sim/test_catalog_by_date.cpp — the catalog edition follows the simulated date (issue 15 item 2;
// domain.md §0, §2.1–2.2; sim/programme.hpp): "edition": "by_date" starts with the edition in force and
// switches from before-2025-07 to from-2025-07 at 2025-07-01 00:00 in the scenario's time zone (the minute
// before and the minute of), products a subscription holds stay valid, a pinned edition never switches,
// references may name SKUs of either edition, and scenarios without "by_date" keep their JSON.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/billing.hpp"
#include "sim/data_files.hpp"
#include "sim/programme.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/subscriptions.hpp"
#include "sim/world.hpp"

namespace {

using nlohmann::json;

constexpr const char* kCbAdmin = "eva@cbverein.onmicrosoft.com";
constexpr const char* kCbDonation = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";

json cb_doc(const std::string& edition, const std::string& start_date,
            const std::string& zone = "Europe/Berlin") {
    json doc = {{"schema_version", 2},
                {"id", "cb-test"},
                {"title", "catalog by date"},
                {"start_date", start_date},
                {"start_time", "09:00"},
                {"time_zone", zone},
                {"start",
                 {{"tenant", {{"name", "cbverein"}}},
                  {"organisation", {{"status", "approved"}, {"form", {{"legal_name", "CB Verein e.V."}}}}},
                  {"people", json::array({{{"upn", kCbAdmin},
                                           {"first_name", "Eva"},
                                           {"kind", "paid_staff"},
                                           {"usage_location", "DE"},
                                           {"roles", {"global_admin"}},
                                           {"licences", {"NONPROFIT_PORTAL"}}}})}}}};
    if (!edition.empty()) doc["catalog"] = {{"edition", edition}};
    return doc;
}

sim::ScenarioLoad cb_load(const json& doc) {
    return sim::load_scenario_text(doc.dump(), "cb.json", sim::disk_catalogs(NPSIM_TEST_ASSET_DIR));
}

sim::Setup cb_setup(const json& doc) {
    const sim::ScenarioLoad load = cb_load(doc);
    for (const auto& e : load.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(load.ok());
    return load.scenario->setup;
}

bool cb_on_sale(const sim::World& w, const std::string& sku) {
    const auto list = sim::purchase_services(w);
    return std::any_of(list.begin(), list.end(), [&](const sim::Product* p) { return p->sku == sku; });
}

}  // namespace

TEST_CASE("catalog by date: switches at 2025-07-01 00:00 local, the minute before and the minute of",
          "[catalog_by_date]") {
    sim::Simulation sim(cb_setup(cb_doc("by_date", "2025-06-30")));
    REQUIRE(sim.world().catalog.edition == "before-2025-07");
    REQUIRE(sim.world().programme.next_catalog.has_value());
    const sim::SimTime at = sim.calendar().at_local({2025, 7, 1}, 0);
    CHECK(at == 15 * sim::kHour);  // 09:00 on 30 June to midnight
    CHECK(sim.world().programme.edition_change_at == at);
    CHECK(cb_on_sale(sim.world(), kCbDonation));
    sim.run_until(at - sim::kMinute);
    CHECK(sim.world().catalog.edition == "before-2025-07");
    CHECK(cb_on_sale(sim.world(), kCbDonation));
    sim.run_until(at);
    CHECK(sim.world().catalog.edition == "from-2025-07");
    CHECK_FALSE(cb_on_sale(sim.world(), kCbDonation));
    CHECK(cb_on_sale(sim.world(), "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT"));
    CHECK_FALSE(sim.world().programme.next_catalog.has_value());
    sim.run_until(at + sim::kMinute);
    CHECK(sim.world().catalog.edition == "from-2025-07");
}

TEST_CASE("catalog by date: the change follows the scenario's time zone", "[catalog_by_date]") {
    sim::Simulation sim(cb_setup(cb_doc("by_date", "2025-06-30", "UTC")));
    CHECK(sim.world().programme.edition_change_at == 15 * sim::kHour);  // UTC midnight, 15 h after 09:00 UTC
    sim::Simulation berlin(cb_setup(cb_doc("by_date", "2025-06-30")));
    CHECK(sim.calendar().unix_ms(sim.world().programme.edition_change_at) -
              berlin.calendar().unix_ms(berlin.world().programme.edition_change_at) ==
          2 * sim::kHour);  // CEST is UTC+2
}

TEST_CASE("catalog by date: a product a subscription holds stays valid, no longer for sale",
          "[catalog_by_date]") {
    json doc = cb_doc("by_date", "2025-06-30");
    doc["start"]["subscriptions"] = json::array({{{"id", "p"}, {"sku", kCbDonation}, {"quantity", 5}}});
    doc["start"]["people"][0]["licences"] = {"NONPROFIT_PORTAL", "p"};
    sim::Simulation sim(cb_setup(doc));
    sim.run_until(2 * sim::kDay);
    const sim::World& w = sim.world();
    REQUIRE(w.catalog.edition == "from-2025-07");
    const sim::Product* kept = w.catalog.find(kCbDonation);
    REQUIRE(kept != nullptr);
    CHECK_FALSE(kept->purchasable);
    CHECK_FALSE(cb_on_sale(w, kCbDonation));
    const sim::LicenceAssignment* l = w.find_person(kCbAdmin)->licence(kCbDonation);
    REQUIRE(l != nullptr);
    CHECK(sim::licence_works(w, *l));
}

TEST_CASE("catalog by date: a pinned edition never switches, a start after the change starts with it",
          "[catalog_by_date]") {
    sim::Simulation pinned(cb_setup(cb_doc("before-2025-07", "2025-06-30")));
    pinned.run_until(10 * sim::kDay);
    CHECK(pinned.world().catalog.edition == "before-2025-07");
    CHECK(pinned.world().programme.empty());
    CHECK_FALSE(sim::to_json(pinned.world()).contains("programme"));

    sim::Simulation absent(cb_setup(cb_doc("", "2025-06-30")));  // absent: before-2025-07, pinned
    absent.run_until(10 * sim::kDay);
    CHECK(absent.world().catalog.edition == "before-2025-07");
    CHECK_FALSE(sim::to_json(absent.world()).contains("programme"));

    sim::Simulation later(cb_setup(cb_doc("by_date", "2025-09-01")));
    CHECK(later.world().catalog.edition == "from-2025-07");
    CHECK_FALSE(later.world().programme.next_catalog.has_value());
    CHECK(later.world().programme.by_date);

    sim::Simulation from(cb_setup(cb_doc("by_date", "2025-07-01", "UTC")));  // 09:00 on the day: in force
    CHECK(from.world().catalog.edition == "from-2025-07");
}

TEST_CASE("catalog by date: references may name SKUs of either edition", "[catalog_by_date]") {
    json doc = cb_doc("by_date", "2025-09-01");
    doc["objectives"] = {
        {"items",
         json::array({{{"id", "o"},
                       {"title", "x"},
                       {"condition", {{"subscription", {{"sku", kCbDonation}, {"min_quantity", 1}}}}}}})}};
    CHECK(cb_load(doc).ok());
    json pinned = doc;
    pinned["catalog"]["edition"] = "from-2025-07";
    const sim::ScenarioLoad bad = cb_load(pinned);
    CHECK_FALSE(bad.ok());
}

TEST_CASE("catalog by date: the world's JSON round-trips the pending change", "[catalog_by_date]") {
    sim::Simulation sim(cb_setup(cb_doc("by_date", "2025-06-30")));
    const json j = sim::to_json(sim.world());
    REQUIRE(j.contains("programme"));
    sim::World back;
    std::string why;
    REQUIRE(sim::world_from_json(j, back, why));
    CHECK(sim::to_json(back) == j);
    REQUIRE(back.programme.next_catalog.has_value());
    CHECK(back.programme.next_catalog->edition == "from-2025-07");
}
