// tests/sim/test_clock.cpp — the civil calendar, time zones with daylight saving, business days, durations.
#include <catch2/catch.hpp>

#include "sim/time.hpp"

using namespace sim;

TEST_CASE("civil dates convert to day numbers and back", "[sim][clock]") {
    CHECK(days_from_civil({1970, 1, 1}) == 0);
    CHECK(days_from_civil({2000, 3, 1}) == 11017);
    CHECK(civil_from_days(11017) == CivilDate{2000, 3, 1});
    CHECK(civil_from_days(days_from_civil({2024, 2, 29})) == CivilDate{2024, 2, 29});
    for (std::int64_t d = -1000; d < 40000; d += 37) CHECK(days_from_civil(civil_from_days(d)) == d);
    CHECK(weekday_from_days(days_from_civil({2025, 3, 3})) == 0);  // a Monday
    CHECK(weekday_from_days(days_from_civil({2025, 3, 9})) == 6);  // a Sunday
}

TEST_CASE("dates are parsed strictly", "[sim][clock]") {
    CHECK(parse_date("2025-07-01") == CivilDate{2025, 7, 1});
    CHECK_FALSE(parse_date("2025-02-29").has_value());
    CHECK(parse_date("2024-02-29").has_value());
    CHECK_FALSE(parse_date("2025-7-1").has_value());
    CHECK_FALSE(parse_date("tomorrow").has_value());
}

TEST_CASE("sim time zero is the scenario's local start time", "[sim][clock]") {
    Calendar cal({2025, 3, 3}, 9 * 60, *time_zone_by_name("Europe/Berlin"));
    const LocalDateTime l = cal.local(0);
    CHECK(l.date == CivilDate{2025, 3, 3});
    CHECK(l.hour == 9);
    CHECK(l.minute == 0);
    CHECK(l.utc_offset_minutes == 60);
    CHECK_FALSE(l.dst);
    CHECK(cal.format_iso(0) == "2025-03-03T09:00:00+01:00");
    CHECK(cal.format_iso(90 * kMinute + 5 * kSecond) == "2025-03-03T10:30:05+01:00");
}

TEST_CASE("Berlin switches to summer time on the last Sunday of March at 02:00 local", "[sim][clock][dst]") {
    // Start Saturday 2025-03-29 12:00 CET; the switch is Sunday 2025-03-30 01:00 UTC (02:00 CET → 03:00
    // CEST).
    Calendar cal({2025, 3, 29}, 12 * 60, *time_zone_by_name("Europe/Berlin"));
    const SimTime before = 13 * kHour + 59 * kMinute;  // 2025-03-30 01:59 CET
    CHECK(cal.format_iso(before) == "2025-03-30T01:59:00+01:00");
    CHECK(cal.format_iso(before + kMinute) == "2025-03-30T03:00:00+02:00");
    CHECK(cal.local(before + kMinute).dst);
    // 24 real hours after Saturday noon is Sunday 13:00 local (the day had only 23 hours).
    CHECK(cal.format_iso(kDay) == "2025-03-30T13:00:00+02:00");
}

TEST_CASE("Berlin returns to standard time on the last Sunday of October", "[sim][clock][dst]") {
    Calendar cal({2025, 10, 25}, 12 * 60, *time_zone_by_name("Europe/Berlin"));
    CHECK(cal.format_iso(0) == "2025-10-25T12:00:00+02:00");
    CHECK(cal.format_iso(kDay) == "2025-10-26T11:00:00+01:00");
    // A local wall time maps back to the same local time on both sides of the switch.
    CHECK(cal.format_iso(cal.at_local({2025, 10, 27}, 9 * 60)) == "2025-10-27T09:00:00+01:00");
    CHECK(cal.format_iso(cal.at_local({2025, 10, 24}, 9 * 60)).substr(0, 10) == "2025-10-24");
}

TEST_CASE("time zones without daylight saving keep one offset", "[sim][clock]") {
    Calendar cal({2025, 6, 1}, 0, *time_zone_by_name("UTC"));
    CHECK(cal.format_iso(0) == "2025-06-01T00:00:00+00:00");
    CHECK_FALSE(time_zone_by_name("Mars/Olympus").has_value());
}

TEST_CASE("business days skip weekends and keep the time of day", "[sim][clock][business]") {
    Calendar cal({2025, 3, 6}, 9 * 60, *time_zone_by_name("Europe/Berlin"));  // Thursday 09:00
    CHECK(cal.format_iso(cal.add_business_days(0, 0)) == "2025-03-06T09:00:00+01:00");
    CHECK(cal.format_iso(cal.add_business_days(0, 1)) == "2025-03-07T09:00:00+01:00");  // Friday
    CHECK(cal.format_iso(cal.add_business_days(0, 2)) == "2025-03-10T09:00:00+01:00");  // Monday
    CHECK(cal.format_iso(cal.add_business_days(0, 5)) == "2025-03-13T09:00:00+01:00");
    CHECK(cal.format_iso(cal.add_business_days(0, 20)) == "2025-04-03T09:00:00+02:00");  // across DST
    CHECK(cal.business_days_between(0, cal.add_business_days(0, 7)) == 7);
    // From a Saturday, counting starts on Monday.
    const SimTime saturday = 2 * kDay;
    CHECK_FALSE(cal.is_business_day(saturday));
    CHECK(cal.format_iso(cal.add_business_days(saturday, 1)) == "2025-03-11T09:00:00+01:00");
}

TEST_CASE("durations are written the way people think", "[sim][clock][duration]") {
    CHECK(parse_duration("90s") == Duration{90 * kSecond, 0});
    CHECK(parse_duration("15m") == Duration{15 * kMinute, 0});
    CHECK(parse_duration("2h") == Duration{2 * kHour, 0});
    CHECK(parse_duration("3d") == Duration{3 * kDay, 0});
    CHECK(parse_duration("1w") == Duration{7 * kDay, 0});
    CHECK(parse_duration("250ms") == Duration{250, 0});
    CHECK(parse_duration("5 business days") == Duration{0, 5});
    CHECK(parse_duration("1 business day") == Duration{0, 1});
    CHECK(parse_duration("10 minutes") == Duration{10 * kMinute, 0});
    std::string error;
    CHECK_FALSE(parse_duration("soon", &error));
    CHECK(error.find("not a duration") != std::string::npos);
    CHECK_FALSE(parse_duration("5 fortnights", &error));
    CHECK(error.find("unknown unit \"fortnights\"") != std::string::npos);
    CHECK_FALSE(parse_duration("15", &error));
    CHECK(error.find("no unit") != std::string::npos);
    for (const char* text : {"90s", "15m", "2h", "3d", "250ms", "5 business days", "1 business day"})
        CHECK(parse_duration(format_duration(*parse_duration(text))) == parse_duration(text));
}

TEST_CASE("a business-day duration lands on a working day", "[sim][clock][duration]") {
    Calendar cal({2025, 3, 7}, 16 * 60, *time_zone_by_name("Europe/Berlin"));  // Friday 16:00
    CHECK(cal.format_iso(apply_duration(cal, 0, Duration{0, 3})) == "2025-03-12T16:00:00+01:00");
    CHECK(apply_duration(cal, 100, Duration{15 * kMinute, 0}) == 100 + 15 * kMinute);
}
