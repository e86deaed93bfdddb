// sim/assessment.cpp — evaluating conditions, tracking objectives, scoring.
//
// [SECTION] Conditions
// [SECTION] Conditions over what happened (the journal)
// [SECTION] Parsing objectives and penalties
// [SECTION] References (npsim-cli check)
// [SECTION] Tracking and scoring
#include "sim/assessment.hpp"

#include "condition_areas.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "sim/faults.hpp"
#include "sim/json_input.hpp"
#include "sim/my_account.hpp"
#include "sim/shape.hpp"

namespace sim {

// [SECTION] Conditions

namespace {

const std::vector<std::string> kCoreConditionKeys = {"all",
                                                     "any",
                                                     "not",
                                                     "portal_status",
                                                     "tenant_exists",
                                                     "subscription",
                                                     "licensed",
                                                     "person",
                                                     "office_desktop",
                                                     "office_desktop_people",
                                                     "no_compliance_violations",
                                                     "mail",
                                                     "payment_method",
                                                     "billing_account",
                                                     "last_result",
                                                     "result",
                                                     "event",
                                                     "early_retries",
                                                     "before",
                                                     "within"};

// The core and history keys, then every area's (condition_areas.hpp).
const std::vector<std::string>& condition_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> all = kCoreConditionKeys;
        for (const ConditionArea& area : condition_areas())
            all.insert(all.end(), area.keys.begin(), area.keys.end());
        return all;
    }();
    return keys;
}

int active_seats(const World& w, const std::string& sku) {
    int n = 0;
    for (const auto& s : w.subscriptions)
        if (s.sku == sku && s.status == SubscriptionStatus::Active) n += s.quantity;
    return n;
}

// "active": effective now — propagated, and its subscription not Disabled (sim/subscriptions.hpp).
bool holds(const World& w, const Person& p, const std::string& sku, bool active_only) {
    const LicenceAssignment* l = p.licence(sku);
    return l && (!active_only || licence_works(w, *l));
}

}  // namespace

constexpr std::int64_t kMaxCount = 1'000'000;  // people, seats: the largest count a condition may ask for

namespace {

// The objects inside conditions, described once (sim/shape.hpp); they are checked, not read into structs.
struct ConditionArgs {};
const auto kSubscriptionCondition =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/5/properties/subscription", TypeWords::MustBe)
                  .known("sku", FieldType::String)
                  .known("min_quantity", FieldType::Integer)
                  .range(0, kMaxCount));
const auto kLicensedCondition =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/6/properties/licensed", TypeWords::MustBe)
                  .known("sku", FieldType::String)
                  .known("min_people", FieldType::Integer)
                  .range(0, kMaxCount)
                  .known("state", FieldType::String)
                  .known("upn", FieldType::String)
                  .wrong_type("must be a sign-in name"));
const auto kPersonCondition =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/7/properties/person", TypeWords::MustBe)
                  .known("upn", FieldType::String)
                  .known("exists", FieldType::Bool)
                  .wrong_type("must be true or false")
                  .known("usage_location", FieldType::String)
                  .wrong_type("must be a text")
                  .known("role", FieldType::String)
                  .known("sign_in_blocked", FieldType::Bool)
                  .wrong_type("must be true or false")
                  .known("kind", FieldType::String)
                  .wrong_type("must be a text"));
const auto kMailCondition =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/11/properties/mail", TypeWords::MustBe)
                  .known("to", FieldType::String)
                  .known("subject_key", FieldType::String));

// Each of `fields` that is present in `v`, checked for its type and range.
void check_fields(const ObjectShape& shape, const nlohmann::json& v, const std::string& p,
                  std::initializer_list<const char*> fields, std::vector<ConditionError>& errors) {
    ShapeErrors found;
    FieldValue ignored;
    for (const char* f : fields) shape.value(v, f, p, ignored, found);
    for (const auto& e : found) errors.push_back({e.pointer, e.message});
}

// Unknown keys of `v`, then `fields` (check_fields).
void check_args(const ObjectShape& shape, const nlohmann::json& v, const std::string& p,
                std::initializer_list<const char*> fields, std::vector<ConditionError>& errors) {
    ShapeErrors found;
    shape.check_keys(v, p, found);
    for (const auto& e : found) errors.push_back({e.pointer, e.message});
    check_fields(shape, v, p, fields, errors);
}

}  // namespace

namespace {
// The conditions over what happened ([SECTION] Conditions over what happened).
bool is_history_condition(const std::string& key);
void validate_history_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                                std::vector<ConditionError>& errors);
bool evaluate_history_condition(const std::string& key, const nlohmann::json& v, const Simulation& s,
                                HistoryMemo* memo);
}  // namespace

bool validate_condition(const nlohmann::json& c, const std::string& pointer,
                        std::vector<ConditionError>& errors) {
    const std::size_t before = errors.size();
    auto err = [&](const std::string& p, std::string m) { errors.push_back({p, std::move(m)}); };
    auto whole = [&](const nlohmann::json& n, const std::string& p, std::int64_t lo, std::int64_t hi) {
        NumberError why;
        if (!integer_in_range(n, p, lo, hi, why)) err(why.pointer, why.message);
    };
    if (!c.is_object() || c.size() != 1) {
        err(pointer, "a condition is an object with exactly one key, e.g. {\"portal_status\": \"approved\"}");
        return false;
    }
    const std::string key = c.begin().key();
    const nlohmann::json& v = c.begin().value();
    const std::string p = pointer + "/" + key;
    const std::vector<std::string>& keys = condition_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        err(p, unknown_key_message(key, keys, "condition"));
        return false;
    }
    if (key == "all" || key == "any") {
        if (!v.is_array() || v.empty())
            err(p, "must be a non-empty array of conditions");
        else
            for (std::size_t i = 0; i < v.size(); ++i)
                validate_condition(v[i], fmt::format("{}/{}", p, i), errors);
    } else if (key == "not") {
        validate_condition(v, p, errors);
    } else if (key == "portal_status") {
        auto check = [&](const nlohmann::json& s, const std::string& where) {
            PortalStatus st;
            if (!s.is_string() || !parse_portal_status(s.get<std::string>(), st))
                err(where,
                    "must be a portal status: none, draft, pending, info_requested, approved, declined, "
                    "reverify_required");
        };
        if (v.is_array())
            for (std::size_t i = 0; i < v.size(); ++i) check(v[i], fmt::format("{}/{}", p, i));
        else
            check(v, p);
    } else if (key == "tenant_exists" || key == "no_compliance_violations" || key == "payment_method") {
        if (!v.is_boolean()) err(p, "must be true or false");
    } else if (key == "subscription") {
        if (!v.is_object() || !v.contains("sku") || !v["sku"].is_string())
            err(p, "needs \"sku\"");
        else {
            check_args(kSubscriptionCondition, v, p, {"min_quantity"}, errors);
        }
    } else if (key == "licensed") {
        if (!v.is_object() || !v.contains("sku") || !v["sku"].is_string())
            err(p, "needs \"sku\"");
        else {
            check_args(kLicensedCondition, v, p, {"min_people"}, errors);
            if (v.contains("state") && v["state"] != "active" && v["state"] != "any")
                err(p + "/state", "must be \"active\" or \"any\"");
            check_fields(kLicensedCondition, v, p, {"upn"}, errors);
        }
    } else if (key == "person") {
        if (!v.is_object() || !v.contains("upn") || !v["upn"].is_string())
            err(p, "needs \"upn\"");
        else {
            check_args(kPersonCondition, v, p, {"exists", "sign_in_blocked", "usage_location", "kind"},
                       errors);
            Role r;
            if (v.contains("role") &&
                (!v["role"].is_string() || !parse_role(v["role"].get<std::string>(), r)))
                err(p + "/role",
                    "must be global_admin, billing_admin, license_admin, user_admin, domain_name_admin, "
                    "exchange_admin or teams_admin");
        }
    } else if (key == "billing_account") {
        if (v != "not_reviewed" && v != "under_review" && v != "cleared")
            err(p, "must be \"not_reviewed\", \"under_review\" or \"cleared\"");
    } else if (is_history_condition(key)) {
        validate_history_condition(key, v, p, errors);
    } else if (const ConditionArea* area = condition_area_of(key)) {
        area->validate(key, v, p, errors);
    } else if (key == "office_desktop") {
        if (!v.is_string()) err(p, "must be the sign-in name of a person");
    } else if (key == "office_desktop_people") {
        whole(v, p, 0, kMaxCount);
    } else if (key == "mail") {
        if (!v.is_object() || !v.contains("to") || !v.contains("subject_key") || !v["to"].is_string() ||
            !v["subject_key"].is_string())
            err(p, "needs \"to\" (a sign-in name) and \"subject_key\" (e.g. \"mail.approved.subject\")");
        else
            check_args(kMailCondition, v, p, {}, errors);
    }
    return errors.size() == before;
}

static bool evaluate_checked(const nlohmann::json& c, const Simulation& s, HistoryMemo* memo);

bool evaluate_condition(const nlohmann::json& c, const Simulation& s) {
    return evaluate_condition(c, s, nullptr);
}

bool evaluate_condition(const nlohmann::json& c, const Simulation& s, HistoryMemo* memo) {
    // Conditions are validated at load; this guard keeps a hand-built one from ever crashing a run.
    try {
        return evaluate_checked(c, s, memo);
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

static bool evaluate_checked(const nlohmann::json& c, const Simulation& s, HistoryMemo* memo) {
    if (!c.is_object() || c.size() != 1) return false;
    const World& w = s.world();
    const std::string key = c.begin().key();
    const nlohmann::json& v = c.begin().value();
    if (key == "all") {
        for (const auto& x : v)
            if (!evaluate_checked(x, s, memo)) return false;
        return true;
    }
    if (key == "any") {
        for (const auto& x : v)
            if (evaluate_checked(x, s, memo)) return true;
        return false;
    }
    if (key == "not") return !evaluate_checked(v, s, memo);
    if (key == "portal_status") {
        const std::string now = to_string(w.organisation.status);
        if (v.is_array()) {
            for (const auto& x : v)
                if (x == now) return true;
            return false;
        }
        return v == now;
    }
    if (key == "tenant_exists") return w.tenant.exists == v.get<bool>();
    if (key == "payment_method") return w.billing.payment_methods.empty() != v.get<bool>();
    if (key == "no_compliance_violations") {
        int open = 0;
        for (const auto& cv : w.violations) open += cv.resolved_at < 0 ? 1 : 0;
        return (open == 0) == v.get<bool>();
    }
    if (key == "subscription")
        return active_seats(w, v["sku"].get<std::string>()) >= v.value("min_quantity", 1);
    if (key == "licensed") {
        const std::string sku = v["sku"].get<std::string>();
        const bool active_only = v.value("state", std::string("active")) == "active";
        if (v.contains("upn")) {
            const Person* p = w.find_person(v["upn"].get<std::string>());
            return is_usable(p) && holds(w, *p, sku, active_only);
        }
        int n = 0;
        for (const auto& p : w.people) n += (!p.deleted && holds(w, p, sku, active_only)) ? 1 : 0;
        return n >= v.value("min_people", 1);
    }
    if (key == "person") {
        const Person* p = w.find_person(v["upn"].get<std::string>());
        const bool exists = is_usable(p);
        if (v.value("exists", true) != exists) return false;
        if (!exists) return true;
        if (v.contains("usage_location") && p->usage_location != v["usage_location"].get<std::string>())
            return false;
        if (v.contains("sign_in_blocked") && p->sign_in_blocked != v["sign_in_blocked"].get<bool>())
            return false;
        if (v.contains("kind") && to_string(p->kind) != v["kind"].get<std::string>()) return false;
        if (v.contains("role")) {
            Role r;
            if (!parse_role(v["role"].get<std::string>(), r) || !p->has_role(r)) return false;
        }
        return true;
    }
    if (key == "billing_account") return v == to_string(w.billing.status);
    if (is_history_condition(key)) return evaluate_history_condition(key, v, s, memo);
    if (const ConditionArea* area = condition_area_of(key)) return area->evaluate(key, v, w, s.now());
    if (key == "office_desktop") return office_apps_view(w, v.get<std::string>()).desktop_install;
    if (key == "office_desktop_people") {
        int n = 0;
        for (const auto& p : w.people)
            n += (!p.deleted && office_apps_view(w, p.upn).desktop_install) ? 1 : 0;
        return n >= v.get<int>();
    }
    if (key == "mail") {
        const Person* p = w.find_person(v.value("to", ""));
        if (!p) return false;
        for (const auto& m : p->inbox)
            if (m.subject_key == v.value("subject_key", "")) return true;
        return false;
    }
    return false;
}

// [SECTION] Conditions over what happened (the journal)
//
// "result", "event", "early_retries", "before", "within" and "last_result" read the simulation's journal
// (sim/journal.hpp), not the world: results of operations, background events and fault firings. A
// "happening" (in "before" and "within") is {"result": {…}} or {"event": {…}} without counts; its first
// occurrence is the first matching journal entry. An evaluation reads the journal entries it has not read
// yet (all of them without a HistoryMemo; with the tracker's, each entry once over the run).

constexpr std::size_t kHistoryNever = static_cast<std::size_t>(-1);

// What one condition over what happened has read of the journal: entries [0, scanned) are accounted
// for. A fresh evaluation starts from an empty one; an AssessmentTracker keeps one per condition, so each
// journal entry is read once per condition over the whole run.
struct HistoryRead {
    std::size_t scanned = 0;
    std::int64_t count = 0;                // result, event, early_retries: matches so far
    std::size_t first = kHistoryNever;     // before: A's first; within: "from"'s first
    std::size_t second = kHistoryNever;    // before: B's first; within: the first "to" after "from"
    std::optional<std::string> last_code;  // last_result: the code of the latest matching result
    JournalEntry last_entry;               // the entry at scanned - 1: the journal must still start so
};

struct HistoryMemo {
    std::map<const nlohmann::json*, HistoryRead> reads;  // by condition (its value in the Assessment)
};

namespace {

const std::vector<std::string> kHistHappeningKeys = {"result", "event"};
constexpr const char* kHistCodeHint = "an error code, \"ok\", or a glob such as \"licences.*\"";

const auto kHistResultCount =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/15/properties/result", TypeWords::MustBe)
                  .known("operation", FieldType::String)
                  .known("code", FieldType::String)
                  .known("actor", FieldType::String)
                  .wrong_type("must be a sign-in name or a glob such as \"*@verein.onmicrosoft.com\"")
                  .known("at_least", FieldType::Integer)
                  .range(0, kMaxCount)
                  .known("at_most", FieldType::Integer)
                  .range(0, kMaxCount));
const auto kHistEventCount =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/16/properties/event", TypeWords::MustBe)
                  .known("kind", FieldType::String)
                  .known("data", FieldType::Object)
                  .wrong_type("must be an object of the event's data to match, e.g. {\"upn\": \"…\"}")
                  .known("at_least", FieldType::Integer)
                  .range(0, kMaxCount)
                  .known("at_most", FieldType::Integer)
                  .range(0, kMaxCount));
const auto kHistResultOnce =
    described(Shape<ConditionArgs>("#/$defs/happening/oneOf/0/properties/result", TypeWords::MustBe)
                  .known("operation", FieldType::String)
                  .known("code", FieldType::String)
                  .known("actor", FieldType::String)
                  .wrong_type("must be a sign-in name or a glob such as \"*@verein.onmicrosoft.com\""));
const auto kHistEventOnce =
    described(Shape<ConditionArgs>("#/$defs/happening/oneOf/1/properties/event", TypeWords::MustBe)
                  .known("kind", FieldType::String)
                  .known("data", FieldType::Object)
                  .wrong_type("must be an object of the event's data to match, e.g. {\"upn\": \"…\"}"));
const auto kHistEarlyRetries =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/17/properties/early_retries", TypeWords::MustBe)
                  .known("operation", FieldType::String)
                  .known("at_least", FieldType::Integer)
                  .range(0, kMaxCount)
                  .known("at_most", FieldType::Integer)
                  .range(0, kMaxCount));
const auto kHistWithin =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/19/properties/within", TypeWords::MustBe)
                  .known("from", FieldType::Object)
                  .wrong_type("must be a happening: {\"result\": {…}} or {\"event\": {…}}")
                  .known("to", FieldType::Object)
                  .wrong_type("must be a happening: {\"result\": {…}} or {\"event\": {…}}")
                  .known("max", FieldType::String)
                  .wrong_type("must be a duration such as \"3 business days\" or \"2h\""));
const auto kHistLastResult =
    described(Shape<ConditionArgs>("#/$defs/condition/oneOf/14/properties/last_result", TypeWords::MustBe)
                  .known("operation", FieldType::String)
                  .known("error", FieldType::String));

bool is_history_condition(const std::string& key) {
    return key == "result" || key == "event" || key == "early_retries" || key == "before" ||
           key == "within" || key == "last_result";
}

// "at_most" below "at_least": the condition could never hold (at_least defaults to 0 beside at_most).
void hist_check_bounds(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    const auto most = v.find("at_most");
    const auto least = v.find("at_least");
    if (most == v.end() || least == v.end() || !most->is_number_integer() || !least->is_number_integer())
        return;
    if (most->get<std::int64_t>() < least->get<std::int64_t>())
        errors.push_back({p + "/at_most", fmt::format("must not be below \"at_least\" ({}): the condition "
                                                      "could never hold",
                                                      least->get<std::int64_t>())});
}

// A happening's object without "at_least" and "at_most", each reported: a happening is not counted.
nlohmann::json hist_without_counts(const nlohmann::json& v, const std::string& p,
                                   std::vector<ConditionError>& errors) {
    nlohmann::json rest = v;
    for (const char* count : {"at_least", "at_most"})
        if (rest.erase(count) > 0)
            errors.push_back({p + "/" + count,
                              "a happening has no count: \"before\" and \"within\" use its "
                              "first occurrence (count with a \"result\" or \"event\" "
                              "condition beside it)"});
    return rest;
}

// The object of a "result" or "event" (with_counts: a counting condition; else a happening).
void hist_validate_spec(const std::string& key, const nlohmann::json& v, const std::string& p,
                        bool with_counts, std::vector<ConditionError>& errors) {
    if (key == "result") {
        if (!v.is_object() || !v.contains("operation") || !v["operation"].is_string()) {
            errors.push_back({p,
                              "needs \"operation\" (an operation or a glob such as \"licences.*\"); "
                              "\"code\" is optional (" +
                                  std::string(kHistCodeHint) + "; default \"*\", any)"});
            return;
        }
        if (with_counts)
            check_args(kHistResultCount, v, p, {"code", "actor", "at_least", "at_most"}, errors);
        else
            check_args(kHistResultOnce, hist_without_counts(v, p, errors), p, {"code", "actor"}, errors);
    } else {
        if (!v.is_object() || !v.contains("kind") || !v["kind"].is_string()) {
            errors.push_back(
                {p, "needs \"kind\" (a background event such as \"portal.verification_finished\")"});
            return;
        }
        if (with_counts)
            check_args(kHistEventCount, v, p, {"data", "at_least", "at_most"}, errors);
        else
            check_args(kHistEventOnce, hist_without_counts(v, p, errors), p, {"data"}, errors);
    }
    if (with_counts) hist_check_bounds(v, p, errors);
}

// A happening: {"result": {…}} or {"event": {…}}, without counts.
void hist_validate_happening(const nlohmann::json& h, const std::string& p,
                             std::vector<ConditionError>& errors) {
    if (!h.is_object() || h.size() != 1) {
        errors.push_back({p, "a happening is an object with one key: {\"result\": {…}} or {\"event\": {…}}"});
        return;
    }
    const std::string key = h.begin().key();
    if (key != "result" && key != "event") {
        const bool condition =
            std::find(condition_keys().begin(), condition_keys().end(), key) != condition_keys().end();
        errors.push_back({p + "/" + key, condition
                                             ? fmt::format("\"{}\" is a condition, not a happening: use "
                                                           "{{\"result\": {{…}}}} or {{\"event\": {{…}}}}",
                                                           key)
                                             : unknown_key_message(key, kHistHappeningKeys, "happening")});
        return;
    }
    hist_validate_spec(key, h.begin().value(), p + "/" + key, false, errors);
}

void hist_validate_within(const nlohmann::json& v, const std::string& p,
                          std::vector<ConditionError>& errors) {
    if (!v.is_object() || !v.contains("from") || !v.contains("to") || !v.contains("max")) {
        errors.push_back({p,
                          "needs \"from\" and \"to\" (happenings) and \"max\" (a duration such as \"3 "
                          "business days\")"});
        return;
    }
    check_args(kHistWithin, v, p, {"from", "to", "max"}, errors);
    if (v["from"].is_object()) hist_validate_happening(v["from"], p + "/from", errors);
    if (v["to"].is_object()) hist_validate_happening(v["to"], p + "/to", errors);
    if (!v["max"].is_string()) return;
    std::string why;
    if (!parse_duration(v["max"].get<std::string>(), &why))
        errors.push_back({p + "/max", why.empty() ? "must be a duration such as \"3 business days\"" : why});
}

void validate_history_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                                std::vector<ConditionError>& errors) {
    if (key == "result" || key == "event") {
        hist_validate_spec(key, v, p, true, errors);
    } else if (key == "early_retries") {
        if (!v.is_object() || !(v.contains("at_most") || v.contains("at_least"))) {
            errors.push_back({p,
                              "needs \"at_most\" (or \"at_least\"), e.g. {\"operation\": \"licences.*\", "
                              "\"at_most\": 0}"});
            return;
        }
        check_args(kHistEarlyRetries, v, p, {"operation", "at_least", "at_most"}, errors);
        hist_check_bounds(v, p, errors);
    } else if (key == "before") {
        if (!v.is_array() || v.size() != 2) {
            errors.push_back(
                {p, "must be [A, B]: two happenings, each {\"result\": {…}} or {\"event\": {…}}"});
            return;
        }
        for (std::size_t i = 0; i < 2; ++i) hist_validate_happening(v[i], fmt::format("{}/{}", p, i), errors);
    } else if (key == "within") {
        hist_validate_within(v, p, errors);
    } else if (key == "last_result") {
        if (!v.is_object() || !v.contains("operation") || !v["operation"].is_string() ||
            !v.contains("error") || !v["error"].is_string())
            errors.push_back({p,
                              "needs \"operation\" (a glob such as \"billing.*\") and \"error\" (an error "
                              "code, or \"ok\")"});
        else
            check_args(kHistLastResult, v, p, {}, errors);
    }
}

// A "result" or "event" spec, read once per evaluation.
struct HistSpec {
    bool result = true;      // "result"; false: "event"
    std::string pattern;     // the operation or event kind (glob)
    std::string code = "*";  // results: the code (glob; "ok" for success)
    std::string actor;       // results: the acting person (glob); "" = anyone
    bool has_actor = false;
    const nlohmann::json* data = nullptr;  // events: the data to match (a subset)
};

HistSpec hist_spec(const std::string& key, const nlohmann::json& v) {
    HistSpec h;
    h.result = key == "result";
    h.pattern = v.value(h.result ? "operation" : "kind", std::string());
    h.code = v.value("code", std::string("*"));
    if (auto a = v.find("actor"); a != v.end() && a->is_string()) {
        h.actor = a->get<std::string>();
        h.has_actor = true;
    }
    if (auto d = v.find("data"); d != v.end() && d->is_object()) h.data = &*d;
    return h;
}

// The journal with the actor of each action, looked up once when a spec names an actor.
class HistJournal {
public:
    explicit HistJournal(const Simulation& s) : entries_(s.journal().entries()) {}
    const std::vector<JournalEntry>& entries() const { return entries_; }
    const std::string& actor_of(std::uint64_t handle) const {
        if (!indexed_) {
            for (const JournalEntry& e : entries_)
                if (e.kind == "action")
                    actors_[e.body.value("handle", std::uint64_t{0})] =
                        e.body.at("action").value("actor", std::string());
            indexed_ = true;
        }
        static const std::string none;
        auto it = actors_.find(handle);
        return it == actors_.end() ? none : it->second;
    }
    // The operation of the action `handle`, journaled before entry `i` (a fault follows its action closely).
    std::string type_before(std::size_t i, std::uint64_t handle) const {
        while (i-- > 0) {
            const JournalEntry& e = entries_[i];
            if (e.kind == "action" && e.body.value("handle", std::uint64_t{0}) == handle)
                return e.body.at("action").value("type", std::string());
        }
        return {};
    }

private:
    const std::vector<JournalEntry>& entries_;
    mutable std::map<std::uint64_t, std::string> actors_;
    mutable bool indexed_ = false;
};

// The text at `key` of a journal body, without a copy ("" when absent): matching runs after every event.
std::string_view hist_text(const nlohmann::json& body, const char* key) {
    const auto it = body.find(key);
    return it != body.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>())
                                               : std::string_view();
}

bool hist_matches(const HistJournal& j, std::size_t i, const HistSpec& h) {
    const JournalEntry& e = j.entries()[i];
    if (h.result) {
        if (e.kind != "result" || !glob_match(h.pattern, hist_text(e.body, "type"))) return false;
        const auto r = e.body.find("result");
        if (r == e.body.end() || !r->is_object()) return false;
        const auto ok = r->find("ok");
        const bool succeeded = ok != r->end() && ok->is_boolean() && ok->get<bool>();
        if (!glob_match(h.code, succeeded ? std::string_view("ok") : hist_text(*r, "code"))) return false;
        return !h.has_actor || glob_match(h.actor, j.actor_of(e.body.value("handle", std::uint64_t{0})));
    }
    if (e.kind != "event" || !glob_match(h.pattern, hist_text(e.body, "kind"))) return false;
    if (h.data == nullptr) return true;
    const auto d = e.body.find("data");
    if (d == e.body.end() || !d->is_object()) return h.data->empty();
    for (const auto& [k, want] : h.data->items())
        if (auto got = d->find(k); got == d->end() || *got != want) return false;
    return true;
}

HistSpec hist_happening(const nlohmann::json& h) {
    return hist_spec(h.begin().key(), h.begin().value());
}

// The condition's part of one journal entry `i`.
void hist_read(const std::string& key, const nlohmann::json& v, const HistJournal& j, std::size_t i,
               const HistSpec& a, const HistSpec& b, HistoryRead& r) {
    const JournalEntry& e = j.entries()[i];
    if (key == "result" || key == "event") {
        r.count += hist_matches(j, i, a) ? 1 : 0;
    } else if (key == "early_retries") {
        if (e.kind != "fault" || !e.body.value("early_retry", false)) return;
        const std::string& op = a.pattern;
        r.count +=
            (op == "*" || glob_match(op, j.type_before(i, e.body.value("handle", std::uint64_t{0})))) ? 1 : 0;
    } else if (key == "before") {
        if (r.second == kHistoryNever && hist_matches(j, i, b)) r.second = i;
        if (r.first == kHistoryNever && hist_matches(j, i, a)) r.first = i;
    } else if (key == "within") {
        if (r.first == kHistoryNever) {
            if (hist_matches(j, i, a)) r.first = i;
        } else if (r.second == kHistoryNever && hist_matches(j, i, b)) {
            r.second = i;
        }
    } else if (e.kind == "result" &&
               glob_match(v.at("operation").get_ref<const std::string&>(), hist_text(e.body, "type"))) {
        const nlohmann::json& res = e.body.at("result");
        r.last_code = res.value("ok", false) ? std::string("ok") : res.value("code", std::string());
    }
}

bool hist_verdict(const std::string& key, const nlohmann::json& v, const HistJournal& j, const HistoryRead& r,
                  const Simulation& s) {
    if (key == "result" || key == "event" || key == "early_retries") {
        // at_least defaults to 1 for results and events, 0 for early retries, and 0 beside at_most.
        const std::int64_t hi = v.contains("at_most") ? v["at_most"].get<std::int64_t>() : -1;
        const std::int64_t lo = v.value("at_least", hi >= 0 || key == "early_retries" ? 0 : 1);
        return r.count >= lo && (hi < 0 || r.count <= hi);
    }
    if (key == "before") return r.first != kHistoryNever && r.second != kHistoryNever && r.first < r.second;
    if (key == "within") {
        const auto max = parse_duration(v.at("max").get<std::string>());
        if (r.first == kHistoryNever || r.second == kHistoryNever || !max) return false;
        return j.entries()[r.second].time <= apply_duration(s.calendar(), j.entries()[r.first].time, *max);
    }
    return r.last_code && v.at("error") == *r.last_code;  // last_result; never answered: false
}

bool evaluate_history_condition(const std::string& key, const nlohmann::json& v, const Simulation& s,
                                HistoryMemo* memo) {
    const HistJournal j(s);
    const auto& entries = j.entries();
    HistoryRead fresh;
    HistoryRead& r = memo ? memo->reads[&v] : fresh;
    // A journal that is not the one read so far (shorter, or another entry where the last read one was).
    if (r.scanned > entries.size() || (r.scanned > 0 && (entries[r.scanned - 1].time != r.last_entry.time ||
                                                         entries[r.scanned - 1].kind != r.last_entry.kind ||
                                                         entries[r.scanned - 1].body != r.last_entry.body)))
        r = HistoryRead{};
    if (r.scanned < entries.size()) {
        HistSpec a, b;
        if (key == "result" || key == "event") a = hist_spec(key, v);
        if (key == "early_retries") a.pattern = v.value("operation", std::string("*"));
        if (key == "before") {
            a = hist_happening(v.at(0));
            b = hist_happening(v.at(1));
        }
        if (key == "within") {
            a = hist_happening(v.at("from"));
            b = hist_happening(v.at("to"));
        }
        for (std::size_t i = r.scanned; i < entries.size(); ++i) hist_read(key, v, j, i, a, b, r);
        r.scanned = entries.size();
        if (memo) r.last_entry = entries.back();
    }
    return hist_verdict(key, v, j, r, s);
}

}  // namespace

bool reads_history(const nlohmann::json& c) {
    if (!c.is_object() || c.size() != 1) return false;
    const std::string key = c.begin().key();
    const nlohmann::json& v = c.begin().value();
    if (key == "all" || key == "any")
        return v.is_array() &&
               std::any_of(v.begin(), v.end(), [](const nlohmann::json& x) { return reads_history(x); });
    if (key == "not") return reads_history(v);
    return is_history_condition(key);
}

bool reads_history(const Assessment& a) {
    return std::any_of(a.objectives.begin(), a.objectives.end(),
                       [](const Objective& o) { return reads_history(o.condition); });
}

// [SECTION] Parsing objectives and penalties

namespace {

// The objects of "objectives" and "penalties", described once (sim/shape.hpp).
const auto kObjectivesShape = described(
    Shape<Assessment>("#/properties/objectives/anyOf/1", TypeWords::MustBe).known("ordered").known("items"));
const auto kObjectiveShape = described(Shape<Objective>("#/$defs/objective", TypeWords::MustBe)
                                           .known("id", FieldType::String)
                                           .wrong_type("must be a string")
                                           .known("title")
                                           .integer("weight", &Objective::weight, 0, 1000)
                                           .known("condition")
                                           .known("feedback")
                                           .known("hints"));
const auto kFeedbackShape =
    described(Shape<Objective>("#/$defs/objective/properties/feedback", TypeWords::MustBe)
                  .known("met")
                  .known("not_met"));
const auto kConditionTextShape = described(Shape<LocalText>("#/$defs/text/anyOf/1", TypeWords::MustBe)
                                               .string("en", &LocalText::en)
                                               .wrong_type("must be a text")
                                               .string("de", &LocalText::de)
                                               .wrong_type("must be a text"));
const auto kPenaltiesShape = described(Shape<Penalties>("#/properties/penalties", TypeWords::MustBe)
                                           .known("compliance_violation")
                                           .known("early_retry")
                                           .known("paid_where_free")
                                           .known("failed_actions"));
// Described for the schema; their keys are not checked (they never were).
const auto kPaidWhereFreeShape = described(
    Shape<Penalties>("#/properties/penalties/properties/paid_where_free").known("points").known("skus"));
const auto kFailedActionShape =
    described(Shape<FailedActionPenalty>("#/properties/penalties/properties/failed_actions/items")
                  .known("operation")
                  .known("points"));

void take(const ShapeErrors& found, std::vector<ConditionError>& errors) {
    for (const auto& e : found) errors.push_back({e.pointer, e.message});
}

// A text or {"en": …, "de": …}; anything else is reported at `pointer`.
LocalText local_text(const nlohmann::json& j, const std::string& pointer,
                     std::vector<ConditionError>& errors) {
    LocalText t;
    if (j.is_null()) return t;
    if (j.is_string()) {
        t.en = j.get<std::string>();
    } else if (j.is_object()) {
        ShapeErrors found;
        kConditionTextShape.check_keys(j, pointer, found);
        kConditionTextShape.read(j, pointer, t, found);
        take(found, errors);
    } else {
        errors.push_back({pointer, "must be a text or {\"en\": …, \"de\": …}"});
    }
    return t;
}

Objective read_objective(const nlohmann::json& j, std::size_t i, const std::string& p,
                         std::vector<ConditionError>& errors) {
    auto err = [&](const std::string& where, std::string m) { errors.push_back({where, std::move(m)}); };
    ShapeErrors found;
    kObjectiveShape.check_keys(j, p, found);
    take(found, errors);
    Objective ob;
    ob.id = fmt::format("objective-{}", i + 1);
    if (!j.contains("title")) err(p, "missing required key \"title\"");
    ob.title = local_text(j.value("title", nlohmann::json()), p + "/title", errors);
    FieldValue id;
    found.clear();
    if (kObjectiveShape.value(j, "id", p, id, found)) ob.id = id.string;
    kObjectiveShape.read(j, "weight", p, ob, found);
    take(found, errors);
    if (!j.contains("condition"))
        err(p, "missing required key \"condition\"");
    else if (validate_condition(j["condition"], p + "/condition", errors))
        ob.condition = j["condition"];
    if (j.contains("feedback")) {
        const auto& f = j["feedback"];
        if (!f.is_object())
            err(p + "/feedback", "must be {\"met\": …, \"not_met\": …}");
        else {
            found.clear();
            kFeedbackShape.check_keys(f, p + "/feedback", found);
            take(found, errors);
            ob.feedback_met = local_text(f.value("met", nlohmann::json()), p + "/feedback/met", errors);
            ob.feedback_not_met =
                local_text(f.value("not_met", nlohmann::json()), p + "/feedback/not_met", errors);
        }
    }
    if (j.contains("hints")) {
        if (!j["hints"].is_array())
            err(p + "/hints", "must be an array of texts");
        else
            for (std::size_t h = 0; h < j["hints"].size(); ++h)
                ob.hints.push_back(local_text(j["hints"][h], fmt::format("{}/hints/{}", p, h), errors));
    }
    return ob;
}

// "objectives": an array, or {"ordered": true, "items": [ … ]}.
void read_objectives(const nlohmann::json& root, Assessment& a, std::vector<ConditionError>& errors) {
    auto err = [&](const std::string& p, std::string m) { errors.push_back({p, std::move(m)}); };
    const nlohmann::json* items = nullptr;
    std::string base = "/objectives";
    if (auto o = root.find("objectives"); o != root.end()) {
        if (o->is_array())
            items = &*o;
        else if (o->is_object()) {
            if (o->contains("ordered") && !(*o)["ordered"].is_boolean())
                err(base + "/ordered", "must be true or false");
            else
                a.ordered = o->value("ordered", false);
            ShapeErrors found;
            kObjectivesShape.check_keys(*o, base, found);
            take(found, errors);
            if (o->contains("items") && (*o)["items"].is_array()) {
                items = &(*o)["items"];
                base += "/items";
            } else
                err(base, "must have \"items\": [ … ]");
        } else
            err(base, "must be an array of objectives or {\"ordered\": true, \"items\": [ … ]}");
    }
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& j = (*items)[i];
        const std::string p = fmt::format("{}/{}", base, i);
        if (!j.is_object()) {
            err(p, "an objective must be an object");
            continue;
        }
        a.objectives.push_back(read_objective(j, i, p, errors));
    }
}

// Penalty points: a whole number from 0 to 100.
void read_points(const nlohmann::json& v, const std::string& p, int& out,
                 std::vector<ConditionError>& errors) {
    NumberError why;
    if (auto n = integer_in_range(v, p, 0, 100, why))
        out = static_cast<int>(*n);
    else
        errors.push_back({p, "must be points from 0 to 100, not " +
                                 (v.is_number() ? v.dump() : std::string(v.type_name()))});
}

void read_penalties(const nlohmann::json& pen, Penalties& out, std::vector<ConditionError>& errors) {
    auto err = [&](const std::string& p, std::string m) { errors.push_back({p, std::move(m)}); };
    ShapeErrors found;
    kPenaltiesShape.check_keys(pen, "/penalties", found);
    take(found, errors);
    if (pen.contains("compliance_violation"))
        read_points(pen["compliance_violation"], "/penalties/compliance_violation", out.compliance_violation,
                    errors);
    if (pen.contains("early_retry"))
        read_points(pen["early_retry"], "/penalties/early_retry", out.early_retry, errors);
    if (pen.contains("paid_where_free")) {
        const auto& v = pen["paid_where_free"];
        if (!v.is_object() || !v.contains("skus") || !v["skus"].is_array())
            err("/penalties/paid_where_free", "must be {\"points\": N, \"skus\": [ … ]}");
        else {
            if (v.contains("points"))
                read_points(v["points"], "/penalties/paid_where_free/points", out.paid_where_free, errors);
            for (const auto& s : v["skus"])
                if (s.is_string()) out.paid_where_free_skus.push_back(s.get<std::string>());
        }
    }
    if (!pen.contains("failed_actions")) return;
    const auto& v = pen["failed_actions"];
    if (!v.is_array()) {
        err("/penalties/failed_actions", "must be an array of {\"operation\": glob, \"points\": N}");
        return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        FailedActionPenalty f;
        const std::string p = fmt::format("/penalties/failed_actions/{}", i);
        if (!v[i].is_object() || !v[i].contains("operation") || !v[i]["operation"].is_string()) {
            err(p, "needs \"operation\" (a glob such as \"portal.*\") and \"points\"");
            continue;
        }
        f.operation = v[i]["operation"].get<std::string>();
        read_points(v[i].value("points", nlohmann::json(0)), p + "/points", f.points, errors);
        out.failed_actions.push_back(f);
    }
}

}  // namespace

Assessment assessment_from_scenario(const nlohmann::json& root, std::vector<ConditionError>& errors) {
    Assessment a;
    read_objectives(root, a, errors);
    if (auto pen = root.find("penalties"); pen != root.end()) {
        if (!pen->is_object())
            errors.push_back({"/penalties", "must be an object"});
        else
            read_penalties(*pen, a.penalties, errors);
    }
    return a;
}

// [SECTION] References (npsim-cli check)

namespace {

using ConditionVisit = std::function<void(const nlohmann::json& c, const std::string& pointer)>;

void visit_condition_tree(const nlohmann::json& c, const std::string& pointer, const ConditionVisit& visit) {
    if (!c.is_object()) return;
    visit(c, pointer);
    if (c.size() != 1) return;
    const std::string key = c.begin().key();
    const nlohmann::json& v = c.begin().value();
    const std::string p = pointer + "/" + key;
    if ((key == "all" || key == "any") && v.is_array())
        for (std::size_t i = 0; i < v.size(); ++i)
            visit_condition_tree(v[i], fmt::format("{}/{}", p, i), visit);
    else if (key == "not")
        visit_condition_tree(v, p, visit);
}

// "unknown <what> "x"", with " — did you mean "y"?" when one of `known` is close.
std::string condition_ref_unknown(const char* what, const std::string& name,
                                  const std::vector<std::string>& known, const std::string& where = {}) {
    const std::string hint = suggest_key(name, known);
    if (hint.empty()) return fmt::format("unknown {} \"{}\"{}", what, name, where);
    return fmt::format("unknown {} \"{}\"{} — did you mean \"{}\"?", what, name, where, hint);
}

bool condition_ref_known(const std::vector<std::string>& known, const std::string& name) {
    return std::find(known.begin(), known.end(), name) != known.end();
}

// A name that is not a glob ("licences.assign", not "licences.*") is checked against `known`.
bool hist_is_glob(const std::string& s) {
    return s.find_first_of("*?") != std::string::npos;
}

// ""licence.*" matches no operation", with a "did you mean" among the names and their areas ("licences.*").
std::string hist_no_match(const char* what, const std::string& glob, const std::vector<std::string>& names) {
    std::vector<std::string> candidates = names;
    for (const std::string& n : names)
        if (const auto dot = n.find('.'); dot != std::string::npos)
            candidates.push_back(n.substr(0, dot) + ".*");
    const std::string hint = suggest_key(glob, candidates);
    if (hint.empty()) return fmt::format("\"{}\" matches no {}", glob, what);
    return fmt::format("\"{}\" matches no {} — did you mean \"{}\"?", glob, what, hint);
}

// The operation, code and event kind of a "result" / "event" / "early_retries" / "last_result" object
// at `p`: an operation glob must match a known operation, a code or kind that is no glob must be known.
void hist_check_spec(const std::string& key, const nlohmann::json& v, const std::string& p,
                     const ConditionReferences& refs, std::vector<ConditionError>& errors) {
    if (!v.is_object()) return;
    auto name = [&](const char* field) {
        const auto it = v.find(field);
        return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string op = name(key == "event" ? "" : "operation");
    if (!op.empty() && !refs.operations.empty()) {
        const bool any = std::any_of(refs.operations.begin(), refs.operations.end(),
                                     [&](const std::string& o) { return glob_match(op, o); });
        if (!any && hist_is_glob(op))
            errors.push_back({p + "/operation", hist_no_match("operation", op, refs.operations)});
        else if (!any)
            errors.push_back({p + "/operation", condition_ref_unknown("operation", op, refs.operations)});
    }
    const std::string code = name("code");
    if (key == "result" && !code.empty() && !hist_is_glob(code) && !refs.codes.empty() &&
        !condition_ref_known(refs.codes, code))
        errors.push_back({p + "/code", condition_ref_unknown("result code", code, refs.codes)});
    const std::string kind = name("kind");
    if (key == "event" && !kind.empty() && !refs.events.empty()) {
        const bool any = std::any_of(refs.events.begin(), refs.events.end(),
                                     [&](const std::string& k) { return glob_match(kind, k); });
        if (!any && hist_is_glob(kind))
            errors.push_back({p + "/kind", hist_no_match("event kind", kind, refs.events)});
        else if (!any)
            errors.push_back({p + "/kind", condition_ref_unknown("event kind", kind, refs.events)});
    }
}

// The references of one condition over what happened, its happenings included.
void hist_check_references(const nlohmann::json& c, const std::string& pointer,
                           const ConditionReferences& refs, std::vector<ConditionError>& errors) {
    if (c.size() != 1) return;
    const std::string key = c.begin().key();
    const nlohmann::json& v = c.begin().value();
    const std::string p = pointer + "/" + key;
    auto happening = [&](const nlohmann::json& h, const std::string& at) {
        if (h.is_object() && h.size() == 1)
            hist_check_spec(h.begin().key(), h.begin().value(), at + "/" + h.begin().key(), refs, errors);
    };
    if (key == "result" || key == "event" || key == "early_retries" || key == "last_result")
        hist_check_spec(key, v, p, refs, errors);
    else if (key == "before" && v.is_array())
        for (std::size_t i = 0; i < v.size(); ++i) happening(v[i], fmt::format("{}/{}", p, i));
    else if (key == "within" && v.is_object())
        for (const char* end : {"from", "to"})
            if (v.contains(end)) happening(v[end], p + "/" + end);
}

}  // namespace

void for_each_condition(const nlohmann::json& root, const ConditionVisit& visit) {
    if (!root.is_object()) return;
    if (auto o = root.find("objectives"); o != root.end()) {
        const nlohmann::json* items = o->is_array() ? &*o : nullptr;
        std::string base = "/objectives";
        if (o->is_object() && o->contains("items") && (*o)["items"].is_array()) {
            items = &(*o)["items"];
            base += "/items";
        }
        if (items)
            for (std::size_t i = 0; i < items->size(); ++i)
                if ((*items)[i].is_object() && (*items)[i].contains("condition"))
                    visit_condition_tree((*items)[i]["condition"], fmt::format("{}/{}/condition", base, i),
                                         visit);
    }
    if (auto sol = root.find("solution"); sol != root.end() && sol->is_array())
        for (std::size_t i = 0; i < sol->size(); ++i)
            if ((*sol)[i].is_object() && (*sol)[i].contains("wait_until"))
                visit_condition_tree((*sol)[i]["wait_until"], fmt::format("/solution/{}/wait_until", i),
                                     visit);
}

void check_condition_references(const nlohmann::json& root, const ConditionReferences& refs,
                                std::vector<ConditionError>& errors) {
    auto sku = [&](const nlohmann::json& v, const std::string& pointer) {
        if (refs.skus.empty() || !v.is_string() || condition_ref_known(refs.skus, v.get<std::string>()))
            return;
        errors.push_back({pointer, condition_ref_unknown("SKU", v.get<std::string>(), refs.skus,
                                                         " in catalog edition " + refs.edition)});
    };
    for_each_condition(root, [&](const nlohmann::json& c, const std::string& pointer) {
        if (c.size() != 1 || !c.begin().value().is_object()) return;
        const std::string key = c.begin().key();
        const nlohmann::json& v = c.begin().value();
        if ((key == "subscription" || key == "licensed" || key == "subscription_state" ||
             key == "invoice_exists") &&
            v.contains("sku"))
            sku(v["sku"], pointer + "/" + key + "/sku");
        if (key == "last_result" && !refs.codes.empty() && v.contains("error") && v["error"].is_string() &&
            !condition_ref_known(refs.codes, v["error"].get<std::string>()))
            errors.push_back(
                {pointer + "/last_result/error",
                 condition_ref_unknown("result code", v["error"].get<std::string>(), refs.codes)});
    });
    for_each_condition(root, [&](const nlohmann::json& c, const std::string& pointer) {
        hist_check_references(c, pointer, refs, errors);
    });
    const auto pen = root.find("penalties");
    if (pen == root.end() || !pen->is_object() || !pen->contains("paid_where_free")) return;
    const auto& free = (*pen)["paid_where_free"];
    if (!free.is_object() || !free.contains("skus") || !free["skus"].is_array()) return;
    for (std::size_t i = 0; i < free["skus"].size(); ++i)
        sku(free["skus"][i], fmt::format("/penalties/paid_where_free/skus/{}", i));
}

// [SECTION] Tracking and scoring

void AssessmentTracker::update(const Simulation& s) {
    const Journal& journal = s.journal();
    if (checked_ && journal.size() == checked_size_ && journal.hash() == checked_hash_) return;
    checked_ = true;
    checked_size_ = journal.size();
    checked_hash_ = journal.hash();
    if (!memo_) memo_ = std::make_shared<HistoryMemo>();
    const auto& obs = assessment_->objectives;
    for (std::size_t i = 0; i < obs.size(); ++i) {
        if (met_at_[i] >= 0) continue;
        if (evaluate_condition(obs[i].condition, s, memo_.get()))
            met_at_[i] = s.now();
        else if (assessment_->ordered)
            break;  // later objectives wait for this one
    }
}

std::optional<std::size_t> AssessmentTracker::current() const {
    for (std::size_t i = 0; i < met_at_.size(); ++i)
        if (met_at_[i] < 0) return i;
    return std::nullopt;
}

ScoreReport AssessmentTracker::report(const Simulation& s) const {
    ScoreReport r;
    const auto& obs = assessment_->objectives;
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const bool met = met_at_[i] >= 0;
        r.objectives.push_back({obs[i].id, met, met_at_[i], obs[i].weight});
        r.total_weight += obs[i].weight;
        r.earned_weight += met ? obs[i].weight : 0;
    }
    const Penalties& pen = assessment_->penalties;
    const World& w = s.world();
    auto add = [&](std::string reason, std::string detail, int count, int each) {
        if (count > 0 && each > 0)
            r.penalties.push_back({std::move(reason), std::move(detail), count, count * each});
    };
    add("compliance_violation", "", static_cast<int>(w.violations.size()), pen.compliance_violation);
    add("early_retry", "", s.faults().early_retries(), pen.early_retry);
    for (const auto& sku : pen.paid_where_free_skus) {
        int n = 0;
        for (const auto& sub : w.subscriptions) n += (sub.sku == sku && sub.price_cents_each > 0) ? 1 : 0;
        add("paid_where_free", sku, n, pen.paid_where_free);
    }
    for (const auto& f : pen.failed_actions) {
        int n = 0;
        for (const auto& e : s.journal().entries())
            if (e.kind == "result" && !e.body["result"].value("ok", true) &&
                glob_match(f.operation, e.body.value("type", "")))
                ++n;
        add("failed_action", f.operation, n, f.points);
    }
    int score = r.total_weight > 0 ? (100 * r.earned_weight + r.total_weight / 2) / r.total_weight : 100;
    for (const auto& p : r.penalties) score -= p.points;
    r.score = score < 0 ? 0 : score;
    r.all_met =
        r.earned_weight == r.total_weight &&
        std::all_of(r.objectives.begin(), r.objectives.end(), [](const ObjectiveResult& o) { return o.met; });
    return r;
}

nlohmann::json to_json(const ScoreReport& r, const Assessment& a, const std::string& lang) {
    nlohmann::json obs = nlohmann::json::array();
    for (std::size_t i = 0; i < r.objectives.size(); ++i) {
        const auto& o = r.objectives[i];
        const Objective& def = a.objectives[i];
        obs.push_back({{"id", o.id},
                       {"title", def.title.in(lang)},
                       {"met", o.met},
                       {"met_at_ms", o.met_at},
                       {"weight", o.weight},
                       {"feedback", (o.met ? def.feedback_met : def.feedback_not_met).in(lang)}});
    }
    nlohmann::json pens = nlohmann::json::array();
    for (const auto& p : r.penalties)
        pens.push_back(
            {{"reason", p.reason}, {"detail", p.detail}, {"count", p.count}, {"points", p.points}});
    return {{"score", r.score},
            {"all_met", r.all_met},
            {"earned_weight", r.earned_weight},
            {"total_weight", r.total_weight},
            {"objectives", obs},
            {"penalties", pens}};
}

}  // namespace sim
