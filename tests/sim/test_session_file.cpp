// tests/sim/test_session_file.cpp — session files (repro bundles, format 2): what is written, what a
// damaged file says, and what verify_bundle checks (journal entries, hashes, observations).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "sim/assessment.hpp"
#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/hash.hpp"

using namespace sim;
using nlohmann::json;

namespace {

constexpr const char* kAnna = "anna@tsvmuster.onmicrosoft.com";
constexpr const char* kSessionDonation = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";

Scenario scenario(const char* name = "full-journey") {
    ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + name + ".json");
    REQUIRE(l.ok());
    return *l.scenario;
}

Action action(const json& j) {
    Action a;
    std::string error;
    INFO(error);
    REQUIRE(action_from_json(j, a, error));
    return a;
}

// Submits at `t` (running the clock there first).
void submit_at(Simulation& s, SimTime t, const json& a) {
    if (t > s.now()) s.run_until(t);
    s.submit(action(a));
}

// The full journey's reference solution, then a day of background events.
ReproBundle journey_bundle(const Scenario& sc) {
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    s.run_until(s.now() + kDay);
    return make_bundle(sc, s, "full journey");
}

ReproBundle reload(const ReproBundle& b) {
    ReproBundle out;
    std::string error;
    INFO(error);
    REQUIRE(bundle_from_text(bundle_text(to_json(b)), out, error));
    return out;
}

std::string load_error(const std::string& text) {
    ReproBundle b;
    std::string error;
    CHECK_FALSE(bundle_from_text(text, b, error));
    return error;
}

}  // namespace

TEST_CASE("a session file is format 2 with the journal, the scenario hash and one entry per line",
          "[sim][session]") {
    const Scenario sc = scenario();
    const ReproBundle b = journey_bundle(sc);
    CHECK(b.scenario_hash == hex64(hash_json(scenario_for_bundle(sc.source))));
    CHECK(b.journal.size() == 16);
    CHECK(b.journal.front().kind == "action");
    const std::string text = bundle_text(to_json(b));
    CHECK(text.rfind("{\n \"npsim_bundle\": 2,\n \"app\": \"npsim\",\n \"version\": ", 0) == 0);
    // One line per action and per journal entry: a file diffs and greps well.
    CHECK(text.find("\n \"journal\": [\n  {\"body\":{\"action\":{") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 14 + 7 + 2 + 16 + 2);
    const ReproBundle back = reload(b);
    CHECK(back.journal.size() == b.journal.size());
    CHECK(back.scenario_hash == b.scenario_hash);
    CHECK(back.app == "npsim");
    const ReplayReport r = verify_bundle(back);
    INFO((r.problems.empty() ? "" : r.problems.front()));
    CHECK(r.ok());
    CHECK(r.journal_checked);
    CHECK(r.hashes_match);
    CHECK(r.recorded_entries == 16);
    CHECK(r.replayed_entries == 16);
}

TEST_CASE("a format 1 bundle (no journal, no scenario hash) still loads and replays by its hashes",
          "[sim][session]") {
    json doc = to_json(journey_bundle(scenario()));
    doc["npsim_bundle"] = 1;
    for (const char* key : {"journal", "scenario_hash", "observations", "app"}) doc.erase(key);
    ReproBundle b;
    std::string error;
    REQUIRE(bundle_from_text(doc.dump(1), b, error));
    CHECK(b.journal.empty());
    const ReplayReport r = verify_bundle(b);
    CHECK(r.ok());
    CHECK_FALSE(r.journal_checked);
    CHECK(replay_bundle(b).reproduced);
}

TEST_CASE("a truncated session file says where it breaks and that it looks truncated, at any cut",
          "[sim][session][errors]") {
    const std::string text = bundle_text(to_json(journey_bundle(scenario())));
    for (std::size_t cut = 1; cut < text.size() - 2; cut += 211) {
        const std::string error = load_error(text.substr(0, cut));
        INFO("cut at " << cut << ": " << error);
        CHECK(error.rfind("not valid JSON at byte ", 0) == 0);
        CHECK(error.find("the file looks truncated") != std::string::npos);
    }
    CHECK(load_error("") == "the file is empty (not valid JSON at byte 0)");
    // A break in the middle is not called truncated, and says the line.
    CHECK(load_error("{\"npsim_bundle\": 2,\n \"seed\": x}") ==
          "not valid JSON at byte 30 (line 2, column 10)");
}

TEST_CASE("a session of another format or program says what it is and what this npsim reads",
          "[sim][session][errors]") {
    json doc = to_json(journey_bundle(scenario()));
    doc["npsim_bundle"] = 3;
    std::string error = load_error(doc.dump());
    CHECK(error.rfind("/npsim_bundle: format 3 is not supported (this npsim ", 0) == 0);
    CHECK(error.find("reads formats 1 to 2); it was written by a newer npsim") != std::string::npos);
    doc["npsim_bundle"] = 0;
    CHECK(load_error(doc.dump()).find("format 0 is not supported") != std::string::npos);
    doc["npsim_bundle"] = "2";
    CHECK(load_error(doc.dump()) == "/npsim_bundle: must be the format number (1 to 2), not \"2\"");
    doc["npsim_bundle"] = 2;
    doc["app"] = "other-sim";
    CHECK(load_error(doc.dump()) == "/app: this file was not written by npsim");
    CHECK(load_error(scenario().source.dump())
              .rfind("/: this is a scenario file, not a session or repro bundle", 0) == 0);
}

TEST_CASE("an edited embedded scenario is caught by its hash, at load and in verify_bundle",
          "[sim][session][errors]") {
    ReproBundle b = journey_bundle(scenario());
    b.scenario["estimated_minutes"] = 1;
    const std::string error = load_error(bundle_text(to_json(b)));
    CHECK(error.rfind("/scenario_hash: the embedded scenario was edited (it hashes to ", 0) == 0);
    CHECK(error.find(", the file says " + b.scenario_hash + ")") != std::string::npos);
    const ReplayReport r = verify_bundle(b);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.scenario_matches);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems.front().rfind("/scenario_hash: the embedded scenario was edited", 0) == 0);
}

TEST_CASE("an edited hash no longer reproduces while every journal entry still matches",
          "[sim][session][errors]") {
    ReproBundle b = reload(journey_bundle(scenario()));
    const std::string real = b.state_hash;
    b.state_hash = "0000000000000000";
    const ReplayReport r = verify_bundle(b);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.journal_difference.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "state hash: recorded 0000000000000000, replay " + real);
    CHECK_FALSE(replay_bundle(b).reproduced);
}

TEST_CASE("an edited journal entry is named by its index, the place inside it and both sides",
          "[sim][session][errors]") {
    ReproBundle b = reload(journey_bundle(scenario()));
    // Entry 10 is the result of billing.place_order.
    REQUIRE(b.journal[10].kind == "result");
    REQUIRE(b.journal[10].body["type"] == "billing.place_order");
    b.journal[10].body["result"] = {{"ok", false}, {"code", "billing.no_payment_method"}};
    const ReplayReport r = verify_bundle(b);
    CHECK_FALSE(r.ok());
    REQUIRE(r.journal_difference.has_value());
    CHECK(r.journal_difference->index == 10);
    CHECK(r.journal_difference->where == "/body/result/code");
    CHECK(r.journal_difference->expected.find(
              "result #5 billing.place_order error billing.no_payment_method") != std::string::npos);
    CHECK(r.journal_difference->actual.find("result #5 billing.place_order ok") != std::string::npos);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems.front().rfind("journal entry 10 differs at /body/result/code: recorded \"t=", 0) == 0);
    // The hashes were not edited: they still match, the journal entry alone is wrong.
    CHECK(r.hashes_match);
}

TEST_CASE("missing and extra journal entries are reported with the first one", "[sim][session][errors]") {
    const ReproBundle full = reload(journey_bundle(scenario()));
    ReproBundle shorter = full;
    shorter.journal.pop_back();
    ReplayReport r = verify_bundle(shorter);
    REQUIRE(r.journal_difference.has_value());
    CHECK(r.journal_difference->index == 15);
    CHECK(r.journal_difference->expected == "(none)");
    CHECK(r.problems.front().rfind(
              "journal entry 15: extra in the replay (16 entries, the recorded run has 15): t=", 0) == 0);
    CHECK(r.problems.front().find("event licences.propagated") != std::string::npos);

    ReproBundle longer = full;
    longer.journal.push_back({full.end_time, "note", {{"text", "only in the file"}}});
    r = verify_bundle(longer);
    REQUIRE(r.journal_difference.has_value());
    CHECK(r.journal_difference->actual == "(none)");
    CHECK(r.problems.front() ==
          fmt::format(
              "journal entry 16: missing in the replay (16 entries, the recorded run has 17): t={} ms note "
              "{{\"text\":\"only in the file\"}}",
              full.end_time));
}

TEST_CASE("a bad action or journal entry in a session file names its place", "[sim][session][errors]") {
    json doc = to_json(journey_bundle(scenario()));
    json bad = doc;
    bad["actions"][3]["action"]["type"] = "";
    CHECK(load_error(bad.dump()) == "/actions/3/action: an action needs a non-empty string \"type\"");
    bad = doc;
    bad["journal"][4]["t"] = "soon";
    CHECK(load_error(bad.dump()) ==
          "/journal/4/t: must be a whole number from 0 to 4611686018427387904, not a text");
    bad = doc;
    bad["journal"] = "none";
    CHECK(load_error(bad.dump()) == "/journal: must be an array");
    bad = doc;
    bad["state_hash"] = 7;
    CHECK(load_error(bad.dump()) == "/state_hash: must be a text");
}

TEST_CASE("instructor fault actions are journaled and replay bit for bit", "[sim][session][instructor]") {
    const Scenario sc = scenario();
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    const SimTime t = s.now() + kMinute;
    submit_at(
        s, t,
        {{"type", "instructor.add_fault"},
         {"rule",
          {{"id", "orders-down"}, {"operation", "billing.place_order"}, {"error", "service.unavailable"}}}});
    submit_at(s, t + kMinute,
              {{"type", "billing.place_order"},
               {"actor", kAnna},
               {"sku", kSessionDonation},
               {"quantity", 1},
               {"term", "P1Y"},
               {"billing_frequency", "annual"}});
    submit_at(s, t + 5 * kMinute, {{"type", "instructor.remove_fault"}, {"id", "orders-down"}});
    submit_at(s, t + 6 * kMinute, {{"type", "instructor.remove_fault"}, {"id", "orders-down"}});
    s.run_until(t + kHour);
    ReproBundle b = make_bundle(sc, s);
    b.observations.push_back(
        {"obs-1",
         "the order fails while the fault is on",
         t + 4 * kMinute,
         9,
         {{"last_result", {{"operation", "billing.*"}, {"error", "service.unavailable"}}}}});
    b = reload(b);
    std::vector<std::string> codes;
    for (const auto& e : b.journal)
        if (e.kind == "result" && e.body["type"].get<std::string>().rfind("instructor.", 0) == 0)
            codes.push_back(e.body["result"]["code"].get<std::string>());
    CHECK(codes == std::vector<std::string>{"ok", "ok", "instructor.no_such_rule"});
    const ReplayReport r = verify_bundle(b);
    INFO((r.problems.empty() ? "" : r.problems.front()));
    CHECK(r.ok());
    REQUIRE(r.observations.size() == 1);
    CHECK(r.observations[0].passed);

    // Without the fault the order goes through: the replay is not the recorded run.
    b.actions[7].action.args["rule"]["operation"] = "billing.nothing";
    const ReplayReport changed = verify_bundle(b);
    CHECK_FALSE(changed.ok());
    REQUIRE(changed.journal_difference.has_value());
    CHECK_FALSE(changed.observations[0].passed);
}

TEST_CASE("a wrong observation fails the replay with a message naming it, a right one passes",
          "[sim][session][observations]") {
    const Scenario sc = scenario();
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    // Actions 0–1 register and submit; the verification then takes business days.
    ReproBundle b = make_bundle(sc, s);
    const SimTime submitted = b.actions[1].time;
    b.observations = {
        {"obs-1",
         "the registration is pending right after it was submitted",
         submitted + kMinute,
         2,
         {{"portal_status", "pending"}}},
        {"obs-2",
         "Anna's organisation is approved within a minute",
         submitted + kMinute,
         2,
         {{"portal_status", "approved"}}},
        {"obs-3",
         "the order went through",
         b.end_time,
         7,
         {{"last_result", {{"operation", "billing.place_order"}, {"error", "ok"}}}}},
        {"obs-4",
         "the order failed for want of a payment method",
         b.end_time,
         7,
         {{"last_result", {{"operation", "billing.place_order"}, {"error", "billing.no_payment_method"}}}}},
    };
    const ReplayReport r = verify_bundle(reload(b));
    CHECK(r.hashes_match);
    CHECK_FALSE(r.journal_difference.has_value());
    REQUIRE(r.observations.size() == 4);
    CHECK(r.observations[0].passed);
    CHECK_FALSE(r.observations[1].passed);
    CHECK(r.observations[2].passed);
    CHECK_FALSE(r.observations[3].passed);
    CHECK(r.observations_failed() == 2);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0] ==
          fmt::format(
              "observation \"Anna's organisation is approved within a minute\" (obs-2) does not hold after 2 "
              "actions at t={} ms: {{\"portal_status\":\"approved\"}}",
              submitted + kMinute));
    CHECK(r.problems[1].rfind("observation \"the order failed for want of a payment method\" (obs-4)", 0) ==
          0);
    CHECK(r.problems[1].find("; the latest billing.place_order result was ok") != std::string::npos);
}

TEST_CASE("observations are checked at their point of the run, not at its end",
          "[sim][session][observations]") {
    const Scenario sc = scenario();
    ReproBundle b = journey_bundle(sc);
    // Pending after the submit, approved at the end: both hold, each at its own point.
    b.observations = {{"pending",
                       "pending a minute after submitting",
                       b.actions[1].time + kMinute,
                       2,
                       {{"portal_status", "pending"}}},
                      {"approved", "approved at the end", b.end_time, 7, {{"portal_status", "approved"}}}};
    ReplayReport r = verify_bundle(reload(b));
    INFO((r.problems.empty() ? "" : r.problems.front()));
    CHECK(r.ok());
    // At the moment of the submit its answer has not arrived: still a draft.
    b.observations[0].time = b.actions[1].time;
    CHECK_FALSE(verify_bundle(reload(b)).ok());
    b.observations[0].after_actions = 7;
    b.observations[0].time = b.end_time;
    r = verify_bundle(b);
    CHECK_FALSE(r.observations[0].passed);
}

TEST_CASE("an observation outside its actions or with a bad condition is rejected at load",
          "[sim][session][observations]") {
    ReproBundle b = journey_bundle(scenario());
    const json good = to_json(b);
    auto with_observation = [&](json o) {
        json doc = good;
        doc["observations"] = json::array({o});
        return load_error(doc.dump());
    };
    const json cond = {{"portal_status", "pending"}};
    CHECK(with_observation({{"label", "x"}, {"t", 0}, {"after_actions", 9}, {"condition", cond}}) ==
          "/observations/0/after_actions: is 9, but the bundle has only 7 actions");
    CHECK(with_observation(
              {{"label", "x"}, {"t", b.end_time + 1}, {"after_actions", 7}, {"condition", cond}}) ==
          fmt::format("/observations/0/t: {} ms is after the end of the run ({} ms)", b.end_time + 1,
                      b.end_time));
    CHECK(with_observation({{"label", "x"}, {"t", 0}, {"after_actions", 2}, {"condition", cond}}) ==
          fmt::format("/observations/0/t: 0 ms is before action 1 (t={} ms) that it follows",
                      b.actions[1].time));
    CHECK(with_observation({{"label", "x"}, {"t", b.end_time}, {"after_actions", 1}, {"condition", cond}}) ==
          fmt::format("/observations/0/t: {} ms is after action 1 (t={} ms) that follows it", b.end_time,
                      b.actions[1].time));
    json twice = good;
    twice["observations"] =
        json::array({{{"id", "a"}, {"label", "x"}, {"t", 0}, {"after_actions", 0}, {"condition", cond}},
                     {{"id", "a"}, {"label", "y"}, {"t", 0}, {"after_actions", 0}, {"condition", cond}}});
    CHECK(load_error(twice.dump()) == "/observations/1/id: \"a\" is used twice");
    CHECK(with_observation({{"t", 0}, {"after_actions", 0}, {"condition", cond}}) ==
          "/observations/0/label: must say in words what the tester expects");
    CHECK(with_observation({{"label", "x"},
                            {"t", 0},
                            {"after_actions", 0},
                            {"condition", {{"last_result", {{"operation", "a.*"}}}}}}) ==
          "/observations/0/condition/last_result: needs \"operation\" (a glob such as \"billing.*\") and "
          "\"error\" (an error code, or \"ok\")");
}

TEST_CASE("last_result is the latest result of an operation glob, ok or an error code",
          "[sim][session][assessment]") {
    std::vector<ConditionError> errors;
    CHECK(validate_condition({{"last_result", {{"operation", "billing.*"}, {"error", "ok"}}}}, "/c", errors));
    CHECK_FALSE(validate_condition(
        {{"last_result", {{"operation", "billing.*"}, {"error", "ok"}, {"when", 1}}}}, "/c", errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(errors.back().pointer == "/c/last_result/when");

    const Scenario sc = scenario();
    Simulation s(sc.setup);
    const json never = {{"last_result", {{"operation", "billing.*"}, {"error", "ok"}}}};
    CHECK_FALSE(evaluate_condition(never, s));  // nothing answered yet
    REQUIRE(play_solution(sc.solution, s).ok);
    CHECK(evaluate_condition(never, s));
    // A second order with a bad quantity fails: the latest result of billing.place_order is now that error.
    s.submit(action({{"type", "billing.place_order"},
                     {"actor", kAnna},
                     {"sku", kSessionDonation},
                     {"quantity", 0},
                     {"term", "P1Y"},
                     {"billing_frequency", "annual"}}));
    s.run_until(s.now() + kHour);
    std::string code;
    for (const auto& e : s.journal().entries())
        if (e.kind == "result" && e.body["type"] == "billing.place_order")
            code = e.body["result"]["code"].get<std::string>();
    REQUIRE(code != "ok");
    CHECK(evaluate_condition({{"last_result", {{"operation", "billing.place_order"}, {"error", code}}}}, s));
    CHECK_FALSE(
        evaluate_condition({{"last_result", {{"operation", "billing.place_order"}, {"error", "ok"}}}}, s));
    CHECK(evaluate_condition({{"last_result", {{"operation", "licences.*"}, {"error", "ok"}}}}, s));
}

TEST_CASE("a session with users.add carrying a password contains no password text",
          "[sim][session][secrets]") {
    const Scenario sc = scenario();
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    s.submit(action({{"type", "users.add"},
                     {"actor", kAnna},
                     {"first_name", "Lena"},
                     {"last_name", "Berg"},
                     {"display_name", "Lena Berg"},
                     {"username", "lena"},
                     {"password_mode", "own"},
                     {"password", "Geheim-Lena-2025!"},
                     {"usage_location", "DE"},
                     {"kind", "volunteer"}}));
    s.run_until(s.now() + kHour);
    const std::string text = bundle_text(to_json(make_bundle(sc, s)));
    CHECK(text.find("Geheim-Lena") == std::string::npos);
    CHECK(text.find("\"password_check\":\"ok\",\"password_mode\":\"own\"") != std::string::npos);
    // The typed password met the policy: the person exists in the replay too.
    ReproBundle b;
    std::string error;
    REQUIRE(bundle_from_text(text, b, error));
    CHECK(verify_bundle(b).ok());
}

TEST_CASE("journal entries have one-line summaries for people", "[sim][session]") {
    CHECK(
        journal_entry_summary(
            {5000,
             "action",
             {{"handle", 3}, {"action", {{"type", "users.add"}, {"actor", kAnna}, {"username", "max"}}}}}) ==
        "t=5000 ms action #3 users.add by anna@tsvmuster.onmicrosoft.com {\"username\":\"max\"}");
    CHECK(journal_entry_summary({6000,
                                 "result",
                                 {{"handle", 3},
                                  {"type", "users.add"},
                                  {"result", {{"ok", false}, {"code", "users.username_taken"}}}}}) ==
          "t=6000 ms result #3 users.add error users.username_taken");
    CHECK(journal_entry_summary(
              {7000, "event", {{"kind", "portal.verification_finished"}, {"data", json::object()}}}) ==
          "t=7000 ms event portal.verification_finished");
    CHECK(journal_entry_summary({8000, "fault", {{"handle", 4}, {"rule", "r1"}, {"effect", "error"}}}) ==
          "t=8000 ms fault #4 rule r1 error");
    // A hand-edited body of the wrong shape still gives a line, never a throw.
    CHECK(journal_entry_summary({9, "result", {{"handle", "x"}}}).rfind("t=9 ms result", 0) == 0);
}
