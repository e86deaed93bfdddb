// tests/sim/test_dns.cpp — the association's DNS host: records, the panel's conventions ("@" or a blank
// host, TXT quoting), publishing and propagation, and the typical mistakes with the consequence Check
// health or Verify shows (domain-admin.md §5.2, §5.5).
#include "journey_fixture.hpp"

#include "sim/domains.hpp"
#include "sim/ops.hpp"

using namespace journey_test;

namespace {

constexpr const char* kZone = "verein-nord.de";
constexpr const char* kMx = "verein-nord-de.mail.protection.outlook.com";
constexpr const char* kSpf = "v=spf1 include:spf.protection.outlook.com -all";

sim::World dn_dns_world(const std::string& root_host = "@", const std::string& quoting = "auto") {
    sim::World w = world_from(approved_scenario());
    sim::DnsZone z;
    z.domain = kZone;
    z.records = {{"rec-a", "A", "@", "203.0.113.20", 3600, 0, 0, 0},
                 {"rec-spf", "TXT", "@", "v=spf1 include:_spf.oldmail.example ~all", 3600, 0, 0, 0}};
    if (root_host == "blank")
        for (auto& r : z.records) r.host = "";
    z.visible = z.records;
    w.domains.zones.push_back(z);
    w.domains.conventions.root_host = root_host;
    w.domains.conventions.txt_quoting = quoting;
    return w;
}

json dn_ok(Journey& j, const sim::Action& a) {
    return j.ok(a.type, a.actor, a.args);
}

const sim::DnsZone& dn_zone(const Journey& j) {
    const sim::DnsZone* z = sim::find_zone(j.world(), kZone);
    REQUIRE(z != nullptr);
    return *z;
}

void dn_publish_and_propagate(Journey& j) {
    dn_ok(j, sim::ops::publish_zone(kAdmin, kZone));
    const std::uint64_t serial = dn_zone(j).published_serial;
    while (dn_zone(j).visible_serial < serial) REQUIRE(j.sim.step_to_next_event());
}

std::string dn_add(Journey& j, const sim::ops::DnsRecordInput& r) {
    return dn_ok(j, sim::ops::add_dns_record(kAdmin, kZone, r))["id"];
}

// A verified domain whose DNS step was chosen ("self"), for health checks.
Journey dn_verified(sim::World w) {
    Journey j(std::move(w));
    dn_ok(j, sim::ops::add_domain(kAdmin, kZone));
    dn_add(j, {"TXT", "@", j.world().domains.verification_code});
    dn_publish_and_propagate(j);
    dn_ok(j, sim::ops::verify_domain(kAdmin, kZone));
    dn_ok(j, sim::ops::choose_dns_setup(kAdmin, kZone, "self"));
    return j;
}

std::vector<std::pair<std::string, std::string>> dn_issues(Journey& j) {
    std::vector<std::pair<std::string, std::string>> out;
    const json health = dn_ok(j, sim::ops::check_domain_health(kAdmin, kZone));
    for (const auto& i : health["issues"]) out.emplace_back(i["record"], i["problem"]);
    return out;
}

using Issues = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("records: add, edit, delete, and the field-level refusals", "[sim][dns]") {
    Journey j(dn_dns_world());
    const std::string id = dn_add(j, {"CNAME", "www", "verein-nord.example.net"});
    CHECK(dn_zone(j).unpublished_changes);
    dn_ok(j, sim::ops::edit_dns_record(kAdmin, kZone, id, {"CNAME", "www", "verein-nord.example.org"}));
    CHECK(dn_zone(j).records.back().value == "verein-nord.example.org");
    dn_ok(j, sim::ops::delete_dns_record(kAdmin, kZone, id));
    CHECK(dn_zone(j).records.size() == 2);

    auto fails = [&](const char* code, json args) {
        args["domain"] = kZone;
        return j.fails(code, "dns.record_add", kAdmin, args);
    };
    CHECK(fails("dns.invalid_value",
                {{"record_type", "A"}, {"host", "@"}, {"value", "203.0.113.300"}})["field"] == "value");
    fails("dns.invalid_value", {{"record_type", "MX"}, {"host", "@"}, {"value", "not a host"}});
    fails("dns.invalid_type", {{"record_type", "AAAAA"}, {"host", "@"}, {"value", "x"}});
    fails("dns.field_required", {{"record_type", "TXT"}, {"host", "@"}, {"value", ""}});
    fails("dns.field_required", {{"record_type", "TXT"}, {"host", ""}, {"value", "x"}});  // the "@" panel
    CHECK(fails("dns.ttl_out_of_range",
                {{"record_type", "TXT"}, {"host", "@"}, {"value", "x"}, {"ttl", 30}})["min"] == 60);
    fails("dns.ttl_out_of_range", {{"record_type", "TXT"}, {"host", "@"}, {"value", "x"}, {"ttl", 100000}});
    fails("dns.number_out_of_range",
          {{"record_type", "MX"}, {"host", "@"}, {"value", "a.example"}, {"priority", -1}});
    fails("dns.number_out_of_range",
          {{"record_type", "SRV"}, {"host", "_sip._tls"}, {"value", "a.example"}});  // port 0
    fails("dns.invalid_host", {{"record_type", "TXT"}, {"host", "bad host"}, {"value", "x"}});
    fails("dns.cname_conflict", {{"record_type", "CNAME"}, {"host", "@"}, {"value", "a.example"}});
    fails("dns.duplicate_record", {{"record_type", "A"}, {"host", "@"}, {"value", "203.0.113.20"}});
    j.fails("dns.unknown_zone", "dns.record_add", kAdmin, {{"domain", "fremd.de"}, {"record_type", "A"}});
    j.fails("dns.unknown_record", "dns.record_delete", kAdmin, {{"domain", kZone}, {"id", "rec-x"}});
    CHECK(dn_zone(j).records.size() == 2);  // nothing refused was saved
}

TEST_CASE("publishing: nothing visible before, the newest publication wins", "[sim][dns]") {
    Journey j(dn_dns_world());
    j.fails("dns.no_changes", "dns.publish", kAdmin, {{"domain", kZone}});
    dn_add(j, {"TXT", "@", "first"});
    CHECK(sim::visible_records(j.world(), kZone, kZone, "TXT").size() == 1);  // only the old SPF
    dn_ok(j, sim::ops::publish_zone(kAdmin, kZone));
    dn_add(j, {"TXT", "@", "second"});
    dn_publish_and_propagate(j);
    // Both publications have arrived once the later one has; the later one's records are what is seen.
    j.advance(30 * sim::kDay);
    CHECK(sim::visible_records(j.world(), kZone, kZone, "TXT").size() == 3);
    CHECK(dn_zone(j).visible_serial == dn_zone(j).published_serial);
}

TEST_CASE("the healthy zone: MX, autodiscover, one merged SPF, and the Teams SRV when chosen", "[sim][dns]") {
    Journey j = dn_verified(dn_dns_world());
    CHECK(dn_issues(j) == Issues{{"mx", "missing"}, {"autodiscover", "missing"}, {"spf", "wrong_value"}});
    dn_add(j, {"MX", "@", kMx, 3600, 0});
    dn_add(j, {"CNAME", "autodiscover", "autodiscover.outlook.com."});  // a trailing dot is the same target
    dn_ok(j,
          sim::ops::edit_dns_record(
              kAdmin, kZone, "rec-spf",
              {"TXT", "@", "v=spf1 include:spf.protection.outlook.com include:_spf.oldmail.example -all"}));
    dn_publish_and_propagate(j);
    CHECK(dn_issues(j).empty());
    // With the Teams option the federation SRV record is expected as well.
    dn_ok(j, sim::ops::choose_dns_setup(kAdmin, kZone, "self", {"teams"}));
    CHECK(dn_issues(j) == Issues{{"sip_federation", "missing"}});
    dn_add(j, {"SRV", "_sipfederationtls._tcp", "sipfed.online.lync.com", 3600, 100, 1, 5061});
    dn_publish_and_propagate(j);
    CHECK(dn_issues(j).empty());
    dn_ok(j, sim::ops::finish_domain_setup(kAdmin, kZone));
    CHECK(sim::domain_status(j.world(), kZone) == sim::DomainStatus::Healthy);
}

TEST_CASE("a second SPF record instead of a merged one: permerror, Check health names it", "[sim][dns]") {
    Journey j = dn_verified(dn_dns_world());
    dn_add(j, {"MX", "@", kMx, 3600, 0});
    dn_add(j, {"CNAME", "autodiscover", "autodiscover.outlook.com"});
    dn_add(j, {"TXT", "@", kSpf});
    dn_publish_and_propagate(j);
    json health = dn_ok(j, sim::ops::check_domain_health(kAdmin, kZone));
    REQUIRE(health["issues"].size() == 1);
    CHECK(health["issues"][0]["problem"] == "duplicate_spf");
    CHECK(health["issues"][0]["found"].size() == 2);
    dn_ok(j, sim::ops::finish_domain_setup(kAdmin, kZone));
    CHECK(sim::domain_status(j.world(), kZone) == sim::DomainStatus::PossibleServiceIssues);
    dn_ok(j, sim::ops::delete_dns_record(kAdmin, kZone, "rec-spf"));
    dn_publish_and_propagate(j);
    CHECK(sim::domain_status(j.world(), kZone) == sim::DomainStatus::Healthy);
}

TEST_CASE("MX at the wrong host, a typo, another MX still in place", "[sim][dns]") {
    Journey j = dn_verified(dn_dns_world());
    const std::string mx = dn_add(j, {"MX", "mail", kMx, 3600, 0});
    dn_add(j, {"CNAME", "autodiscover", "autodiscover.outlok.com"});
    dn_add(j, {"MX", "@", "mx.oldmail.example", 3600, 10});
    dn_ok(j, sim::ops::delete_dns_record(kAdmin, kZone, "rec-spf"));
    dn_add(j, {"TXT", "@", kSpf});
    dn_publish_and_propagate(j);
    json health = dn_ok(j, sim::ops::check_domain_health(kAdmin, kZone));
    REQUIRE(health["issues"].size() == 2);
    CHECK(health["issues"][0]["problem"] == "wrong_host");
    CHECK(health["issues"][0]["found"][0] == "mail.verein-nord.de");
    CHECK(health["issues"][1]["record"] == "autodiscover");
    CHECK(health["issues"][1]["problem"] == "wrong_value");
    CHECK(health["issues"][1]["found"][0] == "autodiscover.outlok.com");
    dn_ok(j, sim::ops::edit_dns_record(kAdmin, kZone, mx, {"MX", "@", kMx, 3600, 0}));
    dn_publish_and_propagate(j);
    CHECK(dn_issues(j) == Issues{{"mx", "other_mx"}, {"autodiscover", "wrong_value"}});
}

TEST_CASE("conventions: a blank-host panel refuses the @ host - the full name as host lands one level down",
          "[sim][dns]") {
    Journey j(dn_dns_world("blank"));
    dn_ok(j, sim::ops::add_domain(kAdmin, kZone));
    const std::string code = j.world().domains.verification_code;
    CHECK(j.fails("dns.invalid_host", "dns.record_add", kAdmin,
                  {{"domain", kZone}, {"record_type", "TXT"}, {"host", "@"}, {"value", code}})["host"] ==
          "@");
    const std::string wrong =
        dn_add(j, {"TXT", kZone, code});  // Strato gotcha: verein-nord.de.verein-nord.de
    CHECK(sim::record_fqdn(j.world().domains.conventions, kZone, kZone) == "verein-nord.de.verein-nord.de");
    dn_publish_and_propagate(j);
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kZone}});
    dn_ok(j, sim::ops::edit_dns_record(kAdmin, kZone, wrong, {"TXT", "", code}));
    dn_publish_and_propagate(j);
    dn_ok(j, sim::ops::verify_domain(kAdmin, kZone));
}

TEST_CASE("conventions: pasted quotes double in an auto-quoting panel, not in a plain one", "[sim][dns]") {
    for (const char* quoting : {"auto", "none"}) {
        INFO(quoting);
        Journey j(dn_dns_world("@", quoting));
        dn_ok(j, sim::ops::add_domain(kAdmin, kZone));
        const std::string code = j.world().domains.verification_code;
        dn_add(j, {"TXT", "@", "\"" + code + "\""});
        dn_publish_and_propagate(j);
        const sim::ActionResult r = j.act("domains.verify", kAdmin, {{"domain", kZone}});
        CHECK(r.ok == (std::string(quoting) == "none"));
    }
}

TEST_CASE("a role-less person may use the DNS host, but not Settings > Domains", "[sim][dns]") {
    Journey j(world_from(approved_scenario(json::array({{{"upn", "tom"}, {"usage_location", "DE"}}}))));
    const std::string tom = "tom@tsvmuster.onmicrosoft.com";
    j.fails("domains.insufficient_role", "domains.add", tom, {{"domain", kZone}});
    j.fails("dns.unknown_zone", "dns.publish", tom, {{"domain", kZone}});
    j.fails("auth.unknown_account", "dns.publish", "nobody@x.de", {{"domain", kZone}});
}
