// sim/event_queue.hpp — the event queue: ordered by (time, insertion sequence), O(1) cancel.
//
// Events are plain data (a kind and a JSON payload, no pointers), so the queue can be saved,
// hashed and compared. The heap lives in a std::vector (not std::priority_queue) so it can be
// inspected for "next event" displays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

using EventId = std::uint64_t;

struct Event {
    EventId id = 0;         // also the insertion sequence: ties at the same time fire in this order
    SimTime time = 0;
    std::string kind;       // e.g. "action.completed", "portal.verification_finished"
    nlohmann::json data;    // plain data only
};

class EventQueue {
public:
    EventId schedule(SimTime time, std::string kind, nlohmann::json data = nlohmann::json::object());
    bool cancel(EventId id);  // O(1): the event is skipped when it reaches the front; false if unknown/done
    bool empty() const;       // no live (uncancelled) events
    std::optional<SimTime> next_time() const;
    const Event* peek() const;  // the next live event, or nullptr
    std::optional<Event> pop();  // removes and returns the next live event
    std::size_t size() const { return live_.size(); }
    // Live events in firing order (copies; for display, saving and hashing).
    std::vector<Event> pending() const;
    EventId next_id() const { return next_id_; }

private:
    void drop_cancelled_front() const;  // lazily discards cancelled events at the front
    static bool later(const Event& a, const Event& b);  // heap comparator: a fires after b

    mutable std::vector<Event> heap_;
    mutable std::unordered_set<EventId> cancelled_;
    std::unordered_set<EventId> live_;  // scheduled and neither fired nor cancelled
    EventId next_id_ = 1;
};

}  // namespace sim
