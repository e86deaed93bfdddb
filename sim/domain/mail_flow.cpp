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

namespace sim {

using nlohmann::json;

namespace {

constexpr const char* kMfDbeb = "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)";
constexpr const char* kMfRelay = "550 5.4.1 Relay Access Denied";
constexpr const char* kMfOutsideSender = "test@example.org";

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

bool has_mailbox(const World& w, const Person& p) {
    if (p.deleted) return false;
    for (const auto& l : p.licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (l.state == LicenceState::Active && prod != nullptr && !prod->portal_access &&
            (prod->web_apps || prod->desktop_apps))
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

std::vector<const OutsideMail*> old_provider_inbox(const World& w) {
    std::vector<const OutsideMail*> out;
    for (const auto& m : w.domains.outside_mail)
        if (m.outcome == "old_provider") out.push_back(&m);
    return out;
}

namespace {

ActionResult op_mailboxes_add_shared(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!actor->has_role(Role::GlobalAdmin)) return ActionResult::failure("mailboxes.insufficient_role");
    const std::string name = a.arg<std::string>("display_name", "");
    if (name.empty()) return ActionResult::failure("mailboxes.field_required", {{"field", "display_name"}});
    const std::string address = mf_lower(a.arg<std::string>("address", ""));
    if (!is_email_address(address))
        return ActionResult::failure("mailboxes.invalid_address", {{"address", address}});
    const std::string domain = mf_domain_of(address);
    if (!is_verified_domain(w, domain))
        return ActionResult::failure("users.domain_not_verified", {{"domain", domain}});
    const Person* holder = find_person_by_address(w, address);
    if (holder != nullptr || find_shared_mailbox(w, address) != nullptr)
        return ActionResult::failure(
            "mailboxes.address_taken",
            {{"address", address}, {"holder", holder != nullptr ? holder->display_name : name}});
    w.domains.shared_mailboxes.push_back({address, name, ctx.now()});
    return ActionResult::success({{"address", address}});
}

// The outcome at Microsoft's edge for an address of an accepted domain.
std::string mf_at_microsoft(World& w, SimTime now, const std::string& address, std::string& ndr) {
    if (!is_verified_domain(w, mf_domain_of(address))) {
        ndr = kMfRelay;
        return "bounced";
    }
    if (find_shared_mailbox(w, address) != nullptr) return "delivered";
    Person* p = find_person_by_address(w, address);
    if (p == nullptr || !has_mailbox(w, *p)) {
        ndr = kMfDbeb;
        return "bounced";
    }
    send_mail(w, now, *p, kMfOutsideSender, "mail.outside_test", {{"to", address}});
    return "delivered";
}

ActionResult op_mailboxes_send_test(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    if (require_actor(w, a, fail) == nullptr) return fail;
    const std::string to = mf_lower(a.arg<std::string>("to", ""));
    if (!is_email_address(to)) return ActionResult::failure("mailboxes.invalid_address", {{"address", to}});
    const std::string route = mail_route(w, to);
    OutsideMail m;
    m.id = w.make_id("om");
    m.at = ctx.now();
    m.to = to;
    if (route == "old_provider") {
        m.outcome = "old_provider";
    } else if (route == "none") {
        m.outcome = "bounced";
        m.ndr = kMfRelay;
    } else {
        m.outcome = mf_at_microsoft(w, ctx.now(), to, m.ndr);
    }
    w.domains.outside_mail.push_back(m);
    ctx.schedule(0, "mail." + m.outcome, {{"to", to}, {"ndr", m.ndr}});
    return ActionResult::success({{"to", to}, {"outcome", m.outcome}, {"ndr", m.ndr}, {"id", m.id}});
}

void on_mf_marker(Context&, const json&) {}

}  // namespace

void register_mailboxes(Registry& r) {
    const std::vector<std::string> who = {"auth.unknown_account", "auth.sign_in_blocked"};
    std::vector<std::string> add_errors = who;
    for (const char* e :
         {"mailboxes.insufficient_role", "mailboxes.field_required", "mailboxes.invalid_address",
          "users.domain_not_verified", "mailboxes.address_taken"})
        add_errors.emplace_back(e);
    r.add(make_operation("mailboxes.add_shared",
                         {{"display_name", ArgType::String, true}, {"address", ArgType::String, true}},
                         add_errors, {}, {}, started<op_mailboxes_add_shared>));
    std::vector<std::string> send_errors = who;
    send_errors.emplace_back("mailboxes.invalid_address");
    r.add(make_operation("mailboxes.send_test", {{"to", ArgType::String, true}}, send_errors,
                         {"mail.outside_test.subject", "mail.outside_test.body"}, {},
                         started<op_mailboxes_send_test>));
    r.add_event("mail.delivered", on_mf_marker);
    r.add_event("mail.old_provider", on_mf_marker);
    r.add_event("mail.bounced", on_mf_marker);
}

}  // namespace sim
