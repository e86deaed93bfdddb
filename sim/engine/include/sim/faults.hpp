// sim/faults.hpp — injected delays and errors: ordered rules, the first that fires wins.
//
// Modelled on the fault injectors users ask for (reference/fault-and-training-anchors.md):
// per-operation rules with a glob ("billing.*") and optional argument matching; triggers by
// probability, the n-th call, the first N calls, a sim-time window and a cap on firings; effects
// error (a known code or a custom text in en/de), latency (a Delay), throttling (limit per window
// with Retry-After — a retry before Retry-After is refused again and counted as a penalty) and hang
// (the action never answers until the person retries it). Every random decision comes from the
// "faults" stream, and every firing is journaled, so a run replays exactly.
//
// Semantics, exactly: for each submitted action the rules are checked in order. A rule *matches*
// when its operation glob and its argument subset match; each match counts as one call of that
// rule. A matching rule *fires* when its window, nth/first, cap and probability all pass (the
// probability draw happens only after the other conditions pass). The first rule that fires decides
// the effect; later rules are not checked. A disabled rule is skipped (no call counted); an armed
// rule fires on its next match regardless of probability, nth, first, window and cap, then disarms
// and disables itself. A throttle rule counts every matching call toward its
// limit, and fires when the limit for the current window is exceeded.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/action.hpp"
#include "sim/delay.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"

namespace sim {

struct FaultRule {
    enum class Effect { Error, Latency, Throttle, Hang };

    std::string id;                                  // name shown in journals and the console ("" = "rule-N")
    std::string operation = "*";                     // glob over the action type: * and ?
    nlohmann::json args = nlohmann::json::object();  // every key here must equal the action's argument
    std::string actor;                               // glob over the acting person ("" = anyone)
    // Trigger
    int probability_ppm = 1'000'000;  // parts per million (1,000,000 = always); "probability": 0.25 in files
    int nth = 0;                      // > 0: fire only on the n-th matching call
    int first = 0;                    // > 0: fire on the first N matching calls, then never
    SimTime after = 0;                // window start (sim ms since scenario start)
    SimTime until = -1;               // window end (exclusive); -1 = open
    int max_fires = -1;               // cap on firings; -1 = unlimited
    // Effect
    Effect effect = Effect::Error;
    std::string error_code = "service.unavailable";  // a known code (its real message), or "fault.custom"
    std::string message_en, message_de;              // custom message (for "fault.custom")
    std::optional<Delay> latency;                    // Latency effect; also an optional extra for errors
    int limit = 0;                                   // Throttle: calls allowed per window
    SimTime window = kMinute;                        // Throttle: window length
    SimTime retry_after = 30 * kSecond;              // Throttle: Retry-After
    // Instructor controls (JSON "enabled": false and "armed": true, written only when not the default)
    bool enabled = true;  // a disabled rule neither counts calls nor fires
    bool armed = false;   // "arm once": the next matching call fires whatever the trigger says, then disabled
};

// Per-rule counters and throttle windows: part of the simulation state (saved and hashed).
struct FaultRuleState {
    int calls = 0;
    int fires = 0;
    SimTime window_start = -1;
    int window_calls = 0;
    SimTime retry_after_until = -1;  // throttled until this time; earlier matching calls are penalised
};

struct FaultDecision {
    bool fired = false;
    std::string rule_id;
    FaultRule::Effect effect = FaultRule::Effect::Error;
    std::optional<ActionResult> error;  // the injected result (for Error and Throttle)
    std::optional<Delay> latency;       // replaces the operation's own latency
    bool hang = false;
    bool early_retry = false;  // a retry before Retry-After (a penalty)
};

class FaultInjector {
public:
    FaultInjector() = default;
    explicit FaultInjector(std::vector<FaultRule> rules) { set_rules(std::move(rules)); }

    void set_rules(std::vector<FaultRule> rules);  // resets counters
    void add_rule(FaultRule rule);                 // appended at the end (lowest priority)
    void add_rule_front(FaultRule rule);           // checked first (instructor injections)
    bool remove_rule(const std::string& id);
    // Replaces the definition of rule `id` in place (it keeps its id and position; counters reset).
    bool replace_rule(const std::string& id, FaultRule rule);
    bool set_enabled(const std::string& id, bool enabled);
    bool arm(const std::string& id);  // enables the rule and arms it for its next matching call
    const FaultRule* find_rule(const std::string& id) const;  // nullptr if unknown
    void clear();
    const std::vector<FaultRule>& rules() const { return rules_; }
    const std::vector<FaultRuleState>& states() const { return states_; }
    int early_retries() const { return early_retries_; }

    FaultDecision decide(const Action& action, SimTime now, Rng& rng);
    nlohmann::json state_json() const;

private:
    std::vector<FaultRule> rules_;
    std::vector<FaultRuleState> states_;
    int early_retries_ = 0;
};

bool glob_match(std::string_view pattern, std::string_view text);

// Parses a rule from its JSON form; errors are "/pointer: message" relative to the rule.
struct FaultParseError {
    std::string pointer;
    std::string message;
};
bool fault_rule_from_json(const nlohmann::json& j, FaultRule& out, std::vector<FaultParseError>& errors);
nlohmann::json to_json(const FaultRule& r);  // the canonical (hashed) form
// The scenario-file form ("faults" of a scenario): fault_rule_from_json reads it back to an equal rule.
nlohmann::json to_scenario_json(const FaultRule& r);

}  // namespace sim
