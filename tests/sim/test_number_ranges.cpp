// tests/sim/test_number_ranges.cpp — numbers outside what a field allows are errors that name the field
// (docs/input-policy.md, "Numbers"): the loaders check type and range before converting, so 1e300 read
// as an int, -1 read as a count or a float seed is a message with the JSON pointer, never a silent
// conversion (or undefined behaviour).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/journal.hpp"
#include "sim/json_input.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"

using namespace sim;
using nlohmann::json;

namespace {

json shipped_doc(const std::string& id) {
    std::ifstream in(std::string(NPSIM_TEST_SCENARIO_DIR) + "/" + id + ".json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

// Loads `text` (JSON written by hand, so 1e300 and 1.5 stay as written) and returns every error.
std::vector<std::string> load_errors_of_text(const std::string& text) {
    const ScenarioLoad l = load_scenario_text(text, "bad.json");
    std::vector<std::string> out;
    for (const auto& e : l.errors) out.push_back(e.to_string());
    return out;
}

// The full journey with `key` set to the raw JSON text `raw` at the top level or below `path`.
std::string with_raw(json doc, const json::json_pointer& where, const std::string& raw) {
    doc[where] = "@@RAW@@";
    std::string text = doc.dump();
    const auto at = text.find("\"@@RAW@@\"");
    REQUIRE(at != std::string::npos);
    return text.replace(at, 9, raw);
}

bool has_error_starting(const std::vector<std::string>& errors, const std::string& prefix) {
    for (const auto& e : errors)
        if (e.rfind(prefix, 0) == 0) return true;
    return false;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

}  // namespace

TEST_CASE("the number helpers check type and range before converting", "[sim][input]") {
    NumberError why;
    CHECK(integer_in_range(json::parse("1000"), "/w", 0, 1000, why) == 1000);
    CHECK_FALSE(integer_in_range(json::parse("1e300"), "/w", 0, 1000, why));
    CHECK(why.text() == "/w: must be a whole number from 0 to 1000, not 1e+300");
    CHECK_FALSE(integer_in_range(json::parse("18446744073709551615"), "/n", 0, 1000, why));
    CHECK(why.message == "must be a whole number from 0 to 1000, not 18446744073709551615");
    CHECK_FALSE(integer_in_range(json::parse("-1"), "/q", 0, 1000000, why));
    CHECK(why.message == "must be a whole number from 0 to 1000000, not -1");
    CHECK_FALSE(integer_in_range(json::parse("\"5\""), "/q", 0, 10, why));
    CHECK(why.message == "must be a whole number from 0 to 10, not a text");
    CHECK(unsigned_integer(json::parse("18446744073709551615"), "/seed", why) == 18446744073709551615ull);
    CHECK_FALSE(unsigned_integer(json::parse("-1"), "/seed", why));
    CHECK_FALSE(unsigned_integer(json::parse("1.5"), "/seed", why));
    CHECK(why.text() == "/seed: must be a whole number from 0 to 18446744073709551615, not 1.5");
    CHECK(number_in_range(json::parse("0.25"), "/p", 0.0, 1.0, why) == 0.25);
    CHECK_FALSE(number_in_range(json::parse("2"), "/p", 0.0, 1.0, why));
    CHECK(why.text() == "/p: must be a number from 0 to 1, not 2");
}

TEST_CASE("a scenario number outside what its field allows names the JSON pointer",
          "[sim][input][scenario]") {
    const json doc = shipped_doc("full-journey");
    REQUIRE(load_errors_of_text(doc.dump()).empty());

    auto errors =
        load_errors_of_text(with_raw(doc, json::json_pointer("/objectives/items/0/weight"), "1e300"));
    CHECK(joined(errors) ==
          "bad.json: /objectives/items/0/weight: must be a whole number from 0 to 1000, not 1e+300\n");

    errors =
        load_errors_of_text(with_raw(doc, json::json_pointer("/objectives/items/0/weight"), "4294967296"));
    CHECK(has_error_starting(errors,
                             "bad.json: /objectives/items/0/weight: must be a whole number from 0 to 1000"));

    json faulty = doc;
    faulty["faults"] = json::array({{{"operation", "users.add"}, {"error", "service.unavailable"}}});
    errors = load_errors_of_text(with_raw(faulty, json::json_pointer("/faults/0/probability"), "2"));
    CHECK(joined(errors) == "bad.json: /faults/0/probability: must be a number from 0 to 1, not 2\n");

    json start = doc;
    start["start"] = {{"tenant", {{"name", "contoso"}}},
                      {"subscriptions",
                       json::array({{{"sku", "M365_BUSINESS_PREMIUM_NONPROFIT_STAFF"}, {"quantity", 1}}})}};
    errors =
        load_errors_of_text(with_raw(start, json::json_pointer("/start/subscriptions/0/quantity"), "-1"));
    CHECK(has_error_starting(
        errors,
        "bad.json: /start/subscriptions/0/quantity: must be a whole number from 1 to 1000000, not -1"));
    errors =
        load_errors_of_text(with_raw(start, json::json_pointer("/start/subscriptions/0/quantity"), "1e300"));
    CHECK(has_error_starting(
        errors,
        "bad.json: /start/subscriptions/0/quantity: must be a whole number from 1 to 1000000, not 1e+300"));

    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/seed"), "-1"));
    CHECK(joined(errors) ==
          "bad.json: /seed: must be a whole number from 0 to 18446744073709551615, not -1\n");
    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/seed"), "1.5"));
    CHECK(joined(errors) ==
          "bad.json: /seed: must be a whole number from 0 to 18446744073709551615, not 1.5\n");
    CHECK(load_errors_of_text(with_raw(doc, json::json_pointer("/seed"), "18446744073709551615")).empty());

    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/estimated_minutes"), "1e10"));
    CHECK(joined(errors) ==
          "bad.json: /estimated_minutes: must be a whole number from 1 to 10000, not 10000000000.0\n");
    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/estimated_minutes"), "10000000000"));
    CHECK(joined(errors) ==
          "bad.json: /estimated_minutes: must be a whole number from 1 to 10000, not 10000000000\n");

    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/schema_version"), "4294967297"));
    CHECK(has_error_starting(errors, "bad.json: /schema_version: version 4294967297 is not supported"));
}

TEST_CASE("a scenario setting and a start state count outside its range are refused",
          "[sim][input][scenario]") {
    const json doc = shipped_doc("full-journey");
    auto errors =
        load_errors_of_text(with_raw(doc, json::json_pointer("/settings/reverification_months"), "0"));
    CHECK(has_error_starting(
        errors, "bad.json: /settings/reverification_months: must be a whole number from 1 to 120, not 0"));
    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/settings/business_seat_cap"), "1e300"));
    CHECK(has_error_starting(
        errors, "bad.json: /settings/business_seat_cap: must be a whole number from 1 to 1000000"));
    errors = load_errors_of_text(with_raw(doc, json::json_pointer("/penalties/early_retry"), "1e300"));
    CHECK(has_error_starting(errors, "bad.json: /penalties/early_retry: must be points from 0 to 100"));
}

TEST_CASE("a world document with a number out of range names its place", "[sim][input][snapshot]") {
    const Scenario sc = [] {
        ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
        REQUIRE(l.ok());
        return *l.scenario;
    }();
    const json good = to_json(Simulation(sc.setup).world());
    World w;
    std::string error;
    json j = good;
    j["settings"]["reverification_months"] = 100000;
    CHECK_FALSE(world_from_json(j, w, error));
    CHECK(error == "/settings/reverification_months: must be a whole number from 1 to 120, not 100000");
    j = good;
    j["organisation"]["submissions"] = 1e300;
    CHECK_FALSE(world_from_json(j, w, error));
    CHECK(error.rfind("/organisation/submissions: must be a whole number from", 0) == 0);
    j = good;
    j["next_id"] = -1;
    CHECK_FALSE(world_from_json(j, w, error));
    CHECK(error == "/next_id: must be a whole number from 0 to 18446744073709551615, not -1");
}

TEST_CASE("a session with an action time out of range is refused with the pointer", "[sim][input][session]") {
    ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
    REQUIRE(l.ok());
    Simulation s(l.scenario->setup);
    s.submit(Action{"portal.register", "", json::object()});
    s.run_until(kMinute);
    s.submit(Action{"portal.register", "", json::object()});
    s.run_until(2 * kMinute);
    const json good = to_json(make_bundle(*l.scenario, s, "ranges"));
    REQUIRE(good["actions"].size() == 2);
    ReproBundle b;
    std::string error;
    REQUIRE(bundle_from_text(good.dump(), b, error));

    auto with_time = [&](const json::json_pointer& where, const std::string& raw) {
        json doc = good;
        doc[where] = "@@T@@";
        std::string text = doc.dump();
        text.replace(text.find("\"@@T@@\""), 7, raw);
        ReproBundle out;
        std::string why;
        CHECK_FALSE(bundle_from_text(text, out, why));
        return why;
    };
    CHECK(with_time(json::json_pointer("/actions/1/t"), "-5") ==
          "/actions/1/t: must be the sim time in ms (must be a whole number from 0 to 4611686018427387904, "
          "not -5)");
    CHECK(with_time(json::json_pointer("/actions/1/t"), "1e18") ==
          "/actions/1/t: must be the sim time in ms (must be a whole number from 0 to 4611686018427387904, "
          "not 1e+18)");
    CHECK(
        with_time(json::json_pointer("/actions/1/t"), "18446744073709551615") ==
        "/actions/1/t: must be the sim time in ms (must be a whole number from 0 to 4611686018427387904, not "
        "18446744073709551615)");
    CHECK(with_time(json::json_pointer("/end_ms"), "-5") ==
          "/end_ms: must be a whole number from 0 to 4611686018427387904, not -5");
    CHECK(with_time(json::json_pointer("/journal/0/t"), "-5") ==
          "/journal/0/t: must be a whole number from 0 to 4611686018427387904, not -5");
    CHECK(with_time(json::json_pointer("/journal/0/t"), "1e18") ==
          "/journal/0/t: must be a whole number from 0 to 4611686018427387904, not 1e+18");
    // The journal is in time order: an entry before the one above it is refused.
    const std::size_t last = good["journal"].size() - 1;
    REQUIRE(good["journal"][last]["t"].get<SimTime>() > 0);
    CHECK(with_time(json::json_pointer("/journal/" + std::to_string(last) + "/t"), "0")
              .rfind("/journal/" + std::to_string(last) + "/t: 0 ms is before the entry above it", 0) == 0);
}

TEST_CASE("a journal file with a time out of range or out of order is refused with its line",
          "[sim][input][session]") {
    Journal j;
    std::string error;
    CHECK_FALSE(
        Journal::from_jsonl("{\"t\": 0, \"kind\": \"note\"}\n{\"t\": -5, \"kind\": \"note\"}\n", j, error));
    CHECK(error == "line 2: /t: must be a whole number from 0 to 4611686018427387904, not -5");
    CHECK_FALSE(Journal::from_jsonl("{\"t\": 1e300, \"kind\": \"note\"}\n", j, error));
    CHECK(error == "line 1: /t: must be a whole number from 0 to 4611686018427387904, not 1e+300");
    CHECK_FALSE(
        Journal::from_jsonl("{\"t\": 10, \"kind\": \"note\"}\n{\"t\": 5, \"kind\": \"note\"}\n", j, error));
    CHECK(error == "line 2: /t: 5 ms is before the entry above it (10 ms); a journal is in time order");
    CHECK(Journal::from_jsonl("{\"t\": 5, \"kind\": \"note\"}\n{\"t\": 5, \"kind\": \"note\"}\n", j, error));
}

TEST_CASE("a skip_time longer than the cap is found by the same check for solution steps and action scripts",
          "[sim][input]") {
    CHECK(skip_time_errors(Action{"instructor.skip_time", "instructor", {{"by", "2d"}}}).empty());
    CHECK(skip_time_errors(Action{"users.add", "a", {{"by", "10000000d"}}}).empty());
    auto errors = skip_time_errors(Action{"instructor.skip_time", "instructor", {{"by", "10000000d"}}});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "/by");
    CHECK(errors[0].message.find("\"10000000d\" is too long") == 0);
    errors =
        skip_time_errors(Action{"instructor.skip_time", "instructor", {{"by_ms", json::parse("1e300")}}});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].pointer == "/by_ms");
}

TEST_CASE("an action argument that does not fit its type is no value", "[sim][input]") {
    Action a{"billing.place_order",
             "x",
             {{"quantity", json::parse("1e300")}, {"n", -1}, {"big", json::parse("4294967296")}}};
    CHECK(a.arg<int>("quantity", 0) == 0);
    CHECK(a.arg<unsigned>("n", 7u) == 7u);
    CHECK(a.arg<int>("big", 3) == 3);
    CHECK(a.arg<std::int64_t>("big", 3) == 4294967296);
    CHECK(a.arg<int>("n", 0) == -1);
}
