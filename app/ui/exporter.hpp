// app/ui/exporter.hpp — files the GUI writes on request: the support case ("Export repro bundle") and
// "Save this point as a scenario". Results are localised texts for the views; nothing here throws.
#pragma once

#include <string>
#include <vector>

#include "app/ui/commands.hpp"
#include "sim/bundle.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace app {

// What a write did: `ok` and the path written, or why not (localised).
struct ExportOutcome {
    bool ok = false;
    std::string message;
};

class Exporter {
public:
    explicit Exporter(const sim::Strings& strings) : strings_(strings) {}

    // ExportBundle: npsim-case-<scenario id>-<sim date>.npsim.json in request.dir (the current folder
    // when ""), the run so far with the tester's observations. Nothing to export without a scenario.
    ExportOutcome bundle(const sim::Scenario* scenario, const sim::Simulation* sim,
                         const std::vector<sim::Observation>& observations,
                         const ExportBundle& request) const;

    // SaveScenarioAt: a new scenario whose start is the world of `sim` (the viewer's moment or the live
    // run's now), <id>-at-<YYYY-MM-DD-HHMM>.json in `dir` (the current folder when ""). Never writes a
    // scenario the library could not start.
    ExportOutcome scenario_at(const sim::Scenario* base, const sim::Simulation* sim,
                              const std::string& dir) const;

private:
    const sim::Strings& strings_;
};

}  // namespace app
