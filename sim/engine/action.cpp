// sim/action.cpp — the JSON form of actions and results, and secret redaction.
#include "sim/action.hpp"

#include <fmt/format.h>

namespace sim {

nlohmann::json to_json(const Action& a) {
    nlohmann::json j = a.args.is_object() ? a.args : nlohmann::json::object();
    j["type"] = a.type;
    if (!a.actor.empty()) j["actor"] = a.actor;
    return j;
}

bool action_from_json(const nlohmann::json& j, Action& out, std::string& error) {
    if (!j.is_object()) {
        error = "an action must be a JSON object";
        return false;
    }
    auto type = j.find("type");
    if (type == j.end() || !type->is_string() || type->get<std::string>().empty()) {
        error = "an action needs a non-empty string \"type\"";
        return false;
    }
    auto actor = j.find("actor");
    if (actor != j.end() && !actor->is_string()) {
        error = "\"actor\" must be a string";
        return false;
    }
    Action a;
    a.type = type->get<std::string>();
    if (actor != j.end()) a.actor = actor->get<std::string>();
    a.args = j;
    a.args.erase("type");
    a.args.erase("actor");
    out = std::move(a);
    return true;
}

bool operator==(const Action& a, const Action& b) {
    return a.type == b.type && a.actor == b.actor && a.args == b.args;
}

ActionResult ActionResult::success(nlohmann::json data) {
    ActionResult r;
    r.data = std::move(data);
    return r;
}

ActionResult ActionResult::failure(std::string code, nlohmann::json params) {
    ActionResult r;
    r.ok = false;
    r.message_key = "error." + code;
    r.code = std::move(code);
    r.params = std::move(params);
    return r;
}

nlohmann::json to_json(const ActionResult& r) {
    nlohmann::json j{{"ok", r.ok}, {"code", r.code}};
    if (!r.message_key.empty()) j["message_key"] = r.message_key;
    if (!r.params.empty()) j["params"] = r.params;
    if (!r.data.empty()) j["data"] = r.data;
    return j;
}

ActionResult action_result_from_json(const nlohmann::json& j) {
    ActionResult r;
    if (!j.is_object()) return ActionResult::failure("action.bad_result");
    r.ok = j.value("ok", false);
    r.code = j.value("code", r.ok ? "ok" : "unknown");
    r.message_key = j.value("message_key", "");
    r.params = j.value("params", nlohmann::json::object());
    r.data = j.value("data", nlohmann::json::object());
    return r;
}

// The Microsoft 365 password policy: 8–256 characters and three of four character classes.
static std::string check_password(const std::string& pw) {
    if (pw.size() < 8) return "password.too_short";
    if (pw.size() > 256) return "password.too_long";
    bool lower = false, upper = false, digit = false, symbol = false;
    for (unsigned char c : pw) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            symbol = true;
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(symbol);
    return classes >= 3 ? "ok" : "password.too_weak";
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The words of a key, lower case: split at non-alphanumerics and where a lower-case letter or digit is
// followed by an upper-case one ("adminPIN" -> admin, pin; "user_pin" -> user, pin).
std::vector<std::string> key_words(std::string_view key) {
    std::vector<std::string> words(1);
    auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto is_alnum = [&](char c) { return is_upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        if (!is_alnum(c)) {
            if (!words.back().empty()) words.emplace_back();
            continue;
        }
        if (is_upper(c) && i > 0 && is_alnum(key[i - 1]) && !is_upper(key[i - 1]) && !words.back().empty())
            words.emplace_back();
        words.back() += static_cast<char>(is_upper(c) ? c - 'A' + 'a' : c);
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

}  // namespace

bool is_secret_key(std::string_view key) {
    const std::string k = lower(key);
    if (ends_with(k, "_check") || ends_with(k, "_mode")) return false;
    for (const char* part : {"password", "passwd", "passphrase"})
        if (k.find(part) != std::string::npos) return true;
    for (const std::string& w : key_words(key))
        if (w == "pwd" || w == "secret" || w == "secrets" || w == "pin" || w == "pincode") return true;
    return false;
}

void redact_secret_keys(nlohmann::json& j) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (is_secret_key(it.key()) && !it->is_boolean() && !it->is_null())
                *it = kSecretNotStored;
            else
                redact_secret_keys(*it);
        }
    } else if (j.is_array()) {
        for (auto& v : j) redact_secret_keys(v);
    }
}

Action redact_secrets(const Action& a, const std::vector<std::string>& password_fields) {
    Action out = a;
    if (!out.args.is_object()) return out;
    for (const std::string& key : password_fields) {
        auto it = out.args.find(key);
        if (it == out.args.end()) continue;
        const std::string check =
            it->is_string() ? check_password(it->get<std::string>()) : "password.too_short";
        out.args.erase(it);
        out.args[key + "_check"] = check;
    }
    redact_secret_keys(out.args);
    return out;
}

}  // namespace sim
