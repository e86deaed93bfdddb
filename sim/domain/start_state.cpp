// sim/start_state.cpp — the world a scenario starts from: its "settings", "delays" and "start"
// objects, read with JSON-pointer errors (and "did you mean" for typos); never throws.
//
//   [SECTION] Settings from the scenario
//   [SECTION] Start state from the scenario
#include <algorithm>
#include <cstdio>
#include <limits>
#include <type_traits>

#include "sim/json_input.hpp"
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

// Reads typed values out of a JSON object and records errors with JSON pointers.
struct Reader {
    std::vector<StartStateError>& errors;

    void fail(const std::string& ptr, const std::string& msg) { errors.push_back({ptr, msg}); }

    template <class T>
    bool get(const json& obj, const char* key, const std::string& base, T& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return false;
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)  // never a silent conversion
            return integer(obj, key, base, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), out);
        try {
            out = it->get<T>();
            return true;
        } catch (const json::exception&) {
            fail(base + "/" + key, std::string("has the wrong type (") + it->type_name() + ")");
            return false;
        }
    }
    // A whole number from lo to hi (json_input.hpp); false when absent or refused (refusals are recorded).
    template <class T>
    bool integer(const json& obj, const char* key, const std::string& base, std::int64_t lo, std::int64_t hi,
                 T& out) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return false;
        NumberError why;
        auto v = integer_in_range(*it, base + "/" + key, lo, hi, why);
        if (!v) {
            fail(why.pointer, why.message);
            return false;
        }
        out = static_cast<T>(*v);
        return true;
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
                        "portal_full_view_requires_global_admin", "portal_licence_seats",
                        "account_review_hold", "zero_order_requires_payment_method", "licence_removal_window",
                        "business_seat_cap", "max_users_per_assignment", "reduced_view_shows_status"});
        if (r.get(settings, "verification_outcomes", b, out.verification_outcomes)) {
            for (std::size_t i = 0; i < out.verification_outcomes.size(); ++i) {
                const auto& o = out.verification_outcomes[i];
                if (o != "approved" && o != "info_requested" && o != "declined")
                    r.fail(b + "/verification_outcomes/" + std::to_string(i),
                           "must be \"approved\", \"info_requested\" or \"declined\"");
            }
        }
        r.get(settings, "excluded_org_types", b, out.excluded_org_types);
        r.integer(settings, "reverification_months", b, 1, kMaxReverificationMonths,
                  out.reverification_months);
        r.get(settings, "portal_full_view_requires_global_admin", b,
              out.portal_full_view_requires_global_admin);
        r.integer(settings, "portal_licence_seats", b, 1, kMaxQuantity, out.portal_licence_seats);
        r.get(settings, "account_review_hold", b, out.account_review_hold);
        r.get(settings, "zero_order_requires_payment_method", b, out.zero_order_requires_payment_method);
        std::string window;
        if (r.get(settings, "licence_removal_window", b, window)) {
            std::string err;
            auto d = parse_duration(window, &err);
            if (!d || d->business_days != 0)
                r.fail(b + "/licence_removal_window",
                       d || err.empty() ? "must be a calendar duration such as \"7d\" or \"72h\"" : err);
            else
                out.licence_removal_window = d->ms;
        }
        r.integer(settings, "business_seat_cap", b, 1, kMaxQuantity, out.business_seat_cap);
        r.integer(settings, "max_users_per_assignment", b, 1, kMaxQuantity, out.max_users_per_assignment);
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

    // A snapshot's start state is a whole world (to_json(World)), with its own catalog and settings.
    if (st.contains("world")) {
        for (auto it = st.begin(); it != st.end(); ++it)
            if (it.key() != "world" && it.key() != "events")
                r.fail("/start/" + it.key(),
                       "use either \"world\" or the start-state fields (tenant, organisation, people, …), "
                       "not both");
        for (const char* key : {"settings", "delays"})
            if (scenario_root.contains(key))
                r.fail(std::string("/") + key,
                       "the start world carries its own settings (/start/world/settings); remove this key");
        std::string why;
        World snapshot;
        if (!world_from_json(st["world"], snapshot, why)) {
            // "/people/3: message" → pointer /start/world/people/3 and the message.
            const std::size_t colon = why.find(": ");
            if (!why.empty() && why[0] == '/' && colon != std::string::npos)
                r.fail("/start/world" + why.substr(0, colon), why.substr(colon + 2));
            else
                r.fail("/start/world", why);
        }
        if (errors.size() != errors_before) return false;
        out = std::move(snapshot);
        return true;
    }

    // Typos in the start state are errors with a suggestion, never silently dropped keys.
    auto check = [&](const json& obj, const std::string& base, const std::vector<std::string>& known) {
        if (!obj.is_object()) return;
        for (auto& [where, message] : sim::unknown_keys(obj, base, known)) r.fail(where, message);
    };
    auto check_each = [&](const json& arr, const std::string& base, const std::vector<std::string>& known) {
        if (!arr.is_array()) return;
        for (std::size_t i = 0; i < arr.size(); ++i) check(arr[i], base + "/" + std::to_string(i), known);
    };
    check(st, "/start",
          {"tenant", "organisation", "billing_account", "payment_methods", "subscriptions", "people", "mail",
           "world", "events"});
    check(field(st, "tenant"), "/start/tenant", {"name", "nonprofit_tagged", "security_defaults"});
    check(field(st, "organisation"), "/start/organisation",
          {"status", "form", "facts", "registrant", "approved_days_ago"});
    check(field(field(st, "organisation"), "facts"), "/start/organisation/facts",
          {"legally_recognised", "registered_by_it_provider"});
    check(field(field(st, "organisation"), "form"), "/start/organisation/form",
          {"legal_name", "country", "registration_id", "address", "website", "phone", "org_type", "mission",
           "contact_first_name", "contact_last_name", "contact_email", "contact_phone",
           "registrant_relationship", "proof_document", "attest_eligibility", "accept_non_discrimination",
           "accept_terms"});
    check_each(field(st, "payment_methods"), "/start/payment_methods", {"kind", "label"});
    check_each(field(st, "subscriptions"), "/start/subscriptions",
               {"sku", "quantity", "term", "billing_frequency", "channel", "status", "price_cents_each",
                "renewal_in_days"});
    check_each(field(st, "people"), "/start/people",
               {"upn", "first_name", "last_name", "display_name", "kind", "usage_location", "roles",
                "sign_in_blocked", "licences"});
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
            r.fail(
                "/start/organisation/status",
                "must be one of none, draft, pending, info_requested, approved, declined, reverify_required");
        if (o.status != PortalStatus::None && !w.tenant.exists)
            r.fail("/start/organisation/status", "a registered organisation needs a tenant (/start/tenant)");
        const json& form = field(org, "form");
        if (form.is_object()) read_form(r, form, "/start/organisation/form", o.form);
        const json& facts = field(org, "facts");
        if (facts.is_object()) {
            r.get(facts, "legally_recognised", "/start/organisation/facts", o.facts.legally_recognised);
            r.get(facts, "registered_by_it_provider", "/start/organisation/facts",
                  o.facts.registered_by_it_provider);
        }
        r.get(org, "registrant", "/start/organisation", o.registrant);
        int approved_days_ago = 0;
        r.integer(org, "approved_days_ago", "/start/organisation", 0, kMaxDurationDays, approved_days_ago);
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
        if (o.status == PortalStatus::Approved && !tenant.contains("nonprofit_tagged"))
            w.tenant.nonprofit_tagged = true;
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
            if (m.kind != "card" && m.kind != "invoice")
                r.fail(b + "/kind", "must be \"card\" or \"invoice\"");
            w.billing.payment_methods.push_back(m);
        }
    }

    // Subscriptions (the portal licence's own subscription comes first when registered).
    if (w.tenant.exists && o.status != PortalStatus::None) {
        if (const Product* portal = portal_product(w.catalog)) add_portal_subscription(w, *portal);
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
            if (!sj.contains("quantity") || sj["quantity"].is_null())
                r.fail(b + "/quantity", "must be at least 1");
            r.integer(sj, "quantity", b, 1, kMaxQuantity, s.quantity);
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
            r.integer(sj, "price_cents_each", b, 0, kMaxPriceCents, s.price_cents_each);
            int renewal_days = s.term == "P1Y" ? 365 : 30;
            r.integer(sj, "renewal_in_days", b, 0, kMaxDurationDays, renewal_days);
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
                p.display_name = p.first_name.empty()
                                     ? p.upn.substr(0, p.upn.find('@'))
                                     : p.first_name + (p.last_name.empty() ? "" : " " + p.last_name);
            std::string kind = "paid_staff";
            r.get(pj, "kind", b, kind);
            if (!parse_person_kind(kind, p.kind))
                r.fail(b + "/kind",
                       "must be one of paid_staff, unpaid_executive, volunteer, member, beneficiary");
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

bool start_events_from_scenario(const nlohmann::json& scenario_root, std::vector<StartEvent>& out,
                                std::vector<StartStateError>& errors) {
    const std::size_t errors_before = errors.size();
    Reader r{errors};
    if (!scenario_root.is_object() || !scenario_root.contains("start") || !scenario_root["start"].is_object())
        return true;
    const json& start = scenario_root["start"];
    auto events = start.find("events");
    if (events == start.end()) return true;
    if (!events->is_array()) {
        r.fail("/start/events", "must be an array of {\"in_ms\", \"kind\", \"data\"}");
        return false;
    }
    std::vector<StartEvent> read;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const std::string b = "/start/events/" + std::to_string(i);
        const json& ej = (*events)[i];
        if (!ej.is_object()) {
            r.fail(b, "must be an object {\"in_ms\", \"kind\", \"data\"}");
            continue;
        }
        r.unknown_keys(ej, b, {"in_ms", "kind", "data"});
        StartEvent e;
        if (!ej.contains("in_ms") || ej["in_ms"].is_null())
            r.fail(b + "/in_ms", "must be a whole number of milliseconds ≥ 0");
        else
            r.integer(ej, "in_ms", b, 0, kMaxDuration, e.at);
        if (!r.get(ej, "kind", b, e.kind) || e.kind.empty())
            r.fail(b + "/kind", "must name an event, e.g. \"portal.verification_finished\"");
        if (ej.contains("data")) {
            if (ej["data"].is_object())
                e.data = ej["data"];
            else
                r.fail(b + "/data", "must be an object");
        }
        read.push_back(std::move(e));
    }
    if (errors.size() != errors_before) return false;
    out = std::move(read);
    return true;
}

}  // namespace sim
