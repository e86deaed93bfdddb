// app/views/portal/portal_state.hpp — UI-only state of the nonprofit portal's forms and selections.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <cstdint>
#include <string>

namespace app {

struct PortalViewState {
    // Sign in (portal.home).
    std::string sign_in_upn;
    std::uint64_t sign_in_consumed = 0;  // handle of the sign-in result already acted on

    // Create the work account and tenant (portal.register). The password is cleared after submit.
    std::string reg_tenant, reg_first_name, reg_last_name, reg_username, reg_country = "DE", reg_password;
    std::uint64_t register_consumed = 0;  // handle of the register result already acted on (sign-in once)

    // The registration form (portal.registration); filled from the world once (and again on "fix and
    // re-apply").
    bool form_prefilled = false;
    std::string legal_name, country, registration_id, address, website, phone, org_type, mission;
    std::string contact_first_name, contact_last_name, contact_email, contact_phone;
    std::string relationship = "employee";  // "employee" | "volunteer" | "it_provider"
    std::string proof_document;
    bool attest_eligibility = false, accept_non_discrimination = false, accept_terms = false;
    std::uint64_t submit_consumed = 0;  // handle of the submit result already acted on

    // Information requested / re-verification (portal.status).
    std::string answer_registration_id, answer_proof_document;
    bool answer_prefilled = false;

    // Offers (portal.offers): the offer whose button was clicked last, and the result acted on.
    std::string offer_clicked;
    std::uint64_t offer_consumed = 0;
    bool offer_not_simulated = false;  // the target page is not part of the sandbox
};

}  // namespace app
