// sim/dns.cpp — the association's DNS host: a plain registrar panel (no real registrar) with one zone
// per domain, records of type A, CNAME, MX, TXT and SRV, "publish zone", and the propagation of a
// publication to the rest of the world ("Microsoft") after Settings::dns_propagation_delay
// (domain.md §5.1, domain-admin.md §5.2 and §5.5).
//
// The panel's conventions are data (DnsConventions): whether the root is "@" or a blank host, and
// whether the panel quotes TXT values itself. Saved but unpublished records are invisible; a
// published change is invisible until its dns.propagated event.
#include <algorithm>
#include <tuple>

#include "sim/domains.hpp"
#include "sim/journey.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Names and lookups -----------------------------------------------------------------

namespace {

std::string dns_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string dns_trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

bool dns_suffix(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Labels of letters, digits, '-', '_' (and a leading "*" label); an optional trailing dot.
bool dns_name_ok(std::string_view s, bool allow_underscore) {
    if (!s.empty() && s.back() == '.') s.remove_suffix(1);
    if (s.empty() || s.size() > 253) return false;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t dot = std::min(s.find('.', start), s.size());
        const std::string_view label = s.substr(start, dot - start);
        if (label.empty() || label.size() > 63) return false;
        const bool star = label == "*" && start == 0;
        if (!star && !std::all_of(label.begin(), label.end(), [&](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || (allow_underscore && c == '_') || static_cast<unsigned char>(c) >= 0x80;
            }))
            return false;
        start = dot + 1;
    }
    return true;
}

bool dns_ipv4_ok(std::string_view s) {
    int parts = 0;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t dot = std::min(s.find('.', start), s.size());
        const std::string_view p = s.substr(start, dot - start);
        if (p.empty() || p.size() > 3 ||
            !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        if (std::stoi(std::string(p)) > 255) return false;
        ++parts;
        start = dot + 1;
    }
    return parts == 4;
}

}  // namespace

const DnsZone* find_zone(const World& w, std::string_view domain) {
    const DnsZone* best = nullptr;
    for (const auto& z : w.domains.zones) {
        if (z.domain == domain) return &z;
        if (dns_suffix(domain, "." + z.domain) && (best == nullptr || z.domain.size() > best->domain.size()))
            best = &z;
    }
    return best;
}

DnsZone* find_zone(World& w, std::string_view domain) {
    return const_cast<DnsZone*>(find_zone(static_cast<const World&>(w), domain));
}

std::string record_fqdn(const DnsConventions& c, std::string_view zone, std::string_view host) {
    const std::string h = dns_lower(dns_trim(host));
    if (!h.empty() && h.back() == '.') return h.substr(0, h.size() - 1);  // absolute
    if (c.root_host == "blank") {
        if (h.empty()) return std::string(zone);
        if (h == "@") return {};
    } else {
        if (h == "@") return std::string(zone);
        if (h.empty()) return {};
    }
    return h + "." + std::string(zone);  // "verein.de" typed here lands at "verein.de.verein.de"
}

std::string txt_content(const DnsConventions& c, std::string_view value) {
    std::string v(value);
    if (c.txt_quoting == "none" && v.size() >= 2 && v.front() == '"' && v.back() == '"')
        return v.substr(1, v.size() - 2);
    return v;  // "auto": the panel adds the quotes itself; pasted quotes stay part of the text
}

std::string dns_target(std::string_view value) {
    std::string t = dns_lower(dns_trim(value));
    while (!t.empty() && t.back() == '.') t.pop_back();
    return t;
}

std::vector<const DnsRecord*> visible_records(const World& w, std::string_view domain, std::string_view fqdn,
                                              std::string_view type) {
    std::vector<const DnsRecord*> out;
    const DnsZone* z = find_zone(w, domain);
    if (z == nullptr) return out;
    for (const auto& r : z->visible)
        if (r.type == type && record_fqdn(w.domains.conventions, z->domain, r.host) == fqdn)
            out.push_back(&r);
    return out;
}

// [SECTION] Operations ------------------------------------------------------------------------

namespace {

constexpr int kDnsMinTtl = 60, kDnsMaxTtl = 86400, kDnsMaxRecords = 500, kDnsMaxTxt = 2048;

DnsZone* dns_prepare(Context& ctx, const Action& a, ActionResult& fail) {
    World& w = ctx.world();
    if (require_actor(w, a, fail) == nullptr) return nullptr;
    const std::string name = dns_lower(dns_trim(a.arg<std::string>("domain", "")));
    for (auto& z : w.domains.zones)
        if (z.domain == name) return &z;
    fail = ActionResult::failure("dns.unknown_zone", {{"domain", a.arg<std::string>("domain", "")}});
    return nullptr;
}

ActionResult dns_number(const Action& a, const char* field, int lo, int hi, int& out) {
    if (!a.has(field)) return ActionResult::success();
    const auto v = a.arg<std::int64_t>(field, 0);
    if (v < lo || v > hi) {
        if (std::string_view(field) == "ttl")
            return ActionResult::failure("dns.ttl_out_of_range", {{"ttl", v}, {"min", lo}, {"max", hi}});
        return ActionResult::failure("dns.number_out_of_range", {{"field", field}, {"min", lo}, {"max", hi}});
    }
    out = static_cast<int>(v);
    return ActionResult::success();
}

// The record's fields from the action over `r` (add: defaults; edit: the saved record), checked.
ActionResult dns_read_fields(const Action& a, DnsRecord& r) {
    if (a.has("record_type")) r.type = a.arg<std::string>("record_type", "");
    for (char& c : r.type)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (r.type.empty()) return ActionResult::failure("dns.field_required", {{"field", "record_type"}});
    if (r.type != "A" && r.type != "CNAME" && r.type != "MX" && r.type != "TXT" && r.type != "SRV")
        return ActionResult::failure("dns.invalid_type", {{"type", r.type}});
    if (a.has("host")) r.host = dns_trim(a.arg<std::string>("host", ""));
    if (a.has("value")) r.value = a.arg<std::string>("value", "");
    for (auto [field, lo, hi, member] : {std::tuple{"ttl", kDnsMinTtl, kDnsMaxTtl, &DnsRecord::ttl},
                                         std::tuple{"priority", 0, 65535, &DnsRecord::priority},
                                         std::tuple{"weight", 0, 65535, &DnsRecord::weight},
                                         std::tuple{"port", 0, 65535, &DnsRecord::port}}) {
        ActionResult n = dns_number(a, field, lo, hi, r.*member);
        if (!n.ok) return n;
    }
    if (dns_trim(r.value).empty()) return ActionResult::failure("dns.field_required", {{"field", "value"}});
    const std::string v = dns_trim(r.value);
    bool ok = true;
    if (r.type == "A") ok = dns_ipv4_ok(v);
    if (r.type == "CNAME" || r.type == "MX" || r.type == "SRV")
        ok = dns_name_ok(v, false) && v.find('.') != std::string::npos;
    if (r.type == "TXT") ok = r.value.size() <= static_cast<std::size_t>(kDnsMaxTxt);
    if (r.type == "SRV" && r.port == 0)
        return ActionResult::failure("dns.number_out_of_range",
                                     {{"field", "port"}, {"min", 1}, {"max", 65535}});
    if (!ok)
        return ActionResult::failure("dns.invalid_value",
                                     {{"field", "value"}, {"type", r.type}, {"value", r.value}});
    if (r.type != "TXT") r.value = v;
    return ActionResult::success();
}

// The host under the panel's conventions and the zone's other records (CNAME stands alone, no twins).
ActionResult dns_check_place(const World& w, const DnsZone& z, const DnsRecord& r) {
    const DnsConventions& c = w.domains.conventions;
    const std::string fqdn = record_fqdn(c, z.domain, r.host);
    if (fqdn.empty() && r.host.empty())
        return ActionResult::failure("dns.field_required", {{"field", "host"}});
    const std::string h = r.host == "@" ? std::string("x") : r.host;
    if (fqdn.empty() || (!r.host.empty() && !dns_name_ok(h, true)))
        return ActionResult::failure("dns.invalid_host", {{"host", r.host}});
    for (const auto& o : z.records) {
        if (o.id == r.id || record_fqdn(c, z.domain, o.host) != fqdn) continue;
        if (o.type == "CNAME" || r.type == "CNAME")
            return ActionResult::failure("dns.cname_conflict", {{"host", r.host}});
        if (o.type == r.type && o.value == r.value)
            return ActionResult::failure("dns.duplicate_record", {{"host", r.host}, {"type", r.type}});
    }
    return ActionResult::success();
}

ActionResult op_dns_record_add(Context& ctx, const Action& a) {
    ActionResult fail;
    DnsZone* z = dns_prepare(ctx, a, fail);
    if (z == nullptr) return fail;
    if (static_cast<int>(z->records.size()) >= kDnsMaxRecords)
        return ActionResult::failure("dns.too_many_records", {{"max", kDnsMaxRecords}});
    DnsRecord r;
    ActionResult checked = dns_read_fields(a, r);
    if (!checked.ok) return checked;
    checked = dns_check_place(ctx.world(), *z, r);
    if (!checked.ok) return checked;
    r.id = ctx.world().make_id("rec");
    z->records.push_back(r);
    z->unpublished_changes = true;
    return ActionResult::success({{"domain", z->domain}, {"id", r.id}});
}

DnsRecord* dns_find_record(DnsZone& z, const Action& a, ActionResult& fail) {
    const std::string id = a.arg<std::string>("id", "");
    for (auto& r : z.records)
        if (r.id == id) return &r;
    fail = ActionResult::failure("dns.unknown_record", {{"id", id}});
    return nullptr;
}

ActionResult op_dns_record_edit(Context& ctx, const Action& a) {
    ActionResult fail;
    DnsZone* z = dns_prepare(ctx, a, fail);
    if (z == nullptr) return fail;
    DnsRecord* saved = dns_find_record(*z, a, fail);
    if (saved == nullptr) return fail;
    DnsRecord r = *saved;  // all or nothing
    ActionResult checked = dns_read_fields(a, r);
    if (!checked.ok) return checked;
    checked = dns_check_place(ctx.world(), *z, r);
    if (!checked.ok) return checked;
    *saved = r;
    z->unpublished_changes = true;
    return ActionResult::success({{"domain", z->domain}, {"id", r.id}});
}

ActionResult op_dns_record_delete(Context& ctx, const Action& a) {
    ActionResult fail;
    DnsZone* z = dns_prepare(ctx, a, fail);
    if (z == nullptr) return fail;
    DnsRecord* saved = dns_find_record(*z, a, fail);
    if (saved == nullptr) return fail;
    const std::string id = saved->id;
    z->records.erase(z->records.begin() + (saved - z->records.data()));
    z->unpublished_changes = true;
    return ActionResult::success({{"domain", z->domain}, {"id", id}});
}

ActionResult op_dns_publish(Context& ctx, const Action& a) {
    ActionResult fail;
    DnsZone* z = dns_prepare(ctx, a, fail);
    if (z == nullptr) return fail;
    if (!z->unpublished_changes) return ActionResult::failure("dns.no_changes", {{"domain", z->domain}});
    World& w = ctx.world();
    z->unpublished_changes = false;
    z->published_serial = w.next_id++;
    const Duration d = w.settings.dns_propagation_delay.sample(ctx.rng("dns"));
    const SimTime at = apply_duration(ctx.calendar(), ctx.now(), d);
    ctx.schedule_at(
        at, "dns.propagated",
        {{"domain", z->domain}, {"serial", z->published_serial}, {"records", dns_records_json(z->records)}});
    return ActionResult::success({{"domain", z->domain}, {"serial", z->published_serial}});
}

// A publication reaches the resolvers; an older one arriving after a newer one changes nothing.
void on_dns_propagated(Context& ctx, const json& data) {
    DnsZone* z = nullptr;
    for (auto& zone : ctx.world().domains.zones)
        if (zone.domain == data.value("domain", std::string())) z = &zone;
    const auto serial = data.value("serial", std::uint64_t{0});
    if (z == nullptr || serial <= z->visible_serial) return;
    try {
        z->visible = dns_records_from_json(data.value("records", json::array()));
    } catch (const std::exception&) {
        return;  // a hand-edited snapshot event: ignore it rather than crash
    }
    z->visible_serial = serial;
    z->visible_since = ctx.now();
}

}  // namespace

void register_dns(Registry& r) {
    using T = ArgType;
    const std::vector<std::string> who = {"auth.unknown_account", "auth.sign_in_blocked", "dns.unknown_zone"};
    const std::vector<std::string> field_errors = {
        "auth.unknown_account",    "auth.sign_in_blocked", "dns.unknown_zone",    "dns.field_required",
        "dns.invalid_type",        "dns.invalid_host",     "dns.invalid_value",   "dns.ttl_out_of_range",
        "dns.number_out_of_range", "dns.cname_conflict",   "dns.duplicate_record"};
    const ArgSpec domain{"domain", T::String, true};
    std::vector<ArgSpec> fields = {{"record_type"},
                                   {"host"},
                                   {"value"},
                                   {"ttl", T::Integer},
                                   {"priority", T::Integer},
                                   {"weight", T::Integer},
                                   {"port", T::Integer}};
    std::vector<ArgSpec> add_args = {domain};
    add_args.insert(add_args.end(), fields.begin(), fields.end());
    std::vector<ArgSpec> edit_args = {domain, {"id", T::String, true}};
    edit_args.insert(edit_args.end(), fields.begin(), fields.end());
    std::vector<std::string> add_errors = field_errors;
    add_errors.push_back("dns.too_many_records");
    std::vector<std::string> edit_errors = field_errors;
    edit_errors.push_back("dns.unknown_record");
    const Delay panel = Delay::uniform(Duration{200, 0}, Duration{900, 0});
    r.add(make_operation("dns.record_add", add_args, add_errors, {}, {}, started<op_dns_record_add>, nullptr,
                         panel));
    r.add(make_operation("dns.record_edit", edit_args, edit_errors, {}, {}, started<op_dns_record_edit>,
                         nullptr, panel));
    std::vector<std::string> delete_errors = who;
    delete_errors.push_back("dns.unknown_record");
    r.add(make_operation("dns.record_delete", {domain, {"id", T::String, true}}, delete_errors, {}, {},
                         started<op_dns_record_delete>, nullptr, panel));
    std::vector<std::string> publish_errors = who;
    publish_errors.push_back("dns.no_changes");
    r.add(make_operation("dns.publish", {domain}, publish_errors, {}, {}, started<op_dns_publish>, nullptr,
                         panel));
    r.add_event("dns.propagated", started_event<on_dns_propagated>);
}

}  // namespace sim
