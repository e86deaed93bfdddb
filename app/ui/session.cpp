// app/ui/session.cpp — session files (autosave, resume) and repro bundle file names.
#include "app/ui/session.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <system_error>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "sim/files.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"

namespace app {

namespace fs = std::filesystem;

std::string default_session_path() {
    const char* state = std::getenv("XDG_STATE_HOME");
    if (state && *state) return (fs::path(state) / "npsim" / "session.npsim.json").string();
    const char* home = std::getenv("HOME");
    if (home && *home) return (fs::path(home) / ".local" / "state" / "npsim" / "session.npsim.json").string();
    return "";
}

namespace {

// The scenario id reduced to [A-Za-z0-9._-], for file names.
std::string safe_id(const std::string& scenario_id) {
    std::string id;
    for (char c : scenario_id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        id += ok ? c : '-';
    }
    if (id.empty() || id.front() == '.') id = "scenario" + id;
    return id;
}

}  // namespace

std::string bundle_file_name(const std::string& scenario_id, const sim::CivilDate& d) {
    return fmt::format("npsim-case-{}-{:04}-{:02}-{:02}.npsim.json", safe_id(scenario_id), d.year, d.month,
                       d.day);
}

nlohmann::json to_json(const SessionExtras& e) {
    return {{"mode", e.mode},
            {"scenario_path", e.scenario_path},
            {"work_account", e.work_account},
            {"account_user", e.account_user},
            {"mail_user", e.mail_user},
            {"screen", e.screen},
            {"closed", e.closed}};
}

SessionExtras session_extras_from(const nlohmann::json& doc) {
    SessionExtras e;
    if (!doc.is_object()) return e;
    const auto it = doc.find("session");
    if (it == doc.end() || !it->is_object()) return e;
    e.present = true;
    auto text = [&](const char* key) {
        const auto f = it->find(key);
        return f != it->end() && f->is_string() ? f->get<std::string>() : std::string();
    };
    e.mode = text("mode");
    e.scenario_path = text("scenario_path");
    e.work_account = text("work_account");
    e.account_user = text("account_user");
    e.mail_user = text("mail_user");
    e.screen = text("screen");
    const auto closed = it->find("closed");
    e.closed = closed == it->end() || !closed->is_boolean() || closed->get<bool>();
    return e;
}

namespace {

bool write_session_unguarded(const std::string& path, const sim::ReproBundle& bundle,
                             const SessionExtras& extras, std::string& error, SaveStats* stats) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) {
        fs::create_directories(parent, ec);
        if (ec) {
            error = fmt::format("{}: {}", parent.string(), ec.message());
            return false;
        }
    }
    nlohmann::json doc = sim::to_json(bundle);
    doc["session"] = to_json(extras);
    // The instructor PIN never reaches the file: sim::make_bundle embeds sim::scenario_for_bundle's form.
    const std::string text = doc.dump(1) + "\n";
    // write_file_atomically's error names the path and the OS reason ("…: cannot write (No space left on
    // device)").
    if (!sim::write_file_atomically(path, text, &error)) return false;
    if (stats) {
        stats->bytes = text.size();
        stats->milliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    return true;
}

}  // namespace

bool write_session(const std::string& path, const sim::ReproBundle& bundle, const SessionExtras& extras,
                   std::string& error, SaveStats* stats) {
    try {
        return write_session_unguarded(path, bundle, extras, error, stats);
    } catch (const std::exception& e) {
        error = fmt::format("{}: cannot be written ({})", path, e.what());
    } catch (...) {
        error = fmt::format("{}: cannot be written (unknown error)", path);
    }
    return false;
}

// Total: whatever is wrong with the file (not a file, unreadable, not JSON, numbers out of range,
// any exception on the way), the answer is false with a reason, never an exception.
bool read_session(const std::string& path, sim::ReproBundle& out, SessionExtras& extras, std::string& error) {
    try {
        std::string text;
        // The input policy refuses folders, pipes, devices and oversized files before reading.
        if (!sim::read_input_file(path, sim::InputKind::Session, text, error)) return false;
        nlohmann::json document;
        if (!sim::bundle_from_text(text, out, error, &document)) return false;
        extras = session_extras_from(document);
        return true;
    } catch (const std::exception& e) {
        error = fmt::format("the file cannot be read as a session ({})", e.what());
    } catch (...) {
        error = "the file cannot be read as a session (unknown error)";
    }
    out = sim::ReproBundle{};
    extras = SessionExtras{};
    return false;
}

std::string quarantine_session(const std::string& path) {
    // <path>.bad replaces an older bad file; when that cannot be (a folder, or a folder in the way),
    // <path>.bad-2, -3, … keep both.
    std::error_code ec;
    std::string bad = path + ".bad";
    fs::rename(path, bad, ec);
    for (int n = 2; ec && n < 100; ++n) {
        bad = fmt::format("{}.bad-{}", path, n);
        if (fs::exists(bad, ec)) {
            ec = std::make_error_code(std::errc::file_exists);
            continue;
        }
        fs::rename(path, bad, ec);
    }
    return ec ? std::string() : bad;
}

namespace {

std::time_t file_time(const fs::path& path) {
    std::error_code ec;
    const fs::file_time_type written = fs::last_write_time(path, ec);
    if (ec) return std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    // C++17 has no clock_cast: carry the distance from "now" over to the system clock.
    const auto sys =
        std::chrono::system_clock::now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                               written - fs::file_time_type::clock::now());
    return std::chrono::system_clock::to_time_t(sys);
}

}  // namespace

std::string archive_session(const std::string& path, const std::string& scenario_id, std::string* error) try {
    std::error_code ec;
    auto fail = [&](const std::string& why) {
        if (error) *error = why;
        return std::string();
    };
    if (path.empty() || !fs::exists(fs::symlink_status(path, ec))) return fail(path + ": no such file");
    const fs::path folder = fs::path(path).parent_path() / "sessions";
    fs::create_directories(folder, ec);
    if (ec) return fail(fmt::format("{}: {}", folder.string(), ec.message()));
    std::tm tm{};
    const std::time_t t = file_time(path);
    localtime_r(&t, &tm);
    const std::string stem = fmt::format("{:%Y%m%d-%H%M%S}-{}", tm, safe_id(scenario_id));
    fs::path target = folder / (stem + ".npsim.json");
    for (int n = 2; fs::exists(target, ec); ++n) target = folder / fmt::format("{}-{}.npsim.json", stem, n);
    fs::rename(path, target, ec);
    if (ec) return fail(fmt::format("{} → {}: {}", path, target.string(), ec.message()));
    return target.string();
} catch (const std::exception& e) {
    if (error) *error = e.what();
    return "";
}

bool mark_session_closed(const std::string& path) try {
    std::string text, error;
    if (!sim::read_input_file(path, sim::InputKind::Session, text, error)) return false;
    sim::JsonInputError parse_error;
    std::optional<nlohmann::json> parsed =
        sim::parse_json_checked(text, sim::InputKind::Session, parse_error);
    if (!parsed || !parsed->is_object()) return false;
    nlohmann::json& doc = *parsed;
    if (!doc.contains("session") || !doc["session"].is_object()) doc["session"] = nlohmann::json::object();
    if (doc["session"].value("closed", false)) return true;
    doc["session"]["closed"] = true;
    return sim::write_file_atomically(path, doc.dump(1) + "\n");
} catch (...) {
    return false;  // the file stays as it is: the next start offers to resume it
}

namespace {

std::string local_text(std::time_t t) {
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return "";
    return fmt::format("{:%Y-%m-%d %H:%M}", tm);
}

}  // namespace

std::string file_saved_at(const std::string& path) {
    std::error_code ec;
    const fs::file_time_type written = fs::last_write_time(path, ec);
    if (ec) return "";
    // C++17 has no clock_cast: carry the distance from "now" over to the system clock.
    const auto sys =
        std::chrono::system_clock::now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                               written - fs::file_time_type::clock::now());
    return local_text(std::chrono::system_clock::to_time_t(sys));
}

std::string now_local_text() {
    return local_text(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

}  // namespace app
