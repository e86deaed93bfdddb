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
    awaiting_.clear();
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
        forget_awaiting(id);
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
    forget_awaiting(id);
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
    awaiting_.clear();
}

// [SECTION] Deciding

namespace {

bool flt_matches(const FaultRule& r, const Action& action) {
    if (!glob_match(r.operation, action.type)) return false;
    if (!r.actor.empty() && !glob_match(r.actor, action.actor)) return false;
    return args_match(r.args, action.args);
}

std::int64_t flt_whole_seconds(SimTime ms) {
    return ms <= 0 ? 0 : (ms + kSecond - 1) / kSecond;
}

// The selector: whether the rule governs this call (its window, nth / first, cap, then the probability
// draw, in that order, so the "faults" stream is drawn from only when everything else passed).
bool flt_governs(const FaultRule& r, const FaultRuleState& st, SimTime now, Rng& rng) {
    const bool in_window = now >= r.after && (r.until < 0 || now < r.until);
    if (!in_window) return false;
    if (r.nth > 0 && st.calls != r.nth) return false;
    if (r.first > 0 && st.calls > r.first) return false;
    if (r.max_fires >= 0 && st.fires >= r.max_fires) return false;
    if (r.probability_ppm >= 1'000'000) return true;
    if (r.probability_ppm <= 0) return false;
    return rng.uniform_below(1'000'000) < static_cast<std::uint64_t>(r.probability_ppm);
}

// A governed call of a throttle rule: counted in the current throttle window; true when over the limit.
bool flt_throttle_refuses(const FaultRule& r, FaultRuleState& st, SimTime now) {
    if (st.window_start < 0 || now >= st.window_start + r.window) {
        st.window_start = now;
        st.window_calls = 0;
    }
    ++st.window_calls;
    return st.window_calls > r.limit;
}

// The decision of a rule that fires (its firing already counted).
FaultDecision flt_fired(const FaultRule& r) {
    FaultDecision d;
    d.fired = true;
    d.rule_id = r.id;
    d.effect = r.effect;
    d.latency = r.latency;
    switch (r.effect) {
        case FaultRule::Effect::Error:
            if (r.error_code == "fault.custom")
                d.error = ActionResult::failure("fault.custom",
                                                {{"message_en", r.message_en}, {"message_de", r.message_de}});
            else
                d.error = ActionResult::failure(r.error_code);
            break;
        case FaultRule::Effect::Throttle:
            d.retry_after = r.retry_after;
            d.error = ActionResult::failure("throttled",
                                            {{"retry_after_seconds", flt_whole_seconds(r.retry_after)}});
            break;
        case FaultRule::Effect::Hang:
            d.hang = true;
            d.latency.reset();
            break;
        case FaultRule::Effect::Latency:
            break;
    }
    return d;
}

}  // namespace

FaultDecision FaultInjector::early_retry(std::size_t i, SimTime now) {
    const FaultRule& r = rules_[i];
    FaultRuleState& st = states_[i];
    ++early_retries_;
    ++st.early_retries;
    FaultDecision d;
    d.fired = true;
    d.rule_id = r.id;
    d.effect = r.effect;
    d.latency = r.latency;
    d.early_retry = true;
    d.error = ActionResult::failure("throttled.early_retry",
                                    {{"retry_after_seconds", flt_whole_seconds(st.retry_after_until - now)}});
    return d;
}

FaultDecision FaultInjector::decide(const Action& action, SimTime now, Rng& rng, std::uint64_t handle) {
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        FaultRule& r = rules_[i];
        FaultRuleState& st = states_[i];
        if (!r.enabled || !flt_matches(r, action)) continue;
        FaultDecision d;
        if (r.effect == FaultRule::Effect::Throttle && st.retry_after_until >= 0 &&
            now < st.retry_after_until) {
            // Before Retry-After is over: refused again, a penalty; not a call, not a firing.
            d = early_retry(i, now);
        } else {
            ++st.calls;
            if (r.armed) {
                // Arm once: fire now whatever the selector says, then step aside.
                r.armed = false;
                r.enabled = false;
            } else if (!flt_governs(r, st, now, rng) ||
                       (r.effect == FaultRule::Effect::Throttle && !flt_throttle_refuses(r, st, now))) {
                continue;
            }
            ++st.fires;
            d = flt_fired(r);
        }
        if (r.effect == FaultRule::Effect::Throttle) {
            if (handle == 0)
                answered_now(i, now, d);
            else
                awaiting_[handle] = FaultAwaiting{r.id, d.retry_after, d.early_retry};
        }
        return d;
    }
    return FaultDecision{};
}

// A refusal answered at once (no handle): its Retry-After starts now.
void FaultInjector::answered_now(std::size_t i, SimTime now, FaultDecision& d) {
    if (d.early_retry) return;
    FaultRuleState& st = states_[i];
    st.retry_after_until = std::max(st.retry_after_until, add_saturating(now, d.retry_after));
}

ActionResult FaultInjector::answered(std::uint64_t handle, SimTime now, ActionResult result) {
    auto it = awaiting_.find(handle);
    if (it == awaiting_.end()) return result;
    const FaultAwaiting w = it->second;
    awaiting_.erase(it);
    const std::ptrdiff_t i = index_of(rules_, w.rule_id);
    if (i < 0 || rules_[static_cast<std::size_t>(i)].effect != FaultRule::Effect::Throttle) return result;
    FaultRuleState& st = states_[static_cast<std::size_t>(i)];
    if (w.early_retry) {
        // The wait left, as of the moment the trainee reads it.
        result.params["retry_after_seconds"] = flt_whole_seconds(st.retry_after_until - now);
        return result;
    }
    st.retry_after_until = std::max(st.retry_after_until, add_saturating(now, w.retry_after));
    return result;
}

void FaultInjector::forget_awaiting(const std::string& rule_id) {
    for (auto it = awaiting_.begin(); it != awaiting_.end();)
        it = it->second.rule_id == rule_id ? awaiting_.erase(it) : std::next(it);
}

nlohmann::json FaultInjector::state_json() const {
    nlohmann::json rules = nlohmann::json::array();
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const auto& s = states_[i];
        nlohmann::json one{{"rule", to_json(rules_[i])},
                           {"calls", s.calls},
                           {"fires", s.fires},
                           {"window_start", s.window_start},
                           {"window_calls", s.window_calls},
                           {"retry_after_until", s.retry_after_until}};
        // Only when there are any, so the state of runs without early retries stays byte-identical.
        if (s.early_retries != 0) one["early_retries"] = s.early_retries;
        rules.push_back(std::move(one));
    }
    nlohmann::json state{{"rules", std::move(rules)}, {"early_retries", early_retries_}};
    if (!awaiting_.empty()) {
        nlohmann::json waiting = nlohmann::json::array();
        for (const auto& [handle, w] : awaiting_)
            waiting.push_back({{"handle", handle},
                               {"rule", w.rule_id},
                               {"retry_after_ms", w.retry_after},
                               {"early_retry", w.early_retry}});
        state["awaiting_answer"] = std::move(waiting);
    }
    return state;
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
