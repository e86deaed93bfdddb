// tests/ui/test_invoices_ui.cpp — Billing > Your products' lifecycle actions and Bills & payments (issue 15
// item 1; domain-admin.md §1.2, §1.6), on the shipped C21 scenario: the Disabled subscription shows its
// state and the date its data goes, Reactivate asks first and then brings it back, and the re-enable invoice
// appears in Bills & payments with its pane. In German and English.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/shell.hpp"
#include "sim/subscriptions.hpp"
#include "support/scenario_ui.hpp"

using app::test::ScenarioUi;

namespace {

const sim::Subscription& iu_standard(const ScenarioUi& t) {
    for (const sim::Subscription& s : t.world().subscriptions)
        if (s.id == "standard") return s;
    FAIL("no subscription \"standard\"");
    return t.world().subscriptions.front();
}

}  // namespace

TEST_CASE("Your products: Reactivate a Disabled subscription, then its invoice in Bills & payments",
          "[ui][subscriptions]") {
    for (const char* lang : {"de", "en"}) {
        INFO(lang);
        ScenarioUi t("c21-subscription-expired.json", lang);
        t.show("admin.billing.products");
        CHECK(t.ui.shows(t.text("status.subscription.disabled")));
        t.click("###sub_standard");
        CHECK(t.ui.find("###prod_reactivate") != nullptr);
        CHECK(t.ui.find("###prod_cancel") == nullptr);  // only while Active
        t.click("###prod_reactivate");
        CHECK(t.ui.shows(t.text("admin.products.confirm_reactivate")));
        CHECK(iu_standard(t).status == sim::SubscriptionStatus::Disabled);  // nothing before the confirm
        t.click("###prod_confirm");
        t.settle();
        CHECK(iu_standard(t).status == sim::SubscriptionStatus::Active);
        CHECK(t.ui.find("###prod_cancel") != nullptr);
        CHECK(t.ui.find("###prod_recurring") != nullptr);

        t.show("admin.billing.invoices");
        CHECK(t.ui.shows(t.text("admin.nav.bills")));
        const auto invoices = sim::invoices_of(t.world());
        REQUIRE(invoices.size() == 1);
        t.click("###inv_" + invoices.front()->id);
        CHECK(t.ui.shows(t.text("admin.invoices.status.paid")));
        CHECK(t.ui.shows(t.text("admin.invoices.pdf_note")));
    }
}
