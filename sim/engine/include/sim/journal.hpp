// sim/journal.hpp — the record of everything that happened, in order.
//
// Entries: "action" (submitted, with its handle and the redacted action), "result" (an action's
// outcome), "event" (a background event that fired). Seed + scenario + the actions with their times
// reproduce the same journal: that is replay, the repro bundle and the debrief.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

struct JournalEntry {
    SimTime time = 0;
    std::string kind;     // "action" | "result" | "event" | "note"
    nlohmann::json body;  // the action / result / event payload
};

nlohmann::json to_json(const JournalEntry& e);
bool journal_entry_from_json(const nlohmann::json& j, JournalEntry& out, std::string& error);

class Journal {
public:
    void append(JournalEntry e);
    const std::vector<JournalEntry>& entries() const { return entries_; }
    std::size_t size() const { return entries_.size(); }
    std::uint64_t hash() const { return hash_; }  // running FNV-1a over the canonical entries
    std::string to_jsonl() const;                 // one canonical JSON object per line
    // Parses JSON Lines; reports "line N: message" on the first bad line.
    static bool from_jsonl(const std::string& text, Journal& out, std::string& error);

private:
    std::vector<JournalEntry> entries_;
    std::uint64_t hash_ = 14695981039346656037ull;
};

}  // namespace sim
