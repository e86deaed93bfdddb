// tests/ui/test_recovery_ui.cpp — C10, "Request administrator access" / "Administratorzugriff anfordern",
// clicked through headless in German and English: the only Global Administrator lost his phone; the
// sign-in page's "Can't access your account?" opens the request; with the registration documents alone
// the Data Protection team refuses (the DNS TXT record on the association's domain is missing, and the
// page says so); with both it is accepted ("being reviewed … in a few days"); days later access is back
// and the page shows the temporary password, which signs Thomas in.
#include <catch2/catch.hpp>

#include <string>

#include <imgui.h>

#include "app/ui/icons.hpp"
#include "app/ui/shell.hpp"
#include "sim/identity.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kRecThomas = "thomas@kulturverein-auenwald.de";
constexpr const char* kRecSabine = "sabine@kulturverein-auenwald.de";

struct RecoveryUi {
    app::test::UiDriver ui{ImVec2(1400, 1200)};
    app::Shell shell;

    explicit RecoveryUi(const std::string& lang) : shell(app::test::shell_options(lang, "")) {
        REQUIRE(
            shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/c10-only-admin-locked-out.json"));
        app::test::run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    const std::string& text(const char* key) const { return shell.strings().get(key); }
    bool shows(const char* key) const { return ui.shows(text(key)); }
    void click(const std::string& id) {
        INFO("click " << id);
        REQUIRE(ui.click(id));
        ui.frame();
    }
    void fill(const std::string& id, const std::string& value) {
        INFO("fill " << id);
        REQUIRE(ui.click(id));
        ui.press(ImGuiKey_A, true);
        ui.type(value);
        ui.frame();
    }
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
    // The code of the last tenant.request_recovery result in the journal ("" = none).
    std::string last_code() const {
        std::string code;
        for (const auto& e : shell.simulation()->journal().entries())
            if (e.kind == "result" && e.body.value("type", "") == "tenant.request_recovery")
                code = e.body["result"].value("code", "ok");
        return code;
    }
};

}  // namespace

TEST_CASE("C10: the locked-out association requests administrator access with proof, and gets back in",
          "[ui][signin][recovery]") {
    for (const char* lang : {"de", "en"}) {
        SECTION(lang) {
            RecoveryUi t(lang);
            REQUIRE(t.shell.show_screen("signin.account"));
            t.ui.frames(3);
            REQUIRE(t.shows("signin.cant_access"));
            t.click("###signin_cant_access");
            t.ui.frames(2);
            CHECK(t.shell.ui().screen == "signin.recovery");
            CHECK(t.shows("recovery.title"));
            CHECK(t.shows("recovery.nonprofit_note"));

            // The registration documents alone: refused, and the page names the missing DNS TXT record.
            t.fill("###recovery_contact", kRecSabine);
            t.click("###recovery_docs");
            t.click("###recovery_send");
            t.settle();
            CHECK(t.last_code() == "tenant.recovery_insufficient_proof");
            CHECK(t.world().identity.recovery.status.empty());
            CHECK(t.shows("recovery.missing"));
            const std::string dns =
                t.shell.strings().format("recovery.proof_dns", {{"domain", "kulturverein-auenwald.de"}});
            CHECK(t.ui.shows("  " + std::string(app::icons::kClose) + " " + dns));

            // With the DNS TXT record too: accepted, being reviewed.
            t.click("###recovery_dns");
            t.click("###recovery_send");
            t.settle();
            CHECK(t.last_code() == "ok");
            REQUIRE(t.world().identity.recovery.status == "pending");
            CHECK(t.world().identity.recovery.contact == kRecSabine);
            CHECK(t.ui.shows(std::string(app::icons::kHistory) + " " +
                             t.shell.strings().format("recovery.pending", {{"contact", kRecSabine}})));

            // Days later: access is back; the page shows the temporary password once.
            for (int i = 0; i < 10 && t.world().identity.recovery.status != "done"; ++i) t.click("###skip");
            t.ui.frames(3);
            REQUIRE(t.world().identity.recovery.status == "done");
            CHECK(t.ui.shows(t.shell.strings().format("recovery.done", {{"admin", kRecThomas}})));
            const int generation = sim::temporary_password_generation(t.world(), kRecThomas);
            CHECK(generation > 0);
            CHECK(t.ui.shows(sim::temporary_password(t.shell.simulation()->seed(), kRecThomas, generation)));
            t.click("###recovery_to_signin");
            t.ui.frames(2);
            CHECK(t.shell.ui().screen == "signin");
            CHECK(t.shell.view_state().signin.account == kRecThomas);
        }
    }
}
