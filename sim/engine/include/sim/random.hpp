// sim/random.hpp — seeded, portable randomness.
//
// One uint64 master seed; every subsystem draws from its own named stream ("faults", "delays",
// "variables", …) so that a new draw in one never shifts another. The generator (xoshiro256**) and
// every mapping to a range are our own code, so results match across compilers and standard
// libraries. Non-basic maths (log, exp) is done with our own deterministic routines (det_log,
// det_exp) built only from IEEE-754 +, -, *, / and sqrt, which are exactly rounded everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace sim {

std::uint64_t splitmix64(std::uint64_t& state);

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0);
    std::uint64_t next_u64();
    std::uint64_t uniform_below(std::uint64_t bound);            // [0, bound), unbiased; bound > 0
    std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);  // [lo, hi] inclusive
    double uniform01();                                          // [0, 1) with 53 random bits
    bool chance(double p);     // true with probability p (p <= 0 never, p >= 1 always)
    double standard_normal();  // via the inverse normal CDF
    // Log-normal with the given median and 95th percentile (p95 >= median > 0).
    double lognormal(double median, double p95);
    std::uint64_t draws() const { return draws_; }

private:
    std::uint64_t s_[4];
    std::uint64_t draws_ = 0;
};

// Named streams forked from one master seed. The stream's seed depends only on (master, name).
class RandomStreams {
public:
    explicit RandomStreams(std::uint64_t master_seed = 0) : master_(master_seed) {}
    Rng& stream(std::string_view name);
    std::uint64_t master_seed() const { return master_; }
    // How many draws each stream has made (part of the journal summary).
    std::map<std::string, std::uint64_t> draw_counts() const;

private:
    std::uint64_t master_;
    std::map<std::string, Rng, std::less<>> streams_;
};

std::uint64_t stream_seed(std::uint64_t master, std::string_view name);

// Deterministic maths (same bits on every IEEE-754 machine).
double det_log(double x);  // natural log, x > 0
double det_exp(double x);
double inverse_normal_cdf(double p);  // 0 < p < 1

}  // namespace sim
