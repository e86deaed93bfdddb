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
      random_(setup_.seed),
      faults_(setup_.faults) {
    for (StartFn start : registry_.on_start) {
        Context ctx(*this);
        start(ctx);
    }
}

ActionHandle Simulation::submit(const Action& raw) {
    // Work already due happens first, so the order never depends on how often the caller advanced.
    run_until(now_);
    const Action action = redact_secrets(raw);
    const ActionHandle h = next_handle_++;
    journal_.append(JournalEntry{now_, "action", nlohmann::json{{"handle", h}, {"action", to_json(action)}}});

    if (action.type.rfind("instructor.", 0) == 0) {
        ActionResult r = run_instructor_action(action);
        journal_.append(JournalEntry{now_, "result",
                                     nlohmann::json{{"handle", h}, {"type", action.type}, {"result", to_json(r)}}});
        results_[h] = std::move(r);
        return h;
    }

    resolve_hung(action);
    PendingAction p{h, action, now_, now_, false, std::nullopt};
    const FaultDecision fault = faults_.decide(action, now_, random_.stream("faults"));
    if (fault.fired) {
        static const char* kEffects[] = {"error", "latency", "throttle", "hang"};
        journal_.append(JournalEntry{now_, "fault",
                                     nlohmann::json{{"handle", h},
                                                    {"rule", fault.rule_id},
                                                    {"effect", kEffects[static_cast<int>(fault.effect)]},
                                                    {"early_retry", fault.early_retry}}});
        p.injected = fault.error;
    }
    if (fault.hang) {
        p.hung = true;
        p.due_at = -1;
        pending_[h] = std::move(p);
        return h;
    }

    SimTime latency = 0;
    auto spec = registry_.actions.find(action.type);
    std::optional<Delay> delay = fault.latency;
    if (!delay && spec != registry_.actions.end()) delay = spec->second.latency;
    if (delay) {
        const Duration d = delay->sample(random_.stream("latency"));
        latency = apply_duration(calendar_, now_, d) - now_;
    }
    p.due_at = now_ + latency;
    pending_[h] = std::move(p);
    queue_.schedule(now_ + latency, kActionCompleted, nlohmann::json{{"handle", h}});
    return h;
}

// A retry of a hung operation (same type, same person) ends the hung one with a time-out.
void Simulation::resolve_hung(const Action& retry) {
    for (auto it = pending_.begin(); it != pending_.end();) {
        const PendingAction& p = it->second;
        if (p.hung && p.action.type == retry.type && p.action.actor == retry.actor) {
            ActionResult r = ActionResult::failure("action.timed_out", {{"type", p.action.type}});
            journal_.append(JournalEntry{
                now_, "result", nlohmann::json{{"handle", p.handle}, {"type", p.action.type}, {"result", to_json(r)}}});
            results_[p.handle] = std::move(r);
            it = pending_.erase(it);
        } else {
            ++it;
        }
    }
}

ActionResult Simulation::run_instructor_action(const Action& a) {
    if (a.type == "instructor.add_fault") {
        FaultRule rule;
        std::vector<FaultParseError> errors;
        if (!fault_rule_from_json(a.args.value("rule", nlohmann::json::object()), rule, errors))
            return ActionResult::failure("instructor.bad_rule",
                                         {{"detail", errors.empty() ? "" : errors.front().pointer + ": " + errors.front().message}});
        faults_.add_rule_front(std::move(rule));
        return ActionResult::success({{"rule", faults_.rules().front().id}});
    }
    if (a.type == "instructor.remove_fault") {
        if (!faults_.remove_rule(a.arg<std::string>("id", "")))
            return ActionResult::failure("instructor.no_such_rule", {{"id", a.arg<std::string>("id", "")}});
        return ActionResult::success();
    }
    if (a.type == "instructor.clear_faults") {
        faults_.clear();
        return ActionResult::success();
    }
    return ActionResult::failure("action.unknown_type", nlohmann::json{{"type", a.type}});
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
    if (p.injected) {
        r = *p.injected;
    } else if (spec == registry_.actions.end() || spec->second.run == nullptr) {
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
        const std::optional<SimTime> next = queue_.next_time();
        if (!next || *next > t) break;
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
            {"random_draws", std::move(streams)},
            {"faults", faults_.state_json()}};
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
