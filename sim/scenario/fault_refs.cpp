// sim/fault_refs.cpp — npsim-cli check over the fault rules: operations, error codes, argument names,
// duration ranges (sim/fault_refs.hpp).
#include "sim/fault_refs.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "sim/faults.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace sim {

namespace {

std::string flt_pointer_token(const std::string& key) {
    std::string token;
    for (char c : key)
        token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return token;
}

// The operations a fault rule can apply to: every operation but the instructor's (those never pass the
// fault rules).
std::vector<const OperationSpec*> flt_operations(const Registry& registry) {
    std::vector<const OperationSpec*> ops;
    for (const auto& [name, op] : registry.actions)
        if (!op.is_instructor() && name.rfind("instructor.", 0) != 0) ops.push_back(&op);
    return ops;
}

// What a misspelled glob may have meant: the names, each "<area>.*" and "*".
std::vector<std::string> flt_glob_candidates(const std::vector<const OperationSpec*>& ops) {
    std::set<std::string> known{"*"};
    for (const OperationSpec* op : ops) {
        known.insert(op->name);
        const auto dot = op->name.find('.');
        if (dot != std::string::npos) known.insert(op->name.substr(0, dot) + ".*");
    }
    return {known.begin(), known.end()};
}

// A duration field's milliseconds (a whole number or a calendar duration text); nullopt when it is not
// one (fault_rule_from_json reports the form).
std::optional<SimTime> flt_duration_ms(const nlohmann::json& v) {
    if (v.is_number_integer()) return v.get<SimTime>();
    if (!v.is_string()) return std::nullopt;
    auto d = parse_duration(v.get<std::string>());
    if (!d || d->business_days != 0) return std::nullopt;
    return d->ms;
}

void flt_check_duration(const nlohmann::json& v, const std::string& pointer, SimTime min, const char* why_min,
                        std::vector<ConditionError>& errors) {
    const std::optional<SimTime> ms = flt_duration_ms(v);
    if (!ms) return;
    if (*ms > kMaxDuration)
        errors.push_back({pointer, fmt::format("must be {}", duration_cap_text())});
    else if (*ms < min)
        errors.push_back({pointer, fmt::format("{} is too short: {}", v.dump(), why_min)});
}

void flt_check_operation_and_args(const nlohmann::json& rule, const std::string& at,
                                  const std::vector<const OperationSpec*>& ops,
                                  std::vector<ConditionError>& errors) {
    const auto op = rule.find("operation");
    if (op == rule.end() || !op->is_string() || op->get<std::string>().empty()) return;
    const std::string glob = op->get<std::string>();
    std::vector<const OperationSpec*> matched;
    for (const OperationSpec* spec : ops)
        if (glob_match(glob, spec->name)) matched.push_back(spec);
    if (matched.empty()) {
        const std::string hint = suggest_key(glob, flt_glob_candidates(ops));
        errors.push_back(
            {at + "/operation",
             hint.empty() ? fmt::format("\"{}\" matches no operation", glob)
                          : fmt::format("\"{}\" matches no operation — did you mean \"{}\"?", glob, hint)});
        return;
    }
    const auto args = rule.find("args");
    if (args == rule.end() || !args->is_object()) return;
    std::set<std::string> declared;
    for (const OperationSpec* spec : matched)
        for (const ArgSpec& a : spec->args) declared.insert(a.name);
    const std::vector<std::string> names(declared.begin(), declared.end());
    for (auto it = args->begin(); it != args->end(); ++it) {
        if (declared.count(it.key()) != 0) continue;
        const std::string hint = suggest_key(it.key(), names);
        std::string message =
            matched.size() == 1
                ? fmt::format("{} has no argument \"{}\"", matched.front()->name, it.key())
                : fmt::format("no operation matched by \"{}\" has an argument \"{}\"", glob, it.key());
        if (!hint.empty()) message += fmt::format(" — did you mean \"{}\"?", hint);
        errors.push_back({at + "/args/" + flt_pointer_token(it.key()), std::move(message)});
    }
}

void flt_check_error_code(const nlohmann::json& rule, const std::string& at,
                          const std::vector<std::string>& codes, std::vector<ConditionError>& errors) {
    const auto e = rule.find("error");
    if (e == rule.end() || !e->is_string() || e->get<std::string>().empty()) return;
    const std::string code = e->get<std::string>();
    if (code == "ok") {
        errors.push_back({at + "/error", "must be an error code, not \"ok\""});
        return;
    }
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) return;
    std::vector<std::string> error_codes;
    for (const std::string& c : codes)
        if (c != "ok") error_codes.push_back(c);
    errors.push_back({at + "/error", unknown_key_message(code, error_codes, "result code")});
}

void flt_check_durations(const nlohmann::json& rule, const std::string& at,
                         std::vector<ConditionError>& errors) {
    for (const char* key : {"after", "until"})
        if (rule.contains(key)) flt_check_duration(rule[key], at + "/" + key, 0, "", errors);
    const auto t = rule.find("throttle");
    if (t == rule.end() || !t->is_object()) return;
    if (t->contains("window"))
        flt_check_duration((*t)["window"], at + "/throttle/window", 1, "must be longer than zero", errors);
    if (t->contains("retry_after"))
        flt_check_duration((*t)["retry_after"], at + "/throttle/retry_after", kSecond,
                           "Retry-After is told in whole seconds, so it must be at least \"1s\"", errors);
}

}  // namespace

void check_fault_references(const nlohmann::json& root, const Registry& registry,
                            const std::vector<std::string>& codes, std::vector<ConditionError>& errors) {
    const auto faults = root.find("faults");
    if (faults == root.end() || !faults->is_array()) return;
    const std::vector<const OperationSpec*> ops = flt_operations(registry);
    for (std::size_t i = 0; i < faults->size(); ++i) {
        const nlohmann::json& rule = (*faults)[i];
        if (!rule.is_object()) continue;
        const std::string at = fmt::format("/faults/{}", i);
        flt_check_operation_and_args(rule, at, ops, errors);
        flt_check_error_code(rule, at, codes, errors);
        flt_check_durations(rule, at, errors);
    }
}

}  // namespace sim
