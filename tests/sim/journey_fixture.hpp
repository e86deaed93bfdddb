// tests/sim/journey_fixture.hpp — drives the simulated journey through actions, for the sim tests.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "sim/catalog.hpp"
#include "sim/data_files.hpp"
#include "sim/simulation.hpp"
#include "sim/world.hpp"

namespace journey_test {

using nlohmann::json;

inline sim::Catalog catalog(const std::string& edition = "before-2025-07", const json& overrides = nullptr) {
    sim::Catalog c;
    std::string error;
    INFO(error);
    REQUIRE(sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, edition, overrides, c, error));
    return c;
}

// A world from a scenario document ({"start": …, "settings": …, "delays": …}); fails the test on errors.
inline sim::World world_from(const json& scenario, const std::string& edition = "before-2025-07") {
    sim::World w;
    std::vector<sim::StartStateError> errors;
    const bool ok = sim::world_from_scenario(scenario, catalog(edition), w, errors);
    for (const auto& e : errors) UNSCOPED_INFO(e.pointer << ": " << e.message);
    REQUIRE(ok);
    return w;
}

constexpr const char* kTenant = "tsvmuster";
constexpr const char* kAdmin = "anna@tsvmuster.onmicrosoft.com";
constexpr const char* kDonation = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";
constexpr const char* kBasicGrant = "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT";
constexpr const char* kPremiumStaff = "M365_BUSINESS_PREMIUM_NONPROFIT_STAFF";
constexpr const char* kStandardStaff = "M365_BUSINESS_STANDARD_NONPROFIT_STAFF";
constexpr const char* kPortal = "NONPROFIT_PORTAL";

// The start-state errors of a scenario document, each as "pointer: message" (empty when it loads).
inline std::vector<std::string> start_errors(const json& scenario,
                                             const std::string& edition = "before-2025-07") {
    sim::World w;
    std::vector<sim::StartStateError> errors;
    sim::world_from_scenario(scenario, catalog(edition), w, errors);
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.pointer + ": " + e.message);
    return out;
}

// Submits `a` and steps the simulation until its result is in (fails the test if it never comes).
inline sim::ActionResult run_action(sim::Simulation& s, const sim::Action& a) {
    const sim::ActionHandle h = s.submit(a);
    while (s.is_pending(h) && s.step_to_next_event()) {
    }
    auto r = s.result(h);
    REQUIRE(r.has_value());
    return *r;
}

// A simulation of the subscription lifecycle (sim/subscriptions.hpp) with the helpers its tests share:
// the subscription "sub-x", an action to its result, a day from the start, mails to the admin by key.
struct SubscriptionRun {
    sim::Simulation sim;
    explicit SubscriptionRun(sim::Setup setup) : sim(std::move(setup)) {}
    const sim::Subscription& sub() {
        for (const sim::Subscription& s : sim.world().subscriptions)
            if (s.id == "sub-x") return s;
        FAIL("no subscription sub-x");
        return sim.world().subscriptions.front();
    }
    sim::ActionResult act(const sim::Action& a) { return run_action(sim, a); }
    void to_day(double days) { sim.run_until(static_cast<sim::SimTime>(days * sim::kDay)); }
    int mails(const std::string& key) const {
        int n = 0;
        for (const auto& m : sim.world().find_person(kAdmin)->inbox)
            if (m.subject_key == key + ".subject") ++n;
        return n;
    }
};

// An approved association with Anna as Global Administrator (with the portal licence), plus `extra` people.
inline json approved_scenario(json extra_people = json::array(), json settings = json::object()) {
    json people = json::array({{{"upn", "anna"},
                                {"first_name", "Anna"},
                                {"last_name", "Schmidt"},
                                {"usage_location", "DE"},
                                {"roles", {"global_admin"}},
                                {"licences", {kPortal}}}});
    for (auto& p : extra_people) people.push_back(p);
    return {{"settings", settings},
            {"start",
             {{"tenant", {{"name", kTenant}}},
              {"organisation", {{"status", "approved"}, {"form", {{"legal_name", "TSV Musterstadt e.V."}}}}},
              {"payment_methods", json::array({{{"kind", "card"}, {"label", "•••• 4242"}}})},
              {"people", people}}}};
}

// A simulation plus helpers that submit an action and wait for its result.
struct Journey {
    sim::Simulation sim;

    explicit Journey(sim::World w, std::uint64_t seed = 7) : sim(make_setup(std::move(w), seed)) {}

    static sim::Setup make_setup(sim::World w, std::uint64_t seed) {
        sim::Setup s;
        s.seed = seed;
        s.start_date = sim::CivilDate{2025, 3, 3};  // a Monday
        s.world = std::move(w);
        return s;
    }

    sim::ActionResult act(const std::string& type, const std::string& actor, json args = json::object()) {
        return run_action(sim, sim::Action{type, actor, std::move(args)});
    }
    // Expects success; shows the failure otherwise.
    json ok(const std::string& type, const std::string& actor, json args = json::object()) {
        sim::ActionResult r = act(type, actor, std::move(args));
        INFO(type << " → " << r.code << " " << r.params.dump());
        REQUIRE(r.ok);
        return r.data;
    }
    // Expects the failure `code`; returns its params.
    json fails(const std::string& code, const std::string& type, const std::string& actor,
               json args = json::object()) {
        sim::ActionResult r = act(type, actor, std::move(args));
        INFO(type << " → " << r.code << " " << r.params.dump());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.code == code);
        REQUIRE(r.message_key == "error." + code);
        return r.params;
    }
    void advance(sim::SimTime dt) { sim.run_until(sim.now() + dt); }
    const sim::World& world() const { return sim.world(); }
    const sim::Person& person(const std::string& upn) const {
        const sim::Person* p = sim.world().find_person(upn);
        REQUIRE(p != nullptr);
        return *p;
    }
};

// The registration form of the seed article's association (every field valid).
inline json good_form() {
    return {{"legal_name", "TSV Musterstadt e.V."},
            {"country", "DE"},
            {"registration_id", "VR 12345"},
            {"address", "Hauptstraße 1, 12345 Musterstadt"},
            {"website", "https://tsv-musterstadt.de"},
            {"phone", "+49 30 1234567"},
            {"org_type", "association"},
            {"mission", "Breitensport für Kinder und Jugendliche in Musterstadt"},
            {"contact_first_name", "Anna"},
            {"contact_last_name", "Schmidt"},
            {"contact_email", "anna@tsv-musterstadt.de"},
            {"registrant_relationship", "volunteer"},
            {"proof_document", "Freistellungsbescheid.pdf"},
            {"attest_eligibility", true},
            {"accept_non_discrimination", true},
            {"accept_terms", true}};
}

inline json registration() {
    return {{"tenant_name", kTenant}, {"first_name", "Anna"}, {"last_name", "Schmidt"},
            {"username", "anna"},     {"country", "DE"},      {"password", "Sommer-2025!"}};
}

}  // namespace journey_test
