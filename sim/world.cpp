// sim/world.cpp — names of the world's enumerations, its canonical JSON, lookups, and the start state.
//
// Index:
//   [SECTION] Enumeration names
//   [SECTION] Lookups and queries
//   [SECTION] Canonical JSON
//   [SECTION] Settings from the scenario
//   [SECTION] Start state from the scenario
#include "sim/world.hpp"

#include "sim/text.hpp"

#include <algorithm>
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
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s-%04llu", prefix, static_cast<unsigned long long>(next_id++));
    return buf;
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

// [SECTION] Settings from the scenario --------------------------------------------------------

namespace {

// Reads typed values out of a JSON object and records errors with JSON pointers.
struct Reader {
    std::vector<StartStateError>& errors;

    void fail(const std::string& ptr, const std::string& msg) { errors.push_back({ptr, msg}); }

    template <class T>
    bool get(const json& obj, const char* key, const std::string& base, T& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return false;
        try {
            out = it->get<T>();
            return true;
        } catch (const json::exception&) {
            fail(base + "/" + key, std::string("has the wrong type (") + it->type_name() + ")");
            return false;
        }
    }
    bool delay(const json& obj, const char* key, const std::string& base, Delay& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return false;
        std::string err;
        auto d = parse_delay(*it, &err);
        if (!d) {
            fail(base + "/" + key, err.empty() ? "is not a delay" : err);
            return false;
        }
        out = *d;
        return true;
    }
    void unknown_keys(const json& obj, const std::string& base, const std::vector<std::string>& known) {
        for (auto& [where, message] : sim::unknown_keys(obj, base, known)) fail(where, message);
    }
};

}  // namespace

void apply_settings(const nlohmann::json& settings, const nlohmann::json& delays, Settings& out,
                    std::vector<StartStateError>& errors) {
    Reader r{errors};
    if (settings.is_object()) {
        const std::string b = "/settings";
        r.unknown_keys(settings, b,
                       {"verification_outcomes", "excluded_org_types", "reverification_months",
                        "portal_full_view_requires_global_admin", "portal_licence_seats", "account_review_hold",
                        "zero_order_requires_payment_method", "licence_removal_window", "business_seat_cap",
                        "max_users_per_assignment", "reduced_view_shows_status"});
        if (r.get(settings, "verification_outcomes", b, out.verification_outcomes)) {
            for (std::size_t i = 0; i < out.verification_outcomes.size(); ++i) {
                const auto& o = out.verification_outcomes[i];
                if (o != "approved" && o != "info_requested" && o != "declined")
                    r.fail(b + "/verification_outcomes/" + std::to_string(i),
                           "must be \"approved\", \"info_requested\" or \"declined\"");
            }
        }
        r.get(settings, "excluded_org_types", b, out.excluded_org_types);
        if (r.get(settings, "reverification_months", b, out.reverification_months) && out.reverification_months < 1)
            r.fail(b + "/reverification_months", "must be at least 1");
        r.get(settings, "portal_full_view_requires_global_admin", b, out.portal_full_view_requires_global_admin);
        if (r.get(settings, "portal_licence_seats", b, out.portal_licence_seats) && out.portal_licence_seats < 1)
            r.fail(b + "/portal_licence_seats", "must be at least 1");
        r.get(settings, "account_review_hold", b, out.account_review_hold);
        r.get(settings, "zero_order_requires_payment_method", b, out.zero_order_requires_payment_method);
        std::string window;
        if (r.get(settings, "licence_removal_window", b, window)) {
            std::string err;
            auto d = parse_duration(window, &err);
            if (!d || d->business_days != 0)
                r.fail(b + "/licence_removal_window", "must be a calendar duration such as \"7d\" or \"72h\"");
            else
                out.licence_removal_window = d->ms;
        }
        if (r.get(settings, "business_seat_cap", b, out.business_seat_cap) && out.business_seat_cap < 1)
            r.fail(b + "/business_seat_cap", "must be at least 1");
        if (r.get(settings, "max_users_per_assignment", b, out.max_users_per_assignment) &&
            out.max_users_per_assignment < 1)
            r.fail(b + "/max_users_per_assignment", "must be at least 1");
        r.get(settings, "reduced_view_shows_status", b, out.reduced_view_shows_status);
    } else if (!settings.is_null()) {
        r.fail("/settings", "must be an object");
    }
    if (delays.is_object()) {
        const std::string b = "/delays";
        r.unknown_keys(delays, b, {"verification", "account_review", "licence_propagation"});
        r.delay(delays, "verification", b, out.verification_delay);
        r.delay(delays, "account_review", b, out.account_review_delay);
        r.delay(delays, "licence_propagation", b, out.licence_propagation_delay);
    } else if (!delays.is_null()) {
        r.fail("/delays", "must be an object");
    }
}

// [SECTION] Start state from the scenario -----------------------------------------------------

namespace {

bool valid_country_code(const std::string& s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

void read_form(Reader& r, const json& j, const std::string& b, RegistrationForm& f) {
    r.get(j, "legal_name", b, f.legal_name);
    r.get(j, "country", b, f.country);
    r.get(j, "registration_id", b, f.registration_id);
    r.get(j, "address", b, f.address);
    r.get(j, "website", b, f.website);
    r.get(j, "phone", b, f.phone);
    r.get(j, "org_type", b, f.org_type);
    r.get(j, "mission", b, f.mission);
    r.get(j, "contact_first_name", b, f.contact_first_name);
    r.get(j, "contact_last_name", b, f.contact_last_name);
    r.get(j, "contact_email", b, f.contact_email);
    r.get(j, "contact_phone", b, f.contact_phone);
    r.get(j, "registrant_relationship", b, f.registrant_relationship);
    r.get(j, "proof_document", b, f.proof_document);
    r.get(j, "attest_eligibility", b, f.attest_eligibility);
    r.get(j, "accept_non_discrimination", b, f.accept_non_discrimination);
    r.get(j, "accept_terms", b, f.accept_terms);
}

// Takes one seat of `sku` from the first active subscription with room; "" if none.
std::string take_seat(World& w, const std::string& sku) {
    for (auto& s : w.subscriptions) {
        if (s.sku == sku && s.status == SubscriptionStatus::Active && s.available() > 0) {
            ++s.assigned;
            return s.id;
        }
    }
    return {};
}

}  // namespace

bool world_from_scenario(const nlohmann::json& scenario_root, const Catalog& catalog, World& out,
                         std::vector<StartStateError>& errors) {
    const std::size_t errors_before = errors.size();
    Reader r{errors};
    World w;
    w.catalog = catalog;
    if (!scenario_root.is_object()) {
        r.fail("", "the scenario must be a JSON object");
        return false;
    }
    auto field = [&](const json& obj, const char* key) -> const json& {
        static const json kNull;
        auto it = obj.find(key);
        return it == obj.end() ? kNull : *it;
    };
    apply_settings(field(scenario_root, "settings"), field(scenario_root, "delays"), w.settings, errors);

    const json& start = field(scenario_root, "start");
    if (!start.is_null() && !start.is_object()) r.fail("/start", "must be an object");
    const json st = start.is_object() ? start : json::object();

    // Typos in the start state are errors with a suggestion, never silently dropped keys.
    auto check = [&](const json& obj, const std::string& base, const std::vector<std::string>& known) {
        if (!obj.is_object()) return;
        for (auto& [where, message] : sim::unknown_keys(obj, base, known)) r.fail(where, message);
    };
    auto check_each = [&](const json& arr, const std::string& base, const std::vector<std::string>& known) {
        if (!arr.is_array()) return;
        for (std::size_t i = 0; i < arr.size(); ++i) check(arr[i], base + "/" + std::to_string(i), known);
    };
    check(st, "/start", {"tenant", "organisation", "billing_account", "payment_methods", "subscriptions", "people", "mail"});
    check(field(st, "tenant"), "/start/tenant", {"name", "nonprofit_tagged", "security_defaults"});
    check(field(st, "organisation"), "/start/organisation",
          {"status", "form", "facts", "registrant", "approved_days_ago"});
    check(field(field(st, "organisation"), "facts"), "/start/organisation/facts",
          {"legally_recognised", "registered_by_it_provider"});
    check(field(field(st, "organisation"), "form"), "/start/organisation/form",
          {"legal_name", "country", "registration_id", "address", "website", "phone", "org_type", "mission",
           "contact_first_name", "contact_last_name", "contact_email", "contact_phone", "registrant_relationship",
           "proof_document", "attest_eligibility", "accept_non_discrimination", "accept_terms"});
    check_each(field(st, "payment_methods"), "/start/payment_methods", {"kind", "label"});
    check_each(field(st, "subscriptions"), "/start/subscriptions",
               {"sku", "quantity", "term", "billing_frequency", "channel", "status", "price_cents_each", "renewal_in_days"});
    check_each(field(st, "people"), "/start/people",
               {"upn", "first_name", "last_name", "display_name", "kind", "usage_location", "roles", "sign_in_blocked",
                "licences"});
    check_each(field(st, "mail"), "/start/mail", {"to", "from", "subject_key", "body_key", "params", "read"});

    // Tenant.
    const json& tenant = field(st, "tenant");
    if (tenant.is_object()) {
        std::string name;
        if (!r.get(tenant, "name", "/start/tenant", name) || name.empty()) {
            r.fail("/start/tenant/name", "is required");
        } else {
            w.tenant.exists = true;
            w.tenant.name = name;
            w.tenant.initial_domain = name + ".onmicrosoft.com";
        }
        r.get(tenant, "nonprofit_tagged", "/start/tenant", w.tenant.nonprofit_tagged);
        r.get(tenant, "security_defaults", "/start/tenant", w.tenant.security_defaults);
    } else if (!tenant.is_null()) {
        r.fail("/start/tenant", "must be an object");
    }

    // Organisation and portal status.
    Organisation& o = w.organisation;
    const json& org = field(st, "organisation");
    if (org.is_object()) {
        std::string status = "none";
        r.get(org, "status", "/start/organisation", status);
        if (!parse_portal_status(status, o.status))
            r.fail("/start/organisation/status",
                   "must be one of none, draft, pending, info_requested, approved, declined, reverify_required");
        if (o.status != PortalStatus::None && !w.tenant.exists)
            r.fail("/start/organisation/status", "a registered organisation needs a tenant (/start/tenant)");
        const json& form = field(org, "form");
        if (form.is_object()) read_form(r, form, "/start/organisation/form", o.form);
        const json& facts = field(org, "facts");
        if (facts.is_object()) {
            r.get(facts, "legally_recognised", "/start/organisation/facts", o.facts.legally_recognised);
            r.get(facts, "registered_by_it_provider", "/start/organisation/facts", o.facts.registered_by_it_provider);
        }
        r.get(org, "registrant", "/start/organisation", o.registrant);
        int approved_days_ago = 0;
        r.get(org, "approved_days_ago", "/start/organisation", approved_days_ago);
        if (o.status == PortalStatus::Approved || o.status == PortalStatus::ReverifyRequired) {
            o.approved_at = -static_cast<SimTime>(approved_days_ago) * kDay;
            o.decisions = 1;
            o.submissions = 1;
            if (o.status == PortalStatus::Approved)
                w.start_events.push_back({0, "portal.reverification_scheduled", json::object()});
        }
        if (o.status == PortalStatus::Pending) {
            o.submissions = 1;
            o.submitted_at = 0;
            w.start_events.push_back({0, "portal.verification_started", {{"submission", 1}}});
        }
        if (o.status == PortalStatus::Approved && !tenant.contains("nonprofit_tagged")) w.tenant.nonprofit_tagged = true;
    } else if (!org.is_null()) {
        r.fail("/start/organisation", "must be an object");
    }

    // Billing account and payment methods.
    std::string account = "not_reviewed";
    if (r.get(st, "billing_account", "/start", account)) {
        if (account == "cleared")
            w.billing.status = BillingAccountStatus::Cleared;
        else if (account != "not_reviewed")
            r.fail("/start/billing_account", "must be \"not_reviewed\" or \"cleared\"");
    }
    const json& methods = field(st, "payment_methods");
    if (methods.is_array()) {
        for (std::size_t i = 0; i < methods.size(); ++i) {
            const std::string b = "/start/payment_methods/" + std::to_string(i);
            PaymentMethod m;
            m.id = w.make_id("pm");
            r.get(methods[i], "kind", b, m.kind);
            r.get(methods[i], "label", b, m.label);
            if (m.kind != "card" && m.kind != "invoice") r.fail(b + "/kind", "must be \"card\" or \"invoice\"");
            w.billing.payment_methods.push_back(m);
        }
    }

    // Subscriptions (the portal licence's own subscription comes first when registered).
    if (w.tenant.exists && o.status != PortalStatus::None) {
        const Product* portal = nullptr;
        for (const auto& p : w.catalog.products)
            if (p.portal_access) portal = &p;
        if (portal != nullptr) {
            Subscription s;
            s.id = w.make_id("sub");
            s.sku = portal->sku;
            s.quantity = w.settings.portal_licence_seats;
            s.channel = "Nonprofit";
            s.term = "P1Y";
            s.billing_frequency = "annual";
            w.subscriptions.push_back(s);
        }
    }
    const json& subs = field(st, "subscriptions");
    if (subs.is_array()) {
        for (std::size_t i = 0; i < subs.size(); ++i) {
            const std::string b = "/start/subscriptions/" + std::to_string(i);
            const json& sj = subs[i];
            Subscription s;
            s.id = w.make_id("sub");
            r.get(sj, "sku", b, s.sku);
            const Product* p = w.catalog.find(s.sku);
            if (p == nullptr) {
                r.fail(b + "/sku", "is not in the catalog (edition " + w.catalog.edition + ")");
                continue;
            }
            if (!r.get(sj, "quantity", b, s.quantity) || s.quantity < 1) r.fail(b + "/quantity", "must be at least 1");
            r.get(sj, "term", b, s.term);
            r.get(sj, "billing_frequency", b, s.billing_frequency);
            r.get(sj, "channel", b, s.channel);
            std::string status = "active";
            r.get(sj, "status", b, status);
            if (status == "disabled")
                s.status = SubscriptionStatus::Disabled;
            else if (status != "active")
                r.fail(b + "/status", "must be \"active\" or \"disabled\"");
            s.price_cents_each = p->price_cents;
            r.get(sj, "price_cents_each", b, s.price_cents_each);
            int renewal_days = s.term == "P1Y" ? 365 : 30;
            r.get(sj, "renewal_in_days", b, renewal_days);
            s.renewal_at = static_cast<SimTime>(renewal_days) * kDay;
            s.purchased_at = -30 * kDay;  // old enough to be outside any removal window
            w.subscriptions.push_back(s);
        }
    } else if (!subs.is_null()) {
        r.fail("/start/subscriptions", "must be an array");
    }

    // People.
    const json& people = field(st, "people");
    if (people.is_array()) {
        for (std::size_t i = 0; i < people.size(); ++i) {
            const std::string b = "/start/people/" + std::to_string(i);
            const json& pj = people[i];
            if (!pj.is_object()) {
                r.fail(b, "must be an object");
                continue;
            }
            Person p;
            r.get(pj, "upn", b, p.upn);
            if (p.upn.empty()) {
                r.fail(b + "/upn", "is required");
                continue;
            }
            if (p.upn.find('@') == std::string::npos) {
                if (!w.tenant.exists) {
                    r.fail(b + "/upn", "needs a domain (there is no tenant)");
                    continue;
                }
                p.upn += "@" + w.tenant.initial_domain;
            }
            if (w.find_person(p.upn) != nullptr) {
                r.fail(b + "/upn", "\"" + p.upn + "\" appears twice");
                continue;
            }
            p.id = w.make_id("user");
            r.get(pj, "first_name", b, p.first_name);
            r.get(pj, "last_name", b, p.last_name);
            if (!r.get(pj, "display_name", b, p.display_name) || p.display_name.empty())
                p.display_name = p.first_name.empty() ? p.upn.substr(0, p.upn.find('@'))
                                                      : p.first_name + (p.last_name.empty() ? "" : " " + p.last_name);
            std::string kind = "paid_staff";
            r.get(pj, "kind", b, kind);
            if (!parse_person_kind(kind, p.kind))
                r.fail(b + "/kind", "must be one of paid_staff, unpaid_executive, volunteer, member, beneficiary");
            if (r.get(pj, "usage_location", b, p.usage_location) && !p.usage_location.empty() &&
                !valid_country_code(p.usage_location))
                r.fail(b + "/usage_location", "must be a two-letter country code such as \"DE\"");
            std::vector<std::string> roles;
            if (r.get(pj, "roles", b, roles)) {
                for (std::size_t k = 0; k < roles.size(); ++k) {
                    Role role;
                    if (parse_role(roles[k], role))
                        p.roles |= role_bit(role);
                    else
                        r.fail(b + "/roles/" + std::to_string(k),
                               "must be one of global_admin, billing_admin, license_admin, user_admin");
                }
            }
            r.get(pj, "sign_in_blocked", b, p.sign_in_blocked);
            std::vector<std::string> licences;
            if (r.get(pj, "licences", b, licences)) {
                for (std::size_t k = 0; k < licences.size(); ++k) {
                    const std::string lb = b + "/licences/" + std::to_string(k);
                    if (w.catalog.find(licences[k]) == nullptr) {
                        r.fail(lb, "\"" + licences[k] + "\" is not in the catalog");
                        continue;
                    }
                    if (p.usage_location.empty()) {
                        r.fail(lb, "a licence needs a usage location (" + b + "/usage_location)");
                        continue;
                    }
                    std::string sub = take_seat(w, licences[k]);
                    if (sub.empty()) {
                        r.fail(lb, "no subscription of \"" + licences[k] + "\" has a free seat");
                        continue;
                    }
                    p.licences.push_back({licences[k], sub, LicenceState::Active, 0, 0, w.next_id++});
                }
            }
            w.add_person(std::move(p));
        }
    } else if (!people.is_null()) {
        r.fail("/start/people", "must be an array");
    }
    if (!o.registrant.empty() && w.find_person(o.registrant) == nullptr && w.tenant.exists &&
        w.find_person(o.registrant + "@" + w.tenant.initial_domain) != nullptr)
        o.registrant += "@" + w.tenant.initial_domain;
    if (!o.registrant.empty() && w.find_person(o.registrant) == nullptr)
        r.fail("/start/organisation/registrant", "\"" + o.registrant + "\" is not one of /start/people");
    if (o.registrant.empty()) {
        for (const auto& p : w.people)
            if (p.has_role(Role::GlobalAdmin)) {
                o.registrant = p.upn;
                break;
            }
    }

    // Mail already in the inboxes.
    const json& mail = field(st, "mail");
    if (mail.is_array()) {
        for (std::size_t i = 0; i < mail.size(); ++i) {
            const std::string b = "/start/mail/" + std::to_string(i);
            std::string to;
            r.get(mail[i], "to", b, to);
            Person* p = w.find_person(to);
            if (p == nullptr) {
                r.fail(b + "/to", "\"" + to + "\" is not one of /start/people");
                continue;
            }
            Mail m;
            m.id = w.make_id("mail");
            r.get(mail[i], "from", b, m.from);
            if (!r.get(mail[i], "subject_key", b, m.subject_key)) r.fail(b + "/subject_key", "is required");
            r.get(mail[i], "body_key", b, m.body_key);
            r.get(mail[i], "params", b, m.params);
            r.get(mail[i], "read", b, m.read);
            p->inbox.push_back(std::move(m));
        }
    } else if (!mail.is_null()) {
        r.fail("/start/mail", "must be an array");
    }

    if (errors.size() != errors_before) return false;
    out = std::move(w);
    return true;
}

}  // namespace sim
