// sim/scenario.hpp — scenario files: one versioned JSON document per scenario in scenarios/.
//
// A syntax error is reported as "file:line:column: message"; a schema or meaning error as
// "file: /json/pointer: message". Loading never throws and never crashes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"
#include "sim/text.hpp"

namespace sim {

constexpr int kScenarioSchemaVersion = 1;

struct Scenario {
    std::string id;
    std::string path;  // where it was loaded from (empty for built-ins)
    LocalText title, description;
    std::string difficulty = "beginner";
    int estimated_minutes = 30;
    std::string default_language = "en";
    Setup setup;            // seed, start, time zone, start state, fault rules
    Assessment assessment;  // objectives and penalties
    Solution solution;      // the reference solution (demo mode, CI)
    std::vector<std::string> modes = {"demo", "guided", "exam"};  // allowed modes
    SimTime exam_countdown = 0;  // exam mode: sim-independent wall-clock countdown in ms; 0 = none
    std::string audience;
    nlohmann::json source;  // the document as loaded (for sections read by later stages)
};

struct LoadError {
    std::string file;
    std::string where;  // "line:column" for syntax errors, a JSON pointer for schema/meaning errors
    std::string message;
    std::string to_string() const;  // "file:line:col: message" or "file: /pointer: message"
};

struct ScenarioLoad {
    std::optional<Scenario> scenario;
    std::vector<LoadError> errors;
    bool ok() const { return scenario.has_value() && errors.empty(); }
};

ScenarioLoad load_scenario_text(const std::string& text, const std::string& file_name);
ScenarioLoad load_scenario_file(const std::string& path);

// Where the shipped scenarios and assets live: next to the executable (installed layout) or the
// source tree (developer build).
std::string default_scenario_dir();
std::string default_asset_dir();
std::string default_scenario_path();  // scenarios/full-journey.json

}  // namespace sim
