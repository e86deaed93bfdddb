// sim/delay.cpp — sampling and parsing delay distributions.
#include "sim/delay.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

static std::int64_t round_nonneg(double v) {
    if (!(v > 0.0)) return 0;
    if (v > 9.0e15) return static_cast<std::int64_t>(9.0e15);
    return static_cast<std::int64_t>(v + 0.5);
}

// A sample never exceeds the duration cap (a log-normal tail could): at most kMaxDuration or
// kMaxBusinessDays, so nothing downstream overflows or waits longer than a scenario may say.
static Duration capped(Duration d) {
    d.ms = std::clamp<SimTime>(d.ms, 0, kMaxDuration);
    d.business_days = std::clamp(d.business_days, 0, kMaxBusinessDays);
    return d;
}

Duration Delay::sample(Rng& rng) const {
    return capped(sample_uncapped(rng));
}

Duration Delay::sample_uncapped(Rng& rng) const {
    const bool business = a.business_days != 0 || b.business_days != 0;
    switch (kind) {
        case Kind::Fixed:
            return a;
        case Kind::Uniform:
            if (business)
                return Duration{0, static_cast<int>(rng.uniform_int(a.business_days, b.business_days))};
            return Duration{rng.uniform_int(a.ms, b.ms), 0};
        case Kind::LogNormal: {
            if (business) {
                const double v = rng.lognormal(a.business_days, b.business_days);
                return Duration{0,
                                static_cast<int>(std::min<std::int64_t>(round_nonneg(v), kMaxBusinessDays))};
            }
            return Duration{round_nonneg(rng.lognormal(static_cast<double>(a.ms), static_cast<double>(b.ms))),
                            0};
        }
    }
    return a;
}

static std::optional<Duration> duration_of(const nlohmann::json& j, const char* what, std::string* error) {
    if (!j.is_string()) {
        if (error)
            *error = fmt::format("{} must be a duration text such as \"15m\" or \"3 business days\"", what);
        return std::nullopt;
    }
    std::string why;
    auto d = parse_duration(j.get<std::string>(), &why);
    if (!d && error) *error = fmt::format("{}: {}", what, why);
    return d;
}

std::optional<Delay> parse_delay(const nlohmann::json& j, std::string* error) {
    auto fail = [&](std::string msg) -> std::optional<Delay> {
        if (error) *error = std::move(msg);
        return std::nullopt;
    };
    if (j.is_string()) {
        auto d = duration_of(j, "the delay", error);
        if (!d) return std::nullopt;
        return Delay::fixed(*d);
    }
    if (!j.is_object())
        return fail(
            "a delay is a duration text (\"15m\") or an object with \"fixed\", \"uniform\" or \"lognormal\"");
    if (j.contains("fixed")) {
        auto d = duration_of(j["fixed"], "\"fixed\"", error);
        if (!d) return std::nullopt;
        return Delay::fixed(*d);
    }
    const nlohmann::json* lo = nullptr;
    const nlohmann::json* hi = nullptr;
    if (j.contains("uniform")) {
        const auto& u = j["uniform"];
        if (!u.is_array() || u.size() != 2)
            return fail("\"uniform\" must be a pair [min, max], e.g. [\"1m\", \"15m\"]");
        lo = &u[0];
        hi = &u[1];
    } else if (j.contains("min") && j.contains("max")) {
        lo = &j["min"];
        hi = &j["max"];
    }
    if (lo && hi) {
        auto a = duration_of(*lo, "the minimum", error);
        if (!a) return std::nullopt;
        auto b = duration_of(*hi, "the maximum", error);
        if (!b) return std::nullopt;
        if ((a->business_days != 0 && b->ms != 0) || (b->business_days != 0 && a->ms != 0))
            return fail("minimum and maximum must both be business days or both calendar time");
        if (a->ms > b->ms || a->business_days > b->business_days)
            return fail("the minimum is larger than the maximum");
        return Delay::uniform(*a, *b);
    }
    if (j.contains("lognormal")) {
        const auto& l = j["lognormal"];
        if (!l.is_object() || !l.contains("median") || !l.contains("p95"))
            return fail("\"lognormal\" needs \"median\" and \"p95\"");
        auto m = duration_of(l["median"], "\"median\"", error);
        if (!m) return std::nullopt;
        auto p = duration_of(l["p95"], "\"p95\"", error);
        if (!p) return std::nullopt;
        if ((m->business_days != 0) != (p->business_days != 0))
            return fail("median and p95 must both be business days or both calendar time");
        if (m->ms > p->ms || m->business_days > p->business_days)
            return fail("the median is larger than p95");
        if (m->ms == 0 && m->business_days == 0) return fail("the median must be greater than zero");
        return Delay::lognormal(*m, *p);
    }
    return fail("a delay object needs \"fixed\", \"uniform\" (or \"min\" and \"max\") or \"lognormal\"");
}

nlohmann::json to_json(const Delay& d) {
    switch (d.kind) {
        case Delay::Kind::Fixed:
            return format_duration(d.a);
        case Delay::Kind::Uniform:
            return {{"uniform", {format_duration(d.a), format_duration(d.b)}}};
        case Delay::Kind::LogNormal:
            return {{"lognormal", {{"median", format_duration(d.a)}, {"p95", format_duration(d.b)}}}};
    }
    return nullptr;
}

}  // namespace sim
