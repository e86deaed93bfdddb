// sim/time.hpp — virtual time, the civil calendar, time zones and business days.
//
// Sim time is an integer count of milliseconds since the scenario start. A Calendar maps it to the
// scenario's local date and time (time zone with the EU daylight-saving rule) and does business-day
// arithmetic (Monday to Friday). Nothing here reads the wall clock.
//
// Bounds (docs/input-policy.md, "Dates and durations"): a scenario's dates lie in 2000-01-01 … 2100-12-31
// (is_supported_date; parse_date refuses others) and any single duration is at most 3660 days or 2610
// business days (parse_duration refuses longer ones). Every calendar function is O(1) whatever its
// arguments, and the arithmetic helpers saturate at kSimTimeMax instead of overflowing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sim {

using SimTime = std::int64_t;  // milliseconds since the scenario start

constexpr SimTime kSecond = 1000;
constexpr SimTime kMinute = 60 * kSecond;
constexpr SimTime kHour = 60 * kMinute;
constexpr SimTime kDay = 24 * kHour;

// [SECTION] Bounds
// The supported dates of a scenario (start dates, snapshot dates): inclusive.
constexpr int kMinSupportedYear = 2000;  // from 2000-01-01
constexpr int kMaxSupportedYear = 2100;  // to 2100-12-31
// The longest single duration anywhere (delays, latencies, skips, waits): 3660 days, about 10 years.
constexpr std::int64_t kMaxDurationDays = 3660;
constexpr SimTime kMaxDuration = kMaxDurationDays * kDay;
// The most business days in one duration: 522 whole weeks, which fits in the same 3660 days.
constexpr int kMaxBusinessDays = 2610;
// The end of time: sim-time arithmetic saturates here (about 146 million years), far from int64 overflow,
// so adding any duration up to the cap to a time at or below it can never overflow.
constexpr SimTime kSimTimeMax = SimTime{1} << 62;

// t + d, saturated: never above kSimTimeMax (a time already beyond it stays where it is when d >= 0),
// never below the int64 minimum.
SimTime add_saturating(SimTime t, SimTime d);

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    bool operator==(const CivilDate& o) const { return year == o.year && month == o.month && day == o.day; }
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
int weekday_from_days(std::int64_t days);  // 0 = Monday … 6 = Sunday
// A real day of the proleptic Gregorian calendar, in any year (so clamping a day to its month always ends).
bool is_valid_date(CivilDate d);
// A valid date from 2000-01-01 to 2100-12-31.
bool is_supported_date(CivilDate d);
// "2025-03-03" → the date; nullopt (and a message in `error`) when it is not a date or not supported.
std::optional<CivilDate> parse_date(std::string_view iso, std::string* error = nullptr);
std::string format_date(CivilDate d);  // "2025-03-03"
// `months` calendar months after `d`, the day clamped to the month's end (Jan 31 + 1 → Feb 28/29). O(1).
CivilDate add_months(CivilDate d, std::int64_t months);

// A time zone: a standard offset plus an optional daylight-saving rule.
struct TimeZone {
    std::string name = "Europe/Berlin";
    int standard_offset_minutes = 60;
    bool eu_dst =
        true;  // EU rule: +1 h from last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC
};
std::optional<TimeZone> time_zone_by_name(
    std::string_view name);  // Europe/Berlin, Europe/Vienna, Europe/Zurich, Europe/London, UTC, …
int utc_offset_minutes(const TimeZone& tz, std::int64_t unix_ms);

struct LocalDateTime {
    CivilDate date;
    int hour = 0, minute = 0, second = 0, millisecond = 0;
    int weekday = 0;             // 0 = Monday
    int utc_offset_minutes = 0;  // in force at that instant
    bool dst = false;
};

// Maps sim time to the local calendar of the scenario.
class Calendar {
public:
    Calendar() = default;
    // The scenario starts at this local date and time in `tz` (sim time 0).
    Calendar(CivilDate start_date, int start_minute_of_day, TimeZone tz);

    std::int64_t unix_ms(SimTime t) const { return add_saturating(start_unix_ms_, t); }
    SimTime from_unix_ms(std::int64_t unix_ms) const { return add_saturating(unix_ms, -start_unix_ms_); }
    LocalDateTime local(SimTime t) const;
    // Sim time of a local wall-clock time (for ambiguous/skipped DST hours: the earlier offset).
    SimTime at_local(CivilDate date, int minute_of_day) const;
    const TimeZone& zone() const { return tz_; }

    bool is_business_day(SimTime t) const;
    // The same local time of day, `n` business days later (n >= 0; less counts as 0). From a weekend,
    // counting starts on Monday. O(1) (whole weeks); saturates at kSimTimeMax.
    SimTime add_business_days(SimTime t, int n) const;
    // Whole business days strictly after the date of `from` up to and including the date of `to`
    // (0 when `to` is not later). O(1).
    int business_days_between(SimTime from, SimTime to) const;
    // The same local time of day `months` calendar months later (day clamped to the month's end). O(1).
    SimTime add_months(SimTime t, int months) const;

    std::string format_iso(SimTime t) const;  // "2025-03-03T09:00:00+01:00"

private:
    std::int64_t start_unix_ms_ = 0;
    TimeZone tz_;
};

// A duration as people write it: "90s", "15m", "2h", "3d", "1w", "250ms", "5 business days".
// Calendar durations are plain milliseconds; business days need a Calendar to apply.
struct Duration {
    SimTime ms = 0;
    int business_days = 0;
    bool operator==(const Duration& o) const { return ms == o.ms && business_days == o.business_days; }
};
// Returns nullopt and fills `error` when the text is not a duration, or is longer than the cap
// (kMaxDuration, kMaxBusinessDays).
std::optional<Duration> parse_duration(std::string_view text, std::string* error = nullptr);
// Whether a duration is within the cap (0 … kMaxDuration and 0 … kMaxBusinessDays); for values not
// made by parse_duration (e.g. a whole number of milliseconds in JSON).
bool is_within_cap(const Duration& d);
// The cap in words, for messages: "at most 3660 days (about 10 years)".
std::string duration_cap_text();
std::string format_duration(const Duration& d);  // canonical text, parse_duration(format_duration(d)) == d
// `from` plus `d` (calendar time first, then business days); saturates at kSimTimeMax.
SimTime apply_duration(const Calendar& cal, SimTime from, const Duration& d);

}  // namespace sim
