// sim/event_queue.hpp — the event queue: ordered by (time, insertion sequence), O(1) cancel.
//
// Events are plain data (a kind and a JSON payload, no pointers), so the queue can be saved,
// hashed and compared. The heap lives in a std::vector (not std::priority_queue) so it can be
// inspected for "next event" displays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

using EventId = std::uint64_t;

struct Event {
    EventId id = 0;  // also the insertion sequence: ties at the same time fire in this order
    SimTime time = 0;
    std::string kind;     // e.g. "action.completed", "portal.verification_finished"
    nlohmann::json data;  // plain data only
};

class EventQueue {
public:
    EventId schedule(SimTime time, std::string kind, nlohmann::json data = nlohmann::json::object());
    bool cancel(EventId id);  // O(1): the event is skipped when it reaches the front; false if unknown/done
    bool empty() const { return live_count_ == 0; }  // no live (uncancelled) events
    std::optional<SimTime> next_time() const;
    std::optional<Event> pop();  // removes and returns the next live event
    std::size_t size() const { return live_count_; }
    // Live events in firing order (copies; for display, saving and hashing).
    std::vector<Event> pending() const;
    EventId next_id() const { return next_id_; }

private:
    // The heap orders small keys; payloads stay put in slots indexed by id, so sifting never moves
    // strings or JSON, and cancelling is a flag in the slot.
    struct Key {
        SimTime time;
        EventId id;
    };
    struct Slot {
        std::string kind;
        nlohmann::json data;
        bool live = false;
    };
    static bool later(const Key& a, const Key& b);  // heap comparator: a fires after b
    void drop_dead_front() const;                   // discards cancelled keys at the front
    Slot* slot(EventId id) const;                   // nullptr when the id is not in the window

    mutable std::vector<Key> heap_;
    mutable std::vector<Slot> slots_;  // slots_[id - base_]
    mutable EventId base_ = 1;         // ids below were fired or cancelled and forgotten
    EventId next_id_ = 1;
    std::size_t live_count_ = 0;
};

}  // namespace sim
