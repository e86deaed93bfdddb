// tests/sim/test_instructor.cpp — the instructor console's actions (docs/sessions.md): fault controls,
// skipping time, markers, checkpoints and restore, and that a replay reproduces all of it.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

using namespace sim;
using nlohmann::json;

namespace {

ActionResult instructor_ok_handler(Context&, const Action&) {
    return ActionResult::success({{"handled", true}});
}

// Schedules a background event a minute later; the event counts itself in the world's next_id.
ActionResult schedule_handler(Context& ctx, const Action& a) {
    ctx.schedule(a.arg<SimTime>("in_ms", kMinute), "test.tick", {{"n", a.arg<int>("n", 0)}});
    return ActionResult::success();
}
void on_tick(Context& ctx, const json&) {
    ++ctx.world().next_id;
}

const Registry& instructor_test_registry() {
    static const Registry r = [] {
        Registry reg;
        reg.add_action("billing.place_order", instructor_ok_handler, Delay::fixed_ms(500));
        reg.add_action("users.add", instructor_ok_handler,
                       Delay::uniform(Duration{100, 0}, Duration{900, 0}));
        reg.add_action("test.schedule", schedule_handler, Delay::fixed_ms(10));
        reg.add_event("test.tick", on_tick);
        return reg;
    }();
    return r;
}

FaultRule instructor_rule_from(const json& j) {
    FaultRule r;
    std::vector<FaultParseError> errors;
    REQUIRE(fault_rule_from_json(j, r, errors));
    return r;
}

Simulation instructor_sim_with_rules(std::vector<json> rules, std::uint64_t seed = 1) {
    Setup setup;
    setup.seed = seed;
    for (const auto& j : rules) setup.faults.push_back(instructor_rule_from(j));
    return Simulation(setup, instructor_test_registry());
}

ActionResult instructor_call(Simulation& s, const std::string& type, json args = json::object()) {
    const ActionHandle h = s.submit(Action{type, "admin@x", std::move(args)});
    while (!s.result(h) && s.step_to_next_event()) {
    }
    REQUIRE(s.result(h));
    return *s.result(h);
}

// Instructor actions answer at once.
ActionResult instruct(Simulation& s, const std::string& type, json args = json::object()) {
    const ActionHandle h = s.submit(Action{"instructor." + type, "", std::move(args)});
    REQUIRE(s.result(h));
    return *s.result(h);
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Scenario shipped(const std::string& name) {
    const ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + name + ".json");
    for (const auto& e : l.errors) UNSCOPED_INFO(e.to_string());
    REQUIRE(l.ok());
    return *l.scenario;
}

Action step_action(const Scenario& sc, std::size_t i) {
    REQUIRE(i < sc.solution.steps.size());
    REQUIRE(sc.solution.steps[i].action);
    return *sc.solution.steps[i].action;
}

}  // namespace

TEST_CASE("update_fault replaces a rule's definition in place and resets its counters",
          "[sim][instructor][faults]") {
    Simulation s = instructor_sim_with_rules(
        {{{"id", "first"}, {"operation", "users.*"}, {"first", 1}, {"error", "service.unavailable"}},
         {{"id", "other"}, {"operation", "billing.*"}, {"error", "billing.payment_declined"}}});
    CHECK(instructor_call(s, "users.add").code == "service.unavailable");
    CHECK(instructor_call(s, "users.add").ok);
    CHECK(s.faults().states()[0].calls == 2);

    CHECK(instruct(s, "update_fault",
                   {{"id", "first"},
                    {"rule", {{"operation", "users.*"}, {"first", 1}, {"error", "directory.busy"}}}})
              .ok);
    REQUIRE(s.faults().rules().size() == 2);
    CHECK(s.faults().rules()[0].id == "first");  // same id, same place
    CHECK(s.faults().rules()[0].error_code == "directory.busy");
    CHECK(s.faults().states()[0].calls == 0);
    CHECK(instructor_call(s, "users.add").code == "directory.busy");  // "first 1" counts again from zero

    CHECK(instruct(s, "update_fault", {{"id", "nope"}, {"rule", {{"operation", "*"}, {"error", "x.y"}}}})
              .code == "instructor.no_such_rule");
    const ActionResult bad = instruct(s, "update_fault", {{"id", "first"}, {"rule", {{"operation", "*"}}}});
    CHECK(bad.code == "instructor.bad_rule");
    CHECK(s.faults().rules()[0].error_code == "directory.busy");  // a bad rule changes nothing
}

TEST_CASE("a disabled fault rule neither counts calls nor fires", "[sim][instructor][faults]") {
    Simulation s =
        instructor_sim_with_rules({{{"id", "outage"}, {"operation", "*"}, {"error", "service.unavailable"}}});
    CHECK(instruct(s, "set_fault_enabled", {{"id", "outage"}, {"enabled", false}}).ok);
    CHECK(instructor_call(s, "users.add").ok);
    CHECK(s.faults().states()[0].calls == 0);
    CHECK(to_json(s.faults().rules()[0])["enabled"] == false);
    CHECK(instruct(s, "set_fault_enabled", {{"id", "outage"}, {"enabled", true}}).ok);
    CHECK(instructor_call(s, "users.add").code == "service.unavailable");
    CHECK(s.faults().states()[0].calls == 1);
    CHECK_FALSE(to_json(s.faults().rules()[0]).contains("enabled"));
    CHECK(instruct(s, "set_fault_enabled", {{"id", "outage"}}).code == "instructor.bad_rule");
    CHECK(instruct(s, "set_fault_enabled", {{"id", "gone"}, {"enabled", true}}).code ==
          "instructor.no_such_rule");
}

TEST_CASE("an armed rule fires on its next matching call whatever its trigger says, once",
          "[sim][instructor][faults]") {
    // Probability 0 and a window far in the future: it would never fire on its own.
    Simulation s = instructor_sim_with_rules({{{"id", "rare"},
                                               {"operation", "billing.*"},
                                               {"probability", 0.0},
                                               {"after", "30d"},
                                               {"max_fires", 0},
                                               {"error", "billing.payment_declined"}}});
    CHECK(instructor_call(s, "billing.place_order").ok);
    CHECK(instruct(s, "arm_fault", {{"id", "rare"}}).ok);
    CHECK(to_json(s.faults().rules()[0])["armed"] == true);
    CHECK(instructor_call(s, "users.add").ok);  // does not match: stays armed
    CHECK(s.faults().rules()[0].armed);
    CHECK(instructor_call(s, "billing.place_order").code == "billing.payment_declined");
    CHECK_FALSE(s.faults().rules()[0].armed);
    CHECK_FALSE(s.faults().rules()[0].enabled);
    CHECK(instructor_call(s, "billing.place_order").ok);
    CHECK(s.faults().states()[0].fires == 1);
    CHECK(instruct(s, "arm_fault", {{"id", "nope"}}).code == "instructor.no_such_rule");
}

TEST_CASE("fail_next fails only the next matching call with the given error", "[sim][instructor][faults]") {
    Simulation s = instructor_sim_with_rules({});
    const ActionResult r =
        instruct(s, "fail_next", {{"operation", "billing.*"}, {"error", "billing.card_expired"}});
    REQUIRE(r.ok);
    CHECK(r.data["rule"] == "fail-next-1");
    CHECK(instructor_call(s, "users.add").ok);
    CHECK(instructor_call(s, "billing.place_order").code == "billing.card_expired");
    CHECK(instructor_call(s, "billing.place_order").ok);
    CHECK(instruct(s, "fail_next", {{"operation", "users.add"}, {"error", "x.y"}}).data["rule"] ==
          "fail-next-2");
    CHECK(instruct(s, "fail_next", {{"operation", "users.add"}}).code == "instructor.bad_rule");
    CHECK(instruct(s, "fail_next", {{"error", "x.y"}}).code == "instructor.bad_rule");
}

TEST_CASE("skip_time runs the clock forward through the events on the way, in order",
          "[sim][instructor][time]") {
    Setup setup;
    setup.start_date = CivilDate{2025, 3, 7};  // a Friday, 09:00
    Simulation s(setup, instructor_test_registry());
    instructor_call(s, "test.schedule", {{"in_ms", kHour}, {"n", 1}});
    instructor_call(s, "test.schedule", {{"in_ms", 2 * kHour}, {"n", 2}});
    const std::uint64_t ids = s.world().next_id;
    const SimTime before = s.now();

    const ActionHandle h = s.submit(Action{"instructor.skip_time", "", {{"by", "3h"}}});
    CHECK(s.now() == before + 3 * kHour);
    CHECK(s.world().next_id == ids + 2);
    // The result is journaled at submit time, before the events it let happen.
    std::vector<std::string> kinds;
    std::vector<SimTime> times;
    bool after_action = false;
    for (const auto& e : s.journal().entries()) {
        if (e.kind == "action" && e.body["handle"] == h) after_action = true;
        if (!after_action) continue;
        kinds.push_back(e.kind);
        times.push_back(e.time);
    }
    CHECK(kinds == std::vector<std::string>{"action", "result", "event", "event"});
    CHECK(times == std::vector<SimTime>{before, before, 60 * kMinute + 10, 2 * kHour + 20});
    CHECK(s.result(h)->data["to"] == before + 3 * kHour);

    // Business days skip the weekend: Friday → Tuesday, same time of day.
    instruct(s, "skip_time", {{"by", "2 business days"}});
    CHECK(s.calendar().local(s.now()).weekday == 1);
    const SimTime tuesday = s.now();
    instruct(s, "skip_time", {{"by_ms", 1234}});
    CHECK(s.now() == tuesday + 1234);

    const SimTime at = s.now();
    CHECK(instruct(s, "skip_time", {{"by", "soon"}}).code == "instructor.bad_duration");
    CHECK(instruct(s, "skip_time", {{"by_ms", -5}}).code == "instructor.bad_duration");
    CHECK(instruct(s, "skip_time").code == "instructor.bad_duration");
    CHECK(instruct(s, "skip_time", {{"by_ms", std::int64_t{1} << 62}}).code == "instructor.bad_duration");
    CHECK(instruct(s, "skip_time", {{"by", "99999 business days"}}).code == "instructor.bad_duration");
    CHECK(s.now() == at);
}

TEST_CASE("skip_to_next_event processes the next event and moves the clock to it",
          "[sim][instructor][time]") {
    Simulation s = instructor_sim_with_rules({});
    instructor_call(s, "test.schedule", {{"in_ms", 5 * kMinute}});
    const SimTime due = *s.next_event_time();
    const std::uint64_t ids = s.world().next_id;
    const ActionResult r = instruct(s, "skip_to_next_event");
    CHECK(r.data["to"] == due);
    CHECK(s.now() == due);
    CHECK(s.world().next_id == ids + 1);
    CHECK_FALSE(s.next_event_time());
    CHECK(instruct(s, "skip_to_next_event").data["to"] == due);  // nothing left: the clock stays
    CHECK(s.now() == due);
}

TEST_CASE("freeze, unfreeze, reset and note are journal markers that change nothing", "[sim][instructor]") {
    Simulation s = instructor_sim_with_rules({});
    instructor_call(s, "users.add");
    json state = s.state_json();
    for (const char* marker : {"freeze", "unfreeze", "reset"}) CHECK(instruct(s, marker).ok);
    CHECK(instruct(s, "note", {{"text", "Anna forgot the usage location"}}).ok);
    json now = s.state_json();
    state.erase("next_handle");
    now.erase("next_handle");
    CHECK(now == state);
    const auto& entries = s.journal().entries();
    REQUIRE(entries.size() >= 2);
    CHECK(entries[entries.size() - 2].body["action"]["text"] == "Anna forgot the usage location");
}

TEST_CASE("restoring a checkpoint brings back world, faults, random streams and shifts what was waiting",
          "[sim][instructor][checkpoint]") {
    Simulation s = instructor_sim_with_rules({{{"id", "often"},
                                               {"operation", "users.*"},
                                               {"probability", 0.5},
                                               {"error", "service.unavailable"}}});
    instructor_call(s, "users.add");
    instructor_call(s, "test.schedule", {{"in_ms", kHour}, {"n", 1}});
    const ActionHandle waiting =
        s.submit(Action{"billing.place_order", "admin@x", json::object()});  // due in 500 ms
    CHECK(instruct(s, "checkpoint", {{"name", "before"}}).ok);
    const SimTime taken = s.now();
    const json world = to_json(s.world());
    const json faults = s.faults().state_json();
    const json events_then = s.state_json()["events"];
    const json draws = s.state_json()["random_draws"];

    // A different future: the order completes, the tick fires, more calls draw randomness.
    instruct(s, "skip_time", {{"by", "2h"}});
    CHECK(s.result(waiting));
    for (int i = 0; i < 5; ++i) instructor_call(s, "users.add");
    const ActionHandle lost = s.submit(Action{"billing.place_order", "admin@x", json::object()});
    instruct(s, "add_fault", {{"rule", {{"id", "later"}, {"operation", "*"}, {"error", "x.y"}}}});
    CHECK(to_json(s.world()) != world);

    const SimTime at = s.now();
    const ActionResult r = instruct(s, "restore_checkpoint", {{"name", "before"}});
    REQUIRE(r.ok);
    CHECK(r.data["shift_ms"] == at - taken);
    CHECK(s.now() == at);  // the clock keeps going
    CHECK(to_json(s.world()) == world);
    CHECK(s.faults().state_json() == faults);
    CHECK(s.state_json()["random_draws"] == draws);
    // Sent after the checkpoint: answered with "instructor.restored".
    REQUIRE(s.result(lost));
    CHECK(s.result(lost)->code == "instructor.restored");
    // Pending at the checkpoint: waiting again, due later by the shift.
    CHECK(s.is_pending(waiting));
    CHECK_FALSE(s.result(waiting));
    CHECK(s.pending_actions().at(waiting).due_at == taken + 500 + (at - taken));
    const json events_now = s.state_json()["events"];
    REQUIRE(events_now.size() == events_then.size());
    for (std::size_t i = 0; i < events_now.size(); ++i) {
        CHECK(events_now[i]["kind"] == events_then[i]["kind"]);
        CHECK(events_now[i]["t"].get<SimTime>() == events_then[i]["t"].get<SimTime>() + (at - taken));
    }
    s.run_until(at + 499);
    CHECK_FALSE(s.result(waiting));
    s.run_until(at + 500);
    CHECK(s.result(waiting));

    std::vector<CheckpointInfo> cps = s.checkpoints();
    REQUIRE(cps.size() == 1);
    CHECK(cps[0].name == "before");
    CHECK(cps[0].time == taken);
    CHECK(s.state_json()["checkpoints"] == json::array({{{"name", "before"}, {"time", taken}}}));
    CHECK(instruct(s, "restore_checkpoint", {{"name", "missing"}}).code == "instructor.no_such_checkpoint");
    CHECK(instruct(s, "checkpoint").data["name"] == "checkpoint-2");
}

TEST_CASE("runs without instructor controls keep their state form", "[sim][instructor][golden]") {
    Simulation s =
        instructor_sim_with_rules({{{"id", "r"}, {"operation", "*"}, {"nth", 2}, {"error", "x.y"}}});
    instructor_call(s, "users.add");
    const json state = s.state_json();
    CHECK_FALSE(state.contains("checkpoints"));
    CHECK_FALSE(state["faults"]["rules"][0]["rule"].contains("enabled"));
    CHECK_FALSE(state["faults"]["rules"][0]["rule"].contains("armed"));
}

TEST_CASE("the scenario form of a fault rule reads back to an equal rule", "[sim][instructor][faults]") {
    for (const json& j : {json{{"id", "a"},
                               {"operation", "billing.*"},
                               {"probability", 0.25},
                               {"nth", 3},
                               {"after", "10m"},
                               {"until", "2h"},
                               {"max_fires", 2},
                               {"error", "billing.payment_declined"},
                               {"latency", "5s"}},
                          json{{"id", "b"},
                               {"operation", "*"},
                               {"actor", "anna*"},
                               {"args", {{"sku", "X"}}},
                               {"error", {{"message", {{"en", "Boom"}, {"de", "Bumm"}}}}},
                               {"enabled", false}},
                          json{{"id", "c"},
                               {"operation", "*"},
                               {"throttle", {{"limit", 2}, {"window", "1m"}, {"retry_after", "20s"}}}},
                          json{{"id", "d"}, {"operation", "*"}, {"hang", true}, {"armed", true}},
                          json{{"id", "e"},
                               {"operation", "*"},
                               {"latency", {{"uniform", {"1 business day", "2 business days"}}}}}}) {
        INFO(j.dump());
        const FaultRule r = instructor_rule_from(j);
        const FaultRule back = instructor_rule_from(to_scenario_json(r));
        CHECK(to_json(back) == to_json(r));
    }
}

TEST_CASE("a journal with every instructor action replays to the same journal and state",
          "[sim][instructor][replay]") {
    const Scenario sc = shipped("full-journey");
    for (std::uint64_t seed : {1ull, 2ull, 7ull, 12345ull}) {
        INFO("seed " << seed);
        Setup setup = sc.setup;
        setup.seed = seed;
        Simulation s(setup);
        auto act = [&](const Action& a) {
            const ActionHandle h = s.submit(a);
            while (s.is_pending(h) && s.step_to_next_event()) {
            }
            return h;
        };
        auto op = [&](const std::string& type, json args = json::object()) {
            return s.submit(Action{"instructor." + type, "", std::move(args)});
        };
        act(step_action(sc, 0));  // register
        op("checkpoint", {{"name", "registered"}});
        op("add_fault", {{"rule",
                          {{"id", "flaky"},
                           {"operation", "portal.*"},
                           {"probability", 0.5},
                           {"error", "service.unavailable"}}}});
        op("update_fault",
           {{"id", "flaky"},
            {"rule",
             {{"operation", "portal.*"}, {"probability", 0.3}, {"latency", {{"uniform", {"1s", "9s"}}}}}}});
        op("set_fault_enabled", {{"id", "flaky"}, {"enabled", false}});
        op("set_fault_enabled", {{"id", "flaky"}, {"enabled", true}});
        op("arm_fault", {{"id", "flaky"}});
        op("fail_next", {{"operation", "portal.submit_registration"}, {"error", "service.unavailable"}});
        op("freeze");
        op("note", {{"text", "watch the retry"}});
        op("unfreeze");
        act(step_action(sc, 1));  // fails (fail_next), so submit again
        s.submit(step_action(sc, 1));
        op("skip_time", {{"by", "2 business days"}});
        op("checkpoint", {{"name", "pending"}});
        op("skip_to_next_event");
        op("skip_time", {{"by_ms", 36 * kHour}});
        op("remove_fault", {{"id", "flaky"}});
        op("restore_checkpoint", {{"name", "registered"}});
        op("restore_checkpoint", {{"name", "pending"}});
        op("skip_time", {{"by", "10 business days"}});
        op("clear_faults");
        op("reset");
        s.run_until(s.now() + kDay);

        const Simulation again = replay(setup, s.journal(), s.now());
        CHECK(again.journal().entries().size() == s.journal().entries().size());
        CHECK(again.journal().hash() == s.journal().hash());
        CHECK(again.state_hash() == s.state_hash());
        CHECK(s.state_json()["checkpoints"].size() == 2);
        CHECK(s.world().organisation.status != PortalStatus::None);
    }
}

TEST_CASE("every error code of the instructor actions has English and German text",
          "[sim][instructor][i18n]") {
    const std::string dir = NPSIM_TEST_ASSET_DIR;
    const json en = json::parse(read_text(dir + "/i18n/sim/en.json"));
    const json de = json::parse(read_text(dir + "/i18n/sim/de.json"));
    const std::string src = read_text(dir + "/../sim/domain/simulation.cpp");
    REQUIRE_FALSE(src.empty());
    // Whitespace allowed: clang-format may break the line after "failure(".
    const std::regex code_re(R"re(failure\(\s*"([a-z_]+\.[a-z_.]+)")re");
    std::set<std::string> codes;
    for (std::sregex_iterator it(src.begin(), src.end(), code_re), end; it != end; ++it)
        codes.insert((*it)[1].str());
    for (const char* c : {"instructor.bad_rule", "instructor.no_such_rule", "instructor.no_such_checkpoint",
                          "instructor.bad_duration", "instructor.restored"})
        CHECK(codes.count(c) == 1);
    for (const auto& c : codes) {
        INFO(c);
        CHECK(en.contains("error." + c));
        CHECK(de.contains("error." + c));
    }
}
