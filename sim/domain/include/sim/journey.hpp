// sim/journey.hpp — what the areas of the simulated journey share: registration, actor checks, mail.
//
// Each area (portal, billing, users, licences, mail) registers its operations and events in
// journey_registry() (sim/journey.cpp). Handlers are plain functions; they see the world through a
// Context and answer with ActionResult::success / ::failure("<area>.<reason>", params).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/registry.hpp"
#include "sim/world.hpp"

namespace sim {

void register_portal(Registry& r);
void register_billing(Registry& r);
void register_users(Registry& r);
void register_licences(Registry& r);
void register_mail(Registry& r);

// Schedules the world's start events (a scenario that starts in Pending, or Approved with a
// re-verification date) once: registered as the registry's on_start hook, and called again (a
// no-op then) by every journey handler, for simulations built with another registry's hooks.
void ensure_started(Context& ctx);

template <ActionFn F>
ActionResult started(Context& ctx, const Action& a) {
    ensure_started(ctx);
    return F(ctx, a);
}
template <EventFn F>
void started_event(Context& ctx, const nlohmann::json& data) {
    ensure_started(ctx);
    F(ctx, data);
}

// The acting person: known, not deleted, sign-in allowed. nullptr and `failure` set otherwise
// ("auth.unknown_account", "auth.sign_in_blocked").
Person* require_actor(World& w, const Action& a, ActionResult& failure);
// The signed-in Global or User Administrator (`actor`) and the user named by the action's "user"
// (returned); nullptr with `fail` set when either is missing or the actor lacks the role (users.cpp).
Person* user_admin_target(World& w, const Action& a, Person*& actor, ActionResult& fail);
bool has_any_role(const Person& p, RoleSet roles);

// Delivers a mail to one inbox at `now`: subject key "<key>.subject", body key "<body_key or key.body>".
void send_mail(World& w, SimTime now, Person& to, const std::string& from, const std::string& key,
               nlohmann::json params, const std::string& body_key = {});
// Delivers one copy to every usable person holding any of `roles`.
void send_mail_to_roles(World& w, SimTime now, RoleSet roles, const std::string& from, const std::string& key,
                        const nlohmann::json& params, const std::string& body_key = {});

// Senders as shown in the inbox (neutral, no real addresses except the documented TechSoup one).
constexpr const char* kPortalSender = "Microsoft for Nonprofits";
constexpr const char* kValidatorSender = "microsoftnonprofit@techsoup.org";  // domain.md §1.4
constexpr const char* kAdminSender = "Microsoft 365 admin center";

// Licence seats: takes a seat for `p` (pending until the propagation delay has passed, or active at
// once when `active_now`), schedules "licences.propagated", records a compliance violation if the
// programme does not entitle the person. The caller has checked every rule first.
void grant_licence(Context& ctx, Person& p, const Product& product, bool active_now = false);
// Frees one licence (seat back to its subscription, open violation resolved).
void release_licence(World& w, SimTime now, Person& p, std::string_view sku);
// Checks whether `product` may be assigned to `p` (usage location, not held yet, no conflicting plan);
// the seat count is checked by the caller. Returns an ok result or the failure.
ActionResult check_assignable(const World& w, const Person& p, const Product& product);

// Character checks shared by the forms.
bool is_country_code(std::string_view s);   // "DE"
bool is_email_address(std::string_view s);  // local@domain.tld
bool is_username(std::string_view s);       // letters, digits, . _ - (no leading dot)

}  // namespace sim
