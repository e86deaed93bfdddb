// app/views/portal/support_state.hpp — UI-only state of the support forms: the portal's Contact Us, the
// admin center's Help & support (New service request / View service requests) and the instructor console's
// reply box. Never part of the simulated world; changes go through commands (sim/ops.hpp support.*).
#pragma once

#include <string>

namespace app {

struct SupportViewState {
    // Portal > Contact Us.
    std::string portal_topic = "verification", portal_title, portal_text;
    // Admin center > Support > New service request.
    std::string admin_topic = "offers", admin_title, admin_text;
    // Instructor console: the request answered, the reply's text and effect.
    std::string reply_request, reply_text, reply_effect;
};

}  // namespace app
