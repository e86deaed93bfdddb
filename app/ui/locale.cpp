// app/ui/locale.cpp — language detection and clock formatting.
#include "app/ui/locale.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace app {

namespace {

std::string two_digits(int v) {
    return fmt::format("{:02}", v);
}

std::string zone_abbreviation(const sim::LocalDateTime& t, const sim::TimeZone& zone,
                              const sim::Strings& text) {
    const std::string key = "ui.clock.zone." + zone.name + (t.dst ? ".daylight" : ".standard");
    if (text.has(key)) return text.get(key);
    const int offset = t.utc_offset_minutes;
    const int magnitude = offset < 0 ? -offset : offset;
    return "UTC" + std::string(offset < 0 ? "-" : "+") + two_digits(magnitude / 60) + ":" +
           two_digits(magnitude % 60);
}

nlohmann::json clock_params(const sim::LocalDateTime& t, const sim::Strings& text) {
    return {
        {"weekday", text.get("ui.clock.weekday." + std::to_string(t.weekday))},
        {"day", t.date.day},
        {"month", text.get("ui.clock.month." + std::to_string(t.date.month))},
        {"year", t.date.year},
        {"time", two_digits(t.hour) + ":" + two_digits(t.minute)},
    };
}

}  // namespace

std::string language_from_env(const char* lc_all, const char* lc_messages, const char* lang) {
    for (const char* value : {lc_all, lc_messages, lang}) {
        if (value == nullptr || *value == '\0') continue;
        return std::strncmp(value, "de", 2) == 0 ? "de" : "en";
    }
    return "en";
}

std::string system_language() {
    return language_from_env(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

bool is_supported_language(const std::string& lang) {
    for (const char* l : kLanguages) {
        if (lang == l) return true;
    }
    return false;
}

std::string format_clock(const sim::LocalDateTime& t, const sim::TimeZone& zone, const sim::Strings& text) {
    nlohmann::json params = clock_params(t, text);
    params["zone"] = zone_abbreviation(t, zone, text);
    return text.format("ui.clock.format", params);
}

std::string format_clock_short(const sim::LocalDateTime& t, const sim::Strings& text) {
    return text.format("ui.clock.format_short", clock_params(t, text));
}

}  // namespace app
