// sim/random.cpp — xoshiro256** streams seeded by SplitMix64, and deterministic maths.
#include "sim/random.hpp"

#include <cmath>

#include "sim/hash.hpp"

namespace sim {

// [SECTION] Generators

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

Rng::Rng(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (auto& word : s_) word = splitmix64(sm);
}

std::uint64_t Rng::next_u64() {
    ++draws_;
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

std::uint64_t Rng::uniform_below(std::uint64_t bound) {
    if (bound <= 1) return 0;
    // Rejection sampling on the top of the range: unbiased and simple.
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t x;
    do x = next_u64();
    while (x >= limit);
    return x % bound;
}

std::int64_t Rng::uniform_int(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
    if (span == 0) return static_cast<std::int64_t>(next_u64());  // the full 64-bit range
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + uniform_below(span));
}

double Rng::uniform01() {
    return static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0);
}

bool Rng::chance(double p) {
    if (p <= 0.0) return false;
    if (p >= 1.0) return true;
    return uniform01() < p;
}

double Rng::standard_normal() {
    double u = uniform01();
    if (u <= 0.0) u = 1.0 / 9007199254740992.0;
    return inverse_normal_cdf(u);
}

double Rng::lognormal(double median, double p95) {
    if (median <= 0.0) return 0.0;
    if (p95 <= median) return median;
    const double sigma = det_log(p95 / median) / 1.6448536269514722;
    return median * det_exp(sigma * standard_normal());
}

std::uint64_t stream_seed(std::uint64_t master, std::string_view name) {
    std::uint64_t state = master ^ fnv1a(name);
    return splitmix64(state);
}

Rng& RandomStreams::stream(std::string_view name) {
    auto it = streams_.find(name);
    if (it == streams_.end()) it = streams_.emplace(std::string(name), Rng(stream_seed(master_, name))).first;
    return it->second;
}

std::map<std::string, std::uint64_t> RandomStreams::draw_counts() const {
    std::map<std::string, std::uint64_t> out;
    for (const auto& [name, rng] : streams_) out[name] = rng.draws();
    return out;
}

// [SECTION] Deterministic maths
// Only +, -, *, / and sqrt (all exactly rounded by IEEE-754), so every machine gets the same bits.

static constexpr double kLn2 = 0.69314718055994530942;

double det_log(double x) {
    if (!(x > 0.0)) return -1e300;
    // x = m * 2^k with m in [sqrt(1/2), sqrt(2)).
    int k = 0;
    double m = x;
    while (m >= 1.4142135623730951) {
        m *= 0.5;
        ++k;
    }
    while (m < 0.7071067811865476) {
        m *= 2.0;
        --k;
    }
    // log(m) = 2 * atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716.
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double term = s, sum = 0.0;
    for (int n = 1; n < 40; n += 2) {
        sum += term / n;
        term *= s2;
    }
    return 2.0 * sum + k * kLn2;
}

double det_exp(double x) {
    if (x > 700.0) return 1e300;
    if (x < -700.0) return 0.0;
    // x = k ln2 + r, |r| <= ln2 / 2; exp(r) by its Taylor series.
    const double kd = x / kLn2;
    const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
    const double r = x - k * kLn2;
    double term = 1.0, sum = 1.0;
    for (int n = 1; n < 30; ++n) {
        term *= r / n;
        sum += term;
    }
    double scale = 1.0;
    if (k > 0)
        for (int i = 0; i < k; ++i) scale *= 2.0;
    else
        for (int i = 0; i < -k; ++i) scale *= 0.5;
    return sum * scale;
}

double inverse_normal_cdf(double p) {
    // Acklam's rational approximation (relative error < 1.15e-9), using det_log and sqrt.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    if (p <= 0.0) return -40.0;
    if (p >= 1.0) return 40.0;
    const double plow = 0.02425, phigh = 1 - plow;
    if (p < plow) {
        const double q = std::sqrt(-2 * det_log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > phigh) {
        const double q = std::sqrt(-2 * det_log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

}  // namespace sim
