// sim/domains_start.cpp — the start state's "domains" and "dns_host" objects (docs/reference/start-state.md):
// the tenant's domains with their state, the verification code, domains verified elsewhere, the DNS host's
// conventions and its zones (published and visible from the start). Read with JSON-pointer errors; the
// shapes are described once, so the schema parity test compares them with scenario.schema.json.
#include <algorithm>

#include <fmt/format.h>

#include "sim/domains.hpp"
#include "sim/random.hpp"
#include "sim/shape.hpp"

namespace sim {

using nlohmann::json;

namespace {

struct DsDomain {
    std::string name, status = "unverified", method = "txt";
    std::vector<std::string> services = {"exchange"};
};

const auto kDsDomainsShape = described(Shape<DomainsState>("#/properties/start/properties/domains")
                                           .string("verification_code", &DomainsState::verification_code)
                                           .strings("verified_elsewhere", &DomainsState::verified_elsewhere)
                                           .string("default", &DomainsState::default_domain)
                                           .known("list", FieldType::Array));
const auto kDsDomainShape =
    described(Shape<DsDomain>("#/properties/start/properties/domains/properties/list/items")
                  .string("name", &DsDomain::name)
                  .string("status", &DsDomain::status)
                  .string("method", &DsDomain::method)
                  .strings("services", &DsDomain::services));
const auto kDsHostShape = described(Shape<DnsConventions>("#/properties/start/properties/dns_host")
                                        .string("root_host", &DnsConventions::root_host)
                                        .string("txt_quoting", &DnsConventions::txt_quoting)
                                        .known("zones", FieldType::Array));
const auto kDsZoneShape =
    described(Shape<DnsZone>("#/properties/start/properties/dns_host/properties/zones/items")
                  .string("domain", &DnsZone::domain)
                  .known("records", FieldType::Array)
                  .strings("site_files", &DnsZone::site_files));
const auto kDsRecordShape = described(
    Shape<DnsRecord>("#/properties/start/properties/dns_host/properties/zones/items/properties/records/items")
        .string("id", &DnsRecord::id)
        .string("type", &DnsRecord::type)
        .string("host", &DnsRecord::host)
        .string("value", &DnsRecord::value)
        .integer("ttl", &DnsRecord::ttl, 60, 86400)
        .integer("priority", &DnsRecord::priority, 0, 65535)
        .integer("weight", &DnsRecord::weight, 0, 65535)
        .integer("port", &DnsRecord::port, 0, 65535));

void ds_fail(ShapeErrors& errors, const std::string& pointer, const std::string& message) {
    errors.push_back({"", pointer, message, ""});
}

bool ds_one_of(const std::string& v, std::initializer_list<const char*> allowed) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return v == a; });
}

void ds_read_domain(const json& dj, const std::string& b, World& w, ShapeErrors& errors) {
    kDsDomainShape.check_keys(dj, b, errors);
    DsDomain d;
    kDsDomainShape.read(dj, b, d, errors);
    const std::string name = normalize_domain(d.name);
    if (name.empty()) return ds_fail(errors, b + "/name", "must be a domain name such as \"verein.de\"");
    if (name == w.tenant.initial_domain || find_domain(w, name) != nullptr)
        return ds_fail(errors, b + "/name", "\"" + name + "\" appears twice");
    if (!ds_one_of(d.status, {"unverified", "incomplete_setup", "healthy"}))
        ds_fail(errors, b + "/status", "must be \"unverified\", \"incomplete_setup\" or \"healthy\"");
    if (!ds_one_of(d.method, {"txt", "mx", "file"}))
        ds_fail(errors, b + "/method", "must be \"txt\", \"mx\" or \"file\"");
    for (std::size_t i = 0; i < d.services.size(); ++i)
        if (!ds_one_of(d.services[i], {"exchange", "teams"}))
            ds_fail(errors, b + "/services/" + std::to_string(i), "must be \"exchange\" or \"teams\"");
    TenantDomain t;
    t.name = name;
    t.method = d.method;
    t.services = d.services;
    t.verified = d.status != "unverified" || is_onmicrosoft(name);
    if (t.verified) t.verified_at = 0;
    t.dns_setup = d.status == "healthy" ? "self" : "";
    t.setup_finished = d.status == "healthy";
    w.domains.domains.push_back(std::move(t));
}

void ds_read_record(const json& rj, const std::string& b, World& w, DnsZone& z, ShapeErrors& errors) {
    kDsRecordShape.check_keys(rj, b, errors);
    DnsRecord r;
    kDsRecordShape.read(rj, b, r, errors);
    if (!ds_one_of(r.type, {"A", "CNAME", "MX", "TXT", "SRV"}))
        ds_fail(errors, b + "/type", "must be \"A\", \"CNAME\", \"MX\", \"TXT\" or \"SRV\"");
    if (r.value.empty()) ds_fail(errors, b + "/value", "is required");
    if (record_fqdn(w.domains.conventions, z.domain, r.host).empty())
        ds_fail(errors, b + "/host",
                w.domains.conventions.root_host == "blank" ? "the root is an empty host in this panel (\"\")"
                                                           : "the root is \"@\" in this panel");
    const bool twice =
        std::any_of(z.records.begin(), z.records.end(), [&](const DnsRecord& o) { return o.id == r.id; });
    if (!r.id.empty() && twice) ds_fail(errors, b + "/id", "\"" + r.id + "\" appears twice in this zone");
    if (r.id.empty()) r.id = w.make_id("rec");
    z.records.push_back(std::move(r));
}

void ds_read_zones(const json& host, World& w, ShapeErrors& errors) {
    const json& zones = host.contains("zones") ? host["zones"] : json::array();
    if (!zones.is_array()) return ds_fail(errors, "/start/dns_host/zones", "must be an array");
    for (std::size_t i = 0; i < zones.size(); ++i) {
        const std::string b = "/start/dns_host/zones/" + std::to_string(i);
        kDsZoneShape.check_keys(zones[i], b, errors);
        DnsZone z;
        kDsZoneShape.read(zones[i], b, z, errors);
        z.domain = normalize_domain(z.domain);
        if (z.domain.empty()) {
            ds_fail(errors, b + "/domain", "must be a domain name such as \"verein.de\"");
            continue;
        }
        const json& records = zones[i].contains("records") ? zones[i]["records"] : json::array();
        if (!records.is_array()) ds_fail(errors, b + "/records", "must be an array");
        for (std::size_t k = 0; records.is_array() && k < records.size(); ++k)
            ds_read_record(records[k], b + "/records/" + std::to_string(k), w, z, errors);
        z.visible = z.records;  // the start state is published and propagated
        w.domains.zones.push_back(std::move(z));
    }
}

}  // namespace

void read_domains_start(const json& start, World& w, ShapeErrors& errors) {
    const json* host = start.contains("dns_host") ? &start["dns_host"] : nullptr;
    if (host != nullptr) {
        if (!host->is_object()) return ds_fail(errors, "/start/dns_host", "must be an object");
        kDsHostShape.check_keys(*host, "/start/dns_host", errors);
        kDsHostShape.read(*host, "/start/dns_host", w.domains.conventions, errors);
        if (!ds_one_of(w.domains.conventions.root_host, {"@", "blank"}))
            ds_fail(errors, "/start/dns_host/root_host", "must be \"@\" or \"blank\"");
        if (!ds_one_of(w.domains.conventions.txt_quoting, {"auto", "none"}))
            ds_fail(errors, "/start/dns_host/txt_quoting", "must be \"auto\" or \"none\"");
        ds_read_zones(*host, w, errors);
    }
    if (!start.contains("domains")) return;
    const json& dj = start["domains"];
    if (!dj.is_object()) return ds_fail(errors, "/start/domains", "must be an object");
    kDsDomainsShape.check_keys(dj, "/start/domains", errors);
    kDsDomainsShape.read(dj, "/start/domains", w.domains, errors);
    const std::string& code = w.domains.verification_code;
    const bool code_ok = code.empty() || (code.size() == 13 && code.rfind("MS=ms", 0) == 0 &&
                                          std::all_of(code.begin() + 5, code.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; }));
    if (!code_ok) ds_fail(errors, "/start/domains/verification_code", "must look like \"MS=ms12345678\"");
    const json& list = dj.contains("list") ? dj["list"] : json::array();
    if (!list.is_array()) return ds_fail(errors, "/start/domains/list", "must be an array");
    if (!list.empty() && !w.tenant.exists)
        return ds_fail(errors, "/start/domains/list", "domains need a tenant (/start/tenant)");
    for (std::size_t i = 0; i < list.size(); ++i)
        ds_read_domain(list[i], "/start/domains/list/" + std::to_string(i), w, errors);
    std::string& def = w.domains.default_domain;
    def = normalize_domain(def);
    if (def == w.tenant.initial_domain) def.clear();
    if (!def.empty() && !is_verified_domain(w, def))
        ds_fail(errors, "/start/domains/default", "must be a verified domain of /start/domains/list");
}

void domains_on_start(Context& ctx) {
    World& w = ctx.world();
    if (!w.domains.verification_code.empty()) return;
    const bool unverified = std::any_of(w.domains.domains.begin(), w.domains.domains.end(),
                                        [](const TenantDomain& d) { return !d.verified; });
    if (unverified)
        w.domains.verification_code =
            fmt::format("MS=ms{:08}", ctx.rng("domains").uniform_int(0, 99'999'999));
}

}  // namespace sim
