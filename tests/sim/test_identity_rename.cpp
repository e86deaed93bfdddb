// tests/sim/test_identity_rename.cpp — users.change_username carries the account's sign-in state (its
// Authenticator registration, the first sign-in's grace, a pending tenant recovery) to the new sign-in
// name: a renamed user is not asked to register MFA again, and the old name has no record left.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"
#include "sim/simulation.hpp"

using namespace journey_test;
using nlohmann::json;

namespace {

constexpr const char* kRnBen = "ben@tsvmuster.onmicrosoft.com";
constexpr const char* kRnBenjamin = "benjamin@tsvmuster.onmicrosoft.com";
constexpr const char* kRnPassword = "Sommer-2025!";
constexpr std::uint64_t kRnSeed = 11;

struct RnRun {
    sim::Simulation sim;

    RnRun() : sim(setup()) {}
    static sim::Setup setup() {
        sim::Setup s;
        s.seed = kRnSeed;
        s.start_date = {2025, 3, 3};
        s.world = world_from(approved_scenario(
            json::array({{{"upn", "ben"}, {"first_name", "Ben"}, {"usage_location", "DE"}}})));
        return s;
    }
    sim::ActionResult send(const sim::Action& a) {
        const sim::ActionHandle h = sim.submit(a);
        while (sim.is_pending(h) && sim.step_to_next_event()) {
        }
        auto r = sim.result(h);
        REQUIRE(r.has_value());
        return *r;
    }
    json ok(const sim::Action& a) {
        const sim::ActionResult r = send(a);
        INFO(a.type << " → " << r.code << " " << r.params.dump());
        REQUIRE(r.ok);
        return r.data;
    }
    const sim::World& world() const { return sim.world(); }
};

}  // namespace

TEST_CASE("identity: a renamed user keeps the Authenticator registration under the new sign-in name",
          "[sim][identity][users]") {
    RnRun r;
    // Ben signs in and registers the Authenticator.
    REQUIRE(r.ok(sim::ops::auth_sign_in(kRnBen, kRnPassword))["next"] == "mfa_register");
    r.ok(sim::ops::mfa_begin_registration(kRnBen));
    REQUIRE(r.ok(sim::ops::mfa_complete_registration(
                kRnBen, sim::current_mfa_code(r.world(), kRnSeed, kRnBen)))["next"] == "done");
    const sim::AccountIdentity before = *sim::identity_of(r.world(), kRnBen);
    REQUIRE(before.mfa_registered);

    // Anna renames him; the record moves with him.
    r.ok(sim::ops::change_username(kAdmin, kRnBen, "benjamin", ""));
    CHECK(sim::identity_of(r.world(), kRnBen) == nullptr);
    const sim::AccountIdentity* after = sim::identity_of(r.world(), kRnBenjamin);
    REQUIRE(after != nullptr);
    CHECK(after->mfa_registered);
    CHECK(after->mfa_registered_at == before.mfa_registered_at);
    CHECK(after->first_sign_in_at == before.first_sign_in_at);
    CHECK(after->challenge_serial == before.challenge_serial);

    // Signing in under the new name asks for the number on the phone, not a new registration.
    r.ok(sim::ops::auth_sign_out(kRnBenjamin));
    CHECK(r.ok(sim::ops::auth_sign_in(kRnBenjamin, kRnPassword))["next"] == "mfa_verify");
}

TEST_CASE("identity: a renamed user without a sign-in record gets none", "[sim][identity][users]") {
    RnRun r;
    REQUIRE(sim::identity_of(r.world(), kRnBen) == nullptr);
    r.ok(sim::ops::change_username(kAdmin, kRnBen, "benjamin", ""));
    CHECK(sim::identity_of(r.world(), kRnBen) == nullptr);
    CHECK(sim::identity_of(r.world(), kRnBenjamin) == nullptr);
    CHECK(r.world().identity.accounts.empty());  // nothing new in the canonical JSON (state hashes keep)
}

TEST_CASE("identity: a pending tenant recovery follows its Global Administrator's new sign-in name",
          "[sim][identity][users]") {
    RnRun r;
    const std::string renamed = "anna.schmidt@tsvmuster.onmicrosoft.com";
    // Anna, the only Global Administrator, registers the Authenticator and loses the phone.
    REQUIRE(r.ok(sim::ops::auth_sign_in(kAdmin, kRnPassword))["next"] == "mfa_register");
    r.ok(sim::ops::mfa_begin_registration(kAdmin));
    r.ok(sim::ops::mfa_complete_registration(kAdmin, sim::current_mfa_code(r.world(), kRnSeed, kAdmin)));
    r.ok(sim::ops::mfa_lose_phone(kAdmin));
    r.ok(sim::ops::auth_sign_out(kAdmin));
    REQUIRE_FALSE(sim::any_admin_can_sign_in(r.world()));
    r.ok(sim::ops::request_tenant_recovery(kRnBen, kRnBen, {"registration_documents"}));
    REQUIRE(r.world().identity.recovery.admin == kAdmin);
    // Renamed while the Data Protection team checks (the sim doesn't ask the actor to be signed in).
    r.ok(sim::ops::change_username(kAdmin, kAdmin, "anna.schmidt", ""));
    CHECK(r.world().identity.recovery.admin == renamed);
    CHECK(sim::identity_of(r.world(), kAdmin) == nullptr);
    while (r.world().identity.recovery.status == "pending" && r.sim.step_to_next_event()) {
    }
    REQUIRE(r.world().identity.recovery.status == "done");
    const sim::AccountIdentity* rec = sim::identity_of(r.world(), renamed);
    REQUIRE(rec != nullptr);
    CHECK(rec->temp_password_active);
    CHECK(rec->must_reregister);
}
