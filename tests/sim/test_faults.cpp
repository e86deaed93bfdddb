// tests/sim/test_faults.cpp — fault rules: matching, triggers, effects, throttling, hangs, replay.
#include <catch2/catch.hpp>

#include "sim/simulation.hpp"

using namespace sim;

namespace {

ActionResult ok_handler(Context&, const Action&) {
    return ActionResult::success({{"handled", true}});
}

const Registry& registry() {
    static const Registry r = [] {
        Registry reg;
        reg.add_action("billing.place_order", ok_handler, Delay::fixed_ms(500));
        reg.add_action("billing.add_payment_method", ok_handler, Delay::fixed_ms(500));
        reg.add_action("users.add", ok_handler, Delay::fixed_ms(500));
        return reg;
    }();
    return r;
}

FaultRule rule_from(const nlohmann::json& j) {
    FaultRule r;
    std::vector<FaultParseError> errors;
    REQUIRE(fault_rule_from_json(j, r, errors));
    return r;
}

Simulation with_rules(std::vector<nlohmann::json> rules, std::uint64_t seed = 1) {
    Setup setup;
    setup.seed = seed;
    for (const auto& j : rules) setup.faults.push_back(rule_from(j));
    return Simulation(setup, registry());
}

// Submits `type` and waits for its result.
ActionResult call(Simulation& s, const std::string& type, nlohmann::json args = nlohmann::json::object(),
                  const std::string& actor = "admin@x") {
    const ActionHandle h = s.submit(Action{type, actor, std::move(args)});
    while (!s.result(h) && s.step_to_next_event()) {
    }
    REQUIRE(s.result(h));
    return *s.result(h);
}

}  // namespace

TEST_CASE("glob patterns match operation names", "[sim][faults]") {
    CHECK(glob_match("billing.*", "billing.place_order"));
    CHECK(glob_match("*", "anything"));
    CHECK(glob_match("*.add", "users.add"));
    CHECK(glob_match("users.a?d", "users.add"));
    CHECK_FALSE(glob_match("billing.*", "users.add"));
    CHECK_FALSE(glob_match("users.add", "users.add_many"));
    CHECK(glob_match("*order*", "billing.place_order"));
}

TEST_CASE("an error rule replaces the result and the handler never runs", "[sim][faults]") {
    Simulation s = with_rules({{{"operation", "billing.*"}, {"error", "billing.payment_declined"}}});
    const ActionResult r = call(s, "billing.place_order");
    CHECK_FALSE(r.ok);
    CHECK(r.code == "billing.payment_declined");
    CHECK(r.message_key == "error.billing.payment_declined");
    CHECK(call(s, "users.add").ok);  // other operations are untouched
    bool journaled = false;
    for (const auto& e : s.journal().entries())
        if (e.kind == "fault") journaled = e.body["effect"] == "error" && e.body["rule"] == "rule-1";
    CHECK(journaled);
}

TEST_CASE("first N: the first calls fail, then the operation succeeds", "[sim][faults]") {
    Simulation s = with_rules({{{"operation", "users.add"}, {"first", 2}, {"error", "service.unavailable"}}});
    CHECK_FALSE(call(s, "users.add").ok);
    CHECK_FALSE(call(s, "users.add").ok);
    CHECK(call(s, "users.add").ok);
    CHECK(call(s, "users.add").ok);
}

TEST_CASE("nth: only the n-th matching call fails", "[sim][faults]") {
    Simulation s = with_rules({{{"operation", "users.add"}, {"nth", 3}, {"error", "service.unavailable"}}});
    CHECK(call(s, "users.add").ok);
    CHECK(call(s, "users.add").ok);
    CHECK_FALSE(call(s, "users.add").ok);
    CHECK(call(s, "users.add").ok);
}

TEST_CASE("argument matching narrows a rule", "[sim][faults]") {
    Simulation s =
        with_rules({{{"operation", "billing.place_order"}, {"args", {{"sku", "BP"}}}, {"error", "x.y"}}});
    CHECK(call(s, "billing.place_order", {{"sku", "BB"}}).ok);
    CHECK_FALSE(call(s, "billing.place_order", {{"sku", "BP"}}).ok);
}

TEST_CASE("a time window limits when a rule may fire", "[sim][faults]") {
    Simulation s = with_rules(
        {{{"operation", "*"}, {"after", "1h"}, {"until", "2h"}, {"error", "service.unavailable"}}});
    CHECK(call(s, "users.add").ok);
    s.run_until(90 * kMinute);
    CHECK_FALSE(call(s, "users.add").ok);
    s.run_until(2 * kHour);
    CHECK(call(s, "users.add").ok);
}

TEST_CASE("max_fires caps how often a rule fires", "[sim][faults]") {
    Simulation s = with_rules({{{"operation", "*"}, {"max_fires", 1}, {"error", "service.unavailable"}}});
    CHECK_FALSE(call(s, "users.add").ok);
    CHECK(call(s, "users.add").ok);
}

TEST_CASE("probability fires at about the configured rate and reproducibly per seed", "[sim][faults]") {
    auto failures = [](std::uint64_t seed) {
        Simulation s =
            with_rules({{{"operation", "*"}, {"probability", 0.3}, {"error", "service.unavailable"}}}, seed);
        int n = 0;
        for (int i = 0; i < 1000; ++i) n += call(s, "users.add").ok ? 0 : 1;
        return n;
    };
    const int a = failures(7);
    CHECK(a > 250);
    CHECK(a < 350);
    CHECK(failures(7) == a);
    CHECK(with_rules({{{"operation", "*"}, {"probability", 0}, {"error", "x"}}})
              .faults()
              .rules()[0]
              .probability_ppm == 0);
}

TEST_CASE("the first rule that fires wins", "[sim][faults]") {
    Simulation s = with_rules({{{"operation", "users.add"}, {"nth", 2}, {"error", "first.rule"}},
                               {{"operation", "*"}, {"error", "second.rule"}}});
    CHECK(call(s, "users.add").code == "second.rule");
    CHECK(call(s, "users.add").code == "first.rule");
}

TEST_CASE("a latency rule delays the result but the handler still runs", "[sim][faults]") {
    Simulation s = with_rules({{{"operation", "users.add"}, {"latency", "2h"}}});
    const ActionHandle h = s.submit(Action{"users.add", "a", {}});
    s.run_until(2 * kHour - 1);
    CHECK_FALSE(s.result(h));
    s.run_until(2 * kHour);
    REQUIRE(s.result(h));
    CHECK(s.result(h)->ok);
    CHECK(s.result(h)->data["handled"] == true);
}

TEST_CASE("throttling refuses calls over the limit with Retry-After and penalises early retries",
          "[sim][faults][throttle]") {
    Simulation s = with_rules({{{"operation", "billing.*"},
                                {"throttle", {{"limit", 2}, {"window", "1m"}, {"retry_after", "30s"}}}}});
    CHECK(call(s, "billing.place_order").ok);
    CHECK(call(s, "billing.place_order").ok);
    const ActionResult third = call(s, "billing.place_order");
    CHECK(third.code == "throttled");
    CHECK(third.params["retry_after_seconds"] == 30);
    // Retrying before Retry-After is refused again and counted.
    s.run_until(s.now() + 10 * kSecond);
    const ActionResult early = call(s, "billing.add_payment_method");
    CHECK(early.code == "throttled.early_retry");
    CHECK(s.faults().early_retries() == 1);
    // After Retry-After, and in a new window, it works again.
    s.run_until(s.now() + 2 * kMinute);
    CHECK(call(s, "billing.place_order").ok);
    CHECK(s.faults().early_retries() == 1);
}

TEST_CASE("a hung action answers only when the person retries it", "[sim][faults][hang]") {
    Simulation s = with_rules({{{"operation", "billing.place_order"}, {"first", 1}, {"hang", true}}});
    const ActionHandle hung = s.submit(Action{"billing.place_order", "admin@x", {}});
    s.run_until(3 * kDay);
    CHECK(s.is_pending(hung));
    CHECK_FALSE(s.result(hung));
    const ActionResult retry = call(s, "billing.place_order");
    CHECK(retry.ok);
    REQUIRE(s.result(hung));
    CHECK(s.result(hung)->code == "action.timed_out");
}

TEST_CASE("instructors inject and clear faults live, and replay reproduces it", "[sim][faults][instructor]") {
    Setup setup;
    Simulation s(setup, registry());
    CHECK(call(s, "users.add").ok);
    s.submit(Action{"instructor.add_fault",
                    "instructor",
                    {{"rule", {{"id", "outage"}, {"operation", "*"}, {"error", "service.unavailable"}}}}});
    CHECK(call(s, "users.add").code == "service.unavailable");
    s.submit(Action{"instructor.remove_fault", "instructor", {{"id", "outage"}}});
    CHECK(call(s, "users.add").ok);
    const ActionHandle bad =
        s.submit(Action{"instructor.add_fault", "instructor", {{"rule", {{"operation", "*"}}}}});
    CHECK(s.result(bad)->code == "instructor.bad_rule");
    Simulation again = replay(setup, s.journal(), s.now(), registry());
    CHECK(again.journal().hash() == s.journal().hash());
    CHECK(again.state_hash() == s.state_hash());
}

TEST_CASE("bad fault rules are reported with their place", "[sim][faults][errors]") {
    auto errors_of = [](const nlohmann::json& j) {
        FaultRule r;
        std::vector<FaultParseError> errors;
        fault_rule_from_json(j, r, errors);
        std::string all;
        for (const auto& e : errors) all += e.pointer + ": " + e.message + "\n";
        return all;
    };
    CHECK(errors_of({{"operation", "x"}, {"probabilty", 0.5}, {"error", "a"}}) ==
          "/probabilty: unknown key \"probabilty\" — did you mean \"probability\"?\n");
    CHECK(errors_of({{"operation", "x"}, {"probability", 2}, {"error", "a"}}) ==
          "/probability: must be a number from 0 to 1, not 2\n");
    CHECK(errors_of({{"operation", "x"}}) ==
          ": a rule needs an effect: \"error\", \"latency\", \"throttle\" or \"hang\"\n");
    CHECK(errors_of({{"operation", "x"}, {"after", "soon"}, {"error", "a"}})
              .find("/after: \"soon\" is not a duration") == 0);
    CHECK(errors_of({{"operation", "x"}, {"error", "a"}, {"hang", true}}).find("choose one effect") !=
          std::string::npos);
}
