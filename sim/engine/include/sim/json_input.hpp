// sim/json_input.hpp — the one input policy for every JSON file npsim reads (docs/input-policy.md).
//
// Every reader goes through two steps, and both refuse instead of crashing, hanging or exhausting:
//   1. read_input_file (sim/input_file.hpp, in the io layer): regular files only (a FIFO, device or directory
//   is refused before any read),
//      at most the size limit of that kind of file, OS errors with their reason;
//   2. parse_json_checked: a nesting limit enforced while parsing, duplicate keys refused (both
//      places named), numbers beyond the double range refused, every error with line:column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace sim {

// The kinds of file npsim reads; each has its own documented limits.
enum class InputKind {
    Scenario,  // scenarios/*.json, a scenario written by `snapshot`
    Session,   // a session file or repro bundle (*.npsim.json): scenario + actions + journal
    Actions,   // an actions file (JSON Lines) for `npsim-cli run --actions`
    Journal,   // a journal (JSON Lines) for `npsim-cli replay FILE J.jsonl`
    Catalog,   // assets/catalog/*.json
    Texts,     // assets/i18n/**/*.json
};

struct InputLimits {
    std::size_t max_bytes = 0;  // a larger file is refused before it is read
    int max_depth = 0;          // deepest nesting of arrays and objects
};
InputLimits input_limits(InputKind kind);
const char* input_kind_name(InputKind kind);  // "a scenario", "a session file", "an actions file", …

struct JsonInputError {
    std::size_t line = 0, column = 0;  // 1-based; 0 when the error has no place
    std::size_t byte = 0;              // how many bytes the parser had read when it stopped
    bool syntax = false;               // not JSON at all (vs. JSON that the policy refuses)
    std::string message;
    std::string where() const;  // "12:5", or "" without a place
};

// Parses `text` under the nesting limit of `kind`. On failure returns nullopt and fills `error`.
std::optional<nlohmann::json> parse_json_checked(std::string_view text, InputKind kind,
                                                 JsonInputError& error);
std::optional<nlohmann::json> parse_json_checked(std::string_view text, int max_depth, JsonInputError& error);

// Line and column (1-based, counting characters, not UTF-8 continuation bytes) of a byte offset.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t byte);

// [SECTION] Numbers within what a field allows (docs/input-policy.md, "Numbers")
// Every reader checks a number's type and range before converting it: nlohmann converts silently
// (1e300 read as an int is undefined behaviour, a uint64 above INT64_MAX wraps, -1 becomes a huge
// unsigned). On refusal these return nullopt and fill `error` with the field's JSON pointer and the
// reason, e.g. {"/objectives/0/weight", "must be a whole number from 0 to 1000, not 1e+300"}.
struct NumberError {
    std::string pointer;  // "/objectives/0/weight"
    std::string message;  // "must be a whole number from 0 to 1000, not 1e+300"
    std::string text() const { return pointer + ": " + message; }
};
// A whole number (a JSON integer, not 1.5 or 1e300) from lo to hi, inclusive.
std::optional<std::int64_t> integer_in_range(const nlohmann::json& v, const std::string& pointer,
                                             std::int64_t lo, std::int64_t hi, NumberError& error);
// Any whole number from 0 to 2^64-1 (seeds): not negative, not a float.
std::optional<std::uint64_t> unsigned_integer(const nlohmann::json& v, const std::string& pointer,
                                              NumberError& error);
// Any finite number (integer or float) from lo to hi, inclusive (probabilities 0 … 1).
std::optional<double> number_in_range(const nlohmann::json& v, const std::string& pointer, double lo,
                                      double hi, NumberError& error);

}  // namespace sim
