// sim/domains_data.hpp — the plain data of Settings > Domains and of the association's DNS host
// (domain.md §5.1, domain-admin.md §5): the tenant's domains, the registrar's zones and records,
// and the registrar's conventions. Included by sim/world.hpp (World::domains); the queries and the
// operations are in sim/domains.hpp (sim/domain/domains.cpp, sim/domain/dns.cpp).
//
// The initial "<name>.onmicrosoft.com" domain is not stored here: it is Tenant::initial_domain, always
// verified, never removable. DomainsState is absent from the canonical JSON while it is empty, so
// worlds without domains hash as before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

// One record at the DNS host, as the registrar's panel stores it.
struct DnsRecord {
    std::string id;     // "rec-0001"
    std::string type;   // "A" | "CNAME" | "MX" | "TXT" | "SRV"
    std::string host;   // as entered: "@", "", "autodiscover", "_sipfederationtls._tcp", "x.verein.de."
    std::string value;  // address, target or text, as entered (TXT: as the panel stores it)
    int ttl = 3600;     // seconds, 60 … 86400
    int priority = 0;   // MX, SRV
    int weight = 0;     // SRV
    int port = 0;       // SRV
};

// The zone of one domain at the association's DNS host (no real registrar).
struct DnsZone {
    std::string domain;              // "tsv-musterstadt.de"
    std::vector<DnsRecord> records;  // saved in the panel (what the volunteer sees)
    bool unpublished_changes = false;
    std::uint64_t published_serial = 0;  // the last "publish zone"
    std::vector<DnsRecord> visible;      // what the world ("Microsoft") resolves
    std::uint64_t visible_serial = 0;    // the publication `visible` comes from (0 = the start state)
    SimTime visible_since = 0;
    std::vector<std::string> site_files;  // files on the website (the "text file" verification)
};

// How the registrar's panel writes things (domain-admin.md §5.5): data, chosen per scenario.
struct DnsConventions {
    std::string root_host = "@";       // "@": the root is "@" (blank is refused); "blank": an empty host
    std::string txt_quoting = "auto";  // "auto": the panel quotes TXT values itself (pasted quotes stay
                                       // as characters); "none": surrounding quotes are removed
};

// A domain of the tenant (besides the initial onmicrosoft.com one).
struct TenantDomain {
    std::string name;             // lower-case, "tsv-musterstadt.de" (IDNs as typed, e.g. "müller.de")
    std::string method = "txt";   // how to verify: "txt" | "mx" | "file"
    bool verified = false;        // ownership proven (or a subdomain of a verified root, or onmicrosoft)
    std::string dns_setup;        // "" (not chosen yet) | "self" | "skip"
    bool setup_finished = false;  // the records step was completed ("Domain setup is complete")
    std::vector<std::string> services = {"exchange"};  // "exchange", "teams" (the SRV record)
    SimTime added_at = 0;
    SimTime verified_at = -1;
};

// A shared mailbox (info@, vorstand@): no licence, no sign-in (domain-admin.md §4.2).
struct SharedMailbox {
    std::string address;  // "info@tsv-musterstadt.de"
    std::string display_name;
    SimTime created_at = 0;
    std::string converted_from;  // the user whose mailbox was converted (C24; keeps its licence), "" if added
};

// A distribution list (Verteilerliste, domain-admin.md §4.4; C29): outside senders are rejected unless
// allowed ("Allow people outside of my organization to send email to this distribution list", off by
// default).
struct DistributionList {
    std::string address;  // "vorstand@tsv-musterstadt.de"
    std::string display_name;
    std::vector<std::string> members;  // sign-in names or addresses
    bool allow_external = false;
    SimTime created_at = 0;
};

// A permission on a shared mailbox (domain-admin.md §4.2; C31): it works once replicated.
struct MailboxPermission {
    std::string mailbox;  // the shared mailbox's address
    std::string user;     // the member's sign-in name
    std::string rights;   // "full_access" | "send_as"
    SimTime granted_at = 0;
    bool replicated = false;  // set by the event "mailboxes.permission_replicated"
};

// An address of a deleted user, reserved for 30 days (domain-admin.md §4.1: "its aliases cannot be reused").
struct ReservedAddress {
    std::string address;
    std::string holder;  // the deleted user's display name
    SimTime until = 0;
};

// A test mail the outside world sent (mailboxes.send_test) and what became of it.
struct OutsideMail {
    std::string id;  // "om-0001"
    SimTime at = 0;
    std::string to;
    std::string outcome;  // "delivered" (Microsoft 365 mailbox) | "old_provider" | "bounced" |
                          // "external" (an internal sender's mail left the organisation)
    std::string ndr;      // for a bounce: "550 5.4.1 …" as the sender's server reports it
    std::string from;  // "" = the outside world; else the tenant's sender (mailboxes.send_internal/send_as)
};

struct DomainsState {
    std::vector<TenantDomain> domains;            // in the order added
    std::string default_domain;                   // "" = the initial onmicrosoft.com domain
    std::string verification_code;                // "MS=ms12345678", drawn once per tenant from the seed
    std::vector<std::string> verified_elsewhere;  // domains another tenant has verified (scenario data)
    DnsConventions conventions;
    std::vector<DnsZone> zones;  // the DNS host's zones
    std::vector<SharedMailbox> shared_mailboxes;
    std::vector<OutsideMail> outside_mail;  // the test mails of the outside world, oldest first
    std::vector<DistributionList> distribution_lists;
    std::vector<MailboxPermission> permissions;
    std::vector<ReservedAddress> reserved_addresses;  // deleted users' addresses (30 days)

    bool empty() const {
        return domains.empty() && default_domain.empty() && verification_code.empty() &&
               verified_elsewhere.empty() && zones.empty() && shared_mailboxes.empty() &&
               outside_mail.empty() && distribution_lists.empty() && permissions.empty() &&
               reserved_addresses.empty() && conventions.root_host == "@" &&
               conventions.txt_quoting == "auto";
    }
};

// The canonical JSON of the domains (part of to_json(World) under "domains") and its exact inverse;
// false and "/pointer: message" (relative to the object) when `j` is not such an object.
nlohmann::json to_json(const DomainsState& d);
bool domains_from_json(const nlohmann::json& j, DomainsState& out, std::string& error);

}  // namespace sim
