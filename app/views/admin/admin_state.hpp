// app/views/admin/admin_state.hpp — UI-only state of the admin center's filters, selections, panes and
// wizards.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace app {

// Active users: the filtered and sorted rows (indices into World::people), rebuilt only when the
// world or the filter/sort/search changed — never per frame.
struct AdminUsersIndex {
    std::size_t journal_size = static_cast<std::size_t>(-1);  // cheap "world changed" key
    std::size_t people = 0;
    std::uint64_t next_id = 0;
    int filter = -1;
    int sort_column = -1;
    bool ascending = true;
    std::string search;
    std::vector<std::size_t> rows;
    // The longest display name and username among the rows (in bytes), to size their columns.
    std::string widest_name, widest_upn;
};

// Which pane admin.users shows beside the list.
enum class UsersPane { None, ManageLicences, Delete };
// The tabs of the user pane (admin.users.detail), in their order on screen.
enum class UserPaneTab { Account, Licences, Roles };
// Billing > Purchase services: catalog → product details → checkout → confirmation.
enum class PurchaseStage { Catalog, Details, Checkout, Confirmation };
// Billing > Your products: what the quantity pane of a subscription does.
enum class ProductPaneMode { Buy, Remove };

// The add-user wizard (Users > Active users > Add a user), four steps.
enum class AddUserStep { Basics, Licences, Optional, Finish };
struct AdminAddUserForm {
    AddUserStep step = AddUserStep::Basics;
    std::string first_name, last_name, display_name, username;
    bool display_name_edited = false;
    bool own_password = false;
    std::string password;  // cleared as soon as the wizard submits or closes; never stored elsewhere
    bool require_change = true;
    bool send_password_mail = false;
    std::string usage_location;
    std::set<std::string> licences;  // SKUs ticked
    bool admin_access = false;
    std::set<std::string> roles;  // "global_admin", …
    std::string kind = "paid_staff";
    bool submitted = false;
    std::string domain;  // picked in the domain drop-down; "" = the suggested (default) domain
};

// Settings > Domains: the Add domain wizard (domain-admin.md §5.1): enter the name → how to verify →
// the record to add and Verify → how to connect → the DNS records → done.
enum class DomainStep { Name, Method, Verify, Connect, Records, Done };
struct AdminDomainWizard {
    DomainStep step = DomainStep::Name;
    std::string typed;           // the name as typed on the first step
    std::string domain;          // the domain the wizard works on (added, or "Continue setup")
    std::string method = "txt";  // "txt" | "mx" | "file"
    std::string mode = "self";   // "self" | "skip"
    bool awaiting = false;       // an action of the wizard is in flight; its success moves to `next`
    DomainStep next = DomainStep::Name;
    bool verify_failed = false;  // "Verify" reads "Try again" after a failed check
};

// The admin center's left navigation: wide with labels, or an icon strip. Auto: an icon strip when
// the admin center is narrow (admin_common.cpp), else wide; the collapse button picks one for good.
enum class AdminNavMode { Auto, Expanded, Collapsed };

struct AdminViewState {
    // The frame: the left navigation's mode and the header's search box (Enter: Active users, filtered).
    AdminNavMode nav_mode = AdminNavMode::Auto;
    std::string header_search;

    // Users > Active users
    int user_filter = 0;  // sim::UserFilter
    std::string user_search;
    std::set<std::string> selected_users;  // sign-in names
    AdminUsersIndex users_index;
    UsersPane users_pane = UsersPane::None;  // on admin.users
    std::string bulk_sku;                    // product picked in "Manage product licenses"

    // The user pane (admin.users.detail)
    std::string pane_user;
    UserPaneTab pane_tab = UserPaneTab::Account;
    std::string ticks_for;  // whose licences the ticks below were read from
    std::map<std::string, bool> licence_ticks;
    std::set<std::string> role_ticks;
    std::string edit_location;
    bool confirm_delete = false;
    // Manage username and email (Account tab): open, and the new name part and domain being typed.
    bool username_edit = false;
    std::string new_username, new_user_domain;
    std::string username_for;  // whose name the last change was for (its result shows only in their pane)
    // Reset password (Account tab): the form, the own password being typed (cleared once sent or closed),
    // and whose reset the shown result belongs to (the temporary password shows once, in their pane).
    bool reset_open = false, reset_own = false, reset_require = true;
    std::string reset_password, reset_for;

    AdminAddUserForm add;
    bool actions_reset_pending = false;  // the wizard forgets its last result when next drawn

    // Billing > Purchase services
    PurchaseStage purchase_stage = PurchaseStage::Catalog;
    std::string purchase_sku;
    std::string purchase_search;
    int quantity = 1;
    std::string term = "P1M";
    std::string frequency = "monthly";
    std::string payment_method;  // id; empty = the first one
    bool adding_card = false;
    std::string card_last4;
    std::string confirmed_subscription;

    // Billing > Your products
    std::string product_pane_sub;  // subscription whose Buy/Remove licences pane is open
    ProductPaneMode product_pane_mode = ProductPaneMode::Buy;
    int new_quantity = 0;

    // Billing > Licenses
    std::string licences_sku;  // product opened; empty = the list of products
    bool assign_open = false;
    std::string assign_search;
    std::vector<std::string> assign_pick;  // up to 20 sign-in names, in the order picked
    std::set<std::string> holder_ticks;    // holders ticked for "Unassign licenses"

    // Settings > Domains
    std::string domain_pane;  // the domain whose details pane is open ("" = none)
    bool domain_wizard_open = false;
    AdminDomainWizard domain_wizard;
    bool confirm_remove_domain = false;

    // Teams & groups > Shared mailboxes: the Add a shared mailbox pane
    bool shared_pane_open = false;
    std::string shared_name, shared_user, shared_domain;  // display name, address's name part and domain
    bool shared_user_edited = false;                      // the name part no longer follows the display name
    bool shared_submitted = false;
    // Shared mailbox details pane (C31): mailbox shown, member form; the user pane's convert step (C24)
    std::string shared_detail;  // address, "" = closed
    std::string perm_user, perm_rights = "full_access";
    bool confirm_convert = false;

    // Teams & groups > Active teams & groups: the tab (0 Microsoft 365, 1 Distribution list, 2 Security),
    // the Add a distribution list pane, and the pane of one list (its address; "" = none)
    int groups_tab = 1;
    bool dl_add_open = false;
    std::string dl_name, dl_user, dl_domain;
    bool dl_user_edited = false;
    std::set<std::string> dl_members;  // sign-in names ticked
    bool dl_allow_external = false;
    bool dl_submitted = false;
    std::string dl_pane;
    bool dl_pane_external = false;  // the pane's tick, saved with set_list_external
    bool dl_pane_submitted = false;
    std::string team_pane;  // the Microsoft 365 tab: the id of the team whose pane is open ("" = none)
    // Settings > Org settings > Microsoft Teams: the guest access tick (set from the world when opened)
    bool org_guest_access = true;
    bool org_guest_loaded = false;
    // Settings > Org settings > Services > Reports: the concealed-names tick (set from the world when opened)
    bool org_concealed_names = true;
    bool org_concealed_loaded = false;
    // Reports > Usage: the period picked (7, 30, 90 or 180 days)
    int usage_days = 30;

    // Roles > Role assignments: the page's tab (0 Microsoft Entra ID, 1 Exchange, 2 Billing), the role whose
    // pane is open ("global_admin", "" = none), the pane's tab (0 General, 1 Assigned), the Add users picker
    // (open, search, people ticked) and whose roles.assign was sent last (their status lines).
    int roles_tab = 0;
    std::string role_pane;
    int role_pane_tab = 0;
    bool role_adding = false;
    std::string role_search;
    std::set<std::string> role_pick;
    std::vector<std::string> role_added;
};

}  // namespace app
