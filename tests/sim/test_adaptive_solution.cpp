// tests/sim/test_adaptive_solution.cpp — reference solutions that adapt (issue 12, item 2): an action step
// that is retried while the answer is a passing fault, waiting the answer's Retry-After (never earlier,
// so no early-retry penalty) or a pause; a hung action submitted again after a bounded wait; a list of
// acceptable codes; branches on the last result; the loader's errors for all of it (JSON pointers,
// did-you-mean, bounds, branch depth).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/data_files.hpp"
#include "sim/run.hpp"
#include "sim/scenario.hpp"
#include "sim/solution.hpp"

using namespace sim;
using nlohmann::json;

namespace {

constexpr const char* kAdaptAdmin = "anna@tsvmuster.onmicrosoft.com";

// An approved association with Anna as Global Administrator; `faults` and `solution` as given.
json adapt_doc(json faults, json solution) {
    json people = json::array({{{"upn", "anna"},
                                {"first_name", "Anna"},
                                {"last_name", "Schmidt"},
                                {"usage_location", "DE"},
                                {"roles", {"global_admin"}}}});
    return json{
        {"schema_version", 1},
        {"id", "adaptive"},
        {"title", {{"en", "Adaptive"}, {"de", "Anpassungsfähig"}}},
        {"modes", {"demo"}},
        {"seed", 7},
        {"start",
         {{"tenant", {{"name", "tsvmuster"}}},
          {"organisation", {{"status", "approved"}, {"form", {{"legal_name", "TSV Musterstadt e.V."}}}}},
          {"people", people}}},
        {"faults", std::move(faults)},
        {"solution", std::move(solution)}};
}

json adapt_add_user(const std::string& username) {
    return json{{"type", "users.add"},
                {"actor", kAdaptAdmin},
                {"first_name", username},
                {"last_name", "Test"},
                {"display_name", username + " Test"},
                {"username", username},
                {"password_mode", "auto"},
                {"usage_location", "DE"},
                {"kind", "paid_staff"}};
}

Scenario adapt_load(const json& doc) {
    ScenarioLoad l = load_scenario_text(doc.dump(2), "adaptive.json");
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    return std::move(*l.scenario);
}

std::vector<std::string> adapt_errors(const json& doc) {
    const ScenarioLoad l = load_scenario_text(doc.dump(2), "adaptive.json");
    std::vector<std::string> out;
    for (const auto& e : l.errors) out.push_back(e.where + ": " + e.message);
    return out;
}

bool adapt_has(const std::vector<std::string>& errors, const std::string& pointer, const std::string& words) {
    for (const auto& e : errors)
        if (e.rfind(pointer + ": ", 0) == 0 && e.find(words) != std::string::npos) return true;
    return false;
}

bool adapt_person(const Simulation& s, const std::string& username) {
    return evaluate_condition(json{{"person", {{"upn", username + "@tsvmuster.onmicrosoft.com"}}}}, s);
}

// The journal's "result" entries of users.add: (time, code).
std::vector<std::pair<SimTime, std::string>> adapt_results(const Simulation& s) {
    std::vector<std::pair<SimTime, std::string>> out;
    for (const auto& e : s.journal().entries())
        if (e.kind == "result" && e.body.value("type", "") == "users.add")
            out.emplace_back(e.time, e.body["result"].value("code", "ok"));
    return out;
}

std::vector<SimTime> adapt_submits(const Simulation& s) {
    std::vector<SimTime> out;
    for (const auto& e : s.journal().entries())
        if (e.kind == "action") out.push_back(e.time);
    return out;
}

}  // namespace

TEST_CASE("adaptive: a throttled action is retried after the answer's Retry-After, never earlier",
          "[solution][adaptive]") {
    const json faults =
        json::array({{{"id", "throttle"},
                      {"operation", "users.add"},
                      {"throttle", {{"limit", 1}, {"window", "1m"}, {"retry_after", "30s"}}}}});
    const json solution =
        json::array({{{"action", adapt_add_user("bea")}},
                     {{"action", adapt_add_user("can")}, {"retry", {{"max", 5}, {"on", {"throttled"}}}}}});
    const Scenario sc = adapt_load(adapt_doc(faults, solution));
    Simulation s(sc.setup);
    const SolutionRun run = play_solution(sc.solution, s);
    INFO(run.failure);
    REQUIRE(run.ok);
    CHECK(adapt_person(s, "can"));
    CHECK(s.faults().early_retries() == 0);
    const auto results = adapt_results(s);
    const auto submits = adapt_submits(s);
    REQUIRE(results.size() >= 3);  // bea ok, can throttled (at least once), can ok
    CHECK(results[1].second == "throttled");
    CHECK(results.back().second == "ok");
    // Every retry of "can" comes at least 30 s after the throttled answer before it.
    for (std::size_t i = 1; i + 1 < results.size(); ++i)
        if (results[i].second == "throttled") CHECK(submits[i + 1] >= results[i].first + 30 * kSecond);
    for (const auto& r : results) CHECK(r.second != "throttled.early_retry");
}

TEST_CASE("adaptive: an answer without Retry-After is retried after the step's pause",
          "[solution][adaptive]") {
    const json faults = json::array(
        {{{"id", "outage"}, {"operation", "users.add"}, {"first", 2}, {"error", "service.unavailable"}}});
    const json solution =
        json::array({{{"action", adapt_add_user("bea")}, {"retry", {{"max", 3}, {"pause", "45s"}}}}});
    const Scenario sc = adapt_load(adapt_doc(faults, solution));
    Simulation s(sc.setup);
    SolutionPlayer player(sc.solution);
    REQUIRE(play_solution(sc.solution, s).ok);
    const auto results = adapt_results(s);
    const auto submits = adapt_submits(s);
    REQUIRE(results.size() == 3);
    CHECK(results[0].second == "service.unavailable");
    CHECK(results[1].second == "service.unavailable");
    CHECK(results[2].second == "ok");
    CHECK(submits[1] == results[0].first + 45 * kSecond);
    CHECK(submits[2] == results[1].first + 45 * kSecond);
}

TEST_CASE("adaptive: the retries run out, and the failure says where, what and why", "[solution][adaptive]") {
    const json faults =
        json::array({{{"id", "down"}, {"operation", "users.add"}, {"error", "service.unavailable"}}});
    const json solution =
        json::array({{{"advance", "1m"}}, {{"action", adapt_add_user("bea")}, {"retry", {{"max", 2}}}}});
    const Scenario sc = adapt_load(adapt_doc(faults, solution));
    Simulation s(sc.setup);
    const SolutionRun run = play_solution(sc.solution, s);
    CHECK_FALSE(run.ok);
    CHECK(run.steps_played == 1);
    CHECK(run.failure ==
          "step 2 (users.add): expected \"ok\"; attempts: 1 \"service.unavailable\", 2 "
          "\"service.unavailable\", 3 \"service.unavailable\" — the retries ran out (retry max 2)");
    CHECK(adapt_results(s).size() == 3);

    SECTION("an answer the step does not retry ends it at once") {
        const json refused = json::array(
            {{{"action", adapt_add_user("anna")}, {"retry", {{"max", 5}, {"on", {"service.unavailable"}}}}}});
        const Scenario sc2 = adapt_load(adapt_doc(json::array(), refused));
        Simulation s2(sc2.setup);
        const SolutionRun run2 = play_solution(sc2.solution, s2);
        CHECK_FALSE(run2.ok);
        CHECK(run2.failure ==
              "step 1 (users.add): expected \"ok\"; attempts: 1 \"users.username_taken\" — "
              "\"users.username_taken\" is not retried");
    }
}

TEST_CASE("adaptive: a hung action is submitted again after the bounded wait", "[solution][adaptive]") {
    const json faults =
        json::array({{{"id", "hang"}, {"operation", "users.add"}, {"first", 1}, {"hang", true}}});
    const json solution =
        json::array({{{"action", adapt_add_user("bea")}, {"retry", {{"max", 2}, {"no_answer", "90s"}}}}});
    const Scenario sc = adapt_load(adapt_doc(faults, solution));
    Simulation s(sc.setup);
    const SolutionRun run = play_solution(sc.solution, s);
    INFO(run.failure);
    REQUIRE(run.ok);
    CHECK(adapt_person(s, "bea"));
    const auto submits = adapt_submits(s);
    REQUIRE(submits.size() == 2);
    CHECK(submits[1] == submits[0] + 90 * kSecond);
    const auto results = adapt_results(s);
    REQUIRE(results.size() == 2);
    CHECK(results[0] == std::make_pair(submits[1], std::string("action.timed_out")));  // ended by the retry
    CHECK(results[1].second == "ok");

    SECTION("a call that is only slow is waited for, not sent twice") {
        const json slow =
            json::array({{{"id", "slow"}, {"operation", "users.add"}, {"latency", {{"fixed", "10m"}}}}});
        const json patient =
            json::array({{{"action", adapt_add_user("bea")}, {"retry", {{"max", 2}, {"no_answer", "1m"}}}}});
        const Scenario sc2 = adapt_load(adapt_doc(slow, patient));
        Simulation s2(sc2.setup);
        REQUIRE(play_solution(sc2.solution, s2).ok);
        CHECK(adapt_submits(s2).size() == 1);
        CHECK(s2.now() == 10 * kMinute);
    }
    SECTION("a hang with no retries left fails, naming the wait") {
        const json always = json::array({{{"id", "hang"}, {"operation", "users.add"}, {"hang", true}}});
        const json once =
            json::array({{{"action", adapt_add_user("bea")}, {"retry", {{"max", 1}, {"no_answer", "1m"}}}}});
        const Scenario sc2 = adapt_load(adapt_doc(always, once));
        Simulation s2(sc2.setup);
        const SolutionRun run2 = play_solution(sc2.solution, s2);
        CHECK_FALSE(run2.ok);
        CHECK(run2.failure ==
              "step 1 (users.add): expected \"ok\"; attempts: 1 \"no answer within 1m\", 2 \"no "
              "answer within 1m\" — the retries ran out (retry max 1)");
    }
}

TEST_CASE("adaptive: a list of acceptable codes, and a branch on the last result", "[solution][adaptive]") {
    const json branch = {{"caption", {{"en", "Did it work?"}, {"de", "Hat es geklappt?"}}},
                         {"if_result", "service.unavailable"},
                         {"then", json::array({{{"caption", "then"}, {"action", adapt_add_user("then")}}})},
                         {"else", json::array({{{"caption", "else"}, {"action", adapt_add_user("else")}}})}};
    const json solution =
        json::array({{{"action", adapt_add_user("bea")}, {"expect", {"ok", "service.unavailable"}}},
                     branch,
                     {{"advance", "1m"}}});
    SECTION("the fault fires: then") {
        const json faults = json::array(
            {{{"id", "once"}, {"operation", "users.add"}, {"first", 1}, {"error", "service.unavailable"}}});
        const Scenario sc = adapt_load(adapt_doc(faults, solution));
        Simulation s(sc.setup);
        REQUIRE(play_solution(sc.solution, s).ok);
        CHECK(adapt_person(s, "then"));
        CHECK_FALSE(adapt_person(s, "else"));
        CHECK_FALSE(adapt_person(s, "bea"));
    }
    SECTION("no fault: else") {
        const Scenario sc = adapt_load(adapt_doc(json::array(), solution));
        Simulation s(sc.setup);
        REQUIRE(play_solution(sc.solution, s).ok);
        CHECK(adapt_person(s, "else"));
        CHECK(adapt_person(s, "bea"));
        CHECK_FALSE(adapt_person(s, "then"));
    }
    SECTION("the player: the top-level index for the GUI, the nested step itself, its path") {
        const Scenario sc = adapt_load(adapt_doc(json::array(), solution));
        Simulation s(sc.setup);
        SolutionPlayer p(sc.solution);
        p.begin_step(s);
        while (p.poll(s) == SolutionPlayer::State::Running) p.advance_running_step(s);
        REQUIRE(p.state() == SolutionPlayer::State::Ready);
        CHECK(p.last_result() == "ok");
        CHECK(p.step_index() == 1);  // the branch step, top level
        REQUIRE(p.current() != nullptr);
        CHECK(p.current()->caption.en == "else");  // the step that runs next, inside the branch
        CHECK(p.step_path() == "2 > else 1");
        p.begin_step(s);
        while (p.poll(s) == SolutionPlayer::State::Running) p.advance_running_step(s);
        CHECK(p.step_index() == 2);
        CHECK(p.step_path() == "3");
    }
}

TEST_CASE("adaptive: a failing nested step is named by its path", "[solution][adaptive]") {
    const json solution =
        json::array({{{"if_result", "ok"},
                      {"else", json::array({{{"advance", "1m"}}, {{"action", adapt_add_user("anna")}}})}}});
    const Scenario sc = adapt_load(adapt_doc(json::array(), solution));
    Simulation s(sc.setup);
    const SolutionRun run = play_solution(sc.solution, s);
    CHECK_FALSE(run.ok);
    CHECK(run.failure == "step 1 > else 2 (users.add): expected \"ok\", got \"users.username_taken\"");
}

TEST_CASE("adaptive: the loader checks retry, expect lists and branches with pointers",
          "[solution][adaptive]") {
    SECTION("retry: unknown key, bounds, durations, codes") {
        const json solution = json::array(
            {{{"action", adapt_add_user("a")}, {"retry", {{"maxx", 3}}}},
             {{"action", adapt_add_user("b")}, {"retry", {{"max", 0}}}},
             {{"action", adapt_add_user("c")}, {"retry", {{"max", 101}, {"pause", "2 business days"}}}},
             {{"action", adapt_add_user("d")},
              {"retry", {{"max", 2}, {"on", {"throttle"}}, {"no_answer", "0s"}}}},
             {{"advance", "1m"}, {"retry", {{"max", 1}}}}});
        const auto errors = adapt_errors(adapt_doc(json::array(), solution));
        CHECK(adapt_has(errors, "/solution/0/retry/maxx", "did you mean \"max\""));
        CHECK(adapt_has(errors, "/solution/0/retry", "missing \"max\""));
        CHECK(adapt_has(errors, "/solution/1/retry/max", "from 1 to 100"));
        CHECK(adapt_has(errors, "/solution/2/retry/max", "from 1 to 100"));
        CHECK(adapt_has(errors, "/solution/2/retry/pause", ""));
        CHECK(adapt_has(errors, "/solution/3/retry/on/0", "did you mean \"throttled\""));
        CHECK(adapt_has(errors, "/solution/3/retry/no_answer", "\"1s\" to \"1d\""));
        CHECK(adapt_has(errors, "/solution/4/retry", "belongs to a step with \"action\""));
    }
    SECTION("expect lists and if_result codes") {
        const json solution = json::array({{{"action", adapt_add_user("a")}, {"expect", {"ok", "throttle"}}},
                                           {{"action", adapt_add_user("b")}, {"expect", json::array()}},
                                           {{"if_result", {"servce.unavailable"}}, {"then", json::array()}},
                                           {{"if_result", "ok"}}});
        const auto errors = adapt_errors(adapt_doc(json::array(), solution));
        CHECK(adapt_has(errors, "/solution/0/expect/1", "did you mean \"throttled\""));
        CHECK(adapt_has(errors, "/solution/1/expect", "non-empty list"));
        CHECK(adapt_has(errors, "/solution/2/if_result/0", "did you mean \"service.unavailable\""));
        CHECK(adapt_has(errors, "/solution/3", "needs \"then\", \"else\" or both"));
    }
    SECTION("nested steps are checked like top-level ones") {
        json bad_action = adapt_add_user("a");
        bad_action["type"] = "users.ad";
        json bad_arg = adapt_add_user("b");
        bad_arg["usage_locaton"] = "DE";
        const json solution = json::array(
            {{{"if_result", "ok"},
              {"then", json::array({{{"action", bad_action}}, {{"actoin", adapt_add_user("c")}}})},
              {"else",
               json::array({{{"if_result", "ok"}, {"else", json::array({{{"action", bad_arg}}})}}})}}});
        const auto errors = adapt_errors(adapt_doc(json::array(), solution));
        CHECK(adapt_has(errors, "/solution/0/then/0/action/type", "did you mean \"users.add\""));
        CHECK(adapt_has(errors, "/solution/0/then/1/actoin", "did you mean \"action\""));
        CHECK(adapt_has(errors, "/solution/0/else/0/else/0/action/usage_locaton",
                        "did you mean \"usage_location\""));
    }
    SECTION("branches nest at most 8 deep") {
        json step = {{"advance", "1m"}};
        for (int i = 0; i < 9; ++i) step = json{{"if_result", "ok"}, {"then", json::array({step})}};
        auto errors = adapt_errors(adapt_doc(json::array(), json::array({step})));
        std::string deepest = "/solution/0";
        for (int i = 0; i < 8; ++i) deepest += "/then/0";
        CHECK(adapt_has(errors, deepest, "branches nest at most 8 deep"));
        CHECK(errors.size() == 1);
        step = step["then"][0];  // 8 deep: fine
        CHECK(adapt_errors(adapt_doc(json::array(), json::array({step}))).empty());
    }
}
