// sim/tenants.cpp — more than one tenant of the same organisation (domain.md C9). See sim/tenants.hpp.
//
//   [SECTION] Data and JSON
//   [SECTION] Queries
//   [SECTION] Operations          tenants.release_status, tenants.request_status_move
//   [SECTION] Start state
//   [SECTION] Registration
#include "sim/tenants.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/journey.hpp"
#include "sim/json_input.hpp"
#include "sim/registry.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Data and JSON ---------------------------------------------------------------------

bool OtherTenant::operator==(const OtherTenant& o) const {
    return name == o.name && initial_domain == o.initial_domain && registered_by == o.registered_by &&
           validated == o.validated && released_at == o.released_at;
}

bool StatusMoveRequest::operator==(const StatusMoveRequest& o) const {
    return status == o.status && from == o.from && requested_at == o.requested_at && due_at == o.due_at &&
           done_at == o.done_at && serial == o.serial;
}

nlohmann::json to_json(const TenantsState& s) {
    json others = json::array();
    for (const OtherTenant& t : s.others)
        others.push_back({{"name", t.name},
                          {"initial_domain", t.initial_domain},
                          {"registered_by", t.registered_by},
                          {"validated", t.validated},
                          {"released_at", t.released_at}});
    json out{{"others", std::move(others)}};
    if (!s.move.status.empty())
        out["move"] = {
            {"status", s.move.status}, {"from", s.move.from},       {"requested_at", s.move.requested_at},
            {"due_at", s.move.due_at}, {"done_at", s.move.done_at}, {"serial", s.move.serial}};
    return out;
}

namespace {

struct TnJsonError {
    std::string message;
};

template <class T>
T tn_value(const json& j, const char* key, const std::string& where) {
    if (!j.is_object() || !j.contains(key))
        throw TnJsonError{fmt::format("{}: \"{}\" is missing", where.empty() ? "/" : where, key)};
    try {
        return j.at(key).get<T>();
    } catch (const json::exception&) {
        throw TnJsonError{fmt::format("{}/{}: has the wrong type", where, key)};
    }
}

}  // namespace

bool tenants_from_json(const nlohmann::json& j, TenantsState& out, std::string& why) {
    try {
        TenantsState s;
        if (!j.is_object()) throw TnJsonError{"must be an object {\"others\", \"move\"}"};
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.key() != "others" && it.key() != "move")
                throw TnJsonError{fmt::format("unknown key \"{}\"", it.key())};
        const json& others = j.contains("others") ? j["others"] : json::array();
        if (!others.is_array()) throw TnJsonError{"\"others\" must be an array"};
        for (std::size_t i = 0; i < others.size(); ++i) {
            const std::string b = fmt::format("/others/{}", i);
            OtherTenant t;
            t.name = tn_value<std::string>(others[i], "name", b);
            t.initial_domain = tn_value<std::string>(others[i], "initial_domain", b);
            t.registered_by = tn_value<std::string>(others[i], "registered_by", b);
            t.validated = tn_value<bool>(others[i], "validated", b);
            t.released_at = tn_value<SimTime>(others[i], "released_at", b);
            s.others.push_back(std::move(t));
        }
        if (j.contains("move")) {
            const json& m = j["move"];
            s.move.status = tn_value<std::string>(m, "status", "/move");
            s.move.from = tn_value<std::string>(m, "from", "/move");
            s.move.requested_at = tn_value<SimTime>(m, "requested_at", "/move");
            s.move.due_at = tn_value<SimTime>(m, "due_at", "/move");
            s.move.done_at = tn_value<SimTime>(m, "done_at", "/move");
            s.move.serial = tn_value<std::uint64_t>(m, "serial", "/move");
        }
        out = std::move(s);
        return true;
    } catch (const TnJsonError& e) {
        why = e.message;
        return false;
    }
}

// [SECTION] Queries ---------------------------------------------------------------------------

const OtherTenant* validated_other_tenant(const World& w) {
    for (const OtherTenant& t : w.tenants.others)
        if (t.validated) return &t;
    return nullptr;
}

std::string validated_tenant_domain(const World& w) {
    if (const OtherTenant* t = validated_other_tenant(w)) return t->initial_domain;
    if (w.tenant.exists && w.tenant.nonprofit_tagged) return w.tenant.initial_domain;
    return {};
}

bool tenant_is_validated(const World& w, std::string_view name) {
    if (w.tenant.exists && (name == w.tenant.name || name == w.tenant.initial_domain))
        return w.tenant.nonprofit_tagged;
    for (const OtherTenant& t : w.tenants.others)
        if (name == t.name || name == t.initial_domain) return t.validated;
    return false;
}

bool is_onmicrosoft_name(std::string_view s) {
    if (s.size() < 3 || s.size() > 27 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

ActionResult registration_blocked_by_other_tenant(const World& w) {
    const OtherTenant* t = validated_other_tenant(w);
    if (t == nullptr) return ActionResult::success();
    return ActionResult::failure("portal.already_linked",
                                 {{"domain", t->initial_domain}, {"registered_by", t->registered_by}});
}

// [SECTION] Operations ------------------------------------------------------------------------

namespace {

OtherTenant* tn_find(World& w, std::string_view name) {
    for (OtherTenant& t : w.tenants.others)
        if (name == t.name || name == t.initial_domain) return &t;
    return nullptr;
}

// The acting Global Administrator of the working tenant and the other tenant the action names.
OtherTenant* tn_target(World& w, const Action& a, ActionResult& fail) {
    const Person* p = require_actor(w, a, fail);
    if (p == nullptr) return nullptr;
    if (!p->has_role(Role::GlobalAdmin)) {
        fail = ActionResult::failure("tenants.global_admin_required");
        return nullptr;
    }
    const std::string name = a.arg<std::string>("tenant", "");
    if (name.empty()) {
        fail = ActionResult::failure("tenants.field_required", {{"field", "tenant"}});
        return nullptr;
    }
    OtherTenant* t = tn_find(w, name);
    if (t == nullptr) {
        fail = ActionResult::failure("tenants.unknown_tenant", {{"tenant", name}});
        return nullptr;
    }
    if (!t->validated) {
        fail = ActionResult::failure("tenants.not_validated", {{"domain", t->initial_domain}});
        return nullptr;
    }
    return t;
}

// Newer guidance: the validated tenant's entitlements lapse; the organisation may then validate the
// working tenant with a new registration (portal.submit_registration).
ActionResult tn_op_release_status(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    OtherTenant* t = tn_target(w, a, fail);
    if (t == nullptr) return fail;
    if (w.tenants.move.status == "pending")
        return ActionResult::failure("tenants.move_pending", {{"due_at", w.tenants.move.due_at}});
    t->validated = false;
    t->released_at = ctx.now();
    Organisation& o = w.organisation;
    const bool blocked_approval =
        o.status == PortalStatus::Approved || o.status == PortalStatus::ReverifyRequired;
    if (blocked_approval && !w.tenant.nonprofit_tagged) o.status = PortalStatus::Draft;
    return ActionResult::success({{"domain", t->initial_domain}, {"status", to_string(o.status)}});
}

// Older CSP guidance: Contact Us asks Microsoft to move the status; it moves after the delay.
ActionResult tn_op_request_status_move(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    OtherTenant* t = tn_target(w, a, fail);
    if (t == nullptr) return fail;
    if (w.settings.tenant_move_policy != "older_csp")
        return ActionResult::failure("tenants.move_not_supported", {{"domain", t->initial_domain}});
    StatusMoveRequest& m = w.tenants.move;
    if (m.status == "pending") return ActionResult::failure("tenants.move_pending", {{"due_at", m.due_at}});
    m.status = "pending";
    m.from = t->name;
    m.requested_at = ctx.now();
    const Duration d = w.settings.tenant_status_move_delay.sample(ctx.rng("tenants"));
    m.due_at = apply_duration(ctx.calendar(), ctx.now(), d);
    m.done_at = -1;
    ++m.serial;
    ctx.schedule_at(m.due_at, "tenants.status_moved", {{"serial", m.serial}});
    return ActionResult::success(
        {{"from", t->initial_domain}, {"to", w.tenant.initial_domain}, {"due_at", m.due_at}});
}

// Microsoft moved the status: the working tenant is nonprofit-tagged and the organisation approved.
void tn_on_status_moved(Context& ctx, const json& data) {
    World& w = ctx.world();
    StatusMoveRequest& m = w.tenants.move;
    if (m.status != "pending" || data.value("serial", std::uint64_t{0}) != m.serial) return;
    m.status = "done";
    m.done_at = ctx.now();
    OtherTenant* from = tn_find(w, m.from);
    if (from == nullptr || !from->validated) return;  // released meanwhile: nothing to move
    from->validated = false;
    from->released_at = ctx.now();
    w.tenant.nonprofit_tagged = true;
    Organisation& o = w.organisation;
    o.status = PortalStatus::Approved;
    o.approved_at = ctx.now();
    o.decided_at = ctx.now();
    ctx.schedule_at(ctx.now(), "portal.reverification_scheduled", json::object());
    const json params{{"from", from->initial_domain}, {"domain", w.tenant.initial_domain}};
    send_mail_to_roles(w, ctx.now(), role_bit(Role::GlobalAdmin), kPortalSender, "mail.tenant_status_moved",
                       params);
}

}  // namespace

// [SECTION] Start state -----------------------------------------------------------------------

namespace {

struct TnStartTenant {
    std::string name, registered_by;
    bool validated = false;
};
const auto kTnStartShape = described(Shape<TnStartTenant>("#/properties/start/properties/tenants/items")
                                         .string("name", &TnStartTenant::name)
                                         .required()
                                         .string("registered_by", &TnStartTenant::registered_by)
                                         .boolean("validated", &TnStartTenant::validated));

void tn_start_fail(ShapeErrors& errors, const std::string& pointer, const std::string& message) {
    errors.push_back({"", pointer, message, ""});
}

std::string tn_short_name(std::string name) {
    const std::string suffix = ".onmicrosoft.com";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        name.resize(name.size() - suffix.size());
    return name;
}

// Checks one entry's name against the form and the names taken so far; true when it may be added.
bool tn_start_name_ok(const std::string& name, const std::string& b, const World& w, ShapeErrors& errors) {
    if (!is_onmicrosoft_name(name)) {
        tn_start_fail(
            errors, b + "/name",
            fmt::format("\"{}\" is not a tenant name: 3 to 27 lowercase letters and digits, starting "
                        "with a letter (the part before .onmicrosoft.com)",
                        name));
        return false;
    }
    if (w.tenant.exists && name == w.tenant.name) {
        tn_start_fail(errors, b + "/name",
                      fmt::format("\"{}\" is the tenant the trainee works in (/start/tenant/name); name "
                                  "another tenant here",
                                  name));
        return false;
    }
    for (std::size_t i = 0; i < w.tenants.others.size(); ++i)
        if (w.tenants.others[i].name == name) {
            tn_start_fail(errors, b + "/name",
                          fmt::format("\"{}\" appears twice (also /start/tenants/{}/name)", name, i));
            return false;
        }
    return true;
}

}  // namespace

void read_tenants_start(const nlohmann::json& start, World& w, ShapeErrors& errors) {
    if (!start.is_object() || !start.contains("tenants")) return;
    const json& list = start["tenants"];
    if (!list.is_array()) return tn_start_fail(errors, "/start/tenants", "must be an array of tenants");
    std::string validated_at;  // the pointer of the first validated entry
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string b = "/start/tenants/" + std::to_string(i);
        if (!list[i].is_object()) {
            tn_start_fail(errors, b, "must be an object {\"name\", \"registered_by\", \"validated\"}");
            continue;
        }
        TnStartTenant in;
        const std::size_t before = errors.size();
        kTnStartShape.check_keys(list[i], b, errors);
        kTnStartShape.read(list[i], b, in, errors);
        if (errors.size() != before) continue;
        const std::string name = tn_short_name(in.name);
        if (!tn_start_name_ok(name, b, w, errors)) continue;
        if (in.validated && !validated_at.empty()) {
            tn_start_fail(errors, b + "/validated",
                          fmt::format("only one tenant of an organisation holds the nonprofit status, and {} "
                                      "already does",
                                      validated_at));
            continue;
        }
        if (in.validated) validated_at = b;
        w.tenants.others.push_back({name, name + ".onmicrosoft.com", in.registered_by, in.validated, -1});
    }
    if (validated_at.empty()) return;
    // Another tenant holds the status: the working tenant is not nonprofit-tagged (no offers, C6/C9).
    const json& tenant = start.contains("tenant") ? start["tenant"] : json();
    if (tenant.is_object() && tenant.value("nonprofit_tagged", false))
        tn_start_fail(
            errors, validated_at + "/validated",
            "the working tenant is nonprofit-tagged (/start/tenant/nonprofit_tagged); only one tenant "
            "of an organisation holds the nonprofit status");
    w.tenant.nonprofit_tagged = false;
}

// [SECTION] Registration ----------------------------------------------------------------------

void register_tenants(Registry& r) {
    const std::vector<std::string> common = {"auth.unknown_account",          "auth.sign_in_blocked",
                                             "tenants.global_admin_required", "tenants.field_required",
                                             "tenants.unknown_tenant",        "tenants.not_validated"};
    std::vector<std::string> release_errors = common;
    release_errors.emplace_back("tenants.move_pending");
    std::vector<std::string> move_errors = common;
    move_errors.emplace_back("tenants.move_not_supported");
    move_errors.emplace_back("tenants.move_pending");
    r.add(make_operation("tenants.release_status", {{"tenant"}}, release_errors, {}, {},
                         started<tn_op_release_status>));
    r.add(make_operation("tenants.request_status_move", {{"tenant"}}, move_errors,
                         {"mail.tenant_status_moved.subject", "mail.tenant_status_moved.body"}, {},
                         started<tn_op_request_status_move>));
    r.add_event("tenants.status_moved", started_event<tn_on_status_moved>);
}

}  // namespace sim
