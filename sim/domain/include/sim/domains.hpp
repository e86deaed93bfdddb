// sim/domains.hpp — Settings > Domains (domain.md §5.1, domain-admin.md §5) and the association's DNS
// host: the pure queries the views and the tests read, and the helpers the two areas share.
//
// Operations (sim/domain/domains.cpp), by a Global or Domain Name Administrator:
//   domains.add {domain}, domains.choose_method {domain, method: txt|mx|file}, domains.verify {domain},
//   domains.choose_dns_setup {domain, mode: self|skip, services?}, domains.finish_setup {domain},
//   domains.check_health {domain}, domains.set_default {domain}, domains.remove {domain}.
// Operations (sim/domain/dns.cpp), by anyone with the registrar's login (any signed-in person):
//   dns.record_add {domain, record_type, host, value, ttl, priority, weight, port}, dns.record_edit {domain,
//   id, …the same fields}, dns.record_delete {domain, id}, dns.publish {domain}.
// Events: "dns.propagated" (a publication becomes visible to Microsoft after Settings::
// dns_propagation_delay), "domains.verified", "domains.default_changed", "domains.removed".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/registry.hpp"
#include "sim/shape.hpp"
#include "sim/world.hpp"

namespace sim {

// [SECTION] Domain states and rows

enum class DomainStatus { Unverified, IncompleteSetup, Healthy, PossibleServiceIssues };
const char* to_string(
    DomainStatus s);  // "unverified", "incomplete_setup", "healthy", "possible_service_issues"
bool parse_domain_status(std::string_view s, DomainStatus& out);

constexpr int kMaxOnMicrosoftDomains = 5;  // domain.md §5.1 [S], the initial one included
constexpr int kMaxDomains = 900;           // domain-admin.md §5.3 [S]
constexpr int kMaxAliases = 400;           // domain-admin.md §4.3 [S]

struct DomainRow {
    std::string name;
    DomainStatus status = DomainStatus::Unverified;
    bool is_default = false;
    bool initial = false;  // the tenant's first onmicrosoft.com domain: no Remove, no rename
    bool onmicrosoft = false;
};

// Settings > Domains, in order: the initial domain first, then the others as added. Empty without a tenant.
std::vector<DomainRow> domain_rows(const World& w);
const TenantDomain* find_domain(const World& w, std::string_view name);
DomainStatus domain_status(const World& w, std::string_view name);  // Unverified for an unknown name
// Known and verified (the initial domain always is).
bool is_verified_domain(const World& w, std::string_view name);
// The domain new users get suggested (add-user wizard, "Set as default").
std::string default_domain(const World& w);
// The domains offered in the add-user wizard's drop-down: the default first, then every other verified one.
std::vector<std::string> user_domains(const World& w);
// Domain names (sim/domain/domain_names.cpp, libidn2). The canonical form is the U-label, lower-case and
// NFC ("müller-verein.de"); "xn--mller-verein-dlb.de" names the same domain. Problems: "invalid_name"
// (fewer than two labels, a bad top-level label, an empty label), "invalid_characters", "hyphen_at_edge",
// "label_too_long" (> 63 octets as A-label), "name_too_long" (> 253).
struct DomainNameCheck {
    std::string name;     // the canonical U-label form ("" on a problem)
    std::string ascii;    // the A-label form (xn--…), as DNS carries it
    std::string problem;  // "" or one of the above
    std::string label;    // the offending label (for a label's problem)
};
DomainNameCheck check_domain_name(std::string_view typed);
// Lower-case, trimmed, U-label; "" when it is not a host name of at least two labels (IDNs allowed).
std::string normalize_domain(std::string_view name);
// The A-label form ("xn--mller-verein-dlb.de"); the input itself when it is not a valid name.
std::string domain_a_label(std::string_view name);
bool is_onmicrosoft(std::string_view name);
// "tsv-musterstadt.de" → "tsv-musterstadt-de" (the MX target's first label, domain-admin.md §5.2).
std::string domain_dashes(std::string_view name);
// The sign-in names and aliases (and, later, mailboxes) on `domain` that block its removal.
std::vector<std::string> domain_references(const World& w, std::string_view domain);
// The person whose sign-in name or alias is `address` (nullptr if none or deleted).
Person* find_person_by_address(World& w, std::string_view address);
const Person* find_person_by_address(const World& w, std::string_view address);

// [SECTION] Verification and the expected records

// The record the wizard shows for the domain's verification method (TXT @ MS=ms…, MX @ ms….msv1.invalid,
// or the file ms….txt on the website).
struct VerificationRecord {
    std::string method;  // "txt" | "mx" | "file"
    std::string type;    // "TXT" | "MX" | "FILE"
    std::string host;    // "@" (for a file: the URL path)
    std::string value;
    int ttl = 3600;
    int priority = 0;
};
VerificationRecord verification_record(const World& w, std::string_view domain);

// One record Microsoft expects for the domain's services, and what the health check found.
struct ExpectedRecord {
    std::string key;   // "mx", "autodiscover", "spf", "sip_federation"
    std::string type;  // "MX" | "CNAME" | "TXT" | "SRV"
    std::string host;  // as the wizard shows it: "@", "autodiscover", "_sipfederationtls._tcp"
    std::string value;
    int ttl = 3600;
    int priority = 0, weight = 0, port = 0;
};
std::vector<ExpectedRecord> expected_records(const World& w, std::string_view domain);

// A problem Check health finds. problem: "missing" | "wrong_value" | "wrong_host" | "wrong_priority" |
// "duplicate_spf" (two SPF records: permerror) | "other_mx" (another MX record still takes mail).
struct HealthIssue {
    std::string record;  // ExpectedRecord::key
    std::string problem;
    std::string expected;            // the expected value
    std::vector<std::string> found;  // what was found instead (values or host names)
};
std::vector<HealthIssue> check_health(const World& w, std::string_view domain);
nlohmann::json to_json(const HealthIssue& i);
nlohmann::json to_json(const ExpectedRecord& r);

// [SECTION] DNS host (sim/domain/dns.cpp)

DnsZone* find_zone(World& w, std::string_view domain);
const DnsZone* find_zone(const World& w, std::string_view domain);
// The absolute name a record's host means in `zone` under the panel's conventions (lower-case, no
// trailing dot); "" when the panel refuses the host (e.g. "@" in a "blank" panel).
std::string record_fqdn(const DnsConventions& c, std::string_view zone, std::string_view host);
// The text a TXT record carries in DNS (the panel's quoting applied).
std::string txt_content(const DnsConventions& c, std::string_view value);
// A target as DNS compares it: lower-case, no trailing dot.
std::string dns_target(std::string_view value);
// The records Microsoft sees at `fqdn` of `type` in the domain's zone (published and propagated).
std::vector<const DnsRecord*> visible_records(const World& w, std::string_view domain, std::string_view fqdn,
                                              std::string_view type);

// The records as the canonical JSON and the dns.propagated event carry them, and back (throws
// std::runtime_error with a pointer on a malformed list).
nlohmann::json dns_records_json(const std::vector<DnsRecord>& records);
std::vector<DnsRecord> dns_records_from_json(const nlohmann::json& j);

// The start state's "domains" and "dns_host" objects (sim/domain/domains_start.cpp); errors with pointers.
void read_domains_start(const nlohmann::json& start, World& w, ShapeErrors& errors);
// The registry's start hook: a start state with an unverified domain draws the verification code.
void domains_on_start(Context& ctx);

// [SECTION] Mailboxes and mail flow (sim/domain/mail_flow.cpp)

// A licensed user's mailbox exists once a licence with Office for the web / the desktop apps (every
// Business plan; not the Nonprofit Portal licence) is active (domain-admin.md §4.1, [U] delay).
bool has_mailbox(const World& w, const Person& p);
const SharedMailbox* find_shared_mailbox(const World& w, std::string_view address);
// Where a mail from outside to `address` goes now: "microsoft" (the MX points to Microsoft 365, or an
// onmicrosoft.com address), "old_provider" (the lowest MX points elsewhere) or "none" (no MX).
std::string mail_route(const World& w, std::string_view address);
// The old provider's inbox: the test mails that went there, oldest first.
std::vector<const OutsideMail*> old_provider_inbox(const World& w);

// Distribution lists (C29), shared-mailbox permissions (C31) and deleted users' reserved addresses.
const DistributionList* find_distribution_list(const World& w, std::string_view address);
// Whether `user` may act on the shared mailbox with `rights` ("full_access" | "send_as") now (replicated).
bool has_mailbox_permission(const World& w, std::string_view mailbox, std::string_view user,
                            std::string_view rights);
// A shared mailbox still holding a licence (converted from a user, C24): the user's sign-in name, else "".
std::string licensed_shared_mailbox_user(const World& w, const SharedMailbox& m);
// The deleted user's reservation of `address` at `now` (30 days, domain-admin.md §4.1), nullptr when free.
const ReservedAddress* find_reserved_address(const World& w, std::string_view address, SimTime now);
// users.delete: reserves the person's sign-in name and aliases for 30 days on the virtual clock (no event:
// the reservation simply ends; expired ones are pruned at the next deletion).
void reserve_deleted_addresses(Context& ctx, const Person& p);
constexpr SimTime kAddressRetention = 30 * kDay;
// The distribution lists, permissions and reservations in the canonical JSON (absent while empty).
void mail_extras_to_json(const DomainsState& d, nlohmann::json& out);
void mail_extras_from_json(const nlohmann::json& j, DomainsState& d);  // throws std::runtime_error

// mailboxes.add_shared, mailboxes.send_test, mailboxes.send_internal, mailboxes.add_distribution_list,
// mailboxes.set_list_external, mailboxes.grant_access, mailboxes.send_as, mailboxes.convert_to_shared
// (called by register_domains). Events: mail.delivered / mail.old_provider / mail.bounced / mail.external,
// mailboxes.permission_replicated (after Settings::mailbox_permission_delay).
void register_mailboxes(Registry& r);
void register_domains(Registry& r);
void register_dns(Registry& r);

}  // namespace sim
