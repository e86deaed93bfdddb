// tests/sim/test_shapes.cpp — the data shapes (sim/shape.hpp): each object's fields are described once,
// and that description says the same as the JSON Schema; one shape reads, checks and writes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/data_files.hpp"
#include "sim/debrief.hpp"
#include "sim/scenario.hpp"
#include "sim/shape.hpp"

using namespace sim;
using nlohmann::json;

namespace {

json scenario_schema() {
    std::ifstream in(std::string(NPSIM_TEST_SCENARIO_DIR) + "/schema/scenario.schema.json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

struct Sample {
    std::string name;
    int count = 3;
    bool on = false;
    std::vector<std::string> tags;
    std::uint64_t big = 0;
    double share = 0.5;
    json extra;
};

const Shape<Sample>& sample_shape() {
    static const Shape<Sample> shape = Shape<Sample>("", TypeWords::MustBe)
                                           .string("name", &Sample::name)
                                           .required()
                                           .integer("count", &Sample::count, 0, 10)
                                           .boolean("on", &Sample::on)
                                           .strings("tags", &Sample::tags)
                                           .integer("big", &Sample::big, 0, 1'000'000)
                                           .number("share", &Sample::share, 0, 1)
                                           .json("extra", &Sample::extra);
    return shape;
}

}  // namespace

TEST_CASE("every described object has the fields of its sub-schema", "[sim][shape]") {
    // Loading a scenario touches every reader, so every shape is built and registered.
    REQUIRE(load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json").ok());
    const json schema = scenario_schema();
    std::set<std::string> seen;
    for (const ObjectShape& shape : registered_shapes()) {
        INFO(shape.schema());
        REQUIRE(shape.schema().rfind('#', 0) == 0);
        const json::json_pointer at(shape.schema().substr(1));
        REQUIRE(schema.contains(at));
        REQUIRE(schema.at(at).contains("properties"));
        std::set<std::string> in_schema;
        for (const auto& [key, value] : schema.at(at)["properties"].items()) in_schema.insert(key);
        std::vector<std::string> names = shape.names();
        const std::set<std::string> described(names.begin(), names.end());
        CHECK(described.size() == names.size());  // no field described twice
        CHECK(described == in_schema);
        seen.insert(shape.schema());
    }
    // The objects the readers describe (a reader that stops describing one fails here).
    for (const char* pointer : {"#",
                                "#/properties/settings",
                                "#/properties/delays",
                                "#/properties/catalog",
                                "#/properties/timer",
                                "#/properties/instructor",
                                "#/properties/start",
                                "#/properties/start/properties/tenant",
                                "#/properties/start/properties/organisation",
                                "#/properties/start/properties/organisation/properties/form",
                                "#/properties/start/properties/organisation/properties/facts",
                                "#/properties/start/properties/payment_methods/items",
                                "#/properties/start/properties/subscriptions/items",
                                "#/properties/start/properties/people/items",
                                "#/properties/start/properties/mail/items",
                                "#/properties/start/properties/events/items",
                                "#/$defs/text/anyOf/1",
                                "#/properties/objectives/anyOf/1",
                                "#/$defs/objective",
                                "#/$defs/objective/properties/feedback",
                                "#/properties/penalties",
                                "#/properties/penalties/properties/paid_where_free",
                                "#/properties/penalties/properties/failed_actions/items",
                                "#/$defs/condition/oneOf/5/properties/subscription",
                                "#/$defs/condition/oneOf/6/properties/licensed",
                                "#/$defs/condition/oneOf/7/properties/person",
                                "#/$defs/condition/oneOf/11/properties/mail"}) {
        INFO(pointer);
        CHECK(seen.count(pointer) == 1);
    }
}

TEST_CASE("a shape reads, refuses with JSON pointers and writes what it describes", "[sim][shape]") {
    const auto& shape = sample_shape();
    CHECK(shape.names() == std::vector<std::string>{"name", "count", "on", "tags", "big", "share", "extra"});

    Sample s;
    ShapeErrors errors;
    const json good = json::parse(
        R"({"name": "n", "count": 7, "on": true, "tags": ["a", "b"], "big": 12, "share": 0.25, "extra": {"k": 1}})");
    shape.check_keys(good, "/x", errors);
    shape.read(good, "/x", s, errors);
    CHECK(errors.empty());
    CHECK(s.name == "n");
    CHECK(s.count == 7);
    CHECK(s.on);
    CHECK(s.tags == std::vector<std::string>{"a", "b"});
    CHECK(s.big == 12);
    CHECK(s.share == 0.25);
    CHECK(s.extra == json{{"k", 1}});
    json written = json::object();
    shape.write(s, written);
    CHECK(written == good);
    CHECK(written["big"].is_number_unsigned());

    Sample t;
    errors.clear();
    const json bad = json::parse(R"({"nme": "n", "count": 1e300, "on": "yes", "share": 2, "tags": [1]})");
    shape.check_keys(bad, "/x", errors);
    shape.read(bad, "/x", t, errors);
    REQUIRE(errors.size() == 6);
    CHECK(errors[0].pointer == "/x/nme");
    CHECK(errors[0].message == "unknown key \"nme\" — did you mean \"name\"?");
    CHECK(errors[0].suggestion == "name");
    CHECK(errors[1].text() == "/x: missing required key \"name\"");
    CHECK(errors[2].text() == "/x/count: must be a whole number from 0 to 10, not 1e+300");
    CHECK(errors[3].text() == "/x/on: must be true or false, not string");
    CHECK(errors[4].text() == "/x/tags: must be an array of strings, not array");
    CHECK(errors[5].pointer == "/x/share");
    CHECK(t.count == 3);  // a refused value leaves the default
    ShapeError located{"s.json", "/x", "m", ""};
    CHECK(located.text() == "s.json: /x: m");
}

TEST_CASE("a debrief's JSON is read through its shapes, naming the first field that is wrong",
          "[sim][shape]") {
    Debrief d;
    d.start_date = *parse_date("2025-03-03");
    d.timeline.push_back({5, "action", "Sign in", "", true});
    d.objectives.push_back({"o1", LocalText{"One", "Eins"}, 10, 10, 2});
    const json j = to_json(d);
    Debrief back;
    std::string error;
    INFO(error);
    REQUIRE(debrief_from_json(j, back, error));
    CHECK(to_json(back) == j);

    json missing = j;
    missing.erase("lang");
    CHECK_FALSE(debrief_from_json(missing, back, error));
    CHECK(error == "not a complete debrief: missing required key \"lang\"");
    json wrong = j;
    wrong["timeline"][0]["ok"] = "yes";
    CHECK_FALSE(debrief_from_json(wrong, back, error));
    CHECK(error == "not a complete debrief: /timeline/0/ok: must be true or false, not string");
    json title = j;
    title["objectives"][0]["title"].erase("de");
    CHECK_FALSE(debrief_from_json(title, back, error));
    CHECK(error == "not a complete debrief: /objectives/0/title: missing required key \"de\"");
    CHECK_FALSE(debrief_from_json(json{{"npsim_debrief", "1"}}, back, error));
    CHECK(error == "/npsim_debrief: not an npsim debrief (format 1)");
}
