// sim/action.hpp — actions (requests from a person) and their results.
//
// An action is a plain value with a stable JSON form: {"type": "users.assign_licence", "actor": "…", …}.
// `type` names the operation ("area.verb"); `actor` is the sign-in name of the simulated person who
// acts; every other key is an argument. Submitting an action returns a handle; its result arrives
// later, after the action's simulated latency, as an "action.completed" event.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace sim {

using ActionHandle = std::uint64_t;  // 0 = none

struct Action {
    std::string type;
    std::string actor;  // may be empty for actions that need no signed-in person (e.g. portal.register)
    nlohmann::json args = nlohmann::json::object();

    // Typed argument access with a default.
    template <class T>
    T arg(const char* key, T fallback) const {
        auto it = args.find(key);
        if (it == args.end() || it->is_null()) return fallback;
        try {
            return it->get<T>();
        } catch (const nlohmann::json::exception&) {
            return fallback;
        }
    }
    bool has(const char* key) const { return args.contains(key); }
};

nlohmann::json to_json(const Action& a);  // {"type":…, "actor":…, args…} (actor omitted when empty)
// Parses the JSON form; on failure returns false and sets `error` (never throws).
bool action_from_json(const nlohmann::json& j, Action& out, std::string& error);
bool operator==(const Action& a, const Action& b);

// The outcome of an action: ok, or an error with a stable code, a message key and parameters.
struct ActionResult {
    bool ok = true;
    std::string code = "ok";        // stable error code, e.g. "licence.no_usage_location"
    std::string message_key;        // i18n key, e.g. "error.licence.no_usage_location"
    nlohmann::json params = nlohmann::json::object();  // parameters for the message
    nlohmann::json data = nlohmann::json::object();    // what an ok action produced (ids, …)

    static ActionResult success(nlohmann::json data = nlohmann::json::object());
    // code "x.y" gets message key "error.x.y".
    static ActionResult failure(std::string code, nlohmann::json params = nlohmann::json::object());
};

nlohmann::json to_json(const ActionResult& r);
ActionResult action_result_from_json(const nlohmann::json& j);

// Removes secrets (passwords) from an action before it is journaled or saved, and records what the
// simulation needs of them instead (e.g. whether a password met the policy). Secrets never reach
// the journal, a session file or a log.
Action redact_secrets(const Action& a);

}  // namespace sim
