// app/views/admin/admin_views.hpp — the admin center's panes and their helpers (internal to the
// surface).
#pragma once

#include "app/views/admin/admin_state.hpp"
#include "app/views/view_context.hpp"
#include "sim/domains.hpp"
#include "sim/world.hpp"

namespace app::admin {

// The pages themselves are declared next to their rows in admin_screens.cpp.

// Panes of Active users; each returns true when it wants to close.
bool draw_add_user_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width);
bool draw_user_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor, float width);

// Starting a fresh wizard / opening a user's pane (UI-only state).
void reset_add_user(AdminViewState& s);
void open_user_pane(AdminViewState& s, const std::string& upn);

// Settings > Domains: the Add domain wizard (admin_domain_add.cpp) opened fresh ("" ) or on a domain's
// next step (Continue setup); its pane returns true when it wants to close. Its actions use this tag.
inline constexpr const char* kDomainWizardTag = "admin.domains.wizard";
void open_domain_wizard(AdminViewState& s, const sim::World& w, const std::string& domain);
bool draw_domain_wizard_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                             float width);
// The records Microsoft expects for `domain` against what it finds (a ✓ or a red "!" each), and the
// problems in words below (admin_domains.cpp).
void domain_records_table(const ViewContext& ctx, const sim::World& w, const std::string& domain);
std::string health_issue_text(const ViewContext& ctx, const sim::World& w, const std::string& domain,
                              const sim::HealthIssue& i);

// Teams & groups > Shared mailboxes: opens the "Add a shared mailbox" pane fresh.
void open_shared_pane(AdminViewState& s);
// Teams & groups > Active teams & groups: the "Add a distribution list" pane fresh, or one list's pane.
void open_list_add_pane(AdminViewState& s);
void open_list_pane(AdminViewState& s, const sim::World& w, const std::string& address);

// Rebuilds the Active users index when the world, filter, search or sort changed; true if rebuilt.
bool refresh_users_index(const sim::Simulation& sim, AdminViewState& s, int sort_column, bool ascending);

}  // namespace app::admin
