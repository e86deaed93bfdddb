// tools/cli_author.cpp — explain, migrate and list --cases (tools/cli_author.hpp).
//
// [SECTION] Words (en/de)
// [SECTION] explain
// [SECTION] migrate
// [SECTION] list --cases
#include "tools/cli_author.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/bundle.hpp"
#include "sim/data_files.hpp"
#include "sim/files.hpp"
#include "sim/hash.hpp"
#include "sim/i18n.hpp"
#include "sim/input_file.hpp"
#include "sim/json_input.hpp"
#include "sim/scenario.hpp"
#include "sim/support_cases.hpp"
#include "sim/text.hpp"

using sim::terminal_text;

namespace {

// [SECTION] Words (en/de)

struct Words {
    std::string lang = "en";
    sim::Strings text;  // assets/i18n in `lang`: operation and event names, error texts
    std::map<std::string, std::string> products;  // SKU -> display name in `lang` (the scenario's catalog)
    std::string product(const std::string& sku) const {
        auto it = products.find(sku);
        return it == products.end() ? sku : quote(it->second);
    }
    const char* w(const char* en, const char* de) const { return lang == "de" ? de : en; }
    std::string label(const std::string& key, const std::string& fallback) const {
        return text.has(key) ? text.get(key) : fallback;
    }
    std::string op(const std::string& name) const {
        if (name.find_first_of("*?") != std::string::npos)
            return fmt::format("{} \"{}\"", w("every operation matching", "jede Operation passend zu"), name);
        return fmt::format("{} ({})", label("debrief.op." + name, name), name);
    }
    std::string event(const std::string& kind) const { return label("debrief.event." + kind, kind); }
    std::string quote(const std::string& t) const { return lang == "de" ? "„" + t + "“" : "“" + t + "”"; }
    // A result code in words: its short name ("errname.<code>"), else its message with the placeholders
    // left out; the code itself in brackets, for testers.
    std::string code(const std::string& code) const {
        if (code == "ok") return w("success (ok)", "Erfolg (ok)");
        std::string name = label("errname." + code, label("error." + code, ""));
        for (auto open = name.find('{'); open != std::string::npos; open = name.find('{')) {
            const auto close = name.find('}', open);
            if (close == std::string::npos) break;
            name.replace(open, close - open + 1, "…");
        }
        return name.empty() ? code : fmt::format("{} ({})", quote(name), code);
    }
};

Words load_words(const std::string& lang) {
    Words words;
    words.lang = lang;
    std::vector<std::string> errors;  // missing texts: the raw names are printed instead
    words.text = sim::Strings::load(sim::default_asset_dir() + "/i18n", lang, &errors);
    return words;
}

std::string when(const sim::Calendar& cal, sim::SimTime t, const Words& w) {
    static const char* kDaysEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* kDaysDe[] = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
    const sim::LocalDateTime l = cal.local(t);
    const char* day = (w.lang == "de" ? kDaysDe : kDaysEn)[l.weekday % 7];
    if (w.lang == "de")
        return fmt::format("{} {:02}.{:02}.{} {:02}:{:02}:{:02}", day, l.date.day, l.date.month, l.date.year,
                           l.hour, l.minute, l.second);
    return fmt::format("{} {} {:02}:{:02}:{:02}", day, sim::format_date(l.date), l.hour, l.minute, l.second);
}

std::string span(sim::SimTime ms) {
    return sim::format_duration(sim::Duration{ms, 0});
}

std::string delay_words(const sim::Delay& d, const Words& w) {
    const std::string a = sim::format_duration(d.a), b = sim::format_duration(d.b);
    switch (d.kind) {
        case sim::Delay::Kind::Fixed:
            return a;
        case sim::Delay::Kind::Uniform:
            return fmt::format("{} {} {} {}", w.w("between", "zwischen"), a, w.w("and", "und"), b);
        case sim::Delay::Kind::LogNormal:
            return fmt::format("{} {}, 95 % {} {}", w.w("typically", "meist"), a,
                               w.w("within", "innerhalb von"), b);
    }
    return a;
}

// A condition in words; forms this page does not know are shown as compact JSON.
std::string condition_words(const nlohmann::json& c, const Words& w, int depth = 0);

std::string list_words(const nlohmann::json& parts, const char* joiner, const Words& w, int depth) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += joiner;
        out += condition_words(parts[i], w, depth + 1);
    }
    return depth > 0 ? "(" + out + ")" : out;
}

// A happening (a "result" or "event" spec) as a noun phrase: "“Assign licences” with “Too many …”".
std::string happening_words(const nlohmann::json& h, const Words& w) {
    if (h.contains("result") && h["result"].is_object()) {
        const auto& r = h["result"];
        return fmt::format("{} {} {}", w.op(r.value("operation", "*")), w.w("ending with", "mit"),
                           w.code(r.value("code", "ok")));
    }
    if (h.contains("event") && h["event"].is_object()) return w.quote(w.event(h["event"].value("kind", "")));
    return h.dump();
}

std::string count_words(const nlohmann::json& v, const Words& w) {
    std::string out;
    if (v.contains("at_least"))
        out += fmt::format("{} {}×", w.w("at least", "mindestens"), v["at_least"].dump());
    if (v.contains("at_most"))
        out += fmt::format("{}{} {}×", out.empty() ? "" : ", ", w.w("at most", "höchstens"),
                           v["at_most"].dump());
    return out.empty() ? "" : " (" + out + ")";
}

// Conditions over the world. Every German phrase puts its verb last: it follows "wenn" or "bis".
std::string world_condition_words(const std::string& key, const nlohmann::json& v, const Words& w) {
    auto text = [](const nlohmann::json& j, const char* k, const char* fallback) {
        return j.is_object() && j.contains(k) ? (j[k].is_string() ? j[k].get<std::string>() : j[k].dump())
                                              : std::string(fallback);
    };
    if (key == "portal_status") {
        std::string states;
        for (const auto& st : v.is_array() ? v : nlohmann::json::array({v}))
            if (st.is_string())
                states += fmt::format(
                    "{}{}", states.empty() ? "" : w.w(" or ", " oder "),
                    w.quote(w.label("status.portal." + st.get<std::string>(), st.get<std::string>())));
        return w.lang == "de" ? fmt::format("der Portalstatus {} ist", states)
                              : fmt::format("the portal status is {}", states);
    }
    if (key == "tenant_exists") return v == true ? w.w("a tenant exists", "ein Mandant existiert") : "";
    if (key == "subscription")
        return w.lang == "de" ? fmt::format("aktive Abonnements von {} mindestens {} Lizenzen haben",
                                            w.product(text(v, "sku", "?")), text(v, "min_quantity", "1"))
                              : fmt::format("active subscriptions of {} have at least {} seats",
                                            w.product(text(v, "sku", "?")), text(v, "min_quantity", "1"));
    if (key == "licensed" && v.is_object() && v.contains("upn"))
        return w.lang == "de"
                   ? fmt::format("{} {} hat", text(v, "upn", "?"), w.product(text(v, "sku", "?")))
                   : fmt::format("{} holds {}", text(v, "upn", "?"), w.product(text(v, "sku", "?")));
    if (key == "licensed")
        return w.lang == "de" ? fmt::format("mindestens {} Personen {} haben", text(v, "min_people", "1"),
                                            w.product(text(v, "sku", "?")))
                              : fmt::format("at least {} people hold {}", text(v, "min_people", "1"),
                                            w.product(text(v, "sku", "?")));
    if (key == "person" && v.is_object()) {
        std::string facts;
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it.key() != "upn")
                facts += fmt::format("{}{} = {}", facts.empty() ? "" : ", ", it.key(), it.value().dump());
        return w.lang == "de" ? fmt::format("für {} gilt: {}", text(v, "upn", "?"), facts)
                              : fmt::format("{} has {}", text(v, "upn", "?"), facts);
    }
    if (key == "office_desktop")
        return w.lang == "de" ? fmt::format("{} die Office-Desktop-Apps installieren kann",
                                            v.is_string() ? v.get<std::string>() : v.dump())
                              : fmt::format("{} can install the Office desktop apps",
                                            v.is_string() ? v.get<std::string>() : v.dump());
    if (key == "office_desktop_people")
        return w.lang == "de" ? fmt::format("mindestens {} Personen Office installieren können", v.dump())
                              : fmt::format("at least {} people can install Office", v.dump());
    if (key == "no_compliance_violations")
        return w.w("no compliance violation is open", "kein Verstoß gegen die Bedingungen offen ist");
    if (key == "mail")
        return w.lang == "de"
                   ? fmt::format("{} die Mail {} erhalten hat", text(v, "to", "?"),
                                 text(v, "subject_key", "?"))
                   : fmt::format("{} received the mail {}", text(v, "to", "?"), text(v, "subject_key", "?"));
    if (key == "payment_method")
        return w.w("a payment method is on file", "eine Zahlungsmethode hinterlegt ist");
    if (key == "billing_account")
        return w.lang == "de" ? fmt::format("das Abrechnungskonto {} ist", v.dump())
                              : fmt::format("the billing account is {}", v.dump());
    if (key == "signed_in" || key == "mfa_registered" || key == "account_locked") {  // sim/identity.hpp
        const std::string upn = v.is_string() ? v.get<std::string>() : v.dump();
        if (key == "signed_in")
            return w.lang == "de" ? fmt::format("{} angemeldet ist", upn)
                                  : fmt::format("{} is signed in", upn);
        if (key == "mfa_registered")
            return w.lang == "de" ? fmt::format("{} Microsoft Authenticator registriert hat", upn)
                                  : fmt::format("{} has registered Microsoft Authenticator", upn);
        return w.lang == "de" ? fmt::format("das Konto {} gesperrt ist (zu viele Anmeldeversuche)", upn)
                              : fmt::format("the account {} is locked (too many sign-in attempts)", upn);
    }
    if (key == "can_use_teams") {  // sim/scenario/teams_conditions.hpp
        const std::string upn = v.is_string() ? v.get<std::string>() : v.dump();
        return w.lang == "de" ? fmt::format("{} Microsoft Teams verwenden kann", upn)
                              : fmt::format("{} can use Microsoft Teams", upn);
    }
    if (key == "team_exists" && v.is_object()) {
        const int members = v.contains("min_members") && v["min_members"].is_number_integer()
                                ? v["min_members"].get<int>()
                                : 1;
        const int guests =
            v.contains("guests") && v["guests"].is_number_integer() ? v["guests"].get<int>() : 0;
        const std::string with_guests =
            guests == 0 ? std::string()
                        : (w.lang == "de" ? fmt::format(" und {} {}", guests, guests == 1 ? "Gast" : "Gästen")
                                          : fmt::format(" and {} guest{}", guests, guests == 1 ? "" : "s"));
        return w.lang == "de" ? fmt::format("das Team {} mit mindestens {} Mitgliedern{} existiert",
                                            text(v, "name", "?"), members, with_guests)
                              : fmt::format("the team {} exists with at least {} members{}",
                                            text(v, "name", "?"), members, with_guests);
    }
    return "";
}

// Conditions over the domains, the DNS host and the mailboxes (sim/scenario/domain_conditions.hpp).
std::string domain_condition_words(const std::string& key, const nlohmann::json& v, const Words& w) {
    if (!v.is_object()) return "";
    auto str = [&](const char* k) {
        return v.contains(k) && v[k].is_string() ? v[k].get<std::string>() : std::string();
    };
    auto yes = [&](const char* k) { return !v.contains(k) || !v[k].is_boolean() || v[k].get<bool>(); };
    auto joined = [&](const std::vector<std::string>& parts, const char* sep) {
        std::string out;
        for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
        return out;
    };
    if (key == "domain_status") {
        std::vector<std::string> states, parts;
        const nlohmann::json all = v.contains("status") ? v["status"] : nlohmann::json::array();
        for (const auto& st : all.is_array() ? all : nlohmann::json::array({all}))
            if (st.is_string())
                states.push_back(
                    w.quote(w.label("status.domain." + st.get<std::string>(), st.get<std::string>())));
        if (!states.empty())
            parts.push_back(joined(states, w.w(" or ", " oder ")) + (w.lang == "de" ? " ist" : ""));
        if (v.contains("default"))
            parts.push_back(yes("default") ? w.w("the default domain", "die Standarddomäne ist")
                                           : w.w("not the default domain", "nicht die Standarddomäne ist"));
        return w.lang == "de" ? fmt::format("die Domäne {} {}", str("domain"), joined(parts, " und "))
                              : fmt::format("the domain {} is {}", str("domain"), joined(parts, " and "));
    }
    if (key == "dns_record") {
        const std::string host = str("host").empty() ? "@" : str("host");
        const std::string value = v.contains("value") ? fmt::format(" \"{}\"", str("value")) : "";
        std::vector<std::string> facts;
        facts.push_back(yes("present") ? w.w("saved", "gespeichert") : w.w("not saved", "nicht gespeichert"));
        if (v.contains("published"))
            facts.push_back(yes("published") ? w.w("published", "veröffentlicht")
                                             : w.w("not published", "nicht veröffentlicht"));
        if (v.contains("visible"))
            facts.push_back(yes("visible") ? w.w("visible to Microsoft", "für Microsoft sichtbar")
                                           : w.w("not visible to Microsoft", "für Microsoft nicht sichtbar"));
        return w.lang == "de" ? fmt::format("ein {}-Eintrag{} bei {} ({}) {} ist", str("record_type"), value,
                                            host, str("domain"), joined(facts, ", "))
                              : fmt::format("the {} record{} at {} ({}) is {}", str("record_type"), value,
                                            host, str("domain"), joined(facts, ", "));
    }
    if (key == "tenant_validated" && v.contains("tenant"))  // sim/scenario/tenants_conditions.hpp (C9)
        return w.lang == "de" ? fmt::format("der Mandant {} hat den Nonprofit-Status", str("tenant"))
                              : fmt::format("the tenant {} holds the nonprofit status", str("tenant"));
    if (key == "tenant_validated")
        return w.w("the working tenant holds the nonprofit status",
                   "der Arbeitsmandant hat den Nonprofit-Status");
    if (key == "subscription_state")  // sim/scenario/subscription_conditions.hpp
        return w.lang == "de" ? fmt::format("ein Abonnement von {} ist {}", str("sku"), w.quote(str("state")))
                              : fmt::format("a subscription of {} is {}", str("sku"), w.quote(str("state")));
    if (key == "invoice_exists") {
        const std::string of =
            v.contains("sku") ? str("sku") : w.w("any product", "einem beliebigen Produkt");
        const long long min = v.value("min_amount_cents", 0LL);
        return w.lang == "de" ? fmt::format("es gibt eine Rechnung für {} über mindestens {} Cent", of, min)
                              : fmt::format("there is an invoice for {} of at least {} cents", of, min);
    }
    if (key == "role_held") {
        const std::string role = w.quote(w.label("role." + str("role"), str("role")));
        if (v.contains("user"))
            return w.lang == "de" ? fmt::format("{} hat die Rolle {}", str("user"), role)
                                  : fmt::format("{} holds the role {}", str("user"), role);
        const int n = v.contains("min_holders") && v["min_holders"].is_number_integer()
                          ? v["min_holders"].get<int>()
                          : 1;
        return w.lang == "de" ? fmt::format("mindestens {} Personen haben die Rolle {}", n, role)
                              : fmt::format("at least {} people hold the role {}", n, role);
    }
    if (key == "mailbox") {
        const std::string kind = str("kind");
        const char* noun = kind == "shared" ? w.w("a shared mailbox", "ein freigegebenes Postfach")
                           : kind == "user" ? w.w("a user's mailbox", "ein Benutzerpostfach")
                                            : w.w("a mailbox", "ein Postfach");
        return w.lang == "de" ? fmt::format("{} {} existiert", noun, str("address"))
                              : fmt::format("{} {} exists", noun, str("address"));
    }
    return "";
}

// Conditions over usage and the 85 % rule (sim/scenario/usage_conditions.hpp).
std::string usage_condition_words(const std::string& key, const nlohmann::json& v, const Words& w) {
    if (!v.is_object()) return "";
    if (key == "utilisation_at_least") {
        const int percent = v.value("percent", 85);
        const int days = v.value("days", 90);
        return w.lang == "de"
                   ? fmt::format(
                         "mindestens {} % der zugewiesenen gespendeten Lizenzen wurden in den letzten {} "
                         "Tagen aktiv genutzt",
                         percent, days)
                   : fmt::format(
                         "at least {} % of the assigned grant licences were in active use in the last {} "
                         "days",
                         percent, days);
    }
    if (key == "grant_notice") {
        const std::string stage = v.value("stage", std::string("none"));
        return w.lang == "de" ? fmt::format("die 85-%-Regel steht auf {}", w.quote(stage))
                              : fmt::format("the 85 % rule's notice stage is {}", w.quote(stage));
    }
    if (key == "report_names_concealed")
        return v.value("concealed", true)
                   ? w.w("reports conceal user names", "Berichte verbergen Benutzernamen")
                   : w.w("reports show user names", "Berichte zeigen Benutzernamen");
    return "";
}

// Conditions over what happened (the journal).
std::string history_condition_words(const std::string& key, const nlohmann::json& v, const Words& w) {
    if (!v.is_object() && key != "before") return "";
    if (key == "last_result")
        return w.lang == "de" ? fmt::format("der letzte Aufruf von {} mit {} endete",
                                            w.op(v.value("operation", "*")), w.code(v.value("error", "ok")))
                              : fmt::format("the last call of {} ended with {}",
                                            w.op(v.value("operation", "*")), w.code(v.value("error", "ok")));
    if (key == "result")
        return w.lang == "de" ? fmt::format("{} mit {} endete{}", w.op(v.value("operation", "*")),
                                            w.code(v.value("code", "ok")), count_words(v, w))
                              : fmt::format("{} ended with {}{}", w.op(v.value("operation", "*")),
                                            w.code(v.value("code", "ok")), count_words(v, w));
    if (key == "event")
        return w.lang == "de"
                   ? fmt::format("{} eingetreten ist{}", w.quote(w.event(v.value("kind", ""))),
                                 count_words(v, w))
                   : fmt::format("{} happened{}", w.quote(w.event(v.value("kind", ""))), count_words(v, w));
    if (key == "early_retries") {
        const std::string n = v.contains("at_most") && v.contains("at_least")
                                  ? fmt::format("{}–{}", v["at_least"].dump(), v["at_most"].dump())
                              : v.contains("at_most")
                                  ? fmt::format("{} {}", w.w("at most", "höchstens"), v["at_most"].dump())
                                  : fmt::format("{} {}", w.w("at least", "mindestens"),
                                                v.value("at_least", nlohmann::json(1)).dump());
        return w.lang == "de" ? fmt::format("es {} Wiederholungen vor Ablauf von Retry-After gab", n)
                              : fmt::format("there were {} retries before Retry-After", n);
    }
    if (key == "before" && v.is_array() && v.size() == 2)
        return w.lang == "de"
                   ? fmt::format("{} vor {} geschah", happening_words(v[0], w), happening_words(v[1], w))
                   : fmt::format("{} happened before {}", happening_words(v[0], w), happening_words(v[1], w));
    if (key == "within" && v.contains("from") && v.contains("to"))
        return w.lang == "de" ? fmt::format("{} höchstens {} nach {} geschah", happening_words(v["to"], w),
                                            v.value("max", "?"), happening_words(v["from"], w))
                              : fmt::format("{} happened within {} after {}", happening_words(v["to"], w),
                                            v.value("max", "?"), happening_words(v["from"], w));
    return "";
}

std::string condition_words(const nlohmann::json& c, const Words& w, int depth) {
    if (!c.is_object() || c.size() != 1 || depth > 8) return c.dump();
    const std::string key = c.begin().key();
    const nlohmann::json& v = c.begin().value();
    if (key == "all" && v.is_array()) return list_words(v, w.w(" and ", " und "), w, depth);
    if (key == "any" && v.is_array()) return list_words(v, w.w(" or ", " oder "), w, depth);
    if (key == "not")
        return fmt::format("{} ({})", w.w("not", "nicht gilt:"), condition_words(v, w, depth + 1));
    std::string out = world_condition_words(key, v, w);
    if (out.empty()) out = history_condition_words(key, v, w);
    if (out.empty()) out = domain_condition_words(key, v, w);
    if (out.empty()) out = usage_condition_words(key, v, w);
    return out.empty() ? c.dump() : out;
}

// [SECTION] explain

std::string rule_selector_words(const sim::FaultRule& r, const Words& w) {
    std::vector<std::string> parts;
    if (r.probability_ppm < 1'000'000)
        parts.push_back(
            fmt::format("{} {:.0f} %", w.w("at random,", "zufällig,"), r.probability_ppm / 10'000.0));
    if (r.first == 1)
        parts.push_back(w.w("on the first call", "beim ersten Aufruf"));
    else if (r.first > 1)
        parts.push_back(fmt::format("{} {} {}", w.w("on the first", "bei den ersten"), r.first,
                                    w.w("calls", "Aufrufen")));
    if (r.nth > 0) parts.push_back(fmt::format("{} {}.", w.w("on call no.", "beim Aufruf Nr."), r.nth));
    if (r.after > 0) parts.push_back(fmt::format("{} {}", w.w("from", "ab"), span(r.after)));
    if (r.until >= 0) parts.push_back(fmt::format("{} {}", w.w("until", "bis"), span(r.until)));
    if (r.max_fires >= 0) parts.push_back(fmt::format("{} {}×", w.w("at most", "höchstens"), r.max_fires));
    if (!r.actor.empty()) parts.push_back(fmt::format("{} {}", w.w("for", "für"), r.actor));
    if (!r.args.empty()) parts.push_back(fmt::format("{} {}", w.w("when", "wenn"), r.args.dump()));
    if (!r.enabled) parts.push_back(w.w("switched off", "ausgeschaltet"));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out.empty() ? w.w("always", "immer") : out;
}

std::string rule_effect_words(const sim::FaultRule& r, const Words& w) {
    switch (r.effect) {
        case sim::FaultRule::Effect::Error: {
            std::string out = fmt::format(
                "{} {}", w.w("fails with", "scheitert mit"),
                r.error_code == "fault.custom"
                    ? w.quote(w.lang == "de" && !r.message_de.empty() ? r.message_de : r.message_en)
                    : w.code(r.error_code));
            if (r.latency) out += fmt::format(" {} {}", w.w("after", "nach"), delay_words(*r.latency, w));
            return out;
        }
        case sim::FaultRule::Effect::Latency:
            return fmt::format("{} {}", w.w("answers after", "antwortet nach"), delay_words(*r.latency, w));
        case sim::FaultRule::Effect::Throttle:
            return fmt::format(
                "{} {} {} {}; {} {}", w.w("is throttled: at most", "wird gedrosselt: höchstens"), r.limit,
                w.w("calls per", "Aufrufe je"), span(r.window),
                w.w("then HTTP 429 with Retry-After", "dann HTTP 429 mit Retry-After"), span(r.retry_after));
        case sim::FaultRule::Effect::Hang:
            return w.w("hangs until the person tries again", "hängt, bis die Person es erneut versucht");
    }
    return "";
}

void explain_start(const sim::Scenario& sc, const sim::Simulation& sim, const Words& w) {
    const sim::World& world = sim.world();
    std::cout << "\n" << w.w("Start state", "Ausgangslage") << "\n";
    std::cout << fmt::format("  {} {} · {} {} · {} {}\n", w.w("starts", "beginnt"),
                             when(sim.calendar(), 0, w), w.w("catalog", "Katalog"), world.catalog.edition,
                             w.w("seed", "Startwert"), sc.setup.seed);
    const std::string status = sim::to_string(world.organisation.status);
    std::cout << fmt::format("  {}: {}\n", w.w("portal status", "Portalstatus"),
                             w.label("status.portal." + status, status));
    if (world.tenant.exists)
        std::cout << fmt::format("  {}: {}\n", w.w("tenant", "Mandant"),
                                 terminal_text(world.tenant.initial_domain));
    else
        std::cout << "  "
                  << w.w("no tenant yet (the trainee signs up)",
                         "noch kein Mandant (die Person registriert sich)")
                  << "\n";
    for (const sim::Person& p : world.people) {
        std::string roles;
        for (const auto& r : sim::role_names(p.roles))
            roles += (roles.empty() ? "" : ", ") + w.label("role." + r, r);
        std::string licences;
        for (const auto& l : p.licences) licences += (licences.empty() ? "" : ", ") + l.sku;
        std::cout << fmt::format(
            "  {} {} ({}{}{}{})\n", w.w("person", "Person"), terminal_text(p.upn),
            w.label(std::string("kind.") + sim::to_string(p.kind), sim::to_string(p.kind)),
            roles.empty() ? "" : "; " + roles,
            p.usage_location.empty() ? std::string(w.w("; no usage location", "; kein Nutzungsort"))
                                     : "; " + p.usage_location,
            licences.empty() ? "" : "; " + licences);
    }
    for (const sim::Subscription& s : world.subscriptions) {
        const std::string state = sim::to_string(s.status);
        std::cout << fmt::format(
            "  {} {}: {} × {} ({}, {} {}{})\n", w.w("subscription", "Abonnement"), terminal_text(s.id),
            terminal_text(s.sku), s.quantity, w.label("status.subscription." + state, state),
            w.w("bought", "gekauft"), when(sim.calendar(), s.purchased_at, w),
            s.renewal_at > s.purchased_at ? fmt::format(", {} {}", w.w("renews", "verlängert sich"),
                                                        when(sim.calendar(), s.renewal_at, w))
                                          : "");
    }
    std::size_t mails = 0;
    for (const sim::Person& p : world.people) mails += p.inbox.size();
    if (mails)
        std::cout << fmt::format("  {} {}\n", mails, w.w("mails in the inboxes", "Mails in den Postfächern"));
}

void explain_faults_and_events(const sim::Scenario& sc, const sim::Simulation& sim, const Words& w) {
    std::cout << "\n"
              << w.w("Fault rules (checked in order; the first that fires wins)",
                     "Störungsregeln (der Reihe nach; die erste, die greift, gilt)")
              << "\n";
    if (sc.setup.faults.empty()) std::cout << "  " << w.w("none", "keine") << "\n";
    for (std::size_t i = 0; i < sc.setup.faults.size(); ++i) {
        const sim::FaultRule& r = sc.setup.faults[i];
        std::cout << fmt::format("  {}. {}: {} — {}: {}\n", i + 1,
                                 terminal_text(r.id.empty() ? fmt::format("rule-{}", i + 1) : r.id),
                                 terminal_text(w.op(r.operation)), terminal_text(rule_selector_words(r, w)),
                                 terminal_text(rule_effect_words(r, w)));
    }
    std::cout << "\n" << w.w("Scheduled at the start", "Zu Beginn geplant") << "\n";
    const auto events = sim.queue().pending();
    if (events.empty()) std::cout << "  " << w.w("nothing", "nichts") << "\n";
    for (const auto& e : events)
        std::cout << fmt::format("  {}  {}\n", when(sim.calendar(), e.time, w),
                                 terminal_text(w.event(e.kind)));
}

void explain_objectives(const sim::Scenario& sc, const Words& w) {
    const sim::Assessment& a = sc.assessment;
    std::cout << "\n"
              << (a.ordered ? w.w("Objectives (in this order)", "Ziele (in dieser Reihenfolge)")
                            : w.w("Objectives", "Ziele"))
              << "\n";
    for (std::size_t i = 0; i < a.objectives.size(); ++i) {
        const sim::Objective& o = a.objectives[i];
        std::cout << fmt::format("  {}. [{} {}] {}\n     {} {}\n", i + 1, o.weight, w.w("pts", "Pkt."),
                                 terminal_text(o.title.in(w.lang)), w.w("met when", "erfüllt, wenn"),
                                 terminal_text(condition_words(o.condition, w)));
    }
    const sim::Penalties& p = a.penalties;
    std::cout << fmt::format("  {}: {} {}, {} {}", w.w("penalties", "Abzüge"), p.compliance_violation,
                             w.w("per compliance violation", "je Verstoß"), p.early_retry,
                             w.w("per retry before Retry-After", "je Wiederholung vor Retry-After"));
    for (const auto& f : p.failed_actions)
        std::cout << fmt::format(", {} {} {}", f.points, w.w("per failed", "je gescheitertem"),
                                 terminal_text(f.operation));
    std::cout << "\n";
}

std::string codes_words(const std::vector<std::string>& codes, const Words& w) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : w.w(" or ", " oder ")) + c;
    return out;
}

// One line per step: its caption, then what it does in words; a branch's steps indented below it.
void explain_steps(const std::vector<sim::SolutionStep>& steps, const Words& w, const std::string& indent,
                   int depth = 0) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const sim::SolutionStep& st = steps[i];
        std::string what;
        if (st.action) {
            what = w.op(st.action->type);
            const std::vector<std::string> expected =
                st.expect_any.empty() ? std::vector<std::string>{st.expect} : st.expect_any;
            if (expected != std::vector<std::string>{"ok"})
                what += fmt::format(", {} {}", w.w("expects", "erwartet"), codes_words(expected, w));
            if (st.retry)
                what += fmt::format(", {} {}× {} {}", w.w("retries up to", "wiederholt bis zu"),
                                    st.retry->max, w.w("on", "bei"), codes_words(st.retry->on, w));
        } else if (st.advance) {
            what = fmt::format("{} {}", w.w("waits", "wartet"), sim::format_duration(*st.advance));
        } else if (st.is_branch()) {
            what = fmt::format("{} {}", w.w("if the last result is", "wenn das letzte Ergebnis ist:"),
                               codes_words(st.if_result, w));
        } else if (!st.wait_until.is_null()) {
            what = fmt::format("{} {} ({} {})", w.w("waits until", "wartet, bis"),
                               condition_words(st.wait_until, w), w.w("at most", "höchstens"),
                               span(st.max_wait));
        }
        const std::string caption = st.caption.in(w.lang);
        std::cout << fmt::format("{}{}. {}{}\n", indent, i + 1, terminal_text(caption),
                                 terminal_text(caption.empty() ? what : " — " + what));
        if (!st.is_branch() || depth >= 8) continue;
        if (!st.then_steps.empty()) {
            std::cout << indent << "   " << w.w("then:", "dann:") << "\n";
            explain_steps(st.then_steps, w, indent + "      ", depth + 1);
        }
        if (!st.else_steps.empty()) {
            std::cout << indent << "   " << w.w("otherwise:", "sonst:") << "\n";
            explain_steps(st.else_steps, w, indent + "      ", depth + 1);
        }
    }
}

void explain_solution(const sim::Scenario& sc, const Words& w) {
    std::cout << "\n" << w.w("Reference solution", "Musterlösung") << "\n";
    if (sc.solution.steps.empty()) {
        std::cout << "  " << w.w("none (no demo mode)", "keine (kein Demo-Modus)") << "\n";
        return;
    }
    explain_steps(sc.solution.steps, w, "  ");
    sim::Simulation sim(sc.setup);
    sim::AssessmentTracker tracker(sc.assessment);
    const sim::SolutionRun run = sim::play_solution(sc.solution, sim, &tracker);
    std::cout << "\n" << w.w("Its timeline (played headless)", "Ihr Ablauf (ohne Fenster gespielt)") << "\n";
    tracker.update(sim);
    const sim::ScoreReport report = tracker.report(sim);
    std::vector<std::pair<sim::SimTime, std::string>> lines;  // stable-sorted by time: journal order kept
    for (const auto& e : sim.journal().entries()) {
        if (e.kind == "result")
            lines.emplace_back(e.time, fmt::format("{} → {}", w.op(e.body.value("type", "")),
                                                   w.code(e.body["result"].value("code", ""))));
        else if (e.kind == "event")
            lines.emplace_back(e.time, w.event(e.body.value("kind", "")));
    }
    for (std::size_t i = 0; i < report.objectives.size(); ++i)
        if (report.objectives[i].met)
            lines.emplace_back(report.objectives[i].met_at,
                               fmt::format("{} {}", w.w("objective met:", "Ziel erreicht:"),
                                           sc.assessment.objectives[i].title.in(w.lang)));
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [t, text] : lines)
        std::cout << fmt::format("  {}  {}\n", when(sim.calendar(), t, w), terminal_text(text));
    std::cout << fmt::format(
        "  {} {}/100{}\n", w.w("score", "Punkte"), report.score,
        run.ok ? ""
               : " — " + std::string(w.w("the solution failed: ", "die Lösung scheiterte: ")) +
                     terminal_text(run.failure));
}

int explain_command(const std::string& file, const std::string& lang) {
    sim::ScenarioLoad load = sim::load_scenario_file(file);
    for (const auto& e : load.errors) std::cerr << terminal_text(e.to_string()) << "\n";
    if (!load.ok()) return 1;
    const sim::Scenario& sc = *load.scenario;
    Words w = load_words(lang);
    for (const sim::Product& p : sc.setup.world.catalog.products) w.products[p.sku] = p.name.in(lang);
    std::cout << fmt::format("{} — {}\n", terminal_text(sc.id), terminal_text(sc.title.in(lang)));
    if (!sc.description.en.empty()) std::cout << terminal_text(sc.description.in(lang)) << "\n";
    std::cout << fmt::format("{} {} · {} · ~{} min · {}", w.w("version", "Version"), sc.schema_version,
                             sc.difficulty, sc.estimated_minutes, w.w("modes:", "Modi:"));
    for (const auto& m : sc.modes) std::cout << " " << m;
    std::cout << "\n";
    if (!sc.support_cases.empty()) {
        std::cout << w.w("Support cases:", "Supportfälle:");
        for (const auto& id : sc.support_cases) {
            const auto& cases = sim::shipped_support_cases();
            auto it = std::find_if(cases.begin(), cases.end(),
                                   [&](const sim::SupportCase& c) { return c.id == id; });
            std::cout << fmt::format(" {}{}", id, it == cases.end() ? "" : " (" + it->title.in(lang) + ")");
        }
        std::cout << "\n";
    }
    const sim::Simulation sim(sc.setup);
    explain_start(sc, sim, w);
    explain_faults_and_events(sc, sim, w);
    explain_objectives(sc, w);
    explain_solution(sc, w);
    return 0;
}

// [SECTION] migrate

struct MigrateOptions {
    std::vector<std::string> files;
    std::string out;
    bool in_place = false;
};

// What changes for a version 1 document when it is read as version 2 (nothing in its text but the
// version number; the rest is behaviour that version 2 fixed, named where the file uses it).
std::vector<std::string> migrate_v1_notes(const nlohmann::ordered_json& doc) {
    std::vector<std::string> notes = {"/schema_version: 1 → 2"};
    auto faults = doc.find("faults");
    if (faults == doc.end() || !faults->is_array()) return notes;
    for (std::size_t i = 0; i < faults->size(); ++i) {
        const auto& r = (*faults)[i];
        if (!r.is_object()) continue;
        const std::string p = fmt::format("/faults/{}", i);
        const bool throttle = r.contains("throttle");
        const bool selector =
            r.contains("first") || r.contains("nth") || r.contains("after") || r.contains("until");
        if (throttle && selector)
            notes.push_back(p +
                            ": its first/nth/after/until now select the calls the throttle governs "
                            "(version 1 ignored them for a throttle)");
        if (throttle && r.contains("max_fires"))
            notes.push_back(p + ": a retry before Retry-After no longer uses up max_fires");
        if (throttle)
            notes.push_back(p +
                            ": Retry-After now counts from the answer the trainee saw, not from the submit");
    }
    return notes;
}

// Writes an upgraded file to -o / --in-place (atomically), or prints it; returns the stream the report
// goes to (stderr when the file itself went to stdout), or nullptr after a failed write (reported).
std::ostream* write_upgrade(const std::string& file, const MigrateOptions& o, const std::string& upgraded,
                            std::string& target) {
    std::string error;
    target = o.in_place ? file : o.out;
    if (!target.empty() && !sim::write_file_atomically(target, upgraded, &error)) {
        std::cerr << terminal_text(error) << "\n";
        return nullptr;
    }
    if (target.empty()) std::cout << upgraded;
    return target.empty() ? &std::cerr : &std::cout;
}

std::string written_to(const std::string& target) {
    return target.empty() ? "" : " (written to " + terminal_text(target) + ")";
}

// A session file or repro bundle whose embedded scenario is version 1. Replaying it under version 2
// reaches the same journal, entry for entry, unless a fault rule it uses behaves differently now (e.g.
// Retry-After counted from the answer): then the journal or only the final state hash differs. Only the
// state hash may differ for an upgrade (the run itself is the same): the file is rewritten with the
// embedded scenario's version, its hash and the new final hashes; everything else is kept as it is.
int migrate_session(const std::string& file, const MigrateOptions& o) {
    std::string text, error;
    sim::ReproBundle b;
    nlohmann::json doc;
    if (!sim::read_input_file(file, sim::InputKind::Session, text, error) ||
        !sim::bundle_from_text(text, b, error, &doc)) {
        std::cerr << terminal_text(file) << ": " << terminal_text(error) << "\n";
        return 1;
    }
    const nlohmann::json version = b.scenario.value("schema_version", nlohmann::json());
    if (version == sim::kScenarioSchemaVersion) {
        std::cout << fmt::format("{}: its scenario is already version {}; nothing to change\n",
                                 terminal_text(file), sim::kScenarioSchemaVersion);
        return 0;
    }
    const sim::ReplayReport before = sim::verify_bundle(b);
    if (!before.loaded || before.journal_difference || !before.scenario_matches) {
        std::cerr << fmt::format(
            "{}: cannot be upgraded: {} (replay it with npsim {}, which recorded it)\n", terminal_text(file),
            terminal_text(before.difference.empty() ? "its scenario does not load" : before.difference),
            terminal_text(b.version.empty() ? "round 1" : b.version));
        return 1;
    }
    const std::vector<std::string> notes = migrate_v1_notes(nlohmann::ordered_json::parse(b.scenario.dump()));
    doc["scenario"]["schema_version"] = sim::kScenarioSchemaVersion;
    doc["scenario_hash"] = sim::hex64(sim::hash_json(doc["scenario"]));
    doc["journal_hash"] = before.journal_hash;
    doc["state_hash"] = before.state_hash;
    const std::string upgraded = sim::bundle_text(doc);
    sim::ReproBundle check;
    if (!sim::bundle_from_text(upgraded, check, error) || !sim::verify_bundle(check).reproduced()) {
        std::cerr << terminal_text(file) << ": the upgraded session does not replay; nothing written\n";
        return 1;
    }
    std::string target;
    std::ostream* out = write_upgrade(file, o, upgraded, target);
    if (out == nullptr) return 1;
    std::ostream& report = *out;
    report << fmt::format("{}: session of a version 1 scenario → version {}{}\n", terminal_text(file),
                          sim::kScenarioSchemaVersion, written_to(target));
    for (const auto& n : notes) report << "  /scenario" << terminal_text(n) << "\n";
    if (b.state_hash != before.state_hash)
        report << fmt::format(
            "  /state_hash: {} → {} (the fault state above; every journal entry is the same)\n",
            terminal_text(b.state_hash), before.state_hash);
    else
        report << "  the journal and both hashes are unchanged\n";
    return 0;
}

int migrate_one(const std::string& file, const MigrateOptions& o) {
    std::string text, error;
    // Read under the larger limits of a session file; a scenario is then held to its own.
    if (!sim::read_input_file(file, sim::InputKind::Session, text, error)) {
        std::cerr << terminal_text(file) << ": " << terminal_text(error) << "\n";
        return 1;
    }
    if (text.find("\"npsim_bundle\"") != std::string::npos) {
        sim::JsonInputError why;
        auto j = sim::parse_json_checked(text, sim::InputKind::Session, why);
        if (j && j->is_object() && j->contains("npsim_bundle")) return migrate_session(file, o);
    }
    if (text.size() > sim::input_limits(sim::InputKind::Scenario).max_bytes) {
        std::cerr << terminal_text(file) << ": larger than a scenario may be ("
                  << sim::input_limits(sim::InputKind::Scenario).max_bytes << " bytes)\n";
        return 1;
    }
    sim::JsonInputError why;  // the input policy first (nesting, duplicate keys), then the key order kept
    if (!sim::parse_json_checked(text, sim::InputKind::Scenario, why)) {
        std::cerr << fmt::format("{}:{}: {}\n", terminal_text(file), why.where(), terminal_text(why.message));
        return 1;
    }
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
    const auto version = doc.is_object() ? doc.find("schema_version") : doc.end();
    if (version == doc.end() || !version->is_number_integer() ||
        *version < sim::kOldestScenarioSchemaVersion || *version > sim::kScenarioSchemaVersion) {
        std::cerr << terminal_text(file) << ": not a scenario of a version this npsim reads (npsim-cli check "
                  << terminal_text(file) << ")\n";
        return 1;
    }
    if (*version == sim::kScenarioSchemaVersion) {
        std::cout << fmt::format("{}: already version {}; nothing to change\n", terminal_text(file),
                                 sim::kScenarioSchemaVersion);
        return 0;
    }
    const std::vector<std::string> notes = migrate_v1_notes(doc);
    *version = sim::kScenarioSchemaVersion;
    const std::string upgraded = doc.dump(2) + "\n";
    sim::ScenarioLoad load = sim::load_scenario_text(upgraded, file);
    for (const auto& e : load.errors) std::cerr << terminal_text(e.to_string()) << "\n";
    if (!load.ok()) {
        std::cerr << terminal_text(file) << ": the upgraded scenario does not load; nothing written\n";
        return 1;
    }
    std::string target;
    std::ostream* out = write_upgrade(file, o, upgraded, target);
    if (out == nullptr) return 1;
    std::ostream& report = *out;
    report << fmt::format("{}: version 1 → {}{}\n", terminal_text(file), sim::kScenarioSchemaVersion,
                          written_to(target));
    for (const auto& n : notes) report << "  " << terminal_text(n) << "\n";
    return 0;
}

int migrate_command(const MigrateOptions& o) {
    if (!o.out.empty() && o.files.size() != 1) {
        std::cerr << "migrate: -o takes one input file; use --in-place for several\n";
        return 2;
    }
    int bad = 0;
    for (const auto& f : o.files) bad += migrate_one(f, o) != 0 ? 1 : 0;
    return bad == 0 ? 0 : 1;
}

}  // namespace

// [SECTION] list --cases

namespace cli {

int list_cases_command(bool as_json) {
    std::vector<sim::SupportCase> cases;
    std::string error;
    if (!sim::load_support_cases(sim::default_asset_dir() + "/support-cases.json", cases, error)) {
        std::cerr << terminal_text(error) << "\n";
        return 1;
    }
    const std::vector<std::string> files = sim::scenario_files();
    std::map<std::string, std::vector<std::pair<std::string, bool>>> cover;  // case -> (scenario, passes)
    for (const auto& f : files) {
        auto load = sim::load_scenario_file(f);
        if (!load.ok()) continue;
        const sim::Scenario& sc = *load.scenario;
        if (sc.support_cases.empty()) continue;
        bool passes = false;
        if (!sc.solution.steps.empty()) {
            sim::Simulation sim(sc.setup);
            sim::AssessmentTracker tracker(sc.assessment);
            const sim::SolutionRun run = sim::play_solution(sc.solution, sim, &tracker);
            tracker.update(sim);
            passes = run.ok && tracker.report(sim).all_met;
        }
        for (const auto& id : sc.support_cases) cover[id].push_back({sc.id, passes});
    }
    nlohmann::json out = nlohmann::json::array();
    int covered = 0;
    for (const sim::SupportCase& c : cases) {
        const auto& list = cover[c.id];
        covered += list.empty() ? 0 : 1;
        if (as_json) {
            nlohmann::json scenarios = nlohmann::json::array();
            for (const auto& [id, ok] : list) scenarios.push_back({{"id", id}, {"solution_passes", ok}});
            out.push_back(
                {{"case", c.id}, {"title", c.title.en}, {"source", c.source}, {"scenarios", scenarios}});
            continue;
        }
        std::string names;
        for (const auto& [id, ok] : list)
            names += fmt::format("{}{}{}", names.empty() ? "" : ", ", id, ok ? "" : " (solution FAILS)");
        std::cout << fmt::format("{:<4} {:<58} {}\n", c.id, c.title.en.substr(0, 58),
                                 names.empty() ? "—" : names);
    }
    if (as_json)
        std::cout << out.dump(2) << "\n";
    else
        std::cout << fmt::format("\n{} of {} cases have a scenario\n", covered, cases.size());
    return 0;
}

void add_author_commands(CLI::App& app, int& exit_code) {
    auto explain_file = std::make_shared<std::string>();
    auto explain_lang = std::make_shared<std::string>("en");
    auto* explain = app.add_subcommand(
        "explain",
        "Say in plain words what a scenario sets up: start state, faults, objectives, solution timeline");
    explain->add_option("file", *explain_file, "Scenario file")->required();
    explain->add_option("--lang", *explain_lang, "Language (en, de)")->check(CLI::IsMember({"en", "de"}));
    explain->callback([explain_file, explain_lang, &exit_code] {
        exit_code = explain_command(*explain_file, *explain_lang);
    });

    auto m = std::make_shared<MigrateOptions>();
    auto* migrate = app.add_subcommand(
        "migrate", "Upgrade version 1 scenarios to the current version and say what changed");
    migrate->add_option("files", m->files, "Scenario files, session files or repro bundles")->required();
    auto* in_place = migrate->add_flag("--in-place", m->in_place, "Rewrite each file (atomically)");
    migrate->add_option("-o,--out", m->out, "Write the upgraded scenario here (default: print it)")
        ->excludes(in_place);
    migrate->callback([m, &exit_code] { exit_code = migrate_command(*m); });
}

}  // namespace cli
