// sim/event_queue.cpp — a binary min-heap of (time, id) keys in a std::vector; payloads in slots.
#include "sim/event_queue.hpp"

#include <algorithm>

namespace sim {

bool EventQueue::later(const Key& a, const Key& b) {
    if (a.time != b.time) return a.time > b.time;
    return a.id > b.id;
}

EventQueue::Slot* EventQueue::slot(EventId id) const {
    if (id < base_ || id >= base_ + slots_.size()) return nullptr;
    return &slots_[id - base_];
}

EventId EventQueue::schedule(SimTime time, std::string kind, nlohmann::json data) {
    const EventId id = next_id_++;
    slots_.push_back(Slot{std::move(kind), std::move(data), true});
    heap_.push_back(Key{time, id});
    std::push_heap(heap_.begin(), heap_.end(), later);
    ++live_count_;
    return id;
}

bool EventQueue::cancel(EventId id) {
    Slot* s = slot(id);
    if (!s || !s->live) return false;
    s->live = false;
    s->kind.clear();
    s->data = nullptr;
    --live_count_;
    return true;
}

void EventQueue::drop_dead_front() const {
    while (!heap_.empty() && !slot(heap_.front().id)->live) {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        heap_.pop_back();
    }
    // Nothing left in the heap: every slot is dead, so the window can start afresh.
    if (heap_.empty() && !slots_.empty()) {
        base_ += slots_.size();
        slots_.clear();
    }
}

std::optional<SimTime> EventQueue::next_time() const {
    drop_dead_front();
    if (heap_.empty()) return std::nullopt;
    return heap_.front().time;
}

std::optional<Event> EventQueue::pop() {
    drop_dead_front();
    if (heap_.empty()) return std::nullopt;
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const Key key = heap_.back();
    heap_.pop_back();
    Slot* s = slot(key.id);
    Event e{key.id, key.time, std::move(s->kind), std::move(s->data)};
    s->live = false;
    --live_count_;
    drop_dead_front();
    return e;
}

std::vector<Event> EventQueue::pending() const {
    std::vector<Key> keys;
    keys.reserve(live_count_);
    for (const Key& k : heap_)
        if (slot(k.id)->live) keys.push_back(k);
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return later(b, a); });
    std::vector<Event> out;
    out.reserve(keys.size());
    for (const Key& k : keys) {
        const Slot* s = slot(k.id);
        out.push_back(Event{k.id, k.time, s->kind, s->data});
    }
    return out;
}

}  // namespace sim
