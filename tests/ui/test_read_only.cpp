// tests/ui/test_read_only.cpp — the read-only replay disables every editing control visibly (issue 16,
// item 7): on each admin screen of a replayed recording, every button, field, checkbox, radio button
// and combo of the page is reported disabled, and pressing the mouse on it changes nothing (no command
// reaches the replayed world or the live run, the screen stays). Navigation stays enabled (breadcrumbs,
// a user's details pane), and the replay bar along the bottom never covers the page.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/shell.hpp"
#include "sim/assessment.hpp"
#include "sim/bundle.hpp"
#include "sim/hash.hpp"
#include "sim/scenario.hpp"
#include "support/app_loop.hpp"
#include "support/temp_dir.hpp"
#include "support/ui_driver.hpp"

namespace {

using app::widgets::ItemInfo;
using app::widgets::ItemKind;

const std::string kRoJourney = NPSIM_TEST_SCENARIO_DIR "/full-journey.json";
const std::string kRoMax = "max@tsvmuster.onmicrosoft.com";

struct RoViewer {
    app::test::UiDriver ui;  // first: the shell needs the ImGui context
    app::Shell shell;

    RoViewer() : ui(ImVec2(1280, 800)), shell(app::test::shell_options("de")) {
        app::test::wire_like_the_app(ui, shell);
    }
    const sim::Simulation& live() const { return *shell.simulation(); }
    const sim::Simulation& shown() const { return *shell.shown_simulation(); }
    void push(app::Command c) {
        shell.commands().push(std::move(c));
        ui.frame();
    }
    void play_solution() {
        const sim::Scenario& sc = *shell.training().scenario();
        for (const sim::SolutionStep& step : sc.solution.steps) {
            if (step.action) push(app::SubmitAction{*step.action, ""});
            for (int n = 0; n < 200 && !live().pending_actions().empty(); ++n) push(app::SkipToNextEvent{});
            if (step.advance) push(app::JumpAhead{*step.advance});
            if (!step.wait_until.is_null())
                for (int n = 0;
                     n < 200 && !sim::evaluate_condition(step.wait_until, live()) && live().next_event_time();
                     ++n)
                    push(app::SkipToNextEvent{});
        }
    }
    // The recorded full journey, open in the viewer at its end.
    void open_recording(const app::test::TempDir& dir) {
        REQUIRE(shell.start_scenario(kRoJourney, app::TrainingMode::Guided));
        play_solution();
        REQUIRE(live().world().find_person(kRoMax) != nullptr);
        const sim::ReproBundle b = sim::make_bundle(*shell.training().scenario(), live(), "read-only test");
        const std::string path = (dir.path / "journey.npsim.json").string();
        REQUIRE(sim::save_bundle(path, b));
        REQUIRE(shell.open_replay(path));
        ui.frames(2);
    }
    // A press frame, then a release frame, at the centre of `item` (the driver's click() refuses
    // disabled items; this presses the mouse on them anyway).
    void press_on(const ItemInfo& item) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        io.MouseDown[0] = true;
        ui.frame();
        io.MouseDown[0] = false;
        ui.frame();
        io.MousePos = ImVec2(-1.0f, -1.0f);
        ui.frame();
    }
};

bool ro_on_page(const ItemInfo& i) {
    return i.window.find("##work") != std::string::npos && i.max.x > i.min.x && i.max.y > i.min.y;
}

bool ro_editing_kind(ItemKind k) {
    return k == ItemKind::Button || k == ItemKind::Input || k == ItemKind::Checkbox || k == ItemKind::Radio ||
           k == ItemKind::Combo;
}

// The stable id of a label: after "###", else the whole label.
std::string ro_id(const std::string& label) {
    const auto p = label.find("###");
    return p == std::string::npos ? label : label.substr(p + 3);
}

// Navigation and sorting stay enabled: links, tabs, "back", the pane's close button, and the tables'
// column headers (reported with their bare text or a "col_" id) that only sort the view.
bool ro_navigation(const std::string& label) {
    if (label.find("###") == std::string::npos) return true;
    const std::string id = ro_id(label);
    if (id.rfind("col_", 0) == 0) return true;
    for (const char* p :
         {"crumb_", "pane_close", "tab_", "home_users", "home_licenses", "home_purchase", "home_products",
          "licenses_back", "purchase_back", "checkout_back", "details_", "portal_tab_", "offers_to_status",
          "reg_to_status", "status_to_offers", "admin_search", "admin_nav_toggle"})
        if (id.rfind(p, 0) == 0) return true;
    return false;
}

// The page's editing controls in the last frame.
std::vector<ItemInfo> ro_editing_items(const app::test::UiDriver& ui) {
    std::vector<ItemInfo> out;
    for (const ItemInfo& i : ui.items())
        if (ro_on_page(i) && ro_editing_kind(i.kind) && !ro_navigation(i.label)) out.push_back(i);
    return out;
}

// Every editing control of `screen` is disabled, and pressing on each changes nothing. Returns how many.
std::size_t ro_check_screen(RoViewer& t, const std::string& screen) {
    INFO("screen " << screen);
    if (t.shell.ui().screen != screen) REQUIRE(t.shell.show_screen(screen));
    t.ui.frames(3);
    const std::vector<ItemInfo> items = ro_editing_items(t.ui);
    const std::string shown_hash = sim::hex64(t.shown().state_hash());
    const std::size_t shown_journal = t.shown().journal().size();
    const std::string live_hash = sim::hex64(t.live().state_hash());
    const std::size_t refused = t.shell.view_state().replay.info.refused;
    for (const ItemInfo& item : items) {
        INFO("item " << item.label);
        CHECK_FALSE(item.enabled);
        t.press_on(item);
        CHECK(t.shell.ui().screen == screen);
        CHECK(t.shown().journal().size() == shown_journal);
        CHECK(sim::hex64(t.shown().state_hash()) == shown_hash);
        CHECK(t.shell.view_state().replay.info.refused == refused);  // no world-changing command at all
        CHECK(sim::hex64(t.live().state_hash()) == live_hash);
    }
    return items.size();
}

}  // namespace

TEST_CASE("read-only replay: every editing control on the admin screens is disabled and inert",
          "[ui][replay][read_only]") {
    app::test::TempDir dir;
    RoViewer t;
    t.open_recording(dir);
    REQUIRE(t.shell.replaying());

    std::size_t total = 0;
    for (const char* screen : {"admin.home", "admin.users", "admin.users.add", "admin.billing.purchase",
                               "admin.billing.products", "admin.billing.licenses"})
        total += ro_check_screen(t, screen);

    // Opening a user's details pane is navigation: it still works, and the pane's controls are disabled.
    REQUIRE(t.shell.show_screen("admin.users"));
    t.ui.frames(3);
    const ItemInfo* crumb = t.ui.find("###crumb_0");
    REQUIRE(crumb != nullptr);
    CHECK(crumb->enabled);
    REQUIRE(t.ui.click("###user_" + kRoMax));
    CHECK(t.shell.ui().screen == "admin.users.detail");
    const std::size_t pane = ro_check_screen(t, "admin.users.detail");
    CHECK(pane > 0);
    total += pane;
    const ItemInfo* close = t.ui.find("###pane_close");
    REQUIRE(close != nullptr);
    CHECK(close->enabled);

    // "Benutzer hinzufügen" and "Aktualisieren" (the issue's examples) among them.
    REQUIRE(t.shell.show_screen("admin.users"));
    t.ui.frames(3);
    for (const char* id : {"###users_add", "###users_refresh"}) {
        const ItemInfo* item = t.ui.find(id);
        INFO(id);
        REQUIRE(item != nullptr);
        CHECK_FALSE(item->enabled);
        CHECK_FALSE(t.ui.click(id));
    }
    CHECK(total >= 10);
}

TEST_CASE("read-only replay: the portal, My Account and Mail draw their editing controls disabled",
          "[ui][replay][read_only]") {
    app::test::TempDir dir;
    RoViewer t;
    t.open_recording(dir);
    for (const char* screen : {"portal.home", "portal.register", "portal.registration", "portal.status",
                               "portal.offers", "myaccount.apps", "mail.inbox"})
        ro_check_screen(t, screen);
    // The portal's tabs stay enabled.
    REQUIRE(t.shell.show_screen("portal.home"));
    t.ui.frames(3);
    const ItemInfo* tab = t.ui.find("###portal_tab_status");
    REQUIRE(tab != nullptr);
    CHECK(tab->enabled);
}

TEST_CASE("read-only replay: the replay bar does not cover the page", "[ui][replay][read_only]") {
    app::test::TempDir dir;
    RoViewer t;
    t.open_recording(dir);
    for (const char* screen :
         {"admin.users", "admin.billing.purchase", "admin.billing.licenses", "admin.home"}) {
        INFO("screen " << screen);
        REQUIRE(t.shell.show_screen(screen));
        t.ui.frames(3);
        float bar_top = 1e9f;
        const ItemInfo* last = nullptr;
        for (const ItemInfo& i : t.ui.items()) {
            if (i.window.find("###replay_bar") != std::string::npos) bar_top = std::min(bar_top, i.min.y);
            if (ro_on_page(i)) last = &i;
        }
        REQUIRE(bar_top < 800.0f);  // the bar is shown
        REQUIRE(last != nullptr);
        INFO("last page item " << last->label << " ends at " << last->max.y << ", the bar starts at "
                               << bar_top);
        CHECK(last->max.y <= bar_top);
        for (const ItemInfo& i : t.ui.items())
            if (ro_on_page(i)) CHECK(i.max.y <= bar_top);
    }
}
