// sim/portal.hpp — the nonprofit portal: register / sign in, the registration form, verification,
// re-verification and the offers page (domain.md §1).
//
// Operations: portal.register, portal.sign_in, portal.submit_registration,
//   portal.answer_information_request, portal.reverify, portal.open_offer.
// Events: portal.verification_finished, portal.reverification_due (+ the start events
//   portal.verification_started, portal.reverification_scheduled).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/world.hpp"

namespace sim {

enum class PortalAccess {
    NoAccount,  // unknown or deleted sign-in name
    Blocked,    // sign-in blocked
    NoLicence,  // signed in, but no (active) Nonprofit Portal licence
    Reduced,    // licence but not Global Administrator (when the setting asks for both)
    Full        // licence (+ Global Administrator): status and offers
};
const char* to_string(PortalAccess a);  // "no_account", "blocked", "no_licence", "reduced", "full"

// What one person sees in the portal (a pure query).
struct PortalView {
    PortalAccess access = PortalAccess::NoAccount;
    bool status_visible = false;  // full view, or reduced view when the setting allows
    PortalStatus status = PortalStatus::None;
    std::vector<const Offer*> offers;  // only in the full view of an approved organisation
    std::string message_key;           // why nothing is shown, e.g. "portal.view.not_approved"
};
PortalView portal_view(const World& w, std::string_view upn);

// Decides a verification by the rules on the submitted data (ignoring forced outcomes):
// "approved", "info_requested" or "declined", and the reason code.
struct VerificationDecision {
    std::string outcome;
    std::string reason;  // e.g. "excluded_org_type", "missing_proof"; empty when approved
};
VerificationDecision decide_by_rules(const World& w);

// Organisation types the form accepts (an excluded one is accepted by the form and declined later).
const std::vector<std::string>& known_org_types();

}  // namespace sim
