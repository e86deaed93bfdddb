// sim/hash.hpp — a stable 64-bit hash (FNV-1a) of bytes and of canonical JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace sim {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset);
// Canonical JSON: keys sorted (nlohmann's default std::map), no spaces. Floats should be avoided
// in hashed state; integers and strings hash identically everywhere.
std::string canonical_dump(const nlohmann::json& j);
std::uint64_t hash_json(const nlohmann::json& j);
std::string hex64(std::uint64_t v);  // 16 lowercase hex digits

}  // namespace sim
