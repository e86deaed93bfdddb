// app/views/admin/admin_common.hpp — the admin center's frame and shared pieces: the left
// navigation tree, breadcrumb, command bar, side panes (flyouts), and formatting helpers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/views/view_context.hpp"
#include "sim/world.hpp"

namespace app::admin {

// One row of the admin center's table (admin_screens.cpp): a screen of the registry, its left-nav
// entry, or both. The rows' order is the order of the registry and of the left navigation.
struct AdminScreen {
    const char* screen;   // the registry name; null: a nav-only row (group heading, greyed entry)
    const char* nav_key;  // the label key of the row's own nav entry; null: the row has none
    // The nav entry's id ("###<id>"). With nav_key: the entry this row adds; without: the entry
    // that lights up while the screen is shown (e.g. "admin.users.add" lights "nav_active_users").
    const char* nav_id;
    int indent;  // nav depth: 0 top level, 1 under a group heading
    bool later;  // a greyed "later" nav entry
    void (*draw)(const ViewContext& ctx, CommandQueue& out);  // null for nav-only rows
    const char* url;                                          // fake address shown in the address line
    void (*prepare)(const sim::Simulation* sim, UiState& ui, ViewState& state);  // may be null
    const char* icon = nullptr;  // a top-level nav entry's icon (app/ui/icons.hpp)
};

// The table, in order (admin_screens.cpp).
const std::vector<AdminScreen>& admin_table();

// The roles an admin can tick (add-user wizard, user pane), as the world names them (the common roles of
// Roles > Role assignments, domain-admin.md §3.4).
inline constexpr const char* kRoles[] = {"global_admin",   "billing_admin", "license_admin",    "user_admin",
                                         "exchange_admin", "teams_admin",   "domain_name_admin"};

// The text of `key` in the current language.
const std::string& tr(const ViewContext& ctx, std::string_view key);
// "<text>###<id>": a label whose id does not depend on the language.
std::string label(const ViewContext& ctx, std::string_view key, const std::string& id);

struct Crumb {
    std::string text;
    const char* screen = nullptr;  // null: the current page (not a link)
};

// Draws the admin center's frame — the header bar (title, search, the signed-in person's initials) and
// the left navigation (wide with icons, or an icon strip; the entry of the current screen lit as
// admin_table() says) — and opens the page region with its breadcrumb. `pane_open`: the page will
// draw a side pane (begin_flyout), so everything else on it is disabled under the pane's backdrop.
// Returns the signed-in actor, or nullptr after drawing a friendly hint (no scenario, no tenant,
// nobody signed in). Always call end_page() afterwards.
const sim::Person* begin_page(const ViewContext& ctx, CommandQueue& out, const std::vector<Crumb>& crumbs,
                              bool pane_open = false);
void end_page();

void heading(const std::string& text);
void subheading(const std::string& text);
void muted(const std::string& text);
void error_banner(const std::string& text);  // a red strip above a list or inside a pane
// A failed result's message as a red strip, with the link to Roles > Role assignments under a role error.
void error_banner(const ViewContext& ctx, const sim::ActionResult& r);
void info_banner(const std::string& text);  // an amber strip (account under review, …)

// A frameless command-bar button; `first` starts a new row, later ones sit on the same line.
bool command(const ViewContext& ctx, std::string_view key, const std::string& id, bool enabled = true,
             bool first = false);

// Side panes: the width of a flyout, max(560 px scaled, 45 % of the window), leaving a strip of the
// page visible. Call inside the page region.
float flyout_width();
// Starts the pane over the right part of the page region, from its top to its bottom, with a shadow
// on its left edge, a dimmed backdrop over the rest of the page (disabled since begin_page(…, true):
// clicking it does nothing), its title and close button. Returns true when the trainee asked to close
// it (the button or Esc). Always call end_flyout(). The page must have been begun with pane_open.
bool begin_flyout(const ViewContext& ctx, const std::string& title, float width);
void end_flyout();

// A checkbox whose label wraps (long German labels): the box has the stable id, the text follows.
bool checkbox_wrapped(const std::string& text, const std::string& id, bool& value);

// A table cell's text, shortened with "…" when it is wider than the column (the full text in a
// tooltip on hover); `disabled` draws it greyed.
void cell_text(const std::string& text, bool disabled = false);
// A table cell's link-like selectable ("###<id>") whose text wraps at word boundaries.
bool cell_selectable(const std::string& text, const std::string& id, bool selected = false);
// `text` with line breaks so no line is wider than `width` pixels (words are never split).
std::string wrap_text(const std::string& text, float width);
// `text`, shortened with "…" to fit `width` pixels.
std::string fit_text(const std::string& text, float width);

// Sim time → "3 Apr 2025" / "3. April 2025", and "Tue 4 Mar, 10:30" for expected-by times.
std::string format_date(const ViewContext& ctx, sim::SimTime t);
std::string format_when(const ViewContext& ctx, sim::SimTime t);
// Money in integer cents → "$5.50" / "5,50 $".
std::string format_money(const ViewContext& ctx, std::int64_t cents, const std::string& currency);

std::string product_name(const ViewContext& ctx, std::string_view sku);
std::string country_name(const ViewContext& ctx, const std::string& code);
// The usage locations the wizards offer (ISO 3166 alpha-2).
const std::vector<std::string>& usage_locations();
// A combo of usage locations bound to `code` ("" = not set); returns true when changed.
bool usage_location_combo(const ViewContext& ctx, const char* id, std::string& code, bool allow_none);

// A new mailbox's address (shared mailbox, distribution list): the name part suggested from a display
// name (lower case, umlauts spelled out, other characters dropped), the domain picked among the
// tenant's verified domains (the default when `picked` is empty or gone), and the row that edits both:
// `label`, the name field "###<id>_user" (`edited` set when typed in), "@", the combo "###<id>_domain".
std::string address_name_from(const std::string& display_name);
std::string picked_domain(const std::string& picked, const sim::World& w);
void address_field(const std::string& label, const std::string& id, std::string& user, bool& edited,
                   std::string& picked, const sim::World& w);

// The licence state of `l`: "Active", or "Pending — expected by …".
std::string licence_state_text(const ViewContext& ctx, const sim::LicenceAssignment& l);

}  // namespace app::admin
