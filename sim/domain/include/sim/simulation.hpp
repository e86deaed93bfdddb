// sim/simulation.hpp — the deterministic engine: world + virtual clock + event queue + journal.
//
// Same setup (seed, start, world) + same actions at the same sim times = same journal and same
// state hash, on any machine, at any frame rate. Nothing here reads the wall clock.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/action.hpp"
#include "sim/event_queue.hpp"
#include "sim/faults.hpp"
#include "sim/journal.hpp"
#include "sim/random.hpp"
#include "sim/registry.hpp"
#include "sim/time.hpp"
#include "sim/world.hpp"

namespace sim {

struct Setup {
    std::uint64_t seed = 1;            // master seed of every random stream
    CivilDate start_date{2025, 3, 3};  // local date at sim time 0
    int start_minute_of_day = 9 * 60;  // local time at sim time 0
    TimeZone time_zone;                // default Europe/Berlin
    World world;                       // the start state
    std::vector<FaultRule> faults;     // injected delays and errors (ordered, first that fires wins)
    std::vector<StartEvent>
        events;  // scheduled at start, before the registry's start hooks ("at" = sim time)
};

// A result waiting to be read, or already known.
struct PendingAction {
    ActionHandle handle = 0;
    Action action;  // redacted
    SimTime submitted_at = 0;
    SimTime due_at = 0;  // when the result arrives; -1 while hung
    bool hung = false;   // a "hang" fault: no answer until the person retries the same operation
    std::optional<ActionResult> injected;  // the result a fault rule decided, instead of the handler's
};

// A named snapshot the instructor can go back to (instructor.checkpoint / restore_checkpoint).
struct CheckpointInfo {
    std::string name;
    SimTime time = 0;  // sim time when it was taken
};

// What an instructor operation does after its result is journaled.
struct InstructorFollowUp {
    enum class Kind { None, RunUntil, StepOne, Restore } kind = Kind::None;
    SimTime to = 0;          // RunUntil
    std::string checkpoint;  // Restore
};

// An instructor operation's view of the simulation (the handlers of instructor_registry()).
class InstructorContext {
public:
    explicit InstructorContext(Simulation& sim) : sim_(sim) {}
    SimTime now() const;
    const Calendar& calendar() const;
    FaultInjector& faults();
    std::optional<SimTime> next_event_time() const;
    // The time of the checkpoint of that name; none when there is none.
    std::optional<SimTime> checkpoint_time(const std::string& name) const;
    std::size_t checkpoint_count() const;
    // Takes a checkpoint of everything restore puts back; a newer one replaces one of the same name.
    void save_checkpoint(const std::string& name);
    // What runs after the result is journaled.
    InstructorFollowUp then;

private:
    Simulation& sim_;
};

class Simulation {
public:
    explicit Simulation(Setup setup, const Registry& registry = journey_registry());

    SimTime now() const { return now_; }
    const Calendar& calendar() const { return calendar_; }
    const World& world() const { return world_; }
    const Journal& journal() const { return journal_; }
    const Setup& setup() const { return setup_; }
    std::uint64_t seed() const { return setup_.seed; }

    // Submits an action at now(); its result arrives after the simulated latency. Operations named
    // "instructor.*" (docs/sessions.md, "Instructor actions") answer at once: the result is journaled
    // at submit time, then skip_time / skip_to_next_event run the clock forward and
    // restore_checkpoint puts the snapshot back.
    ActionHandle submit(const Action& action);
    // The result, once it has arrived.
    std::optional<ActionResult> result(ActionHandle h) const;
    bool is_pending(ActionHandle h) const { return pending_.count(h) != 0; }
    const std::map<ActionHandle, PendingAction>& pending_actions() const { return pending_; }

    // Advances to `t` (>= now()), processing every event due up to and including t.
    void run_until(SimTime t);
    // Processes the next event (all work due at its time) and moves the clock there; false if none.
    bool step_to_next_event();
    std::optional<SimTime> next_event_time() const { return queue_.next_time(); }
    const EventQueue& queue() const { return queue_; }
    const FaultInjector& faults() const { return faults_; }
    std::vector<CheckpointInfo> checkpoints() const;  // in the order they were first taken

    // Canonical state: world, clock, pending events, random-stream positions (and checkpoint names
    // and times, when there are any).
    nlohmann::json state_json() const;
    std::uint64_t state_hash() const;

private:
    friend class Context;
    friend class InstructorContext;
    void process(const Event& e);
    void complete_action(ActionHandle h);
    // Applies an instructor.* operation at once and journals its result.
    void submit_instructor(ActionHandle h, const Action& action);
    void restore_checkpoint(const std::string& name);
    void resolve_hung(const Action& retry);

    // Everything instructor.restore_checkpoint puts back; the clock and the journal keep going.
    struct Checkpoint {
        std::string name;
        SimTime time = 0;
        World world;
        std::vector<Event> events;
        std::map<ActionHandle, PendingAction> pending;
        FaultInjector faults;
        RandomStreams random;
    };

    Setup setup_;
    const Registry& registry_;
    Calendar calendar_;
    World world_;
    EventQueue queue_;
    RandomStreams random_;
    FaultInjector faults_;
    Journal journal_;
    SimTime now_ = 0;
    ActionHandle next_handle_ = 1;
    std::map<ActionHandle, PendingAction> pending_;
    std::size_t hung_ = 0;  // how many of pending_ are hung (so a submit scans them only when there are any)
    std::map<ActionHandle, ActionResult> results_;
    std::vector<Checkpoint> checkpoints_;
    // Typed passwords (sim/identity.hpp): in memory only, never in the state, the journal or a file.
    Keyring keyring_;
    std::map<ActionHandle, Action> typed_secrets_;  // raw actions that set a password, until answered
};

// Replays the "action" entries of `recorded` (at their sim times) into a fresh simulation built
// from `setup`, then runs until `end_time`. Returns the new simulation.
Simulation replay(const Setup& setup, const Journal& recorded, SimTime end_time,
                  const Registry& registry = journey_registry());

}  // namespace sim
