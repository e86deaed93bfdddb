// tests/sim/test_tenants.cpp — more than one tenant (issue 15 item 5; domain.md C9): the start state's
// other tenants and its errors with JSON pointers, registering again from the working tenant ("already
// linked"), the two resolution paths of settings.tenant_move_policy ("newer": let the status lapse and
// validate again; "older_csp": Contact Us moves it after a delay), the condition tenant_validated, and
// worlds without other tenants keeping their canonical JSON.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/ops.hpp"
#include "sim/tenants.hpp"

using namespace journey_test;

namespace {

// Anna's working tenant "tsvmuster" (in Draft: she signed in to the portal), and "tsvev" that Bernd, the
// treasurer, registered and that holds the nonprofit status.
json tn_scenario(const std::string& policy = "") {
    json sc =
        approved_scenario(json::array({{{"upn", "ben"}, {"first_name", "Ben"}, {"usage_location", "DE"}}}));
    sc["start"]["organisation"] = {{"status", "draft"}};
    sc["start"]["tenants"] =
        json::array({{{"name", "tsvev"}, {"registered_by", "Bernd Kaiser"}, {"validated", true}}});
    if (!policy.empty()) sc["settings"]["tenant_move_policy"] = policy;
    return sc;
}

std::vector<sim::StartStateError> tn_errors(const json& sc) {
    sim::World w;
    std::vector<sim::StartStateError> errors;
    CHECK_FALSE(sim::world_from_scenario(sc, catalog(), w, errors));
    return errors;
}

bool tn_has_error(const std::vector<sim::StartStateError>& errors, const std::string& pointer,
                  const std::string& part) {
    for (const auto& e : errors) {
        UNSCOPED_INFO(e.pointer << ": " << e.message);
        if (e.pointer == pointer && e.message.find(part) != std::string::npos) return true;
    }
    return false;
}

bool tn_condition(const Journey& j, const json& c) {
    return sim::evaluate_condition(c, j.sim);
}

bool tn_offers_in_purchase(const Journey& j) {
    // billing.cpp: offers need the organisation approved and this tenant nonprofit-tagged (C6).
    return j.world().tenant.nonprofit_tagged && j.world().organisation.status == sim::PortalStatus::Approved;
}

}  // namespace

TEST_CASE("tenants: the start state holds another, validated tenant, and the working tenant is not tagged") {
    const sim::World w = world_from(tn_scenario());
    REQUIRE(w.tenants.others.size() == 1);
    CHECK(w.tenants.others[0].initial_domain == "tsvev.onmicrosoft.com");
    CHECK(w.tenants.others[0].registered_by == "Bernd Kaiser");
    CHECK_FALSE(w.tenant.nonprofit_tagged);
    CHECK(sim::validated_tenant_domain(w) == "tsvev.onmicrosoft.com");
    CHECK(sim::tenant_is_validated(w, "tsvev.onmicrosoft.com"));
    CHECK_FALSE(sim::tenant_is_validated(w, kTenant));

    // An approved organisation whose status sits on the other tenant: still no offers in this tenant.
    json sc = tn_scenario();
    sc["start"]["organisation"] = {{"status", "approved"}};
    CHECK_FALSE(world_from(sc).tenant.nonprofit_tagged);

    // The canonical JSON round-trips the other tenants.
    sim::World back;
    std::string why;
    REQUIRE(sim::world_from_json(sim::to_json(w), back, why));
    CHECK(sim::to_json(back) == sim::to_json(w));
}

TEST_CASE("tenants: bad start states are errors with JSON pointers") {
    json dup = tn_scenario();
    dup["start"]["tenants"].push_back({{"name", "tsvev.onmicrosoft.com"}});
    CHECK(tn_has_error(tn_errors(dup), "/start/tenants/1/name", "appears twice"));

    json same = tn_scenario();
    same["start"]["tenants"][0]["name"] = kTenant;
    CHECK(tn_has_error(tn_errors(same), "/start/tenants/0/name", "works in"));

    json two = tn_scenario();
    two["start"]["tenants"].push_back({{"name", "tsvzwei"}, {"validated", true}});
    CHECK(tn_has_error(tn_errors(two), "/start/tenants/1/validated", "/start/tenants/0"));

    json tagged = tn_scenario();
    tagged["start"]["tenant"]["nonprofit_tagged"] = true;
    CHECK(tn_has_error(tn_errors(tagged), "/start/tenants/0/validated", "nonprofit_tagged"));

    json bad = tn_scenario();
    bad["start"]["tenants"][0]["name"] = "TSV e.V.";
    CHECK(tn_has_error(tn_errors(bad), "/start/tenants/0/name", "not a tenant name"));

    json typo = tn_scenario();
    typo["start"]["tenants"][0]["validatd"] = true;
    const auto errors = tn_errors(typo);
    bool suggested = false;
    for (const auto& e : errors)
        suggested = suggested || (e.pointer == "/start/tenants/0/validatd" &&
                                  e.message.find("validated") != std::string::npos);
    CHECK(suggested);

    json policy = tn_scenario("oldest");
    CHECK(tn_has_error(tn_errors(policy), "/settings/tenant_move_policy", "older_csp"));
}

TEST_CASE("tenants: registering again from the working tenant gives 'already linked'") {
    Journey j(world_from(tn_scenario()));
    const json params = j.fails("portal.already_linked", "portal.submit_registration", kAdmin, good_form());
    CHECK(params["domain"] == "tsvev.onmicrosoft.com");
    CHECK(params["registered_by"] == "Bernd Kaiser");
    CHECK(j.world().organisation.status == sim::PortalStatus::Draft);
    CHECK_FALSE(tn_offers_in_purchase(j));
}

TEST_CASE("tenants: newer policy: the status cannot be moved, letting it lapse and validating again works") {
    Journey j(world_from(tn_scenario()));
    const json none =
        j.fails("tenants.move_not_supported", "tenants.request_status_move", kAdmin, {{"tenant", "tsvev"}});
    CHECK(none["domain"] == "tsvev.onmicrosoft.com");
    j.fails("tenants.unknown_tenant", "tenants.release_status", kAdmin, {{"tenant", "anderer"}});
    j.fails("tenants.field_required", "tenants.release_status", kAdmin);

    const sim::Action release = sim::ops::release_tenant_status(kAdmin, "tsvev.onmicrosoft.com");
    j.ok(release.type, release.actor, release.args);
    CHECK(sim::validated_tenant_domain(j.world()).empty());
    j.fails("tenants.not_validated", "tenants.release_status", kAdmin, {{"tenant", "tsvev"}});
    CHECK_FALSE(tn_condition(j, {{"tenant_validated", json::object()}}));

    // The working tenant registers and is validated by the usual verification.
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.advance(40 * sim::kDay);
    CHECK(j.world().organisation.status == sim::PortalStatus::Approved);
    CHECK(j.world().tenant.nonprofit_tagged);
    CHECK(tn_offers_in_purchase(j));
    CHECK(tn_condition(j, {{"tenant_validated", json::object()}}));
    CHECK(tn_condition(j, {{"tenant_validated", {{"tenant", "tsvmuster.onmicrosoft.com"}}}}));
    CHECK_FALSE(tn_condition(j, {{"tenant_validated", {{"tenant", "tsvev"}}}}));
}

TEST_CASE("tenants: older CSP policy: Contact Us moves the status after the delay") {
    json sc = tn_scenario("older_csp");
    sc["delays"]["tenant_status_move"] = "2 business days";
    Journey j(world_from(sc));
    CHECK(tn_condition(j, {{"tenant_validated", {{"tenant", "tsvev"}}}}));
    j.fails("tenants.global_admin_required", "tenants.request_status_move", "ben@tsvmuster.onmicrosoft.com",
            {{"tenant", "tsvev"}});
    const sim::Action move = sim::ops::request_tenant_status_move(kAdmin, "tsvev");
    const json data = j.ok(move.type, move.actor, move.args);
    CHECK(data["to"] == "tsvmuster.onmicrosoft.com");
    j.fails("tenants.move_pending", "tenants.request_status_move", kAdmin, {{"tenant", "tsvev"}});
    CHECK_FALSE(j.world().tenant.nonprofit_tagged);

    j.advance(5 * sim::kDay);  // 2 business days from Monday, 3 March 2025
    CHECK(j.world().tenants.move.status == "done");
    CHECK(j.world().tenant.nonprofit_tagged);
    CHECK(j.world().organisation.status == sim::PortalStatus::Approved);
    CHECK(tn_offers_in_purchase(j));
    CHECK_FALSE(j.world().tenants.others[0].validated);
    CHECK(tn_condition(j, {{"tenant_validated", {{"tenant", kTenant}}}}));
    bool mailed = false;
    for (const auto& m : j.person(kAdmin).inbox)
        mailed = mailed || m.subject_key == "mail.tenant_status_moved.subject";
    CHECK(mailed);
    CHECK(j.world().organisation.reverification_due_at > 0);  // the yearly re-verification is scheduled
}

TEST_CASE("tenants: the condition tenant_validated is checked with pointers") {
    std::vector<sim::ConditionError> errors;
    CHECK(sim::validate_condition({{"tenant_validated", {{"tenant", "verein"}}}}, "/c", errors));
    CHECK(sim::validate_condition({{"tenant_validated", json::object()}}, "/c", errors));
    CHECK(errors.empty());
    CHECK_FALSE(sim::validate_condition({{"tenant_validated", {{"tenant", "Verein e.V."}}}}, "/c", errors));
    CHECK_FALSE(sim::validate_condition({{"tenant_validated", {{"tenat", "verein"}}}}, "/d", errors));
    CHECK_FALSE(sim::validate_condition({{"tenant_validated", "verein"}}, "/e", errors));
    std::vector<std::string> pointers;
    for (const auto& e : errors) pointers.push_back(e.pointer);
    CHECK(std::find(pointers.begin(), pointers.end(), "/c/tenant_validated/tenant") != pointers.end());
    CHECK(std::find(pointers.begin(), pointers.end(), "/d/tenant_validated/tenat") != pointers.end());
    CHECK(std::find(pointers.begin(), pointers.end(), "/e/tenant_validated") != pointers.end());
}

TEST_CASE("tenants: a world without other tenants keeps its canonical JSON") {
    const sim::World w = world_from(approved_scenario());
    const json j = sim::to_json(w);
    CHECK_FALSE(j.contains("tenants"));
    CHECK_FALSE(j["settings"].contains("tenant_move_policy"));
    CHECK_FALSE(j["settings"].contains("tenant_status_move_delay"));
    CHECK(w.tenant.nonprofit_tagged);  // approved: the working tenant holds the status as before
    Journey jr(world_from(approved_scenario()));
    jr.fails("tenants.unknown_tenant", "tenants.request_status_move", kAdmin, {{"tenant", "x"}});
}
