// tests/sim/test_domain_conditions.cpp — the conditions over domains, the DNS host and mailboxes (issue 13,
// item 6): "domain_status", "dns_record" and "mailbox" follow a real simulation through the add-domain
// wizard, the DNS host's save / publish / propagation, a second SPF record, Set as default, a username
// moved to the domain and shared mailboxes; mail from outside is the "event" condition over "mail.*".
// Their form is checked with JSON pointers and "did you mean"; a scenario using them loads.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "journey_fixture.hpp"
#include "sim/assessment.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"
#include "sim/scenario.hpp"

using namespace journey_test;

namespace {

constexpr const char* kDcDomain = "tsv-musterstadt.de";
constexpr const char* kDcMx = "tsv-musterstadt-de.mail.protection.outlook.com";

json dc_parse(const char* text) {
    return json::parse(text);
}

bool dc_holds(const Journey& j, const json& c) {
    std::vector<sim::ConditionError> errors;
    INFO(c.dump());
    REQUIRE(sim::validate_condition(c, "/c", errors));
    return sim::evaluate_condition(c, j.sim);
}

json dc_status(const char* status) {
    return {{"domain_status", {{"domain", kDcDomain}, {"status", status}}}};
}

json dc_record(const char* host, const char* type, json extra = json::object()) {
    json r = {{"domain", kDcDomain}, {"host", host}, {"record_type", type}};
    for (const auto& [k, v] : extra.items()) r[k] = v;
    return {{"dns_record", r}};
}

json dc_mailbox(const std::string& address, const char* kind = nullptr) {
    json m = {{"address", address}};
    if (kind != nullptr) m["kind"] = kind;
    return {{"mailbox", m}};
}

// Anna (global admin), Tom (licensed) and Uwe (no licence); the club's zone with the website and the old
// mail provider, visible from the start.
Journey dc_journey() {
    json scenario = approved_scenario(
        json::array({{{"upn", "tom"}, {"usage_location", "DE"}, {"licences", {kBasicGrant}}},
                     {{"upn", "uwe"}, {"usage_location", "DE"}}}));
    scenario["start"]["subscriptions"] = json::array({{{"sku", kBasicGrant}, {"quantity", 5}}});
    sim::World w = world_from(scenario);
    sim::DnsZone z;
    z.domain = kDcDomain;
    z.records = {{"rec-a", "A", "@", "203.0.113.10", 3600, 0, 0, 0},
                 {"rec-mx", "MX", "@", "mx.oldmail.example", 3600, 10, 0, 0}};
    z.visible = z.records;
    w.domains.zones.push_back(z);
    return Journey(std::move(w));
}

void dc_propagate(Journey& j) {
    const sim::DnsZone* z = sim::find_zone(j.world(), kDcDomain);
    REQUIRE(z != nullptr);
    const std::uint64_t serial = z->published_serial;
    while (sim::find_zone(j.world(), kDcDomain)->visible_serial < serial) REQUIRE(j.sim.step_to_next_event());
}

std::string dc_add(Journey& j, const sim::ops::DnsRecordInput& r) {
    const sim::Action a = sim::ops::add_dns_record(kAdmin, kDcDomain, r);
    return j.ok(a.type, a.actor, a.args)["id"];
}

void dc_do(Journey& j, const sim::Action& a) {
    j.ok(a.type, a.actor, a.args);
}

// Adds and verifies the domain (TXT record published and propagated).
std::string dc_verified(Journey& j) {
    if (sim::find_domain(j.world(), kDcDomain) == nullptr) dc_do(j, sim::ops::add_domain(kAdmin, kDcDomain));
    const std::string code = j.world().domains.verification_code;
    dc_add(j, {"TXT", "@", code});
    dc_do(j, sim::ops::publish_zone(kAdmin, kDcDomain));
    dc_propagate(j);
    dc_do(j, sim::ops::verify_domain(kAdmin, kDcDomain));
    return code;
}

std::set<std::string> dc_pointers(const json& c) {
    std::vector<sim::ConditionError> errors;
    CHECK_FALSE(sim::validate_condition(c, "/c", errors));
    std::set<std::string> out;
    for (const auto& e : errors) out.insert(e.pointer + " " + e.message);
    return out;
}

bool dc_has(const std::set<std::string>& errors, const std::string& pointer, const std::string& part) {
    for (const auto& e : errors)
        if (e.rfind(pointer + " ", 0) == 0 && e.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("domain_status follows the wizard: unverified, incomplete setup, healthy, service issues",
          "[sim][conditions][domains]") {
    Journey j = dc_journey();
    CHECK(dc_holds(j, dc_status("unverified")));  // unknown to the tenant
    CHECK(dc_holds(j, {{"domain_status", {{"domain", "tsvmuster.onmicrosoft.com"}, {"status", "healthy"}}}}));
    CHECK(dc_holds(j, {{"domain_status", {{"domain", "tsvmuster.onmicrosoft.com"}, {"default", true}}}}));
    dc_do(j, sim::ops::add_domain(kAdmin, kDcDomain));
    CHECK(dc_holds(j, dc_status("unverified")));
    dc_verified(j);
    CHECK(dc_holds(j, dc_status("incomplete_setup")));
    CHECK_FALSE(dc_holds(j, dc_status("unverified")));
    CHECK(dc_holds(j, {{"domain_status",
                        {{"domain", kDcDomain}, {"status", json::array({"healthy", "incomplete_setup"})}}}}));
    CHECK_FALSE(dc_holds(j, {{"domain_status", {{"domain", kDcDomain}, {"default", true}}}}));

    dc_do(j, sim::ops::choose_dns_setup(kAdmin, kDcDomain, "self"));
    dc_add(j, {"MX", "@", kDcMx, 3600, 0});
    dc_add(j, {"CNAME", "autodiscover", "autodiscover.outlook.com"});
    const std::string spf = dc_add(j, {"TXT", "@", "v=spf1 include:spf.protection.outlook.com -all"});
    dc_do(j, sim::ops::delete_dns_record(kAdmin, kDcDomain, "rec-mx"));
    dc_do(j, sim::ops::publish_zone(kAdmin, kDcDomain));
    dc_propagate(j);
    dc_do(j, sim::ops::finish_domain_setup(kAdmin, kDcDomain));
    CHECK(dc_holds(j, dc_status("healthy")));
    dc_do(j, sim::ops::set_default_domain(kAdmin, kDcDomain));
    CHECK(dc_holds(j, {{"domain_status",
                        {{"domain", "TSV-Musterstadt.de"}, {"status", "healthy"}, {"default", true}}}}));
    CHECK(dc_holds(j, {{"domain_status", {{"domain", "tsvmuster.onmicrosoft.com"}, {"default", false}}}}));

    // A second SPF record instead of a merged one: once Microsoft sees it, "Possible service issues".
    dc_add(j, {"TXT", "@", "v=spf1 include:spf.oldmail.example -all"});
    CHECK(dc_holds(j, dc_status("healthy")));  // saved only
    dc_do(j, sim::ops::publish_zone(kAdmin, kDcDomain));
    dc_propagate(j);
    CHECK(dc_holds(j, dc_status("possible_service_issues")));
    CHECK(dc_holds(j, dc_record("@", "TXT", {{"value", "v=spf1*"}, {"visible", true}})));
    dc_do(j, sim::ops::delete_dns_record(kAdmin, kDcDomain, spf));
    CHECK(dc_holds(j,
                   dc_record("@", "TXT", {{"value", "v=spf1 include:spf.protection*"}, {"present", false}})));
}

TEST_CASE("dns_record: saved, published, visible to Microsoft - hosts, values and quotes",
          "[sim][conditions][dns]") {
    Journey j = dc_journey();
    // The start records are published and visible; the host "@", "" and the absolute name are the same.
    CHECK(dc_holds(
        j, dc_record("@", "MX", {{"value", "MX.OldMail.Example."}, {"published", true}, {"visible", true}})));
    CHECK(dc_holds(j, dc_record("", "MX")));
    CHECK(dc_holds(j, dc_record("tsv-musterstadt.de.", "A", {{"value", "203.0.113.*"}})));
    CHECK_FALSE(dc_holds(j, dc_record("www", "A")));
    CHECK(dc_holds(j, dc_record("www", "A", {{"present", false}})));
    CHECK_FALSE(dc_holds(j, {{"dns_record", {{"domain", "other.de"}, {"host", "@"}, {"record_type", "A"}}}}));
    CHECK(dc_holds(j, {{"dns_record",
                        {{"domain", "other.de"}, {"host", "@"}, {"record_type", "A"}, {"present", false}}}}));

    dc_do(j, sim::ops::add_domain(kAdmin, kDcDomain));
    const std::string code = j.world().domains.verification_code;
    const json txt = {{"value", code}};
    // The C16 mistake: the value without "MS=" does not match the whole value.
    dc_add(j, {"TXT", "@", code.substr(3)});
    CHECK_FALSE(dc_holds(j, dc_record("@", "TXT", txt)));
    CHECK(dc_holds(
        j, dc_record("@", "TXT", {{"value", code.substr(3)}, {"published", false}, {"visible", false}})));
    dc_add(j, {"TXT", "@", code});
    CHECK(dc_holds(j, dc_record("@", "TXT", {{"value", code}, {"published", false}, {"visible", false}})));
    dc_do(j, sim::ops::publish_zone(kAdmin, kDcDomain));
    CHECK(dc_holds(j, dc_record("@", "TXT", {{"value", code}, {"published", true}, {"visible", false}})));
    dc_propagate(j);
    CHECK(dc_holds(j, dc_record("@", "TXT", {{"value", code}, {"published", true}, {"visible", true}})));

    // Pasted quotes stay part of the text in an auto-quoting panel: the value no longer matches.
    const std::string quoted = dc_add(j, {"TXT", "quoted", "\"" + code + "\""});
    CHECK_FALSE(dc_holds(j, dc_record("quoted", "TXT", txt)));
    CHECK(dc_holds(j, dc_record("quoted", "TXT", {{"value", "\"MS=*\""}})));
    // Deleted but still visible until the next publication propagates.
    dc_do(j, sim::ops::delete_dns_record(kAdmin, kDcDomain, "rec-mx"));
    CHECK(dc_holds(j, dc_record("@", "MX", {{"present", false}, {"published", false}, {"visible", true}})));
    dc_do(j, sim::ops::publish_zone(kAdmin, kDcDomain));
    dc_propagate(j);
    CHECK(dc_holds(j, dc_record("@", "MX", {{"present", false}, {"visible", false}})));
    CHECK(dc_holds(j, dc_record("quoted", "TXT", {{"visible", true}})));
    (void)quoted;
}

TEST_CASE("mailbox and mail from outside: user and shared mailboxes, aliases, bounces and deliveries",
          "[sim][conditions][mail]") {
    Journey j = dc_journey();
    const std::string tom = "tom@tsvmuster.onmicrosoft.com";
    CHECK(dc_holds(j, dc_mailbox(tom)));
    CHECK(dc_holds(j, dc_mailbox("Tom@TSVmuster.onmicrosoft.com", "user")));
    CHECK_FALSE(dc_holds(j, dc_mailbox(tom, "shared")));
    CHECK_FALSE(dc_holds(j, dc_mailbox("uwe@tsvmuster.onmicrosoft.com")));  // no licence, no mailbox
    CHECK_FALSE(dc_holds(j, dc_mailbox("nobody@tsvmuster.onmicrosoft.com")));

    dc_verified(j);
    dc_do(j, sim::ops::change_username(kAdmin, tom, "tom", kDcDomain));
    CHECK(dc_holds(j, dc_mailbox("tom@tsv-musterstadt.de", "user")));
    CHECK(dc_holds(j, dc_mailbox(tom, "user")));  // the old name, an alias now

    // The MX switched before info@ exists: a test mail bounces.
    dc_add(j, {"MX", "@", kDcMx, 3600, 0});
    dc_do(j, sim::ops::delete_dns_record(kAdmin, kDcDomain, "rec-mx"));
    dc_do(j, sim::ops::publish_zone(kAdmin, kDcDomain));
    dc_propagate(j);
    const json bounced =
        dc_parse(R"({"event": {"kind": "mail.bounced", "data": {"to": "info@tsv-musterstadt.de"}}})");
    const json delivered =
        dc_parse(R"({"event": {"kind": "mail.delivered", "data": {"to": "info@tsv-musterstadt.de"}}})");
    CHECK_FALSE(dc_holds(j, bounced));
    dc_do(j, sim::ops::send_test_mail(kAdmin, "info@tsv-musterstadt.de"));
    j.advance(1);
    CHECK(dc_holds(j, bounced));
    CHECK_FALSE(dc_holds(j, delivered));
    CHECK_FALSE(dc_holds(j, dc_mailbox("info@tsv-musterstadt.de")));

    dc_do(j, sim::ops::add_shared_mailbox(kAdmin, "Info", "info@tsv-musterstadt.de"));
    CHECK(dc_holds(j, dc_mailbox("info@tsv-musterstadt.de")));
    CHECK(dc_holds(j, dc_mailbox("info@tsv-musterstadt.de", "shared")));
    CHECK_FALSE(dc_holds(j, dc_mailbox("info@tsv-musterstadt.de", "user")));
    dc_do(j, sim::ops::send_test_mail(kAdmin, "info@tsv-musterstadt.de"));
    j.advance(1);
    CHECK(dc_holds(j, delivered));
    CHECK(dc_holds(
        j,
        dc_parse(
            R"({"event": {"kind": "mail.*", "data": {"to": "info@tsv-musterstadt.de"}, "at_least": 2, "at_most": 2}})")));
}

TEST_CASE("domain conditions refuse bad forms with pointers and a did-you-mean", "[sim][conditions]") {
    auto e = dc_pointers(dc_parse(R"({"domain_status": {"domain": "verein.de", "status": "helthy"}})"));
    CHECK(dc_has(e, "/c/domain_status/status", "did you mean \"healthy\""));
    e = dc_pointers(dc_parse(R"({"domain_status": {"domain": "verein.de"}})"));
    CHECK(dc_has(e, "/c/domain_status", "needs \"status\""));
    e = dc_pointers(dc_parse(R"({"domain_status": {"domain": "verein.de", "status": [], "defualt": true}})"));
    CHECK(dc_has(e, "/c/domain_status/status", "empty"));
    CHECK(dc_has(e, "/c/domain_status/defualt", "did you mean \"default\""));
    e = dc_pointers(dc_parse(R"({"domain_status": {"status": "healthy"}})"));
    CHECK(dc_has(e, "/c/domain_status", "needs \"domain\""));
    e = dc_pointers(dc_parse(R"({"domain_status": {"domain": "verein.de", "status": ["healthy", "done"]}})"));
    CHECK(dc_has(e, "/c/domain_status/status/1", "domain status"));

    e = dc_pointers(dc_parse(
        R"({"dns_record": {"domain": "verein.de", "host": "@", "record_type": "AAAA", "visibel": true}})"));
    CHECK(dc_has(e, "/c/dns_record/record_type", "A, CNAME, MX, TXT, SRV"));
    CHECK(dc_has(e, "/c/dns_record/visibel", "did you mean \"visible\""));
    e = dc_pointers(dc_parse(
        R"({"dns_record": {"domain": "verein.de", "host": "@", "record_type": "TXT", "published": "yes", "value": 5}})"));
    CHECK(dc_has(e, "/c/dns_record/published", "true or false"));
    CHECK(dc_has(e, "/c/dns_record/value", "text"));
    e = dc_pointers(dc_parse(R"({"dns_record": {"domain": "verein.de", "record_type": "MX"}})"));
    CHECK(dc_has(e, "/c/dns_record", "needs \"domain\", \"host\""));

    e = dc_pointers(dc_parse(R"({"mailbox": {"address": "info", "kind": "shard"}})"));
    CHECK(dc_has(e, "/c/mailbox/address", "mail address"));
    CHECK(dc_has(e, "/c/mailbox/kind", "did you mean \"shared\""));
    e = dc_pointers(dc_parse(R"({"mailbox": "info@verein.de"})"));
    CHECK(dc_has(e, "/c/mailbox", "needs \"address\""));
    e = dc_pointers(dc_parse(R"({"mailboxes": {"address": "info@verein.de"}})"));
    CHECK(dc_has(e, "/c/mailboxes", "did you mean \"mailbox\""));

    // A hand-built condition that skipped validation never crashes an evaluation.
    Journey j = dc_journey();
    CHECK_FALSE(sim::evaluate_condition(dc_parse(R"({"dns_record": {"domain": 5}})"), j.sim));
    CHECK_FALSE(sim::evaluate_condition(dc_parse(R"({"mailbox": {}})"), j.sim));
}

TEST_CASE("the shipped domain and mail scenarios use the new conditions and load", "[sim][conditions]") {
    for (const char* file :
         {"c16-domain-wont-verify.json", "c17-mail-lost-after-mx-switch.json", "domain-setup-journey.json",
          "c26-domain-removal-blocked.json", "c30-split-delivery-mx-still-old.json"}) {
        INFO(file);
        const auto loaded = sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + file);
        CHECK(loaded.ok());
    }
}
