// sim/simulation.cpp — the engine loop: submit → latency → handler → result event; background events.
#include "sim/simulation.hpp"

#include <cassert>

#include "sim/hash.hpp"

namespace sim {

static constexpr const char* kActionCompleted = "action.completed";

Simulation::Simulation(Setup setup, const Registry& registry)
    : setup_(std::move(setup)),
      registry_(registry),
      calendar_(setup_.start_date, setup_.start_minute_of_day, setup_.time_zone),
      world_(setup_.world),
      random_(setup_.seed) {}

ActionHandle Simulation::submit(const Action& raw) {
    // Work already due happens first, so the order never depends on how often the caller advanced.
    run_until(now_);
    const Action action = redact_secrets(raw);
    const ActionHandle h = next_handle_++;
    journal_.append(JournalEntry{now_, "action", nlohmann::json{{"handle", h}, {"action", to_json(action)}}});

    SimTime latency = 0;
    auto spec = registry_.actions.find(action.type);
    if (spec != registry_.actions.end()) {
        const Duration d = spec->second.latency.sample(random_.stream("latency"));
        latency = apply_duration(calendar_, now_, d) - now_;
    }
    pending_[h] = PendingAction{h, action, now_, now_ + latency};
    queue_.schedule(now_ + latency, kActionCompleted, nlohmann::json{{"handle", h}});
    return h;
}

std::optional<ActionResult> Simulation::result(ActionHandle h) const {
    auto it = results_.find(h);
    if (it == results_.end()) return std::nullopt;
    return it->second;
}

void Simulation::complete_action(ActionHandle h) {
    auto it = pending_.find(h);
    if (it == pending_.end()) return;
    const PendingAction p = std::move(it->second);
    pending_.erase(it);

    ActionResult r;
    auto spec = registry_.actions.find(p.action.type);
    if (spec == registry_.actions.end() || spec->second.run == nullptr) {
        r = ActionResult::failure("action.unknown_type", nlohmann::json{{"type", p.action.type}});
    } else {
        Context ctx(*this);
        r = spec->second.run(ctx, p.action);
    }
    journal_.append(JournalEntry{now_, "result",
                                 nlohmann::json{{"handle", h}, {"type", p.action.type}, {"result", to_json(r)}}});
    results_[h] = std::move(r);
}

void Simulation::process(const Event& e) {
    now_ = e.time;
    if (e.kind == kActionCompleted) {
        complete_action(e.data.value("handle", ActionHandle{0}));
        return;
    }
    journal_.append(JournalEntry{now_, "event", nlohmann::json{{"kind", e.kind}, {"data", e.data}}});
    auto handler = registry_.events.find(e.kind);
    if (handler != registry_.events.end() && handler->second != nullptr) {
        Context ctx(*this);
        handler->second(ctx, e.data);
    }
}

void Simulation::run_until(SimTime t) {
    assert(t >= now_ && "time cannot run backwards");
    if (t < now_) return;
    while (true) {
        const Event* next = queue_.peek();
        if (!next || next->time > t) break;
        const Event e = *queue_.pop();
        process(e);
    }
    now_ = t;
}

bool Simulation::step_to_next_event() {
    auto t = queue_.next_time();
    if (!t) return false;
    run_until(*t);
    return true;
}

nlohmann::json Simulation::state_json() const {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : queue_.pending())
        events.push_back({{"id", e.id}, {"t", e.time}, {"kind", e.kind}, {"data", e.data}});
    nlohmann::json streams = nlohmann::json::object();
    for (const auto& [name, n] : random_.draw_counts()) streams[name] = n;
    return {{"now", now_},
            {"seed", setup_.seed},
            {"world", to_json(world_)},
            {"events", std::move(events)},
            {"next_handle", next_handle_},
            {"random_draws", std::move(streams)}};
}

std::uint64_t Simulation::state_hash() const { return hash_json(state_json()); }

std::vector<JournalEntry> Simulation::take_new_entries() {
    const auto& all = journal_.entries();
    std::vector<JournalEntry> out(all.begin() + static_cast<std::ptrdiff_t>(unread_from_), all.end());
    unread_from_ = all.size();
    return out;
}

Simulation replay(const Setup& setup, const Journal& recorded, SimTime end_time, const Registry& registry) {
    Simulation sim(setup, registry);
    for (const auto& e : recorded.entries()) {
        if (e.kind != "action") continue;
        if (e.time >= sim.now()) sim.run_until(e.time);
        Action a;
        std::string error;
        if (action_from_json(e.body.value("action", nlohmann::json::object()), a, error)) sim.submit(a);
    }
    if (end_time > sim.now()) sim.run_until(end_time);
    return sim;
}

}  // namespace sim
