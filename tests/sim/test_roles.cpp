// tests/sim/test_roles.cpp — Roles > Role assignments (issue 14 item 3; domain-admin.md §3.4, domain.md
// §4.6): roles.assign and roles.remove, guarded like users.edit's roles (only a Global Administrator;
// never the last one), no roles for shared mailboxes or deleted users; the appended roles Exchange and
// Teams Administrator keep every stored role bit; an Exchange Administrator manages shared mailboxes;
// every insufficient-role error points to the Roles page; the "role_held" condition.
#include <catch2/catch.hpp>

#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/i18n.hpp"
#include "sim/ops.hpp"
#include "sim/roles.hpp"

using namespace journey_test;

namespace {

std::string rl_upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

// Anna (Global Administrator), Ben (no role), Cara (User Administrator), Erik (Exchange Administrator),
// Bea (Billing Administrator), Info (a user account converted to a shared mailbox).
sim::World rl_world() {
    sim::World w = world_from(approved_scenario(json::array({
        {{"upn", "ben"}, {"first_name", "Ben"}, {"usage_location", "DE"}},
        {{"upn", "cara"}, {"first_name", "Cara"}, {"usage_location", "DE"}, {"roles", {"user_admin"}}},
        {{"upn", "erik"}, {"first_name", "Erik"}, {"usage_location", "DE"}, {"roles", {"exchange_admin"}}},
        {{"upn", "bea"}, {"first_name", "Bea"}, {"usage_location", "DE"}, {"roles", {"billing_admin"}}},
        {{"upn", "info"}, {"first_name", "Info"}, {"usage_location", "DE"}},
    })));
    w.domains.shared_mailboxes.push_back({rl_upn("info"), "Info", 0, rl_upn("info")});
    return w;
}

json rl_ok(Journey& j, const sim::Action& a) {
    return j.ok(a.type, a.actor, a.args);
}

json rl_fails(Journey& j, const char* code, const sim::Action& a) {
    return j.fails(code, a.type, a.actor, a.args);
}

bool rl_holds(const Journey& j, const json& c) {
    std::vector<sim::ConditionError> errors;
    INFO(c.dump());
    REQUIRE(sim::validate_condition(c, "/c", errors));
    return sim::evaluate_condition(c, j.sim);
}

std::vector<sim::ConditionError> rl_errors(const char* text) {
    std::vector<sim::ConditionError> errors;
    CHECK_FALSE(sim::validate_condition(json::parse(text), "/c", errors));
    return errors;
}

}  // namespace

TEST_CASE("roles: the appended roles keep every stored role bit and read and write by name", "[sim][roles]") {
    // Stored role sets are bit masks: the old roles keep their bits, the new ones come after them.
    CHECK(sim::role_bit(sim::Role::GlobalAdmin) == 1);
    CHECK(sim::role_bit(sim::Role::UserAdmin) == 8);
    CHECK(sim::role_bit(sim::Role::DomainNameAdmin) == 16);
    CHECK(sim::role_bit(sim::Role::ExchangeAdmin) == 32);
    CHECK(sim::role_bit(sim::Role::TeamsAdmin) == 64);
    for (const char* name : {"exchange_admin", "teams_admin", "domain_name_admin", "global_admin"}) {
        sim::Role r;
        REQUIRE(sim::parse_role(name, r));
        CHECK(std::string(sim::to_string(r)) == name);
    }
    CHECK(sim::role_names(sim::role_bit(sim::Role::TeamsAdmin) | sim::role_bit(sim::Role::GlobalAdmin)) ==
          std::vector<std::string>{"global_admin", "teams_admin"});
    CHECK(sim::page_roles().size() == 7);
    CHECK(sim::page_roles().front() == sim::Role::GlobalAdmin);
    // A start state may give the new roles.
    Journey j(rl_world());
    CHECK(j.person(rl_upn("erik")).has_role(sim::Role::ExchangeAdmin));
}

TEST_CASE("roles.assign: a Global Administrator gives a user a role, again changes nothing", "[sim][roles]") {
    Journey j(rl_world());
    CHECK(sim::ops::assign_role(kAdmin, rl_upn("ben"), "user_admin").type == "roles.assign");
    CHECK(sim::ops::remove_role(kAdmin, rl_upn("ben"), "user_admin").type == "roles.remove");
    const json r = rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("ben"), "user_admin"));
    CHECK(r["changed"] == true);
    CHECK(r["role"] == "user_admin");
    CHECK(j.person(rl_upn("ben")).has_role(sim::Role::UserAdmin));
    CHECK(sim::role_holder_count(j.world(), sim::Role::UserAdmin) == 2);  // Cara and Ben
    CHECK(rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("ben"), "user_admin"))["changed"] == false);
    // A second role adds to the first.
    rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("ben"), "teams_admin"));
    CHECK(j.person(rl_upn("ben")).roles ==
          (sim::role_bit(sim::Role::UserAdmin) | sim::role_bit(sim::Role::TeamsAdmin)));
}

TEST_CASE("roles.remove: takes one role away and leaves the others", "[sim][roles]") {
    Journey j(rl_world());
    rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("cara"), "license_admin"));
    const json r = rl_ok(j, sim::ops::remove_role(kAdmin, rl_upn("cara"), "user_admin"));
    CHECK(r["changed"] == true);
    CHECK_FALSE(j.person(rl_upn("cara")).has_role(sim::Role::UserAdmin));
    CHECK(j.person(rl_upn("cara")).has_role(sim::Role::LicenceAdmin));
    CHECK(rl_ok(j, sim::ops::remove_role(kAdmin, rl_upn("cara"), "user_admin"))["changed"] == false);
}

TEST_CASE("roles: only a Global Administrator assigns or removes roles", "[sim][roles]") {
    Journey j(rl_world());
    for (const char* who : {"cara", "erik", "bea", "ben"}) {
        INFO(who);
        rl_fails(j, "roles.insufficient_role",
                 sim::ops::assign_role(rl_upn(who), rl_upn("ben"), "user_admin"));
        rl_fails(j, "roles.insufficient_role",
                 sim::ops::remove_role(rl_upn(who), rl_upn("cara"), "user_admin"));
        rl_fails(j, "roles.insufficient_role",
                 sim::ops::assign_role(rl_upn(who), rl_upn(who), "global_admin"));
    }
    CHECK(j.person(rl_upn("cara")).has_role(sim::Role::UserAdmin));
    CHECK_FALSE(j.person(rl_upn("ben")).is_admin());
    rl_fails(j, "auth.unknown_account", sim::ops::assign_role(rl_upn("nobody"), rl_upn("ben"), "user_admin"));
}

TEST_CASE("roles.remove: the last Global Administrator stays, with a second one either may go",
          "[sim][roles]") {
    Journey j(rl_world());
    const json p =
        rl_fails(j, "roles.last_global_admin", sim::ops::remove_role(kAdmin, kAdmin, "global_admin"));
    CHECK(p["user"] == kAdmin);
    CHECK(j.person(kAdmin).has_role(sim::Role::GlobalAdmin));
    CHECK(rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("ben"), "global_admin"))["global_admins"] == 2);
    // Now Anna may even remove her own role; then Ben is the last one.
    CHECK(rl_ok(j, sim::ops::remove_role(kAdmin, kAdmin, "global_admin"))["global_admins"] == 1);
    rl_fails(j, "roles.last_global_admin",
             sim::ops::remove_role(rl_upn("ben"), rl_upn("ben"), "global_admin"));
    CHECK(sim::role_holders(j.world(), sim::Role::GlobalAdmin).size() == 1);
    CHECK(sim::role_holders(j.world(), sim::Role::GlobalAdmin).front()->upn == rl_upn("ben"));
}

TEST_CASE("roles.assign: shared mailboxes and deleted users hold no roles", "[sim][roles]") {
    Journey j(rl_world());
    CHECK_FALSE(sim::can_hold_roles(j.world(), j.person(rl_upn("info"))));
    rl_fails(j, "roles.shared_mailbox", sim::ops::assign_role(kAdmin, rl_upn("info"), "user_admin"));
    CHECK_FALSE(j.person(rl_upn("info")).is_admin());
    rl_ok(j, sim::ops::delete_user(kAdmin, rl_upn("ben")));
    rl_fails(j, "roles.user_deleted", sim::ops::assign_role(kAdmin, rl_upn("ben"), "user_admin"));
    rl_fails(j, "roles.user_deleted", sim::ops::remove_role(kAdmin, rl_upn("ben"), "user_admin"));
}

TEST_CASE("roles: unknown users and roles are named in the error", "[sim][roles]") {
    Journey j(rl_world());
    CHECK(rl_fails(j, "roles.unknown_user",
                   sim::ops::assign_role(kAdmin, rl_upn("zoe"), "user_admin"))["user"] == rl_upn("zoe"));
    CHECK(rl_fails(j, "roles.unknown_role",
                   sim::ops::assign_role(kAdmin, rl_upn("ben"), "helpdesk_admin"))["role"] ==
          "helpdesk_admin");
    CHECK(rl_fails(j, "roles.unknown_role", sim::ops::remove_role(kAdmin, rl_upn("ben"), ""))["role"] == "");
}

TEST_CASE("roles: an Exchange Administrator manages shared mailboxes, a User Administrator may not",
          "[sim][roles]") {
    Journey j(rl_world());
    rl_fails(j, "mailboxes.insufficient_role",
             sim::ops::add_shared_mailbox(rl_upn("cara"), "Vorstand", "vorstand@tsvmuster.onmicrosoft.com"));
    rl_ok(j, sim::ops::add_shared_mailbox(rl_upn("erik"), "Vorstand", "vorstand@tsvmuster.onmicrosoft.com"));
    // Once Ben is Exchange Administrator, he may too.
    rl_fails(j, "mailboxes.insufficient_role",
             sim::ops::add_shared_mailbox(rl_upn("ben"), "Kasse", "kasse@tsvmuster.onmicrosoft.com"));
    rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("ben"), "exchange_admin"));
    rl_ok(j, sim::ops::add_shared_mailbox(rl_upn("ben"), "Kasse", "kasse@tsvmuster.onmicrosoft.com"));
    // The Teams ops' role set: Global or Teams Administrator.
    CHECK(sim::kTeamsAdminRoles ==
          (sim::role_bit(sim::Role::GlobalAdmin) | sim::role_bit(sim::Role::TeamsAdmin)));
}

TEST_CASE("roles: every insufficient-role error says who may and points to Roles > Role assignments",
          "[sim][roles][i18n]") {
    std::vector<std::string> errors;
    const sim::Strings en = sim::Strings::load(std::string(NPSIM_TEST_ASSET_DIR) + "/i18n", "en", &errors);
    const sim::Strings de = sim::Strings::load(std::string(NPSIM_TEST_ASSET_DIR) + "/i18n", "de", &errors);
    CHECK(errors.empty());
    for (const char* area : {"billing", "licences", "users", "domains", "mailboxes"}) {
        const std::string key = std::string("error.") + area + ".insufficient_role";
        INFO(key);
        CHECK(en.get(key).find("Assign a role under Roles > Role assignments.") != std::string::npos);
        CHECK(de.get(key).find("Weisen Sie unter Rollen > Rollenzuweisungen eine Rolle zu.") !=
              std::string::npos);
        CHECK(en.get(key).find("Administrator") != std::string::npos);  // names who may
    }
    CHECK(en.get("role.exchange_admin") == "Exchange Administrator");
    CHECK(de.get("role.teams_admin") == "Teams-Administrator");
    CHECK(de.get("error.roles.last_global_admin").find("2 bis 4") != std::string::npos);
}

TEST_CASE("role_held: a user holds a role, or enough people do", "[sim][roles][conditions]") {
    Journey j(rl_world());
    const json ben_ga = {{"role_held", {{"user", rl_upn("ben")}, {"role", "global_admin"}}}};
    const json two_ga = {{"role_held", {{"role", "global_admin"}, {"min_holders", 2}}}};
    CHECK_FALSE(rl_holds(j, ben_ga));
    CHECK_FALSE(rl_holds(j, two_ga));
    CHECK(rl_holds(j, {{"role_held", {{"role", "global_admin"}}}}));
    CHECK(rl_holds(j, {{"role_held", {{"user", rl_upn("erik")}, {"role", "exchange_admin"}}}}));
    rl_ok(j, sim::ops::assign_role(kAdmin, rl_upn("ben"), "global_admin"));
    CHECK(rl_holds(j, ben_ga));
    CHECK(rl_holds(j, two_ga));
    // A deleted holder no longer counts.
    rl_ok(j, sim::ops::delete_user(kAdmin, rl_upn("ben")));
    CHECK_FALSE(rl_holds(j, ben_ga));
    CHECK_FALSE(rl_holds(j, two_ga));
    CHECK_FALSE(rl_holds(j, {{"role_held", {{"user", rl_upn("nobody")}, {"role", "user_admin"}}}}));
}

TEST_CASE("role_held: its form is checked with pointers and a did-you-mean", "[sim][roles][conditions]") {
    auto first = [](const std::vector<sim::ConditionError>& e) {
        REQUIRE_FALSE(e.empty());
        return e.front();
    };
    CHECK(first(rl_errors(R"({"role_held": {"user": "kim@verein.de"}})")).pointer == "/c/role_held");
    const sim::ConditionError typo = first(rl_errors(R"({"role_held": {"role": "global_admn"}})"));
    CHECK(typo.pointer == "/c/role_held/role");
    CHECK(typo.message.find("did you mean \"global_admin\"") != std::string::npos);
    const sim::ConditionError key = first(rl_errors(R"({"role_held": {"role": "user_admin", "usr": "x"}})"));
    CHECK(key.pointer == "/c/role_held/usr");
    CHECK(key.message.find("user") != std::string::npos);
    CHECK(first(rl_errors(R"({"role_held": {"role": "user_admin", "min_holders": 0}})")).pointer ==
          "/c/role_held/min_holders");
    CHECK(first(rl_errors(R"({"role_held": {"role": "user_admin", "user": "a@b.de", "min_holders": 2}})"))
              .pointer == "/c/role_held/min_holders");
    CHECK(first(rl_errors(R"({"role_held": {"role": "user_admin", "user": 5}})")).pointer ==
          "/c/role_held/user");
    CHECK(first(rl_errors(R"({"role_hold": {"role": "user_admin"}})")).message.find("role_held") !=
          std::string::npos);
}
