// sim/solution.cpp — parsing and playing reference solutions.
#include "sim/solution.hpp"
#include "sim/identity.hpp"
#include "sim/json_input.hpp"
#include "sim/run.hpp"

#include <algorithm>
#include <cmath>
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

namespace {

const std::vector<std::string> kSolStepKeys = {"caption",    "action", "expect",    "retry", "advance",
                                               "wait_until", "max",    "if_result", "then",  "else"};

// Reads the steps of a solution (and of its branches) with every error's JSON pointer.
struct SolStepReader {
    std::vector<ConditionError>& errors;

    void err(const std::string& p, std::string m) { errors.push_back({p, std::move(m)}); }

    // A code or a non-empty list of codes ("expect", "on", "if_result").
    std::vector<std::string> codes(const nlohmann::json& v, const std::string& p, const char* what) {
        std::vector<std::string> out;
        if (v.is_string() && !v.get<std::string>().empty()) return {v.get<std::string>()};
        if (v.is_array() && !v.empty()) {
            for (std::size_t k = 0; k < v.size(); ++k) {
                if (v[k].is_string() && !v[k].get<std::string>().empty())
                    out.push_back(v[k].get<std::string>());
                else
                    err(fmt::format("{}/{}", p, k), "must be a result code such as \"service.unavailable\"");
            }
            return out;
        }
        err(p, fmt::format("must be {} or a non-empty list of them", what));
        return out;
    }

    // Calendar time from lo to hi (no business days).
    std::optional<SimTime> calendar_ms(const nlohmann::json& v, const std::string& p, SimTime lo, SimTime hi,
                                       const char* range) {
        std::string why;
        const auto d = v.is_string() ? parse_duration(v.get<std::string>(), &why) : std::nullopt;
        if (!d || d->business_days != 0 || d->ms < lo || d->ms > hi) {
            err(p, why.empty() ? fmt::format("must be calendar time {}", range) : why);
            return std::nullopt;
        }
        return d->ms;
    }

    void caption(const nlohmann::json& c, const std::string& p, SolutionStep& step) {
        if (c.is_string())
            step.caption.en = c.get<std::string>();
        else if (c.is_object() && (!c.contains("en") || c["en"].is_string()) &&
                 (!c.contains("de") || c["de"].is_string())) {
            for (auto& [where, message] : unknown_keys(c, p, {"en", "de"})) err(where, message);
            step.caption.en = c.value("en", "");
            step.caption.de = c.value("de", "");
        } else
            err(p, "must be a text or {\"en\": …, \"de\": …}");
    }

    void retry(const nlohmann::json& r, const std::string& p, SolutionStep& step) {
        if (!r.is_object()) {
            err(p, "must be an object such as {\"max\": 5}");
            return;
        }
        for (auto& [where, message] : unknown_keys(r, p, {"max", "on", "pause", "no_answer"}))
            err(where, message);
        RetryPolicy policy;
        if (auto m = r.find("max"); m == r.end())
            err(p, "missing \"max\": how many times to try again (1 to 100)");
        else {
            NumberError why;
            if (auto n = integer_in_range(*m, p + "/max", 1, kMaxRetries, why))
                policy.max = static_cast<int>(*n);
            else
                err(p + "/max", fmt::format("must be a whole number from 1 to {}", kMaxRetries));
        }
        if (auto on = r.find("on"); on != r.end()) policy.on = codes(*on, p + "/on", "a result code");
        if (auto v = r.find("pause"); v != r.end())
            if (auto ms = calendar_ms(*v, p + "/pause", 0, kDay, "from \"0s\" to \"1d\"")) policy.pause = *ms;
        if (auto v = r.find("no_answer"); v != r.end())
            if (auto ms = calendar_ms(*v, p + "/no_answer", kSecond, kDay, "from \"1s\" to \"1d\""))
                policy.no_answer = *ms;
        step.retry = std::move(policy);
    }

    void action(const nlohmann::json& j, const std::string& p, SolutionStep& step) {
        Action a;
        std::string why;
        if (action_from_json(j["action"], a, why))
            step.action = std::move(a);
        else
            err(p + "/action", why);
        // A time skip is refused at load when the simulation would refuse it (sim/time.hpp's cap).
        if (step.action)
            for (auto& e : skip_time_errors(*step.action)) err(p + "/action" + e.pointer, e.message);
        if (auto e = j.find("expect"); e != j.end()) {
            if (e->is_string())
                step.expect = e->get<std::string>();
            else if (e->is_array()) {
                step.expect_any = codes(*e, p + "/expect", "\"ok\" or an error code");
                if (!step.expect_any.empty()) step.expect = step.expect_any.front();
            } else
                err(p + "/expect", "must be \"ok\", an error code or a list of them");
        }
        if (auto r = j.find("retry"); r != j.end()) retry(*r, p + "/retry", step);
    }

    void wait(const nlohmann::json& j, const std::string& p, SolutionStep& step) {
        if (validate_condition(j["wait_until"], p + "/wait_until", errors)) step.wait_until = j["wait_until"];
        if (j.contains("max")) {
            std::string why;
            auto d = j["max"].is_string() ? parse_duration(j["max"].get<std::string>(), &why) : std::nullopt;
            if (!d || d->business_days != 0)
                err(p + "/max", why.empty() ? "must be calendar time such as \"30d\"" : why);
            else
                step.max_wait = d->ms;
        }
    }

    void branch(const nlohmann::json& j, const std::string& p, int depth, SolutionStep& step) {
        step.if_result = codes(j["if_result"], p + "/if_result", "\"ok\" or an error code");
        if (depth >= kMaxBranchDepth) {
            err(p, fmt::format("branches nest at most {} deep (\"if_result\" inside \"then\"/\"else\")",
                               kMaxBranchDepth));
            return;
        }
        if (!j.contains("then") && !j.contains("else"))
            err(p, "a branch needs \"then\", \"else\" or both (lists of steps)");
        if (auto t = j.find("then"); t != j.end()) step.then_steps = list(*t, p + "/then", depth + 1);
        if (auto e = j.find("else"); e != j.end()) step.else_steps = list(*e, p + "/else", depth + 1);
    }

    // The keys that belong to another kind of step.
    void misplaced(const nlohmann::json& j, const std::string& p) {
        static const std::vector<std::pair<const char*, const char*>> kOwner = {{"expect", "action"},
                                                                                {"retry", "action"},
                                                                                {"max", "wait_until"},
                                                                                {"then", "if_result"},
                                                                                {"else", "if_result"}};
        for (const auto& [key, owner] : kOwner)
            if (j.contains(key) && !j.contains(owner))
                err(p + "/" + key, fmt::format("\"{}\" belongs to a step with \"{}\"", key, owner));
    }

    bool step(const nlohmann::json& j, const std::string& p, int depth, SolutionStep& out) {
        if (!j.is_object()) {
            err(p, "a step must be an object");
            return false;
        }
        for (auto& [where, message] : unknown_keys(j, p, kSolStepKeys)) err(where, message);
        if (auto c = j.find("caption"); c != j.end()) caption(*c, p + "/caption", out);
        const int kinds = int(j.contains("action")) + int(j.contains("advance")) +
                          int(j.contains("wait_until")) + int(j.contains("if_result"));
        if (kinds != 1)
            err(p, "a step needs exactly one of \"action\", \"advance\", \"wait_until\" or \"if_result\"");
        misplaced(j, p);
        if (j.contains("action")) action(j, p, out);
        if (j.contains("advance")) {
            std::string why;
            if (!j["advance"].is_string())
                err(p + "/advance", "must be a duration such as \"5 business days\"");
            else if (auto d = parse_duration(j["advance"].get<std::string>(), &why))
                out.advance = *d;
            else
                err(p + "/advance", why);
        }
        if (j.contains("wait_until")) wait(j, p, out);
        if (j.contains("if_result")) branch(j, p, depth, out);
        return true;
    }

    std::vector<SolutionStep> list(const nlohmann::json& arr, const std::string& p, int depth) {
        std::vector<SolutionStep> steps;
        if (!arr.is_array()) {
            err(p, "must be an array of steps");
            return steps;
        }
        for (std::size_t i = 0; i < arr.size(); ++i) {
            SolutionStep s;
            if (step(arr[i], fmt::format("{}/{}", p, i), depth, s)) steps.push_back(std::move(s));
        }
        return steps;
    }
};

}  // namespace

bool SolutionStep::accepts(const std::string& code) const {
    if (expect_any.empty()) return code == expect;
    return std::find(expect_any.begin(), expect_any.end(), code) != expect_any.end();
}

Solution solution_from_scenario(const nlohmann::json& root, std::vector<ConditionError>& errors) {
    Solution sol;
    auto it = root.find("solution");
    if (it == root.end()) return sol;
    SolStepReader reader{errors};
    sol.steps = reader.list(*it, "/solution", 0);
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

    void catalog_args(const nlohmann::json& action, const std::string& p,
                      const std::vector<std::string>& expect) {
        if (refs.catalog == nullptr) return;
        auto expects = [&](const char* code) {
            return std::find(expect.begin(), expect.end(), code) != expect.end();
        };
        const bool product_by_design =
            expects("billing.unknown_product") || expects("licences.unknown_product");
        if (auto it = action.find("sku"); it != action.end() && !product_by_design) sku(*it, p + "/sku");
        if (auto it = action.find("licences"); it != action.end() && it->is_array() && !product_by_design)
            for (std::size_t k = 0; k < it->size(); ++k) sku((*it)[k], fmt::format("{}/licences/{}", p, k));
        if (auto it = action.find("offer"); it != action.end() && it->is_string() &&
                                            !expects("portal.unknown_offer") &&
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

    // The result codes at `key` of `j` (a code or a list of codes); returns them.
    std::vector<std::string> codes(const nlohmann::json& j, const char* key, const std::string& p) {
        std::vector<std::string> out;
        const auto v = j.find(key);
        if (v == j.end()) return out;
        auto one = [&](const nlohmann::json& c, const std::string& where) {
            if (!c.is_string()) return;
            out.push_back(c.get<std::string>());
            if (std::find(refs.codes.begin(), refs.codes.end(), out.back()) == refs.codes.end())
                error(where, solution_unknown("result code", out.back(), refs.codes));
        };
        if (v->is_array())
            for (std::size_t k = 0; k < v->size(); ++k) one((*v)[k], fmt::format("{}/{}/{}", p, key, k));
        else
            one(*v, p + "/" + key);
        return out;
    }

    void step(const nlohmann::json& j, const std::string& p, int depth) {
        std::vector<std::string> expect = codes(j, "expect", p);
        if (expect.empty()) expect.push_back("ok");
        if (auto r = j.find("retry"); r != j.end() && r->is_object()) codes(*r, "on", p + "/retry");
        codes(j, "if_result", p);
        for (const char* branch : {"then", "else"}) {
            const auto list = j.find(branch);
            if (list == j.end() || !list->is_array() || depth >= kMaxBranchDepth) continue;
            for (std::size_t i = 0; i < list->size(); ++i)
                if ((*list)[i].is_object())
                    step((*list)[i], fmt::format("{}/{}/{}", p, branch, i), depth + 1);
        }
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
        if ((*it)[i].is_object()) c.step((*it)[i], fmt::format("/solution/{}", i), 0);
}

// [SECTION] The player

SolutionPlayer::SolutionPlayer(const Solution& s) {
    frames_.push_back(Frame{&s.steps, 0, ""});
    settle();
    if (!current()) state_ = State::Done;
}

void SolutionPlayer::settle() {
    for (;;) {
        Frame& f = frames_.back();
        if (f.index >= f.steps->size()) {
            if (frames_.size() == 1) return;
            frames_.pop_back();
            ++frames_.back().index;
            continue;
        }
        const SolutionStep& step = (*f.steps)[f.index];
        if (!step.is_branch()) return;
        const bool taken =
            std::find(step.if_result.begin(), step.if_result.end(), last_code_) != step.if_result.end();
        frames_.push_back(Frame{taken ? &step.then_steps : &step.else_steps, 0, taken ? "then" : "else"});
    }
}

const SolutionStep* SolutionPlayer::current() const {
    const Frame& f = frames_.back();
    return f.index < f.steps->size() ? &(*f.steps)[f.index] : nullptr;
}

std::string SolutionPlayer::step_path() const {
    std::string out;
    for (const Frame& f : frames_) {
        if (*f.branch != '\0') out += fmt::format(" > {} ", f.branch);
        out += std::to_string(f.index + 1);
    }
    return out;
}

void SolutionPlayer::finish_step() {
    ++frames_.back().index;
    settle();
    state_ = current() ? State::Ready : State::Done;
}

void SolutionPlayer::fail(std::string message) {
    failure_ = std::move(message);
    state_ = State::Failed;
}

namespace {

// A solution can't know the seeded secrets: "{temporary_password}" in "password" (the temporary password
// the admin center showed the account last) and "{mfa_code}" in "code" (the code the account's
// Authenticator shows now) are filled in at submit time, before redaction (docs/reference/solution-steps.md).
Action sol_fill_secrets(const Simulation& sim, const Action& action) {
    if (!action.args.is_object()) return action;
    Action out = action;
    const std::string account = action.args.value("account", action.actor);
    auto placeholder = [&](const char* key, const char* text) {
        const auto it = out.args.find(key);
        return it != out.args.end() && it->is_string() && it->get<std::string>() == text;
    };
    if (placeholder("password", "{temporary_password}"))
        out.args["password"] =
            temporary_password(sim.seed(), account, temporary_password_generation(sim.world(), account));
    if (placeholder("code", "{mfa_code}"))
        out.args["code"] = current_mfa_code(sim.world(), sim.seed(), account);
    return out;
}

}  // namespace

void SolutionPlayer::submit(Simulation& sim, const Action& action) {
    handle_ = sim.submit(sol_fill_secrets(sim, action));
    submitted_at_ = sim.now();
    pausing_ = false;
    ++attempt_;
    ++submissions_;
}

void SolutionPlayer::begin_step(Simulation& sim) {
    if (state_ != State::Ready) return;
    const SolutionStep* step = current();
    if (!step) {
        state_ = State::Done;
        return;
    }
    state_ = State::Running;
    attempt_ = 0;
    codes_.clear();
    pausing_ = false;
    if (step->action)
        submit(sim, *step->action);
    else if (step->advance)
        target_ = apply_duration(sim.calendar(), sim.now(), *step->advance);
    else
        target_ = sim.now() + step->max_wait;
}

std::string SolutionPlayer::attempts_text() const {
    std::string out;
    for (std::size_t i = 0; i < codes_.size(); ++i)
        out += fmt::format("{}{} \"{}\"", i == 0 ? "" : ", ", i + 1, codes_[i]);
    return out;
}

namespace {

// The Retry-After an answer names ("retry_after_seconds", rounded up to the millisecond), else `fallback`.
SimTime sol_retry_after(const nlohmann::json& params, SimTime fallback) {
    const auto ra = params.find("retry_after_seconds");
    if (ra == params.end() || !ra->is_number()) return fallback;
    const double seconds = ra->get<double>();
    if (!(seconds > 0.0)) return 0;
    return static_cast<SimTime>(std::ceil(std::min(seconds, 1e9) * 1000.0));
}

// The service holds this call without an answer until the person tries again (a "hang" fault).
bool sol_hung(const Simulation& sim, ActionHandle h) {
    const auto p = sim.pending_actions().find(h);
    return p != sim.pending_actions().end() && p->second.hung;
}

std::string sol_expected_text(const SolutionStep& step) {
    if (step.expect_any.size() <= 1) return fmt::format("\"{}\"", step.expect);
    std::string out = "one of";
    for (std::size_t i = 0; i < step.expect_any.size(); ++i)
        out += fmt::format("{} \"{}\"", i == 0 ? "" : ",", step.expect_any[i]);
    return out;
}

}  // namespace

// After an answer (or none) that the step does not accept: try again when the policy allows, else fail.
void SolutionPlayer::retry_or_fail(Simulation& sim, const SolutionStep& step, const std::string& code,
                                   SimTime wait) {
    const std::string where = fmt::format("step {} ({})", step_path(), step.action->type);
    const bool retried =
        step.retry && std::find(step.retry->on.begin(), step.retry->on.end(), code) != step.retry->on.end();
    if (!step.retry) {
        fail(fmt::format("{}: expected {}, got \"{}\"", where, sol_expected_text(step), codes_.back()));
    } else if (!retried) {
        fail(fmt::format("{}: expected {}; attempts: {} — \"{}\" is not retried", where,
                         sol_expected_text(step), attempts_text(), code));
    } else if (attempt_ > step.retry->max) {
        fail(fmt::format("{}: expected {}; attempts: {} — the retries ran out (retry max {})", where,
                         sol_expected_text(step), attempts_text(), step.retry->max));
    } else {
        pausing_ = true;
        target_ = add_saturating(sim.now(), wait);
    }
}

void SolutionPlayer::poll_action(Simulation& sim, const SolutionStep& step) {
    if (pausing_) {
        if (sim.now() >= target_) submit(sim, *step.action);
        return;
    }
    const auto r = sim.result(handle_);
    if (!r) {
        // No answer: a hang. Submitting the same operation again ends the hung one (action.timed_out). A
        // call that is only slow (its answer is scheduled) is waited for: sending it twice would do it twice.
        if (step.retry && sol_hung(sim, handle_) &&
            sim.now() >= add_saturating(submitted_at_, step.retry->no_answer)) {
            codes_.push_back(
                fmt::format("no answer within {}", format_duration(Duration{step.retry->no_answer, 0})));
            retry_or_fail(sim, step, "action.timed_out", 0);
        }
        return;
    }
    last_code_ = r->code;
    codes_.push_back(r->code);
    if (step.accepts(r->code)) {
        finish_step();
        return;
    }
    // Retry-After counts from the answer: the player sees it now, so waiting from now is never early.
    retry_or_fail(sim, step, r->code, sol_retry_after(r->params, step.retry ? step.retry->pause : 0));
}

SolutionPlayer::State SolutionPlayer::poll(Simulation& sim) {
    if (state_ != State::Running) return state_;
    const SolutionStep& step = *current();
    if (step.action) {
        poll_action(sim, step);
    } else if (step.advance) {
        if (sim.now() >= target_) finish_step();
    } else {
        if (evaluate_condition(step.wait_until, sim))
            finish_step();
        else if (sim.now() >= target_)
            fail(fmt::format("step {}: the condition did not hold within {}", step_path(),
                             format_duration(Duration{step.max_wait, 0})));
    }
    return state_;
}

void SolutionPlayer::advance_running_step(Simulation& sim) {
    if (state_ != State::Running) return;
    const SolutionStep& step = *current();
    const auto next = sim.next_event_time();
    if (step.action && !pausing_) {
        // Waiting for the answer; with a retry policy, never past the moment a hang is given up.
        if (!step.retry || !sol_hung(sim, handle_)) {
            run_next_event(sim);
            return;
        }
        const SimTime deadline = add_saturating(submitted_at_, step.retry->no_answer);
        if (next && *next <= deadline)
            run_next_event(sim);
        else if (sim.now() < deadline)
            sim.run_until(deadline);
        return;
    }
    if (!step.action && !step.advance) {
        if (next && *next <= target_)
            run_next_event(sim);
        else
            sim.run_until(target_);
        return;
    }
    // advance, or the pause between two attempts: process events on the way so the tracker sees each state
    sim.run_until(next && *next < target_ ? *next : target_);
}

namespace {

// Plays `player` on `sim` until it is done or failed; after_action runs after every submission. False when
// it stopped for no progress (run.failure says so).
bool sol_drive(SolutionPlayer& player, Simulation& sim, AssessmentTracker* tracker,
               const std::function<void(Simulation&)>& after_action, SolutionRun& run) {
    int guard = 0;
    std::size_t saved = 0;  // submissions already handed to after_action
    auto after = [&] {
        if (after_action && player.submissions() > saved) after_action(sim);
        saved = player.submissions();
    };
    while (player.state() != SolutionPlayer::State::Done && player.state() != SolutionPlayer::State::Failed) {
        if (player.state() == SolutionPlayer::State::Ready) {
            player.begin_step(sim);
            after();
        }
        const SolutionPlayer::State polled = player.poll(sim);
        after();  // a retry is submitted from poll
        if (polled == SolutionPlayer::State::Running) {
            const SimTime before = sim.now();
            const auto next = sim.next_event_time();
            player.advance_running_step(sim);
            if (sim.now() == before && next == sim.next_event_time() &&
                player.poll(sim) == SolutionPlayer::State::Running && ++guard > 1000) {
                run.failure =
                    fmt::format("step {}: no progress (the action never answered)", player.step_path());
                return false;
            }
            after();
        }
        if (tracker) tracker->update(sim);
    }
    return true;
}

SolutionRun sol_finish(const SolutionPlayer& player, Simulation& sim, AssessmentTracker* tracker,
                       SolutionRun run, bool progressed) {
    run.steps_played = player.step_index();
    if (!progressed) return run;
    if (tracker) tracker->update(sim);
    run.ok = player.state() == SolutionPlayer::State::Done;
    run.failure = player.failure();
    return run;
}

}  // namespace

SolutionRun play_solution(const Solution& solution, Simulation& sim, AssessmentTracker* tracker,
                          const std::function<void(Simulation&)>& after_action) {
    SolutionPlayer player(solution);
    SolutionRun run;
    if (tracker) tracker->update(sim);
    const bool progressed = sol_drive(player, sim, tracker, after_action, run);
    return sol_finish(player, sim, tracker, std::move(run), progressed);
}

}  // namespace sim
