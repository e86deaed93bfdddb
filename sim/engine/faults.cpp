// sim/faults.cpp — matching, triggering and the effects of fault rules; their JSON form.
#include "sim/faults.hpp"
#include "sim/json_input.hpp"
#include "sim/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sim {

// [SECTION] Matching

bool glob_match(std::string_view p, std::string_view t) {
    // Iterative wildcard matching with backtracking to the last '*'.
    std::size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
    while (ti < t.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
            ++pi;
            ++ti;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = ti;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

static bool args_match(const nlohmann::json& wanted, const nlohmann::json& args) {
    if (!wanted.is_object()) return true;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        auto a = args.find(it.key());
        if (a == args.end() || *a != it.value()) return false;
    }
    return true;
}

void FaultInjector::set_rules(std::vector<FaultRule> rules) {
    rules_ = std::move(rules);
    states_.assign(rules_.size(), FaultRuleState{});
    for (std::size_t i = 0; i < rules_.size(); ++i)
        if (rules_[i].id.empty()) rules_[i].id = fmt::format("rule-{}", i + 1);
}

void FaultInjector::add_rule(FaultRule rule) {
    if (rule.id.empty()) rule.id = fmt::format("rule-{}", rules_.size() + 1);
    rules_.push_back(std::move(rule));
    states_.push_back(FaultRuleState{});
}

void FaultInjector::add_rule_front(FaultRule rule) {
    if (rule.id.empty()) rule.id = fmt::format("rule-{}", rules_.size() + 1);
    rules_.insert(rules_.begin(), std::move(rule));
    states_.insert(states_.begin(), FaultRuleState{});
}

bool FaultInjector::remove_rule(const std::string& id) {
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        if (rules_[i].id != id) continue;
        rules_.erase(rules_.begin() + static_cast<std::ptrdiff_t>(i));
        states_.erase(states_.begin() + static_cast<std::ptrdiff_t>(i));
        return true;
    }
    return false;
}

static std::ptrdiff_t index_of(const std::vector<FaultRule>& rules, const std::string& id) {
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].id == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

bool FaultInjector::replace_rule(const std::string& id, FaultRule rule) {
    const std::ptrdiff_t i = index_of(rules_, id);
    if (i < 0) return false;
    rule.id = id;
    rules_[static_cast<std::size_t>(i)] = std::move(rule);
    states_[static_cast<std::size_t>(i)] = FaultRuleState{};
    return true;
}

bool FaultInjector::set_enabled(const std::string& id, bool enabled) {
    const std::ptrdiff_t i = index_of(rules_, id);
    if (i < 0) return false;
    rules_[static_cast<std::size_t>(i)].enabled = enabled;
    if (!enabled) rules_[static_cast<std::size_t>(i)].armed = false;
    return true;
}

bool FaultInjector::arm(const std::string& id) {
    const std::ptrdiff_t i = index_of(rules_, id);
    if (i < 0) return false;
    rules_[static_cast<std::size_t>(i)].enabled = true;
    rules_[static_cast<std::size_t>(i)].armed = true;
    return true;
}

const FaultRule* FaultInjector::find_rule(const std::string& id) const {
    const std::ptrdiff_t i = index_of(rules_, id);
    return i < 0 ? nullptr : &rules_[static_cast<std::size_t>(i)];
}

void FaultInjector::clear() {
    rules_.clear();
    states_.clear();
}

// [SECTION] Deciding

FaultDecision FaultInjector::decide(const Action& action, SimTime now, Rng& rng) {
    FaultDecision d;
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        FaultRule& r = rules_[i];
        FaultRuleState& st = states_[i];
        if (!r.enabled) continue;
        if (!glob_match(r.operation, action.type)) continue;
        if (!r.actor.empty() && !glob_match(r.actor, action.actor)) continue;
        if (!args_match(r.args, action.args)) continue;
        ++st.calls;
        if (r.armed) {
            // Arm once: fire now whatever the trigger says, then step aside.
            r.armed = false;
            r.enabled = false;
            ++st.fires;
            d.fired = true;
            d.rule_id = r.id;
            d.effect = r.effect;
            d.latency = r.latency;
            if (r.effect == FaultRule::Effect::Throttle) {
                st.retry_after_until = now + r.retry_after;
                d.latency.reset();
                d.error =
                    ActionResult::failure("throttled", {{"retry_after_seconds", r.retry_after / kSecond}});
            } else if (r.effect == FaultRule::Effect::Error) {
                d.error = r.error_code == "fault.custom"
                              ? ActionResult::failure("fault.custom", {{"message_en", r.message_en},
                                                                       {"message_de", r.message_de}})
                              : ActionResult::failure(r.error_code);
            } else if (r.effect == FaultRule::Effect::Hang) {
                d.hang = true;
            }
            return d;
        }
        const bool in_window = now >= r.after && (r.until < 0 || now < r.until);
        if (!in_window) continue;

        if (r.effect == FaultRule::Effect::Throttle) {
            // A call while throttled is refused again and counts as an early retry.
            if (st.retry_after_until >= 0 && now < st.retry_after_until) {
                ++early_retries_;
                ++st.fires;
                d.fired = true;
                d.rule_id = r.id;
                d.effect = r.effect;
                d.early_retry = true;
                const SimTime wait = st.retry_after_until - now;
                d.error = ActionResult::failure("throttled.early_retry",
                                                {{"retry_after_seconds", (wait + kSecond - 1) / kSecond}});
                return d;
            }
            if (st.window_start < 0 || now >= st.window_start + r.window) {
                st.window_start = now;
                st.window_calls = 0;
            }
            ++st.window_calls;
            if (st.window_calls <= r.limit) continue;
            if (r.max_fires >= 0 && st.fires >= r.max_fires) continue;
            ++st.fires;
            st.retry_after_until = now + r.retry_after;
            d.fired = true;
            d.rule_id = r.id;
            d.effect = r.effect;
            d.error = ActionResult::failure("throttled", {{"retry_after_seconds", r.retry_after / kSecond}});
            return d;
        }

        if (r.nth > 0 && st.calls != r.nth) continue;
        if (r.first > 0 && st.calls > r.first) continue;
        if (r.max_fires >= 0 && st.fires >= r.max_fires) continue;
        if (r.probability_ppm < 1'000'000) {
            if (r.probability_ppm <= 0) continue;
            if (rng.uniform_below(1'000'000) >= static_cast<std::uint64_t>(r.probability_ppm)) continue;
        }
        ++st.fires;
        d.fired = true;
        d.rule_id = r.id;
        d.effect = r.effect;
        d.latency = r.latency;
        switch (r.effect) {
            case FaultRule::Effect::Error:
                if (r.error_code == "fault.custom")
                    d.error = ActionResult::failure(
                        "fault.custom", {{"message_en", r.message_en}, {"message_de", r.message_de}});
                else
                    d.error = ActionResult::failure(r.error_code);
                break;
            case FaultRule::Effect::Hang:
                d.hang = true;
                break;
            case FaultRule::Effect::Latency:
            case FaultRule::Effect::Throttle:
                break;
        }
        return d;
    }
    return d;
}

nlohmann::json FaultInjector::state_json() const {
    nlohmann::json rules = nlohmann::json::array();
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const auto& s = states_[i];
        rules.push_back({{"rule", to_json(rules_[i])},
                         {"calls", s.calls},
                         {"fires", s.fires},
                         {"window_start", s.window_start},
                         {"window_calls", s.window_calls},
                         {"retry_after_until", s.retry_after_until}});
    }
    return {{"rules", std::move(rules)}, {"early_retries", early_retries_}};
}

// [SECTION] JSON

static const char* effect_name(FaultRule::Effect e) {
    switch (e) {
        case FaultRule::Effect::Error:
            return "error";
        case FaultRule::Effect::Latency:
            return "latency";
        case FaultRule::Effect::Throttle:
            return "throttle";
        case FaultRule::Effect::Hang:
            return "hang";
    }
    return "error";
}

nlohmann::json to_json(const FaultRule& r) {
    nlohmann::json j{{"id", r.id}, {"operation", r.operation}, {"effect", effect_name(r.effect)}};
    if (!r.args.empty()) j["args"] = r.args;
    if (!r.actor.empty()) j["actor"] = r.actor;
    if (r.probability_ppm != 1'000'000) j["probability_ppm"] = r.probability_ppm;
    if (r.nth > 0) j["nth"] = r.nth;
    if (r.first > 0) j["first"] = r.first;
    if (r.after > 0) j["after_ms"] = r.after;
    if (r.until >= 0) j["until_ms"] = r.until;
    if (r.max_fires >= 0) j["max_fires"] = r.max_fires;
    if (r.effect == FaultRule::Effect::Error) {
        j["error"] = r.error_code;
        if (!r.message_en.empty()) j["message"] = {{"en", r.message_en}, {"de", r.message_de}};
    }
    if (r.latency) j["latency"] = to_json(*r.latency);
    if (r.effect == FaultRule::Effect::Throttle)
        j["throttle"] = {{"limit", r.limit}, {"window_ms", r.window}, {"retry_after_ms", r.retry_after}};
    // Only when not the default, so the state of runs without instructor controls stays byte-identical.
    if (!r.enabled) j["enabled"] = false;
    if (r.armed) j["armed"] = true;
    return j;
}

nlohmann::json to_scenario_json(const FaultRule& r) {
    nlohmann::json j{{"id", r.id}, {"operation", r.operation}};
    if (!r.args.empty()) j["args"] = r.args;
    if (!r.actor.empty()) j["actor"] = r.actor;
    if (r.probability_ppm != 1'000'000)
        j["probability"] = static_cast<double>(r.probability_ppm) / 1'000'000.0;
    if (r.nth > 0) j["nth"] = r.nth;
    if (r.first > 0) j["first"] = r.first;
    if (r.after > 0) j["after"] = r.after;
    if (r.until >= 0) j["until"] = r.until;
    if (r.max_fires >= 0) j["max_fires"] = r.max_fires;
    switch (r.effect) {
        case FaultRule::Effect::Error:
            if (r.error_code == "fault.custom")
                j["error"] = {{"message", {{"en", r.message_en}, {"de", r.message_de}}}};
            else
                j["error"] = r.error_code;
            break;
        case FaultRule::Effect::Throttle:
            j["throttle"] = {{"limit", r.limit}, {"window", r.window}, {"retry_after", r.retry_after}};
            break;
        case FaultRule::Effect::Hang:
            j["hang"] = true;
            break;
        case FaultRule::Effect::Latency:
            break;
    }
    if (r.latency) j["latency"] = to_json(*r.latency);
    if (!r.enabled) j["enabled"] = false;
    if (r.armed) j["armed"] = true;
    return j;
}

namespace {

struct RuleReader {
    std::vector<FaultParseError>& errors;
    void error(std::string pointer, std::string message) {
        errors.push_back({std::move(pointer), std::move(message)});
    }

    std::optional<SimTime> time(const nlohmann::json& j, const std::string& pointer) {
        NumberError out_of_range;
        if (j.is_number_integer())
            if (auto ms = integer_in_range(j, pointer, 0, kMaxDuration, out_of_range)) return *ms;
        if (j.is_number()) {
            error(pointer, fmt::format("must be a whole number of milliseconds from 0 to {} ({})",
                                       kMaxDuration, duration_cap_text()));
            return std::nullopt;
        }
        if (!j.is_string()) {
            error(pointer, "must be a duration such as \"10m\" or \"2h\"");
            return std::nullopt;
        }
        std::string why;
        auto d = parse_duration(j.get<std::string>(), &why);
        if (!d) {
            error(pointer, why);
            return std::nullopt;
        }
        if (d->business_days != 0) {
            error(pointer, "use calendar time here (e.g. \"5d\"), not business days");
            return std::nullopt;
        }
        return d->ms;
    }

    int count(const nlohmann::json& j, const std::string& pointer, int min) {
        NumberError why;
        auto n = integer_in_range(j, pointer, min, 1'000'000'000, why);
        if (!n) {
            error(pointer, fmt::format("must be a whole number ≥ {}", min));
            return min;
        }
        return static_cast<int>(*n);
    }
};

const std::vector<std::string> kRuleKeys = {
    "id",        "operation", "args",    "actor",    "probability", "nth",     "first",   "after", "until",
    "max_fires", "error",     "latency", "throttle", "hang",        "comment", "enabled", "armed"};

}  // namespace

bool fault_rule_from_json(const nlohmann::json& j, FaultRule& out, std::vector<FaultParseError>& errors) {
    const std::size_t before = errors.size();
    RuleReader r{errors};
    if (!j.is_object()) {
        r.error("", "a fault rule must be an object");
        return false;
    }
    for (auto& [where, message] : unknown_keys(j, "", kRuleKeys)) r.error(where, message);
    FaultRule rule;
    if (j.contains("id")) {
        if (j["id"].is_string())
            rule.id = j["id"].get<std::string>();
        else
            r.error("/id", "must be a string");
    }
    if (!j.contains("operation") || !j["operation"].is_string() || j["operation"].get<std::string>().empty())
        r.error("/operation", "must be an operation name or glob, e.g. \"billing.*\"");
    else
        rule.operation = j["operation"].get<std::string>();
    if (j.contains("args")) {
        if (j["args"].is_object())
            rule.args = j["args"];
        else
            r.error("/args", "must be an object of argument values to match");
    }
    if (j.contains("actor")) {
        if (j["actor"].is_string())
            rule.actor = j["actor"].get<std::string>();
        else
            r.error("/actor", "must be a sign-in name or glob");
    }
    if (j.contains("probability")) {
        const auto& p = j["probability"];
        NumberError why;
        if (auto v = number_in_range(p, "/probability", 0.0, 1.0, why))
            rule.probability_ppm = static_cast<int>(*v * 1'000'000.0 + 0.5);
        else
            r.error(why.pointer, why.message);
    }
    if (j.contains("nth")) rule.nth = r.count(j["nth"], "/nth", 1);
    if (j.contains("first")) rule.first = r.count(j["first"], "/first", 1);
    if (j.contains("max_fires")) rule.max_fires = r.count(j["max_fires"], "/max_fires", 0);
    if (j.contains("after")) rule.after = r.time(j["after"], "/after").value_or(0);
    if (j.contains("until")) rule.until = r.time(j["until"], "/until").value_or(-1);
    if (rule.until >= 0 && rule.until <= rule.after) r.error("/until", "must be later than \"after\"");

    if (j.contains("latency")) {
        std::string why;
        rule.latency = parse_delay(j["latency"], &why);
        if (!rule.latency) r.error("/latency", why);
        rule.effect = FaultRule::Effect::Latency;
    }
    if (j.contains("error")) {
        rule.effect = FaultRule::Effect::Error;
        const auto& e = j["error"];
        if (e.is_string() && !e.get<std::string>().empty()) {
            rule.error_code = e.get<std::string>();
        } else if (e.is_object() && e.contains("message")) {
            const auto& m = e["message"];
            if (m.is_string())
                rule.message_en = rule.message_de = m.get<std::string>();
            else if (m.is_object() && m.contains("en") && m["en"].is_string() &&
                     (!m.contains("de") || m["de"].is_string())) {
                rule.message_en = m["en"].get<std::string>();
                rule.message_de = m.contains("de") ? m["de"].get<std::string>() : rule.message_en;
            } else
                r.error("/error/message", "must be a text or {\"en\": …, \"de\": …}");
            rule.error_code = "fault.custom";
        } else {
            r.error("/error",
                    "must be an error code (e.g. \"service.unavailable\") or {\"message\": {\"en\": …, "
                    "\"de\": …}}");
        }
    }
    if (j.contains("hang")) {
        if (!j["hang"].is_boolean())
            r.error("/hang", "must be true or false");
        else if (j["hang"].get<bool>())
            rule.effect = FaultRule::Effect::Hang;
    }
    if (j.contains("throttle")) {
        const auto& t = j["throttle"];
        rule.effect = FaultRule::Effect::Throttle;
        if (!t.is_object() || !t.contains("limit")) {
            r.error("/throttle", "must be {\"limit\": N, \"window\": \"1m\", \"retry_after\": \"30s\"}");
        } else {
            rule.limit = r.count(t["limit"], "/throttle/limit", 0);
            if (t.contains("window")) rule.window = r.time(t["window"], "/throttle/window").value_or(kMinute);
            if (t.contains("retry_after"))
                rule.retry_after = r.time(t["retry_after"], "/throttle/retry_after").value_or(30 * kSecond);
            if (rule.window <= 0) r.error("/throttle/window", "must be longer than zero");
        }
    }
    for (const char* flag : {"enabled", "armed"}) {
        if (!j.contains(flag)) continue;
        if (!j[flag].is_boolean())
            r.error(std::string("/") + flag, "must be true or false");
        else if (std::string_view(flag) == "enabled")
            rule.enabled = j[flag].get<bool>();
        else
            rule.armed = j[flag].get<bool>();
    }
    const int effects = int(j.contains("error")) + int(j.contains("throttle")) + int(j.contains("hang"));
    if (effects > 1)
        r.error("",
                "choose one effect: \"error\", \"throttle\" or \"hang\" (\"latency\" may go with \"error\")");
    if (effects == 0 && !j.contains("latency"))
        r.error("", "a rule needs an effect: \"error\", \"latency\", \"throttle\" or \"hang\"");
    if (errors.size() != before) return false;
    out = std::move(rule);
    return true;
}

}  // namespace sim
