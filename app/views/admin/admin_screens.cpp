// app/views/admin/admin_screens.cpp — the admin center's screens for the registry, with the fake
// addresses of the real admin center and prepare hooks that open a pane or pick a product.
#include "app/ui/screens.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/billing.hpp"
#include "sim/licences.hpp"

namespace app {

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
    admin::reset_add_user(state.admin);
}

void prepare_detail(const sim::Simulation* sim, UiState& ui, ViewState& state) {
    admin::open_user_pane(state.admin, some_user(sim, ui));
    state.admin.pane_tab =
        UserPaneTab::Licences;  // "Licenses and apps": where the journey's licence is assigned
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

}  // namespace

std::vector<ScreenSpec> admin_screens() {
    return {
        {"admin.home", nullptr, &admin::draw_home, "admin.example/home", nullptr},
        {"admin.users", nullptr, &admin::draw_users, "admin.example/users/active", &prepare_users},
        {"admin.users.add", nullptr, &admin::draw_users_add, "admin.example/users/active/add", &prepare_add},
        {"admin.users.detail", nullptr, &admin::draw_users_detail, "admin.example/users/active/details",
         &prepare_detail},
        {"admin.billing.purchase", nullptr, &admin::draw_purchase, "admin.example/billing/catalog",
         &prepare_purchase},
        // The portal's Microsoft 365 offer leads here (assets/catalog: target
        // "admin.billing.purchase_services").
        {"admin.billing.purchase_services", nullptr, &admin::draw_purchase, "admin.example/billing/catalog",
         &prepare_purchase},
        {"admin.billing.products", nullptr, &admin::draw_products, "admin.example/billing/products",
         &prepare_products},
        {"admin.billing.licenses", nullptr, &admin::draw_licences, "admin.example/billing/licenses",
         &prepare_licences},
    };
}

}  // namespace app
