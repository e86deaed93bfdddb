// tests/sim/test_portal.cpp — the nonprofit portal: registration, form validation, verification
// rules and forced outcomes, information requests, re-verification, access and offers.
#include "journey_fixture.hpp"

#include "sim/mail.hpp"
#include "sim/portal.hpp"

using namespace journey_test;
using sim::kDay;
using sim::PortalStatus;

namespace {

// Registered (Draft) with Anna signed up; `settings` go into the scenario.
Journey registered(json settings = json::object()) {
    Journey j(world_from({{"settings", settings}}));
    j.ok("portal.register", "", registration());
    return j;
}

json form_with(const char* key, json value) {
    json f = good_form();
    if (value.is_null())
        f.erase(key);
    else
        f[key] = value;
    return f;
}

}  // namespace

TEST_CASE("registering creates the tenant and fails on bad sign-up data", "[sim][portal]") {
    Journey j(world_from(json::object()));
    auto with = [](const char* key, json value) {
        json r = registration();
        r[key] = value;
        return r;
    };
    CHECK(j.fails("portal.field_required", "portal.register", "", with("tenant_name", ""))["field"] ==
          "tenant_name");
    j.fails("portal.invalid_tenant_name", "portal.register", "", with("tenant_name", "TSV Muster"));
    CHECK(j.fails("portal.field_required", "portal.register", "", with("last_name", ""))["field"] ==
          "last_name");
    j.fails("portal.invalid_username", "portal.register", "", with("username", "an na"));
    j.fails("portal.invalid_country", "portal.register", "", with("country", "Germany"));
    j.fails("password.too_short", "portal.register", "", with("password", "Ab1!"));
    j.fails("password.too_weak", "portal.register", "", with("password", "alllowercaseletters"));
    CHECK_FALSE(j.world().tenant.exists);
    j.ok("portal.register", "", registration());
    CHECK(j.person(kAdmin).usage_location == "DE");
    CHECK(j.world().organisation.status == PortalStatus::Draft);
    CHECK(j.fails("portal.tenant_exists", "portal.register", "", registration())["domain"] ==
          "tsvmuster.onmicrosoft.com");
}

TEST_CASE("every field of the registration form is validated with its own error", "[sim][portal]") {
    Journey j = registered();
    auto field_of = [&](const char* code, json form) {
        return j.fails(code, "portal.submit_registration", kAdmin, form);
    };
    CHECK(field_of("portal.field_required", form_with("legal_name", nullptr))["field"] == "legal_name");
    CHECK(field_of("portal.field_required", form_with("mission", ""))["field"] == "mission");
    CHECK(field_of("portal.invalid_country", form_with("country", "deu"))["field"] == "country");
    CHECK(field_of("portal.invalid_website", form_with("website", "my site"))["field"] == "website");
    CHECK(field_of("portal.invalid_phone", form_with("phone", "call me"))["field"] == "phone");
    CHECK(field_of("portal.invalid_email", form_with("contact_email", "anna.at.example"))["field"] ==
          "contact_email");
    CHECK(field_of("portal.invalid_org_type", form_with("org_type", "company"))["field"] == "org_type");
    CHECK(field_of("portal.mission_too_short", form_with("mission", "Sport"))["min"] == 20);
    field_of("portal.invalid_registration_id", form_with("registration_id", "12"));
    field_of("portal.invalid_relationship", form_with("registrant_relationship", "friend"));
    field_of("portal.third_party_registration", form_with("registrant_relationship", "it_provider"));
    CHECK(field_of("portal.attestation_missing", form_with("attest_eligibility", false))["attestation"] ==
          "eligibility");
    CHECK(field_of("portal.attestation_missing",
                   form_with("accept_non_discrimination", false))["attestation"] == "non_discrimination");
    CHECK(field_of("portal.attestation_missing", form_with("accept_terms", false))["attestation"] == "terms");
    // All problems are listed for the form, the first one is the result's code.
    json many = field_of("portal.field_required", json{{"accept_terms", true}});
    CHECK(many["errors"].size() >= 10);
    CHECK(j.world().organisation.status == PortalStatus::Draft);
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.fails("portal.registration_not_open", "portal.submit_registration", kAdmin, good_form());
}

TEST_CASE("verification approves an eligible organisation after business days",
          "[sim][portal][verification]") {
    Journey j = registered({{"verification_outcomes", json::array()}});
    j.ok("portal.submit_registration", kAdmin, good_form());
    const sim::SimTime submitted = j.sim.now();
    while (j.world().organisation.status == PortalStatus::Pending) REQUIRE(j.sim.step_to_next_event());
    CHECK(j.world().organisation.status == PortalStatus::Approved);
    const int days = j.sim.calendar().business_days_between(submitted, j.world().organisation.decided_at);
    CHECK(days >= 3);
    CHECK(days <= 5);
    CHECK(j.world().tenant.nonprofit_tagged);
}

TEST_CASE("excluded organisation types are declined, and may apply again", "[sim][portal][verification]") {
    for (const char* type : {"government", "school", "university", "hospital", "political_party", "union",
                             "professional_sports"}) {
        Journey j = registered();
        j.ok("portal.submit_registration", kAdmin, form_with("org_type", type));
        j.advance(30 * kDay);
        INFO(type);
        CHECK(j.world().organisation.status == PortalStatus::Declined);
        CHECK(j.world().organisation.decision_reason == "excluded_org_type");
        const sim::Mail* m = sim::find_mail(j.world(), kAdmin, "mail.declined.subject");
        REQUIRE(m != nullptr);
        CHECK(m->body_key == "mail.declined.body.excluded_org_type");
    }
    Journey j = registered();
    j.ok("portal.submit_registration", kAdmin, form_with("org_type", "school"));
    j.advance(30 * kDay);
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.advance(30 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Approved);
}

TEST_CASE("libraries are eligible unless the settings exclude them", "[sim][portal][verification]") {
    Journey eligible = registered();
    eligible.ok("portal.submit_registration", kAdmin, form_with("org_type", "public_library"));
    eligible.advance(30 * kDay);
    CHECK(eligible.world().organisation.status == PortalStatus::Approved);
    Journey excluded = registered({{"excluded_org_types", {"public_library"}}});
    excluded.ok("portal.submit_registration", kAdmin, form_with("org_type", "public_library"));
    excluded.advance(30 * kDay);
    CHECK(excluded.world().organisation.status == PortalStatus::Declined);
}

TEST_CASE("a third-party IT provider or a not recognised organisation is declined",
          "[sim][portal][verification]") {
    json facts_it{{"registered_by_it_provider", true}};
    json facts_nr{{"legally_recognised", false}};
    for (const auto& [facts, reason] :
         {std::make_pair(facts_it, "third_party_registration"), std::make_pair(facts_nr, "not_recognised")}) {
        Journey j(world_from({{"start",
                               {{"tenant", {{"name", kTenant}}},
                                {"organisation", {{"status", "draft"}, {"facts", facts}}},
                                {"people",
                                 {{{"upn", "anna"},
                                   {"usage_location", "DE"},
                                   {"roles", {"global_admin"}},
                                   {"licences", {kPortal}}}}}}}}));
        j.ok("portal.submit_registration", kAdmin, good_form());
        j.advance(30 * kDay);
        CHECK(j.world().organisation.status == PortalStatus::Declined);
        CHECK(j.world().organisation.decision_reason == reason);
    }
}

TEST_CASE("missing proof asks for information, and answering puts it back to pending",
          "[sim][portal][verification]") {
    Journey j = registered();
    j.ok("portal.submit_registration", kAdmin, form_with("registration_id", nullptr));
    j.fails("portal.no_information_request", "portal.answer_information_request", kAdmin,
            {{"registration_id", "VR 1"}});
    j.advance(30 * kDay);
    REQUIRE(j.world().organisation.status == PortalStatus::InfoRequested);
    const sim::Mail* m = sim::find_mail(j.world(), kAdmin, "mail.information_requested.subject");
    REQUIRE(m != nullptr);
    CHECK(m->from == "microsoftnonprofit@techsoup.org");
    CHECK(m->body_key == "mail.information_requested.body.missing_registration_id");
    CHECK(j.fails("portal.information_incomplete", "portal.answer_information_request", kAdmin)["field"] ==
          "registration_id");
    j.fails("portal.invalid_registration_id", "portal.answer_information_request", kAdmin,
            {{"registration_id", "1"}});
    j.ok("portal.answer_information_request", kAdmin, {{"registration_id", "VR 12345"}});
    CHECK(j.world().organisation.status == PortalStatus::Pending);
    j.advance(30 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Approved);

    Journey proof = registered();
    proof.ok("portal.submit_registration", kAdmin, form_with("proof_document", nullptr));
    proof.advance(30 * kDay);
    CHECK(proof.world().organisation.decision_reason == "missing_proof");
    CHECK(proof.fails("portal.information_incomplete", "portal.answer_information_request",
                      kAdmin)["field"] == "proof_document");
}

TEST_CASE("forced outcomes from the settings are used in order, then the rules decide",
          "[sim][portal][verification]") {
    Journey j = registered({{"verification_outcomes", {"info_requested", "declined"}}});
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.advance(30 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::InfoRequested);
    j.ok("portal.answer_information_request", kAdmin, {{"proof_document", "Satzung.pdf"}});
    j.advance(30 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Declined);
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.advance(30 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Approved);
}

TEST_CASE("re-verification falls due after the validity period", "[sim][portal][reverification]") {
    Journey j = registered({{"reverification_months", 12}});
    j.fails("portal.reverification_not_due", "portal.reverify", kAdmin);
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.advance(30 * kDay);
    REQUIRE(j.world().organisation.status == PortalStatus::Approved);
    j.advance(300 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Approved);
    j.advance(60 * kDay);
    REQUIRE(j.world().organisation.status == PortalStatus::ReverifyRequired);
    CHECK(sim::find_mail(j.world(), kAdmin, "mail.reverification_due.subject") != nullptr);
    CHECK(sim::portal_view(j.world(), kAdmin).offers.empty());
    j.fails("portal.not_approved", "portal.open_offer", kAdmin, {{"offer", "microsoft_365"}});
    j.ok("portal.reverify", kAdmin);
    j.advance(30 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Approved);
}

TEST_CASE("a scenario that starts approved schedules its re-verification", "[sim][portal][reverification]") {
    json s = approved_scenario();
    s["start"]["organisation"]["approved_days_ago"] = 360;
    Journey j(world_from(s));
    j.advance(10 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::ReverifyRequired);
}

TEST_CASE("a scenario that starts pending is decided without any action", "[sim][portal][verification]") {
    json s = approved_scenario();
    s["start"]["organisation"] = {{"status", "pending"}, {"form", good_form()}};
    Journey j(world_from(s));
    j.advance(10 * kDay);
    CHECK(j.world().organisation.status == PortalStatus::Approved);
}

TEST_CASE("portal access needs the licence, the full view also the Global Administrator role",
          "[sim][portal][access]") {
    json people = json::array({{{"upn", "ben"}, {"usage_location", "DE"}, {"licences", {kPortal}}},
                               {{"upn", "cem"}, {"usage_location", "DE"}},
                               {{"upn", "dora"}, {"usage_location", "DE"}, {"sign_in_blocked", true}}});
    Journey j(world_from(approved_scenario(people)));
    const std::string ben = "ben@tsvmuster.onmicrosoft.com", cem = "cem@tsvmuster.onmicrosoft.com";
    json reduced = j.ok("portal.sign_in", ben);
    CHECK(reduced["view"] == "reduced");
    CHECK(reduced["status"] == "approved");  // the reduced view still shows eligibility
    j.fails("portal.global_admin_required", "portal.open_offer", ben, {{"offer", "microsoft_365"}});
    j.fails("portal.no_portal_licence", "portal.sign_in", cem);
    j.fails("auth.sign_in_blocked", "portal.sign_in", "dora@tsvmuster.onmicrosoft.com");
    j.fails("auth.unknown_account", "portal.sign_in", "nobody@tsvmuster.onmicrosoft.com");
    j.fails("portal.unknown_offer", "portal.open_offer", kAdmin, {{"offer", "xbox"}});
    CHECK(sim::portal_view(j.world(), cem).access == sim::PortalAccess::NoLicence);

    // With the [D] setting "licence only", the licence alone gives the full view.
    Journey lic(world_from(approved_scenario(people, {{"portal_full_view_requires_global_admin", false}})));
    CHECK(lic.ok("portal.sign_in", ben)["view"] == "full");
    CHECK_FALSE(sim::portal_view(lic.world(), ben).offers.empty());

    // An assigned portal licence works only after propagation.
    j.ok("licences.assign", kAdmin, {{"sku", kPortal}, {"user", cem}});
    j.fails("portal.no_portal_licence", "portal.sign_in", cem);
    j.advance(20 * sim::kMinute);
    CHECK(j.ok("portal.sign_in", cem)["view"] == "reduced");
}

TEST_CASE("an existing commercial tenant signs in and starts a registration", "[sim][portal]") {
    json people = json::array({{{"upn", "anna"}, {"usage_location", "DE"}, {"roles", {"global_admin"}}},
                               {{"upn", "ben"}, {"usage_location", "DE"}}});
    json start{{"tenant", {{"name", kTenant}}}, {"people", people}};
    Journey j(world_from({{"start", start}}));
    j.fails("portal.global_admin_required", "portal.sign_in", "ben@tsvmuster.onmicrosoft.com");
    CHECK(j.ok("portal.sign_in", kAdmin)["view"] == "full");
    CHECK(j.world().organisation.status == PortalStatus::Draft);
    CHECK(j.person(kAdmin).licence(kPortal) != nullptr);
    j.ok("portal.submit_registration", kAdmin, good_form());
}

TEST_CASE("before the approval the offers page stays empty", "[sim][portal][offers]") {
    Journey j = registered();
    j.fails("portal.not_approved", "portal.open_offer", kAdmin, {{"offer", "microsoft_365"}});
    CHECK(sim::portal_view(j.world(), kAdmin).message_key == "portal.view.not_approved");
}
