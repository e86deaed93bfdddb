// tests/ui/test_table_style.cpp — one table style for every admin table (issue 16 item 2): rows of
// about 40 px, header text vertically centred (level with the header's "select all" box), the header
// box level with the rows' boxes and the same size, and "0 verfügbar" in the palette's warning colour.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "app/ui/shell.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "support/app_loop.hpp"
#include "support/ui_driver.hpp"

namespace {

using app::widgets::ItemInfo;
using app::widgets::ItemKind;

constexpr float kMinRow = 36.0f;
constexpr const char* kPremium = "M365_BUSINESS_PREMIUM_NONPROFIT_STAFF";

struct TableUi {
    app::test::UiDriver ui{ImVec2(1920, 1080)};  // wide: no cell wraps, every row is one line
    app::Shell shell;

    explicit TableUi(const std::string& scenario) : shell({NPSIM_TEST_ASSET_DIR, "de"}) {
        REQUIRE(shell.load_scenario(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + scenario));
        app::test::run_like_the_app(ui, shell);
    }
    void show(const std::string& screen) {
        REQUIRE(shell.show_screen(screen));
        ui.frames(4);
    }
    const ItemInfo& item(const std::string& label) const {
        const ItemInfo* i = ui.find(label);
        INFO("item " << label);
        REQUIRE(i != nullptr);
        return *i;
    }
};

float centre_y(const ItemInfo& i) {
    return (i.min.y + i.max.y) * 0.5f;
}

bool same_colour(const ImVec4& a, const ImVec4& b) {
    return std::fabs(a.x - b.x) < 0.01f && std::fabs(a.y - b.y) < 0.01f && std::fabs(a.z - b.z) < 0.01f;
}

// The distinct top edges of the items whose label starts with `prefix`, in drawing order.
std::vector<const ItemInfo*> items_with_prefix(const app::test::UiDriver& ui, const std::string& prefix) {
    std::vector<const ItemInfo*> out;
    for (const ItemInfo& i : ui.items())
        if (i.label.rfind(prefix, 0) == 0 || i.label.find("###" + prefix) != std::string::npos)
            out.push_back(&i);
    return out;
}

// Every row (found by one item per row) starts at least kMinRow below the one before; the first row's
// item is as far below the header text as the rows are apart (header and rows equally tall, text
// centred in both). A cell may wrap (a long product name), so rows are compared by their tops.
void check_rows(const ItemInfo& header, const std::vector<const ItemInfo*>& rows) {
    REQUIRE(rows.size() >= 2);
    INFO("header " << header.label << " " << header.min.y << "-" << header.max.y << ", rows "
                   << rows[0]->min.y << "-" << rows[0]->max.y << ", " << rows[1]->min.y << "-"
                   << rows[1]->max.y);
    const float pitch = rows[1]->min.y - rows[0]->min.y;
    CHECK(pitch >= kMinRow);
    for (std::size_t r = 1; r < rows.size(); ++r) CHECK(rows[r]->min.y - rows[r - 1]->min.y >= kMinRow);
    // Header → first row, centre to centre: one row's height when both are centred (the first row
    // is one line in these scenarios).
    CHECK(std::fabs((centre_y(*rows[0]) - centre_y(header)) - pitch) <= 2.0f);
}

}  // namespace

TEST_CASE("Active users: 40 px rows, the header text and box level with the rows' boxes",
          "[ui][admin][table]") {
    TableUi t("staff-without-usage-location.json");
    t.show("admin.users");
    const ItemInfo& all = t.item("###select_all");
    const ItemInfo& name = t.item("###col_name");
    // The header's text is centred in the header row, where the "select all" box is centred.
    CHECK(std::fabs(centre_y(name) - centre_y(all)) <= 1.5f);

    const std::vector<const ItemInfo*> boxes = items_with_prefix(t.ui, "###sel_");
    REQUIRE(boxes.size() >= 2);
    CHECK(boxes[0]->min.y - all.min.y >= kMinRow);
    for (const ItemInfo* box : boxes) {
        CHECK(box->kind == ItemKind::Checkbox);
        CHECK(box->min.x == all.min.x);                           // one column of boxes
        CHECK(box->max.x - box->min.x == all.max.x - all.min.x);  // one checkbox size
        CHECK(box->max.y - box->min.y == all.max.y - all.min.y);
    }
    check_rows(name, boxes);
    // The name in each row is centred on the row's box.
    const std::vector<const ItemInfo*> names = items_with_prefix(t.ui, "user_");
    REQUIRE(names.size() == boxes.size());
    for (std::size_t r = 0; r < names.size(); ++r)
        CHECK(std::fabs(centre_y(*names[r]) - centre_y(*boxes[r])) <= 1.5f);
}

TEST_CASE("Your products and Licenses use the same rows and header as Active users", "[ui][admin][table]") {
    TableUi t("out-of-seats.json");
    const std::string product_name = t.shell.strings().get("admin.products.col.name");

    t.show("admin.billing.products");
    check_rows(t.item(product_name), items_with_prefix(t.ui, "sub_"));

    t.show("admin.billing.licenses");
    check_rows(t.item(product_name), items_with_prefix(t.ui, "product_"));

    // One product's holders: boxes as in Active users, the rows as tall.
    REQUIRE(t.ui.click(std::string("###product_") + kPremium));
    t.ui.frames(3);
    const std::vector<const ItemInfo*> boxes = items_with_prefix(t.ui, "###holder_");
    REQUIRE(boxes.size() >= 2);
    check_rows(t.item(t.shell.strings().get("admin.users.col.name")), boxes);
}

TEST_CASE("No seats left: \"0 verfügbar\" and the 0 in Licenses are drawn in the warning colour",
          "[ui][admin][table]") {
    TableUi t("out-of-seats.json");
    for (const bool dark : {false, true}) {
        INFO((dark ? "dark" : "light"));
        app::apply_theme(dark ? app::Theme::Dark : app::Theme::Light);
        t.show("admin.billing.licenses");
        const ImVec4 warning = app::palette().warning_text;
        // The list: the premium row's "0" is highlighted, the portal's free seats are not.
        const ItemInfo& zero = t.item("0");
        CHECK(same_colour(zero.text_colour, warning));
        const ItemInfo& text_colour_probe = t.item(t.shell.strings().get("admin.licenses.col.available"));
        CHECK_FALSE(same_colour(text_colour_probe.text_colour, warning));

        REQUIRE(t.ui.click(std::string("###product_") + kPremium));
        t.ui.frames(3);
        const ItemInfo& none_left = t.item("0 verfügbar");
        CHECK(same_colour(none_left.text_colour, warning));
        REQUIRE(t.ui.click("###licenses_back"));
        t.ui.frames(2);
    }
    app::apply_theme(app::Theme::Light);  // the palette is global: leave it as the other tests expect
}
