// sim/event_queue.cpp — a binary min-heap on (time, id) in a std::vector, with lazy cancellation.
#include "sim/event_queue.hpp"

#include <algorithm>
#include <cassert>

namespace sim {

bool EventQueue::later(const Event& a, const Event& b) {
    if (a.time != b.time) return a.time > b.time;
    return a.id > b.id;
}

EventId EventQueue::schedule(SimTime time, std::string kind, nlohmann::json data) {
    const EventId id = next_id_++;
    heap_.push_back(Event{id, time, std::move(kind), std::move(data)});
    std::push_heap(heap_.begin(), heap_.end(), later);
    live_.insert(id);
    return id;
}

bool EventQueue::cancel(EventId id) {
    if (live_.erase(id) == 0) return false;
    cancelled_.insert(id);
    return true;
}

void EventQueue::drop_cancelled_front() const {
    while (!heap_.empty() && cancelled_.count(heap_.front().id) != 0) {
        cancelled_.erase(heap_.front().id);
        std::pop_heap(heap_.begin(), heap_.end(), later);
        heap_.pop_back();
    }
}

bool EventQueue::empty() const { return live_.empty(); }

std::optional<SimTime> EventQueue::next_time() const {
    const Event* e = peek();
    if (!e) return std::nullopt;
    return e->time;
}

const Event* EventQueue::peek() const {
    drop_cancelled_front();
    return heap_.empty() ? nullptr : &heap_.front();
}

std::optional<Event> EventQueue::pop() {
    drop_cancelled_front();
    if (heap_.empty()) return std::nullopt;
    std::pop_heap(heap_.begin(), heap_.end(), later);
    Event e = std::move(heap_.back());
    heap_.pop_back();
    live_.erase(e.id);
    return e;
}

std::vector<Event> EventQueue::pending() const {
    std::vector<Event> out;
    out.reserve(live_.size());
    for (const auto& e : heap_)
        if (cancelled_.count(e.id) == 0) out.push_back(e);
    std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return later(b, a); });
    return out;
}

}  // namespace sim
