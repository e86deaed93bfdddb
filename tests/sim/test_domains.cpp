// tests/sim/test_domains.cpp — Settings > Domains: the add-domain wizard from the name to "Healthy",
// the verification code drawn from the seed, the limits, Set as default, usernames on the domain and the
// blocked removal (domain.md §5.1, domain-admin.md §5; support cases C16 and C26).
#include "journey_fixture.hpp"

#include "sim/domains.hpp"
#include "sim/ops.hpp"
#include "sim/users.hpp"

#include <set>

using namespace journey_test;

namespace {

constexpr const char* kDomain = "tsv-musterstadt.de";

std::string dm_upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

// The association's zone at its DNS host: the website and the old mail provider.
sim::DnsZone dm_old_zone() {
    sim::DnsZone z;
    z.domain = kDomain;
    z.records = {{"rec-a", "A", "@", "203.0.113.10", 3600, 0, 0, 0},
                 {"rec-mx", "MX", "@", "mx.oldmail.example", 3600, 10, 0, 0}};
    z.visible = z.records;
    return z;
}

sim::World dm_domains_world(json people = json::array()) {
    sim::World w = world_from(approved_scenario(std::move(people)));
    w.domains.zones.push_back(dm_old_zone());
    return w;
}

sim::ActionResult dm_run(Journey& j, const sim::Action& a) {
    return j.act(a.type, a.actor, a.args);
}

json dm_ok(Journey& j, const sim::Action& a) {
    return j.ok(a.type, a.actor, a.args);
}

const sim::DnsZone& dm_zone(const Journey& j) {
    const sim::DnsZone* z = sim::find_zone(j.world(), kDomain);
    REQUIRE(z != nullptr);
    return *z;
}

// Publishes the zone and steps the clock until Microsoft sees that publication.
void dm_publish_and_propagate(Journey& j) {
    dm_ok(j, sim::ops::publish_zone(kAdmin, kDomain));
    const std::uint64_t serial = dm_zone(j).published_serial;
    while (dm_zone(j).visible_serial < serial) REQUIRE(j.sim.step_to_next_event());
}

std::string dm_add_record(Journey& j, const sim::ops::DnsRecordInput& r) {
    return dm_ok(j, sim::ops::add_dns_record(kAdmin, kDomain, r))["id"];
}

std::string dm_code_of(const Journey& j) {
    return j.world().domains.verification_code;
}

// Adds the domain, the TXT record, publishes, waits for the propagation and verifies.
void dm_verified_domain(Journey& j) {
    dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
    dm_add_record(j, {"TXT", "@", dm_code_of(j)});
    dm_publish_and_propagate(j);
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
}

void dm_add_exchange_records(Journey& j) {
    dm_add_record(j, {"MX", "@", "tsv-musterstadt-de.mail.protection.outlook.com", 3600, 0});
    dm_add_record(j, {"CNAME", "autodiscover", "autodiscover.outlook.com"});
    dm_add_record(j, {"TXT", "@", "v=spf1 include:spf.protection.outlook.com -all"});
    dm_ok(j, sim::ops::delete_dns_record(kAdmin, kDomain, "rec-mx"));
}

bool dm_journal_has_event(const Journey& j, const std::string& kind) {
    for (const auto& e : j.sim.journal().entries())
        if (e.kind == "event" && e.body.value("kind", std::string()) == kind) return true;
    return false;
}

}  // namespace

TEST_CASE("the add-domain wizard: name, TXT, publish, propagation, Verify, records, Healthy",
          "[sim][domains]") {
    Journey j(dm_domains_world());
    json added = dm_ok(j, sim::ops::add_domain(kAdmin, "TSV-Musterstadt.de"));
    CHECK(added["domain"] == kDomain);
    CHECK(added["verified"] == false);
    const std::string code = added["verification"]["value"];
    CHECK(code.rfind("MS=ms", 0) == 0);
    CHECK(code.size() == 13);
    CHECK(added["verification"]["type"] == "TXT");
    CHECK(added["verification"]["host"] == "@");
    CHECK(sim::domain_status(j.world(), kDomain) == sim::DomainStatus::Unverified);

    // Nothing at the DNS host yet: Verify fails with the "record not found" message.
    CHECK(j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}})["value"] ==
          code);
    dm_add_record(j, {"TXT", "@", code});
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});  // saved only
    dm_ok(j, sim::ops::publish_zone(kAdmin, kDomain));
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});  // not propagated
    const std::uint64_t serial = dm_zone(j).published_serial;
    while (dm_zone(j).visible_serial < serial) REQUIRE(j.sim.step_to_next_event());
    CHECK(dm_journal_has_event(j, "dns.propagated"));
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
    CHECK(dm_journal_has_event(j, "domains.verified"));
    CHECK(sim::domain_status(j.world(), kDomain) == sim::DomainStatus::IncompleteSetup);

    // "I'll add the DNS records myself": the records page lists what is missing.
    json page = dm_ok(j, sim::ops::choose_dns_setup(kAdmin, kDomain, "self"));
    REQUIRE(page["records"].size() == 3);
    CHECK(page["records"][0]["type"] == "MX");
    CHECK(page["records"][0]["value"] == "tsv-musterstadt-de.mail.protection.outlook.com");
    CHECK(page["records"][0]["priority"] == 0);
    CHECK(page["records"][1]["value"] == "autodiscover.outlook.com");
    CHECK(page["records"][2]["value"] == "v=spf1 include:spf.protection.outlook.com -all");
    for (const auto& r : page["records"]) CHECK(r["ok"] == false);

    dm_add_exchange_records(j);
    dm_publish_and_propagate(j);
    json done = dm_ok(j, sim::ops::finish_domain_setup(kAdmin, kDomain));
    CHECK(done["status"] == "healthy");
    CHECK(done["issues"].empty());
    CHECK(sim::domain_status(j.world(), kDomain) == sim::DomainStatus::Healthy);
    CHECK(dm_ok(j, sim::ops::check_domain_health(kAdmin, kDomain))["issues"].empty());
    const auto rows = sim::domain_rows(j.world());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].initial);
    CHECK(rows[0].is_default);
    CHECK(rows[1].name == kDomain);
    CHECK(rows[1].status == sim::DomainStatus::Healthy);
}

TEST_CASE("skipping the DNS step leaves the setup incomplete until Continue setup", "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_verified_domain(j);
    dm_ok(j, sim::ops::choose_dns_setup(kAdmin, kDomain, "skip"));
    CHECK(sim::domain_status(j.world(), kDomain) == sim::DomainStatus::IncompleteSetup);
    j.fails("domains.dns_setup_not_chosen", "domains.finish_setup", kAdmin, {{"domain", kDomain}});
    dm_ok(j, sim::ops::choose_dns_setup(kAdmin, kDomain, "self"));
    // Finished with the old MX still in place: the status names the issues.
    json done = dm_ok(j, sim::ops::finish_domain_setup(kAdmin, kDomain));
    CHECK(done["status"] == "possible_service_issues");
    CHECK(done["issues"].size() == 3);
    j.fails("domains.invalid_dns_setup", "domains.choose_dns_setup", kAdmin,
            {{"domain", kDomain}, {"mode", "later"}});
}

TEST_CASE("C16: the TXT value without MS= never verifies - the fix does after propagation",
          "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
    const std::string code = dm_code_of(j);
    const std::string id = dm_add_record(j, {"TXT", "@", code.substr(3)});  // "ms12345678"
    dm_publish_and_propagate(j);
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});
    j.advance(3 * sim::kDay);
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});
    dm_ok(j, sim::ops::edit_dns_record(kAdmin, kDomain, id, {"TXT", "@", code}));
    dm_publish_and_propagate(j);
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
}

TEST_CASE("a record saved but not published stays invisible, however long one waits", "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
    dm_add_record(j, {"TXT", "@", dm_code_of(j)});
    j.advance(3 * sim::kDay);
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});
    CHECK(dm_zone(j).unpublished_changes);
}

TEST_CASE("the MX and file verification methods", "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
    json mx = dm_ok(j, sim::ops::choose_verification_method(kAdmin, kDomain, "mx"));
    const std::string target = mx["verification"]["value"];
    CHECK(target == dm_code_of(j).substr(3) + ".msv1.invalid");
    dm_add_record(j, {"MX", "@", target, 3600, 32767});
    dm_publish_and_propagate(j);
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
    j.fails("domains.already_verified", "domains.choose_method", kAdmin,
            {{"domain", kDomain}, {"method", "txt"}});
    j.fails("domains.invalid_method", "domains.choose_method", kAdmin,
            {{"domain", kDomain}, {"method", "fax"}});

    sim::World w = dm_domains_world();
    w.domains.zones[0].site_files = {"ms00000000.txt"};
    Journey f(std::move(w));
    dm_ok(f, sim::ops::add_domain(kAdmin, kDomain));
    json file = dm_ok(f, sim::ops::choose_verification_method(kAdmin, kDomain, "file"));
    CHECK(file["verification"]["host"] == "http://tsv-musterstadt.de/" + dm_code_of(f).substr(3) + ".txt");
    f.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});
}

TEST_CASE("the verification code and the propagation delays come from the seed", "[sim][domains]") {
    auto code_and_time = [](std::uint64_t seed) {
        Journey j(dm_domains_world(), seed);
        dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
        dm_add_record(j, {"TXT", "@", dm_code_of(j)});
        const sim::SimTime published = j.sim.now();
        dm_publish_and_propagate(j);
        return std::make_pair(dm_code_of(j), dm_zone(j).visible_since - published);
    };
    const auto a = code_and_time(7), b = code_and_time(7), c = code_and_time(8);
    CHECK(a == b);
    CHECK(a.first != c.first);
    CHECK(a.second != c.second);
    CHECK(a.second > 0);
}

TEST_CASE("propagation delays: the default spreads over minutes to hours, a scenario can set its own",
          "[sim][domains]") {
    CHECK(sim::Settings{}.dns_propagation_delay == sim::Settings::kDefaultDnsPropagation);
    int within_hour = 0, over_hour = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        Journey j(dm_domains_world(), seed);
        dm_ok(j, sim::ops::add_dns_record(kAdmin, kDomain, {"TXT", "@", "hello"}));
        const sim::SimTime t0 = j.sim.now();
        dm_publish_and_propagate(j);
        const sim::SimTime d = dm_zone(j).visible_since - t0;
        (d <= sim::kHour ? within_hour : over_hour) += 1;
    }
    CHECK(within_hour > 25);  // most within the hour …
    CHECK(within_hour < 40);  // … but not all

    json scenario = approved_scenario();
    scenario["delays"] = {{"dns_propagation", "36h"}};
    sim::World w = world_from(scenario);
    w.domains.zones.push_back(dm_old_zone());
    Journey slow(std::move(w));
    dm_ok(slow, sim::ops::add_dns_record(kAdmin, kDomain, {"TXT", "@", "hello"}));
    const sim::SimTime t0 = slow.sim.now();
    dm_publish_and_propagate(slow);
    CHECK(dm_zone(slow).visible_since - t0 >= 36 * sim::kHour);
    CHECK(sim::to_json(slow.world())["settings"].contains("dns_propagation_delay"));
    CHECK_FALSE(sim::to_json(dm_domains_world())["settings"].contains("dns_propagation_delay"));
}

TEST_CASE("skip to next event reaches the propagation, then Verify succeeds", "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
    dm_add_record(j, {"TXT", "@", dm_code_of(j)});
    dm_ok(j, sim::ops::publish_zone(kAdmin, kDomain));
    j.fails("domains.record_not_found", "domains.verify", kAdmin, {{"domain", kDomain}});
    const sim::ActionResult skipped = dm_run(j, sim::ops::skip_to_next_event());
    CHECK(skipped.ok);
    CHECK(dm_zone(j).visible_serial == dm_zone(j).published_serial);
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
}

TEST_CASE("domain limits: names, onmicrosoft.com, other tenants, subdomains, roles", "[sim][domains]") {
    sim::World w =
        dm_domains_world(json::array({{{"upn", "uwe"}, {"usage_location", "DE"}, {"roles", {"user_admin"}}},
                                      {{"upn", "dina"}, {"roles", {"domain_name_admin"}}}}));
    w.domains.verified_elsewhere = {"altverein.de"};
    Journey j(std::move(w));
    j.fails("domains.invalid_name", "domains.add", kAdmin, {{"domain", "http://verein"}});
    j.fails("domains.invalid_name", "domains.add", kAdmin, {{"domain", "verein"}});
    j.fails("domains.field_required", "domains.add", kAdmin, {{"domain", ""}});
    CHECK(dm_ok(j, sim::ops::add_domain(kAdmin, "müller-verein.de"))["domain"] == "müller-verein.de");
    j.fails("domains.verified_in_other_tenant", "domains.add", kAdmin, {{"domain", "altverein.de"}});
    j.fails("domains.already_added", "domains.add", kAdmin, {{"domain", "tsvmuster.onmicrosoft.com"}});
    j.fails("domains.insufficient_role", "domains.add", dm_upn("uwe"), {{"domain", "x-verein.de"}});
    dm_ok(j, sim::ops::add_domain(dm_upn("dina"), "x-verein.de"));

    for (const char* extra :
         {"tsv2.onmicrosoft.com", "tsv3.onmicrosoft.com", "tsv4.onmicrosoft.com", "tsv5.onmicrosoft.com"})
        CHECK(dm_ok(j, sim::ops::add_domain(kAdmin, extra))["verified"] == true);
    CHECK(j.fails("domains.onmicrosoft_limit", "domains.add", kAdmin,
                  {{"domain", "tsv6.onmicrosoft.com"}})["max"] == 5);

    // A subdomain verifies by itself once its root is verified.
    CHECK(dm_ok(j, sim::ops::add_domain(kAdmin, "mitglieder.tsv-musterstadt.de"))["verified"] == false);
    dm_verified_domain(j);
    CHECK(dm_ok(j, sim::ops::add_domain(kAdmin, "jugend.tsv-musterstadt.de"))["verified"] == true);
}

TEST_CASE("Set as default changes the suggested domain - users only on verified domains", "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_ok(j, sim::ops::add_domain(kAdmin, kDomain));
    json user = {{"display_name", "Max Muster"}, {"username", "max"}, {"domain", kDomain}};
    j.fails("users.domain_not_verified", "users.add", kAdmin, user);
    j.fails("users.unknown_domain", "users.add", kAdmin,
            {{"display_name", "M"}, {"username", "m"}, {"domain", "x.de"}});
    j.fails("domains.not_verified", "domains.set_default", kAdmin, {{"domain", kDomain}});
    CHECK(sim::user_domains(j.world()) == std::vector<std::string>{"tsvmuster.onmicrosoft.com"});
    dm_add_record(j, {"TXT", "@", dm_code_of(j)});
    dm_publish_and_propagate(j);
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
    CHECK(sim::user_domains(j.world()) == std::vector<std::string>{"tsvmuster.onmicrosoft.com", kDomain});
    CHECK(j.ok("users.add", kAdmin, user)["upn"] == "max@tsv-musterstadt.de");

    json set = dm_ok(j, sim::ops::set_default_domain(kAdmin, kDomain));
    CHECK(set["previous"] == "tsvmuster.onmicrosoft.com");
    CHECK(dm_journal_has_event(j, "domains.default_changed"));
    CHECK(sim::default_domain(j.world()) == kDomain);
    CHECK(sim::user_domains(j.world()).front() == kDomain);
    CHECK(j.ok("users.add", kAdmin, {{"display_name", "Eva"}, {"username", "eva"}})["upn"] ==
          "eva@tsv-musterstadt.de");
}

TEST_CASE("changing a username keeps the old address as an alias", "[sim][domains][users]") {
    Journey j(dm_domains_world(json::array({{{"upn", "tom"}, {"usage_location", "DE"}}})));
    dm_verified_domain(j);
    json changed = dm_ok(j, sim::ops::change_username(kAdmin, dm_upn("tom"), "tom", kDomain));
    CHECK(changed["user"] == "tom@tsv-musterstadt.de");
    const sim::Person& tom = j.person("tom@tsv-musterstadt.de");
    CHECK(tom.aliases == std::vector<std::string>{dm_upn("tom")});
    CHECK(j.world().find_person(dm_upn("tom")) == nullptr);
    CHECK(sim::find_person_by_address(j.world(), dm_upn("tom")) == &tom);
    // The alias is taken: nobody else gets it.
    j.fails("users.username_taken", "users.add", kAdmin, {{"display_name", "T"}, {"username", "tom"}});
    dm_ok(j, sim::ops::add_domain(kAdmin, "neu-verein.de"));
    j.fails("users.domain_not_verified", "users.change_username", kAdmin,
            {{"user", "tom@tsv-musterstadt.de"}, {"username", "tom"}, {"domain", "neu-verein.de"}});
}

TEST_CASE("C26: removing a domain is blocked while users or aliases use it", "[sim][domains]") {
    Journey j(dm_domains_world(json::array({{{"upn", "tom"}, {"usage_location", "DE"}}})));
    j.fails("domains.cannot_remove_initial", "domains.remove", kAdmin,
            {{"domain", "tsvmuster.onmicrosoft.com"}});
    dm_verified_domain(j);
    dm_ok(j, sim::ops::change_username(kAdmin, dm_upn("tom"), "tom", kDomain));
    dm_ok(j, sim::ops::set_default_domain(kAdmin, kDomain));
    j.fails("domains.is_default", "domains.remove", kAdmin, {{"domain", kDomain}});
    dm_ok(j, sim::ops::set_default_domain(kAdmin, "tsvmuster.onmicrosoft.com"));
    json in_use = j.fails("domains.in_use", "domains.remove", kAdmin, {{"domain", kDomain}});
    CHECK(in_use["count"] == 1);
    CHECK(in_use["examples"] == "tom@tsv-musterstadt.de");
    // Back to the onmicrosoft.com name: now the alias on the domain blocks it.
    dm_ok(j, sim::ops::change_username(kAdmin, "tom@tsv-musterstadt.de", "tom", "tsvmuster.onmicrosoft.com"));
    CHECK(j.fails("domains.in_use", "domains.remove", kAdmin, {{"domain", kDomain}})["examples"] ==
          "tom@tsv-musterstadt.de");
    CHECK(j.person(dm_upn("tom")).aliases == std::vector<std::string>{"tom@tsv-musterstadt.de"});
    j.fails("domains.unknown_domain", "domains.remove", kAdmin, {{"domain", "nope.de"}});
}

TEST_CASE("removing an unused domain, and the world's JSON round trip with domains", "[sim][domains]") {
    Journey j(dm_domains_world());
    dm_verified_domain(j);
    dm_ok(j, sim::ops::add_domain(kAdmin, "spare-verein.de"));
    dm_ok(j, sim::ops::remove_domain(kAdmin, "spare-verein.de"));
    CHECK(sim::find_domain(j.world(), "spare-verein.de") == nullptr);
    CHECK(dm_journal_has_event(j, "domains.removed"));

    const json saved = sim::to_json(j.world());
    REQUIRE(saved.contains("domains"));
    sim::World back;
    std::string error;
    REQUIRE(sim::world_from_json(saved, back, error));
    CHECK(sim::to_json(back) == saved);
    CHECK_FALSE(sim::to_json(dm_domains_world()).dump().empty());
    // Without any domain data the canonical JSON has no "domains" key (older hashes stay).
    CHECK_FALSE(sim::to_json(world_from(approved_scenario())).contains("domains"));
}

TEST_CASE("every Settings > Domains operation needs a Global or Domain Name Administrator",
          "[sim][domains]") {
    Journey j(dm_domains_world(
        json::array({{{"upn", "uwe"}, {"usage_location", "DE"}, {"roles", {"user_admin"}}}})));
    const std::string uwe = "uwe@tsvmuster.onmicrosoft.com";
    for (const char* op :
         {"domains.add", "domains.choose_method", "domains.verify", "domains.choose_dns_setup",
          "domains.finish_setup", "domains.check_health", "domains.set_default", "domains.remove"}) {
        INFO(op);
        j.fails("domains.insufficient_role", op, uwe,
                {{"domain", kDomain}, {"method", "txt"}, {"mode", "self"}});
    }
    // The DNS host is not Microsoft's: whoever has its login edits records (here: a wrong id).
    j.fails("dns.unknown_record", "dns.record_edit", uwe, {{"domain", kDomain}, {"id", "rec-none"}});
    j.fails("auth.unknown_account", "users.change_username", "nobody@tsvmuster.onmicrosoft.com",
            {{"user", uwe}, {"username", "u"}});
}

TEST_CASE("the start state's domains and DNS host", "[sim][domains][start]") {
    json scenario = approved_scenario(json::array({{{"upn", "tom"}, {"usage_location", "DE"}}}));
    scenario["start"]["domains"] = {
        {"verified_elsewhere", {"altverein.de"}},
        {"default", "alt-verein.de"},
        {"list",
         {{{"name", kDomain}},
          {{"name", "alt-verein.de"}, {"status", "healthy"}, {"services", {"exchange", "teams"}}}}}};
    scenario["start"]["dns_host"] = {
        {"root_host", "blank"},
        {"zones",
         {{{"domain", kDomain},
           {"records",
            {{{"type", "A"}, {"host", ""}, {"value", "203.0.113.10"}},
             {{"type", "MX"}, {"host", ""}, {"value", "mx.oldmail.example"}, {"priority", 10}}}}}}}};
    sim::World w = world_from(scenario);
    CHECK(sim::domain_status(w, kDomain) == sim::DomainStatus::Unverified);
    CHECK(sim::default_domain(w) == "alt-verein.de");
    // Set up, but no zone with Microsoft's records: the status follows the records.
    CHECK(sim::domain_status(w, "alt-verein.de") == sim::DomainStatus::PossibleServiceIssues);
    REQUIRE(w.domains.zones.size() == 1);
    CHECK(w.domains.zones[0].visible.size() == 2);
    CHECK(w.domains.conventions.root_host == "blank");
    CHECK(w.domains.verification_code.empty());

    // The code is drawn at the start (an unverified domain needs it), from the seed.
    Journey j(w, 11), again(w, 11), other(w, 12);
    CHECK(dm_code_of(j).rfind("MS=ms", 0) == 0);
    CHECK(dm_code_of(j) == dm_code_of(again));
    CHECK(dm_code_of(j) != dm_code_of(other));
    dm_add_record(j, {"TXT", "", dm_code_of(j)});
    dm_publish_and_propagate(j);
    dm_ok(j, sim::ops::verify_domain(kAdmin, kDomain));
    j.fails("domains.verified_in_other_tenant", "domains.add", kAdmin, {{"domain", "altverein.de"}});

    // Bad input: pointers and plain messages, never a crash.
    json bad = approved_scenario();
    bad["start"]["domains"] = {{"verification_code", "ms123"},
                               {"list", {{{"name", "not a domain"}, {"status", "done"}}}}};
    bad["start"]["dns_host"] = {
        {"root_host", "at"},
        {"zones", {{{"domain", kDomain}, {"records", {{{"type", "AAAA"}, {"valu", "x"}}}}}}}};
    sim::World ignored;
    std::vector<sim::StartStateError> errors;
    CHECK_FALSE(sim::world_from_scenario(bad, catalog(), ignored, errors));
    std::set<std::string> pointers;
    for (const auto& e : errors) pointers.insert(e.pointer);
    for (const char* p :
         {"/start/domains/verification_code", "/start/domains/list/0/name", "/start/dns_host/root_host",
          "/start/dns_host/zones/0/records/0/type", "/start/dns_host/zones/0/records/0/valu"}) {
        INFO(p);
        CHECK(pointers.count(p) == 1);
    }
}

TEST_CASE("C17: mail follows the MX - old provider first, then Microsoft 365 mailboxes or a bounce",
          "[sim][domains][mail]") {
    json scenario = approved_scenario(
        json::array({{{"upn", "tom"}, {"usage_location", "DE"}, {"licences", {kBasicGrant}}},
                     {{"upn", "uwe"}, {"usage_location", "DE"}}}));
    scenario["start"]["subscriptions"] = json::array({{{"sku", kBasicGrant}, {"quantity", 5}}});
    sim::World w = world_from(scenario);
    w.domains.zones.push_back(dm_old_zone());
    Journey j(std::move(w));
    dm_verified_domain(j);
    dm_ok(j, sim::ops::change_username(kAdmin, dm_upn("tom"), "tom", kDomain));
    dm_ok(j, sim::ops::change_username(kAdmin, dm_upn("uwe"), "uwe", kDomain));
    CHECK(sim::has_mailbox(j.world(), j.person("tom@tsv-musterstadt.de")));
    CHECK_FALSE(sim::has_mailbox(j.world(), j.person("uwe@tsv-musterstadt.de")));

    // While the MX points to the old provider, everything goes there.
    CHECK(sim::mail_route(j.world(), "tom@tsv-musterstadt.de") == "old_provider");
    CHECK(dm_ok(j, sim::ops::send_test_mail(kAdmin, "tom@tsv-musterstadt.de"))["outcome"] == "old_provider");
    CHECK(sim::old_provider_inbox(j.world()).size() == 1);

    // Switch the MX to Microsoft 365 before the mailboxes exist: info@ bounces at Microsoft's edge.
    dm_add_record(j, {"MX", "@", "tsv-musterstadt-de.mail.protection.outlook.com", 3600, 0});
    dm_ok(j, sim::ops::delete_dns_record(kAdmin, kDomain, "rec-mx"));
    dm_publish_and_propagate(j);
    CHECK(sim::mail_route(j.world(), "info@tsv-musterstadt.de") == "microsoft");
    json bounced = dm_ok(j, sim::ops::send_test_mail(kAdmin, "info@tsv-musterstadt.de"));
    CHECK(bounced["outcome"] == "bounced");
    CHECK(bounced["ndr"] == "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)");
    CHECK(dm_journal_has_event(j, "mail.bounced"));
    CHECK(dm_ok(j, sim::ops::send_test_mail(kAdmin, "uwe@tsv-musterstadt.de"))["outcome"] ==
          "bounced");  // no licence
    CHECK(dm_ok(j, sim::ops::send_test_mail(kAdmin, "tom@tsv-musterstadt.de"))["outcome"] == "delivered");
    CHECK(sim::find_mail(j.world(), "tom@tsv-musterstadt.de", "mail.outside_test.subject") != nullptr);
    // The old address (an alias now) reaches the same mailbox.
    CHECK(dm_ok(j, sim::ops::send_test_mail(kAdmin, dm_upn("tom")))["outcome"] == "delivered");

    // The fix: info@ as a shared mailbox (no licence).
    dm_ok(j, sim::ops::add_shared_mailbox(kAdmin, "Info", "info@tsv-musterstadt.de"));
    j.fails("mailboxes.address_taken", "mailboxes.add_shared", kAdmin,
            {{"display_name", "Tom"}, {"address", "tom@tsv-musterstadt.de"}});
    j.fails("users.domain_not_verified", "mailboxes.add_shared", kAdmin,
            {{"display_name", "X"}, {"address", "x@other-verein.de"}});
    j.fails("mailboxes.insufficient_role", "mailboxes.add_shared", "tom@tsv-musterstadt.de",
            {{"display_name", "X"}, {"address", "x@tsv-musterstadt.de"}});
    CHECK(dm_ok(j, sim::ops::send_test_mail(kAdmin, "info@tsv-musterstadt.de"))["outcome"] == "delivered");
    CHECK(dm_ok(j, sim::ops::send_test_mail(kAdmin, "someone@nowhere-verein.de"))["ndr"] ==
          "550 5.4.1 Relay Access Denied");
    j.fails("mailboxes.invalid_address", "mailboxes.send_test", kAdmin, {{"to", "not-an-address"}});

    // The shared mailbox keeps the domain in use; the world's JSON carries the mail side.
    CHECK(sim::domain_references(j.world(), kDomain).size() == 3);  // tom@, uwe@ and the shared info@
    const json saved = sim::to_json(j.world());
    sim::World back;
    std::string error;
    REQUIRE(sim::world_from_json(saved, back, error));
    CHECK(sim::to_json(back) == saved);
}
