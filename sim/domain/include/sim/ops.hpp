// sim/ops.hpp — typed requests: one small function per operation of the registry (journey_registry(),
// `npsim-cli ops`), so a view never writes an operation name or an argument name by hand.
//
// Each function returns the sim::Action the operation's handler reads: {"type": name, "actor": who, …}.
// The argument names and types are the registry's declaration (OperationSpec::args);
// tests/sim/test_ops_registry.cpp builds every request here and checks it against that declaration.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/action.hpp"
#include "sim/world.hpp"

namespace sim::ops {

// [SECTION] Nonprofit portal

struct NewTenant {  // portal.register: the tenant and its first (global) admin
    std::string tenant_name, first_name, last_name, username, country;
    std::string password;  // a secret: journaled only as "password_check"
};
inline Action register_tenant(const NewTenant& t) {
    return Action{"portal.register",
                  "",
                  {{"tenant_name", t.tenant_name},
                   {"first_name", t.first_name},
                   {"last_name", t.last_name},
                   {"username", t.username},
                   {"country", t.country},
                   {"password", t.password}}};
}
inline Action sign_in(const std::string& actor) {
    return Action{"portal.sign_in", actor, nlohmann::json::object()};
}
inline Action submit_registration(const std::string& actor, const RegistrationForm& f) {
    return Action{"portal.submit_registration", actor, to_json(f)};
}
inline Action answer_information_request(const std::string& actor, const std::string& registration_id,
                                         const std::string& proof_document) {
    return Action{"portal.answer_information_request",
                  actor,
                  {{"registration_id", registration_id}, {"proof_document", proof_document}}};
}
inline Action reverify(const std::string& actor, const std::string& registration_id,
                       const std::string& proof_document) {
    return Action{
        "portal.reverify", actor, {{"registration_id", registration_id}, {"proof_document", proof_document}}};
}
inline Action open_offer(const std::string& actor, const std::string& offer) {
    return Action{"portal.open_offer", actor, {{"offer", offer}}};
}

// [SECTION] Billing

inline Action add_card(const std::string& actor, const std::string& card_last4) {
    return Action{"billing.add_payment_method", actor, {{"kind", "card"}, {"card_last4", card_last4}}};
}
struct Order {  // billing.place_order
    std::string sku;
    int quantity = 1;
    std::string term, billing_frequency;
    std::string payment_method;  // "" = none given
};
inline Action place_order(const std::string& actor, const Order& o) {
    nlohmann::json args = {{"sku", o.sku},
                           {"quantity", o.quantity},
                           {"term", o.term},
                           {"billing_frequency", o.billing_frequency}};
    if (!o.payment_method.empty()) args["payment_method"] = o.payment_method;
    return Action{"billing.place_order", actor, std::move(args)};
}
inline Action change_quantity(const std::string& actor, const std::string& subscription, int quantity) {
    return Action{"billing.change_quantity", actor, {{"subscription", subscription}, {"quantity", quantity}}};
}
// The subscription lifecycle (sim/subscriptions.hpp): Your products' recurring billing, cancel, reactivate.
inline Action set_recurring_billing(const std::string& actor, const std::string& subscription, bool enabled) {
    return Action{
        "subscriptions.set_recurring_billing", actor, {{"subscription", subscription}, {"enabled", enabled}}};
}
inline Action cancel_subscription(const std::string& actor, const std::string& subscription) {
    return Action{"subscriptions.cancel", actor, {{"subscription", subscription}}};
}
inline Action reactivate_subscription(const std::string& actor, const std::string& subscription) {
    return Action{"subscriptions.reactivate", actor, {{"subscription", subscription}}};
}
// Remove licenses after the removal window: the new total takes effect at renewal (C32).
inline Action schedule_quantity(const std::string& actor, const std::string& subscription, int quantity) {
    return Action{
        "subscriptions.schedule_quantity", actor, {{"subscription", subscription}, {"quantity", quantity}}};
}
// Pay a renewal whose payment failed ("" = the subscription's payment method).
inline Action renew_subscription(const std::string& actor, const std::string& subscription,
                                 const std::string& payment_method = "") {
    Action a{"subscriptions.renew", actor, {{"subscription", subscription}}};
    if (!payment_method.empty()) a.args["payment_method"] = payment_method;
    return a;
}
// More than one tenant (sim/tenants.hpp, C9): `tenant` is the other tenant holding the nonprofit status.
inline Action release_tenant_status(const std::string& actor, const std::string& tenant) {
    return Action{"tenants.release_status", actor, {{"tenant", tenant}}};
}
inline Action request_tenant_status_move(const std::string& actor, const std::string& tenant) {
    return Action{"tenants.request_status_move", actor, {{"tenant", tenant}}};
}

// [SECTION] Users

struct NewUser {  // users.add
    std::string first_name, last_name, display_name, username, domain;
    bool own_password = false;  // password_mode "own" (with `password`) or "auto"
    std::string password;       // a secret: journaled only as "password_check"; sent only when own
    bool require_password_change = true;
    std::string usage_location, kind;
    std::vector<std::string> licences, roles;
};
inline Action add_user(const std::string& actor, const NewUser& u) {
    nlohmann::json args = {{"first_name", u.first_name},
                           {"last_name", u.last_name},
                           {"display_name", u.display_name},
                           {"username", u.username},
                           {"domain", u.domain},
                           {"password_mode", u.own_password ? "own" : "auto"},
                           {"require_password_change", u.require_password_change},
                           {"usage_location", u.usage_location},
                           {"kind", u.kind},
                           {"licences", u.licences},
                           {"roles", u.roles}};
    if (u.own_password) args["password"] = u.password;
    return Action{"users.add", actor, std::move(args)};
}
inline Action set_usage_location(const std::string& actor, const std::string& user,
                                 const std::string& location) {
    return Action{"users.edit", actor, {{"user", user}, {"usage_location", location}}};
}
inline Action block_sign_in(const std::string& actor, const std::string& user, bool block) {
    return Action{"users.edit", actor, {{"user", user}, {"block_sign_in", block}}};
}
inline Action set_roles(const std::string& actor, const std::string& user,
                        const std::vector<std::string>& roles) {
    return Action{"users.edit", actor, {{"user", user}, {"roles", roles}}};
}
inline Action delete_user(const std::string& actor, const std::string& user) {
    return Action{"users.delete", actor, {{"user", user}}};
}

// Users > user > Manage username and email (the old address stays as an alias); domain "" = keep it.
inline Action change_username(const std::string& actor, const std::string& user, const std::string& username,
                              const std::string& domain) {
    nlohmann::json args = {{"user", user}, {"username", username}};
    if (!domain.empty()) args["domain"] = domain;
    return Action{"users.change_username", actor, std::move(args)};
}

// [SECTION] Roles (Roles > Role assignments; role: "global_admin", "user_admin", …, as sim::to_string(Role))

inline Action assign_role(const std::string& actor, const std::string& user, const std::string& role) {
    return Action{"roles.assign", actor, {{"user", user}, {"role", role}}};
}
inline Action remove_role(const std::string& actor, const std::string& user, const std::string& role) {
    return Action{"roles.remove", actor, {{"user", user}, {"role", role}}};
}

// [SECTION] Licences

// One licence for one person ({"sku", "user"}).
inline Action assign_licence(const std::string& actor, const std::string& user, const std::string& sku) {
    return Action{"licences.assign", actor, {{"sku", sku}, {"user", user}}};
}
inline Action unassign_licence(const std::string& actor, const std::string& user, const std::string& sku) {
    return Action{"licences.unassign", actor, {{"sku", sku}, {"user", user}}};
}
// One licence for several people ({"sku", "users"}), all or nothing.
inline Action assign_licences(const std::string& actor, const std::string& sku,
                              const std::vector<std::string>& users) {
    return Action{"licences.assign", actor, {{"sku", sku}, {"users", users}}};
}
inline Action unassign_licences(const std::string& actor, const std::string& sku,
                                const std::vector<std::string>& users) {
    return Action{"licences.unassign", actor, {{"sku", sku}, {"users", users}}};
}

// [SECTION] Domains (Settings > Domains)

inline Action add_domain(const std::string& actor, const std::string& domain) {
    return Action{"domains.add", actor, {{"domain", domain}}};
}
inline Action choose_verification_method(const std::string& actor, const std::string& domain,
                                         const std::string& method) {  // "txt" | "mx" | "file"
    return Action{"domains.choose_method", actor, {{"domain", domain}, {"method", method}}};
}
inline Action verify_domain(const std::string& actor, const std::string& domain) {
    return Action{"domains.verify", actor, {{"domain", domain}}};
}
// mode "self" ("I'll add the DNS records myself") or "skip"; services besides "exchange": {"teams"}.
inline Action choose_dns_setup(const std::string& actor, const std::string& domain, const std::string& mode,
                               const std::vector<std::string>& services = {}) {
    nlohmann::json args = {{"domain", domain}, {"mode", mode}};
    if (!services.empty()) args["services"] = services;
    return Action{"domains.choose_dns_setup", actor, std::move(args)};
}
inline Action finish_domain_setup(const std::string& actor, const std::string& domain) {
    return Action{"domains.finish_setup", actor, {{"domain", domain}}};
}
inline Action check_domain_health(const std::string& actor, const std::string& domain) {
    return Action{"domains.check_health", actor, {{"domain", domain}}};
}
inline Action set_default_domain(const std::string& actor, const std::string& domain) {
    return Action{"domains.set_default", actor, {{"domain", domain}}};
}
inline Action remove_domain(const std::string& actor, const std::string& domain) {
    return Action{"domains.remove", actor, {{"domain", domain}}};
}

// [SECTION] DNS host (the association's registrar)

struct DnsRecordInput {  // dns.record_add / dns.record_edit; priority for MX and SRV, weight/port for SRV
    std::string type, host, value;
    int ttl = 3600;
    int priority = 0, weight = 0, port = 0;
};
inline nlohmann::json dns_record_args(const std::string& domain, const DnsRecordInput& r) {
    nlohmann::json args = {
        {"domain", domain}, {"record_type", r.type}, {"host", r.host}, {"value", r.value}, {"ttl", r.ttl}};
    if (r.type == "MX" || r.type == "SRV") args["priority"] = r.priority;
    if (r.type == "SRV") args["weight"] = r.weight, args["port"] = r.port;
    return args;
}
inline Action add_dns_record(const std::string& actor, const std::string& domain, const DnsRecordInput& r) {
    return Action{"dns.record_add", actor, dns_record_args(domain, r)};
}
inline Action edit_dns_record(const std::string& actor, const std::string& domain, const std::string& id,
                              const DnsRecordInput& r) {
    nlohmann::json args = dns_record_args(domain, r);
    args["id"] = id;
    return Action{"dns.record_edit", actor, std::move(args)};
}
inline Action delete_dns_record(const std::string& actor, const std::string& domain, const std::string& id) {
    return Action{"dns.record_delete", actor, {{"domain", domain}, {"id", id}}};
}
inline Action publish_zone(const std::string& actor, const std::string& domain) {
    return Action{"dns.publish", actor, {{"domain", domain}}};
}

// [SECTION] Mailboxes and the outside world's mail

// Teams & groups > Shared mailboxes > Add a shared mailbox (no licence).
inline Action add_shared_mailbox(const std::string& actor, const std::string& display_name,
                                 const std::string& address) {
    return Action{"mailboxes.add_shared", actor, {{"display_name", display_name}, {"address", address}}};
}
// Someone outside sends a test mail to `to` (delivered, to the old provider, or bounced).
inline Action send_test_mail(const std::string& actor, const std::string& to) {
    return Action{"mailboxes.send_test", actor, {{"to", to}}};
}
// A mailbox of the organisation sends to `to`: accepted domains are resolved inside Exchange Online
// whatever the MX says (split delivery, C30), other addresses leave by their MX.
inline Action send_internal_mail(const std::string& actor, const std::string& from, const std::string& to) {
    return Action{"mailboxes.send_internal", actor, {{"from", from}, {"to", to}}};
}
// Teams and groups > Distribution list > Add a distribution list (C29: outside senders off by default).
inline Action add_distribution_list(const std::string& actor, const std::string& display_name,
                                    const std::string& address, const std::vector<std::string>& members = {},
                                    bool allow_external = false) {
    return Action{"mailboxes.add_distribution_list",
                  actor,
                  {{"display_name", display_name},
                   {"address", address},
                   {"members", members},
                   {"allow_external", allow_external}}};
}
inline Action set_list_external(const std::string& actor, const std::string& address, bool allow) {
    return Action{"mailboxes.set_list_external", actor, {{"address", address}, {"allow", allow}}};
}
// A shared mailbox's members: rights "full_access" (Read and manage) or "send_as"; works after replication.
inline Action grant_mailbox_access(const std::string& actor, const std::string& mailbox,
                                   const std::string& user, const std::string& rights) {
    return Action{
        "mailboxes.grant_access", actor, {{"mailbox", mailbox}, {"user", user}, {"rights", rights}}};
}
inline Action send_as(const std::string& actor, const std::string& user, const std::string& mailbox,
                      const std::string& to) {
    return Action{"mailboxes.send_as", actor, {{"user", user}, {"mailbox", mailbox}, {"to", to}}};
}
// A user's mailbox becomes a shared mailbox; the licence stays assigned until removed (C24).
inline Action convert_to_shared(const std::string& actor, const std::string& user) {
    return Action{"mailboxes.convert_to_shared", actor, {{"user", user}}};
}

// [SECTION] Sign-in, MFA and tenant recovery (sim/identity.hpp; the actor is the account signing in)

// The sign-in page: username + password; account_type "work" (default) or "personal" (C11). The password
// is a secret: journaled only as "password_check" ("ok" | "wrong").
inline Action auth_sign_in(const std::string& account, const std::string& password,
                           const std::string& account_type = "work") {
    return Action{"auth.sign_in",
                  account,
                  {{"account", account}, {"password", password}, {"account_type", account_type}}};
}
// "Update your password": the current (temporary) one and the new one (both secrets).
inline Action auth_change_password(const std::string& account, const std::string& current,
                                   const std::string& new_password) {
    return Action{"auth.change_password",
                  account,
                  {{"account", account}, {"password", current}, {"new_password", new_password}}};
}
inline Action auth_sign_out(const std::string& account) {
    return Action{"auth.sign_out", account, {{"account", account}}};
}
// The phone panel: "More information required" → Next → QR code → the test number.
inline Action mfa_begin_registration(const std::string& account) {
    return Action{"mfa.begin_registration", account, {{"account", account}}};
}
// The number (2 digits) or 6-digit code the phone shows; a secret, journaled as "code_check".
inline Action mfa_complete_registration(const std::string& account, const std::string& code) {
    return Action{"mfa.complete_registration", account, {{"account", account}, {"code", code}}};
}
inline Action mfa_skip_registration(const std::string& account) {  // "Skip for now" (grace period only)
    return Action{"mfa.skip_registration", account, {{"account", account}}};
}
inline Action mfa_verify(const std::string& account, const std::string& code) {  // "Approve sign in request"
    return Action{"mfa.verify", account, {{"account", account}, {"code", code}}};
}
inline Action mfa_lose_phone(const std::string& account) {  // the phone panel's "I lost my phone"
    return Action{"mfa.lose_phone", account, {{"account", account}}};
}
// Admin: "Require re-register multifactor authentication" / "MFA-Methoden erneut registrieren".
inline Action mfa_require_reregister(const std::string& actor, const std::string& user) {
    return Action{"mfa.require_reregister", actor, {{"user", user}}};
}
struct PasswordReset {  // users.reset_password ("Reset password" / "Kennwort zurücksetzen")
    std::string user;
    bool own_password = false;  // password_mode "own" (with `password`) or "auto"
    std::string password;       // a secret: journaled only as "password_check"; sent only when own
    bool require_password_change = true;
};
inline Action reset_password(const std::string& actor, const PasswordReset& r) {
    nlohmann::json args = {{"user", r.user},
                           {"password_mode", r.own_password ? "own" : "auto"},
                           {"require_password_change", r.require_password_change}};
    if (r.own_password) args["password"] = r.password;
    return Action{"users.reset_password", actor, std::move(args)};
}
inline Action set_security_defaults(const std::string& actor, bool enabled) {
    return Action{"tenant.set_security_defaults", actor, {{"enabled", enabled}}};
}
// C10: the association asks Microsoft's data-protection team; actor may be "" (nobody can sign in).
// proof: "registration_documents", "dns_txt", "public_registry".
inline Action request_tenant_recovery(const std::string& actor, const std::string& contact,
                                      const std::vector<std::string>& proof) {
    return Action{"tenant.request_recovery", actor, {{"contact", contact}, {"proof", proof}}};
}

// [SECTION] Teams (sim/teams.hpp; the actor is the Teams user, or the admin for the admin operations)

inline Action create_team(const std::string& actor, const std::string& name, const std::string& description,
                          const std::string& privacy) {  // privacy: "private" | "public"
    return Action{
        "teams.create", actor, {{"name", name}, {"description", description}, {"privacy", privacy}}};
}
inline Action add_team_member(const std::string& actor, const std::string& team, const std::string& user,
                              const std::string& role = "member") {  // role: "owner" | "member"
    return Action{"teams.add_member", actor, {{"team", team}, {"user", user}, {"role", role}}};
}
inline Action remove_team_member(const std::string& actor, const std::string& team, const std::string& user) {
    return Action{"teams.remove_member", actor, {{"team", team}, {"user", user}}};
}
inline Action add_team_guest(const std::string& actor, const std::string& team, const std::string& email,
                             const std::string& display_name) {
    return Action{
        "teams.add_guest", actor, {{"team", team}, {"email", email}, {"display_name", display_name}}};
}
inline Action add_channel(const std::string& actor, const std::string& team, const std::string& name) {
    return Action{"teams.add_channel", actor, {{"team", team}, {"name", name}}};
}
inline Action set_guest_access(const std::string& actor, bool enabled) {
    return Action{"teams.set_guest_access", actor, {{"enabled", enabled}}};
}
// Settings > Org settings > Services > Reports: "Display concealed user, group, and site names in all
// reports" (sim/usage.hpp); false shows the names in Reports > Usage.
inline Action set_concealed_names(const std::string& actor, bool concealed) {
    return Action{"reports.set_concealed_names", actor, {{"concealed", concealed}}};
}
// Users > user > Licenses and apps > "Apps und Dienste": service "teams" | "office".
inline Action set_licence_service(const std::string& actor, const std::string& user, const std::string& sku,
                                  const std::string& service, bool enabled) {
    return Action{"licences.set_service",
                  actor,
                  {{"user", user}, {"sku", sku}, {"service", service}, {"enabled", enabled}}};
}

// [SECTION] Support (sim/support.hpp): Contact Us / Help & support, Junk Email, the instructor's reply

// channel "portal" (Contact Us) | "admin" (Help & support); topic: one of sim::support_topics().
inline Action submit_support_request(const std::string& actor, const std::string& channel,
                                     const std::string& topic, const std::string& title,
                                     const std::string& text) {
    return Action{"support.submit_request",
                  actor,
                  {{"channel", channel}, {"topic", topic}, {"title", title}, {"text", text}}};
}
// folder "inbox" | "junk".
inline Action move_mail(const std::string& actor, const std::string& mail, const std::string& folder) {
    return Action{"support.move_mail", actor, {{"mail", mail}, {"folder", folder}}};
}
// The instructor console's live reply (no actor); effect "" or one of sim::support_effects(), delay "" = the
// scenario's reply delay.
inline Action reply_support(const std::string& request, const std::string& text,
                            const std::string& effect = {}, const std::string& delay = {}) {
    nlohmann::json args{{"request", request}, {"text", text}};
    if (!effect.empty()) args["effect"] = effect;
    if (!delay.empty()) args["delay"] = delay;
    return Action{"support.reply", "", std::move(args)};
}

// [SECTION] Mail

inline Action mark_read(const std::string& actor, const std::string& mail) {
    return Action{"mail.mark_read", actor, {{"mail", mail}}};
}

// [SECTION] Instructor (no actor; answered at once, docs/sessions.md)

inline Action instructor(const char* type, nlohmann::json args = nlohmann::json::object()) {
    return Action{type, "", std::move(args)};
}
inline Action add_fault(nlohmann::json rule) {
    return instructor("instructor.add_fault", {{"rule", std::move(rule)}});
}
inline Action remove_fault(const std::string& id) {
    return instructor("instructor.remove_fault", {{"id", id}});
}
inline Action clear_faults() {
    return instructor("instructor.clear_faults");
}
inline Action update_fault(const std::string& id, nlohmann::json rule) {
    return instructor("instructor.update_fault", {{"id", id}, {"rule", std::move(rule)}});
}
inline Action set_fault_enabled(const std::string& id, bool enabled) {
    return instructor("instructor.set_fault_enabled", {{"id", id}, {"enabled", enabled}});
}
inline Action arm_fault(const std::string& id) {
    return instructor("instructor.arm_fault", {{"id", id}});
}
inline Action fail_next(const std::string& operation, const std::string& error) {
    return instructor("instructor.fail_next", {{"operation", operation}, {"error", error}});
}
inline Action skip_time(const std::string& by) {  // "2 days", "3 business days"
    return instructor("instructor.skip_time", {{"by", by}});
}
inline Action skip_time_ms(std::int64_t by_ms) {
    return instructor("instructor.skip_time", {{"by_ms", by_ms}});
}
inline Action skip_to_next_event() {
    return instructor("instructor.skip_to_next_event");
}
inline Action freeze() {
    return instructor("instructor.freeze");
}
inline Action unfreeze() {
    return instructor("instructor.unfreeze");
}
inline Action checkpoint(const std::string& name) {  // "" = the next free "checkpoint-N"
    return instructor("instructor.checkpoint", {{"name", name}});
}
inline Action restore_checkpoint(const std::string& name) {
    return instructor("instructor.restore_checkpoint", {{"name", name}});
}
inline Action reset() {
    return instructor("instructor.reset");
}
inline Action note(const std::string& text) {
    return instructor("instructor.note", {{"text", text}});
}

}  // namespace sim::ops
