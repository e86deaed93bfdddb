// sim/domains_start.cpp — the start state's "domains" and "dns_host" objects (docs/reference/start-state.md):
// the tenant's domains with their state, the verification code, domains verified elsewhere, the DNS host's
// conventions and its zones (published and visible from the start), and the mail objects already there:
// shared mailboxes, distribution lists and mailbox permissions (e.g. C29's info@ as a list that rejects
// outside senders). Read with JSON-pointer errors; the shapes are described once, so the schema parity
// test compares them with scenario.schema.json.
#include <algorithm>

#include <fmt/format.h>

#include "sim/domains.hpp"
#include "sim/journey.hpp"
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
                                           .known("list", FieldType::Array)
                                           .known("shared_mailboxes", FieldType::Array)
                                           .known("distribution_lists", FieldType::Array)
                                           .known("mailbox_permissions", FieldType::Array));
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

const auto kDsSharedShape =
    described(Shape<SharedMailbox>("#/properties/start/properties/domains/properties/shared_mailboxes/items")
                  .string("address", &SharedMailbox::address)
                  .required()
                  .string("display_name", &SharedMailbox::display_name)
                  .required());
const auto kDsListShape = described(
    Shape<DistributionList>("#/properties/start/properties/domains/properties/distribution_lists/items")
        .string("address", &DistributionList::address)
        .required()
        .string("display_name", &DistributionList::display_name)
        .required()
        .strings("members", &DistributionList::members)
        .boolean("allow_external", &DistributionList::allow_external));
const auto kDsPermissionShape = described(
    Shape<MailboxPermission>("#/properties/start/properties/domains/properties/mailbox_permissions/items")
        .string("mailbox", &MailboxPermission::mailbox)
        .required()
        .string("user", &MailboxPermission::user)
        .required()
        .string("rights", &MailboxPermission::rights)
        .required()
        .boolean("replicated", &MailboxPermission::replicated));

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

std::string ds_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// An address for a start mailbox or list: valid, on a verified domain, not used yet.
bool ds_new_address(const World& w, std::string& address, const std::string& b, ShapeErrors& errors) {
    address = ds_lower(address);
    if (!is_email_address(address)) {
        ds_fail(errors, b + "/address", "must be an address such as \"info@verein.de\"");
        return false;
    }
    const std::string domain = address.substr(address.find('@') + 1);
    if (!is_verified_domain(w, domain)) {
        ds_fail(errors, b + "/address", "\"" + domain + "\" is not a verified domain of /start/domains/list");
        return false;
    }
    if (find_person_by_address(w, address) != nullptr || find_shared_mailbox(w, address) != nullptr ||
        find_distribution_list(w, address) != nullptr) {
        ds_fail(errors, b + "/address", "\"" + address + "\" is already used");
        return false;
    }
    return true;
}

template <typename Read>
void ds_each(const json& dj, const char* key, Read read) {
    if (!dj.contains(key)) return;
    const json& items = dj[key];
    for (std::size_t i = 0; items.is_array() && i < items.size(); ++i)
        read(items[i], "/start/domains/" + std::string(key) + "/" + std::to_string(i));
}

void ds_read_mail_objects(const json& dj, World& w, ShapeErrors& errors) {
    for (const char* key : {"shared_mailboxes", "distribution_lists", "mailbox_permissions"})
        if (dj.contains(key) && !dj[key].is_array())
            ds_fail(errors, std::string("/start/domains/") + key, "must be an array");
    ds_each(dj, "shared_mailboxes", [&](const json& j, const std::string& b) {
        kDsSharedShape.check_keys(j, b, errors);
        SharedMailbox m;
        kDsSharedShape.read(j, b, m, errors);
        if (ds_new_address(w, m.address, b, errors)) w.domains.shared_mailboxes.push_back(std::move(m));
    });
    ds_each(dj, "distribution_lists", [&](const json& j, const std::string& b) {
        kDsListShape.check_keys(j, b, errors);
        DistributionList l;
        kDsListShape.read(j, b, l, errors);
        for (std::size_t i = 0; i < l.members.size(); ++i) {
            l.members[i] = ds_lower(l.members[i]);
            if (find_person_by_address(w, l.members[i]) == nullptr)
                ds_fail(errors, b + "/members/" + std::to_string(i),
                        "\"" + l.members[i] + "\" is not a person of /start/people");
        }
        if (ds_new_address(w, l.address, b, errors)) w.domains.distribution_lists.push_back(std::move(l));
    });
    ds_each(dj, "mailbox_permissions", [&](const json& j, const std::string& b) {
        kDsPermissionShape.check_keys(j, b, errors);
        MailboxPermission p;
        p.replicated = true;  // granted long ago unless the scenario says it is still being applied
        kDsPermissionShape.read(j, b, p, errors);
        if (!p.replicated) p.granted_at = -1;  // domains_on_start schedules its replication
        p.mailbox = ds_lower(p.mailbox);
        if (find_shared_mailbox(w, p.mailbox) == nullptr)
            return ds_fail(errors, b + "/mailbox",
                           "must be a shared mailbox of /start/domains/shared_mailboxes");
        const Person* user = find_person_by_address(w, ds_lower(p.user));
        if (user == nullptr)
            return ds_fail(errors, b + "/user", "\"" + p.user + "\" is not a person of /start/people");
        p.user = user->upn;
        if (!ds_one_of(p.rights, {"full_access", "send_as"}))
            return ds_fail(errors, b + "/rights", "must be \"full_access\" or \"send_as\"");
        w.domains.permissions.push_back(std::move(p));
    });
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
    ds_read_mail_objects(dj, w, errors);
}

void domains_on_start(Context& ctx) {
    World& w = ctx.world();
    // Permissions the start state says are still being applied replicate after the usual delay (a saved
    // run's world carries its pending replication as a start event instead: granted_at >= 0 there).
    for (MailboxPermission& p : w.domains.permissions) {
        if (p.replicated || p.granted_at >= 0) continue;
        p.granted_at = 0;
        const Duration d = w.settings.mailbox_permission_delay.sample(ctx.rng("mailboxes"));
        ctx.schedule_at(apply_duration(ctx.calendar(), ctx.now(), d), "mailboxes.permission_replicated",
                        {{"mailbox", p.mailbox}, {"user", p.user}, {"rights", p.rights}});
    }
    if (!w.domains.verification_code.empty()) return;
    const bool unverified = std::any_of(w.domains.domains.begin(), w.domains.domains.end(),
                                        [](const TenantDomain& d) { return !d.verified; });
    if (unverified)
        w.domains.verification_code =
            fmt::format("MS=ms{:08}", ctx.rng("domains").uniform_int(0, 99'999'999));
}

}  // namespace sim
