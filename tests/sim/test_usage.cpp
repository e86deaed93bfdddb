// tests/sim/test_usage.cpp — usage and the grant's 85 % rule (issue 15 item 3; domain.md §2.4,
// domain-admin.md §2): the daily draws are deterministic per seed and follow the profiles, the 85 %
// arithmetic (20 assigned → 17 active is enough; 6/5 = 83.33 % is warned), the mail sequence and its
// timings (warning, final notice, disabled), re-enabling (by the support path and at the next review),
// unassigning inactive people's licences fixes it, the start state's errors with their pointers,
// Reports' concealed names, and worlds without usage keeping their canonical JSON.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/ops.hpp"
#include "sim/registry.hpp"
#include "sim/subscriptions.hpp"
#include "sim/usage.hpp"

using namespace journey_test;

namespace {

std::string us_upn(const std::string& name) {
    return name + "@tsvmuster.onmicrosoft.com";
}

// Anna (Global Administrator, portal licence) plus `active` people with an active profile and `left`
// people who left, each with a Business Basic grant licence of "grant" (20 seats).
json us_scenario(int active, int left, json settings = json::object(), json usage = json::object()) {
    json people = json::array();
    json profiles = json::array();
    for (int i = 0; i < active + left; ++i) {
        const std::string name = (i < active ? "aktiv" : "weg") + std::to_string(i);
        people.push_back({{"upn", name},
                          {"first_name", name},
                          {"usage_location", "DE"},
                          {"kind", "paid_staff"},
                          {"licences", {"grant"}}});
        profiles.push_back({{"user", name}, {"profile", i < active ? "active" : "left"}});
    }
    json sc = approved_scenario(people, settings);
    sc["start"]["subscriptions"] = json::array({{{"id", "grant"}, {"sku", kBasicGrant}, {"quantity", 20}}});
    if (!usage.contains("people")) usage["people"] = profiles;
    if (!usage.contains("history_days")) usage["history_days"] = 90;
    sc["start"]["usage"] = usage;
    return sc;
}

json us_tracking(json extra = json::object()) {
    json s = {{"usage_tracking", true}, {"grant_reenable", "next_review"}};
    for (auto it = extra.begin(); it != extra.end(); ++it) s[it.key()] = it.value();
    return s;
}

int us_mails(const sim::World& w, const std::string& key) {
    int n = 0;
    for (const auto& m : w.find_person(kAdmin)->inbox)
        if (m.subject_key == key + ".subject") ++n;
    return n;
}

const sim::Subscription& us_grant(const sim::World& w) {
    for (const sim::Subscription& s : w.subscriptions)
        if (s.id == "grant") return s;
    FAIL("no grant subscription");
    return w.subscriptions.front();
}

std::vector<std::string> us_errors(const json& scenario) {
    return journey_test::start_errors(scenario);
}

bool us_has_error(const std::vector<std::string>& errors, const std::string& pointer,
                  const std::string& part) {
    for (const auto& e : errors)
        if (e.rfind(pointer + ": ", 0) == 0 && e.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("usage: without usage_tracking nothing is drawn and the canonical JSON has no usage",
          "[sim][usage]") {
    json sc = approved_scenario(json::array({{{"upn", "lea"}, {"usage_location", "DE"}}}));
    Journey j(world_from(sc));
    const json before = sim::to_json(j.world());
    CHECK_FALSE(before.contains("usage"));
    for (const char* key : {"usage_tracking", "usage_threshold", "usage_window_days", "usage_review_days",
                            "grant_reenable", "usage_days"})
        CHECK_FALSE(before["settings"].contains(key));
    j.advance(40 * sim::kDay);
    CHECK_FALSE(sim::to_json(j.world()).contains("usage"));
    CHECK(j.world().usage.empty());
    for (const auto& e : j.sim.journal().entries())
        if (e.kind == "event") CHECK(e.body["kind"].get<std::string>().rfind("usage.", 0) != 0);
}

TEST_CASE("usage: the 85 % arithmetic counts assigned grant licences and their active holders",
          "[sim][usage]") {
    SECTION("20 assigned, 17 active: exactly 85 %, not below") {
        sim::World w = world_from(us_scenario(17, 3));
        const sim::GrantUtilisation g = sim::grant_utilisation(w, 0);
        CHECK(g.assigned == 20);  // Anna's Nonprofit Portal licence does not count
        CHECK(g.active == 17);
        CHECK(g.inactive == 3);
        CHECK(g.percent == Approx(85.0));
        CHECK_FALSE(g.below());
    }
    SECTION("20 assigned, 16 active: below") {
        sim::World w = world_from(us_scenario(16, 4));
        CHECK(sim::grant_utilisation(w, 0).below());
    }
    SECTION("6 assigned, 5 active: 83.33 %, below") {
        sim::World w = world_from(us_scenario(5, 1));
        const sim::GrantUtilisation g = sim::grant_utilisation(w, 0);
        CHECK(g.assigned == 6);
        CHECK(g.active == 5);
        CHECK(g.percent == Approx(83.333).epsilon(0.001));
        CHECK(g.below());
        CHECK(g.threshold == 85);
    }
    SECTION("a person active 100 days ago is outside the 90-day window") {
        json usage = {
            {"people",
             json::array({{{"user", "aktiv0"}, {"profile", "rare"}, {"last_active_days_ago", 100}}})}};
        sim::World w = world_from(us_scenario(1, 0, json::object(), usage));
        CHECK(sim::grant_utilisation(w, 0).active == 0);
        CHECK(sim::grant_utilisation(w, 0, 180).active == 1);
    }
}

TEST_CASE("usage: the history and the activity list follow the profiles", "[sim][usage]") {
    sim::World w = world_from(us_scenario(3, 1));
    const auto people = sim::person_activity(w);
    REQUIRE(people.size() == 5);               // Anna (portal licence) and the four grant holders
    CHECK(people[0].upn == us_upn("aktiv0"));  // sorted by upn
    CHECK(people[3].upn == kAdmin);
    CHECK(people[3].profile == "active");  // the default profile
    for (const auto& p : people) {
        if (p.upn.rfind("weg", 0) == 0) {
            CHECK(p.profile == "left");
            CHECK(p.last_activity == -1);
        } else if (p.upn.rfind("aktiv", 0) == 0) {
            CHECK(p.profile == "active");
            CHECK(p.last_exchange == -sim::kDay / 2);  // the day before the start
            CHECK(p.last_teams == p.last_exchange);
        }
    }
    const auto daily = sim::daily_active_users(w, 0, 90);
    REQUIRE(daily.size() == 90);
    CHECK(daily.back() >= 3);  // yesterday: every active person
    int max_day = 0;
    for (int n : daily) max_day = std::max(max_day, n);
    CHECK(max_day <= 4);
}

TEST_CASE("usage: the daily draws are deterministic per seed and follow the profiles", "[sim][usage]") {
    const json sc = us_scenario(8, 2, us_tracking({{"usage_review_days", 400}}));
    Journey a(world_from(sc), 5), b(world_from(sc), 5), c(world_from(sc), 6);
    for (Journey* j : {&a, &b, &c}) j->advance(60 * sim::kDay + 1);
    CHECK(sim::to_json(a.world().usage) == sim::to_json(b.world().usage));
    CHECK(a.sim.state_hash() == b.sim.state_hash());
    CHECK(sim::to_json(a.world().usage) != sim::to_json(c.world().usage));
    const auto daily = sim::daily_active_users(a.world(), a.sim.now(), 60);
    int total = 0;
    for (int n : daily) {
        CHECK(n <= 9);  // 8 active people and Anna; the two who left never
        total += n;
    }
    CHECK(total > 60 * 3);  // active people use it most days
    for (const auto& p : sim::person_activity(a.world()))
        if (p.profile == "left") CHECK(p.last_activity == -1);
    CHECK(sim::grant_utilisation(a.world(), a.sim.now()).active == 8);
}

TEST_CASE("usage: below 85 % the warning, the final notice and the disabling come on time", "[sim][usage]") {
    Journey j(world_from(us_scenario(5, 1, us_tracking(), {{"first_review_in_days", 1}})));
    j.advance(sim::kDay - 1);
    CHECK(us_mails(j.world(), "mail.grant_utilisation") == 0);
    j.advance(2);
    CHECK(us_mails(j.world(), "mail.grant_utilisation") == 1);
    CHECK(j.world().usage.notice_stage == "warned");
    const sim::Mail& mail = j.world().find_person(kAdmin)->inbox.back();
    CHECK(mail.params["assigned"] == 6);
    CHECK(mail.params["active"] == 5);
    CHECK(mail.params["inactive"] == 1);
    CHECK(mail.params["organisation"] == "TSV Musterstadt e.V.");
    CHECK(mail.params["tenant_id"].get<std::string>().size() == 36);
    CHECK(mail.from == "Microsoft for Nonprofits");
    j.advance(30 * sim::kDay);  // day 31: the final notice
    CHECK(us_mails(j.world(), "mail.grant_final_notice") == 1);
    CHECK(j.world().usage.notice_stage == "final");
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Active);
    j.advance(30 * sim::kDay);  // day 61: disabled
    CHECK(us_mails(j.world(), "mail.grant_disabled") == 1);
    CHECK(j.world().usage.notice_stage == "disabled");
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Disabled);
    const sim::Person& lea = j.person(us_upn("aktiv0"));
    CHECK_FALSE(sim::licence_works(j.world(), lea.licences.front()));
    CHECK(us_mails(j.world(), "mail.grant_utilisation") == 1);  // no second warning meanwhile
}

TEST_CASE("usage: unassigning the inactive person's licence before the final notice clears the warning",
          "[sim][usage]") {
    Journey j(world_from(us_scenario(5, 1, us_tracking(), {{"first_review_in_days", 1}})));
    j.advance(2 * sim::kDay);
    REQUIRE(j.world().usage.notice_stage == "warned");
    j.ok("licences.unassign", kAdmin, {{"sku", kBasicGrant}, {"user", us_upn("weg5")}});
    const sim::GrantUtilisation g = sim::grant_utilisation(j.world(), j.sim.now());
    CHECK(g.assigned == 5);
    CHECK(g.percent == Approx(100.0));
    j.advance(40 * sim::kDay);
    CHECK(j.world().usage.notice_stage.empty());
    CHECK(us_mails(j.world(), "mail.grant_final_notice") == 0);
    j.advance(60 * sim::kDay);
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Active);
}

TEST_CASE("usage: a disabled grant comes back at the next review once the inactive licences are gone",
          "[sim][usage]") {
    Journey j(world_from(us_scenario(5, 1, us_tracking(), {{"first_review_in_days", 1}})));
    j.advance(62 * sim::kDay);
    REQUIRE(us_grant(j.world()).status == sim::SubscriptionStatus::Disabled);
    j.advance(30 * sim::kDay);  // day 91: still below, still disabled
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Disabled);
    j.ok("licences.unassign", kAdmin, {{"sku", kBasicGrant}, {"user", us_upn("weg5")}});
    j.advance(30 * sim::kDay);  // day 121: the review re-enables it
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Active);
    CHECK(j.world().usage.notice_stage.empty());
    CHECK(us_mails(j.world(), "mail.grant_reenabled") == 1);
    CHECK(sim::licence_works(j.world(), j.person(us_upn("aktiv0")).licences.front()));
}

TEST_CASE("usage: with grant_reenable \"support\" only usage_reenable_grant brings the grant back",
          "[sim][usage]") {
    Journey j(world_from(us_scenario(5, 1, {{"usage_tracking", true}}, {{"first_review_in_days", 1}})));
    j.advance(62 * sim::kDay);
    REQUIRE(us_grant(j.world()).status == sim::SubscriptionStatus::Disabled);
    j.ok("licences.unassign", kAdmin, {{"sku", kBasicGrant}, {"user", us_upn("weg5")}});
    j.advance(60 * sim::kDay);
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Disabled);
    // Reactivate in Your products does not bring it back: that is Nonprofit support's (C22).
    j.fails("subscriptions.grant_disabled_by_review", "subscriptions.reactivate", kAdmin,
            {{"subscription", us_grant(j.world()).id}});
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Disabled);
    sim::Context ctx(j.sim);
    sim::usage_reenable_grant(ctx);
    CHECK(us_grant(j.world()).status == sim::SubscriptionStatus::Active);
    CHECK(j.world().usage.notice_stage.empty());
    CHECK(us_mails(j.world(), "mail.grant_reenabled") == 1);
}

TEST_CASE("usage: nobody using the grant at all gets \"M365 Nonprofit Subscription Expiring\"",
          "[sim][usage]") {
    Journey j(world_from(us_scenario(0, 3, us_tracking(), {{"first_review_in_days", 2}})));
    j.advance(3 * sim::kDay);
    CHECK(us_mails(j.world(), "mail.grant_expiring") == 1);
    CHECK(us_mails(j.world(), "mail.grant_utilisation") == 0);
    CHECK(j.world().usage.notice_stage == "warned");
}

TEST_CASE("usage: Reports' concealed names: hidden by default, Global Administrators change it",
          "[sim][usage]") {
    json sc = us_scenario(1, 0);
    sc["start"]["people"].push_back({{"upn", "ben"}, {"usage_location", "DE"}});
    Journey j(world_from(sc));
    CHECK(sim::reports_names_concealed(j.world()));
    const std::string hidden = sim::report_user_name(j.world(), us_upn("aktiv0"));
    CHECK(hidden.size() == 32);
    CHECK(hidden.find("aktiv0") == std::string::npos);
    j.fails("reports.insufficient_role", "reports.set_concealed_names", us_upn("ben"),
            {{"concealed", false}});
    const sim::Action a = sim::ops::set_concealed_names(kAdmin, false);
    j.ok(a.type, a.actor, a.args);
    CHECK_FALSE(sim::reports_names_concealed(j.world()));
    CHECK(sim::report_user_name(j.world(), us_upn("aktiv0")) == us_upn("aktiv0"));
    CHECK(sim::to_json(j.world())["usage"]["concealed_names"] == 0);
}

TEST_CASE("usage: contradicting activity profiles are start-state errors with pointers", "[sim][usage]") {
    json usage = {
        {"default_profile", "activ"},
        {"people", json::array({{{"user", "aktiv0"}, {"profile", "occasionl"}},
                                {{"user", "weg1"}, {"profile", "left"}, {"last_active_days_ago", 0}},
                                {{"user", "nobody"}, {"profile", "left"}},
                                {{"user", "weg1"}, {"profile", "left"}},
                                {{"user", "aktiv0@tsvmuster.onmicrosoft.com"}, {"profile", "active"}},
                                {{"user", "weg2"}, {"profile", "active"}, {"last_active_days_ago", 30}}})},
        {"history_days", 999}};
    json sc = us_scenario(1, 2, json::object(), usage);
    const auto errors = us_errors(sc);
    CHECK(us_has_error(errors, "/start/usage/default_profile", "did you mean \"active\""));
    CHECK(us_has_error(errors, "/start/usage/people/0/profile", "did you mean \"occasional\""));
    CHECK(us_has_error(errors, "/start/usage/people/1/last_active_days_ago", "left the association"));
    CHECK(us_has_error(errors, "/start/usage/people/2/user", "is not a person of the start state"));
    CHECK(us_has_error(errors, "/start/usage/people/3/user", "twice"));
    CHECK(us_has_error(errors, "/start/usage/people/5/last_active_days_ago", "within the last 7 days"));
    CHECK(us_has_error(errors, "/start/usage/history_days", "366"));
    json bad_setting = us_scenario(1, 0, {{"grant_reenable", "later"}});
    CHECK(us_has_error(us_errors(bad_setting), "/settings/grant_reenable", "next_review"));
    json unknown_key = us_scenario(1, 0);
    unknown_key["start"]["usage"]["histroy_days"] = 3;
    CHECK(us_has_error(us_errors(unknown_key), "/start/usage/histroy_days", "history_days"));
}

TEST_CASE("usage: the state survives the canonical JSON round trip", "[sim][usage]") {
    Journey j(world_from(us_scenario(5, 1, us_tracking(), {{"first_review_in_days", 1}})));
    j.advance(62 * sim::kDay);
    const json doc = sim::to_json(j.world());
    sim::World back;
    std::string why;
    REQUIRE(sim::world_from_json(doc, back, why));
    CHECK(sim::to_json(back) == doc);
    CHECK(back.usage.disabled_subscriptions == std::vector<std::string>{"grant"});
    CHECK(back.settings.usage_tracking);
    CHECK(back.settings.grant_reenable == "next_review");
}

TEST_CASE("usage: the conditions utilisation_at_least, grant_notice and report_names_concealed",
          "[sim][usage]") {
    std::vector<sim::ConditionError> errors;
    CHECK(sim::validate_condition({{"utilisation_at_least", {{"percent", 85}}}}, "/c", errors));
    CHECK(sim::validate_condition({{"grant_notice", {{"stage", "final"}}}}, "/c", errors));
    CHECK(sim::validate_condition({{"report_names_concealed", {{"concealed", false}}}}, "/c", errors));
    CHECK(errors.empty());
    CHECK_FALSE(sim::validate_condition({{"utilisation_at_least", {{"percent", 120}}}}, "/c", errors));
    CHECK_FALSE(sim::validate_condition({{"grant_notice", {{"stage", "warnd"}}}}, "/c", errors));
    CHECK_FALSE(
        sim::validate_condition({{"utilisation_at_least", {{"percent", 85}, {"dayz", 30}}}}, "/c", errors));
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].pointer == "/c/utilisation_at_least/percent");
    CHECK(errors[1].pointer == "/c/grant_notice/stage");
    CHECK(errors[1].message.find("did you mean \"warned\"") != std::string::npos);
    CHECK(errors[2].pointer == "/c/utilisation_at_least/dayz");

    Journey j(world_from(us_scenario(5, 1, us_tracking(), {{"first_review_in_days", 1}})));
    const json at85 = {{"utilisation_at_least", {{"percent", 85}}}};
    const json at80 = {{"utilisation_at_least", {{"percent", 80}}}};
    CHECK_FALSE(sim::evaluate_condition(at85, j.sim));
    CHECK(sim::evaluate_condition(at80, j.sim));  // 5 of 6
    CHECK(sim::evaluate_condition({{"grant_notice", {{"stage", "none"}}}}, j.sim));
    CHECK(sim::evaluate_condition({{"report_names_concealed", {{"concealed", true}}}}, j.sim));
    j.advance(2 * sim::kDay);
    CHECK(sim::evaluate_condition({{"grant_notice", {{"stage", "warned"}}}}, j.sim));
    j.ok("licences.unassign", kAdmin, {{"sku", kBasicGrant}, {"user", us_upn("weg5")}});
    CHECK(sim::evaluate_condition(at85, j.sim));
}

TEST_CASE("usage: usage_draw_days draws several days per event, with the same daily series", "[sim][usage]") {
    Journey j(
        world_from(us_scenario(4, 1, us_tracking({{"usage_draw_days", 7}, {"usage_review_days", 400}}))));
    j.advance(28 * sim::kDay + 1);
    int draws = 0;
    for (const auto& e : j.sim.journal().entries())
        if (e.kind == "event" && e.body["kind"] == "usage.day") ++draws;
    CHECK(draws == 4);
    CHECK(j.world().usage.daily_active.size() == 90 + 28);
    CHECK(sim::to_json(j.world())["settings"]["usage_draw_days"] == 7);
    const auto week = sim::daily_active_users(j.world(), j.sim.now(), 7);
    int active_days = 0;
    for (int n : week) active_days += n > 0 ? 1 : 0;
    CHECK(active_days >= 4);  // the workdays of the last week
}
