// sim/world.hpp — the state of the simulated world (plain data, hashed via its canonical JSON).
//
// Index:
//   [SECTION] Enumerations      people kinds, roles, portal and subscription states (+ their JSON names)
//   [SECTION] Settings          every [U]/[D] knob of reference/domain.md, with its default and source
//   [SECTION] People and mail   Person, LicenceAssignment, Mail
//   [SECTION] Organisation      the nonprofit portal's registration form and status
//   [SECTION] Tenant, billing   tenant, billing account, payment methods, subscriptions
//   [SECTION] World             everything together, plus lookups and the scenario loader
//
// Everything here is plain data: no pointers, no floating point, money in integer cents, times in
// sim milliseconds. to_json(World) is the canonical form the state hash covers; it includes the
// catalog and the settings the world runs with.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/catalog.hpp"
#include "sim/delay.hpp"
#include "sim/domains_data.hpp"
#include "sim/identity.hpp"
#include "sim/programme.hpp"
#include "sim/subscriptions.hpp"
#include "sim/support.hpp"
#include "sim/teams.hpp"
#include "sim/tenants.hpp"
#include "sim/time.hpp"
#include "sim/usage.hpp"

namespace sim {

// [SECTION] Enumerations ----------------------------------------------------------------------

// Who a simulated human is to the organisation (domain.md §1.2: decides grant/discount eligibility).
enum class PersonKind { PaidStaff, UnpaidExecutive, Volunteer, Member, Beneficiary };

// Admin roles of the Microsoft 365 admin center (domain.md §4.6).
// DomainNameAdmin: add, verify and remove domains (domain.md §4.6; appended, so stored role bits keep).
// ExchangeAdmin, TeamsAdmin: domain-admin.md §3.4 (appended likewise; never reorder).
enum class Role {
    GlobalAdmin,
    BillingAdmin,
    LicenceAdmin,
    UserAdmin,
    DomainNameAdmin,
    ExchangeAdmin,
    TeamsAdmin
};
using RoleSet = std::uint32_t;  // bit (1 << Role)
constexpr RoleSet role_bit(Role r) {
    return RoleSet{1} << static_cast<unsigned>(r);
}

// The nonprofit portal's state machine (domain.md §1.5). None = no registration started yet.
enum class PortalStatus { None, Draft, Pending, InfoRequested, Approved, Declined, ReverifyRequired };

enum class LicenceState { Pending, Active };  // pending until the propagation delay has passed
// Expired and Deleted: the lifecycle of domain-admin.md §1.1 (sim/subscriptions.hpp); appended, never
// reorder.
enum class SubscriptionStatus { Active, Disabled, Expired, Deleted };
enum class BillingAccountStatus { NotReviewed, UnderReview, Cleared };

const char* to_string(
    PersonKind k);              // "paid_staff", "unpaid_executive", "volunteer", "member", "beneficiary"
const char* to_string(Role r);  // "global_admin", "billing_admin", "license_admin", "user_admin",
                                // "domain_name_admin", "exchange_admin", "teams_admin"
const char* to_string(PortalStatus s);          // "none", "draft", "pending", "info_requested", "approved",
                                                // "declined", "reverify_required"
const char* to_string(LicenceState s);          // "pending", "active"
const char* to_string(SubscriptionStatus s);    // "active", "disabled", "expired", "deleted"
const char* to_string(BillingAccountStatus s);  // "not_reviewed", "under_review", "cleared"
bool parse_person_kind(std::string_view s, PersonKind& out);
bool parse_role(std::string_view s, Role& out);
bool parse_portal_status(std::string_view s, PortalStatus& out);
std::vector<std::string> role_names(RoleSet roles);  // sorted by enum order

// [SECTION] Settings --------------------------------------------------------------------------

// The knobs of the simulation. Every value marked [U] (unsure) or [D] (sources disagree) in
// reference/domain.md is a setting, read from the scenario's "settings" and "delays" objects.
struct Settings {
    // §1.4 [D]: 10 / 20 business days / "usually 2 to 5" / 3 weeks. Default 3–5 business days.
    Delay verification_delay = Delay::uniform(Duration{0, 3}, Duration{0, 5});
    // Per step of one verification (docs/reference/start-state.md, "Delays"): the first decision after a
    // submit, the decision after an answered information request, and the whole verification from the
    // first submit to its final decision. Unset: verification_delay for every decision, no total.
    std::optional<Delay> verification_first_decision_delay;
    std::optional<Delay> verification_after_information_delay;
    std::optional<Delay> verification_total_delay;
    // Forced verification outcomes, consumed one per decision ("approved", "info_requested",
    // "declined"); once used up (default: empty) the rules on the submitted data decide.
    std::vector<std::string> verification_outcomes;
    // §1.2 [S] excluded organisation types; libraries are [D] (Microsoft: eligible, Stifter-helfen:
    // not) and eligible by default — add "public_library" here to exclude them.
    std::vector<std::string> excluded_org_types = {
        "government",      "school", "university",        "hospital",           "healthcare",
        "political_party", "union",  "trade_association", "professional_sports"};
    // §1.6 [D]: certificate valid one year (Stifter-helfen) vs two (2018 training). Default 12 months.
    int reverification_months = 12;
    // §1.7 [D]: portal access by licence (DE blog) vs by Global Admin (TechSoup). Default both for the full
    // view.
    bool portal_full_view_requires_global_admin = true;
    // §1.7 [U]: seats of the $0 Nonprofit Portal subscription created at registration.
    int portal_licence_seats = 10;
    // §3.2 / C8 [S]: "account under review" hold at the first checkout (off by default) and its duration (~1
    // day).
    bool account_review_hold = false;
    Delay account_review_delay = Delay::fixed(Duration{kDay, 0});
    // §3.2 / C7 [U]: whether a $0 order still demands a payment method. Default true.
    bool zero_order_requires_payment_method = true;
    // §7 / §4.5 [S "a few minutes"]: licence propagation, pending → active. Default uniform 1–15 min.
    Delay licence_propagation_delay = Delay::uniform(Duration{kMinute, 0}, Duration{15 * kMinute, 0});
    // §3.4 [D]: 7 days (direct MCA) vs 72 h (partner NCE) to remove paid licences after purchase. Default 7
    // days.
    SimTime licence_removal_window = 7 * kDay;
    // §2.1 [S]: hard cap of seats across all Business plans of one tenant.
    int business_seat_cap = 300;
    // §4.3 [S]: "up to 20 users at a time" when assigning from a product.
    int max_users_per_assignment = 20;
    // §1.5 [S]: whether people without the full view can see the org status (reduced view).
    bool reduced_view_shows_status = true;
    // §5.1 [D] "up to 10 minutes … up to 48 hours": a published DNS change becomes visible to Microsoft.
    // Default log-normal, median 15 min, p95 2 h: most within 1–60 min, a few take hours, rarely ~2 days.
    // In the canonical JSON only when a scenario changes it (older hashes stay).
    Delay dns_propagation_delay = kDefaultDnsPropagation;
    static inline const Delay kDefaultDnsPropagation =
        Delay::lognormal(Duration{15 * kMinute, 0}, Duration{2 * kHour, 0});
    // domain-admin.md §4.2 / C31 [S "wait about an hour"]: a shared-mailbox permission (Full Access, Send As)
    // replicates. Default uniform 5–60 min. In the canonical JSON only when a scenario changes it.
    Delay mailbox_permission_delay = kDefaultMailboxPermission;
    static inline const Delay kDefaultMailboxPermission =
        Delay::uniform(Duration{5 * kMinute, 0}, Duration{60 * kMinute, 0});
    // Sign-in and MFA (sim/identity.hpp); each in the canonical JSON only when a scenario changes it.
    // domain-admin.md §0/§3.1 [D]: MFA registration grace in days; -1 = by the simulated date (14 days
    // before 2024-07-29, none from then).
    int mfa_grace_days = -1;
    int lockout_threshold = 10;             // smart lockout after this many wrong passwords in a row [U]
    Delay lockout_delay = kDefaultLockout;  // how long the lockout lasts [U: "try again later"]
    static inline const Delay kDefaultLockout = Delay::fixed(Duration{60 * kSecond, 0});
    // §3.5 [S "takes days"]: the data-protection team's answer to a tenant recovery request.
    Delay tenant_recovery_delay = kDefaultTenantRecovery;
    static inline const Delay kDefaultTenantRecovery =
        Delay::uniform(Duration{3 * kDay, 0}, Duration{10 * kDay, 0});
    SimTime mfa_code_lifetime = kDefaultMfaCodeLifetime;  // a shown number / code answers this long [U]
    static constexpr SimTime kDefaultMfaCodeLifetime = 60 * kSecond;
    // domain-admin.md §6.4 [U]: a new team's group and SharePoint site provision (the Files tab waits).
    // Default uniform 1–10 min (with it, one team in 50 takes longer). In the JSON only when changed.
    Delay team_provisioning_delay = kDefaultTeamProvisioning;
    static inline const Delay kDefaultTeamProvisioning =
        Delay::uniform(Duration{kMinute, 0}, Duration{10 * kMinute, 0});
    // domain-admin.md §6.2 [S "2 to 24 hours"]: the org-wide Teams guest access setting takes effect.
    Delay guest_access_change_delay = kDefaultGuestAccessChange;
    static inline const Delay kDefaultGuestAccessChange =
        Delay::uniform(Duration{2 * kHour, 0}, Duration{24 * kHour, 0});
    // domain-admin.md §6.2 [D]/[U]: whether guest access in Teams is on in a new tenant. Default on.
    bool teams_guest_access_default = true;
    // The subscription lifecycle on the virtual clock (sim/subscriptions.hpp); off by default so older
    // runs keep their events. The grace periods: domain-admin.md §1.1 [S] for direct purchases (Enterprise
    // and CSP differ), so settings. premium_grant_renewal: §1.7 [D] "convert_to_paid" | "grant_ends".
    bool subscription_lifecycle = false;
    int subscription_expired_days = 30;
    int subscription_disabled_days = 90;
    std::string premium_grant_renewal = "convert_to_paid";
    // More than one tenant (sim/tenants.hpp, domain.md C9 [D]): "newer" (the status can't be moved; let it
    // lapse and validate again) | "older_csp" (Contact Us moves it after tenant_status_move_delay [U]).
    // Each in the canonical JSON only when not the default.
    std::string tenant_move_policy = "newer";
    Delay tenant_status_move_delay = kDefaultTenantStatusMove;
    static inline const Delay kDefaultTenantStatusMove = Delay::uniform(Duration{0, 3}, Duration{0, 10});
    // Usage and the 85 % rule (sim/usage.hpp; domain-admin.md §2.2 sim defaults, the intervals are [U]);
    // off by default, each in the canonical JSON only when not the default. grant_reenable: "support"
    // (only usage_reenable_grant) | "next_review" (a review at or above the threshold re-enables).
    bool usage_tracking = false;
    int usage_threshold = 85;
    int usage_window_days = 90;
    int usage_review_days = 30;
    int usage_final_days = 30;
    int usage_disable_days = 30;
    int usage_days = 366;     // days after the start the daily activity and the reviews run
    int usage_draw_days = 1;  // days one activity event draws (1: one event per simulated day)
    std::string grant_reenable = "support";
    // domain.md §1.5–1.6, domain-admin.md §1.7 [U]: the yearly re-verification over time (sim/programme.hpp):
    // a reminder mail before the due date, a grace period after it, then the lapse (offers gone; with
    // lapse_blocks_renewal a grant's renewal fails). Off by default so older runs keep their events.
    bool reverification_lifecycle = false;
    int reverification_reminder_days = 30;  // 0 = no reminder
    int reverification_grace_days = 30;
    bool reverification_lapse_blocks_renewal = true;
};

nlohmann::json to_json(const Settings& s);
// Applies the scenario's "settings" and "delays" objects; errors get JSON pointers relative to the root.
struct StartStateError {
    std::string pointer;  // JSON pointer relative to the scenario root, e.g. "/start/people/2/usage_location"
    std::string message;
};
void apply_settings(const nlohmann::json& settings, const nlohmann::json& delays, Settings& out,
                    std::vector<StartStateError>& errors);

// [SECTION] People and mail -------------------------------------------------------------------

struct LicenceAssignment {
    std::string sku;
    std::string subscription;  // the subscription whose seat it takes
    LicenceState state = LicenceState::Pending;
    SimTime assigned_at = 0;
    SimTime active_at = 0;     // when it becomes (or became) effective
    std::uint64_t serial = 0;  // matches the licences.propagated event
};

// One mail in a person's inbox. Texts are i18n keys + parameters, so both languages can show it.
struct Mail {
    std::string id;  // "mail-0001"
    SimTime received_at = 0;
    std::string from;                                  // sender address as shown
    std::string subject_key;                           // e.g. "mail.approved.subject"
    std::string body_key;                              // e.g. "mail.approved.body"
    nlohmann::json params = nlohmann::json::object();  // never a password
    bool read = false;
};

struct Person {
    Person() = default;
    Person(std::string sign_in_name, std::string name)
        : upn(std::move(sign_in_name)), display_name(std::move(name)) {}

    std::string upn;  // sign-in name, e.g. "anna@verein.onmicrosoft.com"
    std::string display_name;
    std::string id;  // deterministic directory id, "user-0001"
    std::string first_name, last_name;
    PersonKind kind = PersonKind::PaidStaff;  // what the human is to the organisation
    std::string usage_location;               // ISO 3166 alpha-2 ("DE"); empty = not set
    RoleSet roles = 0;
    std::vector<LicenceAssignment> licences;
    bool sign_in_blocked = false;
    bool must_change_password = false;  // "require this user to change their password …"
    bool deleted = false;               // soft-deleted ("Deleted users"); licences freed at once
    SimTime created_at = 0;
    std::vector<Mail> inbox;
    // Other addresses of the person (an old username after a change keeps mail coming; domain-admin.md §4.3).
    std::vector<std::string> aliases;

    bool has_role(Role r) const { return (roles & role_bit(r)) != 0; }
    bool is_admin() const { return roles != 0; }
    const LicenceAssignment* licence(std::string_view sku) const;
};

// [SECTION] Organisation ----------------------------------------------------------------------

// The registration form of the nonprofit portal (domain.md §1.3; field labels are [U]).
struct RegistrationForm {
    std::string legal_name, country, registration_id, address, website, phone;
    std::string org_type;  // "association", "foundation", "charity", … (see Settings::excluded_org_types)
    std::string mission;
    std::string contact_first_name, contact_last_name, contact_email, contact_phone;
    std::string registrant_relationship = "employee";  // "employee" | "volunteer" | "it_provider"
    std::string proof_document;  // e.g. "Freistellungsbescheid.pdf"; empty = none uploaded
    bool attest_eligibility = false;
    bool accept_non_discrimination = false;
    bool accept_terms = false;
};

// What the validator finds out, whatever the form says (set by the scenario; defaults = honest).
struct OrganisationFacts {
    bool legally_recognised = true;          // C3: not a legally recognised nonprofit
    bool registered_by_it_provider = false;  // §1.2: a third-party IT provider filled the form in
};

struct Organisation {
    PortalStatus status = PortalStatus::None;
    RegistrationForm form;
    OrganisationFacts facts;
    std::string registrant;       // UPN of the person who registered (primary admin)
    int submissions = 0;          // guards stale verification events
    int decisions = 0;            // how many verification decisions were made
    std::string decision_reason;  // last decline / information-request reason code
    SimTime submitted_at = -1, decided_at = -1, approved_at = -1, reverification_due_at = -1;
    // With Settings::verification_total_delay: when the running verification's final decision is due
    // (first submit + the drawn total); -1 = no total (and absent from the canonical JSON).
    SimTime verification_deadline = -1;
};

// [SECTION] Tenant, billing -------------------------------------------------------------------

struct Tenant {
    bool exists = false;
    std::string name;            // "verein"
    std::string initial_domain;  // "verein.onmicrosoft.com" (immutable)
    bool nonprofit_tagged = false;
    bool security_defaults = true;
};

struct PaymentMethod {
    std::string id;     // "pm-0001"
    std::string kind;   // "card" | "invoice"
    std::string label;  // "Visa •••• 4242" — never a full card number
};

struct BillingAccount {
    BillingAccountStatus status = BillingAccountStatus::NotReviewed;
    std::vector<PaymentMethod> payment_methods;
};

struct Subscription {
    std::string id;  // "sub-0001"
    std::string sku;
    int quantity = 0;
    int assigned = 0;
    SubscriptionStatus status = SubscriptionStatus::Active;
    std::string term = "P1M";                   // "P1M" | "P1Y"
    std::string billing_frequency = "monthly";  // "monthly" | "annual"
    std::int64_t price_cents_each = 0;          // per user per month
    SimTime purchased_at = 0;
    SimTime renewal_at = 0;
    std::string channel = "Direct";
    std::string payment_method;  // id, empty for $0 orders without one
    // The lifecycle (sim/subscriptions.hpp); each in the canonical JSON only when not the default.
    bool recurring_billing = true;  // domain-admin.md §1.3: on by default
    SimTime state_since = -1;       // when it became Expired / Disabled / Deleted (or was reactivated)
    std::string converted_from;     // the retired grant it replaced at renewal (July 2025 change)
    // Licence counts (domain-admin.md §1.4, C32): the total planned for the next renewal (0 = none), the
    // last mid-term purchase (it opens a new removal window; -1 = none) and a pending credit check.
    int scheduled_quantity = 0;
    SimTime licences_added_at = -1;
    bool credit_check_pending = false;

    int available() const { return quantity - assigned; }
};

// A granted or discounted licence held by someone the programme does not entitle (domain.md §1.2).
struct ComplianceViolation {
    std::string id;    // "cv-0001"
    std::string rule;  // "grant_not_entitled" | "discount_not_entitled"
    std::string upn, sku;
    PersonKind kind = PersonKind::Volunteer;
    SimTime at = 0;
    SimTime resolved_at = -1;  // when the licence was removed; -1 = open
};

// A text the scenario brings along ("texts": {"key": {"en": …, "de": …}}), for mails and messages
// whose key is not one of the shipped texts (assets/i18n).
struct ScenarioText {
    std::string en, de;
    bool operator==(const ScenarioText& o) const { return en == o.en && de == o.de; }
};
using ScenarioTexts = std::map<std::string, ScenarioText, std::less<>>;

// An event the start state needs (e.g. a scenario that starts in Pending); see schedule_start_events.
struct StartEvent {
    SimTime at = 0;
    std::string kind;
    nlohmann::json data = nlohmann::json::object();
};

// [SECTION] World -----------------------------------------------------------------------------

struct World {
    std::vector<Person> people;  // never erased: deleted users are flagged, so indices stay valid
    Organisation organisation;
    Tenant tenant;
    BillingAccount billing;
    std::vector<Subscription> subscriptions;
    std::vector<ComplianceViolation> violations;
    Catalog catalog;
    Settings settings;
    std::vector<StartEvent> start_events;
    bool start_events_scheduled = false;
    ScenarioTexts texts;        // the scenario's own texts (absent from the canonical JSON when empty)
    DomainsState domains;       // Settings > Domains and the DNS host (absent from the JSON when empty)
    IdentityState identity;     // sign-in, MFA, tenant recovery (absent from the JSON when empty)
    TeamsState teams;           // Teams, groups, guest access, apps & services (absent when empty)
    SupportState support;       // support requests, replies, Junk Email (sim/support.hpp; absent when empty)
    std::uint64_t next_id = 1;  // one counter for every id the world hands out (deterministic)

    // Invoices and the renewal bookkeeping of sim/subscriptions.hpp (absent from the JSON when empty).
    SubscriptionsState billing_history;
    // Other tenants of the organisation, which holds the nonprofit status (sim/tenants.hpp; absent if empty).
    TenantsState tenants;
    // Activity per person and the 85 % rule of sim/usage.hpp (absent from the JSON when empty).
    UsageState usage;
    // The re-verification's lapse and the catalog edition by date (sim/programme.hpp; absent when empty).
    ProgrammeState programme;

    Person* find_person(std::string_view upn);  // nullptr if unknown (deleted people included)
    const Person* find_person(std::string_view upn) const;
    Person& add_person(Person p);  // appends and indexes
    Subscription* find_subscription(std::string_view id);
    std::string make_id(const char* prefix);  // "user-0001", "sub-0002", …

    // A lookup cache, not state: rebuilt when it disagrees with `people`.
    mutable std::unordered_map<std::string, std::size_t> person_index_cache;
};

// The canonical form of the world. People appear as compact records (person_record), so a world of
// 10,000 people hashes in milliseconds; to_json(Person) is the readable form for displays and tools.
nlohmann::json to_json(const World& w);
nlohmann::json to_json(const Person& p);
nlohmann::json to_json(const RegistrationForm& f);  // the portal form, as portal.submit_registration sends it
// "p1|upn|display name|id|…": every field of a person in a fixed order; '|' and backslashes in values are
// escaped.
std::string person_record(const Person& p);
// The exact inverse of to_json(World): to_json(w2) == j after world_from_json(j, w2). False and a
// "/pointer: message" error when `j` is not such a document (a snapshot scenario's "start"/"world").
bool world_from_json(const nlohmann::json& j, World& out, std::string& error);

// Builds the start world from the scenario's "start" object (organisation + portal status, tenant,
// people with kind/usage_location/roles/licences, subscriptions, mail) and "settings"/"delays"
// objects; appends errors, never throws.
// With "start": {"world": <to_json(World)>} (a snapshot) the world is read as it is, catalog and settings
// included; other start-state keys and top-level "settings"/"delays" are then errors.
bool world_from_scenario(const nlohmann::json& scenario_root, const Catalog& catalog, World& out,
                         std::vector<StartStateError>& errors);
// The "start"/"events" array, [{"in_ms", "kind", "data"}]: events scheduled when the simulation starts
// (a snapshot's pending background events). Empty when absent.
bool start_events_from_scenario(const nlohmann::json& scenario_root, std::vector<StartEvent>& out,
                                std::vector<StartStateError>& errors);

// [SECTION] Queries shared by the areas -------------------------------------------------------

bool is_usable(const Person* p);  // exists, not deleted
// Seats of `sku` in active subscriptions: total and assigned (Billing > Licenses sums them).
struct SeatCount {
    int total = 0;
    int assigned = 0;
    int available() const { return total - assigned; }
};
SeatCount seats_of(const World& w, std::string_view sku);
// The catalog's Nonprofit Portal product (the $0 licence that gates the portal), or nullptr.
const Product* portal_product(const Catalog& c);
// Adds the $0 Nonprofit Portal subscription a registration creates (its seats from the settings)
// and returns it; purchase and renewal dates are the caller's.
Subscription& add_portal_subscription(World& w, const Product& portal);
// Seats across all Business plans (the 300-seat cap of domain.md §2.1).
int business_seats(const World& w);
// Sim time `months` calendar months after `t`, same local time of day (day clamped to the month's end).
SimTime add_months(const Calendar& cal, SimTime t, int months);

}  // namespace sim
