// tests/sim/test_journey_seed_article.cpp — the seed article's journey and its reader's comment,
// through actions only (reference/seed-article-de.txt).
#include "journey_fixture.hpp"

#include "sim/billing.hpp"
#include "sim/mail.hpp"
#include "sim/my_account.hpp"
#include "sim/portal.hpp"

using namespace journey_test;
using sim::kDay;
using sim::kMinute;

TEST_CASE("the seed article's journey runs from registration to Office on the desktop", "[sim][journey]") {
    Journey j(world_from(json::object()));

    // Register: the tenant is created, the registrant is Global Administrator with the portal licence.
    json reg = j.ok("portal.register", "", registration());
    CHECK(reg["upn"] == kAdmin);
    CHECK(j.world().tenant.initial_domain == "tsvmuster.onmicrosoft.com");
    CHECK(j.person(kAdmin).has_role(sim::Role::GlobalAdmin));
    REQUIRE(j.person(kAdmin).licence(kPortal) != nullptr);
    CHECK(j.person(kAdmin).licence(kPortal)->state == sim::LicenceState::Active);
    CHECK(j.ok("portal.sign_in", kAdmin)["view"] == "full");

    // Submit the form → Pending, and a confirmation mail.
    j.ok("portal.submit_registration", kAdmin, good_form());
    CHECK(j.world().organisation.status == sim::PortalStatus::Pending);
    CHECK(sim::find_mail(j.world(), kAdmin, "mail.registration_received.subject") != nullptr);
    CHECK(sim::portal_view(j.world(), kAdmin).offers.empty());

    // Fast-forward: verification takes 3–5 business days → Approved, with the real approval mail.
    j.advance(2 * kDay);
    CHECK(j.world().organisation.status == sim::PortalStatus::Pending);
    j.advance(7 * kDay);
    REQUIRE(j.world().organisation.status == sim::PortalStatus::Approved);
    const sim::Mail* approval = sim::find_mail(j.world(), kAdmin, "mail.approved.subject");
    REQUIRE(approval != nullptr);
    CHECK(approval->params["domain"] == "tsvmuster.onmicrosoft.com");
    CHECK(approval->params["username"] == kAdmin);

    // Offers visible; "Kaufen" leads to Purchase services and buys nothing.
    const sim::PortalView view = sim::portal_view(j.world(), kAdmin);
    REQUIRE_FALSE(view.offers.empty());
    CHECK(view.offers.front()->button.de == "Kaufen");
    json opened = j.ok("portal.open_offer", kAdmin, {{"offer", "microsoft_365"}});
    CHECK(opened["target"] == "admin.billing.purchase_services");
    CHECK(sim::seats_of(j.world(), kDonation).total == 0);

    // Buy the Business Premium donation: 10 seats, $0, a payment method on file.
    j.ok("billing.add_payment_method", kAdmin, {{"kind", "card"}, {"card_last4", "4242"}});
    json order =
        j.ok("billing.place_order", kAdmin,
             {{"sku", kDonation}, {"quantity", 10}, {"term", "P1Y"}, {"billing_frequency", "annual"}});
    CHECK(order["total_cents"] == 0);
    CHECK(sim::seats_of(j.world(), kDonation).total == 10);
    CHECK(sim::find_mail(j.world(), kAdmin, "mail.order_confirmation.subject") != nullptr);

    // A user with a usage location, then the licence.
    j.ok("users.add", kAdmin,
         {{"first_name", "Max"},
          {"last_name", "Muster"},
          {"display_name", "Max Muster"},
          {"username", "max"},
          {"password_mode", "auto"},
          {"usage_location", "DE"},
          {"kind", "unpaid_executive"}});
    const std::string max = "max@tsvmuster.onmicrosoft.com";
    CHECK(sim::find_mail(j.world(), max, "mail.welcome.subject") != nullptr);
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"users", {max}}});
    CHECK(sim::seats_of(j.world(), kDonation).assigned == 1);

    // Not effective in the same second ("ein paar Minuten").
    sim::OfficeAppsView before = sim::office_apps_view(j.world(), max);
    CHECK_FALSE(before.desktop_install);
    CHECK(before.licence_pending);
    j.advance(15 * kMinute);
    sim::OfficeAppsView after = sim::office_apps_view(j.world(), max);
    CHECK(after.desktop_install);
    CHECK(after.message_key.empty());
    CHECK(j.world().violations.empty());
}

TEST_CASE("the reader's comment: approved with only the Nonprofit Portal licence means no Office",
          "[sim][journey]") {
    Journey j(world_from(approved_scenario()));
    CHECK(j.ok("portal.sign_in", kAdmin)["status"] == "approved");

    // Michael's case: Genehmigt, the "Non-Profit" licence, but no Office under "Apps und Geräte".
    sim::OfficeAppsView v = sim::office_apps_view(j.world(), kAdmin);
    CHECK_FALSE(v.desktop_install);
    CHECK(v.message_key == "myaccount.no_office_licence");

    // The answer: Abrechnung > Dienste kaufen, the free offer, assign it.
    bool listed = false;
    for (const sim::Product* p : sim::purchase_services(j.world())) listed = listed || p->sku == kDonation;
    CHECK(listed);
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 10}});
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", kAdmin}});
    j.advance(15 * kMinute);
    v = sim::office_apps_view(j.world(), kAdmin);
    CHECK(v.desktop_install);
    CHECK(v.skus_with_desktop_apps == std::vector<std::string>{kDonation});
}

TEST_CASE("the same seed and the same actions give the same state hash", "[sim][journey][determinism]") {
    auto run = [](std::uint64_t seed) {
        Journey j(world_from(json::object()), seed);
        j.ok("portal.register", "", registration());
        j.ok("portal.submit_registration", kAdmin, good_form());
        j.advance(10 * kDay);
        return std::make_pair(j.sim.state_hash(), j.world().organisation.decided_at);
    };
    CHECK(run(11) == run(11));
    CHECK(run(11).first != run(12).first);
}

TEST_CASE("no password reaches the world, the mail or the journal", "[sim][journey][secrets]") {
    Journey j(world_from(json::object()));
    json reg = registration();
    reg["password"] = "Geheim-Passwort-123";
    j.ok("portal.register", "", reg);
    j.ok("portal.submit_registration", kAdmin, good_form());
    j.ok("users.add", kAdmin,
         {{"display_name", "Max"},
          {"username", "max"},
          {"password_mode", "own"},
          {"password", "Zweites-Geheimnis-9"}});
    const std::string state = j.sim.state_json().dump();
    const std::string journal = j.sim.journal().to_jsonl();
    for (const char* secret : {"Geheim-Passwort-123", "Zweites-Geheimnis-9"}) {
        CHECK(state.find(secret) == std::string::npos);
        CHECK(journal.find(secret) == std::string::npos);
    }
}
