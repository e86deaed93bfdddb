// sim/json_input.cpp — parsing input under one policy (see json_input.hpp); reading files is
// io/input_file.cpp.
//
// [SECTION] Limits
// [SECTION] Parsing
#include "sim/json_input.hpp"

#include <cstring>
#include <iterator>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

// [SECTION] Limits

InputLimits input_limits(InputKind kind) {
    constexpr std::size_t MiB = 1024 * 1024;
    switch (kind) {
        case InputKind::Scenario:
            return {4 * MiB, 64};
        case InputKind::Session:
            return {12 * MiB, 72};  // a scenario inside, plus actions and journal
        case InputKind::Actions:
            return {4 * MiB, 32};
        case InputKind::Journal:
            return {8 * MiB, 32};
        case InputKind::Catalog:
            return {2 * MiB, 32};
        case InputKind::Texts:
            return {2 * MiB, 16};
    }
    return {1 * MiB, 16};
}

const char* input_kind_name(InputKind kind) {
    switch (kind) {
        case InputKind::Scenario:
            return "a scenario";
        case InputKind::Session:
            return "a session file";
        case InputKind::Actions:
            return "an actions file";
        case InputKind::Journal:
            return "a journal";
        case InputKind::Catalog:
            return "a catalog";
        case InputKind::Texts:
            return "a text file";
    }
    return "a file";
}

// [SECTION] Parsing

std::string JsonInputError::where() const {
    return line == 0 ? std::string() : fmt::format("{}:{}", line, column);
}

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t byte) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;  // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, col};
}

namespace {

using Json = nlohmann::json;

// An input iterator over the text that publishes how far the parser has read, so the SAX handler
// can place a duplicate key or a too-deep bracket (nlohmann tells positions only to parse_error).
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
    reference operator*() const { return *p_; }
    CountingIterator& operator++() {
        ++p_;
        *cursor_ = p_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIterator& o) const { return p_ == o.p_; }
    bool operator!=(const CountingIterator& o) const { return p_ != o.p_; }

private:
    const char* p_;
    const char** cursor_;
};

// Builds the document like nlohmann's own DOM parser, and refuses depth, duplicates and overflow.
class CheckedBuilder {
public:
    CheckedBuilder(Json& root, std::string_view text, const char** cursor, int max_depth,
                   JsonInputError& error)
        : root_(root), text_(text), cursor_(cursor), max_depth_(max_depth), error_(error) {}

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool v) { return put(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t&) { return put(Json(v)); }
    bool string(Json::string_t& v) { return put(Json(std::move(v))); }
    bool binary(Json::binary_t&) { return fail_here("binary values are not JSON"); }

    bool start_object(std::size_t) {
        if (!open(Json::object())) return false;
        keys_.emplace_back();
        return true;
    }
    bool key(Json::string_t& k) {
        // The parser has just read the closing quote of the key.
        const std::size_t end = offset();
        const std::size_t start = end >= k.size() + 2 ? end - k.size() - 2 : 0;
        auto [it, fresh] = keys_.back().emplace(k, start);
        if (!fresh) {
            const auto [l1, c1] = line_column(text_, it->second);
            return fail_at(start, fmt::format("duplicate key {} (first at {}:{}); each key may appear once",
                                              Json(k).dump(), l1, c1));
        }
        key_ = &(*stack_.back())[k];
        return true;
    }
    bool end_object() {
        keys_.pop_back();
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_array() {
        stack_.pop_back();
        return true;
    }

    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) {
        if (!error_.message.empty()) return false;  // our own refusal came first
        error_.byte = byte;
        error_.syntax = e.id != 406;
        std::string what = e.what();
        if (e.id == 406) {
            // "number overflow parsing '1e400'": the value does not fit a double.
            const auto q = what.find('\'');
            const std::string number =
                q == std::string::npos ? "" : what.substr(q + 1, what.rfind('\'') - q - 1);
            what = fmt::format("the number {} is outside the range npsim reads (about ±1.8e308)", number);
            return fail_at(byte > number.size() ? byte - number.size() : 0, what);
        }
        {
            // nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 2: ".
            const auto col = what.find(": ", what.find("column"));
            const auto bracket = what.find("] ");
            if (col != std::string::npos)
                what = what.substr(col + 2);
            else if (bracket != std::string::npos)
                what = what.substr(bracket + 2);
        }
        return fail_at(byte > 0 ? byte - 1 : 0, what);
    }

private:
    std::size_t offset() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

    bool fail_at(std::size_t byte, std::string message) {
        const auto [line, col] = line_column(text_, byte);
        if (error_.byte == 0) error_.byte = byte;
        error_.line = line;
        error_.column = col;
        error_.message = std::move(message);
        return false;
    }
    bool fail_here(std::string message) {
        return fail_at(offset() > 0 ? offset() - 1 : 0, std::move(message));
    }

    // Places a value: the root, the next array element, or the value of the last key.
    Json* place(Json&& v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        if (stack_.back()->is_array()) {
            stack_.back()->get_ref<Json::array_t&>().push_back(std::move(v));
            return &stack_.back()->get_ref<Json::array_t&>().back();
        }
        *key_ = std::move(v);
        return key_;
    }
    bool put(Json&& v) {
        place(std::move(v));
        return true;
    }
    bool open(Json&& container) {
        if (static_cast<int>(stack_.size()) >= max_depth_)
            return fail_here(fmt::format("nested deeper than {} levels of brackets and braces", max_depth_));
        stack_.push_back(place(std::move(container)));
        return true;
    }

    Json& root_;
    std::string_view text_;
    const char** cursor_;
    int max_depth_;
    JsonInputError& error_;
    std::vector<Json*> stack_;
    std::vector<std::map<std::string, std::size_t>> keys_;  // keys of each open object, with their offset
    Json* key_ = nullptr;
};

}  // namespace

std::optional<Json> parse_json_checked(std::string_view text, int max_depth, JsonInputError& error) {
    error = JsonInputError{};
    Json root;
    const char* cursor = text.data();
    CheckedBuilder builder(root, text, &cursor, max_depth, error);
    const CountingIterator first(text.data(), &cursor), last(text.data() + text.size(), &cursor);
    bool ok = false;
    try {
        ok = Json::sax_parse(first, last, &builder);
    } catch (const std::exception& e) {  // the library's last word, never a crash
        if (error.message.empty()) error.message = e.what();
        ok = false;
    }
    if (!ok) {
        if (error.message.empty()) error.message = "is not valid JSON";
        return std::nullopt;
    }
    return root;
}

std::optional<Json> parse_json_checked(std::string_view text, InputKind kind, JsonInputError& error) {
    return parse_json_checked(text, input_limits(kind).max_depth, error);
}

// [SECTION] Numbers

namespace {

// How a refused value is shown: a number as written (1e+300, -1, 1.5), anything else by its type.
std::string shown(const Json& v) {
    if (v.is_number()) return v.dump();
    if (v.is_string()) return "a text";
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.type_name();
}

bool refuse(const Json& v, const std::string& pointer, std::string what, NumberError& error) {
    error.pointer = pointer.empty() ? "/" : pointer;
    error.message = fmt::format("{}, not {}", what, shown(v));
    return false;
}

}  // namespace

std::optional<std::int64_t> integer_in_range(const Json& v, const std::string& pointer, std::int64_t lo,
                                             std::int64_t hi, NumberError& error) {
    const std::string what = fmt::format("must be a whole number from {} to {}", lo, hi);
    if (!v.is_number_integer()) return refuse(v, pointer, what, error), std::nullopt;
    if (v.is_number_unsigned()) {
        const std::uint64_t u = v.get<std::uint64_t>();
        if (hi < 0 || u > static_cast<std::uint64_t>(hi) || (lo > 0 && u < static_cast<std::uint64_t>(lo)))
            return refuse(v, pointer, what, error), std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    const std::int64_t i = v.get<std::int64_t>();
    if (i < lo || i > hi) return refuse(v, pointer, what, error), std::nullopt;
    return i;
}

std::optional<std::uint64_t> unsigned_integer(const Json& v, const std::string& pointer, NumberError& error) {
    const char* what = "must be a whole number from 0 to 18446744073709551615";
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(v.get<std::int64_t>());
    return refuse(v, pointer, what, error), std::nullopt;
}

std::optional<double> number_in_range(const Json& v, const std::string& pointer, double lo, double hi,
                                      NumberError& error) {
    const std::string what = fmt::format("must be a number from {} to {}", lo, hi);
    if (!v.is_number()) return refuse(v, pointer, what, error), std::nullopt;
    const double d =
        v.get<double>();  // any JSON number converts to double (the parser refused beyond ±1.8e308)
    if (!(d >= lo && d <= hi)) return refuse(v, pointer, what, error), std::nullopt;
    return d;
}

}  // namespace sim
