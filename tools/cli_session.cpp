// tools/cli_session.cpp — recording, resuming, verifying and snapshotting session files from the CLI.
//
// [SECTION] Action scripts
// [SECTION] Recording and resuming
// [SECTION] replay
// [SECTION] snapshot
#include "tools/cli_session.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "sim/assessment.hpp"
#include "sim/data_files.hpp"
#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"
#include "sim/run.hpp"
#include "sim/snapshot.hpp"
#include "sim/solution.hpp"
#include "sim/text.hpp"

namespace cli {

// [SECTION] Action scripts

namespace {

// "t": an integer (ms) or a calendar duration text ("2d 3h"); business days have no fixed length.
bool parse_time(const nlohmann::json& t, sim::SimTime& out, std::string& error) {
    if (t.is_number_integer()) {
        sim::NumberError
            why;  // from 0 to the end of time (sim/time.hpp, kSimTimeMax), so no time can overflow
        const auto ms = sim::integer_in_range(t, "/t", 0, sim::kSimTimeMax, why);
        if (!ms) {
            error = why.text() + " (sim time in ms is at most 2^62)";
            return false;
        }
        out = *ms;
        return true;
    }
    if (!t.is_string()) {
        error = "/t: must be sim time in ms or a duration such as \"2d\"";
        return false;
    }
    std::string why;
    const auto d = sim::parse_duration(t.get<std::string>(), &why);
    if (!d || d->business_days != 0) {
        error = "/t: " + (d ? std::string("use calendar time (business days have no fixed length)") : why);
        return false;
    }
    out = d->ms;
    return true;
}

}  // namespace

bool read_script(const std::string& path, std::vector<ScriptLine>& out) {
    std::string text, why;
    if (!sim::read_input_file(path, sim::InputKind::Actions, text, why)) {
        std::cerr << sim::terminal_text(path) << ": " << sim::terminal_text(why) << "\n";
        return false;
    }
    std::istringstream in(text);
    std::string line;
    int n = 0, observations = 0;
    auto fail = [&](const std::string& message) {
        std::cerr << fmt::format("{}:{}: {}\n", sim::terminal_text(path), n, sim::terminal_text(message));
        return false;
    };
    while (std::getline(in, line)) {
        ++n;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        sim::JsonInputError parse_error;
        const std::optional<nlohmann::json> parsed =
            sim::parse_json_checked(line, sim::InputKind::Actions, parse_error);
        if (!parsed) return fail(fmt::format("column {}: {}", parse_error.column, parse_error.message));
        const nlohmann::json& j = *parsed;
        if (!j.is_object()) return fail("not a JSON object");
        ScriptLine item;
        item.line = n;
        if (j.contains("t")) {
            sim::SimTime t = 0;
            std::string error;
            if (!parse_time(j["t"], t, error)) return fail(error);
            item.time = t;
        }
        if (j.contains("observe")) {
            const nlohmann::json& o = j["observe"];
            ++observations;
            if (!o.is_object() || !o.contains("label") || !o["label"].is_string() || !o.contains("condition"))
                return fail("/observe: needs \"label\" (what you expect, in words) and \"condition\"");
            std::vector<sim::ConditionError> errors;
            if (!sim::validate_condition(o["condition"], "/observe/condition", errors))
                return fail(errors.empty() ? "/observe/condition: not a condition"
                                           : errors.front().pointer + ": " + errors.front().message);
            sim::Observation obs;
            obs.id = o.contains("id") && o["id"].is_string() ? o["id"].get<std::string>()
                                                             : fmt::format("obs-{}", observations);
            obs.label = o["label"].get<std::string>();
            obs.condition = o["condition"];
            item.observe = std::move(obs);
        } else {
            sim::Action a;
            std::string error;
            if (!sim::action_from_json(j.contains("action") ? j["action"] : j, a, error)) return fail(error);
            // Refused at load as the scenario loader refuses a solution step (a skip past the duration cap).
            for (const auto& e : sim::skip_time_errors(a))
                return fail((j.contains("action") ? "/action" : "") + e.pointer + ": " + e.message);
            item.action = std::move(a);
        }
        out.push_back(std::move(item));
    }
    return true;
}

// [SECTION] Recording and resuming

namespace {

// Writes the session after every action; a failed write is reported once and the run goes on.
class SessionWriter {
public:
    SessionWriter(const sim::Scenario& scenario, const RecordOptions& options, RecordedRun& run)
        : scenario_(scenario), options_(options), run_(run) {}

    void save(const sim::Simulation& s) {
        if (options_.session_path.empty()) return;
        const auto start = std::chrono::steady_clock::now();
        sim::ReproBundle b = sim::make_bundle(scenario_, s, options_.note);
        b.observations = observations;
        const std::string text = sim::bundle_text(sim::to_json(b));
        std::string error;
        if (!sim::write_file_atomically(options_.session_path, text, &error)) {
            if (!run_.write_failed) {
                std::cerr << sim::terminal_text(error) << "\n";
                run_.write_error = error;
            }
            run_.write_failed = true;
            return;
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        run_.session.writes++;
        run_.session.bytes = text.size();
        run_.session.total_ms += ms;
        run_.session.max_ms = std::max(run_.session.max_ms, ms);
    }
    void after_action(const sim::Simulation& s) {
        save(s);
        if (options_.pace_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.pace_ms));
        if (options_.hold_after_actions > 0 && ++actions_ == options_.hold_after_actions) {
            std::cerr << fmt::format("holding after {} actions until killed\n", actions_);
            for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
        }
    }
    bool has_observation(const std::string& id) const {
        return std::any_of(observations.begin(), observations.end(),
                           [&](const sim::Observation& o) { return o.id == id; });
    }

    std::vector<sim::Observation> observations;

private:
    const sim::Scenario& scenario_;
    const RecordOptions& options_;
    RecordedRun& run_;
    std::size_t actions_ = 0;  // actions of this run saved so far (--hold-after-actions)
};

// The session to continue, checked against this run: same scenario, same seed, and its actions are the
// first actions of this run. Nullopt (with the reason printed) when it cannot be resumed; an empty
// bundle when there is no file yet.
std::optional<sim::ReproBundle> session_to_resume(const sim::Scenario& scenario,
                                                  const std::vector<sim::Action>& planned,
                                                  const std::string& path) {
    sim::ReproBundle b;
    if (!std::filesystem::exists(path)) {
        std::cerr << sim::terminal_text(path) << ": no session yet, starting from the beginning\n";
        return b;
    }
    std::string error;
    if (!sim::load_bundle(path, b, error)) {
        std::cerr << sim::terminal_text(path) << ": " << sim::terminal_text(error) << "\n";
        return std::nullopt;
    }
    const std::string ours = sim::hex64(sim::hash_json(sim::scenario_for_bundle(scenario.source)));
    const std::string theirs =
        b.scenario_hash.empty() ? sim::hex64(sim::hash_json(b.scenario)) : b.scenario_hash;
    if (ours != theirs) {
        std::cerr << fmt::format(
            "{}: the session was recorded with another scenario ({} {}); this run uses {} {}\n",
            sim::terminal_text(path), sim::terminal_text(b.scenario_id), sim::terminal_text(theirs),
            sim::terminal_text(scenario.id), ours);
        return std::nullopt;
    }
    if (b.seed != scenario.setup.seed) {
        std::cerr << fmt::format(
            "{}: the session was recorded with seed {}; this run uses seed {} (pass --seed {})\n",
            sim::terminal_text(path), b.seed, scenario.setup.seed, b.seed);
        return std::nullopt;
    }
    if (b.actions.size() > planned.size()) {
        std::cerr << fmt::format("{}: the session has {} actions, more than the {} this run plays\n",
                                 sim::terminal_text(path), b.actions.size(), planned.size());
        return std::nullopt;
    }
    for (std::size_t i = 0; i < b.actions.size(); ++i)
        if (!(b.actions[i].action == sim::redact_secrets(planned[i]))) {
            std::cerr << fmt::format(
                "{}: action {} of the session ({}) is not action {} of this run ({})\n",
                sim::terminal_text(path), i, sim::terminal_text(sim::to_json(b.actions[i].action).dump()), i,
                sim::terminal_text(sim::to_json(sim::redact_secrets(planned[i])).dump()));
            return std::nullopt;
        }
    return b;
}

// A new recording (no --resume) may replace the file at `path` only when it is a session of this same
// scenario (an earlier run of the same command). Another scenario's session, or anything that is not a
// session file, stays as it is: false, with the reason printed.
bool may_replace_session(const sim::Scenario& scenario, const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return true;
    sim::ReproBundle b;
    std::string error;
    if (std::filesystem::is_directory(path, ec))
        error = "this is a folder";
    else if (!sim::load_bundle(path, b, error) && error.empty())
        error = "cannot be read";
    if (!error.empty()) {
        std::cerr << fmt::format(
            "{}: not replaced: it is not a session file ({}); choose another --session file\n",
            sim::terminal_text(path), sim::terminal_text(error));
        return false;
    }
    const std::string ours = sim::hex64(sim::hash_json(sim::scenario_for_bundle(scenario.source)));
    const std::string theirs =
        b.scenario_hash.empty() ? sim::hex64(sim::hash_json(b.scenario)) : b.scenario_hash;
    if (ours != theirs) {
        std::cerr << fmt::format(
            "{}: not replaced: it holds a session of another scenario ({} {}); this run plays {} {}. "
            "Choose another --session file, or move that one away first\n",
            sim::terminal_text(path), sim::terminal_text(b.scenario_id), sim::terminal_text(theirs),
            sim::terminal_text(scenario.id), ours);
        return false;
    }
    return true;
}

// Submits the session's actions at their times, as the recorded run did.
void replay_recorded(const sim::ReproBundle& b, sim::Simulation& s, sim::AssessmentTracker& tracker) {
    sim::replay(s, b.actions, [&tracker](sim::Simulation& sim, const sim::RunStep& at) {
        if (at.point == sim::RunPoint::Submitted) tracker.update(sim);
    });
}

// An observer that updates `tracker` at every point of a run.
sim::RunObserver tracking(sim::AssessmentTracker& tracker) {
    return [&tracker](sim::Simulation& sim, const sim::RunStep&) { tracker.update(sim); };
}

// Runs the clock until every submitted action has its answer (a hung action, which never answers until
// it is retried, excepted), processing every event due on the way.
void wait_for_answers(sim::Simulation& s, sim::AssessmentTracker& tracker) {
    auto waiting = [&s] {
        return std::any_of(s.pending_actions().begin(), s.pending_actions().end(),
                           [](const auto& p) { return !p.second.hung; });
    };
    while (waiting() && sim::run_next_event(s, tracking(tracker))) {
    }
}

void play_script(const std::vector<ScriptLine>& script, std::size_t resumed, sim::Simulation& s,
                 sim::AssessmentTracker& tracker, SessionWriter& writer, const RecordOptions& options) {
    std::size_t submitted = 0;
    for (const auto& item : script) {
        if (item.action && submitted < resumed) {
            ++submitted;
            continue;
        }
        if (item.observe && (submitted < resumed || writer.has_observation(item.observe->id))) continue;
        if (item.time && *item.time > s.now()) {
            sim::run_until(s, *item.time);
            tracker.update(s);
        } else if (item.observe && !item.time) {
            wait_for_answers(s, tracker);  // what the tester saw: the answers to what came before
        }
        if (item.action) {
            s.submit(*item.action);
            ++submitted;
            tracker.update(s);
            writer.after_action(s);
        } else {
            sim::Observation o = *item.observe;
            o.time = s.now();
            o.after_actions = submitted;
            writer.observations.push_back(std::move(o));
            writer.save(s);
        }
    }
    if (options.until_end)
        sim::run_all_events(s, tracking(tracker));
    else if (options.until && *options.until >= s.now())
        sim::run_until(s, *options.until, tracking(tracker));
    else if (!options.until)
        wait_for_answers(s, tracker);
    tracker.update(s);
}

// The actions the reference solution submits when played from the start (it is deterministic: the
// same scenario and seed give the same actions, whatever branches and retries it takes).
std::vector<sim::Action> solution_actions(const sim::Scenario& scenario) {
    std::vector<sim::Action> out;
    sim::Simulation dry(scenario.setup);
    sim::play_solution(scenario.solution, dry);
    for (const auto& e : dry.journal().entries()) {
        sim::Action a;
        std::string error;
        if (e.kind == "action" && sim::action_from_json(e.body["action"], a, error))
            out.push_back(std::move(a));
    }
    return out;
}

}  // namespace

RecordedRun record_run(const sim::Scenario& scenario, const std::vector<ScriptLine>& script, bool solution,
                       sim::AssessmentTracker& tracker, const RecordOptions& options) {
    RecordedRun run;
    SessionWriter writer(scenario, options, run);
    sim::ReproBundle resumed;
    if (options.resume && !options.session_path.empty()) {
        // What this run will submit, to check the saved actions against (a solution: a dry run of it).
        std::vector<sim::Action> planned;
        if (solution) {
            planned = solution_actions(scenario);
        } else {
            for (const auto& item : script)
                if (item.action) planned.push_back(*item.action);
        }
        auto b = session_to_resume(scenario, planned, options.session_path);
        if (!b) return run;
        resumed = std::move(*b);
        writer.observations = resumed.observations;
    } else if (!options.session_path.empty() && !may_replace_session(scenario, options.session_path)) {
        return run;
    }
    run.started = true;
    run.resumed_actions = resumed.actions.size();
    run.sim.emplace(scenario.setup);
    sim::Simulation& s = *run.sim;
    if (!solution) {
        replay_recorded(resumed, s, tracker);
        play_script(script, run.resumed_actions, s, tracker, writer, options);
        writer.save(s);
        run.observations = writer.observations;
        return run;
    }
    // A solution resumes by playing again from the start: it submits the same actions at the same times
    // (checked above), so the run reaches the saved point exactly; the saved actions are not written again.
    std::size_t actions = 0;
    const sim::SolutionRun played =
        sim::play_solution(scenario.solution, s, &tracker, [&](sim::Simulation& sim) {
            if (++actions > run.resumed_actions) writer.after_action(sim);
        });
    run.steps_played = played.steps_played;
    run.solution_ok = played.ok;
    run.failure = played.failure;
    writer.save(s);
    run.observations = writer.observations;
    return run;
}

// [SECTION] replay

int replay_session(const std::string& path, bool as_json) {
    sim::ReproBundle b;
    std::string error;
    if (!sim::load_bundle(path, b, error)) {
        if (as_json)
            std::cout
                << nlohmann::json{{"file", path}, {"loaded", false}, {"ok", false}, {"error", error}}.dump(2)
                << "\n";
        std::cerr << sim::terminal_text(path) << ": " << sim::terminal_text(error) << "\n";
        std::cerr << "verdict: NOT reproduced — the file cannot be replayed\n";
        return 1;
    }
    const sim::ReplayReport r = sim::verify_bundle(b);
    if (as_json) {
        nlohmann::json observations = nlohmann::json::array();
        for (const auto& o : r.observations)
            observations.push_back(
                {{"id", o.id}, {"label", o.label}, {"passed", o.passed}, {"reason", o.reason}});
        nlohmann::json j{{"file", path},
                         {"loaded", r.loaded},
                         {"ok", r.ok()},
                         {"scenario", b.scenario_id},
                         {"scenario_matches", r.scenario_matches},
                         {"seed", b.seed},
                         {"actions", b.actions.size()},
                         {"note", b.note},
                         {"recorded",
                          {{"journal_entries", r.recorded_entries},
                           {"journal_hash", b.journal_hash},
                           {"state_hash", b.state_hash},
                           {"version", b.version}}},
                         {"replayed",
                          {{"journal_entries", r.replayed_entries},
                           {"journal_hash", r.journal_hash},
                           {"state_hash", r.state_hash}}},
                         {"reproduced", r.reproduced()},
                         {"difference", r.difference},
                         {"observations", observations},
                         {"problems", r.problems}};
        if (r.journal_difference)
            j["journal_difference"] = {{"index", r.journal_difference->index},
                                       {"recorded", r.journal_difference->expected},
                                       {"replayed", r.journal_difference->actual},
                                       {"where", r.journal_difference->where},
                                       {"recorded_value", r.journal_difference->expected_value},
                                       {"replayed_value", r.journal_difference->actual_value}};
        std::cout << j.dump(2) << "\n";
        return r.ok() ? 0 : 1;
    }
    // Every text from the file goes through sim::terminal_text: no control character reaches the terminal.
    using sim::terminal_text;
    std::cout << fmt::format("scenario       {}{}\n", terminal_text(b.scenario_id),
                             b.scenario_hash.empty() ? ""
                             : r.scenario_matches    ? " (unchanged)"
                                                     : " (EDITED)");
    std::cout << fmt::format("seed           {}\nactions        {}\n", b.seed, b.actions.size());
    if (!b.note.empty()) std::cout << fmt::format("note           {}\n", terminal_text(b.note));
    if (r.loaded) {
        if (!r.journal_checked)
            std::cout << fmt::format("journal        {} entries (format 1 file: hashes only)\n",
                                     r.replayed_entries);
        else if (!r.journal_difference)
            std::cout << fmt::format("journal        all {} entries match\n", r.recorded_entries);
        else {
            const auto& d = *r.journal_difference;
            std::cout << fmt::format("journal        entry {} differs{} ({} recorded, {} replayed)\n",
                                     d.index, d.where.empty() ? "" : " at " + terminal_text(d.where),
                                     r.recorded_entries, r.replayed_entries);
            std::cout << fmt::format("  recorded     {}\n  replay       {}\n", terminal_text(d.expected),
                                     terminal_text(d.actual));
            if (!d.expected_value.empty() || !d.actual_value.empty())
                std::cout << fmt::format("  value        recorded {}\n               replay   {}\n",
                                         terminal_text(d.expected_value), terminal_text(d.actual_value));
        }
        std::cout << fmt::format("journal hash   recorded {}  replayed {}\n", terminal_text(b.journal_hash),
                                 r.journal_hash);
        std::cout << fmt::format("state hash     recorded {}  replayed {}\n", terminal_text(b.state_hash),
                                 r.state_hash);
    }
    for (const auto& o : r.observations) {
        std::cout << fmt::format("observation    [{}] {} ({})\n", o.passed ? "pass" : "FAIL",
                                 terminal_text(o.label), terminal_text(o.id));
        if (!o.passed) std::cout << fmt::format("  {}\n", terminal_text(o.reason));
    }
    if (r.ok()) {
        std::cout << fmt::format(
            "verdict: reproduced — all {} journal entries and both hashes match{}\n", r.replayed_entries,
            r.observations.empty() ? "" : fmt::format(", all {} observations hold", r.observations.size()));
        return 0;
    }
    std::cout << fmt::format(
        "verdict: NOT reproduced — {}{}\n", terminal_text(r.problems.front()),
        r.problems.size() > 1 ? fmt::format(" (and {} more problems)", r.problems.size() - 1) : "");
    if (!r.reproduced() &&
        b.scenario.value("schema_version", nlohmann::json()) != sim::kScenarioSchemaVersion)
        std::cout << fmt::format(
            "note: recorded with a version 1 scenario; `npsim-cli migrate {}` upgrades it "
            "when the run itself is the same, and says what changed\n",
            terminal_text(path));
    return 1;
}

// [SECTION] snapshot

int snapshot_session(const std::string& path, std::optional<std::size_t> at_action,
                     std::optional<std::string> at_time, const std::string& out, std::string id,
                     std::string title) {
    sim::ReproBundle b;
    std::string error;
    if (!sim::load_bundle(path, b, error)) {
        std::cerr << sim::terminal_text(path) << ": " << sim::terminal_text(error) << "\n";
        return 1;
    }
    const sim::ScenarioLoad base = sim::bundle_scenario(b);
    for (const auto& e : base.errors) std::cerr << sim::terminal_text(e.to_string()) << "\n";
    if (!base.ok()) return 1;
    // The point: after N actions (the world just before action N+1, or the end of the run), or a sim time.
    std::size_t actions = 0;
    sim::SimTime until = 0;
    std::string point;
    if (at_action) {
        if (*at_action > b.actions.size()) {
            std::cerr << fmt::format("--at-action {}: the session has {} actions\n", *at_action,
                                     b.actions.size());
            return 1;
        }
        actions = *at_action;
        until = actions < b.actions.size() ? b.actions[actions].time : b.end_time;
        point = fmt::format("after-{}-actions", actions);
    } else if (at_time) {
        const nlohmann::json t = nlohmann::json::parse(*at_time, nullptr, false);
        if (!parse_time(!t.is_discarded() && t.is_number_integer() ? t : nlohmann::json(*at_time), until,
                        error)) {
            std::cerr << "--at-ms" << sim::terminal_text(error.substr(2)) << "\n";
            return 1;
        }
        if (until > b.end_time) {
            std::cerr << fmt::format("--at-ms {}: after the end of the session ({} ms)\n", until, b.end_time);
            return 1;
        }
        while (actions < b.actions.size() && b.actions[actions].time <= until) ++actions;
        std::string span = sim::format_duration({until, 0});
        std::replace(span.begin(), span.end(), ' ', '-');
        point = "at-" + span;
    } else {
        std::cerr << "snapshot: say where, with --at-action N or --at-ms T\n";
        return 1;
    }
    auto s = sim::replay_prefix(b, actions, until, error);
    if (!s) {
        std::cerr << sim::terminal_text(path) << ": " << sim::terminal_text(error) << "\n";
        return 1;
    }
    const std::string when = s->calendar().format_iso(s->now());
    if (id.empty()) id = fmt::format("{}-{}", base.scenario->id, point);
    sim::LocalText name = base.scenario->title;
    if (title.empty()) {
        name.en += fmt::format(" (from a session, {})", when);
        if (!name.de.empty()) name.de += fmt::format(" (aus einer Sitzung, {})", when);
    } else {
        name = {title, title};
    }
    const nlohmann::json doc = sim::scenario_at(*base.scenario, *s, id, name);
    // What we write must load: check it the way `npsim-cli check` does before calling it done.
    const sim::ScenarioLoad check = sim::load_scenario_text(doc.dump(), out);
    for (const auto& e : check.errors) std::cerr << sim::terminal_text(e.to_string()) << "\n";
    if (!check.ok()) {
        std::cerr << sim::terminal_text(out) << ": the snapshot does not load as a scenario; not written\n";
        return 1;
    }
    if (!sim::write_file_atomically(out, doc.dump(2) + "\n", &error)) {
        std::cerr << sim::terminal_text(error) << "\n";
        return 1;
    }
    std::cout << fmt::format(
        "snapshot       {}\nscenario       {}\nstarts at      {} (after {} of {} actions)\n",
        sim::terminal_text(out), sim::terminal_text(id), when, actions, b.actions.size());
    return 0;
}

}  // namespace cli
