// tests/sim/test_snapshot.cpp — the world's JSON reads back exactly, and a running simulation saved as
// a scenario (scenario_at) loads and carries on where the run was.
#include <catch2/catch.hpp>

#include <filesystem>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"
#include "sim/snapshot.hpp"
#include "sim/solution.hpp"

using namespace sim;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<Scenario> shipped_scenarios() {
    std::vector<Scenario> out;
    for (const auto& entry : fs::directory_iterator(NPSIM_TEST_SCENARIO_DIR)) {
        if (entry.path().extension() != ".json") continue;
        const ScenarioLoad l = load_scenario_file(entry.path().string());
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(l.ok());
        out.push_back(*l.scenario);
    }
    std::sort(out.begin(), out.end(), [](const Scenario& a, const Scenario& b) { return a.id < b.id; });
    REQUIRE(out.size() >= 5);
    return out;
}

Scenario shipped(const std::string& id) {
    for (auto& s : shipped_scenarios())
        if (s.id == id) return s;
    FAIL("no shipped scenario " << id);
    return {};
}

json round_trip(const json& j) {
    World w;
    std::string error;
    INFO(error);
    REQUIRE(world_from_json(j, w, error));
    return to_json(w);
}

// Plays the first `steps` steps of the scenario's reference solution.
void play_part(const Scenario& sc, Simulation& sim, std::size_t steps) {
    Solution part;
    part.steps.assign(sc.solution.steps.begin(),
                      sc.solution.steps.begin() + static_cast<std::ptrdiff_t>(steps));
    const SolutionRun r = play_solution(part, sim);
    INFO(r.failure);
    REQUIRE(r.ok);
}

ScenarioLoad load_doc(const json& doc) {
    return load_scenario_text(doc.dump(2), "snapshot.json");
}

std::string first_error(const json& doc) {
    const ScenarioLoad l = load_doc(doc);
    return l.errors.empty() ? std::string("(no error)") : l.errors.front().to_string();
}

}  // namespace

TEST_CASE(
    "the world's JSON reads back to the same world, for every shipped scenario before and after its solution",
    "[sim][snapshot][world]") {
    for (const Scenario& sc : shipped_scenarios()) {
        INFO(sc.id);
        Simulation s(sc.setup);
        const json at_start = to_json(s.world());
        CHECK(round_trip(at_start) == at_start);
        const SolutionRun r = play_solution(sc.solution, s);
        REQUIRE(r.ok);
        const json after = to_json(s.world());
        CHECK(round_trip(after) == after);
        CHECK(after != at_start);
    }
}

TEST_CASE("person records with separators, backslashes and mail parameters read back exactly",
          "[sim][snapshot][world]") {
    World w;
    Person p{"a|b@x.org", "Back\\slash | Pipe"};
    p.id = "user-0001";
    p.kind = PersonKind::Volunteer;
    p.roles = role_bit(Role::BillingAdmin) | role_bit(Role::UserAdmin);
    p.sign_in_blocked = true;
    p.deleted = true;
    p.created_at = -3 * kDay;
    p.licences.push_back({"SKU|1", "sub-0001", LicenceState::Pending, 10, 20, 7});
    p.inbox.push_back({"mail-0002", 99, "x@y", "mail.a", "mail.b", {{"k", "v|w\\"}, {"n", 3}}, true});
    w.add_person(p);
    w.organisation.status = PortalStatus::InfoRequested;
    w.billing.status = BillingAccountStatus::UnderReview;
    w.violations.push_back(
        {"cv-0001", "grant_not_entitled", "a|b@x.org", "SKU|1", PersonKind::Member, 5, -1});
    w.start_events.push_back({0, "portal.verification_started", {{"submission", 1}}});
    w.settings.verification_delay = Delay::lognormal(Duration{0, 3}, Duration{0, 10});
    w.settings.verification_outcomes = {"declined"};
    w.next_id = 42;
    const json j = to_json(w);
    CHECK(round_trip(j) == j);
    World back;
    std::string error;
    REQUIRE(world_from_json(j, back, error));
    REQUIRE(back.find_person("a|b@x.org") != nullptr);
    CHECK(back.people[0].display_name == "Back\\slash | Pipe");
    CHECK(back.people[0].inbox[0].params["k"] == "v|w\\");
}

TEST_CASE("a broken world document is an error that names its place", "[sim][snapshot][world]") {
    const json good = to_json(Simulation(shipped("full-journey").setup).world());
    auto error_of = [](const json& j) {
        World w;
        std::string error;
        CHECK_FALSE(world_from_json(j, w, error));
        return error;
    };
    json j = good;
    j.erase("next_id");
    CHECK(error_of(j) == "missing \"next_id\"");
    j = good;
    j["people"] = json::array({"p2|nope"});
    CHECK(error_of(j) == "/people/0: is not a person record (\"p1|…\")");
    j = good;
    j["tenant"]["exists"] = "yes";
    CHECK(error_of(j) == "/tenant/exists: has the wrong type (string)");
    j = good;
    j["peeple"] = json::array();
    CHECK(error_of(j).find("/peeple: unknown key") == 0);
    CHECK(error_of(json::array()) == "a world must be a JSON object");
}

TEST_CASE("a start state is either a world or the start-state fields, never both",
          "[sim][snapshot][scenario]") {
    const Scenario sc = shipped("full-journey");
    json doc = sc.source;
    doc.erase("solution");
    doc["modes"] = {"guided"};
    doc["start"] = {{"world", to_json(Simulation(sc.setup).world())}};
    CHECK(load_doc(doc).ok());
    doc["start"]["tenant"] = {{"name", "x"}};
    CHECK(first_error(doc) ==
          "snapshot.json: /start/tenant: use either \"world\" or the start-state fields (tenant, "
          "organisation, people, …), not both");
    doc["start"].erase("tenant");
    doc["settings"] = {{"account_review_hold", true}};
    CHECK(first_error(doc).find("snapshot.json: /settings: the start world carries its own settings") == 0);
    doc.erase("settings");
    doc["start"]["world"]["next_id"] = "many";
    CHECK(first_error(doc) == "snapshot.json: /start/world/next_id: has the wrong type (string)");
}

TEST_CASE("start events are scheduled when the simulation starts, and broken ones are located errors",
          "[sim][snapshot][scenario]") {
    json doc = {
        {"schema_version", 1},
        {"id", "t"},
        {"title", {{"en", "T"}}},
        {"start",
         {{"events", json::array({{{"in_ms", 5000}, {"kind", "billing.review_cleared"}},
                                  {{"in_ms", 5000}, {"kind", "test.second"}, {"data", {{"n", 2}}}}})}}}};
    const ScenarioLoad l = load_doc(doc);
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    Simulation s(l.scenario->setup);
    const std::vector<Event> pending = s.queue().pending();
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].kind == "billing.review_cleared");
    CHECK(pending[0].time == 5000);
    CHECK(pending[1].kind == "test.second");  // same time: in file order
    CHECK(pending[1].data["n"] == 2);

    doc["start"]["events"] = json::array({{{"in_ms", -1}, {"kind", "x"}}});
    CHECK(first_error(doc) ==
          "snapshot.json: /start/events/0/in_ms: must be a whole number from 0 to 316224000000, not -1");
    doc["start"]["events"] = json::array({{{"in_ms", 1}, {"knd", "x"}}});
    CHECK(first_error(doc).find("snapshot.json: /start/events/0/knd: unknown key") == 0);
}

TEST_CASE("a scenario saved in the middle of a run loads and carries on where the run was",
          "[sim][snapshot]") {
    int tried = 0, continued = 0;
    for (const Scenario& sc : shipped_scenarios()) {
        if (sc.solution.steps.size() < 3) continue;
        INFO(sc.id);
        ++tried;
        Simulation run(sc.setup);
        const std::size_t half = sc.solution.steps.size() / 2;
        play_part(sc, run, half);
        run.run_until(run.now() + 90 * kSecond + 123);  // not on a whole minute

        const json doc = scenario_at(sc, run, sc.id + "-saved", LocalText{"Saved", "Gespeichert"});
        CHECK(doc["id"] == sc.id + "-saved");
        CHECK(doc["title"] == json{{"en", "Saved"}, {"de", "Gespeichert"}});
        CHECK_FALSE(doc.contains("solution"));
        CHECK(doc["objectives"] == sc.source["objectives"]);
        CHECK(doc.value("penalties", json()) == sc.source.value("penalties", json()));
        const ScenarioLoad l = load_doc(doc);
        for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
        REQUIRE(l.ok());
        const Scenario& saved = *l.scenario;
        CHECK(saved.solution.steps.empty());
        CHECK(std::find(saved.modes.begin(), saved.modes.end(), "demo") == saved.modes.end());
        CHECK_FALSE(saved.modes.empty());

        Simulation next(saved.setup);
        CHECK(to_json(next.world()) == doc["start"]["world"]);
        // The new start is the run's local date and minute.
        const LocalDateTime then = run.calendar().local(run.now());
        const LocalDateTime start = next.calendar().local(0);
        CHECK(start.date == then.date);
        CHECK(start.hour * 60 + start.minute == then.hour * 60 + then.minute);
        CHECK(start.second == 0);

        // Every background event still waiting fires at the same moment of the calendar.
        std::vector<Event> before;
        for (const Event& e : run.queue().pending())
            if (e.kind != "action.completed") before.push_back(e);
        const std::vector<Event> after = next.queue().pending();
        REQUIRE(after.size() == before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            INFO(before[i].kind);
            CHECK(after[i].kind == before[i].kind);
            // Times in the data ("…_at") are moved like the event; everything else is as it was.
            REQUIRE(after[i].data.size() == before[i].data.size());
            for (auto it = before[i].data.begin(); it != before[i].data.end(); ++it) {
                INFO(it.key());
                REQUIRE(after[i].data.contains(it.key()));
                const json& moved = after[i].data[it.key()];
                const bool is_time = it.key().size() > 3 && it.key().substr(it.key().size() - 3) == "_at" &&
                                     it->is_number_integer() && *it != -1;
                if (is_time)
                    CHECK(next.calendar().unix_ms(moved.get<SimTime>()) ==
                          run.calendar().unix_ms(it->get<SimTime>()));
                else
                    CHECK(moved == *it);
            }
            CHECK(next.calendar().unix_ms(after[i].time) == run.calendar().unix_ms(before[i].time));
        }

        // The rest of the reference solution finishes the job from the saved moment, unless it counts on
        // random fault firings: the saved scenario's random streams start afresh from its seed.
        const bool random_faults =
            std::any_of(saved.setup.faults.begin(), saved.setup.faults.end(),
                        [](const FaultRule& f) { return f.probability_ppm < 1'000'000; });
        if (random_faults) continue;
        ++continued;
        Solution rest;
        rest.steps.assign(sc.solution.steps.begin() + static_cast<std::ptrdiff_t>(half),
                          sc.solution.steps.end());
        AssessmentTracker tracker(saved.assessment);
        const SolutionRun r = play_solution(rest, next, &tracker);
        INFO(r.failure);
        CHECK(r.ok);
        // Objectives over what happened count only what happens after the save (a new journal).
        if (!reads_history(saved.assessment)) CHECK(tracker.report(next).all_met);
    }
    CHECK(tried >= 4);
    CHECK(continued >= 4);
}

TEST_CASE("a pending verification decision in a saved scenario still comes on the same day and time",
          "[sim][snapshot]") {
    const Scenario sc = shipped("full-journey");
    Simulation run(sc.setup);
    play_part(sc, run, 2);  // registered and submitted: the decision is pending
    REQUIRE(run.world().organisation.status == PortalStatus::Pending);
    run.run_until(run.now() + kDay + 7 * kMinute + 30 * kSecond);
    REQUIRE(run.world().organisation.status == PortalStatus::Pending);

    const ScenarioLoad l = load_doc(scenario_at(sc, run, "pending", LocalText{"Pending", ""}));
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    Simulation next(l.scenario->setup);
    CHECK(next.world().organisation.status == PortalStatus::Pending);
    CHECK(next.world().organisation.submitted_at < 0);  // submitted before the new start

    // Run both until the decision: same local date and time, same outcome.
    auto decide = [](Simulation& s) {
        while (s.world().organisation.status == PortalStatus::Pending && s.step_to_next_event()) {
        }
        return s.calendar().format_iso(s.now());
    };
    const std::string when_run = decide(run);
    const std::string when_next = decide(next);
    CHECK(when_next == when_run);
    CHECK(next.world().organisation.status == run.world().organisation.status);
    CHECK(next.world().organisation.status != PortalStatus::Pending);
}

TEST_CASE("a saved scenario keeps the live fault rules, with what they used up taken off",
          "[sim][snapshot][faults]") {
    const Scenario sc = shipped("full-journey");
    Simulation run(sc.setup);
    auto instruct = [&](const std::string& type, json args) {
        const ActionHandle h = run.submit(Action{"instructor." + type, "", std::move(args)});
        REQUIRE(run.result(h));
        REQUIRE(run.result(h)->ok);
    };
    instruct("add_fault",
             {{"rule",
               {{"id", "third"}, {"operation", "portal.*"}, {"nth", 3}, {"error", "service.unavailable"}}}});
    instruct(
        "add_fault",
        {{"rule",
          {{"id", "over"}, {"operation", "mail.*"}, {"until", "1m"}, {"error", "service.unavailable"}}}});
    instruct("add_fault",
             {{"rule", {{"id", "off"}, {"operation", "users.*"}, {"error", "users.unknown_user"}}}});
    instruct("set_fault_enabled", {{"id", "off"}, {"enabled", false}});
    instruct("fail_next", {{"operation", "billing.*"}, {"error", "billing.invalid_payment_method"}});
    play_part(sc, run, 1);  // one portal call: "third" has counted 1 of 3
    run.run_until(run.now() + 2 * kMinute);

    const json doc = scenario_at(sc, run, "faulty", LocalText{"Faulty", ""});
    const ScenarioLoad l = load_doc(doc);
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    std::vector<std::string> ids;
    for (const FaultRule& r : l.scenario->setup.faults) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"fail-next-1", "off", "third"});  // "over" has ended
    CHECK(l.scenario->setup.faults[0].armed);
    CHECK_FALSE(l.scenario->setup.faults[1].enabled);
    CHECK(l.scenario->setup.faults[2].nth == 2);
}

TEST_CASE("an approved organisation in a saved scenario still comes up for re-verification on the same day",
          "[sim][snapshot]") {
    const Scenario sc = shipped("full-journey");
    Simulation run(sc.setup);
    play_part(sc, run, 3);  // approved
    REQUIRE(run.world().organisation.status == PortalStatus::Approved);
    run.run_until(run.now() + 3 * kDay + 17 * kSecond);

    const json doc = scenario_at(sc, run, "approved", LocalText{"Approved", ""});
    const ScenarioLoad l = load_doc(doc);
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    Simulation next(l.scenario->setup);
    // The event's own copy of the approval time moved with the world's.
    bool found = false;
    for (const Event& e : next.queue().pending())
        if (e.kind == "portal.reverification_due") {
            found = true;
            CHECK(e.data["approved_at"] == next.world().organisation.approved_at);
        }
    CHECK(found);

    auto due = [](Simulation& s) {
        while (s.world().organisation.status == PortalStatus::Approved && s.step_to_next_event()) {
        }
        return s.calendar().format_iso(s.now());
    };
    const std::string when_run = due(run);
    CHECK(due(next) == when_run);
    CHECK(run.world().organisation.status == PortalStatus::ReverifyRequired);
    CHECK(next.world().organisation.status == PortalStatus::ReverifyRequired);
}
