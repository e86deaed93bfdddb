// tests/sim/test_mail_start_spf.cpp — issue 13: the start state's mail objects (shared mailboxes,
// distribution lists, mailbox permissions under "start": {"domains": …}; sim/domain/domains_start.cpp)
// with their field-level errors, and the rule "a second SPF record breaks sending"
// (sim/domain/mail_flow.cpp): while the world resolves two "v=spf1" TXT records at the sender's domain, a
// mail from the tenant to an outside recipient bounces with 5.7.23 (SPF permerror); mail inside the
// organisation and mail from the onmicrosoft.com domain is not affected; Check health names the duplicate;
// one merged record fixes it.
#include "journey_fixture.hpp"

#include "sim/domains.hpp"
#include "sim/object_refs.hpp"
#include "sim/ops.hpp"

using namespace journey_test;

namespace {

constexpr const char* kMsDomain = "verein.de";
constexpr const char* kMsAnna = "anna@verein.de";
constexpr const char* kMsOutside = "kulturamt@stadt.example";
constexpr const char* kMsNdr =
    "550 5.7.23 The message was rejected because of Sender Policy Framework violation "
    "(spf=permerror: more than one SPF record found for verein.de)";

// Anna (Global Administrator, Business Premium) and Ben on verein.de, healthy, MX at Microsoft 365, and
// the given extra TXT records at the root; `domains` is merged into "start"."domains".
json ms_scenario(const json& txt_values, const json& domains = json::object()) {
    json records = json::array(
        {{{"type", "MX"}, {"host", "@"}, {"value", "verein-de.mail.protection.outlook.com"}, {"priority", 0}},
         {{"type", "CNAME"}, {"host", "autodiscover"}, {"value", "autodiscover.outlook.com"}}});
    for (const auto& v : txt_values) records.push_back({{"type", "TXT"}, {"host", "@"}, {"value", v}});
    json d = {{"default", kMsDomain}, {"list", json::array({{{"name", kMsDomain}, {"status", "healthy"}}})}};
    for (const auto& [k, v] : domains.items()) d[k] = v;
    return {
        {"start",
         {{"tenant", {{"name", "verein"}}},
          {"subscriptions", json::array({{{"id", "p"}, {"sku", kPremiumStaff}, {"quantity", 5}}})},
          {"people", json::array({{{"upn", kMsAnna},
                                   {"usage_location", "DE"},
                                   {"roles", {"global_admin"}},
                                   {"licences", {"p"}}},
                                  {{"upn", "ben@verein.de"}, {"usage_location", "DE"}, {"licences", {"p"}}},
                                  {{"upn", "carl"}, {"usage_location", "DE"}, {"licences", {"p"}}}})},
          {"domains", d},
          {"dns_host", {{"zones", json::array({{{"domain", kMsDomain}, {"records", records}}})}}}}}};
}

std::vector<std::string> ms_errors(const json& scenario) {
    return journey_test::start_errors(scenario);
}

bool ms_has(const std::vector<std::string>& errors, const std::string& part) {
    for (const auto& e : errors)
        if (e.find(part) != std::string::npos) return true;
    return false;
}

json ms_send(Journey& j, const std::string& from, const std::string& to) {
    const sim::Action a = sim::ops::send_internal_mail(from, from, to);
    return j.ok(a.type, a.actor, a.args);
}

}  // namespace

TEST_CASE("start state: shared mailboxes, distribution lists and mailbox permissions already there",
          "[sim][mail][start_state]") {
    const json domains = {
        {"shared_mailboxes", json::array({{{"address", "Info@Verein.de"}, {"display_name", "Info"}}})},
        {"distribution_lists", json::array({{{"address", "vorstand@verein.de"},
                                             {"display_name", "Vorstand"},
                                             {"members", {kMsAnna, "ben@verein.de"}}}})},
        {"mailbox_permissions",
         json::array({{{"mailbox", "info@verein.de"}, {"user", kMsAnna}, {"rights", "full_access"}},
                      {{"mailbox", "info@verein.de"},
                       {"user", "ben@verein.de"},
                       {"rights", "send_as"},
                       {"replicated", false}}})}};
    json scenario = ms_scenario(json::array({"v=spf1 include:spf.protection.outlook.com -all"}), domains);
    scenario["delays"] = {{"mailbox_permission", "30m"}};
    Journey j(world_from(scenario));
    const sim::SharedMailbox* info = sim::find_shared_mailbox(j.world(), "info@verein.de");
    REQUIRE(info != nullptr);
    CHECK(info->display_name == "Info");
    CHECK(info->converted_from.empty());
    const sim::DistributionList* list = sim::find_distribution_list(j.world(), "vorstand@verein.de");
    REQUIRE(list != nullptr);
    CHECK(list->members == std::vector<std::string>{kMsAnna, "ben@verein.de"});
    CHECK_FALSE(list->allow_external);  // the default, as in the admin center (C29)
    CHECK(sim::has_mailbox_permission(j.world(), "info@verein.de", kMsAnna, "full_access"));
    CHECK_FALSE(sim::has_mailbox_permission(j.world(), "info@verein.de", "ben@verein.de", "send_as"));

    // The list rejects outside senders from the start (C29); the shared mailbox receives.
    const sim::Action to_list = sim::ops::send_test_mail(kMsAnna, "vorstand@verein.de");
    CHECK(j.ok(to_list.type, to_list.actor, to_list.args)["outcome"] == "bounced");
    const sim::Action to_info = sim::ops::send_test_mail(kMsAnna, "info@verein.de");
    CHECK(j.ok(to_info.type, to_info.actor, to_info.args)["outcome"] == "delivered");

    // "replicated": false works after the mailbox_permission delay, like a permission granted just now.
    const sim::Action send_as =
        sim::ops::send_as("ben@verein.de", "ben@verein.de", "info@verein.de", kMsOutside);
    j.fails("mailboxes.send_as_denied", send_as.type, send_as.actor, send_as.args);
    while (!sim::has_mailbox_permission(j.world(), "info@verein.de", "ben@verein.de", "send_as"))
        REQUIRE(j.sim.step_to_next_event());
    CHECK(j.ok(send_as.type, send_as.actor, send_as.args)["outcome"] == "external");

    // The address is taken for new mailboxes and keeps the domain in use.
    j.fails("mailboxes.address_taken", "mailboxes.add_shared", kMsAnna,
            {{"display_name", "Info"}, {"address", "info@verein.de"}});
    CHECK(sim::domain_references(j.world(), kMsDomain).size() >= 2);
}

TEST_CASE("start state: the mail objects' errors name the field, with a did-you-mean",
          "[sim][mail][start_state]") {
    const json spf = json::array({"v=spf1 include:spf.protection.outlook.com -all"});
    const auto unknown_key = ms_errors(ms_scenario(
        spf,
        {{"shared_mailboxes", json::array({{{"adress", "info@verein.de"}, {"display_name", "Info"}}})}}));
    CHECK(ms_has(unknown_key, "/start/domains/shared_mailboxes/0"));
    CHECK(ms_has(unknown_key, "address"));  // the suggestion or the missing required key

    const auto unverified = ms_errors(ms_scenario(
        spf,
        {{"shared_mailboxes", json::array({{{"address", "info@fremd.de"}, {"display_name", "Info"}}})}}));
    CHECK(ms_has(unverified,
                 "/start/domains/shared_mailboxes/0/address: \"fremd.de\" is not a verified domain"));

    const auto twice = ms_errors(ms_scenario(
        spf, {{"shared_mailboxes", json::array({{{"address", "ben@verein.de"}, {"display_name", "B"}}})}}));
    CHECK(ms_has(twice, "/start/domains/shared_mailboxes/0/address: \"ben@verein.de\" is already used"));

    const auto member = ms_errors(
        ms_scenario(spf, {{"distribution_lists", json::array({{{"address", "v@verein.de"},
                                                               {"display_name", "V"},
                                                               {"members", {"ghost@verein.de"}}}})}}));
    CHECK(
        ms_has(member, "/start/domains/distribution_lists/0/members/0: \"ghost@verein.de\" is not a person"));

    const json shared = json::array({{{"address", "info@verein.de"}, {"display_name", "Info"}}});
    const auto rights = ms_errors(ms_scenario(
        spf, {{"shared_mailboxes", shared},
              {"mailbox_permissions",
               json::array({{{"mailbox", "info@verein.de"}, {"user", kMsAnna}, {"rights", "owner"}}})}}));
    CHECK(ms_has(rights,
                 "/start/domains/mailbox_permissions/0/rights: must be \"full_access\" or \"send_as\""));

    const auto mailbox = ms_errors(ms_scenario(
        spf, {{"mailbox_permissions",
               json::array({{{"mailbox", "nix@verein.de"}, {"user", kMsAnna}, {"rights", "send_as"}}})}}));
    CHECK(ms_has(mailbox, "/start/domains/mailbox_permissions/0/mailbox: must be a shared mailbox"));

    const auto not_array = ms_errors(ms_scenario(spf, {{"distribution_lists", "vorstand@verein.de"}}));
    CHECK(ms_has(not_array, "/start/domains/distribution_lists"));
}

TEST_CASE("a second SPF record breaks sending to outside recipients until merged into one",
          "[sim][mail][spf]") {
    json scenario = ms_scenario(json::array(
        {"v=spf1 include:spf.oldmail.example -all", "v=spf1 include:spf.protection.outlook.com -all"}));
    scenario["delays"] = {{"dns_propagation", "20m"}};
    Journey j(world_from(scenario));

    // Outside: the receiving server finds two SPF records (permerror) and rejects the mail.
    json out = ms_send(j, kMsAnna, kMsOutside);
    CHECK(out["outcome"] == "bounced");
    CHECK(out["ndr"] == kMsNdr);
    CHECK(j.world().domains.outside_mail.back().from == kMsAnna);
    // Inside the organisation SPF plays no part; the onmicrosoft.com domain has Microsoft's own SPF.
    CHECK(ms_send(j, kMsAnna, "ben@verein.de")["outcome"] == "delivered");
    CHECK(ms_send(j, "carl@verein.onmicrosoft.com", kMsOutside)["outcome"] == "external");

    // Check health names it.
    bool named = false;
    for (const sim::HealthIssue& i : sim::check_health(j.world(), kMsDomain))
        if (i.problem == "duplicate_spf") named = i.found.size() == 2;
    CHECK(named);

    // Merged, the second one deleted, but not yet published / propagated: still bounced.
    std::string old_id, ms_id;
    for (const sim::DnsRecord& r : sim::find_zone(j.world(), kMsDomain)->records)
        if (r.type == "TXT") (r.value.find("oldmail") != std::string::npos ? old_id : ms_id) = r.id;
    sim::ops::DnsRecordInput merged{
        "TXT", "@", "v=spf1 include:spf.protection.outlook.com include:spf.oldmail.example -all", 3600, 0,
        0,     0};
    const sim::Action edit = sim::ops::edit_dns_record(kMsAnna, kMsDomain, old_id, merged);
    j.ok(edit.type, edit.actor, edit.args);
    const sim::Action del = sim::ops::delete_dns_record(kMsAnna, kMsDomain, ms_id);
    j.ok(del.type, del.actor, del.args);
    CHECK(ms_send(j, kMsAnna, kMsOutside)["outcome"] == "bounced");
    const sim::Action publish = sim::ops::publish_zone(kMsAnna, kMsDomain);
    j.ok(publish.type, publish.actor, publish.args);
    CHECK(ms_send(j, kMsAnna, kMsOutside)["outcome"] == "bounced");  // the world still sees the old zone
    const sim::DnsZone* z = sim::find_zone(j.world(), kMsDomain);
    while (z->visible_serial < z->published_serial) REQUIRE(j.sim.step_to_next_event());

    // One SPF record: the mail goes out, and Check health is content.
    CHECK(ms_send(j, kMsAnna, kMsOutside)["outcome"] == "external");
    CHECK(sim::check_health(j.world(), kMsDomain).empty());
}

TEST_CASE("check: a username created by users.change_username is known to later steps",
          "[sim][scenario][references]") {
    const json doc = {
        {"start",
         {{"tenant", {{"name", "verein"}}},
          {"people", json::array({{{"upn", "anna"}, {"roles", {"global_admin"}}}, {{"upn", "ben"}}})}}},
        {"solution", json::array({{{"action",
                                    {{"type", "users.change_username"},
                                     {"actor", "anna@verein.onmicrosoft.com"},
                                     {"user", "ben@verein.onmicrosoft.com"},
                                     {"username", "ben.wagner"},
                                     {"domain", "verein.de"}}}},
                                  {{"action",
                                    {{"type", "users.change_username"},
                                     {"actor", "anna@verein.onmicrosoft.com"},
                                     {"user", "anna@verein.onmicrosoft.com"},
                                     {"username", "vorsitz"}}}},  // no domain: her own one
                                  {{"action",
                                    {{"type", "mailboxes.send_internal"},
                                     {"actor", "ben.wagner@verein.de"},
                                     {"from", "ben.wagner@verein.de"},
                                     {"to", "x@example.org"}}}},
                                  {{"action",
                                    {{"type", "users.reset_password"},
                                     {"actor", "vorsitz@verein.onmicrosoft.com"},
                                     {"user", "ben.wagner@verein.de"}}}},
                                  {{"action",
                                    {{"type", "users.reset_password"},
                                     {"actor", "anna@verein.onmicrosoft.com"},
                                     {"user", "ben.wagnr@verein.de"}}}}})}};
    std::vector<sim::ConditionError> errors;
    sim::check_object_references(doc, errors);
    std::vector<std::string> lines;
    for (const auto& e : errors) lines.push_back(e.pointer + ": " + e.message);
    INFO(json(lines).dump(2));
    // Only the typo is reported, with the new name as its suggestion; the old names stay known (aliases).
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "/solution/4/action/user");
    CHECK(errors[0].message.find("did you mean \"ben.wagner@verein.de\"") != std::string::npos);
}
