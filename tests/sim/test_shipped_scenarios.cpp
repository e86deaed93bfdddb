// tests/sim/test_shipped_scenarios.cpp — what every scenario in scenarios/ promises a trainee and a
// tester (issue 12): format version 2, texts in English and German, the support cases it reproduces.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"
#include "sim/support_cases.hpp"

namespace {

// Every text the trainee reads: "<where>" -> {en, de}.
void shipped_texts(const sim::Scenario& s, std::vector<std::pair<std::string, sim::LocalText>>& out) {
    out.emplace_back("title", s.title);
    out.emplace_back("description", s.description);
    for (const sim::Objective& o : s.assessment.objectives) {
        out.emplace_back("objective " + o.id, o.title);
        if (!o.feedback_met.en.empty())
            out.emplace_back("objective " + o.id + " feedback met", o.feedback_met);
        if (!o.feedback_not_met.en.empty())
            out.emplace_back("objective " + o.id + " feedback not met", o.feedback_not_met);
        for (std::size_t i = 0; i < o.hints.size(); ++i)
            out.emplace_back("objective " + o.id + " hint " + std::to_string(i + 1), o.hints[i]);
    }
    for (std::size_t i = 0; i < s.solution.steps.size(); ++i)
        if (!s.solution.steps[i].caption.en.empty())
            out.emplace_back("solution step " + std::to_string(i + 1), s.solution.steps[i].caption);
}

}  // namespace

TEST_CASE("every shipped scenario is version 2, bilingual, and names real support cases", "[sim][scenario]") {
    const auto files = sim::scenario_files(NPSIM_TEST_SCENARIO_DIR);
    REQUIRE(files.size() >= 27);  // 13 of round 1, the six of issue 12 and eight of issue 13
    std::set<std::string> known;
    for (const sim::SupportCase& c : sim::shipped_support_cases()) known.insert(c.id);
    REQUIRE(known.size() == 32);
    std::set<std::string> covered;
    for (const auto& f : files) {
        INFO(f);
        const sim::ScenarioLoad load = sim::load_scenario_file(f);
        REQUIRE(load.ok());
        const sim::Scenario& s = *load.scenario;
        CHECK(s.schema_version == sim::kScenarioSchemaVersion);
        std::vector<std::pair<std::string, sim::LocalText>> texts;
        shipped_texts(s, texts);
        for (const auto& [where, t] : texts) {
            INFO(where << ": " << t.en);
            CHECK_FALSE(t.en.empty());
            CHECK_FALSE(t.de.empty());
        }
        for (const auto& c : s.support_cases) {
            CHECK(known.count(c) == 1);
            covered.insert(c);
        }
    }
    // The six new scenarios of issue 12 are tagged, so `npsim-cli list --cases` finds them.
    for (const char* id :
         {"role-refusal-scored", "throttle-patience-scored", "slow-verification-one-request",
          "bulk-user-no-usage-location", "seat-reduction-below-assigned", "chaos-workshop-any-seed"}) {
        INFO(id);
        const auto load = sim::load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + id + ".json");
        REQUIRE(load.ok());
        CHECK_FALSE(load.scenario->support_cases.empty());
    }
    CHECK(covered.size() >= 12);
}
