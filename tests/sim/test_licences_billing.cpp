// tests/sim/test_licences_billing.cpp — buying (roles, grant maximum, 300-seat cap, payment
// method, account review, quantities) and assigning licences (usage location, seats, roles,
// conflicts, bulk limit, propagation, compliance).
#include "journey_fixture.hpp"

#include "sim/billing.hpp"
#include "sim/licences.hpp"
#include "sim/mail.hpp"
#include "sim/my_account.hpp"

using namespace journey_test;
using sim::kDay;
using sim::kMinute;

namespace {

std::string upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

json staff() {
    return json::array({{{"upn", "bill"}, {"usage_location", "DE"}, {"roles", {"billing_admin"}}},
                        {{"upn", "lena"}, {"usage_location", "DE"}, {"roles", {"license_admin"}}},
                        {{"upn", "uwe"}, {"usage_location", "DE"}, {"roles", {"user_admin"}}},
                        {{"upn", "vera"}, {"usage_location", "DE"}, {"kind", "volunteer"}},
                        {{"upn", "mia"}, {"usage_location", "DE"}, {"kind", "member"}},
                        {{"upn", "noloc"}}});
}

Journey with_donation(json settings = json::object()) {
    Journey j(world_from(approved_scenario(staff(), settings)));
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 2}});
    return j;
}

}  // namespace

TEST_CASE("purchase services shows nonprofit offers only to an approved tenant", "[sim][billing]") {
    json s = approved_scenario();
    s["start"]["organisation"]["status"] = "pending";
    Journey pending(world_from(s));
    for (const sim::Product* p : sim::purchase_services(pending.world())) CHECK(p->audience == "commercial");
    pending.fails("billing.product_not_available", "billing.place_order", kAdmin,
                  {{"sku", kDonation}, {"quantity", 1}});
    pending.ok("billing.place_order", kAdmin, {{"sku", "SPB"}, {"quantity", 1}});

    Journey approved(world_from(approved_scenario()));
    CHECK(sim::purchase_services(approved.world()).front()->audience == "nonprofit");
    approved.fails("billing.unknown_product", "billing.place_order", kAdmin,
                   {{"sku", kPortal}, {"quantity", 1}});
    approved.fails("billing.unknown_product", "billing.place_order", kAdmin,
                   {{"sku", "NOPE"}, {"quantity", 1}});
}

TEST_CASE("the from-2025-07 edition has retired the Business Premium donation", "[sim][billing][catalog]") {
    Journey j(world_from(approved_scenario(), "from-2025-07"));
    j.fails("billing.unknown_product", "billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 1}});
    json order =
        j.ok("billing.place_order", kAdmin,
             {{"sku", kPremiumStaff}, {"quantity", 10}, {"term", "P1Y"}, {"billing_frequency", "annual"}});
    CHECK(order["total_cents"] == 550 * 10 * 12);  // $660 a year for 10 users
}

TEST_CASE("only Global and Billing Administrators can buy", "[sim][billing][roles]") {
    Journey j(world_from(approved_scenario(staff())));
    j.fails("billing.insufficient_role", "billing.place_order", upn("lena"),
            {{"sku", kDonation}, {"quantity", 1}});
    j.fails("billing.insufficient_role", "billing.place_order", upn("uwe"),
            {{"sku", kDonation}, {"quantity", 1}});
    j.fails("billing.insufficient_role", "billing.add_payment_method", upn("vera"), {{"card_last4", "1111"}});
    j.ok("billing.place_order", upn("bill"), {{"sku", kDonation}, {"quantity", 1}});
}

TEST_CASE("product details are checked: quantity, term, billing frequency", "[sim][billing]") {
    Journey j(world_from(approved_scenario()));
    j.fails("billing.invalid_quantity", "billing.place_order", kAdmin,
            {{"sku", kPremiumStaff}, {"quantity", 0}});
    j.fails("billing.invalid_term", "billing.place_order", kAdmin,
            {{"sku", kDonation}, {"quantity", 1}, {"term", "P1M"}});
    j.fails("billing.invalid_billing_frequency", "billing.place_order", kAdmin,
            {{"sku", kPremiumStaff}, {"quantity", 1}, {"term", "P1M"}, {"billing_frequency", "annual"}});
    json ok = j.ok("billing.place_order", kAdmin, {{"sku", kPremiumStaff}, {"quantity", 3}, {"term", "P1M"}});
    CHECK(ok["total_cents"] == 1650);
    const sim::Subscription& s = j.world().subscriptions.back();
    CHECK(s.price_cents_each == 550);
    CHECK(s.status == sim::SubscriptionStatus::Active);
    CHECK(s.renewal_at > s.purchased_at + 27 * kDay);
}

TEST_CASE("the grant maximum and the 300-seat cap across Business plans hold", "[sim][billing]") {
    Journey j(world_from(approved_scenario()));
    CHECK(j.fails("billing.grant_limit_exceeded", "billing.place_order", kAdmin,
                  {{"sku", kDonation}, {"quantity", 11}})["max"] == 10);
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 10}});
    j.fails("billing.grant_limit_exceeded", "billing.place_order", kAdmin,
            {{"sku", kDonation}, {"quantity", 1}});
    j.ok("billing.place_order", kAdmin, {{"sku", kBasicGrant}, {"quantity", 280}});
    CHECK(j.fails("billing.business_seat_cap", "billing.place_order", kAdmin,
                  {{"sku", kPremiumStaff}, {"quantity", 11}})["cap"] == 300);
    j.ok("billing.place_order", kAdmin, {{"sku", kPremiumStaff}, {"quantity", 10}});
    CHECK(sim::business_seats(j.world()) == 300);
}

TEST_CASE("a $0 order asks for a payment method unless the settings say otherwise",
          "[sim][billing][payment]") {
    json s = approved_scenario();
    s["start"].erase("payment_methods");
    Journey j(world_from(s));
    j.fails("billing.payment_method_required", "billing.place_order", kAdmin,
            {{"sku", kDonation}, {"quantity", 1}});
    j.fails("billing.invalid_payment_method", "billing.add_payment_method", kAdmin, {{"card_last4", "12a4"}});
    j.fails("billing.invalid_payment_method", "billing.add_payment_method", kAdmin, {{"kind", "bitcoin"}});
    json pm = j.ok("billing.add_payment_method", kAdmin, {{"kind", "card"}, {"card_last4", "4242"}});
    j.fails("billing.unknown_payment_method", "billing.place_order", kAdmin,
            {{"sku", kDonation}, {"quantity", 1}, {"payment_method", "pm-9999"}});
    j.ok("billing.place_order", kAdmin,
         {{"sku", kDonation}, {"quantity", 1}, {"payment_method", pm["payment_method"]}});

    s["settings"]["zero_order_requires_payment_method"] = false;
    Journey free(world_from(s));
    free.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 1}});
    free.fails("billing.payment_method_required", "billing.place_order", kAdmin,
               {{"sku", kPremiumStaff}, {"quantity", 1}});
}

TEST_CASE("an account under review blocks checkout until the review clears", "[sim][billing][review]") {
    Journey j(world_from(approved_scenario(staff(), {{"account_review_hold", true}})));
    j.fails("billing.account_under_review", "billing.place_order", kAdmin,
            {{"sku", kDonation}, {"quantity", 1}});
    CHECK(j.world().billing.status == sim::BillingAccountStatus::UnderReview);
    CHECK(sim::find_mail(j.world(), kAdmin, "mail.account_under_review.subject") != nullptr);
    CHECK(sim::find_mail(j.world(), upn("bill"), "mail.account_under_review.subject") != nullptr);
    CHECK(sim::find_mail(j.world(), upn("lena"), "mail.account_under_review.subject") == nullptr);
    j.advance(kDay / 2);
    j.fails("billing.account_under_review", "billing.place_order", kAdmin,
            {{"sku", kDonation}, {"quantity", 1}});
    j.advance(kDay);
    CHECK(sim::find_mail(j.world(), kAdmin, "mail.account_review_cleared.subject") != nullptr);
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 1}});
}

TEST_CASE("buying more and removing licences never goes below the number assigned",
          "[sim][billing][quantity]") {
    Journey j = with_donation();
    const std::string sub = j.world().subscriptions.back().id;
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"users", {kAdmin, upn("lena")}}});
    CHECK(j.fails("billing.below_assigned", "billing.change_quantity", kAdmin,
                  {{"subscription", sub}, {"quantity", 1}})["assigned"] == 2);
    j.fails("billing.grant_limit_exceeded", "billing.change_quantity", kAdmin,
            {{"subscription", sub}, {"quantity", 11}});
    j.fails("billing.unknown_subscription", "billing.change_quantity", kAdmin,
            {{"subscription", "sub-x"}, {"quantity", 3}});
    j.fails("billing.invalid_quantity", "billing.change_quantity", kAdmin,
            {{"subscription", sub}, {"quantity", 0}});
    j.fails("billing.insufficient_role", "billing.change_quantity", upn("lena"),
            {{"subscription", sub}, {"quantity", 5}});
    j.ok("billing.change_quantity", kAdmin, {{"subscription", sub}, {"quantity", 5}});
    CHECK(sim::seats_of(j.world(), kDonation).total == 5);
    j.ok("billing.change_quantity", kAdmin,
         {{"subscription", sub}, {"quantity", 2}});  // $0: no removal window

    // Paid licences: removable within the window after purchase only.
    json paid = j.ok("billing.place_order", kAdmin, {{"sku", kStandardStaff}, {"quantity", 5}});
    j.ok("billing.change_quantity", kAdmin, {{"subscription", paid["subscription"]}, {"quantity", 4}});
    j.advance(8 * kDay);
    j.fails("billing.outside_removal_window", "billing.change_quantity", kAdmin,
            {{"subscription", paid["subscription"]}, {"quantity", 3}});
    j.ok("billing.change_quantity", kAdmin, {{"subscription", paid["subscription"]}, {"quantity", 6}});
}

TEST_CASE("a licence cannot be assigned without a usage location", "[sim][licences]") {
    Journey j = with_donation();
    j.fails("licences.no_usage_location", "licences.assign", kAdmin,
            {{"sku", kDonation}, {"user", upn("noloc")}});
    j.ok("users.edit", kAdmin, {{"user", upn("noloc")}, {"usage_location", "DE"}});
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("noloc")}});
}

TEST_CASE("licences run out, and assigning sums every subscription of the product", "[sim][licences]") {
    Journey j = with_donation();
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"users", {kAdmin, upn("lena")}}});
    json p = j.fails("licences.no_seats_left", "licences.assign", kAdmin,
                     {{"sku", kDonation}, {"user", upn("uwe")}});
    CHECK(p["available"] == 0);
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 3}});
    const auto rows = sim::licences_page(j.world());
    auto row =
        std::find_if(rows.begin(), rows.end(), [](const sim::LicenceRow& r) { return r.sku == kDonation; });
    REQUIRE(row != rows.end());
    CHECK(row->total == 5);
    CHECK(row->available() == 3);
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("uwe")}});
    j.fails("licences.unknown_product", "licences.assign", kAdmin, {{"sku", "NOPE"}, {"user", upn("uwe")}});
    j.fails("licences.unknown_user", "licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("ghost")}});
    j.fails("licences.no_users", "licences.assign", kAdmin, {{"sku", kDonation}});
}

TEST_CASE("a Billing Administrator can buy but not assign, License and User Administrators can assign",
          "[sim][licences][roles]") {
    Journey j = with_donation();
    j.fails("licences.insufficient_role", "licences.assign", upn("bill"),
            {{"sku", kDonation}, {"user", upn("bill")}});
    j.ok("licences.assign", upn("lena"), {{"sku", kDonation}, {"user", upn("lena")}});
    j.ok("licences.assign", upn("uwe"), {{"sku", kDonation}, {"user", upn("uwe")}});
    j.fails("licences.insufficient_role", "licences.unassign", upn("vera"),
            {{"sku", kDonation}, {"user", upn("uwe")}});
}

TEST_CASE("two Business suites on one user conflict", "[sim][licences]") {
    Journey j = with_donation();
    j.ok("billing.place_order", kAdmin, {{"sku", kBasicGrant}, {"quantity", 5}});
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", kAdmin}});
    json p = j.fails("licences.conflicting_plans", "licences.assign", kAdmin,
                     {{"sku", kBasicGrant}, {"user", kAdmin}});
    CHECK(p["held"] == kDonation);
    j.fails("licences.already_assigned", "licences.assign", kAdmin, {{"sku", kDonation}, {"user", kAdmin}});
}

TEST_CASE("at most 20 users get a licence at once, all or nothing", "[sim][licences]") {
    json people = json::array();
    for (int i = 0; i < 21; ++i)
        people.push_back({{"upn", "p" + std::to_string(i)}, {"usage_location", "DE"}});
    Journey j(world_from(approved_scenario(people)));
    j.ok("billing.place_order", kAdmin, {{"sku", kBasicGrant}, {"quantity", 30}});
    json all = json::array();
    for (int i = 0; i < 21; ++i) all.push_back(upn(("p" + std::to_string(i)).c_str()));
    CHECK(j.fails("licences.too_many_users", "licences.assign", kAdmin,
                  {{"sku", kBasicGrant}, {"users", all}})["max"] == 20);
    all.erase(all.size() - 1);
    json with_ghost = all;
    with_ghost[19] = "ghost@tsvmuster.onmicrosoft.com";
    j.fails("licences.unknown_user", "licences.assign", kAdmin,
            {{"sku", kBasicGrant}, {"users", with_ghost}});
    CHECK(sim::seats_of(j.world(), kBasicGrant).assigned == 0);
    j.ok("licences.assign", kAdmin, {{"sku", kBasicGrant}, {"users", all}});
    CHECK(sim::seats_of(j.world(), kBasicGrant).assigned == 20);
}

TEST_CASE("an assigned licence is pending until the propagation delay has passed",
          "[sim][licences][propagation]") {
    Journey j(world_from(approved_scenario(staff(), json::object())));
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 2}});
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("lena")}});
    const sim::LicenceAssignment* l = j.person(upn("lena")).licence(kDonation);
    REQUIRE(l != nullptr);
    CHECK(l->state == sim::LicenceState::Pending);
    CHECK(l->active_at - l->assigned_at >= kMinute);
    CHECK(l->active_at - l->assigned_at <= 15 * kMinute);
    j.advance(15 * kMinute);
    CHECK(j.person(upn("lena")).licence(kDonation)->state == sim::LicenceState::Active);

    // Unassigned while pending: the late propagation event changes nothing.
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("uwe")}});
    j.ok("licences.unassign", kAdmin, {{"sku", kDonation}, {"user", upn("uwe")}});
    j.advance(20 * kMinute);
    CHECK(j.person(upn("uwe")).licences.empty());
    CHECK(sim::seats_of(j.world(), kDonation).assigned == 1);
    j.fails("licences.not_assigned", "licences.unassign", kAdmin, {{"sku", kDonation}, {"user", upn("uwe")}});
}

TEST_CASE("a granted licence for a volunteer works but is a compliance violation",
          "[sim][licences][compliance]") {
    Journey j = with_donation();
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("vera")}});
    REQUIRE(j.world().violations.size() == 1);
    CHECK(j.world().violations[0].rule == "grant_not_entitled");
    CHECK(j.world().violations[0].kind == sim::PersonKind::Volunteer);
    j.ok("licences.unassign", kAdmin, {{"sku", kDonation}, {"user", upn("vera")}});
    CHECK(j.world().violations[0].resolved_at == j.sim.now());

    // Discounted licences are fine for volunteers, not for members.
    j.ok("billing.place_order", kAdmin, {{"sku", kStandardStaff}, {"quantity", 2}});
    j.ok("licences.assign", kAdmin, {{"sku", kStandardStaff}, {"users", {upn("vera"), upn("mia")}}});
    REQUIRE(j.world().violations.size() == 2);
    CHECK(j.world().violations[1].rule == "discount_not_entitled");
    CHECK(j.world().violations[1].upn == upn("mia"));
}

TEST_CASE("Business Basic offers the web apps only", "[sim][myaccount]") {
    Journey j(world_from(approved_scenario()));
    j.ok("billing.place_order", kAdmin, {{"sku", kBasicGrant}, {"quantity", 5}});
    j.ok("licences.assign", kAdmin, {{"sku", kBasicGrant}, {"user", kAdmin}});
    j.advance(15 * kMinute);
    sim::OfficeAppsView v = sim::office_apps_view(j.world(), kAdmin);
    CHECK(v.web_apps);
    CHECK_FALSE(v.desktop_install);
    CHECK(v.message_key == "myaccount.no_office_licence");
    CHECK(sim::office_apps_view(j.world(), "ghost@x").message_key == "myaccount.cannot_sign_in");
}

TEST_CASE("buying more licences can name the product instead of the subscription id", "[sim][billing]") {
    Journey j(world_from(approved_scenario()));
    j.ok("billing.place_order", kAdmin, {{"sku", kPremiumStaff}, {"quantity", 2}});
    j.ok("billing.change_quantity", kAdmin, {{"sku", kPremiumStaff}, {"quantity", 5}});
    CHECK(sim::seats_of(j.world(), kPremiumStaff).total == 5);
    j.fails("billing.unknown_subscription", "billing.change_quantity", kAdmin,
            {{"sku", kStandardStaff}, {"quantity", 5}});
}
