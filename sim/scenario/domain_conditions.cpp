// sim/scenario/domain_conditions.cpp — the conditions over Settings > Domains, the DNS host and the
// mailboxes: "domain_status", "dns_record", "mailbox" (sim/scenario/domain_conditions.hpp). They read
// the world's public queries (sim/domains.hpp) only; mail from outside is the "event" condition over
// "mail.delivered" / "mail.old_provider" / "mail.bounced" (docs/reference/conditions.md).
#include "domain_conditions.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "sim/domains.hpp"
#include "sim/faults.hpp"
#include "sim/journey.hpp"
#include "sim/shape.hpp"
#include "sim/text.hpp"

namespace sim {

namespace {

struct DcArgs {};
const auto kDcDomainStatus =
    described(Shape<DcArgs>("#/$defs/condition/oneOf/20/properties/domain_status", TypeWords::MustBe)
                  .known("domain", FieldType::String)
                  .wrong_type("must be a domain name such as \"verein.de\"")
                  .known("status", FieldType::Any)
                  .known("default", FieldType::Bool)
                  .wrong_type("must be true or false"));
const auto kDcDnsRecord =
    described(Shape<DcArgs>("#/$defs/condition/oneOf/21/properties/dns_record", TypeWords::MustBe)
                  .known("domain", FieldType::String)
                  .wrong_type("must be a domain name such as \"verein.de\"")
                  .known("host", FieldType::String)
                  .wrong_type("must be a host as the wizard shows it: \"@\", \"autodiscover\", …")
                  .known("record_type", FieldType::String)
                  .known("value", FieldType::String)
                  .wrong_type("must be a text (a glob: * any text, ? one character)")
                  .known("present", FieldType::Bool)
                  .wrong_type("must be true or false")
                  .known("published", FieldType::Bool)
                  .wrong_type("must be true or false")
                  .known("visible", FieldType::Bool)
                  .wrong_type("must be true or false"));
const auto kDcMailbox =
    described(Shape<DcArgs>("#/$defs/condition/oneOf/22/properties/mailbox", TypeWords::MustBe)
                  .known("address", FieldType::String)
                  .wrong_type("must be a mail address such as \"info@verein.de\"")
                  .known("kind", FieldType::String));

const std::vector<std::string> kDcStatuses = {"unverified", "incomplete_setup", "healthy",
                                              "possible_service_issues"};
const std::vector<std::string> kDcRecordTypes = {"A", "CNAME", "MX", "TXT", "SRV"};

void dc_check(const ObjectShape& shape, const nlohmann::json& v, const std::string& p,
              std::initializer_list<const char*> fields, std::vector<ConditionError>& errors) {
    ShapeErrors found;
    shape.check_keys(v, p, found);
    FieldValue ignored;
    for (const char* f : fields) shape.value(v, f, p, ignored, found);
    for (const auto& e : found) errors.push_back({e.pointer, e.message});
}

// A value of `allowed` (exactly), else the message with a "did you mean".
void dc_enum(const nlohmann::json& v, const std::string& p, const std::vector<std::string>& allowed,
             const char* what, std::vector<ConditionError>& errors) {
    if (v.is_string() && std::find(allowed.begin(), allowed.end(), v.get<std::string>()) != allowed.end())
        return;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    std::string msg = fmt::format("must be {}: {}", what, list);
    if (v.is_string())
        if (const std::string hint = suggest_key(v.get<std::string>(), allowed); !hint.empty())
            msg += fmt::format(" — did you mean \"{}\"?", hint);
    errors.push_back({p, msg});
}

bool dc_needs(const nlohmann::json& v, const std::string& p, std::initializer_list<const char*> keys,
              const char* message, std::vector<ConditionError>& errors) {
    bool ok = v.is_object();
    for (const char* k : keys) ok = ok && v.contains(k) && v[k].is_string();
    if (!ok) errors.push_back({p, message});
    return ok;
}

void dc_validate_domain_status(const nlohmann::json& v, const std::string& p,
                               std::vector<ConditionError>& errors) {
    if (!dc_needs(v, p, {"domain"},
                  "needs \"domain\" (e.g. \"verein.de\") and \"status\" (unverified, incomplete_setup, "
                  "healthy, possible_service_issues) or \"default\"",
                  errors))
        return;
    dc_check(kDcDomainStatus, v, p, {"domain", "default"}, errors);
    if (!v.contains("status") && !v.contains("default"))
        errors.push_back({p,
                          "needs \"status\" (unverified, incomplete_setup, healthy, "
                          "possible_service_issues) or \"default\" (true or false)"});
    if (!v.contains("status")) return;
    const nlohmann::json& s = v["status"];
    if (s.is_array() && s.empty()) errors.push_back({p + "/status", "must not be an empty list"});
    if (s.is_array())
        for (std::size_t i = 0; i < s.size(); ++i)
            dc_enum(s[i], fmt::format("{}/status/{}", p, i), kDcStatuses, "a domain status", errors);
    else
        dc_enum(s, p + "/status", kDcStatuses, "a domain status (or a list of them)", errors);
}

void dc_validate_dns_record(const nlohmann::json& v, const std::string& p,
                            std::vector<ConditionError>& errors) {
    if (!dc_needs(v, p, {"domain", "host", "record_type"},
                  "needs \"domain\", \"host\" (\"@\" for the domain itself) and \"record_type\" (A, CNAME, "
                  "MX, TXT or SRV)",
                  errors))
        return;
    dc_check(kDcDnsRecord, v, p, {"value", "present", "published", "visible"}, errors);
    dc_enum(v["record_type"], p + "/record_type", kDcRecordTypes, "a record type", errors);
}

void dc_validate_mailbox(const nlohmann::json& v, const std::string& p, std::vector<ConditionError>& errors) {
    if (!dc_needs(v, p, {"address"}, "needs \"address\" (e.g. \"info@verein.de\")", errors)) return;
    dc_check(kDcMailbox, v, p, {}, errors);
    if (!is_email_address(v["address"].get<std::string>()))
        errors.push_back({p + "/address", "must be a mail address such as \"info@verein.de\""});
    if (v.contains("kind")) dc_enum(v["kind"], p + "/kind", {"user", "shared"}, "a mailbox kind", errors);
}

std::string dc_lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The absolute name a condition's host means: "@" or "" the domain itself, "x." absolute, else x.domain.
std::string dc_fqdn(const std::string& domain, const std::string& host) {
    const std::string h = dc_lower(host);
    if (h.empty() || h == "@") return domain;
    if (h.back() == '.') return h.substr(0, h.size() - 1);
    return h + "." + domain;
}

struct DcRecordSpec {
    std::string domain, fqdn, type, value;
    bool any_value = true;
};

bool dc_record_matches(const World& w, const DnsZone& z, const DnsRecord& r, const DcRecordSpec& s) {
    if (r.type != s.type || record_fqdn(w.domains.conventions, z.domain, r.host) != s.fqdn) return false;
    if (s.any_value) return true;
    if (r.type == "TXT") return glob_match(s.value, txt_content(w.domains.conventions, r.value));
    return glob_match(dns_target(s.value), dns_target(r.value));
}

bool dc_dns_record(const nlohmann::json& v, const World& w) {
    DcRecordSpec s;
    s.domain = normalize_domain(v.at("domain").get<std::string>());
    s.fqdn = dc_fqdn(s.domain, v.at("host").get<std::string>());
    s.type = v.at("record_type").get<std::string>();
    if (v.contains("value")) {
        s.value = v["value"].get<std::string>();
        s.any_value = false;
    }
    const DnsZone* z = find_zone(w, s.domain);
    if (z == nullptr)
        return !v.value("present", true) && !v.value("visible", false) && !v.contains("published");
    auto any_in = [&](const std::vector<DnsRecord>& records) {
        return std::any_of(records.begin(), records.end(),
                           [&](const DnsRecord& r) { return dc_record_matches(w, *z, r, s); });
    };
    if (any_in(z->records) != v.value("present", true)) return false;
    if (v.contains("published") && z->unpublished_changes == v["published"].get<bool>()) return false;
    if (v.contains("visible") && any_in(z->visible) != v["visible"].get<bool>()) return false;
    return true;
}

bool dc_domain_status(const nlohmann::json& v, const World& w) {
    const std::string domain = normalize_domain(v.at("domain").get<std::string>());
    if (v.contains("default") && (default_domain(w) == domain) != v["default"].get<bool>()) return false;
    if (!v.contains("status")) return true;
    const std::string now = to_string(domain_status(w, domain));
    const nlohmann::json& s = v["status"];
    if (s.is_array()) return std::find(s.begin(), s.end(), now) != s.end();
    return s == now;
}

bool dc_mailbox(const nlohmann::json& v, const World& w) {
    const std::string address = dc_lower(v.at("address").get<std::string>());
    const std::string kind = v.value("kind", std::string());
    if (kind != "user" && find_shared_mailbox(w, address) != nullptr) return true;
    if (kind == "shared") return false;
    const Person* p = find_person_by_address(w, address);
    return p != nullptr && has_mailbox(w, *p);
}

}  // namespace

void validate_domain_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                               std::vector<ConditionError>& errors) {
    if (key == "domain_status")
        dc_validate_domain_status(v, p, errors);
    else if (key == "dns_record")
        dc_validate_dns_record(v, p, errors);
    else if (key == "mailbox")
        dc_validate_mailbox(v, p, errors);
}

bool evaluate_domain_condition(const std::string& key, const nlohmann::json& v, const World& w) {
    if (key == "domain_status") return dc_domain_status(v, w);
    if (key == "dns_record") return dc_dns_record(v, w);
    if (key == "mailbox") return dc_mailbox(v, w);
    return false;
}

}  // namespace sim
