// sim/support_cases.cpp — the support-case list of the references (sim/support_cases.hpp).
#include "sim/support_cases.hpp"

#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "sim/data_files.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"

namespace sim {

namespace {

bool support_case_text(const nlohmann::json& c, const char* key, std::string& out) {
    auto it = c.find(key);
    if (it == c.end() || !it->is_string() || it->get<std::string>().empty()) return false;
    out = it->get<std::string>();
    return true;
}

}  // namespace

bool load_support_cases(const std::string& path, std::vector<SupportCase>& out, std::string& error) {
    std::string text;
    if (!read_input_file(path, InputKind::Catalog, text, error)) return false;
    JsonInputError why;
    auto doc = parse_json_checked(text, InputKind::Catalog, why);
    if (!doc) {
        error = fmt::format("{}:{}: {}", path, why.where(), why.message);
        return false;
    }
    if (!doc->is_object() || !doc->contains("cases") || !(*doc)["cases"].is_array()) {
        error = path + ": must be an object with a \"cases\" array";
        return false;
    }
    std::vector<SupportCase> cases;
    const auto& list = (*doc)["cases"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        SupportCase c;
        const auto& j = list[i];
        if (!j.is_object() || !support_case_text(j, "id", c.id) ||
            !support_case_text(j, "source", c.source) || !support_case_text(j, "en", c.title.en) ||
            !support_case_text(j, "de", c.title.de)) {
            error =
                fmt::format("{}: /cases/{}: needs the texts \"id\", \"source\", \"en\" and \"de\"", path, i);
            return false;
        }
        if (std::any_of(cases.begin(), cases.end(), [&](const SupportCase& o) { return o.id == c.id; })) {
            error = fmt::format("{}: /cases/{}: \"{}\" is listed twice", path, i, c.id);
            return false;
        }
        cases.push_back(std::move(c));
    }
    out = std::move(cases);
    return true;
}

const std::vector<SupportCase>& shipped_support_cases() {
    static std::once_flag once;
    static std::vector<SupportCase> cases;
    std::call_once(once, [] {
        std::string error;  // unreadable: nothing is checked, `list --cases` says why
        if (!load_support_cases(default_asset_dir() + "/support-cases.json", cases, error)) cases.clear();
    });
    return cases;
}

void check_support_cases(const nlohmann::json& doc, const std::string& file,
                         const std::vector<SupportCase>& cases, std::vector<LoadError>& errors) {
    if (cases.empty() || !doc.is_object()) return;
    auto list = doc.find("support_cases");
    if (list == doc.end() || !list->is_array()) return;
    std::vector<std::string> known;
    for (const SupportCase& c : cases) known.push_back(c.id);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& v = (*list)[i];
        if (!v.is_string() || std::find(known.begin(), known.end(), v.get<std::string>()) != known.end())
            continue;
        const std::string pointer = fmt::format("/support_cases/{}", i);
        const bool reported =
            std::any_of(errors.begin(), errors.end(), [&](const LoadError& e) { return e.where == pointer; });
        if (!reported)
            errors.push_back(
                LoadError{file, pointer,
                          fmt::format("{} (the references number their cases {} to {})",
                                      unknown_key_message(v.get<std::string>(), known, "support case"),
                                      known.front(), known.back())});
    }
}

}  // namespace sim
