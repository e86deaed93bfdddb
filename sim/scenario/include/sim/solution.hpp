// sim/solution.hpp — a scenario's reference solution and the player that runs it.
//
// Steps (JSON, in the scenario's "solution" array):
//   {"caption": {"en": …, "de": …}, "action": {"type": "portal.register", …}, "expect": "ok"}
//       submit the action and wait for its result; "expect" is "ok" (default) or an error code
//   {"caption": …, "advance": "5 business days"}        let time pass
//   {"caption": …, "wait_until": <condition>, "max": "30d"}   run events until the condition holds
// The same player drives the headless CLI (--solution), CI and the GUI's demo mode, which polls it
// once per frame so the captions can be read.
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

struct SolutionStep {
    LocalText caption;
    std::optional<Action> action;
    std::string expect = "ok";
    std::optional<Duration> advance;
    nlohmann::json wait_until;     // a condition (see assessment.hpp), or null
    SimTime max_wait = 60 * kDay;  // for wait_until
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
void check_solution_references(const nlohmann::json& root, const SolutionReferences& refs,
                               std::vector<ConditionError>& errors);

class SolutionPlayer {
public:
    enum class State { Ready, Running, Done, Failed };

    explicit SolutionPlayer(const Solution& s) : solution_(&s) {}
    // Starts the next step (submits its action, or sets its target time). Ready → Running.
    void begin_step(Simulation& sim);
    // Checks whether the running step has finished; in headless play, advance the simulation
    // between polls (advance_running_step does that). Running → Ready / Done / Failed.
    State poll(Simulation& sim);
    // Moves the simulation forward just enough for the running step (next event or its target time).
    void advance_running_step(Simulation& sim);

    State state() const { return state_; }
    std::size_t step_index() const { return index_; }  // the step that runs (or ran last)
    const SolutionStep* current() const;
    const std::string& failure() const { return failure_; }

private:
    const Solution* solution_;
    std::size_t index_ = 0;
    State state_ = State::Ready;
    ActionHandle handle_ = 0;
    SimTime target_ = 0;
    std::string failure_;
};

struct SolutionRun {
    bool ok = false;
    std::size_t steps_played = 0;
    std::string failure;  // "step N: …"
};

// Plays the whole solution headless, updating `tracker` (if given) after every event; `after_action`
// (if given) runs after every action a step submitted (the CLI saves its session there).
SolutionRun play_solution(const Solution& solution, Simulation& sim, AssessmentTracker* tracker = nullptr,
                          const std::function<void(Simulation&)>& after_action = {});

}  // namespace sim
