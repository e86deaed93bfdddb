// sim/data_files.hpp — the shipped data on disk: where assets/ and scenarios/ are, catalog editions
// read from assets/catalog, and scenarios read from files. The layers below only parse; this is
// where npsim looks at the file system, NPSIM_HOME and /proc/self/exe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sim/catalog.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"

namespace sim {

// Where the shipped scenarios and assets live: $NPSIM_HOME, next to the executable (installed layout)
// or the source tree (developer build).
std::string default_scenario_dir();
std::string default_asset_dir();
std::string default_scenario_path();  // scenarios/full-journey.json
// The scenario files of a folder: its regular *.json files, sorted by path; none when it cannot be read.
// The library of the app, `npsim-cli list` and `list --cases` all read the folder through this.
std::vector<std::string> scenario_files(const std::string& dir = default_scenario_dir());

// Loads a catalog edition file; false + error message on failure.
bool load_catalog_file(const std::string& path, Catalog& out, std::string& error);

// The catalog source that reads editions from `asset_dir`/catalog (default_asset_dir() when empty).
CatalogSource disk_catalogs(std::string asset_dir = {});

// The text keys a scenario document names, against the sim texts `texts` (assets/i18n/sim, English):
// the start state's mail ("/start/mail/N/subject_key", "/body_key") and the "subject_key" of "mail"
// conditions. Each unknown key is appended to `errors` with its pointer and a "did you mean", unless that
// place is already reported. Nothing is checked when `texts` is empty.
void check_scenario_text_keys(const nlohmann::json& doc, const std::string& file, const Strings& texts,
                              std::vector<LoadError>& errors);

// A scenario from text or from a file, with catalogs from disk_catalogs(); the text keys are checked
// against the sim texts of default_asset_dir() (check_scenario_text_keys).
ScenarioLoad load_scenario_text(const std::string& text, const std::string& file_name);
ScenarioLoad load_scenario_file(const std::string& path);

}  // namespace sim
