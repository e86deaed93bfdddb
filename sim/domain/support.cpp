// sim/support.cpp — asking support (sim/support.hpp; domain.md §1.4, §3.1, C4, C6):
//   [SECTION] Canonical JSON      SupportState to and from JSON
//   [SECTION] Queries             junk, requests, the Purchase services label
//   [SECTION] Operations          support.submit_request, support.move_mail, support.reply; the reply event
//   [SECTION] Start state         the scenario's "start"/"support" object
#include "sim/support.hpp"

#include <algorithm>

#include "sim/journey.hpp"
#include "sim/random.hpp"
#include "sim/shape.hpp"
#include "sim/usage.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

namespace {

std::string sp_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string sp_trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool sp_contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

void sp_erase(std::vector<std::string>& v, std::string_view s) {
    v.erase(std::remove(v.begin(), v.end(), s), v.end());
}

}  // namespace

// [SECTION] Canonical JSON --------------------------------------------------------------------

nlohmann::json to_json(const SupportState& s) {
    json requests = json::array();
    for (const auto& r : s.requests)
        requests.push_back({{"id", r.id},
                            {"channel", r.channel},
                            {"requester", r.requester},
                            {"topic", r.topic},
                            {"title", r.title},
                            {"text", r.text},
                            {"status", r.status},
                            {"created_at", r.created_at},
                            {"reply_due_at", r.reply_due_at},
                            {"answered_at", r.answered_at},
                            {"reply_mail", r.reply_mail},
                            {"serial", r.serial}});
    json replies = json::array();
    for (const auto& r : s.replies) {
        json rj{{"topic", r.topic},
                {"match", r.match},
                {"text_key", r.text_key},
                {"effect", r.effect},
                {"used", r.used}};
        if (r.delay) rj["delay"] = to_json(*r.delay);
        replies.push_back(std::move(rj));
    }
    json out{{"requests", std::move(requests)},
             {"replies", std::move(replies)},
             {"junk", s.junk},
             {"not_junk", s.not_junk},
             {"junk_senders", s.junk_senders}};
    if (s.reply_delay) out["reply_delay"] = to_json(*s.reply_delay);
    if (!s.purchase_services_label.empty()) out["purchase_services_label"] = s.purchase_services_label;
    return out;
}

namespace {

std::optional<Delay> sp_delay(const json& j, const char* key) {
    if (!j.contains(key)) return std::nullopt;
    std::string why;
    std::optional<Delay> d = parse_delay(j.at(key), &why);
    if (!d) throw std::runtime_error(std::string(key) + ": " + why);
    return d;
}

}  // namespace

bool support_from_json(const nlohmann::json& j, SupportState& out, std::string& error) {
    if (!j.is_object()) return error = "must be an object", false;
    try {
        SupportState s;
        for (const auto& rj : j.at("requests")) {
            SupportRequest r;
            r.id = rj.at("id").get<std::string>();
            r.channel = rj.at("channel").get<std::string>();
            r.requester = rj.at("requester").get<std::string>();
            r.topic = rj.at("topic").get<std::string>();
            r.title = rj.at("title").get<std::string>();
            r.text = rj.at("text").get<std::string>();
            r.status = rj.at("status").get<std::string>();
            r.created_at = rj.at("created_at").get<SimTime>();
            r.reply_due_at = rj.at("reply_due_at").get<SimTime>();
            r.answered_at = rj.at("answered_at").get<SimTime>();
            r.reply_mail = rj.at("reply_mail").get<std::string>();
            r.serial = rj.at("serial").get<std::uint64_t>();
            s.requests.push_back(std::move(r));
        }
        for (const auto& rj : j.at("replies")) {
            SupportReply r;
            r.topic = rj.at("topic").get<std::string>();
            r.match = rj.at("match").get<std::string>();
            r.text_key = rj.at("text_key").get<std::string>();
            r.effect = rj.at("effect").get<std::string>();
            r.used = rj.at("used").get<bool>();
            r.delay = sp_delay(rj, "delay");
            s.replies.push_back(std::move(r));
        }
        s.junk = j.at("junk").get<std::vector<std::string>>();
        s.not_junk = j.at("not_junk").get<std::vector<std::string>>();
        s.junk_senders = j.at("junk_senders").get<std::vector<std::string>>();
        s.reply_delay = sp_delay(j, "reply_delay");
        s.purchase_services_label = j.value("purchase_services_label", "");
        out = std::move(s);
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

// [SECTION] Queries ---------------------------------------------------------------------------

const std::vector<std::string>& support_topics() {
    static const std::vector<std::string> topics = {"verification", "offers", "billing",
                                                    "grant",        "tenant", "other"};
    return topics;
}

const std::vector<std::string>& support_effects() {
    static const std::vector<std::string> effects = {"answer_verification", "nudge_validator",
                                                     "reenable_grant"};
    return effects;
}

bool is_junk(const World& w, const Mail& m) {
    const SupportState& s = w.support;
    if (sp_contains(s.not_junk, m.id)) return false;
    return sp_contains(s.junk, m.id) || sp_contains(s.junk_senders, sp_lower(m.from));
}

std::vector<const SupportRequest*> support_requests(const World& w, std::string_view upn) {
    std::vector<const SupportRequest*> out;
    for (auto it = w.support.requests.rbegin(); it != w.support.requests.rend(); ++it)
        if (upn.empty() || it->requester == upn) out.push_back(&*it);
    return out;
}

const SupportRequest* find_support_request(const World& w, std::string_view id) {
    for (const auto& r : w.support.requests)
        if (r.id == id) return &r;
    return nullptr;
}

std::string purchase_services_label(const World& w) {
    return w.support.purchase_services_label.empty() ? "purchase_services"
                                                     : w.support.purchase_services_label;
}

Delay support_reply_delay(const World& w) {
    return w.support.reply_delay.value_or(Delay::uniform(Duration{0, 1}, Duration{0, 2}));
}

// [SECTION] Operations ------------------------------------------------------------------------

namespace {

constexpr const char* kSpPortalSupport = "Microsoft Nonprofits Support";
constexpr const char* kSpAdminSupport = "Microsoft 365 Support";
constexpr std::size_t kSpMaxText = 4000;

SupportRequest* sp_find(World& w, std::string_view id) {
    for (auto& r : w.support.requests)
        if (r.id == id) return &r;
    return nullptr;
}

// The scenario's first unused reply that fits the request, or nullptr.
SupportReply* sp_matching_reply(World& w, const SupportRequest& r) {
    const std::string hay = sp_lower(r.title + "\n" + r.text);
    for (auto& reply : w.support.replies) {
        if (reply.used) continue;
        if (!reply.topic.empty() && reply.topic != r.topic) continue;
        if (!reply.match.empty() && hay.find(sp_lower(reply.match)) == std::string::npos) continue;
        return &reply;
    }
    return nullptr;
}

void sp_schedule_reply(Context& ctx, SupportRequest& r, const Delay& delay, const std::string& key,
                       const std::string& effect, const json& params) {
    World& w = ctx.world();
    const Duration d = delay.sample(ctx.rng("support"));
    r.serial = w.next_id++;
    r.reply_due_at = apply_duration(ctx.calendar(), ctx.now(), d);
    ctx.schedule_at(
        r.reply_due_at, "support.reply_arrived",
        {{"request", r.id}, {"serial", r.serial}, {"key", key}, {"effect", effect}, {"params", params}});
}

ActionResult op_support_submit_request(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    const std::string channel = a.arg<std::string>("channel", "");
    if (channel != "portal" && channel != "admin")
        return ActionResult::failure("support.invalid_channel", {{"channel", channel}});
    if (channel == "admin" && !actor->is_admin()) return ActionResult::failure("support.insufficient_role");
    const std::string topic = a.arg<std::string>("topic", "other");
    if (!sp_contains(support_topics(), topic))
        return ActionResult::failure("support.invalid_topic", {{"topic", topic}});
    SupportRequest r;
    r.text = sp_trim(a.arg<std::string>("text", ""));
    if (r.text.empty()) return ActionResult::failure("support.field_required", {{"field", "text"}});
    if (r.text.size() > kSpMaxText) return ActionResult::failure("support.text_too_long");
    r.id = w.make_id("sr");
    r.channel = channel;
    r.requester = actor->upn;
    r.topic = topic;
    r.title = sp_trim(a.arg<std::string>("title", ""));
    r.created_at = ctx.now();
    json result{{"request", r.id}, {"channel", channel}, {"topic", topic}};
    if (SupportReply* reply = sp_matching_reply(w, r)) {
        reply->used = true;
        sp_schedule_reply(ctx, r, reply->delay.value_or(support_reply_delay(w)), reply->text_key,
                          reply->effect, json::object());
    }
    w.support.requests.push_back(std::move(r));
    return ActionResult::success(std::move(result));
}

// The instructor console answers an open request live (no actor: the instructor is nobody in the world).
ActionResult op_support_reply(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const std::string id = a.arg<std::string>("request", "");
    SupportRequest* r = sp_find(w, id);
    if (r == nullptr) return ActionResult::failure("support.unknown_request", {{"request", id}});
    if (r->status != "open") return ActionResult::failure("support.not_open", {{"request", id}});
    const std::string text = sp_trim(a.arg<std::string>("text", ""));
    if (text.empty()) return ActionResult::failure("support.field_required", {{"field", "text"}});
    const std::string effect = a.arg<std::string>("effect", "");
    if (!effect.empty() && !sp_contains(support_effects(), effect))
        return ActionResult::failure("support.invalid_effect", {{"effect", effect}});
    Delay delay = support_reply_delay(w);
    const std::string in = a.arg<std::string>("delay", "");
    if (!in.empty()) {
        std::optional<Delay> d = parse_delay(json(in));
        if (!d) return ActionResult::failure("support.invalid_delay", {{"delay", in}});
        delay = *d;
    }
    sp_schedule_reply(ctx, *r, delay, "mail.support_reply.body.instructor", effect, {{"text", text}});
    return ActionResult::success({{"request", r->id}, {"reply_due_at", r->reply_due_at}});
}

ActionResult op_support_move_mail(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    const std::string id = a.arg<std::string>("mail", "");
    const auto m =
        std::find_if(actor->inbox.begin(), actor->inbox.end(), [&](const Mail& x) { return x.id == id; });
    if (m == actor->inbox.end()) return ActionResult::failure("support.unknown_mail", {{"mail", id}});
    const std::string folder = a.arg<std::string>("folder", "inbox");
    if (folder != "inbox" && folder != "junk")
        return ActionResult::failure("support.invalid_folder", {{"folder", folder}});
    SupportState& s = w.support;
    const bool was_junk = is_junk(w, *m);
    if (folder == "inbox") {
        sp_erase(s.junk, id);
        if (sp_contains(s.junk_senders, sp_lower(m->from)) && !sp_contains(s.not_junk, id))
            s.not_junk.push_back(id);
    } else {
        sp_erase(s.not_junk, id);
        if (!sp_contains(s.junk, id)) s.junk.push_back(id);
    }
    return ActionResult::success(
        {{"mail", id}, {"folder", folder}, {"moved", was_junk != (folder == "junk")}});
}

// What a reply may set off when it arrives.
void sp_apply_effect(Context& ctx, const std::string& effect) {
    World& w = ctx.world();
    if (effect == "answer_verification" || effect == "nudge_validator") {
        // C4: support chases the validator; a pending verification is decided within the hour (the
        // portal's own event, so its rules and forced outcomes decide; a stale older event does nothing).
        const Organisation& o = w.organisation;
        if (o.status == PortalStatus::Pending)
            ctx.schedule_at(ctx.now() + kHour, "portal.verification_finished",
                            {{"submission", o.submissions}});
    }
    if (effect == "reenable_grant") usage_reenable_grant(ctx);  // C22: support re-enables the grant
}

void on_support_reply_arrived(Context& ctx, const json& data) {
    World& w = ctx.world();
    SupportRequest* r = sp_find(w, data.value("request", ""));
    if (r == nullptr || r->status != "open" || r->serial != data.value("serial", std::uint64_t{0})) return;
    r->status = "answered";
    r->answered_at = ctx.now();
    r->reply_due_at = -1;
    if (Person* p = w.find_person(r->requester); is_usable(p)) {
        json params = data.value("params", json::object());
        params["request"] = r->id;
        params["title"] = r->title;
        send_mail(w, ctx.now(), *p, r->channel == "portal" ? kSpPortalSupport : kSpAdminSupport,
                  "mail.support_reply", params, data.value("key", ""));
        r->reply_mail = p->inbox.back().id;
    }
    sp_apply_effect(ctx, data.value("effect", ""));
}

}  // namespace

void register_support(Registry& r) {
    const Delay quick = Delay::uniform(Duration{300, 0}, Duration{1200, 0});
    r.add(make_operation("support.submit_request",
                         {{"channel", ArgType::String, true},
                          {"topic", ArgType::String, true},
                          {"title"},
                          {"text", ArgType::String, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "support.invalid_channel",
                          "support.insufficient_role", "support.invalid_topic", "support.field_required",
                          "support.text_too_long"},
                         {"mail.support_reply.subject"}, {}, started<op_support_submit_request>, nullptr,
                         quick));
    r.add(make_operation(
        "support.move_mail", {{"mail", ArgType::String, true}, {"folder", ArgType::String, true}},
        {"auth.unknown_account", "auth.sign_in_blocked", "support.unknown_mail", "support.invalid_folder"},
        {}, {}, started<op_support_move_mail>, nullptr, quick));
    r.add(make_operation(
        "support.reply",
        {{"request", ArgType::String, true}, {"text", ArgType::String, true}, {"effect"}, {"delay"}},
        {"support.unknown_request", "support.not_open", "support.field_required", "support.invalid_effect",
         "support.invalid_delay"},
        {"mail.support_reply.body.instructor"}, {}, started<op_support_reply>, nullptr, Delay::fixed_ms(0)));
    r.add_event("support.reply_arrived", started_event<on_support_reply_arrived>);
}

// [SECTION] Start state -----------------------------------------------------------------------

namespace {

struct SpRoot {
    std::vector<std::string> junk, junk_senders;
    std::string purchase_services_label;
};
struct SpReply {
    std::string topic, match, effect;
};

const auto kSpRootShape = described(Shape<SpRoot>("#/properties/start/properties/support")
                                        .known("replies", FieldType::Array)
                                        .strings("junk", &SpRoot::junk)
                                        .strings("junk_senders", &SpRoot::junk_senders)
                                        .known("reply_delay")
                                        .string("purchase_services_label", &SpRoot::purchase_services_label));
const auto kSpReplyShape =
    described(Shape<SpReply>("#/properties/start/properties/support/properties/replies/items")
                  .string("topic", &SpReply::topic)
                  .string("match", &SpReply::match)
                  .known("delay")
                  .known("reply")
                  .string("effect", &SpReply::effect));

void sp_fail(ShapeErrors& errors, const std::string& pointer, const std::string& message) {
    errors.push_back({"", pointer, message, ""});
}

std::optional<Delay> sp_read_delay(const json& obj, const char* key, const std::string& b,
                                   ShapeErrors& errors) {
    if (!obj.contains(key)) return std::nullopt;
    std::string why;
    std::optional<Delay> d = parse_delay(obj[key], &why);
    if (!d) sp_fail(errors, b + "/" + key, why);
    return d;
}

// The reply's text: a text key, or {"en", "de"} kept in the world's texts under a key of its own.
std::string sp_read_reply_text(const json& rj, const std::string& b, std::size_t i, World& w,
                               ShapeErrors& errors) {
    if (!rj.contains("reply"))
        return sp_fail(errors, b, "needs \"reply\": a text key or {\"en\", \"de\"}"), "";
    const json& t = rj["reply"];
    if (t.is_string() && !t.get<std::string>().empty()) return t.get<std::string>();
    if (!t.is_object() || !t.contains("en") || !t.contains("de") || !t["en"].is_string() ||
        !t["de"].is_string() || t.size() != 2)
        return sp_fail(errors, b + "/reply", "must be a text key or {\"en\": …, \"de\": …}"), "";
    const std::string key = "support.reply." + std::to_string(i + 1);
    w.texts[key] = {t["en"].get<std::string>(), t["de"].get<std::string>()};
    return key;
}

void sp_read_replies(const json& sj, const std::string& b, World& w, ShapeErrors& errors) {
    const json& replies = sj.contains("replies") ? sj["replies"] : json::array();
    if (!replies.is_array()) return sp_fail(errors, b + "/replies", "must be an array");
    for (std::size_t i = 0; i < replies.size(); ++i) {
        const std::string rb = b + "/replies/" + std::to_string(i);
        if (!replies[i].is_object()) {
            sp_fail(errors, rb, "must be an object");
            continue;
        }
        kSpReplyShape.check_keys(replies[i], rb, errors);
        SpReply d;
        kSpReplyShape.read(replies[i], rb, d, errors);
        SupportReply r;
        r.topic = d.topic;
        r.match = d.match;
        r.effect = d.effect;
        if (!r.topic.empty() && !sp_contains(support_topics(), r.topic))
            sp_fail(errors, rb + "/topic",
                    "must be one of verification, offers, billing, grant, tenant, other");
        if (!r.effect.empty() && !sp_contains(support_effects(), r.effect))
            sp_fail(errors, rb + "/effect",
                    "must be one of answer_verification, nudge_validator, reenable_grant");
        r.delay = sp_read_delay(replies[i], "delay", rb, errors);
        r.text_key = sp_read_reply_text(replies[i], rb, i, w, errors);
        w.support.replies.push_back(std::move(r));
    }
}

bool sp_mail_exists(const World& w, const std::string& id) {
    for (const auto& p : w.people)
        for (const auto& m : p.inbox)
            if (m.id == id) return true;
    return false;
}

}  // namespace

void read_support_start(const json& start, World& w, ShapeErrors& errors) {
    if (!start.contains("support")) return;
    const json& sj = start["support"];
    const std::string b = "/start/support";
    if (!sj.is_object()) return sp_fail(errors, b, "must be an object");
    kSpRootShape.check_keys(sj, b, errors);
    SpRoot root;
    kSpRootShape.read(sj, b, root, errors);
    for (std::size_t i = 0; i < root.junk.size(); ++i) {
        if (!sp_mail_exists(w, root.junk[i]))
            sp_fail(errors, b + "/junk/" + std::to_string(i),
                    "\"" + root.junk[i] + "\" is not the id of a mail of /start/mail");
        else if (!sp_contains(w.support.junk, root.junk[i]))
            w.support.junk.push_back(root.junk[i]);
    }
    for (std::size_t i = 0; i < root.junk_senders.size(); ++i) {
        const std::string s = sp_lower(sp_trim(root.junk_senders[i]));
        if (s.empty())
            sp_fail(errors, b + "/junk_senders/" + std::to_string(i), "must not be empty");
        else if (!sp_contains(w.support.junk_senders, s))
            w.support.junk_senders.push_back(s);
    }
    if (!root.purchase_services_label.empty() && root.purchase_services_label != "purchase_services" &&
        root.purchase_services_label != "marketplace")
        sp_fail(errors, b + "/purchase_services_label", "must be \"purchase_services\" or \"marketplace\"");
    else if (root.purchase_services_label == "marketplace")
        w.support.purchase_services_label = "marketplace";
    w.support.reply_delay = sp_read_delay(sj, "reply_delay", b, errors);
    sp_read_replies(sj, b, w, errors);
}

}  // namespace sim
