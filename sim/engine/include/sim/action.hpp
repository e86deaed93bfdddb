// sim/action.hpp — actions (requests from a person) and their results.
//
// An action is a plain value with a stable JSON form: {"type": "users.assign_licence", "actor": "…", …}.
// `type` names the operation ("area.verb"); `actor` is the sign-in name of the simulated person who
// acts; every other key is an argument. Submitting an action returns a handle; its result arrives
// later, after the action's simulated latency, as an "action.completed" event.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

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
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            // Never a silent conversion: a float (1e300) or a whole number T cannot hold is no value.
            if (!it->is_number_integer()) return fallback;
            if (it->is_number_unsigned()) {
                if (it->template get<std::uint64_t>() >
                    static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
                    return fallback;
            } else {
                const std::int64_t v = it->template get<std::int64_t>();
                if (v < 0 ? (std::is_unsigned_v<T> ||
                             v < static_cast<std::int64_t>(std::numeric_limits<T>::min()))
                          : static_cast<std::uint64_t>(v) >
                                static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
                    return fallback;
            }
        }
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
    std::string code = "ok";                           // stable error code, e.g. "licence.no_usage_location"
    std::string message_key;                           // i18n key, e.g. "error.licence.no_usage_location"
    nlohmann::json params = nlohmann::json::object();  // parameters for the message
    nlohmann::json data = nlohmann::json::object();    // what an ok action produced (ids, …)

    static ActionResult success(nlohmann::json data = nlohmann::json::object());
    // code "x.y" gets message key "error.x.y".
    static ActionResult failure(std::string code, nlohmann::json params = nlohmann::json::object());
};

nlohmann::json to_json(const ActionResult& r);
ActionResult action_result_from_json(const nlohmann::json& j);

// [SECTION] Secrets
//
// Secrets never reach the journal, a session file, a debrief, a report or a log. Two rules:
//  1. Each operation declares its password fields in the registry (ActionSpec::secrets, e.g. users.add
//     and portal.register declare "password"). Such a field is replaced by "<field>_check": what the
//     simulation needs of it, whether it met the password policy ("ok", "password.too_short", …).
//  2. Every other password-like key, at any depth and in any case (is_secret_key), has its value
//     replaced by kSecretNotStored — in actions, in the scenario a session file embeds, everywhere.

constexpr const char* kSecretNotStored = "(not stored)";

// A key that names a secret: one that contains "password", "passwd" or "passphrase" (any case, so also
// "adminPassword", "new_password", "Password"), or whose words (split at _ - . space and camelCase)
// include "pwd", "secret", "secrets", "pin" or "pincode". Keys that describe a secret rather than hold it are
// not: those ending in "_check" (the policy check above) or "_mode" (e.g. "password_mode": "own").
bool is_secret_key(std::string_view key);
// Replaces, at any depth, the value of every is_secret_key key by kSecretNotStored, unless the value is
// a boolean or null (a flag such as "must_change_password" is no secret). Idempotent.
void redact_secret_keys(nlohmann::json& j);

// The action as it may be journaled or saved: each field of `password_fields` (the operation's
// declaration) becomes "<field>_check", then redact_secret_keys on the rest of the arguments.
Action redact_secrets(const Action& a, const std::vector<std::string>& password_fields);
// The same with the declarations of journey_registry() (defined in sim/registry.cpp).
Action redact_secrets(const Action& a);

}  // namespace sim
