// sim/bundle.cpp — making, saving, loading and replaying repro bundles.
#include "sim/bundle.hpp"

#include <fmt/format.h>

#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/version.hpp"

namespace sim {

ReproBundle make_bundle(const Scenario& scenario, const Simulation& sim, std::string note) {
    ReproBundle b;
    b.scenario = scenario.source;
    b.scenario_id = scenario.id;
    b.seed = sim.seed();
    b.end_time = sim.now();
    for (const auto& e : sim.journal().entries()) {
        if (e.kind != "action") continue;
        Action a;
        std::string error;
        if (action_from_json(e.body.value("action", nlohmann::json::object()), a, error)) b.actions.push_back({e.time, a});
    }
    b.journal_hash = hex64(sim.journal().hash());
    b.state_hash = hex64(sim.state_hash());
    b.version = version();
    b.note = std::move(note);
    return b;
}

nlohmann::json to_json(const ReproBundle& b) {
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : b.actions) actions.push_back({{"t", a.time}, {"action", to_json(a.action)}});
    return {{"npsim_bundle", kBundleFormat}, {"version", b.version},     {"note", b.note},
            {"scenario_id", b.scenario_id},  {"seed", b.seed},           {"end_ms", b.end_time},
            {"actions", actions},            {"journal_hash", b.journal_hash}, {"state_hash", b.state_hash},
            {"scenario", b.scenario}};
}

bool bundle_from_text(const std::string& text, ReproBundle& out, std::string& error) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        error = fmt::format("not valid JSON (at byte {})", e.byte);
        return false;
    }
    if (!j.is_object() || !j.contains("npsim_bundle")) {
        error = "/: not an npsim repro bundle (no \"npsim_bundle\" key)";
        return false;
    }
    if (j["npsim_bundle"] != kBundleFormat) {
        error = fmt::format("/npsim_bundle: format {} is not supported (this npsim reads {})", j["npsim_bundle"].dump(), kBundleFormat);
        return false;
    }
    auto need = [&](const char* key, bool ok, const char* what) {
        if (ok) return true;
        error = fmt::format("/{}: {}", key, what);
        return false;
    };
    if (!need("scenario", j.contains("scenario") && j["scenario"].is_object(), "must be the scenario document")) return false;
    if (!need("seed", j.contains("seed") && j["seed"].is_number_unsigned(), "must be a non-negative integer")) return false;
    if (!need("end_ms", j.contains("end_ms") && j["end_ms"].is_number_integer(), "must be an integer")) return false;
    if (!need("actions", j.contains("actions") && j["actions"].is_array(), "must be an array")) return false;
    ReproBundle b;
    b.scenario = j["scenario"];
    b.scenario_id = j.value("scenario_id", "");
    b.seed = j["seed"].get<std::uint64_t>();
    b.end_time = j["end_ms"].get<SimTime>();
    b.journal_hash = j.value("journal_hash", "");
    b.state_hash = j.value("state_hash", "");
    b.version = j.value("version", "");
    b.note = j.value("note", "");
    SimTime last = 0;
    for (std::size_t i = 0; i < j["actions"].size(); ++i) {
        const auto& a = j["actions"][i];
        RecordedAction r;
        std::string why;
        if (!a.is_object() || !a.contains("t") || !a["t"].is_number_integer()) {
            error = fmt::format("/actions/{}/t: must be the sim time in ms", i);
            return false;
        }
        r.time = a["t"].get<SimTime>();
        if (r.time < last) {
            error = fmt::format("/actions/{}/t: actions must be in time order", i);
            return false;
        }
        last = r.time;
        if (!action_from_json(a.value("action", nlohmann::json()), r.action, why)) {
            error = fmt::format("/actions/{}/action: {}", i, why);
            return false;
        }
        b.actions.push_back(std::move(r));
    }
    out = std::move(b);
    return true;
}

bool save_bundle(const std::string& path, const ReproBundle& b) { return write_file_atomically(path, to_json(b).dump(1) + "\n"); }

bool load_bundle(const std::string& path, ReproBundle& out, std::string& error) {
    std::string text;
    if (!read_text_file(path, text)) {
        error = "cannot open the file";
        return false;
    }
    return bundle_from_text(text, out, error);
}

BundleReplay replay_bundle(const ReproBundle& b) {
    BundleReplay r;
    ScenarioLoad load = load_scenario_text(b.scenario.dump(), b.scenario_id.empty() ? "bundle" : b.scenario_id + " (bundle)");
    for (const auto& e : load.errors) r.errors.push_back(e.to_string());
    if (!load.ok()) return r;
    r.loaded = true;
    Setup setup = load.scenario->setup;
    setup.seed = b.seed;
    Simulation s(setup);
    for (const auto& a : b.actions) {
        if (a.time >= s.now()) s.run_until(a.time);
        s.submit(a.action);
    }
    if (b.end_time > s.now()) s.run_until(b.end_time);
    r.journal_hash = hex64(s.journal().hash());
    r.state_hash = hex64(s.state_hash());
    r.reproduced = r.journal_hash == b.journal_hash && r.state_hash == b.state_hash;
    return r;
}

}  // namespace sim
