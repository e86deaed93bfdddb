// tests/sim/test_check_references.cpp — the loader resolves every reference of a scenario (issue 12, item 3):
// the operations of the reference solution, their argument names and types (sim::journey_registry()), the
// result codes "expect" and "last_result" name, the SKUs and offers of the catalog edition, and the sim
// text keys of the start state's mail. Each error has its JSON pointer and, when a known name is close, a
// "did you mean". npsim-cli check, run and the app all load through the same loader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/data_files.hpp"
#include "sim/i18n.hpp"
#include "sim/registry.hpp"
#include "sim/scenario.hpp"
#include "sim/solution.hpp"

using namespace sim;
using nlohmann::json;

namespace {

constexpr const char* kRefcheckActor = "anna@tsvmuster.onmicrosoft.com";

// The smallest valid scenario (catalog edition before-2025-07), to which each test adds one part.
json refcheck_doc() {
    return json{{"schema_version", 1},
                {"id", "refcheck"},
                {"title", {{"en", "References"}, {"de", "Verweise"}}},
                {"modes", {"guided", "exam"}}};
}

// A solution of one action step, with "expect" when given.
json refcheck_solution(json action, const std::string& expect = {}) {
    json step = {{"action", std::move(action)}};
    if (!expect.empty()) step["expect"] = expect;
    json doc = refcheck_doc();
    doc["solution"] = json::array({step});
    return doc;
}

// One objective with `condition`.
json refcheck_objective(json condition) {
    json doc = refcheck_doc();
    doc["objectives"] = json::array({{{"title", "Goal"}, {"condition", std::move(condition)}}});
    return doc;
}

// The loader's errors for `doc`, each as "/pointer: message" (none when it loads).
std::vector<std::string> refcheck_errors(const json& doc) {
    const ScenarioLoad l = load_scenario_text(doc.dump(2), "refs.json");
    std::vector<std::string> out;
    for (const auto& e : l.errors) out.push_back(e.where + ": " + e.message);
    CHECK(l.ok() == out.empty());
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("check: an unknown operation in a solution step, with a did-you-mean",
          "[sim][scenario][references]") {
    CHECK(refcheck_errors(refcheck_solution({{"type", "licences.asign"}, {"actor", kRefcheckActor}})) ==
          Lines{"/solution/0/action/type: unknown operation \"licences.asign\" — did you mean "
                "\"licences.assign\"?"});
    CHECK(refcheck_errors(refcheck_solution({{"type", "portal.fly_to_the_moon"}})) ==
          Lines{"/solution/0/action/type: unknown operation \"portal.fly_to_the_moon\""});
}

TEST_CASE("check: argument names are the operation's declared ones", "[sim][scenario][references]") {
    CHECK(
        refcheck_errors(refcheck_solution({{"type", "mail.mark_read"},
                                           {"actor", kRefcheckActor},
                                           {"mail", "mail-0001"},
                                           {"reed", true}})) ==
        Lines{
            "/solution/0/action/reed: unknown argument \"reed\" of mail.mark_read — did you mean \"read\"?"});
    CHECK(refcheck_errors(refcheck_solution({{"type", "licences.assign"},
                                             {"actor", kRefcheckActor},
                                             {"sku", "NONPROFIT_PORTAL"},
                                             {"colour", "red"}})) ==
          Lines{"/solution/0/action/colour: unknown argument \"colour\" of licences.assign"});
    // A key with "/" or "~" is named by its escaped JSON pointer token.
    CHECK(refcheck_errors(
              refcheck_solution({{"type", "portal.sign_in"}, {"actor", kRefcheckActor}, {"a/b", 1}})) ==
          Lines{"/solution/0/action/a~1b: unknown argument \"a/b\" of portal.sign_in"});
    // "type" and "actor" are every action's; the declared arguments pass.
    CHECK(refcheck_errors(refcheck_solution({{"type", "licences.assign"},
                                             {"actor", kRefcheckActor},
                                             {"sku", "NONPROFIT_PORTAL"},
                                             {"users", {kRefcheckActor}}}))
              .empty());
}

TEST_CASE("check: an undeclared password-like argument is left to redaction", "[sim][scenario][references]") {
    // Stray secrets are redacted from every journal and file (sim/action.hpp); test_secrets plays them.
    CHECK(refcheck_errors(refcheck_solution({{"type", "portal.sign_in"},
                                             {"actor", kRefcheckActor},
                                             {"adminPassword", "x"},
                                             {"credentials", {{"password", "y"}}}}))
              .empty());
}

TEST_CASE("check: argument values have the declared JSON type", "[sim][scenario][references]") {
    CHECK(refcheck_errors(refcheck_solution({{"type", "billing.place_order"},
                                             {"actor", kRefcheckActor},
                                             {"sku", "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT"},
                                             {"quantity", "10"}})) ==
          Lines{"/solution/0/action/quantity: must be a whole number, not a text"});
    CHECK(refcheck_errors(refcheck_solution({{"type", "licences.assign"},
                                             {"actor", kRefcheckActor},
                                             {"sku", "NONPROFIT_PORTAL"},
                                             {"users", kRefcheckActor}})) ==
          Lines{"/solution/0/action/users: must be an array of texts, not a text"});
    CHECK(refcheck_errors(refcheck_solution(
              {{"type", "mail.mark_read"}, {"actor", kRefcheckActor}, {"mail", "mail-0001"}, {"read", 1}})) ==
          Lines{"/solution/0/action/read: must be true or false, not 1"});
    CHECK(refcheck_errors(refcheck_solution({{"type", "instructor.add_fault"}, {"rule", json::array()}})) ==
          Lines{"/solution/0/action/rule: must be an object, not an array"});
}

TEST_CASE("check: a required argument is present", "[sim][scenario][references]") {
    CHECK(refcheck_errors(refcheck_solution({{"type", "instructor.arm_fault"}})) ==
          Lines{"/solution/0/action: missing required argument \"id\" of instructor.arm_fault"});
}

TEST_CASE("check: expect names ok or a code an action can end with", "[sim][scenario][references]") {
    const json sign_in = {{"type", "portal.sign_in"}, {"actor", kRefcheckActor}};
    CHECK(refcheck_errors(refcheck_solution(sign_in, "throttle")) ==
          Lines{"/solution/0/expect: unknown result code \"throttle\" — did you mean \"throttled\"?"});
    CHECK(refcheck_errors(refcheck_solution(sign_in, "portal.no_portal_license")) ==
          Lines{"/solution/0/expect: unknown result code \"portal.no_portal_license\" — did you mean "
                "\"portal.no_portal_licence\"?"});
    // Declared codes of any operation, and the engine's own: fault effects, a hang's time-out.
    for (const char* code :
         {"ok", "portal.no_portal_licence", "billing.unknown_product", "service.unavailable", "throttled",
          "throttled.early_retry", "fault.custom", "action.timed_out"}) {
        INFO(code);
        CHECK(refcheck_errors(refcheck_solution(sign_in, code)).empty());
    }
    // A code the scenario's own fault rule injects may be expected; the rule's unknown code is the one
    // error (sim/fault_refs.hpp: a fault's code must be a known result code, or the trainee sees a raw key).
    json doc = refcheck_solution(sign_in, "portal.maintenance");
    doc["faults"] = json::array({{{"operation", "portal.*"}, {"error", "portal.maintenance"}}});
    const Lines fault_errors = refcheck_errors(doc);
    CHECK(std::count(fault_errors.begin(), fault_errors.end(),
                     "/faults/0/error: unknown result code \"portal.maintenance\" — did you mean "
                     "\"portal.no_tenant\"?") == 1);
    for (const std::string& e : fault_errors) CHECK(e.find("/solution/0/expect") == std::string::npos);
}

TEST_CASE("known_result_codes: ok, every declared error, the engine's codes and the extra ones",
          "[sim][scenario][references]") {
    const std::vector<std::string> codes = known_result_codes(journey_registry(), {"custom.code"});
    CHECK(std::is_sorted(codes.begin(), codes.end()));
    auto has = [&](const std::string& c) { return std::find(codes.begin(), codes.end(), c) != codes.end(); };
    for (const auto& [name, op] : journey_registry().actions)
        for (const auto& e : op.errors) {
            INFO(name << ": " << e);
            CHECK(has(e));
        }
    for (const char* c : {"ok", "service.unavailable", "throttled", "throttled.early_retry", "fault.custom",
                          "action.timed_out", "instructor.restored", "custom.code"})
        CHECK(has(c));
    CHECK_FALSE(has("throttle"));
}

TEST_CASE("check: SKUs of objectives are in the catalog edition", "[sim][scenario][references]") {
    CHECK(
        refcheck_errors(
            refcheck_objective({{"subscription", {{"sku", "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRNT"}}}})) ==
        Lines{"/objectives/0/condition/subscription/sku: unknown SKU "
              "\"O365_BUSINESS_ESSENTIALS_NONPROFIT_GRNT\" in "
              "catalog edition before-2025-07 — did you mean \"O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT\"?"});
    // Inside all / any / not, and in a wait_until step.
    CHECK(
        refcheck_errors(refcheck_objective({{"all",
                                             {{{"portal_status", "approved"}},
                                              {{"not", {{"licensed", {{"sku", "NONPROFIT_PORTL"}}}}}}}}})) ==
        Lines{"/objectives/0/condition/all/1/not/licensed/sku: unknown SKU \"NONPROFIT_PORTL\" in catalog "
              "edition "
              "before-2025-07 — did you mean \"NONPROFIT_PORTAL\"?"});
    json waits = refcheck_doc();
    waits["solution"] =
        json::array({{{"wait_until", {{"licensed", {{"sku", "NO_SUCH_THING"}}}}}, {"max", "1d"}}});
    CHECK(refcheck_errors(waits) == Lines{"/solution/0/wait_until/licensed/sku: unknown SKU "
                                          "\"NO_SUCH_THING\" in catalog edition before-2025-07"});
    // The objectives' list form {"ordered": true, "items": […]}, and the paid-where-free penalty.
    json ordered = refcheck_doc();
    ordered["objectives"] = {
        {"ordered", true},
        {"items", json::array({{{"title", "Goal"}, {"condition", {{"subscription", {{"sku", "SPB"}}}}}}})}};
    ordered["penalties"] = {
        {"paid_where_free", {{"points", 5}, {"skus", {"O365_BUSINESS_PREMIUM", "0365_BUSINESS_PREMIUM"}}}}};
    CHECK(refcheck_errors(ordered) ==
          Lines{"/penalties/paid_where_free/skus/1: unknown SKU \"0365_BUSINESS_PREMIUM\" in catalog edition "
                "before-2025-07 — did you mean \"O365_BUSINESS_PREMIUM\"?"});
}

TEST_CASE("check: the catalog's overrides add and remove SKUs", "[sim][scenario][references]") {
    // Removed: no longer in the catalog.
    json removed = refcheck_objective({{"subscription", {{"sku", "SPB"}}}});
    removed["catalog"] = {{"edition", "before-2025-07"}, {"overrides", {{"SPB", nullptr}}}};
    CHECK(refcheck_errors(removed) ==
          Lines{"/objectives/0/condition/subscription/sku: unknown SKU \"SPB\" in catalog "
                "edition before-2025-07"});
    // Added: a copy of a shipped product under a new SKU.
    json catalog = json::parse(std::ifstream(NPSIM_TEST_ASSET_DIR "/catalog/before-2025-07.json"));
    json product = catalog["products"][0];
    product.erase("sku");
    json added = refcheck_objective({{"subscription", {{"sku", "CUSTOM_SKU"}}}});
    added["catalog"] = {{"edition", "before-2025-07"}, {"overrides", {{"CUSTOM_SKU", product}}}};
    CHECK(refcheck_errors(added).empty());
}

TEST_CASE("check: SKUs and offers of solution actions are in the catalog edition",
          "[sim][scenario][references]") {
    CHECK(refcheck_errors(refcheck_solution({{"type", "licences.assign"},
                                             {"actor", kRefcheckActor},
                                             {"sku", "NONPROFIT_PORTL"},
                                             {"user", kRefcheckActor}})) ==
          Lines{"/solution/0/action/sku: unknown SKU \"NONPROFIT_PORTL\" in catalog edition before-2025-07 — "
                "did you "
                "mean \"NONPROFIT_PORTAL\"?"});
    CHECK(refcheck_errors(refcheck_solution(
              {{"type", "users.add"},
               {"actor", kRefcheckActor},
               {"first_name", "Ben"},
               {"licences", {"NONPROFIT_PORTAL", "M365_BUSINESS_PREMIUM_NONPROFIT_STAF"}}})) ==
          Lines{"/solution/0/action/licences/1: unknown SKU \"M365_BUSINESS_PREMIUM_NONPROFIT_STAF\" in "
                "catalog edition "
                "before-2025-07 — did you mean \"M365_BUSINESS_PREMIUM_NONPROFIT_STAFF\"?"});
    CHECK(refcheck_errors(refcheck_solution(
              {{"type", "portal.open_offer"}, {"actor", kRefcheckActor}, {"offer", "microsoft365"}})) ==
          Lines{"/solution/0/action/offer: unknown offer \"microsoft365\" in catalog edition before-2025-07 "
                "— did you "
                "mean \"microsoft_365\"?"});
    // A step that tries an unknown product or offer on purpose says so with its expect.
    CHECK(refcheck_errors(
              refcheck_solution({{"type", "billing.place_order"}, {"actor", kRefcheckActor}, {"sku", "NOPE"}},
                                "billing.unknown_product"))
              .empty());
    CHECK(refcheck_errors(
              refcheck_solution({{"type", "portal.open_offer"}, {"actor", kRefcheckActor}, {"offer", "nope"}},
                                "portal.unknown_offer"))
              .empty());
}

TEST_CASE("check: last_result names a known result code", "[sim][scenario][references]") {
    CHECK(refcheck_errors(refcheck_objective(
              {{"last_result", {{"operation", "billing.*"}, {"error", "billing.grant_limit"}}}})) ==
          Lines{"/objectives/0/condition/last_result/error: unknown result code \"billing.grant_limit\""});
    CHECK(refcheck_errors(
              refcheck_objective({{"last_result", {{"operation", "billing.*"}, {"error", "throttled"}}}}))
              .empty());
}

TEST_CASE("check: mail text keys exist in the sim texts", "[sim][scenario][references]") {
    json doc = refcheck_doc();
    doc["start"] = {{"tenant", {{"name", "tsvmuster"}}},
                    {"people",
                     {{{"upn", kRefcheckActor},
                       {"first_name", "Anna"},
                       {"last_name", "Muster"},
                       {"kind", "unpaid_executive"},
                       {"usage_location", "DE"},
                       {"roles", {"global_admin"}}}}},
                    {"mail",
                     {{{"to", kRefcheckActor},
                       {"subject_key", "mail.approved.subject"},
                       {"body_key", "mail.approved.body"}}}}};
    CHECK(refcheck_errors(doc).empty());
    doc["start"]["mail"][0]["subject_key"] = "mail.aproved.subject";
    doc["start"]["mail"][0]["body_key"] = "my.own.text";
    CHECK(refcheck_errors(doc) ==
          Lines{"/start/mail/0/subject_key: unknown text key \"mail.aproved.subject\" — did "
                "you mean \"mail.approved.subject\"?",
                "/start/mail/0/body_key: unknown text key \"my.own.text\""});
    json wanted =
        refcheck_objective({{"mail", {{"to", kRefcheckActor}, {"subject_key", "mail.welcome.subjet"}}}});
    CHECK(refcheck_errors(wanted) ==
          Lines{"/objectives/0/condition/mail/subject_key: unknown text key "
                "\"mail.welcome.subjet\" — did you mean \"mail.welcome.subject\"?"});
}

TEST_CASE("check_scenario_text_keys: nothing is checked without texts", "[sim][scenario][references]") {
    json doc = refcheck_objective({{"mail", {{"to", kRefcheckActor}, {"subject_key", "anything"}}}});
    std::vector<LoadError> errors;
    check_scenario_text_keys(doc, "refs.json", Strings{}, errors);
    CHECK(errors.empty());
    Strings texts;
    texts.merge(json{{"mail.a.subject", "A"}}, "test");
    check_scenario_text_keys(doc, "refs.json", texts, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].to_string() ==
          "refs.json: /objectives/0/condition/mail/subject_key: unknown text key \"anything\"");
}

TEST_CASE("check: the pure loader resolves operations and SKUs with any catalog source",
          "[sim][scenario][references]") {
    const CatalogSource one_product = [](const std::string& edition, const json&, Catalog& out,
                                         std::string&) {
        out.edition = edition;
        Product p;
        p.sku = "ONLY_ONE";
        out.products.push_back(p);
        return true;
    };
    json doc =
        refcheck_solution({{"type", "licences.assign"}, {"actor", kRefcheckActor}, {"sku", "ONLY_ON"}});
    const ScenarioLoad l = load_scenario_text(doc.dump(), "pure.json", one_product);
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].to_string() ==
          "pure.json: /solution/0/action/sku: unknown SKU \"ONLY_ON\" in catalog edition "
          "before-2025-07 — did you mean \"ONLY_ONE\"?");
}

TEST_CASE("check: every shipped scenario resolves all its references", "[sim][scenario][references]") {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(NPSIM_TEST_SCENARIO_DIR)) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const ScenarioLoad l = load_scenario_file(entry.path().string());
        INFO(entry.path().string());
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        CHECK(l.ok());
    }
    CHECK(files > 0);
}
