// app/views/portal/support_views.hpp — the pieces the support surfaces share (portal_support.cpp): the
// request form (topic, subject, description → support.submit_request) and the list of a person's requests
// with their state. Used by the portal's Contact Us and the admin center's Help & support
// (admin_support.cpp).
#pragma once

#include <string>

#include "app/views/view_context.hpp"

namespace app::support_ui {

struct FormFields {
    std::string& topic;
    std::string& title;
    std::string& text;
};

// The form of `channel` ("portal" | "admin") for the signed-in `actor`; the button's text key and the action
// tag are the surface's. Below it: the request sent, or the error.
void draw_request_form(const ViewContext& ctx, CommandQueue& out, const std::string& actor,
                       const char* channel, FormFields f, const char* button_key, const char* tag,
                       float width);
// The requests of `upn` on `channel`, newest first: id, subject, topic, created, status (and when answered).
void draw_request_list(const ViewContext& ctx, const std::string& upn, const char* channel);
// "Verification / status of my organization" / "Prüfung / Status meiner Organisation".
std::string topic_name(const ViewContext& ctx, const std::string& topic);

}  // namespace app::support_ui
