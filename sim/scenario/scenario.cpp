// sim/scenario.cpp — loading scenario files with precise, friendly error messages. The fields of each
// object are described once (sim/shape.hpp): unknown keys, types and ranges come from that description.
//
// [SECTION] Errors and suggestions
// [SECTION] Fields
// [SECTION] Loading
#include "sim/scenario.hpp"
#include "sim/fault_refs.hpp"
#include "sim/object_refs.hpp"

#include "sim/catalog.hpp"
#include "sim/json_input.hpp"
#include "sim/programme.hpp"
#include "sim/registry.hpp"
#include "sim/shape.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace sim {

// [SECTION] Errors and suggestions

std::string LoadError::to_string() const {
    if (where.empty()) return fmt::format("{}: {}", file, message);
    if (!where.empty() && where[0] == '/') return fmt::format("{}: {}: {}", file, where, message);
    return fmt::format("{}:{}: {}", file, where, message);
}

// [SECTION] Fields

namespace {

constexpr std::int64_t kMaxEstimatedMinutes = 10'000;  // about a week of training
constexpr std::size_t kMaxSupportCases = 64;

// "C" and a number from 1 to 999 without a leading zero.
bool is_support_case_id(const nlohmann::json& v) {
    if (!v.is_string()) return false;
    const std::string& t = v.get_ref<const std::string&>();
    if (t.size() < 2 || t.size() > 4 || t[0] != 'C' || t[1] == '0') return false;
    return std::all_of(t.begin() + 1, t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The document's keys, in the order "did you mean" prefers them; read by load_checked in its own order.
const auto kScenarioShape =
    described(Shape<Scenario>("#", TypeWords::MustBe)
                  .known("$schema")
                  .known("schema_version")
                  .string("id", &Scenario::id)
                  .required()
                  .known("title")
                  .known("description")
                  .string("audience", &Scenario::audience)
                  .integer("estimated_minutes", &Scenario::estimated_minutes, 1, kMaxEstimatedMinutes)
                  .string("difficulty", &Scenario::difficulty)
                  .known("seed")
                  .known("start_date", FieldType::String)
                  .known("start_time", FieldType::String)
                  .known("time_zone", FieldType::String)
                  .string("default_language", &Scenario::default_language)
                  .known("catalog")
                  .known("settings")
                  .known("delays")
                  .known("start")
                  .known("texts")
                  .known("faults")
                  .known("objectives")
                  .known("penalties")
                  .known("modes")
                  .known("timer")
                  .known("hints")
                  .known("solution")
                  .known("instructor")
                  .known("support_cases"));
// A text in both languages: "…" or {"en": …, "de": …}.
const auto kTextShape = described(Shape<LocalText>("#/$defs/text/anyOf/1", TypeWords::MustBe)
                                      .string("en", &LocalText::en)
                                      .required()
                                      .string("de", &LocalText::de));
const auto kCatalogShape = described(Shape<Scenario>("#/properties/catalog", TypeWords::MustBe)
                                         .known("edition", FieldType::String)
                                         .known("overrides"));
const auto kTimerShape = described(Shape<Scenario>("#/properties/timer").known("exam_countdown"));
const auto kInstructorShape = described(Shape<Scenario>("#/properties/instructor").known("pin"));

struct Reader {
    const std::string& file;
    std::vector<LoadError>& errors;

    void error(const std::string& pointer, std::string message) {
        errors.push_back(LoadError{file, pointer.empty() ? "/" : pointer, std::move(message)});
    }
    void take(const ShapeErrors& found) {
        for (const auto& e : found) error(e.pointer, e.message);
    }
    void check_keys(const ObjectShape& shape, const nlohmann::json& obj, const std::string& pointer) {
        ShapeErrors found;
        shape.check_keys(obj, pointer, found);
        take(found);
    }
    // One described field of the document through its member; false when absent or refused.
    bool read(const nlohmann::json& doc, const char* key, Scenario& s) {
        ShapeErrors found;
        const bool ok = kScenarioShape.read(doc, key, "", s, found);
        take(found);
        return ok;
    }
    // A text field read by hand: `fallback` when absent or refused.
    std::string string(const ObjectShape& shape, const nlohmann::json& obj, const char* key,
                       const std::string& pointer, std::string fallback) {
        ShapeErrors found;
        FieldValue v;
        const bool ok = shape.value(obj, key, pointer, v, found);
        take(found);
        return ok ? v.string : fallback;
    }
    LocalText text(const nlohmann::json& obj, const char* key, bool required) {
        LocalText t;
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error("", fmt::format("missing required key \"{}\"", key));
            return t;
        }
        const std::string p = std::string("/") + key;
        if (it->is_string()) {
            t.en = it->get<std::string>();
            return t;
        }
        if (!it->is_object()) {
            error(p, "must be a text or an object {\"en\": …, \"de\": …}");
            return t;
        }
        ShapeErrors found;
        kTextShape.check_keys(*it, p, found);
        kTextShape.read(*it, p, t, found);
        take(found);
        return t;
    }
};

}  // namespace

// [SECTION] Loading

static ScenarioLoad load_checked(const std::string& text, const std::string& file_name,
                                 const CatalogSource& catalogs);

ScenarioLoad load_scenario_text(const std::string& text, const std::string& file_name,
                                const CatalogSource& catalogs) {
    // Every field is type-checked before use; this guard turns any slip into a message, never a crash.
    try {
        return load_checked(text, file_name, catalogs);
    } catch (const std::exception& e) {
        ScenarioLoad out;
        out.errors.push_back(LoadError{file_name, "", std::string("could not be read: ") + e.what()});
        return out;
    }
}

namespace {

// "support_cases": ["C12", …]: distinct case numbers of the references (whether a number exists is
// checked against assets/support-cases.json by the io layer's loader, sim/data_files.cpp).
void read_support_cases(const nlohmann::json& doc, Reader& r, Scenario& s) {
    auto cases = doc.find("support_cases");
    if (cases == doc.end()) return;
    if (!cases->is_array() || cases->size() > kMaxSupportCases) {
        r.error("/support_cases",
                fmt::format("must be an array of up to {} case numbers such as [\"C12\"]", kMaxSupportCases));
        return;
    }
    for (std::size_t i = 0; i < cases->size(); ++i) {
        const auto& c = (*cases)[i];
        const std::string p = fmt::format("/support_cases/{}", i);
        if (!is_support_case_id(c)) {
            r.error(p, fmt::format("{} is not a support case number such as \"C12\"", c.dump()));
            continue;
        }
        const std::string id = c.get<std::string>();
        if (std::find(s.support_cases.begin(), s.support_cases.end(), id) != s.support_cases.end())
            r.error(p, fmt::format("\"{}\" is listed twice", id));
        else
            s.support_cases.push_back(id);
    }
}

// schema_version, id, title, description, difficulty, estimated_minutes, default_language.
void read_about(const nlohmann::json& doc, Reader& r, Scenario& s) {
    auto version = doc.find("schema_version");
    if (version == doc.end())
        r.error("", "missing required key \"schema_version\"");
    else if (!version->is_number_integer())
        r.error("/schema_version", "must be an integer");
    else if (*version < kOldestScenarioSchemaVersion || *version > kScenarioSchemaVersion)
        r.error("/schema_version",
                fmt::format("version {} is not supported (this npsim reads versions {} to {})",
                            version->dump(), kOldestScenarioSchemaVersion, kScenarioSchemaVersion));
    else
        s.schema_version = version->get<int>();
    r.read(doc, "id", s);
    s.title = r.text(doc, "title", true);
    s.description = r.text(doc, "description", false);
    r.read(doc, "difficulty", s);
    if (s.difficulty != "beginner" && s.difficulty != "intermediate" && s.difficulty != "advanced")
        r.error("/difficulty",
                fmt::format("\"{}\" is not one of beginner, intermediate, advanced", s.difficulty));
    r.read(doc, "estimated_minutes", s);
    r.read(doc, "default_language", s);
    read_support_cases(doc, r, s);
    if (s.default_language != "en" && s.default_language != "de")
        r.error("/default_language",
                fmt::format("\"{}\" is not a supported language (en, de)", s.default_language));
}

// seed, start_date, start_time, time_zone.
void read_clock(const nlohmann::json& doc, Reader& r, Scenario& s) {
    if (auto seed = doc.find("seed"); seed != doc.end()) {
        NumberError why;
        if (auto v = unsigned_integer(*seed, "/seed", why))
            s.setup.seed = *v;
        else
            r.error(why.pointer, why.message);
    }
    const std::string date = r.string(kScenarioShape, doc, "start_date", "", "2025-03-03");
    std::string date_error;
    if (auto d = parse_date(date, &date_error))
        s.setup.start_date = *d;
    else
        r.error("/start_date", date_error);
    const std::string time = r.string(kScenarioShape, doc, "start_time", "", "09:00");
    int hh = -1, mm = -1;
    if (time.size() == 5 && time[2] == ':' && std::isdigit(static_cast<unsigned char>(time[0])) &&
        std::isdigit(static_cast<unsigned char>(time[1])) &&
        std::isdigit(static_cast<unsigned char>(time[3])) &&
        std::isdigit(static_cast<unsigned char>(time[4]))) {
        hh = (time[0] - '0') * 10 + (time[1] - '0');
        mm = (time[3] - '0') * 10 + (time[4] - '0');
    }
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
        r.error("/start_time", fmt::format("\"{}\" is not a time (write HH:MM)", time));
    else
        s.setup.start_minute_of_day = hh * 60 + mm;
    const std::string zone = r.string(kScenarioShape, doc, "time_zone", "", "Europe/Berlin");
    if (auto tz = time_zone_by_name(zone))
        s.setup.time_zone = *tz;
    else
        r.error("/time_zone",
                fmt::format("unknown time zone \"{}\" (e.g. Europe/Berlin, Europe/London, UTC)", zone));
}

// "edition": "by_date" (sim/programme.hpp): the edition in force on the start date; when the change date is
// still ahead, the next edition rides along in World::programme and an event switches it at 2025-07-01 00:00
// in the scenario's time zone. `refs` gets the SKUs of both editions, so references may name either.
void cat_by_date(const nlohmann::json& doc, Reader& r, const CatalogSource& catalogs,
                 const nlohmann::json& overrides, Scenario& s, Catalog& refs) {
    World& w = s.setup.world;
    w.programme.by_date = true;
    const Calendar cal(s.setup.start_date, s.setup.start_minute_of_day, s.setup.time_zone);
    const SimTime at = cal.at_local(kEditionChangeDate, 0);
    const bool ahead = at > 0;
    const char* other_edition = ahead ? kEditionFrom : kEditionBefore;
    Catalog other;
    std::string why;
    if (!catalogs(other_edition, overrides, other, why)) {
        r.error("/catalog", fmt::format("edition {} (by date, the change on {}): {}", other_edition,
                                        format_date(kEditionChangeDate), why));
        return;
    }
    for (const Product& p : other.products)
        if (refs.find(p.sku) == nullptr) refs.products.push_back(p);
    for (const Offer& o : other.offers)
        if (refs.find_offer(o.id) == nullptr) refs.offers.push_back(o);
    const nlohmann::json& start = doc.contains("start") ? doc["start"] : nlohmann::json();
    if (!ahead || (start.is_object() && start.contains("world"))) return;  // in force already, or a snapshot
    Catalog next = std::move(other);
    w.programme.edition_change_at = at;
    w.programme.next_catalog = std::move(next);
    w.start_events.push_back({at, "catalog.edition_changed", nlohmann::json::object()});
}

// The catalog edition (data in assets/catalog) and the start state of the world.
// `catalog_out` is the catalog the scenario uses, when it could be loaded.
void read_world(const nlohmann::json& doc, Reader& r, const CatalogSource& catalogs, Scenario& s,
                std::optional<Catalog>& catalog_out) {
    std::string edition = kEditionBefore;  // absent: pinned to before-2025-07 (recorded runs keep)
    nlohmann::json overrides;
    if (auto cat = doc.find("catalog"); cat != doc.end()) {
        if (!cat->is_object())
            r.error("/catalog", "must be an object {\"edition\": …, \"overrides\": …}");
        else {
            r.check_keys(kCatalogShape, *cat, "/catalog");
            edition = r.string(kCatalogShape, *cat, "edition", "/catalog", edition);
            if (cat->contains("overrides")) overrides = (*cat)["overrides"];
        }
    }
    const bool by_date = edition == kEditionByDate;
    if (by_date) {
        const Calendar cal(s.setup.start_date, s.setup.start_minute_of_day, s.setup.time_zone);
        edition = cal.at_local(kEditionChangeDate, 0) > 0 ? kEditionBefore : kEditionFrom;
    }
    Catalog catalog;
    std::string catalog_error;
    if (!catalogs) {
        r.error("/catalog", "no catalog source was given to the loader");
    } else if (!catalogs(edition, overrides, catalog, catalog_error)) {
        r.error("/catalog", catalog_error);
    } else {
        std::vector<StartStateError> world_errors;
        world_from_scenario(doc, catalog, s.setup.world, world_errors);
        start_events_from_scenario(doc, s.setup.events, world_errors);
        for (auto& e : world_errors) r.error(e.pointer, e.message);
        if (by_date) cat_by_date(doc, r, catalogs, overrides, s, catalog);
        catalog_out = std::move(catalog);
    }
    if (auto faults = doc.find("faults"); faults != doc.end()) {
        if (!faults->is_array())
            r.error("/faults", "must be an array of fault rules");
        else
            for (std::size_t i = 0; i < faults->size(); ++i) {
                FaultRule rule;
                std::vector<FaultParseError> errs;
                if (fault_rule_from_json((*faults)[i], rule, errs)) s.setup.faults.push_back(std::move(rule));
                for (auto& e : errs) r.error(fmt::format("/faults/{}{}", i, e.pointer), e.message);
            }
    }
}

// Training: objectives, penalties, the reference solution and the modes.
void read_training(const nlohmann::json& doc, Reader& r, Scenario& s) {
    std::vector<ConditionError> training_errors;
    s.assessment = assessment_from_scenario(doc, training_errors);
    s.solution = solution_from_scenario(doc, training_errors);
    for (auto& e : training_errors) r.error(e.pointer, e.message);
    if (auto modes = doc.find("modes"); modes != doc.end()) {
        s.modes.clear();
        if (!modes->is_array() || modes->empty())
            r.error("/modes", "must be a non-empty array of demo, guided, exam");
        else
            for (std::size_t i = 0; i < modes->size(); ++i) {
                const auto& m = (*modes)[i];
                if (m != "demo" && m != "guided" && m != "exam")
                    r.error(fmt::format("/modes/{}", i),
                            fmt::format("{} is not a mode (demo, guided, exam)", m.dump()));
                else
                    s.modes.push_back(m.get<std::string>());
            }
    }
}

// References (npsim-cli check): the operations, arguments and result codes of the reference solution
// (sim::journey_registry()), the SKUs and offers it and the objectives name (the catalog), the result
// codes of "last_result" conditions. A place already reported for its form is not reported again.
void read_references(const nlohmann::json& doc, Reader& r, const std::optional<Catalog>& catalog,
                     const Scenario& s) {
    std::vector<std::string> fault_codes;
    for (const FaultRule& rule : s.setup.faults)
        if (rule.effect == FaultRule::Effect::Error) fault_codes.push_back(rule.error_code);
    SolutionReferences solution_refs;
    solution_refs.registry = &journey_registry();
    solution_refs.codes = known_result_codes(journey_registry(), fault_codes);
    solution_refs.catalog = catalog ? &*catalog : nullptr;
    ConditionReferences condition_refs;
    condition_refs.codes = solution_refs.codes;
    for (const auto& [kind, handler] : journey_registry().events) condition_refs.events.push_back(kind);
    for (const auto& [name, op] : journey_registry().actions) condition_refs.operations.push_back(name);
    if (catalog) {
        condition_refs.edition = catalog->edition;
        for (const Product& p : catalog->products) condition_refs.skus.push_back(p.sku);
    }
    std::vector<ConditionError> found;
    check_solution_references(doc, solution_refs, found);
    check_condition_references(doc, condition_refs, found);
    check_object_references(doc, found);  // people and author ids (sim/object_refs.hpp)
    // Fault rules: operation globs, argument names, error codes (not the rules' own), durations.
    check_fault_references(doc, journey_registry(), known_result_codes(journey_registry()), found);
    for (auto& e : found) {
        const bool reported = std::any_of(r.errors.begin(), r.errors.end(),
                                          [&](const LoadError& l) { return l.where == e.pointer; });
        if (!reported) r.error(e.pointer, e.message);
    }
}

// The exam timer and the instructor console's lock: {"instructor": {"pin": "2468"}} (the app reads it
// from `source`).
void read_timer_and_lock(const nlohmann::json& doc, Reader& r, Scenario& s) {
    if (auto timer = doc.find("timer"); timer != doc.end()) {
        if (!timer->is_object())
            r.error("/timer", "must be {\"exam_countdown\": \"45m\"}");
        else {
            r.check_keys(kTimerShape, *timer, "/timer");
            if (timer->contains("exam_countdown")) {
                std::string why;
                const auto& v = (*timer)["exam_countdown"];
                auto d = v.is_string() ? parse_duration(v.get<std::string>(), &why) : std::nullopt;
                if (!d || d->business_days != 0)
                    r.error("/timer/exam_countdown",
                            why.empty() ? "must be a duration such as \"45m\"" : why);
                else
                    s.exam_countdown = d->ms;
            }
        }
    }
    if (auto in = doc.find("instructor"); in != doc.end()) {
        if (!in->is_object())
            r.error("/instructor", "must be {\"pin\": \"…\"}");
        else {
            r.check_keys(kInstructorShape, *in, "/instructor");
            if (auto pin = in->find("pin");
                pin != in->end() && (!pin->is_string() || pin->get<std::string>().size() < 4 ||
                                     pin->get<std::string>().size() > 12))
                r.error("/instructor/pin", "must be text of 4 to 12 characters");
        }
    }
}

}  // namespace

static ScenarioLoad load_checked(const std::string& text, const std::string& file_name,
                                 const CatalogSource& catalogs) {
    ScenarioLoad out;
    JsonInputError parse_error;
    std::optional<nlohmann::json> parsed = parse_json_checked(text, InputKind::Scenario, parse_error);
    if (!parsed) {
        out.errors.push_back(LoadError{file_name, parse_error.where(), parse_error.message});
        return out;
    }
    nlohmann::json doc = std::move(*parsed);
    Reader r{file_name, out.errors};
    if (!doc.is_object()) {
        r.error("", "a scenario must be a JSON object");
        return out;
    }
    r.check_keys(kScenarioShape, doc, "");

    Scenario s;
    s.path = file_name;
    read_about(doc, r, s);
    read_clock(doc, r, s);
    std::optional<Catalog> catalog;
    read_world(doc, r, catalogs, s, catalog);
    read_training(doc, r, s);
    read_references(doc, r, catalog, s);
    read_timer_and_lock(doc, r, s);
    s.audience.clear();
    r.read(doc, "audience", s);
    const bool wants_demo = std::find(s.modes.begin(), s.modes.end(), "demo") != s.modes.end();
    if (s.solution.steps.empty() && wants_demo) {
        if (doc.contains("modes"))
            r.error("/modes", "demo mode needs a \"solution\"");
        else
            s.modes = {"guided", "exam"};
    }

    s.source = doc;
    if (!out.errors.empty()) return out;
    out.scenario = std::move(s);
    return out;
}

}  // namespace sim
