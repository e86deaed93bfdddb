// tests/sim/test_debrief.cpp — debriefs: what happened in a run, as strict XHTML and as JSON; workshop
// reports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/debrief.hpp"
#include "sim/files.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

const Strings& strings(const std::string& lang) {
    static const Strings en = Strings::load(NPSIM_TEST_ASSET_DIR "/i18n", "en");
    static const Strings de = Strings::load(NPSIM_TEST_ASSET_DIR "/i18n", "de");
    return lang == "de" ? de : en;
}

Scenario debrief_full_journey() {
    ScenarioLoad l = load_scenario_file(std::string(NPSIM_TEST_SCENARIO_DIR) + "/full-journey.json");
    REQUIRE(l.ok());
    return *l.scenario;
}

const char* const kAnna = "anna@tsvmuster.onmicrosoft.com";

// Submits an action and runs the clock until its result is in, updating the tracker after every event.
ActionResult play(Simulation& s, AssessmentTracker& tracker, const Action& a) {
    const ActionHandle h = s.submit(a);
    tracker.update(s);
    while (s.is_pending(h) && s.step_to_next_event()) tracker.update(s);
    REQUIRE(s.result(h).has_value());
    return *s.result(h);
}

// The full journey with three mistakes first: a registration submitted before registering (twice the
// same error, penalised by the scenario), and a mail read that an instructor's fault makes fail.
struct Run {
    Scenario scenario = debrief_full_journey();
    Simulation sim{scenario.setup};
    AssessmentTracker tracker{scenario.assessment};

    Run() {
        const Action early{"portal.submit_registration", kAnna, {{"legal_name", "TSV Musterstadt e.V."}}};
        CHECK_FALSE(play(sim, tracker, early).ok);
        sim.run_until(sim.now() + 2 * kMinute);
        CHECK_FALSE(play(sim, tracker, early).ok);
        play(sim, tracker,
             Action{"instructor.add_fault",
                    "",
                    {{"rule",
                      {{"id", "mail-down"}, {"operation", "mail.*"}, {"error", "service.unavailable"}}}}});
        CHECK_FALSE(play(sim, tracker, Action{"mail.mark_read", kAnna, {{"mail", 1}}}).ok);
        play(sim, tracker, Action{"instructor.remove_fault", "", {{"id", "mail-down"}}});
        sim.run_until(sim.now() + kMinute);
        REQUIRE(play_solution(scenario.solution, sim, &tracker).ok);
    }
    ScoreReport report() const { return tracker.report(sim); }
    Debrief debrief(const std::string& lang = "en") const {
        return make_debrief(scenario, sim, report(), strings(lang));
    }
};

std::size_t count_lane(const Debrief& d, const std::string& lane) {
    return static_cast<std::size_t>(std::count_if(d.timeline.begin(), d.timeline.end(),
                                                  [&](const TimelineItem& t) { return t.lane == lane; }));
}

// [SECTION] Strict XML parsing with libxml2: any error or warning fails the test.

#if LIBXML_VERSION >= 21200
void collect_xml_error(void* sink, const xmlError* e) {
#else
void collect_xml_error(void* sink, xmlErrorPtr e) {
#endif
    auto* errors = static_cast<std::vector<std::string>*>(sink);
    errors->push_back(fmt::format("line {}: {}", e->line, e->message ? e->message : "?"));
}

struct XmlDoc {
    xmlDocPtr doc = nullptr;
    std::vector<std::string> errors;

    explicit XmlDoc(const std::string& text) {
        xmlSetStructuredErrorFunc(&errors, collect_xml_error);
        doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "debrief.html", "UTF-8",
                            XML_PARSE_NONET);
        xmlSetStructuredErrorFunc(nullptr, nullptr);
    }
    ~XmlDoc() { xmlFreeDoc(doc); }
    XmlDoc(const XmlDoc&) = delete;
    XmlDoc& operator=(const XmlDoc&) = delete;

    // Evaluates an XPath expression (prefixes h: XHTML, svg: SVG) to a number or a string.
    double number(const std::string& expr) const {
        xmlXPathObjectPtr r = eval(expr);
        const double v = r ? xmlXPathCastToNumber(r) : -1;
        xmlXPathFreeObject(r);
        return v;
    }
    std::string string(const std::string& expr) const {
        xmlXPathObjectPtr r = eval(expr);
        xmlChar* s = r ? xmlXPathCastToString(r) : nullptr;
        std::string out = s ? reinterpret_cast<const char*>(s) : "";
        xmlFree(s);
        xmlXPathFreeObject(r);
        return out;
    }

private:
    static const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

    xmlXPathObjectPtr eval(const std::string& expr) const {
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathRegisterNs(ctx, x("h"), x("http://www.w3.org/1999/xhtml"));
        xmlXPathRegisterNs(ctx, x("svg"), x("http://www.w3.org/2000/svg"));
        xmlXPathObjectPtr r = xmlXPathEvalExpression(x(expr.c_str()), ctx);
        xmlXPathFreeContext(ctx);
        return r;
    }
};

void require_well_formed(const XmlDoc& x) {
    INFO((x.errors.empty() ? std::string() : x.errors.front()));
    REQUIRE(x.errors.empty());
    REQUIRE(x.doc != nullptr);
}

const char* const kMarks = "//svg:svg//svg:*[contains(concat(' ', @class, ' '), ' mark ')]";

// The text with the two namespace URIs taken out: what is left must not name any web address.
std::string without_namespaces(std::string html) {
    for (const std::string ns : {"http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"})
        for (std::size_t at; (at = html.find(ns)) != std::string::npos;) html.erase(at, ns.size());
    return html;
}

std::string temp_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

}  // namespace

TEST_CASE("a debrief lists every objective with the moment it was met and the time it took",
          "[sim][debrief]") {
    const Run run;
    const Debrief d = run.debrief();
    CHECK(d.scenario_id == "full-journey");
    CHECK(d.seed == run.sim.seed());
    CHECK(d.end == run.sim.now());
    REQUIRE(d.objectives.size() == run.scenario.assessment.objectives.size());
    SimTime previous = 0, spent_total = 0;
    for (std::size_t i = 0; i < d.objectives.size(); ++i) {
        const ObjectiveTime& o = d.objectives[i];
        CHECK(o.id == run.scenario.assessment.objectives[i].id);
        CHECK(o.title.en == run.scenario.assessment.objectives[i].title.en);
        CHECK(o.met_at == run.report().objectives[i].met_at);
        REQUIRE(o.met_at >= previous);  // the full journey is ordered
        CHECK(o.spent == o.met_at - previous);
        spent_total += o.spent;
        previous = o.met_at;
    }
    CHECK(spent_total == d.objectives.back().met_at);
    CHECK(count_lane(d, "objective") == d.objectives.size());
    // The approval comes after business days of verification: it is the objective that took longest.
    const auto longest =
        std::max_element(d.objectives.begin(), d.objectives.end(),
                         [](const ObjectiveTime& a, const ObjectiveTime& b) { return a.spent < b.spent; });
    CHECK(longest->spent > kDay);
}

TEST_CASE("a debrief names each mistake with the error text the trainee saw and the penalties it cost",
          "[sim][debrief]") {
    const Run run;
    const Debrief d = run.debrief();
    REQUIRE(d.mistakes.size() == 3);
    CHECK(d.mistakes[0].operation == "portal.submit_registration");
    CHECK(d.mistakes[1].operation == "portal.submit_registration");
    CHECK(d.mistakes[1].time >= d.mistakes[0].time + 2 * kMinute);  // results arrive after their latency
    CHECK(d.mistakes[2].operation == "mail.mark_read");
    CHECK(d.mistakes[2].error_code == "service.unavailable");
    CHECK(d.mistakes[2].message == strings("en").get("error.service.unavailable"));
    for (const Mistake& m : d.mistakes) {
        CHECK_FALSE(m.error_code.empty());
        CHECK(strings("en").has("error." + m.error_code));
        CHECK(m.message.find("error.") == std::string::npos);  // a real text, not a key
    }
    CHECK(d.actions_failed == 3);
    CHECK(d.actions == 7 + 3);

    const ScoreReport r = run.report();
    CHECK(r.all_met);
    CHECK(d.score.score == r.score);
    CHECK(d.score.score == 100 - 2 * 2);  // the scenario takes 2 points per failed registration
    REQUIRE(d.score.penalties.size() == 1);
    CHECK(d.score.penalties[0].reason == "failed_action");
    CHECK(d.score.penalties[0].count == 2);
    REQUIRE(d.penalty_labels.size() == 1);
    CHECK(d.penalty_labels[0] ==
          strings("en").get("scenario.penalty.failed_action") + " (portal.submit_registration)");
}

TEST_CASE("the debrief timeline has one entry per result, event, fault, instructor action and objective",
          "[sim][debrief]") {
    const Run run;
    const Debrief d = run.debrief();
    std::size_t results = 0, events = 0, faults = 0;
    for (const JournalEntry& e : run.sim.journal().entries()) {
        results += e.kind == "result";
        events += e.kind == "event";
        faults += e.kind == "fault";
    }
    CHECK(count_lane(d, "action") == 7);
    CHECK(count_lane(d, "error") == 3);
    CHECK(count_lane(d, "instructor") == 2);
    CHECK(count_lane(d, "fault") == faults);
    CHECK(faults == 1);
    CHECK(count_lane(d, "event") == events);
    CHECK(events >= 2);  // the verification and the licence becoming active
    CHECK(d.timeline.size() == results + events + faults + d.objectives.size());
    CHECK(std::is_sorted(d.timeline.begin(), d.timeline.end(),
                         [](const TimelineItem& a, const TimelineItem& b) { return a.time < b.time; }));
    for (const TimelineItem& t : d.timeline) CHECK_FALSE(t.label.empty());
    // Labels are texts, not operation names, when the catalog knows them.
    const auto first_error = std::find_if(d.timeline.begin(), d.timeline.end(),
                                          [](const TimelineItem& t) { return t.lane == "error"; });
    CHECK(first_error->label == strings("en").get("debrief.op.portal.submit_registration"));
}

TEST_CASE("the debrief HTML is one strict XHTML document with an SVG mark per timeline entry",
          "[sim][debrief][html]") {
    const Run run;
    const Debrief d = run.debrief();
    const std::string html = debrief_html(d, strings("en"));
    const XmlDoc x(html);
    require_well_formed(x);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(x.string("/h:html/@lang") == "en");
    CHECK(x.number("count(//h:style)") == 1);
    CHECK(x.number("count(//svg:svg)") == 1);
    CHECK(x.number(fmt::format("count({})", kMarks)) == static_cast<double>(d.timeline.size()));
    CHECK(x.number(fmt::format("count({}[svg:title])", kMarks)) == static_cast<double>(d.timeline.size()));
    CHECK(x.number("count(//svg:svg//svg:*[contains(@class, 'm-error')])") == 3);
    // The three quiet days of verification are drawn as one break; ticks read in local time.
    CHECK(x.number("count(//svg:rect[@class='break'])") == 1);
    CHECK(x.number("count(//svg:text[@class='tick'][. = '09:00'])") >= 1);
    CHECK(x.number("count(//svg:text[@class='date'][. = 'Mon 3 Mar'])") == 1);
    // Nothing is fetched: no links, scripts, sources or web addresses.
    CHECK(x.number("count(//h:link | //h:script | //h:img | //h:iframe | //*[@src] | //*[@href])") == 0);
    const std::string rest = without_namespaces(html);
    CHECK(rest.find("http://") == std::string::npos);
    CHECK(rest.find("https://") == std::string::npos);
    CHECK(rest.find("url(") == std::string::npos);
    // The tables: objectives, mistakes, penalties.
    CHECK(html.find(strings("en").get("debrief.objective_times")) != std::string::npos);
    CHECK(html.find(strings("en").get("error.service.unavailable")) != std::string::npos);
    CHECK(html.find(d.journal_hash) != std::string::npos);
    CHECK(html.find(d.state_hash) != std::string::npos);
    CHECK(html.find(run.scenario.assessment.objectives.back().title.en) != std::string::npos);
}

TEST_CASE("a German debrief says lang=de and uses the German texts", "[sim][debrief][html][i18n]") {
    const Run run;
    const Debrief d = run.debrief("de");
    CHECK(d.lang == "de");
    CHECK(d.title == run.scenario.title.in("de"));
    CHECK(d.mistakes[2].message == strings("de").get("error.service.unavailable"));
    CHECK(d.start_text.find("März") != std::string::npos);
    const std::string html = debrief_html(d, strings("de"));
    const XmlDoc x(html);
    require_well_formed(x);
    CHECK(x.string("/h:html/@lang") == "de");
    CHECK(html.find("Zeitleiste") != std::string::npos);
    CHECK(html.find("Zeit je Ziel") != std::string::npos);
    CHECK(html.find(strings("de").get("debrief.lane.error")) != std::string::npos);
    CHECK(html.find(run.scenario.assessment.objectives.front().title.de) != std::string::npos);
    CHECK(html.find("Timeline") == std::string::npos);
}

TEST_CASE("text from a session is escaped, so a hostile name cannot break the document",
          "[sim][debrief][html]") {
    Run run;
    Debrief d = run.debrief();
    d.trainee = "<script>alert('x')</script> & \"friends\"\x01";
    d.note = "]]> <!-- -->";
    d.timeline.front().detail = "a < b && c > d";
    const std::string html = debrief_html(d, strings("en"));
    const XmlDoc x(html);
    require_well_formed(x);
    CHECK(x.number("count(//h:script)") == 0);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("the debrief JSON carries the same content and reads back", "[sim][debrief][json]") {
    const Run run;
    const Debrief d = run.debrief("de");
    const nlohmann::json j = to_json(d);
    CHECK(j["score"]["score"] == d.score.score);
    CHECK(j["timeline"].size() == d.timeline.size());
    CHECK(j["mistakes"].size() == 3);
    CHECK(j["objectives"].size() == d.objectives.size());
    CHECK(j["calendar"]["start_date"] == "2025-03-03");
    Debrief back;
    std::string error;
    REQUIRE(debrief_from_json(nlohmann::json::parse(j.dump()), back, error));
    CHECK(to_json(back) == j);
    CHECK(debrief_html(back, strings("de")) == debrief_html(d, strings("de")));
    CHECK_FALSE(debrief_from_json(nlohmann::json{{"npsim_debrief", 1}}, back, error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("a debrief replayed from the session file equals the one made during the run",
          "[sim][debrief][bundle]") {
    const Run run;
    const Debrief live = run.debrief();
    std::string error;
    const Debrief replayed = debrief_from_bundle(make_bundle(run.scenario, run.sim, "two wrong submissions"),
                                                 strings("en"), error);
    REQUIRE(error.empty());
    CHECK(replayed.reproduced);
    CHECK(replayed.note == "two wrong submissions");
    nlohmann::json a = to_json(live), b = to_json(replayed);
    a.erase("note");
    b.erase("note");
    CHECK(a == b);
}

TEST_CASE("a workshop folder gives one row per session file, sorted, and explains the broken one",
          "[sim][debrief][workshop]") {
    const Run run;
    const std::string dir = temp_dir("npsim_test_workshop");
    nlohmann::json with_session = to_json(make_bundle(run.scenario, run.sim));
    with_session["session"] = {{"work_account", "lena@workshop.example"}, {"mode", "exam"}};
    REQUIRE(write_file_atomically(dir + "/b-lena.json", with_session.dump(1)));
    Scenario sc = debrief_full_journey();
    Simulation clean(sc.setup);
    REQUIRE(play_solution(sc.solution, clean).ok);
    REQUIRE(save_bundle(dir + "/a-clean.json", make_bundle(sc, clean)));
    REQUIRE(write_file_atomically(dir + "/c-corrupt.json", "{\"npsim_bundle\": 1, \"seed\": "));
    REQUIRE(write_file_atomically(dir + "/notes.txt", "not a session"));

    const std::vector<WorkshopRow> rows = workshop_rows(dir, strings("en"));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].file == "a-clean.json");
    CHECK(rows[0].trainee == "a-clean.json");
    CHECK(rows[0].error.empty());
    CHECK(rows[0].score == 100);
    CHECK(rows[0].mistakes == 0);
    CHECK(rows[0].objectives_met == rows[0].objectives_total);
    CHECK(rows[0].reproduced);
    CHECK(rows[1].trainee == "lena@workshop.example");
    CHECK(rows[1].score == 96);
    CHECK(rows[1].mistakes == 3);
    CHECK(rows[1].penalty_points == 4);
    CHECK(rows[1].time_taken == run.sim.now());
    CHECK(rows[1].scenario_title == run.scenario.title.en);
    CHECK(rows[2].file == "c-corrupt.json");
    CHECK(rows[2].error.find("not valid JSON") != std::string::npos);

    const std::string html = workshop_report_html(rows, strings("de"));
    const XmlDoc x(html);
    require_well_formed(x);
    CHECK(x.string("/h:html/@lang") == "de");
    CHECK(x.number("count(//h:tbody/h:tr)") == 3);
    CHECK(html.find("lena@workshop.example") != std::string::npos);
    CHECK(html.find("Konnte nicht gelesen werden") != std::string::npos);
    CHECK(without_namespaces(html).find("http") == std::string::npos);
    const nlohmann::json j = to_json(rows);
    REQUIRE(j["sessions"].size() == 3);
    CHECK(j["sessions"][2].contains("error"));
    CHECK(j["sessions"][1]["score"] == 96);
    fs::remove_all(dir);
}

TEST_CASE("a sim span reads in days, hours and minutes in both languages", "[sim][debrief]") {
    CHECK(format_span(3 * kDay + 4 * kHour, strings("en")) == "3\u00a0d 4\u00a0h");
    CHECK(format_span(2 * kHour + 5 * kMinute, strings("en")) == "2\u00a0h 05\u00a0min");
    CHECK(format_span(45 * kSecond, strings("de")) == "45\u00a0Sek.");
    CHECK(format_span(-1, strings("en")) == "—");
}

// [SECTION] Issue 10: one verification for replay and debrief; text XML cannot carry

namespace {

// The debrief of an edited bundle: it must say "no" with the first difference, exactly as verify_bundle does.
void check_not_reproduced(const ReproBundle& edited, const std::string& expect_in_difference) {
    const ReplayReport r = verify_bundle(edited);
    REQUIRE_FALSE(r.reproduced());
    std::string error;
    const Debrief d = debrief_from_bundle(edited, strings("en"), error);
    REQUIRE(error.empty());
    CHECK_FALSE(d.reproduced);
    CHECK(d.difference == r.difference);
    CHECK(d.difference.find(expect_in_difference) != std::string::npos);
    const nlohmann::json j = to_json(d);
    CHECK(j["reproduced"] == false);
    CHECK(j["difference"] == r.difference);
    const std::string html = debrief_html(d, strings("en"));
    const XmlDoc x(html);
    require_well_formed(x);
    CHECK(html.find(strings("en").get("debrief.no")) != std::string::npos);
    CHECK(x.string("//h:code[@class='difference']").find(expect_in_difference) != std::string::npos);
}

}  // namespace

TEST_CASE("a debrief of an edited journal says not reproduced with the first difference as replay does",
          "[sim][debrief][bundle][verify]") {
    const Run run;
    const ReproBundle b = make_bundle(run.scenario, run.sim);
    {
        std::string error;
        const Debrief d = debrief_from_bundle(b, strings("en"), error);
        REQUIRE(error.empty());
        CHECK(d.reproduced);
        CHECK(d.difference.empty());
        CHECK(verify_bundle(b).reproduced());
    }
    // The first ok result in the journal.
    std::size_t ok_result = 0;
    while (!(b.journal[ok_result].kind == "result" && b.journal[ok_result].body["result"]["ok"] == true))
        ++ok_result;
    SECTION("an entry changed: the ok result's code") {
        ReproBundle e = b;
        e.journal[ok_result].body["result"]["code"] = "portal.not_approved";
        check_not_reproduced(e, fmt::format("journal entry {} differs at /body/result/code", ok_result));
        const ReplayReport r = verify_bundle(e);
        REQUIRE(r.journal_difference);
        // Both summaries say "ok" (the result is ok on both sides); the values say what differs.
        CHECK(r.journal_difference->expected_value == "\"portal.not_approved\"");
        CHECK(r.journal_difference->actual_value == "\"ok\"");
        CHECK(r.difference.find("recorded \"portal.not_approved\", replay \"ok\"") != std::string::npos);
    }
    SECTION("an entry removed") {
        ReproBundle e = b;
        e.journal.erase(e.journal.begin() + static_cast<std::ptrdiff_t>(ok_result));
        check_not_reproduced(e, fmt::format("journal entry {} differs", ok_result));
    }
    SECTION("an entry added at the end") {
        ReproBundle e = b;
        e.journal.push_back(e.journal.back());
        check_not_reproduced(e, fmt::format("journal entry {}: missing in the replay", b.journal.size()));
    }
    SECTION("an entry re-timed") {
        ReproBundle e = b;
        e.journal[ok_result].time += 1;
        check_not_reproduced(e, fmt::format("journal entry {} differs at /t: recorded", ok_result));
    }
    SECTION("a hash changed") {
        ReproBundle e = b;
        e.state_hash = "0000000000000000";
        check_not_reproduced(e, "state hash: recorded 0000000000000000");
    }
}

TEST_CASE("a long differing value is shown around its first difference so both sides differ visibly",
          "[sim][bundle][verify]") {
    const Run run;
    ReproBundle b = make_bundle(run.scenario, run.sim);
    std::size_t i = 0;
    while (!(b.journal[i].kind == "action" && b.journal[i].body["action"].contains("legal_name"))) ++i;
    const std::string name = b.journal[i].body["action"]["legal_name"];
    b.journal[i].body["action"]["legal_name"] = name + std::string(300, 'x') + "END-A";
    const ReplayReport r = verify_bundle(b);
    REQUIRE(r.journal_difference);
    const JournalDifference& d = *r.journal_difference;
    CHECK(d.where == "/body/action/legal_name");
    CHECK(d.expected_value != d.actual_value);
    CHECK(d.expected_value.size() < 130);
    CHECK(d.actual_value == nlohmann::json(name).dump());  // the short side is shown whole
    CHECK(d.expected_value.find("xxx") != std::string::npos);
}

TEST_CASE("code points XML forbids become U+FFFD so the debrief and the report stay well formed",
          "[sim][debrief][html]") {
    Run run;
    Debrief d = run.debrief();
    const std::string hostile = std::string(
        "A\xEF\xBF\xBE"
        "B\xEF\xBF\xBF"
        "C\x1b[31m\x01\x7f\xC2\x9B"
        "D\xED\xA0\x80"
        "E\xFF\xC3"
        "F");
    d.title = "Title " + hostile;
    d.trainee = hostile;
    d.note = hostile;
    d.timeline.front().label = hostile;
    d.timeline.front().detail = hostile;
    d.mistakes.front().message = hostile;
    d.reproduced = false;
    d.difference = hostile;
    const std::string html = debrief_html(d, strings("en"));
    const XmlDoc x(html);
    require_well_formed(x);
    for (const std::string bad : {"\xEF\xBF\xBE", "\xEF\xBF\xBF", "\x1b", "\x01", "\xED\xA0\x80", "\xFF"})
        CHECK(html.find(bad) == std::string::npos);
    CHECK(html.find("A\uFFFDB\uFFFDC\uFFFD[31m\uFFFD") != std::string::npos);
    CHECK(x.string("//h:h1").find("Title A\uFFFDB") != std::string::npos);

    WorkshopRow row;
    row.file = "a" + hostile + ".json";
    row.trainee = hostile;
    row.scenario_title = hostile;
    WorkshopRow broken;
    broken.file = "b.json";
    broken.error = hostile;
    const std::string report = workshop_report_html({row, broken}, strings("en"));
    const XmlDoc y(report);
    require_well_formed(y);
    CHECK(report.find("\xEF\xBF\xBF") == std::string::npos);
}

TEST_CASE("terminal text shows control characters as escapes and keeps ordinary text", "[sim][text]") {
    CHECK(terminal_text("Verein e.V. — Größe ✓ C:\\path") == "Verein e.V. — Größe ✓ C:\\path");
    CHECK(terminal_text("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(terminal_text("line\nnext\tx\r") == "line\\x0anext\\x09x\\x0d");
    CHECK(terminal_text("\x7f") == "\\x7f");
    CHECK(terminal_text("\xC2\x9B"
                        "31m") == "\\u009b31m");  // C1 CSI
    CHECK(terminal_text("\xE2\x80\xAE"
                        "abc") == "\\u202eabc");       // right-to-left override
    CHECK(terminal_text("\xFF\xC3") == "\\xff\\xc3");  // not UTF-8
    CHECK(xml_text("ok \xEF\xBF\xBE \t\n") == "ok \uFFFD \t\n");
    CHECK(xml_text("\xC0\xAF") == "\uFFFD\uFFFD");  // overlong
}
