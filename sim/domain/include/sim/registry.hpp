// sim/registry.hpp — how the domain plugs into the engine.
//
// Each operation ("portal.register", "users.assign_licence", …) has a handler that applies the
// action to the world when its simulated latency has passed and returns the result. Background
// processes are event handlers keyed by kind ("portal.verification_finished", …). Handlers see
// the world only through a Context, which also lets them schedule further events and draw from
// named random streams.
#pragma once

#include <functional>
#include <map>
#include <optional>
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
    // A step the simulation takes on its own (e.g. "subscriptions.renew", the renewal's charge) asks the
    // fault rules as if it were submitted now (docs/reference/faults.md); a firing is journaled ("fault",
    // handle 0). Returns the injected error, if one fired; latency and hang effects do not apply.
    std::optional<ActionResult> fault(const Action& step);

private:
    Simulation& sim_;
};

using ActionFn = ActionResult (*)(Context&, const Action&);
using EventFn = void (*)(Context&, const nlohmann::json& data);
using StartFn =
    void (*)(Context&);  // runs once when a simulation starts (e.g. to schedule start-state events)

// [SECTION] Operation specs
//
// Every operation is declared once, as data: its name, its arguments, the error codes its results
// can carry, the other sim texts (assets/i18n/sim) its results and mails use, the text key of its
// human label (debrief, instructor console) and its handler. `npsim-cli ops` prints them;
// tests/sim/test_ops_registry.cpp checks them against the texts, the scenario schema and the docs.

enum class ArgType { String, Integer, Boolean, StringList, Object, Any };
const char* to_string(ArgType t);
// Whether a JSON value has an argument's type ("string[]": an array of strings; Any: always).
bool arg_has_type(const nlohmann::json& v,
                  ArgType t);  // "string", "integer", "boolean", "string[]", "object", "any"

struct ArgSpec {
    ArgSpec(std::string arg_name, ArgType arg_type = ArgType::String, bool is_required = false,
            bool is_secret = false)
        : name(std::move(arg_name)), type(arg_type), required(is_required), secret(is_secret) {}
    std::string name;
    ArgType type = ArgType::String;
    bool required = false;
    // A password field: never journaled, replaced by "<name>_check" (see ActionSpec::secrets).
    bool secret = false;
};

class InstructorContext;  // sim/simulation.hpp
// An instructor operation: applied at submit time, it may set what runs after its result.
using InstructorFn = ActionResult (*)(InstructorContext&, const Action&);

struct OperationSpec {
    std::string name;                    // "licences.assign"
    std::vector<ArgSpec> args;           // besides "type" and "actor"
    std::vector<std::string> errors;     // codes its results can carry (message key "error.<code>")
    std::vector<std::string> text_keys;  // other keys of assets/i18n/sim its results and mails use
    std::string debrief_key;             // the human label ("Assign licences"): "debrief.op.<name>"
    ActionFn run = nullptr;              // a journey operation: answered after its latency
    InstructorFn instructor = nullptr;   // an instructor operation: answered at once (docs/sessions.md)
    Delay latency = Delay::uniform(Duration{300, 0}, Duration{1200, 0});  // server round trip
    // The operation's password fields (top-level argument names): redact_secrets replaces each by
    // "<field>_check", whether it met the policy. Other password-like keys are redacted anyway.
    // Filled by Registry::add from the args marked secret.
    std::vector<std::string> secrets;

    bool is_instructor() const { return instructor != nullptr; }
};
using ActionSpec = OperationSpec;

// One declaration, field by field (debrief_key "" = "debrief.op.<name>").
OperationSpec make_operation(std::string name, std::vector<ArgSpec> args, std::vector<std::string> errors,
                             std::vector<std::string> text_keys, std::string debrief_key, ActionFn run,
                             InstructorFn instructor = nullptr,
                             Delay latency = Delay::uniform(Duration{300, 0}, Duration{1200, 0}));

struct Registry {
    std::map<std::string, OperationSpec> actions;  // by name
    std::map<std::string, EventFn> events;
    std::vector<StartFn> on_start;  // in registration order

    // Registers a declared operation (secrets from its secret args, the debrief key by default).
    void add(OperationSpec spec);
    // A bare operation (tests, benchmarks): a name and a handler, nothing declared.
    void add_action(const std::string& type, ActionFn fn, Delay latency);
    void add_action(const std::string& type, ActionFn fn, Delay latency, std::vector<std::string> secrets);
    void add_action(const std::string& type, ActionFn fn);
    void add_event(const std::string& kind, EventFn fn);

    // The declared password fields of an operation (none for an unknown one).
    const std::vector<std::string>& secrets_of(const std::string& type) const;
    // The action as it is journaled and saved: sim::redact_secrets with this registry's declarations.
    Action redact(const Action& a) const;
};

// The registry of the instructor operations ("instructor.*"), defined with the Simulation that
// applies them (sim/simulation.cpp). Every simulation answers them, whatever its registry.
const Registry& instructor_registry();

// [SECTION] The registry as data (npsim-cli ops, docs/operations.md)

// The human label of a text key (the debrief's names); none: the key is shown.
using LabelFn = std::function<std::string(const std::string& key)>;
// "sku: string, users: string[], user: string"; "(required)" and "(secret)" where they apply.
std::string args_text(const OperationSpec& op);
// Every operation, by name: [{"name", "kind": "journey"|"instructor", "debrief_key", "debrief_name" (with
// a label), "args": [{"name", "type", "required", "secret"}], "errors": […], "text_keys": […]}].
nlohmann::json operations_json(const Registry& r, const LabelFn& label = {});
// docs/operations.md: a title, a note on how it is made and checked, one table row per operation.
std::string operations_markdown(const Registry& r, const LabelFn& label = {});
// The action part of scenarios/schema/scenario.schema.json (npsim-cli ops --schema), as fragments at
// their place in the schema: {"$defs": {"action": {"properties": {"type": {"enum": [every operation]}},
// "allOf": [one {"if": type const, "then": {"$ref": "#/$defs/action.<name>"}} per operation]},
// "action.<name>": {"type": "object", "description", "properties": {"type", "actor", one per argument
// with its JSON type}, "required": ["type", the required arguments], "additionalProperties": false}}}.
// The descriptions are defaults (an operation's: its debrief name, with a label); scripts/update-generated.sh
// splices this into the schema and keeps what is written there by hand (descriptions, $ref, enum, …).
nlohmann::ordered_json operations_schema(const Registry& r, const LabelFn& label = {});

// The registry with every operation of the simulated journey, the instructor operations included.
const Registry& journey_registry();

}  // namespace sim
