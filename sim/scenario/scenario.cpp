// sim/scenario.cpp — loading scenario files with precise, friendly error messages.
//
// [SECTION] Errors and suggestions
// [SECTION] Fields
// [SECTION] Loading
#include "sim/scenario.hpp"

#include "sim/catalog.hpp"
#include "sim/json_input.hpp"

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

struct Reader {
    const std::string& file;
    std::vector<LoadError>& errors;

    void error(const std::string& pointer, std::string message) {
        errors.push_back(LoadError{file, pointer.empty() ? "/" : pointer, std::move(message)});
    }

    void check_keys(const nlohmann::json& obj, const std::string& pointer,
                    const std::vector<std::string>& known) {
        for (auto& [where, message] : unknown_keys(obj, pointer, known)) error(where, std::move(message));
    }

    std::string string(const nlohmann::json& obj, const char* key, const std::string& pointer, bool required,
                       std::string fallback = "") {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(pointer, fmt::format("missing required key \"{}\"", key));
            return fallback;
        }
        if (!it->is_string()) {
            error(pointer + "/" + key, fmt::format("must be a string, not {}", it->type_name()));
            return fallback;
        }
        return it->get<std::string>();
    }

    // A whole number from lo to hi (json_input.hpp's integer_in_range); nullopt when absent or refused.
    std::optional<std::int64_t> integer(const nlohmann::json& obj, const char* key,
                                        const std::string& pointer, std::int64_t lo, std::int64_t hi) {
        auto it = obj.find(key);
        if (it == obj.end()) return std::nullopt;
        NumberError why;
        auto v = integer_in_range(*it, pointer + "/" + key, lo, hi, why);
        if (!v) error(why.pointer, why.message);
        return v;
    }

    LocalText text(const nlohmann::json& obj, const char* key, const std::string& pointer, bool required) {
        LocalText t;
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(pointer, fmt::format("missing required key \"{}\"", key));
            return t;
        }
        const std::string p = pointer + "/" + key;
        if (it->is_string()) {
            t.en = it->get<std::string>();
            return t;
        }
        if (!it->is_object()) {
            error(p, "must be a text or an object {\"en\": …, \"de\": …}");
            return t;
        }
        check_keys(*it, p, {"en", "de"});
        t.en = string(*it, "en", p, true);
        t.de = string(*it, "de", p, false);
        return t;
    }
};

constexpr std::int64_t kMaxEstimatedMinutes = 10'000;  // about a week of training

const std::vector<std::string> kTopLevelKeys = {
    "$schema",           "schema_version", "id",       "title",      "description", "audience",
    "estimated_minutes", "difficulty",     "seed",     "start_date", "start_time",  "time_zone",
    "default_language",  "catalog",        "settings", "delays",     "start",       "faults",
    "objectives",        "penalties",      "modes",    "timer",      "hints",       "solution",
    "instructor"};

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
    r.check_keys(doc, "", kTopLevelKeys);

    Scenario s;
    s.path = file_name;
    auto version = doc.find("schema_version");
    if (version == doc.end())
        r.error("", "missing required key \"schema_version\"");
    else if (!version->is_number_integer())
        r.error("/schema_version", "must be an integer");
    else if (*version != nlohmann::json(kScenarioSchemaVersion))
        r.error("/schema_version", fmt::format("version {} is not supported (this npsim reads version {})",
                                               version->dump(), kScenarioSchemaVersion));
    s.id = r.string(doc, "id", "", true);
    s.title = r.text(doc, "title", "", true);
    s.description = r.text(doc, "description", "", false);
    s.difficulty = r.string(doc, "difficulty", "", false, "beginner");
    if (s.difficulty != "beginner" && s.difficulty != "intermediate" && s.difficulty != "advanced")
        r.error("/difficulty",
                fmt::format("\"{}\" is not one of beginner, intermediate, advanced", s.difficulty));
    if (auto m = r.integer(doc, "estimated_minutes", "", 1, kMaxEstimatedMinutes))
        s.estimated_minutes = static_cast<int>(*m);
    s.default_language = r.string(doc, "default_language", "", false, "en");
    if (s.default_language != "en" && s.default_language != "de")
        r.error("/default_language",
                fmt::format("\"{}\" is not a supported language (en, de)", s.default_language));

    if (auto seed = doc.find("seed"); seed != doc.end()) {
        NumberError why;
        if (auto v = unsigned_integer(*seed, "/seed", why))
            s.setup.seed = *v;
        else
            r.error(why.pointer, why.message);
    }
    const std::string date = r.string(doc, "start_date", "", false, "2025-03-03");
    std::string date_error;
    if (auto d = parse_date(date, &date_error))
        s.setup.start_date = *d;
    else
        r.error("/start_date", date_error);
    const std::string time = r.string(doc, "start_time", "", false, "09:00");
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
    const std::string zone = r.string(doc, "time_zone", "", false, "Europe/Berlin");
    if (auto tz = time_zone_by_name(zone))
        s.setup.time_zone = *tz;
    else
        r.error("/time_zone",
                fmt::format("unknown time zone \"{}\" (e.g. Europe/Berlin, Europe/London, UTC)", zone));

    // The catalog edition (data in assets/catalog) and the start state of the world.
    std::string edition = "before-2025-07";
    nlohmann::json overrides;
    if (auto cat = doc.find("catalog"); cat != doc.end()) {
        if (!cat->is_object())
            r.error("/catalog", "must be an object {\"edition\": …, \"overrides\": …}");
        else {
            r.check_keys(*cat, "/catalog", {"edition", "overrides"});
            edition = r.string(*cat, "edition", "/catalog", false, edition);
            if (cat->contains("overrides")) overrides = (*cat)["overrides"];
        }
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

    // Training: objectives, penalties, the reference solution, modes and the exam timer.
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
    if (auto timer = doc.find("timer"); timer != doc.end()) {
        if (!timer->is_object())
            r.error("/timer", "must be {\"exam_countdown\": \"45m\"}");
        else {
            r.check_keys(*timer, "/timer", {"exam_countdown"});
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
    // The instructor console's lock: {"instructor": {"pin": "2468"}} (the app reads it from `source`).
    if (auto in = doc.find("instructor"); in != doc.end()) {
        if (!in->is_object())
            r.error("/instructor", "must be {\"pin\": \"…\"}");
        else {
            r.check_keys(*in, "/instructor", {"pin"});
            if (auto pin = in->find("pin");
                pin != in->end() && (!pin->is_string() || pin->get<std::string>().size() < 4 ||
                                     pin->get<std::string>().size() > 12))
                r.error("/instructor/pin", "must be text of 4 to 12 characters");
        }
    }
    s.audience = r.string(doc, "audience", "", false, "");
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
