// tests/ui/test_admin.cpp — the Microsoft 365 admin center, clicked through headless in English and
// German: Purchase services → the donation → checkout with a new payment method → Place order; the
// add-user wizard's four steps; assigning licences from Licenses and from the user pane (pending →
// active, the usage-location error); sorting, filtering and searching Active users; every admin
// screen renders in both languages.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "sim/data_files.hpp"
#include "sim/scenario.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

using nlohmann::json;

constexpr const char* kAnna = "anna@tsvmuster.onmicrosoft.com";
constexpr const char* kBen = "ben@tsvmuster.onmicrosoft.com";
constexpr const char* kCarla = "carla@tsvmuster.onmicrosoft.com";
constexpr const char* kDonation = "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)";

// An approved association: Anna is Global Administrator; Ben has no usage location; Carla has one.
std::string scenario_text(bool with_subscription) {
    json people =
        json::array({{{"upn", "anna"},
                      {"first_name", "Anna"},
                      {"last_name", "Schmidt"},
                      {"usage_location", "DE"},
                      {"roles", {"global_admin"}},
                      {"licences", {"NONPROFIT_PORTAL"}}},
                     {{"upn", "ben"}, {"first_name", "Ben"}, {"last_name", "Wolf"}, {"kind", "paid_staff"}},
                     {{"upn", "carla"},
                      {"first_name", "Carla"},
                      {"last_name", "Yilmaz"},
                      {"kind", "paid_staff"},
                      {"usage_location", "DE"}}});
    json start = {
        {"tenant", {{"name", "tsvmuster"}}},
        {"organisation", {{"status", "approved"}, {"form", {{"legal_name", "TSV Musterstadt e.V."}}}}},
        {"people", people}};
    if (with_subscription) start["subscriptions"] = json::array({{{"sku", kDonation}, {"quantity", 10}}});
    return json{{"schema_version", 1}, {"id", "admin-ui"}, {"title", "Admin UI"}, {"start", start}}.dump();
}

struct AdminUi {
    app::test::UiDriver ui;
    app::Shell shell;

    AdminUi(const std::string& lang, bool with_subscription, ImVec2 display = ImVec2(1400, 1600))
        : ui(display), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        sim::ScenarioLoad load = sim::load_scenario_text(scenario_text(with_subscription), "admin-ui.json");
        for (const auto& e : load.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(load.ok());
        shell.start(std::move(load.scenario->setup));
        app::test::run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    const sim::Person& person(const std::string& upn) const {
        const sim::Person* p = world().find_person(upn);
        REQUIRE(p != nullptr);
        return *p;
    }
    const std::string& text(const char* key) const { return shell.strings().get(key); }
    // Clicks and lets the views redraw once (what a click changes shows in the next frame).
    void click(const std::string& id) {
        INFO("click " << id);
        REQUIRE(ui.click(id));
        ui.frame();
    }
    void fill(const std::string& id, const std::string& text) {
        REQUIRE(ui.click(id));
        ui.press(ImGuiKey_A, true);  // replace what is there
        ui.type(text);
    }
    void show(const std::string& screen) {
        REQUIRE(shell.show_screen(screen));
        ui.frames(3);
    }
    // Skips simulated time until no action is in flight, then lets the views react.
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
    // Skips to next events until `upn` holds `sku` actively (licence propagation).
    void until_active(const std::string& upn, const std::string& sku) {
        for (int i = 0; i < 50; ++i) {
            const sim::LicenceAssignment* l = person(upn).licence(sku);
            if (l && l->state == sim::LicenceState::Active) break;
            REQUIRE(ui.click("###skip"));
        }
        ui.frames(2);
    }
    // A drawn text that starts with `prefix`.
    bool shows_prefix(const std::string& prefix) const {
        for (const auto& item : ui.items())
            if (app::test::UiDriver::visible_part(item.label).rfind(prefix, 0) == 0) return true;
        return false;
    }
};

const char* const kLanguages[] = {"en", "de"};

}  // namespace

TEST_CASE("Purchase services: the donation with 10 licences, a new payment method and Place order",
          "[ui][admin]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        AdminUi t(lang, false);
        t.show("admin.home");
        t.click("###nav_purchase");
        CHECK(t.shell.ui().screen == "admin.billing.purchase");
        t.click(std::string("###details_") + kDonation);
        t.fill("###quantity", "10");
        CHECK(t.shell.view_state().admin.quantity == 10);
        t.click("###buy");
        CHECK(t.ui.shows(t.text("admin.checkout.title")));

        // Without a payment method the $0 order is refused with the real text.
        t.click("###place_order");
        t.settle();
        CHECK(t.ui.shows(t.text("error.billing.payment_method_required")));
        auto donations = [&] {
            int n = 0;
            for (const sim::Subscription& x : t.world().subscriptions) n += x.sku == kDonation ? 1 : 0;
            return n;
        };
        CHECK(donations() == 0);

        t.click("###add_payment_method");
        t.fill("###card_last4", "4242");
        t.click("###card_add");
        t.settle();
        REQUIRE(t.world().billing.payment_methods.size() == 1);
        CHECK(t.world().billing.payment_methods.front().label == "•••• 4242");

        t.click("###place_order");
        t.ui.frame();
        CHECK(t.ui.shows(t.text("ui.action.working")));  // the spinner while the order runs
        t.settle();
        REQUIRE(donations() == 1);
        const sim::Subscription& sub = t.world().subscriptions.back();
        CHECK(sub.sku == kDonation);
        CHECK(sub.quantity == 10);
        CHECK(sub.status == sim::SubscriptionStatus::Active);
        CHECK(t.ui.shows(t.text("admin.confirmation.title")));

        // Your products shows one row for it.
        t.click("###confirm_products");
        CHECK(t.shell.ui().screen == "admin.billing.products");
        CHECK(t.ui.find("###sub_" + sub.id) != nullptr);
    }
}

TEST_CASE("Add a user through the four wizard steps with a usage location and a licence", "[ui][admin]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        AdminUi t(lang, true);
        t.show("admin.users");
        t.click("###users_add");
        CHECK(t.shell.ui().screen == "admin.users.add");
        CHECK(t.ui.shows(t.text("admin.wizard.step.basics")));
        t.fill("###add_first", "Clara");
        t.fill("###add_last", "Berg");
        CHECK(t.shell.view_state().admin.add.display_name == "Clara Berg");
        t.fill("###add_username", "clara");
        t.click("###add_next");

        t.click("###add_location");
        t.click("###loc_DE");
        t.click(std::string("###add_lic_") + kDonation);
        t.click("###add_next");

        CHECK(t.ui.find("###add_role_user") != nullptr);  // optional settings: roles, profile
        t.click("###add_next");
        CHECK(t.ui.shows("Clara Berg"));  // the review
        t.click("###add_finish");
        t.settle();

        const sim::Person& clara = t.person("clara@tsvmuster.onmicrosoft.com");
        CHECK(clara.display_name == "Clara Berg");
        CHECK(clara.usage_location == "DE");
        CHECK(clara.must_change_password);
        REQUIRE(clara.licence(kDonation) != nullptr);
        CHECK(clara.licence(kDonation)->state == sim::LicenceState::Pending);
        CHECK(t.ui.shows(t.text("admin.wizard.done_title")));
        CHECK(t.shell.view_state().admin.add.password.empty());

        t.click("###add_close");
        CHECK(t.shell.ui().screen == "admin.users");
        t.until_active("clara@tsvmuster.onmicrosoft.com", kDonation);
        CHECK(t.person("clara@tsvmuster.onmicrosoft.com").licence(kDonation)->state ==
              sim::LicenceState::Active);
    }
}

TEST_CASE("Licenses: assign to a user from the product, pending then active", "[ui][admin]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        AdminUi t(lang, true);
        t.show("admin.billing.licenses");
        CHECK(t.ui.shows(
            t.shell.strings().format("admin.licenses.assigned_of", {{"assigned", 0}, {"total", 10}})));
        t.click(std::string("###product_") + kDonation);
        t.click("###licenses_assign");
        t.fill("###assign_search", "carla");
        t.click(std::string("###pick_") + kCarla);
        t.click("###assign_confirm");
        t.settle();
        REQUIRE(t.person(kCarla).licence(kDonation) != nullptr);
        CHECK(t.person(kCarla).licence(kDonation)->state == sim::LicenceState::Pending);
        const std::string pending = t.text("admin.licence.pending_until");
        CHECK(t.shows_prefix(pending.substr(0, pending.find('{'))));
        t.until_active(kCarla, kDonation);
        CHECK(t.ui.shows(t.text("status.licence.active")));

        // Unassign again (the assign pane closed first: the list lies under its backdrop).
        t.ui.press(ImGuiKey_Escape);
        t.ui.frame();
        t.click(std::string("###holder_") + kCarla);
        t.click("###licenses_unassign");
        t.settle();
        CHECK(t.person(kCarla).licence(kDonation) == nullptr);
    }
}

TEST_CASE("User pane: the usage-location error, then set the location and assign the licence",
          "[ui][admin]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        AdminUi t(lang, true);
        t.show("admin.users");
        t.click(std::string("###user_") + kBen);
        CHECK(t.shell.ui().screen == "admin.users.detail");
        t.click("###tab_licences");
        CHECK(t.ui.shows(t.text("admin.user.tab.licenses")));
        t.click(std::string("###user_lic_") + kDonation);
        t.click("###user_save_licences");
        t.settle();
        CHECK(t.ui.shows(t.text("error.licences.no_usage_location")));
        if (std::string(lang) == "en")
            CHECK(t.ui.shows("License cannot be assigned to a user without a usage location specified."));
        CHECK(t.person(kBen).licences.empty());

        t.click("###tab_account");
        t.click("###user_location");
        t.click("###loc_DE");
        t.click("###user_save_location");
        t.settle();
        CHECK(t.person(kBen).usage_location == "DE");

        t.click("###tab_licences");
        t.click("###user_save_licences");  // the tick is still there
        t.settle();
        REQUIRE(t.person(kBen).licence(kDonation) != nullptr);
        CHECK(t.person(kBen).licence(kDonation)->state == sim::LicenceState::Pending);
        t.until_active(kBen, kDonation);
        CHECK(t.ui.shows(t.text("status.licence.active")));

        // Esc closes the pane.
        t.ui.press(ImGuiKey_Escape);
        t.ui.frame();
        CHECK(t.shell.ui().screen == "admin.users");
    }
}

TEST_CASE("Active users sorts, filters and searches", "[ui][admin]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        AdminUi t(lang, false);
        t.show("admin.users");
        auto y = [&](const char* upn) {
            const auto* item = t.ui.find(std::string("###user_") + upn);
            REQUIRE(item != nullptr);
            return item->min.y;
        };
        CHECK(y(kAnna) < y(kBen));
        CHECK(y(kBen) < y(kCarla));
        t.click("###col_name");  // descending
        t.ui.frame();
        CHECK(y(kCarla) < y(kBen));
        CHECK(y(kBen) < y(kAnna));

        t.click("###users_filter");
        t.click("###filter_unlicensed");
        CHECK(t.ui.find(std::string("###user_") + kAnna) == nullptr);  // Anna holds the portal licence
        CHECK(t.ui.find(std::string("###user_") + kBen) != nullptr);
        t.click("###users_filter");
        t.click("###filter_admins");
        CHECK(t.ui.find(std::string("###user_") + kAnna) != nullptr);
        CHECK(t.ui.find(std::string("###user_") + kBen) == nullptr);
        t.click("###users_filter");
        t.click("###filter_all");

        t.fill("###users_search", "carl");
        CHECK(t.ui.find(std::string("###user_") + kCarla) != nullptr);
        CHECK(t.ui.find(std::string("###user_") + kBen) == nullptr);

        // Multi-select enables the list's commands.
        CHECK_FALSE(t.ui.find("###users_manage_licences")->enabled);
        t.click(std::string("###sel_") + kCarla);
        CHECK(t.ui.find("###users_manage_licences")->enabled);
        CHECK(t.shell.view_state().admin.selected_users.count(kCarla) == 1);
    }
}

TEST_CASE("every admin screen renders in both languages, with and without an organisation",
          "[ui][admin][screens]") {
    for (const char* lang : kLanguages) {
        for (bool with_subscription : {false, true}) {
            for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
                AdminUi t(lang, with_subscription, size);
                for (const app::ScreenSpec& screen : app::screens()) {
                    const std::string name = screen.name;
                    if (name.rfind("admin.", 0) != 0) continue;
                    INFO(lang << " " << name);
                    t.show(name);
                    CHECK(t.shell.ui().screen == name);
                    for (const auto& item : t.ui.items()) {
                        INFO(item.label);
                        CHECK(app::test::UiDriver::visible_part(item.label).rfind("admin.", 0) ==
                              std::string::npos);
                    }
                }
            }
        }
        // An empty world: no tenant yet, and nobody signed in.
        app::test::UiDriver ui;
        app::Shell shell({NPSIM_TEST_ASSET_DIR, lang});
        shell.start(sim::Setup{});
        ui.set_gui([&] { shell.draw(); });
        ui.set_between_frames([&] { shell.apply_commands(); });
        for (const app::ScreenSpec& screen : app::screens()) {
            if (std::string(screen.name).rfind("admin.", 0) != 0) continue;
            REQUIRE(shell.show_screen(screen.name));
            ui.frames(2);
            CHECK(ui.shows(shell.strings().get("admin.hint.no_tenant_title")));
        }
    }
}
