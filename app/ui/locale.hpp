// app/ui/locale.hpp — the system language and the localised clock text of the top bar.
#pragma once

#include <string>

#include "sim/i18n.hpp"
#include "sim/time.hpp"

namespace app {

constexpr const char* kLanguages[] = {"en", "de"};

// "de" when the first set of LC_ALL, LC_MESSAGES, LANG (POSIX precedence) starts with "de", else "en".
std::string language_from_env(const char* lc_all, const char* lc_messages, const char* lang);
std::string system_language();  // language_from_env() on the process environment
bool is_supported_language(const std::string& lang);

// "Mon 3 Mar 2025 09:00 CET" / "Mo., 3. März 2025, 09:00 MEZ", from the patterns and names in `text`
// (keys ui.clock.*). Zone abbreviations come from ui.clock.zone.<tz name>.standard|daylight,
// else "UTC+01:00".
std::string format_clock(const sim::LocalDateTime& t, const sim::TimeZone& zone, const sim::Strings& text);
// The short form used for "next event" hints: "Tue 4 Mar 10:30" / "Di., 4. März, 10:30".
std::string format_clock_short(const sim::LocalDateTime& t, const sim::Strings& text);

}  // namespace app
