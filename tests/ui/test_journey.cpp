// tests/ui/test_journey.cpp — the seed article's whole journey, end to end, by clicking only, in
// English and in German: a fresh world (scenarios/full-journey.json) → the Nonprofit portal in the
// left switcher → Register → the registration form → Pending → skip ahead → Approved → Offers →
// "Get started" / "Kaufen" → the admin center's Purchase services (nothing bought) → the Business
// Premium donation, 10 licences, a payment method, Place order → Users > Active users > Add a user
// (Max Muster, usage location Germany) → assign the donation (pending; in English from Billing >
// Licenses, in German from the user pane) → skip ahead (active) → My Account as Max shows
// "Install Office". The world is checked after each step.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/shell.hpp"
#include "sim/billing.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kAnna = "anna@tsvmuster.onmicrosoft.com";
constexpr const char* kMax = "max@tsvmuster.onmicrosoft.com";
constexpr const char* kDonation = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";

// What the trainee reads on the way, per language (the real labels of the seed article).
struct Labels {
    const char* lang;
    const char* portal;       // the left switcher's entry
    const char* register_;    // the portal's Register button
    const char* in_review;    // the status while verification runs
    const char* approved;     // "Approved" / "Genehmigt"
    const char* get_started;  // the Microsoft 365 offer's button: "Get started" / "Kaufen"
    const char* add_user;     // Active users' command bar
    const char* germany;      // the usage location
    const char* install;      // My Account's button
    bool from_user_pane;      // assign the licence in the user pane (else in Billing > Licenses)
};

constexpr Labels kEnglish{"en",          "Nonprofit portal", "Register", "In review",      "Approved",
                          "Get started", "Add a user",       "Germany",  "Install Office", false};
constexpr Labels kGerman{"de",     "Nonprofit-Portal",    "Registrieren", "In Prüfung",          "Genehmigt",
                         "Kaufen", "Benutzer hinzufügen", "Deutschland",  "Office installieren", true};

// The app loop in miniature on a tall display, so the long registration form fits without scrolling.
struct JourneyUi {
    app::test::UiDriver ui;
    app::Shell shell;

    explicit JourneyUi(const std::string& lang)
        : ui(ImVec2(1400, 2600)), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json"));
        app::test::run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    const std::string& screen() const { return shell.ui().screen; }
    const sim::Person* person(const std::string& upn) const { return world().find_person(upn); }

    // A click, then one frame so what it changed is drawn.
    void click(const std::string& id) {
        INFO("click " << id);
        REQUIRE(ui.click(id));
        ui.frame();
    }
    // Clicks into a field, selects what is there and types over it.
    void fill(const std::string& id, const std::string& text) {
        INFO("fill " << id);
        REQUIRE(ui.click(id));
        ui.press(ImGuiKey_A, true);
        ui.type(text);
    }
    // The visible label of the item with this stable id ("" when it is not drawn).
    std::string label_of(const std::string& id) const {
        const app::widgets::ItemInfo* item = ui.find(id);
        return item ? app::test::UiDriver::visible_part(item->label) : std::string();
    }
    // The top bar's "skip to next event" until no action is in flight; then the views react.
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
    int donations() const {
        int n = 0;
        for (const sim::Subscription& s : world().subscriptions) n += s.sku == kDonation ? 1 : 0;
        return n;
    }
};

void journey(const Labels& x) {
    JourneyUi t(x.lang);
    // A fresh world: no tenant, no organisation, nobody signed in.
    REQUIRE_FALSE(t.world().tenant.exists);
    CHECK(t.world().organisation.status == sim::PortalStatus::None);
    CHECK(t.world().subscriptions.empty());

    // 1. The left switcher: Nonprofit portal.
    CHECK(t.label_of("###surface_portal") == x.portal);
    t.click("###surface_portal");
    t.ui.frame();
    CHECK(t.screen() == "portal.home");

    // 2. Register: tenant, name, username, country, password → the tenant and its first Global Administrator.
    CHECK(t.label_of("###home_register") == x.register_);
    t.click("###home_register");
    CHECK(t.screen() == "portal.register");
    t.fill("###reg_tenant", "tsvmuster");
    t.fill("###reg_first_name", "Anna");
    t.fill("###reg_last_name", "Schmidt");
    t.fill("###reg_username", "anna");
    t.click("###reg_country");
    t.click("###country_DE");
    t.fill("###reg_password", "Sommer-2025!");
    t.click("###reg_submit");
    t.settle();
    REQUIRE(t.world().tenant.exists);
    CHECK(t.world().tenant.initial_domain == "tsvmuster.onmicrosoft.com");
    REQUIRE(t.person(kAnna) != nullptr);
    CHECK(t.person(kAnna)->has_role(sim::Role::GlobalAdmin));
    CHECK(t.world().organisation.status == sim::PortalStatus::Draft);
    CHECK(t.shell.ui().work_account == kAnna);
    CHECK(t.screen() == "portal.registration");

    // 3. The registration form → Pending ("In review").
    t.click("###reg_eligibility");
    t.click("###reg_non_discrimination");
    t.click("###reg_rel_volunteer");
    t.fill("###reg_legal_name", "TSV Musterstadt e.V.");
    t.click("###reg_country");
    t.click("###country_DE");
    t.fill("###reg_registration_id", "VR 12345");
    t.fill("###reg_address", "Hauptstraße 1, 12345 Musterstadt");
    t.fill("###reg_website", "https://tsv-musterstadt.de");
    t.fill("###reg_phone", "+49 30 1234567");
    t.click("###reg_org_type");
    t.click("###org_type_association");
    t.fill("###reg_mission", "Breitensport für Kinder und Jugendliche in Musterstadt");
    t.fill("###reg_contact_email", "anna@tsv-musterstadt.de");
    t.fill("###reg_proof_document", "Freistellungsbescheid.pdf");
    t.click("###reg_terms");
    t.click("###reg_form_submit");
    t.settle();
    CHECK(t.world().organisation.status == sim::PortalStatus::Pending);
    CHECK(t.world().organisation.form.legal_name == "TSV Musterstadt e.V.");
    CHECK(t.world().organisation.form.country == "DE");
    CHECK(t.world().organisation.form.registrant_relationship == "volunteer");
    CHECK(t.screen() == "portal.status");
    CHECK(t.ui.shows(x.in_review));

    // 4. Skip ahead with the top bar's button until the verification is decided: Approved.
    for (int i = 0; i < 10 && t.world().organisation.status == sim::PortalStatus::Pending; ++i)
        t.click("###skip");
    t.ui.frames(2);
    REQUIRE(t.world().organisation.status == sim::PortalStatus::Approved);
    CHECK(t.ui.shows(x.approved));

    // 5. Offers → "Get started" / "Kaufen" → Purchase services in the admin center; nothing is bought.
    t.click("###status_to_offers");
    CHECK(t.screen() == "portal.offers");
    CHECK(t.label_of("###offer_microsoft_365") == x.get_started);
    t.click("###offer_microsoft_365");
    t.settle();
    CHECK(t.screen() == "admin.billing.purchase");
    CHECK(t.donations() == 0);
    CHECK(sim::seats_of(t.world(), kDonation).total == 0);
    CHECK(t.world().billing.payment_methods.empty());

    // 6. The Business Premium donation → 10 licences → a payment method → Place order.
    t.click(std::string("###details_") + kDonation);
    t.fill("###quantity", "10");
    t.ui.frame();
    CHECK(t.shell.view_state().admin.quantity == 10);
    t.click("###buy");
    CHECK(t.ui.shows(t.shell.strings().get("admin.checkout.title")));
    CHECK(t.donations() == 0);
    t.click("###add_payment_method");
    t.fill("###card_last4", "4242");
    t.click("###card_add");
    t.settle();
    REQUIRE(t.world().billing.payment_methods.size() == 1);
    CHECK(t.donations() == 0);
    t.click("###place_order");
    t.settle();
    REQUIRE(t.donations() == 1);
    CHECK(t.world().subscriptions.back().quantity == 10);
    CHECK(t.world().subscriptions.back().status == sim::SubscriptionStatus::Active);
    CHECK(sim::seats_of(t.world(), kDonation).total == 10);
    CHECK(sim::seats_of(t.world(), kDonation).assigned == 0);
    CHECK(t.ui.shows(t.shell.strings().get("admin.confirmation.title")));

    // 7. Users > Active users > Add a user: Max Muster, usage location Germany, through the wizard.
    t.click("###nav_active_users");
    CHECK(t.screen() == "admin.users");
    CHECK(t.label_of("###users_add") == x.add_user);
    t.click("###users_add");
    CHECK(t.screen() == "admin.users.add");
    t.fill("###add_first", "Max");
    t.fill("###add_last", "Muster");
    t.ui.frame();
    CHECK(t.shell.view_state().admin.add.display_name == "Max Muster");
    t.fill("###add_username", "max");
    t.click("###add_next");
    t.click("###add_location");
    CHECK(t.label_of("###loc_DE") == x.germany);
    t.click("###loc_DE");
    t.click("###add_next");  // no licence here: it is assigned from Billing > Licenses below
    t.click("###add_kind");
    t.click("###kind_unpaid_executive");  // a board member: holds a function in the association
    t.click("###add_next");
    CHECK(t.ui.shows("Max Muster"));  // the review
    CHECK(t.ui.shows(x.germany));
    CHECK(t.person(kMax) == nullptr);  // nothing happens before Finish
    t.click("###add_finish");
    t.settle();
    REQUIRE(t.person(kMax) != nullptr);
    CHECK(t.person(kMax)->display_name == "Max Muster");
    CHECK(t.person(kMax)->usage_location == "DE");
    CHECK(t.person(kMax)->licences.empty());
    t.click("###add_close");
    CHECK(t.screen() == "admin.users");
    CHECK(t.ui.find(std::string("###user_") + kMax) != nullptr);

    // 8. Assign the donation to Max → pending: from Billing > Licenses (the article's way) or from
    //    the user pane's "Licenses and apps".
    if (!x.from_user_pane) {
        t.click("###nav_licenses");
        CHECK(t.screen() == "admin.billing.licenses");
        t.click(std::string("###product_") + kDonation);
        t.click("###licenses_assign");
        t.fill("###assign_search", "max");
        t.ui.frame();
        t.click(std::string("###pick_") + kMax);
        t.click("###assign_confirm");
    } else {
        t.click(std::string("###user_") + kMax);
        CHECK(t.screen() == "admin.users.detail");
        t.click("###tab_licences");
        t.click(std::string("###user_lic_") + kDonation);
        t.click("###user_save_licences");
    }
    t.settle();
    REQUIRE(t.person(kMax)->licence(kDonation) != nullptr);
    CHECK(t.person(kMax)->licence(kDonation)->state == sim::LicenceState::Pending);
    CHECK(sim::seats_of(t.world(), kDonation).assigned == 1);

    // 9. Skip ahead until the licence is effective.
    for (int i = 0; i < 50 && t.person(kMax)->licence(kDonation)->state != sim::LicenceState::Active; ++i)
        t.click("###skip");
    t.ui.frames(2);
    CHECK(t.person(kMax)->licence(kDonation)->state == sim::LicenceState::Active);

    // 10. My Account as Max (the address line's person picker): Install Office.
    t.click("###surface_myaccount");
    CHECK(t.screen() == "myaccount.apps");
    t.shell.view_state().instructor.quick_switch = true;  // the instructor's list (else: the sign-in page)
    t.click("###person");
    t.click(std::string("###person_") + kMax);
    t.ui.frame();
    CHECK(t.shell.ui().account_user == kMax);
    CHECK(t.label_of("###install_office") == x.install);
    t.click("###install_office");
    CHECK(t.shell.view_state().account.install_clicked_by == kMax);
    // Anna still holds only the Nonprofit Portal licence: no Office for her (the article's comment).
    CHECK(t.person(kAnna)->licence(kDonation) == nullptr);
}

}  // namespace

TEST_CASE("the seed article's whole journey, end to end by clicking", "[ui][journey]") {
    for (const Labels* x : {&kEnglish, &kGerman}) {
        SECTION(x->lang) {
            journey(*x);
        }
    }
}
