// sim/catalog.hpp — the product catalog: data from assets/catalog/<edition>.json, never code.
//
// An edition is one state of Microsoft's nonprofit programme ("before-2025-07", "from-2025-07").
// It lists the nonprofit products and the portal's offer cards, and may include other files (the
// commercial catalog that non-approved tenants see). A scenario picks an edition and may override
// products: {"<sku>": {…fields…}} merges into (or adds) a product, {"<sku>": null} removes it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sim {

struct LocalName {
    std::string en, de;
    const std::string& in(std::string_view lang) const { return (lang == "de" && !de.empty()) ? de : en; }
};

struct Product {
    std::string sku;                     // skuPartNumber, e.g. "NONPROFIT_PORTAL"
    LocalName name;                      // display name in the admin center
    std::string audience = "nonprofit";  // "nonprofit" (approved, tagged tenants only) | "commercial"
    std::int64_t price_cents = 0;        // per user per month, integer cents
    std::string currency = "USD";
    bool grant = false;           // a donation (free) — only paid staff and unpaid executives may hold it
    int max_seats = 0;            // grant maximum per tenant; 0 = no maximum
    bool business_plan = false;   // counts towards the 300-seat cap across Business plans
    std::string exclusive_group;  // plans of one group conflict on one user ("business_suite"); empty = none
    bool desktop_apps = false;    // installable Office desktop apps (My Account)
    bool web_apps = false;        // Office for the web
    bool teams = false;
    bool portal_access = false;  // the Nonprofit Portal licence
    bool purchasable = true;     // false: appears only by itself (e.g. NONPROFIT_PORTAL at registration)
    std::vector<std::string> eligible_kinds;  // person kinds the programme entitles ("paid_staff", …)
    std::vector<std::string> terms = {"P1M", "P1Y"};
    std::vector<std::string> billing_frequencies = {"monthly", "annual"};

    bool is_eligible(std::string_view kind) const;
};

// A card on the portal's offers page (domain.md §1.8).
struct Offer {
    std::string id;  // "microsoft_365"
    LocalName title;
    LocalName button;                   // "Get started" / "Kaufen"
    std::string target;                 // where the button leads: "admin.billing.purchase_services", …
    std::vector<std::string> products;  // SKUs the offer is about
};

struct Catalog {
    std::string edition;  // "before-2025-07"
    LocalName title;
    std::string effective_from;  // "2025-07-01" (informational)
    std::vector<Product> products;
    std::vector<Offer> offers;

    const Product* find(std::string_view sku) const;
    const Offer* find_offer(std::string_view id) const;
};

nlohmann::json to_json(const Product& p);
nlohmann::json to_json(const Catalog& c);
// Parses one product; false + error (relative to the product object) on failure.
bool product_from_json(const nlohmann::json& j, Product& out, std::string& error);
// Parses a whole catalog document (without resolving "includes").
bool catalog_from_json(const nlohmann::json& j, Catalog& out, std::string& error);

// assets/catalog/<edition>.json, plus the scenario's overrides (a JSON object; may be null).
bool load_catalog_edition(const std::string& asset_dir, const std::string& edition,
                          const nlohmann::json& overrides, Catalog& out, std::string& error);

}  // namespace sim
