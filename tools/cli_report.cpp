// tools/cli_report.cpp — npsim-cli debrief / report: thin wrappers over sim/debrief.hpp.
#include "tools/cli_report.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "sim/data_files.hpp"
#include "sim/debrief.hpp"
#include "sim/files.hpp"
#include "sim/scenario.hpp"
#include "sim/text.hpp"

namespace {

struct ReportOptions {
    std::string input;     // session file (debrief) or folder (report)
    std::string html_out;  // debrief --html, report --out
    std::string json_out;
    std::string lang = "en";
};

sim::Strings load_strings(const std::string& lang) {
    std::vector<std::string> errors;
    sim::Strings text = sim::Strings::load(sim::default_asset_dir() + "/i18n", lang, &errors);
    for (const auto& e : errors) std::cerr << "warning: " << e << "\n";
    return text;
}

// A failed write says which file and why ("out.html: cannot create the temporary file (Permission denied)").
bool write_or_report(const std::string& path, const std::string& content) {
    std::string error;
    if (sim::write_file_atomically(path, content, &error)) return true;
    std::cerr << sim::terminal_text(error) << "\n";
    return false;
}

// Exit 0 when the run was reproduced; 1 when the file cannot be read or written, or when the replay
// does not reproduce the recorded run (the HTML and JSON are still written and say "no" with the first
// difference, as `npsim-cli replay` names it). Text from the file is printed through sim::terminal_text.
int run_debrief(const ReportOptions& o) {
    using sim::terminal_text;
    const sim::Strings text = load_strings(o.lang);
    std::string error;
    const sim::Debrief d = sim::debrief_from_file(o.input, text, error);
    if (!error.empty()) {
        std::cerr << terminal_text(o.input) << ": " << terminal_text(error) << "\n";
        return 1;
    }
    if (!o.html_out.empty() && !write_or_report(o.html_out, sim::debrief_html(d, text))) return 1;
    if (!o.json_out.empty() && !write_or_report(o.json_out, sim::to_json(d).dump(2) + "\n")) return 1;
    int met = 0;
    for (const auto& obj : d.objectives) met += obj.met_at >= 0 ? 1 : 0;
    std::cout << fmt::format("scenario       {} ({})\n", terminal_text(d.title),
                             terminal_text(d.scenario_id));
    if (!d.trainee.empty()) std::cout << fmt::format("trainee        {}\n", terminal_text(d.trainee));
    std::cout << fmt::format("seed           {}\n", d.seed);
    std::cout << fmt::format("score          {}/100\n", d.score.score);
    std::cout << fmt::format("objectives     {} of {} met\n", met, d.objectives.size());
    std::cout << fmt::format("sim time       {} → {} ({})\n", d.start_text, d.end_text,
                             sim::format_span(d.end - d.start, text));
    std::cout << fmt::format("mistakes       {}\n", d.mistakes.size());
    for (const auto& m : d.mistakes)
        std::cout << fmt::format("  {:>10} ms  {}  {}\n", m.time, terminal_text(m.operation),
                                 terminal_text(m.error_code));
    std::cout << fmt::format("reproduced     {}\n",
                             d.reproduced ? "yes" : "NO — the replay differs from the recorded run");
    if (!d.reproduced) std::cout << fmt::format("difference     {}\n", terminal_text(d.difference));
    if (!o.html_out.empty()) std::cout << fmt::format("html           {}\n", terminal_text(o.html_out));
    if (!o.json_out.empty()) std::cout << fmt::format("json           {}\n", terminal_text(o.json_out));
    return d.reproduced ? 0 : 1;
}

int run_report(const ReportOptions& o) {
    std::error_code ec;
    if (!std::filesystem::is_directory(o.input, ec)) {
        std::cerr << sim::terminal_text(o.input) << ": not a folder\n";
        return 1;
    }
    const sim::Strings text = load_strings(o.lang);
    const std::vector<sim::WorkshopRow> rows = sim::workshop_rows(o.input, text);
    const std::string html_out = o.html_out.empty() ? std::string("report.html") : o.html_out;
    if (!write_or_report(html_out, sim::workshop_report_html(rows, text))) return 1;
    if (!o.json_out.empty() && !write_or_report(o.json_out, sim::to_json(rows).dump(2) + "\n")) return 1;
    std::size_t failed = 0;
    for (const auto& r : rows) {
        if (!r.error.empty()) {
            ++failed;
            std::cerr << sim::terminal_text(r.file) << ": " << sim::terminal_text(r.error) << "\n";
            continue;
        }
        std::cout << fmt::format("{:<32} {:<28} {:>3}/100  {} mistakes  {}/{} objectives{}\n",
                                 sim::terminal_text(r.file), sim::terminal_text(r.trainee), r.score,
                                 r.mistakes, r.objectives_met, r.objectives_total,
                                 r.reproduced ? "" : "  (not reproduced)");
    }
    std::cout << fmt::format("{} sessions, {} could not be read; report written to {}\n", rows.size(), failed,
                             sim::terminal_text(html_out));
    // The report is written either way; exit 1 tells a script that some files are only error rows.
    return failed == 0 ? 0 : 1;
}

}  // namespace

void add_report_commands(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ReportOptions>();
    auto* debrief = app.add_subcommand(
        "debrief", "Replay a session file or repro bundle and write its debrief (HTML, JSON)");
    debrief->add_option("file", o->input, "Session file / repro bundle")->required();
    debrief->add_option("--html", o->html_out, "Write the debrief as one self-contained HTML file");
    debrief->add_option("--json", o->json_out, "Write the debrief as JSON");
    debrief->add_option("--lang", o->lang, "Language (en, de)")->check(CLI::IsMember({"en", "de"}));
    debrief->callback([o, &exit_code] { exit_code = run_debrief(*o); });

    auto* report = app.add_subcommand("report", "Workshop report: one row per session file of a folder");
    report->add_option("dir", o->input, "Folder with session files (*.json)")->required();
    report->add_option("--out", o->html_out, "HTML report (default: report.html)");
    report->add_option("--json", o->json_out, "Also write the rows as JSON");
    report->add_option("--lang", o->lang, "Language (en, de)")->check(CLI::IsMember({"en", "de"}));
    report->callback([o, &exit_code] { exit_code = run_report(*o); });
}
