// tests/sim/test_engine.cpp — actions, results after latency, the journal, replay and frame-rate
// independence.
#include <catch2/catch.hpp>

#include "sim/hash.hpp"
#include "sim/simulation.hpp"

using namespace sim;

namespace {

// A small test domain on the real World: people join; a background "review" with a random delay
// renames them, and may schedule another review.
ActionResult add_person(Context& ctx, const Action& a) {
    const std::string upn = a.arg<std::string>("upn", "");
    if (upn.empty()) return ActionResult::failure("test.upn_required");
    for (const auto& p : ctx.world().people)
        if (p.upn == upn) return ActionResult::failure("test.duplicate", {{"upn", upn}});
    ctx.world().people.push_back(Person{upn, a.arg<std::string>("name", upn)});
    const SimTime delay = ctx.rng("delays").uniform_int(kMinute, 3 * kHour);
    ctx.schedule(delay, "test.reviewed", {{"upn", upn}});
    return ActionResult::success({{"index", ctx.world().people.size() - 1}});
}

void reviewed(Context& ctx, const nlohmann::json& data) {
    for (auto& p : ctx.world().people)
        if (p.upn == data.value("upn", "")) p.display_name += " ✓";
    if (ctx.rng("faults").chance(0.3))
        ctx.schedule(ctx.rng("delays").uniform_int(1, kDay), "test.reviewed", data);
}

const Registry& test_registry() {
    static const Registry r = [] {
        Registry reg;
        reg.add_action("test.add_person", add_person, Delay::uniform(Duration{200, 0}, Duration{2000, 0}));
        reg.add_action("test.instant", [](Context&, const Action&) { return ActionResult::success(); },
                       Delay::fixed_ms(0), {"password"});  // declares its secret: journaled as password_check
        reg.add_event("test.reviewed", reviewed);
        return reg;
    }();
    return r;
}

Action person(const std::string& upn) {
    return Action{"test.add_person", "admin@verein.example", {{"upn", upn}}};
}

// A random session for a seed: a few actions at random times.
Simulation random_session(std::uint64_t seed) {
    Setup setup;
    setup.seed = seed;
    Simulation s(setup, test_registry());
    Rng script(seed ^ 0xabcdef);
    const int n = static_cast<int>(script.uniform_int(1, 8));
    for (int i = 0; i < n; ++i) {
        s.run_until(s.now() + script.uniform_int(0, 2 * kHour));
        s.submit(person("p" + std::to_string(script.uniform_int(0, 5)) + "@x"));
    }
    s.run_until(s.now() + 2 * kDay);
    return s;
}

}  // namespace

TEST_CASE("an action's result arrives only after its simulated latency", "[sim][engine]") {
    Simulation s(Setup{}, test_registry());
    const ActionHandle h = s.submit(person("anna@x"));
    CHECK(s.is_pending(h));
    CHECK_FALSE(s.result(h).has_value());
    CHECK(s.world().people.empty());
    s.run_until(199);
    CHECK_FALSE(s.result(h).has_value());
    s.run_until(2000);
    REQUIRE(s.result(h).has_value());
    CHECK(s.result(h)->ok);
    CHECK(s.result(h)->data["index"] == 0);
    CHECK(s.world().people.size() == 1);
    CHECK_FALSE(s.is_pending(h));
}

TEST_CASE("a failing action reports a stable code, a message key and parameters", "[sim][engine]") {
    Simulation s(Setup{}, test_registry());
    s.submit(person("anna@x"));
    const ActionHandle dup = s.submit(person("anna@x"));
    const ActionHandle unknown = s.submit(Action{"no.such_thing", "", {}});
    s.run_until(5000);
    REQUIRE(s.result(dup));
    CHECK_FALSE(s.result(dup)->ok);
    CHECK(s.result(dup)->code == "test.duplicate");
    CHECK(s.result(dup)->message_key == "error.test.duplicate");
    CHECK(s.result(dup)->params["upn"] == "anna@x");
    REQUIRE(s.result(unknown));
    CHECK(s.result(unknown)->code == "action.unknown_type");
}

TEST_CASE("the journal records actions, results and background events in order", "[sim][engine][journal]") {
    Simulation s(Setup{}, test_registry());
    s.submit(person("anna@x"));
    s.run_until(4 * kHour);
    const auto& e = s.journal().entries();
    REQUIRE(e.size() >= 3);
    CHECK(e[0].kind == "action");
    CHECK(e[0].time == 0);
    CHECK(e[0].body["action"]["type"] == "test.add_person");
    CHECK(e[1].kind == "result");
    CHECK(e[1].body["result"]["ok"] == true);
    CHECK(e[2].kind == "event");
    CHECK(e[2].body["kind"] == "test.reviewed");
    for (std::size_t i = 1; i < e.size(); ++i) CHECK(e[i].time >= e[i - 1].time);
    std::string error;
    Journal back;
    REQUIRE(Journal::from_jsonl(s.journal().to_jsonl(), back, error));
    CHECK(back.hash() == s.journal().hash());
    CHECK(back.size() == s.journal().size());
}

TEST_CASE("run_until and step_to_next_event move the clock as documented", "[sim][engine]") {
    Simulation s(Setup{}, test_registry());
    CHECK_FALSE(s.step_to_next_event());
    s.run_until(1000);
    CHECK(s.now() == 1000);
    s.submit(person("a@x"));
    const auto next = s.next_event_time();
    REQUIRE(next);
    CHECK(s.step_to_next_event());
    CHECK(s.now() == *next);
    CHECK(s.world().people.size() == 1);
}

TEST_CASE("work already due completes before the next submission", "[sim][engine]") {
    // So the journal never depends on how often the caller advanced the clock between two clicks.
    Simulation s(Setup{}, test_registry());
    const auto a = s.submit(Action{"test.instant", "", {}});
    const auto b = s.submit(Action{"test.instant", "", {}});
    s.run_until(0);
    REQUIRE(s.result(a));
    REQUIRE(s.result(b));
    const auto& e = s.journal().entries();
    REQUIRE(e.size() == 4);
    CHECK(e[0].kind == "action");
    CHECK(e[1].kind == "result");
    CHECK(e[1].body["handle"] == a);
    CHECK(e[2].kind == "action");
    CHECK(e[3].body["handle"] == b);
}

TEST_CASE("actions have a stable JSON form that round-trips", "[sim][action]") {
    const Action a{"licences.assign",
                   "admin@verein.onmicrosoft.com",
                   {{"user", "anna@verein.onmicrosoft.com"}, {"sku", "M365_BP_DONATION"}}};
    const nlohmann::json j = to_json(a);
    CHECK(j["type"] == "licences.assign");
    CHECK(j["actor"] == "admin@verein.onmicrosoft.com");
    CHECK(j["user"] == "anna@verein.onmicrosoft.com");
    Action back;
    std::string error;
    REQUIRE(action_from_json(j, back, error));
    CHECK(back == a);
    CHECK(canonical_dump(to_json(back)) == canonical_dump(j));
    CHECK_FALSE(action_from_json(nlohmann::json::array(), back, error));
    CHECK_FALSE(action_from_json(nlohmann::json{{"actor", "x"}}, back, error));
    CHECK(error.find("\"type\"") != std::string::npos);
    CHECK_FALSE(action_from_json(nlohmann::json{{"type", "x"}, {"actor", 5}}, back, error));
}

TEST_CASE("passwords never reach the journal, only whether they met the policy", "[sim][action][secrets]") {
    Simulation s(Setup{}, test_registry());
    s.submit(Action{"test.instant", "", {{"password", "Sommer2025!"}, {"user", "a"}}});
    s.submit(Action{"test.instant", "", {{"password", "short"}}});
    s.submit(Action{"test.instant", "", {{"password", "alllowercaseletters"}}});
    s.run_until(10);
    const std::string dump = s.journal().to_jsonl() + canonical_dump(s.state_json());
    CHECK(dump.find("Sommer2025!") == std::string::npos);
    CHECK(dump.find("alllowercaseletters") == std::string::npos);
    std::vector<nlohmann::json> actions;
    for (const auto& e : s.journal().entries())
        if (e.kind == "action") actions.push_back(e.body["action"]);
    REQUIRE(actions.size() == 3);
    CHECK_FALSE(actions[0].contains("password"));
    CHECK(actions[0]["password_check"] == "ok");
    CHECK(actions[1]["password_check"] == "password.too_short");
    CHECK(actions[2]["password_check"] == "password.too_weak");
}

TEST_CASE("replaying a journal reproduces the same journal and state hash for 1,000 seeds", "[sim][replay]") {
    int checked = 0;
    for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
        Simulation original = random_session(seed);
        Setup setup;
        setup.seed = seed;
        Simulation again = replay(setup, original.journal(), original.now(), test_registry());
        if (again.journal().hash() != original.journal().hash() ||
            again.state_hash() != original.state_hash()) {
            FAIL("seed " << seed << " did not replay");
        }
        ++checked;
    }
    CHECK(checked == 1000);
}

TEST_CASE("a different seed gives a different run", "[sim][replay]") {
    CHECK(random_session(1).state_hash() != random_session(2).state_hash());
}

TEST_CASE("the same run stepped as 1×N and as N×1 ticks gives the same hash", "[sim][replay][framerate]") {
    const SimTime total = 3 * kDay;
    Simulation one(Setup{}, test_registry());
    Simulation many(Setup{}, test_registry());
    for (Simulation* s : {&one, &many}) {
        s->submit(person("a@x"));
        s->submit(person("b@x"));
    }
    one.run_until(total);
    const SimTime tick = 16 * kMinute + 7;  // an awkward tick that never lines up with events
    while (many.now() < total) many.run_until(std::min(total, many.now() + tick));
    CHECK(one.now() == many.now());
    CHECK(one.state_hash() == many.state_hash());
    CHECK(one.journal().hash() == many.journal().hash());
}

TEST_CASE("the state hash changes with the world and is stable across copies", "[sim][hash]") {
    Simulation s(Setup{}, test_registry());
    const auto h0 = s.state_hash();
    CHECK(s.state_hash() == h0);
    s.submit(person("a@x"));
    s.run_until(5000);
    CHECK(s.state_hash() != h0);
    CHECK(fnv1a("") == kFnvOffset);
    CHECK(fnv1a("a") == 0xaf63dc4c8601ec8cull);
    CHECK(hex64(0xabcull) == "0000000000000abc");
}
