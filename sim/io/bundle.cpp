// sim/bundle.cpp — making, saving, loading, replaying and verifying repro bundles (session files).
//
// [SECTION] Making and writing
// [SECTION] Reading
// [SECTION] Summaries
// [SECTION] Replay and verification
#include "sim/bundle.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/assessment.hpp"
#include "sim/data_files.hpp"
#include "sim/faults.hpp"
#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"
#include "sim/run.hpp"
#include "sim/shape.hpp"
#include "sim/version.hpp"

namespace sim {

namespace {

// The fields of a session file in the order docs/sessions.md lists (and bundle_text writes) them: how
// each is checked, read and written. The words are the ones the session-file messages always used.
const auto kBundleShape = Shape<ReproBundle>("", TypeWords::MustBe)
                              .known("npsim_bundle", FieldType::Integer)
                              .string("app", &ReproBundle::app)
                              .string("version", &ReproBundle::version)
                              .wrong_type("must be a text")
                              .string("note", &ReproBundle::note)
                              .wrong_type("must be a text")
                              .string("scenario_id", &ReproBundle::scenario_id)
                              .wrong_type("must be a text")
                              .string("scenario_hash", &ReproBundle::scenario_hash)
                              .wrong_type("must be a text")
                              .unsigned_integer("seed", &ReproBundle::seed)
                              .wrong_type("must be a non-negative integer")
                              .integer("end_ms", &ReproBundle::end_time, 0, kSimTimeMax)
                              .wrong_type("must be the sim time in ms at which the run ended")
                              .known("actions", FieldType::Array)
                              .wrong_type("must be an array")
                              .known("journal", FieldType::Array)
                              .wrong_type("must be an array")
                              .string("journal_hash", &ReproBundle::journal_hash)
                              .wrong_type("must be a text")
                              .string("state_hash", &ReproBundle::state_hash)
                              .wrong_type("must be a text")
                              .known("observations", FieldType::Array)
                              .wrong_type("must be an array")
                              .json("scenario", &ReproBundle::scenario, FieldType::Object)
                              .wrong_type("must be the scenario document")
                              .known("session");

const auto kObservationShape = Shape<Observation>("", TypeWords::MustBe)
                                   .string("id", &Observation::id)
                                   .string("label", &Observation::label)
                                   .integer("t", &Observation::time, 0, kSimTimeMax)
                                   .integer("after_actions", &Observation::after_actions, 0, kSimTimeMax)
                                   .json("condition", &Observation::condition);

}  // namespace

// [SECTION] Making and writing

nlohmann::json scenario_for_bundle(const nlohmann::json& scenario_document) {
    nlohmann::json doc = scenario_document;
    // The instructor console's PIN is a lock on this machine, not part of the run: left out entirely.
    if (auto in = doc.is_object() ? doc.find("instructor") : doc.end(); in != doc.end() && in->is_object()) {
        in->erase("pin");
        if (in->empty()) doc.erase("instructor");
    }
    // Every other password-like key (the reference solution's "password", a "new_password", a nested
    // "credentials": {"Password"}, …) keeps its place with the value kPasswordNotStored.
    redact_secret_keys(doc);
    return doc;
}

ReproBundle make_bundle(const Scenario& scenario, const Simulation& sim, std::string note) {
    ReproBundle b;
    b.scenario = scenario_for_bundle(scenario.source);
    b.scenario_id = scenario.id;
    b.scenario_hash = hex64(hash_json(b.scenario));
    b.seed = sim.seed();
    b.end_time = sim.now();
    for (const auto& e : sim.journal().entries()) {
        if (e.kind != "action") continue;
        Action a;
        std::string error;
        if (action_from_json(e.body.value("action", nlohmann::json::object()), a, error))
            b.actions.push_back({e.time, a});
    }
    b.journal = sim.journal().entries();
    b.journal_hash = hex64(sim.journal().hash());
    b.state_hash = hex64(sim.state_hash());
    b.version = version();
    b.note = std::move(note);
    return b;
}

nlohmann::json to_json(const ReproBundle& b) {
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : b.actions) actions.push_back({{"t", a.time}, {"action", to_json(a.action)}});
    nlohmann::json journal = nlohmann::json::array();
    for (const auto& e : b.journal) journal.push_back(to_json(e));
    nlohmann::json observations = nlohmann::json::array();
    for (const auto& o : b.observations) {
        observations.push_back(nlohmann::json::object());
        kObservationShape.write(o, observations.back());
    }
    nlohmann::json out = {{"npsim_bundle", kBundleFormat},
                          {"actions", actions},
                          {"journal", journal},
                          {"observations", observations}};
    kBundleShape.write(b, out);
    return out;
}

std::string bundle_text(const nlohmann::json& document) {
    if (!document.is_object()) return document.dump() + "\n";
    // The order of docs/sessions.md; the long arrays get one element per line.
    std::vector<std::string> keys = kBundleShape.names();
    for (const auto& [key, value] : document.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    std::string out = "{";
    bool first = true;
    for (const auto& key : keys) {
        const auto it = document.find(key);
        if (it == document.end()) continue;
        out += first ? "\n" : ",\n";
        first = false;
        out += fmt::format(" {}: ", nlohmann::json(key).dump());
        if (it->is_array() && !it->empty()) {
            out += "[";
            for (std::size_t i = 0; i < it->size(); ++i) out += (i ? ",\n  " : "\n  ") + (*it)[i].dump();
            out += "\n ]";
        } else {
            out += it->dump();
        }
    }
    out += "\n}\n";
    return out;
}

bool save_bundle(const std::string& path, const ReproBundle& b, std::string* error) {
    return write_file_atomically(path, bundle_text(to_json(b)), error);
}

// [SECTION] Reading

namespace {

// "line 3, column 14" of a byte offset (1-based, as nlohmann reports it).
std::string line_and_column(const std::string& text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return fmt::format("line {}, column {}", line, column);
}

bool parse_observation(const nlohmann::json& o, std::size_t i, const ReproBundle& b, Observation& out,
                       std::string& error) {
    const std::string p = fmt::format("/observations/{}", i);
    auto fail = [&](const std::string& where, const std::string& what) {
        error = fmt::format("{}{}: {}", p, where, what);
        return false;
    };
    if (!o.is_object())
        return fail("", "an observation is {\"id\", \"label\", \"t\", \"after_actions\", \"condition\"}");
    if (o.contains("id") && !o["id"].is_string()) return fail("/id", "must be a text such as \"obs-1\"");
    out.id = o.value("id", fmt::format("obs-{}", i + 1));
    if (!o.contains("label") || !o["label"].is_string() || o["label"].get<std::string>().empty())
        return fail("/label", "must say in words what the tester expects");
    out.label = o["label"].get<std::string>();
    NumberError why;
    const std::optional<std::int64_t> t =
        o.contains("t") ? integer_in_range(o["t"], "/t", 0, kSimTimeMax, why) : std::nullopt;
    if (!t)
        return fail("/t", "must be the sim time in ms at which it is checked" +
                              (why.message.empty() ? "" : " (" + why.message + ")"));
    out.time = *t;
    if (!o.contains("after_actions") || !o["after_actions"].is_number_unsigned())
        return fail("/after_actions", "must be the number of actions submitted before it is checked");
    out.after_actions = o["after_actions"].get<std::size_t>();
    if (out.after_actions > b.actions.size())
        return fail("/after_actions", fmt::format("is {}, but the bundle has only {} actions",
                                                  out.after_actions, b.actions.size()));
    // The check runs the clock to t in the middle of the replay: t must lie between its neighbours.
    if (out.after_actions > 0 && out.time < b.actions[out.after_actions - 1].time)
        return fail("/t", fmt::format("{} ms is before action {} (t={} ms) that it follows", out.time,
                                      out.after_actions - 1, b.actions[out.after_actions - 1].time));
    if (out.after_actions < b.actions.size() && out.time > b.actions[out.after_actions].time)
        return fail("/t", fmt::format("{} ms is after action {} (t={} ms) that follows it", out.time,
                                      out.after_actions, b.actions[out.after_actions].time));
    if (out.after_actions == b.actions.size() && out.time > b.end_time)
        return fail("/t", fmt::format("{} ms is after the end of the run ({} ms)", out.time, b.end_time));
    if (!o.contains("condition"))
        return fail("/condition", "is missing: what must hold, e.g. {\"last_result\": {…}}");
    out.condition = o["condition"];
    std::vector<ConditionError> errors;
    if (!validate_condition(out.condition, p + "/condition", errors)) {
        error = errors.empty() ? p + "/condition: not a condition"
                               : errors.front().pointer + ": " + errors.front().message;
        return false;
    }
    return true;
}

}  // namespace

namespace {

// Why `text` is not JSON the session reader takes, in the words docs/sessions.md shows.
std::string parse_failure(const std::string& text, const JsonInputError& parse_error) {
    const std::size_t byte = parse_error.byte;
    // Nothing but white space after the break: the file ends in the middle of the data.
    const bool at_end = byte >= text.size() ||
                        text.find_first_not_of(" \t\r\n", byte > 0 ? byte - 1 : 0) == std::string::npos;
    if (!parse_error.syntax)
        return fmt::format("line {}, column {}: {}", parse_error.line, parse_error.column,
                           parse_error.message);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return "the file is empty (not valid JSON at byte 0)";
    if (at_end)
        return fmt::format(
            "not valid JSON at byte {} — the file looks truncated (it ends in the middle of the data)", byte);
    return fmt::format("not valid JSON at byte {} ({})", byte, line_and_column(text, byte));
}

// The format number and the fields every session file has: "" when they are right, else the first
// thing wrong, as "/key: message".
std::string header_error(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("npsim_bundle")) {
        if (j.is_object() && j.contains("schema_version") && j.contains("objectives"))
            return "/: this is a scenario file, not a session or repro bundle (record one with "
                   "`npsim-cli run SCENARIO --session OUT.npsim.json`)";
        return "/: not an npsim repro bundle (no \"npsim_bundle\" key)";
    }
    const nlohmann::json& format = j["npsim_bundle"];
    if (!format.is_number_integer())
        return fmt::format("/npsim_bundle: must be the format number ({} to {}), not {}", kOldestBundleFormat,
                           kBundleFormat, format.dump());
    const auto format_number = format.get<std::int64_t>();
    if (format_number < kOldestBundleFormat || format_number > kBundleFormat)
        return fmt::format(
            "/npsim_bundle: format {} is not supported (this npsim {} reads formats {} to {}){}",
            format_number, version(), kOldestBundleFormat, kBundleFormat,
            format_number > kBundleFormat ? "; it was written by a newer npsim" : "");
    if (j.contains("app") && j["app"] != "npsim") return "/app: this file was not written by npsim";
    auto words = [](const char* key) { return kBundleShape.find(key)->wrong_type; };
    // The seed is any whole number a JSON parser keeps unsigned (not 1.0, not -1).
    if (!j.contains("scenario") || !j["scenario"].is_object()) return "/scenario: " + words("scenario");
    if (!j.contains("seed") || !j["seed"].is_number_unsigned()) return "/seed: " + words("seed");
    for (const char* key : {"end_ms", "actions", "scenario_id", "scenario_hash", "journal_hash", "state_hash",
                            "version", "note", "journal", "observations"}) {
        const bool required = std::string(key) == "end_ms" || std::string(key) == "actions";
        if (!j.contains(key)) {
            if (required) return std::string("/") + key + ": " + words(key);
            continue;
        }
        FieldValue v;
        ShapeErrors errors;
        if (!kBundleShape.value(j, key, "", v, errors))
            return errors.empty() ? std::string("/") + key + ": " + words(key) : errors.front().text();
    }
    return "";
}

// The recorded actions, each with its sim time: from 0 to the end of time (sim/time.hpp), and in order.
bool read_actions(const nlohmann::json& actions, ReproBundle& b, std::string& error) {
    SimTime last = 0;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto& a = actions[i];
        RecordedAction r;
        std::string why;
        NumberError t_error;
        const std::optional<std::int64_t> t =
            a.is_object() && a.contains("t")
                ? integer_in_range(a["t"], fmt::format("/actions/{}/t", i), 0, kSimTimeMax, t_error)
                : std::nullopt;
        if (!t) {
            error = fmt::format("/actions/{}/t: must be the sim time in ms{}", i,
                                t_error.message.empty() ? "" : " (" + t_error.message + ")");
            return false;
        }
        r.time = *t;
        if (r.time < last) {
            error = fmt::format("/actions/{}/t: actions must be in time order", i);
            return false;
        }
        last = r.time;
        if (!action_from_json(a.value("action", nlohmann::json()), r.action, why)) {
            error = fmt::format("/actions/{}/action: {}", i, why);
            return false;
        }
        b.actions.push_back(std::move(r));
    }
    return true;
}

bool read_journal(const nlohmann::json& journal, ReproBundle& b, std::string& error) {
    for (std::size_t i = 0; i < journal.size(); ++i) {
        JournalEntry e;
        std::string why;
        if (!journal_entry_from_json(journal[i], e, why)) {
            error = !why.empty() && why[0] == '/' ? fmt::format("/journal/{}{}", i, why)
                                                  : fmt::format("/journal/{}: {}", i, why);
            return false;
        }
        if (!b.journal.empty() && e.time < b.journal.back().time) {
            error = fmt::format(
                "/journal/{}/t: {} ms is before the entry above it ({} ms); a journal is in time order", i,
                e.time, b.journal.back().time);
            return false;
        }
        b.journal.push_back(std::move(e));
    }
    return true;
}

bool read_observations(const nlohmann::json& observations, ReproBundle& b, std::string& error) {
    for (std::size_t i = 0; i < observations.size(); ++i) {
        Observation o;
        if (!parse_observation(observations[i], i, b, o, error)) return false;
        for (const auto& earlier : b.observations)
            if (earlier.id == o.id) {
                error = fmt::format("/observations/{}/id: \"{}\" is used twice", i, o.id);
                return false;
            }
        b.observations.push_back(std::move(o));
    }
    return true;
}

}  // namespace

bool bundle_from_text(const std::string& text, ReproBundle& out, std::string& error,
                      nlohmann::json* document) {
    JsonInputError parse_error;
    std::optional<nlohmann::json> parsed = parse_json_checked(text, InputKind::Session, parse_error);
    if (!parsed) {
        error = parse_failure(text, parse_error);
        return false;
    }
    nlohmann::json j = std::move(*parsed);
    if (std::string wrong = header_error(j); !wrong.empty()) {
        error = wrong;
        return false;
    }

    ReproBundle b;
    ShapeErrors none;  // header_error checked every field read here
    kBundleShape.read(j, "", b, none);
    if (!b.scenario_hash.empty()) {
        const std::string actual = hex64(hash_json(b.scenario));
        if (actual != b.scenario_hash) {
            error = fmt::format(
                "/scenario_hash: the embedded scenario was edited (it hashes to {}, the file says {}); "
                "its replay cannot be trusted",
                actual, b.scenario_hash);
            return false;
        }
    }
    if (!read_actions(j["actions"], b, error)) return false;
    if (j.contains("journal") && !read_journal(j["journal"], b, error)) return false;
    if (j.contains("observations") && !read_observations(j["observations"], b, error)) return false;
    out = std::move(b);
    if (document) *document = std::move(j);
    return true;
}

bool load_bundle(const std::string& path, ReproBundle& out, std::string& error) {
    std::string text;
    if (!read_input_file(path, InputKind::Session, text, error)) return false;
    return bundle_from_text(text, out, error);
}

ScenarioLoad bundle_scenario(const ReproBundle& b) {
    return load_scenario_text(b.scenario.dump(),
                              b.scenario_id.empty() ? "bundle" : b.scenario_id + " (bundle)");
}

// [SECTION] Summaries

namespace {

// At most `n` bytes, cut on a UTF-8 character boundary, with "…" when cut.
std::string shorten(const std::string& s, std::size_t n) {
    if (s.size() <= n) return s;
    std::size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

std::string result_text(const nlohmann::json& result) {
    if (!result.is_object()) return "?";
    if (result.value("ok", false)) return "ok";
    return "error " + result.value("code", std::string("?"));
}

}  // namespace

std::string journal_entry_summary(const JournalEntry& e) {
    // A hand-edited file may carry a secret the simulation never journals: summaries never show one.
    nlohmann::json redacted = e.body;
    redact_secret_keys(redacted);
    const nlohmann::json& b = redacted;
    std::string what;
    try {
        if (e.kind == "action" && b.contains("action") && b["action"].is_object()) {
            nlohmann::json args = b["action"];
            const std::string type = args.value("type", "?");
            const std::string actor = args.value("actor", "");
            args.erase("type");
            args.erase("actor");
            what = fmt::format("action #{} {}{}{}", b.value("handle", 0), type,
                               actor.empty() ? "" : " by " + actor,
                               args.empty() ? "" : " " + shorten(canonical_dump(args), 90));
        } else if (e.kind == "result") {
            what = fmt::format("result #{} {} {}", b.value("handle", 0), b.value("type", "?"),
                               result_text(b.value("result", nlohmann::json())));
        } else if (e.kind == "event") {
            const nlohmann::json data = b.value("data", nlohmann::json());
            what = fmt::format("event {}{}", b.value("kind", "?"),
                               data.is_null() || data.empty() ? "" : " " + shorten(canonical_dump(data), 90));
        } else if (e.kind == "fault") {
            what = fmt::format("fault #{} rule {} {}", b.value("handle", 0), b.value("rule", "?"),
                               b.value("effect", "?"));
        } else {
            what = fmt::format("{} {}", e.kind, shorten(canonical_dump(b), 100));
        }
    } catch (const nlohmann::json::exception&) {
        what = fmt::format("{} {}", e.kind, shorten(canonical_dump(b), 100));
    }
    return fmt::format("t={} ms {}", e.time, what);
}

// [SECTION] Replay and verification

int ReplayReport::observations_failed() const {
    return static_cast<int>(std::count_if(observations.begin(), observations.end(),
                                          [](const ObservationCheck& o) { return !o.passed; }));
}

namespace {

// What a failed observation actually found, for the conditions where that can be said in a few words.
std::string what_was_found(const nlohmann::json& condition, const Simulation& s) {
    if (!condition.is_object() || !condition.contains("last_result")) return "";
    const nlohmann::json& v = condition["last_result"];
    const std::string operation = v.value("operation", "");
    const auto& entries = s.journal().entries();
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        if (it->kind == "result" && glob_match(operation, it->body.value("type", "")))
            return fmt::format("; the latest {} result was {}", it->body.value("type", ""),
                               result_text(it->body.value("result", nlohmann::json())));
    return fmt::format("; no {} result so far", operation);
}

// At most kValueWidth bytes of a value's JSON text; when either side is longer, both are cut to the
// same window around their first differing byte (on UTF-8 boundaries), with "…" where text was left out.
constexpr std::size_t kValueWidth = 100;

std::size_t utf8_floor(const std::string& s, std::size_t i) {
    if (i >= s.size()) return s.size();
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

std::string excerpt(const std::string& s, std::size_t from) {
    from = utf8_floor(s, from);
    const std::size_t to = utf8_floor(s, from + kValueWidth);
    return (from > 0 ? "…" : "") + s.substr(from, to - from) + (to < s.size() ? "…" : "");
}

void differing_values(const nlohmann::json& a, const nlohmann::json& b, JournalDifference& d) {
    auto at = [&](const nlohmann::json& j) -> std::optional<std::string> {
        try {
            const nlohmann::json::json_pointer p(d.where);
            if (!j.contains(p)) return std::nullopt;
            return canonical_dump(j.at(p));
        } catch (const nlohmann::json::exception&) {
            return std::nullopt;
        }
    };
    auto x = at(a), y = at(b);
    // A value under a password-like key is never shown (a hand-edited file may carry one).
    bool secret = false;
    try {
        for (nlohmann::json::json_pointer p(d.where); !p.empty(); p = p.parent_pointer())
            secret = secret || is_secret_key(p.back());
    } catch (const nlohmann::json::exception&) {
    }
    if (secret) {
        if (x) x = "(a secret, not shown)";
        if (y) y = x ? "(another secret, not shown)" : "(a secret, not shown)";
    }
    if (!x || !y || (x->size() <= kValueWidth && y->size() <= kValueWidth)) {
        d.expected_value = x ? *x : "(absent)";
        d.actual_value = y ? *y : "(absent)";
        return;
    }
    std::size_t k = 0;
    while (k < x->size() && k < y->size() && (*x)[k] == (*y)[k]) ++k;
    const std::size_t from = k > kValueWidth / 3 ? k - kValueWidth / 3 : 0;
    d.expected_value = excerpt(*x, from);
    d.actual_value = excerpt(*y, from);
}

JournalDifference first_difference(const std::vector<JournalEntry>& recorded,
                                   const std::vector<JournalEntry>& replayed, bool& differs) {
    JournalDifference d;
    differs = false;
    const std::size_t n = std::min(recorded.size(), replayed.size());
    for (std::size_t i = 0; i < n; ++i) {
        const nlohmann::json a = to_json(recorded[i]), b = to_json(replayed[i]);
        if (canonical_dump(a) == canonical_dump(b)) continue;
        differs = true;
        d.index = i;
        d.expected = journal_entry_summary(recorded[i]);
        d.actual = journal_entry_summary(replayed[i]);
        const nlohmann::json patch = nlohmann::json::diff(a, b);
        if (!patch.empty()) d.where = patch[0].value("path", "");
        differing_values(a, b, d);
        return d;
    }
    if (recorded.size() == replayed.size()) return d;
    differs = true;
    d.index = n;
    d.expected = n < recorded.size() ? journal_entry_summary(recorded[n]) : "(none)";
    d.actual = n < replayed.size() ? journal_entry_summary(replayed[n]) : "(none)";
    return d;
}

// The observations of a bundle, checked in the replay itself: each after its actions, at its time.
class ObservationChecker {
public:
    explicit ObservationChecker(const ReproBundle& b)
        : b_(b), order_(b.observations.size()), checks_(order_.size()) {
        for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t x, std::size_t y) {
            const Observation &a = b.observations[x], &c = b.observations[y];
            return a.after_actions != c.after_actions ? a.after_actions < c.after_actions : a.time < c.time;
        });
    }

    // Checks those that follow the first `submitted` actions; the clock runs to each one's time first.
    void check(Simulation& s, std::size_t submitted, const RunObserver& clock) {
        for (; next_ < order_.size() && b_.observations[order_[next_]].after_actions == submitted; ++next_) {
            const Observation& o = b_.observations[order_[next_]];
            if (o.time > s.now()) run_until(s, o.time, clock);
            ObservationCheck& c = checks_[order_[next_]];
            c.id = o.id;
            c.label = o.label;
            c.passed = evaluate_condition(o.condition, s);
            if (!c.passed)
                c.reason = fmt::format(
                    "observation \"{}\" ({}) does not hold after {} actions at t={} ms: {}{}", o.label, o.id,
                    o.after_actions, o.time, canonical_dump(o.condition), what_was_found(o.condition, s));
        }
    }

    // Every check; those after more actions than the bundle has fail (only hand-built bundles: load
    // rejects these).
    std::vector<ObservationCheck> finish() {
        for (; next_ < order_.size(); ++next_) {
            const Observation& o = b_.observations[order_[next_]];
            checks_[order_[next_]] = {
                o.id, o.label, false,
                fmt::format("observation \"{}\" ({}) follows action {}, but the bundle has {} actions",
                            o.label, o.id, o.after_actions, b_.actions.size())};
        }
        return std::move(checks_);
    }

private:
    const ReproBundle& b_;
    std::vector<std::size_t> order_;  // by after_actions, then time
    std::vector<ObservationCheck> checks_;
    std::size_t next_ = 0;
};

void check_scenario_hash(const ReproBundle& b, ReplayReport& r) {
    if (b.scenario_hash.empty()) return;
    const std::string actual = hex64(hash_json(b.scenario));
    if (actual == b.scenario_hash) return;
    r.scenario_matches = false;
    r.problems.push_back(
        fmt::format("/scenario_hash: the embedded scenario was edited (it hashes to {}, the file says {})",
                    actual, b.scenario_hash));
}

// The recorded journal against the replay's: the first difference, both sides.
void check_journal(const ReproBundle& b, const Simulation& s, ReplayReport& r) {
    r.replayed_entries = s.journal().size();
    r.recorded_entries = b.journal.size();
    r.journal_checked = !b.journal.empty();
    if (!r.journal_checked) return;
    bool differs = false;
    JournalDifference d = first_difference(b.journal, s.journal().entries(), differs);
    if (!differs) return;
    if (d.expected == "(none)")
        r.problems.push_back(
            fmt::format("journal entry {}: extra in the replay ({} entries, the recorded run has {}): {}",
                        d.index, r.replayed_entries, r.recorded_entries, d.actual));
    else if (d.actual == "(none)")
        r.problems.push_back(
            fmt::format("journal entry {}: missing in the replay ({} entries, the recorded run has {}): {}",
                        d.index, r.replayed_entries, r.recorded_entries, d.expected));
    else
        r.problems.push_back(
            fmt::format("journal entry {0} differs{1}: recorded \"{2}\", replay \"{3}\" (the "
                        "value{1}: recorded {4}, replay {5})",
                        d.index, d.where.empty() ? "" : " at " + d.where, d.expected, d.actual,
                        d.expected_value, d.actual_value));
    r.journal_difference = std::move(d);
}

void check_hashes(const ReproBundle& b, const Simulation& s, ReplayReport& r) {
    r.journal_hash = hex64(s.journal().hash());
    r.state_hash = hex64(s.state_hash());
    r.hashes_match = r.journal_hash == b.journal_hash && r.state_hash == b.state_hash;
    if (r.journal_hash != b.journal_hash)
        r.problems.push_back(fmt::format("journal hash: recorded {}, replay {}",
                                         b.journal_hash.empty() ? "(none)" : b.journal_hash, r.journal_hash));
    if (r.state_hash != b.state_hash)
        r.problems.push_back(fmt::format("state hash: recorded {}, replay {}",
                                         b.state_hash.empty() ? "(none)" : b.state_hash, r.state_hash));
}

// The replay itself: the recorded actions at their times, then the clock to the recorded end, with
// every observation checked on the way; then the journal, the hashes and the observations' results.
void replay_and_check(const ReproBundle& b, Setup setup, const ReplayWatch& watch, ReplayReport& r) {
    setup.seed = b.seed;
    Simulation s(setup);
    if (watch.step) watch.step(s);
    // The clock advances event by event (as the app's does), so a watcher sees every moment; the
    // journal is the same as with one run_until.
    const RunObserver clock = [&watch](Simulation& sim, const RunStep& at) {
        if (at.point == RunPoint::Event && watch.step) watch.step(sim);
    };
    ObservationChecker observations(b);
    const RunObserver observer = [&](Simulation& sim, const RunStep& at) {
        clock(sim, at);
        if (at.point != RunPoint::Submitted) return;
        if (watch.step) watch.step(sim);
        observations.check(sim, at.submitted, clock);
    };
    observations.check(s, 0, clock);
    replay(s, b.actions, observer);
    std::vector<ObservationCheck> checks = observations.finish();
    if (b.end_time > s.now()) run_until(s, b.end_time, clock);

    check_journal(b, s, r);
    check_hashes(b, s, r);
    r.observations = std::move(checks);
    for (const auto& c : r.observations)
        if (!c.passed) r.problems.push_back(c.reason);
    if (watch.end) watch.end(s);
}

}  // namespace

ReplayReport verify_bundle(const ReproBundle& b, const ReplayWatch& watch) {
    ReplayReport r;
    // The first problem that makes the run not reproduced (observations are checked last).
    auto finish = [&r]() {
        if (!r.reproduced() && !r.problems.empty())
            r.difference = r.problems.front();
        else if (!r.reproduced())
            r.difference = "the replay did not finish";
        return r;
    };
    try {
        check_scenario_hash(b, r);
        const ScenarioLoad load = bundle_scenario(b);
        for (const auto& e : load.errors) r.problems.push_back(e.to_string());
        if (!load.ok()) return finish();
        r.loaded = true;
        replay_and_check(b, load.scenario->setup, watch, r);
    } catch (const std::exception& e) {
        // The simulation never throws on valid input; a hand-edited bundle must still not crash a replay.
        r.problems.push_back(fmt::format("the replay stopped: {}", e.what()));
    }
    return finish();
}

BundleReplay replay_bundle(const ReproBundle& b) {
    const ReplayReport v = verify_bundle(b);
    BundleReplay r;
    r.loaded = v.loaded;
    r.reproduced = v.loaded && v.hashes_match;
    r.journal_hash = v.journal_hash;
    r.state_hash = v.state_hash;
    if (!v.loaded) r.errors = v.problems;
    return r;
}

std::optional<Simulation> replay_prefix(const ReproBundle& b, std::size_t actions, SimTime until,
                                        std::string& error) {
    const ScenarioLoad load = bundle_scenario(b);
    if (!load.ok()) {
        error = load.errors.empty() ? "the embedded scenario does not load" : load.errors.front().to_string();
        return std::nullopt;
    }
    Setup setup = load.scenario->setup;
    setup.seed = b.seed;
    std::optional<Simulation> s(std::in_place, setup);
    replay(*s, b.actions, {}, ReplayLimit{actions});
    if (until > s->now()) run_until(*s, until);
    return s;
}

}  // namespace sim
