// sim/snapshot.hpp — "save this moment as a scenario": a running simulation becomes a new scenario.
//
// The document is the base scenario with its start moved to sim.now(): "start" is the local date and
// time of that moment, "start_state" is {"world": to_json(World), "events": [{"in_ms", "kind", "data"}]}
// (the pending background events, not action completions), "faults" are the rules live at that
// moment; objectives and penalties stay, the solution goes (and with it "demo" from "modes").
// It loads with load_scenario_text without errors (docs/sessions.md, "Snapshots as scenarios").
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/text.hpp"

namespace sim {

nlohmann::json scenario_at(const Scenario& base, const Simulation& sim, const std::string& new_id,
                           const LocalText& title);

}  // namespace sim
