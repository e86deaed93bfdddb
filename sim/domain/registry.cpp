// sim/registry.cpp — the registry of operations and the handlers' view of the simulation.
#include "sim/registry.hpp"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

#include "sim/simulation.hpp"

namespace sim {

World& Context::world() {
    return sim_.world_;
}
SimTime Context::now() const {
    return sim_.now_;
}
const Calendar& Context::calendar() const {
    return sim_.calendar_;
}
Rng& Context::rng(std::string_view stream) {
    return sim_.random_.stream(stream);
}

EventId Context::schedule(SimTime delay, std::string kind, nlohmann::json data) {
    assert(delay >= 0 && "a negative delay is a programming error");
    if (delay < 0) delay = 0;
    return sim_.queue_.schedule(sim_.now_ + delay, std::move(kind), std::move(data));
}

EventId Context::schedule_at(SimTime time, std::string kind, nlohmann::json data) {
    assert(time >= sim_.now_ && "an event cannot be scheduled in the past");
    if (time < sim_.now_) time = sim_.now_;
    return sim_.queue_.schedule(time, std::move(kind), std::move(data));
}

bool Context::cancel(EventId id) {
    return sim_.queue_.cancel(id);
}

void Context::note(std::string text) {
    sim_.journal_.append(JournalEntry{sim_.now_, "note", nlohmann::json{{"text", std::move(text)}}});
}

std::optional<ActionResult> Context::fault(const Action& step) {
    const FaultDecision d = sim_.faults_.decide(step, sim_.now_, sim_.random_.stream("faults"));
    if (!d.fired) return std::nullopt;
    static const char* const kEffects[] = {"error", "latency", "throttle", "hang"};
    sim_.journal_.append(JournalEntry{sim_.now_, "fault",
                                      nlohmann::json{{"handle", 0},
                                                     {"step", step.type},
                                                     {"rule", d.rule_id},
                                                     {"effect", kEffects[static_cast<int>(d.effect)]},
                                                     {"early_retry", d.early_retry}}});
    return d.error;
}

bool arg_has_type(const nlohmann::json& v, ArgType t) {
    switch (t) {
        case ArgType::String:
            return v.is_string();
        case ArgType::Integer:
            return v.is_number_integer();
        case ArgType::Boolean:
            return v.is_boolean();
        case ArgType::StringList:
            return v.is_array() &&
                   std::all_of(v.begin(), v.end(), [](const nlohmann::json& x) { return x.is_string(); });
        case ArgType::Object:
            return v.is_object();
        case ArgType::Any:
            return true;
    }
    return true;
}

const char* to_string(ArgType t) {
    switch (t) {
        case ArgType::String:
            return "string";
        case ArgType::Integer:
            return "integer";
        case ArgType::Boolean:
            return "boolean";
        case ArgType::StringList:
            return "string[]";
        case ArgType::Object:
            return "object";
        case ArgType::Any:
            break;
    }
    return "any";
}

OperationSpec make_operation(std::string name, std::vector<ArgSpec> args, std::vector<std::string> errors,
                             std::vector<std::string> text_keys, std::string debrief_key, ActionFn run,
                             InstructorFn instructor, Delay latency) {
    OperationSpec spec;
    spec.name = std::move(name);
    spec.args = std::move(args);
    spec.errors = std::move(errors);
    spec.text_keys = std::move(text_keys);
    spec.debrief_key = std::move(debrief_key);
    spec.run = run;
    spec.instructor = instructor;
    spec.latency = latency;
    return spec;
}

void Registry::add(OperationSpec spec) {
    if (spec.debrief_key.empty()) spec.debrief_key = "debrief.op." + spec.name;
    for (const ArgSpec& arg : spec.args)
        if (arg.secret) spec.secrets.push_back(arg.name);
    std::string name = spec.name;
    actions[std::move(name)] = std::move(spec);
}

void Registry::add_action(const std::string& type, ActionFn fn, Delay latency) {
    add_action(type, fn, latency, {});
}

void Registry::add_action(const std::string& type, ActionFn fn, Delay latency,
                          std::vector<std::string> secrets) {
    OperationSpec spec;
    spec.name = type;
    spec.run = fn;
    spec.latency = latency;
    spec.secrets = std::move(secrets);
    actions[type] = std::move(spec);
}

void Registry::add_action(const std::string& type, ActionFn fn) {
    add_action(type, fn, OperationSpec{}.latency, {});
}

const std::vector<std::string>& Registry::secrets_of(const std::string& type) const {
    static const std::vector<std::string> kNone;
    const auto it = actions.find(type);
    return it == actions.end() ? kNone : it->second.secrets;
}

Action Registry::redact(const Action& a) const {
    return redact_secrets(a, secrets_of(a.type));
}

Action redact_secrets(const Action& a) {
    return journey_registry().redact(a);
}

void Registry::add_event(const std::string& kind, EventFn fn) {
    events[kind] = fn;
}

// [SECTION] The registry as data

std::string args_text(const OperationSpec& op) {
    std::string out;
    for (const ArgSpec& a : op.args) {
        if (!out.empty()) out += ", ";
        out += a.name + ": " + to_string(a.type);
        if (a.required) out += " (required)";
        if (a.secret) out += " (secret)";
    }
    return out;
}

nlohmann::json operations_json(const Registry& r, const LabelFn& label) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [name, op] : r.actions) {
        nlohmann::json args = nlohmann::json::array();
        for (const ArgSpec& a : op.args)
            args.push_back({{"name", a.name},
                            {"type", to_string(a.type)},
                            {"required", a.required},
                            {"secret", a.secret}});
        nlohmann::json j = {{"name", name},
                            {"kind", op.is_instructor() ? "instructor" : "journey"},
                            {"debrief_key", op.debrief_key},
                            {"args", std::move(args)},
                            {"errors", op.errors},
                            {"text_keys", op.text_keys}};
        if (label) j["debrief_name"] = label(op.debrief_key);
        out.push_back(std::move(j));
    }
    return out;
}

namespace {

std::string code_list(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "`" : ", `") + item + "`";
    return out.empty() ? "—" : out;
}

}  // namespace

std::string operations_markdown(const Registry& r, const LabelFn& label) {
    std::string out =
        "# Operations\n\n"
        "Every operation the simulation answers, as the registry declares it (`OperationSpec`, "
        "sim/domain/include/sim/registry.hpp). Generated by `npsim-cli ops --markdown > docs/operations.md`; "
        "`ctest -R ops_registry` fails when this file and the registry differ. Views build these actions "
        "with the typed requests of sim/domain/include/sim/ops.hpp.\n\n"
        "- *journey* operations are answered after their simulated latency; *instructor* operations at once "
        "(docs/sessions.md).\n"
        "- Every error code has the message key `error.<code>` in assets/i18n/sim (English and German). Any "
        "operation can also end with `action.timed_out` (a hang fault and a retry) or an error a fault rule "
        "injects; an unknown operation ends with `action.unknown_type`.\n"
        "- A *secret* argument is never journaled: it becomes `<name>_check` (docs/sessions.md).\n\n"
        "| operation | kind | debrief name | arguments | error codes | other texts |\n"
        "|---|---|---|---|---|---|\n";
    for (const auto& [name, op] : r.actions) {
        const std::string args = args_text(op);
        out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", name,
                           op.is_instructor() ? "instructor" : "journey",
                           label ? label(op.debrief_key) : "`" + op.debrief_key + "`",
                           args.empty() ? "—" : args, code_list(op.errors), code_list(op.text_keys));
    }
    return out;
}

// [SECTION] The action part of the scenario schema

namespace {

// The JSON Schema of an argument's value: its JSON type ("" for ArgType::Any: no type).
nlohmann::ordered_json argument_schema(ArgType t) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    switch (t) {
        case ArgType::String:
            out["type"] = "string";
            break;
        case ArgType::Integer:
            out["type"] = "integer";
            break;
        case ArgType::Boolean:
            out["type"] = "boolean";
            break;
        case ArgType::StringList:
            out["type"] = "array";
            out["items"] = {{"type", "string"}};
            break;
        case ArgType::Object:
            out["type"] = "object";
            break;
        case ArgType::Any:
            break;
    }
    return out;
}

nlohmann::ordered_json action_definition(const OperationSpec& op, const LabelFn& label) {
    nlohmann::ordered_json properties = nlohmann::ordered_json::object();
    properties["type"] = {{"const", op.name}, {"description", "The operation."}};
    properties["actor"] = {
        {"type", "string"},
        {"description", "Sign-in name of the person who acts, e.g. \"anna@tsvmuster.onmicrosoft.com\"."}};
    nlohmann::ordered_json required = nlohmann::ordered_json::array({"type"});
    for (const ArgSpec& a : op.args) {
        properties[a.name] = argument_schema(a.type);
        if (a.required) required.push_back(a.name);
    }
    nlohmann::ordered_json def = nlohmann::ordered_json::object();
    def["type"] = "object";
    def["description"] = (label ? label(op.debrief_key) : op.name) + ".";
    def["properties"] = std::move(properties);
    def["required"] = std::move(required);
    def["additionalProperties"] = false;
    return def;
}

}  // namespace

nlohmann::ordered_json operations_schema(const Registry& r, const LabelFn& label) {
    nlohmann::ordered_json types = nlohmann::ordered_json::array();
    nlohmann::ordered_json dispatch = nlohmann::ordered_json::array();
    nlohmann::ordered_json defs = nlohmann::ordered_json::object();
    defs["action"] = nlohmann::ordered_json::object();
    for (const auto& [name, op] : r.actions) {
        types.push_back(name);
        nlohmann::ordered_json when = {{"properties", {{"type", {{"const", name}}}}},
                                       {"required", nlohmann::ordered_json::array({"type"})}};
        dispatch.push_back({{"if", std::move(when)}, {"then", {{"$ref", "#/$defs/action." + name}}}});
        defs["action." + name] = action_definition(op, label);
    }
    defs["action"]["properties"] = {{"type", {{"enum", std::move(types)}}}};
    defs["action"]["allOf"] = std::move(dispatch);
    return {{"$defs", std::move(defs)}};
}

}  // namespace sim
