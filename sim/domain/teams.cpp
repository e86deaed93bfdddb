// sim/teams.cpp — Microsoft Teams for the association (sim/teams.hpp; domain-admin.md §6, C11, C27, C28):
//   [SECTION] Canonical JSON      TeamsState to and from JSON
//   [SECTION] Queries             who can use Teams and why not, guest access, teams by name
//   [SECTION] Operations          teams.*, licences.set_service; the provisioning and guest-access events
//   [SECTION] Start state         the scenario's "start"/"teams" object
#include "sim/teams.hpp"

#include <algorithm>

#include "sim/domains.hpp"
#include "sim/journey.hpp"
#include "sim/licences.hpp"
#include "sim/random.hpp"
#include "sim/shape.hpp"
#include "sim/subscriptions.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

namespace {

std::string tm_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string tm_trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace

const TeamMember* Team::member(std::string_view upn) const {
    for (const auto& m : members)
        if (m.upn == upn) return &m;
    return nullptr;
}

bool Team::is_owner(std::string_view upn) const {
    const TeamMember* m = member(upn);
    return m != nullptr && m->role == "owner";
}

// [SECTION] Canonical JSON --------------------------------------------------------------------

nlohmann::json to_json(const TeamsState& t) {
    json teams = json::array();
    for (const auto& tm : t.teams) {
        json members = json::array();
        for (const auto& m : tm.members) members.push_back({{"upn", m.upn}, {"role", m.role}});
        json guests = json::array();
        for (const auto& g : tm.guests)
            guests.push_back(
                {{"email", g.email}, {"display_name", g.display_name}, {"added_at", g.added_at}});
        teams.push_back({{"id", tm.id},
                         {"name", tm.name},
                         {"description", tm.description},
                         {"privacy", tm.privacy},
                         {"members", std::move(members)},
                         {"guests", std::move(guests)},
                         {"channels", tm.channels},
                         {"created_at", tm.created_at},
                         {"provisioned_at", tm.provisioned_at},
                         {"serial", tm.serial}});
    }
    json off = json::array();
    for (const auto& s : t.services_off)
        off.push_back({{"upn", s.upn}, {"sku", s.sku}, {"service", s.service}});
    json out{{"teams", std::move(teams)},
             {"guest_access_serial", t.guest_access_serial},
             {"guest_access_effective_at", t.guest_access_effective_at},
             {"services_off", std::move(off)}};
    if (t.guest_access_setting) out["guest_access_setting"] = *t.guest_access_setting;
    if (t.guest_access_effective) out["guest_access_effective"] = *t.guest_access_effective;
    return out;
}

bool teams_from_json(const nlohmann::json& j, TeamsState& out, std::string& error) {
    if (!j.is_object()) return error = "must be an object", false;
    try {
        TeamsState t;
        for (const auto& tj : j.at("teams")) {
            Team tm;
            tm.id = tj.at("id").get<std::string>();
            tm.name = tj.at("name").get<std::string>();
            tm.description = tj.at("description").get<std::string>();
            tm.privacy = tj.at("privacy").get<std::string>();
            for (const auto& m : tj.at("members"))
                tm.members.push_back({m.at("upn").get<std::string>(), m.at("role").get<std::string>()});
            for (const auto& g : tj.at("guests"))
                tm.guests.push_back({g.at("email").get<std::string>(),
                                     g.at("display_name").get<std::string>(),
                                     g.at("added_at").get<SimTime>()});
            tm.channels = tj.at("channels").get<std::vector<std::string>>();
            tm.created_at = tj.at("created_at").get<SimTime>();
            tm.provisioned_at = tj.at("provisioned_at").get<SimTime>();
            tm.serial = tj.at("serial").get<std::uint64_t>();
            t.teams.push_back(std::move(tm));
        }
        t.guest_access_serial = j.at("guest_access_serial").get<std::uint64_t>();
        t.guest_access_effective_at = j.at("guest_access_effective_at").get<SimTime>();
        for (const auto& s : j.at("services_off"))
            t.services_off.push_back({s.at("upn").get<std::string>(), s.at("sku").get<std::string>(),
                                      s.at("service").get<std::string>()});
        if (j.contains("guest_access_setting"))
            t.guest_access_setting = j["guest_access_setting"].get<bool>();
        if (j.contains("guest_access_effective"))
            t.guest_access_effective = j["guest_access_effective"].get<bool>();
        out = std::move(t);
        return true;
    } catch (const json::exception& e) {
        error = e.what();
        return false;
    }
}

// [SECTION] Queries ---------------------------------------------------------------------------

bool service_enabled(const World& w, std::string_view upn, std::string_view sku, std::string_view service) {
    return std::none_of(w.teams.services_off.begin(), w.teams.services_off.end(), [&](const ServiceOff& s) {
        return s.upn == upn && s.sku == sku && s.service == service;
    });
}

TeamsAccess teams_access(const World& w, std::string_view upn) {
    TeamsAccess a;
    const Person* p = w.find_person(upn);
    if (!is_usable(p) || p->sign_in_blocked) return a.reason = "unknown_user", a;
    bool any_licence = false, with_teams = false, off = false, pending = false, disabled = false;
    for (const auto& l : p->licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (prod == nullptr || prod->portal_access) continue;
        any_licence = true;
        if (!prod->teams) continue;
        with_teams = true;
        if (!service_enabled(w, p->upn, l.sku, "teams")) {
            off = true;
        } else if (l.state != LicenceState::Active) {
            pending = true;
        } else if (!licence_works(w, l)) {  // its subscription is Disabled or Deleted (C21)
            disabled = true;
        } else {
            a.can_use = true;
            return a;
        }
    }
    if (!any_licence) return a.reason = "no_licence", a;
    if (!with_teams) return a.reason = "licence_without_teams", a;
    a.reason = pending    ? "licence_pending"
               : disabled ? "subscription_disabled"
               : off      ? "service_off"
                          : "no_licence";
    return a;
}

bool can_use_teams(const World& w, std::string_view upn) {
    return teams_access(w, upn).can_use;
}

bool guest_access_setting(const World& w) {
    return w.teams.guest_access_setting.value_or(w.settings.teams_guest_access_default);
}

bool guest_access_effective(const World& w) {
    return w.teams.guest_access_effective.value_or(w.settings.teams_guest_access_default);
}

const Team* find_team(const World& w, std::string_view id_or_name) {
    const std::string lower = tm_lower(tm_trim(id_or_name));
    for (const auto& t : w.teams.teams)
        if (t.id == id_or_name || tm_lower(t.name) == lower) return &t;
    return nullptr;
}

std::vector<const Team*> teams_of(const World& w, std::string_view upn) {
    std::vector<const Team*> out;
    for (const auto& t : w.teams.teams)
        if (t.member(upn) != nullptr) out.push_back(&t);
    return out;
}

std::string teams_org_name(const World& w) {
    if (!w.organisation.form.legal_name.empty()) return w.organisation.form.legal_name;
    return w.tenant.name;
}

// [SECTION] Operations ------------------------------------------------------------------------

namespace {

// Org-wide Teams settings: a Global or Teams Administrator (domain-admin.md §6.2).
constexpr RoleSet kTeamsAdminRoles = role_bit(Role::GlobalAdmin) | role_bit(Role::TeamsAdmin);

Team* tm_find(World& w, std::string_view id_or_name) {
    return const_cast<Team*>(find_team(w, id_or_name));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

// The acting user, who must be able to use Teams; `fail` set otherwise.
Person* tm_teams_user(World& w, const Action& a, ActionResult& fail) {
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return nullptr;
    const TeamsAccess access = teams_access(w, actor->upn);
    if (!access.can_use) {
        fail = ActionResult::failure("teams.no_licence",
                                     {{"organization", teams_org_name(w)}, {"reason", access.reason}});
        return nullptr;
    }
    return actor;
}

// The team of the action's "team" argument whose owner is the actor; `fail` set otherwise.
Team* tm_owned_team(World& w, const Action& a, const Person& actor, ActionResult& fail) {
    const std::string ref = a.arg<std::string>("team", "");
    Team* t = tm_find(w, ref);
    if (t == nullptr) {
        fail = ActionResult::failure("teams.unknown_team", {{"team", ref}});
        return nullptr;
    }
    if (!t->is_owner(actor.upn)) {
        fail = ActionResult::failure("teams.not_owner", {{"team", t->name}});
        return nullptr;
    }
    return t;
}

void tm_schedule_provisioning(Context& ctx, Team& t) {
    World& w = ctx.world();
    Rng& rng = ctx.rng("teams");
    Duration d = w.settings.team_provisioning_delay.sample(rng);
    // domain-admin.md §6.4 [U] "1–10 min, rare longer": with the default delay, one team in 50 takes longer.
    if (w.settings.team_provisioning_delay == Settings::kDefaultTeamProvisioning &&
        rng.uniform_below(50) == 0)
        d.ms += 30 * kMinute + static_cast<SimTime>(rng.uniform_below(90)) * kMinute;
    t.serial = w.next_id++;
    ctx.schedule_at(apply_duration(ctx.calendar(), ctx.now(), d), "teams.provisioned",
                    {{"team", t.id}, {"serial", t.serial}});
}

ActionResult op_teams_create(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = tm_teams_user(w, a, fail);
    if (actor == nullptr) return fail;
    const std::string name = tm_trim(a.arg<std::string>("name", ""));
    if (name.empty()) return ActionResult::failure("teams.field_required", {{"field", "name"}});
    const std::string privacy = a.arg<std::string>("privacy", "private");
    if (privacy != "private" && privacy != "public")
        return ActionResult::failure("teams.invalid_privacy", {{"privacy", privacy}});
    if (find_team(w, name) != nullptr) return ActionResult::failure("teams.name_taken", {{"name", name}});
    Team t;
    t.id = w.make_id("team");
    t.name = name;
    t.description = tm_trim(a.arg<std::string>("description", ""));
    t.privacy = privacy;
    t.members.push_back({actor->upn, "owner"});  // the creator becomes the owner
    t.created_at = ctx.now();
    tm_schedule_provisioning(ctx, t);
    w.teams.teams.push_back(t);
    return ActionResult::success({{"team", t.id}, {"name", t.name}, {"privacy", t.privacy}});
}

void on_tm_provisioned(Context& ctx, const json& data) {
    for (auto& t : ctx.world().teams.teams)
        if (t.id == data.value("team", "") && t.serial == data.value("serial", std::uint64_t{0}) &&
            !t.provisioned())
            t.provisioned_at = ctx.now();
}

ActionResult op_teams_add_member(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = tm_teams_user(w, a, fail);
    if (actor == nullptr) return fail;
    Team* t = tm_owned_team(w, a, *actor, fail);
    if (t == nullptr) return fail;
    const std::string role = a.arg<std::string>("role", "member");
    if (role != "owner" && role != "member")
        return ActionResult::failure("teams.invalid_role", {{"role", role}});
    const std::string ref = tm_lower(tm_trim(a.arg<std::string>("user", "")));
    const Person* user = find_person_by_address(w, ref);
    if (!is_usable(user)) return ActionResult::failure("teams.unknown_user", {{"user", ref}});
    for (auto& m : t->members) {
        if (m.upn != user->upn) continue;
        if (m.role == role)
            return ActionResult::failure("teams.already_member", {{"user", user->upn}, {"team", t->name}});
        m.role = role;  // promoted or made a member again
        return ActionResult::success({{"team", t->id}, {"user", user->upn}, {"role", role}});
    }
    t->members.push_back({user->upn, role});
    return ActionResult::success({{"team", t->id}, {"user", user->upn}, {"role", role}});
}

ActionResult op_teams_remove_member(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = tm_teams_user(w, a, fail);
    if (actor == nullptr) return fail;
    Team* t = tm_owned_team(w, a, *actor, fail);
    if (t == nullptr) return fail;
    const std::string ref = tm_lower(tm_trim(a.arg<std::string>("user", "")));
    auto g =
        std::find_if(t->guests.begin(), t->guests.end(), [&](const TeamGuest& x) { return x.email == ref; });
    if (g != t->guests.end()) {
        t->guests.erase(g);
        return ActionResult::success({{"team", t->id}, {"user", ref}});
    }
    const Person* user = find_person_by_address(w, ref);
    const std::string upn = user != nullptr ? user->upn : ref;
    auto it =
        std::find_if(t->members.begin(), t->members.end(), [&](const TeamMember& m) { return m.upn == upn; });
    if (it == t->members.end())
        return ActionResult::failure("teams.not_member", {{"user", ref}, {"team", t->name}});
    const auto owners = std::count_if(t->members.begin(), t->members.end(),
                                      [](const TeamMember& m) { return m.role == "owner"; });
    if (it->role == "owner" && owners == 1)
        return ActionResult::failure("teams.last_owner", {{"team", t->name}});
    t->members.erase(it);
    return ActionResult::success({{"team", t->id}, {"user", upn}});
}

ActionResult op_teams_add_guest(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = tm_teams_user(w, a, fail);
    if (actor == nullptr) return fail;
    Team* t = tm_owned_team(w, a, *actor, fail);
    if (t == nullptr) return fail;
    const std::string email = tm_lower(tm_trim(a.arg<std::string>("email", "")));
    if (!is_email_address(email)) return ActionResult::failure("teams.invalid_address", {{"address", email}});
    if (!guest_access_effective(w)) return ActionResult::failure("teams.guest_access_off");
    if (find_person_by_address(w, email) != nullptr)
        return ActionResult::failure("teams.guest_is_member", {{"address", email}});
    for (const auto& g : t->guests)
        if (g.email == email)
            return ActionResult::failure("teams.already_member", {{"user", email}, {"team", t->name}});
    std::string name = tm_trim(a.arg<std::string>("display_name", ""));
    if (name.empty()) name = email.substr(0, email.find('@'));
    t->guests.push_back({email, name, ctx.now()});
    return ActionResult::success({{"team", t->id}, {"email", email}, {"display_name", name}});
}

ActionResult op_teams_add_channel(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = tm_teams_user(w, a, fail);
    if (actor == nullptr) return fail;
    const std::string ref = a.arg<std::string>("team", "");
    Team* t = tm_find(w, ref);
    if (t == nullptr) return ActionResult::failure("teams.unknown_team", {{"team", ref}});
    if (t->member(actor->upn) == nullptr)
        return ActionResult::failure("teams.not_member", {{"user", actor->upn}, {"team", t->name}});
    const std::string name = tm_trim(a.arg<std::string>("name", ""));
    if (name.empty()) return ActionResult::failure("teams.field_required", {{"field", "name"}});
    for (const auto& c : t->channels)
        if (tm_lower(c) == tm_lower(name))
            return ActionResult::failure("teams.channel_exists", {{"name", name}});
    t->channels.push_back(name);
    return ActionResult::success({{"team", t->id}, {"channel", name}});
}

ActionResult op_teams_set_guest_access(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kTeamsAdminRoles)) return ActionResult::failure("teams.insufficient_role");
    const bool enabled = a.arg<bool>("enabled", true);
    if (guest_access_setting(w) == enabled && w.teams.guest_access_effective_at < 0)
        return ActionResult::success({{"enabled", enabled}});
    w.teams.guest_access_setting = enabled;
    if (!w.teams.guest_access_effective)
        w.teams.guest_access_effective = w.settings.teams_guest_access_default;
    const Duration d = w.settings.guest_access_change_delay.sample(ctx.rng("teams"));
    w.teams.guest_access_serial = w.next_id++;
    w.teams.guest_access_effective_at = apply_duration(ctx.calendar(), ctx.now(), d);
    ctx.schedule_at(w.teams.guest_access_effective_at, "teams.guest_access_applied",
                    {{"enabled", enabled}, {"serial", w.teams.guest_access_serial}});
    return ActionResult::success({{"enabled", enabled}, {"effective_at", w.teams.guest_access_effective_at}});
}

void on_tm_guest_access_applied(Context& ctx, const json& data) {
    TeamsState& t = ctx.world().teams;
    if (t.guest_access_serial != data.value("serial", std::uint64_t{0})) return;  // changed again meanwhile
    t.guest_access_effective = data.value("enabled", true);
    t.guest_access_effective_at = -1;
}

// Users > user > Licenses and apps > "Apps und Dienste": a service of one licence on or off for one user.
ActionResult op_licences_set_service(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!has_any_role(*actor, kLicenceRoles)) return ActionResult::failure("licences.insufficient_role");
    const std::string ref = tm_lower(tm_trim(a.arg<std::string>("user", "")));
    const Person* user = find_person_by_address(w, ref);
    if (!is_usable(user)) return ActionResult::failure("licences.unknown_user", {{"user", ref}});
    const std::string sku = a.arg<std::string>("sku", "");
    if (user->licence(sku) == nullptr)
        return ActionResult::failure("licences.not_assigned", {{"user", user->upn}, {"sku", sku}});
    const std::string service = a.arg<std::string>("service", "");
    if (service != "teams" && service != "office")
        return ActionResult::failure("licences.invalid_service", {{"service", service}});
    const bool enabled = a.arg<bool>("enabled", true);
    auto& off = w.teams.services_off;
    off.erase(std::remove_if(off.begin(), off.end(),
                             [&](const ServiceOff& s) {
                                 return s.upn == user->upn && s.sku == sku && s.service == service;
                             }),
              off.end());
    if (!enabled) off.push_back({user->upn, sku, service});
    return ActionResult::success(
        {{"user", user->upn}, {"sku", sku}, {"service", service}, {"enabled", enabled}});
}

}  // namespace

void register_teams(Registry& r) {
    const std::vector<std::string> who = {"auth.unknown_account", "auth.sign_in_blocked", "teams.no_licence"};
    auto errors = [&who](std::initializer_list<const char*> codes) {
        std::vector<std::string> out = who;
        for (const char* e : codes) out.emplace_back(e);
        return out;
    };
    r.add(
        make_operation("teams.create",
                       {{"name", ArgType::String, true}, {"description"}, {"privacy", ArgType::String, true}},
                       errors({"teams.field_required", "teams.invalid_privacy", "teams.name_taken"}), {}, {},
                       started<op_teams_create>));
    r.add(make_operation("teams.add_member",
                         {{"team", ArgType::String, true}, {"user", ArgType::String, true}, {"role"}},
                         errors({"teams.unknown_team", "teams.not_owner", "teams.invalid_role",
                                 "teams.unknown_user", "teams.already_member"}),
                         {}, {}, started<op_teams_add_member>));
    r.add(make_operation(
        "teams.remove_member", {{"team", ArgType::String, true}, {"user", ArgType::String, true}},
        errors({"teams.unknown_team", "teams.not_owner", "teams.not_member", "teams.last_owner"}), {}, {},
        started<op_teams_remove_member>));
    r.add(
        make_operation("teams.add_guest",
                       {{"team", ArgType::String, true}, {"email", ArgType::String, true}, {"display_name"}},
                       errors({"teams.unknown_team", "teams.not_owner", "teams.invalid_address",
                               "teams.guest_access_off", "teams.guest_is_member", "teams.already_member"}),
                       {}, {}, started<op_teams_add_guest>));
    r.add(make_operation(
        "teams.add_channel", {{"team", ArgType::String, true}, {"name", ArgType::String, true}},
        errors({"teams.unknown_team", "teams.not_member", "teams.field_required", "teams.channel_exists"}),
        {}, {}, started<op_teams_add_channel>));
    r.add(make_operation("teams.set_guest_access", {{"enabled", ArgType::Boolean, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "teams.insufficient_role"}, {}, {},
                         started<op_teams_set_guest_access>));
    r.add(make_operation("licences.set_service",
                         {{"user", ArgType::String, true},
                          {"sku", ArgType::String, true},
                          {"service", ArgType::String, true},
                          {"enabled", ArgType::Boolean, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "licences.insufficient_role",
                          "licences.unknown_user", "licences.not_assigned", "licences.invalid_service"},
                         {}, {}, started<op_licences_set_service>));
    r.add_event("teams.provisioned", started_event<on_tm_provisioned>);
    r.add_event("teams.guest_access_applied", started_event<on_tm_guest_access_applied>);
}

// [SECTION] Start state -----------------------------------------------------------------------

namespace {

struct TsTeam {
    std::string name, description, privacy = "private";
    std::vector<std::string> owners, members, channels;
    bool provisioned = true;
};
struct TsGuest {
    std::string email, display_name;
};
struct TsOff {
    std::string user, sku, service = "teams";
};
struct TsRoot {
    bool guest_access = true;
};

const auto kTsRootShape = described(Shape<TsRoot>("#/properties/start/properties/teams")
                                        .boolean("guest_access", &TsRoot::guest_access)
                                        .known("teams", FieldType::Array)
                                        .known("services_off", FieldType::Array));
const auto kTsTeamShape =
    described(Shape<TsTeam>("#/properties/start/properties/teams/properties/teams/items")
                  .string("name", &TsTeam::name)
                  .string("description", &TsTeam::description)
                  .string("privacy", &TsTeam::privacy)
                  .strings("owners", &TsTeam::owners)
                  .strings("members", &TsTeam::members)
                  .known("guests", FieldType::Array)
                  .strings("channels", &TsTeam::channels)
                  .boolean("provisioned", &TsTeam::provisioned));
const auto kTsGuestShape = described(
    Shape<TsGuest>("#/properties/start/properties/teams/properties/teams/items/properties/guests/items")
        .string("email", &TsGuest::email)
        .string("display_name", &TsGuest::display_name));
const auto kTsOffShape =
    described(Shape<TsOff>("#/properties/start/properties/teams/properties/services_off/items")
                  .string("user", &TsOff::user)
                  .string("sku", &TsOff::sku)
                  .string("service", &TsOff::service));

void ts_fail(ShapeErrors& errors, const std::string& pointer, const std::string& message) {
    errors.push_back({"", pointer, message, ""});
}

// A person of the start state by sign-in name, address or bare username ("anna": on the initial domain).
const Person* ts_person(const World& w, const std::string& ref) {
    const std::string lower = tm_lower(tm_trim(ref));
    if (lower.find('@') == std::string::npos)
        return find_person_by_address(w, lower + "@" + w.tenant.initial_domain);
    return find_person_by_address(w, lower);
}

void ts_people(const std::vector<std::string>& list, const char* role, const std::string& b, World& w,
               Team& t, ShapeErrors& errors) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Person* p = ts_person(w, list[i]);
        if (p == nullptr) {
            ts_fail(errors, b + "/" + std::to_string(i),
                    "\"" + list[i] + "\" is not a person of the start state");
            continue;
        }
        if (t.member(p->upn) == nullptr) t.members.push_back({p->upn, role});
    }
}

void ts_read_team(const json& tj, const std::string& b, World& w, ShapeErrors& errors) {
    kTsTeamShape.check_keys(tj, b, errors);
    TsTeam d;
    kTsTeamShape.read(tj, b, d, errors);
    Team t;
    t.name = tm_trim(d.name);
    if (t.name.empty()) return ts_fail(errors, b + "/name", "is required");
    if (find_team(w, t.name) != nullptr)
        return ts_fail(errors, b + "/name", "\"" + t.name + "\" appears twice");
    if (d.privacy != "private" && d.privacy != "public")
        ts_fail(errors, b + "/privacy", "must be \"private\" or \"public\"");
    t.id = w.make_id("team");
    t.description = d.description;
    t.privacy = d.privacy;
    ts_people(d.owners, "owner", b + "/owners", w, t, errors);
    if (d.owners.empty()) ts_fail(errors, b + "/owners", "a team needs at least one owner");
    ts_people(d.members, "member", b + "/members", w, t, errors);
    for (const auto& c : d.channels)
        if (std::find(t.channels.begin(), t.channels.end(), c) == t.channels.end()) t.channels.push_back(c);
    const json& guests = tj.contains("guests") ? tj["guests"] : json::array();
    for (std::size_t i = 0; guests.is_array() && i < guests.size(); ++i) {
        const std::string gb = b + "/guests/" + std::to_string(i);
        kTsGuestShape.check_keys(guests[i], gb, errors);
        TsGuest g;
        kTsGuestShape.read(guests[i], gb, g, errors);
        if (!is_email_address(tm_lower(g.email))) ts_fail(errors, gb + "/email", "must be a mail address");
        t.guests.push_back({tm_lower(g.email), g.display_name, 0});
    }
    t.provisioned_at = d.provisioned ? 0 : -1;
    w.teams.teams.push_back(std::move(t));
}

}  // namespace

void read_teams_start(const json& start, World& w, ShapeErrors& errors) {
    if (!start.contains("teams")) return;
    const json& tj = start["teams"];
    const std::string b = "/start/teams";
    if (!tj.is_object()) return ts_fail(errors, b, "must be an object");
    kTsRootShape.check_keys(tj, b, errors);
    TsRoot root;
    root.guest_access = w.settings.teams_guest_access_default;
    kTsRootShape.read(tj, b, root, errors);
    if (tj.contains("guest_access") && root.guest_access != w.settings.teams_guest_access_default) {
        w.teams.guest_access_setting = root.guest_access;
        w.teams.guest_access_effective = root.guest_access;
    }
    const json& teams = tj.contains("teams") ? tj["teams"] : json::array();
    for (std::size_t i = 0; teams.is_array() && i < teams.size(); ++i)
        ts_read_team(teams[i], b + "/teams/" + std::to_string(i), w, errors);
    const json& off = tj.contains("services_off") ? tj["services_off"] : json::array();
    for (std::size_t i = 0; off.is_array() && i < off.size(); ++i) {
        const std::string ob = b + "/services_off/" + std::to_string(i);
        kTsOffShape.check_keys(off[i], ob, errors);
        TsOff o;
        kTsOffShape.read(off[i], ob, o, errors);
        const Person* p = ts_person(w, o.user);
        if (p == nullptr) {
            ts_fail(errors, ob + "/user", "\"" + o.user + "\" is not a person of the start state");
            continue;
        }
        if (o.service != "teams" && o.service != "office")
            ts_fail(errors, ob + "/service", "must be \"teams\" or \"office\"");
        if (p->licence(o.sku) == nullptr)
            ts_fail(errors, ob + "/sku",
                    "\"" + p->upn + "\" does not hold \"" + o.sku + "\" in the start state");
        w.teams.services_off.push_back({p->upn, o.sku, o.service});
    }
}

}  // namespace sim
