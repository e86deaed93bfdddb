// sim/scenario/usage_conditions.cpp — the conditions "utilisation_at_least", "grant_notice" and
// "report_names_concealed" (sim/scenario/usage_conditions.hpp). They read the world's public data
// (sim/usage.hpp) only.
#include "usage_conditions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/text.hpp"
#include "sim/usage.hpp"

namespace sim {

namespace {

const std::vector<std::string> kUcStages = {"none", "warned", "final", "disabled"};

bool uc_int_in(const nlohmann::json& v, const char* key, long long lo, long long hi) {
    return v[key].is_number_integer() && v[key].get<long long>() >= lo && v[key].get<long long>() <= hi;
}

void uc_validate_utilisation(const nlohmann::json& v, const std::string& p,
                             std::vector<ConditionError>& errors) {
    if (!v.is_object() || !v.contains("percent")) {
        errors.push_back({p, "needs \"percent\" (a whole number from 0 to 100), e.g. {\"percent\": 85}"});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"percent", "days"}))
        errors.push_back({pointer, message});
    if (!uc_int_in(v, "percent", 0, 100))
        errors.push_back({p + "/percent", "must be a whole number from 0 to 100"});
    if (v.contains("days") && !uc_int_in(v, "days", 1, 366))
        errors.push_back({p + "/days", "must be a whole number of days from 1 to 366"});
}

void uc_validate_notice(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    if (!v.is_object() || !v.contains("stage")) {
        errors.push_back({p, "needs \"stage\": \"none\", \"warned\", \"final\" or \"disabled\""});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"stage"})) errors.push_back({pointer, message});
    const nlohmann::json& st = v["stage"];
    if (st.is_string() &&
        std::find(kUcStages.begin(), kUcStages.end(), st.get<std::string>()) != kUcStages.end())
        return;
    std::string msg = "must be \"none\", \"warned\", \"final\" or \"disabled\"";
    if (st.is_string())
        if (const std::string hint = suggest_key(st.get<std::string>(), kUcStages); !hint.empty())
            msg += fmt::format(" — did you mean \"{}\"?", hint);
    errors.push_back({p + "/stage", msg});
}

void uc_validate_names(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    if (!v.is_object() || !v.contains("concealed") || !v["concealed"].is_boolean()) {
        errors.push_back({p, "needs \"concealed\": true or false"});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"concealed"}))
        errors.push_back({pointer, message});
}

}  // namespace

void validate_usage_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                              std::vector<ConditionError>& errors) {
    if (key == "utilisation_at_least") uc_validate_utilisation(v, p, errors);
    if (key == "grant_notice") uc_validate_notice(v, p, errors);
    if (key == "report_names_concealed") uc_validate_names(v, p, errors);
}

bool evaluate_usage_condition(const std::string& key, const nlohmann::json& v, const World& w, SimTime now) {
    if (key == "utilisation_at_least") {
        const int days = v.value("days", w.settings.usage_window_days);
        const GrantUtilisation g = grant_utilisation(w, now, days);
        return g.active * 100LL >= v.at("percent").get<long long>() * g.assigned;
    }
    if (key == "grant_notice") {
        const std::string stage = v.at("stage").get<std::string>();
        return stage == (w.usage.notice_stage.empty() ? "none" : w.usage.notice_stage);
    }
    if (key == "report_names_concealed") return reports_names_concealed(w) == v.at("concealed").get<bool>();
    return false;
}

}  // namespace sim
