// sim/object_refs.cpp — people and author ids named by a reference solution and by conditions must
// exist (see sim/object_refs.hpp for what is checked and what is left to the run).
#include "sim/object_refs.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "sim/text.hpp"

namespace sim {

using nlohmann::json;

namespace {

// What the start state names, and what the steps have created so far.
struct ObjRefsKnown {
    std::string domain;  // the tenant's initial domain, "" without a tenant
    std::set<std::string> people, subscriptions, payment_methods, mails;
};

const json& oref_field(const json& obj, const char* key) {
    static const json kNull;
    if (!obj.is_object()) return kNull;
    auto it = obj.find(key);
    return it == obj.end() ? kNull : *it;
}

std::string oref_text(const json& obj, const char* key) {
    const json& v = oref_field(obj, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

// The ids of `arr`'s objects under "id".
void oref_ids(const json& arr, std::set<std::string>& out) {
    if (!arr.is_array()) return;
    for (const json& o : arr)
        if (const std::string id = oref_text(o, "id"); !id.empty()) out.insert(id);
}

ObjRefsKnown oref_start(const json& st) {
    ObjRefsKnown k;
    const std::string tenant = oref_text(oref_field(st, "tenant"), "name");
    if (!tenant.empty()) k.domain = tenant + ".onmicrosoft.com";
    if (const json& people = oref_field(st, "people"); people.is_array())
        for (const json& p : people) {
            std::string upn = oref_text(p, "upn");
            if (upn.empty()) continue;
            if (upn.find('@') == std::string::npos && !k.domain.empty()) upn += "@" + k.domain;
            k.people.insert(upn);
        }
    oref_ids(oref_field(st, "subscriptions"), k.subscriptions);
    oref_ids(oref_field(st, "payment_methods"), k.payment_methods);
    oref_ids(oref_field(st, "mail"), k.mails);
    return k;
}

// An id of the form the world's counter hands out ("sub-0003"): known only at run time.
bool oref_generated(const std::string& id, const char* prefix) {
    const std::string p = prefix;
    return id.size() > p.size() && id.compare(0, p.size(), p) == 0 &&
           std::all_of(id.begin() + static_cast<std::ptrdiff_t>(p.size()), id.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

void oref_need(const std::string& name, const std::set<std::string>& known, const char* what,
               const std::string& pointer, std::vector<ConditionError>& errors) {
    if (name.empty() || known.count(name) != 0) return;
    // A scenario without any person (none in the start state, none added yet) has nothing to go by.
    if (known.empty() && std::string(what) == "person") return;
    std::string message = unknown_key_message(name, {known.begin(), known.end()}, what);
    if (std::string(what) == "person")
        message += " (a person of /start/people, or one an earlier step adds)";
    else
        message += std::string(" (an \"id\" of the start state's ") + what + "s)";
    errors.push_back({pointer, message});
}

// The references of one action at `p`, then what it creates.
void oref_action(const json& a, const std::string& p, bool tests_unknown, ObjRefsKnown& k,
                 std::vector<ConditionError>& errors) {
    const std::string type = oref_text(a, "type");
    if (!tests_unknown) {
        oref_need(oref_text(a, "actor"), k.people, "person", p + "/actor", errors);
        oref_need(oref_text(a, "user"), k.people, "person", p + "/user", errors);
        if (const json& users = oref_field(a, "users"); users.is_array())
            for (std::size_t i = 0; i < users.size(); ++i)
                if (users[i].is_string())
                    oref_need(users[i].get<std::string>(), k.people, "person",
                              p + "/users/" + std::to_string(i), errors);
        const std::string sub = oref_text(a, "subscription");
        if (type == "billing.change_quantity" && !oref_generated(sub, "sub-"))
            oref_need(sub, k.subscriptions, "subscription", p + "/subscription", errors);
        const std::string pm = oref_text(a, "payment_method");
        if (type == "billing.place_order" && !oref_generated(pm, "pm-"))
            oref_need(pm, k.payment_methods, "payment method", p + "/payment_method", errors);
        const std::string mail = oref_text(a, "mail");
        if (type == "mail.mark_read" && !oref_generated(mail, "mail-"))
            oref_need(mail, k.mails, "mail", p + "/mail", errors);
    }
    if (type == "portal.register") {
        const std::string tenant = oref_text(a, "tenant_name");
        if (!tenant.empty() && k.domain.empty()) k.domain = tenant + ".onmicrosoft.com";
        if (const std::string user = oref_text(a, "username"); !user.empty() && !k.domain.empty())
            k.people.insert(user + "@" + k.domain);
    } else if (type == "users.add") {
        std::string domain = oref_text(a, "domain");
        if (domain.empty()) domain = k.domain;
        if (const std::string user = oref_text(a, "username"); !user.empty() && !domain.empty())
            k.people.insert(user + "@" + domain);
    } else if (type == "users.change_username") {
        // The new name (on the given domain, else the user's own); the old one stays as an alias.
        const std::string user = oref_text(a, "user");
        std::string domain = oref_text(a, "domain");
        if (domain.empty() && user.find('@') != std::string::npos) domain = user.substr(user.find('@') + 1);
        if (const std::string name = oref_text(a, "username"); !name.empty() && !domain.empty())
            k.people.insert(name + "@" + domain);
    }
}

// Every step object of `v` (a solution, or steps nested in adaptive steps) in document order.
void oref_steps(const json& v, const std::string& p, ObjRefsKnown& k, std::vector<ConditionError>& errors) {
    if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) oref_steps(v[i], p + "/" + std::to_string(i), k, errors);
        return;
    }
    if (!v.is_object()) return;
    if (const json& a = oref_field(v, "action"); a.is_object()) {
        const json& expect = oref_field(v, "expect");
        const bool tests_unknown =
            expect.is_string() && expect.get<std::string>().find("unknown") != std::string::npos;
        oref_action(a, p + "/action", tests_unknown, k, errors);
    }
    for (auto it = v.begin(); it != v.end(); ++it)
        if (it.key() != "action" && (it->is_array() || it->is_object()) && it.key() != "wait_until" &&
            it.key() != "caption")
            oref_steps(*it, p + "/" + it.key(), k, errors);
}

}  // namespace

void check_object_references(const nlohmann::json& root, std::vector<ConditionError>& errors) {
    if (!root.is_object()) return;
    const json& st = oref_field(root, "start");
    if (st.is_object() && st.contains("world")) return;  // a snapshot: its people are records
    ObjRefsKnown k = oref_start(st);
    if (const json& solution = oref_field(root, "solution"); solution.is_array())
        oref_steps(solution, "/solution", k, errors);
    // Conditions hold at any moment: anyone of the start state or added by any step.
    for_each_condition(root, [&](const json& c, const std::string& pointer) {
        if (c.size() != 1) return;
        const std::string key = c.begin().key();
        const json& v = c.begin().value();
        if (key == "person" || key == "licensed")
            oref_need(oref_text(v, "upn"), k.people, "person", pointer + "/" + key + "/upn", errors);
        else if (key == "mail")
            oref_need(oref_text(v, "to"), k.people, "person", pointer + "/mail/to", errors);
        else if (key == "subscription" && !oref_generated(oref_text(v, "id"), "sub-"))
            oref_need(oref_text(v, "id"), k.subscriptions, "subscription", pointer + "/subscription/id",
                      errors);
    });
}

}  // namespace sim
