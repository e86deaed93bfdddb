// tests/sim/test_teams.cpp — Teams for the association (sim/teams.hpp; domain-admin.md §6, C11, C27, C28):
// who can use Teams and why not, creating a team (owner, provisioning lag), members, guests and the
// org-wide guest access switch with its delay, channels, "Apps und Dienste" per licence, the EEA catalog.
#include "journey_fixture.hpp"

#include "sim/assessment.hpp"
#include "sim/my_account.hpp"
#include "sim/ops.hpp"
#include "sim/teams.hpp"

using namespace journey_test;

namespace {

constexpr const char* kTmBasicNoTeams = "Microsoft_365_Business_Basic_EEA_(no_Teams)";
constexpr const char* kTmTeamsEea = "Microsoft_Teams_EEA_New";
constexpr const char* kTmPremiumNoTeams = "Office_365_w/o_Teams_Bundle_Business_Premium";

std::string tm_upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

// Anna (Global Administrator, Business Standard staff licence: with Teams), Tom with the grant (with Teams),
// Eva with Business Basic EEA (no Teams), Uwe without a licence; catalog from-2025-07-eea.
json tm_scenario(json settings = json::object(), json delays = json::object()) {
    json scenario = approved_scenario(
        json::array({{{"upn", "tom"}, {"usage_location", "DE"}, {"licences", {kBasicGrant}}},
                     {{"upn", "eva"}, {"usage_location", "DE"}, {"licences", {kTmBasicNoTeams}}},
                     {{"upn", "uwe"}, {"usage_location", "DE"}}}),
        std::move(settings));
    scenario["start"]["people"][0]["licences"].push_back(kStandardStaff);
    scenario["start"]["subscriptions"] = json::array({{{"sku", kBasicGrant}, {"quantity", 5}},
                                                      {{"sku", kStandardStaff}, {"quantity", 2}},
                                                      {{"sku", kTmBasicNoTeams}, {"quantity", 2}},
                                                      {{"sku", kTmTeamsEea}, {"quantity", 2}}});
    if (!delays.empty()) scenario["delays"] = std::move(delays);
    return scenario;
}

Journey tm_journey(json settings = json::object(), json delays = json::object()) {
    return Journey(world_from(tm_scenario(std::move(settings), std::move(delays)), "from-2025-07-eea"));
}

json tm_ok(Journey& j, const sim::Action& a) {
    return j.ok(a.type, a.actor, a.args);
}

json tm_fails(Journey& j, const std::string& code, const sim::Action& a) {
    return j.fails(code, a.type, a.actor, a.args);
}

const sim::Team& tm_team(const Journey& j, const std::string& name) {
    const sim::Team* t = sim::find_team(j.world(), name);
    REQUIRE(t != nullptr);
    return *t;
}

}  // namespace

TEST_CASE("teams: the EEA edition lists the (no Teams) suites and Microsoft Teams EEA as data",
          "[sim][teams]") {
    const sim::Catalog c = catalog("from-2025-07-eea");
    for (const char* sku :
         {kTmBasicNoTeams, "Microsoft_365_Business_Standard_EEA_(no_Teams)", kTmPremiumNoTeams}) {
        const sim::Product* p = c.find(sku);
        REQUIRE(p != nullptr);
        CHECK_FALSE(p->teams);
        CHECK(p->audience == "commercial");
        CHECK(p->name.en.find("(no Teams)") != std::string::npos);
        CHECK(p->price_cents > 0);
    }
    const sim::Product* teams = c.find(kTmTeamsEea);
    REQUIRE(teams != nullptr);
    CHECK(teams->teams);
    CHECK(teams->exclusive_group.empty());  // an add-on beside a suite
    CHECK_FALSE(teams->business_plan);
    CHECK(c.find("O365_BUSINESS_ESSENTIALS")->teams);  // the commercial suites with Teams are still there
    CHECK(c.find(kPortal) != nullptr);
    // The shipped editions are unchanged (their scenarios keep their hashes).
    CHECK(catalog("from-2025-07").find(kTmTeamsEea) == nullptr);
    CHECK(catalog("before-2025-07").find(kTmBasicNoTeams) == nullptr);
}

TEST_CASE("teams: who can use Teams, and why not", "[sim][teams]") {
    Journey j = tm_journey();
    CHECK(sim::can_use_teams(j.world(), kAdmin));
    CHECK(sim::can_use_teams(j.world(), tm_upn("tom")));
    CHECK(sim::teams_access(j.world(), tm_upn("eva")).reason == "licence_without_teams");  // C27
    CHECK(sim::teams_access(j.world(), tm_upn("uwe")).reason == "no_licence");
    CHECK(sim::teams_access(j.world(), "nobody@tsvmuster.onmicrosoft.com").reason == "unknown_user");
    // The add-on makes a (no Teams) suite usable, after the licence propagated.
    tm_ok(j, sim::Action{"licences.assign", kAdmin, {{"sku", kTmTeamsEea}, {"user", tm_upn("eva")}}});
    CHECK(sim::teams_access(j.world(), tm_upn("eva")).reason == "licence_pending");
    j.advance(20 * sim::kMinute);
    CHECK(sim::can_use_teams(j.world(), tm_upn("eva")));
}

TEST_CASE("teams: creating a team needs Teams — the real 'ask your admin' text names the organisation",
          "[sim][teams]") {
    Journey j = tm_journey();
    const json p =
        tm_fails(j, "teams.no_licence", sim::ops::create_team(tm_upn("eva"), "Vorstand", "", "private"));
    CHECK(p["organization"] == "TSV Musterstadt e.V.");
    CHECK(p["reason"] == "licence_without_teams");
    tm_fails(j, "teams.no_licence", sim::ops::create_team(tm_upn("uwe"), "Vorstand", "", "private"));
    CHECK(j.world().teams.teams.empty());
}

TEST_CASE("teams: the creator becomes owner — the Files tab waits for the group's site", "[sim][teams]") {
    Journey j = tm_journey();
    const json r = tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "Der Vorstand des TSV", "private"));
    const sim::Team& t = tm_team(j, "Vorstand");
    CHECK(r["team"] == t.id);
    CHECK(t.is_owner(kAdmin));
    CHECK(t.channels == std::vector<std::string>{"General"});
    CHECK(t.description == "Der Vorstand des TSV");
    CHECK_FALSE(t.provisioned());
    const sim::SimTime created = t.created_at;
    while (!tm_team(j, "Vorstand").provisioned()) REQUIRE(j.sim.step_to_next_event());
    const sim::SimTime lag = tm_team(j, "Vorstand").provisioned_at - created;
    CHECK(lag >= sim::kMinute);
    CHECK(lag <= 10 * sim::kMinute + 120 * sim::kMinute);
    tm_fails(j, "teams.name_taken", sim::ops::create_team(kAdmin, "vorstand", "", "public"));
    tm_fails(j, "teams.invalid_privacy", sim::ops::create_team(kAdmin, "Jugend", "", "org-wide"));
    tm_fails(j, "teams.field_required", sim::ops::create_team(kAdmin, "  ", "", "public"));
}

TEST_CASE("teams: the provisioning delay is a setting", "[sim][teams]") {
    Journey j = tm_journey(json::object(), {{"team_provisioning", "45m"}});
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "public"));
    j.advance(44 * sim::kMinute);
    CHECK_FALSE(tm_team(j, "Vorstand").provisioned());
    j.advance(2 * sim::kMinute);
    CHECK(tm_team(j, "Vorstand").provisioned());
}

TEST_CASE("teams: owners add and remove members — the last owner stays", "[sim][teams]") {
    Journey j = tm_journey();
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "private"));
    tm_ok(j, sim::ops::add_team_member(kAdmin, "Vorstand", tm_upn("tom")));
    tm_ok(j,
          sim::ops::add_team_member(kAdmin, "Vorstand", tm_upn("uwe")));  // unlicensed: a member all the same
    tm_fails(j, "teams.already_member", sim::ops::add_team_member(kAdmin, "Vorstand", tm_upn("tom")));
    tm_fails(j, "teams.unknown_user",
             sim::ops::add_team_member(kAdmin, "Vorstand", "x@tsvmuster.onmicrosoft.com"));
    tm_fails(j, "teams.not_owner",
             sim::ops::add_team_member(tm_upn("tom"), "Vorstand", tm_upn("uwe"), "owner"));
    tm_fails(j, "teams.unknown_team", sim::ops::add_team_member(kAdmin, "Jugend", tm_upn("tom")));
    CHECK(tm_team(j, "Vorstand").members.size() == 3);
    tm_fails(j, "teams.last_owner", sim::ops::remove_team_member(kAdmin, "Vorstand", kAdmin));
    tm_ok(j, sim::ops::remove_team_member(kAdmin, "Vorstand", tm_upn("uwe")));
    CHECK(tm_team(j, "Vorstand").member(tm_upn("uwe")) == nullptr);
    CHECK(sim::teams_of(j.world(), tm_upn("tom")).size() == 1);
}

TEST_CASE("teams: guests by e-mail while guest access is on", "[sim][teams]") {
    Journey j = tm_journey();
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "private"));
    tm_ok(j, sim::ops::add_team_guest(kAdmin, "Vorstand", "Kassenpruefer@Example.org", "Karl Prüfer"));
    const sim::Team& t = tm_team(j, "Vorstand");
    REQUIRE(t.guests.size() == 1);
    CHECK(t.guests[0].email == "kassenpruefer@example.org");
    CHECK(t.guests[0].display_name == "Karl Prüfer");
    tm_fails(j, "teams.invalid_address", sim::ops::add_team_guest(kAdmin, "Vorstand", "karl", "Karl"));
    tm_fails(j, "teams.guest_is_member", sim::ops::add_team_guest(kAdmin, "Vorstand", tm_upn("tom"), "Tom"));
    tm_fails(j, "teams.already_member",
             sim::ops::add_team_guest(kAdmin, "Vorstand", "kassenpruefer@example.org", "Karl"));
}

TEST_CASE("teams: guest access off gives 'Contact your administrator' — turning it on takes 2–24 h (C28)",
          "[sim][teams]") {
    Journey j = tm_journey({{"teams_guest_access_default", false}});
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "private"));
    tm_fails(j, "teams.guest_access_off",
             sim::ops::add_team_guest(kAdmin, "Vorstand", "karl@example.org", "Karl"));
    tm_fails(j, "teams.insufficient_role", sim::ops::set_guest_access(tm_upn("tom"), true));
    tm_ok(j, sim::ops::set_guest_access(kAdmin, true));
    CHECK(sim::guest_access_setting(j.world()));
    CHECK_FALSE(sim::guest_access_effective(j.world()));
    j.advance(2 * sim::kHour - sim::kMinute);
    tm_fails(j, "teams.guest_access_off",
             sim::ops::add_team_guest(kAdmin, "Vorstand", "karl@example.org", "Karl"));
    j.advance(23 * sim::kHour);
    CHECK(sim::guest_access_effective(j.world()));
    tm_ok(j, sim::ops::add_team_guest(kAdmin, "Vorstand", "karl@example.org", "Karl"));
}

TEST_CASE("teams: a change of guest access made again before it applied — the last one wins",
          "[sim][teams]") {
    Journey j = tm_journey({}, {{"guest_access_change", "3h"}});
    tm_ok(j, sim::ops::set_guest_access(kAdmin, false));
    j.advance(sim::kHour);
    tm_ok(j, sim::ops::set_guest_access(kAdmin, true));
    j.advance(2 * sim::kHour + sim::kMinute);  // the first change's event comes, stale
    CHECK(sim::guest_access_effective(j.world()));
    j.advance(2 * sim::kHour);
    CHECK(sim::guest_access_effective(j.world()));
    CHECK(j.world().teams.guest_access_effective_at == -1);
}

TEST_CASE("teams: a Teams Administrator may change guest access", "[sim][teams]") {
    json scenario = tm_scenario();
    scenario["start"]["people"][1]["roles"] = {"teams_admin"};
    Journey j(world_from(scenario, "from-2025-07-eea"));
    tm_ok(j, sim::ops::set_guest_access(tm_upn("tom"), false));
    CHECK_FALSE(sim::guest_access_setting(j.world()));
}

TEST_CASE("teams: members add channels — names are unique in a team", "[sim][teams]") {
    Journey j = tm_journey();
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "private"));
    tm_ok(j, sim::ops::add_team_member(kAdmin, "Vorstand", tm_upn("tom")));
    tm_ok(j, sim::ops::add_channel(tm_upn("tom"), "Vorstand", "Kasse"));
    tm_fails(j, "teams.channel_exists", sim::ops::add_channel(kAdmin, "Vorstand", "kasse"));
    tm_ok(j, sim::ops::create_team(tm_upn("tom"), "Jugend", "", "public"));
    tm_fails(j, "teams.not_member", sim::ops::add_channel(kAdmin, "Jugend", "Training"));
    tm_fails(j, "teams.no_licence", sim::ops::add_channel(tm_upn("eva"), "Vorstand", "Eva"));
    CHECK(tm_team(j, "Vorstand").channels == std::vector<std::string>{"General", "Kasse"});
}

TEST_CASE("teams: Apps und Dienste — Teams switched off in a licence (C11), Office off in My Account",
          "[sim][teams]") {
    Journey j = tm_journey();
    tm_ok(j, sim::ops::set_licence_service(kAdmin, tm_upn("tom"), kBasicGrant, "teams", false));
    CHECK(sim::teams_access(j.world(), tm_upn("tom")).reason == "service_off");
    tm_fails(j, "teams.no_licence", sim::ops::create_team(tm_upn("tom"), "Jugend", "", "public"));
    tm_fails(j, "licences.invalid_service",
             sim::ops::set_licence_service(kAdmin, tm_upn("tom"), kBasicGrant, "excel", false));
    tm_fails(j, "licences.not_assigned",
             sim::ops::set_licence_service(kAdmin, tm_upn("tom"), kStandardStaff, "teams", false));
    tm_fails(j, "licences.insufficient_role",
             sim::ops::set_licence_service(tm_upn("tom"), tm_upn("tom"), kBasicGrant, "teams", true));
    j.ok("licences.set_service", kAdmin,
         {{"user", tm_upn("tom")}, {"sku", kBasicGrant}, {"service", "teams"}, {"enabled", true}});
    CHECK(sim::can_use_teams(j.world(), tm_upn("tom")));
    CHECK(j.world().teams.services_off.empty());
    // Office switched off: My Account no longer offers the install.
    CHECK(sim::office_apps_view(j.world(), kAdmin).desktop_install);
    tm_ok(j, sim::ops::set_licence_service(kAdmin, kAdmin, kStandardStaff, "office", false));
    CHECK_FALSE(sim::office_apps_view(j.world(), kAdmin).desktop_install);
    CHECK(sim::can_use_teams(j.world(), kAdmin));  // Teams stays on
}

namespace {

bool tm_cond(const Journey& j, const json& c) {
    std::vector<sim::ConditionError> errors;
    REQUIRE(sim::validate_condition(c, "/c", errors));
    return sim::evaluate_condition(c, j.sim);
}

std::string tm_cond_error(const json& c) {
    std::vector<sim::ConditionError> errors;
    CHECK_FALSE(sim::validate_condition(c, "/c", errors));
    REQUIRE_FALSE(errors.empty());
    return errors[0].pointer + ": " + errors[0].message;
}

}  // namespace

TEST_CASE("teams: the conditions team_exists and can_use_teams", "[sim][teams]") {
    Journey j = tm_journey();
    const json exists = {{"team_exists", {{"name", "vorstand"}, {"min_members", 2}, {"guests", 1}}}};
    CHECK_FALSE(tm_cond(j, exists));
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "private"));
    CHECK(tm_cond(j, {{"team_exists", {{"name", "Vorstand"}}}}));
    tm_ok(j, sim::ops::add_team_member(kAdmin, "Vorstand", tm_upn("tom")));
    CHECK_FALSE(tm_cond(j, exists));
    tm_ok(j, sim::ops::add_team_guest(kAdmin, "Vorstand", "karl@example.org", "Karl"));
    CHECK(tm_cond(j, exists));
    CHECK(tm_cond(j, {{"can_use_teams", kAdmin}}));
    CHECK_FALSE(tm_cond(j, {{"can_use_teams", tm_upn("eva")}}));
    CHECK(tm_cond_error({{"team_exists", {{"nme", "x"}}}}).find("needs \"name\"") != std::string::npos);
    CHECK(tm_cond_error({{"team_exists", {{"name", "x"}, {"min_member", 2}}}}).find("min_members") !=
          std::string::npos);
    CHECK(tm_cond_error({{"team_exists", {{"name", "x"}, {"guests", -1}}}}).find("/c/team_exists/guests") ==
          0);
    CHECK(tm_cond_error({{"can_use_teams", 3}}).find("sign-in name") != std::string::npos);
}

TEST_CASE("teams: the start state's teams object", "[sim][teams]") {
    json scenario = tm_scenario({{"teams_guest_access_default", true}});
    scenario["start"]["teams"] = {{"guest_access", false},
                                  {"teams",
                                   {{{"name", "Vorstand"},
                                     {"owners", {"anna"}},
                                     {"members", {tm_upn("tom")}},
                                     {"guests", {{{"email", "karl@example.org"}, {"display_name", "Karl"}}}},
                                     {"channels", {"Kasse"}}}}},
                                  {"services_off", {{{"user", "tom"}, {"sku", kBasicGrant}}}}};
    Journey j(world_from(scenario, "from-2025-07-eea"));
    const sim::Team& t = tm_team(j, "Vorstand");
    CHECK(t.provisioned());
    CHECK(t.is_owner(kAdmin));
    CHECK(t.guests.size() == 1);
    CHECK(t.channels == std::vector<std::string>{"General", "Kasse"});
    CHECK_FALSE(sim::guest_access_effective(j.world()));
    CHECK(sim::teams_access(j.world(), tm_upn("tom")).reason == "service_off");
    // The world round-trips through its canonical JSON (snapshots, sessions).
    sim::World back;
    std::string error;
    REQUIRE(sim::world_from_json(sim::to_json(j.world()), back, error));
    CHECK(sim::to_json(back) == sim::to_json(j.world()));
    // Bad input: pointers and plain messages.
    scenario["start"]["teams"]["teams"][0]["owners"] = {"nobody"};
    scenario["start"]["teams"]["services_off"][0]["service"] = "excel";
    sim::World w;
    std::vector<sim::StartStateError> errors;
    CHECK_FALSE(sim::world_from_scenario(scenario, catalog("from-2025-07-eea"), w, errors));
    std::string all;
    for (const auto& e : errors) all += e.pointer + ": " + e.message + "\n";
    CHECK(all.find("/start/teams/teams/0/owners/0") != std::string::npos);
    CHECK(all.find("/start/teams/services_off/0/service") != std::string::npos);
}

TEST_CASE("teams: a world without teams hashes without a teams key", "[sim][teams]") {
    Journey j = tm_journey();
    CHECK_FALSE(sim::to_json(j.world()).contains("teams"));
    CHECK_FALSE(sim::to_json(j.world().settings).contains("team_provisioning_delay"));
    tm_ok(j, sim::ops::create_team(kAdmin, "Vorstand", "", "private"));
    CHECK(sim::to_json(j.world()).contains("teams"));
}

TEST_CASE("teams: the operations by name, as a scenario's solution writes them", "[sim][teams]") {
    Journey j = tm_journey({}, {{"guest_access_change", "2h"}});
    j.ok("teams.create", kAdmin, {{"name", "Vorstand"}, {"privacy", "public"}});
    j.ok("teams.add_member", kAdmin, {{"team", "Vorstand"}, {"user", tm_upn("tom")}, {"role", "owner"}});
    j.ok("teams.add_channel", tm_upn("tom"), {{"team", "Vorstand"}, {"name", "Kasse"}});
    j.ok("teams.add_guest", kAdmin, {{"team", "Vorstand"}, {"email", "karl@example.org"}});
    j.ok("teams.remove_member", tm_upn("tom"), {{"team", "Vorstand"}, {"user", kAdmin}});  // two owners
    j.ok("teams.set_guest_access", kAdmin, {{"enabled", false}});
    const sim::Team& t = tm_team(j, "Vorstand");
    CHECK(t.is_owner(tm_upn("tom")));
    CHECK(t.member(kAdmin) == nullptr);
    CHECK(t.guests.at(0).display_name == "karl");   // no name given: the address's local part
    CHECK(sim::guest_access_effective(j.world()));  // until the change has taken effect
}

TEST_CASE("teams: a licence from a Disabled subscription no longer gives Teams (C21)", "[sim][teams]") {
    json scenario = tm_scenario();
    scenario["start"]["subscriptions"][0]["status"] = "disabled";  // the grant Tom holds
    scenario["start"]["subscriptions"][0]["id"] = "grant";
    scenario["start"]["people"][1]["licences"] = json::array({"grant"});
    Journey j(world_from(scenario, "from-2025-07-eea"));
    const sim::TeamsAccess tom = sim::teams_access(j.world(), tm_upn("tom"));
    CHECK_FALSE(tom.can_use);
    CHECK(tom.reason == "subscription_disabled");
    tm_fails(j, "teams.no_licence", sim::ops::create_team(tm_upn("tom"), "Vorstand", "", "private"));
    // Anna's staff licence comes from an active subscription: she still can.
    CHECK(sim::can_use_teams(j.world(), kAdmin));
}
