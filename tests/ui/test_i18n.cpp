// tests/ui/test_i18n.cpp — language files stay in step; clock texts and the system language.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "app/ui/locale.hpp"
#include "sim/i18n.hpp"
#include "sim/time.hpp"

namespace fs = std::filesystem;

namespace {

std::set<std::string> keys_of(const fs::path& file) {
    std::ifstream in(file);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    std::set<std::string> keys;
    if (!j.is_object()) return keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.insert(it.key());
    return keys;
}

sim::Strings strings(const std::string& lang) {
    return sim::Strings::load(NPSIM_TEST_ASSET_DIR "/i18n", lang);
}

}  // namespace

TEST_CASE("every language file has exactly the keys of its siblings", "[ui][i18n]") {
    // Group <lang>.json files by folder (assets/i18n and every subfolder), then compare each pair.
    std::map<fs::path, std::map<std::string, std::set<std::string>>> folders;
    for (const auto& entry : fs::recursive_directory_iterator(NPSIM_TEST_ASSET_DIR "/i18n")) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            folders[entry.path().parent_path()][entry.path().stem().string()] = keys_of(entry.path());
        }
    }
    REQUIRE(folders.count(fs::path(NPSIM_TEST_ASSET_DIR "/i18n")) == 1);
    for (const auto& [folder, languages] : folders) {
        for (const auto& [lang_a, keys_a] : languages) {
            for (const auto& [lang_b, keys_b] : languages) {
                for (const std::string& key : keys_a) {
                    if (keys_b.count(key) == 0) {
                        FAIL_CHECK(folder.string() << ": \"" << key << "\" is in " << lang_a
                                                   << ".json but not in " << lang_b << ".json");
                    }
                }
            }
        }
    }
}

TEST_CASE("the clock reads like a local date and time in English and German", "[ui][i18n]") {
    const sim::Calendar calendar({2025, 3, 3}, 9 * 60, sim::TimeZone{});
    const sim::Strings en = strings("en");
    const sim::Strings de = strings("de");
    CHECK(app::format_clock(calendar.local(0), calendar.zone(), en) == "Mon 3 Mar 2025 09:00 CET");
    CHECK(app::format_clock(calendar.local(0), calendar.zone(), de) == "Mo., 3. März 2025, 09:00 MEZ");

    // Summer time (CEST/MESZ) after the last Sunday of March.
    const sim::SimTime july = calendar.at_local({2025, 7, 1}, 14 * 60 + 5);
    CHECK(app::format_clock(calendar.local(july), calendar.zone(), en) == "Tue 1 Jul 2025 14:05 CEST");
    CHECK(app::format_clock(calendar.local(july), calendar.zone(), de) == "Di., 1. Juli 2025, 14:05 MESZ");
    CHECK(app::format_clock_short(calendar.local(july), de) == "Di., 1. Juli, 14:05");
}

TEST_CASE("a time zone without a name in the strings shows its UTC offset", "[ui][i18n]") {
    sim::TimeZone zone;
    zone.name = "Atlantic/Nowhere";
    zone.standard_offset_minutes = -150;
    zone.eu_dst = false;
    const sim::Calendar calendar({2025, 3, 3}, 9 * 60, zone);
    CHECK(app::format_clock(calendar.local(0), zone, strings("en")) == "Mon 3 Mar 2025 09:00 UTC-02:30");
}

TEST_CASE("the default language follows the system locale", "[ui][i18n]") {
    CHECK(app::language_from_env(nullptr, nullptr, "de_DE.UTF-8") == "de");
    CHECK(app::language_from_env(nullptr, nullptr, "en_GB.UTF-8") == "en");
    CHECK(app::language_from_env("", "", "de_AT.UTF-8") == "de");
    CHECK(app::language_from_env("C", nullptr, "de_DE.UTF-8") == "en");  // LC_ALL wins
    CHECK(app::language_from_env(nullptr, "de_CH.UTF-8", "en_US.UTF-8") == "de");
    CHECK(app::language_from_env(nullptr, nullptr, nullptr) == "en");
}
