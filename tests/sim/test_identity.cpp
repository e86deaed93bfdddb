// tests/sim/test_identity.cpp — sign-in, MFA, security defaults, password reset and tenant access recovery
// (sim/identity.hpp; domain-admin.md §3, domain.md C10/C11/C20): one test per rule, and the secrets rule
// (no typed password or MFA code reaches the journal or the world).
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/faults.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"
#include "sim/simulation.hpp"

using namespace journey_test;
using nlohmann::json;

namespace {

constexpr const char* kBen = "ben@tsvmuster.onmicrosoft.com";
constexpr const char* kUwe = "uwe@tsvmuster.onmicrosoft.com";
constexpr std::uint64_t kIdtSeed = 7;

// Anna (Global Administrator), Ben (no role), Uwe (User Administrator); `settings` for the scenario.
sim::World idt_world(json settings = json::object()) {
    return world_from(approved_scenario(
        json::array(
            {{{"upn", "ben"}, {"first_name", "Ben"}, {"usage_location", "DE"}},
             {{"upn", "uwe"}, {"first_name", "Uwe"}, {"usage_location", "DE"}, {"roles", {"user_admin"}}}}),
        std::move(settings)));
}

// A simulation on a given date, answering typed requests (sim/ops.hpp) as the views send them.
struct IdtRun {
    sim::Simulation sim;

    explicit IdtRun(sim::World w, sim::CivilDate date = {2025, 3, 3}) : sim(setup(std::move(w), date)) {}

    static sim::Setup setup(sim::World w, sim::CivilDate date) {
        sim::Setup s;
        s.seed = kIdtSeed;
        s.start_date = date;
        s.world = std::move(w);
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
    json fails(const std::string& code, const sim::Action& a) {
        const sim::ActionResult r = send(a);
        INFO(a.type << " → " << r.code << " " << r.params.dump());
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.code == code);
        return r.params;
    }
    const sim::World& world() const { return sim.world(); }
    void advance(sim::SimTime dt) { sim.run_until(sim.now() + dt); }
    std::string number(const std::string& upn) const {
        return sim::current_mfa_number(world(), kIdtSeed, upn);
    }
    // Registers Authenticator at the registration step: QR code, then the test number.
    json register_mfa(const std::string& upn) {
        ok(sim::ops::mfa_begin_registration(upn));
        return ok(sim::ops::mfa_complete_registration(upn, number(upn)));
    }
    // A full sign-in of a registered account (password, then the number on the phone).
    void sign_in_with_mfa(const std::string& upn, const std::string& password) {
        REQUIRE(ok(sim::ops::auth_sign_in(upn, password))["next"] == "mfa_verify");
        REQUIRE(ok(sim::ops::mfa_verify(upn, number(upn)))["next"] == "done");
    }
};

constexpr const char* kIdtGood = "Sommer-2025!";  // meets the policy (a start-state person accepts it)

}  // namespace

TEST_CASE("identity: a start-state person signs in with any policy password and must register MFA",
          "[sim][identity]") {
    IdtRun r(idt_world());
    CHECK(sim::identity_of(r.world(), kBen) == nullptr);
    // A password that fails the policy can't be the account's password.
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(kBen, "short"));
    const json next = r.ok(sim::ops::auth_sign_in(kBen, kIdtGood));
    CHECK(next["next"] == "mfa_register");  // 2025: no grace (domain-admin.md §0)
    CHECK(next["grace_days_left"] == 0);
    CHECK_FALSE(sim::is_signed_in(r.world(), kBen));
    CHECK(sim::stage_of(r.world(), kBen) == sim::SignInStage::MfaRegister);
    CHECK(r.register_mfa(kBen)["next"] == "done");
    CHECK(sim::is_signed_in(r.world(), kBen));
    CHECK(sim::evaluate_condition(json{{"signed_in", kBen}}, r.sim));
    CHECK(sim::evaluate_condition(json{{"mfa_registered", kBen}}, r.sim));
    r.ok(sim::ops::auth_sign_out(kBen));
    CHECK_FALSE(sim::evaluate_condition(json{{"signed_in", kBen}}, r.sim));
    // Registered: every later sign-in asks to approve the request with the number shown.
    r.sign_in_with_mfa(kBen, kIdtGood);
    CHECK(sim::is_signed_in(r.world(), kBen));
}

TEST_CASE("identity: smart lockout after lockout_threshold wrong passwords, until delays.lockout passes",
          "[sim][identity]") {
    IdtRun r(idt_world(json{{"lockout_threshold", 3}}));
    sim::ops::NewUser u;
    u.first_name = "Max";
    u.display_name = "Max Muster";
    u.username = "max";
    u.kind = "volunteer";
    u.own_password = true;
    u.password = "Max-Passwort-1";
    u.require_password_change = false;
    const std::string max = r.ok(sim::ops::add_user(kAdmin, u))["upn"];
    // The keyring knows Max's own password: another policy-valid one is wrong.
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(max, kIdtGood));
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(max, kIdtGood));
    const json locked = r.fails("auth.account_locked", sim::ops::auth_sign_in(max, kIdtGood));
    CHECK(sim::account_locked(r.world(), max, r.sim.now()));
    CHECK(sim::evaluate_condition(json{{"account_locked", max}}, r.sim));
    // Locked: even the right password is refused until the lockout (default 60 s) has passed.
    r.fails("auth.account_locked", sim::ops::auth_sign_in(max, "Max-Passwort-1"));
    r.sim.run_until(locked["until"].get<sim::SimTime>());
    CHECK(r.ok(sim::ops::auth_sign_in(max, "Max-Passwort-1"))["next"] == "mfa_register");
    CHECK_FALSE(sim::account_locked(r.world(), max, r.sim.now()));
}

TEST_CASE("identity: the MFA grace follows the simulated date, and the setting overrides it",
          "[sim][identity]") {
    SECTION("before 2024-07-29: 14 days to skip, then registration is forced") {
        IdtRun r(idt_world(), {2024, 5, 6});
        const json next = r.ok(sim::ops::auth_sign_in(kBen, kIdtGood));
        CHECK(next["next"] == "mfa_register_optional");
        CHECK(next["grace_days_left"] == 14);
        CHECK(r.ok(sim::ops::mfa_skip_registration(kBen))["next"] == "done");
        CHECK(sim::is_signed_in(r.world(), kBen));
        CHECK_FALSE(sim::mfa_required_now(r.world(), kBen, r.sim.now()));
        r.advance(15 * sim::kDay);
        CHECK(sim::mfa_required_now(r.world(), kBen, r.sim.now()));
        CHECK(r.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] == "mfa_register");  // C20
        CHECK(r.fails("mfa.skip_not_allowed", sim::ops::mfa_skip_registration(kBen))["reason"] ==
              "grace_over");
    }
    SECTION("from 2024-07-29: no grace") {
        IdtRun r(idt_world(), {2024, 7, 29});
        CHECK(r.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] == "mfa_register");
        r.fails("mfa.skip_not_allowed", sim::ops::mfa_skip_registration(kBen));
    }
    SECTION("the mfa_grace_days setting overrides the date") {
        IdtRun r(idt_world(json{{"mfa_grace_days", 5}}), {2025, 3, 3});
        CHECK(sim::mfa_grace_days(r.world(), r.sim.now()) == 5);
        const json next = r.ok(sim::ops::auth_sign_in(kBen, kIdtGood));
        CHECK(next["next"] == "mfa_register_optional");
        CHECK(next["grace_days_left"] == 5);
        IdtRun none(idt_world(json{{"mfa_grace_days", 0}}), {2024, 5, 6});
        CHECK(none.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] == "mfa_register");
    }
}

TEST_CASE("identity: admins always need MFA, even within the grace period", "[sim][identity]") {
    IdtRun r(idt_world(), {2024, 5, 6});
    CHECK(sim::is_mfa_admin(r.world(), kAdmin));
    CHECK(sim::is_mfa_admin(r.world(), kUwe));
    CHECK_FALSE(sim::is_mfa_admin(r.world(), kBen));
    CHECK(r.ok(sim::ops::auth_sign_in(kAdmin, kIdtGood))["next"] == "mfa_register");
    CHECK(r.fails("mfa.skip_not_allowed", sim::ops::mfa_skip_registration(kAdmin))["reason"] == "admin");
    CHECK(r.ok(sim::ops::auth_sign_in(kUwe, kIdtGood))["next"] == "mfa_register");
    r.register_mfa(kAdmin);
    r.ok(sim::ops::auth_sign_out(kAdmin));
    r.sign_in_with_mfa(kAdmin, kIdtGood);
    // With security defaults off (a Global Administrator's choice), no MFA at all.
    r.fails("tenant.global_admin_required", sim::ops::set_security_defaults(kUwe, false));
    r.ok(sim::ops::set_security_defaults(kAdmin, false));
    CHECK_FALSE(r.world().tenant.security_defaults);
    CHECK(r.ok(sim::ops::auth_sign_in(kUwe, kIdtGood))["next"] == "done");
}

TEST_CASE("identity: an auto-generated temporary password forces a change with the real policy messages",
          "[sim][identity]") {
    IdtRun r(idt_world());
    sim::ops::NewUser u;
    u.first_name = "Max";
    u.display_name = "Max Muster";
    u.username = "max";
    u.kind = "volunteer";
    const std::string max = r.ok(sim::ops::add_user(kAdmin, u))["upn"];
    const std::string temp = sim::temporary_password(kIdtSeed, max, 0);
    CHECK(temp.size() == 8);
    CHECK(temp == sim::temporary_password(kIdtSeed, max, 0));  // pure
    CHECK(temp != sim::temporary_password(kIdtSeed, max, 1));
    CHECK(temp != sim::temporary_password(kIdtSeed + 1, max, 0));
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(max, kIdtGood));
    CHECK(r.ok(sim::ops::auth_sign_in(max, temp))["next"] == "change_password");
    r.fails("auth.password_reused", sim::ops::auth_change_password(max, temp, temp));
    r.fails("password.too_weak", sim::ops::auth_change_password(max, temp, "alllowercase"));
    r.fails("password.too_short", sim::ops::auth_change_password(max, temp, "Ab1"));
    r.fails("auth.wrong_password", sim::ops::auth_change_password(max, "Wrong-Pass-1", "Neues-Kennwort-9"));
    CHECK(r.ok(sim::ops::auth_change_password(max, temp, "Neues-Kennwort-9"))["next"] == "mfa_register");
    CHECK_FALSE(r.world().find_person(max)->must_change_password);
    // The new password is the one now; the temporary one no longer works.
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(max, temp));
    CHECK(r.ok(sim::ops::auth_sign_in(max, "Neues-Kennwort-9"))["next"] == "mfa_register");
}

TEST_CASE("identity: Reset password (Kennwort zurücksetzen) gives a new temporary password generation",
          "[sim][identity]") {
    IdtRun r(idt_world());
    const json reset = r.ok(sim::ops::reset_password(kUwe, {kBen, false, "", true}));
    CHECK(reset["generation"] == 1);
    CHECK(reset.dump().find(sim::temporary_password(kIdtSeed, kBen, 1)) == std::string::npos);
    CHECK(sim::temporary_password_generation(r.world(), kBen) == 1);
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(kBen, kIdtGood));
    CHECK(r.ok(sim::ops::auth_sign_in(kBen, sim::temporary_password(kIdtSeed, kBen, 1)))["next"] ==
          "change_password");
    // An own password, without a forced change.
    CHECK(r.ok(sim::ops::reset_password(kUwe, {kBen, true, "Eigenes-Kennwort-1", false}))["generation"] == 2);
    CHECK_FALSE(sim::is_signed_in(r.world(), kBen));  // a reset ends the sessions at once
    CHECK(r.ok(sim::ops::auth_sign_in(kBen, "Eigenes-Kennwort-1"))["next"] == "mfa_register");
    r.fails("password.too_weak", sim::ops::reset_password(kUwe, {kBen, true, "weakweakweak", true}));
    // Only a Global Administrator resets an admin's password (domain-admin.md §3.3).
    r.fails("users.insufficient_role", sim::ops::reset_password(kUwe, {kAdmin, false, "", true}));
    r.fails("users.insufficient_role", sim::ops::reset_password(kBen, {kUwe, false, "", true}));
    CHECK(r.ok(sim::ops::reset_password(kAdmin, {kUwe, false, "", true}))["generation"] == 1);
}

TEST_CASE("identity: Require re-register MFA sends the next sign-in to the registration, without a skip",
          "[sim][identity]") {
    IdtRun r(idt_world(), {2024, 5, 6});
    r.ok(sim::ops::auth_sign_in(kBen, kIdtGood));
    r.register_mfa(kBen);
    CHECK(sim::identity_of(r.world(), kBen)->mfa_registered);
    r.fails("users.insufficient_role", sim::ops::mfa_require_reregister(kBen, kBen));
    r.ok(sim::ops::mfa_require_reregister(kUwe, kBen));
    CHECK_FALSE(sim::identity_of(r.world(), kBen)->mfa_registered);
    CHECK_FALSE(sim::is_signed_in(r.world(), kBen));
    CHECK(r.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] ==
          "mfa_register");  // within grace, still no skip
    CHECK(r.fails("mfa.skip_not_allowed", sim::ops::mfa_skip_registration(kBen))["reason"] == "reregister");
    CHECK(r.register_mfa(kBen)["next"] == "done");
}

TEST_CASE("identity: a lost phone can't approve and the admin's re-register lets the user register anew",
          "[sim][identity]") {
    IdtRun r(idt_world());
    r.ok(sim::ops::auth_sign_in(kBen, kIdtGood));
    r.register_mfa(kBen);
    r.ok(sim::ops::auth_sign_out(kBen));
    r.ok(sim::ops::mfa_lose_phone(kBen));
    CHECK_FALSE(sim::evaluate_condition(json{{"mfa_registered", kBen}}, r.sim));
    CHECK(r.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] == "mfa_verify");
    r.fails("mfa.phone_lost", sim::ops::mfa_verify(kBen, r.number(kBen)));
    r.ok(sim::ops::mfa_require_reregister(kAdmin, kBen));
    CHECK(r.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] == "mfa_register");
    CHECK(r.register_mfa(kBen)["next"] == "done");
    CHECK(sim::evaluate_condition(json{{"mfa_registered", kBen}}, r.sim));
}

TEST_CASE("identity: wrong and expired MFA numbers and codes", "[sim][identity]") {
    IdtRun r(idt_world());
    r.fails("mfa.no_registration_started", sim::ops::mfa_complete_registration(kBen, "12"));
    r.ok(sim::ops::auth_sign_in(kBen, kIdtGood));
    r.ok(sim::ops::mfa_begin_registration(kBen));
    const std::string number = r.number(kBen);
    CHECK(number.size() == 2);
    const std::string code = sim::current_mfa_code(r.world(), kIdtSeed, kBen);
    CHECK(code.size() == 6);
    r.fails("mfa.wrong_code", sim::ops::mfa_complete_registration(kBen, number == "10" ? "11" : "10"));
    r.advance(61 * sim::kSecond);
    r.fails("mfa.code_expired", sim::ops::mfa_complete_registration(kBen, number));
    // A new test number; the 6-digit code of the same challenge works as well.
    r.ok(sim::ops::mfa_begin_registration(kBen));
    CHECK(r.ok(sim::ops::mfa_complete_registration(
              kBen, sim::current_mfa_code(r.world(), kIdtSeed, kBen)))["next"] == "done");
    r.fails("mfa.no_challenge", sim::ops::mfa_verify(kBen, "12"));
}

TEST_CASE("identity: a personal Microsoft account at a work sign-in (C11)", "[sim][identity]") {
    IdtRun r(idt_world());
    r.fails("auth.personal_account", sim::ops::auth_sign_in(kBen, kIdtGood, "personal"));
    CHECK_FALSE(sim::is_signed_in(r.world(), kBen));
    r.fails("auth.unknown_account", sim::ops::auth_sign_in("nobody@tsvmuster.onmicrosoft.com", kIdtGood));
    // Sign-in blocked: the real text comes after the right password.
    r.ok(sim::ops::block_sign_in(kAdmin, kBen, true));
    r.fails("auth.sign_in_blocked", sim::ops::auth_sign_in(kBen, kIdtGood));
}

TEST_CASE("identity: tenant access recovery needs proof of ownership and takes days (C10)",
          "[sim][identity]") {
    sim::World w = idt_world();
    w.people[2].roles = 0;  // Uwe is no admin here: Anna is the only one
    IdtRun r(std::move(w));
    r.fails("tenant.recovery_not_needed",
            sim::ops::request_tenant_recovery("", "vorstand@tsv-musterstadt.de", {"registration_documents"}));
    r.ok(sim::ops::auth_sign_in(kAdmin, kIdtGood));
    r.register_mfa(kAdmin);
    r.ok(sim::ops::mfa_lose_phone(kAdmin));
    CHECK_FALSE(sim::any_admin_can_sign_in(r.world()));
    // Nonprofit support's word or the domain alone is not enough.
    const json missing =
        r.fails("tenant.recovery_insufficient_proof",
                sim::ops::request_tenant_recovery("", "vorstand@tsv-musterstadt.de", {"nonprofit_support"}));
    CHECK(missing["missing"] == json::array({"registration_documents"}));
    const json asked = r.ok(sim::ops::request_tenant_recovery("", kBen, {"registration_documents"}));
    CHECK(asked["admin"] == kAdmin);
    const auto due = asked["due_at"].get<sim::SimTime>();
    CHECK(due - r.sim.now() >= 3 * sim::kDay - 2 * sim::kSecond);
    CHECK(due - r.sim.now() <= 10 * sim::kDay);
    r.fails("tenant.recovery_pending",
            sim::ops::request_tenant_recovery("", kBen, {"registration_documents"}));
    r.sim.run_until(due);
    CHECK(r.world().identity.recovery.status == "done");
    CHECK(sim::any_admin_can_sign_in(r.world()));
    const sim::AccountIdentity* anna = sim::identity_of(r.world(), kAdmin);
    CHECK_FALSE(anna->mfa_registered);
    CHECK(anna->temp_password_generation == 1);
    CHECK(r.world().find_person(kBen)->inbox.back().subject_key == "mail.tenant_recovery_done.subject");
    CHECK(r.world().find_person(kAdmin)->inbox.back().subject_key == "mail.tenant_recovery_done.subject");
    CHECK(r.ok(sim::ops::auth_sign_in(kAdmin, sim::temporary_password(kIdtSeed, kAdmin, 1)))["next"] ==
          "change_password");
}

TEST_CASE("identity: with a verified custom domain the recovery also needs the DNS TXT proof",
          "[sim][identity]") {
    sim::World w = idt_world();
    w.people[2].roles = 0;
    sim::TenantDomain d;
    d.name = "tsv-musterstadt.de";
    d.verified = true;
    w.domains.domains.push_back(d);
    w.people[0].sign_in_blocked = true;  // the only admin is blocked: nobody can get in
    IdtRun r(std::move(w));
    CHECK_FALSE(sim::any_admin_can_sign_in(r.world()));
    const json missing =
        r.fails("tenant.recovery_insufficient_proof",
                sim::ops::request_tenant_recovery("", "vorstand@example.org", {"registration_documents"}));
    CHECK(missing["missing"] == json::array({"dns_txt"}));
    r.ok(
        sim::ops::request_tenant_recovery("", "vorstand@example.org", {"registration_documents", "dns_txt"}));
    r.sim.run_until(r.world().identity.recovery.due_at);
    CHECK_FALSE(r.world().find_person(kAdmin)->sign_in_blocked);
}

TEST_CASE("identity: typed passwords and MFA codes never reach the journal or the world and replay agrees",
          "[sim][identity][secrets]") {
    IdtRun r(idt_world());
    sim::ops::NewUser u;
    u.first_name = "Max";
    u.display_name = "Max Muster";
    u.username = "max";
    u.kind = "volunteer";
    u.own_password = true;
    u.password = "Geheim-Max-4711";
    const std::string max = r.ok(sim::ops::add_user(kAdmin, u))["upn"];
    CHECK(r.ok(sim::ops::auth_sign_in(max, "Geheim-Max-4711"))["next"] == "change_password");
    r.ok(sim::ops::auth_change_password(max, "Geheim-Max-4711", "Ganz-Neu-0815"));
    r.ok(sim::ops::mfa_begin_registration(max));
    const std::string code = sim::current_mfa_code(r.world(), kIdtSeed, max);
    r.ok(sim::ops::mfa_complete_registration(max, code));
    r.ok(sim::ops::auth_sign_out(max));
    r.fails("auth.wrong_password", sim::ops::auth_sign_in(max, "Falsch-Geraten-1"));
    r.ok(sim::ops::auth_sign_in(max, "Ganz-Neu-0815"));
    const std::string number = r.number(max);
    r.ok(sim::ops::mfa_verify(max, number));
    r.ok(sim::ops::reset_password(kAdmin, {max, true, "Admin-Setzt-123", true}));

    const std::string journal = r.sim.journal().to_jsonl();
    const std::string state = r.sim.state_json().dump();
    for (const std::string secret :
         {"Geheim-Max-4711", "Ganz-Neu-0815", "Falsch-Geraten-1", "Admin-Setzt-123"}) {
        INFO(secret);
        CHECK(journal.find(secret) == std::string::npos);
        CHECK(state.find(secret) == std::string::npos);
    }
    CHECK(journal.find("\"code\":\"" + code + "\"") == std::string::npos);
    CHECK(journal.find("\"code\":\"" + number + "\"") == std::string::npos);
    CHECK(journal.find("\"password_check\":\"wrong\"") != std::string::npos);
    CHECK(journal.find("\"code_check\":\"ok\"") != std::string::npos);
    CHECK(journal.find("\"new_password_check\":\"ok\"") != std::string::npos);

    // The journal alone (password_check, code_check) replays to the same state.
    const sim::Simulation again =
        sim::replay(IdtRun::setup(idt_world(), {2025, 3, 3}), r.sim.journal(), r.sim.now());
    CHECK(again.state_hash() == r.sim.state_hash());
    CHECK(again.journal().to_jsonl() == journal);
}

TEST_CASE("identity: scripts may send password_check and code_check and the world JSON reads back",
          "[sim][identity]") {
    IdtRun r(idt_world());
    r.fails("auth.wrong_password",
            sim::Action{"auth.sign_in", kBen, {{"account", kBen}, {"password_check", "wrong"}}});
    CHECK(r.ok(sim::Action{"auth.sign_in", kBen, {{"account", kBen}, {"password_check", "ok"}}})["next"] ==
          "mfa_register");
    r.ok(sim::ops::mfa_begin_registration(kBen));
    r.ok(sim::Action{"mfa.complete_registration", kBen, {{"account", kBen}, {"code_check", "ok"}}});
    const json j = sim::to_json(r.world());
    REQUIRE(j.contains("identity"));
    sim::World back;
    std::string error;
    REQUIRE(sim::world_from_json(j, back, error));
    CHECK(sim::to_json(back) == j);
    // A world nobody signed in to has no "identity" part (older hashes stay).
    CHECK_FALSE(sim::to_json(idt_world()).contains("identity"));
    CHECK_FALSE(sim::to_json(sim::World{}.settings).contains("mfa_grace_days"));
}

TEST_CASE("identity: the operations declare their typed secrets", "[sim][identity][secrets]") {
    const sim::Registry& r = sim::journey_registry();
    using Names = std::vector<std::string>;
    CHECK(r.secrets_of("auth.sign_in") == Names{"password"});
    CHECK(r.secrets_of("auth.change_password") == Names{"password", "new_password"});
    CHECK(r.secrets_of("mfa.complete_registration") == Names{"code"});
    CHECK(r.secrets_of("mfa.verify") == Names{"code"});
    CHECK(r.secrets_of("users.reset_password") == Names{"password"});
    for (const char* none :
         {"auth.sign_out", "mfa.begin_registration", "mfa.skip_registration", "mfa.lose_phone",
          "mfa.require_reregister", "tenant.set_security_defaults", "tenant.request_recovery"}) {
        INFO(none);
        REQUIRE(r.actions.count(none) == 1);
        CHECK(r.secrets_of(none).empty());
    }
    // Only the password-setting operations hand their typed password to the keyring.
    CHECK(sim::sets_password("users.add"));
    CHECK(sim::sets_password("auth.change_password"));
    CHECK(sim::sets_password("users.reset_password"));
    CHECK_FALSE(sim::sets_password("auth.sign_in"));
}

TEST_CASE("identity: the start state's identity array gives accounts their MFA state", "[sim][identity]") {
    json scenario = approved_scenario(json::array({{{"upn", "ben"}, {"usage_location", "DE"}}}));
    scenario["start"]["identity"] = json::array(
        {{{"user", "anna"}, {"mfa_registered", true}, {"phone_lost", true}, {"first_sign_in_days_ago", 200}},
         {{"user", kBen}, {"first_sign_in_days_ago", 13}, {"grace_days_left", 1}}});
    IdtRun r(world_from(scenario));
    CHECK_FALSE(sim::any_admin_can_sign_in(r.world()));
    CHECK(sim::identity_of(r.world(), kAdmin)->first_sign_in_at == -200 * sim::kDay);
    CHECK(sim::mfa_grace_days_left(r.world(), kBen, 0) == 1);
    CHECK(r.ok(sim::ops::auth_sign_in(kBen, kIdtGood))["next"] == "mfa_register_optional");
    CHECK(r.ok(sim::ops::auth_sign_in(kAdmin, kIdtGood))["next"] == "mfa_verify");
    r.fails("mfa.phone_lost", sim::ops::mfa_verify(kAdmin, r.number(kAdmin)));

    // Bad input: a pointer, a plain message and a "did you mean".
    json bad = approved_scenario();
    bad["start"]["identity"] = json::array(
        {{{"user", "nobody"}}, {{"user", "anna"}, {"phone_lsot", true}}, {{"mfa_registered", true}}});
    sim::World w;
    std::vector<sim::StartStateError> errors;
    CHECK_FALSE(sim::world_from_scenario(bad, catalog(), w, errors));
    std::string all;
    for (const auto& e : errors) all += e.pointer + ": " + e.message + "\n";
    INFO(all);
    CHECK(all.find("/start/identity/0/user: \"nobody\" is not a person of /start/people") !=
          std::string::npos);
    CHECK(all.find("/start/identity/1/phone_lsot") != std::string::npos);
    CHECK(all.find("phone_lost") != std::string::npos);
    CHECK(all.find("/start/identity/2") != std::string::npos);
}

TEST_CASE("identity: fault rules govern sign-in and MFA (throttled sign-in, an MFA approval that hangs)",
          "[sim][identity][faults]") {
    sim::Setup setup = IdtRun::setup(idt_world(), {2025, 3, 3});
    for (const json& j :
         {json{{"id", "sign-in-throttle"},
               {"operation", "auth.sign_in"},
               {"throttle", {{"limit", 1}, {"window", "1m"}, {"retry_after", "30s"}}}},
          json{{"id", "push-hangs"}, {"operation", "mfa.verify"}, {"first", 1}, {"hang", true}}}) {
        sim::FaultRule rule;
        std::vector<sim::FaultParseError> errors;
        REQUIRE(sim::fault_rule_from_json(j, rule, errors));
        setup.faults.push_back(rule);
    }
    // A registered account (as a start state would give it).
    sim::World w = idt_world();
    w.identity.accounts[kBen].mfa_registered = true;
    w.identity.accounts[kBen].first_sign_in_at = 0;
    setup.world = w;
    sim::Simulation run(setup);
    auto send = [&run](const sim::Action& a) {
        const sim::ActionHandle h = run.submit(a);
        while (run.is_pending(h) && run.step_to_next_event()) {
        }
        return std::make_pair(h, run.result(h));
    };
    REQUIRE(send(sim::ops::auth_sign_in(kBen, kIdtGood)).second->data["next"] == "mfa_verify");
    const auto throttled = send(sim::ops::auth_sign_in(kBen, kIdtGood)).second;
    REQUIRE(throttled.has_value());
    CHECK(throttled->code == "throttled");
    // The approval hangs; trying again ends the hung one with a time-out, the retry goes through.
    const sim::ActionHandle hung =
        run.submit(sim::ops::mfa_verify(kBen, sim::current_mfa_number(run.world(), kIdtSeed, kBen)));
    run.run_until(run.now() + 5 * sim::kSecond);
    CHECK(run.is_pending(hung));
    const auto retry = send(sim::ops::mfa_verify(kBen, sim::current_mfa_number(run.world(), kIdtSeed, kBen)));
    CHECK(run.result(hung)->code == "action.timed_out");
    REQUIRE(retry.second.has_value());
    CHECK(retry.second->ok);
    CHECK(sim::is_signed_in(run.world(), kBen));
}
