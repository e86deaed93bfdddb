// sim/domains.cpp — Settings > Domains: the domain list and its states, the add-domain wizard
// (name, verification method, Verify, DNS setup, records, Finish), Check health, Set as default and
// Remove (domain.md §5.1, domain-admin.md §5.1–§5.4), and the canonical JSON of the domains.
//
//   [SECTION] Names and queries
//   [SECTION] Expected records and Check health
//   [SECTION] Operations
//   [SECTION] Canonical JSON
#include "sim/domains.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/journey.hpp"
#include "sim/random.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Names and queries -----------------------------------------------------------------

namespace {

const char* const kDomStatusNames[] = {"unverified", "incomplete_setup", "healthy",
                                       "possible_service_issues"};
constexpr std::string_view kDomOnMicrosoft = ".onmicrosoft.com";

bool dom_ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The verified root `name` is a subdomain of, or nullptr.
const TenantDomain* dom_verified_parent(const World& w, std::string_view name) {
    for (const auto& d : w.domains.domains)
        if (d.verified && dom_ends_with(name, "." + d.name)) return &d;
    return nullptr;
}

}  // namespace

const char* to_string(DomainStatus s) {
    return kDomStatusNames[static_cast<int>(s)];
}

bool parse_domain_status(std::string_view s, DomainStatus& out) {
    for (int i = 0; i < 4; ++i)
        if (s == kDomStatusNames[i]) return out = static_cast<DomainStatus>(i), true;
    return false;
}

bool is_onmicrosoft(std::string_view name) {
    return dom_ends_with(name, kDomOnMicrosoft);
}

std::string domain_dashes(std::string_view name) {
    std::string out = domain_a_label(name);  // DNS carries the A-label (xn--…)
    std::replace(out.begin(), out.end(), '.', '-');
    return out;
}

const TenantDomain* find_domain(const World& w, std::string_view name) {
    for (const auto& d : w.domains.domains)
        if (d.name == name) return &d;
    return nullptr;
}

bool is_verified_domain(const World& w, std::string_view name) {
    if (w.tenant.exists && name == w.tenant.initial_domain) return true;
    const TenantDomain* d = find_domain(w, name);
    return d != nullptr && d->verified;
}

std::string default_domain(const World& w) {
    if (!w.domains.default_domain.empty() && is_verified_domain(w, w.domains.default_domain))
        return w.domains.default_domain;
    return w.tenant.initial_domain;
}

DomainStatus domain_status(const World& w, std::string_view name) {
    if (w.tenant.exists && name == w.tenant.initial_domain) return DomainStatus::Healthy;
    const TenantDomain* d = find_domain(w, name);
    if (d == nullptr || !d->verified) return DomainStatus::Unverified;
    if (is_onmicrosoft(d->name)) return DomainStatus::Healthy;
    if (!d->setup_finished) return DomainStatus::IncompleteSetup;
    return check_health(w, name).empty() ? DomainStatus::Healthy : DomainStatus::PossibleServiceIssues;
}

std::vector<DomainRow> domain_rows(const World& w) {
    std::vector<DomainRow> rows;
    if (!w.tenant.exists) return rows;
    const std::string def = default_domain(w);
    rows.push_back(
        {w.tenant.initial_domain, DomainStatus::Healthy, def == w.tenant.initial_domain, true, true});
    for (const auto& d : w.domains.domains)
        rows.push_back({d.name, domain_status(w, d.name), def == d.name, false, is_onmicrosoft(d.name)});
    return rows;
}

std::vector<std::string> user_domains(const World& w) {
    std::vector<std::string> out;
    if (!w.tenant.exists) return out;
    const std::string def = default_domain(w);
    out.push_back(def);
    if (def != w.tenant.initial_domain) out.push_back(w.tenant.initial_domain);
    for (const auto& d : w.domains.domains)
        if (d.verified && d.name != def) out.push_back(d.name);
    return out;
}

const Person* find_person_by_address(const World& w, std::string_view address) {
    const Person* p = w.find_person(address);
    if (is_usable(p)) return p;
    for (const auto& q : w.people)
        if (!q.deleted && std::find(q.aliases.begin(), q.aliases.end(), address) != q.aliases.end())
            return &q;
    return nullptr;
}

Person* find_person_by_address(World& w, std::string_view address) {
    return const_cast<Person*>(find_person_by_address(static_cast<const World&>(w), address));
}

std::vector<std::string> domain_references(const World& w, std::string_view domain) {
    std::vector<std::string> out;
    const std::string at = "@" + std::string(domain);
    for (const auto& p : w.people) {
        if (p.deleted) continue;
        if (dom_ends_with(p.upn, at)) out.push_back(p.upn);
        for (const auto& a : p.aliases)
            if (dom_ends_with(a, at)) out.push_back(a);
    }
    for (const auto& m : w.domains.shared_mailboxes)
        if (dom_ends_with(m.address, at)) out.push_back(m.address);
    for (const auto& l : w.domains.distribution_lists)
        if (dom_ends_with(l.address, at)) out.push_back(l.address);
    return out;
}

VerificationRecord verification_record(const World& w, std::string_view domain) {
    VerificationRecord r;
    const TenantDomain* d = find_domain(w, domain);
    r.method = d != nullptr ? d->method : "txt";
    const std::string code = w.domains.verification_code;                        // "MS=ms12345678"
    const std::string token = code.size() > 3 ? code.substr(3) : std::string{};  // "ms12345678"
    if (r.method == "mx") {
        r.type = "MX";
        r.host = "@";
        r.value = token + ".msv1.invalid";  // [U] the value the real wizard shows for MX verification
        r.priority = 32767;
    } else if (r.method == "file") {
        r.type = "FILE";
        r.host = "http://" + std::string(domain) + "/" + token + ".txt";
        r.value = code;
    } else {
        r.type = "TXT";
        r.host = "@";
        r.value = code;
    }
    return r;
}

// [SECTION] Expected records and Check health -------------------------------------------------

std::vector<ExpectedRecord> expected_records(const World& w, std::string_view domain) {
    std::vector<ExpectedRecord> out;
    const TenantDomain* d = find_domain(w, domain);
    if (d == nullptr || is_onmicrosoft(d->name)) return out;
    // domain-admin.md §5.2: Exchange and Exchange Online Protection (always), the SRV with the Skype for
    // Business option ("teams" here: the federation record Teams-only tenants need).
    out.push_back({"mx", "MX", "@", domain_dashes(domain) + ".mail.protection.outlook.com", 3600, 0, 0, 0});
    out.push_back({"autodiscover", "CNAME", "autodiscover", "autodiscover.outlook.com", 3600, 0, 0, 0});
    out.push_back({"spf", "TXT", "@", "v=spf1 include:spf.protection.outlook.com -all", 3600, 0, 0, 0});
    if (std::find(d->services.begin(), d->services.end(), "teams") != d->services.end())
        out.push_back({"sip_federation", "SRV", "_sipfederationtls._tcp", "sipfed.online.lync.com", 3600, 100,
                       1, 5061});
    return out;
}

namespace {

std::string dom_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool dom_is_spf(const World& w, const DnsRecord& r) {
    return dom_lower(txt_content(w.domains.conventions, r.value)).rfind("v=spf1", 0) == 0;
}

// Records of `type` anywhere in the domain's visible zone whose target is `target` but not at `fqdn`.
std::vector<std::string> dom_elsewhere(const World& w, const DnsZone& z, std::string_view fqdn,
                                       std::string_view type, std::string_view target) {
    std::vector<std::string> hosts;
    for (const auto& r : z.visible) {
        if (r.type != type || dns_target(r.value) != target) continue;
        const std::string at = record_fqdn(w.domains.conventions, z.domain, r.host);
        if (at != fqdn) hosts.push_back(at);
    }
    return hosts;
}

void dom_check_target(const World& w, const DnsZone* z, const std::string& domain, const ExpectedRecord& e,
                      std::vector<HealthIssue>& out) {
    const std::string fqdn = e.host == "@" ? domain : e.host + "." + domain;
    const auto found = visible_records(w, domain, fqdn, e.type);
    std::vector<std::string> others;
    const DnsRecord* match = nullptr;
    for (const DnsRecord* r : found) {
        const bool target_ok = dns_target(r->value) == e.value && (e.type != "SRV" || r->port == e.port);
        if (target_ok && match == nullptr)
            match = r;
        else
            others.push_back(r->value);
    }
    if (match == nullptr) {
        const auto hosts =
            z == nullptr ? std::vector<std::string>{} : dom_elsewhere(w, *z, fqdn, e.type, e.value);
        if (!hosts.empty())
            out.push_back({e.key, "wrong_host", e.value, hosts});
        else
            out.push_back({e.key, others.empty() ? "missing" : "wrong_value", e.value, others});
        return;
    }
    if (e.type == "MX" && !others.empty()) out.push_back({e.key, "other_mx", e.value, others});
    if (e.type == "MX" && match->priority != 0) {
        bool lowest = true;
        for (const DnsRecord* r : found) lowest = lowest && (r == match || r->priority > match->priority);
        if (!lowest) out.push_back({e.key, "wrong_priority", e.value, {std::to_string(match->priority)}});
    }
}

void dom_check_spf(const World& w, const std::string& domain, const ExpectedRecord& e,
                   std::vector<HealthIssue>& out) {
    std::vector<std::string> spf;
    for (const DnsRecord* r : visible_records(w, domain, domain, "TXT"))
        if (dom_is_spf(w, *r)) spf.push_back(txt_content(w.domains.conventions, r->value));
    if (spf.size() > 1) {
        out.push_back({e.key, "duplicate_spf", e.value, spf});  // RFC 7208: two SPF records = permerror
    } else if (spf.empty()) {
        out.push_back({e.key, "missing", e.value, {}});
    } else if (dom_lower(spf.front()).find("include:spf.protection.outlook.com") == std::string::npos) {
        out.push_back({e.key, "wrong_value", e.value, spf});
    }
}

}  // namespace

std::vector<HealthIssue> check_health(const World& w, std::string_view domain) {
    std::vector<HealthIssue> out;
    const std::string name(domain);
    const DnsZone* z = find_zone(w, domain);
    for (const ExpectedRecord& e : expected_records(w, domain)) {
        if (e.key == "spf")
            dom_check_spf(w, name, e, out);
        else
            dom_check_target(w, z, name, e, out);
    }
    return out;
}

json to_json(const HealthIssue& i) {
    return json{{"record", i.record}, {"problem", i.problem}, {"expected", i.expected}, {"found", i.found}};
}

json to_json(const ExpectedRecord& r) {
    json j{{"record", r.key}, {"type", r.type}, {"host", r.host}, {"value", r.value}, {"ttl", r.ttl}};
    if (r.type == "MX" || r.type == "SRV") j["priority"] = r.priority;
    if (r.type == "SRV") j["weight"] = r.weight, j["port"] = r.port;
    return j;
}

// [SECTION] Operations ------------------------------------------------------------------------

namespace {

constexpr RoleSet kDomainRoles = role_bit(Role::GlobalAdmin) | role_bit(Role::DomainNameAdmin);

// Actor with a domain role, and the named domain of the tenant (nullptr + `fail` otherwise).
TenantDomain* dom_prepare(Context& ctx, const Action& a, ActionResult& fail) {
    World& w = ctx.world();
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return nullptr;
    if (!has_any_role(*actor, kDomainRoles)) {
        fail = ActionResult::failure("domains.insufficient_role");
        return nullptr;
    }
    const std::string name = normalize_domain(a.arg<std::string>("domain", ""));
    for (auto& d : w.domains.domains)
        if (d.name == name) return &d;
    fail = ActionResult::failure("domains.unknown_domain", {{"domain", a.arg<std::string>("domain", "")}});
    return nullptr;
}

void dom_ensure_code(Context& ctx) {
    std::string& code = ctx.world().domains.verification_code;
    if (!code.empty()) return;
    Rng& rng = ctx.rng("domains");
    code = fmt::format("MS=ms{:08}", rng.uniform_int(0, 99'999'999));
}

void dom_mark_verified(Context& ctx, TenantDomain& d) {
    d.verified = true;
    d.verified_at = ctx.now();
    ctx.schedule(0, "domains.verified", {{"domain", d.name}});
}

json dom_verification_json(const World& w, const std::string& domain) {
    const VerificationRecord v = verification_record(w, domain);
    return json{{"method", v.method}, {"type", v.type}, {"host", v.host}, {"value", v.value}, {"ttl", v.ttl}};
}

ActionResult op_domains_add(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kDomainRoles)) return ActionResult::failure("domains.insufficient_role");
    const std::string typed = a.arg<std::string>("domain", "");
    if (typed.empty()) return ActionResult::failure("domains.field_required", {{"field", "domain"}});
    const DomainNameCheck check = check_domain_name(typed);
    if (!check.problem.empty())  // a field-level message: which label, and what is wrong with it
        return ActionResult::failure("domains." + check.problem, {{"domain", typed}, {"label", check.label}});
    const std::string& name = check.name;
    if (name == w.tenant.initial_domain || find_domain(w, name) != nullptr)
        return ActionResult::failure("domains.already_added", {{"domain", name}});
    const auto& elsewhere = w.domains.verified_elsewhere;
    if (std::find(elsewhere.begin(), elsewhere.end(), name) != elsewhere.end())
        return ActionResult::failure("domains.verified_in_other_tenant", {{"domain", name}});
    if (static_cast<int>(w.domains.domains.size()) + 1 >= kMaxDomains)
        return ActionResult::failure("domains.too_many_domains", {{"max", kMaxDomains}});
    if (is_onmicrosoft(name)) {
        int n = 1;  // the initial one
        for (const auto& d : w.domains.domains) n += is_onmicrosoft(d.name) ? 1 : 0;
        if (n >= kMaxOnMicrosoftDomains)
            return ActionResult::failure("domains.onmicrosoft_limit", {{"max", kMaxOnMicrosoftDomains}});
    }
    dom_ensure_code(ctx);
    TenantDomain d;
    d.name = name;
    d.added_at = ctx.now();
    w.domains.domains.push_back(d);
    TenantDomain& added = w.domains.domains.back();
    // Microsoft's own domains, and subdomains of a verified root, need no proof (domain-admin.md §5.3).
    if (is_onmicrosoft(name) || dom_verified_parent(w, name) != nullptr) dom_mark_verified(ctx, added);
    return ActionResult::success(
        {{"domain", name}, {"verified", added.verified}, {"verification", dom_verification_json(w, name)}});
}

ActionResult op_domains_choose_method(Context& ctx, const Action& a) {
    ActionResult fail;
    TenantDomain* d = dom_prepare(ctx, a, fail);
    if (d == nullptr) return fail;
    const std::string method = a.arg<std::string>("method", "");
    if (method != "txt" && method != "mx" && method != "file")
        return ActionResult::failure("domains.invalid_method", {{"method", method}});
    if (d->verified) return ActionResult::failure("domains.already_verified", {{"domain", d->name}});
    d->method = method;
    return ActionResult::success(
        {{"domain", d->name}, {"verification", dom_verification_json(ctx.world(), d->name)}});
}

// Whether Microsoft sees the proof of the domain's verification method (published and propagated).
bool dom_proof_visible(const World& w, const TenantDomain& d) {
    const VerificationRecord v = verification_record(w, d.name);
    if (v.method == "file") {
        const DnsZone* z = find_zone(w, d.name);
        const std::string file = v.host.substr(v.host.rfind('/') + 1);
        return z != nullptr &&
               std::find(z->site_files.begin(), z->site_files.end(), file) != z->site_files.end();
    }
    for (const DnsRecord* r : visible_records(w, d.name, d.name, v.type)) {
        if (v.type == "TXT" && txt_content(w.domains.conventions, r->value) == v.value) return true;
        if (v.type == "MX" && dns_target(r->value) == v.value) return true;
    }
    return false;
}

ActionResult op_domains_verify(Context& ctx, const Action& a) {
    ActionResult fail;
    TenantDomain* d = dom_prepare(ctx, a, fail);
    if (d == nullptr) return fail;
    if (d->verified) return ActionResult::success({{"domain", d->name}, {"verified", true}});
    if (!dom_proof_visible(ctx.world(), *d)) {
        const VerificationRecord v = verification_record(ctx.world(), d->name);
        return ActionResult::failure("domains.record_not_found",
                                     {{"domain", d->name}, {"type", v.type}, {"value", v.value}});
    }
    dom_mark_verified(ctx, *d);
    return ActionResult::success({{"domain", d->name}, {"verified", true}});
}

json dom_records_json(const World& w, const std::string& domain) {
    const auto issues = check_health(w, domain);
    json records = json::array();
    for (const ExpectedRecord& e : expected_records(w, domain)) {
        json r = to_json(e);
        r["ok"] = std::none_of(issues.begin(), issues.end(),
                               [&](const HealthIssue& i) { return i.record == e.key; });
        records.push_back(std::move(r));
    }
    json problems = json::array();
    for (const auto& i : issues) problems.push_back(to_json(i));
    return json{{"domain", domain},
                {"status", to_string(domain_status(w, domain))},
                {"records", std::move(records)},
                {"issues", std::move(problems)}};
}

ActionResult op_domains_choose_dns_setup(Context& ctx, const Action& a) {
    ActionResult fail;
    TenantDomain* d = dom_prepare(ctx, a, fail);
    if (d == nullptr) return fail;
    if (!d->verified) return ActionResult::failure("domains.not_verified", {{"domain", d->name}});
    const std::string mode = a.arg<std::string>("mode", "");
    if (mode != "self" && mode != "skip")
        return ActionResult::failure("domains.invalid_dns_setup", {{"mode", mode}});
    std::vector<std::string> services = {"exchange"};
    for (const auto& s : a.arg<std::vector<std::string>>("services", {})) {
        if (s != "exchange" && s != "teams")
            return ActionResult::failure("domains.unknown_service", {{"service", s}});
        if (std::find(services.begin(), services.end(), s) == services.end()) services.push_back(s);
    }
    d->dns_setup = mode;
    d->services = services;
    if (mode == "skip") d->setup_finished = false;
    return ActionResult::success(dom_records_json(ctx.world(), d->name));
}

ActionResult op_domains_finish_setup(Context& ctx, const Action& a) {
    ActionResult fail;
    TenantDomain* d = dom_prepare(ctx, a, fail);
    if (d == nullptr) return fail;
    if (!d->verified) return ActionResult::failure("domains.not_verified", {{"domain", d->name}});
    if (d->dns_setup != "self")
        return ActionResult::failure("domains.dns_setup_not_chosen", {{"domain", d->name}});
    d->setup_finished =
        true;  // "Domain setup is complete", even with red "!" records (they show in the status)
    return ActionResult::success(dom_records_json(ctx.world(), d->name));
}

ActionResult op_domains_check_health(Context& ctx, const Action& a) {
    ActionResult fail;
    TenantDomain* d = dom_prepare(ctx, a, fail);
    if (d == nullptr) return fail;
    if (!d->verified) return ActionResult::failure("domains.not_verified", {{"domain", d->name}});
    return ActionResult::success(dom_records_json(ctx.world(), d->name));
}

ActionResult op_domains_set_default(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kDomainRoles)) return ActionResult::failure("domains.insufficient_role");
    const std::string name = normalize_domain(a.arg<std::string>("domain", ""));
    if (name != w.tenant.initial_domain && find_domain(w, name) == nullptr)
        return ActionResult::failure("domains.unknown_domain",
                                     {{"domain", a.arg<std::string>("domain", "")}});
    if (!is_verified_domain(w, name))
        return ActionResult::failure("domains.not_verified", {{"domain", name}});
    const std::string previous = default_domain(w);
    w.domains.default_domain = name == w.tenant.initial_domain ? std::string{} : name;
    if (previous != name)
        ctx.schedule(0, "domains.default_changed", {{"domain", name}, {"previous", previous}});
    return ActionResult::success({{"domain", name}, {"previous", previous}});
}

ActionResult op_domains_remove(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kDomainRoles)) return ActionResult::failure("domains.insufficient_role");
    const std::string name = normalize_domain(a.arg<std::string>("domain", ""));
    if (w.tenant.exists && name == w.tenant.initial_domain)
        return ActionResult::failure("domains.cannot_remove_initial", {{"domain", name}});
    auto it = std::find_if(w.domains.domains.begin(), w.domains.domains.end(),
                           [&](const TenantDomain& d) { return d.name == name; });
    if (it == w.domains.domains.end())
        return ActionResult::failure("domains.unknown_domain",
                                     {{"domain", a.arg<std::string>("domain", "")}});
    if (default_domain(w) == name) return ActionResult::failure("domains.is_default", {{"domain", name}});
    const auto refs = domain_references(w, name);
    if (!refs.empty()) {
        std::string examples;
        for (std::size_t i = 0; i < refs.size() && i < 3; ++i) examples += (i ? ", " : "") + refs[i];
        return ActionResult::failure("domains.in_use",
                                     {{"domain", name}, {"count", refs.size()}, {"examples", examples}});
    }
    w.domains.domains.erase(it);
    ctx.schedule(0, "domains.removed", {{"domain", name}});
    return ActionResult::success({{"domain", name}});
}

void on_domains_marker(Context&, const json&) {}  // journaled by the simulation; nothing else to do

}  // namespace

void register_domains(Registry& r) {
    const std::vector<std::string> who = {"auth.unknown_account", "auth.sign_in_blocked",
                                          "domains.insufficient_role"};
    auto errors = [&who](std::vector<std::string> more) {
        std::vector<std::string> out = who;
        out.insert(out.end(), more.begin(), more.end());
        return out;
    };
    const ArgSpec domain{"domain", ArgType::String, true};
    r.add(
        make_operation("domains.add", {domain},
                       errors({"domains.field_required", "domains.invalid_name", "domains.invalid_characters",
                               "domains.hyphen_at_edge", "domains.label_too_long", "domains.name_too_long",
                               "domains.already_added", "domains.verified_in_other_tenant",
                               "domains.too_many_domains", "domains.onmicrosoft_limit"}),
                       {}, {}, started<op_domains_add>));
    r.add(make_operation(
        "domains.choose_method", {domain, {"method", ArgType::String, true}},
        errors({"domains.unknown_domain", "domains.invalid_method", "domains.already_verified"}), {}, {},
        started<op_domains_choose_method>));
    // Microsoft's DNS lookup takes a few seconds.
    r.add(make_operation("domains.verify", {domain},
                         errors({"domains.unknown_domain", "domains.record_not_found"}), {}, {},
                         started<op_domains_verify>, nullptr,
                         Delay::uniform(Duration{2 * kSecond, 0}, Duration{8 * kSecond, 0})));
    const std::vector<std::string> health_keys = {
        "domains.health.missing",        "domains.health.wrong_value",   "domains.health.wrong_host",
        "domains.health.wrong_priority", "domains.health.duplicate_spf", "domains.health.other_mx"};
    r.add(make_operation("domains.choose_dns_setup",
                         {domain, {"mode", ArgType::String, true}, {"services", ArgType::StringList}},
                         errors({"domains.unknown_domain", "domains.not_verified",
                                 "domains.invalid_dns_setup", "domains.unknown_service"}),
                         health_keys, {}, started<op_domains_choose_dns_setup>));
    r.add(make_operation(
        "domains.finish_setup", {domain},
        errors({"domains.unknown_domain", "domains.not_verified", "domains.dns_setup_not_chosen"}),
        health_keys, {}, started<op_domains_finish_setup>));
    r.add(make_operation("domains.check_health", {domain},
                         errors({"domains.unknown_domain", "domains.not_verified"}), health_keys, {},
                         started<op_domains_check_health>, nullptr,
                         Delay::uniform(Duration{2 * kSecond, 0}, Duration{6 * kSecond, 0})));
    r.add(make_operation("domains.set_default", {domain},
                         errors({"domains.unknown_domain", "domains.not_verified"}), {}, {},
                         started<op_domains_set_default>));
    r.add(make_operation("domains.remove", {domain},
                         errors({"domains.unknown_domain", "domains.cannot_remove_initial",
                                 "domains.is_default", "domains.in_use"}),
                         {}, {}, started<op_domains_remove>));
    r.on_start.push_back(domains_on_start);
    register_mailboxes(r);
    r.add_event("domains.verified", on_domains_marker);
    r.add_event("domains.default_changed", on_domains_marker);
    r.add_event("domains.removed", on_domains_marker);
}

// [SECTION] Canonical JSON --------------------------------------------------------------------

namespace {

json dom_record_json(const DnsRecord& r) {
    return json{{"id", r.id},   {"type", r.type},         {"host", r.host},     {"value", r.value},
                {"ttl", r.ttl}, {"priority", r.priority}, {"weight", r.weight}, {"port", r.port}};
}

template <class T>
T dom_get(const json& j, const char* key, const std::string& where) {
    if (!j.is_object() || !j.contains(key)) throw std::runtime_error(where + ": missing \"" + key + "\"");
    try {
        return j.at(key).get<T>();
    } catch (const json::exception&) {
        throw std::runtime_error(where + "/" + key + ": has the wrong type");
    }
}

DnsRecord dom_record_from(const json& j, const std::string& b) {
    DnsRecord r;
    r.id = dom_get<std::string>(j, "id", b);
    r.type = dom_get<std::string>(j, "type", b);
    r.host = dom_get<std::string>(j, "host", b);
    r.value = dom_get<std::string>(j, "value", b);
    r.ttl = dom_get<int>(j, "ttl", b);
    r.priority = dom_get<int>(j, "priority", b);
    r.weight = dom_get<int>(j, "weight", b);
    r.port = dom_get<int>(j, "port", b);
    return r;
}

std::vector<DnsRecord> dom_records_from(const json& j, const char* key, const std::string& b) {
    std::vector<DnsRecord> out;
    const auto arr = dom_get<json>(j, key, b);
    if (!arr.is_array()) throw std::runtime_error(b + "/" + key + ": must be an array");
    for (std::size_t i = 0; i < arr.size(); ++i)
        out.push_back(dom_record_from(arr[i], fmt::format("{}/{}/{}", b, key, i)));
    return out;
}

}  // namespace

json dns_records_json(const std::vector<DnsRecord>& records) {
    json out = json::array();
    for (const auto& r : records) out.push_back(dom_record_json(r));
    return out;
}

std::vector<DnsRecord> dns_records_from_json(const json& j) {
    return dom_records_from(json{{"records", j}}, "records", "");
}

json to_json(const DomainsState& d) {
    json domains = json::array();
    for (const auto& x : d.domains)
        domains.push_back({{"name", x.name},
                           {"method", x.method},
                           {"verified", x.verified},
                           {"dns_setup", x.dns_setup},
                           {"setup_finished", x.setup_finished},
                           {"services", x.services},
                           {"added_at", x.added_at},
                           {"verified_at", x.verified_at}});
    json zones = json::array();
    for (const auto& z : d.zones)
        zones.push_back({{"domain", z.domain},
                         {"records", dns_records_json(z.records)},
                         {"unpublished_changes", z.unpublished_changes},
                         {"published_serial", z.published_serial},
                         {"visible", dns_records_json(z.visible)},
                         {"visible_serial", z.visible_serial},
                         {"visible_since", z.visible_since},
                         {"site_files", z.site_files}});
    json out{
        {"domains", std::move(domains)},
        {"default_domain", d.default_domain},
        {"verification_code", d.verification_code},
        {"verified_elsewhere", d.verified_elsewhere},
        {"conventions", {{"root_host", d.conventions.root_host}, {"txt_quoting", d.conventions.txt_quoting}}},
        {"zones", std::move(zones)}};
    // The mail side only once used (worlds with domains but no mail keep their hashes).
    if (!d.shared_mailboxes.empty()) {
        json shared = json::array();
        for (const auto& m : d.shared_mailboxes) {
            json x{{"address", m.address}, {"display_name", m.display_name}, {"created_at", m.created_at}};
            if (!m.converted_from.empty()) x["converted_from"] = m.converted_from;
            shared.push_back(std::move(x));
        }
        out["shared_mailboxes"] = std::move(shared);
    }
    if (!d.outside_mail.empty()) {
        json sent = json::array();
        for (const auto& m : d.outside_mail) {
            json x{{"id", m.id}, {"at", m.at}, {"to", m.to}, {"outcome", m.outcome}, {"ndr", m.ndr}};
            if (!m.from.empty()) x["from"] = m.from;
            sent.push_back(std::move(x));
        }
        out["outside_mail"] = std::move(sent);
    }
    mail_extras_to_json(d, out);
    return out;
}

bool domains_from_json(const json& j, DomainsState& out, std::string& error) {
    try {
        DomainsState d;
        for (const auto& x : dom_get<json>(j, "domains", "")) {
            TenantDomain t;
            t.name = dom_get<std::string>(x, "name", "/domains");
            t.method = dom_get<std::string>(x, "method", "/domains");
            t.verified = dom_get<bool>(x, "verified", "/domains");
            t.dns_setup = dom_get<std::string>(x, "dns_setup", "/domains");
            t.setup_finished = dom_get<bool>(x, "setup_finished", "/domains");
            t.services = dom_get<std::vector<std::string>>(x, "services", "/domains");
            t.added_at = dom_get<SimTime>(x, "added_at", "/domains");
            t.verified_at = dom_get<SimTime>(x, "verified_at", "/domains");
            d.domains.push_back(std::move(t));
        }
        d.default_domain = dom_get<std::string>(j, "default_domain", "");
        d.verification_code = dom_get<std::string>(j, "verification_code", "");
        d.verified_elsewhere = dom_get<std::vector<std::string>>(j, "verified_elsewhere", "");
        const json c = dom_get<json>(j, "conventions", "");
        d.conventions.root_host = dom_get<std::string>(c, "root_host", "/conventions");
        d.conventions.txt_quoting = dom_get<std::string>(c, "txt_quoting", "/conventions");
        for (const auto& zj : dom_get<json>(j, "zones", "")) {
            DnsZone z;
            z.domain = dom_get<std::string>(zj, "domain", "/zones");
            z.records = dom_records_from(zj, "records", "/zones");
            z.unpublished_changes = dom_get<bool>(zj, "unpublished_changes", "/zones");
            z.published_serial = dom_get<std::uint64_t>(zj, "published_serial", "/zones");
            z.visible = dom_records_from(zj, "visible", "/zones");
            z.visible_serial = dom_get<std::uint64_t>(zj, "visible_serial", "/zones");
            z.visible_since = dom_get<SimTime>(zj, "visible_since", "/zones");
            z.site_files = dom_get<std::vector<std::string>>(zj, "site_files", "/zones");
            d.zones.push_back(std::move(z));
        }
        for (const auto& m : j.value("shared_mailboxes", json::array()))
            d.shared_mailboxes.push_back({dom_get<std::string>(m, "address", "/shared_mailboxes"),
                                          dom_get<std::string>(m, "display_name", "/shared_mailboxes"),
                                          dom_get<SimTime>(m, "created_at", "/shared_mailboxes"),
                                          m.value("converted_from", std::string())});
        for (const auto& m : j.value("outside_mail", json::array()))
            d.outside_mail.push_back(
                {dom_get<std::string>(m, "id", "/outside_mail"), dom_get<SimTime>(m, "at", "/outside_mail"),
                 dom_get<std::string>(m, "to", "/outside_mail"),
                 dom_get<std::string>(m, "outcome", "/outside_mail"),
                 dom_get<std::string>(m, "ndr", "/outside_mail"), m.value("from", std::string())});
        mail_extras_from_json(j, d);
        out = std::move(d);
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

}  // namespace sim
