// sim/time.cpp — civil calendar (Howard Hinnant's days-from-civil algorithm), EU DST, business days,
// duration parsing.
#include "sim/time.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>

#include <fmt/format.h>

namespace sim {

// [SECTION] Bounds

SimTime add_saturating(SimTime t, SimTime d) {
    if (d >= 0) {
        if (t >= kSimTimeMax) return t;  // at (or, from outside input, beyond) the end of time: stays
        return d > kSimTimeMax - t ? kSimTimeMax : t + d;
    }
    return t < INT64_MIN - d ? INT64_MIN : t + d;
}

// [SECTION] Civil dates

std::int64_t days_from_civil(CivilDate d) {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int weekday_from_days(std::int64_t days) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const std::int64_t w = (days + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

static int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool is_valid_date(CivilDate d) {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

bool is_supported_date(CivilDate d) {
    return is_valid_date(d) && d.year >= kMinSupportedYear && d.year <= kMaxSupportedYear;
}

CivilDate add_months(CivilDate d, std::int64_t months) {
    // Months since year 0, in 64 bits so no month count can overflow; the year is clamped to int.
    const std::int64_t total = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + months;
    std::int64_t y = total / 12, m = total % 12;
    if (m < 0) {
        m += 12;
        --y;
    }
    CivilDate out{static_cast<int>(std::clamp<std::int64_t>(y, INT_MIN / 2, INT_MAX / 2)),
                  static_cast<int>(m) + 1, 1};
    out.day = std::clamp(d.day, 1, days_in_month(out.year, out.month));
    return out;
}

static bool parse_fixed_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

std::optional<CivilDate> parse_date(std::string_view iso, std::string* error) {
    CivilDate d;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !parse_fixed_int(iso.substr(0, 4), d.year) ||
        !parse_fixed_int(iso.substr(5, 2), d.month) || !parse_fixed_int(iso.substr(8, 2), d.day) ||
        !is_valid_date(d)) {
        if (error) *error = fmt::format("\"{}\" is not a date (write YYYY-MM-DD)", iso);
        return std::nullopt;
    }
    if (!is_supported_date(d)) {
        if (error)
            *error = fmt::format("\"{}\" is outside the supported dates {:04}-01-01 … {:04}-12-31", iso,
                                 kMinSupportedYear, kMaxSupportedYear);
        return std::nullopt;
    }
    return d;
}

std::string format_date(CivilDate d) {
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

// [SECTION] Time zones

std::optional<TimeZone> time_zone_by_name(std::string_view name) {
    struct Known {
        const char* name;
        int offset;
        bool eu;
    };
    static const Known kZones[] = {
        {"Europe/Berlin", 60, true},    {"Europe/Vienna", 60, true},    {"Europe/Zurich", 60, true},
        {"Europe/Paris", 60, true},     {"Europe/Amsterdam", 60, true}, {"Europe/Brussels", 60, true},
        {"Europe/Rome", 60, true},      {"Europe/Madrid", 60, true},    {"Europe/Warsaw", 60, true},
        {"Europe/London", 0, true},     {"Europe/Dublin", 0, true},     {"Europe/Lisbon", 0, true},
        {"Europe/Helsinki", 120, true}, {"Europe/Athens", 120, true},   {"UTC", 0, false},
    };
    for (const auto& z : kZones)
        if (name == z.name) return TimeZone{z.name, z.offset, z.eu};
    return std::nullopt;
}

// Unix ms of the last Sunday of `month` in `year`, 01:00 UTC (the EU switch instant).
static std::int64_t eu_switch_unix_ms(int year, int month) {
    const int last = days_in_month(year, month);
    std::int64_t days = days_from_civil(CivilDate{year, month, last});
    days -= weekday_from_days(days) == 6 ? 0 : weekday_from_days(days) + 1;
    return days * kDay + kHour;
}

static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int utc_offset_minutes(const TimeZone& tz, std::int64_t unix_ms) {
    if (!tz.eu_dst) return tz.standard_offset_minutes;
    const int year = civil_from_days(floor_div(unix_ms, kDay)).year;
    const bool summer = unix_ms >= eu_switch_unix_ms(year, 3) && unix_ms < eu_switch_unix_ms(year, 10);
    return tz.standard_offset_minutes + (summer ? 60 : 0);
}

// [SECTION] Calendar

Calendar::Calendar(CivilDate start_date, int start_minute_of_day, TimeZone tz) : tz_(std::move(tz)) {
    const std::int64_t local_ms = days_from_civil(start_date) * kDay + start_minute_of_day * kMinute;
    // The offset in force at that local time: try the standard offset first, then correct.
    std::int64_t guess = local_ms - tz_.standard_offset_minutes * kMinute;
    guess = local_ms - utc_offset_minutes(tz_, guess) * kMinute;
    start_unix_ms_ = guess;
}

LocalDateTime Calendar::local(SimTime t) const {
    const std::int64_t u = unix_ms(t);
    LocalDateTime out;
    out.utc_offset_minutes = utc_offset_minutes(tz_, u);
    out.dst = out.utc_offset_minutes != tz_.standard_offset_minutes;
    const std::int64_t local_ms = u + out.utc_offset_minutes * kMinute;
    const std::int64_t days = floor_div(local_ms, kDay);
    const std::int64_t ms_of_day = local_ms - days * kDay;
    out.date = civil_from_days(days);
    out.weekday = weekday_from_days(days);
    out.hour = static_cast<int>(ms_of_day / kHour);
    out.minute = static_cast<int>(ms_of_day / kMinute % 60);
    out.second = static_cast<int>(ms_of_day / kSecond % 60);
    out.millisecond = static_cast<int>(ms_of_day % kSecond);
    return out;
}

SimTime Calendar::at_local(CivilDate date, int minute_of_day) const {
    const std::int64_t local_ms = days_from_civil(date) * kDay + minute_of_day * kMinute;
    // Two candidates (standard and summer offset); prefer the one that maps back to the same local time,
    // and of those the earlier offset (larger UTC offset → earlier instant).
    const std::int64_t summer = local_ms - (tz_.standard_offset_minutes + (tz_.eu_dst ? 60 : 0)) * kMinute;
    const std::int64_t standard = local_ms - tz_.standard_offset_minutes * kMinute;
    if (utc_offset_minutes(tz_, summer) * kMinute == local_ms - summer) return from_unix_ms(summer);
    if (utc_offset_minutes(tz_, standard) * kMinute == local_ms - standard) return from_unix_ms(standard);
    return from_unix_ms(summer);  // a skipped hour (spring forward): the instant just after the switch
}

bool Calendar::is_business_day(SimTime t) const {
    return local(t).weekday < 5;
}

SimTime Calendar::add_business_days(SimTime t, int n) const {
    if (t >= kSimTimeMax) return t;  // the end of time: nothing comes later
    const LocalDateTime l = local(t);
    std::int64_t days = days_from_civil(l.date);
    // From a weekend, counting starts from the following Monday (which is then day 0).
    const int from_weekday = weekday_from_days(days);
    if (from_weekday >= 5) days += 7 - from_weekday;
    // Whole weeks of five business days, then the rest, stepping over one weekend if it lies between.
    const std::int64_t left = n > 0 ? n : 0;
    const std::int64_t rest = left % 5;
    const bool over_a_weekend = weekday_from_days(days) + rest >= 5;  // Monday…Friday plus 0…4 days
    days += left / 5 * 7 + rest + (over_a_weekend ? 2 : 0);
    if (days > kSimTimeMax / kDay) return kSimTimeMax;
    const int minute_of_day = l.hour * 60 + l.minute;
    const SimTime base = at_local(civil_from_days(days), minute_of_day);
    return std::min(add_saturating(base, l.second * kSecond + l.millisecond), kSimTimeMax);
}

// Business days from a fixed Monday up to and including day `days` (a step function that rises by one
// on each Monday to Friday).
static std::int64_t business_days_through(std::int64_t days) {
    const std::int64_t m = days + 3;  // weekday_from_days(days) == m mod 7
    const std::int64_t weeks = floor_div(m, 7);
    return weeks * 5 + std::min<std::int64_t>(m - weeks * 7 + 1, 5);
}

int Calendar::business_days_between(SimTime from, SimTime to) const {
    const std::int64_t a = days_from_civil(local(from).date);
    const std::int64_t b = days_from_civil(local(to).date);
    if (a >= b) return 0;
    return static_cast<int>(
        std::min<std::int64_t>(business_days_through(b) - business_days_through(a), INT_MAX));
}

SimTime Calendar::add_months(SimTime t, int months) const {
    if (t >= kSimTimeMax) return t;
    const LocalDateTime l = local(t);
    const CivilDate d = sim::add_months(l.date, months);
    if (days_from_civil(d) > kSimTimeMax / kDay) return kSimTimeMax;
    const SimTime base = at_local(d, l.hour * 60 + l.minute);
    return std::min(add_saturating(base, l.second * kSecond + l.millisecond), kSimTimeMax);
}

std::string Calendar::format_iso(SimTime t) const {
    const LocalDateTime l = local(t);
    const int off = l.utc_offset_minutes;
    const int aoff = off < 0 ? -off : off;
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(l.date), l.hour, l.minute, l.second,
                       off < 0 ? '-' : '+', aoff / 60, aoff % 60);
}

// [SECTION] Durations

std::optional<Duration> parse_duration(std::string_view text, std::string* error) {
    auto fail = [&](std::string msg) -> std::optional<Duration> {
        if (error) *error = std::move(msg);
        return std::nullopt;
    };
    std::size_t i = 0;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == start)
        return fail(fmt::format(
            "\"{}\" is not a duration; write e.g. \"90s\", \"15m\", \"3d\" or \"5 business days\"", text));
    if (i - start > 12) return fail(fmt::format("\"{}\": the number is too large", text));
    std::int64_t n = 0;
    for (std::size_t k = start; k < i; ++k) n = n * 10 + (text[k] - '0');
    while (i < text.size() && text[i] == ' ') ++i;
    std::string unit(text.substr(i));
    while (!unit.empty() && unit.back() == ' ') unit.pop_back();
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

    struct Unit {
        const char* name;
        SimTime ms;
    };
    static const Unit kUnits[] = {
        {"ms", 1},       {"s", kSecond},     {"sec", kSecond},    {"second", kSecond},  {"seconds", kSecond},
        {"m", kMinute},  {"min", kMinute},   {"minute", kMinute}, {"minutes", kMinute}, {"h", kHour},
        {"hour", kHour}, {"hours", kHour},   {"d", kDay},         {"day", kDay},        {"days", kDay},
        {"w", 7 * kDay}, {"week", 7 * kDay}, {"weeks", 7 * kDay}};
    for (const auto& u : kUnits) {
        if (unit != u.name) continue;
        if (n > kMaxDuration / u.ms)  // checked before multiplying, so no number can overflow
            return fail(fmt::format("\"{}\" is too long: a duration is {}", text, duration_cap_text()));
        return Duration{n * u.ms, 0};
    }
    if (unit == "business day" || unit == "business days" || unit == "bd") {
        if (n > kMaxBusinessDays)
            return fail(fmt::format("\"{}\" is too long: a duration is {}", text, duration_cap_text()));
        return Duration{0, static_cast<int>(n)};
    }
    if (unit.empty())
        return fail(fmt::format("\"{}\" has no unit; write e.g. \"{}s\" or \"{}m\"", text, n, n));
    return fail(
        fmt::format("\"{}\": unknown unit \"{}\" (use ms, s, m, h, d, w or business days)", text, unit));
}

bool is_within_cap(const Duration& d) {
    return d.ms >= 0 && d.ms <= kMaxDuration && d.business_days >= 0 && d.business_days <= kMaxBusinessDays;
}

std::string duration_cap_text() {
    return fmt::format("at most {} days (about {} years) or {} business days", kMaxDurationDays,
                       kMaxDurationDays / 366, kMaxBusinessDays);
}

std::string format_duration(const Duration& d) {
    if (d.business_days != 0 && d.ms == 0)
        return fmt::format("{} business day{}", d.business_days, d.business_days == 1 ? "" : "s");
    const SimTime ms = d.ms;
    if (ms != 0 && ms % kDay == 0) return fmt::format("{}d", ms / kDay);
    if (ms != 0 && ms % kHour == 0) return fmt::format("{}h", ms / kHour);
    if (ms != 0 && ms % kMinute == 0) return fmt::format("{}m", ms / kMinute);
    if (ms != 0 && ms % kSecond == 0) return fmt::format("{}s", ms / kSecond);
    return fmt::format("{}ms", ms);
}

SimTime apply_duration(const Calendar& cal, SimTime from, const Duration& d) {
    SimTime t = add_saturating(from, d.ms);
    if (d.business_days > 0) t = cal.add_business_days(t, d.business_days);
    return t;
}

}  // namespace sim
