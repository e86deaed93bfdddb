// tests/sim/test_history_conditions.cpp — conditions over what happened (issue 12, item 1): "result",
// "event", "early_retries", "before" and "within" read the journal of a real simulation (results of
// operations, background events, fault firings), with counts at their edges and durations on the
// scenario's calendar (business days skip the weekend). Their form is checked with JSON pointers and
// "did you mean"; check resolves their operations, result codes and event kinds. Every example of
// docs/reference/conditions.md loads.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/faults.hpp"
#include "sim/registry.hpp"
#include "sim/scenario.hpp"
#include "sim/solution.hpp"

using namespace journey_test;
using sim::evaluate_condition;

namespace {

constexpr const char* kBen = "ben@tsvmuster.onmicrosoft.com";

json hist_ben() {
    return json::array(
        {{{"upn", "ben"}, {"first_name", "Ben"}, {"last_name", "Weber"}, {"usage_location", "DE"}}});
}

// Anna and Ben (no admin role) in an approved association; `faults` as the scenario's rules.
sim::Simulation hist_sim(const std::vector<sim::FaultRule>& faults = {}) {
    sim::Setup s = Journey::make_setup(world_from(approved_scenario(hist_ben())), 7);
    s.faults = faults;
    return sim::Simulation(std::move(s));
}

// Submits and waits for the result (like Journey::act, on any simulation).
sim::ActionResult hist_act(sim::Simulation& s, const std::string& type, const std::string& actor, json args) {
    const sim::ActionHandle h = s.submit(sim::Action{type, actor, std::move(args)});
    while (s.is_pending(h) && s.step_to_next_event()) {
    }
    REQUIRE(s.result(h).has_value());
    return *s.result(h);
}

json hist_order() {
    return {{"sku", kDonation}, {"quantity", 10}, {"term", "P1Y"}, {"billing_frequency", "annual"}};
}

json hist_assign(const std::string& upn) {
    return {{"sku", kDonation}, {"users", {upn}}};
}

// The form errors of `c`, each as "/pointer: message" (none when it is valid).
std::vector<std::string> hist_errors(const json& c) {
    std::vector<sim::ConditionError> errors;
    const bool ok = sim::validate_condition(c, "/c", errors);
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.pointer + ": " + e.message);
    CHECK(ok == out.empty());
    return out;
}

using Lines = std::vector<std::string>;

const json kRefused = {
    {"result", {{"operation", "billing.place_order"}, {"code", "billing.insufficient_role"}}}};
const json kAnnaOrdered = {
    {"result", {{"operation", "billing.place_order"}, {"code", "ok"}, {"actor", kAdmin}}}};

json hist_count(const json& happening, int at_least, int at_most) {
    json c = happening;
    auto& v = c.begin().value();
    if (at_least >= 0) v["at_least"] = at_least;
    if (at_most >= 0) v["at_most"] = at_most;
    return c;
}

}  // namespace

TEST_CASE("result: refusals and successes of an operation are counted, by code and by actor",
          "[sim][assessment][history]") {
    sim::Simulation s = hist_sim();
    CHECK_FALSE(evaluate_condition(kRefused, s));
    CHECK(evaluate_condition(hist_count(kRefused, -1, 0), s));  // at_most 0: none yet
    CHECK(evaluate_condition(hist_count(kRefused, 0, -1), s));  // at_least 0 always holds
    CHECK(evaluate_condition(hist_count(kRefused, -1, 2), s));  // at_least defaults to 0 beside at_most

    const sim::ActionResult refused = hist_act(s, "billing.place_order", kBen, hist_order());
    REQUIRE(refused.code == "billing.insufficient_role");
    CHECK(evaluate_condition(kRefused, s));
    CHECK(evaluate_condition(hist_count(kRefused, 1, 1), s));
    CHECK_FALSE(evaluate_condition(hist_count(kRefused, 2, -1), s));
    CHECK_FALSE(evaluate_condition(hist_count(kRefused, -1, 0), s));
    // By actor (a glob over the acting person, found through the action's handle).
    CHECK(evaluate_condition({{"result", {{"operation", "billing.*"}, {"actor", "ben@*"}}}}, s));
    CHECK_FALSE(evaluate_condition({{"result", {{"operation", "billing.*"}, {"actor", kAdmin}}}}, s));
    // By code: "ok" for success, "*" (the default) for any, a glob over error codes.
    CHECK_FALSE(evaluate_condition({{"result", {{"operation", "billing.place_order"}, {"code", "ok"}}}}, s));
    CHECK(evaluate_condition({{"result", {{"operation", "billing.place_order"}}}}, s));
    CHECK(evaluate_condition({{"result", {{"operation", "billing.place_order"}, {"code", "billing.*"}}}}, s));
    CHECK_FALSE(evaluate_condition({{"result", {{"operation", "licences.*"}}}}, s));

    hist_act(s, "billing.place_order", kBen, hist_order());
    CHECK(evaluate_condition(hist_count(kRefused, 2, 2), s));
    CHECK_FALSE(evaluate_condition(hist_count(kRefused, 3, 5), s));
    CHECK_FALSE(evaluate_condition(hist_count(kRefused, 0, 1), s));

    REQUIRE(hist_act(s, "billing.place_order", kAdmin, hist_order()).ok);
    CHECK(evaluate_condition(kAnnaOrdered, s));
    CHECK(evaluate_condition(hist_count({{"result", {{"operation", "billing.place_order"}}}}, 3, 3), s));
}

TEST_CASE("event: a background event has happened, matched by kind (glob) and data, and counted",
          "[sim][assessment][history]") {
    sim::Simulation s = hist_sim();
    const json propagated = {{"event", {{"kind", "licences.propagated"}}}};
    const json for_ben = {{"event", {{"kind", "licences.*"}, {"data", {{"upn", kBen}}}}}};
    REQUIRE(hist_act(s, "billing.place_order", kAdmin, hist_order()).ok);
    REQUIRE(hist_act(s, "licences.assign", kAdmin, hist_assign(kAdmin)).ok);
    CHECK_FALSE(evaluate_condition(propagated, s));  // assigned, not yet effective
    s.run_until(s.now() + sim::kDay);
    CHECK(evaluate_condition(propagated, s));
    CHECK(evaluate_condition(hist_count(propagated, 1, 1), s));
    CHECK_FALSE(evaluate_condition(hist_count(propagated, -1, 0), s));
    CHECK_FALSE(evaluate_condition(for_ben, s));  // Anna's licence, not Ben's

    REQUIRE(hist_act(s, "licences.assign", kAdmin, hist_assign(kBen)).ok);
    s.run_until(s.now() + sim::kDay);
    CHECK(evaluate_condition(for_ben, s));
    CHECK(evaluate_condition(hist_count(propagated, 2, 2), s));
    CHECK_FALSE(evaluate_condition(hist_count(propagated, 3, -1), s));
    CHECK_FALSE(evaluate_condition({{"event", {{"kind", "portal.verification_finished"}}}}, s));
}

TEST_CASE("early_retries: retries before Retry-After, per operation glob, at the edges",
          "[sim][assessment][history]") {
    sim::FaultRule throttle;
    throttle.id = "assign-throttle";
    throttle.operation = "licences.assign";
    throttle.effect = sim::FaultRule::Effect::Throttle;
    throttle.limit = 1;
    throttle.window = sim::kHour;
    throttle.retry_after = 30 * sim::kSecond;
    throttle.max_fires = 1;
    sim::Simulation s = hist_sim({throttle});
    const json none = {{"early_retries", {{"operation", "licences.*"}, {"at_most", 0}}}};
    const json at_most_one = {{"early_retries", {{"at_most", 1}}}};
    const json throttled = {{"result", {{"operation", "licences.assign"}, {"code", "throttled"}}}};
    REQUIRE(hist_act(s, "billing.place_order", kAdmin, hist_order()).ok);
    REQUIRE(hist_act(s, "licences.assign", kAdmin, hist_assign(kAdmin)).ok);
    CHECK(evaluate_condition(none, s));
    CHECK_FALSE(evaluate_condition(throttled, s));

    CHECK(hist_act(s, "licences.assign", kAdmin, hist_assign(kBen)).code == "throttled");
    CHECK(evaluate_condition(throttled, s));
    CHECK(evaluate_condition(none, s));  // being throttled is no early retry
    CHECK(hist_act(s, "licences.assign", kAdmin, hist_assign(kBen)).code == "throttled.early_retry");
    CHECK_FALSE(evaluate_condition(none, s));
    CHECK(evaluate_condition(at_most_one, s));
    CHECK(evaluate_condition({{"early_retries", {{"at_least", 1}, {"at_most", 1}}}}, s));
    CHECK_FALSE(evaluate_condition({{"early_retries", {{"at_least", 2}}}}, s));
    CHECK(evaluate_condition({{"early_retries", {{"operation", "billing.*"}, {"at_most", 0}}}}, s));
    // "throttled" is the refusal the trainee waited for; the early retry's own code differs.
    CHECK(evaluate_condition(hist_count(throttled, 1, 1), s));
    CHECK(evaluate_condition(
        hist_count({{"result", {{"operation", "licences.assign"}, {"code", "throttled*"}}}}, 2, 2), s));

    s.run_until(s.now() + 31 * sim::kSecond);
    REQUIRE(hist_act(s, "licences.assign", kAdmin, hist_assign(kBen)).ok);
    CHECK(evaluate_condition(at_most_one, s));
    CHECK(hist_act(s, "licences.assign", kAdmin, hist_assign(kBen)).code == "licences.already_assigned");
    CHECK_FALSE(evaluate_condition({{"early_retries", {{"at_least", 2}}}}, s));
}

TEST_CASE("before: A's first occurrence is earlier than B's, false while either has not happened",
          "[sim][assessment][history]") {
    sim::Simulation s = hist_sim();
    const json refused_then_anna = {{"before", {kRefused, kAnnaOrdered}}};
    const json anna_then_refused = {{"before", {kAnnaOrdered, kRefused}}};
    CHECK_FALSE(evaluate_condition(refused_then_anna, s));
    hist_act(s, "billing.place_order", kBen, hist_order());
    CHECK_FALSE(evaluate_condition(refused_then_anna, s));  // B has not happened yet
    CHECK_FALSE(evaluate_condition(anna_then_refused, s));
    REQUIRE(hist_act(s, "billing.place_order", kAdmin, hist_order()).ok);
    CHECK(evaluate_condition(refused_then_anna, s));
    CHECK_FALSE(evaluate_condition(anna_then_refused, s));
    // A later refusal changes nothing: only first occurrences count.
    hist_act(s, "billing.place_order", kBen, hist_order());
    CHECK(evaluate_condition(refused_then_anna, s));
    CHECK_FALSE(evaluate_condition(anna_then_refused, s));
    // One entry matching both is not "before" itself.
    CHECK_FALSE(evaluate_condition({{"before", {kRefused, kRefused}}}, s));
    // With a background event.
    REQUIRE(hist_act(s, "licences.assign", kAdmin, hist_assign(kBen)).ok);
    const json propagated = {{"event", {{"kind", "licences.propagated"}}}};
    CHECK_FALSE(evaluate_condition({{"before", {kAnnaOrdered, propagated}}}, s));
    s.run_until(s.now() + sim::kDay);
    CHECK(evaluate_condition({{"before", {kAnnaOrdered, propagated}}}, s));
    CHECK_FALSE(evaluate_condition({{"before", {propagated, kAnnaOrdered}}}, s));
}

TEST_CASE("within: the first 'to' after 'from' comes in time, business days skipping the weekend",
          "[sim][assessment][history]") {
    sim::Simulation s = hist_sim();  // starts Monday 2025-03-03 09:00, Europe/Berlin
    auto within = [](const char* max) {
        return json{{"within", {{"from", kRefused}, {"to", kAnnaOrdered}, {"max", max}}}};
    };
    CHECK_FALSE(evaluate_condition(within("10d"), s));  // nothing happened yet
    s.run_until(4 * sim::kDay);                         // Friday 09:00
    REQUIRE(s.calendar().local(s.now()).weekday == 4);
    hist_act(s, "billing.place_order", kBen, hist_order());
    CHECK_FALSE(evaluate_condition(within("10d"), s));  // "to" has not happened yet
    s.run_until(7 * sim::kDay + sim::kHour);            // Monday 10:00
    REQUIRE(hist_act(s, "billing.place_order", kAdmin, hist_order()).ok);
    // Refused on Friday just after 09:00, ordered on Monday just after 10:00.
    CHECK(evaluate_condition(within("2 business days"), s));       // until Tuesday
    CHECK_FALSE(evaluate_condition(within("1 business day"), s));  // until Monday 09:00
    CHECK_FALSE(evaluate_condition(within("2d"), s));              // until Sunday
    CHECK_FALSE(evaluate_condition(within("3d"), s));              // until Monday 09:00
    CHECK(evaluate_condition(within("4d"), s));
    CHECK(evaluate_condition(within("1w"), s));
    // "to" must come after "from": an order before the refusal does not count.
    CHECK_FALSE(
        evaluate_condition({{"within", {{"from", kAnnaOrdered}, {"to", kRefused}, {"max", "10d"}}}}, s));
    hist_act(s, "billing.place_order", kBen, hist_order());
    CHECK(evaluate_condition({{"within", {{"from", kAnnaOrdered}, {"to", kRefused}, {"max", "1h"}}}}, s));
}

TEST_CASE("objectives over what happened are tracked like any other, and last_result still answers",
          "[sim][assessment][history]") {
    std::vector<sim::ConditionError> errors;
    const sim::Assessment a = sim::assessment_from_scenario(
        json{{"objectives",
              {{{"id", "refused"}, {"title", "Refused"}, {"condition", kRefused}},
               {{"id", "then_anna"},
                {"title", "Then Anna"},
                {"condition", {{"before", {kRefused, kAnnaOrdered}}}}},
               {{"id", "last"},
                {"title", "Last"},
                {"condition", {{"last_result", {{"operation", "billing.*"}, {"error", "ok"}}}}}}}}},
        errors);
    REQUIRE(errors.empty());
    sim::Simulation s = hist_sim();
    sim::AssessmentTracker t(a);
    hist_act(s, "billing.place_order", kBen, hist_order());
    t.update(s);
    CHECK(t.is_met(0));
    CHECK_FALSE(t.is_met(1));
    CHECK_FALSE(t.is_met(2));
    REQUIRE(hist_act(s, "billing.place_order", kAdmin, hist_order()).ok);
    t.update(s);
    CHECK(t.is_met(1));
    CHECK(t.is_met(2));
    CHECK(t.report(s).score == 100);
}

TEST_CASE("a hand-built condition over what happened that was never validated evaluates to false",
          "[sim][assessment][history]") {
    sim::Simulation s = hist_sim();
    hist_act(s, "billing.place_order", kBen, hist_order());
    for (const json& c :
         {json{{"result", 5}}, json{{"result", json::object()}}, json{{"last_result", {{"error", "ok"}}}},
          json{{"last_result", {{"operation", "billing.*"}}}}, json{{"before", {kRefused}}},
          json{{"before", "x"}}, json{{"within", {{"from", kRefused}}}},
          json{{"within", {{"from", kRefused}, {"to", kRefused}, {"max", 3}}}},
          json{{"early_retries", {{"at_most", "x"}}}}, json{{"event", {{"kind", 1}}}}}) {
        INFO(c.dump());
        CHECK_FALSE(evaluate_condition(c, s));
    }
}

TEST_CASE("reads_history finds a condition over what happened anywhere in an objective",
          "[sim][assessment][history]") {
    CHECK(sim::reads_history(kRefused));
    CHECK(sim::reads_history(
        json{{"all", {{{"portal_status", "approved"}}, {{"not", {{"early_retries", {{"at_most", 0}}}}}}}}}));
    CHECK(sim::reads_history(json{{"any", {{{"last_result", {{"operation", "x"}, {"error", "ok"}}}}}}}));
    CHECK_FALSE(sim::reads_history(
        json{{"all", {{{"portal_status", "approved"}}, {{"not", {{"tenant_exists", true}}}}}}}));
    CHECK_FALSE(sim::reads_history(json{{"office_desktop_people", 3}}));
}

TEST_CASE("the form of conditions over what happened: JSON pointers, did you mean, ranges, durations",
          "[sim][assessment][history]") {
    CHECK(hist_errors(kRefused).empty());
    CHECK(hist_errors({{"result",
                        {{"operation", "licences.*"}, {"code", "*"}, {"at_least", 0}, {"at_most", 1000000}}}})
              .empty());
    CHECK(
        hist_errors({{"event", {{"kind", "licences.propagated"}, {"data", {{"upn", "x"}}}, {"at_most", 2}}}})
            .empty());
    CHECK(hist_errors({{"early_retries", {{"at_most", 0}}}}).empty());
    CHECK(hist_errors({{"before", {kRefused, {{"event", {{"kind", "licences.propagated"}}}}}}}).empty());
    CHECK(hist_errors({{"within", {{"from", kRefused}, {"to", kAnnaOrdered}, {"max", "3 business days"}}}})
              .empty());

    CHECK(hist_errors({{"result", {{"operation", "x"}, {"at_lest", 1}}}}) ==
          Lines{"/c/result/at_lest: unknown key \"at_lest\" — did you mean \"at_least\"?"});
    CHECK(hist_errors({{"result", {{"code", "ok"}}}}) ==
          Lines{"/c/result: needs \"operation\" (an operation or a glob such as \"licences.*\"); \"code\" is "
                "optional (an error code, \"ok\", or a glob such as \"licences.*\"; default \"*\", any)"});
    CHECK(hist_errors({{"result", {{"operation", "x"}, {"at_most", 1000001}}}}) ==
          Lines{"/c/result/at_most: must be a whole number from 0 to 1000000, not 1000001"});
    CHECK(hist_errors({{"event", {{"kind", "x"}, {"at_least", -1}}}}) ==
          Lines{"/c/event/at_least: must be a whole number from 0 to 1000000, not -1"});
    CHECK(hist_errors({{"event", {{"kind", "x"}, {"at_least", 3}, {"at_most", 2}}}}) ==
          Lines{"/c/event/at_most: must not be below \"at_least\" (3): the condition could never hold"});
    CHECK(hist_errors({{"event", {{"kind", "x"}, {"at_least", 2}, {"at_most", 2}}}}).empty());
    CHECK(hist_errors({{"event", {{"kind", "x"}, {"at_most", 0}}}}).empty());
    CHECK(hist_errors({{"event", {{"kind", "x"}, {"data", "upn"}}}}) ==
          Lines{"/c/event/data: must be an object of the event's data to match, e.g. {\"upn\": \"…\"}"});
    CHECK(hist_errors({{"early_retries", {{"operation", "licences.*"}}}}) ==
          Lines{"/c/early_retries: needs \"at_most\" (or \"at_least\"), e.g. {\"operation\": \"licences.*\", "
                "\"at_most\": 0}"});
    CHECK(hist_errors({{"before", {kRefused}}}) ==
          Lines{"/c/before: must be [A, B]: two happenings, each {\"result\": {…}} or {\"event\": {…}}"});
    CHECK(
        hist_errors({{"before", {kRefused, {{"result", {{"operation", "x"}, {"at_least", 1}}}}}}}) ==
        Lines{
            "/c/before/1/result/at_least: a happening has no count: \"before\" and \"within\" use its first "
            "occurrence (count with a \"result\" or \"event\" condition beside it)"});
    CHECK(hist_errors({{"before", {{{"resutl", {{"operation", "x"}}}}, kRefused}}}) ==
          Lines{"/c/before/0/resutl: unknown happening \"resutl\" — did you mean \"result\"?"});
    CHECK(
        hist_errors({{"before", {{{"portal_status", "approved"}}, kRefused}}}) ==
        Lines{
            "/c/before/0/portal_status: \"portal_status\" is a condition, not a happening: use {\"result\": "
            "{…}} or {\"event\": {…}}"});
    CHECK(
        hist_errors({{"within", {{"from", kRefused}, {"to", kAnnaOrdered}}}}) ==
        Lines{
            "/c/within: needs \"from\" and \"to\" (happenings) and \"max\" (a duration such as \"3 business "
            "days\")"});
    CHECK(
        hist_errors({{"within", {{"from", kRefused}, {"to", kAnnaOrdered}, {"max", "3 bdays"}}}}) ==
        Lines{"/c/within/max: \"3 bdays\": unknown unit \"bdays\" (use ms, s, m, h, d, w or business days)"});
    const Lines too_long =
        hist_errors({{"within", {{"from", kRefused}, {"to", kAnnaOrdered}, {"max", "3661d"}}}});
    REQUIRE(too_long.size() == 1);
    CHECK(too_long[0].rfind("/c/within/max: ", 0) == 0);
    CHECK(too_long[0].find(sim::duration_cap_text()) != std::string::npos);
    CHECK(hist_errors({{"within", {{"from", kRefused}, {"to", kAnnaOrdered}, {"max", 3}, {"maxx", 1}}}}) ==
          Lines{"/c/within/maxx: unknown key \"maxx\" — did you mean \"max\"?",
                "/c/within/max: must be a duration such as \"3 business days\" or \"2h\""});
    CHECK(hist_errors(
              {{"within", {{"from", {{"event", {{"knd", "x"}}}}}, {"to", kAnnaOrdered}, {"max", "1d"}}}}) ==
          Lines{"/c/within/from/event: needs \"kind\" (a background event such as "
                "\"portal.verification_finished\")"});
    // Conditions nest: a history condition inside "all" and "not" gets its full pointer.
    CHECK(hist_errors({{"all", {{{"not", {{"early_retries", {{"at_most", "0"}}}}}}}}}) ==
          Lines{"/c/all/0/not/early_retries/at_most: must be a whole number from 0 to 1000000, not a text"});
}

TEST_CASE("check resolves the operations, result codes and event kinds of conditions over what happened",
          "[sim][scenario][references][history]") {
    auto errors_of = [](const json& condition, bool as_wait = false) {
        json doc = {{"schema_version", 1},
                    {"id", "histrefs"},
                    {"title", {{"en", "History"}, {"de", "Verlauf"}}},
                    {"modes", {"guided", "exam"}}};
        if (as_wait)
            doc["solution"] = json::array({{{"wait_until", condition}, {"max", "1d"}}});
        else
            doc["objectives"] = json::array({{{"title", "Goal"}, {"condition", condition}}});
        const sim::ScenarioLoad l = sim::load_scenario_text(doc.dump(2), "histrefs.json");
        Lines out;
        for (const auto& e : l.errors) out.push_back(e.where + ": " + e.message);
        return out;
    };
    CHECK(errors_of(kRefused).empty());
    CHECK(errors_of({{"before", {kRefused, {{"event", {{"kind", "portal.*"}}}}}}}).empty());
    CHECK(
        errors_of({{"result", {{"operation", "licences.assign"}, {"code", "licences.insuficient_role"}}}}) ==
        Lines{"/objectives/0/condition/result/code: unknown result code \"licences.insuficient_role\" — did "
              "you mean \"licences.insufficient_role\"?"});
    CHECK(
        errors_of({{"result", {{"operation", "licences.asign"}}}}) ==
        Lines{"/objectives/0/condition/result/operation: unknown operation \"licences.asign\" — did you mean "
              "\"licences.assign\"?"});
    CHECK(errors_of({{"early_retries", {{"operation", "licence.*"}, {"at_most", 0}}}}) ==
          Lines{"/objectives/0/condition/early_retries/operation: \"licence.*\" matches no operation — did "
                "you mean "
                "\"licences.*\"?"});
    CHECK(
        errors_of({{"event", {{"kind", "portal.verification_finishd"}}}}) ==
        Lines{"/objectives/0/condition/event/kind: unknown event kind \"portal.verification_finishd\" — did "
              "you mean \"portal.verification_finished\"?"});
    CHECK(errors_of({{"any",
                      {{{"within",
                         {{"from", kRefused},
                          {"to", {{"event", {{"kind", "licences.propagate"}}}}},
                          {"max", "1h"}}}}}}},
                    true) == Lines{"/solution/0/wait_until/any/0/within/to/event/kind: unknown event kind "
                                   "\"licences.propagate\" — did you mean \"licences.propagated\"?"});
    CHECK(errors_of({{"before", {kRefused, {{"result", {{"operation", "billing.*"}, {"code", "ok "}}}}}}}) ==
          Lines{"/objectives/0/condition/before/1/result/code: unknown result code \"ok \" — did you mean "
                "\"ok\"?"});
}

TEST_CASE("every example of docs/reference/conditions.md is a valid condition with known references",
          "[sim][scenario][history][docs]") {
    const std::filesystem::path doc =
        std::filesystem::path(NPSIM_TEST_DATA_DIR) / ".." / ".." / "docs" / "reference" / "conditions.md";
    std::ifstream in(doc);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    // Each ```json block: a condition ("```json condition", also run through ajv by check-schema.sh) or a
    // whole objective.
    std::vector<json> examples;
    const std::string md = text.str();
    for (std::size_t at = md.find("```json"); at != std::string::npos; at = md.find("```json", at)) {
        at = md.find('\n', at) + 1;
        const std::size_t end = md.find("```", at);
        REQUIRE(end != std::string::npos);
        examples.push_back(json::parse(md.substr(at, end - at)));
        at = end + 3;
    }
    CHECK(examples.size() >= 20);
    // The references as the loader resolves them (sim/scenario.cpp), the SKUs of the catalog included.
    sim::ConditionReferences refs;
    refs.codes = sim::known_result_codes(sim::journey_registry());
    for (const auto& [kind, handler] : sim::journey_registry().events) refs.events.push_back(kind);
    for (const auto& [name, op] : sim::journey_registry().actions) refs.operations.push_back(name);
    for (const sim::Product& p : catalog().products) refs.skus.push_back(p.sku);
    for (const json& example : examples) {
        INFO(example.dump());
        const json& c = example.contains("condition") ? example["condition"] : example;  // a whole objective
        CHECK(hist_errors(c).empty());
        std::vector<sim::ConditionError> errors;
        sim::check_condition_references(json{{"objectives", json::array({{{"condition", c}}})}}, refs,
                                        errors);
        for (const auto& e : errors) UNSCOPED_INFO(e.pointer << ": " << e.message);
        CHECK(errors.empty());
    }
}

namespace {

// A shipped scenario, its simulation and its tracker, driven step by step like a trainee.
struct HistTrainee {
    sim::Scenario scenario;
    std::unique_ptr<sim::Simulation> sim;
    std::unique_ptr<sim::AssessmentTracker> tracker;

    explicit HistTrainee(const std::string& id) {
        const sim::ScenarioLoad l =
            sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + id + ".json");
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(l.ok());
        scenario = *l.scenario;
        sim = std::make_unique<sim::Simulation>(scenario.setup);
        tracker = std::make_unique<sim::AssessmentTracker>(scenario.assessment);
    }
    std::string act(const std::string& type, const std::string& actor, json args) {
        const sim::ActionResult r = hist_act(*sim, type, actor, std::move(args));
        tracker->update(*sim);
        return r.code;
    }
    void wait(sim::SimTime dt) {
        sim->run_until(sim->now() + dt);
        tracker->update(*sim);
    }
    int score() const { return tracker->report(*sim).score; }
};

}  // namespace

TEST_CASE("throttle-patience-scored: patience is scored, each early retry costs its objective",
          "[sim][assessment][history][scenario]") {
    const std::string domain = "@tafelmuster.onmicrosoft.com";
    const std::string petra = "petra" + domain;
    auto assign = [&](HistTrainee& t, const char* who) {
        return t.act("licences.assign", petra, {{"sku", kDonation}, {"users", {who + domain}}});
    };
    for (int early : {0, 1, 2}) {
        INFO(early << " early retries");
        HistTrainee t("throttle-patience-scored");
        CHECK(assign(t, "tom") == "ok");
        CHECK(assign(t, "aylin") == "ok");
        CHECK(assign(t, "marek") == "throttled");
        for (int i = 0; i < early; ++i) CHECK(assign(t, "marek") == "throttled.early_retry");
        t.wait(30 * sim::kSecond);
        CHECK(assign(t, "marek") == "ok");
        CHECK(assign(t, "svenja") == "ok");
        CHECK(assign(t, "kai") == "ok");
        t.wait(sim::kDay);
        CHECK(t.tracker->is_met(0));  // the throttling was met
        CHECK(t.tracker->is_met(1));  // all six can install Office
        CHECK(t.tracker->is_met(2) == (early <= 1));
        CHECK(t.tracker->is_met(3) == (early == 0));
        CHECK(t.score() == (early == 0 ? 100 : early == 1 ? 80 : 50));
    }
}

TEST_CASE("role-refusal-scored: the refusal, then the Global Administrator's order, in that order",
          "[sim][assessment][history][scenario]") {
    const std::string miriam = "miriam@kleiderkammermuster.onmicrosoft.com";
    const std::string jonas = "jonas@kleiderkammermuster.onmicrosoft.com";
    auto order = [&](HistTrainee& t, const std::string& who) {
        return t.act("billing.place_order", who, hist_order());
    };
    auto license_jonas = [&](HistTrainee& t) {
        CHECK(t.act("licences.assign", miriam, hist_assign(jonas)) == "ok");
        t.wait(sim::kDay);
    };
    SECTION("reproduced, then ordered by Miriam: every objective") {
        HistTrainee t("role-refusal-scored");
        CHECK(order(t, jonas) == "billing.insufficient_role");
        CHECK(order(t, miriam) == "ok");
        license_jonas(t);
        CHECK(t.score() == 100);
    }
    SECTION("Miriam orders without reproducing the refusal first: the order does not count as after it") {
        HistTrainee t("role-refusal-scored");
        CHECK(order(t, miriam) == "ok");
        CHECK(order(t, jonas) == "billing.insufficient_role");  // reproduced too late
        license_jonas(t);
        CHECK(t.tracker->is_met(0));
        CHECK_FALSE(t.tracker->is_met(1));
        CHECK_FALSE(t.tracker->is_met(2));  // ordered objectives: the third waits for the second
        CHECK(t.score() == 20);
    }
}

TEST_CASE("a tracker reads each journal entry once and agrees with a fresh evaluation at every step",
          "[sim][assessment][history]") {
    sim::FaultRule throttle;
    throttle.id = "assign-throttle";
    throttle.operation = "licences.assign";
    throttle.effect = sim::FaultRule::Effect::Throttle;
    throttle.limit = 1;
    throttle.window = sim::kHour;
    throttle.retry_after = 30 * sim::kSecond;
    throttle.max_fires = 1;
    const json propagated = {{"event", {{"kind", "licences.propagated"}}}};
    const json throttled = {{"result", {{"operation", "licences.assign"}, {"code", "throttled"}}}};
    const std::vector<json> conditions = {
        kRefused,
        hist_count(kRefused, 2, 2),
        hist_count(kRefused, -1, 0),
        {{"early_retries", {{"at_least", 1}}}},
        {{"all", {propagated, {{"early_retries", {{"at_most", 0}}}}}}},
        {{"before", {kRefused, kAnnaOrdered}}},
        {{"before", {propagated, kRefused}}},
        {{"within",
          {{"from", throttled},
           {"to", {{"result", {{"operation", "licences.assign"}, {"code", "ok"}}}}},
           {"max", "45s"}}}},
        {{"within", {{"from", kAnnaOrdered}, {"to", propagated}, {"max", "1h"}}}},
        {{"not", {{"last_result", {{"operation", "licences.*"}, {"error", "ok"}}}}}},
        {{"any", {{{"event", {{"kind", "portal.*"}}}}, hist_count(propagated, 2, -1)}}},
    };
    json items = json::array();
    for (std::size_t i = 0; i < conditions.size(); ++i)
        items.push_back({{"id", std::to_string(i)}, {"title", "T"}, {"condition", conditions[i]}});
    std::vector<sim::ConditionError> errors;
    const sim::Assessment a = sim::assessment_from_scenario(json{{"objectives", items}}, errors);
    REQUIRE(errors.empty());

    sim::Simulation s = hist_sim({throttle});
    sim::AssessmentTracker tracker(a);
    std::vector<sim::SimTime> fresh_met(conditions.size(), -1);
    auto step = [&] {
        tracker.update(s);
        for (std::size_t i = 0; i < conditions.size(); ++i)
            if (fresh_met[i] < 0 && evaluate_condition(conditions[i], s)) fresh_met[i] = s.now();
    };
    auto act = [&](const std::string& type, const std::string& actor, json args) {
        const sim::ActionHandle h = s.submit(sim::Action{type, actor, std::move(args)});
        step();
        while (s.is_pending(h) && s.step_to_next_event()) step();
    };
    act("billing.place_order", kBen, hist_order());
    act("billing.place_order", kAdmin, hist_order());
    act("licences.assign", kAdmin, hist_assign(kAdmin));
    act("licences.assign", kAdmin, hist_assign(kBen));  // throttled
    act("licences.assign", kAdmin, hist_assign(kBen));  // too early
    s.run_until(s.now() + 40 * sim::kSecond);
    step();
    act("licences.assign", kAdmin, hist_assign(kBen));
    act("billing.place_order", kBen, hist_order());
    while (s.now() < sim::kDay && s.step_to_next_event()) step();
    const sim::ScoreReport r = tracker.report(s);
    int met = 0;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        INFO(i << ": " << conditions[i].dump());
        CHECK(r.objectives[i].met_at == fresh_met[i]);
        met += r.objectives[i].met ? 1 : 0;
    }
    CHECK(met >= 7);                   // most become true at some step, at their own moment
    CHECK_FALSE(r.objectives[6].met);  // a propagation before the first refusal never happens
}
