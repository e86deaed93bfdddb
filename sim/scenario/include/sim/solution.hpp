// sim/solution.hpp — a scenario's reference solution and the player that runs it.
//
// Steps (JSON, in the scenario's "solution" array; docs/reference/solution-steps.md has every form):
//   {"caption": {"en": …, "de": …}, "action": {"type": "portal.register", …}, "expect": "ok"}
//       submit the action and wait for its result; "expect" is "ok" (default), an error code, or a list
//       of acceptable codes (["ok", "users.username_taken"])
//   {… "action": {…}, "retry": {"max": 5, "on": ["service.unavailable", "throttled"], "pause": "10s",
//                               "no_answer": "2m"}}
//       the same, tried again (at most "max" more times, 1..100) while the answer is one of "on"
//       (default: the transient codes kTransientCodes). Between attempts the player waits the answer's
//       Retry-After (result param "retry_after_seconds"), counted from the moment the answer arrived —
//       never earlier, so a correct solution earns no early-retry penalty — or "pause" (default 10s)
//       when the answer names none. A call the service holds without an answer (a "hang" fault) is
//       submitted again once "no_answer" (default 2m) has passed since its submit, as one retry (the
//       service then ends the hung call with "action.timed_out"); a call that is only slow is waited for.
//   {"caption": …, "advance": "5 business days"}        let time pass
//   {"caption": …, "wait_until": <condition>, "max": "30d"}   run events until the condition holds
//       (any condition of assessment.hpp, including the history ones: an event, a result, …)
//   {"caption": …, "if_result": "ok" | ["codes"], "then": [steps], "else": [steps]}
//       branch on the last result (the code of the most recent action step the player ran, after its
//       retries; none before the first): "then" when it is one of the codes, else "else" (either may be
//       left out); branches nest at most kMaxBranchDepth deep
// The same player drives the headless CLI (--solution, sweep), CI and the GUI's demo mode, which polls
// it once per frame so the captions can be read.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/catalog.hpp"
#include "sim/registry.hpp"
#include "sim/simulation.hpp"

namespace sim {

// The codes a "retry" without "on" retries: what the engine answers by itself for a passing fault
// (an outage, throttling, a custom fault text, a hang's time-out).
inline const std::vector<std::string> kTransientCodes = {
    "service.unavailable", "throttled", "throttled.early_retry", "fault.custom", "action.timed_out"};
inline constexpr int kMaxRetries = 100;    // "retry": {"max": 1..100}
inline constexpr int kMaxBranchDepth = 8;  // if_result inside if_result …, at most this deep

struct RetryPolicy {
    int max = 3;                                    // retries after the first attempt
    std::vector<std::string> on = kTransientCodes;  // the answers that are tried again
    SimTime pause = 10 * kSecond;                   // between attempts when the answer names no Retry-After
    SimTime no_answer = 2 * kMinute;                // a hung call this long after its submit: submit again
};

struct SolutionStep {
    LocalText caption;
    std::optional<Action> action;
    std::string expect = "ok";            // the first acceptable code
    std::vector<std::string> expect_any;  // every acceptable code ("expect": [...]); empty: `expect`
    std::optional<RetryPolicy> retry;     // with "action"
    std::optional<Duration> advance;
    nlohmann::json wait_until;           // a condition (see assessment.hpp), or null
    SimTime max_wait = 60 * kDay;        // for wait_until
    std::vector<std::string> if_result;  // not empty: a branch step on the last result
    std::vector<SolutionStep> then_steps, else_steps;

    bool is_branch() const { return !if_result.empty(); }
    bool accepts(const std::string& code) const;  // one of the expected codes
};

struct Solution {
    std::vector<SolutionStep> steps;
};

Solution solution_from_scenario(const nlohmann::json& root, std::vector<ConditionError>& errors);
// An instructor.skip_time action's arguments as the simulation would refuse them at submit ("by" not a
// duration or longer than the cap, "by_ms" not a whole number from 0 to kMaxDuration), so a loader can
// refuse them at load: each error's pointer is below the action ("/by", "/by_ms"). None for other types.
std::vector<ConditionError> skip_time_errors(const Action& a);

// Every result code an action can end with: "ok", the error codes the operations of `registry` declare,
// the codes the engine answers with by itself (fault effects, a hang's time-out, a checkpoint's restore:
// service.unavailable, throttled, throttled.early_retry, fault.custom, action.timed_out,
// instructor.restored) and `extra` (e.g. the codes a scenario's own fault rules inject). Sorted, unique.
std::vector<std::string> known_result_codes(const Registry& registry,
                                            const std::vector<std::string>& extra = {});

// What the references of a reference solution are resolved against (npsim-cli check).
struct SolutionReferences {
    const Registry* registry = nullptr;  // the operations, their arguments and error codes
    std::vector<std::string> codes;      // what "expect" may name (known_result_codes)
    const Catalog* catalog = nullptr;    // SKUs and offers; nullptr: not checked (no catalog loaded)
};
// The references of each action step of root["solution"], each error with its JSON pointer and a "did
// you mean": the operation ("/solution/N/action/type") must be in the registry; every argument must be
// one it declares ("type" and "actor" always are; an undeclared password-like key, or one holding such a
// key, is left to redaction), of its JSON type, the required ones present; "expect"
// ("/solution/N/expect") one of `codes`; a SKU ("sku", each of "licences") must be in the catalog and an
// "offer" one of its offers, unless the step expects the unknown-product or unknown-offer error. Steps
// that solution_from_scenario refuses for their form are skipped.
// Nested steps ("then", "else") are walked the same way; the codes of "retry"/"on" and "if_result"
// must be in `codes` too.
void check_solution_references(const nlohmann::json& root, const SolutionReferences& refs,
                               std::vector<ConditionError>& errors);

class SolutionPlayer {
public:
    enum class State { Ready, Running, Done, Failed };

    explicit SolutionPlayer(const Solution& s);
    // Starts the next step (submits its action, or sets its target time). Ready → Running. Branch steps
    // are never "started": the player steps into the branch the last result picks as soon as it is
    // Ready, so current() is always an action, advance or wait_until step.
    void begin_step(Simulation& sim);
    // Checks whether the running step has finished; in headless play, advance the simulation
    // between polls (advance_running_step does that). A retried action is submitted again from here,
    // once its pause is over. Running → Ready / Done / Failed.
    State poll(Simulation& sim);
    // Moves the simulation forward just enough for the running step (next event or its target time).
    void advance_running_step(Simulation& sim);

    State state() const { return state_; }
    // The top-level step that runs (or ran last); nested steps count as their top-level step.
    std::size_t step_index() const { return frames_.front().index; }
    // Where the running step is: "3", or "3 > then 2" inside a branch (1-based).
    std::string step_path() const;
    const SolutionStep* current() const;  // the running (or next) step itself, nested or not
    const std::string& failure() const { return failure_; }
    const std::string& last_result() const { return last_code_; }  // "" before the first answer
    int attempt() const { return attempt_; }                       // of the running action step (1 = first)
    std::size_t submissions() const { return submissions_; }       // actions submitted so far, retries too

private:
    struct Frame {
        const std::vector<SolutionStep>* steps;
        std::size_t index;
        const char* branch;  // "" (top level), "then" or "else"
    };
    void settle();  // past finished lists, into branches, until a runnable step or the end
    void finish_step();
    void fail(std::string message);
    void submit(Simulation& sim, const Action& action);
    void poll_action(Simulation& sim, const SolutionStep& step);
    void retry_or_fail(Simulation& sim, const SolutionStep& step, const std::string& code, SimTime wait);
    std::string attempts_text() const;

    std::vector<Frame> frames_;
    State state_ = State::Ready;
    ActionHandle handle_ = 0;
    SimTime target_ = 0;
    SimTime submitted_at_ = 0;
    bool pausing_ = false;  // between two attempts of a retried action
    int attempt_ = 0;
    std::vector<std::string> codes_;  // the answer of each attempt of the running step
    std::string last_code_;
    std::size_t submissions_ = 0;
    std::string failure_;
};

struct SolutionRun {
    bool ok = false;
    std::size_t steps_played = 0;
    std::string failure;  // "step N: …" / "step N > then M (operation): …"
};

// Plays the whole solution headless, updating `tracker` (if given) after every event; `after_action`
// (if given) runs after every action a step submitted, retries too (the CLI saves its session there).
SolutionRun play_solution(const Solution& solution, Simulation& sim, AssessmentTracker* tracker = nullptr,
                          const std::function<void(Simulation&)>& after_action = {});

}  // namespace sim
