// sim/text.hpp — small text helpers shared by the loaders: bilingual texts, "did you mean …".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace sim {

// A text in English and German (German falls back to English when missing).
struct LocalText {
    std::string en, de;
    const std::string& in(const std::string& lang) const { return (lang == "de" && !de.empty()) ? de : en; }
};

// The closest of `known` to `unknown` (for "did you mean …"), or "" when nothing is close.
std::string suggest_key(const std::string& unknown, const std::vector<std::string>& known);
// "unknown key "x"" or "unknown key "x" — did you mean "y"?"
std::string unknown_key_message(const std::string& unknown, const std::vector<std::string>& known,
                                const char* what = "key");

// Every key of `obj` not in `known`, as (JSON pointer under `pointer`, message with a suggestion).
std::vector<std::pair<std::string, std::string>> unknown_keys(const nlohmann::json& obj, const std::string& pointer,
                                                              const std::vector<std::string>& known);

}  // namespace sim
