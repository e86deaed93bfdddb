// tests/sim/test_bundle.cpp — repro bundles: a run saved as one file replays bit for bit; bad files are
// explained.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/files.hpp"

using namespace sim;

namespace {

Scenario full_journey() {
    ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
    REQUIRE(l.ok());
    return *l.scenario;
}

std::string temp_path(const char* name) {
    return (std::filesystem::temp_directory_path() / name).string();
}

}  // namespace

TEST_CASE("a bundle of the full journey replays to the same journal and state hash", "[sim][bundle]") {
    const Scenario sc = full_journey();
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    s.run_until(s.now() + kDay);
    const ReproBundle b = make_bundle(sc, s, "reader case: no Office after approval");
    CHECK(b.actions.size() == 7);
    const std::string path = temp_path("npsim_test_bundle.json");
    REQUIRE(save_bundle(path, b));
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
    ReproBundle loaded;
    std::string error;
    REQUIRE(load_bundle(path, loaded, error));
    CHECK(loaded.note == "reader case: no Office after approval");
    const BundleReplay r = replay_bundle(loaded);
    CHECK(r.loaded);
    CHECK(r.reproduced);
    CHECK(r.state_hash == b.state_hash);
    std::remove(path.c_str());
}

TEST_CASE("a bundle carries no password even when one was typed", "[sim][bundle][secrets]") {
    const Scenario sc = full_journey();
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    // The solution's register step types a password; the recorded actions keep only the policy check,
    // and the embedded scenario (whose reference solution spells the password out) has it replaced.
    REQUIRE(sc.source.dump().find("Demo-Passwort-1") != std::string::npos);
    const nlohmann::json doc = to_json(make_bundle(sc, s));
    const std::string text = doc.dump();
    CHECK(text.find("Demo-Passwort-1") == std::string::npos);
    CHECK(doc["actions"].dump().find("password_check") != std::string::npos);
    CHECK(doc["scenario"].dump().find(kPasswordNotStored) != std::string::npos);
}

TEST_CASE("a changed action no longer reproduces", "[sim][bundle]") {
    const Scenario sc = full_journey();
    Simulation s(sc.setup);
    REQUIRE(play_solution(sc.solution, s).ok);
    ReproBundle b = make_bundle(sc, s);
    b.actions.back().action.args["users"] = nlohmann::json::array();
    CHECK_FALSE(replay_bundle(b).reproduced);
}

TEST_CASE("corrupt bundles get a clear message", "[sim][bundle][errors]") {
    ReproBundle b;
    std::string error;
    CHECK_FALSE(bundle_from_text("{\"npsim_bundle\": 1,", b, error));
    CHECK(error.rfind("not valid JSON", 0) == 0);
    CHECK_FALSE(bundle_from_text("{\"scenario\": {}}", b, error));
    CHECK(error == "/: not an npsim repro bundle (no \"npsim_bundle\" key)");
    CHECK_FALSE(bundle_from_text(R"({"npsim_bundle": 7})", b, error));
    CHECK(error.rfind("/npsim_bundle: format 7 is not supported (this npsim ", 0) == 0);
    CHECK(error.find("reads formats 1 to 2); it was written by a newer npsim") != std::string::npos);
    CHECK_FALSE(bundle_from_text(
        R"({"npsim_bundle": 1, "scenario": {}, "seed": 1, "end_ms": 0, "actions": [{"t": 5, "action": {"type": "a"}}, {"t": 2, "action": {"type": "b"}}]})",
        b, error));
    CHECK(error == "/actions/1/t: actions must be in time order");
    CHECK_FALSE(bundle_from_text(
        R"({"npsim_bundle": 1, "scenario": {}, "seed": 1, "end_ms": 0, "actions": [{"t": 0, "action": {"actor": "x"}}]})",
        b, error));
    CHECK(error == "/actions/0/action: an action needs a non-empty string \"type\"");
    CHECK_FALSE(load_bundle("/nonexistent/case.json", b, error));
    CHECK(error == "cannot be read (No such file or directory)");
}

TEST_CASE("an atomic write leaves the old file intact when the target cannot be written", "[sim][files]") {
    CHECK_FALSE(write_file_atomically("/nonexistent-dir/x.json", "{}"));
    const std::string path = temp_path("npsim_test_atomic.txt");
    REQUIRE(write_file_atomically(path, "first"));
    REQUIRE(write_file_atomically(path, "second"));
    std::string text;
    REQUIRE(read_text_file(path, text));
    CHECK(text == "second");
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
    std::remove(path.c_str());
}

TEST_CASE("a failed atomic replace keeps the old target and removes the temporary file", "[sim][files]") {
    // Renaming a file over a non-empty folder fails: the folder and its content stay, no .tmp is left.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "npsim_test_atomic_dir";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    REQUIRE(write_file_atomically((dir / "inside.txt").string(), "kept"));
    std::string error;
    CHECK_FALSE(write_file_atomically(dir.string(), "new text", &error));
    CHECK(error.find("cannot replace the file") != std::string::npos);
    CHECK(std::filesystem::is_directory(dir));
    CHECK_FALSE(std::filesystem::exists(dir.string() + ".tmp"));
    std::string text;
    REQUIRE(read_text_file((dir / "inside.txt").string(), text));
    CHECK(text == "kept");
    CHECK_FALSE(write_file_atomically("/nonexistent-dir/x.json", "{}", &error));
    CHECK(error.find("/nonexistent-dir/x.json: cannot create the temporary file") == 0);
    std::filesystem::remove_all(dir);
}
