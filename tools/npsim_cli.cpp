// tools/npsim_cli.cpp — npsim-cli, the headless front end: check, run, replay. Links only npsim_core.
//
//   npsim-cli list                               the shipped scenarios
//   npsim-cli check FILE...                      validate scenario files (exit 1 with the errors)
//   npsim-cli run FILE --solution [--seed N] [--json] [--lang de]
//                                                play the reference solution; exit 0 only when every
//                                                objective is met
//   npsim-cli run FILE [--actions A.jsonl] [--seed N] [--until DURATION] [--journal OUT.jsonl] [--json]
//        add --bundle OUT.json to either form to write a repro bundle at the end;
//        add --session OUT.npsim.json [--resume] [--pace-ms N] [--hold-after-actions N] to write a session
//        file after every action (and continue an interrupted one); --actions lines may be {"observe":
//        {"label", "condition"}}; exit 3 when the session file could not be written; a file there that is not
//        a session of this scenario is never replaced (exit 1)
//   npsim-cli replay FILE JOURNAL.jsonl [--json]  replay a journal and compare the journal hash
//   npsim-cli replay SESSION.json [--json]        replay a session / repro bundle: every journal entry,
//                                                both hashes, every observation; exit 1 on any mismatch
//   npsim-cli snapshot SESSION.json --at-action N | --at-ms T -o NEW.json [--id ID] [--title TEXT]
//                                                a new scenario that starts at that point of the session
//   npsim-cli debrief SESSION.json [--html OUT.html] [--json OUT.json] [--lang de]
//                                                the run's debrief: timeline, time per objective, mistakes,
//                                                score
//   npsim-cli ops [--json | --markdown | --schema]
//                                                every operation of the registry: arguments, error codes,
//                                                text keys, debrief names (--markdown: docs/operations.md;
//                                                --schema: the action part of scenario.schema.json)
//   npsim-cli explain FILE / migrate FILE... / list --cases   for authors (tools/cli_author.hpp)
//   npsim-cli report DIR [--out report.html] [--json OUT.json] [--lang de]
//                                                one table for a workshop folder of session files
//   npsim-cli sweep FILE [--seeds 1-1000] [--min-pass 0.99]
//                                                the reference solution once per seed: pass rate, failures
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/i18n.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"
#include "sim/registry.hpp"
#include "sim/scenario.hpp"
#include "sim/text.hpp"
#include "sim/version.hpp"
#include "tools/cli_author.hpp"
#include "tools/cli_report.hpp"
#include "tools/cli_session.hpp"
#include "tools/cli_sweep.hpp"

// Text that comes from a file or the command line (titles, ids, messages, paths) is printed through
// sim::terminal_text: control characters such as ESC appear as \x1b, never raw.
using sim::terminal_text;

namespace {

std::optional<sim::Scenario> load_or_report(const std::string& path) {
    sim::ScenarioLoad load = sim::load_scenario_file(path);
    for (const auto& e : load.errors) std::cerr << terminal_text(e.to_string()) << "\n";
    if (!load.ok()) return std::nullopt;
    return std::move(*load.scenario);
}

nlohmann::json summary(const sim::Simulation& s) {
    std::size_t ok = 0, failed = 0;
    for (const auto& e : s.journal().entries())
        if (e.kind == "result") (e.body["result"].value("ok", false) ? ok : failed)++;
    return {{"seed", s.seed()},
            {"sim_time", s.calendar().format_iso(s.now())},
            {"sim_time_ms", s.now()},
            {"journal_entries", s.journal().size()},
            {"journal_hash", sim::hex64(s.journal().hash())},
            {"state_hash", sim::hex64(s.state_hash())},
            {"actions_ok", ok},
            {"actions_failed", failed},
            {"version", sim::version()}};
}

void print_summary(const nlohmann::json& j, bool as_json) {
    if (as_json) {
        std::cout << j.dump(2) << "\n";
        return;
    }
    std::cout << fmt::format("seed           {}\n", j["seed"].get<std::uint64_t>());
    std::cout << fmt::format("sim time       {}\n", j["sim_time"].get<std::string>());
    std::cout << fmt::format("actions        {} ok, {} failed\n", j["actions_ok"].get<std::size_t>(),
                             j["actions_failed"].get<std::size_t>());
    std::cout << fmt::format("journal        {} entries, hash {}\n", j["journal_entries"].get<std::size_t>(),
                             j["journal_hash"].get<std::string>());
    std::cout << fmt::format("state hash     {}\n", j["state_hash"].get<std::string>());
}

// [SECTION] Command line

// Every option of every subcommand, filled by CLI11.
struct Options {
    bool as_json = false;
    std::vector<std::string> check_files;
    std::string run_file, actions_file, until_text, journal_out, bundle_out, note, lang = "en";
    std::uint64_t seed = 0;
    bool solution = false;
    cli::RecordOptions record;
    std::string replay_file, replay_journal;
    std::string snapshot_file, snapshot_out, snapshot_id, snapshot_title, snapshot_at_ms;
    std::size_t snapshot_at_action = 0;
    bool ops_markdown = false;
    bool ops_schema = false;
    bool list_cases = false;
};

struct Commands {
    CLI::App* check = nullptr;
    CLI::App* run = nullptr;
    CLI::Option* seed = nullptr;
    CLI::App* replay = nullptr;
    CLI::App* snapshot = nullptr;
    CLI::Option* snapshot_action = nullptr;
    CLI::App* list = nullptr;
    CLI::App* ops = nullptr;
};

void add_run_command(CLI::App& app, Options& o, Commands& c) {
    c.run = app.add_subcommand("run", "Run a scenario headless and print a summary");
    CLI::App* run = c.run;
    run->add_option("file", o.run_file, "Scenario file (default: the full journey)");
    run->add_option("--actions", o.actions_file,
                    "Actions to play, JSON Lines: {\"t\": ms, \"action\": {...}} or {\"observe\": "
                    "{\"label\", \"condition\"}}");
    c.seed = run->add_option("--seed", o.seed, "Override the scenario's seed");
    run->add_option("--until", o.until_text,
                    "With --actions: run the clock until this long after the start (e.g. 30d), or \"end\": "
                    "through every pending event. Default: stop once every action has its answer");
    run->add_option("--journal", o.journal_out, "Write the journal (JSON Lines) to this file");
    run->add_option("--bundle", o.bundle_out,
                    "Write a repro bundle (scenario + seed + actions + hashes) to this file");
    run->add_option("--note", o.note, "What the case is about (stored in the bundle)");
    run->add_option("--session", o.record.session_path,
                    "Write the session file (format 2) atomically after every action");
    run->add_flag("--resume", o.record.resume,
                  "Continue the run saved in the --session file (same scenario and actions)");
    run->add_option("--pace-ms", o.record.pace_ms,
                    "Wait this many wall-clock ms after every action (for kill tests)")
        ->check(CLI::Range(0, 60000));
    run->add_option("--hold-after-actions", o.record.hold_after_actions,
                    "After N actions of this run are saved, wait until killed (for kill tests)");
}

void add_commands(CLI::App& app, Options& o, Commands& c) {
    c.check = app.add_subcommand("check", "Validate scenario files; exit 1 with the errors");
    c.check->add_option("files", o.check_files, "Scenario files")->required();
    app.add_flag("--json", o.as_json, "Machine-readable output");
    add_run_command(app, o, c);
    c.replay = app.add_subcommand("replay",
                                  "Replay a session file / repro bundle, or a scenario with a journal, and "
                                  "check it reproduces bit for bit");
    c.replay->add_option("file", o.replay_file, "Session file or repro bundle, or scenario file")->required();
    c.replay->add_option("journal", o.replay_journal, "Journal (JSON Lines), with a scenario file");

    c.snapshot =
        app.add_subcommand("snapshot", "Save a point of a session file as a new scenario that starts there");
    CLI::App* snap = c.snapshot;
    snap->add_option("file", o.snapshot_file, "Session file or repro bundle")->required();
    c.snapshot_action =
        snap->add_option("--at-action", o.snapshot_at_action,
                         "After N actions: the world just before action N+1 (N = all: the end of the run)");
    snap->add_option("--at-ms", o.snapshot_at_ms, "At this sim time: ms, or a duration such as 3d")
        ->excludes(c.snapshot_action);
    snap->add_option("-o,--out", o.snapshot_out, "The new scenario file")->required();
    snap->add_option("--id", o.snapshot_id, "Its id (default: <scenario>-after-N-actions / -at-<T>)");
    snap->add_option("--title", o.snapshot_title, "Its title (default: the scenario's, with the moment)");

    c.list = app.add_subcommand("list", "List the shipped scenarios");
    c.list->add_flag("--cases", o.list_cases,
                     "The support cases of the references: which scenarios reproduce each, whether their "
                     "solutions pass");
    c.run->add_flag("--solution", o.solution, "Play the scenario's reference solution and print the score");
    c.run->add_option("--lang", o.lang, "Language of feedback texts (en, de)")
        ->check(CLI::IsMember({"en", "de"}));

    c.ops = app.add_subcommand("ops", "List every operation of the registry: arguments, error codes, texts");
    CLI::Option* markdown = c.ops->add_flag("--markdown", o.ops_markdown, "Print docs/operations.md");
    c.ops
        ->add_flag("--schema", o.ops_schema,
                   "Print the action part of scenarios/schema/scenario.schema.json (JSON Schema fragments; "
                   "bash scripts/update-generated.sh splices them in)")
        ->excludes(markdown);
}

// [SECTION] Subcommands

int list_command(bool as_json) {
    const std::vector<std::string> files = sim::scenario_files();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : files) {
        auto load = sim::load_scenario_file(f);
        if (!load.ok()) {
            std::cerr << terminal_text(f) << ": does not load (npsim-cli check " << terminal_text(f) << ")\n";
            continue;
        }
        const sim::Scenario& sc = *load.scenario;
        if (as_json)
            out.push_back({{"id", sc.id},
                           {"file", f},
                           {"title", sc.title.en},
                           {"difficulty", sc.difficulty},
                           {"minutes", sc.estimated_minutes},
                           {"modes", sc.modes}});
        else
            std::cout << fmt::format("{:<28} {:<13} {:>3} min  {}\n", terminal_text(sc.id),
                                     terminal_text(sc.difficulty), sc.estimated_minutes,
                                     terminal_text(sc.title.en));
    }
    if (as_json) std::cout << out.dump(2) << "\n";
    return 0;
}

int check_command(const std::vector<std::string>& files) {
    int bad = 0;
    for (const auto& f : files) {
        auto load = sim::load_scenario_file(f);
        for (const auto& e : load.errors) std::cerr << terminal_text(e.to_string()) << "\n";
        if (load.ok())
            std::cout << terminal_text(f) << ": ok\n";
        else
            ++bad;
    }
    return bad == 0 ? 0 : 1;
}

// `ops`: the registry as a table, as JSON (--json), as docs/operations.md (--markdown) or as the action
// part of the scenario schema (--schema).
int ops_command(bool as_json, bool markdown, bool schema) {
    std::vector<std::string> errors;
    const sim::Strings en = sim::Strings::load(sim::default_asset_dir() + "/i18n", "en", &errors);
    for (const auto& e : errors) std::cerr << "warning: " << terminal_text(e) << "\n";
    const sim::LabelFn label = [&en](const std::string& key) { return en.has(key) ? en.get(key) : key; };
    const sim::Registry& registry = sim::journey_registry();
    if (markdown) {
        std::cout << sim::operations_markdown(registry, label);
        return 0;
    }
    if (schema) {
        std::cout << sim::operations_schema(registry, label).dump(2) << "\n";
        return 0;
    }
    if (as_json) {
        std::cout << sim::operations_json(registry, label).dump(2) << "\n";
        return 0;
    }
    std::cout << fmt::format("{:<36} {:<11} {:<6} {}\n", "operation", "kind", "errors", "arguments");
    for (const auto& [name, op] : registry.actions)
        std::cout << fmt::format("{:<36} {:<11} {:>6} {}\n", name,
                                 op.is_instructor() ? "instructor" : "journey", op.errors.size(),
                                 sim::args_text(op));
    std::cout << "\nnpsim-cli ops --json: error codes, text keys and debrief names as well\n";
    return 0;
}

// The summary of `run`, as text.
void print_run(const Options& o, const sim::Scenario& scenario, const cli::RecordedRun& played,
               const nlohmann::json& j, const sim::ScoreReport& report) {
    std::cout << fmt::format("scenario       {}\n", terminal_text(scenario.id));
    print_summary(j, false);
    if (j.contains("next_event_at"))
        std::cout << fmt::format(
            "pending        {} event{}, the next at {} (--until 30d or --until end runs the clock on)\n",
            j["events_pending"].get<std::size_t>(), j["events_pending"].get<std::size_t>() == 1 ? "" : "s",
            j["next_event_at"].get<std::string>());
    if (played.write_failed)
        std::cout << fmt::format("session        NOT saved: {}\n", terminal_text(played.write_error));
    else if (!o.record.session_path.empty())
        std::cout << fmt::format(
            "session        {} ({} bytes, {} writes, slowest {:.1f} ms{})\n",
            terminal_text(o.record.session_path), played.session.bytes, played.session.writes,
            played.session.max_ms,
            played.resumed_actions ? fmt::format(", resumed after {} actions", played.resumed_actions) : "");
    if (o.solution) {
        std::cout << fmt::format("solution       {} ({} steps){}\n", played.solution_ok ? "played" : "FAILED",
                                 played.steps_played,
                                 played.solution_ok ? "" : " — " + terminal_text(played.failure));
        for (const auto& obj : j["assessment"]["objectives"])
            std::cout << fmt::format("  [{}] {}\n", obj["met"].get<bool>() ? "x" : " ",
                                     terminal_text(obj["title"].get<std::string>()));
        for (const auto& p : j["assessment"]["penalties"])
            std::cout << fmt::format("  penalty  -{} {} ×{} {}\n", p["points"].get<int>(),
                                     terminal_text(p["reason"].get<std::string>()), p["count"].get<int>(),
                                     terminal_text(p["detail"].get<std::string>()));
        std::cout << fmt::format("score          {}/100{}\n", report.score,
                                 report.all_met ? "" : " (objectives missing)");
    } else if (!scenario.assessment.objectives.empty()) {
        std::cout << fmt::format("score          {}/100\n", report.score);
    }
}

// The checks of `run` before anything plays; false (after a message) on a mistake.
bool prepare_run(Options& o, const sim::Scenario& scenario, std::vector<cli::ScriptLine>& script) {
    if (!o.actions_file.empty() && !cli::read_script(o.actions_file, script)) return false;
    if (o.solution && !o.actions_file.empty()) {
        std::cerr << "--solution and --actions: choose one\n";
        return false;
    }
    if (o.record.resume && o.record.session_path.empty()) {
        std::cerr << "--resume needs --session FILE\n";
        return false;
    }
    if (o.until_text == "end") {
        o.record.until_end = true;
    } else if (!o.until_text.empty()) {
        std::string why;
        auto d = sim::parse_duration(o.until_text, &why);
        if (!d) {
            std::cerr << "--until: " << terminal_text(why) << " (or \"end\": every pending event)\n";
            return false;
        }
        o.record.until = d->ms;
    }
    if (o.solution && scenario.solution.steps.empty()) {
        std::cerr << terminal_text(o.run_file) << ": this scenario has no reference solution\n";
        return false;
    }
    o.record.note = o.note;
    return true;
}

int run_command(Options& o, bool seed_given) {
    if (o.run_file.empty()) o.run_file = sim::default_scenario_path();
    auto scenario = load_or_report(o.run_file);
    if (!scenario) return 1;
    if (seed_given) scenario->setup.seed = o.seed;
    std::vector<cli::ScriptLine> script;
    if (!prepare_run(o, *scenario, script)) return 1;
    sim::AssessmentTracker tracker(scenario->assessment);
    cli::RecordedRun played = cli::record_run(*scenario, script, o.solution, tracker, o.record);
    if (!played.started) return 1;
    const sim::Simulation& s = *played.sim;
    std::string write_error;  // "path: what failed (OS reason)"
    if (!o.journal_out.empty() &&
        !sim::write_file_atomically(o.journal_out, s.journal().to_jsonl(), &write_error)) {
        std::cerr << terminal_text(write_error) << "\n";
        return 1;
    }
    if (!o.bundle_out.empty()) {
        sim::ReproBundle bundle = sim::make_bundle(*scenario, s, o.note);
        bundle.observations = played.observations;  // the {"observe": …} lines, as --session keeps them
        if (!sim::save_bundle(o.bundle_out, bundle, &write_error)) {
            std::cerr << terminal_text(write_error) << "\n";
            return 1;
        }
    }
    tracker.update(s);
    const sim::ScoreReport report = tracker.report(s);
    nlohmann::json j = summary(s);
    j["scenario"] = scenario->id;
    j["assessment"] = sim::to_json(report, scenario->assessment, o.lang);
    if (!o.solution) {
        // Where the clock stopped, and what is still to come (README: "run --actions").
        j["events_pending"] = s.queue().size();
        if (auto next = s.next_event_time()) j["next_event_at"] = s.calendar().format_iso(*next);
    }
    if (o.solution) {
        j["solution_ok"] = played.solution_ok;
        if (!played.solution_ok) j["solution_failure"] = played.failure;
    }
    if (!o.record.session_path.empty())
        j["session"] = {
            {"file", o.record.session_path},
            {"resumed_actions", played.resumed_actions},
            {"writes", played.session.writes},
            {"bytes", played.session.bytes},
            {"max_write_ms", played.session.max_ms},
            {"mean_write_ms", played.session.writes ? played.session.total_ms / played.session.writes : 0.0},
            {"write_failed", played.write_failed},
            {"write_error", played.write_error}};
    if (o.as_json)
        std::cout << j.dump(2) << "\n";
    else
        print_run(o, *scenario, played, j, report);
    if (played.write_failed) {
        // The run played to the end, but its session file is not the run: say so last, and exit 3.
        std::cerr << fmt::format("session NOT saved: {}\n", terminal_text(played.write_error));
        return cli::kExitSessionNotSaved;
    }
    if (o.solution) return played.solution_ok && report.all_met ? 0 : 1;
    return 0;
}

// `replay FILE JOURNAL`: a scenario and a journal.
int replay_journal_command(const std::string& scenario_file, const std::string& journal_file, bool as_json) {
    auto scenario = load_or_report(scenario_file);
    if (!scenario) return 1;
    std::string text, error;
    sim::Journal recorded;
    if (!sim::read_input_file(journal_file, sim::InputKind::Journal, text, error) ||
        !sim::Journal::from_jsonl(text, recorded, error)) {
        std::cerr << terminal_text(journal_file) << ": " << terminal_text(error) << "\n";
        return 1;
    }
    const sim::SimTime end = recorded.entries().empty() ? 0 : recorded.entries().back().time;
    sim::Simulation s = sim::replay(scenario->setup, recorded, end);
    nlohmann::json j = summary(s);
    const bool same = s.journal().hash() == recorded.hash();
    j["recorded_journal_hash"] = sim::hex64(recorded.hash());
    j["reproduced"] = same;
    print_summary(j, as_json);
    if (!as_json) std::cout << (same ? "reproduced: yes\n" : "reproduced: NO — the journals differ\n");
    return same ? 0 : 1;
}

}  // namespace

// main() below: the last-resort guard around this.
static int run_cli(int argc, char** argv) {
    CLI::App app{"npsim-cli — the Nonprofit Admin Sandbox without a window: check, run and replay scenarios"};
    app.name("npsim-cli");
    app.set_version_flag("--version", fmt::format("npsim-cli {}", sim::version()));
    app.require_subcommand(0, 1);
    app.fallthrough();
    Options o;
    Commands c;
    add_commands(app, o, c);
    int report_exit = -1;  // set by the debrief / report subcommands when they ran
    add_report_commands(app, report_exit);
    cli::add_sweep_command(app, report_exit);  // npsim-cli sweep FILE --seeds 1-1000 (tools/cli_sweep.hpp)
    cli::add_author_commands(app, report_exit);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; every command-line mistake exits 2 (README: exit codes).
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (report_exit >= 0) return report_exit;
    if (*c.list) return o.list_cases ? cli::list_cases_command(o.as_json) : list_command(o.as_json);
    if (*c.ops) return ops_command(o.as_json, o.ops_markdown, o.ops_schema);
    if (*c.check) return check_command(o.check_files);
    if (*c.run) return run_command(o, static_cast<bool>(*c.seed));
    if (*c.replay && o.replay_journal.empty()) return cli::replay_session(o.replay_file, o.as_json);
    if (*c.snapshot)
        return cli::snapshot_session(
            o.snapshot_file,
            *c.snapshot_action ? std::optional<std::size_t>(o.snapshot_at_action) : std::nullopt,
            o.snapshot_at_ms.empty() ? std::nullopt : std::optional<std::string>(o.snapshot_at_ms),
            o.snapshot_out, o.snapshot_id, o.snapshot_title);
    if (*c.replay) return replay_journal_command(o.replay_file, o.replay_journal, o.as_json);
    std::cout << app.help();
    return 0;
}

// The last resort: an exception that escapes a command becomes a message and exit 1, never an abort.
int main(int argc, char** argv) {
    try {
        return run_cli(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "npsim-cli: unexpected error: " << terminal_text(e.what()) << "\n";
    } catch (...) {
        std::cerr << "npsim-cli: unexpected error\n";
    }
    return 1;
}
