// sim/start_state.cpp — the world a scenario starts from: its "settings", "delays" and "start"
// objects, read with JSON-pointer errors (and "did you mean" for typos); never throws. Each object's
// fields are described once (sim/shape.hpp): the same description checks unknown keys, types and
// ranges, and lists the names the schema parity test compares with scenario.schema.json.
//
//   [SECTION] Settings from the scenario
//   [SECTION] Start state from the scenario
#include <algorithm>
#include <cstdio>

#include "sim/domains.hpp"
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

// A delay ("3d", {"uniform": …}, …) into a member of Settings: a Delay, or an optional one
// ("verification_total", …) that is set only when the scenario gives it.
template <class Member>
auto delay_into(Member Settings::*member) {
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

// "premium_grant_renewal": domain-admin.md §1.7 [D], the two outcomes of a retired grant's renewal.
void sub_grant_renewal(Settings& s, const FieldValue& v, const std::string& at, ShapeErrors& errors) {
    if (v.string != "convert_to_paid" && v.string != "grant_ends") {
        fail(errors, at, "must be \"convert_to_paid\" or \"grant_ends\"");
        s.premium_grant_renewal = "convert_to_paid";
    }
}

// "tenant_move_policy": domain.md C9 [D], the two resolution paths (sim/tenants.hpp).
void tn_move_policy(Settings& s, const FieldValue& v, const std::string& at, ShapeErrors& errors) {
    if (v.string != "newer" && v.string != "older_csp") {
        fail(errors, at, "must be \"newer\" or \"older_csp\"");
        s.tenant_move_policy = "newer";
    }
}

// "grant_reenable": how a grant the 85 % rule disabled comes back (sim/usage.hpp).
void us_grant_reenable(Settings& s, const FieldValue& v, const std::string& at, ShapeErrors& errors) {
    if (v.string != "support" && v.string != "next_review") {
        fail(errors, at, "must be \"support\" or \"next_review\"");
        s.grant_reenable = "support";
    }
}

// "mfa_code_lifetime": "60s" — how long a shown MFA number or code answers (sim/identity.hpp).
void id_code_lifetime(Settings& s, const FieldValue& v, const std::string& at, ShapeErrors& errors) {
    std::string err;
    auto d = parse_duration(v.string, &err);
    if (!d || d->business_days != 0 || d->ms <= 0)
        fail(errors, at, d || err.empty() ? "must be a calendar duration such as \"60s\" or \"2m\"" : err);
    else
        s.mfa_code_lifetime = d->ms;
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
        .boolean("reduced_view_shows_status", &Settings::reduced_view_shows_status)
        .boolean("teams_guest_access_default", &Settings::teams_guest_access_default)
        .integer("mfa_grace_days", &Settings::mfa_grace_days, 0, 365)  // sign-in (sim/identity.hpp)
        .integer("lockout_threshold", &Settings::lockout_threshold, 1, 1000)
        .known("mfa_code_lifetime", FieldType::String)
        .then(id_code_lifetime)
        // The subscription lifecycle on the virtual clock (sim/subscriptions.hpp).
        .boolean("subscription_lifecycle", &Settings::subscription_lifecycle)
        .integer("subscription_expired_days", &Settings::subscription_expired_days, 0, 3650)
        .integer("subscription_disabled_days", &Settings::subscription_disabled_days, 0, 3650)
        .string("premium_grant_renewal", &Settings::premium_grant_renewal)
        .then(sub_grant_renewal)
        // The re-verification over time (sim/programme.hpp).
        .boolean("reverification_lifecycle", &Settings::reverification_lifecycle)
        .integer("reverification_reminder_days", &Settings::reverification_reminder_days, 0, 365)
        .integer("reverification_grace_days", &Settings::reverification_grace_days, 0, 3650)
        .boolean("reverification_lapse_blocks_renewal", &Settings::reverification_lapse_blocks_renewal)
        .string("tenant_move_policy", &Settings::tenant_move_policy)  // sim/tenants.hpp
        .then(tn_move_policy)
        // Usage and the 85 % rule (sim/usage.hpp).
        .boolean("usage_tracking", &Settings::usage_tracking)
        .integer("usage_threshold", &Settings::usage_threshold, 1, 100)
        .integer("usage_window_days", &Settings::usage_window_days, 1, 366)
        .integer("usage_review_days", &Settings::usage_review_days, 1, 3650)
        .integer("usage_final_days", &Settings::usage_final_days, 1, 3650)
        .integer("usage_disable_days", &Settings::usage_disable_days, 1, 3650)
        .integer("usage_days", &Settings::usage_days, 1, 3650)
        .integer("usage_draw_days", &Settings::usage_draw_days, 1, 31)
        .string("grant_reenable", &Settings::grant_reenable)
        .then(us_grant_reenable));

const auto kDelaysShape = described(Shape<Settings>("#/properties/delays")
                                        .known("verification")
                                        .then(delay_into(&Settings::verification_delay))
                                        .known("verification_first_decision")
                                        .then(delay_into(&Settings::verification_first_decision_delay))
                                        .known("verification_after_information")
                                        .then(delay_into(&Settings::verification_after_information_delay))
                                        .known("verification_total")
                                        .then(delay_into(&Settings::verification_total_delay))
                                        .known("account_review")
                                        .then(delay_into(&Settings::account_review_delay))
                                        .known("licence_propagation")
                                        .then(delay_into(&Settings::licence_propagation_delay))
                                        .known("dns_propagation")
                                        .then(delay_into(&Settings::dns_propagation_delay))
                                        .known("mailbox_permission")
                                        .then(delay_into(&Settings::mailbox_permission_delay))
                                        .known("team_provisioning")
                                        .then(delay_into(&Settings::team_provisioning_delay))
                                        .known("guest_access_change")
                                        .then(delay_into(&Settings::guest_access_change_delay))
                                        .known("lockout")
                                        .then(delay_into(&Settings::lockout_delay))
                                        .known("tenant_recovery")
                                        .then(delay_into(&Settings::tenant_recovery_delay))
                                        .known("tenant_status_move")
                                        .then(delay_into(&Settings::tenant_status_move_delay)));

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
                                       .known("events")
                                       .known("domains", FieldType::Object)
                                       .known("dns_host", FieldType::Object)
                                       .known("teams", FieldType::Object)
                                       .known("support", FieldType::Object)
                                       .known("identity", FieldType::Array)
                                       .known("tenants", FieldType::Array)
                                       .known("usage", FieldType::Object));
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
                  .known("id", FieldType::String)
                  .string("kind", &PaymentMethod::kind)
                  .string("label", &PaymentMethod::label));
const auto kSubscriptionShape =
    described(Shape<Subscription>("#/properties/start/properties/subscriptions/items")
                  .known("id", FieldType::String)
                  .known("sku", FieldType::String)
                  .integer("quantity", &Subscription::quantity, 1, kMaxQuantity)
                  .string("term", &Subscription::term)
                  .string("billing_frequency", &Subscription::billing_frequency)
                  .string("channel", &Subscription::channel)
                  .known("status", FieldType::String)
                  .boolean("recurring_billing", &Subscription::recurring_billing)
                  .boolean("credit_check_pending", &Subscription::credit_check_pending)
                  .integer("price_cents_each", &Subscription::price_cents_each, 0, kMaxPriceCents)
                  .known("renewal_in_days", FieldType::Integer)
                  .range(0, kMaxDurationDays)
                  .known("purchased", FieldType::String)
                  .known("renews", FieldType::String));
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
                                      .known("id", FieldType::String)
                                      .known("to", FieldType::String)
                                      .string("from", &Mail::from)
                                      .string("subject_key", &Mail::subject_key)
                                      .string("body_key", &Mail::body_key)
                                      .known("subject")
                                      .known("body")
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
    Calendar cal{CivilDate{2025, 3, 3}, 9 * 60, TimeZone{}};  // the scenario's clock (st_clock)
    int start_minute = 9 * 60;
    std::string start_date = "2025-03-03";
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

// The scenario's clock (start_date, start_time, time_zone; their errors are the scenario loader's), so
// that a purchase or renewal date becomes a sim time: the date at the start's time of day.
void st_clock(const json& root, StartReader& r) {
    CivilDate date{2025, 3, 3};
    const json& d = field(root, "start_date");
    if (d.is_string())
        if (auto parsed = parse_date(d.get<std::string>())) {
            date = *parsed;
            r.start_date = d.get<std::string>();
        }
    const json& t = field(root, "start_time");
    if (t.is_string()) {
        const std::string hm = t.get<std::string>();
        int hh = -1, mm = -1;
        if (hm.size() == 5 && hm[2] == ':' && std::sscanf(hm.c_str(), "%2d:%2d", &hh, &mm) == 2 && hh >= 0 &&
            hh <= 23 && mm >= 0 && mm <= 59)
            r.start_minute = hh * 60 + mm;
    }
    TimeZone tz;
    const json& z = field(root, "time_zone");
    if (z.is_string())
        if (auto known = time_zone_by_name(z.get<std::string>())) tz = *known;
    r.cal = Calendar(date, r.start_minute, tz);
}

// A JSON pointer token for `key` ("~" → "~0", "/" → "~1").
std::string st_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

bool st_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

// An id of the form the world's counter hands out ("sub-0003", "user-12"): refused as an author's id,
// so an id made later can never collide with one an author chose.
bool st_generated_form(const std::string& id) {
    for (const char* prefix : {"user-", "sub-", "pm-", "mail-", "cv-"}) {
        const std::string p = prefix;
        if (id.size() > p.size() && id.compare(0, p.size(), p) == 0 &&
            std::all_of(id.begin() + static_cast<std::ptrdiff_t>(p.size()), id.end(),
                        [](char c) { return c >= '0' && c <= '9'; }))
            return true;
    }
    return false;
}

// Checks an author's id at `at`: its characters, not a generated id's form, not in `taken`.
bool st_author_id(const std::string& id, const std::string& at, const std::vector<std::string>& taken,
                  StartReader& r) {
    if (id.empty() || !std::all_of(id.begin(), id.end(), st_id_char) || !st_id_char(id[0]) || id[0] == '.' ||
        id[0] == '-') {
        r.fail(at,
               "must be a name of letters, digits, '_', '.' and '-' (e.g. \"grant\"), not \"" + id + "\"");
        return false;
    }
    if (st_generated_form(id)) {
        r.fail(at, "\"" + id +
                       "\" has the form of an id the simulation hands out (sub-0001, user-0002, …); choose a "
                       "name of your own, e.g. \"grant\"");
        return false;
    }
    if (std::find(taken.begin(), taken.end(), id) != taken.end()) {
        r.fail(at, "\"" + id + "\" is already the id of another object of this kind; ids must be unique");
        return false;
    }
    return true;
}

// A date field ("purchased", "renews") as the sim time of that date at the start's time of day.
std::optional<SimTime> st_date(const json& obj, const char* key, const std::string& b, StartReader& r) {
    const json& v = field(obj, key);
    if (v.is_null()) return std::nullopt;
    std::string why;
    std::optional<CivilDate> d = v.is_string() ? parse_date(v.get<std::string>(), &why) : std::nullopt;
    if (!d) {
        r.fail(b + "/" + key, "must be a date \"YYYY-MM-DD\" such as \"2024-11-04\", not " + v.dump() +
                                  (why.empty() ? "" : " (" + why + ")"));
        return std::nullopt;
    }
    return r.cal.at_local(*d, r.start_minute);
}

// An inline text {"en": …, "de": …} at `p` (both required, nothing else).
bool st_text(const json& v, const std::string& p, StartReader& r, ScenarioText& out) {
    if (!v.is_object()) {
        r.fail(p, "must be a text in both languages: {\"en\": \"…\", \"de\": \"…\"}");
        return false;
    }
    const std::size_t before = r.errors.size();
    for (auto& [where, message] : unknown_keys(v, p, {"en", "de"})) r.fail(where, message);
    for (const char* lang : {"en", "de"}) {
        const json& t = field(v, lang);
        if (!t.is_string() || t.get<std::string>().empty())
            r.fail(p + "/" + lang, std::string("needs the ") + (lang[0] == 'e' ? "English" : "German") +
                                       " text (a non-empty string)");
        else
            (lang[0] == 'e' ? out.en : out.de) = t.get<std::string>();
    }
    return r.errors.size() == before;
}

// The scenario's own texts: "texts": {"mail.board_welcome.subject": {"en": …, "de": …}, …}.
void read_texts(const json& root, StartReader& r) {
    const json& texts = field(root, "texts");
    if (texts.is_null()) return;
    if (!texts.is_object()) {
        r.fail("/texts", "must be an object of texts by key: {\"mail.x.subject\": {\"en\": …, \"de\": …}}");
        return;
    }
    for (auto it = texts.begin(); it != texts.end(); ++it) {
        const std::string p = "/texts/" + st_token(it.key());
        if (it.key().empty() || !std::all_of(it.key().begin(), it.key().end(), st_id_char)) {
            r.fail(p,
                   "a text key is made of letters, digits, '_', '.' and '-', e.g. "
                   "\"mail.board_welcome.subject\"");
            continue;
        }
        ScenarioText t;
        if (st_text(*it, p, r, t)) r.w.texts[it.key()] = std::move(t);
    }
}

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
        // With the re-verification lifecycle a start in reverify_required runs on to the lapse too.
        if (o.status == PortalStatus::Approved || w.settings.reverification_lifecycle)
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
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const std::string b = "/start/payment_methods/" + std::to_string(i);
        PaymentMethod m;
        std::string id;
        if (r.text(kPaymentMethodShape, methods[i], "id", b, id)) {
            if (st_author_id(id, b + "/id", ids, r)) ids.push_back(id);
            m.id = id;
        } else {
            m.id = w.make_id("pm");
        }
        kPaymentMethodShape.read(methods[i], b, m, r.errors);
        if (m.kind != "card" && m.kind != "invoice") r.fail(b + "/kind", "must be \"card\" or \"invoice\"");
        w.billing.payment_methods.push_back(m);
    }
}

// Dates the engine keeps (at most kMaxDurationDays from the start) and, with the lifecycle, a renewal at
// most one term after the start (a subscription renews at least once a term; sim/subscriptions.hpp).
void st_subscription_range(const json& sj, const std::string& b, const Subscription& s,
                           const std::optional<SimTime>& purchased, const std::optional<SimTime>& renews,
                           StartReader& r) {
    const SimTime bound = kMaxDurationDays * kDay;
    if (purchased && *purchased < -bound)
        r.fail(b + "/purchased", "is more than " + std::to_string(kMaxDurationDays) +
                                     " days before the start (" + r.start_date +
                                     "); give a purchase within that range");
    if (renews && *renews > bound)
        r.fail(b + "/renews", "is more than " + std::to_string(kMaxDurationDays) + " days after the start (" +
                                  r.start_date + "); give the next renewal within that range");
    if (!r.w.settings.subscription_lifecycle) return;
    const int months = s.term == "P1Y" ? 12 : 1;
    const SimTime term_end = r.cal.add_months(0, months);
    const std::string term = s.term == "P1Y" ? "a year (P1Y)" : "a month (P1M)";
    if (renews && *renews > term_end && *renews <= bound)
        r.fail(b + "/renews", "is more than one term (" + term + ") after the start (" + r.start_date +
                                  "): a subscription renews at least once a term");
    const json& days = field(sj, "renewal_in_days");
    if (days.is_number_integer() && days.get<std::int64_t>() * kDay > term_end &&
        days.get<std::int64_t>() <= kMaxDurationDays)
        r.fail(b + "/renewal_in_days",
               "is more than one term (" + term + "): a subscription renews at least once a term");
}

// "purchased" and "renews" (dates), or the defaults: bought 30 days before the start (outside any
// removal window), renewing a term after the purchase — the first such date after the start — or
// "renewal_in_days" after the start (365 for P1Y, else 30, when there is no purchase date either).
void read_subscription_dates(const json& sj, const std::string& b, Subscription& s, StartReader& r) {
    const std::size_t before = r.errors.size();
    const std::optional<SimTime> purchased = st_date(sj, "purchased", b, r);
    const std::optional<SimTime> renews = st_date(sj, "renews", b, r);
    if (r.errors.size() != before) return;
    if (purchased && *purchased > 0)
        r.fail(b + "/purchased", "is after the start (" + r.start_date +
                                     "): a start-state subscription is bought "
                                     "on the start date or before it");
    if (!field(sj, "renews").is_null() && !field(sj, "renewal_in_days").is_null())
        r.fail(b + "/renews", "use either \"renews\" (a date) or \"renewal_in_days\", not both");
    s.purchased_at = purchased.value_or(-30 * kDay);
    const int months = s.term == "P1Y" ? 12 : 1;
    st_subscription_range(sj, b, s, purchased, renews, r);
    if (renews) {
        if (*renews <= s.purchased_at)
            r.fail(b + "/renews", "must be after the purchase (" +
                                      (purchased ? field(sj, "purchased").get<std::string>()
                                                 : std::string("30 days before the start, the default")) +
                                      ")");
        else if (*renews < 0)
            r.fail(b + "/renews", "is before the start (" + r.start_date +
                                      "): give the next renewal, on the start date or later");
        s.renewal_at = *renews;
    } else if (purchased && field(sj, "renewal_in_days").is_null()) {
        SimTime at = r.cal.add_months(s.purchased_at, months);
        for (int k = 2; at <= 0 && k < 1300; ++k) at = r.cal.add_months(s.purchased_at, months * k);
        s.renewal_at = at;
    } else {
        int renewal_days = s.term == "P1Y" ? 365 : 30;
        r.whole(kSubscriptionShape, sj, "renewal_in_days", b, renewal_days);
        s.renewal_at = static_cast<SimTime>(renewal_days) * kDay;
    }
}

void read_subscription(const json& sj, const std::string& b, StartReader& r) {
    World& w = r.w;
    const ObjectShape& shape = kSubscriptionShape;
    Subscription s;
    std::string id;
    if (r.text(shape, sj, "id", b, id)) {
        std::vector<std::string> taken;
        for (const Subscription& other : w.subscriptions) taken.push_back(other.id);
        if (st_author_id(id, b + "/id", taken, r) && w.catalog.find(id) != nullptr)
            r.fail(b + "/id", "\"" + id + "\" is a SKU of the catalog; choose another name");
        s.id = id;
    } else {
        s.id = w.make_id("sub");
    }
    r.text(shape, sj, "sku", b, s.sku);
    const Product* p = w.catalog.find(s.sku);
    if (p == nullptr) {
        r.fail(b + "/sku", "is not in the catalog (edition " + w.catalog.edition + ")");
        return;
    }
    if (field(sj, "quantity").is_null()) r.fail(b + "/quantity", "must be at least 1");
    for (const char* key :
         {"quantity", "term", "billing_frequency", "channel", "recurring_billing", "credit_check_pending"})
        kSubscriptionShape.read(sj, key, b, s, r.errors);
    std::string status = "active";
    r.text(shape, sj, "status", b, status);
    if (status == "disabled")
        s.status = SubscriptionStatus::Disabled;
    else if (status == "expired")
        s.status = SubscriptionStatus::Expired;  // the lifecycle's grace period (sim/subscriptions.hpp)
    else if (status != "active")
        r.fail(b + "/status", "must be \"active\", \"expired\" or \"disabled\"");
    s.price_cents_each = p->price_cents;
    kSubscriptionShape.read(sj, "price_cents_each", b, s, r.errors);
    read_subscription_dates(sj, b, s, r);
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
                       "must be one of global_admin, billing_admin, license_admin, user_admin, "
                       "domain_name_admin, exchange_admin, teams_admin");
        }
    }
    kPersonShape.read(pj, "sign_in_blocked", b, p, r.errors);
    FieldValue licences;
    if (!kPersonShape.value(pj, "licences", b, licences, r.errors)) return;
    for (std::size_t k = 0; k < licences.strings.size(); ++k) {
        std::string sku = licences.strings[k];
        const std::string lb = b + "/licences/" + std::to_string(k);
        // A licence names a SKU (a seat of its first subscription with room) or a start-state
        // subscription by its id (a seat of that one).
        Subscription* named = w.catalog.find(sku) == nullptr ? w.find_subscription(sku) : nullptr;
        if (named != nullptr) sku = named->sku;
        if (w.catalog.find(sku) == nullptr) {
            std::vector<std::string> known;
            for (const Subscription& sub : w.subscriptions) known.push_back(sub.id);
            for (const Product& prod : w.catalog.products) known.push_back(prod.sku);
            const std::string close = suggest_key(sku, known);
            r.fail(lb, "\"" + sku + "\" is not in the catalog" +
                           (close.empty() ? "" : " — did you mean \"" + close + "\"?"));
            continue;
        }
        // An Expired or Disabled subscription still holds its users' licences (sim/subscriptions.hpp).
        if (named != nullptr && (named->status == SubscriptionStatus::Deleted || named->available() <= 0)) {
            r.fail(lb, "subscription \"" + named->id + "\" has no free seat");
            continue;
        }
        if (p.usage_location.empty()) {
            r.fail(lb, "a licence needs a usage location (" + b + "/usage_location)");
            continue;
        }
        std::string sub = named != nullptr ? (++named->assigned, named->id) : take_seat(w, sku);
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

// A mail's subject and body: a text key ("subject_key", "body_key": shipped or in "texts") or the text
// itself in both languages ("subject", "body": {"en", "de"}), kept as the world's text
// "scenario.mail.<id>.subject" / ".body".
void read_mail_texts(const json& mj, const std::string& b, Mail& m, StartReader& r) {
    const struct {
        const char *key, *inline_key, *suffix;
        std::string Mail::*member;
    } kParts[] = {{"subject_key", "subject", ".subject", &Mail::subject_key},
                  {"body_key", "body", ".body", &Mail::body_key}};
    for (const auto& part : kParts) {
        const bool by_key = kMailShape.read(mj, part.key, b, m, r.errors);
        const json& text = field(mj, part.inline_key);
        if (by_key && !text.is_null()) {
            r.fail(b + "/" + part.inline_key,
                   std::string("use either \"") + part.key + "\" or \"" + part.inline_key + "\", not both");
            continue;
        }
        ScenarioText t;
        if (!text.is_null() && st_text(text, b + "/" + part.inline_key, r, t)) {
            m.*part.member = "scenario.mail." + m.id + part.suffix;
            r.w.texts[m.*part.member] = std::move(t);
        }
        if (part.member == &Mail::subject_key && !by_key && text.is_null())
            r.fail(b + "/subject_key", "is required (or \"subject\": {\"en\": …, \"de\": …})");
    }
}

// Mail already in the inboxes.
void read_mail(const json& st, StartReader& r) {
    World& w = r.w;
    std::vector<std::string> ids;
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
        std::string id;
        if (r.text(kMailShape, mail[i], "id", b, id)) {
            if (st_author_id(id, b + "/id", ids, r)) ids.push_back(id);
            m.id = id;
        } else {
            m.id = w.make_id("mail");
        }
        kMailShape.read(mail[i], "from", b, m, r.errors);
        read_mail_texts(mail[i], b, m, r);
        for (const char* key : {"params", "read"}) kMailShape.read(mail[i], key, b, m, r.errors);
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
    st_clock(scenario_root, r);
    read_texts(scenario_root, r);
    read_tenant(st, r);
    read_organisation(st, r);
    read_billing(st, r);
    read_subscriptions(st, r);
    read_people(st, r);
    read_mail(st, r);
    read_domains_start(st, w,
                       r.errors);       // Settings > Domains and the DNS host (sim/domain/domains_start.cpp)
    read_teams_start(st, w, r.errors);  // Teams, guest access, apps & services (sim/domain/teams.cpp)
    read_support_start(st, w, r.errors);   // support replies, Junk Email (sim/domain/support.cpp)
    read_identity_start(st, w, r.errors);  // MFA state of accounts (sim/domain/identity.cpp)
    read_usage_start(st, w, r.errors);     // activity profiles and history (sim/domain/usage.cpp)
    read_tenants_start(st, w, r.errors);   // other tenants of the organisation (sim/domain/tenants.cpp)
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
