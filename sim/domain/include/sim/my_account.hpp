// sim/my_account.hpp — the end user's "My Account" > "Office apps & devices" (domain.md §4.5, C1, C2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/world.hpp"

namespace sim {

struct OfficeAppsView {
    bool signed_in = false;        // the person exists, is not deleted and may sign in
    bool desktop_install = false;  // "Install Office": an active licence that includes the desktop apps
    bool web_apps = false;         // Office for the web (Business Basic and up)
    std::string message_key;       // shown instead of the install button; empty when desktop_install
    std::vector<std::string> skus_with_desktop_apps;  // the active licences that offer the install
    bool licence_pending = false;  // a desktop licence is assigned but not effective yet (C11)
    // A licence of a Disabled subscription: "Unlicensed Product" (C21).
    bool subscription_disabled = false;
};

// A pure query: what "Office apps & devices" shows to `upn` now.
OfficeAppsView office_apps_view(const World& w, std::string_view upn);

}  // namespace sim
