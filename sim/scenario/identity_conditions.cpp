// sim/scenario/identity_conditions.cpp — "signed_in", "mfa_registered", "account_locked"
// (sim/scenario/identity_conditions.hpp). They read the world's public queries (sim/identity.hpp) only.
#include "identity_conditions.hpp"

#include <algorithm>

#include "sim/identity.hpp"

namespace sim {

void validate_identity_condition(const std::string&, const nlohmann::json& v, const std::string& p,
                                 std::vector<ConditionError>& errors) {
    if (!v.is_string() || v.get<std::string>().find('@') == std::string::npos)
        errors.push_back({p, "must be a sign-in name such as \"ben@verein.onmicrosoft.com\""});
}

bool evaluate_identity_condition(const std::string& key, const nlohmann::json& v, const World& w,
                                 SimTime now) {
    const std::string upn = v.is_string() ? v.get<std::string>() : std::string();
    if (key == "signed_in") return is_signed_in(w, upn);
    if (key == "account_locked") return account_locked(w, upn, now);
    const AccountIdentity* a = identity_of(w, upn);
    return a != nullptr && a->mfa_registered && !a->phone_lost;
}

}  // namespace sim
