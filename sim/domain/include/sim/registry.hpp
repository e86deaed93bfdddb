// sim/registry.hpp — how the domain plugs into the engine.
//
// Each operation ("portal.register", "users.assign_licence", …) has a handler that applies the
// action to the world when its simulated latency has passed and returns the result. Background
// processes are event handlers keyed by kind ("portal.verification_finished", …). Handlers see
// the world only through a Context, which also lets them schedule further events and draw from
// named random streams.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/action.hpp"
#include "sim/delay.hpp"
#include "sim/event_queue.hpp"
#include "sim/time.hpp"
#include "sim/world.hpp"

namespace sim {

class Simulation;
class Rng;

class Context {
public:
    explicit Context(Simulation& sim) : sim_(sim) {}
    World& world();
    SimTime now() const;
    const Calendar& calendar() const;
    Rng& rng(std::string_view stream);
    // Schedules a background event `delay` ms from now (delay >= 0).
    EventId schedule(SimTime delay, std::string kind, nlohmann::json data = nlohmann::json::object());
    EventId schedule_at(SimTime time, std::string kind, nlohmann::json data = nlohmann::json::object());
    bool cancel(EventId id);
    // Adds a free-text note to the journal (for debriefs).
    void note(std::string text);

private:
    Simulation& sim_;
};

using ActionFn = ActionResult (*)(Context&, const Action&);
using EventFn = void (*)(Context&, const nlohmann::json& data);
using StartFn =
    void (*)(Context&);  // runs once when a simulation starts (e.g. to schedule start-state events)

struct ActionSpec {
    ActionFn run = nullptr;
    Delay latency = Delay::uniform(Duration{300, 0}, Duration{1200, 0});  // server round trip
    // The operation's password fields (top-level argument names): redact_secrets replaces each by
    // "<field>_check", whether it met the policy. Other password-like keys are redacted anyway.
    std::vector<std::string> secrets;
};

struct Registry {
    std::map<std::string, ActionSpec> actions;
    std::map<std::string, EventFn> events;
    std::vector<StartFn> on_start;  // in registration order

    void add_action(const std::string& type, ActionFn fn, Delay latency);
    void add_action(const std::string& type, ActionFn fn, Delay latency, std::vector<std::string> secrets);
    void add_action(const std::string& type, ActionFn fn);
    void add_event(const std::string& kind, EventFn fn);

    // The declared password fields of an operation (none for an unknown one).
    const std::vector<std::string>& secrets_of(const std::string& type) const;
    // The action as it is journaled and saved: sim::redact_secrets with this registry's declarations.
    Action redact(const Action& a) const;
};

// The registry with every operation of the simulated journey.
const Registry& journey_registry();

}  // namespace sim
