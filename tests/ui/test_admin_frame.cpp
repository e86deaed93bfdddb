// tests/ui/test_admin_frame.cpp — the admin center's frame (issue 16 items 1 and 3): the app's surface
// switcher shrinks to an icon strip while a surface is open and still switches; the admin center's
// header search opens Active users filtered; its left navigation collapses to an icon strip and back
// and navigates either way; side panes are max(560 px, 45 % of the window) wide with the wizard's
// first step and its Next button on screen at 1280×800; usernames are not shortened at 1280×800.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/ui/shell.hpp"
#include "app/ui/widgets.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

using app::widgets::ItemInfo;

struct FrameUi {
    app::test::UiDriver ui;
    app::Shell shell;

    FrameUi(const std::string& scenario, const std::string& lang, ImVec2 size = ImVec2(1280, 800))
        : ui(size), shell({NPSIM_TEST_ASSET_DIR, lang}) {
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + scenario));
        app::test::run_like_the_app(ui, shell);
    }
    void show(const std::string& screen) {
        REQUIRE(shell.show_screen(screen));
        ui.frames(4);
    }
    void click(const std::string& id) {
        INFO("click " << id);
        REQUIRE(ui.click(id));
        ui.frames(2);
    }
    const ItemInfo& item(const std::string& label) const {
        const ItemInfo* i = ui.find(label);
        INFO("item " << label);
        REQUIRE(i != nullptr);
        return *i;
    }
    const std::string& screen() const { return shell.ui().screen; }
};

float width_of(const ItemInfo& i) {
    return i.max.x - i.min.x;
}

// The window an item was drawn in (the driver's ImGui context is current between frames).
const ImGuiWindow* window_of(const ItemInfo& i) {
    return ImGui::FindWindowByName(i.window.c_str());
}

const char* const kLanguages[] = {"en", "de"};

}  // namespace

TEST_CASE("The surface switcher is an icon strip while a surface is open, and still switches",
          "[ui][admin][frame]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        FrameUi t("out-of-seats.json", lang);
        t.show("shell");
        const float wide = width_of(t.item("###surface_admin"));
        CHECK(wide > 120.0f);  // the welcome screen keeps the names

        t.click("###surface_admin");
        CHECK(t.screen() == "admin.home");
        const ItemInfo& strip = t.item("###surface_admin");
        CHECK(width_of(strip) <= 48.0f);
        CHECK(strip.max.x <= 60.0f);  // the page starts right after the strip
        CHECK(t.ui.find("###surface_scenario") != nullptr);

        t.click("###surface_mail");
        CHECK(app::surface_of(t.screen()) == app::Surface::Mail);
        CHECK(width_of(t.item("###surface_portal")) <= 48.0f);
        t.click("###surface_scenario");  // the sandbox's own pages: wide, with the scenario's seed
        CHECK(app::surface_of(t.screen()) == app::Surface::Scenario);
        CHECK(width_of(t.item("###surface_portal")) > 120.0f);
        t.click("###surface_shell");
        CHECK(t.screen() == "shell");
    }
}

TEST_CASE("The admin center's navigation collapses to icons and expands, navigating either way",
          "[ui][admin][frame]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        FrameUi t("out-of-seats.json", lang);
        t.show("admin.users");
        const float page_left = t.item("###users_add").min.x;
        REQUIRE(t.ui.find("###nav_active_users") != nullptr);

        t.click("###admin_nav_toggle");
        CHECK(t.shell.view_state().admin.nav_mode == app::AdminNavMode::Collapsed);
        CHECK(t.ui.find("###nav_active_users") == nullptr);  // pages of a group: not in the strip
        const ItemInfo& billing = t.item("###nav_billing_group");
        CHECK(width_of(billing) <= 40.0f);
        // The page moved left by what the navigation gave up.
        CHECK(t.item("###users_add").min.x < page_left - 100.0f);

        t.click("###nav_billing_group");
        CHECK(t.screen() == "admin.billing.purchase");
        t.click("###nav_users_group");
        CHECK(t.screen() == "admin.users");
        t.click("###nav_home");
        CHECK(t.screen() == "admin.home");

        t.click("###admin_nav_toggle");
        CHECK(t.shell.view_state().admin.nav_mode == app::AdminNavMode::Expanded);
        t.click("###nav_licenses");
        CHECK(t.screen() == "admin.billing.licenses");
        t.click("###nav_active_users");
        CHECK(t.screen() == "admin.users");
    }
}

TEST_CASE("The header's search opens Active users filtered by the text", "[ui][admin][frame]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        FrameUi t("staff-without-usage-location.json", lang);
        t.show("admin.billing.products");
        const sim::World& w = t.shell.simulation()->world();
        REQUIRE(w.people.size() > 3);
        const std::string wanted = w.people[2].upn;
        const std::string needle = wanted.substr(0, wanted.find('@'));

        REQUIRE(t.ui.click("###admin_search"));
        t.ui.type(needle);
        t.ui.press(ImGuiKey_Enter);
        t.ui.frames(3);
        CHECK(t.screen() == "admin.users");
        CHECK(t.shell.view_state().admin.user_search == needle);
        CHECK(t.ui.find("###user_" + wanted) != nullptr);
        int shown = 0;
        for (const sim::Person& p : w.people)
            if (t.ui.find("###user_" + p.upn) != nullptr) ++shown;
        CHECK(shown < static_cast<int>(w.people.size()));
    }
}

TEST_CASE("The header shows the signed-in person's initials", "[ui][admin][frame]") {
    FrameUi t("out-of-seats.json", "de");
    t.show("admin.home");
    const sim::Person* me = t.shell.simulation()->world().find_person(t.shell.ui().work_account);
    REQUIRE(me != nullptr);
    const ItemInfo& badge = t.item("###admin_me");
    const std::string shown = app::test::UiDriver::visible_part(badge.label);
    REQUIRE(!shown.empty());
    CHECK(shown[0] == me->display_name[0]);
}

TEST_CASE("Side panes: at least 560 px or 45 % of the window, the wizard's first step on screen",
          "[ui][admin][frame]") {
    for (const char* lang : kLanguages) {
        for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
            INFO(lang << " " << size.x << "x" << size.y);
            FrameUi t("out-of-seats.json", lang, size);
            t.show("admin.users.add");
            const ImGuiWindow* pane = window_of(t.item("###pane_close"));
            REQUIRE(pane != nullptr);
            CHECK(pane->Size.x >= std::max(560.0f, size.x * 0.45f) - 1.0f);
            CHECK(pane->Pos.x + pane->Size.x <= size.x);
            CHECK(pane->Pos.y + pane->Size.y <= size.y + 1.0f);

            // Step 1, down to its last field, and Next, without scrolling.
            for (const char* id :
                 {"###add_first", "###add_username", "###add_send_password", "###add_next"}) {
                INFO(id);
                const ItemInfo& i = t.item(id);
                CHECK(i.max.y - i.min.y >= 20.0f);  // a whole frame: not clipped by the pane's bottom
                CHECK(i.max.y <= pane->Pos.y + pane->Size.y);
            }
            CHECK(width_of(t.item("###add_username")) >= 200.0f);  // the Benutzername field

            // The page behind is under the backdrop: its controls do not react; Esc closes the pane.
            const ItemInfo* add = t.ui.find("###users_add");
            REQUIRE(add != nullptr);
            CHECK_FALSE(add->enabled);
            t.ui.press(ImGuiKey_Escape);
            t.ui.frames(2);
            CHECK(t.screen() == "admin.users");
            CHECK(t.item("###users_add").enabled);
        }
    }
}

TEST_CASE("Active users at 1280x800 shows whole usernames", "[ui][admin][frame]") {
    for (const char* scenario : {"out-of-seats.json", "staff-without-usage-location.json"}) {
        for (const char* lang : kLanguages) {
            INFO(scenario << " " << lang);
            FrameUi t(scenario, lang);
            t.show("admin.users");
            int seen = 0;
            for (const sim::Person& p : t.shell.simulation()->world().people) {
                if (p.deleted || t.ui.find("###user_" + p.upn) == nullptr) continue;  // scrolled away
                INFO(p.upn);
                CHECK(t.ui.shows(p.upn));
                ++seen;
            }
            CHECK(seen >= 4);
            for (const ItemInfo& i : t.ui.items()) {
                const std::string text = app::test::UiDriver::visible_part(i.label);
                const bool ellipsized = text.size() >= 3 && text.compare(text.size() - 3, 3, "…") == 0;
                INFO(text);
                CHECK_FALSE((ellipsized && text.find('@') != std::string::npos));
            }
        }
    }
}

TEST_CASE("A row's more-actions menu acts on that one user", "[ui][admin][frame]") {
    for (const char* lang : kLanguages) {
        INFO(lang);
        FrameUi t("staff-without-usage-location.json", lang);
        t.show("admin.users");
        const std::string upn = t.shell.simulation()->world().people.front().upn;
        // Another user ticked before: the row's menu acts on its own user only.
        const std::string other = t.shell.simulation()->world().people.back().upn;
        t.click("###sel_" + other);
        t.click("###row_more_" + upn);
        t.click("###row_manage_licences");
        const auto& admin = t.shell.view_state().admin;
        CHECK(admin.users_pane == app::UsersPane::ManageLicences);
        CHECK(admin.selected_users == std::set<std::string>{upn});

        t.ui.press(ImGuiKey_Escape);  // closes the pane
        t.ui.frames(2);
        t.click("###row_more_" + other);
        t.click("###row_delete");
        CHECK(t.shell.view_state().admin.users_pane == app::UsersPane::Delete);
        CHECK(t.shell.view_state().admin.selected_users == std::set<std::string>{other});
    }
}
