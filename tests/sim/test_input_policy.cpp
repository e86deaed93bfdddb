// The input policy (sim/json_input.hpp, docs/input-policy.md): every reader refuses special files,
// oversized files, deep nesting, duplicate keys and out-of-range numbers with a clear message.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/input_file.hpp"
#include "sim/journal.hpp"
#include "sim/json_input.hpp"
#include "sim/scenario.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path dir;
    Scratch() {
        char name[] = "/tmp/npsim-input-XXXXXX";
        dir = ::mkdtemp(name);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string write(const std::string& name, const std::string& text) const {
        const fs::path p = dir / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
};

std::string scenario_text() {
    std::ifstream in(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string parse_error_of(const std::string& text, int depth = 64) {
    JsonInputError e;
    const auto j = parse_json_checked(text, depth, e);
    return j ? std::string("parsed") : e.where() + " " + e.message;
}

}  // namespace

TEST_CASE("a duplicate key is refused and both places are named", "[sim][input]") {
    CHECK(parse_error_of("{\"seed\": 1,\n \"seed\": 2}") ==
          "2:2 duplicate key \"seed\" (first at 1:2); each key may appear once");
    // The same key in two different objects is fine.
    CHECK(parse_error_of(R"({"a": {"x": 1}, "b": {"x": 2}})") == "parsed");
}

TEST_CASE("numbers beyond the double range are refused with their place", "[sim][input]") {
    CHECK(parse_error_of("{\"x\": 1e400}") ==
          "1:7 the number 1e400 is outside the range npsim reads (about ±1.8e308)");
    CHECK(parse_error_of("[\n  -1e400]") ==
          "2:3 the number -1e400 is outside the range npsim reads (about ±1.8e308)");
    CHECK(parse_error_of("[1.7e308, 18446744073709551615, -9223372036854775808]") == "parsed");
}

TEST_CASE("nesting deeper than the limit is refused while parsing, even 100000 levels deep", "[sim][input]") {
    CHECK(parse_error_of("[[[1]]]", 3) == "parsed");
    CHECK(parse_error_of("[[[[1]]]]", 3) == "1:4 nested deeper than 3 levels of brackets and braces");
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(parse_error_of(deep) == "1:65 nested deeper than 64 levels of brackets and braces");
    const std::string deep_objects = [] {
        std::string s;
        for (int i = 0; i < 100000; ++i) s += "{\"a\":";
        return s + "1" + std::string(100000, '}');
    }();
    CHECK(parse_error_of(deep_objects).find("nested deeper than 64 levels") != std::string::npos);
}

TEST_CASE("a syntax error says line and column", "[sim][input]") {
    JsonInputError e;
    CHECK_FALSE(parse_json_checked("{\n \"a\": x}", 8, e));
    CHECK(e.syntax);
    CHECK(e.where() == "2:7");
    CHECK(e.message.find("invalid literal") != std::string::npos);
}

TEST_CASE("the checked parser builds the same document as the library", "[sim][input]") {
    const std::string text = scenario_text();
    JsonInputError e;
    const auto j = parse_json_checked(text, InputKind::Scenario, e);
    REQUIRE(j);
    CHECK(*j == nlohmann::json::parse(text));
}

TEST_CASE("only regular files are read: a FIFO, a device and a folder are refused before reading",
          "[sim][input]") {
    Scratch s;
    std::string text, error;
    const std::string fifo = (s.dir / "pipe.json").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // No writer ever comes: a blocking open would hang here.
    CHECK_FALSE(read_input_file(fifo, InputKind::Scenario, text, error));
    CHECK(error == "is a pipe (FIFO), not a scenario (only regular files are read)");
    CHECK_FALSE(read_input_file("/dev/zero", InputKind::Session, text, error));
    CHECK(error == "is a character device, not a session file (only regular files are read)");
    CHECK_FALSE(read_input_file(s.dir.string(), InputKind::Actions, text, error));
    CHECK(error == "is a folder, not an actions file (only regular files are read)");
}

TEST_CASE("a file over its kind's limit is refused without reading it", "[sim][input]") {
    Scratch s;
    const std::string big = (s.dir / "big.json").string();
    { std::ofstream(big) << "{}"; }
    fs::resize_file(big, std::uintmax_t{1} << 30);  // sparse: 1 GiB without using the disk
    std::string text, error;
    CHECK_FALSE(read_input_file(big, InputKind::Scenario, text, error));
    CHECK(error == "is 1024.0 MiB, larger than the 4.0 MiB a scenario may have");
    CHECK(text.empty());
    fs::resize_file(big, input_limits(InputKind::Texts).max_bytes);
    CHECK(read_input_file(big, InputKind::Texts, text, error));
    CHECK(text.size() == input_limits(InputKind::Texts).max_bytes);
}

TEST_CASE("an OS error is shown with its reason", "[sim][input]") {
    Scratch s;
    std::string text, error;
    CHECK_FALSE(read_input_file((s.dir / "missing.json").string(), InputKind::Scenario, text, error));
    CHECK(error == "cannot be read (No such file or directory)");
    const std::string file = s.write("plain.json", "{}");
    CHECK_FALSE(read_input_file(file + "/x.json", InputKind::Scenario, text, error));
    CHECK(error == "cannot be read (Not a directory)");
}

TEST_CASE("the scenario loader reports policy refusals with file line and column", "[sim][input][scenario]") {
    std::string text = scenario_text();
    const auto seed = text.find("\"seed\":");
    REQUIRE(seed != std::string::npos);
    std::string dup = text;
    dup.insert(seed, "\"seed\": 1,\n  ");
    ScenarioLoad l = load_scenario_text(dup, "dup.json");
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].to_string().rfind("dup.json:", 0) == 0);
    CHECK(l.errors[0].message.find("duplicate key \"seed\" (first at") != std::string::npos);

    std::string huge = text;
    huge.replace(huge.find("20250303", seed), 8, "1e400");
    l = load_scenario_text(huge, "huge.json");
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].message == "the number 1e400 is outside the range npsim reads (about ±1.8e308)");
    CHECK_FALSE(l.errors[0].where.empty());

    Scratch s;
    const std::string fifo = (s.dir / "scenario.json").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    l = load_scenario_file(fifo);
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].to_string() ==
          fifo + ": is a pipe (FIFO), not a scenario (only regular files are read)");
}

TEST_CASE("a session file with an out-of-range number or deep nesting is refused, never thrown",
          "[sim][input][session]") {
    ReproBundle b;
    std::string error;
    CHECK_FALSE(bundle_from_text("{\"npsim_bundle\": 2,\n \"seed\": 1e400}", b, error));
    CHECK(error == "line 2, column 10: the number 1e400 is outside the range npsim reads (about ±1.8e308)");
    const std::string deep =
        "{\"npsim_bundle\": 2, \"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK_FALSE(bundle_from_text(deep, b, error));
    CHECK(error.find("nested deeper than") != std::string::npos);
    CHECK_FALSE(bundle_from_text("{\"npsim_bundle\": 2, \"npsim_bundle\": 2}", b, error));
    CHECK(error.find("duplicate key \"npsim_bundle\"") != std::string::npos);
}

TEST_CASE("a journal line with deep nesting is refused with its line", "[sim][input][journal]") {
    Journal j;
    std::string error;
    const std::string text = "\n" + std::string(1000, '[') + std::string(1000, ']') + "\n";
    CHECK_FALSE(Journal::from_jsonl(text, j, error));
    CHECK(error.rfind("line 2, column ", 0) == 0);
    CHECK(error.find("nested deeper than") != std::string::npos);
}
