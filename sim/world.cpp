// sim/world.cpp — names of the world's enumerations, its canonical JSON, lookups, and the start state.
//
// Index:
//   [SECTION] Enumeration names
//   [SECTION] Lookups and queries
//   [SECTION] Canonical JSON
#include "sim/world.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <cstdio>

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
const char* const kRoleNames[] = {"global_admin", "billing_admin", "license_admin", "user_admin"};
const char* const kPortalNames[] = {"none",     "draft",    "pending",          "info_requested",
                                    "approved", "declined", "reverify_required"};

}  // namespace

const char* to_string(PersonKind k) { return kKindNames[static_cast<int>(k)]; }
const char* to_string(Role r) { return kRoleNames[static_cast<int>(r)]; }
const char* to_string(PortalStatus s) { return kPortalNames[static_cast<int>(s)]; }
const char* to_string(LicenceState s) { return s == LicenceState::Active ? "active" : "pending"; }
const char* to_string(SubscriptionStatus s) { return s == SubscriptionStatus::Active ? "active" : "disabled"; }
const char* to_string(BillingAccountStatus s) {
    switch (s) {
        case BillingAccountStatus::UnderReview: return "under_review";
        case BillingAccountStatus::Cleared: return "cleared";
        default: return "not_reviewed";
    }
}
bool parse_person_kind(std::string_view s, PersonKind& out) { return parse_enum(s, out, kKindNames); }
bool parse_role(std::string_view s, Role& out) { return parse_enum(s, out, kRoleNames); }
bool parse_portal_status(std::string_view s, PortalStatus& out) { return parse_enum(s, out, kPortalNames); }

std::vector<std::string> role_names(RoleSet roles) {
    std::vector<std::string> out;
    for (int i = 0; i < 4; ++i)
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

bool is_usable(const Person* p) { return p != nullptr && !p->deleted; }

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
    LocalDateTime l = cal.local(t);
    int y = l.date.year, m = l.date.month - 1 + months;
    y += m / 12;
    m = m % 12;
    if (m < 0) {
        m += 12;
        --y;
    }
    CivilDate d{y, m + 1, l.date.day};
    while (!is_valid_date(d)) --d.day;
    return cal.at_local(d, l.hour * 60 + l.minute) + (l.second * kSecond + l.millisecond);
}

// [SECTION] Canonical JSON --------------------------------------------------------------------

nlohmann::json to_json(const Settings& s) {
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
    return json{{"id", m.id},           {"received_at", m.received_at}, {"from", m.from}, {"subject", m.subject_key},
                {"body", m.body_key}, {"params", m.params},           {"read", m.read}};
}

nlohmann::json to_json(const Person& p) {
    json licences = json::array();
    for (const auto& l : p.licences)
        licences.push_back({{"sku", l.sku}, {"subscription", l.subscription}, {"state", to_string(l.state)},
                            {"assigned_at", l.assigned_at}, {"active_at", l.active_at}, {"serial", l.serial}});
    json inbox = json::array();
    for (const auto& m : p.inbox) inbox.push_back(to_json(m));
    return json{{"upn", p.upn},
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
}

namespace {

// Appends a field of a person record: '|' separates; a '|' or a backslash inside a value gets a backslash before it.
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
    put(r, std::int64_t{p.sign_in_blocked} + 2 * std::int64_t{p.must_change_password} + 4 * std::int64_t{p.deleted});
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
    return r;
}

static json to_json(const RegistrationForm& f) {
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
             {"facts", {{"legally_recognised", o.facts.legally_recognised},
                        {"registered_by_it_provider", o.facts.registered_by_it_provider}}},
             {"registrant", o.registrant},
             {"submissions", o.submissions},
             {"decisions", o.decisions},
             {"decision_reason", o.decision_reason},
             {"submitted_at", o.submitted_at},
             {"decided_at", o.decided_at},
             {"approved_at", o.approved_at},
             {"reverification_due_at", o.reverification_due_at}};
    json tenant{{"exists", w.tenant.exists},
                {"name", w.tenant.name},
                {"initial_domain", w.tenant.initial_domain},
                {"nonprofit_tagged", w.tenant.nonprofit_tagged},
                {"security_defaults", w.tenant.security_defaults}};
    json methods = json::array();
    for (const auto& m : w.billing.payment_methods) methods.push_back({{"id", m.id}, {"kind", m.kind}, {"label", m.label}});
    json subs = json::array();
    for (const auto& s : w.subscriptions)
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
    json violations = json::array();
    for (const auto& v : w.violations)
        violations.push_back({{"id", v.id}, {"rule", v.rule}, {"upn", v.upn}, {"sku", v.sku},
                              {"kind", to_string(v.kind)}, {"at", v.at}, {"resolved_at", v.resolved_at}});
    json starts = json::array();
    for (const auto& e : w.start_events) starts.push_back({{"at", e.at}, {"kind", e.kind}, {"data", e.data}});
    return json{{"people", std::move(people)},
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
}

}  // namespace sim
