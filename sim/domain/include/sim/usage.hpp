// sim/usage.hpp — usage of the licences and the nonprofit grant's 85 % rule (domain.md §2.4,
// domain-admin.md §2; support cases C15 and C22).
//
// Each licensed person has an activity profile ("active", "occasional", "left", …). When a scenario turns
// usage on (settings.usage_tracking), one event per simulated day draws from the seeded stream who used
// Exchange, Teams and the Microsoft 365 Apps that day (only a licence that works and includes the service
// counts). The review of the grant (settings.usage_review_days) compares the people active in the last
// settings.usage_window_days days with the assigned grant licences: below settings.usage_threshold percent
// the warning mail, then the final notice, then the grant subscriptions go Disabled.
//
// UsageState is plain data held by World::usage; it is absent from the canonical JSON while it is empty,
// so worlds without usage hash as before. It keeps per person only the last activity per service and one
// count of active users per day (not per person per day).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/time.hpp"

namespace sim {

struct World;
struct Registry;
struct ShapeError;
class Context;

// [SECTION] State

// The activity profiles a person may have (the start state's "usage" object names them).
//   "active"      most workdays (and now and then at a weekend)
//   "occasional"  a few days a month
//   "rare"        about once a quarter (inside a 90-day window only sometimes)
//   "left"        never (left the association; the licence stays assigned)
//   "mail_only"   only Exchange (a shared or automated account that receives mail), every day
const std::vector<std::string>& usage_profiles();
bool is_usage_profile(std::string_view name);

struct PersonUsage {
    std::string upn;
    std::string profile;  // "" = the state's default profile
    SimTime last_exchange = -1, last_teams = -1, last_apps = -1;
};

struct UsageState {
    std::vector<PersonUsage> people;  // sorted by upn
    std::string default_profile;      // "" = "active"
    // Active users per simulated day: daily_active[i] counts the people active on day series_start + i.
    SimTime series_start = -1;
    std::vector<int> daily_active;
    // The 85 % rule: "" | "warned" | "final" | "disabled", and since when.
    std::string notice_stage;
    SimTime notice_since = -1;
    // Settings > Org settings > Services > Reports: "Display concealed user, group, and site names in all
    // reports" (ticked by default since 1 Sep 2021: -1 = default (concealed), 0 = names shown, 1 =
    // concealed).
    int concealed_names = -1;
    bool scheduled = false;       // the daily and review events are queued (a snapshot keeps them)
    SimTime next_review_at = -1;  // the start's first review ("first_review_in_days"); -1 = the interval
    std::vector<std::string> disabled_subscriptions;  // grant subscriptions the rule disabled

    bool empty() const {
        return people.empty() && default_profile.empty() && series_start == -1 && daily_active.empty() &&
               notice_stage.empty() && notice_since == -1 && concealed_names < 0 && !scheduled &&
               next_review_at == -1 && disabled_subscriptions.empty();
    }
    const PersonUsage* find(std::string_view upn) const;
    PersonUsage& at(std::string_view upn);  // adds (sorted) when missing
};

nlohmann::json to_json(const UsageState& u);
bool usage_state_from_json(const nlohmann::json& j, UsageState& out, std::string& why);

// [SECTION] Queries

struct PersonActivity {
    std::string upn;
    std::string profile;  // the effective profile ("active" when none was set)
    SimTime last_activity = -1, last_exchange = -1, last_teams = -1, last_apps = -1;
};
// Licensed people (not deleted), sorted by upn.
std::vector<PersonActivity> person_activity(const World& w);
// Active users per day for the `days` days up to `now` (oldest first, `days` entries; 0 where unknown).
std::vector<int> daily_active_users(const World& w, SimTime now, int days);
// People whose last activity (any service) lies within `days` days before `now`.
int active_users_in(const World& w, SimTime now, int days);

struct GrantUtilisation {
    int assigned = 0, active = 0, inactive = 0;
    double percent = 100.0;  // active / assigned × 100; 100 when nothing is assigned
    int threshold = 85;
    std::string notice_stage;
    bool below() const { return assigned > 0 && active * 100 < threshold * assigned; }
};
// Assigned grant licences ($0 nonprofit grants, not the Nonprofit Portal licence) and how many of their
// holders used Exchange, Teams or the Apps in the last `days` days.
GrantUtilisation grant_utilisation(const World& w, SimTime now, int days = 90);
// Whether a grant licence of the person counts as assigned for the rule.
bool holds_grant_licence(const World& w, std::string_view upn);
// Reports hide user names (default true: names hidden since 2021).
bool reports_names_concealed(const World& w);
// The report's name for a person: the upn, or a stable hash-like token while names are concealed.
std::string report_user_name(const World& w, std::string_view upn);

// [SECTION] Used by other areas

// Disabled grant subscriptions back to Active, the notice stage cleared, a mail to the admins (a support
// reply or the instructor calls it).
void usage_reenable_grant(Context& ctx);

// The start state's "usage" object (docs/reference/start-state.md): {"default_profile", "history_days",
// "concealed_names", "people": [{"user", "profile", "last_active_days_ago"}]}. Errors as JSON pointers.
void read_usage_start(const nlohmann::json& start, World& w, std::vector<ShapeError>& errors);

void register_usage(Registry& r);

}  // namespace sim
