// sim/i18n.hpp — message catalogs (English, German) loaded from assets/i18n.
//
// Layout: assets/i18n/<lang>.json holds the UI strings; assets/i18n/<area>/<lang>.json holds the
// strings of one area (e.g. sim/ for error messages and mail texts). Every file is a flat object
// {"key": "text"}; texts may contain named parameters "{name}". A missing key shows as the key
// itself, so a gap is visible on screen and in tests, never a crash.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sim/world.hpp"

namespace sim {

class Strings {
public:
    Strings() = default;
    // Loads <dir>/<lang>.json and every <dir>/<sub>/<lang>.json. Problems are appended to `errors`
    // ("file: message"); what could be loaded is kept.
    static Strings load(const std::string& dir, const std::string& lang,
                        std::vector<std::string>* errors = nullptr);
    // Merges a flat JSON object of key → text (later keys win).
    void merge(const nlohmann::json& flat, const std::string& source,
               std::vector<std::string>* errors = nullptr);

    const std::string& lang() const { return lang_; }
    bool has(std::string_view key) const;
    // The text for `key`, or the key itself when missing.
    const std::string& get(std::string_view key) const;
    // The text with "{name}" replaced by params["name"] (strings as is, numbers printed).
    std::string format(std::string_view key, const nlohmann::json& params) const;
    std::vector<std::string> keys() const;
    std::size_t size() const { return texts_.size(); }
    // Texts that win over the loaded ones (a scenario's own texts: use_scenario_texts); replaced whole.
    void set_overlay(std::map<std::string, std::string, std::less<>> texts) { overlay_ = std::move(texts); }

private:
    std::string lang_;
    std::map<std::string, std::string, std::less<>> texts_;
    std::map<std::string, std::string, std::less<>> overlay_;
    mutable std::map<std::string, std::string, std::less<>> missing_;  // key echoes for get()
};

// Puts a scenario's own texts (World::texts, "texts" of the scenario) in `strings`' language over the
// shipped ones, replacing those of an earlier scenario; an empty `texts` removes them.
void use_scenario_texts(Strings& strings, const ScenarioTexts& texts);

// Replaces "{name}" placeholders in `text` from `params`.
std::string substitute(std::string_view text, const nlohmann::json& params);

}  // namespace sim
