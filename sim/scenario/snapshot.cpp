// sim/snapshot.cpp — a running simulation as a new scenario whose start is "now".
//
// The new scenario's sim time 0 is now() rounded down to the minute ("start_time" is HH:MM), so every
// time in the world and every pending event is moved by that start (`origin`, in the old sim time):
// a verification decision due on Thursday at 10:17 is still due then.
#include "sim/snapshot.hpp"
#include "sim/json_input.hpp"
#include "sim/support.hpp"
#include "sim/tenants.hpp"
#include "sim/usage.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sim {

using nlohmann::json;

namespace {

// The times of the areas of issue 15 (usage, support, tenants); -1 means "not yet" and stays. The usage
// window keeps its end: its days count from the start, so the new start has that many fewer.
void move_area_times(World& w, SimTime origin) {
    auto move_set = [origin](SimTime& t) {
        if (t != -1) t -= origin;
    };
    UsageState& u = w.usage;
    for (PersonUsage& p : u.people) {
        move_set(p.last_exchange);
        move_set(p.last_teams);
        move_set(p.last_apps);
    }
    move_set(u.series_start);
    move_set(u.notice_since);
    move_set(u.next_review_at);
    if (w.settings.usage_tracking)
        w.settings.usage_days = static_cast<int>(std::max<SimTime>(0, w.settings.usage_days - origin / kDay));
    for (SupportRequest& r : w.support.requests) {
        r.created_at -= origin;
        move_set(r.reply_due_at);
        move_set(r.answered_at);
    }
    for (OtherTenant& t : w.tenants.others) move_set(t.released_at);
    move_set(w.tenants.move.requested_at);
    move_set(w.tenants.move.due_at);
    move_set(w.tenants.move.done_at);
}

// Moves every sim time the world holds by -origin; -1 means "not yet" and stays.
void move_times(World& w, SimTime origin) {
    auto move = [origin](SimTime& t) { t -= origin; };
    auto move_set = [origin](SimTime& t) {
        if (t != -1) t -= origin;
    };
    for (Person& p : w.people) {
        move(p.created_at);
        for (LicenceAssignment& l : p.licences) {
            move(l.assigned_at);
            move(l.active_at);
        }
        for (Mail& m : p.inbox) move(m.received_at);
    }
    Organisation& o = w.organisation;
    move_set(o.submitted_at);
    move_set(o.decided_at);
    move_set(o.approved_at);
    move_set(o.reverification_due_at);
    move_set(o.verification_deadline);
    for (Subscription& s : w.subscriptions) {
        move(s.purchased_at);
        move(s.renewal_at);
        move_set(s.state_since);  // the lifecycle (sim/subscriptions.hpp)
    }
    for (Invoice& inv : w.billing_history.invoices) {
        move(inv.date);
        move(inv.period_start);
        move(inv.period_end);
    }
    for (ComplianceViolation& v : w.violations) {
        move(v.at);
        move_set(v.resolved_at);
    }
    for (StartEvent& e : w.start_events) move(e.at);
    move_set(w.programme.lapsed_at);  // sim/programme.hpp
    move_set(w.programme.edition_change_at);
    move_area_times(w, origin);
}

// The rule as it stands at `origin`: its window moved, and what its counters used up taken off its
// nth / first / cap (the new scenario's counters start at zero). nullopt when it can never fire again.
std::optional<json> live_rule(const FaultRule& rule, const FaultRuleState& st, SimTime origin) {
    FaultRule r = rule;
    if (r.armed) {  // fires on the next match whatever the window says, then is disabled
        r.after = 0;
        r.until = -1;
    }
    if (r.until >= 0) {
        if (r.until - origin <= 0) return std::nullopt;
        r.until -= origin;
    }
    r.after = std::max<SimTime>(0, r.after - origin);
    // nth and first select the calls of every effect, throttle included (sim/faults.hpp).
    if (r.nth > 0) {
        if (st.calls >= r.nth) return std::nullopt;
        r.nth -= st.calls;
    }
    if (r.first > 0) {
        if (st.calls >= r.first) return std::nullopt;
        r.first -= st.calls;
    }
    if (r.max_fires >= 0) {
        if (st.fires >= r.max_fires && !r.armed) return std::nullopt;
        r.max_fires = std::max(0, r.max_fires - st.fires);
    }
    return to_scenario_json(r);
}

// Event data follows the world's naming: an integer under a key ending in "_at" is a sim time (e.g.
// "approved_at" of portal.reverification_due, which must equal the moved organisation.approved_at).
json move_data_times(json data, SimTime origin) {
    if (!data.is_object()) return data;
    for (auto it = data.begin(); it != data.end(); ++it) {
        const std::string& key = it.key();
        NumberError
            why;  // a time within ±2^62 (sim/time.hpp), so moving it cannot overflow; others stay as they are
        if (key.size() > 3 && key.compare(key.size() - 3, 3, "_at") == 0 && it->is_number_integer() &&
            *it != -1)
            if (auto t = integer_in_range(*it, "", -kSimTimeMax, kSimTimeMax, why)) *it = *t - origin;
    }
    return data;
}

}  // namespace

nlohmann::json scenario_at(const Scenario& base, const Simulation& sim, const std::string& new_id,
                           const LocalText& title) {
    json doc = base.source.is_object() ? base.source : json::object();
    if (!doc.contains("schema_version")) doc["schema_version"] = kScenarioSchemaVersion;

    // The new start: the local date and minute of now(). `origin` is that moment in the old sim time
    // (from the calendar, so a start in the repeated autumn hour still lands on the right instant).
    const Calendar& old_cal = sim.calendar();
    const LocalDateTime local = old_cal.local(sim.now());
    const int minute_of_day = local.hour * 60 + local.minute;
    const Calendar new_cal(local.date, minute_of_day, old_cal.zone());
    const SimTime origin = old_cal.from_unix_ms(new_cal.unix_ms(0));

    doc["id"] = new_id;
    doc["title"] = title.de.empty() ? json{{"en", title.en}} : json{{"en", title.en}, {"de", title.de}};
    doc["seed"] = sim.seed();
    doc["start_date"] = format_date(local.date);
    doc["start_time"] = fmt::format("{:02}:{:02}", local.hour, local.minute);
    doc["time_zone"] = old_cal.zone().name;

    World world = sim.world();
    move_times(world, origin);
    json events = json::array();
    for (const Event& e : sim.queue().pending()) {
        if (e.kind == "action.completed") continue;  // actions in flight end with the old run
        events.push_back(
            {{"in_ms", e.time - origin}, {"kind", e.kind}, {"data", move_data_times(e.data, origin)}});
    }
    doc["start"] = json{{"world", to_json(world)}};
    if (!events.empty()) doc["start"]["events"] = std::move(events);
    doc.erase("settings");  // the world carries its settings and delays
    doc.erase("delays");

    json faults = json::array();
    const auto& rules = sim.faults().rules();
    const auto& states = sim.faults().states();
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (auto r = live_rule(rules[i], states[i], origin)) faults.push_back(std::move(*r));
    if (faults.empty())
        doc.erase("faults");
    else
        doc["faults"] = std::move(faults);

    // No reference solution fits the new start, so no demo mode.
    doc.erase("solution");
    if (auto modes = doc.find("modes"); modes != doc.end() && modes->is_array()) {
        json kept = json::array();
        for (const auto& m : *modes)
            if (m != "demo") kept.push_back(m);
        if (kept.empty())
            doc.erase("modes");
        else
            *modes = std::move(kept);
    }
    return doc;
}

}  // namespace sim
