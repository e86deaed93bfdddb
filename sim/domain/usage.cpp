// sim/usage.cpp — usage of the licences and the grant's 85 % rule (sim/usage.hpp; domain.md §2.4,
// domain-admin.md §2, support cases C15 and C22):
//   [SECTION] Canonical JSON      UsageState to and from JSON
//   [SECTION] Queries             activity per person, active users per day, the grant's utilisation
//   [SECTION] Daily activity      one event per simulated day draws who used which service
//   [SECTION] The 85 % review     warning, final notice, disabled, re-enabled
//   [SECTION] Operations          reports.*
//   [SECTION] Start state         the scenario's "start"/"usage" object
#include "sim/usage.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "sim/hash.hpp"
#include "sim/journey.hpp"
#include "sim/random.hpp"
#include "sim/registry.hpp"
#include "sim/shape.hpp"
#include "sim/subscriptions.hpp"
#include "sim/teams.hpp"
#include "sim/text.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

namespace {

// Chance (per mille) that a person of the profile uses the services on a workday and on a weekend day.
struct UsProfile {
    const char* name;
    int workday_pm;
    int weekend_pm;
    bool mail_only;
};
constexpr UsProfile kUsProfiles[] = {{"active", 850, 150, false},
                                     {"occasional", 120, 30, false},
                                     {"rare", 12, 12, false},
                                     {"left", 0, 0, false},
                                     {"mail_only", 1000, 1000, true}};
constexpr const char* kUsDefaultProfile = "active";

const UsProfile& us_profile(std::string_view name) {
    for (const UsProfile& p : kUsProfiles)
        if (name == p.name) return p;
    return kUsProfiles[0];
}

constexpr SimTime kUsNever = -1;

bool us_within(SimTime t, SimTime now, int days) {
    return t != kUsNever && t <= now && t > now - static_cast<SimTime>(days) * kDay;
}

SimTime us_latest(SimTime a, SimTime b) {
    if (a == kUsNever) return b;
    if (b == kUsNever) return a;
    return std::max(a, b);
}

// The services a person's working licences give now.
struct UsServices {
    bool exchange = false, teams = false, apps = false;
    bool any() const { return exchange || teams || apps; }
};

UsServices us_services(const World& w, const Person& p) {
    UsServices s;
    for (const LicenceAssignment& l : p.licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (prod == nullptr || prod->portal_access || !licence_works(w, l)) continue;
        if (prod->web_apps) s.exchange = true;  // the suites with the web apps carry Exchange Online
        if (prod->teams && service_enabled(w, p.upn, l.sku, "teams")) s.teams = true;
        if ((prod->web_apps || prod->desktop_apps) && service_enabled(w, p.upn, l.sku, "office"))
            s.apps = true;
    }
    return s;
}

bool us_is_grant(const Product* prod) {
    return prod != nullptr && prod->grant && !prod->portal_access;
}

std::string us_profile_of(const World& w, const PersonUsage* u) {
    if (u != nullptr && !u->profile.empty()) return u->profile;
    return w.usage.default_profile.empty() ? kUsDefaultProfile : w.usage.default_profile;
}

SimTime us_last(const PersonUsage* u) {
    if (u == nullptr) return kUsNever;
    return us_latest(us_latest(u->last_exchange, u->last_teams), u->last_apps);
}

}  // namespace

const std::vector<std::string>& usage_profiles() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const UsProfile& p : kUsProfiles) out.emplace_back(p.name);
        return out;
    }();
    return names;
}

bool is_usage_profile(std::string_view name) {
    const auto& all = usage_profiles();
    return std::find(all.begin(), all.end(), name) != all.end();
}

const PersonUsage* UsageState::find(std::string_view upn) const {
    auto it = std::lower_bound(people.begin(), people.end(), upn,
                               [](const PersonUsage& p, std::string_view u) { return p.upn < u; });
    return it != people.end() && it->upn == upn ? &*it : nullptr;
}

PersonUsage& UsageState::at(std::string_view upn) {
    auto it = std::lower_bound(people.begin(), people.end(), upn,
                               [](const PersonUsage& p, std::string_view u) { return p.upn < u; });
    if (it != people.end() && it->upn == upn) return *it;
    PersonUsage p;
    p.upn = std::string(upn);
    return *people.insert(it, std::move(p));
}

// [SECTION] Canonical JSON --------------------------------------------------------------------------

nlohmann::json to_json(const UsageState& u) {
    json people = json::array();
    for (const PersonUsage& p : u.people)
        people.push_back(json::array({p.upn, p.profile, p.last_exchange, p.last_teams, p.last_apps}));
    json out = {{"people", std::move(people)},          {"default_profile", u.default_profile},
                {"series_start", u.series_start},       {"daily_active", u.daily_active},
                {"notice_stage", u.notice_stage},       {"notice_since", u.notice_since},
                {"concealed_names", u.concealed_names}, {"scheduled", u.scheduled}};
    if (u.next_review_at >= 0) out["next_review_at"] = u.next_review_at;
    if (!u.disabled_subscriptions.empty()) out["disabled_subscriptions"] = u.disabled_subscriptions;
    return out;
}

bool usage_state_from_json(const nlohmann::json& j, UsageState& out, std::string& why) {
    try {
        UsageState u;
        for (const json& pj : j.at("people")) {
            PersonUsage p;
            p.upn = pj.at(0).get<std::string>();
            p.profile = pj.at(1).get<std::string>();
            p.last_exchange = pj.at(2).get<SimTime>();
            p.last_teams = pj.at(3).get<SimTime>();
            p.last_apps = pj.at(4).get<SimTime>();
            u.people.push_back(std::move(p));
        }
        u.default_profile = j.at("default_profile").get<std::string>();
        u.series_start = j.at("series_start").get<SimTime>();
        u.daily_active = j.at("daily_active").get<std::vector<int>>();
        u.notice_stage = j.at("notice_stage").get<std::string>();
        u.notice_since = j.at("notice_since").get<SimTime>();
        u.concealed_names = j.at("concealed_names").get<int>();
        u.scheduled = j.at("scheduled").get<bool>();
        u.next_review_at = j.value("next_review_at", SimTime{-1});
        if (j.contains("disabled_subscriptions"))
            u.disabled_subscriptions = j["disabled_subscriptions"].get<std::vector<std::string>>();
        out = std::move(u);
        return true;
    } catch (const json::exception& e) {
        why = std::string("not a usage state: ") + e.what();
        return false;
    }
}

// [SECTION] Queries ---------------------------------------------------------------------------------

std::vector<PersonActivity> person_activity(const World& w) {
    std::vector<PersonActivity> out;
    for (const Person& p : w.people) {
        if (p.deleted || p.licences.empty()) continue;
        const PersonUsage* u = w.usage.find(p.upn);
        PersonActivity a;
        a.upn = p.upn;
        a.profile = us_profile_of(w, u);
        if (u != nullptr) {
            a.last_exchange = u->last_exchange;
            a.last_teams = u->last_teams;
            a.last_apps = u->last_apps;
        }
        a.last_activity = us_last(u);
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(),
              [](const PersonActivity& a, const PersonActivity& b) { return a.upn < b.upn; });
    return out;
}

std::vector<int> daily_active_users(const World& w, SimTime now, int days) {
    std::vector<int> out(static_cast<std::size_t>(std::max(days, 0)), 0);
    const UsageState& u = w.usage;
    if (u.daily_active.empty() || days <= 0) return out;
    // The last complete day before `now`: the day whose end is at or before now.
    const SimTime elapsed = now - u.series_start;
    const std::int64_t last_day = elapsed / kDay - 1;  // index into daily_active
    for (int i = 0; i < days; ++i) {
        const std::int64_t day = last_day - (days - 1 - i);
        if (day >= 0 && day < static_cast<std::int64_t>(u.daily_active.size()))
            out[static_cast<std::size_t>(i)] = u.daily_active[static_cast<std::size_t>(day)];
    }
    return out;
}

int active_users_in(const World& w, SimTime now, int days) {
    int n = 0;
    for (const PersonUsage& p : w.usage.people) {
        const Person* person = w.find_person(p.upn);
        if (is_usable(person) && !person->licences.empty() && us_within(us_last(&p), now, days)) ++n;
    }
    return n;
}

bool holds_grant_licence(const World& w, std::string_view upn) {
    const Person* p = w.find_person(upn);
    if (!is_usable(p)) return false;
    return std::any_of(p->licences.begin(), p->licences.end(),
                       [&](const LicenceAssignment& l) { return us_is_grant(w.catalog.find(l.sku)); });
}

GrantUtilisation grant_utilisation(const World& w, SimTime now, int days) {
    GrantUtilisation g;
    g.threshold = w.settings.usage_threshold;
    g.notice_stage = w.usage.notice_stage;
    for (const Person& p : w.people) {
        if (p.deleted) continue;
        const bool active = us_within(us_last(w.usage.find(p.upn)), now, days);
        for (const LicenceAssignment& l : p.licences) {
            if (!us_is_grant(w.catalog.find(l.sku))) continue;
            ++g.assigned;
            if (active) ++g.active;
        }
    }
    g.inactive = g.assigned - g.active;
    if (g.assigned > 0) g.percent = 100.0 * g.active / g.assigned;
    return g;
}

bool reports_names_concealed(const World& w) {
    return w.usage.concealed_names != 0;
}

std::string report_user_name(const World& w, std::string_view upn) {
    if (!reports_names_concealed(w)) return std::string(upn);
    // Microsoft shows a 32-digit hexadecimal token instead of the name.
    const std::uint64_t a = fnv1a(upn);
    const std::uint64_t b = fnv1a(upn, a);
    return fmt::format("{:016X}{:016X}", a, b);
}

}  // namespace sim

namespace sim {

// [SECTION] Daily activity ------------------------------------------------------------------------

namespace {

// The last simulated day the daily activity and the reviews run (a run to "all events" ends).
SimTime us_horizon(const World& w) {
    return static_cast<SimTime>(w.settings.usage_days) * kDay;
}

// Who used which service in the 24 hours from `start`.
void us_draw_day(Context& ctx, SimTime start) {
    World& w = ctx.world();
    Rng& rng = ctx.rng("usage");
    const SimTime stamp = start + kDay / 2;
    const bool weekend = ctx.calendar().local(stamp).weekday >= 5;
    int active = 0;
    for (const Person& p : w.people) {
        if (p.deleted || p.licences.empty()) continue;
        PersonUsage* u = nullptr;
        const PersonUsage* found = w.usage.find(p.upn);
        const UsProfile& prof = us_profile(us_profile_of(w, found));
        const int chance = weekend ? prof.weekend_pm : prof.workday_pm;
        if (chance <= 0) continue;  // "left": no draw at all
        if (static_cast<int>(rng.uniform_below(1000)) >= chance) continue;
        const UsServices s = us_services(w, p);
        if (!s.any()) continue;
        u = &w.usage.at(p.upn);
        bool used = false;
        if (s.exchange) {
            u->last_exchange = stamp;
            used = true;
        }
        if (!prof.mail_only && s.teams && rng.uniform_below(10) < 7) {
            u->last_teams = stamp;
            used = true;
        }
        if (!prof.mail_only && s.apps && (rng.uniform_below(10) < 6 || !used)) {
            u->last_apps = stamp;
            used = true;
        }
        if (used) ++active;
    }
    UsageState& us = w.usage;
    if (us.daily_active.empty()) us.series_start = start;
    const std::int64_t index = (start - us.series_start) / kDay;
    if (index < 0) return;
    if (static_cast<std::size_t>(index) >= us.daily_active.size())
        us.daily_active.resize(static_cast<std::size_t>(index) + 1, 0);
    us.daily_active[static_cast<std::size_t>(index)] = active;
}

// Days drawn by one event (settings.usage_draw_days: 1 = one event per simulated day).
std::int64_t us_chunk(const World& w) {
    return std::max(1, w.settings.usage_draw_days);
}

// The event drawing the days from `from` on; its data is a time ("from_at"), so a snapshot moves it.
void us_schedule_day(Context& ctx, SimTime from) {
    const SimTime at = from + us_chunk(ctx.world()) * kDay;  // the days are drawn when they are over
    if (at <= us_horizon(ctx.world()) && at >= ctx.now())
        ctx.schedule_at(at, "usage.day", {{"from_at", from}});
}

void ev_us_day(Context& ctx, const json& data) {
    const SimTime from = data.value("from_at", SimTime{0});
    const std::int64_t n = us_chunk(ctx.world());
    for (std::int64_t d = 0; d < n; ++d) us_draw_day(ctx, from + d * kDay);
    us_schedule_day(ctx, from + n * kDay);
}

// [SECTION] The 85 % review ---------------------------------------------------------------------

std::string us_tenant_id(const World& w) {
    const std::uint64_t h = fnv1a(w.tenant.initial_domain);
    const std::uint64_t g = fnv1a(w.tenant.name, h);
    return fmt::format("{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}", h >> 32U, (h >> 16U) & 0xffffU, h & 0xfffU,
                       (g >> 52U) & 0xfffU, g & 0xffffffffffffULL);
}

json us_mail_params(Context& ctx, const GrantUtilisation& g, SimTime next) {
    const World& w = ctx.world();
    json p = {{"organisation",
               w.organisation.form.legal_name.empty() ? w.tenant.name : w.organisation.form.legal_name},
              {"tenant_id", us_tenant_id(w)},
              {"assigned", g.assigned},
              {"active", g.active},
              {"inactive", g.inactive},
              {"percent", fmt::format("{:.2f}", g.percent)},
              {"threshold", g.threshold},
              {"days", w.settings.usage_window_days}};
    if (next >= 0) p["date"] = format_date(ctx.calendar().local(next).date);
    return p;
}

void us_mail(Context& ctx, const char* key, const GrantUtilisation& g, SimTime next = -1) {
    World& w = ctx.world();
    send_mail_to_roles(w, ctx.now(), role_bit(Role::GlobalAdmin), kPortalSender, key,
                       us_mail_params(ctx, g, next));
}

void us_set_stage(World& w, const std::string& stage, SimTime since) {
    w.usage.notice_stage = stage;
    w.usage.notice_since = since;
}

void us_warn(Context& ctx, const GrantUtilisation& g) {
    World& w = ctx.world();
    us_set_stage(w, "warned", ctx.now());
    const SimTime next = ctx.now() + static_cast<SimTime>(w.settings.usage_final_days) * kDay;
    us_mail(ctx, g.active == 0 ? "mail.grant_expiring" : "mail.grant_utilisation", g, next);
    ctx.schedule_at(next, "usage.final_notice", {{"since_at", ctx.now()}});
}

void us_disable(Context& ctx, const GrantUtilisation& g) {
    World& w = ctx.world();
    us_set_stage(w, "disabled", ctx.now());
    for (Subscription& s : w.subscriptions) {
        if (s.status != SubscriptionStatus::Active || !us_is_grant(w.catalog.find(s.sku))) continue;
        s.status = SubscriptionStatus::Disabled;
        s.state_since = ctx.now();
        w.usage.disabled_subscriptions.push_back(s.id);
    }
    us_mail(ctx, "mail.grant_disabled", g);
}

// The stage's follow-up event is stale when the stage moved on meanwhile.
bool us_current(const World& w, const char* stage, const json& data) {
    return w.usage.notice_stage == stage && data.value("since_at", SimTime{-2}) == w.usage.notice_since;
}

void ev_us_final(Context& ctx, const json& data) {
    World& w = ctx.world();
    if (!us_current(w, "warned", data)) return;
    const GrantUtilisation g = grant_utilisation(w, ctx.now(), w.settings.usage_window_days);
    if (!g.below()) return us_set_stage(w, "", -1);  // recovered in time
    us_set_stage(w, "final", ctx.now());
    const SimTime next = ctx.now() + static_cast<SimTime>(w.settings.usage_disable_days) * kDay;
    us_mail(ctx, "mail.grant_final_notice", g, next);
    ctx.schedule_at(next, "usage.disable", {{"since_at", ctx.now()}});
}

void ev_us_disable(Context& ctx, const json& data) {
    World& w = ctx.world();
    if (!us_current(w, "final", data)) return;
    const GrantUtilisation g = grant_utilisation(w, ctx.now(), w.settings.usage_window_days);
    if (!g.below()) return us_set_stage(w, "", -1);
    us_disable(ctx, g);
}

void us_schedule_review(Context& ctx, SimTime at) {
    if (at <= us_horizon(ctx.world()) && at >= ctx.now()) ctx.schedule_at(at, "usage.review");
}

void ev_us_review(Context& ctx, const json&) {
    World& w = ctx.world();
    const GrantUtilisation g = grant_utilisation(w, ctx.now(), w.settings.usage_window_days);
    const std::string stage = w.usage.notice_stage;
    if (stage == "disabled") {
        if (!g.below() && w.settings.grant_reenable == "next_review") usage_reenable_grant(ctx);
    } else if (g.below()) {
        if (stage.empty()) us_warn(ctx, g);  // warned or final: the notice's own events go on
    } else if (!stage.empty()) {
        us_set_stage(w, "", -1);  // recovered before the grant was disabled
    }
    us_schedule_review(ctx, ctx.now() + static_cast<SimTime>(w.settings.usage_review_days) * kDay);
}

// A start state in "warned" or "final": the notices sent before the start, and the next step queued.
void us_start_notices(Context& ctx) {
    World& w = ctx.world();
    const std::string stage = w.usage.notice_stage;
    if (stage != "warned" && stage != "final") return;
    const SimTime since = w.usage.notice_since;
    const GrantUtilisation g = grant_utilisation(w, ctx.now(), w.settings.usage_window_days);
    const SimTime final_at =
        stage == "warned" ? since + static_cast<SimTime>(w.settings.usage_final_days) * kDay : since;
    const SimTime warned_at =
        stage == "warned" ? since : since - static_cast<SimTime>(w.settings.usage_final_days) * kDay;
    const SimTime disable_at = final_at + static_cast<SimTime>(w.settings.usage_disable_days) * kDay;
    json params = us_mail_params(ctx, g, final_at);
    send_mail_to_roles(w, warned_at, role_bit(Role::GlobalAdmin), kPortalSender,
                       g.active == 0 ? "mail.grant_expiring" : "mail.grant_utilisation", params);
    if (stage == "final") {
        params = us_mail_params(ctx, g, disable_at);
        send_mail_to_roles(w, final_at, role_bit(Role::GlobalAdmin), kPortalSender, "mail.grant_final_notice",
                           params);
    }
    const char* kind = stage == "warned" ? "usage.final_notice" : "usage.disable";
    ctx.schedule_at(std::max(stage == "warned" ? final_at : disable_at, ctx.now()), kind,
                    {{"since_at", since}});
}

// The clock starts: the first day's draw and the first review (a snapshot's events are already queued).
void usage_on_start(Context& ctx) {
    World& w = ctx.world();
    if (!w.settings.usage_tracking || w.usage.scheduled) return;
    w.usage.scheduled = true;
    us_start_notices(ctx);
    us_schedule_day(ctx, ctx.now() / kDay * kDay);
    const SimTime first = w.usage.next_review_at >= 0
                              ? w.usage.next_review_at
                              : ctx.now() + static_cast<SimTime>(w.settings.usage_review_days) * kDay;
    w.usage.next_review_at = -1;
    us_schedule_review(ctx, first);
}

}  // namespace

void usage_reenable_grant(Context& ctx) {
    World& w = ctx.world();
    int reenabled = 0;
    for (const std::string& id : w.usage.disabled_subscriptions) {
        Subscription* s = w.find_subscription(id);
        if (s == nullptr || s->status != SubscriptionStatus::Disabled) continue;
        s->status = SubscriptionStatus::Active;
        s->state_since = ctx.now();
        ++reenabled;
    }
    w.usage.disabled_subscriptions.clear();
    const bool was_disabled = w.usage.notice_stage == "disabled";
    us_set_stage(w, "", -1);
    if (reenabled > 0 || was_disabled)
        us_mail(ctx, "mail.grant_reenabled", grant_utilisation(w, ctx.now(), w.settings.usage_window_days));
}

// [SECTION] Operations ------------------------------------------------------------------------------

static ActionResult op_reports_set_concealed(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    // Settings > Org settings is for Global Administrators (domain-admin.md §2.3).
    if (!actor->has_role(Role::GlobalAdmin)) return ActionResult::failure("reports.insufficient_role");
    const bool concealed = a.arg<bool>("concealed", true);
    w.usage.concealed_names = concealed ? 1 : 0;
    return ActionResult::success({{"concealed", concealed}});
}

void register_usage(Registry& r) {
    r.add(make_operation(
        "reports.set_concealed_names", {{"concealed", ArgType::Boolean, true}},
        {"auth.unknown_account", "auth.sign_in_blocked", "reports.insufficient_role"},
        {"mail.grant_utilisation.subject", "mail.grant_utilisation.body", "mail.grant_expiring.subject",
         "mail.grant_expiring.body", "mail.grant_final_notice.subject", "mail.grant_final_notice.body",
         "mail.grant_disabled.subject", "mail.grant_disabled.body", "mail.grant_reenabled.subject",
         "mail.grant_reenabled.body"},
        "", started<op_reports_set_concealed>));
    r.add_event("usage.day", ev_us_day);
    r.add_event("usage.review", ev_us_review);
    r.add_event("usage.final_notice", ev_us_final);
    r.add_event("usage.disable", ev_us_disable);
    r.on_start.push_back(usage_on_start);
}

}  // namespace sim

namespace sim {

// [SECTION] Start state -----------------------------------------------------------------------------

namespace {

struct UsStartRoot {
    std::string default_profile;
    int history_days = 0;
    bool concealed_names = true;
    int first_review_in_days = -1;
    std::string notice_stage;  // "warned" | "final": the notices already sent before the start
    int notice_days_ago = 0;
};
struct UsStartPerson {
    std::string user, profile;
    int last_active_days_ago = -1;
};

const auto kUsRootShape =
    described(Shape<UsStartRoot>("#/properties/start/properties/usage")
                  .string("default_profile", &UsStartRoot::default_profile)
                  .integer("history_days", &UsStartRoot::history_days, 0, 366)
                  .boolean("concealed_names", &UsStartRoot::concealed_names)
                  .integer("first_review_in_days", &UsStartRoot::first_review_in_days, 0, 3650)
                  .string("notice_stage", &UsStartRoot::notice_stage)
                  .integer("notice_days_ago", &UsStartRoot::notice_days_ago, 0, 3650)
                  .known("people", FieldType::Array));
const auto kUsPersonShape =
    described(Shape<UsStartPerson>("#/properties/start/properties/usage/properties/people/items")
                  .string("user", &UsStartPerson::user)
                  .required()
                  .string("profile", &UsStartPerson::profile)
                  .integer("last_active_days_ago", &UsStartPerson::last_active_days_ago, 0, 3650));

void us_fail(ShapeErrors& errors, const std::string& pointer, const std::string& message,
             const std::string& suggestion = {}) {
    errors.push_back({"", pointer, message, suggestion});
}

std::string us_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A person of the start state by sign-in name or bare username ("anna": on the initial domain).
const Person* us_person(const World& w, const std::string& ref) {
    const std::string lower = us_lower(ref);
    if (lower.find('@') == std::string::npos) return w.find_person(lower + "@" + w.tenant.initial_domain);
    return w.find_person(lower);
}

bool us_check_profile(const std::string& name, const std::string& at, ShapeErrors& errors) {
    if (is_usage_profile(name)) return true;
    const std::string near = suggest_key(name, usage_profiles());
    std::string msg = "unknown activity profile \"" + name + "\"";
    msg += near.empty() ? " (one of active, occasional, rare, left, mail_only)"
                        : " — did you mean \"" + near + "\"?";
    us_fail(errors, at, msg, near);
    return false;
}

// Profiles that contradict the last activity given with them.
void us_check_contradiction(const UsStartPerson& d, const std::string& b, ShapeErrors& errors) {
    if (d.last_active_days_ago < 0) return;
    if (d.profile == "left" && d.last_active_days_ago < 7)
        us_fail(
            errors, b + "/last_active_days_ago",
            fmt::format("a person who left the association (profile \"left\") was not active {} days ago; "
                        "give a last activity at least 7 days ago or another profile",
                        d.last_active_days_ago));
    if ((d.profile == "active" || d.profile == "mail_only") && d.last_active_days_ago > 7)
        us_fail(errors, b + "/last_active_days_ago",
                fmt::format("an \"{}\" person was active within the last 7 days, not {} days ago; use "
                            "\"occasional\", \"rare\" or \"left\"",
                            d.profile, d.last_active_days_ago));
}

// The day k days before the start (k >= 1: its noon; k = 0: the start itself).
SimTime us_days_ago(int k) {
    return k == 0 ? 0 : -static_cast<SimTime>(k) * kDay + kDay / 2;
}

// Whether a person of the profile was active k days before the start (a fixed pattern, no draws).
bool us_history_active(const std::string& profile, std::uint64_t h, int k) {
    const auto hk = h + static_cast<std::uint64_t>(k);
    if (profile == "active") return hk % 7 < 5;
    if (profile == "occasional") return hk % 10 == 0;
    if (profile == "rare") return hk % 60 == 0;
    return profile == "mail_only";
}

// The history before the start: each licensed person's last activity and the daily counts.
void us_fill_history(World& w, int history_days, const std::vector<std::pair<std::string, int>>& given) {
    UsageState& u = w.usage;
    u.series_start = -static_cast<SimTime>(history_days) * kDay;
    u.daily_active.assign(static_cast<std::size_t>(history_days), 0);
    for (const Person& p : w.people) {
        if (p.deleted || p.licences.empty()) continue;
        const std::string profile = us_profile_of(w, u.find(p.upn));
        const std::uint64_t h = fnv1a(p.upn);
        int last = -1;
        if (profile == "active" || profile == "mail_only") last = 1;
        if (profile == "occasional") last = 2 + static_cast<int>(h % 10);
        if (profile == "rare") last = 20 + static_cast<int>(h % 50);
        for (const auto& [upn, days] : given)
            if (upn == p.upn) last = days;
        if (last < 0) continue;
        const UsServices s = us_services(w, p);
        if (!s.any()) continue;
        PersonUsage& pu = u.at(p.upn);
        const SimTime t = us_days_ago(last);
        if (s.exchange) pu.last_exchange = t;
        if (s.teams && profile != "mail_only") pu.last_teams = t;
        if (s.apps && profile != "mail_only") pu.last_apps = t;
        for (int k = history_days; k >= 1; --k)
            if (k == last || (k > last && us_history_active(profile, h, k)))
                ++u.daily_active[static_cast<std::size_t>(history_days - k)];
    }
}

}  // namespace

void read_usage_start(const nlohmann::json& start, World& w, std::vector<ShapeError>& errors) {
    if (!start.contains("usage")) return;
    const json& uj = start["usage"];
    const std::string b = "/start/usage";
    if (!uj.is_object()) return us_fail(errors, b, "must be an object");
    kUsRootShape.check_keys(uj, b, errors);
    UsStartRoot root;
    kUsRootShape.read(uj, b, root, errors);
    if (!root.default_profile.empty() &&
        us_check_profile(root.default_profile, b + "/default_profile", errors))
        w.usage.default_profile = root.default_profile;
    if (uj.contains("concealed_names")) w.usage.concealed_names = root.concealed_names ? 1 : 0;
    if (!root.notice_stage.empty()) {
        if (root.notice_stage != "warned" && root.notice_stage != "final")
            us_fail(errors, b + "/notice_stage",
                    "must be \"warned\" or \"final\" (a grant disabled at the start: give its subscription "
                    "\"status\": \"disabled\")");
        else
            us_set_stage(w, root.notice_stage, -static_cast<SimTime>(root.notice_days_ago) * kDay);
    } else if (uj.contains("notice_days_ago")) {
        us_fail(errors, b + "/notice_days_ago", "needs \"notice_stage\" (\"warned\" or \"final\")");
    }
    if (root.first_review_in_days >= 0)
        w.usage.next_review_at = static_cast<SimTime>(root.first_review_in_days) * kDay;
    std::vector<std::pair<std::string, int>> given;
    const json& people = uj.contains("people") ? uj["people"] : json::array();
    std::vector<std::string> upns;
    for (const Person& p : w.people) upns.push_back(p.upn);
    for (std::size_t i = 0; people.is_array() && i < people.size(); ++i) {
        const std::string pb = b + "/people/" + std::to_string(i);
        kUsPersonShape.check_keys(people[i], pb, errors);
        UsStartPerson d;
        kUsPersonShape.read(people[i], pb, d, errors);
        if (d.user.empty()) continue;
        const Person* p = us_person(w, d.user);
        if (p == nullptr) {
            const std::string near = suggest_key(d.user, upns);
            us_fail(errors, pb + "/user",
                    "\"" + d.user + "\" is not a person of the start state" +
                        (near.empty() ? "" : " — did you mean \"" + near + "\"?"),
                    near);
            continue;
        }
        if (w.usage.find(p->upn) != nullptr) {
            us_fail(errors, pb + "/user", "\"" + p->upn + "\" has an activity profile twice");
            continue;
        }
        if (d.profile.empty()) d.profile = us_profile_of(w, nullptr);
        if (!us_check_profile(d.profile, pb + "/profile", errors)) continue;
        us_check_contradiction(d, pb, errors);
        w.usage.at(p->upn).profile = d.profile;
        if (d.last_active_days_ago >= 0) given.emplace_back(p->upn, d.last_active_days_ago);
    }
    if (root.history_days > 0 || !given.empty()) us_fill_history(w, root.history_days, given);
}

}  // namespace sim
