// tests/sim/test_fault_matrix.cpp — every selector of a fault rule with every effect (sim/faults.hpp,
// docs/reference/faults.md): which calls fire, observed through the results the trainee gets. Plus the
// regressions of issue 12 item 5: first/nth/window with throttle, early retries and max_fires,
// Retry-After counted from the answer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/fault_refs.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"

using namespace sim;

namespace {

ActionResult fm_ok(Context&, const Action&) {
    return ActionResult::success({{"handled", true}});
}

constexpr SimTime kFmOpLatency = 500;  // every operation of the test registry answers after 500 ms

const Registry& fm_registry() {
    static const Registry r = [] {
        Registry reg;
        reg.add_action("billing.place_order", fm_ok, Delay::fixed_ms(kFmOpLatency));
        reg.add_action("users.add", fm_ok, Delay::fixed_ms(kFmOpLatency));
        reg.add_action("slow.op", fm_ok, Delay::fixed_ms(10 * kSecond));
        return reg;
    }();
    return r;
}

FaultRule fm_rule(const nlohmann::json& j) {
    FaultRule r;
    std::vector<FaultParseError> errors;
    fault_rule_from_json(j, r, errors);
    for (const auto& e : errors) UNSCOPED_INFO(e.pointer << ": " << e.message);
    REQUIRE(errors.empty());
    return r;
}

Simulation fm_sim(const nlohmann::json& rule, std::uint64_t seed = 1) {
    Setup setup;
    setup.seed = seed;
    setup.faults.push_back(fm_rule(rule));
    return Simulation(setup, fm_registry());
}

// One call of the matrix: who calls with which arguments (times are fixed: call i at i * 10 minutes).
struct FmCall {
    std::string actor = "anna@x";
    std::string sku = "BP";
};
constexpr int kFmCalls = 6;
constexpr SimTime kFmSpacing = 10 * kMinute;

struct FmEffect {
    const char* name;
    nlohmann::json keys;  // the effect's keys of the rule
};

const std::vector<FmEffect>& fm_effects() {
    static const std::vector<FmEffect> kEffects = {
        {"error", {{"error", "service.unavailable"}}},
        {"custom error", {{"error", {{"message", {{"en", "Boom"}, {"de", "Bumm"}}}}}}},
        {"latency", {{"latency", "1h"}}},
        {"error+latency", {{"error", "service.unavailable"}, {"latency", "1m"}}},
        // limit 0: every governed call is refused; Retry-After (1 s) is over long before the next call.
        {"throttle", {{"throttle", {{"limit", 0}, {"window", "1s"}, {"retry_after", "1s"}}}}},
        {"hang", {{"hang", true}}},
    };
    return kEffects;
}

// What the trainee saw for one call: 'F' the effect of the rule, '.' the operation's own answer, 'x'
// anything else. Read from the journal: the result of handle h and when it arrived.
char fm_observed(const Simulation& s, const std::string& effect, ActionHandle h, SimTime submitted) {
    const nlohmann::json* result = nullptr;
    SimTime arrived = -1;
    for (const auto& e : s.journal().entries())
        if (e.kind == "result" && e.body.value("handle", ActionHandle{0}) == h) {
            result = &e.body["result"];
            arrived = e.time;
        }
    if (result == nullptr) return effect == "hang" ? 'F' : 'x';  // the last hung call never answers
    const SimTime took = arrived - submitted;
    const std::string code = result->value("code", std::string());
    const bool ok = result->value("ok", false);
    if (ok && took == kFmOpLatency) return '.';
    if (effect == "error" && code == "service.unavailable" && took == kFmOpLatency) return 'F';
    if (effect == "custom error" && code == "fault.custom" && took == kFmOpLatency &&
        result->dump().find("Boom") != std::string::npos)
        return 'F';
    if (effect == "latency" && ok && took == kHour) return 'F';
    if (effect == "error+latency" && code == "service.unavailable" && took == kMinute) return 'F';
    if (effect == "throttle" && code == "throttled" && took == kFmOpLatency) return 'F';
    if (effect == "hang" && code == "action.timed_out" && took >= kFmSpacing) return 'F';  // a later call
    return 'x';
}

// Runs the six calls against one rule (selector + effect) and returns what each saw.
std::string fm_run(const nlohmann::json& rule, const std::string& effect, const std::vector<FmCall>& calls) {
    Simulation s = fm_sim(rule, 7);
    std::vector<std::pair<ActionHandle, SimTime>> handles;
    for (int i = 0; i < kFmCalls; ++i) {
        s.run_until(i * kFmSpacing);
        const FmCall& c = calls[static_cast<std::size_t>(i)];
        handles.emplace_back(s.submit(Action{"billing.place_order", c.actor, {{"sku", c.sku}}}), s.now());
    }
    s.run_until(s.now() + 2 * kHour);
    std::string seen;
    for (const auto& [h, at] : handles) seen += fm_observed(s, effect, h, at);
    return seen;
}

// The calls of probability 0.5 that fire with seed 7: the "faults" stream's draws, one per call.
std::string fm_coin_pattern(int max_fires) {
    RandomStreams streams(7);
    std::string pattern;
    int fires = 0;
    for (int i = 0; i < kFmCalls; ++i) {
        const bool capped = max_fires >= 0 && fires >= max_fires;
        const bool fire = !capped && streams.stream("faults").uniform_below(1'000'000) < 500'000;
        fires += fire ? 1 : 0;
        pattern += fire ? 'F' : '.';
    }
    return pattern;
}

struct FmSelector {
    const char* name;
    nlohmann::json keys;
    std::string expected;
    std::vector<FmCall> calls = std::vector<FmCall>(kFmCalls);
};

std::vector<FmCall> fm_alternating_actors() {
    std::vector<FmCall> calls(kFmCalls);
    for (int i = 1; i < kFmCalls; i += 2) calls[static_cast<std::size_t>(i)].actor = "ben@x";
    return calls;
}

std::vector<FmCall> fm_alternating_skus() {
    std::vector<FmCall> calls(kFmCalls);
    for (int i = 1; i < kFmCalls; i += 2) calls[static_cast<std::size_t>(i)].sku = "BB";
    return calls;
}

const std::vector<FmSelector>& fm_selectors() {
    static const std::vector<FmSelector> kSelectors = {
        {"no selector (always)", nlohmann::json::object(), "FFFFFF"},
        {"probability 0", {{"probability", 0}}, "......"},
        {"probability 0.5 (seed 7)", {{"probability", 0.5}}, fm_coin_pattern(-1)},
        {"probability 0.5, max_fires 1", {{"probability", 0.5}, {"max_fires", 1}}, fm_coin_pattern(1)},
        {"nth 3", {{"nth", 3}}, "..F..."},
        {"first 3", {{"first", 3}}, "FFF..."},
        {"window after 15m until 35m", {{"after", "15m"}, {"until", "35m"}}, "..FF.."},
        {"window after 15m (open end)", {{"after", "15m"}}, "..FFFF"},
        {"window until 25m", {{"until", "25m"}}, "FFF..."},
        // Calls outside the window are calls too: first 4 = calls 1-4, of which 3 and 4 are in the window.
        {"window after 15m + first 4", {{"after", "15m"}, {"first", 4}}, "..FF.."},
        {"max_fires 2", {{"max_fires", 2}}, "FF...."},
        {"max_fires 0", {{"max_fires", 0}}, "......"},
        {"nth 2 + max_fires 1", {{"nth", 2}, {"max_fires", 1}}, ".F...."},
        {"actor anna@*", {{"actor", "anna@*"}}, "F.F.F.", fm_alternating_actors()},
        {"actor anna@* + nth 2 (anna's 2nd call)",
         {{"actor", "anna@*"}, {"nth", 2}},
         "..F...",
         fm_alternating_actors()},
        {"args sku BP", {{"args", {{"sku", "BP"}}}}, "F.F.F.", fm_alternating_skus()},
        {"args sku BP + first 2", {{"args", {{"sku", "BP"}}}, {"first", 2}}, "F.F...", fm_alternating_skus()},
        {"armed (with probability 0)", {{"armed", true}, {"probability", 0}}, "F....."},
        {"armed (with nth 5)", {{"armed", true}, {"nth", 5}}, "F....."},
        {"disabled", {{"enabled", false}}, "......"},
    };
    return kSelectors;
}

}  // namespace

TEST_CASE("fault matrix: every selector with every effect fires on exactly the expected calls",
          "[sim][faults][matrix]") {
    int cases = 0;
    for (const FmSelector& sel : fm_selectors()) {
        for (const FmEffect& eff : fm_effects()) {
            nlohmann::json rule = sel.keys;
            rule["id"] = "matrix";
            rule["operation"] = "billing.*";
            for (auto it = eff.keys.begin(); it != eff.keys.end(); ++it) rule[it.key()] = it.value();
            const std::string name = std::string(sel.name) + " x " + eff.name;
            INFO(name << "  rule " << rule.dump());
            CHECK(fm_run(rule, eff.name, sel.calls) == sel.expected);
            ++cases;
        }
    }
    CHECK(cases == static_cast<int>(fm_selectors().size() * fm_effects().size()));
    // The coin pattern must actually mix firings and passes, or the probability rows prove nothing.
    CHECK(fm_coin_pattern(-1).find('F') != std::string::npos);
    CHECK(fm_coin_pattern(-1).find('.') != std::string::npos);
}

TEST_CASE("a selector governs the same calls whatever the effect (state counters agree)",
          "[sim][faults][matrix]") {
    for (const FmEffect& eff : fm_effects()) {
        INFO(eff.name);
        nlohmann::json rule = {{"operation", "users.add"}, {"first", 2}, {"max_fires", 5}};
        for (auto it = eff.keys.begin(); it != eff.keys.end(); ++it) rule[it.key()] = it.value();
        Simulation s = fm_sim(rule);
        for (int i = 0; i < 5; ++i) {
            s.run_until(i * kFmSpacing);
            s.submit(Action{"users.add", "anna@x", {}});
        }
        CHECK(s.faults().states()[0].calls == 5);
        CHECK(s.faults().states()[0].fires == 2);
    }
}

// [SECTION] Regressions (issue 12, item 5)

TEST_CASE("regression: first 3 with a throttle limits only the first three calls",
          "[sim][faults][throttle]") {
    // The case: limit 2 per minute, first 3. Calls 1 and 2 are within the limit, call 3 is over
    // it and refused; calls 4 on are not governed by the rule (the old code refused them forever).
    Simulation s = fm_sim({{"operation", "users.add"},
                           {"first", 3},
                           {"throttle", {{"limit", 2}, {"window", "1m"}, {"retry_after", "1s"}}}});
    std::string seen;
    for (int i = 0; i < 7; ++i) {
        s.run_until(i * 2 * kSecond);
        const ActionHandle h = s.submit(Action{"users.add", "anna@x", {}});
        s.run_until(s.now() + 1500);
        REQUIRE(s.result(h));
        seen += s.result(h)->ok ? '.' : (s.result(h)->code == "throttled" ? 'T' : 'x');
    }
    CHECK(seen == "..T....");
    CHECK(s.faults().states()[0].fires == 1);
}

TEST_CASE("regression: nth and a window select the calls of a throttle rule", "[sim][faults][throttle]") {
    Simulation nth = fm_sim({{"operation", "users.add"},
                             {"nth", 2},
                             {"throttle", {{"limit", 0}, {"window", "1s"}, {"retry_after", "1s"}}}});
    std::string seen;
    for (int i = 0; i < 4; ++i) {
        nth.run_until(i * kMinute);
        const ActionHandle h = nth.submit(Action{"users.add", "anna@x", {}});
        nth.run_until(nth.now() + kSecond);
        seen += nth.result(h)->ok ? '.' : 'T';
    }
    CHECK(seen == ".T..");
    Simulation window = fm_sim({{"operation", "users.add"},
                                {"until", "90s"},
                                {"throttle", {{"limit", 0}, {"window", "1s"}, {"retry_after", "1s"}}}});
    seen.clear();
    for (int i = 0; i < 4; ++i) {
        window.run_until(i * kMinute);
        const ActionHandle h = window.submit(Action{"users.add", "anna@x", {}});
        window.run_until(window.now() + kSecond);
        seen += window.result(h)->ok ? '.' : 'T';
    }
    CHECK(seen == "TT..");
}

TEST_CASE("regression: an early retry is refused again without using up max_fires",
          "[sim][faults][throttle]") {
    Simulation s = fm_sim({{"operation", "users.add"},
                           {"max_fires", 2},
                           {"throttle", {{"limit", 1}, {"window", "1h"}, {"retry_after", "30s"}}}});
    auto call_at = [&](SimTime t) {
        s.run_until(t);
        const ActionHandle h = s.submit(Action{"users.add", "anna@x", {}});
        s.run_until(s.now() + kSecond);
        REQUIRE(s.result(h));
        return *s.result(h);
    };
    CHECK(call_at(0).ok);
    CHECK(call_at(10 * kSecond).code == "throttled");  // answered at 10.5 s: Retry-After until 40.5 s
    const ActionResult early = call_at(20 * kSecond);
    CHECK(early.code == "throttled.early_retry");
    CHECK(s.faults().early_retries() == 1);
    CHECK(s.faults().states()[0].early_retries == 1);
    CHECK(s.faults().states()[0].fires == 1);  // the early retry did not count as a firing
    CHECK(s.faults().states()[0].calls == 2);  // nor as a call
    // After Retry-After the rule still has a firing left: the impatient trainee is refused like a
    // patient one (the old code had spent the second firing on the early retry and let this through).
    CHECK(call_at(50 * kSecond).code == "throttled");
    CHECK(s.faults().states()[0].fires == 2);
    CHECK(call_at(2 * kMinute).ok);  // the cap is reached now
}

TEST_CASE("regression: Retry-After counts from the answer the trainee saw", "[sim][faults][throttle]") {
    // slow.op answers after 10 s. Limit 1 per hour, Retry-After 30 s.
    Simulation s = fm_sim({{"id", "slow"},
                           {"operation", "slow.op"},
                           {"throttle", {{"limit", 1}, {"window", "1h"}, {"retry_after", "30s"}}}});
    const ActionHandle first = s.submit(Action{"slow.op", "anna@x", {}});
    s.run_until(5 * kSecond);
    const ActionHandle refused = s.submit(Action{"slow.op", "anna@x", {}});  // submitted at 5 s
    // While the refusal is on its way, Retry-After has not started, and the state says so.
    CHECK(s.faults().states()[0].retry_after_until == -1);
    REQUIRE(s.faults().awaiting().count(refused) == 1);
    CHECK(s.state_json()["faults"]["awaiting_answer"][0]["handle"] == refused);
    s.run_until(15 * kSecond);  // the refusal arrives at 15 s
    REQUIRE(s.result(first));
    REQUIRE(s.result(refused));
    CHECK(s.result(refused)->code == "throttled");
    CHECK(s.result(refused)->params["retry_after_seconds"] == 30);
    CHECK(s.faults().states()[0].retry_after_until == 45 * kSecond);  // the answer + 30 s (not 35 s)
    CHECK(s.faults().awaiting().empty());
    CHECK_FALSE(s.state_json()["faults"].contains("awaiting_answer"));
    // 40 s: 25 s after the answer — still early (the old code counted from the submit: free at 35 s).
    s.run_until(40 * kSecond);
    const ActionHandle early = s.submit(Action{"slow.op", "anna@x", {}});
    s.run_until(50 * kSecond);
    REQUIRE(s.result(early));
    CHECK(s.result(early)->code == "throttled.early_retry");
    CHECK(s.result(early)->params["retry_after_seconds"] == 0);  // read at 50 s: the wait is over
    // An early retry does not move Retry-After.
    CHECK(s.faults().states()[0].retry_after_until == 45 * kSecond);
}

TEST_CASE("an early retry's answer tells the wait left when it arrives", "[sim][faults][throttle]") {
    Simulation s = fm_sim(
        {{"operation", "slow.op"}, {"throttle", {{"limit", 0}, {"window", "1h"}, {"retry_after", "2m"}}}});
    s.submit(Action{"slow.op", "anna@x", {}});  // refused, answered at 10 s: Retry-After until 130 s
    s.run_until(20 * kSecond);
    const ActionHandle early = s.submit(Action{"slow.op", "anna@x", {}});  // answered at 30 s
    s.run_until(31 * kSecond);
    REQUIRE(s.result(early));
    CHECK(s.result(early)->code == "throttled.early_retry");
    CHECK(s.result(early)->params["retry_after_seconds"] == 100);
}

TEST_CASE("a throttle refusal in flight survives a checkpoint and replays to the same state",
          "[sim][faults][throttle]") {
    Setup setup;
    setup.faults.push_back(fm_rule(
        {{"operation", "slow.op"}, {"throttle", {{"limit", 0}, {"window", "1h"}, {"retry_after", "30s"}}}}));
    Simulation s(setup, fm_registry());
    s.submit(Action{"slow.op", "anna@x", {}});
    s.submit(Action{"instructor.checkpoint", "instructor", {{"name", "cp"}}});
    s.run_until(15 * kSecond);
    CHECK(s.faults().states()[0].retry_after_until == 40 * kSecond);
    s.submit(Action{"instructor.restore_checkpoint", "instructor", {{"name", "cp"}}});
    s.run_until(s.now() + kMinute);
    Simulation again = replay(setup, s.journal(), s.now(), fm_registry());
    CHECK(again.journal().hash() == s.journal().hash());
    CHECK(again.state_hash() == s.state_hash());
}

TEST_CASE("rules the instructor adds at run time follow the same semantics", "[sim][faults][instructor]") {
    Setup setup;
    Simulation s(setup, fm_registry());
    s.submit(Action{"instructor.add_fault",
                    "instructor",
                    {{"rule",
                      {{"id", "live"},
                       {"operation", "users.add"},
                       {"first", 2},
                       {"throttle", {{"limit", 0}, {"window", "1s"}, {"retry_after", "10s"}}}}}}});
    std::string seen;
    for (int i = 0; i < 4; ++i) {
        s.run_until(i * kMinute);
        const ActionHandle h = s.submit(Action{"users.add", "anna@x", {}});
        s.run_until(s.now() + kSecond);
        seen += s.result(h)->ok ? '.' : 'T';
    }
    CHECK(seen == "TT..");
    // The Retry-After of the live rule also starts at the answer (submitted at 1 min, answered 0.5 s later).
    CHECK(s.faults().states()[0].retry_after_until == kMinute + kFmOpLatency + 10 * kSecond);
}

// [SECTION] npsim-cli check over fault rules (sim/fault_refs.hpp)

namespace {

std::string fm_reference_errors(const nlohmann::json& rule) {
    const nlohmann::json root{{"faults", nlohmann::json::array({rule})}};
    std::vector<ConditionError> errors;
    check_fault_references(root, journey_registry(), known_result_codes(journey_registry()), errors);
    std::string all;
    for (const auto& e : errors) all += e.pointer + ": " + e.message + "\n";
    return all;
}

}  // namespace

TEST_CASE("check: a fault rule's operation glob must match an operation", "[sim][faults][check]") {
    CHECK(fm_reference_errors({{"operation", "billing.*"}, {"error", "service.unavailable"}}).empty());
    CHECK(fm_reference_errors({{"operation", "*"}, {"hang", true}}).empty());
    CHECK(fm_reference_errors({{"operation", "licences.as?ign"}, {"hang", true}}).empty());
    CHECK(fm_reference_errors({{"operation", "biling.*"}, {"latency", "1s"}}) ==
          "/faults/0/operation: \"biling.*\" matches no operation — did you mean \"billing.*\"?\n");
    CHECK(
        fm_reference_errors({{"operation", "licences.asign"}, {"latency", "1s"}}) ==
        "/faults/0/operation: \"licences.asign\" matches no operation — did you mean \"licences.assign\"?\n");
    CHECK(fm_reference_errors({{"operation", "yammer.*"}, {"latency", "1s"}}) ==
          "/faults/0/operation: \"yammer.*\" matches no operation\n");
    // Instructor operations never pass the fault rules.
    CHECK(fm_reference_errors({{"operation", "instructor.note"}, {"latency", "1s"}})
              .find("matches no operation") != std::string::npos);
}

TEST_CASE("check: a fault rule's error code and argument names are known", "[sim][faults][check]") {
    CHECK(fm_reference_errors({{"operation", "*"}, {"error", "throttle"}}) ==
          "/faults/0/error: unknown result code \"throttle\" — did you mean \"throttled\"?\n");
    CHECK(fm_reference_errors({{"operation", "*"}, {"error", "ok"}}) ==
          "/faults/0/error: must be an error code, not \"ok\"\n");
    CHECK(fm_reference_errors({{"operation", "*"}, {"error", {{"message", "Custom"}}}}).empty());
    CHECK(
        fm_reference_errors({{"operation", "licences.*"}, {"args", {{"sku", "X"}}}, {"hang", true}}).empty());
    CHECK(
        fm_reference_errors({{"operation", "licences.*"}, {"args", {{"skuu", "X"}}}, {"hang", true}}) ==
        "/faults/0/args/skuu: no operation matched by \"licences.*\" has an argument \"skuu\" — did you mean "
        "\"sku\"?\n");
    CHECK(fm_reference_errors({{"operation", "licences.assign"}, {"args", {{"a/b", 1}}}, {"hang", true}}) ==
          "/faults/0/args/a~1b: licences.assign has no argument \"a/b\"\n");
}

TEST_CASE("check: fault durations are in range", "[sim][faults][check]") {
    const nlohmann::json ok_throttle{{"limit", 1}, {"window", "1m"}, {"retry_after", "1s"}};
    CHECK(fm_reference_errors({{"operation", "*"}, {"throttle", ok_throttle}}).empty());
    nlohmann::json short_retry = ok_throttle;
    short_retry["retry_after"] = 999;
    CHECK(
        fm_reference_errors({{"operation", "*"}, {"throttle", short_retry}}) ==
        "/faults/0/throttle/retry_after: 999 is too short: Retry-After is told in whole seconds, so it must "
        "be at least \"1s\"\n");
    CHECK(fm_reference_errors({{"operation", "*"}, {"after", kMaxDuration + 1}, {"hang", true}}) ==
          "/faults/0/after: must be " + duration_cap_text() + "\n");
    nlohmann::json zero_window = ok_throttle;
    zero_window["window"] = 0;
    CHECK(fm_reference_errors({{"operation", "*"}, {"throttle", zero_window}}) ==
          "/faults/0/throttle/window: 0 is too short: must be longer than zero\n");
}

TEST_CASE("check: every shipped scenario's fault rules resolve", "[sim][faults][check]") {
    // The chaos workshop's rules, as shipped: globs, codes and durations all known.
    CHECK(fm_reference_errors(
              {{"operation", "portal.submit_registration"}, {"first", 1}, {"error", "service.unavailable"}})
              .empty());
    CHECK(fm_reference_errors({{"operation", "licences.assign"},
                               {"throttle", {{"limit", 2}, {"window", "30s"}, {"retry_after", "30s"}}}})
              .empty());
}

TEST_CASE("a throttle rule's latency delays the refusal, and Retry-After starts at its arrival",
          "[sim][faults][throttle]") {
    Simulation s = fm_sim({{"operation", "users.add"},
                           {"latency", "1m"},
                           {"throttle", {{"limit", 0}, {"window", "1h"}, {"retry_after", "30s"}}}});
    const ActionHandle h = s.submit(Action{"users.add", "anna@x", {}});
    s.run_until(kMinute - 1);
    CHECK_FALSE(s.result(h));
    s.run_until(kMinute);
    REQUIRE(s.result(h));
    CHECK(s.result(h)->code == "throttled");
    CHECK(s.faults().states()[0].retry_after_until == kMinute + 30 * kSecond);
}
