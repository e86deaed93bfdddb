// sim/journal.cpp — journal entries, the running hash, JSON Lines.
#include "sim/journal.hpp"

#include <sstream>

#include <fmt/format.h>

#include "sim/hash.hpp"
#include "sim/json_input.hpp"

namespace sim {

nlohmann::json to_json(const JournalEntry& e) {
    return {{"t", e.time}, {"kind", e.kind}, {"body", e.body}};
}

bool journal_entry_from_json(const nlohmann::json& j, JournalEntry& out, std::string& error) {
    if (!j.is_object()) {
        error = "a journal entry must be a JSON object";
        return false;
    }
    auto t = j.find("t");
    auto kind = j.find("kind");
    // The sim time: from 0 to the end of time (sim/time.hpp, kSimTimeMax), never a float or a wrapped uint64.
    NumberError why;
    std::optional<std::int64_t> time;
    if (t == j.end())
        why = {"/t", "is missing (the sim time in ms)"};
    else
        time = integer_in_range(*t, "/t", 0, kSimTimeMax, why);
    if (!time) {
        error = why.text();
        return false;
    }
    if (kind == j.end() || !kind->is_string()) {
        error = "\"kind\" must be a string";
        return false;
    }
    out.time = *time;
    out.kind = kind->get<std::string>();
    out.body = j.value("body", nlohmann::json::object());
    return true;
}

void Journal::append(JournalEntry e) {
    hash_ = fnv1a(canonical_dump(to_json(e)), hash_);
    hash_ = fnv1a("\n", hash_);
    entries_.push_back(std::move(e));
}

std::string Journal::to_jsonl() const {
    std::string out;
    for (const auto& e : entries_) {
        out += canonical_dump(to_json(e));
        out += '\n';
    }
    return out;
}

bool Journal::from_jsonl(const std::string& text, Journal& out, std::string& error) {
    Journal j;
    std::istringstream in(text);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        JsonInputError parse_error;
        const std::optional<nlohmann::json> parsed =
            parse_json_checked(line, InputKind::Journal, parse_error);
        if (!parsed) {
            error = fmt::format("line {}, column {}: {}", line_no, parse_error.column, parse_error.message);
            return false;
        }
        JournalEntry e;
        std::string why;
        if (!journal_entry_from_json(*parsed, e, why)) {
            error = fmt::format("line {}: {}", line_no, why);
            return false;
        }
        if (!j.entries().empty() && e.time < j.entries().back().time) {
            error = fmt::format(
                "line {}: /t: {} ms is before the entry above it ({} ms); a journal is in time order",
                line_no, e.time, j.entries().back().time);
            return false;
        }
        j.append(std::move(e));
    }
    out = std::move(j);
    return true;
}

}  // namespace sim
