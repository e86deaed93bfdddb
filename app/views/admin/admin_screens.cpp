// app/views/admin/admin_screens.cpp — the admin center's one table: its screens for the registry
// (draw function, fake address of the real admin center, prepare hook that opens a pane or picks a
// product) and the left navigation (entries, order, indent, greyed "later" entries, which entry a
// screen lights up). Adding a screen: the recipe in docs/architecture.md.
#include "app/ui/icons.hpp"
#include "app/ui/screens.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/billing.hpp"
#include "sim/licences.hpp"

namespace app {

namespace admin {

// The pages, one per view file (admin_users.cpp draws three screens).
void draw_home(const ViewContext& ctx, CommandQueue& out);
void draw_users(const ViewContext& ctx, CommandQueue& out);         // admin.users
void draw_users_add(const ViewContext& ctx, CommandQueue& out);     // admin.users.add: wizard pane open
void draw_users_detail(const ViewContext& ctx, CommandQueue& out);  // admin.users.detail: user pane open
void draw_purchase(const ViewContext& ctx, CommandQueue& out);
void draw_products(const ViewContext& ctx, CommandQueue& out);
void draw_invoices(const ViewContext& ctx, CommandQueue& out);
void draw_billing_accounts(const ViewContext& ctx, CommandQueue& out);
void draw_licences(const ViewContext& ctx, CommandQueue& out);
void draw_domains(const ViewContext& ctx, CommandQueue& out);    // admin.settings.domains (+ .add, .detail)
void draw_groups(const ViewContext& ctx, CommandQueue& out);     // admin.groups.active (+ .add_list, .list)
void draw_org_teams(const ViewContext& ctx, CommandQueue& out);  // admin.settings.org_teams (guest access)
// admin.settings.security_defaults (app/views/admin/admin_security_defaults.cpp)
void draw_security_defaults(const ViewContext& ctx, CommandQueue& out);
void prepare_security_defaults(const sim::Simulation*, UiState&, ViewState& state);
// admin.groups.shared_mailboxes (+ .add)
void draw_shared_mailboxes(const ViewContext& ctx, CommandQueue& out);
// admin.roles (+ .detail, .add): Roles > Role assignments
void draw_role_assignments(const ViewContext& ctx, CommandQueue& out);
// Reports > Usage (+ .active: View more) and Settings > Org settings' Services (+ the Reports pane)
// (app/views/admin/admin_reports_usage.cpp, admin_org_reports.cpp)
void draw_reports_usage(const ViewContext& ctx, CommandQueue& out);
void draw_reports_usage_active(const ViewContext& ctx, CommandQueue& out);
void draw_org_settings(const ViewContext& ctx, CommandQueue& out);
void draw_org_reports(const ViewContext& ctx, CommandQueue& out);
void draw_support(const ViewContext& ctx, CommandQueue& out);           // admin.support (Help & support)
void draw_support_requests(const ViewContext& ctx, CommandQueue& out);  // admin.support.requests
void prepare_org_reports(const sim::Simulation*, UiState&, ViewState& state);

namespace {

// The first usable person who is not the signed-in admin (else the admin), for the user pane.
std::string some_user(const sim::Simulation* sim, const UiState& ui) {
    if (!sim) return {};
    std::string fallback;
    for (const sim::Person& p : sim->world().people) {
        if (p.deleted) continue;
        if (p.upn != ui.work_account) return p.upn;
        if (fallback.empty()) fallback = p.upn;
    }
    return fallback;
}

void prepare_users(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.users_pane = UsersPane::None;
}

void prepare_add(const sim::Simulation*, UiState&, ViewState& state) {
    reset_add_user(state.admin);
}

void prepare_detail(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    open_user_pane(state.admin, some_user(sim, ui));
    state.admin.pane_tab =
        UserPaneTab::Licences;  // "Licenses and apps": where the journey's licence is assigned
}

// The Account tab with "Manage username and email" open on the user's current name.
void prepare_detail_username(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    const std::string upn = some_user(sim, ui);
    open_user_pane(state.admin, upn);
    state.admin.pane_tab = UserPaneTab::Account;
    state.admin.username_edit = true;
    state.admin.new_username = upn.substr(0, upn.find('@'));
    state.admin.new_user_domain = upn.find('@') == std::string::npos ? "" : upn.substr(upn.find('@') + 1);
}

void prepare_purchase(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.purchase_stage = PurchaseStage::Catalog;
}

void prepare_licences(const sim::Simulation* sim, UiState&, ViewState& state) {
    state.admin.licences_sku.clear();
    state.admin.assign_open = false;
    (void)sim;
}

void prepare_products(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.product_pane_sub.clear();
}

void prepare_domains(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.domain_pane.clear();
    state.admin.domain_wizard_open = false;
}

void prepare_domain_add(const sim::Simulation* sim, UiState&, ViewState& state) {
    state.admin.domain_pane.clear();
    if (sim) open_domain_wizard(state.admin, sim->world(), "");
}

// The details pane of the first domain the association added (else the onmicrosoft.com one).
void prepare_domain_detail(const sim::Simulation* sim, UiState&, ViewState& state) {
    state.admin.domain_wizard_open = false;
    state.admin.domain_pane.clear();
    if (!sim) return;
    const sim::World& w = sim->world();
    state.admin.domain_pane =
        w.domains.domains.empty() ? w.tenant.initial_domain : w.domains.domains.front().name;
}

// The wizard on the scenario's first domain at a given step (screenshots, the README).
void prepare_domain_step(const sim::Simulation* sim, ViewState& state, DomainStep step) {
    state.admin.domain_pane.clear();
    if (!sim) return;
    const sim::World& w = sim->world();
    open_domain_wizard(state.admin, w, w.domains.domains.empty() ? "" : w.domains.domains.front().name);
    if (!w.domains.domains.empty()) state.admin.domain_wizard.step = step;
}

void prepare_domain_verify(const sim::Simulation* sim, UiState&, ViewState& state) {
    prepare_domain_step(sim, state, DomainStep::Verify);
}

void prepare_domain_records(const sim::Simulation* sim, UiState&, ViewState& state) {
    prepare_domain_step(sim, state, DomainStep::Records);
}

void prepare_groups(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.groups_tab = 1;
    state.admin.dl_add_open = false;
    state.admin.dl_pane.clear();
}

void prepare_groups_add(const sim::Simulation*, UiState&, ViewState& state) {
    open_list_add_pane(state.admin);
}

// The pane of the first distribution list (none: the list alone).
void prepare_groups_list(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    prepare_groups(sim, ui, state);
    if (sim && !sim->world().domains.distribution_lists.empty())
        open_list_pane(state.admin, sim->world(), sim->world().domains.distribution_lists.front().address);
}

// The Microsoft 365 tab with the first team's pane (none: the list alone).
void prepare_groups_team(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    prepare_groups(sim, ui, state);
    state.admin.groups_tab = 0;
    state.admin.team_pane =
        sim && !sim->world().teams.teams.empty() ? sim->world().teams.teams.front().id : "";
}

void prepare_org_teams(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.org_guest_loaded = false;
}

void prepare_shared(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.shared_pane_open = false;
    state.admin.shared_detail.clear();
}

void prepare_shared_add(const sim::Simulation*, UiState&, ViewState& state) {
    open_shared_pane(state.admin);
}

// Roles > Role assignments: the list; a role's pane on its Assigned tab (Global Administrator); the
// Add users picker of User Administrator.
void prepare_roles(const sim::Simulation*, UiState&, ViewState& state) {
    state.admin.roles_tab = 0;
    state.admin.role_pane.clear();
    state.admin.role_adding = false;
}

void prepare_role_pane(ViewState& state, const char* role, bool adding) {
    AdminViewState& a = state.admin;
    a.roles_tab = 0;
    a.role_pane = role;
    a.role_pane_tab = 1;
    a.role_adding = adding;
    a.role_search.clear();
    a.role_pick.clear();
    a.role_added.clear();
}

void prepare_roles_detail(const sim::Simulation*, UiState&, ViewState& state) {
    prepare_role_pane(state, "global_admin", false);
}

void prepare_roles_add(const sim::Simulation*, UiState&, ViewState& state) {
    prepare_role_pane(state, "user_admin", true);
}

// The real entries and order of the admin center's navigation (domain.md §4.1), with the screens.
// A row without a nav label key names the entry its screen lights up.
// clang-format off
constexpr AdminScreen kAdminTable[] = {
    // {screen, nav label key, nav id, nav indent, greyed,
    //  draw function, fake address, prepare hook, icon of a top-level entry}
    {"admin.home",                      "admin.nav.home",              "nav_home",          0, false,
     &draw_home,         "admin.example/home",                 nullptr,            icons::kHome},
    {nullptr,                           "admin.nav.users",             "nav_users_group",   0, false,
     nullptr,            nullptr,                              nullptr,            icons::kPerson},
    {"admin.users",                     "admin.nav.active_users",      "nav_active_users",  1, false,
     &draw_users,        "admin.example/users/active",         &prepare_users},
    {"admin.users.add",                 nullptr,                       "nav_active_users",  1, false,
     &draw_users_add,    "admin.example/users/active/add",     &prepare_add},
    {"admin.users.detail",              nullptr,                       "nav_active_users",  1, false,
     &draw_users_detail, "admin.example/users/active/details", &prepare_detail},
    {"admin.users.detail.username",     nullptr,                       "nav_active_users",  1, false,
     &draw_users_detail, "admin.example/users/active/details/username", &prepare_detail_username},
    {nullptr,                           "admin.nav.teams_groups",      "nav_teams_group",   0, false,
     nullptr,            nullptr,                              nullptr,            icons::kGroups},
    {"admin.groups.active",             "admin.nav.active_groups",     "nav_active_groups", 1, false,
     &draw_groups,       "admin.example/groups/active",        &prepare_groups},
    {"admin.groups.active.add_list",    nullptr,                       "nav_active_groups", 1, false,
     &draw_groups,       "admin.example/groups/active/add-distribution-list", &prepare_groups_add},
    {"admin.groups.active.list",        nullptr,                       "nav_active_groups", 1, false,
     &draw_groups,       "admin.example/groups/active/details", &prepare_groups_list},
    {"admin.groups.active.team",        nullptr,                       "nav_active_groups", 1, false,
     &draw_groups,       "admin.example/groups/active/team",   &prepare_groups_team},
    {"admin.groups.shared_mailboxes",   "admin.nav.shared_mailboxes",  "nav_shared_mailboxes", 1, false,
     &draw_shared_mailboxes, "admin.example/groups/shared-mailboxes", &prepare_shared},
    {"admin.groups.shared_mailboxes.add", nullptr,                     "nav_shared_mailboxes", 1, false,
     &draw_shared_mailboxes, "admin.example/groups/shared-mailboxes/add", &prepare_shared_add},
    {nullptr,                           "admin.nav.billing",           "nav_billing_group", 0, false,
     nullptr,            nullptr,                              nullptr,            icons::kCreditCard},
    {"admin.billing.purchase",          "admin.nav.purchase_services", "nav_purchase",      1, false,
     &draw_purchase,     "admin.example/billing/catalog",      &prepare_purchase},
    // The portal's Microsoft 365 offer leads here (assets/catalog: "admin.billing.purchase_services").
    {"admin.billing.purchase_services", nullptr,                       "nav_purchase",      1, false,
     &draw_purchase,     "admin.example/billing/catalog",      &prepare_purchase},
    {"admin.billing.products",          "admin.nav.your_products",     "nav_products",      1, false,
     &draw_products,     "admin.example/billing/products",     &prepare_products},
    {"admin.billing.licenses",          "admin.nav.licenses",          "nav_licenses",      1, false,
     &draw_licences,     "admin.example/billing/licenses",     &prepare_licences},
    {"admin.billing.invoices",          "admin.nav.bills",             "nav_bills",         1, false,
     &draw_invoices,     "admin.example/billing/bills",        nullptr},
    {"admin.billing.accounts",          "admin.nav.billing_accounts",  "nav_billing_accounts", 1, false,
     &draw_billing_accounts, "admin.example/billing/accounts",  nullptr},
    {nullptr,                           "admin.nav.roles",             "nav_roles",         0, false,
     nullptr,            nullptr,                              nullptr,            icons::kBadge},
    {"admin.roles",                     "admin.nav.role_assignments",  "nav_role_assignments", 1, false,
     &draw_role_assignments, "admin.example/roles/assignments", &prepare_roles},
    {"admin.roles.detail",              nullptr,                       "nav_role_assignments", 1, false,
     &draw_role_assignments, "admin.example/roles/assignments/details", &prepare_roles_detail},
    {"admin.roles.add",                 nullptr,                       "nav_role_assignments", 1, false,
     &draw_role_assignments, "admin.example/roles/assignments/add-users", &prepare_roles_add},
    {nullptr,                           "admin.nav.settings",          "nav_settings_group", 0, false,
     nullptr,            nullptr,                              nullptr,            icons::kSettings},
    {"admin.settings.domains",          "admin.nav.domains",           "nav_domains",       1, false,
     &draw_domains,      "admin.example/settings/domains",     &prepare_domains},
    {"admin.settings.domains.add",      nullptr,                       "nav_domains",       1, false,
     &draw_domains,      "admin.example/settings/domains/add", &prepare_domain_add},
    {"admin.settings.domains.detail",   nullptr,                       "nav_domains",       1, false,
     &draw_domains,      "admin.example/settings/domains/details", &prepare_domain_detail},
    {"admin.settings.domains.verify",   nullptr,                       "nav_domains",       1, false,
     &draw_domains,      "admin.example/settings/domains/add", &prepare_domain_verify},
    {"admin.settings.domains.records",  nullptr,                       "nav_domains",       1, false,
     &draw_domains,      "admin.example/settings/domains/add", &prepare_domain_records},
    {"admin.settings.org_settings",     "admin.nav.org_settings",      "nav_org_settings",  1, false,
     &draw_org_settings, "admin.example/settings/org-settings/services", nullptr},
    {"admin.settings.org_reports",      nullptr,                       "nav_org_settings",  1, false,
     &draw_org_reports,  "admin.example/settings/org-settings/services/reports", &prepare_org_reports},
    {"admin.settings.org_teams",        nullptr,                       "nav_org_settings",  1, false,
     &draw_org_teams,    "admin.example/settings/org-settings/teams", &prepare_org_teams},
    {"admin.settings.security_defaults", "admin.sd.nav",              "nav_security_defaults", 1, false,
     &draw_security_defaults, "admin.example/settings/security-defaults", &prepare_security_defaults},
    {nullptr,                           "admin.nav.reports",           "nav_reports_group", 0, false,
     nullptr,            nullptr,                              nullptr,            icons::kBarChart},
    {"admin.reports.usage",             "admin.nav.usage",             "nav_reports_usage", 1, false,
     &draw_reports_usage, "admin.example/reports/usage",       nullptr},
    {"admin.reports.usage.active",      nullptr,                       "nav_reports_usage", 1, false,
     &draw_reports_usage_active, "admin.example/reports/usage/active-users", nullptr},
    {"admin.support",                   "admin.nav.support",           "nav_support",       0, false,
     &draw_support,      "admin.example/support/new",          nullptr,            icons::kHeadsetMic},
    {"admin.support.requests",          nullptr,                       "nav_support",       0, false,
     &draw_support_requests, "admin.example/support/requests",  nullptr},
};
// clang-format on

}  // namespace

const std::vector<AdminScreen>& admin_table() {
    static const std::vector<AdminScreen> kTable(std::begin(kAdminTable), std::end(kAdminTable));
    return kTable;
}

}  // namespace admin

std::vector<ScreenSpec> admin_screens() {
    std::vector<ScreenSpec> out;
    for (const admin::AdminScreen& row : admin::admin_table())
        if (row.screen != nullptr) out.push_back({row.screen, nullptr, row.draw, row.url, row.prepare});
    return out;
}

}  // namespace app
