// tests/sim/test_users_mail_catalog.cpp — users (add, edit, delete, filters), mail, the catalog
// editions and overrides, the start state's errors, and the sim's i18n coverage.
#include "journey_fixture.hpp"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sim/data_files.hpp"
#include "sim/mail.hpp"
#include "sim/users.hpp"

using namespace journey_test;

namespace {

std::string upn(const char* name) {
    return std::string(name) + "@tsvmuster.onmicrosoft.com";
}

json people() {
    return json::array({{{"upn", "uwe"}, {"usage_location", "DE"}, {"roles", {"user_admin"}}},
                        {{"upn", "lena"}, {"usage_location", "DE"}, {"roles", {"license_admin"}}},
                        {{"upn", "bill"}, {"usage_location", "DE"}, {"roles", {"billing_admin"}}},
                        {{"upn", "tom"}, {"usage_location", "DE"}}});
}

json new_user(const char* name) {
    return {{"first_name", name},
            {"last_name", "Muster"},
            {"display_name", std::string(name) + " Muster"},
            {"username", name},
            {"usage_location", "DE"}};
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("adding a user follows the wizard and sends a welcome mail", "[sim][users]") {
    Journey j(world_from(approved_scenario(people())));
    json data = j.ok("users.add", kAdmin, new_user("max"));
    CHECK(data["upn"] == upn("max"));
    CHECK(data["id"].get<std::string>().rfind("user-", 0) == 0);
    const sim::Person& max = j.person(upn("max"));
    CHECK(max.must_change_password);
    const sim::Mail* welcome = sim::find_mail(j.world(), upn("max"), "mail.welcome.subject");
    REQUIRE(welcome != nullptr);
    CHECK(welcome->params["upn"] == upn("max"));

    j.fails("users.username_taken", "users.add", kAdmin, new_user("max"));
    json u = new_user("eva");
    u["display_name"] = "";
    CHECK(j.fails("users.field_required", "users.add", kAdmin, u)["field"] == "display_name");
    u = new_user("eva");
    u["username"] = "eva muster";
    j.fails("users.invalid_username", "users.add", kAdmin, u);
    u = new_user("eva");
    u["domain"] = "verein.de";
    j.fails("users.unknown_domain", "users.add", kAdmin, u);
    u = new_user("eva");
    u["usage_location"] = "Deutschland";
    j.fails("users.invalid_usage_location", "users.add", kAdmin, u);
    u = new_user("eva");
    u["password_mode"] = "own";
    j.fails("users.field_required", "users.add", kAdmin, u);
    u["password"] = "short";
    j.fails("password.too_short", "users.add", kAdmin, u);
    u["password"] = "onlylowercaseletters";
    j.fails("password.too_weak", "users.add", kAdmin, u);
    u["password_mode"] = "emailed";
    j.fails("users.invalid_password_mode", "users.add", kAdmin, u);
    u = new_user("eva");
    u["kind"] = "robot";
    j.fails("users.invalid_kind", "users.add", kAdmin, u);
    u = new_user("eva");
    u["roles"] = {"emperor"};
    j.fails("users.unknown_role", "users.add", kAdmin, u);
    u["roles"] = {"billing_admin"};
    j.fails("users.roles_need_global_admin", "users.add", upn("uwe"), u);
    j.fails("users.insufficient_role", "users.add", upn("bill"), new_user("eva"));
    j.fails("users.insufficient_role", "users.add", upn("tom"), new_user("eva"));
    j.ok("users.add", upn("uwe"), new_user("eva"));
}

TEST_CASE("the add-user wizard assigns licences with the same rules", "[sim][users][licences]") {
    Journey j(world_from(approved_scenario(people())));
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 1}});
    json u = new_user("max");
    u["licences"] = {kDonation};
    u["usage_location"] = "";
    j.fails("licences.no_usage_location", "users.add", kAdmin, u);
    u["usage_location"] = "DE";
    u["licences"] = {kDonation, kBasicGrant};
    j.fails("licences.conflicting_plans", "users.add", kAdmin, u);
    u["licences"] = {kDonation};
    j.ok("users.add", kAdmin, u);
    CHECK(j.person(upn("max")).licence(kDonation)->state == sim::LicenceState::Pending);
    u = new_user("eva");
    u["licences"] = {kDonation};
    j.fails("licences.no_seats_left", "users.add", kAdmin, u);
    CHECK(j.world().find_person(upn("eva")) == nullptr);
}

TEST_CASE("editing a user: usage location, roles, block sign-in", "[sim][users]") {
    Journey j(world_from(approved_scenario(people())));
    j.ok("users.edit", upn("lena"), {{"user", upn("tom")}, {"usage_location", "AT"}});
    CHECK(j.person(upn("tom")).usage_location == "AT");
    j.fails("users.insufficient_role", "users.edit", upn("lena"),
            {{"user", upn("tom")}, {"block_sign_in", true}});
    j.fails("users.insufficient_role", "users.edit", upn("bill"),
            {{"user", upn("tom")}, {"usage_location", "DE"}});
    j.fails("users.invalid_usage_location", "users.edit", kAdmin,
            {{"user", upn("tom")}, {"usage_location", "xx"}});
    j.fails("users.unknown_user", "users.edit", kAdmin, {{"user", upn("ghost")}, {"usage_location", "DE"}});
    j.fails("users.roles_need_global_admin", "users.edit", upn("uwe"),
            {{"user", upn("tom")}, {"roles", {"user_admin"}}});
    j.fails("users.insufficient_role", "users.edit", upn("uwe"),
            {{"user", upn("bill")}, {"display_name", "B"}});
    j.fails("users.field_required", "users.edit", kAdmin, {{"user", upn("tom")}, {"display_name", ""}});
    j.ok("users.edit", kAdmin, {{"user", upn("tom")}, {"roles", {"billing_admin"}}});
    CHECK(j.person(upn("tom")).has_role(sim::Role::BillingAdmin));
    j.fails("users.last_global_admin", "users.edit", kAdmin, {{"user", kAdmin}, {"roles", json::array()}});
    j.fails("users.cannot_block_self", "users.edit", kAdmin, {{"user", kAdmin}, {"block_sign_in", true}});
    j.fails("users.insufficient_role", "users.edit", upn("uwe"),
            {{"user", upn("lena")}, {"block_sign_in", true}});
    j.ok("users.edit", kAdmin, {{"user", upn("lena")}, {"block_sign_in", true}});
    j.fails("auth.sign_in_blocked", "users.add", upn("lena"), new_user("eva"));
    // A licensed user keeps a usage location.
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 1}});
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("uwe")}});
    j.fails("users.usage_location_in_use", "users.edit", kAdmin,
            {{"user", upn("uwe")}, {"usage_location", ""}});
}

TEST_CASE("deleting a user frees the licences at once", "[sim][users]") {
    Journey j(world_from(approved_scenario(people())));
    j.ok("billing.place_order", kAdmin, {{"sku", kDonation}, {"quantity", 1}});
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("tom")}});
    j.fails("users.insufficient_role", "users.delete", upn("lena"), {{"user", upn("tom")}});
    j.fails("users.cannot_delete_self", "users.delete", kAdmin, {{"user", kAdmin}});
    j.fails("users.insufficient_role", "users.delete", upn("uwe"), {{"user", upn("bill")}});
    j.ok("users.delete", upn("uwe"), {{"user", upn("tom")}});
    CHECK(sim::seats_of(j.world(), kDonation).assigned == 0);
    j.fails("users.unknown_user", "users.delete", kAdmin, {{"user", upn("tom")}});
    j.fails("auth.unknown_account", "portal.sign_in", upn("tom"));
    j.ok("licences.assign", kAdmin, {{"sku", kDonation}, {"user", upn("uwe")}});
    j.ok("users.edit", kAdmin, {{"user", upn("uwe")}, {"roles", {"global_admin"}}});
    j.ok("users.delete", upn("uwe"), {{"user", kAdmin}});
    j.fails("users.last_global_admin", "users.edit", upn("uwe"),
            {{"user", upn("uwe")}, {"roles", json::array()}});
}

TEST_CASE("the Active users filters are pure queries", "[sim][users]") {
    Journey j(world_from(approved_scenario(people())));
    using sim::UserFilter;
    CHECK(sim::list_users(j.world(), UserFilter::All).size() == 5);
    CHECK(sim::list_users(j.world(), UserFilter::Licensed).size() == 1);  // Anna: Nonprofit Portal
    CHECK(sim::list_users(j.world(), UserFilter::Unlicensed).size() == 4);
    CHECK(sim::list_users(j.world(), UserFilter::Admins).size() == 4);
    CHECK(sim::list_users(j.world(), UserFilter::GlobalAdmins).size() == 1);
    CHECK(sim::list_users(j.world(), UserFilter::BillingAdmins).size() == 1);
    UserFilter f;
    CHECK(sim::parse_user_filter("unlicensed", f));
    CHECK(f == UserFilter::Unlicensed);
    CHECK_FALSE(sim::parse_user_filter("guests", f));
}

TEST_CASE("mail can be marked read by its owner only", "[sim][mail]") {
    Journey j(world_from(approved_scenario(people())));
    j.ok("users.add", kAdmin, new_user("max"));
    const std::string id = sim::inbox(j.world(), upn("max")).front()->id;
    CHECK(sim::unread_count(j.world(), upn("max")) == 1);
    j.fails("mail.unknown_mail", "mail.mark_read", kAdmin, {{"mail", id}});
    j.ok("mail.mark_read", upn("max"), {{"mail", id}});
    CHECK(sim::unread_count(j.world(), upn("max")) == 0);
}

TEST_CASE("catalog editions load, and scenarios override their products", "[sim][catalog]") {
    sim::Catalog before = catalog("before-2025-07");
    sim::Catalog after = catalog("from-2025-07");
    CHECK(before.find(kDonation) != nullptr);
    CHECK(before.find(kDonation)->max_seats == 10);
    CHECK(before.find(kBasicGrant)->max_seats == 300);
    CHECK(before.find("SPB")->audience == "commercial");
    CHECK(after.find(kDonation) == nullptr);
    CHECK(after.find(kBasicGrant) != nullptr);
    CHECK_FALSE(after.find(kBasicGrant)->desktop_apps);

    sim::Catalog c = catalog("before-2025-07", {{kPremiumStaff, {{"price_cents", 600}}},
                                                {kStandardStaff, nullptr},
                                                {"EXTRA", {{"name", "Extra"}, {"price_cents", 100}}}});
    CHECK(c.find(kPremiumStaff)->price_cents == 600);
    CHECK(c.find(kPremiumStaff)->desktop_apps);
    CHECK(c.find(kStandardStaff) == nullptr);
    CHECK(c.find("EXTRA") != nullptr);

    std::string error;
    sim::Catalog bad;
    CHECK_FALSE(sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "1999", nullptr, bad, error));
    CHECK(error.find("1999") != std::string::npos);
    CHECK_FALSE(sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "../x", nullptr, bad, error));
    CHECK_FALSE(
        sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "before-2025-07", {{"NOPE", nullptr}}, bad, error));
    CHECK_FALSE(sim::load_catalog_edition(NPSIM_TEST_ASSET_DIR, "before-2025-07",
                                          {{kPremiumStaff, {{"price_cents", -1}}}}, bad, error));
    CHECK(error.find("price_cents") != std::string::npos);
    CHECK_FALSE(sim::load_catalog_file("/nonexistent.json", bad, error));
}

TEST_CASE("a broken start state is reported with JSON pointers", "[sim][scenario]") {
    json s = approved_scenario(json::array({{{"upn", "x"}, {"usage_location", "Germany"}},
                                            {{"upn", "y"}, {"kind", "robot"}, {"licences", {kDonation}}},
                                            {{"upn", "anna"}}}));
    s["settings"] = {{"verification_outcomes", {"maybe"}}, {"typo", 1}};
    s["delays"] = {{"verification", "soon"}};
    sim::World w;
    std::vector<sim::StartStateError> errors;
    CHECK_FALSE(sim::world_from_scenario(s, catalog(), w, errors));
    std::set<std::string> pointers;
    for (const auto& e : errors) pointers.insert(e.pointer);
    CHECK(pointers.count("/start/people/1/usage_location") == 1);
    CHECK(pointers.count("/start/people/2/kind") == 1);
    CHECK(pointers.count("/start/people/2/licences/0") == 1);
    CHECK(pointers.count("/start/people/3/upn") == 1);
    CHECK(pointers.count("/settings/verification_outcomes/0") == 1);
    CHECK(pointers.count("/settings/typo") == 1);
    CHECK(pointers.count("/delays/verification") == 1);
}

TEST_CASE("the world's state covers the catalog and the settings", "[sim][world]") {
    sim::World a = world_from(approved_scenario());
    sim::World b = world_from(approved_scenario(json::array(), {{"licence_removal_window", "72h"}}));
    CHECK(sim::to_json(a)["settings"] != sim::to_json(b)["settings"]);
    CHECK(sim::to_json(a)["catalog"]["edition"] == "before-2025-07");
    CHECK(b.settings.licence_removal_window == 72 * sim::kHour);
}

TEST_CASE("every error code and mail text of the journey has English and German text", "[sim][i18n]") {
    const std::string dir = NPSIM_TEST_ASSET_DIR;
    json en = json::parse(read_text(dir + "/i18n/sim/en.json"));
    json de = json::parse(read_text(dir + "/i18n/sim/de.json"));
    std::set<std::string> en_keys, de_keys;
    for (auto it = en.begin(); it != en.end(); ++it) en_keys.insert(it.key());
    for (auto it = de.begin(); it != de.end(); ++it) de_keys.insert(it.key());
    CHECK(en_keys == de_keys);

    // Scan the journey's sources for every code they can return and every mail key they send.
    // Whitespace allowed after "(": clang-format may break the line there.
    const std::regex code_re(R"re((?:failure|add)\(\s*"([a-z_]+\.[a-z_.]+)")re");
    const std::regex mail_re(R"re("(mail\.[a-z_]+)")re");
    std::set<std::string> needed = {"error.password.too_short", "error.password.too_weak",
                                    "error.password.too_long"};
    for (const char* file : {"portal", "billing", "users", "licences", "mail", "journey"}) {
        const std::string src = read_text(dir + "/../sim/domain/" + file + ".cpp");
        REQUIRE_FALSE(src.empty());
        for (std::sregex_iterator it(src.begin(), src.end(), code_re), end; it != end; ++it)
            needed.insert("error." + (*it)[1].str());
        for (std::sregex_iterator it(src.begin(), src.end(), mail_re), end; it != end; ++it) {
            const std::string key = (*it)[1].str();
            if (key == "mail.mark_read" || key == "mail.unknown_mail") continue;
            needed.insert(key + ".subject");
        }
    }
    for (const char* reason :
         {"third_party_registration", "excluded_org_type", "not_recognised", "not_eligible"})
        needed.insert(std::string("mail.declined.body.") + reason);
    for (const char* reason : {"missing_registration_id", "missing_proof", "documents_unclear"})
        needed.insert(std::string("mail.information_requested.body.") + reason);
    CHECK(needed.size() > 60);
    for (const auto& key : needed) {
        INFO(key);
        CHECK(en_keys.count(key) == 1);
        CHECK(de_keys.count(key) == 1);
    }
    CHECK(en["error.licences.no_usage_location"] ==
          "License cannot be assigned to a user without a usage location specified.");
    CHECK(en["mail.approved.subject"] ==
          "Your organization is now eligible for donations and discounts from Microsoft");
    CHECK(en["myaccount.no_office_licence"] ==
          "You currently have not been assigned an Office license that includes the Office desktop apps");
}
