// app/ui/exporter.cpp — support cases and snapshots written from the GUI (app/ui/exporter.hpp).
#include "app/ui/exporter.hpp"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "app/ui/session.hpp"
#include "sim/data_files.hpp"
#include "sim/files.hpp"
#include "sim/snapshot.hpp"

namespace app {

namespace fs = std::filesystem;

namespace {

// [A-Za-z0-9._-] only, so an id can be part of a file name.
std::string file_safe(const std::string& id) {
    std::string out;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        out += ok ? c : '-';
    }
    if (out.empty() || out.front() == '.') out = "scenario" + out;
    return out;
}

}  // namespace

ExportOutcome Exporter::bundle(const sim::Scenario* scenario, const sim::Simulation* sim,
                               const std::vector<sim::Observation>& observations,
                               const ExportBundle& request) const {
    if (!sim || !scenario) return {false, strings_.get("scenario.bundle.nothing")};
    std::error_code ec;
    const fs::path base = request.dir.empty() ? fs::current_path(ec) : fs::path(request.dir);
    const fs::path path = base / bundle_file_name(scenario->id, sim->calendar().local(sim->now()).date);
    std::string error;
    if (ec || !fs::is_directory(base, ec)) {
        error = strings_.format("scenario.bundle.no_folder", {{"path", base.string()}});
    } else {
        sim::ReproBundle bundle = sim::make_bundle(*scenario, *sim, request.note);
        bundle.observations = observations;  // what the tester expects (checked on replay)
        std::string why;                     // "path: what failed (OS reason)"
        if (!sim::save_bundle(path.string(), bundle, &why))
            error = strings_.format("scenario.bundle.cannot_write", {{"path", path.string()}, {"why", why}});
    }
    if (!error.empty()) return {false, strings_.format("scenario.bundle.failed", {{"error", error}})};
    return {true, strings_.format("scenario.bundle.written", {{"path", path.string()}})};
}

ExportOutcome Exporter::scenario_at(const sim::Scenario* base, const sim::Simulation* s,
                                    const std::string& dir) const {
    if (!base || !s) return {false, strings_.get("replay.point.nothing")};
    const sim::LocalDateTime when = s->calendar().local(s->now());
    const std::string stamp = fmt::format("{:04}-{:02}-{:02}-{:02}{:02}", when.date.year, when.date.month,
                                          when.date.day, when.hour, when.minute);
    const std::string id = file_safe(base->id) + "-at-" + stamp;
    const std::string moment =
        fmt::format("{} {:02}:{:02}", sim::format_date(when.date), when.hour, when.minute);
    const sim::LocalText title{base->title.en + " @ " + moment,
                               base->title.de.empty() ? "" : base->title.de + " @ " + moment};

    std::error_code ec;
    const fs::path folder = dir.empty() ? fs::current_path(ec) : fs::path(dir);
    const fs::path path = folder / (id + ".json");
    std::string error;
    if (ec || !fs::is_directory(folder, ec)) {
        error = strings_.format("replay.point.no_folder", {{"path", folder.string()}});
    } else {
        const std::string text = sim::scenario_at(*base, *s, id, title).dump(2) + "\n";
        // Never write a scenario the library could not start.
        const sim::ScenarioLoad check = sim::load_scenario_text(text, path.string());
        if (!check.ok()) {
            error = check.errors.empty() ? std::string("the scenario cannot be loaded")
                                         : check.errors.front().to_string();
        } else if (std::string why; !sim::write_file_atomically(path.string(), text, &why)) {
            error = strings_.format("replay.point.cannot_write", {{"path", path.string()}, {"why", why}});
        }
    }
    if (!error.empty()) return {false, strings_.format("replay.point.failed", {{"error", error}})};
    return {true, strings_.format("replay.point.written", {{"path", path.string()}})};
}

}  // namespace app
