// sim/journey.cpp — the registry of every operation of the simulated journey, and the helpers the
// areas share (start events, actor checks, mail delivery, form character checks).
#include "sim/journey.hpp"

#include <algorithm>

#include "sim/domains.hpp"
#include "sim/identity.hpp"
#include "sim/roles.hpp"
#include "sim/support.hpp"

namespace sim {

using nlohmann::json;

const Registry& journey_registry() {
    static const Registry registry = [] {
        Registry r;
        r.on_start.push_back(ensure_started);  // a start state in Pending/Approved schedules its events
        register_portal(r);
        register_billing(r);
        register_users(r);
        register_licences(r);
        register_mail(r);
        register_domains(r);
        register_dns(r);
        register_identity(r);  // sign-in, MFA, password reset, tenant recovery (sim/domain/identity.cpp)
        register_teams(r);
        register_support(r);  // Contact Us, Help & support, Junk Email (sim/domain/support.cpp)
        register_roles(r);
        register_subscriptions(r);  // renewal, grace periods, invoices (sim/domain/subscriptions.cpp)
        register_usage(r);          // activity, the 85 % rule, reports.* (sim/domain/usage.cpp)
        register_tenants(r);        // more than one tenant, C9 (sim/domain/tenants.cpp)
        // The instructor operations: declared with the others, answered at submit (sim/simulation.cpp).
        for (const auto& [name, spec] : instructor_registry().actions) r.actions.emplace(name, spec);
        return r;
    }();
    return registry;
}

void ensure_started(Context& ctx) {
    World& w = ctx.world();
    if (w.start_events_scheduled) return;
    w.start_events_scheduled = true;
    for (const auto& e : w.start_events) ctx.schedule_at(std::max(e.at, ctx.now()), e.kind, e.data);
}

Person* require_actor(World& w, const Action& a, ActionResult& failure) {
    Person* p = w.find_person(a.actor);
    if (!is_usable(p)) {
        failure = ActionResult::failure("auth.unknown_account", {{"upn", a.actor}});
        return nullptr;
    }
    if (p->sign_in_blocked) {
        failure = ActionResult::failure("auth.sign_in_blocked", {{"upn", a.actor}});
        return nullptr;
    }
    return p;
}

bool has_any_role(const Person& p, RoleSet roles) {
    return (p.roles & roles) != 0;
}

void send_mail(World& w, SimTime now, Person& to, const std::string& from, const std::string& key,
               json params, const std::string& body_key) {
    Mail m;
    m.id = w.make_id("mail");
    m.received_at = now;
    m.from = from;
    m.subject_key = key + ".subject";
    m.body_key = body_key.empty() ? key + ".body" : body_key;
    m.params = std::move(params);
    to.inbox.push_back(std::move(m));
}

void send_mail_to_roles(World& w, SimTime now, RoleSet roles, const std::string& from, const std::string& key,
                        const json& params, const std::string& body_key) {
    for (std::size_t i = 0; i < w.people.size(); ++i) {
        Person& p = w.people[i];
        if (!p.deleted && has_any_role(p, roles)) send_mail(w, now, p, from, key, params, body_key);
    }
}

bool is_country_code(std::string_view s) {
    return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

bool is_username(std::string_view s) {
    if (s.empty() || s.size() > 64 || s.front() == '.' || s.back() == '.') return false;
    return std::all_of(s.begin(), s.end(), is_word_char);
}

bool is_email_address(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
    std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
    const auto dot = domain.rfind('.');
    return !local.empty() &&
           std::all_of(local.begin(), local.end(), [](char c) { return is_word_char(c) || c == '+'; }) &&
           dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size() &&
           std::all_of(domain.begin(), domain.end(), is_word_char);
}

}  // namespace sim
