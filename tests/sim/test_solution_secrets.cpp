// tests/sim/test_solution_secrets.cpp — a reference solution can't know the seeded secrets: the player fills
// "{temporary_password}" (password) and "{mfa_code}" (code) at submit time, for any seed, and neither the
// placeholder nor the secret reaches the journal (the C10 and C20 scenarios rely on it).
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "sim/identity.hpp"
#include "sim/run.hpp"
#include "sim/scenario.hpp"
#include "sim/solution.hpp"

using namespace sim;
using nlohmann::json;

namespace {

constexpr const char* kSecAnna = "anna@tsvmuster.onmicrosoft.com";
constexpr const char* kSecBen = "ben@tsvmuster.onmicrosoft.com";

json sec_doc(std::uint64_t seed, json solution) {
    json people = json::array(
        {{{"upn", "anna"},
          {"first_name", "Anna"},
          {"last_name", "Schmidt"},
          {"usage_location", "DE"},
          {"roles", {"global_admin"}}},
         {{"upn", "ben"}, {"first_name", "Ben"}, {"last_name", "Weber"}, {"usage_location", "DE"}}});
    return json{{"schema_version", 2},
                {"id", "secrets"},
                {"title", {{"en", "Secrets"}, {"de", "Geheimnisse"}}},
                {"modes", {"demo"}},
                {"seed", seed},
                {"start_date", "2025-10-06"},
                {"start",
                 {{"tenant", {{"name", "tsvmuster"}}},
                  {"people", people},
                  {"identity", json::array({{{"user", "ben"}, {"first_sign_in_days_ago", 20}}})}}},
                {"solution", std::move(solution)}};
}

Scenario sec_load(const json& doc) {
    ScenarioLoad l = load_scenario_text(doc.dump(2), "secrets.json");
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    return std::move(*l.scenario);
}

json sec_step(const std::string& type, json args) {
    args["type"] = type;
    args["actor"] = args.value("account", kSecAnna);
    return json{{"action", std::move(args)}};
}

// Ben registers the Authenticator with the code his phone shows.
json sec_register_ben(const std::string& code) {
    return json::array({sec_step("auth.sign_in", {{"account", kSecBen}, {"password", "Verein-Sommer25"}}),
                        sec_step("mfa.begin_registration", {{"account", kSecBen}}),
                        sec_step("mfa.complete_registration", {{"account", kSecBen}, {"code", code}})});
}

}  // namespace

TEST_CASE("solution secrets: {mfa_code} is the code the account's Authenticator shows, for any seed",
          "[solution][identity]") {
    for (std::uint64_t seed : {1u, 2u, 77u, 1234u}) {
        const Scenario sc = sec_load(sec_doc(seed, sec_register_ben("{mfa_code}")));
        Simulation s(sc.setup);
        const SolutionRun run = play_solution(sc.solution, s);
        INFO(run.failure);
        REQUIRE(run.ok);
        CHECK(is_signed_in(s.world(), kSecBen));
        const std::string code = current_mfa_code(s.world(), s.seed(), kSecBen);
        REQUIRE(code.size() == 6);
        for (const auto& e : s.journal().entries()) {
            const std::string body = e.body.dump();
            CHECK(body.find("{mfa_code}") == std::string::npos);
            CHECK(body.find(code) == std::string::npos);
        }
    }
}

TEST_CASE("solution secrets: a literal wrong code is not replaced and fails", "[solution][identity]") {
    const Scenario sc = sec_load(sec_doc(5, sec_register_ben("abc")));
    Simulation s(sc.setup);
    const SolutionRun run = play_solution(sc.solution, s);
    CHECK_FALSE(run.ok);
    CHECK(run.failure.find("mfa.wrong_code") != std::string::npos);
    CHECK_FALSE(is_signed_in(s.world(), kSecBen));
}

TEST_CASE("solution secrets: {temporary_password} is the password the last reset showed",
          "[solution][identity]") {
    const json solution =
        json::array({sec_step("users.reset_password", {{"user", kSecBen}, {"password_mode", "auto"}}),
                     sec_step("auth.sign_in", {{"account", kSecBen}, {"password", "{temporary_password}"}}),
                     sec_step("auth.change_password", {{"account", kSecBen},
                                                       {"password", "{temporary_password}"},
                                                       {"new_password", "Verein-Herbst25"}})});
    const Scenario sc = sec_load(sec_doc(9, solution));
    Simulation s(sc.setup);
    const SolutionRun run = play_solution(sc.solution, s);
    INFO(run.failure);
    REQUIRE(run.ok);
    const std::string temp = temporary_password(s.seed(), kSecBen, 1);
    for (const auto& e : s.journal().entries()) {
        const std::string body = e.body.dump();
        CHECK(body.find(temp) == std::string::npos);
        CHECK(body.find("{temporary_password}") == std::string::npos);
    }
    // The next step of Ben's sign-in is the MFA registration (the 20-day-old first sign-in has no grace).
    CHECK_FALSE(is_signed_in(s.world(), kSecBen));
    CHECK(evaluate_condition(json{{"result", {{"operation", "auth.change_password"}, {"code", "ok"}}}}, s));
}
