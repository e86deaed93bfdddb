// sim/scenario/tenants_conditions.cpp — the condition "tenant_validated"
// (sim/scenario/tenants_conditions.hpp). It reads the world's public data (sim/tenants.hpp) only.
#include "tenants_conditions.hpp"

#include "sim/tenants.hpp"
#include "sim/text.hpp"

namespace sim {

void validate_tenants_condition(const std::string&, const nlohmann::json& v, const std::string& p,
                                std::vector<ConditionError>& errors) {
    if (!v.is_object()) {
        errors.push_back({p, "must be an object: {} (the working tenant) or {\"tenant\": \"verein\"}"});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"tenant"}))
        errors.push_back({pointer, message});
    if (!v.contains("tenant")) return;
    const nlohmann::json& t = v["tenant"];
    std::string name = t.is_string() ? t.get<std::string>() : std::string();
    const std::string suffix = ".onmicrosoft.com";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        name.resize(name.size() - suffix.size());
    if (!is_onmicrosoft_name(name))
        errors.push_back({p + "/tenant",
                          "must be a tenant name such as \"verein\" or \"verein.onmicrosoft.com\" (3 to 27 "
                          "lowercase letters and digits, starting with a letter)"});
}

bool evaluate_tenants_condition(const std::string&, const nlohmann::json& v, const World& w) {
    if (!v.is_object() || !v.contains("tenant") || !v["tenant"].is_string())
        return w.tenant.exists && tenant_is_validated(w, w.tenant.name);
    return tenant_is_validated(w, v["tenant"].get<std::string>());
}

}  // namespace sim
