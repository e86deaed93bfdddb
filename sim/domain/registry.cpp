// sim/registry.cpp — the registry of operations and the handlers' view of the simulation.
#include "sim/registry.hpp"

#include <cassert>

#include "sim/simulation.hpp"

namespace sim {

World& Context::world() {
    return sim_.world_;
}
SimTime Context::now() const {
    return sim_.now_;
}
const Calendar& Context::calendar() const {
    return sim_.calendar_;
}
Rng& Context::rng(std::string_view stream) {
    return sim_.random_.stream(stream);
}

EventId Context::schedule(SimTime delay, std::string kind, nlohmann::json data) {
    assert(delay >= 0 && "a negative delay is a programming error");
    if (delay < 0) delay = 0;
    return sim_.queue_.schedule(sim_.now_ + delay, std::move(kind), std::move(data));
}

EventId Context::schedule_at(SimTime time, std::string kind, nlohmann::json data) {
    assert(time >= sim_.now_ && "an event cannot be scheduled in the past");
    if (time < sim_.now_) time = sim_.now_;
    return sim_.queue_.schedule(time, std::move(kind), std::move(data));
}

bool Context::cancel(EventId id) {
    return sim_.queue_.cancel(id);
}

void Context::note(std::string text) {
    sim_.journal_.append(JournalEntry{sim_.now_, "note", nlohmann::json{{"text", std::move(text)}}});
}

void Registry::add_action(const std::string& type, ActionFn fn, Delay latency) {
    actions[type] = ActionSpec{fn, latency, {}};
}

void Registry::add_action(const std::string& type, ActionFn fn, Delay latency,
                          std::vector<std::string> secrets) {
    actions[type] = ActionSpec{fn, latency, std::move(secrets)};
}

void Registry::add_action(const std::string& type, ActionFn fn) {
    actions[type] = ActionSpec{fn, ActionSpec{}.latency, {}};
}

const std::vector<std::string>& Registry::secrets_of(const std::string& type) const {
    static const std::vector<std::string> kNone;
    const auto it = actions.find(type);
    return it == actions.end() ? kNone : it->second.secrets;
}

Action Registry::redact(const Action& a) const {
    return redact_secrets(a, secrets_of(a.type));
}

Action redact_secrets(const Action& a) {
    return journey_registry().redact(a);
}

void Registry::add_event(const std::string& kind, EventFn fn) {
    events[kind] = fn;
}

}  // namespace sim
