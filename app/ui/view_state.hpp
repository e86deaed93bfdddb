// app/ui/view_state.hpp — UI-only state the views may change directly (form buffers, filters,
// selections, open panes), one struct per surface, plus the actions views are waiting for.
#pragma once

#include <map>
#include <string>

#include "app/views/account/account_state.hpp"
#include "app/views/admin/admin_state.hpp"
#include "app/views/dns/dns_state.hpp"
#include "app/views/instructor/instructor_state.hpp"
#include "app/views/mail/mail_state.hpp"
#include "app/views/portal/portal_state.hpp"
#include "app/views/portal/support_state.hpp"
#include "app/views/replay/replay_state.hpp"
#include "app/views/scenario/scenario_state.hpp"
#include "app/views/signin/recovery_state.hpp"
#include "app/views/signin/signin_state.hpp"
#include "app/views/teams/teams_state.hpp"
#include "sim/action.hpp"

namespace app {

struct ViewState {
    // The last action submitted under a tag (SubmitAction::tag) → its handle, so the view that asked
    // can show a spinner while it is pending and its result when it arrives.
    std::map<std::string, sim::ActionHandle> actions;

    PortalViewState portal;
    AdminViewState admin;
    AccountViewState account;
    MailViewState mail;
    DnsViewState dns;
    ScenarioViewState scenario;
    InstructorViewState instructor;  // the instructor console window (kept across scenario restarts)
    ReplayViewState replay;          // the session viewer, observations, snapshots (partly Shell-written)
    SigninViewState signin;          // the sign-in page and the phone beside it
    TeamsViewState teams;            // the Teams surface (app/views/teams)
    RecoveryViewState recovery;      // "Request administrator access" (app/views/signin/recovery.cpp)
    SupportViewState support;        // Contact Us, Help & support, the instructor's reply (support.*)
};

}  // namespace app
