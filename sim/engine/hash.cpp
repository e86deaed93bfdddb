// sim/hash.cpp — FNV-1a and canonical JSON.
#include "sim/hash.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kFnvPrime;
    }
    return h;
}

std::string canonical_dump(const nlohmann::json& j) {
    // nlohmann::json keeps object keys in a std::map (sorted); replace invalid UTF-8 rather than throw.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::uint64_t hash_json(const nlohmann::json& j) {
    return fnv1a(canonical_dump(j));
}

std::string hex64(std::uint64_t v) {
    return fmt::format("{:016x}", v);
}

}  // namespace sim
