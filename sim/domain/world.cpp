// sim/world.cpp — names of the world's enumerations, its canonical JSON, lookups, and the start state.
//
// Index:
//   [SECTION] Enumeration names
//   [SECTION] Lookups and queries
//   [SECTION] Canonical JSON
//   [SECTION] Reading the canonical JSON back
#include "sim/world.hpp"
#include "sim/json_input.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <cstdio>
#include <limits>
#include <type_traits>

#include "sim/text.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Enumeration names -----------------------------------------------------------------

namespace {

template <class E, std::size_t N>
bool parse_enum(std::string_view s, E& out, const char* const (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
        if (s == names[i]) {
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

const char* const kKindNames[] = {"paid_staff", "unpaid_executive", "volunteer", "member", "beneficiary"};
const char* const kRoleNames[] = {"global_admin",      "billing_admin",  "license_admin", "user_admin",
                                  "domain_name_admin", "exchange_admin", "teams_admin"};
const char* const kPortalNames[] = {"none",     "draft",    "pending",          "info_requested",
                                    "approved", "declined", "reverify_required"};

}  // namespace

const char* to_string(PersonKind k) {
    return kKindNames[static_cast<int>(k)];
}
const char* to_string(Role r) {
    return kRoleNames[static_cast<int>(r)];
}
const char* to_string(PortalStatus s) {
    return kPortalNames[static_cast<int>(s)];
}
const char* to_string(LicenceState s) {
    return s == LicenceState::Active ? "active" : "pending";
}
const char* to_string(SubscriptionStatus s) {
    static const char* const kNames[] = {"active", "disabled", "expired", "deleted"};
    return kNames[static_cast<int>(s)];
}
const char* to_string(BillingAccountStatus s) {
    switch (s) {
        case BillingAccountStatus::UnderReview:
            return "under_review";
        case BillingAccountStatus::Cleared:
            return "cleared";
        default:
            return "not_reviewed";
    }
}
bool parse_person_kind(std::string_view s, PersonKind& out) {
    return parse_enum(s, out, kKindNames);
}
bool parse_role(std::string_view s, Role& out) {
    return parse_enum(s, out, kRoleNames);
}
bool parse_portal_status(std::string_view s, PortalStatus& out) {
    return parse_enum(s, out, kPortalNames);
}

std::vector<std::string> role_names(RoleSet roles) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < std::size(kRoleNames); ++i)
        if (roles & role_bit(static_cast<Role>(i))) out.emplace_back(kRoleNames[i]);
    return out;
}

// [SECTION] Lookups and queries ---------------------------------------------------------------

const LicenceAssignment* Person::licence(std::string_view sku) const {
    for (const auto& l : licences)
        if (l.sku == sku) return &l;
    return nullptr;
}

const Person* World::find_person(std::string_view upn) const {
    std::string key(upn);
    auto it = person_index_cache.find(key);
    if (it != person_index_cache.end() && it->second < people.size() && people[it->second].upn == upn)
        return &people[it->second];
    if (person_index_cache.size() == people.size() && it == person_index_cache.end()) {
        // The cache is complete unless somebody changed `people` behind our back; check cheaply.
        if (people.empty() || person_index_cache.count(people.back().upn) != 0) return nullptr;
    }
    person_index_cache.clear();
    for (std::size_t i = 0; i < people.size(); ++i) person_index_cache.emplace(people[i].upn, i);
    it = person_index_cache.find(key);
    return it == person_index_cache.end() ? nullptr : &people[it->second];
}

Person* World::find_person(std::string_view upn) {
    return const_cast<Person*>(static_cast<const World&>(*this).find_person(upn));
}

Person& World::add_person(Person p) {
    find_person(p.upn);  // brings the cache up to date first
    people.push_back(std::move(p));
    person_index_cache[people.back().upn] = people.size() - 1;
    return people.back();
}

Subscription* World::find_subscription(std::string_view id) {
    for (auto& s : subscriptions)
        if (s.id == id) return &s;
    return nullptr;
}

std::string World::make_id(const char* prefix) {
    return fmt::format("{}-{:04}", prefix, next_id++);
}

bool is_usable(const Person* p) {
    return p != nullptr && !p->deleted;
}

SeatCount seats_of(const World& w, std::string_view sku) {
    SeatCount c;
    for (const auto& s : w.subscriptions) {
        if (s.sku != sku || s.status != SubscriptionStatus::Active) continue;
        c.total += s.quantity;
        c.assigned += s.assigned;
    }
    return c;
}

const Product* portal_product(const Catalog& c) {
    const Product* portal = nullptr;
    for (const auto& p : c.products)
        if (p.portal_access) portal = &p;
    return portal;
}

Subscription& add_portal_subscription(World& w, const Product& portal) {
    Subscription s;
    s.id = w.make_id("sub");
    s.sku = portal.sku;
    s.quantity = w.settings.portal_licence_seats;
    s.term = "P1Y";
    s.billing_frequency = "annual";
    s.channel = "Nonprofit";
    w.subscriptions.push_back(s);
    return w.subscriptions.back();
}

int business_seats(const World& w) {
    int n = 0;
    for (const auto& s : w.subscriptions) {
        const Product* p = w.catalog.find(s.sku);
        if (p != nullptr && p->business_plan && s.status == SubscriptionStatus::Active) n += s.quantity;
    }
    return n;
}

SimTime add_months(const Calendar& cal, SimTime t, int months) {
    return cal.add_months(t, months);
}  // O(1), saturating

// [SECTION] Canonical JSON --------------------------------------------------------------------

static json settings_json(const Settings& s);

static void usage_settings_to_json(const Settings& s, json& j) {
    if (s.usage_tracking) j["usage_tracking"] = true;
    if (s.usage_threshold != 85) j["usage_threshold"] = s.usage_threshold;
    if (s.usage_window_days != 90) j["usage_window_days"] = s.usage_window_days;
    if (s.usage_review_days != 30) j["usage_review_days"] = s.usage_review_days;
    if (s.usage_final_days != 30) j["usage_final_days"] = s.usage_final_days;
    if (s.usage_disable_days != 30) j["usage_disable_days"] = s.usage_disable_days;
    if (s.usage_days != 366) j["usage_days"] = s.usage_days;
    if (s.usage_draw_days != 1) j["usage_draw_days"] = s.usage_draw_days;
    if (s.grant_reenable != "support") j["grant_reenable"] = s.grant_reenable;
}

nlohmann::json to_json(const Settings& s) {
    json j = settings_json(s);
    // The per-step verification delays appear only when a scenario sets them (older hashes stay).
    if (s.verification_first_decision_delay)
        j["verification_first_decision_delay"] = to_json(*s.verification_first_decision_delay);
    if (s.verification_after_information_delay)
        j["verification_after_information_delay"] = to_json(*s.verification_after_information_delay);
    if (s.verification_total_delay) j["verification_total_delay"] = to_json(*s.verification_total_delay);
    if (!(s.dns_propagation_delay == Settings::kDefaultDnsPropagation))
        j["dns_propagation_delay"] = to_json(s.dns_propagation_delay);
    if (!(s.mailbox_permission_delay == Settings::kDefaultMailboxPermission))
        j["mailbox_permission_delay"] = to_json(s.mailbox_permission_delay);
    if (!(s.team_provisioning_delay == Settings::kDefaultTeamProvisioning))
        j["team_provisioning_delay"] = to_json(s.team_provisioning_delay);
    if (!(s.guest_access_change_delay == Settings::kDefaultGuestAccessChange))
        j["guest_access_change_delay"] = to_json(s.guest_access_change_delay);
    if (!s.teams_guest_access_default) j["teams_guest_access_default"] = false;
    if (s.mfa_grace_days >= 0) j["mfa_grace_days"] = s.mfa_grace_days;  // sign-in (sim/identity.hpp)
    if (s.lockout_threshold != 10) j["lockout_threshold"] = s.lockout_threshold;
    if (!(s.lockout_delay == Settings::kDefaultLockout)) j["lockout_delay"] = to_json(s.lockout_delay);
    if (!(s.tenant_recovery_delay == Settings::kDefaultTenantRecovery))
        j["tenant_recovery_delay"] = to_json(s.tenant_recovery_delay);
    if (s.mfa_code_lifetime != Settings::kDefaultMfaCodeLifetime)
        j["mfa_code_lifetime_ms"] = s.mfa_code_lifetime;
    if (s.subscription_lifecycle) j["subscription_lifecycle"] = true;  // sim/subscriptions.hpp
    if (s.subscription_expired_days != 30) j["subscription_expired_days"] = s.subscription_expired_days;
    if (s.subscription_disabled_days != 90) j["subscription_disabled_days"] = s.subscription_disabled_days;
    if (s.premium_grant_renewal != "convert_to_paid") j["premium_grant_renewal"] = s.premium_grant_renewal;
    if (s.reverification_lifecycle) j["reverification_lifecycle"] = true;  // sim/programme.hpp
    if (s.reverification_reminder_days != 30)
        j["reverification_reminder_days"] = s.reverification_reminder_days;
    if (s.reverification_grace_days != 30) j["reverification_grace_days"] = s.reverification_grace_days;
    if (!s.reverification_lapse_blocks_renewal) j["reverification_lapse_blocks_renewal"] = false;
    if (s.tenant_move_policy != "newer") j["tenant_move_policy"] = s.tenant_move_policy;  // sim/tenants.hpp
    if (!(s.tenant_status_move_delay == Settings::kDefaultTenantStatusMove))
        j["tenant_status_move_delay"] = to_json(s.tenant_status_move_delay);
    usage_settings_to_json(s, j);  // sim/usage.hpp
    return j;
}

static json settings_json(const Settings& s) {
    return json{{"verification_delay", to_json(s.verification_delay)},
                {"verification_outcomes", s.verification_outcomes},
                {"excluded_org_types", s.excluded_org_types},
                {"reverification_months", s.reverification_months},
                {"portal_full_view_requires_global_admin", s.portal_full_view_requires_global_admin},
                {"portal_licence_seats", s.portal_licence_seats},
                {"account_review_hold", s.account_review_hold},
                {"account_review_delay", to_json(s.account_review_delay)},
                {"zero_order_requires_payment_method", s.zero_order_requires_payment_method},
                {"licence_propagation_delay", to_json(s.licence_propagation_delay)},
                {"licence_removal_window_ms", s.licence_removal_window},
                {"business_seat_cap", s.business_seat_cap},
                {"max_users_per_assignment", s.max_users_per_assignment},
                {"reduced_view_shows_status", s.reduced_view_shows_status}};
}

static json to_json(const Mail& m) {
    return json{
        {"id", m.id},         {"received_at", m.received_at}, {"from", m.from}, {"subject", m.subject_key},
        {"body", m.body_key}, {"params", m.params},           {"read", m.read}};
}

nlohmann::json to_json(const Person& p) {
    json licences = json::array();
    for (const auto& l : p.licences)
        licences.push_back({{"sku", l.sku},
                            {"subscription", l.subscription},
                            {"state", to_string(l.state)},
                            {"assigned_at", l.assigned_at},
                            {"active_at", l.active_at},
                            {"serial", l.serial}});
    json inbox = json::array();
    for (const auto& m : p.inbox) inbox.push_back(to_json(m));
    json out{{"upn", p.upn},
             {"display_name", p.display_name},
             {"id", p.id},
             {"first_name", p.first_name},
             {"last_name", p.last_name},
             {"kind", to_string(p.kind)},
             {"usage_location", p.usage_location},
             {"roles", role_names(p.roles)},
             {"licences", std::move(licences)},
             {"sign_in_blocked", p.sign_in_blocked},
             {"must_change_password", p.must_change_password},
             {"deleted", p.deleted},
             {"created_at", p.created_at},
             {"inbox", std::move(inbox)}};
    if (!p.aliases.empty()) out["aliases"] = p.aliases;
    return out;
}

namespace {

// Appends a field of a person record: '|' separates; a '|' or a backslash inside a value gets a backslash
// before it.
void put(std::string& out, std::string_view s) {
    out += '|';
    for (char c : s) {
        if (c == '|' || c == '\\') out += '\\';
        out += c;
    }
}
void put(std::string& out, std::int64_t v) {
    out += '|';
    out += std::to_string(v);
}

}  // namespace

std::string person_record(const Person& p) {
    std::string r;
    r.reserve(160);
    r += "p1";
    put(r, p.upn);
    put(r, p.display_name);
    put(r, p.id);
    put(r, p.first_name);
    put(r, p.last_name);
    put(r, to_string(p.kind));
    put(r, p.usage_location);
    put(r, static_cast<std::int64_t>(p.roles));
    put(r, std::int64_t{p.sign_in_blocked} + 2 * std::int64_t{p.must_change_password} +
               4 * std::int64_t{p.deleted});
    put(r, p.created_at);
    put(r, static_cast<std::int64_t>(p.licences.size()));
    for (const auto& l : p.licences) {
        put(r, l.sku);
        put(r, l.subscription);
        put(r, to_string(l.state));
        put(r, l.assigned_at);
        put(r, l.active_at);
        put(r, static_cast<std::int64_t>(l.serial));
    }
    put(r, static_cast<std::int64_t>(p.inbox.size()));
    for (const auto& m : p.inbox) {
        put(r, m.id);
        put(r, m.received_at);
        put(r, m.from);
        put(r, m.subject_key);
        put(r, m.body_key);
        put(r, m.params.dump(-1, ' ', false, json::error_handler_t::replace));
        put(r, std::int64_t{m.read});
    }
    if (!p.aliases.empty()) {  // only then: records without aliases stay as they were
        put(r, "aliases");
        put(r, static_cast<std::int64_t>(p.aliases.size()));
        for (const auto& a : p.aliases) put(r, a);
    }
    return r;
}

json to_json(const RegistrationForm& f) {
    return json{{"legal_name", f.legal_name},
                {"country", f.country},
                {"registration_id", f.registration_id},
                {"address", f.address},
                {"website", f.website},
                {"phone", f.phone},
                {"org_type", f.org_type},
                {"mission", f.mission},
                {"contact_first_name", f.contact_first_name},
                {"contact_last_name", f.contact_last_name},
                {"contact_email", f.contact_email},
                {"contact_phone", f.contact_phone},
                {"registrant_relationship", f.registrant_relationship},
                {"proof_document", f.proof_document},
                {"attest_eligibility", f.attest_eligibility},
                {"accept_non_discrimination", f.accept_non_discrimination},
                {"accept_terms", f.accept_terms}};
}

nlohmann::json to_json(const World& w) {
    // One compact record per person (see person_record): 10,000 people hash in a few milliseconds.
    json people = json::array();
    people.get_ref<json::array_t&>().reserve(w.people.size());
    for (const auto& p : w.people) people.push_back(person_record(p));
    const Organisation& o = w.organisation;
    json org{{"status", to_string(o.status)},
             {"form", to_json(o.form)},
             {"facts",
              {{"legally_recognised", o.facts.legally_recognised},
               {"registered_by_it_provider", o.facts.registered_by_it_provider}}},
             {"registrant", o.registrant},
             {"submissions", o.submissions},
             {"decisions", o.decisions},
             {"decision_reason", o.decision_reason},
             {"submitted_at", o.submitted_at},
             {"decided_at", o.decided_at},
             {"approved_at", o.approved_at},
             {"reverification_due_at", o.reverification_due_at}};
    if (o.verification_deadline >= 0) org["verification_deadline"] = o.verification_deadline;
    json tenant{{"exists", w.tenant.exists},
                {"name", w.tenant.name},
                {"initial_domain", w.tenant.initial_domain},
                {"nonprofit_tagged", w.tenant.nonprofit_tagged},
                {"security_defaults", w.tenant.security_defaults}};
    json methods = json::array();
    for (const auto& m : w.billing.payment_methods)
        methods.push_back({{"id", m.id}, {"kind", m.kind}, {"label", m.label}});
    json subs = json::array();
    for (const auto& s : w.subscriptions) {
        subs.push_back({{"id", s.id},
                        {"sku", s.sku},
                        {"quantity", s.quantity},
                        {"assigned", s.assigned},
                        {"status", to_string(s.status)},
                        {"term", s.term},
                        {"billing_frequency", s.billing_frequency},
                        {"price_cents_each", s.price_cents_each},
                        {"purchased_at", s.purchased_at},
                        {"renewal_at", s.renewal_at},
                        {"channel", s.channel},
                        {"payment_method", s.payment_method}});
        // The lifecycle's fields only when not the default (sim/subscriptions.hpp): older hashes stay.
        if (!s.recurring_billing) subs.back()["recurring_billing"] = false;
        if (s.state_since >= 0) subs.back()["state_since"] = s.state_since;
        if (!s.converted_from.empty()) subs.back()["converted_from"] = s.converted_from;
        if (s.scheduled_quantity > 0) subs.back()["scheduled_quantity"] = s.scheduled_quantity;
        if (s.licences_added_at >= 0) subs.back()["licences_added_at"] = s.licences_added_at;
        if (s.credit_check_pending) subs.back()["credit_check_pending"] = true;
    }
    json violations = json::array();
    for (const auto& v : w.violations)
        violations.push_back({{"id", v.id},
                              {"rule", v.rule},
                              {"upn", v.upn},
                              {"sku", v.sku},
                              {"kind", to_string(v.kind)},
                              {"at", v.at},
                              {"resolved_at", v.resolved_at}});
    json starts = json::array();
    for (const auto& e : w.start_events) starts.push_back({{"at", e.at}, {"kind", e.kind}, {"data", e.data}});
    json out{{"people", std::move(people)},
             {"organisation", std::move(org)},
             {"tenant", std::move(tenant)},
             {"billing", {{"status", to_string(w.billing.status)}, {"payment_methods", std::move(methods)}}},
             {"subscriptions", std::move(subs)},
             {"violations", std::move(violations)},
             {"catalog", to_json(w.catalog)},
             {"settings", to_json(w.settings)},
             {"start_events", std::move(starts)},
             {"start_events_scheduled", w.start_events_scheduled},
             {"next_id", w.next_id}};
    if (!w.texts.empty()) {
        json texts = json::object();
        for (const auto& [key, t] : w.texts) texts[key] = {{"en", t.en}, {"de", t.de}};
        out["texts"] = std::move(texts);
    }
    if (!w.domains.empty()) out["domains"] = to_json(w.domains);
    if (!w.teams.empty()) out["teams"] = to_json(w.teams);
    if (!w.support.empty()) out["support"] = to_json(w.support);
    if (!w.identity.empty()) out["identity"] = to_json(w.identity);
    if (!w.billing_history.empty()) out["billing_history"] = to_json(w.billing_history);
    if (!w.tenants.empty()) out["tenants"] = to_json(w.tenants);
    if (!w.usage.empty()) out["usage"] = to_json(w.usage);
    if (!w.programme.empty()) out["programme"] = to_json(w.programme);
    return out;
}

// [SECTION] Reading the canonical JSON back -------------------------------------------------------

namespace {

// A place and a problem; thrown inside world_from_json only, caught at its top.
struct WorldJsonError {
    std::string pointer;
    std::string message;
};

[[noreturn]] void fail(std::string pointer, std::string message) {
    throw WorldJsonError{std::move(pointer), std::move(message)};
}

const json& member(const json& obj, const char* key, const std::string& where) {
    if (!obj.is_object()) fail(where, "must be an object");
    auto it = obj.find(key);
    if (it == obj.end()) fail(where, fmt::format("missing \"{}\"", key));
    return *it;
}

// A whole number from lo to hi (json_input.hpp): never a float or a value the field cannot hold.
std::int64_t ranged(const json& obj, const char* key, const std::string& where, std::int64_t lo,
                    std::int64_t hi) {
    NumberError why;
    auto v = integer_in_range(member(obj, key, where), where + "/" + key, lo, hi, why);
    if (!v) fail(why.pointer, why.message);
    return *v;
}

template <class T>
T value(const json& obj, const char* key, const std::string& where) {
    const json& v = member(obj, key, where);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (!v.is_number()) fail(where + "/" + key, fmt::format("has the wrong type ({})", v.type_name()));
        if constexpr (std::is_same_v<T, std::uint64_t>) {
            NumberError why;
            auto u = unsigned_integer(v, where + "/" + key, why);
            if (!u) fail(why.pointer, why.message);
            return *u;
        } else {
            static_assert(sizeof(T) <= sizeof(std::int64_t));
            return static_cast<T>(ranged(obj, key, where,
                                         static_cast<std::int64_t>(std::numeric_limits<T>::min()),
                                         static_cast<std::int64_t>(std::numeric_limits<T>::max())));
        }
    }
    try {
        return v.get<T>();
    } catch (const json::exception&) {
        fail(where + "/" + key, fmt::format("has the wrong type ({})", v.type_name()));
    }
}

Delay delay_value(const json& obj, const char* key, const std::string& where) {
    std::string why;
    auto d = parse_delay(member(obj, key, where), &why);
    if (!d) fail(where + "/" + key, why);
    return *d;
}

template <class E, class Parse>
E enum_value(const json& obj, const char* key, const std::string& where, Parse parse) {
    E out{};
    if (!parse(value<std::string>(obj, key, where), out)) fail(where + "/" + key, "is not a known value");
    return out;
}

// The fields of a person_record, unescaped.
std::vector<std::string> record_fields(const std::string& record) {
    std::vector<std::string> fields(1);
    for (std::size_t i = 0; i < record.size(); ++i) {
        const char c = record[i];
        if (c == '\\' && i + 1 < record.size())
            fields.back() += record[++i];
        else if (c == '|')
            fields.emplace_back();
        else
            fields.back() += c;
    }
    return fields;
}

Person person_from_record(const std::string& record, const std::string& where) {
    const std::vector<std::string> f = record_fields(record);
    std::size_t i = 0;
    auto text = [&]() -> const std::string& {
        if (i >= f.size()) fail(where, "the person record ends too early");
        return f[i++];
    };
    auto number = [&]() -> std::int64_t {
        const std::string& s = text();
        std::size_t used = 0;
        std::int64_t v = 0;
        try {
            v = std::stoll(s, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (s.empty() || used != s.size())
            fail(where, fmt::format("\"{}\" is not a number (field {})", s, i - 1));
        if (v < -kSimTimeMax ||
            v > kSimTimeMax)  // times and counts alike: so no arithmetic on them overflows
            fail(where, fmt::format("{} is outside -2^62 … 2^62 (field {})", s, i - 1));
        return v;
    };
    if (text() != "p1") fail(where, "is not a person record (\"p1|…\")");
    Person p;
    p.upn = text();
    p.display_name = text();
    p.id = text();
    p.first_name = text();
    p.last_name = text();
    if (!parse_person_kind(text(), p.kind)) fail(where, "has an unknown person kind");
    p.usage_location = text();
    p.roles = static_cast<RoleSet>(number());
    const std::int64_t flags = number();
    p.sign_in_blocked = (flags & 1) != 0;
    p.must_change_password = (flags & 2) != 0;
    p.deleted = (flags & 4) != 0;
    p.created_at = number();
    const std::int64_t licences = number();
    for (std::int64_t k = 0; k < licences; ++k) {
        LicenceAssignment l;
        l.sku = text();
        l.subscription = text();
        const std::string& state = text();
        if (state != "active" && state != "pending") fail(where, "has an unknown licence state");
        l.state = state == "active" ? LicenceState::Active : LicenceState::Pending;
        l.assigned_at = number();
        l.active_at = number();
        l.serial = static_cast<std::uint64_t>(number());
        p.licences.push_back(std::move(l));
    }
    const std::int64_t mails = number();
    for (std::int64_t k = 0; k < mails; ++k) {
        Mail m;
        m.id = text();
        m.received_at = number();
        m.from = text();
        m.subject_key = text();
        m.body_key = text();
        JsonInputError parse_error;
        std::optional<json> params = parse_json_checked(text(), 8, parse_error);
        if (!params) fail(where, "has mail parameters that are not JSON (" + parse_error.message + ")");
        m.params = std::move(*params);
        m.read = number() != 0;
        p.inbox.push_back(std::move(m));
    }
    if (i < f.size() && f[i] == "aliases") {
        ++i;
        const std::int64_t aliases = number();
        for (std::int64_t k = 0; k < aliases; ++k) p.aliases.push_back(text());
    }
    if (i != f.size()) fail(where, "has more fields than a person record");
    return p;
}

// The usage settings (sim/usage.hpp), each present only when not the default.
void usage_settings_from(const json& j, const std::string& b, Settings& s) {
    if (j.contains("usage_tracking")) s.usage_tracking = value<bool>(j, "usage_tracking", b);
    const std::pair<const char*, int Settings::*> days[] = {
        {"usage_threshold", &Settings::usage_threshold},
        {"usage_window_days", &Settings::usage_window_days},
        {"usage_review_days", &Settings::usage_review_days},
        {"usage_final_days", &Settings::usage_final_days},
        {"usage_disable_days", &Settings::usage_disable_days},
        {"usage_days", &Settings::usage_days},
        {"usage_draw_days", &Settings::usage_draw_days}};
    for (const auto& [key, m] : days)
        if (j.contains(key)) s.*m = static_cast<int>(ranged(j, key, b, 1, 3650));
    if (j.contains("grant_reenable")) s.grant_reenable = value<std::string>(j, "grant_reenable", b);
}

Settings settings_from(const json& j, const std::string& b) {
    Settings s;
    s.verification_delay = delay_value(j, "verification_delay", b);
    s.verification_outcomes = value<std::vector<std::string>>(j, "verification_outcomes", b);
    s.excluded_org_types = value<std::vector<std::string>>(j, "excluded_org_types", b);
    s.reverification_months = static_cast<int>(ranged(j, "reverification_months", b, 1, 120));
    s.portal_full_view_requires_global_admin = value<bool>(j, "portal_full_view_requires_global_admin", b);
    s.portal_licence_seats = static_cast<int>(ranged(j, "portal_licence_seats", b, 1, 1'000'000));
    s.account_review_hold = value<bool>(j, "account_review_hold", b);
    s.account_review_delay = delay_value(j, "account_review_delay", b);
    s.zero_order_requires_payment_method = value<bool>(j, "zero_order_requires_payment_method", b);
    s.licence_propagation_delay = delay_value(j, "licence_propagation_delay", b);
    s.licence_removal_window = ranged(j, "licence_removal_window_ms", b, 0, kMaxDuration);
    s.business_seat_cap = static_cast<int>(ranged(j, "business_seat_cap", b, 1, 1'000'000));
    s.max_users_per_assignment = static_cast<int>(ranged(j, "max_users_per_assignment", b, 1, 1'000'000));
    s.reduced_view_shows_status = value<bool>(j, "reduced_view_shows_status", b);
    if (j.contains("verification_first_decision_delay"))
        s.verification_first_decision_delay = delay_value(j, "verification_first_decision_delay", b);
    if (j.contains("verification_after_information_delay"))
        s.verification_after_information_delay = delay_value(j, "verification_after_information_delay", b);
    if (j.contains("verification_total_delay"))
        s.verification_total_delay = delay_value(j, "verification_total_delay", b);
    if (j.contains("dns_propagation_delay"))
        s.dns_propagation_delay = delay_value(j, "dns_propagation_delay", b);
    if (j.contains("mailbox_permission_delay"))
        s.mailbox_permission_delay = delay_value(j, "mailbox_permission_delay", b);
    if (j.contains("team_provisioning_delay"))
        s.team_provisioning_delay = delay_value(j, "team_provisioning_delay", b);
    if (j.contains("guest_access_change_delay"))
        s.guest_access_change_delay = delay_value(j, "guest_access_change_delay", b);
    if (j.contains("teams_guest_access_default"))
        s.teams_guest_access_default = value<bool>(j, "teams_guest_access_default", b);
    if (j.contains("mfa_grace_days"))
        s.mfa_grace_days = static_cast<int>(ranged(j, "mfa_grace_days", b, 0, 365));
    if (j.contains("lockout_threshold"))
        s.lockout_threshold = static_cast<int>(ranged(j, "lockout_threshold", b, 1, 1000));
    if (j.contains("lockout_delay")) s.lockout_delay = delay_value(j, "lockout_delay", b);
    if (j.contains("tenant_recovery_delay"))
        s.tenant_recovery_delay = delay_value(j, "tenant_recovery_delay", b);
    if (j.contains("mfa_code_lifetime_ms"))
        s.mfa_code_lifetime = ranged(j, "mfa_code_lifetime_ms", b, 1, kMaxDuration);
    if (j.contains("subscription_lifecycle"))
        s.subscription_lifecycle = value<bool>(j, "subscription_lifecycle", b);
    if (j.contains("subscription_expired_days"))
        s.subscription_expired_days = static_cast<int>(ranged(j, "subscription_expired_days", b, 0, 3650));
    if (j.contains("subscription_disabled_days"))
        s.subscription_disabled_days = static_cast<int>(ranged(j, "subscription_disabled_days", b, 0, 3650));
    if (j.contains("premium_grant_renewal"))
        s.premium_grant_renewal = value<std::string>(j, "premium_grant_renewal", b);
    if (j.contains("reverification_lifecycle"))
        s.reverification_lifecycle = value<bool>(j, "reverification_lifecycle", b);
    if (j.contains("reverification_reminder_days"))
        s.reverification_reminder_days =
            static_cast<int>(ranged(j, "reverification_reminder_days", b, 0, 365));
    if (j.contains("reverification_grace_days"))
        s.reverification_grace_days = static_cast<int>(ranged(j, "reverification_grace_days", b, 0, 3650));
    if (j.contains("reverification_lapse_blocks_renewal"))
        s.reverification_lapse_blocks_renewal = value<bool>(j, "reverification_lapse_blocks_renewal", b);
    if (j.contains("tenant_move_policy"))  // sim/tenants.hpp
        s.tenant_move_policy = value<std::string>(j, "tenant_move_policy", b);
    if (j.contains("tenant_status_move_delay"))
        s.tenant_status_move_delay = delay_value(j, "tenant_status_move_delay", b);
    usage_settings_from(j, b, s);
    return s;
}

RegistrationForm form_from(const json& j, const std::string& b) {
    RegistrationForm f;
    f.legal_name = value<std::string>(j, "legal_name", b);
    f.country = value<std::string>(j, "country", b);
    f.registration_id = value<std::string>(j, "registration_id", b);
    f.address = value<std::string>(j, "address", b);
    f.website = value<std::string>(j, "website", b);
    f.phone = value<std::string>(j, "phone", b);
    f.org_type = value<std::string>(j, "org_type", b);
    f.mission = value<std::string>(j, "mission", b);
    f.contact_first_name = value<std::string>(j, "contact_first_name", b);
    f.contact_last_name = value<std::string>(j, "contact_last_name", b);
    f.contact_email = value<std::string>(j, "contact_email", b);
    f.contact_phone = value<std::string>(j, "contact_phone", b);
    f.registrant_relationship = value<std::string>(j, "registrant_relationship", b);
    f.proof_document = value<std::string>(j, "proof_document", b);
    f.attest_eligibility = value<bool>(j, "attest_eligibility", b);
    f.accept_non_discrimination = value<bool>(j, "accept_non_discrimination", b);
    f.accept_terms = value<bool>(j, "accept_terms", b);
    return f;
}

// The optional parts of a world: the scenario's texts and the areas' own states (absent when empty).
void areas_from(const json& j, World& w) {
    if (j.contains("texts")) {
        const json& texts = j["texts"];
        if (!texts.is_object()) fail("/texts", "must be an object of {\"en\", \"de\"} texts");
        for (auto it = texts.begin(); it != texts.end(); ++it) {
            const std::string b = "/texts/" + it.key();  // keys are [A-Za-z0-9_.-] (the loader checks)
            w.texts[it.key()] = {value<std::string>(*it, "en", b), value<std::string>(*it, "de", b)};
        }
    }
    if (j.contains("domains")) {
        std::string domains_why;
        if (!domains_from_json(j["domains"], w.domains, domains_why)) fail("/domains", domains_why);
    }
    if (j.contains("teams")) {
        std::string teams_why;
        if (!teams_from_json(j["teams"], w.teams, teams_why)) fail("/teams", teams_why);
    }
    if (j.contains("support")) {
        std::string support_why;
        if (!support_from_json(j["support"], w.support, support_why)) fail("/support", support_why);
    }
    if (j.contains("identity")) {
        std::string identity_why;
        if (!identity_from_json(j["identity"], w.identity, identity_why)) fail("/identity", identity_why);
    }
    if (j.contains("billing_history")) {
        std::string history_why;
        if (!subscriptions_state_from_json(j["billing_history"], w.billing_history, history_why))
            fail("/billing_history", history_why);
    }
    if (j.contains("tenants")) {
        std::string tenants_why;
        if (!tenants_from_json(j["tenants"], w.tenants, tenants_why)) fail("/tenants", tenants_why);
    }
    if (j.contains("usage")) {
        std::string usage_why;
        if (!usage_state_from_json(j["usage"], w.usage, usage_why)) fail("/usage", usage_why);
    }
    if (j.contains("programme")) {
        std::string programme_why;
        if (!programme_from_json(j["programme"], w.programme, programme_why))
            fail("/programme", programme_why);
    }
}

// A subscription's lifecycle fields (sim/subscriptions.hpp), each only in the JSON when not the default.
void wj_subscription_lifecycle(const json& sj, const std::string& b, Subscription& s) {
    if (sj.contains("recurring_billing")) s.recurring_billing = value<bool>(sj, "recurring_billing", b);
    if (sj.contains("state_since")) s.state_since = ranged(sj, "state_since", b, -kSimTimeMax, kSimTimeMax);
    if (sj.contains("converted_from")) s.converted_from = value<std::string>(sj, "converted_from", b);
    if (sj.contains("scheduled_quantity"))
        s.scheduled_quantity = static_cast<int>(ranged(sj, "scheduled_quantity", b, 0, 1'000'000));
    if (sj.contains("licences_added_at"))
        s.licences_added_at = ranged(sj, "licences_added_at", b, -1, kSimTimeMax);
    if (sj.contains("credit_check_pending"))
        s.credit_check_pending = value<bool>(sj, "credit_check_pending", b);
}

World world_from(const json& j) {
    World w;
    const json& people = member(j, "people", "");
    if (!people.is_array()) fail("/people", "must be an array");
    for (std::size_t i = 0; i < people.size(); ++i) {
        const std::string b = fmt::format("/people/{}", i);
        if (!people[i].is_string()) fail(b, "must be a person record (\"p1|…\")");
        Person p = person_from_record(people[i].get<std::string>(), b);
        if (w.find_person(p.upn) != nullptr) fail(b, fmt::format("\"{}\" appears twice", p.upn));
        w.add_person(std::move(p));
    }

    const json& org = member(j, "organisation", "");
    Organisation& o = w.organisation;
    o.status = enum_value<PortalStatus>(org, "status", "/organisation", parse_portal_status);
    o.form = form_from(member(org, "form", "/organisation"), "/organisation/form");
    const json& facts = member(org, "facts", "/organisation");
    o.facts.legally_recognised = value<bool>(facts, "legally_recognised", "/organisation/facts");
    o.facts.registered_by_it_provider =
        value<bool>(facts, "registered_by_it_provider", "/organisation/facts");
    o.registrant = value<std::string>(org, "registrant", "/organisation");
    o.submissions = value<int>(org, "submissions", "/organisation");
    o.decisions = value<int>(org, "decisions", "/organisation");
    o.decision_reason = value<std::string>(org, "decision_reason", "/organisation");
    o.submitted_at = ranged(org, "submitted_at", "/organisation", -kSimTimeMax, kSimTimeMax);
    o.decided_at = ranged(org, "decided_at", "/organisation", -kSimTimeMax, kSimTimeMax);
    o.approved_at = ranged(org, "approved_at", "/organisation", -kSimTimeMax, kSimTimeMax);
    o.reverification_due_at =
        ranged(org, "reverification_due_at", "/organisation", -kSimTimeMax, kSimTimeMax);
    if (org.contains("verification_deadline"))
        o.verification_deadline = ranged(org, "verification_deadline", "/organisation", -1, kSimTimeMax);

    const json& tenant = member(j, "tenant", "");
    w.tenant.exists = value<bool>(tenant, "exists", "/tenant");
    w.tenant.name = value<std::string>(tenant, "name", "/tenant");
    w.tenant.initial_domain = value<std::string>(tenant, "initial_domain", "/tenant");
    w.tenant.nonprofit_tagged = value<bool>(tenant, "nonprofit_tagged", "/tenant");
    w.tenant.security_defaults = value<bool>(tenant, "security_defaults", "/tenant");

    const json& billing = member(j, "billing", "");
    const std::string status = value<std::string>(billing, "status", "/billing");
    bool known_status = false;
    for (auto s : {BillingAccountStatus::NotReviewed, BillingAccountStatus::UnderReview,
                   BillingAccountStatus::Cleared})
        if (status == to_string(s)) w.billing.status = s, known_status = true;
    if (!known_status) fail("/billing/status", "is not a known value");
    const json& methods = member(billing, "payment_methods", "/billing");
    if (!methods.is_array()) fail("/billing/payment_methods", "must be an array");
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const std::string b = fmt::format("/billing/payment_methods/{}", i);
        w.billing.payment_methods.push_back({value<std::string>(methods[i], "id", b),
                                             value<std::string>(methods[i], "kind", b),
                                             value<std::string>(methods[i], "label", b)});
    }

    const json& subs = member(j, "subscriptions", "");
    if (!subs.is_array()) fail("/subscriptions", "must be an array");
    for (std::size_t i = 0; i < subs.size(); ++i) {
        const std::string b = fmt::format("/subscriptions/{}", i);
        const json& sj = subs[i];
        Subscription s;
        s.id = value<std::string>(sj, "id", b);
        s.sku = value<std::string>(sj, "sku", b);
        s.quantity = value<int>(sj, "quantity", b);
        s.assigned = value<int>(sj, "assigned", b);
        const std::string st = value<std::string>(sj, "status", b);
        bool sub_status_ok = false;
        for (SubscriptionStatus c : {SubscriptionStatus::Active, SubscriptionStatus::Disabled,
                                     SubscriptionStatus::Expired, SubscriptionStatus::Deleted})
            if (st == to_string(c)) {
                s.status = c;
                sub_status_ok = true;
            }
        if (!sub_status_ok)
            fail(b + "/status", "must be \"active\", \"disabled\", \"expired\" or \"deleted\"");
        s.term = value<std::string>(sj, "term", b);
        s.billing_frequency = value<std::string>(sj, "billing_frequency", b);
        s.price_cents_each = value<std::int64_t>(sj, "price_cents_each", b);
        s.purchased_at = ranged(sj, "purchased_at", b, -kSimTimeMax, kSimTimeMax);
        s.renewal_at = ranged(sj, "renewal_at", b, -kSimTimeMax, kSimTimeMax);
        s.channel = value<std::string>(sj, "channel", b);
        s.payment_method = value<std::string>(sj, "payment_method", b);
        wj_subscription_lifecycle(sj, b, s);
        w.subscriptions.push_back(std::move(s));
    }

    const json& violations = member(j, "violations", "");
    if (!violations.is_array()) fail("/violations", "must be an array");
    for (std::size_t i = 0; i < violations.size(); ++i) {
        const std::string b = fmt::format("/violations/{}", i);
        const json& vj = violations[i];
        ComplianceViolation v;
        v.id = value<std::string>(vj, "id", b);
        v.rule = value<std::string>(vj, "rule", b);
        v.upn = value<std::string>(vj, "upn", b);
        v.sku = value<std::string>(vj, "sku", b);
        v.kind = enum_value<PersonKind>(vj, "kind", b, parse_person_kind);
        v.at = ranged(vj, "at", b, -kSimTimeMax, kSimTimeMax);
        v.resolved_at = ranged(vj, "resolved_at", b, -kSimTimeMax, kSimTimeMax);
        w.violations.push_back(std::move(v));
    }

    std::string why;
    if (!catalog_from_json(member(j, "catalog", ""), w.catalog, why)) fail("/catalog", why);
    w.settings = settings_from(member(j, "settings", ""), "/settings");

    const json& starts = member(j, "start_events", "");
    if (!starts.is_array()) fail("/start_events", "must be an array");
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::string b = fmt::format("/start_events/{}", i);
        w.start_events.push_back({ranged(starts[i], "at", b, -kSimTimeMax, kSimTimeMax),
                                  value<std::string>(starts[i], "kind", b), member(starts[i], "data", b)});
    }
    w.start_events_scheduled = value<bool>(j, "start_events_scheduled", "");
    w.next_id = value<std::uint64_t>(j, "next_id", "");
    areas_from(j, w);
    return w;
}

}  // namespace

bool world_from_json(const nlohmann::json& j, World& out, std::string& error) {
    try {
        if (!j.is_object()) fail("", "a world must be a JSON object");
        for (auto& [where, message] : unknown_keys(
                 j, "",
                 {"people",     "organisation",    "tenant",   "billing",      "subscriptions",
                  "violations", "catalog",         "settings", "start_events", "start_events_scheduled",
                  "next_id",    "texts",           "domains",  "teams",        "support",
                  "identity",   "billing_history", "usage",    "programme",    "tenants"}))
            fail(where, message);
        out = world_from(j);
        std::string where, message;  // impossible subscription states (sim/subscriptions.hpp)
        if (!subscriptions_consistent(out, where, message)) fail(where, message);
        return true;
    } catch (const WorldJsonError& e) {
        error = e.pointer.empty() ? e.message : e.pointer + ": " + e.message;
        return false;
    }
}

}  // namespace sim
