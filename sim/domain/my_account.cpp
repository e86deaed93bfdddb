// sim/my_account.cpp — "Office apps & devices": desktop install only with an effective licence that
// includes the desktop apps; otherwise the real message of the support case C1.
#include "sim/my_account.hpp"

namespace sim {

OfficeAppsView office_apps_view(const World& w, std::string_view upn) {
    OfficeAppsView v;
    const Person* p = w.find_person(upn);
    if (p == nullptr || p->deleted || p->sign_in_blocked) {
        v.message_key = "myaccount.cannot_sign_in";
        return v;
    }
    v.signed_in = true;
    for (const auto& l : p->licences) {
        const Product* prod = w.catalog.find(l.sku);
        if (prod == nullptr) continue;
        if (l.state != LicenceState::Active) {
            if (prod->desktop_apps) v.licence_pending = true;
            continue;
        }
        // A Disabled subscription's licence no longer works: "Unlicensed Product" (C21,
        // sim/subscriptions.hpp).
        if (!licence_works(w, l)) {
            v.subscription_disabled = true;
            continue;
        }
        // Users > user > "Apps und Dienste": the Office apps switched off in this licence (sim/teams.hpp).
        if (!service_enabled(w, p->upn, l.sku, "office")) continue;
        if (prod->desktop_apps) v.skus_with_desktop_apps.push_back(l.sku);
        if (prod->web_apps || prod->desktop_apps) v.web_apps = true;
    }
    v.desktop_install = !v.skus_with_desktop_apps.empty();
    if (!v.desktop_install)
        v.message_key =
            v.subscription_disabled ? "myaccount.subscription_disabled" : "myaccount.no_office_licence";
    return v;
}

}  // namespace sim
