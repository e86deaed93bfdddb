// sim/delay.hpp — a delay distribution: fixed, uniform (min, max) or log-normal (median, p95).
//
// JSON forms (all durations as text, see parse_duration):
//   "15m"                                              fixed
//   {"fixed": "15m"}
//   {"uniform": ["1m", "15m"]}  or {"min": "1m", "max": "15m"}
//   {"lognormal": {"median": "3 business days", "p95": "10 business days"}}
// Both bounds must use the same unit kind (calendar time or business days). Every bound is within the
// duration cap (parse_duration refuses longer ones), and so is every sample.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sim/random.hpp"
#include "sim/time.hpp"

namespace sim {

struct Delay {
    enum class Kind { Fixed, Uniform, LogNormal };
    Kind kind = Kind::Fixed;
    Duration a;  // fixed value, uniform min, or log-normal median
    Duration b;  // uniform max, or log-normal p95

    static Delay fixed(Duration d) { return Delay{Kind::Fixed, d, d}; }
    static Delay fixed_ms(SimTime ms) { return fixed(Duration{ms, 0}); }
    static Delay uniform(Duration lo, Duration hi) { return Delay{Kind::Uniform, lo, hi}; }
    static Delay lognormal(Duration median, Duration p95) { return Delay{Kind::LogNormal, median, p95}; }

    // Draws one duration (whole milliseconds or whole business days), clamped to the duration cap
    // (kMaxDuration, kMaxBusinessDays; see sim/time.hpp).
    Duration sample(Rng& rng) const;
    bool operator==(const Delay& o) const { return kind == o.kind && a == o.a && b == o.b; }

private:
    Duration sample_uncapped(Rng& rng) const;
};

// Parses a delay; on failure returns nullopt and sets `error` (relative to the value itself).
std::optional<Delay> parse_delay(const nlohmann::json& j, std::string* error = nullptr);
nlohmann::json to_json(const Delay& d);

}  // namespace sim
