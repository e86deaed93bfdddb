// sim/data_files.cpp — the shipped data on disk (see data_files.hpp).
#include "sim/data_files.hpp"

#include "sim/i18n.hpp"
#include "sim/input_file.hpp"
#include "sim/support_cases.hpp"
#include "sim/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

namespace fs = std::filesystem;
using nlohmann::json;

// [SECTION] Catalog editions

static bool read_json_file(const std::string& path, json& out, std::string& error) {
    std::string text, why;
    if (!read_input_file(path, InputKind::Catalog, text, why)) return error = path + ": " + why, false;
    JsonInputError parse_error;
    std::optional<json> parsed = parse_json_checked(text, InputKind::Catalog, parse_error);
    if (!parsed)
        return error = fmt::format("{}:{}: {}", path, parse_error.where(), parse_error.message), false;
    out = std::move(*parsed);
    return true;
}

bool load_catalog_file(const std::string& path, Catalog& out, std::string& error) {
    json j;
    if (!read_json_file(path, j, error)) return false;
    std::string e;
    if (!catalog_from_json(j, out, e)) return error = path + ": " + e, false;
    return true;
}

bool load_catalog_edition(const std::string& asset_dir, const std::string& edition,
                          const nlohmann::json& overrides, Catalog& out, std::string& error) {
    if (edition.empty() || edition.find_first_of("/\\.") != std::string::npos)
        return error = fmt::format("\"{}\" is not a catalog edition name", edition), false;
    const std::string dir = asset_dir + "/catalog/";
    json doc;
    if (!read_json_file(dir + edition + ".json", doc, error)) return false;
    if (!doc.is_object()) return error = dir + edition + ".json: must be a JSON object", false;
    // Included files (e.g. the commercial catalog) contribute their products after the edition's own.
    json products = doc.value("products", json::array());
    if (!products.is_array()) return error = dir + edition + ".json: /products: must be an array", false;
    auto includes = doc.find("includes");
    if (includes != doc.end()) {
        if (!includes->is_array()) return error = dir + edition + ".json: /includes: must be an array", false;
        for (const auto& inc : *includes) {
            if (!inc.is_string())
                return error = dir + edition + ".json: /includes: must list file names", false;
            const std::string name = inc.get<std::string>();
            if (name.find_first_of("/\\") != std::string::npos || name.find("..") != std::string::npos)
                return error = dir + edition + ".json: /includes: \"" + name + "\" is not a file name", false;
            json extra;
            if (!read_json_file(dir + name + ".json", extra, error)) return false;
            for (const auto& p : extra.value("products", json::array())) products.push_back(p);
        }
    }
    // Overrides: {"<sku>": {...}} merges into or adds a product; {"<sku>": null} removes it.
    if (!overrides.is_null()) {
        if (!overrides.is_object()) return error = "catalog overrides must be an object keyed by SKU", false;
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            auto match = std::find_if(products.begin(), products.end(), [&](const json& p) {
                return p.is_object() && p.value("sku", std::string()) == it.key();
            });
            if (it->is_null()) {
                if (match == products.end())
                    return error = fmt::format("catalog overrides: /{}: no such product to remove", it.key()),
                           false;
                products.erase(match);
            } else if (it->is_object()) {
                if (match != products.end()) {
                    match->merge_patch(*it);
                    (*match)["sku"] = it.key();
                } else {
                    json p = *it;
                    p["sku"] = it.key();
                    products.push_back(std::move(p));
                }
            } else {
                return error = fmt::format("catalog overrides: /{}: must be an object or null", it.key()),
                       false;
            }
        }
    }
    doc["products"] = std::move(products);
    std::string e;
    if (!catalog_from_json(doc, out, e)) return error = dir + edition + ".json: " + e, false;
    if (out.edition.empty()) out.edition = edition;
    return true;
}

CatalogSource disk_catalogs(std::string asset_dir) {
    return [dir = std::move(asset_dir)](const std::string& edition, const json& overrides, Catalog& out,
                                        std::string& error) {
        return load_catalog_edition(dir.empty() ? default_asset_dir() : dir, edition, overrides, out, error);
    };
}

// [SECTION] Scenarios

namespace {

// A text key of the sim texts at `pointer`: unknown (with a "did you mean") when `texts` lacks it.
void check_sim_text_key(const json& v, const std::string& pointer, const std::string& file,
                        const Strings& texts, const std::vector<std::string>& keys,
                        std::vector<LoadError>& errors) {
    if (!v.is_string() || texts.has(v.get<std::string>()) ||
        std::find(keys.begin(), keys.end(), v.get<std::string>()) != keys.end())
        return;
    const bool reported =
        std::any_of(errors.begin(), errors.end(), [&](const LoadError& e) { return e.where == pointer; });
    if (!reported)
        errors.push_back(
            LoadError{file, pointer, unknown_key_message(v.get<std::string>(), keys, "text key")});
}

// The English sim texts of `asset_dir` (assets/i18n/sim/en.json), read once per directory and kept.
const Strings& scenario_sim_texts(const std::string& asset_dir) {
    static std::mutex guard;
    static std::map<std::string, Strings> read;
    const std::lock_guard<std::mutex> lock(guard);
    auto it = read.find(asset_dir);
    if (it == read.end()) {
        std::vector<std::string> errors;  // missing texts: nothing is checked (check_scenario_text_keys)
        it = read.emplace(asset_dir, Strings::load(asset_dir + "/i18n/sim", "en", &errors)).first;
    }
    return it->second;
}

}  // namespace

void check_scenario_text_keys(const json& doc, const std::string& file, const Strings& texts,
                              std::vector<LoadError>& errors) {
    if (!doc.is_object() || texts.size() == 0) return;
    std::vector<std::string> keys = texts.keys();
    // The scenario's own texts ("texts", and a start-state mail's inline subject/body under
    // "scenario.mail.<id>.subject"/".body") are known too (docs/reference/start-state.md).
    if (auto own = doc.find("texts"); own != doc.end() && own->is_object())
        for (auto it = own->begin(); it != own->end(); ++it) keys.push_back(it.key());
    if (auto start = doc.find("start"); start != doc.end() && start->is_object())
        if (auto mail = start->find("mail"); mail != start->end() && mail->is_array())
            for (const json& m : *mail)
                if (m.is_object() && m.contains("id") && m["id"].is_string())
                    for (const char* part : {"subject", "body"})
                        if (m.contains(part))
                            keys.push_back("scenario.mail." + m["id"].get<std::string>() + "." + part);
    if (auto start = doc.find("start"); start != doc.end() && start->is_object()) {
        if (auto mail = start->find("mail"); mail != start->end() && mail->is_array())
            for (std::size_t i = 0; i < mail->size(); ++i) {
                const json& m = (*mail)[i];
                if (!m.is_object()) continue;
                for (const char* key : {"subject_key", "body_key"})
                    if (m.contains(key))
                        check_sim_text_key(m[key], fmt::format("/start/mail/{}/{}", i, key), file, texts,
                                           keys, errors);
            }
    }
    for_each_condition(doc, [&](const json& c, const std::string& pointer) {
        if (c.size() != 1 || c.begin().key() != "mail" || !c.begin().value().is_object()) return;
        const json& v = c.begin().value();
        if (v.contains("subject_key"))
            check_sim_text_key(v["subject_key"], pointer + "/mail/subject_key", file, texts, keys, errors);
    });
}

ScenarioLoad load_scenario_text(const std::string& text, const std::string& file_name) {
    ScenarioLoad out = load_scenario_text(text, file_name, disk_catalogs());
    // The text keys need the sim texts (assets/i18n/sim), which only this layer reads.
    std::optional<json> doc;
    if (out.scenario) {
        doc = out.scenario->source;
    } else {
        JsonInputError parse_error;
        doc = parse_json_checked(text, InputKind::Scenario, parse_error);
        if (!doc) return out;
    }
    const std::size_t before = out.errors.size();
    check_scenario_text_keys(*doc, file_name, scenario_sim_texts(default_asset_dir()), out.errors);
    check_support_cases(*doc, file_name, shipped_support_cases(), out.errors);
    if (out.errors.size() != before) out.scenario.reset();
    return out;
}

ScenarioLoad load_scenario_file(const std::string& path) {
    std::string text, error;
    if (!read_input_file(path, InputKind::Scenario, text, error)) {
        ScenarioLoad out;
        out.errors.push_back(LoadError{path, "", error});
        return out;
    }
    return load_scenario_text(text, path);
}

// [SECTION] Paths

static std::string executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

// NPSIM_HOME, then an installed layout beside the executable, then the source tree.
static std::string find_data_dir(const char* name, const char* source_fallback) {
    std::error_code ec;
    if (const char* home = std::getenv("NPSIM_HOME")) {
        const fs::path p = fs::path(home) / name;
        if (fs::is_directory(p, ec)) return p.string();
    }
    const std::string exe = executable_dir();
    if (!exe.empty()) {
        for (const fs::path& p : {fs::path(exe) / name, fs::path(exe) / ".." / "share" / "npsim" / name})
            if (fs::is_directory(p, ec)) return p.lexically_normal().string();
    }
    return source_fallback;
}

std::string default_scenario_dir() {
    return find_data_dir("scenarios", NPSIM_SOURCE_SCENARIO_DIR);
}
std::string default_asset_dir() {
    return find_data_dir("assets", NPSIM_SOURCE_ASSET_DIR);
}
std::vector<std::string> scenario_files(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".json")
            files.push_back(it->path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::string default_scenario_path() {
    return (fs::path(default_scenario_dir()) / "full-journey.json").string();
}

}  // namespace sim
