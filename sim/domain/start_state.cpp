// sim/start_state.cpp — the world a scenario starts from: its "settings", "delays" and "start"
// objects, read with JSON-pointer errors (and "did you mean" for typos); never throws. Each object's
// fields are described once (sim/shape.hpp): the same description checks unknown keys, types and
// ranges, and lists the names the schema parity test compares with scenario.schema.json.
//
//   [SECTION] Settings from the scenario
//   [SECTION] Start state from the scenario
#include <algorithm>
#include <cstdio>

#include "sim/json_input.hpp"
#include "sim/shape.hpp"
#include "sim/text.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Settings from the scenario --------------------------------------------------------

namespace {

// What a scenario's counts and prices may be (the schema says the same: scenario.schema.json).
constexpr std::int64_t kMaxQuantity = 1'000'000;        // seats, quantities, caps
constexpr std::int64_t kMaxPriceCents = 1'000'000'000;  // 10 million a seat
constexpr std::int64_t kMaxReverificationMonths = 120;  // 10 years

void fail(ShapeErrors& errors, const std::string& pointer, const std::string& message) {
    errors.push_back({"", pointer, message, ""});
}

void flush(const ShapeErrors& from, std::vector<StartStateError>& to) {
    for (const auto& e : from) to.push_back({e.pointer, e.message});
}

// The value of `key` in `obj`, or null (also when `obj` is not an object).
const json& field(const json& obj, const char* key) {
    static const json kNull;
    if (!obj.is_object()) return kNull;
    auto it = obj.find(key);
    return it == obj.end() ? kNull : *it;
}

// A delay ("3d", {"uniform": …}, …) into a member of Settings.
auto delay_into(Delay Settings::*member) {
    return [member](Settings& s, const FieldValue& v, const std::string& at, ShapeErrors& errors) {
        std::string err;
        if (auto d = parse_delay(*v.json, &err))
            s.*member = *d;
        else
            fail(errors, at, err.empty() ? "is not a delay" : err);
    };
}

void check_outcomes(Settings& s, const FieldValue&, const std::string& at, ShapeErrors& errors) {
    for (std::size_t i = 0; i < s.verification_outcomes.size(); ++i) {
        const auto& o = s.verification_outcomes[i];
        if (o != "approved" && o != "info_requested" && o != "declined")
            fail(errors, at + "/" + std::to_string(i),
                 "must be \"approved\", \"info_requested\" or \"declined\"");
    }
}

void removal_window(Settings& s, const FieldValue& v, const std::string& at, ShapeErrors& errors) {
    std::string err;
    auto d = parse_duration(v.string, &err);
    if (!d || d->business_days != 0)
        fail(errors, at, d || err.empty() ? "must be a calendar duration such as \"7d\" or \"72h\"" : err);
    else
        s.licence_removal_window = d->ms;
}

const auto kSettingsShape = described(
    Shape<Settings>("#/properties/settings")
        .strings("verification_outcomes", &Settings::verification_outcomes)
        .then(check_outcomes)
        .strings("excluded_org_types", &Settings::excluded_org_types)
        .integer("reverification_months", &Settings::reverification_months, 1, kMaxReverificationMonths)
        .boolean("portal_full_view_requires_global_admin", &Settings::portal_full_view_requires_global_admin)
        .integer("portal_licence_seats", &Settings::portal_licence_seats, 1, kMaxQuantity)
        .boolean("account_review_hold", &Settings::account_review_hold)
        .boolean("zero_order_requires_payment_method", &Settings::zero_order_requires_payment_method)
        .known("licence_removal_window", FieldType::String)
        .then(removal_window)
        .integer("business_seat_cap", &Settings::business_seat_cap, 1, kMaxQuantity)
        .integer("max_users_per_assignment", &Settings::max_users_per_assignment, 1, kMaxQuantity)
        .boolean("reduced_view_shows_status", &Settings::reduced_view_shows_status));

const auto kDelaysShape = described(Shape<Settings>("#/properties/delays")
                                        .known("verification")
                                        .then(delay_into(&Settings::verification_delay))
                                        .known("account_review")
                                        .then(delay_into(&Settings::account_review_delay))
                                        .known("licence_propagation")
                                        .then(delay_into(&Settings::licence_propagation_delay)));

// Reads `obj` (an object, absent or null) with `shape` at `pointer`.
void read_object(const Shape<Settings>& shape, const json& obj, const std::string& pointer, Settings& out,
                 ShapeErrors& errors) {
    if (obj.is_object()) {
        shape.check_keys(obj, pointer, errors);
        shape.read(obj, pointer, out, errors);
    } else if (!obj.is_null()) {
        fail(errors, pointer, "must be an object");
    }
}

}  // namespace

void apply_settings(const nlohmann::json& settings, const nlohmann::json& delays, Settings& out,
                    std::vector<StartStateError>& errors) {
    ShapeErrors e;
    read_object(kSettingsShape, settings, "/settings", out, e);
    read_object(kDelaysShape, delays, "/delays", out, e);
    flush(e, errors);
}

// [SECTION] Start state from the scenario -----------------------------------------------------

namespace {

bool valid_country_code(const std::string& s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
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

// The fields of each start-state object, in the order the schema and the messages know them.
const auto kStartShape = described(Shape<World>("#/properties/start")
                                       .known("tenant")
                                       .known("organisation")
                                       .known("billing_account", FieldType::String)
                                       .known("payment_methods")
                                       .known("subscriptions")
                                       .known("people")
                                       .known("mail")
                                       .known("world")
                                       .known("events"));
const auto kTenantShape = described(Shape<Tenant>("#/properties/start/properties/tenant")
                                        .known("name", FieldType::String)
                                        .boolean("nonprofit_tagged", &Tenant::nonprofit_tagged)
                                        .boolean("security_defaults", &Tenant::security_defaults));
const auto kOrganisationShape = described(Shape<Organisation>("#/properties/start/properties/organisation")
                                              .known("status", FieldType::String)
                                              .known("form")
                                              .known("facts")
                                              .string("registrant", &Organisation::registrant)
                                              .known("approved_days_ago", FieldType::Integer)
                                              .range(0, kMaxDurationDays));
const auto kFactsShape =
    described(Shape<OrganisationFacts>("#/properties/start/properties/organisation/properties/facts")
                  .boolean("legally_recognised", &OrganisationFacts::legally_recognised)
                  .boolean("registered_by_it_provider", &OrganisationFacts::registered_by_it_provider));
const auto kFormShape =
    described(Shape<RegistrationForm>("#/properties/start/properties/organisation/properties/form")
                  .string("legal_name", &RegistrationForm::legal_name)
                  .string("country", &RegistrationForm::country)
                  .string("registration_id", &RegistrationForm::registration_id)
                  .string("address", &RegistrationForm::address)
                  .string("website", &RegistrationForm::website)
                  .string("phone", &RegistrationForm::phone)
                  .string("org_type", &RegistrationForm::org_type)
                  .string("mission", &RegistrationForm::mission)
                  .string("contact_first_name", &RegistrationForm::contact_first_name)
                  .string("contact_last_name", &RegistrationForm::contact_last_name)
                  .string("contact_email", &RegistrationForm::contact_email)
                  .string("contact_phone", &RegistrationForm::contact_phone)
                  .string("registrant_relationship", &RegistrationForm::registrant_relationship)
                  .string("proof_document", &RegistrationForm::proof_document)
                  .boolean("attest_eligibility", &RegistrationForm::attest_eligibility)
                  .boolean("accept_non_discrimination", &RegistrationForm::accept_non_discrimination)
                  .boolean("accept_terms", &RegistrationForm::accept_terms));
const auto kPaymentMethodShape =
    described(Shape<PaymentMethod>("#/properties/start/properties/payment_methods/items")
                  .string("kind", &PaymentMethod::kind)
                  .string("label", &PaymentMethod::label));
const auto kSubscriptionShape =
    described(Shape<Subscription>("#/properties/start/properties/subscriptions/items")
                  .known("sku", FieldType::String)
                  .integer("quantity", &Subscription::quantity, 1, kMaxQuantity)
                  .string("term", &Subscription::term)
                  .string("billing_frequency", &Subscription::billing_frequency)
                  .string("channel", &Subscription::channel)
                  .known("status", FieldType::String)
                  .integer("price_cents_each", &Subscription::price_cents_each, 0, kMaxPriceCents)
                  .known("renewal_in_days", FieldType::Integer)
                  .range(0, kMaxDurationDays));
const auto kPersonShape = described(Shape<Person>("#/properties/start/properties/people/items")
                                        .string("upn", &Person::upn)
                                        .string("first_name", &Person::first_name)
                                        .string("last_name", &Person::last_name)
                                        .string("display_name", &Person::display_name)
                                        .known("kind", FieldType::String)
                                        .string("usage_location", &Person::usage_location)
                                        .known("roles", FieldType::Strings)
                                        .boolean("sign_in_blocked", &Person::sign_in_blocked)
                                        .known("licences", FieldType::Strings));
const auto kMailShape = described(Shape<Mail>("#/properties/start/properties/mail/items")
                                      .known("to", FieldType::String)
                                      .string("from", &Mail::from)
                                      .string("subject_key", &Mail::subject_key)
                                      .string("body_key", &Mail::body_key)
                                      .json("params", &Mail::params)
                                      .boolean("read", &Mail::read));
const auto kStartEventShape = described(Shape<StartEvent>("#/properties/start/properties/events/items")
                                            .integer("in_ms", &StartEvent::at, 0, kMaxDuration)
                                            .string("kind", &StartEvent::kind)
                                            .known("data"));

// A start-state reader: the world being built and the errors found so far.
struct StartReader {
    World& w;
    ShapeErrors errors;
    void fail(const std::string& pointer, const std::string& message) { sim::fail(errors, pointer, message); }
    // The text (or whole number) of a field read by hand; false when absent or refused.
    bool text(const ObjectShape& shape, const json& obj, const char* key, const std::string& base,
              std::string& out) {
        FieldValue v;
        if (!shape.value(obj, key, base, v, errors)) return false;
        out = v.string;
        return true;
    }
    template <class I>
    bool whole(const ObjectShape& shape, const json& obj, const char* key, const std::string& base, I& out) {
        FieldValue v;
        if (!shape.value(obj, key, base, v, errors)) return false;
        out = static_cast<I>(v.integer);
        return true;
    }
};

// Typos in the start state are errors with a suggestion, never silently dropped keys.
void check_start_keys(const json& st, ShapeErrors& errors) {
    auto each = [&](const ObjectShape& shape, const json& arr, const std::string& base) {
        if (!arr.is_array()) return;
        for (std::size_t i = 0; i < arr.size(); ++i)
            shape.check_keys(arr[i], base + "/" + std::to_string(i), errors);
    };
    kStartShape.check_keys(st, "/start", errors);
    kTenantShape.check_keys(field(st, "tenant"), "/start/tenant", errors);
    kOrganisationShape.check_keys(field(st, "organisation"), "/start/organisation", errors);
    kFactsShape.check_keys(field(field(st, "organisation"), "facts"), "/start/organisation/facts", errors);
    kFormShape.check_keys(field(field(st, "organisation"), "form"), "/start/organisation/form", errors);
    each(kPaymentMethodShape, field(st, "payment_methods"), "/start/payment_methods");
    each(kSubscriptionShape, field(st, "subscriptions"), "/start/subscriptions");
    each(kPersonShape, field(st, "people"), "/start/people");
    each(kMailShape, field(st, "mail"), "/start/mail");
}

// A snapshot's start state is a whole world (to_json(World)), with its own catalog and settings.
void read_start_world(const json& root, const json& st, World& out, StartReader& r) {
    for (auto it = st.begin(); it != st.end(); ++it)
        if (it.key() != "world" && it.key() != "events")
            r.fail(
                "/start/" + it.key(),
                "use either \"world\" or the start-state fields (tenant, organisation, people, …), not both");
    for (const char* key : {"settings", "delays"})
        if (root.contains(key))
            r.fail(std::string("/") + key,
                   "the start world carries its own settings (/start/world/settings); remove this key");
    std::string why;
    if (!world_from_json(st["world"], out, why)) {
        // "/people/3: message" → pointer /start/world/people/3 and the message.
        const std::size_t colon = why.find(": ");
        if (!why.empty() && why[0] == '/' && colon != std::string::npos)
            r.fail("/start/world" + why.substr(0, colon), why.substr(colon + 2));
        else
            r.fail("/start/world", why);
    }
}

void read_tenant(const json& st, StartReader& r) {
    World& w = r.w;
    const json& tenant = field(st, "tenant");
    if (tenant.is_object()) {
        std::string name;
        if (!r.text(kTenantShape, tenant, "name", "/start/tenant", name) || name.empty()) {
            r.fail("/start/tenant/name", "is required");
        } else {
            w.tenant.exists = true;
            w.tenant.name = name;
            w.tenant.initial_domain = name + ".onmicrosoft.com";
        }
        kTenantShape.read(tenant, "/start/tenant", w.tenant, r.errors);
    } else if (!tenant.is_null()) {
        r.fail("/start/tenant", "must be an object");
    }
}

void read_organisation(const json& st, StartReader& r) {
    World& w = r.w;
    Organisation& o = w.organisation;
    const json& org = field(st, "organisation");
    if (!org.is_object()) {
        if (!org.is_null()) r.fail("/start/organisation", "must be an object");
        return;
    }
    const std::string b = "/start/organisation";
    std::string status = "none";
    r.text(kOrganisationShape, org, "status", b, status);
    if (!parse_portal_status(status, o.status))
        r.fail(b + "/status",
               "must be one of none, draft, pending, info_requested, approved, declined, reverify_required");
    if (o.status != PortalStatus::None && !w.tenant.exists)
        r.fail(b + "/status", "a registered organisation needs a tenant (/start/tenant)");
    if (const json& form = field(org, "form"); form.is_object())
        kFormShape.read(form, b + "/form", o.form, r.errors);
    if (const json& facts = field(org, "facts"); facts.is_object())
        kFactsShape.read(facts, b + "/facts", o.facts, r.errors);
    kOrganisationShape.read(org, b, o, r.errors);
    int approved_days_ago = 0;
    r.whole(kOrganisationShape, org, "approved_days_ago", b, approved_days_ago);
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
    if (o.status == PortalStatus::Approved && !field(st, "tenant").contains("nonprofit_tagged"))
        w.tenant.nonprofit_tagged = true;
}

// The billing account and its payment methods.
void read_billing(const json& st, StartReader& r) {
    World& w = r.w;
    std::string account = "not_reviewed";
    if (r.text(kStartShape, st, "billing_account", "/start", account)) {
        if (account == "cleared")
            w.billing.status = BillingAccountStatus::Cleared;
        else if (account != "not_reviewed")
            r.fail("/start/billing_account", "must be \"not_reviewed\" or \"cleared\"");
    }
    const json& methods = field(st, "payment_methods");
    if (!methods.is_array()) return;
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const std::string b = "/start/payment_methods/" + std::to_string(i);
        PaymentMethod m;
        m.id = w.make_id("pm");
        kPaymentMethodShape.read(methods[i], b, m, r.errors);
        if (m.kind != "card" && m.kind != "invoice") r.fail(b + "/kind", "must be \"card\" or \"invoice\"");
        w.billing.payment_methods.push_back(m);
    }
}

void read_subscription(const json& sj, const std::string& b, StartReader& r) {
    World& w = r.w;
    const ObjectShape& shape = kSubscriptionShape;
    Subscription s;
    s.id = w.make_id("sub");
    r.text(shape, sj, "sku", b, s.sku);
    const Product* p = w.catalog.find(s.sku);
    if (p == nullptr) {
        r.fail(b + "/sku", "is not in the catalog (edition " + w.catalog.edition + ")");
        return;
    }
    if (field(sj, "quantity").is_null()) r.fail(b + "/quantity", "must be at least 1");
    for (const char* key : {"quantity", "term", "billing_frequency", "channel"})
        kSubscriptionShape.read(sj, key, b, s, r.errors);
    std::string status = "active";
    r.text(shape, sj, "status", b, status);
    if (status == "disabled")
        s.status = SubscriptionStatus::Disabled;
    else if (status != "active")
        r.fail(b + "/status", "must be \"active\" or \"disabled\"");
    s.price_cents_each = p->price_cents;
    kSubscriptionShape.read(sj, "price_cents_each", b, s, r.errors);
    int renewal_days = s.term == "P1Y" ? 365 : 30;
    r.whole(shape, sj, "renewal_in_days", b, renewal_days);
    s.renewal_at = static_cast<SimTime>(renewal_days) * kDay;
    s.purchased_at = -30 * kDay;  // old enough to be outside any removal window
    w.subscriptions.push_back(s);
}

// Subscriptions (the portal licence's own subscription comes first when registered).
void read_subscriptions(const json& st, StartReader& r) {
    World& w = r.w;
    if (w.tenant.exists && w.organisation.status != PortalStatus::None) {
        if (const Product* portal = portal_product(w.catalog)) add_portal_subscription(w, *portal);
    }
    const json& subs = field(st, "subscriptions");
    if (subs.is_array()) {
        for (std::size_t i = 0; i < subs.size(); ++i)
            read_subscription(subs[i], "/start/subscriptions/" + std::to_string(i), r);
    } else if (!subs.is_null()) {
        r.fail("/start/subscriptions", "must be an array");
    }
}

// A person's roles and licences (the licences take seats of the subscriptions read before).
void read_roles_and_licences(const json& pj, const std::string& b, Person& p, StartReader& r) {
    World& w = r.w;
    FieldValue roles;
    if (kPersonShape.value(pj, "roles", b, roles, r.errors)) {
        for (std::size_t k = 0; k < roles.strings.size(); ++k) {
            Role role;
            if (parse_role(roles.strings[k], role))
                p.roles |= role_bit(role);
            else
                r.fail(b + "/roles/" + std::to_string(k),
                       "must be one of global_admin, billing_admin, license_admin, user_admin");
        }
    }
    kPersonShape.read(pj, "sign_in_blocked", b, p, r.errors);
    FieldValue licences;
    if (!kPersonShape.value(pj, "licences", b, licences, r.errors)) return;
    for (std::size_t k = 0; k < licences.strings.size(); ++k) {
        const std::string& sku = licences.strings[k];
        const std::string lb = b + "/licences/" + std::to_string(k);
        if (w.catalog.find(sku) == nullptr) {
            r.fail(lb, "\"" + sku + "\" is not in the catalog");
            continue;
        }
        if (p.usage_location.empty()) {
            r.fail(lb, "a licence needs a usage location (" + b + "/usage_location)");
            continue;
        }
        std::string sub = take_seat(w, sku);
        if (sub.empty()) {
            r.fail(lb, "no subscription of \"" + sku + "\" has a free seat");
            continue;
        }
        p.licences.push_back({sku, sub, LicenceState::Active, 0, 0, w.next_id++});
    }
}

void read_person(const json& pj, const std::string& b, StartReader& r) {
    World& w = r.w;
    if (!pj.is_object()) {
        r.fail(b, "must be an object");
        return;
    }
    Person p;
    kPersonShape.read(pj, "upn", b, p, r.errors);
    if (p.upn.empty()) {
        r.fail(b + "/upn", "is required");
        return;
    }
    if (p.upn.find('@') == std::string::npos) {
        if (!w.tenant.exists) {
            r.fail(b + "/upn", "needs a domain (there is no tenant)");
            return;
        }
        p.upn += "@" + w.tenant.initial_domain;
    }
    if (w.find_person(p.upn) != nullptr) {
        r.fail(b + "/upn", "\"" + p.upn + "\" appears twice");
        return;
    }
    p.id = w.make_id("user");
    kPersonShape.read(pj, "first_name", b, p, r.errors);
    kPersonShape.read(pj, "last_name", b, p, r.errors);
    if (!kPersonShape.read(pj, "display_name", b, p, r.errors) || p.display_name.empty())
        p.display_name = p.first_name.empty() ? p.upn.substr(0, p.upn.find('@'))
                                              : p.first_name + (p.last_name.empty() ? "" : " " + p.last_name);
    std::string kind = "paid_staff";
    r.text(kPersonShape, pj, "kind", b, kind);
    if (!parse_person_kind(kind, p.kind))
        r.fail(b + "/kind", "must be one of paid_staff, unpaid_executive, volunteer, member, beneficiary");
    if (kPersonShape.read(pj, "usage_location", b, p, r.errors) && !p.usage_location.empty() &&
        !valid_country_code(p.usage_location))
        r.fail(b + "/usage_location", "must be a two-letter country code such as \"DE\"");
    read_roles_and_licences(pj, b, p, r);
    w.add_person(std::move(p));
}

void read_people(const json& st, StartReader& r) {
    World& w = r.w;
    const json& people = field(st, "people");
    if (people.is_array()) {
        for (std::size_t i = 0; i < people.size(); ++i)
            read_person(people[i], "/start/people/" + std::to_string(i), r);
    } else if (!people.is_null()) {
        r.fail("/start/people", "must be an array");
    }
    Organisation& o = w.organisation;
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
}

// Mail already in the inboxes.
void read_mail(const json& st, StartReader& r) {
    World& w = r.w;
    const json& mail = field(st, "mail");
    if (!mail.is_array()) {
        if (!mail.is_null()) r.fail("/start/mail", "must be an array");
        return;
    }
    for (std::size_t i = 0; i < mail.size(); ++i) {
        const std::string b = "/start/mail/" + std::to_string(i);
        std::string to;
        r.text(kMailShape, mail[i], "to", b, to);
        Person* p = w.find_person(to);
        if (p == nullptr) {
            r.fail(b + "/to", "\"" + to + "\" is not one of /start/people");
            continue;
        }
        Mail m;
        m.id = w.make_id("mail");
        kMailShape.read(mail[i], "from", b, m, r.errors);
        if (!kMailShape.read(mail[i], "subject_key", b, m, r.errors))
            r.fail(b + "/subject_key", "is required");
        for (const char* key : {"body_key", "params", "read"}) kMailShape.read(mail[i], key, b, m, r.errors);
        p->inbox.push_back(std::move(m));
    }
}

}  // namespace

bool world_from_scenario(const nlohmann::json& scenario_root, const Catalog& catalog, World& out,
                         std::vector<StartStateError>& errors) {
    const std::size_t errors_before = errors.size();
    World w;
    w.catalog = catalog;
    StartReader r{w, {}};
    if (!scenario_root.is_object()) {
        r.fail("", "the scenario must be a JSON object");
        flush(r.errors, errors);
        return false;
    }
    apply_settings(field(scenario_root, "settings"), field(scenario_root, "delays"), w.settings, errors);

    const json& start = field(scenario_root, "start");
    if (!start.is_null() && !start.is_object()) r.fail("/start", "must be an object");
    const json st = start.is_object() ? start : json::object();
    if (st.contains("world")) {
        World snapshot;
        read_start_world(scenario_root, st, snapshot, r);
        flush(r.errors, errors);
        if (errors.size() != errors_before) return false;
        out = std::move(snapshot);
        return true;
    }
    check_start_keys(st, r.errors);
    read_tenant(st, r);
    read_organisation(st, r);
    read_billing(st, r);
    read_subscriptions(st, r);
    read_people(st, r);
    read_mail(st, r);
    flush(r.errors, errors);
    if (errors.size() != errors_before) return false;
    out = std::move(w);
    return true;
}

bool start_events_from_scenario(const nlohmann::json& scenario_root, std::vector<StartEvent>& out,
                                std::vector<StartStateError>& errors) {
    const json& start = field(scenario_root, "start");
    if (!start.is_object() || !start.contains("events")) return true;
    const json& events = start["events"];
    ShapeErrors e;
    if (!events.is_array()) {
        fail(e, "/start/events", "must be an array of {\"in_ms\", \"kind\", \"data\"}");
        flush(e, errors);
        return false;
    }
    std::vector<StartEvent> read;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::string b = "/start/events/" + std::to_string(i);
        const json& ej = events[i];
        if (!ej.is_object()) {
            fail(e, b, "must be an object {\"in_ms\", \"kind\", \"data\"}");
            continue;
        }
        kStartEventShape.check_keys(ej, b, e);
        StartEvent ev;
        if (field(ej, "in_ms").is_null())
            fail(e, b + "/in_ms", "must be a whole number of milliseconds ≥ 0");
        else
            kStartEventShape.read(ej, "in_ms", b, ev, e);
        if (!kStartEventShape.read(ej, "kind", b, ev, e) || ev.kind.empty())
            fail(e, b + "/kind", "must name an event, e.g. \"portal.verification_finished\"");
        if (ej.contains("data")) {
            if (ej["data"].is_object())
                ev.data = ej["data"];
            else
                fail(e, b + "/data", "must be an object");
        }
        read.push_back(std::move(ev));
    }
    flush(e, errors);
    if (!e.empty()) return false;
    out = std::move(read);
    return true;
}

}  // namespace sim
