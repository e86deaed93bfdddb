// sim/solution.cpp — parsing and playing reference solutions.
#include "sim/solution.hpp"
#include "sim/json_input.hpp"
#include "sim/run.hpp"

#include <algorithm>
#include <set>

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

// [SECTION] References (npsim-cli check)

std::vector<std::string> known_result_codes(const Registry& registry, const std::vector<std::string>& extra) {
    // The codes the engine answers with by itself, whatever the operation (sim/faults.cpp,
    // sim/simulation.cpp): a fault rule's default error, throttling, a custom fault text, a hang's
    // time-out and the answer of an action pending when a checkpoint is restored.
    std::set<std::string> codes = {
        "ok",           "service.unavailable", "throttled",          "throttled.early_retry",
        "fault.custom", "action.timed_out",    "instructor.restored"};
    for (const auto& [name, op] : registry.actions) codes.insert(op.errors.begin(), op.errors.end());
    codes.insert(extra.begin(), extra.end());
    return {codes.begin(), codes.end()};
}

namespace {

std::string solution_pointer_token(const std::string& key) {
    std::string token;
    for (char c : key)
        token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return token;
}

// "unknown <what> "x"", with " — did you mean "y"?" when one of `known` is close.
std::string solution_unknown(const char* what, const std::string& name, const std::vector<std::string>& known,
                             const std::string& where = {}) {
    const std::string hint = suggest_key(name, known);
    std::string out = fmt::format("unknown {} \"{}\"{}", what, name, where);
    if (!hint.empty()) out += fmt::format(" — did you mean \"{}\"?", hint);
    return out;
}

std::string solution_arg_type_words(ArgType t) {
    switch (t) {
        case ArgType::String:
            return "a text";
        case ArgType::Integer:
            return "a whole number";
        case ArgType::Boolean:
            return "true or false";
        case ArgType::StringList:
            return "an array of texts";
        case ArgType::Object:
            return "an object";
        case ArgType::Any:
            return "a value";
    }
    return "a value";
}

std::string solution_shown(const nlohmann::json& v) {
    if (v.is_number()) return v.dump();
    if (v.is_string()) return "a text";
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_array()) return "an array";
    if (v.is_object()) return "an object";
    return v.type_name();
}

// A password-like key (is_secret_key) at `key` or anywhere inside `v`: a stray secret that redaction
// removes from every journal and file (sim/action.hpp), not reported as an unknown argument.
bool solution_holds_secret(const std::string& key, const nlohmann::json& v) {
    if (is_secret_key(key)) return true;
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            if (solution_holds_secret(it.key(), *it)) return true;
    } else if (v.is_array()) {
        for (const auto& x : v)
            if (solution_holds_secret("", x)) return true;
    }
    return false;
}

struct SolutionRefChecker {
    const SolutionReferences& refs;
    std::vector<ConditionError>& errors;
    std::vector<std::string> operations, skus, offers;

    void error(std::string pointer, std::string message) {
        errors.push_back({std::move(pointer), std::move(message)});
    }

    // A SKU argument's value (a text) at `pointer`.
    void sku(const nlohmann::json& v, const std::string& pointer) {
        if (!v.is_string() || refs.catalog == nullptr) return;
        const std::string name = v.get<std::string>();
        if (refs.catalog->find(name) == nullptr)
            error(pointer,
                  solution_unknown("SKU", name, skus, " in catalog edition " + refs.catalog->edition));
    }

    void catalog_args(const nlohmann::json& action, const std::string& p, const std::string& expect) {
        if (refs.catalog == nullptr) return;
        const bool product_by_design =
            expect == "billing.unknown_product" || expect == "licences.unknown_product";
        if (auto it = action.find("sku"); it != action.end() && !product_by_design) sku(*it, p + "/sku");
        if (auto it = action.find("licences"); it != action.end() && it->is_array() && !product_by_design)
            for (std::size_t k = 0; k < it->size(); ++k) sku((*it)[k], fmt::format("{}/licences/{}", p, k));
        if (auto it = action.find("offer"); it != action.end() && it->is_string() &&
                                            expect != "portal.unknown_offer" &&
                                            refs.catalog->find_offer(it->get<std::string>()) == nullptr)
            error(p + "/offer", solution_unknown("offer", it->get<std::string>(), offers,
                                                 " in catalog edition " + refs.catalog->edition));
    }

    // The arguments of `action` (an object with a known "type") against the operation's declaration.
    void args(const nlohmann::json& action, const OperationSpec& op, const std::string& p) {
        std::vector<std::string> names = {"actor"};
        for (const ArgSpec& a : op.args) names.push_back(a.name);
        for (auto it = action.begin(); it != action.end(); ++it) {
            if (it.key() == "type" || it.key() == "actor") continue;
            const std::string where = p + "/" + solution_pointer_token(it.key());
            auto spec = std::find_if(op.args.begin(), op.args.end(),
                                     [&](const ArgSpec& a) { return a.name == it.key(); });
            if (spec == op.args.end()) {
                if (!solution_holds_secret(it.key(), *it))
                    error(where, solution_unknown("argument", it.key(), names, " of " + op.name));
            } else if (!arg_has_type(*it, spec->type))
                error(where, fmt::format("must be {}, not {}", solution_arg_type_words(spec->type),
                                         solution_shown(*it)));
        }
        for (const ArgSpec& a : op.args)
            if (a.required && !action.contains(a.name))
                error(p, fmt::format("missing required argument \"{}\" of {}", a.name, op.name));
    }

    void step(const nlohmann::json& j, const std::string& p) {
        const std::string expect =
            j.contains("expect") && j["expect"].is_string() ? j["expect"].get<std::string>() : "ok";
        if (j.contains("expect") && j["expect"].is_string() &&
            std::find(refs.codes.begin(), refs.codes.end(), expect) == refs.codes.end())
            error(p + "/expect", solution_unknown("result code", expect, refs.codes));
        const auto action = j.find("action");
        if (action == j.end() || !action->is_object()) return;
        const auto type = action->find("type");
        if (type == action->end() || !type->is_string() || type->get<std::string>().empty()) return;
        const std::string name = type->get<std::string>();
        auto op = refs.registry->actions.find(name);
        if (op == refs.registry->actions.end()) {
            error(p + "/action/type", solution_unknown("operation", name, operations));
            return;
        }
        args(*action, op->second, p + "/action");
        catalog_args(*action, p + "/action", expect);
    }
};

}  // namespace

void check_solution_references(const nlohmann::json& root, const SolutionReferences& refs,
                               std::vector<ConditionError>& errors) {
    auto it = root.find("solution");
    if (it == root.end() || !it->is_array() || refs.registry == nullptr) return;
    SolutionRefChecker c{refs, errors, {}, {}, {}};
    for (const auto& [name, op] : refs.registry->actions) c.operations.push_back(name);
    if (refs.catalog != nullptr) {
        for (const Product& p : refs.catalog->products) c.skus.push_back(p.sku);
        for (const Offer& o : refs.catalog->offers) c.offers.push_back(o.id);
    }
    for (std::size_t i = 0; i < it->size(); ++i)
        if ((*it)[i].is_object()) c.step((*it)[i], fmt::format("/solution/{}", i));
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
