// app/ui/session_store.cpp — the app's session file: check, resume, autosave (app/ui/session_store.hpp).
#include "app/ui/session_store.hpp"

#include <chrono>
#include <filesystem>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "sim/data_files.hpp"
#include "sim/hash.hpp"

namespace app {

namespace fs = std::filesystem;

namespace {

// The title of a scenario document ({"en": …, "de": …}), or its id.
sim::LocalText title_of(const nlohmann::json& doc, const std::string& id) {
    sim::LocalText t;
    const auto it = doc.is_object() ? doc.find("title") : doc.end();
    if (it != doc.end() && it->is_object()) {
        if (it->contains("en") && (*it)["en"].is_string()) t.en = (*it)["en"].get<std::string>();
        if (it->contains("de") && (*it)["de"].is_string()) t.de = (*it)["de"].get<std::string>();
    }
    if (t.en.empty()) t.en = id;
    return t;
}

}  // namespace

SessionStore::SessionStore(std::string path, bool offer_resume) : offer_resume_(offer_resume) {
    status_.path = std::move(path);
}

void SessionStore::file_is_bad(const std::string& path, const std::string& error) {
    status_.available = false;
    status_.interrupted = false;
    status_.bad_path = path;
    status_.bad_error = error;
    status_.kept_as = quarantine_session(path);
}

void SessionStore::new_run() {
    status_.current = status_.resumed = status_.resume_differs = false;
}

void SessionStore::start_fresh() {
    status_.archived_to = archive_session(status_.path, status_.scenario_id);
    status_.interrupted = status_.available = false;
}

void SessionStore::check_file() {
    status_.available = false;
    std::error_code ec;
    if (status_.path.empty()) return;
    // Anything at the path (a folder, a dangling link) is as bad as a broken file when it does not read.
    if (!fs::exists(fs::symlink_status(status_.path, ec))) return;
    try {
        sim::ReproBundle b;
        SessionExtras extras;
        std::string error;
        if (!read_session(status_.path, b, extras, error)) {
            file_is_bad(status_.path, error);
            return;
        }
        status_.available = true;
        status_.interrupted = offer_resume_ && extras.present && !extras.closed;
        status_.scenario_id = b.scenario_id;
        status_.title = title_of(b.scenario, b.scenario_id);
        status_.saved_at = file_saved_at(status_.path);
    } catch (const std::exception& e) {
        file_is_bad(status_.path, fmt::format("the file cannot be read as a session ({})", e.what()));
    } catch (...) {
        file_is_bad(status_.path, "the file cannot be read as a session (unknown error)");
    }
}

bool SessionStore::read(ResumableSession& out) {
    const std::string path = status_.path;
    std::error_code ec;
    status_.nothing_to_resume = path.empty() || !fs::exists(fs::symlink_status(path, ec));
    if (status_.nothing_to_resume) return false;
    std::string error;
    if (read_session(path, out.bundle, out.extras, error)) {
        out.load = sim::load_scenario_text(out.bundle.scenario.dump(), path);
        if (!out.load->ok()) {
            const sim::LoadError e = out.load->errors.empty()
                                         ? sim::LoadError{path, "", "the scenario cannot be loaded"}
                                         : out.load->errors.front();
            error = "/scenario" + (e.where.rfind('/', 0) == 0 ? e.where : std::string()) + ": " + e.message;
        }
    }
    // The file embeds the scenario without its instructor PIN and passwords. When the scenario file
    // the run started from is still the same scenario, take it from there: the console stays locked
    // after a restart, and the demo's solution keeps its passwords.
    if (error.empty() && !out.extras.scenario_path.empty()) {
        sim::ScenarioLoad original = sim::load_scenario_file(out.extras.scenario_path);
        if (original.ok() &&
            sim::hex64(sim::hash_json(sim::scenario_for_bundle(original.scenario->source))) ==
                sim::hex64(sim::hash_json(out.bundle.scenario)))
            out.load = std::move(original);
    }
    if (!error.empty()) {
        file_is_bad(path, error);
        return false;
    }
    return true;
}

void SessionStore::resumed(const ResumableSession& session, bool differs) {
    status_.available = true;
    status_.current = true;
    status_.resumed = true;
    status_.interrupted = false;
    status_.resume_differs = differs;
    status_.scenario_id = session.bundle.scenario_id;
    status_.title = title_of(session.bundle.scenario, session.bundle.scenario_id);
    status_.saved_at = file_saved_at(status_.path);
}

void SessionStore::close_earlier() {
    std::error_code ec;
    if (!status_.interrupted && !status_.path.empty() && fs::exists(status_.path, ec))
        mark_session_closed(status_.path);
}

bool SessionStore::write(const sim::Scenario& scenario, const sim::Simulation& sim,
                         const std::vector<sim::Observation>& observations, const SessionExtras& extras) {
    if (status_.path.empty()) return false;
    try {
        return write_unguarded(scenario, sim, observations, extras);
    } catch (const std::exception& e) {
        status_.save_error = fmt::format("{}: cannot be written ({})", status_.path, e.what());
    } catch (...) {
        status_.save_error = fmt::format("{}: cannot be written (unknown error)", status_.path);
    }
    return false;
}

bool SessionStore::write_unguarded(const sim::Scenario& scenario, const sim::Simulation& sim,
                                   const std::vector<sim::Observation>& observations,
                                   const SessionExtras& extras) {
    // A bad file that could not be moved away is never overwritten.
    if (status_.bad_path == status_.path && status_.kept_as.empty()) {
        status_.save_error = fmt::format(
            "{}: not saved, the unreadable session file there could not be renamed to .bad", status_.path);
        return false;
    }
    // A new run never destroys an earlier one: the earlier run's file moves into sessions/ first.
    if (std::error_code ec; !status_.current && fs::exists(fs::symlink_status(status_.path, ec))) {
        sim::ReproBundle earlier;
        SessionExtras earlier_extras;
        std::string why;
        const bool readable = read_session(status_.path, earlier, earlier_extras, why);
        std::string archive_error;
        status_.archived_to =
            archive_session(status_.path, readable ? earlier.scenario_id : "unreadable", &archive_error);
        if (status_.archived_to.empty()) {
            status_.save_error =
                fmt::format("{}: not saved, the earlier session there could not be moved aside ({})",
                            status_.path, archive_error);
            return false;
        }
        status_.interrupted = false;
    }
    const auto start = std::chrono::steady_clock::now();
    sim::ReproBundle bundle = sim::make_bundle(scenario, sim);
    bundle.observations = observations;  // the tester's observations survive a crash too
    std::string error;
    SaveStats stats;
    if (!write_session(status_.path, bundle, extras, error, &stats)) {
        status_.save_error = error;
        return false;
    }
    stats.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    status_.last_save = stats;
    status_.save_error.clear();
    status_.available = true;
    status_.current = true;
    status_.scenario_id = bundle.scenario_id;
    status_.title = scenario.title;
    status_.saved_at = now_local_text();
    return true;
}

}  // namespace app
