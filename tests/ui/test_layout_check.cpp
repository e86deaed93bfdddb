// tests/ui/test_layout_check.cpp — the layout self-check (issue 16 item 6, app/ui/layout_check.hpp):
// deliberately broken tiny layouts are reported with the right kinds, clean ones are not, and an
// allowed ellipsis (with its tooltip) is listed but does not fail the check.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/ui/layout_check.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/widgets.hpp"
#include "support/ui_driver.hpp"

namespace {

using app::layout::Finding;
using app::layout::FindingKind;
namespace widgets = app::widgets;

const std::string kLcLong = "A rather long label that cannot fit in a narrow box";

// Draws `body` in a fixed window for a few frames and analyses the last one.
struct LayoutUnderTest {
    app::test::UiDriver ui{ImVec2(800, 600)};
    std::vector<widgets::EllipsisInfo> ellipses;

    LayoutUnderTest() {
        widgets::set_ellipsis_hook([this](const widgets::EllipsisInfo& e) { ellipses.push_back(e); });
    }
    ~LayoutUnderTest() { widgets::set_ellipsis_hook({}); }
    LayoutUnderTest(const LayoutUnderTest&) = delete;
    LayoutUnderTest& operator=(const LayoutUnderTest&) = delete;

    std::vector<Finding> run(const std::function<void()>& body) {
        ui.set_gui([this, body] {
            ellipses.clear();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(600, 400));
            ImGui::Begin("layout", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
            body();
            ImGui::End();
        });
        ui.frames(3);
        return app::layout::analyse(ui.items(), ellipses);
    }
};

std::size_t count(const std::vector<Finding>& fs, FindingKind kind) {
    return static_cast<std::size_t>(
        std::count_if(fs.begin(), fs.end(), [kind](const Finding& f) { return f.kind == kind; }));
}

std::string all(const std::vector<Finding>& fs) {
    std::string out;
    for (const Finding& f : fs) out += f.describe() + "\n";
    return out;
}

}  // namespace

TEST_CASE(
    "a button wider than its pane, two overlapping buttons and an ellipsis that is not allowed are reported",
    "[ui][layout_check]") {
    LayoutUnderTest t;
    const std::vector<Finding> fs = t.run([] {
        ImGui::BeginChild("##narrow", ImVec2(200, 100), true);
        widgets::button("Too wide###wide", ImVec2(300, 0));
        ImGui::EndChild();
        const ImVec2 at = ImGui::GetCursorPos();
        widgets::button("First###first", ImVec2(120, 0));
        ImGui::SetCursorPos(ImVec2(at.x + 60, at.y + 4));
        widgets::button("Second###second", ImVec2(120, 0));
        const std::string shown = widgets::ellipsize(kLcLong, 80.0f);
        widgets::text(shown);
        widgets::note_ellipsized(kLcLong, shown, false);
    });
    INFO(all(fs));
    REQUIRE(count(fs, FindingKind::Overflow) == 1);
    REQUIRE(count(fs, FindingKind::Overlap) == 1);
    REQUIRE(count(fs, FindingKind::Ellipsized) == 1);
    CHECK(app::layout::failures(fs) == 3);
    for (const Finding& f : fs) {
        CHECK_FALSE(f.allowed);
        if (f.kind == FindingKind::Overflow) {
            CHECK(f.label == "Too wide");
            CHECK(f.window.find("narrow") != std::string::npos);
            CHECK(f.detail.find("right edge") != std::string::npos);
        } else if (f.kind == FindingKind::Overlap) {
            CHECK(f.label == "First");
            CHECK(f.other == "Second");
            CHECK(f.describe().find("overlap 'First'") == 0);
        } else {
            CHECK(f.other == kLcLong);
            CHECK(f.label.size() < kLcLong.size());
            CHECK(f.label.substr(f.label.size() - 3) == "\u2026");
        }
    }
}

TEST_CASE("a clean layout has no findings: a row of buttons, fields, a table, a row that selects as a whole",
          "[ui][layout_check]") {
    LayoutUnderTest t;
    const std::vector<Finding> fs = t.run([] {
        widgets::button("One");
        ImGui::SameLine();
        widgets::button("Two");
        ImGui::SameLine();
        bool ticked = true;
        widgets::checkbox("Three", ticked);
        std::string value = "text";
        widgets::input_text("Name", value);
        widgets::text_wrapped(kLcLong + " " + kLcLong + " " + kLcLong);
        if (widgets::begin_table("##clean", 2)) {
            ImGui::TableSetupColumn("Name");
            ImGui::TableSetupColumn("When");
            widgets::table_headers_row();
            for (int row = 0; row < 3; ++row) {
                widgets::table_next_row();
                widgets::table_cell(0);
                widgets::selectable_row(
                    ("Row " + std::to_string(row) + "###row" + std::to_string(row)).c_str());
                widgets::table_cell(1);
                widgets::text("Mon 3 Mar");
            }
            widgets::end_table();
        }
    });
    INFO(all(fs));
    CHECK(fs.empty());
}

TEST_CASE("an allowed ellipsis shows the whole text as its tooltip and does not fail the check",
          "[ui][layout_check]") {
    LayoutUnderTest t;
    const auto body = [] {
        ImGui::BeginChild("##cell", ImVec2(120, 60), true);
        widgets::text_ellipsized(kLcLong);
        ImGui::EndChild();
    };
    const std::vector<Finding> fs = t.run(body);
    INFO(all(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == FindingKind::Ellipsized);
    CHECK(fs[0].allowed);
    CHECK(fs[0].other == kLcLong);
    CHECK(fs[0].describe().find("(allowed, tooltip)") != std::string::npos);
    CHECK(app::layout::failures(fs) == 0);

    // Hovering the shortened text opens the tooltip.
    const widgets::ItemInfo* shown = nullptr;
    for (const widgets::ItemInfo& item : t.ui.items())
        if (item.label == fs[0].label) shown = &item;
    REQUIRE(shown != nullptr);
    ImGui::GetIO().MousePos =
        ImVec2((shown->min.x + shown->max.x) * 0.5f, (shown->min.y + shown->max.y) * 0.5f);
    t.ui.frames(2);
    const ImGuiWindow* tooltip = ImGui::FindWindowByName("##Tooltip_00");
    REQUIRE(tooltip != nullptr);
    CHECK(tooltip->Active);
}

TEST_CASE(
    "a table header too wide for its column is an ellipsis that is not allowed, and a text on a button "
    "overlaps",
    "[ui][layout_check]") {
    LayoutUnderTest t;
    const std::vector<Finding> fs = t.run([] {
        if (widgets::begin_table("##narrow_header", 2, -1, ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("A very long column header", ImGuiTableColumnFlags_WidthFixed, 40.0f);
            ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthFixed, 40.0f);
            widgets::table_headers_row();
            widgets::end_table();
        }
        const ImVec2 at = ImGui::GetCursorPos();
        widgets::button("Press###press", ImVec2(100, 0));
        ImGui::SetCursorPos(ImVec2(at.x + 50, at.y + 2));
        widgets::text("Covering");
    });
    INFO(all(fs));
    REQUIRE(count(fs, FindingKind::Ellipsized) == 1);
    REQUIRE(count(fs, FindingKind::Overlap) == 1);
    CHECK(app::layout::failures(fs) == 2);
    for (const Finding& f : fs) {
        if (f.kind == FindingKind::Ellipsized) CHECK(f.other == "A very long column header");
        if (f.kind == FindingKind::Overlap) CHECK((f.label == "Press" && f.other == "Covering"));
    }
}

TEST_CASE(
    "a button given a width too small for its label and a combo too narrow for its preview cut their text",
    "[ui][layout_check]") {
    LayoutUnderTest t;
    const std::vector<Finding> fs = t.run([] {
        widgets::button("Save the whole registration###narrow_button", ImVec2(60, 0));
        ImGui::SetNextItemWidth(80.0f);
        if (widgets::begin_combo("###narrow_combo", "Deutschland (Germany)")) ImGui::EndCombo();
        widgets::button("Fits###fits", ImVec2(200, 0));
    });
    INFO(all(fs));
    REQUIRE(fs.size() == 2);
    for (const Finding& f : fs) {
        CHECK(f.kind == FindingKind::Overflow);
        CHECK(f.detail.find("cut off") != std::string::npos);
    }
    CHECK(fs[0].label == "Save the whole registration");
    CHECK(fs[1].label == "###narrow_combo");
}

TEST_CASE(
    "the check's matrix covers every screen of the registry, every wizard step, the console and the viewer",
    "[ui][layout_check]") {
    const std::vector<std::string> names = app::layout::case_names();
    const auto has = [&names](const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    for (const app::ScreenSpec& s : app::screens()) {
        INFO(s.name);
        const std::string screen = s.name;
        CHECK(std::any_of(names.begin(), names.end(), [&screen](const std::string& n) {
            return n == screen || n.rfind(screen + " ", 0) == 0;  // the screen, or one of its states
        }));
    }
    for (const char* step : {"basics", "licences", "optional", "finish"})
        CHECK(has(std::string("admin.users.add step=") + step));
    for (const char* stage : {"details", "checkout", "confirmation"})
        CHECK(has(std::string("admin.billing.purchase stage=") + stage));
    CHECK(has("admin.users instructor-console"));
    CHECK(has("scenario.replay session-viewer"));
    CHECK(has("portal.registration journey-step-1"));
    CHECK(has("shell resume-question"));
}
