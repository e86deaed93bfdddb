// tests/sim/test_broken_scenarios.cpp — the broken examples in tests/data/broken: each holds exactly one
// defect, and the loader rejects it with exactly one, located message. scripts/check-schema.sh checks that
// the JSON Schema rejects the same files, so schema and loader agree on what a broken scenario is. The
// examples in tests/data/broken-references break a reference the schema leaves open (a SKU, a result code,
// a text key): only the loader rejects them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

// File name → "/json/pointer: message", exactly as the loader reports it.
const std::map<std::string, std::string>& expected_errors() {
    static const std::map<std::string, std::string> kExpected = {
        {"unknown-key.json", "/seeed: unknown key \"seeed\" — did you mean \"seed\"?"},
        {"wrong-type.json", "/estimated_minutes: must be a whole number from 1 to 10000, not a text"},
        {"missing-title.json", "/: missing required key \"title\""},
        {"bad-duration.json",
         "/timer/exam_countdown: \"45 mins\": unknown unit \"mins\" (use ms, s, m, h, d, w or business "
         "days)"},
        {"bad-delay.json",
         "/delays/verification: \"uniform\" must be a pair [min, max], e.g. [\"1m\", \"15m\"]"},
        {"bad-fault-probability.json", "/faults/0/probability: must be a number from 0 to 1, not 1.5"},
        {"two-fault-effects.json",
         "/faults/0: choose one effect: \"error\", \"throttle\" or \"hang\" (\"latency\" may go with "
         "\"error\")"},
        {"bad-condition.json",
         "/objectives/items/0/condition/portal_status: must be a portal status: none, draft, pending, "
         "info_requested, "
         "approved, declined, reverify_required"},
        {"unknown-condition.json",
         "/objectives/items/0/condition/portal_stauts: unknown condition \"portal_stauts\" — did you mean "
         "\"portal_status\"?"},
        {"bad-status.json",
         "/start/organisation/status: must be one of none, draft, pending, info_requested, approved, "
         "declined, "
         "reverify_required"},
        {"bad-step.json",
         "/solution/0: a step needs exactly one of \"action\", \"advance\", \"wait_until\" or \"if_result\""},
        {"bad-mode.json", "/modes/1: \"practice\" is not a mode (demo, guided, exam)"},
        {"unknown-operation.json",
         "/solution/0/action/type: unknown operation \"licences.asign\" — did you mean \"licences.assign\"?"},
        {"unknown-argument.json",
         "/solution/0/action/reed: unknown argument \"reed\" of mail.mark_read — did you mean \"read\"?"},
        {"wrong-argument-type.json", "/solution/0/action/quantity: must be a whole number, not a text"},
        // The start state's names, dates, delays and texts (docs/reference/start-state.md).
        {"start-generated-id.json",
         "/start/subscriptions/0/id: \"sub-0003\" has the form of an id the simulation hands out (sub-0001, "
         "user-0002, …); choose a name of your own, e.g. \"grant\""},
        {"start-bad-date.json",
         "/start/subscriptions/0/purchased: must be a date \"YYYY-MM-DD\" such as \"2024-11-04\", not "
         "\"04.11.2024\" (\"04.11.2024\" is not a date (write YYYY-MM-DD))"},
        {"start-text-one-language.json",
         "/texts/mail.board_welcome.subject/de: needs the German text (a non-empty string)"},
        {"start-unknown-delay.json",
         "/delays/verification_totl: unknown key \"verification_totl\" — did you mean "
         "\"verification_total\"?"},
        {"start-mail-key-and-text.json",
         "/start/mail/0/subject: use either \"subject_key\" or \"subject\", not both"},
        {"bad-result-count.json",
         "/objectives/0/condition/result/at_least: must be a whole number from 0 to 1000000, not -1"},
        {"bad-event-key.json",
         "/objectives/0/condition/event/at_mots: unknown key \"at_mots\" — did you mean \"at_most\"?"},
        {"bad-early-retries.json",
         "/objectives/0/condition/early_retries: needs \"at_most\" (or \"at_least\"), e.g. {\"operation\": "
         "\"licences.*\", \"at_most\": 0}"},
        {"bad-before.json",
         "/objectives/0/condition/before: must be [A, B]: two happenings, each {\"result\": {…}} or "
         "{\"event\": {…}}"},
        {"bad-happening.json",
         "/objectives/0/condition/before/0/result/at_least: a happening has no count: \"before\" and "
         "\"within\" use its first occurrence (count with a \"result\" or \"event\" condition beside it)"},
        {"bad-within-duration.json",
         "/objectives/0/condition/within/max: \"3 bdays\": unknown unit \"bdays\" (use ms, s, m, h, d, w or "
         "business days)"},
    };
    return kExpected;
}

// tests/data/broken-references: references only the loader resolves (SKUs of the catalog edition, result
// codes, sim text keys), which the JSON Schema leaves open, so scripts/check-schema.sh does not read them.
const std::map<std::string, std::string>& expected_reference_errors() {
    static const std::map<std::string, std::string> kExpected = {
        {"unknown-expect.json",
         "/solution/0/expect: unknown result code \"throttle\" — did you mean \"throttled\"?"},
        {"unknown-sku-in-objective.json",
         "/objectives/0/condition/subscription/sku: unknown SKU \"O365_BUSINESS_ESSENTIALS_NONPROFIT_GRNT\" "
         "in "
         "catalog edition before-2025-07 — did you mean \"O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT\"?"},
        {"unknown-sku-in-action.json",
         "/solution/0/action/sku: unknown SKU \"NONPROFIT_PORTL\" in catalog edition before-2025-07 — did "
         "you "
         "mean \"NONPROFIT_PORTAL\"?"},
        {"unknown-event-kind.json",
         "/objectives/0/condition/event/kind: unknown event kind \"portal.verification_finishd\" — did you "
         "mean \"portal.verification_finished\"?"},
        {"unknown-mail-key.json",
         "/start/mail/0/subject_key: unknown text key \"mail.aproved.subject\" — did you mean "
         "\"mail.approved.subject\"?"},
        // Fault rules (sim/fault_refs.hpp).
        {"fault-unknown-operation.json",
         "/faults/0/operation: \"biling.*\" matches no operation — did you mean \"billing.*\"?"},
        {"fault-unknown-error.json",
         "/faults/0/error: unknown result code \"service.unavailible\" — did you mean "
         "\"service.unavailable\"?"},
        {"fault-unknown-argument.json",
         "/faults/0/args/skuu: licences.assign has no argument \"skuu\" — did you mean \"sku\"?"},
        {"fault-short-retry-after.json",
         "/faults/0/throttle/retry_after: \"500ms\" is too short: Retry-After is told in whole seconds, so "
         "it must be at least \"1s\""},
        // Subscription dates (sim/domain/start_state.cpp, issue 15 item 9).
        {"subscription-purchased-too-early.json",
         "/start/subscriptions/0/purchased: is more than 3660 days before the start (2025-03-03); give a "
         "purchase within that range"},
        {"subscription-renews-beyond-term.json",
         "/start/subscriptions/0/renews: is more than one term (a month (P1M)) after the start (2025-03-03): "
         "a subscription renews at least once a term"},
    };
    return kExpected;
}

std::string broken_dir(const char* name = "broken") {
    return (fs::path(NPSIM_TEST_DATA_DIR) / name).string();
}

// Each file of `dir` is rejected with exactly its one expected message.
void check_broken_examples(const std::string& dir, const std::map<std::string, std::string>& expected) {
    for (const auto& [name, message] : expected) {
        const std::string path = (fs::path(dir) / name).string();
        INFO(path);
        REQUIRE(fs::exists(path));
        const ScenarioLoad l = load_scenario_file(path);
        REQUIRE_FALSE(l.ok());
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        CHECK(l.errors.size() == 1);  // one defect per file, so exactly one message
        CHECK(l.errors.front().where + ": " + l.errors.front().message == message);
        CHECK(l.errors.front().to_string() == path + ": " + message);
    }
}

}  // namespace

TEST_CASE("every broken example is rejected by the loader with its own message", "[sim][scenario][errors]") {
    check_broken_examples(broken_dir(), expected_errors());
}

TEST_CASE("every broken reference example is rejected by the loader with its own message",
          "[sim][scenario][errors]") {
    check_broken_examples(broken_dir("broken-references"), expected_reference_errors());
    int files = 0;
    for (const auto& entry : fs::directory_iterator(broken_dir("broken-references"))) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        INFO(entry.path().string());
        CHECK(expected_reference_errors().count(entry.path().filename().string()) == 1);
    }
    CHECK(files == static_cast<int>(expected_reference_errors().size()));
}

TEST_CASE("every file in the broken examples has an expected loader message", "[sim][scenario][errors]") {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(broken_dir())) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        INFO(entry.path().string());
        CHECK(expected_errors().count(entry.path().filename().string()) == 1);
    }
    CHECK(files >= 8);
    CHECK(files == static_cast<int>(expected_errors().size()));
}
