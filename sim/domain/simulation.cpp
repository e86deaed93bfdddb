// sim/simulation.cpp — the engine loop: submit → latency → handler → result event; background events.
#include "sim/simulation.hpp"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

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
    // A snapshot scenario's pending events come first, so ties keep the order they had.
    for (const StartEvent& e : setup_.events) queue_.schedule(std::max<SimTime>(e.at, 0), e.kind, e.data);
    for (StartFn start : registry_.on_start) {
        Context ctx(*this);
        start(ctx);
    }
}

ActionHandle Simulation::submit(const Action& raw) {
    // Work already due happens first, so the order never depends on how often the caller advanced.
    run_until(now_);
    const Action action = registry_.redact(raw);  // declared secrets and password-like keys
    const ActionHandle h = next_handle_++;
    journal_.append(JournalEntry{now_, "action", nlohmann::json{{"handle", h}, {"action", to_json(action)}}});

    if (action.type.rfind("instructor.", 0) == 0) {
        FollowUp then;
        ActionResult r = run_instructor_action(action, then);
        journal_.append(JournalEntry{
            now_, "result", nlohmann::json{{"handle", h}, {"type", action.type}, {"result", to_json(r)}}});
        results_[h] = std::move(r);
        // The result is journaled at submit time; what it sets off comes after it.
        switch (then.kind) {
            case FollowUp::Kind::RunUntil:
                run_until(then.to);
                break;
            case FollowUp::Kind::StepOne:
                step_to_next_event();
                break;
            case FollowUp::Kind::Restore:
                restore_checkpoint(then.checkpoint);
                break;
            case FollowUp::Kind::None:
                break;
        }
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
        ++hung_;
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
    p.due_at = add_saturating(now_, latency);
    pending_[h] = std::move(p);
    queue_.schedule(add_saturating(now_, latency), kActionCompleted, nlohmann::json{{"handle", h}});
    return h;
}

// A retry of a hung operation (same type, same person) ends the hung one with a time-out.
void Simulation::resolve_hung(const Action& retry) {
    // Most runs have nothing hung: skip the scan, or thousands of waiting actions make submit quadratic.
    if (hung_ == 0) return;
    for (auto it = pending_.begin(); it != pending_.end();) {
        const PendingAction& p = it->second;
        if (p.hung && p.action.type == retry.type && p.action.actor == retry.actor) {
            ActionResult r = ActionResult::failure("action.timed_out", {{"type", p.action.type}});
            journal_.append(JournalEntry{
                now_, "result",
                nlohmann::json{{"handle", p.handle}, {"type", p.action.type}, {"result", to_json(r)}}});
            results_[p.handle] = std::move(r);
            it = pending_.erase(it);
            --hung_;
        } else {
            ++it;
        }
    }
}

// [SECTION] Instructor actions

static ActionResult bad_rule(const std::vector<FaultParseError>& errors) {
    return ActionResult::failure(
        "instructor.bad_rule",
        {{"detail", errors.empty() ? "" : errors.front().pointer + ": " + errors.front().message}});
}

static ActionResult no_such_rule(const std::string& id) {
    return ActionResult::failure("instructor.no_such_rule", {{"id", id}});
}

// skip_time's limit: the duration cap (sim/time.hpp), far beyond any training and from overflowing sim time.
static constexpr SimTime kMaxSkip = kMaxDuration;

ActionResult Simulation::run_instructor_action(const Action& a, FollowUp& then) {
    const std::string id = a.arg<std::string>("id", "");
    if (a.type == "instructor.add_fault") {
        FaultRule rule;
        std::vector<FaultParseError> errors;
        if (!fault_rule_from_json(a.args.value("rule", nlohmann::json::object()), rule, errors))
            return bad_rule(errors);
        faults_.add_rule_front(std::move(rule));
        return ActionResult::success({{"rule", faults_.rules().front().id}});
    }
    if (a.type == "instructor.remove_fault") {
        if (!faults_.remove_rule(id)) return no_such_rule(id);
        return ActionResult::success();
    }
    if (a.type == "instructor.clear_faults") {
        faults_.clear();
        return ActionResult::success();
    }
    if (a.type == "instructor.update_fault") {
        if (faults_.find_rule(id) == nullptr) return no_such_rule(id);
        FaultRule rule;
        std::vector<FaultParseError> errors;
        if (!fault_rule_from_json(a.args.value("rule", nlohmann::json::object()), rule, errors))
            return bad_rule(errors);
        faults_.replace_rule(id, std::move(rule));
        return ActionResult::success({{"rule", id}});
    }
    if (a.type == "instructor.set_fault_enabled") {
        if (faults_.find_rule(id) == nullptr) return no_such_rule(id);
        auto enabled = a.args.find("enabled");
        if (enabled == a.args.end() || !enabled->is_boolean())
            return bad_rule({{"/enabled", "must be true or false"}});
        faults_.set_enabled(id, enabled->get<bool>());
        return ActionResult::success({{"rule", id}});
    }
    if (a.type == "instructor.arm_fault") {
        if (!faults_.arm(id)) return no_such_rule(id);
        return ActionResult::success({{"rule", id}});
    }
    if (a.type == "instructor.fail_next") {
        const std::string operation = a.arg<std::string>("operation", "");
        const std::string error = a.arg<std::string>("error", "");
        if (operation.empty())
            return bad_rule({{"/operation", "must be an operation name or glob, e.g. \"billing.*\""}});
        if (error.empty())
            return bad_rule({{"/error", "must be an error code, e.g. \"service.unavailable\""}});
        FaultRule rule;
        int n = 1;
        while (faults_.find_rule(fmt::format("fail-next-{}", n)) != nullptr) ++n;
        rule.id = fmt::format("fail-next-{}", n);
        rule.operation = operation;
        rule.error_code = error;
        rule.armed = true;
        faults_.add_rule_front(rule);
        return ActionResult::success({{"rule", rule.id}});
    }
    if (a.type == "instructor.skip_time") {
        SimTime to = now_;
        if (auto by_ms = a.args.find("by_ms"); by_ms != a.args.end()) {
            if (!by_ms->is_number_integer() || by_ms->get<std::int64_t>() < 0 ||
                by_ms->get<std::int64_t>() > kMaxSkip)
                return ActionResult::failure(
                    "instructor.bad_duration",
                    {{"detail", fmt::format("by_ms must be a whole number from 0 to {} ({})", kMaxSkip,
                                            duration_cap_text())}});
            to = add_saturating(now_, by_ms->get<SimTime>());
        } else {
            auto by = a.args.find("by");
            std::string why;
            std::optional<Duration> d;
            if (by != a.args.end() && by->is_string())
                d = parse_duration(by->get<std::string>(), &why);
            else
                why = "give \"by\": \"2 days\" or \"by_ms\": 3600000";
            if (!d) return ActionResult::failure("instructor.bad_duration", {{"detail", why}});
            if (!is_within_cap(*d))
                return ActionResult::failure("instructor.bad_duration", {{"detail", duration_cap_text()}});
            to = apply_duration(calendar_, now_, *d);
        }
        then.kind = FollowUp::Kind::RunUntil;
        then.to = to;
        return ActionResult::success({{"from", now_}, {"to", to}});
    }
    if (a.type == "instructor.skip_to_next_event") {
        const std::optional<SimTime> next = queue_.next_time();
        if (!next) return ActionResult::success({{"from", now_}, {"to", now_}});
        then.kind = FollowUp::Kind::StepOne;
        return ActionResult::success({{"from", now_}, {"to", *next}});
    }
    if (a.type == "instructor.freeze" || a.type == "instructor.unfreeze" || a.type == "instructor.reset" ||
        a.type == "instructor.note")
        return ActionResult::success();  // journal markers: the action entry is the record
    if (a.type == "instructor.checkpoint") {
        std::string name = a.arg<std::string>("name", "");
        if (name.empty()) {
            int n = static_cast<int>(checkpoints_.size()) + 1;
            auto taken = [&](const std::string& c) {
                return std::any_of(checkpoints_.begin(), checkpoints_.end(),
                                   [&](const Checkpoint& k) { return k.name == c; });
            };
            while (taken(fmt::format("checkpoint-{}", n))) ++n;
            name = fmt::format("checkpoint-{}", n);
        }
        Checkpoint cp{name, now_, world_, queue_.pending(), pending_, faults_, random_};
        auto same = std::find_if(checkpoints_.begin(), checkpoints_.end(),
                                 [&](const Checkpoint& k) { return k.name == name; });
        if (same != checkpoints_.end())
            *same = std::move(cp);  // taken again under the same name: the newer one counts
        else
            checkpoints_.push_back(std::move(cp));
        return ActionResult::success({{"name", name}, {"time", now_}});
    }
    if (a.type == "instructor.restore_checkpoint") {
        const std::string name = a.arg<std::string>("name", "");
        auto cp = std::find_if(checkpoints_.begin(), checkpoints_.end(),
                               [&](const Checkpoint& k) { return k.name == name; });
        if (cp == checkpoints_.end())
            return ActionResult::failure("instructor.no_such_checkpoint", {{"name", name}});
        then.kind = FollowUp::Kind::Restore;
        then.checkpoint = name;
        return ActionResult::success({{"name", name}, {"time", cp->time}, {"shift_ms", now_ - cp->time}});
    }
    return ActionResult::failure("action.unknown_type", nlohmann::json{{"type", a.type}});
}

// World, queue, pending actions, faults and random streams go back; the clock and journal go on, so
// everything that was waiting moves by (now − checkpoint time).
void Simulation::restore_checkpoint(const std::string& name) {
    auto it = std::find_if(checkpoints_.begin(), checkpoints_.end(),
                           [&](const Checkpoint& k) { return k.name == name; });
    if (it == checkpoints_.end()) return;
    const Checkpoint& cp = *it;
    const SimTime shift = now_ - cp.time;

    // Actions sent after the checkpoint belong to a timeline that no longer exists: they fail.
    for (const auto& [h, p] : pending_) {
        if (cp.pending.count(h) != 0) continue;
        ActionResult r = ActionResult::failure("instructor.restored", {{"type", p.action.type}});
        journal_.append(JournalEntry{
            now_, "result", nlohmann::json{{"handle", h}, {"type", p.action.type}, {"result", to_json(r)}}});
        results_[h] = std::move(r);
    }
    pending_ = cp.pending;
    hung_ = static_cast<std::size_t>(
        std::count_if(pending_.begin(), pending_.end(), [](const auto& entry) { return entry.second.hung; }));
    for (auto& [h, p] : pending_) {
        results_.erase(h);  // answered after the checkpoint: waiting again
        if (!p.hung) p.due_at += shift;
    }
    for (const Event& e : queue_.pending()) queue_.cancel(e.id);
    for (const Event& e : cp.events) queue_.schedule(e.time + shift, e.kind, e.data);
    world_ = cp.world;
    faults_ = cp.faults;
    random_ = cp.random;
}

std::vector<CheckpointInfo> Simulation::checkpoints() const {
    std::vector<CheckpointInfo> out;
    for (const auto& c : checkpoints_) out.push_back({c.name, c.time});
    return out;
}

// [SECTION] Results and events

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
    if (p.hung) --hung_;

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
    journal_.append(JournalEntry{
        now_, "result", nlohmann::json{{"handle", h}, {"type", p.action.type}, {"result", to_json(r)}}});
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
    nlohmann::json state{{"now", now_},
                         {"seed", setup_.seed},
                         {"world", to_json(world_)},
                         {"events", std::move(events)},
                         {"next_handle", next_handle_},
                         {"random_draws", std::move(streams)},
                         {"faults", faults_.state_json()}};
    // Only when there are any, so runs without checkpoints keep their state hash.
    if (!checkpoints_.empty()) {
        nlohmann::json cps = nlohmann::json::array();
        for (const auto& c : checkpoints_) cps.push_back({{"name", c.name}, {"time", c.time}});
        state["checkpoints"] = std::move(cps);
    }
    return state;
}

std::uint64_t Simulation::state_hash() const {
    return hash_json(state_json());
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
