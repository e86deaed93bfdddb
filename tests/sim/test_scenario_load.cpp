// tests/sim/test_scenario_load.cpp — scenario files: every shipped one loads and runs deterministically;
// every kind of loader error has an exact, located message.
#include <catch2/catch.hpp>

#include <filesystem>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

std::string first_error(const std::string& text) {
    const ScenarioLoad l = load_scenario_text(text, "bad.json");
    return l.errors.empty() ? std::string("(no error)") : l.errors.front().to_string();
}

const char* kMinimal = R"({"schema_version": 1, "id": "t", "title": {"en": "T", "de": "T"}})";

}  // namespace

TEST_CASE("every shipped scenario loads and runs twice to the same journal hash", "[sim][scenario]") {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(NPSIM_TEST_SCENARIO_DIR)) {
        if (entry.path().extension() != ".json") continue;
        ++count;
        INFO(entry.path().string());
        const ScenarioLoad l = load_scenario_file(entry.path().string());
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(l.ok());
        Simulation a(l.scenario->setup), b(l.scenario->setup);
        a.run_until(30 * kDay);
        b.run_until(30 * kDay);
        CHECK(a.journal().hash() == b.journal().hash());
        CHECK(a.state_hash() == b.state_hash());
    }
    CHECK(count >= 1);
}

TEST_CASE("a minimal scenario gets the documented defaults", "[sim][scenario]") {
    const ScenarioLoad l = load_scenario_text(kMinimal, "min.json");
    REQUIRE(l.ok());
    const Scenario& s = *l.scenario;
    CHECK(s.id == "t");
    CHECK(s.setup.seed == 1);
    CHECK(s.setup.start_date == CivilDate{2025, 3, 3});
    CHECK(s.setup.start_minute_of_day == 9 * 60);
    CHECK(s.setup.time_zone.name == "Europe/Berlin");
    CHECK(s.default_language == "en");
    CHECK(s.title.in("de") == "T");
}

TEST_CASE("a JSON syntax error is reported as file:line:column", "[sim][scenario][errors]") {
    CHECK(
        first_error("{\n  \"id\": \"x\",\n  \"title\": ,\n}") ==
        "bad.json:3:12: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal");
    CHECK(first_error("") ==
          "bad.json:1:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
          "literal");
}

TEST_CASE("an unknown key is reported with its JSON pointer and a suggestion", "[sim][scenario][errors]") {
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "seeed": 4})") ==
          "bad.json: /seeed: unknown key \"seeed\" — did you mean \"seed\"?");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "zzzzzzzz": 4})") ==
          "bad.json: /zzzzzzzz: unknown key \"zzzzzzzz\"");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": {"en": "T", "fr": "T"}})") ==
          "bad.json: /title/fr: unknown key \"fr\"");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": {"en": "T", "dee": "T"}})") ==
          "bad.json: /title/dee: unknown key \"dee\" — did you mean \"de\"?");
    CHECK(
        first_error(
            R"({"schema_version": 1, "id": "t", "title": "T", "faults": [{"operation": "x", "eror": "a"}]})") ==
        "bad.json: /faults/0/eror: unknown key \"eror\" — did you mean \"error\"?");
}

TEST_CASE("missing and mistyped fields name the place and the problem", "[sim][scenario][errors]") {
    CHECK(first_error(R"({"id": "t", "title": "T"})") ==
          "bad.json: /: missing required key \"schema_version\"");
    CHECK(first_error(R"({"schema_version": 9, "id": "t", "title": "T"})") ==
          "bad.json: /schema_version: version 9 is not supported (this npsim reads versions 1 to 2)");
    CHECK(first_error(R"({"schema_version": 1, "id": 5, "title": "T"})") ==
          "bad.json: /id: must be a string, not number");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "seed": -3})") ==
          "bad.json: /seed: must be a whole number from 0 to 18446744073709551615, not -3");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "start_date": "2025-02-30"})") ==
          "bad.json: /start_date: \"2025-02-30\" is not a date (write YYYY-MM-DD)");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "start_time": "25:00"})") ==
          "bad.json: /start_time: \"25:00\" is not a time (write HH:MM)");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "time_zone": "Mars/Base"})") ==
          "bad.json: /time_zone: unknown time zone \"Mars/Base\" (e.g. Europe/Berlin, Europe/London, UTC)");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "difficulty": "easy"})") ==
          "bad.json: /difficulty: \"easy\" is not one of beginner, intermediate, advanced");
    CHECK(first_error("[1, 2]") == "bad.json: /: a scenario must be a JSON object");
}

TEST_CASE("a missing file is a clear error, not a crash", "[sim][scenario][errors]") {
    const ScenarioLoad l = load_scenario_file("/nonexistent/scenario.json");
    REQUIRE_FALSE(l.ok());
    CHECK(l.errors.front().to_string() ==
          "/nonexistent/scenario.json: cannot be read (No such file or directory)");
}

TEST_CASE("every error is collected, not just the first", "[sim][scenario][errors]") {
    const ScenarioLoad l = load_scenario_text(
        R"({"schema_version": 1, "id": "t", "title": "T", "seed": "x", "time_zone": "Nowhere"})", "b.json");
    CHECK(l.errors.size() == 2);
}

TEST_CASE("every shipped scenario's reference solution meets every objective, twice with the same journal",
          "[sim][scenario][solution]") {
    for (const auto& entry : fs::directory_iterator(NPSIM_TEST_SCENARIO_DIR)) {
        if (entry.path().extension() != ".json") continue;
        INFO(entry.path().string());
        const ScenarioLoad l = load_scenario_file(entry.path().string());
        REQUIRE(l.ok());
        if (l.scenario->solution.steps.empty()) continue;
        std::uint64_t hashes[2] = {};
        for (int run = 0; run < 2; ++run) {
            Simulation s(l.scenario->setup);
            AssessmentTracker tracker(l.scenario->assessment);
            const SolutionRun played = play_solution(l.scenario->solution, s, &tracker);
            INFO(played.failure);
            REQUIRE(played.ok);
            const ScoreReport report = tracker.report(s);
            for (const auto& o : report.objectives) {
                INFO("objective " << o.id);
                CHECK(o.met);
            }
            CHECK(report.all_met);
            hashes[run] = s.journal().hash();
        }
        CHECK(hashes[0] == hashes[1]);
    }
}

TEST_CASE("mistyped training sections are errors with their place, never a crash",
          "[sim][scenario][errors]") {
    const std::string head = R"({"schema_version": 1, "id": "t", "title": "T", )";
    CHECK(first_error(head +
                      R"("faults": [{"operation": "*", "error": {"message": {"en": "x", "de": 5}}}]})") ==
          "bad.json: /faults/0/error/message: must be a text or {\"en\": …, \"de\": …}");
    CHECK(first_error(
              head +
              R"("objectives": [{"title": "x", "condition": {"tenant_exists": true}, "feedback": 3}]})") ==
          "bad.json: /objectives/0/feedback: must be {\"met\": …, \"not_met\": …}");
    CHECK(first_error(head +
                      R"("objectives": [{"title": {"en": 1}, "condition": {"tenant_exists": true}}]})") ==
          "bad.json: /objectives/0/title/en: must be a text");
    CHECK(first_error(head + R"("objectives": {"ordered": "yes", "items": []}})") ==
          "bad.json: /objectives/ordered: must be true or false");
    CHECK(first_error(head + R"("solution": [{"caption": {"en": 2}, "advance": "1d"}]})") ==
          "bad.json: /solution/0/caption: must be a text or {\"en\": …, \"de\": …}");
    CHECK(first_error(
              head +
              R"("objectives": [{"title": "x", "condition": {"mail": {"to": 5, "subject_key": "k"}}}]})") ==
          "bad.json: /objectives/0/condition/mail: needs \"to\" (a sign-in name) and \"subject_key\" (e.g. "
          "\"mail.approved.subject\")");
    CHECK(
        first_error(
            head +
            R"("objectives": [{"title": "x", "condition": {"person": {"upn": "a", "usage_locaton": "DE"}}}]})") ==
        "bad.json: /objectives/0/condition/person/usage_locaton: unknown key \"usage_locaton\" — did you "
        "mean \"usage_location\"?");
}

TEST_CASE("a typo in the start state is an error with a suggestion", "[sim][scenario][errors]") {
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "start": {"tenant": {"name": "x"},
        "people": [{"upn": "anna", "usage_locaton": "DE"}]}})") ==
          "bad.json: /start/people/0/usage_locaton: unknown key \"usage_locaton\" — did you mean "
          "\"usage_location\"?");
    CHECK(first_error(R"({"schema_version": 1, "id": "t", "title": "T", "start": {"tennant": {}}})") ==
          "bad.json: /start/tennant: unknown key \"tennant\" — did you mean \"tenant\"?");
}

TEST_CASE("the billing account condition reads the review status", "[sim][assessment]") {
    const ScenarioLoad l =
        load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/account-under-review.json");
    REQUIRE(l.ok());
    Simulation s(l.scenario->setup);
    CHECK_FALSE(evaluate_condition({{"billing_account", "cleared"}}, s));
    CHECK(evaluate_condition({{"billing_account", "not_reviewed"}}, s));
    REQUIRE(play_solution(l.scenario->solution, s).ok);
    CHECK(evaluate_condition({{"billing_account", "cleared"}}, s));
    CHECK(
        first_error(
            R"({"schema_version": 1, "id": "t", "title": "T", "objectives": [{"title": "x", "condition": {"billing_account": "done"}}]})") ==
        "bad.json: /objectives/0/condition/billing_account: must be \"not_reviewed\", \"under_review\" or "
        "\"cleared\"");
}
