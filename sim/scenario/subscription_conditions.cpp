// sim/scenario/subscription_conditions.cpp — the conditions "subscription_state" and "invoice_exists"
// (sim/scenario/subscription_conditions.hpp). They read the world's public data (sim/subscriptions.hpp) only.
#include "subscription_conditions.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/subscriptions.hpp"
#include "sim/text.hpp"

namespace sim {

namespace {

constexpr long long kScMaxCents = 100'000'000'000LL;
const std::vector<std::string> kScStates = {"active", "expired", "disabled", "deleted"};

void sc_sku(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    if (v.contains("sku") && (!v["sku"].is_string() || v["sku"].get<std::string>().empty()))
        errors.push_back(
            {p + "/sku", "must be a SKU of the catalog, e.g. \"O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT\""});
}

void sc_validate_state(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    if (!v.is_object() || !v.contains("sku") || !v.contains("state")) {
        errors.push_back({p,
                          "needs \"sku\" (a SKU of the catalog) and \"state\" (active, expired, disabled or "
                          "deleted)"});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"sku", "state"}))
        errors.push_back({pointer, message});
    sc_sku(v, p, errors);
    const nlohmann::json& st = v["state"];
    if (!st.is_string() ||
        std::find(kScStates.begin(), kScStates.end(), st.get<std::string>()) == kScStates.end()) {
        std::string msg = "must be \"active\", \"expired\", \"disabled\" or \"deleted\"";
        if (st.is_string())
            if (const std::string hint = suggest_key(st.get<std::string>(), kScStates); !hint.empty())
                msg += fmt::format(" — did you mean \"{}\"?", hint);
        errors.push_back({p + "/state", msg});
    }
}

void sc_validate_invoice(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    if (!v.is_object()) {
        errors.push_back(
            {p, "must be an object: {} (any invoice), or with \"sku\" and/or \"min_amount_cents\""});
        return;
    }
    for (const auto& [pointer, message] : unknown_keys(v, p, {"sku", "min_amount_cents"}))
        errors.push_back({pointer, message});
    sc_sku(v, p, errors);
    if (v.contains("min_amount_cents")) {
        const nlohmann::json& m = v["min_amount_cents"];
        if (!m.is_number_integer() || m.get<long long>() < 0 || m.get<long long>() > kScMaxCents)
            errors.push_back({p + "/min_amount_cents",
                              fmt::format("must be a whole number of cents from 0 to {}", kScMaxCents)});
    }
}

bool sc_state(const nlohmann::json& v, const World& w) {
    const std::string sku = v.at("sku").get<std::string>();
    const std::string state = v.at("state").get<std::string>();
    for (const Subscription& s : w.subscriptions)
        if (s.sku == sku && state == to_string(s.status)) return true;
    return false;
}

bool sc_invoice(const nlohmann::json& v, const World& w) {
    const long long min = v.value("min_amount_cents", 0LL);
    for (const Invoice& inv : w.billing_history.invoices) {
        if (inv.amount_cents < min) continue;
        if (!v.contains("sku")) return true;
        for (const InvoiceLine& l : inv.lines)
            if (l.sku == v["sku"].get<std::string>()) return true;
    }
    return false;
}

}  // namespace

void validate_subscription_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                                     std::vector<ConditionError>& errors) {
    if (key == "subscription_state") sc_validate_state(v, p, errors);
    if (key == "invoice_exists") sc_validate_invoice(v, p, errors);
}

bool evaluate_subscription_condition(const std::string& key, const nlohmann::json& v, const World& w) {
    if (key == "subscription_state") return sc_state(v, w);
    if (key == "invoice_exists") return sc_invoice(v, w);
    return false;
}

}  // namespace sim
