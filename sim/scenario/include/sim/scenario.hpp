// sim/scenario.hpp — scenario files: one versioned JSON document per scenario in scenarios/.
//
// A syntax error is reported as "file:line:column: message"; a schema or meaning error as
// "file: /json/pointer: message". Loading never throws and never crashes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/catalog.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"
#include "sim/text.hpp"

namespace sim {

// The version this npsim writes; it reads every version from kOldestScenarioSchemaVersion on. Version 2
// (this round) added history conditions, adaptive solution steps, author ids and dates, per-step delays,
// inline texts and "support_cases"; `npsim-cli migrate FILE` upgrades a version 1 file and says what
// changed (docs/authoring.md, "Versions").
constexpr int kScenarioSchemaVersion = 2;
constexpr int kOldestScenarioSchemaVersion = 1;

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
    int schema_version = kScenarioSchemaVersion;  // as written in the file
    // The support cases of the references it reproduces ("C12": ../shared/reference/domain.md section 6,
    // C21 on: domain-admin.md section 7); npsim-cli list --cases prints the coverage.
    std::vector<std::string> support_cases;
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

// Where the loader gets a catalog edition: (edition, the scenario's overrides or null) -> the catalog,
// or false with an error message. The io layer's disk_catalogs() reads assets/catalog; tests and
// tools may hand in any other.
using CatalogSource = std::function<bool(const std::string& edition, const nlohmann::json& overrides,
                                         Catalog& out, std::string& error)>;

// Parses and checks a scenario document. Pure: the only data it reads comes from `catalogs`.
// Reading a scenario from disk is load_scenario_file (sim/data_files.hpp, the io layer).
ScenarioLoad load_scenario_text(const std::string& text, const std::string& file_name,
                                const CatalogSource& catalogs);

}  // namespace sim
