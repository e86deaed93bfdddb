// sim/i18n.cpp — loading and formatting message catalogs.
#include "sim/i18n.hpp"

#include "sim/files.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

namespace fs = std::filesystem;

static void load_one(Strings& s, const fs::path& file, std::vector<std::string>* errors) {
    std::string text, why;
    if (!read_input_file(file.string(), InputKind::Texts, text, why)) {
        if (errors) errors->push_back(fmt::format("{}: {}", file.string(), why));
        return;
    }
    JsonInputError parse_error;
    const std::optional<nlohmann::json> j = parse_json_checked(text, InputKind::Texts, parse_error);
    if (!j) {
        if (errors)
            errors->push_back(
                fmt::format("{}:{}: {}", file.string(), parse_error.where(), parse_error.message));
        return;
    }
    s.merge(*j, file.string(), errors);
}

Strings Strings::load(const std::string& dir, const std::string& lang, std::vector<std::string>* errors) {
    Strings s;
    s.lang_ = lang;
    const fs::path root(dir);
    std::error_code ec;
    const fs::path main_file = root / (lang + ".json");
    if (fs::exists(main_file, ec))
        load_one(s, main_file, errors);
    else if (errors)
        errors->push_back(fmt::format("{}: missing", main_file.string()));
    // Sub-folders in name order, so the result never depends on directory listing order.
    std::vector<fs::path> subs;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory()) subs.push_back(it->path());
    std::sort(subs.begin(), subs.end());
    for (const auto& sub : subs) {
        const fs::path f = sub / (lang + ".json");
        if (fs::exists(f, ec)) load_one(s, f, errors);
    }
    return s;
}

void Strings::merge(const nlohmann::json& flat, const std::string& source, std::vector<std::string>* errors) {
    if (!flat.is_object()) {
        if (errors) errors->push_back(fmt::format("{}: must be a JSON object of key → text", source));
        return;
    }
    for (auto it = flat.begin(); it != flat.end(); ++it) {
        if (!it.value().is_string()) {
            if (errors)
                errors->push_back(fmt::format("{}: /{}: the text must be a string", source, it.key()));
            continue;
        }
        texts_[it.key()] = it.value().get<std::string>();
    }
}

bool Strings::has(std::string_view key) const {
    return overlay_.find(key) != overlay_.end() || texts_.find(key) != texts_.end();
}

void use_scenario_texts(Strings& strings, const ScenarioTexts& texts) {
    std::map<std::string, std::string, std::less<>> overlay;
    for (const auto& [key, t] : texts) overlay.emplace(key, strings.lang() == "de" ? t.de : t.en);
    strings.set_overlay(std::move(overlay));
}

const std::string& Strings::get(std::string_view key) const {
    if (auto own = overlay_.find(key); own != overlay_.end()) return own->second;
    auto it = texts_.find(key);
    if (it != texts_.end()) return it->second;
    auto m = missing_.find(key);
    if (m == missing_.end()) m = missing_.emplace(std::string(key), std::string(key)).first;
    return m->second;
}

std::string Strings::format(std::string_view key, const nlohmann::json& params) const {
    return substitute(get(key), params);
}

std::vector<std::string> Strings::keys() const {
    std::vector<std::string> out;
    out.reserve(texts_.size());
    for (const auto& [k, v] : texts_) out.push_back(k);
    return out;
}

std::string substitute(std::string_view text, const nlohmann::json& params) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string name(text.substr(i + 1, close - i - 1));
                if (params.is_object() && params.contains(name)) {
                    const auto& v = params[name];
                    out += v.is_string() ? v.get<std::string>() : v.dump();
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace sim
