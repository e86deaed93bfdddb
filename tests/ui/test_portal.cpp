// tests/ui/test_portal.cpp — the nonprofit portal, clicked through headless in English and German:
// register → registration form → Pending → Approved → offers → "Get started" / "Kaufen"; inline
// errors of a bad form; every portal, My Account and Mail screen renders in both languages.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "sim/billing.hpp"
#include "sim/mail.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kAdmin = "anna@tsvmuster.onmicrosoft.com";
constexpr const char* kDonation = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";

// The app loop in miniature, on a tall display so the whole registration form is on screen.
struct PortalUi {
    app::test::UiDriver ui;
    app::Shell shell;

    explicit PortalUi(const std::string& lang, const std::string& scenario = "full-journey.json")
        : ui(ImVec2(1400, 2600)), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + scenario));
        app::test::run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    // Clicks into a field and types into it.
    void fill(const std::string& id, const std::string& text) {
        REQUIRE(ui.click(id));
        ui.type(text);
    }
    // Skips simulated time (the top bar's button) until no action is in flight, then lets the views react.
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
};

void fill_good_form(PortalUi& t) {
    REQUIRE(t.ui.click("###reg_eligibility"));
    REQUIRE(t.ui.click("###reg_non_discrimination"));
    REQUIRE(t.ui.click("###reg_rel_volunteer"));
    t.fill("###reg_legal_name", "TSV Musterstadt e.V.");
    t.fill("###reg_registration_id", "VR 12345");
    t.fill("###reg_address", "Hauptstraße 1, 12345 Musterstadt");
    t.fill("###reg_website", "https://tsv-musterstadt.de");
    t.fill("###reg_phone", "+49 30 1234567");
    REQUIRE(t.ui.click("###reg_org_type"));
    REQUIRE(t.ui.click("###org_type_association"));
    t.fill("###reg_mission", "Breitensport für Kinder und Jugendliche in Musterstadt");
    t.fill("###reg_contact_email", "anna@tsv-musterstadt.de");
    t.fill("###reg_proof_document", "Freistellungsbescheid.pdf");
    REQUIRE(t.ui.click("###reg_terms"));
}

struct Texts {
    const char* in_review;
    const char* approved;
    const char* get_started;
    const char* required_legal_name;
    const char* no_office;
};

void seed_article_journey(const std::string& lang, const Texts& x) {
    PortalUi t(lang);
    REQUIRE(t.shell.show_screen("portal.home"));
    t.ui.frames(2);
    CHECK(t.shell.ui().screen == "portal.home");

    // Register: the tenant and the first Global Administrator, signed in once created.
    REQUIRE(t.ui.click("###home_register"));
    CHECK(t.shell.ui().screen == "portal.register");
    t.fill("###reg_tenant", "tsvmuster");
    t.fill("###reg_first_name", "Anna");
    t.fill("###reg_last_name", "Schmidt");
    t.fill("###reg_username", "anna");
    t.fill("###reg_password", "Sommer-2025!");
    REQUIRE(t.ui.click("###reg_submit"));
    CHECK(t.shell.view_state().portal.reg_password.empty());  // never kept after submit
    t.settle();
    REQUIRE(t.world().tenant.exists);
    CHECK(t.world().tenant.initial_domain == "tsvmuster.onmicrosoft.com");
    REQUIRE(t.world().find_person(kAdmin) != nullptr);
    CHECK(t.world().find_person(kAdmin)->has_role(sim::Role::GlobalAdmin));
    CHECK(t.shell.ui().work_account == kAdmin);
    CHECK(t.shell.ui().screen == "portal.registration");
    CHECK(t.world().organisation.status == sim::PortalStatus::Draft);

    // A bad form: the errors appear at their fields and nothing is submitted.
    REQUIRE(t.ui.click("###reg_form_submit"));
    t.settle();
    CHECK(t.ui.shows(x.required_legal_name));
    CHECK(t.world().organisation.status == sim::PortalStatus::Draft);

    // The good form → Pending, "In review" with the expected date.
    fill_good_form(t);
    REQUIRE(t.ui.click("###reg_form_submit"));
    t.settle();
    CHECK(t.world().organisation.status == sim::PortalStatus::Pending);
    CHECK(t.world().organisation.form.legal_name == "TSV Musterstadt e.V.");
    CHECK(t.world().organisation.form.registrant_relationship == "volunteer");
    CHECK(t.shell.ui().screen == "portal.status");
    CHECK(t.ui.shows(x.in_review));
    CHECK_FALSE(t.ui.shows(x.required_legal_name));

    // Skip ahead until the verification is decided.
    for (int i = 0; i < 10 && t.world().organisation.status == sim::PortalStatus::Pending; ++i)
        REQUIRE(t.ui.click("###skip"));
    t.ui.frames(2);
    REQUIRE(t.world().organisation.status == sim::PortalStatus::Approved);
    CHECK(t.ui.shows(x.approved));

    // Offers → "Get started" / "Kaufen": leads to Purchase services, nothing bought.
    REQUIRE(t.ui.click("###status_to_offers"));
    t.ui.frames(2);
    CHECK(t.shell.ui().screen == "portal.offers");
    CHECK(t.ui.shows(x.get_started));
    REQUIRE(t.ui.click("###offer_microsoft_365"));
    t.settle();
    const auto handle = t.shell.view_state().actions.at("portal.open_offer");
    REQUIRE(t.shell.simulation()->result(handle).has_value());
    CHECK(t.shell.simulation()->result(handle)->ok);
    CHECK(t.shell.view_state().portal.offer_consumed == handle);
    if (app::find_screen("admin.billing.purchase") != nullptr)
        CHECK(t.shell.ui().screen == "admin.billing.purchase");
    CHECK(sim::seats_of(t.world(), kDonation).total == 0);

    // My Account: approved, only the Nonprofit Portal licence → no Office (C1).
    REQUIRE(t.shell.navigate("myaccount.apps"));
    t.ui.frames(2);
    CHECK(t.shell.ui().account_user == kAdmin);
    CHECK(t.ui.shows(x.no_office));
    CHECK(t.ui.find("###install_office") == nullptr);

    // Mail: the approval mail is listed; opening it marks it read.
    REQUIRE(t.shell.navigate("mail.inbox"));
    t.ui.frames(2);
    const sim::Mail* approval = sim::find_mail(t.world(), kAdmin, "mail.approved.subject");
    REQUIRE(approval != nullptr);
    CHECK_FALSE(approval->read);
    const std::string id = approval->id;
    REQUIRE(t.ui.click("###mail_" + id));
    t.settle();
    approval = sim::find_mail(t.world(), kAdmin, "mail.approved.subject");
    CHECK(approval->read);
    CHECK(t.shell.view_state().mail.selected == id);
}

}  // namespace

TEST_CASE("the seed article's journey by clicking, in English", "[ui][portal][journey]") {
    seed_article_journey(
        "en",
        {"In review", "Approved", "Get started", "This field is required: Legal name of the organisation.",
         "You currently have not been assigned an Office license that includes the Office desktop apps"});
}

TEST_CASE("the seed article's journey by clicking, in German", "[ui][portal][journey]") {
    seed_article_journey(
        "de", {"In Prüfung", "Genehmigt", "Kaufen",
               "Dieses Feld ist erforderlich: Offizieller Name der Organisation.",
               "Ihnen wurde derzeit keine Office-Lizenz zugewiesen, die die Office-Desktop-Apps enthält"});
}

TEST_CASE("a bad registration for a tenant shows the error at its field", "[ui][portal]") {
    PortalUi t("en");
    REQUIRE(t.shell.show_screen("portal.register"));
    t.fill("###reg_tenant", "9bad");
    REQUIRE(t.ui.click("###reg_submit"));
    t.settle();
    CHECK_FALSE(t.world().tenant.exists);
    CHECK(
        t.ui.shows("\"9bad\" can't be used as a domain name: use 3 to 27 lowercase letters and digits, "
                   "starting with a letter."));
    CHECK(t.shell.ui().work_account.empty());
}

TEST_CASE("a person without the Nonprofit Portal licence sees the no-access page", "[ui][portal]") {
    PortalUi t("de", "offers-invisible-without-portal-licence.json");
    REQUIRE(t.shell.show_screen("portal.no_access"));
    t.ui.frames(2);
    CHECK(t.shell.ui().work_account == "jan@tierschutzmuster.onmicrosoft.com");
    CHECK(t.ui.shows("Sie haben keinen Zugriff auf das Nonprofit-Portal"));
    REQUIRE(t.shell.navigate("portal.offers"));
    t.ui.frames(2);
    CHECK(t.ui.find("###offer_microsoft_365") == nullptr);
}

TEST_CASE("declined: fix and re-apply opens the form with what was submitted", "[ui][portal]") {
    PortalUi t("en", "declined-reapply.json");
    REQUIRE(t.shell.show_screen("portal.status"));
    t.ui.frames(2);
    CHECK(t.ui.shows("Declined"));
    REQUIRE(t.ui.click("###status_reapply"));
    t.ui.frames(2);
    CHECK(t.shell.ui().screen == "portal.registration");
    CHECK(t.shell.view_state().portal.legal_name == "TSV Musterdorf 1921 e.V.");
}

TEST_CASE("every portal, My Account and Mail screen renders in both languages", "[ui][portal][screens]") {
    const char* names[] = {"portal.home",   "portal.register",  "portal.registration", "portal.status",
                           "portal.offers", "portal.no_access", "myaccount.apps",      "mail.inbox"};
    for (const char* scenario :
         {"full-journey.json", "verification-information-requested.json", "declined-reapply.json",
          "out-of-seats.json", "business-basic-no-desktop-apps.json"}) {
        for (const char* lang : {"en", "de"}) {
            PortalUi t(lang, scenario);
            for (const char* name : names) {
                INFO(scenario << " " << lang << " " << name);
                REQUIRE(t.shell.show_screen(name));
                t.ui.frames(3);
                for (const app::widgets::ItemInfo& item : t.ui.items()) {
                    const std::string visible = app::test::UiDriver::visible_part(item.label);
                    INFO(visible);
                    for (const char* prefix : {"portal.", "myaccount.", "mail.", "error.", "status."})
                        CHECK(visible.rfind(prefix, 0) == std::string::npos);
                }
            }
        }
    }
}
