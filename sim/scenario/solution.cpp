// sim/solution.cpp — parsing and playing reference solutions.
#include "sim/solution.hpp"
#include "sim/json_input.hpp"
#include "sim/run.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sim {

std::vector<ConditionError> skip_time_errors(const Action& a) {
    std::vector<ConditionError> errors;
    if (a.type != "instructor.skip_time") return errors;
    if (auto by = a.args.find("by"); by != a.args.end()) {
        std::string too_long;
        if (!by->is_string())
            errors.push_back({"/by", "must be a duration such as \"2d\""});
        else if (!parse_duration(by->get<std::string>(), &too_long))
            errors.push_back({"/by", too_long});
    }
    if (auto by_ms = a.args.find("by_ms"); by_ms != a.args.end()) {
        NumberError why;
        if (!integer_in_range(*by_ms, "/by_ms", 0, kMaxDuration, why))
            errors.push_back({"/by_ms", fmt::format("must be a whole number from 0 to {} ({})", kMaxDuration,
                                                    duration_cap_text())});
    }
    return errors;
}

Solution solution_from_scenario(const nlohmann::json& root, std::vector<ConditionError>& errors) {
    Solution sol;
    auto it = root.find("solution");
    if (it == root.end()) return sol;
    auto err = [&](const std::string& p, std::string m) { errors.push_back({p, std::move(m)}); };
    if (!it->is_array()) {
        err("/solution", "must be an array of steps");
        return sol;
    }
    static const std::vector<std::string> kKeys = {"caption", "action",     "expect",
                                                   "advance", "wait_until", "max"};
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& j = (*it)[i];
        const std::string p = fmt::format("/solution/{}", i);
        if (!j.is_object()) {
            err(p, "a step must be an object");
            continue;
        }
        for (auto& [where, message] : unknown_keys(j, p, kKeys)) err(where, message);
        SolutionStep step;
        if (auto c = j.find("caption"); c != j.end()) {
            if (c->is_string())
                step.caption.en = c->get<std::string>();
            else if (c->is_object() && (!c->contains("en") || (*c)["en"].is_string()) &&
                     (!c->contains("de") || (*c)["de"].is_string())) {
                for (auto& [where, message] : unknown_keys(*c, p + "/caption", {"en", "de"}))
                    err(where, message);
                step.caption.en = c->value("en", "");
                step.caption.de = c->value("de", "");
            } else
                err(p + "/caption", "must be a text or {\"en\": …, \"de\": …}");
        }
        const int kinds =
            int(j.contains("action")) + int(j.contains("advance")) + int(j.contains("wait_until"));
        if (kinds != 1) err(p, "a step needs exactly one of \"action\", \"advance\" or \"wait_until\"");
        if (j.contains("action")) {
            Action a;
            std::string why;
            if (action_from_json(j["action"], a, why))
                step.action = std::move(a);
            else
                err(p + "/action", why);
            // A time skip is refused at load when the simulation would refuse it (sim/time.hpp's cap).
            if (step.action)
                for (auto& e : skip_time_errors(*step.action)) err(p + "/action" + e.pointer, e.message);
            if (j.contains("expect")) {
                if (j["expect"].is_string())
                    step.expect = j["expect"].get<std::string>();
                else
                    err(p + "/expect", "must be \"ok\" or an error code");
            }
        }
        if (j.contains("advance")) {
            std::string why;
            if (!j["advance"].is_string())
                err(p + "/advance", "must be a duration such as \"5 business days\"");
            else if (auto d = parse_duration(j["advance"].get<std::string>(), &why))
                step.advance = *d;
            else
                err(p + "/advance", why);
        }
        if (j.contains("wait_until")) {
            if (validate_condition(j["wait_until"], p + "/wait_until", errors))
                step.wait_until = j["wait_until"];
            if (j.contains("max")) {
                std::string why;
                auto d =
                    j["max"].is_string() ? parse_duration(j["max"].get<std::string>(), &why) : std::nullopt;
                if (!d || d->business_days != 0)
                    err(p + "/max", why.empty() ? "must be calendar time such as \"30d\"" : why);
                else
                    step.max_wait = d->ms;
            }
        }
        sol.steps.push_back(std::move(step));
    }
    return sol;
}

const SolutionStep* SolutionPlayer::current() const {
    return index_ < solution_->steps.size() ? &solution_->steps[index_] : nullptr;
}

void SolutionPlayer::begin_step(Simulation& sim) {
    if (state_ != State::Ready) return;
    const SolutionStep* step = current();
    if (!step) {
        state_ = State::Done;
        return;
    }
    state_ = State::Running;
    if (step->action)
        handle_ = sim.submit(*step->action);
    else if (step->advance)
        target_ = apply_duration(sim.calendar(), sim.now(), *step->advance);
    else
        target_ = sim.now() + step->max_wait;
}

SolutionPlayer::State SolutionPlayer::poll(Simulation& sim) {
    if (state_ != State::Running) return state_;
    const SolutionStep& step = *current();
    auto finish = [&] {
        ++index_;
        state_ = index_ >= solution_->steps.size() ? State::Done : State::Ready;
    };
    if (step.action) {
        auto r = sim.result(handle_);
        if (!r) return state_;
        if (r->code != step.expect) {
            failure_ = fmt::format("step {} ({}): expected \"{}\", got \"{}\"", index_ + 1, step.action->type,
                                   step.expect, r->code);
            state_ = State::Failed;
            return state_;
        }
        finish();
    } else if (step.advance) {
        if (sim.now() >= target_) finish();
    } else {
        if (evaluate_condition(step.wait_until, sim))
            finish();
        else if (sim.now() >= target_) {
            failure_ = fmt::format("step {}: the condition did not hold within the time limit", index_ + 1);
            state_ = State::Failed;
        }
    }
    return state_;
}

void SolutionPlayer::advance_running_step(Simulation& sim) {
    if (state_ != State::Running) return;
    const SolutionStep& step = *current();
    if (step.action || !step.wait_until.is_null()) {
        const auto next = sim.next_event_time();
        if (next && (step.action || *next <= target_))
            run_next_event(sim);
        else if (!step.action)
            sim.run_until(target_);
        return;
    }
    // advance: process events on the way so the tracker can see each state
    const auto next = sim.next_event_time();
    sim.run_until(next && *next < target_ ? *next : target_);
}

SolutionRun play_solution(const Solution& solution, Simulation& sim, AssessmentTracker* tracker,
                          const std::function<void(Simulation&)>& after_action) {
    SolutionPlayer player(solution);
    SolutionRun run;
    if (tracker) tracker->update(sim);
    int guard = 0;
    while (player.state() != SolutionPlayer::State::Done && player.state() != SolutionPlayer::State::Failed) {
        if (player.state() == SolutionPlayer::State::Ready) {
            const std::size_t before = sim.journal().size();
            player.begin_step(sim);
            if (after_action && player.current() && player.current()->action &&
                sim.journal().size() != before)
                after_action(sim);
        }
        if (player.poll(sim) == SolutionPlayer::State::Running) {
            const SimTime before = sim.now();
            const auto next = sim.next_event_time();
            player.advance_running_step(sim);
            if (sim.now() == before && next == sim.next_event_time() &&
                player.poll(sim) == SolutionPlayer::State::Running && ++guard > 1000) {
                run.failure =
                    fmt::format("step {}: no progress (the action never answered)", player.step_index() + 1);
                run.steps_played = player.step_index();
                return run;
            }
        }
        if (tracker) tracker->update(sim);
    }
    run.steps_played = player.step_index();
    run.ok = player.state() == SolutionPlayer::State::Done;
    run.failure = player.failure();
    return run;
}

}  // namespace sim
