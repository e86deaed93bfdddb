// sim/portal.cpp — the nonprofit portal (domain.md §1): tenant creation, the registration form and
// its per-field validation, verification by rules (or forced by the settings), information
// requests, annual re-verification and the offers page.
//
// Index:
//   [SECTION] Views and rules      portal_view, decide_by_rules
//   [SECTION] Verification         scheduling and the decision event
//   [SECTION] Operations           register, sign_in, submit_registration, answer, reverify, open_offer
//   [SECTION] Registration
#include "sim/portal.hpp"

#include <algorithm>

#include "sim/journey.hpp"
#include "sim/programme.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Views and rules -------------------------------------------------------------------

const char* to_string(PortalAccess a) {
    switch (a) {
        case PortalAccess::NoAccount:
            return "no_account";
        case PortalAccess::Blocked:
            return "blocked";
        case PortalAccess::NoLicence:
            return "no_licence";
        case PortalAccess::Reduced:
            return "reduced";
        default:
            return "full";
    }
}

const std::vector<std::string>& known_org_types() {
    static const std::vector<std::string> kTypes = {
        "association",        "foundation",    "charity",         "religious", "ngo",
        "public_library",     "public_museum", "government",      "school",    "university",
        "hospital",           "healthcare",    "political_party", "union",     "trade_association",
        "professional_sports"};
    return kTypes;
}

static bool has_active_portal_licence(const World& w, const Person& p) {
    for (const auto& l : p.licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (prod != nullptr && prod->portal_access && l.state == LicenceState::Active) return true;
    }
    return false;
}

PortalView portal_view(const World& w, std::string_view upn) {
    PortalView v;
    const Person* p = w.find_person(upn);
    if (!is_usable(p)) {
        v.message_key = "portal.view.no_account";
        return v;
    }
    if (p->sign_in_blocked) {
        v.access = PortalAccess::Blocked;
        v.message_key = "portal.view.blocked";
        return v;
    }
    v.status = w.organisation.status;
    if (!has_active_portal_licence(w, *p)) {
        v.access = PortalAccess::NoLicence;
        v.message_key = "portal.view.no_licence";
        return v;
    }
    const bool full = !w.settings.portal_full_view_requires_global_admin || p->has_role(Role::GlobalAdmin);
    v.access = full ? PortalAccess::Full : PortalAccess::Reduced;
    v.status_visible = full || w.settings.reduced_view_shows_status;
    if (!full) {
        v.message_key = "portal.view.reduced";
        return v;
    }
    if (!eligibility_current(w)) {  // Approved (or, with the re-verification lifecycle, not yet lapsed)
        v.message_key = "portal.view.not_approved";
        return v;
    }
    for (const auto& o : w.catalog.offers) v.offers.push_back(&o);
    return v;
}

VerificationDecision decide_by_rules(const World& w) {
    const Organisation& o = w.organisation;
    const auto& excluded = w.settings.excluded_org_types;
    if (o.facts.registered_by_it_provider) return {"declined", "third_party_registration"};
    if (std::find(excluded.begin(), excluded.end(), o.form.org_type) != excluded.end())
        return {"declined", "excluded_org_type"};
    if (!o.facts.legally_recognised) return {"declined", "not_recognised"};
    if (o.form.registration_id.empty()) return {"info_requested", "missing_registration_id"};
    if (o.form.proof_document.empty()) return {"info_requested", "missing_proof"};
    return {"approved", ""};
}

// [SECTION] Verification ----------------------------------------------------------------------

// Which decision of a verification is being scheduled: the first one after a submit (a new
// verification: submit_registration, reverify, a start state in Pending), or the one after the
// organisation answered an information request.
enum class VerificationStep { First, AfterInformation };

// When the next decision is due (docs/reference/start-state.md, "Delays"). Without the per-step keys
// this is one draw of verification_delay from the "delays" stream, as it always was. A first decision
// draws its step delay (verification_first_decision, else verification), then the total when one is
// set: the deadline is the submit + the total, and no decision of this verification comes later than
// it. After an answer the step delay (verification_after_information, else verification) is drawn, and
// capped at the deadline; with a total but no verification_after_information delay the decision comes
// exactly at the deadline. An answer at or after the deadline gets its step delay from the answer.
static SimTime verification_due(Context& ctx, VerificationStep step) {
    World& w = ctx.world();
    const Settings& s = w.settings;
    Organisation& o = w.organisation;
    Rng& rng = ctx.rng("delays");
    const SimTime now = ctx.now();
    if (step == VerificationStep::First) {
        const Delay& d = s.verification_first_decision_delay.value_or(s.verification_delay);
        const SimTime at = apply_duration(ctx.calendar(), now, d.sample(rng));
        o.verification_deadline = -1;
        if (!s.verification_total_delay) return at;
        o.verification_deadline =
            apply_duration(ctx.calendar(), now, s.verification_total_delay->sample(rng));
        return std::min(at, o.verification_deadline);
    }
    const SimTime deadline = o.verification_deadline;
    if (deadline > now && !s.verification_after_information_delay) return deadline;
    const Delay& d = s.verification_after_information_delay.value_or(s.verification_delay);
    const SimTime at = apply_duration(ctx.calendar(), now, d.sample(rng));
    return deadline > now ? std::min(at, deadline) : at;
}

static void start_verification(Context& ctx, VerificationStep step = VerificationStep::First) {
    const SimTime at = verification_due(ctx, step);
    ctx.schedule_at(at, "portal.verification_finished",
                    {{"submission", ctx.world().organisation.submissions}});
}

static Person* portal_contact(World& w) {
    Person* p = w.find_person(w.organisation.registrant);
    return is_usable(p) ? p : nullptr;
}

// Mails go to the registrant, or to every Global Administrator when the registrant is gone.
static void mail_organisation(World& w, SimTime now, const char* from, const std::string& key,
                              const json& params, const std::string& body_key = {}) {
    if (Person* p = portal_contact(w))
        send_mail(w, now, *p, from, key, params, body_key);
    else
        send_mail_to_roles(w, now, role_bit(Role::GlobalAdmin), from, key, params, body_key);
}

static json org_mail_params(const World& w) {
    return {{"organisation", w.organisation.form.legal_name},
            {"username", w.organisation.registrant},
            {"domain", w.tenant.initial_domain}};
}

static void schedule_reverification(Context& ctx) {
    World& w = ctx.world();
    Organisation& o = w.organisation;
    o.reverification_due_at = add_months(ctx.calendar(), o.approved_at, w.settings.reverification_months);
    // The re-verification lifecycle (sim/programme.hpp): a reminder before the due date. One already past
    // (a start state approved long ago) arrives at once, dated when it was sent.
    if (const auto reminder = reverification_reminder_at(w))
        ctx.schedule_at(std::max(*reminder, ctx.now()), "portal.reverification_reminder",
                        {{"approved_at", o.approved_at}});
    ctx.schedule_at(std::max(o.reverification_due_at, ctx.now()), "portal.reverification_due",
                    {{"approved_at", o.approved_at}});
}

// With the lifecycle: the lapse after the grace period (a past one at once).
static void schedule_reverification_lapse(Context& ctx) {
    const World& w = ctx.world();
    if (const auto lapse = reverification_lapse_at(w))
        ctx.schedule_at(std::max(*lapse, ctx.now()), "portal.reverification_lapse",
                        {{"approved_at", w.organisation.approved_at}});
}

// The lifecycle's mails are dated when they were due: a start state's past mails keep their dates.
static SimTime rv_mail_time(Context& ctx, SimTime at) {
    return ctx.world().settings.reverification_lifecycle ? std::min(at, ctx.now()) : ctx.now();
}

static void on_verification_finished(Context& ctx, const json& data) {
    World& w = ctx.world();
    Organisation& o = w.organisation;
    if (o.status != PortalStatus::Pending || data.value("submission", -1) != o.submissions) return;  // stale
    VerificationDecision d;
    const auto& forced = w.settings.verification_outcomes;
    if (o.decisions < static_cast<int>(forced.size())) {
        d.outcome = forced[static_cast<std::size_t>(o.decisions)];
        d.reason = d.outcome == "declined"         ? "not_eligible"
                   : d.outcome == "info_requested" ? "documents_unclear"
                                                   : "";
    } else {
        d = decide_by_rules(w);
    }
    ++o.decisions;
    o.decided_at = ctx.now();
    w.programme.reverifying = false;
    o.decision_reason = d.reason;
    if (d.outcome != "info_requested") o.verification_deadline = -1;  // this verification is over
    json params = org_mail_params(w);
    if (d.outcome == "approved") {
        o.status = PortalStatus::Approved;
        o.approved_at = ctx.now();
        w.tenant.nonprofit_tagged = true;
        w.programme.lapsed = false;  // a re-verification approved lifts the lapse (sim/programme.hpp)
        mail_organisation(w, ctx.now(), kPortalSender, "mail.approved", params);
        schedule_reverification(ctx);
    } else if (d.outcome == "info_requested") {
        o.status = PortalStatus::InfoRequested;
        mail_organisation(w, ctx.now(), kValidatorSender, "mail.information_requested", params,
                          "mail.information_requested.body." + d.reason);
    } else {
        o.status = PortalStatus::Declined;
        w.tenant.nonprofit_tagged = false;
        params["org_type"] = o.form.org_type;
        mail_organisation(w, ctx.now(), kPortalSender, "mail.declined", params,
                          "mail.declined.body." + d.reason);
    }
}

static void on_reverification_due(Context& ctx, const json& data) {
    World& w = ctx.world();
    Organisation& o = w.organisation;
    if (o.status != PortalStatus::Approved || data.value("approved_at", SimTime{-1}) != o.approved_at) return;
    o.status = PortalStatus::ReverifyRequired;
    mail_organisation(w, rv_mail_time(ctx, o.reverification_due_at), kPortalSender, "mail.reverification_due",
                      org_mail_params(w));
    schedule_reverification_lapse(ctx);
}

static void on_reverification_reminder(Context& ctx, const json& data) {
    World& w = ctx.world();
    const Organisation& o = w.organisation;
    if (o.status != PortalStatus::Approved || data.value("approved_at", SimTime{-1}) != o.approved_at) return;
    json params = org_mail_params(w);
    params["date"] = format_date(ctx.calendar().local(o.reverification_due_at).date);
    mail_organisation(w, rv_mail_time(ctx, reverification_reminder_at(w).value_or(ctx.now())), kPortalSender,
                      "mail.reverification_reminder", params);
}

// The grace period is over and nobody re-verified: the eligibility lapses (offers gone, grants do not renew).
static void on_reverification_lapse(Context& ctx, const json& data) {
    World& w = ctx.world();
    const Organisation& o = w.organisation;
    if (o.status != PortalStatus::ReverifyRequired || w.programme.lapsed ||
        data.value("approved_at", SimTime{-1}) != o.approved_at)
        return;
    w.programme.lapsed = true;
    w.programme.lapsed_at = ctx.now();
    mail_organisation(w, rv_mail_time(ctx, reverification_lapse_at(w).value_or(ctx.now())), kPortalSender,
                      "mail.reverification_expired", org_mail_params(w));
}

static void on_verification_started(Context& ctx, const json& data) {
    const Organisation& o = ctx.world().organisation;
    if (o.status == PortalStatus::Pending && data.value("submission", -1) == o.submissions)
        start_verification(ctx);
}

static void on_reverification_scheduled(Context& ctx, const json&) {
    World& w = ctx.world();
    Organisation& o = w.organisation;
    if (o.status == PortalStatus::Approved) {
        schedule_reverification(ctx);
    } else if (o.status == PortalStatus::ReverifyRequired && w.settings.reverification_lifecycle) {
        // A start in reverify_required: due when the approval's year ended, lapsing after the grace.
        o.reverification_due_at = add_months(ctx.calendar(), o.approved_at, w.settings.reverification_months);
        schedule_reverification_lapse(ctx);
    }
}

// [SECTION] Registration ----------------------------------------------------------------------

static bool is_tenant_name(std::string_view s) {
    if (s.size() < 3 || s.size() > 27 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

static ActionResult password_result(const Action& a) {
    const std::string check = a.arg<std::string>("password_check", "");
    if (check.empty()) return ActionResult::failure("portal.field_required", {{"field", "password"}});
    if (check != "ok") return ActionResult::failure(check);
    return ActionResult::success();
}

// Creates the portal licence's subscription and gives `p` the licence (active at once, §1.7).
static void give_portal_licence(Context& ctx, Person& p) {
    World& w = ctx.world();
    const Product* portal = portal_product(w.catalog);
    if (portal == nullptr || p.licence(portal->sku) != nullptr) return;
    if (seats_of(w, portal->sku).total == 0) {
        Subscription& s = add_portal_subscription(w, *portal);
        s.purchased_at = ctx.now();
        s.renewal_at = add_months(ctx.calendar(), ctx.now(), 12);
    }
    grant_licence(ctx, p, *portal, /*active_now=*/true);
}

static ActionResult op_register(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const std::string tenant = a.arg<std::string>("tenant_name", "");
    const std::string first = a.arg<std::string>("first_name", ""),
                      last = a.arg<std::string>("last_name", "");
    const std::string username = a.arg<std::string>("username", "");
    const std::string country = a.arg<std::string>("country", "");
    if (w.tenant.exists)
        return ActionResult::failure("portal.tenant_exists", {{"domain", w.tenant.initial_domain}});
    if (tenant.empty()) return ActionResult::failure("portal.field_required", {{"field", "tenant_name"}});
    if (!is_tenant_name(tenant))
        return ActionResult::failure("portal.invalid_tenant_name", {{"name", tenant}});
    if (first.empty()) return ActionResult::failure("portal.field_required", {{"field", "first_name"}});
    if (last.empty()) return ActionResult::failure("portal.field_required", {{"field", "last_name"}});
    if (username.empty()) return ActionResult::failure("portal.field_required", {{"field", "username"}});
    if (!is_username(username))
        return ActionResult::failure("portal.invalid_username", {{"username", username}});
    if (country.empty()) return ActionResult::failure("portal.field_required", {{"field", "country"}});
    if (!is_country_code(country))
        return ActionResult::failure("portal.invalid_country", {{"field", "country"}});
    PersonKind kind = PersonKind::PaidStaff;
    if (!parse_person_kind(a.arg<std::string>("kind", "paid_staff"), kind))
        return ActionResult::failure("portal.invalid_kind", {{"kind", a.arg<std::string>("kind", "")}});
    ActionResult pw = password_result(a);
    if (!pw.ok) return pw;

    w.tenant.exists = true;
    w.tenant.name = tenant;
    w.tenant.initial_domain = tenant + ".onmicrosoft.com";
    Person p;
    p.upn = username + "@" + w.tenant.initial_domain;
    p.first_name = first;
    p.last_name = last;
    p.display_name = first + " " + last;
    p.id = w.make_id("user");
    p.kind = kind;
    p.usage_location = country;  // the sign-up's country becomes the usage location
    p.roles = role_bit(Role::GlobalAdmin);
    p.created_at = ctx.now();
    Person& added = w.add_person(std::move(p));
    const std::string upn = added.upn;
    w.organisation.status = PortalStatus::Draft;
    w.organisation.registrant = upn;
    w.organisation.form.country = country;
    give_portal_licence(ctx, *w.find_person(upn));
    return ActionResult::success({{"upn", upn}, {"domain", w.tenant.initial_domain}});
}

static ActionResult op_sign_in(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* p = require_actor(w, a, fail);
    if (p == nullptr) return fail;
    // An existing (commercial) tenant signs in for the first time: its Global Administrator becomes
    // the registrant and gets the portal licence (domain.md §1.3 step 1).
    if (w.organisation.status == PortalStatus::None) {
        if (!p->has_role(Role::GlobalAdmin)) return ActionResult::failure("portal.global_admin_required");
        w.organisation.status = PortalStatus::Draft;
        w.organisation.registrant = p->upn;
        give_portal_licence(ctx, *p);
    }
    const PortalView v = portal_view(w, a.actor);
    if (v.access == PortalAccess::NoLicence) return ActionResult::failure("portal.no_portal_licence");
    json data{{"view", to_string(v.access)}};
    if (v.status_visible) data["status"] = to_string(v.status);
    return ActionResult::success(data);
}

// Validates the form; the first problem is the result's code, all of them are in params["errors"].
static ActionResult validate_form(const RegistrationForm& f) {
    json errors = json::array();
    auto add = [&](const char* code, json params) {
        params["code"] = code;
        errors.push_back(std::move(params));
    };
    const std::pair<const char*, const std::string*> required[] = {
        {"legal_name", &f.legal_name},
        {"country", &f.country},
        {"address", &f.address},
        {"phone", &f.phone},
        {"org_type", &f.org_type},
        {"mission", &f.mission},
        {"contact_first_name", &f.contact_first_name},
        {"contact_last_name", &f.contact_last_name},
        {"contact_email", &f.contact_email}};
    for (const auto& [name, value] : required)
        if (value->empty()) add("portal.field_required", {{"field", name}});
    if (!f.country.empty() && !is_country_code(f.country))
        add("portal.invalid_country", {{"field", "country"}});
    if (!f.website.empty() &&
        (f.website.find(' ') != std::string::npos || f.website.find('.') == std::string::npos))
        add("portal.invalid_website", {{"field", "website"}});
    auto phone_ok = [](const std::string& s) {
        int digits = 0;
        for (char c : s) {
            if (c >= '0' && c <= '9')
                ++digits;
            else if (std::string_view("+-/() ").find(c) == std::string_view::npos)
                return false;
        }
        return digits >= 6;
    };
    if (!f.phone.empty() && !phone_ok(f.phone)) add("portal.invalid_phone", {{"field", "phone"}});
    if (!f.contact_phone.empty() && !phone_ok(f.contact_phone))
        add("portal.invalid_phone", {{"field", "contact_phone"}});
    if (!f.contact_email.empty() && !is_email_address(f.contact_email))
        add("portal.invalid_email", {{"field", "contact_email"}});
    const auto& types = known_org_types();
    if (!f.org_type.empty() && std::find(types.begin(), types.end(), f.org_type) == types.end())
        add("portal.invalid_org_type", {{"field", "org_type"}});
    if (!f.mission.empty() && f.mission.size() < 20)
        add("portal.mission_too_short", {{"field", "mission"}, {"min", 20}});
    if (!f.registration_id.empty() && f.registration_id.size() < 4)
        add("portal.invalid_registration_id", {{"field", "registration_id"}});
    if (f.registrant_relationship == "it_provider")
        add("portal.third_party_registration", {{"field", "registrant_relationship"}});
    else if (f.registrant_relationship != "employee" && f.registrant_relationship != "volunteer")
        add("portal.invalid_relationship", {{"field", "registrant_relationship"}});
    if (!f.attest_eligibility) add("portal.attestation_missing", {{"attestation", "eligibility"}});
    if (!f.accept_non_discrimination)
        add("portal.attestation_missing", {{"attestation", "non_discrimination"}});
    if (!f.accept_terms) add("portal.attestation_missing", {{"attestation", "terms"}});
    if (errors.empty()) return ActionResult::success();
    json first = errors[0];
    const std::string code = first["code"].get<std::string>();
    first.erase("code");
    first["errors"] = std::move(errors);
    return ActionResult::failure(code, first);
}

static RegistrationForm form_from_action(const Action& a, RegistrationForm f) {
    auto s = [&](const char* key, std::string& out) { out = a.arg<std::string>(key, out); };
    s("legal_name", f.legal_name);
    s("country", f.country);
    s("registration_id", f.registration_id);
    s("address", f.address);
    s("website", f.website);
    s("phone", f.phone);
    s("org_type", f.org_type);
    s("mission", f.mission);
    s("contact_first_name", f.contact_first_name);
    s("contact_last_name", f.contact_last_name);
    s("contact_email", f.contact_email);
    s("contact_phone", f.contact_phone);
    s("registrant_relationship", f.registrant_relationship);
    s("proof_document", f.proof_document);
    f.attest_eligibility = a.arg<bool>("attest_eligibility", false);
    f.accept_non_discrimination = a.arg<bool>("accept_non_discrimination", false);
    f.accept_terms = a.arg<bool>("accept_terms", false);
    return f;
}

// The portal's full view is needed to work on the registration and the offers.
static ActionResult require_full_view(World& w, const Action& a) {
    ActionResult fail;
    if (require_actor(w, a, fail) == nullptr) return fail;
    const PortalView v = portal_view(w, a.actor);
    if (v.access == PortalAccess::NoLicence) return ActionResult::failure("portal.no_portal_licence");
    if (v.access == PortalAccess::Reduced) return ActionResult::failure("portal.global_admin_required");
    return ActionResult::success();
}

static ActionResult op_submit_registration(Context& ctx, const Action& a) {
    World& w = ctx.world();
    if (!w.tenant.exists) return ActionResult::failure("portal.no_tenant");
    ActionResult access = require_full_view(w, a);
    if (!access.ok) return access;
    if (ActionResult linked = registration_blocked_by_other_tenant(w); !linked.ok) return linked;  // C9
    Organisation& o = w.organisation;
    if (o.status != PortalStatus::Draft && o.status != PortalStatus::Declined)
        return ActionResult::failure("portal.registration_not_open", {{"status", to_string(o.status)}});
    const RegistrationForm f = form_from_action(a, RegistrationForm{});
    ActionResult valid = validate_form(f);
    if (!valid.ok) return valid;
    o.form = f;
    o.status = PortalStatus::Pending;
    ++o.submissions;
    o.submitted_at = ctx.now();
    mail_organisation(w, ctx.now(), kPortalSender, "mail.registration_received", org_mail_params(w));
    start_verification(ctx);
    return ActionResult::success({{"status", "pending"}});
}

// Answers an information request (or re-verifies): fills the missing data, back to Pending.
static ActionResult resubmit(Context& ctx, const Action& a, PortalStatus from, const char* wrong_state_code) {
    World& w = ctx.world();
    ActionResult access = require_full_view(w, a);
    if (!access.ok) return access;
    Organisation& o = w.organisation;
    if (o.status != from) return ActionResult::failure(wrong_state_code, {{"status", to_string(o.status)}});
    RegistrationForm f = o.form;
    f.registration_id = a.arg<std::string>("registration_id", f.registration_id);
    f.proof_document = a.arg<std::string>("proof_document", f.proof_document);
    if (f.registration_id.empty())
        return ActionResult::failure("portal.information_incomplete", {{"field", "registration_id"}});
    if (f.registration_id.size() < 4)
        return ActionResult::failure("portal.invalid_registration_id", {{"field", "registration_id"}});
    if (f.proof_document.empty())
        return ActionResult::failure("portal.information_incomplete", {{"field", "proof_document"}});
    o.form = f;
    o.status = PortalStatus::Pending;
    ++o.submissions;
    o.submitted_at = ctx.now();
    start_verification(ctx, from == PortalStatus::InfoRequested ? VerificationStep::AfterInformation
                                                                : VerificationStep::First);
    return ActionResult::success({{"status", "pending"}});
}

static ActionResult op_answer_information_request(Context& ctx, const Action& a) {
    return resubmit(ctx, a, PortalStatus::InfoRequested, "portal.no_information_request");
}

static ActionResult op_reverify(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const bool in_grace = w.settings.reverification_lifecycle && !w.programme.lapsed;
    ActionResult r = resubmit(ctx, a, PortalStatus::ReverifyRequired, "portal.reverification_not_due");
    if (r.ok && in_grace) w.programme.reverifying = true;  // offers stay while it is decided
    return r;
}

// "Get started" / "Kaufen": leads to the admin center's purchase page and buys nothing (§1.8, §3.1).
static ActionResult op_open_offer(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult access = require_full_view(w, a);
    if (!access.ok) return access;
    if (!eligibility_current(w))
        return ActionResult::failure("portal.not_approved", {{"status", to_string(w.organisation.status)}});
    const std::string id = a.arg<std::string>("offer", "");
    const Offer* offer = w.catalog.find_offer(id);
    if (offer == nullptr) return ActionResult::failure("portal.unknown_offer", {{"offer", id}});
    return ActionResult::success(
        {{"offer", offer->id}, {"target", offer->target}, {"products", offer->products}});
}

// [SECTION] Operations ------------------------------------------------------------------------

void register_portal(Registry& r) {
    using T = ArgType;
    r.add(make_operation("portal.register",
                         {{"tenant_name"},
                          {"first_name"},
                          {"last_name"},
                          {"username"},
                          {"country"},
                          {"kind"},
                          {"password", T::String, false, true}},  // secret: journaled as password_check
                         {"portal.tenant_exists", "portal.field_required", "portal.invalid_tenant_name",
                          "portal.invalid_username", "portal.invalid_country", "portal.invalid_kind",
                          "password.too_short", "password.too_weak", "password.too_long"},
                         {}, {}, started<op_register>, nullptr,
                         Delay::uniform(Duration{2 * kSecond, 0}, Duration{6 * kSecond, 0})));
    r.add(make_operation("portal.sign_in", {},
                         {"auth.unknown_account", "auth.sign_in_blocked", "portal.global_admin_required",
                          "portal.no_portal_licence"},
                         {}, {}, started<op_sign_in>));
    r.add(make_operation(
        "portal.submit_registration",
        {{"legal_name"},
         {"country"},
         {"registration_id"},
         {"address"},
         {"website"},
         {"phone"},
         {"org_type"},
         {"mission"},
         {"contact_first_name"},
         {"contact_last_name"},
         {"contact_email"},
         {"contact_phone"},
         {"registrant_relationship"},
         {"proof_document"},
         {"attest_eligibility", T::Boolean},
         {"accept_non_discrimination", T::Boolean},
         {"accept_terms", T::Boolean}},
        {"portal.no_tenant", "auth.unknown_account", "auth.sign_in_blocked", "portal.no_portal_licence",
         "portal.global_admin_required", "portal.already_linked", "portal.registration_not_open",
         "portal.field_required", "portal.invalid_country", "portal.invalid_website", "portal.invalid_phone",
         "portal.invalid_email", "portal.invalid_org_type", "portal.mission_too_short",
         "portal.invalid_registration_id", "portal.third_party_registration", "portal.invalid_relationship",
         "portal.attestation_missing"},
        {"mail.registration_received.subject", "mail.registration_received.body"}, {},
        started<op_submit_registration>));
    r.add(make_operation("portal.answer_information_request", {{"registration_id"}, {"proof_document"}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "portal.no_portal_licence",
                          "portal.global_admin_required", "portal.no_information_request",
                          "portal.information_incomplete", "portal.invalid_registration_id"},
                         {}, {}, started<op_answer_information_request>));
    r.add(make_operation("portal.reverify", {{"registration_id"}, {"proof_document"}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "portal.no_portal_licence",
                          "portal.global_admin_required", "portal.reverification_not_due",
                          "portal.information_incomplete", "portal.invalid_registration_id"},
                         {}, {}, started<op_reverify>));
    r.add(make_operation("portal.open_offer", {{"offer"}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "portal.no_portal_licence",
                          "portal.global_admin_required", "portal.not_approved", "portal.unknown_offer"},
                         {}, {}, started<op_open_offer>));
    r.add_event("portal.verification_finished", started_event<on_verification_finished>);
    r.add_event("portal.reverification_due", started_event<on_reverification_due>);
    r.add_event("portal.verification_started", on_verification_started);
    r.add_event("portal.reverification_scheduled", on_reverification_scheduled);
    r.add_event("portal.reverification_reminder", started_event<on_reverification_reminder>);
    r.add_event("portal.reverification_lapse", started_event<on_reverification_lapse>);
    r.add_event("catalog.edition_changed", on_edition_changed);  // sim/programme.hpp
}

}  // namespace sim
