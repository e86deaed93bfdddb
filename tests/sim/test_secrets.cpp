// tests/sim/test_secrets.cpp — secrets by declaration: an operation's declared password fields become
// "<field>_check"; every other password-like key (any case, any depth) is redacted to "(not stored)";
// no secret reaches a session file, a journal, a debrief, a workshop report or a replay message.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/debrief.hpp"
#include "sim/files.hpp"
#include "sim/journey.hpp"
#include "sim/registry.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

const Strings& strings() {
    static const Strings en = Strings::load(NPSIM_TEST_ASSET_DIR "/i18n", "en");
    return en;
}

// One secret per spelling; none of these strings may appear in any output.
const std::vector<std::pair<std::string, std::string>>& secrets() {
    static const std::vector<std::pair<std::string, std::string>> kSecrets = {
        {"password", "Sekret-plain-password-1"},
        {"new_password", "Sekret-new-password-2"},
        {"Password", "Sekret-Capital-Password-3"},
        {"passwd", "Sekret-passwd-4"},
        {"adminPassword", "Sekret-adminPassword-5"},
        {"secret", "Sekret-secret-6"},
        {"pin", "Sekret-pin-7"},
        {"PIN", "Sekret-PIN-8"},
    };
    return kSecrets;
}
const char* const kNestedSecret = "Sekret-nested-credentials-9";
const char* const kNestedCapital = "Sekret-nested-PASSWORD-10";
const char* const kInstructorPin = "97531";  // the console PIN: dropped from session files entirely

// Every secret spelling, plus a nested {"credentials": {"password"}} and {"auth": [{"PASSWORD"}]}.
void add_secrets(nlohmann::json& args) {
    for (const auto& [key, value] : secrets()) args[key] = value;
    args["credentials"] = {{"user", "anna"}, {"password", kNestedSecret}};
    args["auth"] = nlohmann::json::array({{{"PASSWORD", kNestedCapital}, {"remember", true}}});
}

std::vector<std::string> all_secret_texts() {
    std::vector<std::string> out{kNestedSecret, kNestedCapital, kInstructorPin};
    for (const auto& [key, value] : secrets()) out.push_back(value);
    out.push_back("Demo-Passwort-1");  // the shipped solution's demo password
    return out;
}

// The full journey whose register step carries every secret spelling, with an instructor PIN.
Scenario secret_scenario() {
    std::string text;
    REQUIRE(read_text_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json", text));
    nlohmann::json doc = nlohmann::json::parse(text);
    bool found = false;
    for (auto& step : doc["solution"])
        if (step.contains("action") && step["action"]["type"] == "portal.register") {
            const std::string keep = step["action"]["password"];
            add_secrets(step["action"]);
            step["action"]["password"] = keep;  // the declared field still meets the policy
            found = true;
        }
    REQUIRE(found);
    doc["instructor"] = {{"pin", kInstructorPin}};
    ScenarioLoad l = load_scenario_text(doc.dump(), "secret-journey.json");
    INFO((l.errors.empty() ? std::string() : l.errors.front().to_string()));
    REQUIRE(l.ok());
    return *l.scenario;
}

void check_clean(const std::string& what, const std::string& text) {
    for (const std::string& secret : all_secret_texts()) {
        INFO(what << " holds " << secret);
        CHECK(text.find(secret) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("password-like keys are recognised in any case and inside longer names", "[sim][secrets]") {
    for (const char* key :
         {"password", "Password", "PASSWORD", "passwd", "new_password", "newPassword", "adminPassword",
          "admin_password", "passphrase", "secret", "clientSecret", "client-secret", "secrets", "pin", "PIN",
          "userPin", "user_pin", "pwd", "pincode"}) {
        INFO(key);
        CHECK(is_secret_key(key));
    }
    for (const char* key :
         {"password_check", "new_password_check", "password_mode", "username", "spinner", "pinned",
          "shipping", "mapping", "display_name", "description", "type", "actor", "opinion"}) {
        INFO(key);
        CHECK_FALSE(is_secret_key(key));
    }
}

TEST_CASE("redaction replaces secret values at any depth and keeps flags and the key itself",
          "[sim][secrets]") {
    nlohmann::json j = {{"a", {{"Password", "x1"}, {"list", {{{"passwd", 12345}}, {{"keep", "y"}}}}}},
                        {"must_change_password", true},
                        {"password_mode", "own"},
                        {"pin", nullptr},
                        {"secret", {{"deep", "x2"}}}};
    redact_secret_keys(j);
    CHECK(j["a"]["Password"] == kSecretNotStored);
    CHECK(j["a"]["list"][0]["passwd"] == kSecretNotStored);
    CHECK(j["a"]["list"][1]["keep"] == "y");
    CHECK(j["must_change_password"] == true);
    CHECK(j["password_mode"] == "own");
    CHECK(j["pin"].is_null());
    CHECK(j["secret"] == kSecretNotStored);
    const nlohmann::json once = j;
    redact_secret_keys(j);
    CHECK(j == once);
}

TEST_CASE("each operation declares its password fields in the registry and redaction follows the declaration",
          "[sim][secrets][registry]") {
    const Registry& r = journey_registry();
    CHECK(r.secrets_of("users.add") == std::vector<std::string>{"password"});
    CHECK(r.secrets_of("portal.register") == std::vector<std::string>{"password"});
    CHECK(r.secrets_of("licences.assign").empty());
    CHECK(r.secrets_of("no.such_operation").empty());

    nlohmann::json args = {{"username", "lena"}, {"password", "Geheim-Lena-2025!"}};
    add_secrets(args);
    args["password"] = "Geheim-Lena-2025!";
    const Action declared = r.redact(Action{"users.add", "anna@x", args});
    CHECK_FALSE(declared.args.contains("password"));
    CHECK(declared.args["password_check"] == "ok");
    CHECK(declared.args["new_password"] ==
          kSecretNotStored);  // not declared by users.add: redacted, no check
    CHECK(declared.args["Password"] == kSecretNotStored);
    CHECK(declared.args["credentials"]["password"] == kSecretNotStored);
    CHECK(declared.args["credentials"]["user"] == "anna");
    CHECK(declared.args["auth"][0]["PASSWORD"] == kSecretNotStored);
    CHECK(declared.args["auth"][0]["remember"] == true);
    CHECK(declared.args["username"] == "lena");
    // An operation that declares nothing keeps no password either: the key stays, its value does not.
    const Action undeclared = r.redact(Action{"licences.assign", "anna@x", args});
    CHECK(undeclared.args["password"] == kSecretNotStored);
    CHECK_FALSE(undeclared.args.contains("password_check"));
    check_clean("the redacted actions", to_json(declared).dump() + to_json(undeclared).dump());
    // The journey registry's declarations are the default.
    CHECK(redact_secrets(Action{"users.add", "anna@x", args}) == declared);
}

TEST_CASE("no secret under any spelling reaches a session file, journal, debrief, report or replay message",
          "[sim][secrets][bundle][debrief]") {
    const Scenario sc = secret_scenario();
    REQUIRE(sc.source.dump().find("Sekret-adminPassword-5") != std::string::npos);
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    // A direct action with every spelling too (it fails: no such mail; the failure is a mistake in the
    // debrief).
    nlohmann::json args = {{"mail", 999}};
    add_secrets(args);
    s.submit(Action{"mail.mark_read", "anna@tsvmuster.onmicrosoft.com", args});
    s.run_until(s.now() + kMinute);

    // Session file, as saved and as loaded again.
    const ReproBundle b = make_bundle(sc, s, "secrets case");
    const std::string session = bundle_text(to_json(b));
    check_clean("the session file", session);
    CHECK_FALSE(b.scenario.contains("instructor"));  // the instructor PIN is left out, not only masked
    CHECK(session.find("\"password_check\":\"ok\"") != std::string::npos);
    CHECK(b.scenario["solution"].dump().find(kSecretNotStored) != std::string::npos);
    // Journal JSONL.
    check_clean("the journal", s.journal().to_jsonl());

    // The redacted embedded scenario still loads, and the session still replays bit for bit.
    ReproBundle loaded;
    std::string error;
    REQUIRE(bundle_from_text(session, loaded, error));
    const ReplayReport r = verify_bundle(loaded);
    INFO((r.problems.empty() ? std::string() : r.problems.front()));
    CHECK(r.reproduced());
    CHECK(r.ok());

    // Debrief HTML and JSON (live and replayed).
    const Debrief live = make_debrief(sc, s, AssessmentTracker(sc.assessment).report(s), strings());
    check_clean("the live debrief HTML", debrief_html(live, strings()));
    check_clean("the live debrief JSON", to_json(live).dump());
    const Debrief replayed = debrief_from_bundle(loaded, strings(), error);
    REQUIRE(error.empty());
    CHECK(replayed.reproduced);
    check_clean("the debrief HTML", debrief_html(replayed, strings()));
    check_clean("the debrief JSON", to_json(replayed).dump());

    // Workshop report (HTML and JSON) of a folder holding the session.
    const fs::path dir = fs::temp_directory_path() / "npsim_test_secrets";
    fs::remove_all(dir);
    fs::create_directories(dir);
    REQUIRE(write_file_atomically((dir / "lena.json").string(), session));
    const std::vector<WorkshopRow> rows = workshop_rows(dir.string(), strings());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].error.empty());
    check_clean("the report HTML", workshop_report_html(rows, strings()));
    check_clean("the report JSON", to_json(rows).dump());

    // A replay that fails names the difference: still without secrets.
    ReproBundle edited = loaded;
    edited.journal.front().body["action"]["Password"] = "Sekret-Capital-Password-3";
    const ReplayReport bad = verify_bundle(edited);
    CHECK_FALSE(bad.reproduced());
    std::string messages = bad.difference;
    for (const auto& p : bad.problems) messages += p + "\n";
    CHECK(messages.find("journal entry 0") != std::string::npos);
    check_clean("the replay messages", messages);
    fs::remove_all(dir);
}
