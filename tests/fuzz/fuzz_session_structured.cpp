// tests/fuzz/fuzz_session_structured.cpp — a structure-aware fuzzer for session files.
//
// Byte mutations of a 15 KB session rarely keep it valid JSON, so they seldom reach the replay. This
// target mutates the parsed document instead and writes it back as JSON: it swaps a number for one at
// the edge of a range (huge, negative, beyond int64), a string for a far date, a long duration or
// control characters, nests a value deep, duplicates a key, drops or re-times a journal entry. The
// result goes through the same path as a file a tester hands on: reader, verified replay, debrief.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "session_input.hpp"
#include "sim/json_input.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

using Json = nlohmann::json;

// All values of the document, in a fixed order (depth first), so a seed picks one reproducibly.
void collect(Json& j, std::vector<Json*>& out) {
    out.push_back(&j);
    if (j.is_structured())
        for (auto& v : j) collect(v, out);
}

const char* const kStrings[] = {"9999-12-31",
                                "1999-12-31",
                                "2100-12-31",
                                "10000000d",
                                "100000 business days",
                                "0ms",
                                "-5m",
                                "\x1b[31mred\x1b[0m",
                                "\xef\xbf\xbe\xef\xbf\xbf",
                                "",
                                "password",
                                "licences.assign",
                                "instructor.skip_time",
                                "service.unavailable"};
const double kNumbers[] = {0, -1, 1e18, -1e18, 1.8e308, -1.8e308, 9.3e18, 4294967296.0, 0.5, 1e-300};

void mutate_value(Json& v, std::uint32_t r) {
    switch (r % 7) {
        case 0:
            v = kNumbers[(r >> 3) % (sizeof kNumbers / sizeof kNumbers[0])];
            break;
        case 1:
            v = kStrings[(r >> 3) % (sizeof kStrings / sizeof kStrings[0])];
            break;
        case 2:
            v = std::uint64_t{18446744073709551615u};
            break;
        case 3:
            v = std::int64_t{-9223372036854775807 - 1};
            break;
        case 4: {
            Json deep = v;
            for (std::uint32_t k = 0; k < 10 + (r >> 3) % 80; ++k) deep = Json::array({deep});
            v = std::move(deep);
            break;
        }
        case 5:
            if (v.is_array() && !v.empty())
                v.erase(v.begin() + static_cast<std::ptrdiff_t>((r >> 3) % v.size()));
            else
                v = nullptr;
            break;
        default:
            if (v.is_array() && !v.empty())
                v.push_back(v[(r >> 3) % v.size()]);  // a repeated entry
            else
                v = Json::object();
            break;
    }
}

std::uint32_t next(std::uint32_t& s) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
    sim::JsonInputError error;
    std::optional<Json> doc =
        sim::parse_json_checked(std::string_view(reinterpret_cast<char*>(data), size), 72, error);
    if (!doc) return LLVMFuzzerMutate(data, size, max_size);  // not JSON (yet): mutate bytes
    std::uint32_t s = seed | 1u;
    std::vector<Json*> values;
    collect(*doc, values);
    const std::uint32_t edits = 1 + next(s) % 3;
    for (std::uint32_t e = 0; e < edits && !values.empty(); ++e) {
        mutate_value(*values[next(s) % values.size()], next(s));
        values.clear();
        collect(*doc, values);
    }
    std::string text = doc->dump(1);
    if (next(s) % 8 == 0) {
        // A duplicate key: repeat the first key of the document.
        const auto colon = text.find("\": ");
        const auto start = text.find('"');
        if (colon != std::string::npos && start < colon)
            text.insert(start, text.substr(start, colon + 3 - start) + "1,\n ");
    }
    if (text.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, text.data(), text.size());
    return text.size();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzz_session_input(data, size);
}
