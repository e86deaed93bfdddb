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
// Semantics, exactly (docs/reference/faults.md says the same with examples):
// - For each submitted action the rules are checked in order; the first rule that *decides* the call
//   wins and later rules are not checked. A disabled rule is skipped (it counts nothing).
// - A rule *matches* a call when its operation glob, its actor glob and its argument subset match.
// - Early retry (throttle rules only): a matching call made before the rule's Retry-After is over is
//   refused again ("throttled.early_retry", a penalty; its "retry_after_seconds" is the wait left when
//   the answer arrives). It is not a call of the rule (nth / first do not count it), not a firing (it
//   does not use up max_fires), draws nothing, and does not move Retry-After.
// - Every other matching call is a *call* of the rule (calls = 1, 2, 3, ...). The *selector* then
//   decides whether the rule governs the call: the window (after <= now < until), nth (only call n),
//   first (calls 1..N), the cap (fires < max_fires) and, only when all of these pass, the probability
//   draw from the "faults" stream. The selector means the same for every effect.
// - A governed call *fires* with effect error, latency, error + latency or hang. For a throttle rule
//   the governed calls are counted in the throttle window ("limit" per "window", the window starting at
//   the first governed call after the previous one ended); a governed call over the limit is refused
//   with "throttled" (retry_after_seconds), and that refusal is the firing. A governed call within the
//   limit passes on to the later rules like a call the rule does not govern.
// - An armed rule fires on its next call whatever the selector (and a throttle's limit) says, then
//   disarms and disables itself.
// - A rule's "latency" delays the answer of every firing (error, throttle refusal, early retry).
// - Retry-After counts from the moment the refusal's answer arrives (after its latency), not from the
//   submit: FaultInjector::answered sets retry_after_until = arrival + retry_after. Calls made while a
//   refusal is still on its way are judged normally. The refusals on their way are part of the state.
// - Every decision is journaled ("fault" entries); a run replays exactly.
#pragma once

#include <cstdint>
#include <map>
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
    int nth = 0;                      // > 0: govern only the n-th call of the rule
    int first = 0;                    // > 0: govern the first N calls of the rule, then never
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
    int early_retries = 0;           // calls refused as early retries (not counted in calls or fires)
};

struct FaultDecision {
    bool fired = false;
    std::string rule_id;
    FaultRule::Effect effect = FaultRule::Effect::Error;
    std::optional<ActionResult> error;  // the injected result (for Error and Throttle)
    std::optional<Delay> latency;       // replaces the operation's own latency
    bool hang = false;
    bool early_retry = false;  // a retry before Retry-After (a penalty)
    SimTime retry_after = 0;   // Throttle: the Retry-After of the refusal, counted from its answer
};

// A throttle refusal on its way to the trainee: its Retry-After starts when it arrives.
struct FaultAwaiting {
    std::string rule_id;
    SimTime retry_after = 0;
    bool early_retry = false;
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

    // Decides the fate of the action submitted now. `handle` names the action whose answer arrives
    // later (answered() is then called with it); 0 = the answer is given at once, so a throttle
    // refusal's Retry-After starts now.
    FaultDecision decide(const Action& action, SimTime now, Rng& rng, std::uint64_t handle = 0);
    // The answer of action `handle` arrives now: a throttle refusal starts its rule's Retry-After; an
    // early retry's result gets the wait left. Other results come back unchanged.
    ActionResult answered(std::uint64_t handle, SimTime now, ActionResult result);
    const std::map<std::uint64_t, FaultAwaiting>& awaiting() const { return awaiting_; }
    nlohmann::json state_json() const;

private:
    FaultDecision early_retry(std::size_t i, SimTime now);
    void answered_now(std::size_t i, SimTime now, FaultDecision& d);
    void forget_awaiting(const std::string& rule_id);

    std::vector<FaultRule> rules_;
    std::vector<FaultRuleState> states_;
    std::map<std::uint64_t, FaultAwaiting> awaiting_;  // refusals on their way, by action handle
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
