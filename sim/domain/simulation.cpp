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
    Action action = registry_.redact(raw);  // declared secrets and password-like keys
    // Typed passwords and MFA codes: only whether they matched (sim/identity.hpp; the keyring stays here).
    redact_identity_secrets(world_, setup_.seed, now_, keyring_, raw, action);
    const ActionHandle h = next_handle_++;
    journal_.append(JournalEntry{now_, "action", nlohmann::json{{"handle", h}, {"action", to_json(action)}}});

    if (action.type.rfind("instructor.", 0) == 0) {
        submit_instructor(h, action);
        return h;
    }

    resolve_hung(action);
    if (sets_password(raw.type)) typed_secrets_[h] = raw;  // the keyring learns it if the action succeeds
    PendingAction p{h, action, now_, now_, false, std::nullopt};
    const FaultDecision fault = faults_.decide(action, now_, random_.stream("faults"), h);
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

SimTime InstructorContext::now() const {
    return sim_.now_;
}
const Calendar& InstructorContext::calendar() const {
    return sim_.calendar_;
}
FaultInjector& InstructorContext::faults() {
    return sim_.faults_;
}
std::optional<SimTime> InstructorContext::next_event_time() const {
    return sim_.queue_.next_time();
}
std::size_t InstructorContext::checkpoint_count() const {
    return sim_.checkpoints_.size();
}

std::optional<SimTime> InstructorContext::checkpoint_time(const std::string& name) const {
    for (const auto& k : sim_.checkpoints_)
        if (k.name == name) return k.time;
    return std::nullopt;
}

void InstructorContext::save_checkpoint(const std::string& name) {
    Simulation& s = sim_;
    Simulation::Checkpoint cp{name, s.now_, s.world_, s.queue_.pending(), s.pending_, s.faults_, s.random_};
    auto same = std::find_if(s.checkpoints_.begin(), s.checkpoints_.end(),
                             [&](const Simulation::Checkpoint& k) { return k.name == name; });
    if (same != s.checkpoints_.end())
        *same = std::move(cp);  // taken again under the same name: the newer one counts
    else
        s.checkpoints_.push_back(std::move(cp));
}

void Simulation::submit_instructor(ActionHandle h, const Action& action) {
    InstructorContext ctx(*this);
    const Registry& ops = instructor_registry();
    const auto spec = ops.actions.find(action.type);
    ActionResult r = spec == ops.actions.end() || spec->second.instructor == nullptr
                         ? ActionResult::failure("action.unknown_type", nlohmann::json{{"type", action.type}})
                         : spec->second.instructor(ctx, action);
    journal_.append(JournalEntry{
        now_, "result", nlohmann::json{{"handle", h}, {"type", action.type}, {"result", to_json(r)}}});
    results_[h] = std::move(r);
    // The result is journaled at submit time; what it sets off comes after it.
    switch (ctx.then.kind) {
        case InstructorFollowUp::Kind::RunUntil:
            run_until(ctx.then.to);
            break;
        case InstructorFollowUp::Kind::StepOne:
            step_to_next_event();
            break;
        case InstructorFollowUp::Kind::Restore:
            restore_checkpoint(ctx.then.checkpoint);
            break;
        case InstructorFollowUp::Kind::None:
            break;
    }
}

namespace {

ActionResult bad_rule(const std::vector<FaultParseError>& errors) {
    return ActionResult::failure(
        "instructor.bad_rule",
        {{"detail", errors.empty() ? "" : errors.front().pointer + ": " + errors.front().message}});
}

ActionResult no_such_rule(const std::string& id) {
    return ActionResult::failure("instructor.no_such_rule", {{"id", id}});
}

std::string id_of(const Action& a) {
    return a.arg<std::string>("id", "");
}

// skip_time's limit: the duration cap (sim/time.hpp), far beyond any training and from overflowing sim time.
constexpr SimTime kMaxSkip = kMaxDuration;

ActionResult add_fault(InstructorContext& ctx, const Action& a) {
    FaultRule rule;
    std::vector<FaultParseError> errors;
    if (!fault_rule_from_json(a.args.value("rule", nlohmann::json::object()), rule, errors))
        return bad_rule(errors);
    ctx.faults().add_rule_front(std::move(rule));
    return ActionResult::success({{"rule", ctx.faults().rules().front().id}});
}

ActionResult remove_fault(InstructorContext& ctx, const Action& a) {
    const std::string id = id_of(a);
    if (!ctx.faults().remove_rule(id)) return no_such_rule(id);
    return ActionResult::success();
}

ActionResult clear_faults(InstructorContext& ctx, const Action&) {
    ctx.faults().clear();
    return ActionResult::success();
}

ActionResult update_fault(InstructorContext& ctx, const Action& a) {
    const std::string id = id_of(a);
    if (ctx.faults().find_rule(id) == nullptr) return no_such_rule(id);
    FaultRule rule;
    std::vector<FaultParseError> errors;
    if (!fault_rule_from_json(a.args.value("rule", nlohmann::json::object()), rule, errors))
        return bad_rule(errors);
    ctx.faults().replace_rule(id, std::move(rule));
    return ActionResult::success({{"rule", id}});
}

ActionResult set_fault_enabled(InstructorContext& ctx, const Action& a) {
    const std::string id = id_of(a);
    if (ctx.faults().find_rule(id) == nullptr) return no_such_rule(id);
    auto enabled = a.args.find("enabled");
    if (enabled == a.args.end() || !enabled->is_boolean())
        return bad_rule({{"/enabled", "must be true or false"}});
    ctx.faults().set_enabled(id, enabled->get<bool>());
    return ActionResult::success({{"rule", id}});
}

ActionResult arm_fault(InstructorContext& ctx, const Action& a) {
    const std::string id = id_of(a);
    if (!ctx.faults().arm(id)) return no_such_rule(id);
    return ActionResult::success({{"rule", id}});
}

ActionResult fail_next(InstructorContext& ctx, const Action& a) {
    const std::string operation = a.arg<std::string>("operation", "");
    const std::string error = a.arg<std::string>("error", "");
    if (operation.empty())
        return bad_rule({{"/operation", "must be an operation name or glob, e.g. \"billing.*\""}});
    if (error.empty()) return bad_rule({{"/error", "must be an error code, e.g. \"service.unavailable\""}});
    FaultRule rule;
    int n = 1;
    while (ctx.faults().find_rule(fmt::format("fail-next-{}", n)) != nullptr) ++n;
    rule.id = fmt::format("fail-next-{}", n);
    rule.operation = operation;
    rule.error_code = error;
    rule.armed = true;
    ctx.faults().add_rule_front(rule);
    return ActionResult::success({{"rule", rule.id}});
}

ActionResult bad_duration(std::string detail) {
    return ActionResult::failure("instructor.bad_duration", {{"detail", std::move(detail)}});
}

ActionResult skip_time(InstructorContext& ctx, const Action& a) {
    const SimTime now = ctx.now();
    SimTime to = now;
    if (auto by_ms = a.args.find("by_ms"); by_ms != a.args.end()) {
        if (!by_ms->is_number_integer() || by_ms->get<std::int64_t>() < 0 ||
            by_ms->get<std::int64_t>() > kMaxSkip)
            return bad_duration(
                fmt::format("by_ms must be a whole number from 0 to {} ({})", kMaxSkip, duration_cap_text()));
        to = add_saturating(now, by_ms->get<SimTime>());
    } else {
        auto by = a.args.find("by");
        std::string why;
        std::optional<Duration> d;
        if (by != a.args.end() && by->is_string())
            d = parse_duration(by->get<std::string>(), &why);
        else
            why = "give \"by\": \"2 days\" or \"by_ms\": 3600000";
        if (!d) return bad_duration(why);
        if (!is_within_cap(*d)) return bad_duration(duration_cap_text());
        to = apply_duration(ctx.calendar(), now, *d);
    }
    ctx.then.kind = InstructorFollowUp::Kind::RunUntil;
    ctx.then.to = to;
    return ActionResult::success({{"from", now}, {"to", to}});
}

ActionResult skip_to_next_event(InstructorContext& ctx, const Action&) {
    const std::optional<SimTime> next = ctx.next_event_time();
    if (!next) return ActionResult::success({{"from", ctx.now()}, {"to", ctx.now()}});
    ctx.then.kind = InstructorFollowUp::Kind::StepOne;
    return ActionResult::success({{"from", ctx.now()}, {"to", *next}});
}

// freeze, unfreeze, reset, note: journal markers; the action entry is the record.
ActionResult marker(InstructorContext&, const Action&) {
    return ActionResult::success();
}

ActionResult checkpoint(InstructorContext& ctx, const Action& a) {
    std::string name = a.arg<std::string>("name", "");
    if (name.empty()) {
        int n = static_cast<int>(ctx.checkpoint_count()) + 1;
        while (ctx.checkpoint_time(fmt::format("checkpoint-{}", n))) ++n;
        name = fmt::format("checkpoint-{}", n);
    }
    ctx.save_checkpoint(name);
    return ActionResult::success({{"name", name}, {"time", ctx.now()}});
}

ActionResult restore_checkpoint(InstructorContext& ctx, const Action& a) {
    const std::string name = a.arg<std::string>("name", "");
    const std::optional<SimTime> time = ctx.checkpoint_time(name);
    if (!time) return ActionResult::failure("instructor.no_such_checkpoint", {{"name", name}});
    ctx.then.kind = InstructorFollowUp::Kind::Restore;
    ctx.then.checkpoint = name;
    return ActionResult::success({{"name", name}, {"time", *time}, {"shift_ms", ctx.now() - *time}});
}

Registry make_instructor_registry() {
    using T = ArgType;
    const std::vector<std::string> kRule = {"instructor.no_such_rule"};
    const std::vector<std::string> kBadRule = {"instructor.bad_rule"};
    const std::vector<std::string> kRuleOrBad = {"instructor.no_such_rule", "instructor.bad_rule"};
    const ArgSpec id{"id", T::String, true};
    Registry r;
    r.add(
        make_operation("instructor.add_fault", {{"rule", T::Object}}, kBadRule, {}, {}, nullptr, add_fault));
    r.add(make_operation("instructor.remove_fault", {{"id"}}, kRule, {}, {}, nullptr, remove_fault));
    r.add(make_operation("instructor.clear_faults", {}, {}, {}, {}, nullptr, clear_faults));
    r.add(make_operation("instructor.update_fault", {id, {"rule", T::Object, true}}, kRuleOrBad, {}, {},
                         nullptr, update_fault));
    r.add(make_operation("instructor.set_fault_enabled", {id, {"enabled", T::Boolean, true}}, kRuleOrBad, {},
                         {}, nullptr, set_fault_enabled));
    r.add(make_operation("instructor.arm_fault", {id}, kRule, {}, {}, nullptr, arm_fault));
    r.add(make_operation("instructor.fail_next", {{"operation", T::String, true}, {"error", T::String, true}},
                         kBadRule, {}, {}, nullptr, fail_next));
    r.add(make_operation("instructor.skip_time", {{"by"}, {"by_ms", T::Integer}}, {"instructor.bad_duration"},
                         {}, {}, nullptr, skip_time));
    r.add(make_operation("instructor.skip_to_next_event", {}, {}, {}, {}, nullptr, skip_to_next_event));
    r.add(make_operation("instructor.freeze", {}, {}, {}, {}, nullptr, marker));
    r.add(make_operation("instructor.unfreeze", {}, {}, {}, {}, nullptr, marker));
    r.add(make_operation("instructor.checkpoint", {{"name"}}, {}, {}, {}, nullptr, checkpoint));
    // Actions sent after the checkpoint and still waiting fail with "instructor.restored".
    r.add(make_operation("instructor.restore_checkpoint", {{"name", T::String, true}},
                         {"instructor.no_such_checkpoint"}, {"error.instructor.restored"}, {}, nullptr,
                         restore_checkpoint));
    r.add(make_operation("instructor.reset", {}, {}, {}, {}, nullptr, marker));
    r.add(make_operation("instructor.note", {{"text"}}, {}, {}, {}, nullptr, marker));
    return r;
}

}  // namespace

const Registry& instructor_registry() {
    static const Registry registry = make_instructor_registry();
    return registry;
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
        r = faults_.answered(h, now_, *p.injected);  // a throttle's Retry-After starts now
    } else if (spec == registry_.actions.end() || spec->second.run == nullptr) {
        r = ActionResult::failure("action.unknown_type", nlohmann::json{{"type", p.action.type}});
    } else {
        Context ctx(*this);
        r = spec->second.run(ctx, p.action);
    }
    journal_.append(JournalEntry{
        now_, "result", nlohmann::json{{"handle", h}, {"type", p.action.type}, {"result", to_json(r)}}});
    if (auto typed = typed_secrets_.find(h); typed != typed_secrets_.end()) {
        update_keyring(world_, setup_.seed, typed->second, r, keyring_);
        typed_secrets_.erase(typed);
    }
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
