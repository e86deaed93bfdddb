// sim/debrief.hpp — what happened in a run, for the trainee and the trainer: timeline, time per
// objective, mistakes, penalties, score; as one self-contained HTML file and as JSON.
//
// A debrief is built from a finished (or running) simulation, or by replaying a session file / repro
// bundle. Every text in it is localised when it is made (through Strings: assets/i18n/debrief, the
// sim texts (error texts, operation names), the scenario's own bilingual titles), so rendering needs no
// catalogs beyond the headings. The workshop report puts one row per session file of a folder into one table.
// Pure: no wall clock, no UI; the same inputs give byte-identical HTML and JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sim/assessment.hpp"
#include "sim/bundle.hpp"
#include "sim/i18n.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"
#include "sim/text.hpp"
#include "sim/time.hpp"

namespace sim {

// One mark on the timeline.
struct TimelineItem {
    SimTime time = 0;
    std::string lane;    // "action" (ok) | "error" (failed action) | "event" (background) | "fault" |
                         // "instructor" | "objective" (met)
    std::string label;   // localised, short: "Assign licence", "Objective met: …"
    std::string detail;  // localised, longer: the error message, the fault effect, …
    bool ok = true;      // false for errors and faults
};

struct ObjectiveTime {
    std::string id;
    LocalText title;
    SimTime met_at = -1;  // -1 = not met
    SimTime spent = -1;   // met: time since the previous objective was met (or the start); not met: -1
    int weight = 0;
};

// A failed action (not instructor actions).
struct Mistake {
    SimTime time = 0;
    std::string operation;   // "billing.place_order"
    std::string error_code;  // "billing.invalid_payment_method"
    std::string message;     // the localised error text the trainee saw
};

struct Debrief {
    std::string lang = "en";  // the language every text below is in
    std::string scenario_id;
    std::string title;  // localised scenario title
    std::uint64_t seed = 1;
    std::string mode;            // "demo" | "guided" | "exam" | "" (unknown); set by the caller
    std::string trainee;         // who played (workshop reports); may be empty
    std::string note;            // the bundle's note, if any
    SimTime start = 0, end = 0;  // sim times: the first and the last moment of the run
    CivilDate start_date;        // the scenario's local calendar at sim time 0 …
    int start_minute_of_day = 9 * 60;
    std::string time_zone = "Europe/Berlin";
    std::string start_text, end_text;      // … and the run's start / end as localised local date and time
    std::string journal_hash, state_hash;  // 16 hex digits
    bool reproduced = true;  // from a bundle: ReplayReport::reproduced() of the replay (scenario, every
                             // journal entry, both hashes)
    std::string difference;  // not reproduced: the first difference, both sides (ReplayReport::difference)
    std::size_t actions = 0, actions_failed = 0;
    std::vector<TimelineItem> timeline;  // in time order
    std::vector<ObjectiveTime> objectives;
    std::vector<Mistake> mistakes;
    ScoreReport score;                        // with penalties
    std::vector<std::string> penalty_labels;  // localised, one per score.penalties entry
};

// The debrief of `sim` as it is now; `report` is the tracker's report (it knows when objectives
// were met). Set `mode`, `trainee` afterwards if known.
Debrief make_debrief(const Scenario& scenario, const Simulation& sim, const ScoreReport& report,
                     const Strings& text);

// Replays the bundle (tracker updated after every action and every event, as the app does) and
// debriefs the result. On failure (the embedded scenario does not load) returns {} with `error` set.
Debrief debrief_from_bundle(const ReproBundle& bundle, const Strings& text, std::string& error);
// Loads a session file / repro bundle and debriefs it; takes mode and trainee ("work_account")
// from the file's "session" object when present.
Debrief debrief_from_file(const std::string& path, const Strings& text, std::string& error);

// One self-contained XHTML document (inline CSS and SVG, no external references), lang = d.lang.
std::string debrief_html(const Debrief& d, const Strings& text);
nlohmann::json to_json(const Debrief& d);
bool debrief_from_json(const nlohmann::json& j, Debrief& out, std::string& error);

// [SECTION] Workshop report: one row per session file of a folder

struct WorkshopRow {
    std::string file;     // file name (no folder)
    std::string trainee;  // session.work_account, else the file name
    std::string error;    // non-empty: the file did not load / replay; the rest is empty
    std::string scenario_id, scenario_title;
    int score = 0;
    SimTime time_taken = 0;  // sim time from start to the end of the run
    std::size_t mistakes = 0;
    int penalty_points = 0;
    int objectives_met = 0, objectives_total = 0;
    bool reproduced = false;
};

// Every *.json file of `dir`, sorted by file name.
std::vector<WorkshopRow> workshop_rows(const std::string& dir, const Strings& text);
std::string workshop_report_html(const std::vector<WorkshopRow>& rows, const Strings& text);
nlohmann::json to_json(const std::vector<WorkshopRow>& rows);

// "2 h 05 min", "3 d 4 h", "45 s": a sim duration for people.
std::string format_span(SimTime ms, const Strings& text);

}  // namespace sim
