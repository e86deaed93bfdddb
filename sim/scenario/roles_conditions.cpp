// sim/scenario/roles_conditions.cpp — the condition "role_held" over Roles > Role assignments
// (sim/scenario/roles_conditions.hpp). It reads the world's public queries (sim/roles.hpp) only.
#include "roles_conditions.hpp"

#include <fmt/format.h>

#include "sim/roles.hpp"
#include "sim/text.hpp"

namespace sim {

namespace {

constexpr int kRcMaxHolders = 1000;

std::vector<std::string> rc_role_names() {
    std::vector<std::string> out;
    for (Role r : page_roles()) out.emplace_back(to_string(r));
    return out;
}

void rc_validate_role_held(const nlohmann::json& v, const std::string& p,
                           std::vector<ConditionError>& errors) {
    if (!v.is_object() || !v.contains("role")) {
        errors.push_back({p,
                          "needs \"role\" (e.g. \"global_admin\") and \"user\" (a sign-in name) or "
                          "\"min_holders\" (a number of people)"});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"user", "role", "min_holders"}))
        errors.push_back({pointer, message});
    const std::vector<std::string> names = rc_role_names();
    Role r;
    if (!v["role"].is_string() || !parse_role(v["role"].get<std::string>(), r)) {
        std::string msg = "must be an admin role:";
        for (std::size_t i = 0; i < names.size(); ++i) msg += (i == 0 ? " " : ", ") + names[i];
        if (v["role"].is_string())
            if (const std::string hint = suggest_key(v["role"].get<std::string>(), names); !hint.empty())
                msg += fmt::format(" — did you mean \"{}\"?", hint);
        errors.push_back({p + "/role", msg});
    }
    if (v.contains("user") && (!v["user"].is_string() || v["user"].get<std::string>().empty()))
        errors.push_back({p + "/user", "must be the sign-in name of a person, e.g. \"kim@verein.de\""});
    if (v.contains("min_holders")) {
        const nlohmann::json& m = v["min_holders"];
        if (!m.is_number_integer() || m.get<long long>() < 1 || m.get<long long>() > kRcMaxHolders)
            errors.push_back(
                {p + "/min_holders", fmt::format("must be a whole number from 1 to {}", kRcMaxHolders)});
        else if (v.contains("user"))
            errors.push_back({p + "/min_holders", "give either \"user\" or \"min_holders\", not both"});
    }
}

bool rc_role_held(const nlohmann::json& v, const World& w) {
    Role r;
    if (!parse_role(v.at("role").get<std::string>(), r)) return false;
    if (v.contains("user")) {
        const Person* p = w.find_person(v["user"].get<std::string>());
        return is_usable(p) && p->has_role(r);
    }
    return role_holder_count(w, r) >= v.value("min_holders", 1);
}

}  // namespace

void validate_roles_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                              std::vector<ConditionError>& errors) {
    if (key == "role_held") rc_validate_role_held(v, p, errors);
}

bool evaluate_roles_condition(const std::string& key, const nlohmann::json& v, const World& w) {
    if (key == "role_held") return rc_role_held(v, w);
    return false;
}

}  // namespace sim
