// tests/sim/test_time_bounds.cpp — bounded time arithmetic (docs/input-policy.md, "Dates and durations"):
// supported dates 2000-01-01 … 2100-12-31, one duration at most 3660 days or 2610 business days, O(1)
// calendar arithmetic checked against day-by-day references, saturation instead of overflow, and the
// loader and the instructor refusing what is out of range.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "sim/data_files.hpp"
#include "sim/delay.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/solution.hpp"

using namespace sim;
using nlohmann::json;

namespace {

// A small seeded generator (splitmix64), the same numbers on every platform.
struct Seeded {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::int64_t in(std::int64_t lo, std::int64_t hi) {  // inclusive
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
};

const std::int64_t kFirstDay = days_from_civil({kMinSupportedYear, 1, 1});
const std::int64_t kLastDay = days_from_civil({kMaxSupportedYear, 12, 31});

TimeZone zone(const char* name) {
    return *time_zone_by_name(name);
}

// The business-day rules written the slow, obvious way: one day at a time.
std::int64_t reference_add_business_days(std::int64_t days, int n) {
    while (weekday_from_days(days) >= 5) ++days;
    for (int left = n; left > 0;) {
        ++days;
        if (weekday_from_days(days) < 5) --left;
    }
    return days;
}

int reference_business_days_between(std::int64_t a, std::int64_t b) {
    int count = 0;
    for (std::int64_t d = a + 1; d <= b; ++d)
        if (weekday_from_days(d) < 5) ++count;
    return count;
}

json full_journey() {
    std::ifstream in(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

std::vector<std::string> load_errors(const json& doc) {
    const ScenarioLoad l = load_scenario_text(doc.dump(), "bad.json");
    std::vector<std::string> out;
    for (const auto& e : l.errors) out.push_back(e.to_string());
    return out;
}

bool has_error(const std::vector<std::string>& errors, const std::string& expected) {
    for (const auto& e : errors)
        if (e == expected) return true;
    return false;
}

ActionResult instructor(Simulation& s, const std::string& type, json args) {
    const ActionHandle h = s.submit(Action{type, "instructor", std::move(args)});
    REQUIRE(s.result(h));
    return *s.result(h);
}

const std::string kTooLong = "at most 3660 days (about 10 years) or 2610 business days";

}  // namespace

TEST_CASE("every supported date and many seeded random days round-trip through the civil calendar",
          "[sim][time]") {
    for (std::int64_t d = kFirstDay; d <= kLastDay; ++d) {
        const CivilDate c = civil_from_days(d);
        REQUIRE(is_supported_date(c));
        REQUIRE(days_from_civil(c) == d);
        REQUIRE(parse_date(format_date(c)) == c);
    }
    CHECK(kLastDay - kFirstDay + 1 == 36890);
    Seeded rng{7};
    for (int i = 0; i < 2000; ++i) {
        const std::int64_t d = rng.in(-3'000'000, 3'000'000);  // far outside the range too: still exact
        REQUIRE(days_from_civil(civil_from_days(d)) == d);
        REQUIRE(weekday_from_days(d + 7) == weekday_from_days(d));
    }
}

TEST_CASE("add_business_days matches a day-by-day reference for seeded random dates, times and zones",
          "[sim][time]") {
    Seeded rng{2025};
    const char* zones[] = {"Europe/Berlin", "Europe/London", "UTC", "Europe/Helsinki"};
    for (int i = 0; i < 3000; ++i) {
        const CivilDate start = civil_from_days(rng.in(kFirstDay, kLastDay));
        const Calendar cal(start, static_cast<int>(rng.in(0, 24 * 60 - 1)), zone(zones[rng.in(0, 3)]));
        const SimTime t = rng.in(0, 400 * kDay);
        const LocalDateTime l = cal.local(t);
        const int n = static_cast<int>(rng.in(0, 40));
        INFO("start " << format_date(start) << " t " << t << " n " << n);
        const SimTime got = cal.add_business_days(t, n);
        const std::int64_t want_day = reference_add_business_days(days_from_civil(l.date), n);
        REQUIRE(cal.local(got).date == civil_from_days(want_day));
        REQUIRE(got == cal.at_local(civil_from_days(want_day), l.hour * 60 + l.minute) + l.second * kSecond +
                           l.millisecond);
    }
}

TEST_CASE("add_business_days up to the cap lands on a weekday exactly that many business days later",
          "[sim][time]") {
    Seeded rng{11};
    const Calendar cal({2000, 1, 1}, 9 * 60, zone("UTC"));
    for (int i = 0; i < 3000; ++i) {
        const SimTime t = rng.in(0, (kLastDay - kFirstDay) * kDay);
        const int n = static_cast<int>(rng.in(0, kMaxBusinessDays));
        const SimTime got = cal.add_business_days(t, n);
        INFO("t " << t << " n " << n);
        REQUIRE(cal.is_business_day(got));
        const std::int64_t from = days_from_civil(cal.local(t).date);
        const std::int64_t to = days_from_civil(cal.local(got).date);
        // From a weekday the count is exact; from a weekend, Monday is day 0.
        if (cal.is_business_day(t))
            REQUIRE(cal.business_days_between(t, got) == n);
        else
            REQUIRE(cal.business_days_between(t, got) == n + 1);
        REQUIRE(to - from <= static_cast<std::int64_t>(n) / 5 * 7 + 4 + 2);
    }
    // The most business days one duration may have fit within the day cap.
    CHECK(cal.add_business_days(0, kMaxBusinessDays) - 0 <= kMaxDuration);
}

TEST_CASE("business_days_between matches a day-by-day count for seeded random pairs of dates",
          "[sim][time]") {
    Seeded rng{99};
    const Calendar cal({2025, 3, 3}, 9 * 60, zone("Europe/Berlin"));
    for (int i = 0; i < 3000; ++i) {
        const SimTime a = rng.in(-2000 * kDay, 2000 * kDay);
        const SimTime b = a + rng.in(-30 * kDay, 120 * kDay);
        const std::int64_t da = days_from_civil(cal.local(a).date), db = days_from_civil(cal.local(b).date);
        INFO("a " << a << " b " << b);
        REQUIRE(cal.business_days_between(a, b) == reference_business_days_between(da, db));
    }
    // Across the whole supported range at once: five of every seven days, and no loop to get there.
    const Calendar from_2000({2000, 1, 1}, 0, zone("UTC"));
    CHECK(from_2000.business_days_between(0, (kLastDay - kFirstDay) * kDay) ==
          reference_business_days_between(kFirstDay, kLastDay));
}

TEST_CASE("add_months clamps the day to the month's end for any number of months", "[sim][time]") {
    CHECK(add_months(CivilDate{2024, 1, 31}, 1) == CivilDate{2024, 2, 29});
    CHECK(add_months(CivilDate{2025, 1, 31}, 1) == CivilDate{2025, 2, 28});
    CHECK(add_months(CivilDate{2025, 3, 31}, -1) == CivilDate{2025, 2, 28});
    CHECK(add_months(CivilDate{2025, 11, 15}, 2) == CivilDate{2026, 1, 15});
    CHECK(add_months(CivilDate{2025, 1, 15}, -13) == CivilDate{2023, 12, 15});
    CHECK(add_months(CivilDate{2100, 12, 31}, 120) == CivilDate{2110, 12, 31});
    CHECK(add_months(CivilDate{9999, 12, 31}, 1) == CivilDate{10000, 1, 31});  // valid, just far away
    CHECK(is_valid_date(add_months(CivilDate{2025, 5, 31}, INT_MAX)));
    CHECK(is_valid_date(add_months(CivilDate{2025, 5, 31}, INT_MIN)));
    Seeded rng{3};
    for (int i = 0; i < 2000; ++i) {
        const CivilDate d = civil_from_days(rng.in(kFirstDay, kLastDay));
        const int months = static_cast<int>(rng.in(-240, 240));
        const CivilDate got = add_months(d, months);
        REQUIRE(is_valid_date(got));
        REQUIRE(got.year * 12 + got.month - 1 == d.year * 12 + d.month - 1 + months);
        REQUIRE(got.day ==
                std::min(d.day, civil_from_days(days_from_civil({got.month == 12 ? got.year + 1 : got.year,
                                                                 got.month % 12 + 1, 1}) -
                                                1)
                                    .day));
    }
    const Calendar cal({2025, 1, 31}, 9 * 60, zone("Europe/Berlin"));
    CHECK(cal.format_iso(cal.add_months(0, 1)) == "2025-02-28T09:00:00+01:00");
    CHECK(cal.format_iso(cal.add_months(0, 3)) == "2025-04-30T09:00:00+02:00");
}

TEST_CASE("parse_date accepts 2000-01-01 to 2100-12-31 and says why it refuses anything else",
          "[sim][time]") {
    CHECK(parse_date("2000-01-01") == CivilDate{2000, 1, 1});
    CHECK(parse_date("2100-12-31") == CivilDate{2100, 12, 31});
    std::string why;
    CHECK_FALSE(parse_date("9999-12-31", &why));
    CHECK(why == "\"9999-12-31\" is outside the supported dates 2000-01-01 … 2100-12-31");
    CHECK_FALSE(parse_date("1999-12-31", &why));
    CHECK(why == "\"1999-12-31\" is outside the supported dates 2000-01-01 … 2100-12-31");
    CHECK_FALSE(parse_date("2101-01-01"));
    CHECK_FALSE(parse_date("2025-02-30", &why));
    CHECK(why == "\"2025-02-30\" is not a date (write YYYY-MM-DD)");
}

TEST_CASE("parse_duration refuses anything longer than the cap without overflowing", "[sim][time]") {
    CHECK(parse_duration("3660d") == Duration{kMaxDuration, 0});
    CHECK(parse_duration("87840h") == Duration{kMaxDuration, 0});
    CHECK(parse_duration("2610 business days") == Duration{0, kMaxBusinessDays});
    std::string why;
    CHECK_FALSE(parse_duration("3661d", &why));
    CHECK(why == "\"3661d\" is too long: a duration is " + kTooLong);
    CHECK_FALSE(parse_duration("10000000d", &why));
    CHECK(why == "\"10000000d\" is too long: a duration is " + kTooLong);
    CHECK_FALSE(parse_duration("2611 business days", &why));
    CHECK(why == "\"2611 business days\" is too long: a duration is " + kTooLong);
    CHECK_FALSE(parse_duration("999999999999w"));               // would overflow int64 if multiplied first
    CHECK_FALSE(parse_duration("999999999999 business days"));  // would overflow int
    CHECK_FALSE(parse_duration("523w"));
    CHECK(parse_duration("522w").has_value());
    Seeded rng{5};
    for (int i = 0; i < 2000; ++i) {
        const Duration d{rng.in(0, kMaxDuration), 0};
        REQUIRE(is_within_cap(d));
        REQUIRE(parse_duration(format_duration(d)) == d);
        const Duration bd{0, static_cast<int>(rng.in(0, kMaxBusinessDays))};
        REQUIRE(parse_duration(format_duration(bd)) == bd);
    }
    CHECK_FALSE(is_within_cap(Duration{kMaxDuration + 1, 0}));
    CHECK_FALSE(is_within_cap(Duration{-1, 0}));
}

TEST_CASE("sim-time arithmetic saturates at the end of time instead of overflowing", "[sim][time]") {
    CHECK(add_saturating(5, 7) == 12);
    CHECK(add_saturating(kSimTimeMax - 1, kMaxDuration) == kSimTimeMax);
    CHECK(add_saturating(kSimTimeMax, INT64_MAX) == kSimTimeMax);
    CHECK(add_saturating(INT64_MAX, 1) == INT64_MAX);  // already beyond (outside input): stays, never wraps
    CHECK(add_saturating(INT64_MIN + 1, -5) == INT64_MIN);
    const Calendar cal({2100, 12, 31}, 9 * 60, zone("Europe/Berlin"));
    CHECK(apply_duration(cal, kSimTimeMax - kDay, Duration{kMaxDuration, 0}) == kSimTimeMax);
    CHECK(apply_duration(cal, kSimTimeMax - kDay, Duration{0, kMaxBusinessDays}) == kSimTimeMax);
    CHECK(apply_duration(cal, INT64_MAX, Duration{0, kMaxBusinessDays}) == INT64_MAX);
    CHECK(cal.add_months(kSimTimeMax - kDay, INT_MAX) == kSimTimeMax);
    CHECK(cal.add_business_days(0, INT_MAX) <= kSimTimeMax);
    CHECK(cal.business_days_between(0, kSimTimeMax) > 0);
}

TEST_CASE("delay samples never exceed the duration cap even in a log-normal tail", "[sim][time]") {
    const Delay calendar = *parse_delay(json{{"lognormal", {{"median", "3000d"}, {"p95", "3660d"}}}});
    const Delay business =
        *parse_delay(json{{"lognormal", {{"median", "2000 business days"}, {"p95", "2610 business days"}}}});
    Rng rng(1);
    for (int i = 0; i < 2000; ++i) {
        REQUIRE(is_within_cap(calendar.sample(rng)));
        REQUIRE(is_within_cap(business.sample(rng)));
    }
    std::string why;
    CHECK_FALSE(parse_delay(json{{"uniform", {"1d", "10000000d"}}}, &why));
    CHECK(why == "the maximum: \"10000000d\" is too long: a duration is " + kTooLong);
}

TEST_CASE("the scenario loader refuses a start date outside the supported range", "[sim][time][scenario]") {
    json doc = full_journey();
    doc["start_date"] = "9999-12-31";
    CHECK(
        load_errors(doc) ==
        std::vector<std::string>{
            "bad.json: /start_date: \"9999-12-31\" is outside the supported dates 2000-01-01 … 2100-12-31"});
    doc["start_date"] = "1999-12-31";
    CHECK(
        load_errors(doc) ==
        std::vector<std::string>{
            "bad.json: /start_date: \"1999-12-31\" is outside the supported dates 2000-01-01 … 2100-12-31"});
    // The last supported date loads, and its solution runs across 2101 without trouble.
    doc["start_date"] = "2100-12-31";
    const ScenarioLoad l = load_scenario_text(doc.dump(), "last.json");
    REQUIRE(l.ok());
    Simulation sim(l.scenario->setup);
    sim.run_until(400 * kDay);
    CHECK(sim.calendar().local(sim.now()).date.year == 2102);
}

TEST_CASE("the scenario loader refuses over-long durations with their JSON pointers",
          "[sim][time][scenario]") {
    json doc = full_journey();
    doc["faults"] = json::array({json{{"operation", "billing.*"}, {"latency", "10000000d"}}});
    CHECK(has_error(
        load_errors(doc),
        "bad.json: /faults/0/latency: the delay: \"10000000d\" is too long: a duration is " + kTooLong));

    doc = full_journey();
    doc["faults"] = json::array(
        {json{{"operation", "billing.*"}, {"error", "service.unavailable"}, {"until", 999999999999999}}});
    CHECK(has_error(
        load_errors(doc),
        "bad.json: /faults/0/until: must be a whole number of milliseconds from 0 to 316224000000 (" +
            kTooLong + ")"));

    doc = full_journey();
    doc["delays"]["verification"] = json{{"uniform", {"1 business day", "9999 business days"}}};
    CHECK(has_error(
        load_errors(doc),
        "bad.json: /delays/verification: the maximum: \"9999 business days\" is too long: a duration is " +
            kTooLong));

    doc = full_journey();
    doc["settings"]["reverification_months"] = 2147483647;
    CHECK(has_error(
        load_errors(doc),
        "bad.json: /settings/reverification_months: must be a whole number from 1 to 120, not 2147483647"));

    doc = full_journey();
    doc["start"]["events"] =
        json::array({json{{"in_ms", 999999999999999}, {"kind", "portal.verification_finished"}}});
    CHECK(has_error(load_errors(doc),
                    "bad.json: /start/events/0/in_ms: must be a whole number from 0 to 316224000000, not "
                    "999999999999999"));

    doc = full_journey();
    doc["timer"] = json{{"exam_countdown", "10000000d"}};
    CHECK(has_error(load_errors(doc),
                    "bad.json: /timer/exam_countdown: \"10000000d\" is too long: a duration is " + kTooLong));
}

TEST_CASE("the scenario loader refuses solution steps that skip or wait longer than the cap",
          "[sim][time][scenario]") {
    json doc = full_journey();
    REQUIRE(doc.contains("solution"));
    doc["solution"] =
        json::array({json{{"action", {{"type", "instructor.skip_time"}, {"by", "10000000d"}}}},
                     json{{"action", {{"type", "instructor.skip_time"}, {"by_ms", 999999999999999}}}},
                     json{{"advance", "10000000d"}},
                     json{{"wait_until", {{"portal_status", "approved"}}}, {"max", "10000000d"}}});
    const auto errors = load_errors(doc);
    for (const auto& e : errors) UNSCOPED_INFO(e);
    CHECK(has_error(errors,
                    "bad.json: /solution/0/action/by: \"10000000d\" is too long: a duration is " + kTooLong));
    CHECK(has_error(errors,
                    "bad.json: /solution/1/action/by_ms: must be a whole number from 0 to 316224000000 (" +
                        kTooLong + ")"));
    CHECK(has_error(errors,
                    "bad.json: /solution/2/advance: \"10000000d\" is too long: a duration is " + kTooLong));
    CHECK(
        has_error(errors, "bad.json: /solution/3/max: \"10000000d\" is too long: a duration is " + kTooLong));
}

TEST_CASE("a skip_time of 10000000d is refused with an error and the simulation stays usable",
          "[sim][time][instructor]") {
    Simulation sim(Setup{});
    const ActionResult refused = instructor(sim, "instructor.skip_time", {{"by", "10000000d"}});
    CHECK(refused.code == "instructor.bad_duration");
    CHECK(refused.params.value("detail", "") == "\"10000000d\" is too long: a duration is " + kTooLong);
    CHECK(sim.now() == 0);
    CHECK(instructor(sim, "instructor.skip_time", {{"by", "99999999 business days"}}).code ==
          "instructor.bad_duration");
    CHECK(instructor(sim, "instructor.skip_time", {{"by_ms", 864000000000000}}).code ==
          "instructor.bad_duration");
    CHECK(sim.now() == 0);
    // Still usable: a normal skip works, and so does the longest allowed one.
    CHECK(instructor(sim, "instructor.skip_time", {{"by", "2d"}}).code == "ok");
    CHECK(sim.now() == 2 * kDay);
    CHECK(instructor(sim, "instructor.skip_time", {{"by", "3660d"}}).code == "ok");
    CHECK(sim.now() == 2 * kDay + kMaxDuration);
    CHECK(instructor(sim, "instructor.skip_time", {{"by", "2610 business days"}}).code == "ok");
}
