// app/views/portal/portal_common.hpp — pieces every page of the nonprofit portal shares: the portal's
// header with its tabs, headings, notices, inline field errors and local dates.
#pragma once

#include "app/ui/page.hpp"

#include <optional>
#include <string>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/views/view_context.hpp"
#include "sim/portal.hpp"

namespace app::portal {

// Action tags (SubmitAction::tag) of the portal's forms.
constexpr const char* kTagSignIn = "portal.sign_in";
constexpr const char* kTagRegister = "portal.register";
constexpr const char* kTagSubmit = "portal.submit_registration";
constexpr const char* kTagAnswer = "portal.answer_information_request";
constexpr const char* kTagReverify = "portal.reverify";
constexpr const char* kTagOffer = "portal.open_offer";

// The portal's own strip at the top of every page: its name and the Home / Status / Offers tabs.
void draw_header(const ViewContext& ctx, CommandQueue& out);
// The start of a signed-in portal page: header, the no-access / signed-out bodies, the page title.
// Returns the portal view to draw from, or nullopt when the page is already complete.
std::optional<sim::PortalView> begin_portal_page(const ViewContext& ctx, CommandQueue& out,
                                                 const char* title_key);
// Colours of a notice's left edge (info, warning, success).
ImVec4 info_colour();
ImVec4 warning_colour();
ImVec4 success_colour();
// A form label above its field, then the field's width for the next item.
void field_label(const std::string& text, float width_fraction = 1.0f);
// The localised name of a form field or attestation ("legal_name" → "Legal name of the organisation").
std::string field_name(const ViewContext& ctx, const std::string& field);
// The errors of a failed result that belong to `field` (params.field / params.attestation, or the
// params.errors list of the registration form), drawn in the error colour below the field.
void draw_field_errors(const ViewContext& ctx, const std::string& tag, const std::string& field);
// The message of one error object ({code, field, …}) with the field's localised name filled in.
std::string error_message(const ViewContext& ctx, const std::string& code, const nlohmann::json& params);
// The localised status name ("Approved" / "Genehmigt").
std::string status_name(const ViewContext& ctx, sim::PortalStatus status);
// "Tue 4 Mar 2025" / "Di., 4. März 2025" in the scenario's local time.
std::string local_date(const ViewContext& ctx, sim::SimTime t);
// Spinner while pending; on failure the error (or, when `summary_key` is set and the errors are
// shown at their fields, that summary) in the error colour. Returns the status.
ActionStatus draw_submit_status(const ViewContext& ctx, const std::string& tag,
                                const char* summary_key = nullptr);
// The body of the "no access" page (C5), also shown on the status page for a person without the licence.
void draw_no_access_body(const ViewContext& ctx, CommandQueue& out);
// A country combo box (the sandbox's short list of countries); `id` is the stable "###…" id.
void country_combo(const ViewContext& ctx, const char* id, std::string& value);
// Shown when nobody is signed in: the explanation and the Register / Sign in buttons.
void draw_signed_out_body(const ViewContext& ctx, CommandQueue& out);

}  // namespace app::portal
