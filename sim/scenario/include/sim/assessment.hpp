// sim/assessment.hpp — objectives, penalties and the score: declarative checks over the world and over
// what happened.
//
// A condition is a small JSON object, no scripting language:
//   {"all": [c, …]}  {"any": [c, …]}  {"not": c}
//   {"portal_status": "approved"}                 or ["approved", "reverify_required"]
//   {"tenant_exists": true}
//   {"subscription": {"sku": "SKU", "min_quantity": 10}}        active subscriptions of SKU, seats summed
//   {"licensed": {"sku": "SKU", "min_people": 1, "state": "active", "upn": "…"}}   state: active | any
//   {"person": {"upn": "…", "exists": true, "usage_location": "DE", "role": "global_admin",
//               "sign_in_blocked": false, "kind": "volunteer"}}
//   {"office_desktop": "upn"}                     My Account offers the desktop install to upn
//   {"office_desktop_people": 3}                  at least 3 people are offered the desktop install
//   {"no_compliance_violations": true}            no open violation
//   {"mail": {"to": "upn", "subject_key": "mail.approved.subject"}}
//   {"payment_method": true}                      the billing account has a payment method
//   {"billing_account": "cleared"}                its review status: not_reviewed, under_review, cleared
//   {"domain_status": {"domain": "verein.de", "status": "healthy", "default": true}}   Settings > Domains
//   {"dns_record": {"domain": "verein.de", "host": "@", "record_type": "TXT", "value": "MS=ms*",
//                   "present": true, "published": true, "visible": true}}   a record at the DNS host
//   {"mailbox": {"address": "info@verein.de", "kind": "shared"}}   kind: user | shared (default: either)
// Conditions over what happened read the journal (results, events, faults); operation, code, kind and
// actor are globs (* and ?), a result's code is "ok" or its error code, counts are 0 … 1,000,000:
//   {"result": {"operation": "licences.*", "code": "throttled", "actor": "…", "at_least": 1, "at_most": 3}}
//        how many results of those operations with that code (default "*") arrived; at_least defaults to
//        1, or to 0 beside at_most
//   {"event": {"kind": "portal.verification_finished", "data": {…}, "at_least": 1, "at_most": 2}}
//                                                 a background event (data: a subset of its data) happened
//   {"early_retries": {"operation": "licences.*", "at_most": 0}}   retries before Retry-After (fault
//                                                 entries with early_retry); at_least defaults to 0
//   {"before": [A, B]}                            A's first occurrence is earlier than B's first; false while
//                                                 either has not happened (A, B: happenings, below)
//   {"within": {"from": A, "to": B, "max": "3 business days"}}    the first B after A's first
//        occurrence came within max on the scenario's calendar; false until then
//   {"last_result": {"operation": "billing.*", "error": "ok"}}   the latest result of an operation (glob)
//                                                 was ok, or failed with that error code
// A happening is {"result": {"operation", "code", "actor"}} or {"event": {"kind", "data"}}, without counts.
// An objective is met the first moment its condition holds, so a limit ("at_most") belongs beside the goal
// it is about: {"all": [goal, {"early_retries": {"at_most": 0}}]}. docs/reference/conditions.md has them all.
// The same conditions serve objectives, a solution's "wait_until" and a session's observations.
// Objectives carry a weight, feedback for met / not met and progressive hints. Penalties subtract
// points: compliance violations, buying listed paid SKUs where a free one was available, retrying
// before Retry-After, and failed actions of listed operations (e.g. wrong portal answers).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/simulation.hpp"
#include "sim/text.hpp"

namespace sim {

struct ConditionError {
    std::string pointer;
    std::string message;
};
// Checks a condition's form; errors get `pointer` as prefix.
bool validate_condition(const nlohmann::json& c, const std::string& pointer,
                        std::vector<ConditionError>& errors);
bool evaluate_condition(const nlohmann::json& c, const Simulation& s);
// What conditions over what happened have read of a journal so far: with one, an evaluation reads only
// the entries added since the last (AssessmentTracker keeps one; nullptr: read from the start).
struct HistoryMemo;
bool evaluate_condition(const nlohmann::json& c, const Simulation& s, HistoryMemo* memo);

// Calls `visit` with every condition of a scenario document and its JSON pointer: each objective's
// condition and the reference solution's "wait_until" conditions, the parts of "all", "any" and "not"
// included. Parts that are not objects are skipped (validate_condition reports them).
void for_each_condition(
    const nlohmann::json& root,
    const std::function<void(const nlohmann::json& c, const std::string& pointer)>& visit);

// What the references of conditions and penalties are resolved against (npsim-cli check).
struct ConditionReferences {
    std::vector<std::string> skus;  // the catalog's SKUs; empty: SKUs are not checked
    std::string edition;            // the catalog's edition (named in the message)
    std::vector<std::string>
        codes;  // result codes "last_result" and "result" may name (known_result_codes); empty: not checked
    std::vector<std::string> events;      // background event kinds (Registry::events); empty: not checked
    std::vector<std::string> operations;  // operation names (Registry::actions); empty: not checked
};
// The SKUs of "subscription" and "licensed" conditions and of penalties.paid_where_free.skus; the "error"
// of "last_result" and the "code" of "result" (when not a glob); the "kind" of "event"; the "operation" of
// "result", "early_retries" and "last_result" (a glob must match one). Happenings inside "before" and
// "within" included. Each error with its pointer and a "did you mean".
void check_condition_references(const nlohmann::json& root, const ConditionReferences& refs,
                                std::vector<ConditionError>& errors);

struct Objective {
    std::string id;
    LocalText title;
    int weight = 1;
    nlohmann::json condition;
    LocalText feedback_met, feedback_not_met;
    std::vector<LocalText> hints;  // progressive: shown one after another
};

struct FailedActionPenalty {
    std::string operation;  // glob
    int points = 0;
};

struct Penalties {
    int compliance_violation = 10;  // per violation ever recorded
    int early_retry = 5;            // per retry before Retry-After
    int paid_where_free = 10;       // per subscription of a listed paid SKU
    std::vector<std::string> paid_where_free_skus;
    std::vector<FailedActionPenalty> failed_actions;  // per failed action of that operation
};

struct Assessment {
    std::vector<Objective> objectives;
    bool ordered = false;  // ordered: an objective counts only once the ones before it are met
    Penalties penalties;
};

// Whether a condition reads what happened (result, event, early_retries, before, within, last_result,
// also inside all / any / not), or any objective of an assessment does. A scenario saved in the middle
// of a run (sim/snapshot.hpp) starts a new journal: such objectives count only what happens after it.
bool reads_history(const nlohmann::json& condition);
bool reads_history(const Assessment& a);

// Parses "objectives" and "penalties" of a scenario document.
Assessment assessment_from_scenario(const nlohmann::json& root, std::vector<ConditionError>& errors);

struct ObjectiveResult {
    std::string id;
    bool met = false;
    SimTime met_at = -1;
    int weight = 0;
};

struct PenaltyItem {
    std::string reason;  // "compliance_violation", "early_retry", "paid_where_free", "failed_action"
    std::string detail;  // e.g. the operation or SKU
    int count = 0;
    int points = 0;  // total points subtracted
};

struct ScoreReport {
    std::vector<ObjectiveResult> objectives;
    std::vector<PenaltyItem> penalties;
    int earned_weight = 0, total_weight = 0;
    int score = 0;  // 0–100: earned share of the weights, minus penalties, never below 0
    bool all_met = false;
};

// Follows a run: call update() after the simulation advanced; it records when each objective was
// first met (in order, for ordered assessments). A pure function of the simulation's history; it
// evaluates only when the journal changed since the last update.
class AssessmentTracker {
public:
    explicit AssessmentTracker(const Assessment& a) : assessment_(&a), met_at_(a.objectives.size(), -1) {}
    void update(const Simulation& s);
    ScoreReport report(const Simulation& s) const;
    bool is_met(std::size_t i) const { return met_at_[i] >= 0; }
    // The next objective to work on (ordered: the first unmet; free: the first unmet in the list).
    std::optional<std::size_t> current() const;

private:
    const Assessment* assessment_;
    std::vector<SimTime> met_at_;
    // The journal at the last update: the world changes only through journaled actions, results and
    // events, so while the journal is the same no condition can change (the app updates every frame).
    bool checked_ = false;
    std::size_t checked_size_ = 0;
    std::uint64_t checked_hash_ = 0;
    std::shared_ptr<HistoryMemo> memo_;  // conditions over what happened read each entry once
};

nlohmann::json to_json(const ScoreReport& r, const Assessment& a, const std::string& lang);

}  // namespace sim
