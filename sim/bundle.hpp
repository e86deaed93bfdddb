// sim/bundle.hpp — the repro bundle: one self-contained file that replays a run bit for bit.
//
// A bundle holds the scenario document itself (so it travels without the scenario file), the seed,
// the actions with their sim times, the end time, and the journal and state hashes the run reached.
// Replaying it on any machine must reach the same hashes: that is how a tester hands on a support
// case and how a session is saved. Files are written atomically; a corrupt file gets a clear message.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/journal.hpp"
#include "sim/scenario.hpp"

namespace sim {

constexpr int kBundleFormat = 1;

struct RecordedAction {
    SimTime time = 0;
    Action action;  // redacted: never a password
};

// Something a tester expects to be true at a point of the run (checked by verify_bundle).
struct Observation {
    std::string id;               // "obs-1"
    std::string label;            // what the tester saw, in words
    SimTime time = 0;             // checked once the clock was run to this sim time...
    std::size_t after_actions = 0;  // ...after the first `after_actions` actions were submitted
    nlohmann::json condition;     // an assessment condition (sim/assessment.hpp)
};

struct ReproBundle {
    nlohmann::json scenario;  // the scenario document
    std::string scenario_id;
    std::uint64_t seed = 1;
    SimTime end_time = 0;
    std::vector<RecordedAction> actions;
    std::string journal_hash;  // 16 hex digits, as reached by the recorded run
    std::string state_hash;
    std::string version;       // npsim version that recorded it
    std::string note;          // free text: what the case is about
    std::vector<Observation> observations;
    std::vector<JournalEntry> journal;  // the recorded run's journal (format 2; empty for format 1)
    std::string scenario_hash;          // hex64(hash_json(scenario)) (format 2; empty for format 1)
    std::string app = "npsim";
};

// Captures a run: the scenario's document, its seed and every action submitted so far.
ReproBundle make_bundle(const Scenario& scenario, const Simulation& sim, std::string note = "");
nlohmann::json to_json(const ReproBundle& b);
// Parses a bundle; on failure returns false with "/json/pointer: message" or a syntax position.
bool bundle_from_text(const std::string& text, ReproBundle& out, std::string& error);
bool save_bundle(const std::string& path, const ReproBundle& b);  // atomic
bool load_bundle(const std::string& path, ReproBundle& out, std::string& error);

struct BundleReplay {
    bool loaded = false;       // the embedded scenario loaded
    bool reproduced = false;   // both hashes matched
    std::string journal_hash, state_hash;
    std::vector<std::string> errors;
};
// Replays the bundle in a fresh simulation and compares the hashes.
BundleReplay replay_bundle(const ReproBundle& b);

}  // namespace sim
