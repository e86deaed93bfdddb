// sim/mail_flow.cpp — mailboxes and the outside world's mail (domain-admin.md §4.1, §4.2, §4.5, §4.6;
// support cases C17/C23, C30): shared mailboxes, and a test mail sent from outside to an address, routed
// by the MX records the world sees (the zone's visible records):
//   - the lowest MX points elsewhere → the old provider's inbox;
//   - it points to Microsoft 365 → the user's or shared mailbox, or a bounce from Microsoft's edge
//     (Directory-Based Edge Blocking: 550 5.4.1 Recipient address rejected: Access denied. AS(201806281));
//   - no MX, or a domain Microsoft does not accept → 550 5.4.1 Relay Access Denied.
#include <algorithm>

#include "sim/domains.hpp"
#include "sim/journey.hpp"
#include "sim/roles.hpp"
#include "sim/subscriptions.hpp"

namespace sim {

using nlohmann::json;

namespace {

constexpr const char* kMfDbeb = "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)";
constexpr const char* kMfRelay = "550 5.4.1 Relay Access Denied";
constexpr const char* kMfOutsideSender = "test@example.org";
// domain-admin.md §4.5 / §4.6 (C23, C30): an internal sender to an address of an accepted domain with no
// mailbox in Microsoft 365.
constexpr const char* kMfNotFound =
    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup";
// domain-admin.md §4.6, §5 ("one SPF only, merge"): two SPF records at the sender's domain are an SPF
// permerror (RFC 7208 §4.5), so the receiving server rejects the mail as an SPF violation.
constexpr const char* kMfSpfPermerror =
    "550 5.7.23 The message was rejected because of Sender Policy Framework violation "
    "(spf=permerror: more than one SPF record found for {domain})";
// domain-admin.md §4.6 (C29): a distribution list that rejects outside senders.
constexpr const char* kMfNotAuthenticated =
    "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; Sender not authenticated for group";

std::string mf_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string mf_domain_of(std::string_view address) {
    const auto at = address.find('@');
    return at == std::string_view::npos ? std::string() : std::string(address.substr(at + 1));
}

}  // namespace

// A licence from a Disabled or Deleted subscription gives no mailbox access (domain-admin.md §1.1: users
// have no access; C21 "no mail in OWA"): mail to it bounces like to an unlicensed one (5.1.10 / 5.4.1).
bool has_mailbox(const World& w, const Person& p) {
    if (p.deleted) return false;
    for (const auto& l : p.licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (licence_works(w, l) && prod != nullptr && !prod->portal_access &&
            (prod->web_apps || prod->desktop_apps))
            return true;
    }
    return false;
}

// Whether `p` would have a mailbox but for the state of its subscription.
static bool mf_mailbox_disabled(const World& w, const Person& p) {
    if (p.deleted) return false;
    for (const auto& l : p.licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (l.state == LicenceState::Active && !licence_works(w, l) && prod != nullptr &&
            !prod->portal_access && (prod->web_apps || prod->desktop_apps))
            return true;
    }
    return false;
}

const SharedMailbox* find_shared_mailbox(const World& w, std::string_view address) {
    for (const auto& m : w.domains.shared_mailboxes)
        if (m.address == address) return &m;
    return nullptr;
}

std::string mail_route(const World& w, std::string_view address) {
    const std::string domain = mf_domain_of(address);
    if (domain.empty()) return "none";
    if (is_onmicrosoft(domain)) return "microsoft";
    const DnsRecord* lowest = nullptr;
    for (const DnsRecord* r : visible_records(w, domain, domain, "MX"))
        if (lowest == nullptr || r->priority < lowest->priority) lowest = r;
    if (lowest == nullptr) return "none";
    return dns_target(lowest->value) == domain_dashes(domain) + ".mail.protection.outlook.com"
               ? "microsoft"
               : "old_provider";
}

const DistributionList* find_distribution_list(const World& w, std::string_view address) {
    for (const auto& l : w.domains.distribution_lists)
        if (l.address == address) return &l;
    return nullptr;
}

bool has_mailbox_permission(const World& w, std::string_view mailbox, std::string_view user,
                            std::string_view rights) {
    for (const auto& p : w.domains.permissions)
        if (p.mailbox == mailbox && p.user == user && p.rights == rights && p.replicated) return true;
    return false;
}

std::string licensed_shared_mailbox_user(const World& w, const SharedMailbox& m) {
    if (m.converted_from.empty()) return {};
    const Person* p = w.find_person(m.converted_from);
    return p != nullptr && !p->deleted && !p->licences.empty() ? p->upn : std::string();
}

const ReservedAddress* find_reserved_address(const World& w, std::string_view address, SimTime now) {
    for (const auto& r : w.domains.reserved_addresses)
        if (r.address == address && now < r.until) return &r;
    return nullptr;
}

void reserve_deleted_addresses(Context& ctx, const Person& p) {
    const SimTime now = ctx.now();
    const SimTime until = now + kAddressRetention;
    auto& r = ctx.world().domains.reserved_addresses;
    r.erase(std::remove_if(r.begin(), r.end(), [now](const ReservedAddress& x) { return x.until <= now; }),
            r.end());  // released after 30 days
    r.push_back({p.upn, p.display_name, until});
    for (const auto& a : p.aliases) r.push_back({a, p.display_name, until});
}

void mail_extras_to_json(const DomainsState& d, json& out) {
    if (!d.distribution_lists.empty()) {
        json lists = json::array();
        for (const auto& l : d.distribution_lists)
            lists.push_back({{"address", l.address},
                             {"display_name", l.display_name},
                             {"members", l.members},
                             {"allow_external", l.allow_external},
                             {"created_at", l.created_at}});
        out["distribution_lists"] = std::move(lists);
    }
    if (!d.permissions.empty()) {
        json perms = json::array();
        for (const auto& p : d.permissions)
            perms.push_back({{"mailbox", p.mailbox},
                             {"user", p.user},
                             {"rights", p.rights},
                             {"granted_at", p.granted_at},
                             {"replicated", p.replicated}});
        out["mailbox_permissions"] = std::move(perms);
    }
    if (!d.reserved_addresses.empty()) {
        json reserved = json::array();
        for (const auto& r : d.reserved_addresses)
            reserved.push_back({{"address", r.address}, {"holder", r.holder}, {"until", r.until}});
        out["reserved_addresses"] = std::move(reserved);
    }
}

void mail_extras_from_json(const json& j, DomainsState& d) {
    for (const auto& l : j.value("distribution_lists", json::array()))
        d.distribution_lists.push_back(
            {l.at("address").get<std::string>(), l.at("display_name").get<std::string>(),
             l.at("members").get<std::vector<std::string>>(), l.at("allow_external").get<bool>(),
             l.at("created_at").get<SimTime>()});
    for (const auto& p : j.value("mailbox_permissions", json::array()))
        d.permissions.push_back({p.at("mailbox").get<std::string>(), p.at("user").get<std::string>(),
                                 p.at("rights").get<std::string>(), p.at("granted_at").get<SimTime>(),
                                 p.at("replicated").get<bool>()});
    for (const auto& r : j.value("reserved_addresses", json::array()))
        d.reserved_addresses.push_back({r.at("address").get<std::string>(), r.at("holder").get<std::string>(),
                                        r.at("until").get<SimTime>()});
}

std::vector<const OutsideMail*> old_provider_inbox(const World& w) {
    std::vector<const OutsideMail*> out;
    for (const auto& m : w.domains.outside_mail)
        if (m.outcome == "old_provider") out.push_back(&m);
    return out;
}

namespace {

// Checks the address for a new shared mailbox or list: valid, on a verified domain, not used or reserved.
ActionResult mf_check_new_address(const World& w, const std::string& address, SimTime now) {
    if (!is_email_address(address))
        return ActionResult::failure("mailboxes.invalid_address", {{"address", address}});
    const std::string domain = mf_domain_of(address);
    if (!is_verified_domain(w, domain))
        return ActionResult::failure("users.domain_not_verified", {{"domain", domain}});
    const Person* holder = find_person_by_address(w, address);
    if (holder != nullptr)
        return ActionResult::failure("mailboxes.address_taken",
                                     {{"address", address}, {"holder", holder->display_name}});
    if (const SharedMailbox* m = find_shared_mailbox(w, address))
        return ActionResult::failure("mailboxes.address_taken",
                                     {{"address", address}, {"holder", m->display_name}});
    if (const DistributionList* l = find_distribution_list(w, address))
        return ActionResult::failure("mailboxes.address_taken",
                                     {{"address", address}, {"holder", l->display_name}});
    if (const ReservedAddress* r = find_reserved_address(w, address, now))
        return ActionResult::failure("mailboxes.address_taken",
                                     {{"address", address}, {"holder", r->holder}});
    return ActionResult::success();
}

ActionResult op_mailboxes_add_shared(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kExchangeRoles)) return ActionResult::failure("mailboxes.insufficient_role");
    const std::string name = a.arg<std::string>("display_name", "");
    if (name.empty()) return ActionResult::failure("mailboxes.field_required", {{"field", "display_name"}});
    const std::string address = mf_lower(a.arg<std::string>("address", ""));
    ActionResult check = mf_check_new_address(w, address, ctx.now());
    if (!check.ok) return check;
    w.domains.shared_mailboxes.push_back({address, name, ctx.now(), ""});
    return ActionResult::success({{"address", address}});
}

// Delivers to the members of a list that have a mailbox.
void mf_deliver_to_list(World& w, SimTime now, const DistributionList& l, const std::string& from,
                        const std::string& key) {
    for (const auto& member : l.members) {
        Person* p = find_person_by_address(w, member);
        if (p != nullptr && has_mailbox(w, *p))
            send_mail(w, now, *p, from, key, {{"to", l.address}, {"from", from}});
    }
}

// The outcome inside Exchange Online for an address of an accepted domain. An outside sender with no
// mailbox behind the address is rejected at the edge (5.4.1, DBEB); an internal one gets 5.1.10.
std::string mf_at_microsoft(World& w, SimTime now, const std::string& address, const std::string& from,
                            std::string& ndr) {
    const bool outside = from.empty();
    if (!is_verified_domain(w, mf_domain_of(address))) {
        ndr = kMfRelay;
        return "bounced";
    }
    if (find_shared_mailbox(w, address) != nullptr) return "delivered";
    const std::string sender = outside ? std::string(kMfOutsideSender) : from;
    const std::string key = outside ? "mail.outside_test" : "mail.internal_test";
    if (const DistributionList* l = find_distribution_list(w, address)) {
        if (outside && !l->allow_external) {
            ndr = kMfNotAuthenticated;
            return "bounced";
        }
        mf_deliver_to_list(w, now, *l, sender, key);
        return "delivered";
    }
    Person* p = find_person_by_address(w, address);
    if (p == nullptr || !has_mailbox(w, *p)) {
        ndr = outside ? kMfDbeb : kMfNotFound;
        return "bounced";
    }
    send_mail(w, now, *p, sender, key, {{"to", address}, {"from", sender}});
    return "delivered";
}

// Records the mail and puts its outcome on the event queue (journal, conditions).
ActionResult mf_record(Context& ctx, OutsideMail m) {
    World& w = ctx.world();
    m.id = w.make_id("om");
    m.at = ctx.now();
    json payload{{"to", m.to}, {"ndr", m.ndr}};
    if (!m.from.empty()) payload["from"] = m.from;
    ctx.schedule(0, "mail." + m.outcome, payload);
    w.domains.outside_mail.push_back(m);
    json result{{"to", m.to}, {"outcome", m.outcome}, {"ndr", m.ndr}, {"id", m.id}};
    if (!m.from.empty()) result["from"] = m.from;
    return ActionResult::success(std::move(result));
}

// The SPF records ("v=spf1 …" TXT at the root) the world resolves for `domain`.
int mf_spf_count(const World& w, const std::string& domain) {
    int n = 0;
    for (const DnsRecord* r : visible_records(w, domain, domain, "TXT"))
        if (mf_lower(txt_content(w.domains.conventions, r->value)).rfind("v=spf1", 0) == 0) ++n;
    return n;
}

// A mail from `from` (a mailbox of the tenant): addresses of the tenant's accepted domains are resolved
// inside Exchange Online whatever the MX says (split delivery, C30); others leave by their MX, and the
// receiving server checks SPF for the sender's domain: two SPF records are a permerror, the mail bounces.
ActionResult mf_send_from_inside(Context& ctx, const std::string& from, const std::string& to) {
    World& w = ctx.world();
    OutsideMail m;
    m.to = to;
    m.from = from;
    const std::string domain = mf_domain_of(to);
    const std::string sender_domain = mf_domain_of(from);
    if (is_verified_domain(w, domain)) {
        m.outcome = mf_at_microsoft(w, ctx.now(), to, from, m.ndr);
    } else if (mail_route(w, to) == "old_provider") {
        m.outcome = "old_provider";
    } else if (!is_onmicrosoft(sender_domain) && mf_spf_count(w, sender_domain) > 1) {
        m.outcome = "bounced";
        m.ndr = kMfSpfPermerror;
        m.ndr.replace(m.ndr.find("{domain}"), 8, sender_domain);
    } else {
        m.outcome = "external";
    }
    return mf_record(ctx, std::move(m));
}

ActionResult op_mailboxes_send_test(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    if (require_actor(w, a, fail) == nullptr) return fail;
    const std::string to = mf_lower(a.arg<std::string>("to", ""));
    if (!is_email_address(to)) return ActionResult::failure("mailboxes.invalid_address", {{"address", to}});
    const std::string route = mail_route(w, to);
    OutsideMail m;
    m.to = to;
    if (route == "old_provider") {
        m.outcome = "old_provider";
    } else if (route == "none") {
        m.outcome = "bounced";
        m.ndr = kMfRelay;
    } else {
        m.outcome = mf_at_microsoft(w, ctx.now(), to, "", m.ndr);
    }
    return mf_record(ctx, std::move(m));
}

// The signed-in person sends from their own mailbox (Outlook), to a colleague or outside.
ActionResult op_mailboxes_send_internal(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    if (require_actor(w, a, fail) == nullptr) return fail;
    const std::string from = mf_lower(a.arg<std::string>("from", ""));
    const Person* sender = find_person_by_address(w, from);
    if (sender == nullptr) return ActionResult::failure("mailboxes.unknown_mailbox", {{"mailbox", from}});
    if (!has_mailbox(w, *sender))
        return ActionResult::failure(
            mf_mailbox_disabled(w, *sender) ? "mailboxes.subscription_disabled" : "mailboxes.no_mailbox",
            {{"user", from}});
    const std::string to = mf_lower(a.arg<std::string>("to", ""));
    if (!is_email_address(to)) return ActionResult::failure("mailboxes.invalid_address", {{"address", to}});
    return mf_send_from_inside(ctx, from, to);
}

// Teams and groups > Active teams and groups > Distribution list > Add a distribution list (§4.4, C29).
ActionResult op_mailboxes_add_list(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kExchangeRoles)) return ActionResult::failure("mailboxes.insufficient_role");
    const std::string name = a.arg<std::string>("display_name", "");
    if (name.empty()) return ActionResult::failure("mailboxes.field_required", {{"field", "display_name"}});
    const std::string address = mf_lower(a.arg<std::string>("address", ""));
    ActionResult check = mf_check_new_address(w, address, ctx.now());
    if (!check.ok) return check;
    DistributionList l;
    l.address = address;
    l.display_name = name;
    l.allow_external = a.arg<bool>("allow_external", false);
    l.created_at = ctx.now();
    for (const auto& m : a.arg<std::vector<std::string>>("members", {})) {
        const std::string member = mf_lower(m);
        if (find_person_by_address(w, member) == nullptr)
            return ActionResult::failure("mailboxes.unknown_user", {{"user", member}});
        l.members.push_back(member);
    }
    w.domains.distribution_lists.push_back(std::move(l));
    return ActionResult::success({{"address", address}});
}

// The list's settings: "Allow people outside of my organization to send email to this distribution list".
ActionResult op_mailboxes_set_list_external(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kExchangeRoles)) return ActionResult::failure("mailboxes.insufficient_role");
    const std::string address = mf_lower(a.arg<std::string>("address", ""));
    for (auto& l : w.domains.distribution_lists) {
        if (l.address != address) continue;
        l.allow_external = a.arg<bool>("allow", true);
        return ActionResult::success({{"address", address}, {"allow", l.allow_external}});
    }
    return ActionResult::failure("mailboxes.unknown_mailbox", {{"mailbox", address}});
}

// Shared mailbox > Members / Send As: the permission works after Settings::mailbox_permission_delay (C31).
ActionResult op_mailboxes_grant_access(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kExchangeRoles)) return ActionResult::failure("mailboxes.insufficient_role");
    const std::string mailbox = mf_lower(a.arg<std::string>("mailbox", ""));
    if (find_shared_mailbox(w, mailbox) == nullptr)
        return ActionResult::failure("mailboxes.unknown_mailbox", {{"mailbox", mailbox}});
    const std::string rights = a.arg<std::string>("rights", "full_access");
    if (rights != "full_access" && rights != "send_as")
        return ActionResult::failure("mailboxes.invalid_rights", {{"rights", rights}});
    const Person* user = find_person_by_address(w, mf_lower(a.arg<std::string>("user", "")));
    if (user == nullptr)
        return ActionResult::failure("mailboxes.unknown_user", {{"user", a.arg<std::string>("user", "")}});
    for (const auto& p : w.domains.permissions)
        if (p.mailbox == mailbox && p.user == user->upn && p.rights == rights)
            return ActionResult::success({{"mailbox", mailbox}, {"user", user->upn}, {"rights", rights}});
    w.domains.permissions.push_back({mailbox, user->upn, rights, ctx.now(), false});
    const Duration d = w.settings.mailbox_permission_delay.sample(ctx.rng("mailboxes"));
    ctx.schedule_at(apply_duration(ctx.calendar(), ctx.now(), d), "mailboxes.permission_replicated",
                    {{"mailbox", mailbox}, {"user", user->upn}, {"rights", rights}});
    return ActionResult::success({{"mailbox", mailbox}, {"user", user->upn}, {"rights", rights}});
}

void on_mf_permission_replicated(Context& ctx, const json& data) {
    for (auto& p : ctx.world().domains.permissions)
        if (p.mailbox == data.value("mailbox", "") && p.user == data.value("user", "") &&
            p.rights == data.value("rights", ""))
            p.replicated = true;
}

// A member sends as the shared mailbox (Outlook's From field).
ActionResult op_mailboxes_send_as(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    if (require_actor(w, a, fail) == nullptr) return fail;
    const std::string mailbox = mf_lower(a.arg<std::string>("mailbox", ""));
    if (find_shared_mailbox(w, mailbox) == nullptr)
        return ActionResult::failure("mailboxes.unknown_mailbox", {{"mailbox", mailbox}});
    const Person* user = find_person_by_address(w, mf_lower(a.arg<std::string>("user", "")));
    if (user == nullptr)
        return ActionResult::failure("mailboxes.unknown_user", {{"user", a.arg<std::string>("user", "")}});
    const std::string to = mf_lower(a.arg<std::string>("to", ""));
    if (!is_email_address(to)) return ActionResult::failure("mailboxes.invalid_address", {{"address", to}});
    if (!has_mailbox_permission(w, mailbox, user->upn, "send_as"))
        return ActionResult::failure("mailboxes.send_as_denied", {{"mailbox", mailbox}, {"user", user->upn}});
    return mf_send_from_inside(ctx, mailbox, to);
}

// Users > user > Mail > Convert to shared mailbox: the licence stays assigned (and paid) until removed (C24).
ActionResult op_mailboxes_convert_to_shared(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kExchangeRoles)) return ActionResult::failure("mailboxes.insufficient_role");
    const std::string upn = mf_lower(a.arg<std::string>("user", ""));
    Person* p = find_person_by_address(w, upn);
    if (p == nullptr) return ActionResult::failure("mailboxes.unknown_user", {{"user", upn}});
    if (find_shared_mailbox(w, p->upn) != nullptr)
        return ActionResult::failure("mailboxes.already_shared", {{"user", p->upn}});
    if (!has_mailbox(w, *p)) return ActionResult::failure("mailboxes.no_mailbox", {{"user", p->upn}});
    w.domains.shared_mailboxes.push_back({p->upn, p->display_name, ctx.now(), p->upn});
    return ActionResult::success({{"address", p->upn}, {"licences", p->licences.size()}});
}

void on_mf_marker(Context&, const json&) {}

}  // namespace

void register_mailboxes(Registry& r) {
    const std::vector<std::string> who = {"auth.unknown_account", "auth.sign_in_blocked"};
    auto errors = [&who](std::initializer_list<const char*> codes) {
        std::vector<std::string> out = who;
        for (const char* e : codes) out.emplace_back(e);
        return out;
    };
    const auto add_errors =
        errors({"mailboxes.insufficient_role", "mailboxes.field_required", "mailboxes.invalid_address",
                "users.domain_not_verified", "mailboxes.address_taken"});
    r.add(make_operation("mailboxes.add_shared",
                         {{"display_name", ArgType::String, true}, {"address", ArgType::String, true}},
                         add_errors, {}, {}, started<op_mailboxes_add_shared>));
    r.add(make_operation(
        "mailboxes.send_test", {{"to", ArgType::String, true}}, errors({"mailboxes.invalid_address"}),
        {"mail.outside_test.subject", "mail.outside_test.body"}, {}, started<op_mailboxes_send_test>));
    r.add(make_operation(
        "mailboxes.send_internal", {{"from", ArgType::String, true}, {"to", ArgType::String, true}},
        errors({"mailboxes.unknown_mailbox", "mailboxes.no_mailbox", "mailboxes.invalid_address",
                "mailboxes.subscription_disabled"}),
        {"mail.internal_test.subject", "mail.internal_test.body"}, {}, started<op_mailboxes_send_internal>));
    std::vector<std::string> list_errors = add_errors;
    list_errors.emplace_back("mailboxes.unknown_user");
    r.add(make_operation("mailboxes.add_distribution_list",
                         {{"display_name", ArgType::String, true},
                          {"address", ArgType::String, true},
                          {"members", ArgType::StringList, false},
                          {"allow_external", ArgType::Boolean, false}},
                         list_errors, {}, {}, started<op_mailboxes_add_list>));
    r.add(make_operation("mailboxes.set_list_external",
                         {{"address", ArgType::String, true}, {"allow", ArgType::Boolean, true}},
                         errors({"mailboxes.insufficient_role", "mailboxes.unknown_mailbox"}), {}, {},
                         started<op_mailboxes_set_list_external>));
    r.add(make_operation("mailboxes.grant_access",
                         {{"mailbox", ArgType::String, true},
                          {"user", ArgType::String, true},
                          {"rights", ArgType::String, true}},
                         errors({"mailboxes.insufficient_role", "mailboxes.unknown_mailbox",
                                 "mailboxes.invalid_rights", "mailboxes.unknown_user"}),
                         {}, {}, started<op_mailboxes_grant_access>));
    r.add(make_operation(
        "mailboxes.send_as",
        {{"user", ArgType::String, true}, {"mailbox", ArgType::String, true}, {"to", ArgType::String, true}},
        errors({"mailboxes.unknown_mailbox", "mailboxes.unknown_user", "mailboxes.invalid_address",
                "mailboxes.send_as_denied"}),
        {"mail.internal_test.subject", "mail.internal_test.body"}, {}, started<op_mailboxes_send_as>));
    r.add(make_operation("mailboxes.convert_to_shared", {{"user", ArgType::String, true}},
                         errors({"mailboxes.insufficient_role", "mailboxes.unknown_user",
                                 "mailboxes.already_shared", "mailboxes.no_mailbox"}),
                         {}, {}, started<op_mailboxes_convert_to_shared>));
    r.add_event("mail.delivered", on_mf_marker);
    r.add_event("mail.old_provider", on_mf_marker);
    r.add_event("mail.bounced", on_mf_marker);
    r.add_event("mail.external", on_mf_marker);
    r.add_event("mailboxes.permission_replicated", on_mf_permission_replicated);
}

}  // namespace sim
