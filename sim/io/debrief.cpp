// sim/debrief.cpp — building debriefs from a run, and writing them as HTML and JSON.
//
// Index:
//   [SECTION] Text helpers        localised dates, spans, labels; XML escaping
//   [SECTION] Building            make_debrief, debrief_from_bundle, debrief_from_file
//   [SECTION] JSON                to_json, debrief_from_json
//   [SECTION] Timeline axis       quiet periods shortened, ticks in local time
//   [SECTION] HTML                debrief_html
//   [SECTION] Workshop report     workshop_rows, workshop_report_html
#include "sim/debrief.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"
#include "sim/shape.hpp"
#include "sim/version.hpp"

namespace sim {

namespace {

// [SECTION] Text helpers

using Json = nlohmann::json;

std::string lang_of(const Strings& text) {
    return text.lang().empty() ? std::string("en") : text.lang();
}

Calendar calendar_of(const Debrief& d) {
    const TimeZone tz = time_zone_by_name(d.time_zone).value_or(TimeZone{});
    return Calendar(d.start_date, d.start_minute_of_day, tz);
}

std::string clock_text(const LocalDateTime& l, bool seconds = false) {
    return seconds ? fmt::format("{:02}:{:02}:{:02}", l.hour, l.minute, l.second)
                   : fmt::format("{:02}:{:02}", l.hour, l.minute);
}

std::string date_short(const LocalDateTime& l, const Strings& text) {
    return text.format("debrief.date_short",
                       {{"weekday", text.get(fmt::format("debrief.weekday.{}", l.weekday))},
                        {"day", l.date.day},
                        {"month", text.get(fmt::format("debrief.month.{}", l.date.month))}});
}

std::string date_time_text(const Calendar& cal, SimTime t, const Strings& text) {
    const LocalDateTime l = cal.local(t);
    return text.format("debrief.datetime",
                       {{"weekday", text.get(fmt::format("debrief.weekday.{}", l.weekday))},
                        {"day", l.date.day},
                        {"month", text.get(fmt::format("debrief.month.{}", l.date.month))},
                        {"year", l.date.year},
                        {"time", clock_text(l)}});
}

// "Mon 3 Mar, 09:03" — the moment of a table row.
std::string moment_text(const Calendar& cal, SimTime t, const Strings& text) {
    const LocalDateTime l = cal.local(t);
    return date_short(l, text) + ", " + clock_text(l);
}

// Cuts at a UTF-8 character boundary, so the result stays valid UTF-8 (and valid XML).
std::string clip(std::string s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    return s + "…";
}

// Text for XML content and attribute values: valid UTF-8 of characters XML allows (sim::xml_text: a
// forbidden code point or invalid byte becomes U+FFFD), with & < > " ' escaped.
std::string esc(std::string_view s) {
    const std::string text = xml_text(s);
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string label_or(const Strings& text, const std::string& key, const std::string& fallback) {
    return text.has(key) ? text.get(key) : fallback;
}

std::string op_label(const Strings& text, const std::string& type) {
    return label_or(text, "debrief.op." + type, type);
}

// The message the trainee saw for a failed result (the app's error_text rule).
std::string error_message(const Strings& text, const ActionResult& r) {
    if (r.code == "fault.custom") {
        const std::string key = lang_of(text) == "de" ? "message_de" : "message_en";
        return r.params.value(key, r.params.value("message_en", r.code));
    }
    if (text.has(r.message_key)) return text.format(r.message_key, r.params);
    return r.code;
}

std::string scalar_text(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number() || v.is_boolean()) return v.dump();
    return {};
}

// "users: max@…; sku: …": the arguments of an action or event that say most, short. Keys that name
// what was acted on come first; the rest follow in key order.
std::string args_summary(const Json& args, std::size_t max_items = 4, const Strings* text = nullptr) {
    static const char* const kFirst[] = {
        "upn",  "users", "username", "display_name", "sku",   "quantity", "offer", "legal_name",
        "kind", "rule",  "id",       "operation",    "error", "by",       "name",  "text"};
    std::string out;
    if (!args.is_object()) return out;
    std::vector<std::string> keys;
    for (const char* k : kFirst)
        if (args.contains(k)) keys.emplace_back(k);
    for (auto it = args.begin(); it != args.end(); ++it)
        if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
    std::size_t n = 0;
    for (const std::string& key : keys) {
        if (n >= max_items) break;
        if (is_secret_key(key)) continue;  // redacted anyway; "(not stored)" says nothing
        const Json& value = args[key];
        std::string v = scalar_text(value);
        if (v.empty() && value.is_object() && value.contains("id")) v = scalar_text(value["id"]);
        if (v.empty() && value.is_array())
            for (const auto& x : value) {
                const std::string one = scalar_text(x);
                if (!one.empty()) v += v.empty() ? one : ", " + one;
            }
        if (v.empty()) continue;
        // An instructor's "fail next" names an operation and an error code: say them in words.
        if (text && key == "operation") v = label_or(*text, "debrief.op." + v, v);
        if (text && key == "error") v = label_or(*text, "errname." + v, v);
        out += (out.empty() ? "" : "; ") + key + ": " + clip(v, 60);
        ++n;
    }
    return clip(out, 200);
}

}  // namespace

std::string format_span(SimTime ms, const Strings& text) {
    if (ms < 0) return "—";
    const SimTime s = ms / kSecond;
    const SimTime d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
    const std::string& ud = text.get("debrief.unit.d");
    const std::string& uh = text.get("debrief.unit.h");
    const std::string& um = text.get("debrief.unit.min");
    const std::string& us = text.get("debrief.unit.s");
    if (d > 0)
        return h > 0 ? fmt::format("{}\u00a0{} {}\u00a0{}", d, ud, h, uh) : fmt::format("{}\u00a0{}", d, ud);
    if (h > 0) return fmt::format("{}\u00a0{} {:02}\u00a0{}", h, uh, m, um);
    if (m > 0)
        return sec > 0 ? fmt::format("{}\u00a0{} {}\u00a0{}", m, um, sec, us)
                       : fmt::format("{}\u00a0{}", m, um);
    return fmt::format("{}\u00a0{}", sec, us);
}

// [SECTION] Building

namespace {

// Time per objective: from the previous objective met (or the start) to this one.
void add_objective_times(Debrief& d, const Scenario& scenario, const ScoreReport& report,
                         const Strings& text) {
    const auto& defs = scenario.assessment.objectives;
    for (std::size_t i = 0; i < report.objectives.size(); ++i) {
        const ObjectiveResult& o = report.objectives[i];
        ObjectiveTime t;
        t.id = o.id;
        if (i < defs.size()) t.title = defs[i].title;
        if (t.title.en.empty()) t.title.en = o.id;
        t.weight = o.weight;
        t.met_at = o.met ? o.met_at : -1;
        if (t.met_at >= 0) {
            SimTime previous = d.start;
            for (std::size_t k = 0; k < report.objectives.size(); ++k) {
                const ObjectiveResult& p = report.objectives[k];
                if (k == i || !p.met) continue;
                if (p.met_at < t.met_at || (p.met_at == t.met_at && k < i))
                    previous = std::max(previous, p.met_at);
            }
            t.spent = t.met_at - previous;
            d.timeline.push_back({t.met_at, "objective",
                                  text.format("debrief.objective_met", {{"title", t.title.in(d.lang)}}),
                                  text.format("scenario.score.weight", {{"weight", t.weight}}), true});
        }
        d.objectives.push_back(std::move(t));
    }
}

}  // namespace

Debrief make_debrief(const Scenario& scenario, const Simulation& sim, const ScoreReport& report,
                     const Strings& text) {
    Debrief d;
    d.lang = lang_of(text);
    d.scenario_id = scenario.id;
    d.title = scenario.title.in(d.lang);
    d.seed = sim.seed();
    d.start = 0;
    d.end = sim.now();
    d.start_date = sim.setup().start_date;
    d.start_minute_of_day = sim.setup().start_minute_of_day;
    d.time_zone = sim.setup().time_zone.name;
    const Calendar& cal = sim.calendar();
    d.start_text = date_time_text(cal, d.start, text);
    d.end_text = date_time_text(cal, d.end, text);
    d.journal_hash = hex64(sim.journal().hash());
    d.state_hash = hex64(sim.state_hash());
    d.score = report;

    struct Submitted {
        SimTime time = 0;
        Action action;
        bool answered = false;
    };
    std::map<std::uint64_t, Submitted> submitted;
    for (const JournalEntry& e : sim.journal().entries()) {
        if (e.kind == "action") {
            Submitted s;
            s.time = e.time;
            std::string why;
            action_from_json(e.body.value("action", Json::object()), s.action, why);
            if (s.action.type.rfind("instructor.", 0) != 0) ++d.actions;
            submitted[e.body.value("handle", std::uint64_t{0})] = std::move(s);
        } else if (e.kind == "result") {
            const std::uint64_t h = e.body.value("handle", std::uint64_t{0});
            const std::string type = e.body.value("type", "");
            const ActionResult r = action_result_from_json(e.body.value("result", Json::object()));
            const auto it = submitted.find(h);
            Action a;
            if (it != submitted.end()) {
                it->second.answered = true;
                a = it->second.action;
            }
            TimelineItem item{e.time, "action", op_label(text, type), "", r.ok};
            const std::string by = a.actor.empty() ? "" : text.format("debrief.by", {{"actor", a.actor}});
            if (type.rfind("instructor.", 0) == 0) {
                item.lane = "instructor";
                item.detail = r.ok ? args_summary(a.args, 4, &text) : error_message(text, r);
            } else if (r.ok) {
                const std::string args = args_summary(a.args, 3);
                item.detail = by + (by.empty() || args.empty() ? "" : " — ") + args;
            } else {
                ++d.actions_failed;
                item.lane = "error";
                item.detail = error_message(text, r);
                d.mistakes.push_back({e.time, type, r.code, item.detail});
            }
            d.timeline.push_back(std::move(item));
        } else if (e.kind == "event") {
            const std::string kind = e.body.value("kind", "");
            d.timeline.push_back({e.time, "event", label_or(text, "debrief.event." + kind, kind),
                                  args_summary(e.body.value("data", Json::object()), 3), true});
        } else if (e.kind == "fault") {
            const std::string effect = e.body.value("effect", "");
            const auto it = submitted.find(e.body.value("handle", std::uint64_t{0}));
            const std::string op =
                it == submitted.end() ? std::string() : op_label(text, it->second.action.type);
            std::string label = text.format("debrief.fault_label",
                                            {{"effect", label_or(text, "debrief.fault." + effect, effect)}});
            if (e.body.value("early_retry", false)) label += " — " + text.get("debrief.fault.early_retry");
            d.timeline.push_back(
                {e.time, "fault", label,
                 text.format("debrief.fault_detail", {{"rule", e.body.value("rule", "")}, {"operation", op}}),
                 false});
        } else {
            // Markers ("note", and any later kind): shown with the instructor's entries.
            d.timeline.push_back({e.time, "instructor",
                                  label_or(text, "debrief.op.instructor." + e.kind, e.kind),
                                  args_summary(e.body), true});
        }
    }
    for (const auto& [h, s] : submitted) {
        if (s.answered) continue;
        d.timeline.push_back(
            {s.time, "action", op_label(text, s.action.type), text.get("debrief.pending"), true});
    }

    add_objective_times(d, scenario, report, text);
    for (const PenaltyItem& p : report.penalties)
        d.penalty_labels.push_back(label_or(text, "scenario.penalty." + p.reason, p.reason) +
                                   (p.detail.empty() ? "" : " (" + p.detail + ")"));
    std::stable_sort(d.timeline.begin(), d.timeline.end(),
                     [](const TimelineItem& a, const TimelineItem& b) { return a.time < b.time; });
    return d;
}

Debrief debrief_from_bundle(const ReproBundle& bundle, const Strings& text, std::string& error) {
    ScenarioLoad load = bundle_scenario(bundle);
    if (!load.ok()) {
        error = load.errors.empty() ? "the embedded scenario does not load" : load.errors.front().to_string();
        return {};
    }
    const Scenario& scenario = *load.scenario;
    // One replay for the debrief and the verdict: verify_bundle's, the same as `npsim-cli replay`. The
    // tracker sees every moment of it (every action and every moment with events), as the app does.
    AssessmentTracker tracker(scenario.assessment);
    std::optional<Debrief> made;
    ReplayWatch watch;
    watch.step = [&](const Simulation& sim) { tracker.update(sim); };
    watch.end = [&](const Simulation& sim) {
        tracker.update(sim);
        Strings own = text;  // the scenario's own texts ("texts") over the shipped ones
        use_scenario_texts(own, sim.world().texts);
        made = make_debrief(scenario, sim, tracker.report(sim), own);
    };
    const ReplayReport r = verify_bundle(bundle, watch);
    if (!made) {
        error = r.problems.empty() ? "the replay stopped" : r.problems.back();
        return {};
    }
    Debrief d = std::move(*made);
    d.note = bundle.note;
    d.reproduced = r.reproduced();
    d.difference = r.difference;
    return d;
}

Debrief debrief_from_file(const std::string& path, const Strings& text, std::string& error) {
    std::string content;
    if (!read_input_file(path, InputKind::Session, content, error)) return {};
    ReproBundle bundle;
    Json doc;
    if (!bundle_from_text(content, bundle, error, &doc)) return {};
    Debrief d = debrief_from_bundle(bundle, text, error);
    if (!error.empty()) return {};
    if (doc.is_object() && doc.contains("session") && doc["session"].is_object()) {
        const Json& s = doc["session"];
        if (s.contains("mode") && s["mode"].is_string()) d.mode = s["mode"].get<std::string>();
        if (s.contains("work_account") && s["work_account"].is_string())
            d.trainee = s["work_account"].get<std::string>();
    }
    return d;
}

// [SECTION] JSON

nlohmann::json to_json(const Debrief& d) {
    Json timeline = Json::array();
    for (const TimelineItem& t : d.timeline)
        timeline.push_back(
            {{"t", t.time}, {"lane", t.lane}, {"label", t.label}, {"detail", t.detail}, {"ok", t.ok}});
    Json objectives = Json::array();
    for (const ObjectiveTime& o : d.objectives)
        objectives.push_back({{"id", o.id},
                              {"title", {{"en", o.title.en}, {"de", o.title.de}}},
                              {"met_at_ms", o.met_at},
                              {"spent_ms", o.spent},
                              {"weight", o.weight}});
    Json mistakes = Json::array();
    for (const Mistake& m : d.mistakes)
        mistakes.push_back(
            {{"t", m.time}, {"operation", m.operation}, {"error", m.error_code}, {"message", m.message}});
    Json results = Json::array();
    for (const ObjectiveResult& o : d.score.objectives)
        results.push_back({{"id", o.id}, {"met", o.met}, {"met_at_ms", o.met_at}, {"weight", o.weight}});
    Json penalties = Json::array();
    for (std::size_t i = 0; i < d.score.penalties.size(); ++i) {
        const PenaltyItem& p = d.score.penalties[i];
        penalties.push_back({{"reason", p.reason},
                             {"detail", p.detail},
                             {"count", p.count},
                             {"points", p.points},
                             {"label", i < d.penalty_labels.size() ? d.penalty_labels[i] : p.reason}});
    }
    return {{"npsim_debrief", 1},
            {"lang", d.lang},
            {"scenario", {{"id", d.scenario_id}, {"title", d.title}}},
            {"seed", d.seed},
            {"mode", d.mode},
            {"trainee", d.trainee},
            {"note", d.note},
            {"calendar",
             {{"start_date", format_date(d.start_date)},
              {"start_minute_of_day", d.start_minute_of_day},
              {"time_zone", d.time_zone}}},
            {"run", {{"start_ms", d.start}, {"end_ms", d.end}, {"start", d.start_text}, {"end", d.end_text}}},
            {"journal_hash", d.journal_hash},
            {"state_hash", d.state_hash},
            {"reproduced", d.reproduced},
            {"difference", d.difference},
            {"actions", {{"total", d.actions}, {"failed", d.actions_failed}}},
            {"timeline", std::move(timeline)},
            {"objectives", std::move(objectives)},
            {"mistakes", std::move(mistakes)},
            {"score",
             {{"score", d.score.score},
              {"all_met", d.score.all_met},
              {"earned_weight", d.score.earned_weight},
              {"total_weight", d.score.total_weight},
              {"objectives", std::move(results)},
              {"penalties", std::move(penalties)}}}};
}

namespace {

// The fields of a debrief's JSON (to_json above), described once; every one is required but "difference".
constexpr std::int64_t kAnyTime = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kAnyInt = std::numeric_limits<int>::max();

const auto kDebriefShape = Shape<Debrief>("", TypeWords::MustBe)
                               .known("npsim_debrief")
                               .string("lang", &Debrief::lang)
                               .required()
                               .known("scenario", FieldType::Object)
                               .required()
                               .unsigned_integer("seed", &Debrief::seed)
                               .required()
                               .string("mode", &Debrief::mode)
                               .required()
                               .string("trainee", &Debrief::trainee)
                               .required()
                               .string("note", &Debrief::note)
                               .required()
                               .known("calendar", FieldType::Object)
                               .required()
                               .known("run", FieldType::Object)
                               .required()
                               .string("journal_hash", &Debrief::journal_hash)
                               .required()
                               .string("state_hash", &Debrief::state_hash)
                               .required()
                               .boolean("reproduced", &Debrief::reproduced)
                               .required()
                               .string("difference", &Debrief::difference)
                               .known("actions", FieldType::Object)
                               .required()
                               .known("timeline", FieldType::Array)
                               .required()
                               .known("objectives", FieldType::Array)
                               .required()
                               .known("mistakes", FieldType::Array)
                               .required()
                               .known("score", FieldType::Object)
                               .required();
const auto kScenarioPartShape = Shape<Debrief>("", TypeWords::MustBe)
                                    .string("id", &Debrief::scenario_id)
                                    .required()
                                    .string("title", &Debrief::title)
                                    .required();
const auto kCalendarShape =
    Shape<Debrief>("", TypeWords::MustBe)
        .known("start_date", FieldType::String)
        .required()
        .integer("start_minute_of_day", &Debrief::start_minute_of_day, -kAnyInt - 1, kAnyInt)
        .required()
        .string("time_zone", &Debrief::time_zone)
        .required();
const auto kRunShape = Shape<Debrief>("", TypeWords::MustBe)
                           .integer("start_ms", &Debrief::start, -kAnyTime - 1, kAnyTime)
                           .required()
                           .integer("end_ms", &Debrief::end, -kAnyTime - 1, kAnyTime)
                           .required()
                           .string("start", &Debrief::start_text)
                           .required()
                           .string("end", &Debrief::end_text)
                           .required();
const auto kActionCountShape = Shape<Debrief>("", TypeWords::MustBe)
                                   .integer("total", &Debrief::actions, 0, kAnyTime)
                                   .required()
                                   .integer("failed", &Debrief::actions_failed, 0, kAnyTime)
                                   .required();
const auto kTimelineItemShape = Shape<TimelineItem>("", TypeWords::MustBe)
                                    .integer("t", &TimelineItem::time, -kAnyTime - 1, kAnyTime)
                                    .required()
                                    .string("lane", &TimelineItem::lane)
                                    .required()
                                    .string("label", &TimelineItem::label)
                                    .required()
                                    .string("detail", &TimelineItem::detail)
                                    .required()
                                    .boolean("ok", &TimelineItem::ok)
                                    .required();
const auto kObjectiveTimeShape = Shape<ObjectiveTime>("", TypeWords::MustBe)
                                     .string("id", &ObjectiveTime::id)
                                     .required()
                                     .known("title", FieldType::Object)
                                     .required()
                                     .integer("met_at_ms", &ObjectiveTime::met_at, -kAnyTime - 1, kAnyTime)
                                     .required()
                                     .integer("spent_ms", &ObjectiveTime::spent, -kAnyTime - 1, kAnyTime)
                                     .required()
                                     .integer("weight", &ObjectiveTime::weight, -kAnyInt - 1, kAnyInt)
                                     .required();
const auto kTitleShape = Shape<LocalText>("", TypeWords::MustBe)
                             .string("en", &LocalText::en)
                             .required()
                             .string("de", &LocalText::de)
                             .required();
const auto kMistakeShape = Shape<Mistake>("", TypeWords::MustBe)
                               .integer("t", &Mistake::time, -kAnyTime - 1, kAnyTime)
                               .required()
                               .string("operation", &Mistake::operation)
                               .required()
                               .string("error", &Mistake::error_code)
                               .required()
                               .string("message", &Mistake::message)
                               .required();
const auto kScoreShape = Shape<ScoreReport>("", TypeWords::MustBe)
                             .integer("score", &ScoreReport::score, -kAnyInt - 1, kAnyInt)
                             .required()
                             .boolean("all_met", &ScoreReport::all_met)
                             .required()
                             .integer("earned_weight", &ScoreReport::earned_weight, -kAnyInt - 1, kAnyInt)
                             .required()
                             .integer("total_weight", &ScoreReport::total_weight, -kAnyInt - 1, kAnyInt)
                             .required()
                             .known("objectives", FieldType::Array)
                             .required()
                             .known("penalties", FieldType::Array)
                             .required();
const auto kResultShape = Shape<ObjectiveResult>("", TypeWords::MustBe)
                              .string("id", &ObjectiveResult::id)
                              .required()
                              .boolean("met", &ObjectiveResult::met)
                              .required()
                              .integer("met_at_ms", &ObjectiveResult::met_at, -kAnyTime - 1, kAnyTime)
                              .required()
                              .integer("weight", &ObjectiveResult::weight, -kAnyInt - 1, kAnyInt)
                              .required();
const auto kPenaltyShape = Shape<PenaltyItem>("", TypeWords::MustBe)
                               .string("reason", &PenaltyItem::reason)
                               .required()
                               .string("detail", &PenaltyItem::detail)
                               .required()
                               .integer("count", &PenaltyItem::count, -kAnyInt - 1, kAnyInt)
                               .required()
                               .integer("points", &PenaltyItem::points, -kAnyInt - 1, kAnyInt)
                               .required()
                               .known("label", FieldType::String)
                               .required();

// Reads the object `obj` at `pointer` with `shape` into `out`; false when something is missing or wrong.
template <class T>
bool read_part(const Shape<T>& shape, const Json& obj, const std::string& pointer, T& out,
               ShapeErrors& errors) {
    if (!obj.is_object()) {
        errors.push_back({"", pointer, "must be an object", ""});
        return false;
    }
    const std::size_t before = errors.size();
    shape.read(obj, pointer, out, errors);
    return errors.size() == before;
}

// Each element of the array `arr` at `pointer`, read with `shape` and appended to `out`.
template <class T>
bool read_each(const Shape<T>& shape, const Json& arr, const std::string& pointer, std::vector<T>& out,
               ShapeErrors& errors) {
    for (std::size_t i = 0; i < arr.size(); ++i) {
        T item;
        if (!read_part(shape, arr[i], pointer + "/" + std::to_string(i), item, errors)) return false;
        out.push_back(std::move(item));
    }
    return true;
}

// The calendar, the run, the action counts, the timeline, the objectives and the mistakes.
bool read_run(const Json& j, Debrief& d, ShapeErrors& errors) {
    if (!read_part(kScenarioPartShape, j["scenario"], "/scenario", d, errors) ||
        !read_part(kCalendarShape, j["calendar"], "/calendar", d, errors))
        return false;
    const auto date = parse_date(j["calendar"]["start_date"].get<std::string>());
    if (!date) {
        errors.push_back({"", "/calendar/start_date", "not a date", ""});
        return false;
    }
    d.start_date = *date;
    if (!read_part(kRunShape, j["run"], "/run", d, errors) ||
        !read_part(kActionCountShape, j["actions"], "/actions", d, errors) ||
        !read_each(kTimelineItemShape, j["timeline"], "/timeline", d.timeline, errors) ||
        !read_each(kObjectiveTimeShape, j["objectives"], "/objectives", d.objectives, errors) ||
        !read_each(kMistakeShape, j["mistakes"], "/mistakes", d.mistakes, errors))
        return false;
    for (std::size_t i = 0; i < d.objectives.size(); ++i)
        if (!read_part(kTitleShape, j["objectives"][i]["title"], fmt::format("/objectives/{}/title", i),
                       d.objectives[i].title, errors))
            return false;
    return true;
}

bool read_score(const Json& s, Debrief& d, ShapeErrors& errors) {
    if (!read_part(kScoreShape, s, "/score", d.score, errors) ||
        !read_each(kResultShape, s["objectives"], "/score/objectives", d.score.objectives, errors) ||
        !read_each(kPenaltyShape, s["penalties"], "/score/penalties", d.score.penalties, errors))
        return false;
    for (const Json& p : s["penalties"]) d.penalty_labels.push_back(p["label"].get<std::string>());
    return true;
}

}  // namespace

bool debrief_from_json(const nlohmann::json& j, Debrief& out, std::string& error) {
    const auto format = j.is_object() ? j.find("npsim_debrief") : j.end();
    if (!j.is_object() || format == j.end() || *format != 1) {
        error = "/npsim_debrief: not an npsim debrief (format 1)";
        return false;
    }
    Debrief d;
    ShapeErrors errors;
    if (!read_part(kDebriefShape, j, "", d, errors) || !read_run(j, d, errors) ||
        !read_score(j["score"], d, errors)) {
        error =
            errors.empty() ? "not a complete debrief" : "not a complete debrief: " + errors.front().text();
        return false;
    }
    out = std::move(d);
    return true;
}

// [SECTION] Timeline axis

namespace {

// A stretch of the run drawn to scale; quiet periods between stretches are drawn as a short break.
struct Segment {
    SimTime from = 0, to = 0;
    double x = 0, width = 0;  // pixels
};

constexpr double kPlotLeft = 150, kPlotRight = 1150, kBreakWidth = 76, kSegmentInset = 12;

std::vector<Segment> layout_segments(const Debrief& d) {
    std::vector<SimTime> times{d.start, d.end};
    for (const TimelineItem& t : d.timeline) times.push_back(t.time);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    const SimTime span = times.back() - times.front();
    // A break for the longest quiet periods: longer than an hour and than a twelfth of the run; at most 7.
    const SimTime threshold = std::max<SimTime>(kHour, span / 12);
    std::vector<std::pair<SimTime, std::size_t>> gaps;  // (length, index of the time after it)
    for (std::size_t i = 1; i < times.size(); ++i)
        if (times[i] - times[i - 1] > threshold) gaps.emplace_back(times[i] - times[i - 1], i);
    std::sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    if (gaps.size() > 7) gaps.resize(7);
    std::vector<std::size_t> cuts;
    for (const auto& g : gaps) cuts.push_back(g.second);
    std::sort(cuts.begin(), cuts.end());

    std::vector<Segment> segs;
    std::size_t begin = 0;
    for (std::size_t k = 0; k <= cuts.size(); ++k) {
        const std::size_t end = k < cuts.size() ? cuts[k] : times.size();
        segs.push_back({times[begin], times[end - 1], 0, 0});
        begin = end;
    }
    // Widths: mostly to scale, but every stretch gets a fair minimum so its marks can be told apart.
    const double avail = (kPlotRight - kPlotLeft) - kBreakWidth * static_cast<double>(segs.size() - 1);
    double total = 0;
    for (const Segment& s : segs) total += static_cast<double>(s.to - s.from);
    const double floor_share = total > 0 ? total * 0.35 / static_cast<double>(segs.size()) : 1.0;
    double weights = 0;
    for (const Segment& s : segs) weights += static_cast<double>(s.to - s.from) + floor_share;
    double x = kPlotLeft;
    for (Segment& s : segs) {
        s.x = x;
        s.width = avail * (static_cast<double>(s.to - s.from) + floor_share) / weights;
        x += s.width + kBreakWidth;
    }
    return segs;
}

double x_of(const std::vector<Segment>& segs, SimTime t) {
    for (const Segment& s : segs) {
        if (t > s.to) continue;
        if (s.to == s.from) return s.x + s.width / 2;
        const double f =
            static_cast<double>(std::max(t, s.from) - s.from) / static_cast<double>(s.to - s.from);
        return s.x + kSegmentInset + f * (s.width - 2 * kSegmentInset);
    }
    return segs.back().x + segs.back().width - kSegmentInset;
}

struct Tick {
    SimTime time;
    std::string label;
    std::string date;  // non-empty: a date label above the tick
};

std::vector<Tick> segment_ticks(const Segment& s, const Calendar& cal, const Strings& text) {
    static const SimTime kSteps[] = {kSecond,     5 * kSecond, 15 * kSecond, 30 * kSecond, kMinute,
                                     2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
                                     kHour,       2 * kHour,   3 * kHour,    6 * kHour,    12 * kHour,
                                     kDay,        2 * kDay,    7 * kDay};
    std::vector<Tick> ticks;
    const double inner = s.width - 2 * kSegmentInset;
    if (s.to == s.from || inner <= 0) {
        const LocalDateTime l = cal.local(s.from);
        ticks.push_back({s.from, clock_text(l, false), date_short(l, text)});
        return ticks;
    }
    const double px_per_ms = inner / static_cast<double>(s.to - s.from);
    SimTime step = kSteps[std::size(kSteps) - 1];
    for (SimTime candidate : kSteps)
        if (static_cast<double>(candidate) * px_per_ms >= 52.0) {
            step = candidate;
            break;
        }
    // Ticks fall on round local times: the offset in force at the segment start (DST changes inside
    // a segment shift its later ticks by an hour, which a reader does not notice).
    const std::int64_t offset_ms =
        static_cast<std::int64_t>(utc_offset_minutes(cal.zone(), cal.unix_ms(s.from))) * kMinute;
    const std::int64_t local_from = cal.unix_ms(s.from) + offset_ms;
    std::int64_t first = (local_from / step) * step;
    if (first < local_from) first += step;
    std::string last_date;
    bool first_tick = true;
    for (std::int64_t local = first; local - offset_ms - cal.unix_ms(0) <= s.to; local += step) {
        const SimTime t = local - offset_ms - cal.unix_ms(0);
        const LocalDateTime l = cal.local(t);
        const std::string day = date_short(l, text);
        Tick tick{t, step >= kDay ? day : clock_text(l, step < kMinute), ""};
        if (step < kDay && (first_tick || day != last_date)) tick.date = day;
        last_date = day;
        first_tick = false;
        ticks.push_back(std::move(tick));
    }
    if (ticks.empty()) {
        const LocalDateTime l = cal.local(s.from);
        ticks.push_back({s.from, clock_text(l, step < kMinute), date_short(l, text)});
    }
    return ticks;
}

const char* const kLanes[] = {"action", "error", "event", "fault", "instructor", "objective"};

// One mark: a shape per lane, so the kinds stay apart in print without colour.
std::string mark_svg(const std::string& lane, double x, double y, const std::string& tooltip) {
    const std::string title = "<title>" + esc(tooltip) + "</title>";
    if (lane == "error")
        return fmt::format("<path class=\"mark m-error\" d=\"M{:.1f} {:.1f}l5 5l-5 5l-5 -5z\">{}</path>", x,
                           y - 5, title);
    if (lane == "event")
        return fmt::format(
            "<rect class=\"mark m-event\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"9\" height=\"9\" "
            "rx=\"1.5\">{}</rect>",
            x - 4.5, y - 4.5, title);
    if (lane == "fault")
        return fmt::format("<path class=\"mark m-fault\" d=\"M{:.1f} {:.1f}l5.5 10h-11z\">{}</path>", x,
                           y - 5.5, title);
    if (lane == "instructor")
        return fmt::format(
            "<rect class=\"mark m-instructor\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"9\" height=\"9\">{}</rect>",
            x - 4.5, y - 4.5, title);
    if (lane == "objective")
        return fmt::format(
            "<path class=\"mark m-objective\" d=\"M{:.1f} {:.1f}l2 4.2l4.6 0.6l-3.4 3.2l0.9 4.6l-4.1 "
            "-2.3l-4.1 2.3l0.9 -4.6"
            "l-3.4 -3.2l4.6 -0.6z\">{}</path>",
            x, y - 6.5, title);
    return fmt::format("<circle class=\"mark m-action\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\">{}</circle>", x,
                       y, title);
}

std::string timeline_svg(const Debrief& d, const Strings& text) {
    const Calendar cal = calendar_of(d);
    const std::vector<Segment> segs = layout_segments(d);
    constexpr double kLaneTop = 52, kLaneHeight = 30;
    const double height = kLaneTop + kLaneHeight * static_cast<double>(std::size(kLanes)) + 8;
    std::string out;
    auto add = std::back_inserter(out);
    fmt::format_to(add,
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 1160 "
                   "{0:.0f}\" width=\"1160\" "
                   "height=\"{0:.0f}\" role=\"img\" aria-label=\"{1}\">\n",
                   height, esc(text.get("debrief.timeline")));
    // Lanes: stripes and names.
    for (std::size_t i = 0; i < std::size(kLanes); ++i) {
        const double y = kLaneTop + kLaneHeight * static_cast<double>(i);
        fmt::format_to(add,
                       "<rect class=\"lane{}\" x=\"0\" y=\"{:.1f}\" width=\"1160\" height=\"{:.1f}\"/>\n",
                       i % 2 ? " odd" : "", y, kLaneHeight);
        fmt::format_to(add, "<text class=\"lane-name\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", kPlotLeft - 14,
                       y + kLaneHeight / 2 + 4, esc(text.get(std::string("debrief.lane.") + kLanes[i])));
    }
    const double bottom = kLaneTop + kLaneHeight * static_cast<double>(std::size(kLanes));
    // Axis: ticks per stretch, and a break between stretches.
    for (std::size_t k = 0; k < segs.size(); ++k) {
        const Segment& s = segs[k];
        fmt::format_to(add,
                       "<line class=\"axis\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n",
                       s.x, kLaneTop, s.x + s.width, kLaneTop);
        double last_label_x = -1e9, last_date_x = -1e9;
        for (const Tick& t : segment_ticks(s, cal, text)) {
            const double x = x_of(segs, t.time);
            fmt::format_to(
                add, "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n",
                x, kLaneTop - 4, bottom);
            if (x - last_label_x >= 40) {
                fmt::format_to(add, "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x,
                               kLaneTop - 8, esc(t.label));
                last_label_x = x;
            }
            if (!t.date.empty() && x - last_date_x >= 90) {
                fmt::format_to(add, "<text class=\"date\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                               std::max(x, s.x + 30), kLaneTop - 26, esc(t.date));
                last_date_x = x;
            }
        }
        if (k + 1 < segs.size()) {
            const double bx = s.x + s.width + kBreakWidth / 2;
            fmt::format_to(
                add, "<rect class=\"break\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>\n",
                s.x + s.width + 6, kLaneTop, kBreakWidth - 12, bottom - kLaneTop);
            fmt::format_to(add, "<text class=\"gap\" x=\"{:.1f}\" y=\"{:.1f}\">⋯</text>\n", bx,
                           kLaneTop + 18);
            fmt::format_to(add, "<text class=\"gap-span\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", bx,
                           kLaneTop - 26, esc("+" + format_span(segs[k + 1].from - s.to, text)));
        }
    }
    // Marks; marks of one lane that would overlap are nudged up and down.
    std::map<std::string, std::pair<double, int>> last;  // lane → (x, nudge index)
    for (const TimelineItem& item : d.timeline) {
        std::size_t lane = 0;
        while (lane < std::size(kLanes) && item.lane != kLanes[lane]) ++lane;
        if (lane == std::size(kLanes)) lane = 4;
        const double x = x_of(segs, item.time);
        auto& [last_x, nudge] = last.try_emplace(kLanes[lane], -1e9, 0).first->second;
        nudge = (x - last_x < 8) ? (nudge + 1) % 3 : 0;
        last_x = x;
        static const double kNudge[] = {0, -8, 8};
        const double y = kLaneTop + kLaneHeight * (static_cast<double>(lane) + 0.5) + kNudge[nudge];
        std::string tooltip = moment_text(cal, item.time, text) + " · " + item.label;
        if (!item.detail.empty()) tooltip += "\n" + item.detail;
        out += mark_svg(kLanes[lane], x, y, tooltip) + "\n";
    }
    out += "</svg>\n";
    return out;
}

// [SECTION] HTML

const char* const kStyle = R"(
:root { --ink: #1d2433; --muted: #5b6578; --line: #d8dde6; --band: #f5f7fa; --accent: #2458b3;
        --ok: #1f8a4c; --bad: #c62828; --event: #2f6fd6; --fault: #e08a00; --instructor: #7b4bb7; --goal: #c9a100; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
       color: var(--ink); background: #eef1f5; }
main { max-width: 1220px; margin: 24px auto; background: #fff; padding: 28px 30px 36px; border-radius: 10px;
       box-shadow: 0 1px 3px rgba(20, 30, 50, 0.12); }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; color: var(--accent); }
p.meta, p.help { color: var(--muted); margin: 2px 0; font-size: 13px; }
.summary { display: grid; grid-template-columns: 220px 1fr; gap: 18px; align-items: start; }
.score { border-radius: 10px; padding: 16px; text-align: center; color: #fff; background: var(--ok); }
.score.mid { background: var(--fault); } .score.low { background: var(--bad); }
.score .value { font-size: 44px; font-weight: 700; line-height: 1.1; }
.score .of { font-size: 14px; opacity: 0.9; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 6px 16px; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; } dt.wide { grid-column: 1; } dl.facts dd.wide { grid-column: span 3; }
code { font: 13px/1.3 ui-monospace, "DejaVu Sans Mono", monospace; background: var(--band); padding: 1px 4px; border-radius: 4px; }
.chart { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
svg.timeline { display: block; width: 100%; height: auto; font-size: 12px; }
svg .lane { fill: #fff; } svg .lane.odd { fill: var(--band); }
svg .lane-name { text-anchor: end; fill: var(--ink); font-weight: 600; }
svg .axis { stroke: var(--ink); stroke-width: 1.2; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .tick, svg .gap-span { text-anchor: middle; fill: var(--muted); }
svg .date { text-anchor: middle; fill: var(--ink); font-weight: 600; }
svg .break { fill: #fff; stroke: var(--line); stroke-dasharray: 3 3; }
svg .gap { text-anchor: middle; fill: var(--muted); font-size: 18px; }
svg .mark { stroke: #fff; stroke-width: 1.2; }
svg .m-action { fill: var(--ok); } svg .m-error { fill: var(--bad); } svg .m-event { fill: var(--event); }
svg .m-fault { fill: var(--fault); } svg .m-instructor { fill: var(--instructor); } svg .m-objective { fill: var(--goal); stroke: #7a6200; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.when { white-space: nowrap; color: var(--muted); }
td.kind, td code { white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
.tag { display: inline-block; min-width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: baseline; }
.tag.action { background: var(--ok); } .tag.error { background: var(--bad); } .tag.event { background: var(--event); }
.tag.fault { background: var(--fault); } .tag.instructor { background: var(--instructor); } .tag.objective { background: var(--goal); }
.not-met { color: var(--bad); } .met { color: var(--ok); } .empty { color: var(--muted); font-style: italic; }
tr.failed td { background: #fdf0f0; }
@media print {
  body { background: #fff; font-size: 12px; }
  main { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  .chart { overflow: visible; border: none; } svg.timeline { width: 100%; height: auto; }
  h2 { break-after: avoid; } tr { break-inside: avoid; }
  .score { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

std::string document_head(const std::string& lang, const std::string& title) {
    return fmt::format(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{0}\" "
        "xml:lang=\"{0}\">\n<head>\n"
        "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\"/>\n"
        "<title>{1}</title>\n<style>{2}</style>\n</head>\n",
        esc(lang), esc(title), kStyle);
}

void fact(std::string& out, const std::string& term, const std::string& value_html, bool wide = false) {
    out += (wide ? "<dt class=\"wide\">" : "<dt>") + esc(term) +
           (wide ? "</dt><dd class=\"wide\">" : "</dt><dd>") + value_html + "</dd>\n";
}

// The page's header: its title and what made it.
void html_header(std::string& out, const Debrief& d, const Strings& text, const std::string& title) {
    auto add = std::back_inserter(out);
    out += "<body>\n<main>\n<header>\n";
    fmt::format_to(add, "<h1>{}</h1>\n", esc(title));
    fmt::format_to(add, "<p class=\"meta\">{}</p>\n",
                   esc(text.format("debrief.generated_by", {{"version", version()}, {"zone", d.time_zone}})));
    out += "</header>\n";
}

// The score and the facts of the run.
void html_summary(std::string& out, const Debrief& d, const Strings& text) {
    auto add = std::back_inserter(out);
    int met = 0;
    for (const ObjectiveTime& o : d.objectives) met += o.met_at >= 0 ? 1 : 0;
    fmt::format_to(add, "<section>\n<h2>{}</h2>\n<div class=\"summary\">\n",
                   esc(text.get("debrief.summary")));
    fmt::format_to(add,
                   "<div class=\"score{}\"><div class=\"value\">{}</div><div class=\"of\">{}</div></div>\n",
                   d.score.score >= 80   ? ""
                   : d.score.score >= 50 ? " mid"
                                         : " low",
                   d.score.score,
                   esc(text.get("debrief.score") + " · " +
                       text.format("debrief.score_value", {{"score", d.score.score}})));
    out += "<dl class=\"facts\">\n";
    fact(out, text.get("debrief.scenario"), esc(d.title) + " <code>" + esc(d.scenario_id) + "</code>", true);
    if (!d.trainee.empty()) fact(out, text.get("debrief.trainee"), esc(d.trainee));
    fact(out, text.get("debrief.mode"),
         esc(d.mode.empty() ? text.get("debrief.mode.unknown")
                            : label_or(text, "scenario.mode." + d.mode, d.mode)));
    fact(out, text.get("debrief.seed"), "<code>" + std::to_string(d.seed) + "</code>");
    fact(out, text.get("debrief.objectives_met"),
         esc(text.format("debrief.objectives_met_value", {{"met", met}, {"total", d.objectives.size()}})));
    fact(out, text.get("debrief.actions"),
         esc(text.format("debrief.actions_value", {{"total", d.actions}, {"failed", d.actions_failed}})));
    fact(out, text.get("debrief.started"), esc(d.start_text));
    fact(out, text.get("debrief.ended"), esc(d.end_text));
    fact(out, text.get("debrief.duration"), esc(format_span(d.end - d.start, text)));
    fact(out, text.get("debrief.reproduced"), esc(text.get(d.reproduced ? "debrief.yes" : "debrief.no")));
    if (!d.reproduced && !d.difference.empty())
        fact(out, label_or(text, "debrief.difference", "First difference"),
             "<code class=\"difference\">" + esc(d.difference) + "</code>", true);
    fact(out, text.get("debrief.journal_hash"), "<code>" + esc(d.journal_hash) + "</code>");
    fact(out, text.get("debrief.state_hash"), "<code>" + esc(d.state_hash) + "</code>");
    if (!d.note.empty()) fact(out, text.get("debrief.note"), esc(d.note), true);
    out += "</dl>\n</div>\n</section>\n";
}

// The timeline chart.
void html_timeline(std::string& out, const Debrief& d, const Strings& text) {
    auto add = std::back_inserter(out);
    fmt::format_to(add, "<section>\n<h2>{}</h2>\n<p class=\"help\">{}</p>\n",
                   esc(text.get("debrief.timeline")), esc(text.get("debrief.timeline_help")));
    out += "<div class=\"chart\">\n" + timeline_svg(d, text) + "</div>\n";
    if (d.timeline.empty())
        fmt::format_to(add, "<p class=\"empty\">{}</p>\n", esc(text.get("debrief.timeline_empty")));
    out += "</section>\n";
}

// Time per objective.
void html_objective_times(std::string& out, const Debrief& d, const Strings& text) {
    const Calendar cal = calendar_of(d);
    auto add = std::back_inserter(out);
    fmt::format_to(add,
                   "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th "
                   "class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                   esc(text.get("debrief.objective_times")), esc(text.get("debrief.col.objective")),
                   esc(text.get("debrief.col.weight")), esc(text.get("debrief.col.met_at")),
                   esc(text.get("debrief.col.spent")));
    for (const ObjectiveTime& o : d.objectives) {
        const bool is_met = o.met_at >= 0;
        fmt::format_to(add,
                       "<tr><td><span class=\"{}\">{}</span> {}</td><td class=\"num\">{}</td><td "
                       "class=\"when\">{}</td><td class=\"num\">{}</td></tr>\n",
                       is_met ? "met" : "not-met", is_met ? "✔" : "✘", esc(o.title.in(d.lang)), o.weight,
                       is_met ? esc(moment_text(cal, o.met_at, text))
                              : "<span class=\"not-met\">" + esc(text.get("debrief.not_met")) + "</span>",
                       esc(format_span(o.spent, text)));
    }
    out += "</tbody>\n</table>\n</section>\n";
}

// The failed actions.
void html_mistakes(std::string& out, const Debrief& d, const Strings& text) {
    const Calendar cal = calendar_of(d);
    auto add = std::back_inserter(out);
    fmt::format_to(add, "<section>\n<h2>{}</h2>\n", esc(text.get("debrief.mistakes")));
    if (d.mistakes.empty()) {
        fmt::format_to(add, "<p class=\"empty\">{}</p>\n", esc(text.get("debrief.no_mistakes")));
    } else {
        fmt::format_to(
            add, "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            esc(text.get("debrief.col.time")), esc(text.get("debrief.col.operation")),
            esc(text.get("debrief.col.error")), esc(text.get("debrief.col.message")));
        for (const Mistake& m : d.mistakes)
            fmt::format_to(add,
                           "<tr><td class=\"when\">{}</td><td title=\"{}\">{}</td><td "
                           "title=\"{}\">{}</td><td>{}</td></tr>\n",
                           esc(moment_text(cal, m.time, text)), esc(m.operation),
                           esc(op_label(text, m.operation)), esc(m.error_code),
                           esc(label_or(text, "errname." + m.error_code, m.error_code)), esc(m.message));
        out += "</tbody>\n</table>\n";
    }
    out += "</section>\n";
}

// The penalties and their total.
void html_penalties(std::string& out, const Debrief& d, const Strings& text) {
    auto add = std::back_inserter(out);
    fmt::format_to(add, "<section>\n<h2>{}</h2>\n", esc(text.get("debrief.penalties")));
    if (d.score.penalties.empty()) {
        fmt::format_to(add, "<p class=\"empty\">{}</p>\n", esc(text.get("debrief.no_penalties")));
    } else {
        fmt::format_to(add,
                       "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th "
                       "class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                       esc(text.get("debrief.col.penalty")), esc(text.get("debrief.col.count")),
                       esc(text.get("debrief.col.points")));
        int total = 0;
        for (std::size_t i = 0; i < d.score.penalties.size(); ++i) {
            const PenaltyItem& p = d.score.penalties[i];
            total += p.points;
            fmt::format_to(add, "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">−{}</td></tr>\n",
                           esc(i < d.penalty_labels.size() ? d.penalty_labels[i] : p.reason), p.count,
                           p.points);
        }
        fmt::format_to(
            add,
            "<tr class=\"total\"><td>{}</td><td></td><td class=\"num\">−{}</td></tr>\n</tbody>\n</table>\n",
            esc(text.get("debrief.penalties_total")), total);
    }
    out += "</section>\n";
}

// Every timeline entry, for print (tooltips do not print).
void html_all_entries(std::string& out, const Debrief& d, const Strings& text) {
    const Calendar cal = calendar_of(d);
    auto add = std::back_inserter(out);
    if (!d.timeline.empty()) {
        fmt::format_to(add,
                       "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</"
                       "th></tr></thead>\n<tbody>\n",
                       esc(text.get("debrief.all_entries")), esc(text.get("debrief.col.time")),
                       esc(text.get("debrief.col.kind")), esc(text.get("debrief.col.what")),
                       esc(text.get("debrief.col.detail")));
        for (const TimelineItem& t : d.timeline)
            fmt::format_to(add,
                           "<tr{}><td class=\"when\">{}</td><td class=\"kind\"><span class=\"tag "
                           "{}\"></span>{}</td><td>{}</td><td>{}</td></tr>\n",
                           t.lane == "error" ? " class=\"failed\"" : "", esc(moment_text(cal, t.time, text)),
                           esc(t.lane), esc(text.get("debrief.lane." + t.lane)), esc(t.label), esc(t.detail));
        out += "</tbody>\n</table>\n</section>\n";
    }
}

}  // namespace

std::string debrief_html(const Debrief& d, const Strings& text) {
    const std::string title = text.format("debrief.title", {{"title", d.title}});
    std::string out = document_head(d.lang, title);
    html_header(out, d, text, title);
    html_summary(out, d, text);
    html_timeline(out, d, text);
    html_objective_times(out, d, text);
    html_mistakes(out, d, text);
    html_penalties(out, d, text);
    html_all_entries(out, d, text);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

// [SECTION] Workshop report

std::vector<WorkshopRow> workshop_rows(const std::string& dir, const Strings& text) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    std::vector<WorkshopRow> rows;
    for (const fs::path& f : files) {
        WorkshopRow row;
        row.file = f.filename().string();
        row.trainee = row.file;
        std::string error;
        const Debrief d = debrief_from_file(f.string(), text, error);
        if (!error.empty()) {
            row.error = error;
            rows.push_back(std::move(row));
            continue;
        }
        if (!d.trainee.empty()) row.trainee = d.trainee;
        row.scenario_id = d.scenario_id;
        row.scenario_title = d.title;
        row.score = d.score.score;
        row.time_taken = d.end - d.start;
        row.mistakes = d.mistakes.size();
        for (const PenaltyItem& p : d.score.penalties) row.penalty_points += p.points;
        for (const ObjectiveTime& o : d.objectives) row.objectives_met += o.met_at >= 0 ? 1 : 0;
        row.objectives_total = static_cast<int>(d.objectives.size());
        row.reproduced = d.reproduced;
        rows.push_back(std::move(row));
    }
    return rows;
}

nlohmann::json to_json(const std::vector<WorkshopRow>& rows) {
    Json out = Json::array();
    for (const WorkshopRow& r : rows) {
        Json j{{"file", r.file}, {"trainee", r.trainee}};
        if (!r.error.empty()) {
            j["error"] = r.error;
        } else {
            j.update({{"scenario", {{"id", r.scenario_id}, {"title", r.scenario_title}}},
                      {"score", r.score},
                      {"time_taken_ms", r.time_taken},
                      {"mistakes", r.mistakes},
                      {"penalty_points", r.penalty_points},
                      {"objectives", {{"met", r.objectives_met}, {"total", r.objectives_total}}},
                      {"reproduced", r.reproduced}});
        }
        out.push_back(std::move(j));
    }
    return {{"npsim_workshop_report", 1}, {"version", version()}, {"sessions", std::move(out)}};
}

std::string workshop_report_html(const std::vector<WorkshopRow>& rows, const Strings& text) {
    const std::string lang = lang_of(text);
    const std::string& title = text.get("debrief.workshop.title");
    std::string out = document_head(lang, title);
    auto add = std::back_inserter(out);
    fmt::format_to(
        add, "<body>\n<main>\n<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n", esc(title),
        esc(text.format("debrief.workshop.intro", {{"count", rows.size()}, {"version", version()}})));
    if (rows.empty()) {
        fmt::format_to(add, "<p class=\"empty\">{}</p>\n</main>\n</body>\n</html>\n",
                       esc(text.get("debrief.workshop.empty")));
        return out;
    }
    static const char* const kCols[] = {"file",     "trainee",   "scenario",   "score",     "time",
                                        "mistakes", "penalties", "objectives", "reproduced"};
    out += "<table>\n<thead><tr>";
    for (const char* c : kCols) {
        const std::string name(c);
        const bool num = name == "score" || name == "time" || name == "mistakes" || name == "penalties" ||
                         name == "objectives";
        fmt::format_to(add, "<th{}>{}</th>", num ? " class=\"num\"" : "",
                       esc(text.get("debrief.workshop.col." + name)));
    }
    out += "</tr></thead>\n<tbody>\n";
    int sum = 0, counted = 0;
    for (const WorkshopRow& r : rows) {
        if (!r.error.empty()) {
            fmt::format_to(add,
                           "<tr class=\"failed\"><td><code>{}</code></td><td>{}</td><td colspan=\"7\" "
                           "class=\"not-met\">{}</td></tr>\n",
                           esc(r.file), esc(r.trainee),
                           esc(text.format("debrief.workshop.error", {{"error", r.error}})));
            continue;
        }
        sum += r.score;
        ++counted;
        fmt::format_to(add,
                       "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td "
                       "class=\"num\"><strong>{}</strong></td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{} / {}</td><td "
                       "class=\"{}\">{}</td></tr>\n",
                       esc(r.file), esc(r.trainee), esc(r.scenario_title), r.score,
                       esc(format_span(r.time_taken, text)), r.mistakes,
                       r.penalty_points > 0 ? "−" + std::to_string(r.penalty_points) : std::string("0"),
                       r.objectives_met, r.objectives_total, r.reproduced ? "met" : "not-met",
                       esc(text.get(r.reproduced ? "debrief.yes" : "debrief.no")));
    }
    out += "</tbody>\n</table>\n";
    if (counted > 0)
        fmt::format_to(
            add, "<p class=\"meta\">{}</p>\n",
            esc(text.format("debrief.workshop.average", {{"score", (sum + counted / 2) / counted}})));
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace sim
