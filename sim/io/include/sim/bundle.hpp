// sim/bundle.hpp — the repro bundle: one self-contained file that replays a run bit for bit.
//
// A bundle holds the scenario document itself (so it travels without the scenario file), the seed,
// the actions with their sim times, the end time, the recorded journal, the journal and state hashes
// the run reached, and the tester's observations. Replaying it on any machine must reach the same
// journal: that is how a tester hands on a support case and how a session is saved (a session file is
// a bundle plus a "session" object for the app). Format: docs/sessions.md, "Session file = repro
// bundle, format 2". Files are written atomically; a corrupt file gets a clear message, never a throw.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/action.hpp"
#include "sim/journal.hpp"
#include "sim/scenario.hpp"

namespace sim {

constexpr int kBundleFormat = 2;  // written; format 1 (no journal, no observations) still loads
constexpr int kOldestBundleFormat = 1;

struct RecordedAction {
    SimTime time = 0;
    Action action;  // redacted: never a password
};

// Something a tester expects to be true at a point of the run (checked by verify_bundle).
struct Observation {
    std::string id;                 // "obs-1"
    std::string label;              // what the tester saw, in words
    SimTime time = 0;               // checked once the clock was run to this sim time...
    std::size_t after_actions = 0;  // ...after the first `after_actions` actions were submitted
    nlohmann::json condition;       // an assessment condition (sim/assessment.hpp), e.g. last_result
};

struct ReproBundle {
    nlohmann::json scenario;  // the scenario document
    std::string scenario_id;
    std::uint64_t seed = 1;
    SimTime end_time = 0;
    std::vector<RecordedAction> actions;
    std::string journal_hash;  // 16 hex digits, as reached by the recorded run
    std::string state_hash;
    std::string version;  // npsim version that recorded it
    std::string note;     // free text: what the case is about
    std::vector<Observation> observations;
    std::vector<JournalEntry> journal;  // the recorded run's journal (format 2; empty for format 1)
    std::string scenario_hash;          // hex64(hash_json(scenario)) (format 2; empty for format 1)
    std::string app = "npsim";
};

// Captures a run: the scenario's document and hash, its seed, every action submitted so far and the
// journal. Observations are the caller's to add.
ReproBundle make_bundle(const Scenario& scenario, const Simulation& sim, std::string note = "");
// The scenario document as a bundle embeds it: the instructor console's PIN ("instructor": {"pin"}) is
// left out, and the value of every other password-like key at any depth and in any case (password,
// Password, new_password, adminPassword, passwd, secret, pin, …: sim::is_secret_key) becomes
// kPasswordNotStored, so no password text ever reaches a session file. scenario_hash is taken over this
// form (a replay runs the bundle's redacted actions, never the embedded solution, so it is unaffected).
constexpr const char* kPasswordNotStored = kSecretNotStored;
nlohmann::json scenario_for_bundle(const nlohmann::json& scenario_document);
nlohmann::json to_json(const ReproBundle& b);
// The file text of a bundle document (to_json, maybe with a "session" object): one top-level key per
// line, one action, journal entry or observation per line, so files diff and grep well.
std::string bundle_text(const nlohmann::json& document);
// Parses a bundle (format 1 or 2); on failure returns false with a message that names the place:
// "not valid JSON at byte N — the file looks truncated", "/npsim_bundle: …", "/scenario_hash: the
// embedded scenario was edited …", "/actions/3/action: …". Unknown keys (e.g. "session") are ignored.
bool bundle_from_text(const std::string& text, ReproBundle& out, std::string& error,
                      nlohmann::json* document = nullptr);
// `document` (optional) receives the parsed file, for readers of fields the bundle does not keep.
bool save_bundle(const std::string& path, const ReproBundle& b, std::string* error = nullptr);  // atomic
bool load_bundle(const std::string& path, ReproBundle& out, std::string& error);

// The embedded scenario, loaded (its errors name the file "<scenario id> (bundle)").
ScenarioLoad bundle_scenario(const ReproBundle& b);
// One line for a person: "t=5000 ms action users.add by anna@… {…}", "t=… result billing.place_order
// error billing.no_payment_method", "t=… event portal.verification_finished".
std::string journal_entry_summary(const JournalEntry& e);

struct ObservationCheck {
    std::string id, label;
    bool passed = false;
    std::string reason;  // why it failed, naming the label
};

struct JournalDifference {
    std::size_t index = 0;         // first entry that differs (or is missing / extra)
    std::string expected, actual;  // journal_entry_summary of both sides; "(none)" for a missing side
    std::string where;             // the first JSON pointer that differs inside the entry, if both exist
    // The values at `where` on both sides as JSON text ("(absent)" where one side lacks the field). A
    // long value is shown as an excerpt around its first differing character, so the two never look
    // the same: "…\"detail\":\"a long text ending in X\"…".
    std::string expected_value, actual_value;
};

struct ReplayReport {
    bool loaded = false;           // the embedded scenario loaded
    bool scenario_matches = true;  // scenario_hash is absent (format 1) or matches the document
    bool journal_checked = false;  // the bundle had a journal to compare (format 2)
    std::optional<JournalDifference> journal_difference;  // the first difference, if any
    std::size_t recorded_entries = 0, replayed_entries = 0;
    bool hashes_match = false;             // final journal and state hashes
    std::string journal_hash, state_hash;  // what the replay reached
    std::vector<ObservationCheck> observations;
    std::vector<std::string> problems;  // every failed check, in the order they were made, one line each
    // The first problem that makes the run not reproduced (scenario, journal entry or hash; "" when
    // reproduced): what `replay` and the debrief both name.
    std::string difference;
    bool ok() const { return problems.empty(); }
    // The recorded run was reproduced: the scenario loaded and matches its hash, every journal entry is
    // equal, both final hashes match. (Observations are the tester's expectations: ok() adds them.)
    bool reproduced() const { return loaded && scenario_matches && !journal_difference && hashes_match; }
    int observations_failed() const;
};

// What a caller sees of the one replay verify_bundle runs (the debrief updates its objective tracker
// here). `step` is called once the simulation is made, after every action submitted and after every
// moment with background events (the replay advances the clock event by event); `end` once with the
// final state, when the scenario loaded and the replay ran to the end.
struct ReplayWatch {
    std::function<void(const Simulation&)> step;
    std::function<void(const Simulation&)> end;
};

// Replays the bundle in a fresh simulation and checks, in order: the scenario hash, every journal
// entry, the final journal and state hashes, every observation (evaluated in the same replay). This is
// the only replay check: `npsim-cli replay`, the debrief's "reproduced" and the workshop report use it.
ReplayReport verify_bundle(const ReproBundle& b, const ReplayWatch& watch = {});

struct BundleReplay {
    bool loaded = false;      // the embedded scenario loaded
    bool reproduced = false;  // both hashes matched
    std::string journal_hash, state_hash;
    std::vector<std::string> errors;
};
// The hash-only view of verify_bundle (kept for older callers).
BundleReplay replay_bundle(const ReproBundle& b);

// A fresh simulation of the bundle's scenario (with its seed) after the first `actions` actions were
// submitted at their times and the clock was run to `until` (when later). Nullopt with `error` when the
// scenario does not load.
std::optional<Simulation> replay_prefix(const ReproBundle& b, std::size_t actions, SimTime until,
                                        std::string& error);

}  // namespace sim
