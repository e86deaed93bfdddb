// tests/sim/test_mail_cases.cpp — the Exchange Online support cases of domain-admin.md §4 and §7: split
// delivery and internal mail (C30, C23's 5.1.10), distribution lists that reject outside senders (C29),
// Send As on a shared mailbox before replication (C31), a converted shared mailbox that keeps its licence
// (C24), and the 30-day reservation of a deleted user's addresses (§4.1).
#include "journey_fixture.hpp"

#include "sim/domains.hpp"
#include "sim/journey.hpp"
#include "sim/licences.hpp"
#include "sim/ops.hpp"

using namespace journey_test;

namespace {

constexpr const char* kMcDomain = "tsv-musterstadt.de";
constexpr const char* kMcTom = "tom@tsv-musterstadt.de";
constexpr const char* kMcEva = "eva@tsv-musterstadt.de";
constexpr const char* kMcUwe = "uwe@tsv-musterstadt.de";
constexpr const char* kMcMsMx = "tsv-musterstadt-de.mail.protection.outlook.com";

std::string mc_upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

json mc_ok(Journey& j, const sim::Action& a) {
    return j.ok(a.type, a.actor, a.args);
}

const sim::DnsZone& mc_zone(const Journey& j) {
    const sim::DnsZone* z = sim::find_zone(j.world(), kMcDomain);
    REQUIRE(z != nullptr);
    return *z;
}

void mc_publish_and_propagate(Journey& j) {
    mc_ok(j, sim::ops::publish_zone(kAdmin, kMcDomain));
    const std::uint64_t serial = mc_zone(j).published_serial;
    while (mc_zone(j).visible_serial < serial) REQUIRE(j.sim.step_to_next_event());
}

bool mc_has_event(const Journey& j, const std::string& kind) {
    for (const auto& e : j.sim.journal().entries())
        if (e.kind == "event" && e.body.value("kind", std::string()) == kind) return true;
    return false;
}

// tom and eva licensed (Business Basic grant), uwe without a licence; the domain verified, all three moved
// to it; the MX still at the old provider.
Journey mc_journey(json delays = json::object(), bool move_users = true) {
    json scenario = approved_scenario(
        json::array({{{"upn", "tom"}, {"usage_location", "DE"}, {"licences", {kBasicGrant}}},
                     {{"upn", "eva"}, {"usage_location", "DE"}, {"licences", {kBasicGrant}}},
                     {{"upn", "uwe"}, {"usage_location", "DE"}}}));
    scenario["start"]["subscriptions"] = json::array({{{"sku", kBasicGrant}, {"quantity", 5}}});
    if (!delays.empty()) scenario["delays"] = std::move(delays);
    sim::World w = world_from(scenario);
    sim::DnsZone z;
    z.domain = kMcDomain;
    z.records = {{"rec-a", "A", "@", "203.0.113.10", 3600, 0, 0, 0},
                 {"rec-mx", "MX", "@", "mx.oldmail.example", 3600, 10, 0, 0}};
    z.visible = z.records;
    w.domains.zones.push_back(z);
    Journey j(std::move(w));
    mc_ok(j, sim::ops::add_domain(kAdmin, kMcDomain));
    mc_ok(j, sim::ops::add_dns_record(kAdmin, kMcDomain, {"TXT", "@", j.world().domains.verification_code}));
    mc_publish_and_propagate(j);
    mc_ok(j, sim::ops::verify_domain(kAdmin, kMcDomain));
    if (move_users)
        for (const char* who : {"tom", "eva", "uwe"})
            mc_ok(j, sim::ops::change_username(kAdmin, mc_upn(who), who, kMcDomain));
    return j;
}

void mc_switch_mx(Journey& j) {
    mc_ok(j, sim::ops::add_dns_record(kAdmin, kMcDomain, {"MX", "@", kMcMsMx, 3600, 0}));
    mc_ok(j, sim::ops::delete_dns_record(kAdmin, kMcDomain, "rec-mx"));
    mc_publish_and_propagate(j);
}

}  // namespace

TEST_CASE("C30: split delivery - internal mail lands in Microsoft 365 while outside mail goes by the old MX",
          "[sim][mail][c30]") {
    Journey j = mc_journey();
    REQUIRE(sim::mail_route(j.world(), kMcEva) == "old_provider");

    // Outside mail still goes to the old provider …
    CHECK(mc_ok(j, sim::ops::send_test_mail(kAdmin, kMcEva))["outcome"] == "old_provider");
    // … but tom's mail to eva stays inside Exchange Online: it lands in her (unused) Microsoft 365 mailbox,
    // which is why it "vanishes" for someone still reading the old mailbox (domain-admin.md §4.5, C30).
    json internal = mc_ok(j, sim::ops::send_internal_mail(kMcTom, kMcTom, kMcEva));
    CHECK(internal["outcome"] == "delivered");
    CHECK(internal["from"] == kMcTom);
    CHECK(sim::find_mail(j.world(), kMcEva, "mail.internal_test.subject") != nullptr);
    CHECK(sim::old_provider_inbox(j.world()).size() == 1);  // only the outside mail reached the old one
    CHECK(mc_has_event(j, "mail.delivered"));

    // An address of the accepted domain without a Microsoft 365 mailbox (uwe: no licence; kassenwart@:
    // only at the old provider) bounces for internal senders with 5.1.10 (C23's staff NDR).
    for (const char* to : {kMcUwe, "kassenwart@tsv-musterstadt.de"}) {
        INFO(to);
        json bounced = mc_ok(j, sim::ops::send_internal_mail(kMcTom, kMcTom, to));
        CHECK(bounced["outcome"] == "bounced");
        CHECK(bounced["ndr"] ==
              "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup");
    }
    // Outside addresses leave the organisation by their own MX.
    CHECK(mc_ok(j, sim::ops::send_internal_mail(kMcTom, kMcTom, "spender@example.org"))["outcome"] ==
          "external");
    CHECK(mc_has_event(j, "mail.external"));

    // The sender needs a mailbox of the organisation.
    j.fails("mailboxes.no_mailbox", "mailboxes.send_internal", kMcUwe, {{"from", kMcUwe}, {"to", kMcTom}});
    j.fails("mailboxes.unknown_mailbox", "mailboxes.send_internal", kMcTom,
            {{"from", "nobody@tsv-musterstadt.de"}, {"to", kMcTom}});
    j.fails("mailboxes.invalid_address", "mailboxes.send_internal", kMcTom, {{"from", kMcTom}, {"to", "x"}});

    // After the MX switch the outside world reaches the same mailbox; outside mail to an unknown address
    // is rejected at Microsoft's edge with 5.4.1 (the outside sender's NDR), not 5.1.10.
    mc_switch_mx(j);
    CHECK(mc_ok(j, sim::ops::send_test_mail(kAdmin, kMcEva))["outcome"] == "delivered");
    CHECK(mc_ok(j, sim::ops::send_test_mail(kAdmin, "kassenwart@tsv-musterstadt.de"))["ndr"] ==
          "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)");

    // The sender is kept in the world's JSON, which reads back exactly.
    const json saved = sim::to_json(j.world());
    CHECK(saved["domains"]["outside_mail"][1]["from"] == kMcTom);
    CHECK_FALSE(saved["domains"]["outside_mail"][0].contains("from"));
    sim::World back;
    std::string error;
    REQUIRE(sim::world_from_json(saved, back, error));
    CHECK(sim::to_json(back) == saved);
}

TEST_CASE("C29: a distribution list rejects outside senders with 5.7.133 until they are allowed",
          "[sim][mail][c29]") {
    Journey j = mc_journey();
    mc_switch_mx(j);
    const char* info = "info@tsv-musterstadt.de";
    mc_ok(j, sim::ops::add_distribution_list(kAdmin, "Info", info, {kMcTom, kMcEva}));
    const sim::DistributionList* list = sim::find_distribution_list(j.world(), info);
    REQUIRE(list != nullptr);
    CHECK_FALSE(list->allow_external);  // off by default

    json bounced = mc_ok(j, sim::ops::send_test_mail(kAdmin, info));
    CHECK(bounced["outcome"] == "bounced");
    CHECK(bounced["ndr"] ==
          "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; Sender not authenticated for group");
    CHECK(sim::find_mail(j.world(), kMcTom, "mail.outside_test.subject") == nullptr);
    // Colleagues may always write to the list.
    CHECK(mc_ok(j, sim::ops::send_internal_mail(kMcEva, kMcEva, info))["outcome"] == "delivered");
    CHECK(sim::find_mail(j.world(), kMcTom, "mail.internal_test.subject") != nullptr);

    // The fix: allow people outside the organisation to send to the list.
    mc_ok(j, sim::ops::set_list_external(kAdmin, info, true));
    CHECK(mc_ok(j, sim::ops::send_test_mail(kAdmin, info))["outcome"] == "delivered");
    CHECK(sim::find_mail(j.world(), kMcTom, "mail.outside_test.subject") != nullptr);
    CHECK(sim::find_mail(j.world(), kMcEva, "mail.outside_test.subject") != nullptr);

    // The list's address is taken, the list keeps the domain in use (C26), bad input is refused.
    j.fails("mailboxes.address_taken", "mailboxes.add_shared", kAdmin,
            {{"display_name", "Info"}, {"address", info}});
    j.fails("mailboxes.address_taken", "mailboxes.add_distribution_list", kAdmin,
            {{"display_name", "Tom"}, {"address", kMcTom}});
    j.fails("mailboxes.unknown_user", "mailboxes.add_distribution_list", kAdmin,
            {{"display_name", "V"}, {"address", "vorstand@tsv-musterstadt.de"}, {"members", {"ghost@x.de"}}});
    j.fails("users.domain_not_verified", "mailboxes.add_distribution_list", kAdmin,
            {{"display_name", "V"}, {"address", "vorstand@other-verein.de"}});
    j.fails("mailboxes.insufficient_role", "mailboxes.set_list_external", kMcTom,
            {{"address", info}, {"allow", false}});
    j.fails("mailboxes.unknown_mailbox", "mailboxes.set_list_external", kAdmin,
            {{"address", "nolist@tsv-musterstadt.de"}, {"allow", true}});
    const json saved_list = sim::to_json(j.world());

    // C26: a list alone keeps its domain in use.
    Journey k = mc_journey(json::object(), false);
    mc_ok(k, sim::ops::add_distribution_list(kAdmin, "Vorstand", "vorstand@tsv-musterstadt.de"));
    CHECK(sim::domain_references(k.world(), kMcDomain) ==
          std::vector<std::string>{"vorstand@tsv-musterstadt.de"});
    json in_use = k.fails("domains.in_use", "domains.remove", kAdmin, {{"domain", kMcDomain}});
    CHECK(in_use["examples"] == "vorstand@tsv-musterstadt.de");

    const json& saved = saved_list;
    CHECK(saved["domains"]["distribution_lists"][0]["allow_external"] == true);
    sim::World back;
    std::string error;
    REQUIRE(sim::world_from_json(saved, back, error));
    CHECK(sim::to_json(back) == saved);
}

TEST_CASE("C31: Send As from a shared mailbox fails until the permission has replicated",
          "[sim][mail][c31]") {
    Journey j = mc_journey({{"mailbox_permission", "60m"}});
    mc_switch_mx(j);
    const char* info = "info@tsv-musterstadt.de";
    mc_ok(j, sim::ops::add_shared_mailbox(kAdmin, "Info", info));
    mc_ok(j, sim::ops::grant_mailbox_access(kAdmin, info, kMcTom, "full_access"));
    mc_ok(j, sim::ops::grant_mailbox_access(kAdmin, info, kMcTom, "send_as"));
    CHECK_FALSE(sim::has_mailbox_permission(j.world(), info, kMcTom, "send_as"));

    // Right after granting: the real Outlook message.
    j.fails("mailboxes.send_as_denied", "mailboxes.send_as", kMcTom,
            {{"user", kMcTom}, {"mailbox", info}, {"to", "spender@example.org"}});
    const sim::SimTime granted = j.world().domains.permissions.back().granted_at;

    // Skip to the next events until it has replicated (exactly the scenario's 60 minutes).
    while (!sim::has_mailbox_permission(j.world(), info, kMcTom, "send_as"))
        REQUIRE(j.sim.step_to_next_event());
    CHECK(j.sim.now() - granted == 60 * sim::kMinute);
    CHECK(mc_has_event(j, "mailboxes.permission_replicated"));
    json sent = mc_ok(j, sim::ops::send_as(kMcTom, kMcTom, info, kMcEva));
    CHECK(sent["outcome"] == "delivered");
    CHECK(sent["from"] == info);

    // Full Access alone is no Send As; eva has nothing.
    j.fails("mailboxes.send_as_denied", "mailboxes.send_as", kMcEva,
            {{"user", kMcEva}, {"mailbox", info}, {"to", kMcTom}});
    j.fails("mailboxes.invalid_rights", "mailboxes.grant_access", kAdmin,
            {{"mailbox", info}, {"user", kMcEva}, {"rights", "owner"}});
    j.fails("mailboxes.unknown_mailbox", "mailboxes.grant_access", kAdmin,
            {{"mailbox", kMcTom}, {"user", kMcEva}, {"rights", "send_as"}});
    j.fails("mailboxes.unknown_user", "mailboxes.grant_access", kAdmin,
            {{"mailbox", info}, {"user", "ghost@tsv-musterstadt.de"}, {"rights", "send_as"}});

    // The delay key is in the world's settings only when a scenario sets it.
    CHECK(sim::to_json(j.world())["settings"].contains("mailbox_permission_delay"));
    CHECK_FALSE(sim::to_json(mc_journey().world())["settings"].contains("mailbox_permission_delay"));
    CHECK(sim::Settings{}.mailbox_permission_delay == sim::Settings::kDefaultMailboxPermission);
}

TEST_CASE("C31: the default replication delay is within an hour and drawn from the seed",
          "[sim][mail][c31]") {
    sim::SimTime first = -1;
    bool differs = false;
    for (std::uint64_t seed : {1U, 2U, 3U, 4U}) {
        Journey j = mc_journey();
        (void)seed;
        mc_ok(j, sim::ops::add_shared_mailbox(kAdmin, "Info", "info@tsv-musterstadt.de"));
        mc_ok(j, sim::ops::grant_mailbox_access(kAdmin, "info@tsv-musterstadt.de", kMcTom, "send_as"));
        const sim::SimTime granted = j.world().domains.permissions.back().granted_at;
        while (!sim::has_mailbox_permission(j.world(), "info@tsv-musterstadt.de", kMcTom, "send_as"))
            REQUIRE(j.sim.step_to_next_event());
        const sim::SimTime d = j.sim.now() - granted;
        CHECK(d >= 5 * sim::kMinute);
        CHECK(d <= 60 * sim::kMinute);
        if (first >= 0 && d != first) differs = true;
        if (first < 0) first = d;
    }
    CHECK_FALSE(differs);  // the same seed gives the same delay
}

TEST_CASE("C24: a mailbox converted to shared keeps its licence until it is removed", "[sim][mail][c24]") {
    Journey j = mc_journey();
    auto assigned = [&j] {
        for (const auto& row : sim::licences_page(j.world()))
            if (row.sku == kBasicGrant) return row.assigned;
        return -1;
    };
    const int before = assigned();
    mc_ok(j, sim::ops::convert_to_shared(kAdmin, kMcEva));
    const sim::SharedMailbox* m = sim::find_shared_mailbox(j.world(), kMcEva);
    REQUIRE(m != nullptr);
    CHECK(m->converted_from == kMcEva);
    CHECK(sim::licensed_shared_mailbox_user(j.world(), *m) == kMcEva);
    CHECK(assigned() == before);  // the seat stays used
    j.fails("mailboxes.already_shared", "mailboxes.convert_to_shared", kAdmin, {{"user", kMcEva}});
    j.fails("mailboxes.no_mailbox", "mailboxes.convert_to_shared", kAdmin, {{"user", kMcUwe}});
    j.fails("mailboxes.insufficient_role", "mailboxes.convert_to_shared", kMcTom, {{"user", kMcTom}});
    // The converted account can't be deleted (domain-admin.md §4.1).
    json blocked = j.fails("users.cannot_delete_converted", "users.delete", kAdmin, {{"user", kMcEva}});
    CHECK(blocked["user"] == kMcEva);

    // The fix: remove the licence; the shared mailbox keeps receiving (no licence up to 50 GB).
    mc_ok(j, sim::ops::unassign_licence(kAdmin, kMcEva, kBasicGrant));
    CHECK(assigned() == before - 1);
    CHECK(sim::licensed_shared_mailbox_user(j.world(), *sim::find_shared_mailbox(j.world(), kMcEva)).empty());
    mc_switch_mx(j);
    CHECK(mc_ok(j, sim::ops::send_test_mail(kAdmin, kMcEva))["outcome"] == "delivered");
}

TEST_CASE("a deleted user's addresses stay reserved for 30 days", "[sim][mail][retention]") {
    Journey j = mc_journey();
    mc_ok(j, sim::Action{"users.delete", kAdmin, {{"user", kMcEva}}});
    const sim::ReservedAddress* r = sim::find_reserved_address(j.world(), kMcEva, j.sim.now());
    REQUIRE(r != nullptr);
    CHECK(sim::find_reserved_address(j.world(), mc_upn("eva"), j.sim.now()) != nullptr);  // the alias too

    json taken = j.fails("mailboxes.address_taken", "mailboxes.add_shared", kAdmin,
                         {{"display_name", "Eva"}, {"address", mc_upn("eva")}});
    CHECK(taken["address"] == mc_upn("eva"));
    sim::ops::NewUser eva_new;
    eva_new.first_name = "Eva";
    eva_new.last_name = "Neu";
    eva_new.display_name = "Eva Neu";
    eva_new.username = "eva";
    eva_new.domain = "tsvmuster.onmicrosoft.com";
    eva_new.usage_location = "DE";
    eva_new.kind = "paid_staff";
    const sim::Action add_eva = sim::ops::add_user(kAdmin, eva_new);
    j.fails("users.username_taken", add_eva.type, kAdmin, add_eva.args);

    // After 30 days on the virtual clock the addresses are free again.
    j.advance(30 * sim::kDay);
    CHECK(sim::find_reserved_address(j.world(), mc_upn("eva"), j.sim.now()) == nullptr);
    mc_ok(j, sim::ops::add_shared_mailbox(kAdmin, "Eva", mc_upn("eva")));
    mc_ok(j, add_eva);
}

TEST_CASE("IDN domain names: umlauts allowed, both forms shown, invalid host names refused per field",
          "[sim][domains][idn]") {
    const sim::DomainNameCheck c = sim::check_domain_name("Müller-Verein.de");
    CHECK(c.problem.empty());
    CHECK(c.name == "müller-verein.de");
    CHECK(c.ascii == "xn--mller-verein-dlb.de");
    CHECK(sim::normalize_domain("xn--mller-verein-dlb.de") == "müller-verein.de");  // the same domain
    CHECK(sim::domain_a_label("müller-verein.de") == "xn--mller-verein-dlb.de");
    CHECK(sim::domain_dashes("müller-verein.de") == "xn--mller-verein-dlb-de");  // the MX target's label
    CHECK(sim::check_domain_name("straße.de").ascii == "xn--strae-oqa.de");      // IDNA2008: ß stays

    struct Bad {
        std::string name, problem, label;
    };
    const std::string long_label(64, 'a');
    std::string long_name;
    for (int i = 0; i < 5; ++i) long_name += std::string(60, 'b') + ".";
    long_name += "de";
    for (const Bad& b :
         std::vector<Bad>{{"-verein.de", "hyphen_at_edge", "-verein"},
                          {"verein-.de", "hyphen_at_edge", "verein-"},
                          {"ver_ein.de", "invalid_characters", "ver_ein"},
                          {"ver ein.de", "invalid_characters", "ver ein"},
                          {"vere☺in.de", "invalid_characters", "vere☺in"},
                          {long_label + ".de", "label_too_long", long_label},
                          {std::string(58, 'u') + "üüüü.de", "label_too_long", std::string(58, 'u') + "üüüü"},
                          {long_name, "name_too_long", ""},
                          {"verein", "invalid_name", ""},
                          {"verein..de", "invalid_name", ""}}) {
        INFO(b.name);
        const sim::DomainNameCheck bad = sim::check_domain_name(b.name);
        CHECK(bad.problem == b.problem);
        CHECK(bad.label == b.label);
        CHECK(bad.name.empty());
    }

    // Through domains.add: the field-level error names the label; the domain is stored as U-label and
    // its MX target uses the A-label.
    Journey j = mc_journey(json::object(), false);
    json p = j.fails("domains.hyphen_at_edge", "domains.add", kAdmin, {{"domain", "-verein.de"}});
    CHECK(p["label"] == "-verein");
    j.fails("domains.label_too_long", "domains.add", kAdmin, {{"domain", long_label + ".de"}});
    j.fails("domains.invalid_characters", "domains.add", kAdmin, {{"domain", "ver_ein.de"}});
    j.fails("domains.name_too_long", "domains.add", kAdmin, {{"domain", long_name}});
    CHECK(mc_ok(j, sim::ops::add_domain(kAdmin, "xn--mller-verein-dlb.de"))["domain"] == "müller-verein.de");
    j.fails("domains.already_added", "domains.add", kAdmin, {{"domain", "MÜLLER-verein.de"}});
    REQUIRE(sim::find_domain(j.world(), "müller-verein.de") != nullptr);
    bool mx_seen = false;
    for (const auto& r : sim::expected_records(j.world(), "müller-verein.de"))
        if (r.key == "mx") {
            mx_seen = true;
            CHECK(r.value == "xn--mller-verein-dlb-de.mail.protection.outlook.com");
        }
    CHECK(mx_seen);
}
