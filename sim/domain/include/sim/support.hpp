// sim/support.hpp — asking support (domain.md §1.4, §3.1, C4, C6): support requests from the nonprofit
// portal's Contact Us form and from the admin center's Help & support ("Support kontaktieren"), the replies
// (scenario-configured or written live by the instructor) that arrive as mails after a simulated delay,
// the Junk Email folder of the Mail surface ("check inbox and spam", §1.4) and the admin center's name of
// Billing > Purchase services ("Marketplace" for some customers, §3.2).
//
// SupportState is plain data held by World::support; it is absent from the canonical JSON while it is
// empty, so worlds without support hash as before. The operations (support.*) are registered by
// register_support (sim/domain/support.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/delay.hpp"
#include "sim/time.hpp"

namespace sim {

struct World;
struct Mail;
struct Registry;
struct ShapeError;

// One request. The text is what the person typed into the form: never a secret (the form has no secret
// field, and a password-like argument is redacted before it reaches the handler).
struct SupportRequest {
    std::string id;         // "sr-0001"
    std::string channel;    // "portal" (Contact Us) | "admin" (Help & support)
    std::string requester;  // sign-in name
    std::string topic;      // "verification" | "offers" | "billing" | "grant" | "tenant" | "other"
    std::string title;
    std::string text;
    std::string status = "open";  // "open" | "answered" | "closed"
    SimTime created_at = 0;
    SimTime reply_due_at = -1;  // when the scheduled reply arrives; -1 = none scheduled
    SimTime answered_at = -1;   // when the reply arrived
    std::string reply_mail;     // the reply's mail id
    std::uint64_t serial = 0;   // matches the support.reply_arrived event
};

// A reply the scenario has ready: it answers the first open request whose topic is `topic` (empty: any)
// and whose title or text contains `match` (case-insensitive; empty: any).
struct SupportReply {
    std::string topic;
    std::string match;
    std::optional<Delay> delay;  // unset: SupportState::reply_delay
    std::string text_key;        // the reply's text: a key of the shipped texts or the scenario's texts
    std::string effect;          // "" | "answer_verification" | "nudge_validator" | "reenable_grant"
    bool used = false;
};

struct SupportState {
    std::vector<SupportRequest> requests;
    std::vector<SupportReply> replies;
    std::vector<std::string> junk;          // mail ids filed in Junk Email
    std::vector<std::string> not_junk;      // mail ids the person moved to the Inbox ("Nicht Junk")
    std::vector<std::string> junk_senders;  // mail from these senders lands in Junk Email (lower-case)
    // [U] how long support takes to answer; unset: uniform 1–2 business days.
    std::optional<Delay> reply_delay;
    // domain.md §3.2 [S]: "For some customers, the page is named Marketplace". "" = "purchase_services".
    std::string purchase_services_label;

    bool empty() const {
        return requests.empty() && replies.empty() && junk.empty() && not_junk.empty() &&
               junk_senders.empty() && !reply_delay && purchase_services_label.empty();
    }
};

nlohmann::json to_json(const SupportState& s);
bool support_from_json(const nlohmann::json& j, SupportState& out, std::string& error);

// [SECTION] Queries

// The known topics and effects, in form order.
const std::vector<std::string>& support_topics();
const std::vector<std::string>& support_effects();
// Whether `m` is in the Junk Email folder (filed there, or from a junk sender and not moved out).
bool is_junk(const World& w, const Mail& m);
// The requests of `upn` (all when empty), newest first.
std::vector<const SupportRequest*> support_requests(const World& w, std::string_view upn = {});
const SupportRequest* find_support_request(const World& w, std::string_view id);
// "purchase_services" or "marketplace": how the admin center names Billing > Purchase services.
std::string purchase_services_label(const World& w);
// The default reply delay: uniform 1–2 business days [U].
Delay support_reply_delay(const World& w);

// The start state's "support" object (docs/reference/start-state.md):
//   {"replies": [{"topic", "match", "delay", "reply": {"en","de"} | "text key", "effect"}],
//    "junk": ["mail id", …], "junk_senders": ["microsoftnonprofit@techsoup.org"], "reply_delay": <delay>,
//    "purchase_services_label": "marketplace"}
// Errors as JSON pointers.
void read_support_start(const nlohmann::json& start, World& w, std::vector<ShapeError>& errors);

void register_support(Registry& r);

}  // namespace sim
