// tests/ui/test_domains_ui.cpp — Settings > Domains and the DNS host, clicked through headless in
// English and German on the C16 scenario: the happy path (Add domain → TXT → the DNS host: add the
// TXT record, publish → skip to the next events until it is visible → Verify → add the records myself
// → the records page → Continue → Done), and the C16 mistake (the TXT value without "MS=") giving
// the simulation's own error on Verify, with the button turned into "Try again".
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/ui/shell.hpp"
#include "sim/data_files.hpp"
#include "sim/domains.hpp"
#include "sim/scenario.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

using nlohmann::json;

constexpr const char* kDomain = "tsv-musterstadt.de";
constexpr const char* kCode = "MS=ms41939205";

json c16_json() {
    std::ifstream in(NPSIM_TEST_SCENARIO_DIR "/c16-domain-wont-verify.json");
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

struct DomainsUi {
    app::test::UiDriver ui;
    app::Shell shell;

    // `fresh`: the association has not added its domain yet and the zone has no verification record.
    DomainsUi(const std::string& lang, bool fresh, const json& conventions = json::object())
        : ui(ImVec2(1400, 1000)), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        json doc = c16_json();
        if (fresh) {
            doc["start"]["domains"]["list"] = json::array();
            json& records = doc["start"]["dns_host"]["zones"][0]["records"];
            records.erase(records.end() - 1);  // the TXT record without "MS="
        }
        for (const auto& [key, value] : conventions.items()) doc["start"]["dns_host"][key] = value;
        if (conventions.value("root_host", "@") == "blank")
            for (json& r : doc["start"]["dns_host"]["zones"][0]["records"])
                if (r["host"] == "@") r["host"] = "";
        sim::ScenarioLoad load = sim::load_scenario_text(doc.dump(), "c16-ui.json");
        for (const auto& e : load.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(load.ok());
        shell.start(std::move(load.scenario->setup));
        app::test::run_like_the_app(ui, shell);
    }
    const sim::World& world() const { return shell.simulation()->world(); }
    const std::string& text(const char* key) const { return shell.strings().get(key); }
    void click(const std::string& id) {
        INFO("click " << id);
        REQUIRE(ui.click(id));
        ui.frame();
    }
    void fill(const std::string& id, const std::string& value) {
        REQUIRE(ui.click(id));
        ui.press(ImGuiKey_A, true);
        ui.type(value);
    }
    void show(const std::string& screen) {
        REQUIRE(shell.show_screen(screen));
        ui.frames(3);
    }
    void settle() {
        for (int i = 0; i < 20 && !shell.simulation()->pending_actions().empty(); ++i)
            REQUIRE(ui.click("###skip"));
        ui.frames(3);
    }
    std::string label_of(const std::string& id) const {
        const app::widgets::ItemInfo* item = ui.find(id);
        REQUIRE(item != nullptr);
        return app::test::UiDriver::visible_part(item->label);
    }
    const sim::DnsZone& zone() const {
        const sim::DnsZone* z = sim::find_zone(world(), kDomain);
        REQUIRE(z != nullptr);
        return *z;
    }
};

const char* const kLanguages[] = {"en", "de"};

}  // namespace

TEST_CASE(
    "Settings > Domains: add the domain, the TXT record at the DNS host, publish, verify, records, done",
    "[ui][domains]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        DomainsUi t(lang, true);
        t.show("admin.settings.domains");
        CHECK(t.ui.shows(t.text("admin.nav.domains")));
        CHECK(sim::find_domain(t.world(), kDomain) == nullptr);

        t.click("###domains_add");
        t.fill("###dw_name", kDomain);
        t.click("###dw_next");  // Use this domain
        t.settle();
        REQUIRE(sim::find_domain(t.world(), kDomain) != nullptr);
        CHECK(t.ui.shows(t.text("admin.domwiz.method_title")));

        t.click("###dw_method_txt");
        t.click("###dw_next");  // Continue: TXT
        t.settle();
        CHECK(t.ui.shows(t.text("admin.domwiz.verify_title")));
        CHECK(t.ui.shows(kCode));

        // To the DNS host: the TXT record at the root, saved (unpublished), then published.
        t.click("###dw_dns_host");
        t.ui.frames(2);
        REQUIRE(t.shell.ui().screen == "dns.zone");
        t.click("###dns_add");
        CHECK(t.ui.shows(t.shell.strings().format("dns.hint.host_at", {{"domain", kDomain}})));
        CHECK(t.ui.shows(t.text("dns.hint.txt_auto")));
        t.fill("###dns_host", "@");
        t.fill("###dns_value", kCode);
        t.click("###dns_save");
        t.settle();
        CHECK(t.zone().unpublished_changes);
        CHECK(t.ui.shows(t.text("dns.unpublished")));
        CHECK(t.ui.shows(kCode));
        t.click("###dns_publish");
        t.settle();
        CHECK_FALSE(t.zone().unpublished_changes);
        for (int i = 0; i < 20 && t.zone().visible_serial != t.zone().published_serial; ++i)
            REQUIRE(t.ui.click("###skip"));
        REQUIRE(t.zone().visible_serial == t.zone().published_serial);

        // Back in the admin center, the wizard is where it was: Verify succeeds.
        t.click("###back");
        t.ui.frames(2);
        REQUIRE(t.shell.ui().screen == "admin.settings.domains");
        t.click("###dw_next");  // Verify
        t.settle();
        CHECK(sim::is_verified_domain(t.world(), kDomain));
        CHECK(t.ui.shows(t.text("admin.domwiz.connect_title")));

        t.click("###dw_mode_self");
        t.click("###dw_next");  // Continue: I'll add the DNS records myself
        t.settle();
        CHECK(t.ui.shows(t.text("admin.domwiz.records_title")));
        CHECK(t.ui.shows("autodiscover.outlook.com"));
        t.click("###dw_next");  // Continue
        t.settle();
        CHECK(t.ui.shows(t.text("admin.domwiz.done_title")));
        const sim::TenantDomain* d = sim::find_domain(t.world(), kDomain);
        REQUIRE(d != nullptr);
        CHECK(d->setup_finished);
        // The MX still points to the old provider: the list says so with the reference's label.
        CHECK(sim::domain_status(t.world(), kDomain) == sim::DomainStatus::PossibleServiceIssues);
        t.click("###dw_next");  // Done
        CHECK(t.ui.find("###dw_next") == nullptr);
        CHECK(t.ui.shows(t.text("status.domain.possible_service_issues")));

        // The details pane: Check health names the MX record that still points elsewhere.
        t.click(std::string("###dom_") + kDomain);
        t.click("###dom_health");
        t.settle();
        CHECK(t.ui.shows(t.text("admin.domains.health_issues")));
        bool mx_found = false;
        for (const sim::HealthIssue& i : sim::check_health(t.world(), kDomain)) {
            if (i.record != "mx") continue;
            std::string found;
            for (const std::string& f : i.found) found += (found.empty() ? "" : ", ") + f;
            const std::string words =
                t.shell.strings().format("domains.health." + i.problem,
                                         {{"record", "MX (@)"}, {"found", found}, {"expected", i.expected}});
            CHECK(t.ui.shows(words));
            mx_found = true;
        }
        CHECK(mx_found);
    }
}

TEST_CASE("Settings > Domains: Verify with the TXT value lacking \"MS=\" shows the real error and Try again",
          "[ui][domains]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        DomainsUi t(lang, false);
        t.show("admin.settings.domains.detail");
        CHECK(t.ui.shows(t.text("status.domain.unverified")));
        t.click("###dom_continue");
        CHECK(t.ui.shows(t.text("admin.domwiz.method_title")));
        t.click("###dw_next");  // Continue: TXT
        t.settle();
        CHECK(t.label_of("###dw_next") == t.text("admin.domwiz.verify"));
        t.click("###dw_next");  // Verify
        t.settle();
        CHECK_FALSE(sim::is_verified_domain(t.world(), kDomain));
        const std::string error = t.shell.strings().format(
            "error.domains.record_not_found", {{"domain", kDomain}, {"type", "TXT"}, {"value", kCode}});
        CHECK(t.ui.shows(error));
        CHECK(t.label_of("###dw_next") == t.text("admin.domwiz.try_again"));

        // At the DNS host the record shows without "MS="; its form hints at the panel's conventions.
        t.click("###dw_dns_host");
        t.ui.frames(2);
        CHECK(t.ui.shows("ms41939205"));
        t.click("###dns_edit_txt-verify");
        t.fill("###dns_value", kCode);
        t.click("###dns_save");
        t.settle();
        CHECK(t.zone().unpublished_changes);
        // Not published yet: Verify still fails with the same message.
        t.click("###back");
        t.ui.frames(2);
        t.click("###dw_next");  // Try again
        t.settle();
        CHECK(t.ui.shows(error));
        CHECK_FALSE(sim::is_verified_domain(t.world(), kDomain));
    }
}

TEST_CASE("DNS host: the record form's hints follow the scenario's conventions (blank root host, no quoting)",
          "[ui][domains]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        DomainsUi t(lang, false, json{{"root_host", "blank"}, {"txt_quoting", "none"}});
        t.show("dns.zone");
        t.click("###dns_add");
        CHECK(t.ui.shows(t.shell.strings().format("dns.hint.host_blank", {{"domain", kDomain}})));
        CHECK(t.ui.shows(t.text("dns.hint.txt_none")));
        CHECK_FALSE(t.ui.shows(t.text("dns.hint.txt_auto")));
        // "@" is refused by this panel, with the simulation's field-level message.
        t.fill("###dns_host", "@");
        t.fill("###dns_value", kCode);
        t.click("###dns_save");
        t.settle();
        CHECK_FALSE(t.zone().unpublished_changes);
        CHECK(t.ui.find("###dns_save") != nullptr);  // the form stays open with the error
        // A blank host is the root here: saved, unpublished.
        t.fill("###dns_host", "");
        t.ui.press(ImGuiKey_Backspace);  // the selected "@" goes
        t.click("###dns_save");
        t.settle();
        CHECK(t.zone().unpublished_changes);
        CHECK(t.ui.shows(t.text("dns.unpublished")));
    }
}
