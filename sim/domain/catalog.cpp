// sim/catalog.cpp — catalog editions from JSON and their canonical JSON (reading the files:
// io/data_files.cpp).
#include "sim/catalog.hpp"
#include "sim/json_input.hpp"

#include <algorithm>
#include <limits>
#include <sstream>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

using nlohmann::json;

bool Product::is_eligible(std::string_view kind) const {
    return std::find(eligible_kinds.begin(), eligible_kinds.end(), kind) != eligible_kinds.end();
}

const Product* Catalog::find(std::string_view sku) const {
    for (const auto& p : products)
        if (p.sku == sku) return &p;
    return nullptr;
}

const Offer* Catalog::find_offer(std::string_view id) const {
    for (const auto& o : offers)
        if (o.id == id) return &o;
    return nullptr;
}

static json to_json(const LocalName& n) {
    return json{{"en", n.en}, {"de", n.de}};
}

nlohmann::json to_json(const Product& p) {
    return json{{"sku", p.sku},
                {"name", to_json(p.name)},
                {"audience", p.audience},
                {"price_cents", p.price_cents},
                {"currency", p.currency},
                {"grant", p.grant},
                {"max_seats", p.max_seats},
                {"business_plan", p.business_plan},
                {"exclusive_group", p.exclusive_group},
                {"desktop_apps", p.desktop_apps},
                {"web_apps", p.web_apps},
                {"teams", p.teams},
                {"portal_access", p.portal_access},
                {"purchasable", p.purchasable},
                {"eligible_kinds", p.eligible_kinds},
                {"terms", p.terms},
                {"billing_frequencies", p.billing_frequencies}};
}

nlohmann::json to_json(const Catalog& c) {
    json products = json::array();
    for (const auto& p : c.products) products.push_back(to_json(p));
    json offers = json::array();
    for (const auto& o : c.offers)
        offers.push_back({{"id", o.id},
                          {"title", to_json(o.title)},
                          {"button", to_json(o.button)},
                          {"target", o.target},
                          {"products", o.products}});
    return json{{"edition", c.edition},
                {"title", to_json(c.title)},
                {"effective_from", c.effective_from},
                {"products", std::move(products)},
                {"offers", std::move(offers)}};
}

namespace {

const char* const kKinds[] = {"paid_staff", "unpaid_executive", "volunteer", "member", "beneficiary"};

// Reads key into out when present; false + error when it has the wrong type.
template <class T>
bool read(const json& j, const char* key, T& out, std::string& error, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if constexpr (std::is_integral_v<T> &&
                  !std::is_same_v<T, bool>) {  // never a silent conversion (1e300, -1 as unsigned)
        static_assert(std::is_signed_v<T> && sizeof(T) <= sizeof(std::int64_t));
        NumberError why;
        auto v = integer_in_range(*it, where + "/" + key, std::numeric_limits<T>::min(),
                                  std::numeric_limits<T>::max(), why);
        if (!v) return error = why.text(), false;
        out = static_cast<T>(*v);
        return true;
    }
    try {
        out = it->get<T>();
        return true;
    } catch (const json::exception&) {
        error = fmt::format("{}/{}: has the wrong type ({})", where, key, it->type_name());
        return false;
    }
}

bool read_name(const json& j, const char* key, LocalName& out, std::string& error, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end()) return true;
    if (it->is_string()) {
        out.en = out.de = it->get<std::string>();
        return true;
    }
    return read(*it, "en", out.en, error, where + "/" + key) &&
           read(*it, "de", out.de, error, where + "/" + key);
}

}  // namespace

bool product_from_json(const nlohmann::json& j, Product& p, std::string& error) {
    if (!j.is_object()) {
        error = ": a product must be an object";
        return false;
    }
    const std::string w;
    bool ok =
        read(j, "sku", p.sku, error, w) && read_name(j, "name", p.name, error, w) &&
        read(j, "audience", p.audience, error, w) && read(j, "price_cents", p.price_cents, error, w) &&
        read(j, "currency", p.currency, error, w) && read(j, "grant", p.grant, error, w) &&
        read(j, "max_seats", p.max_seats, error, w) && read(j, "business_plan", p.business_plan, error, w) &&
        read(j, "exclusive_group", p.exclusive_group, error, w) &&
        read(j, "desktop_apps", p.desktop_apps, error, w) && read(j, "web_apps", p.web_apps, error, w) &&
        read(j, "teams", p.teams, error, w) && read(j, "portal_access", p.portal_access, error, w) &&
        read(j, "purchasable", p.purchasable, error, w) &&
        read(j, "eligible_kinds", p.eligible_kinds, error, w) && read(j, "terms", p.terms, error, w) &&
        read(j, "billing_frequencies", p.billing_frequencies, error, w);
    if (!ok) return false;
    if (p.sku.empty()) return error = "/sku: is required", false;
    if (p.name.en.empty()) return error = "/name: needs at least an English name", false;
    if (p.audience != "nonprofit" && p.audience != "commercial")
        return error = "/audience: must be \"nonprofit\" or \"commercial\"", false;
    if (p.price_cents < 0) return error = "/price_cents: must not be negative", false;
    if (p.max_seats < 0) return error = "/max_seats: must not be negative", false;
    for (std::size_t i = 0; i < p.eligible_kinds.size(); ++i) {
        const auto& k = p.eligible_kinds[i];
        if (std::find(std::begin(kKinds), std::end(kKinds), k) == std::end(kKinds))
            return error = fmt::format("/eligible_kinds/{}: \"{}\" is not a person kind", i, k), false;
    }
    for (std::size_t i = 0; i < p.terms.size(); ++i)
        if (p.terms[i] != "P1M" && p.terms[i] != "P1Y")
            return error = fmt::format("/terms/{}: must be \"P1M\" or \"P1Y\"", i), false;
    for (std::size_t i = 0; i < p.billing_frequencies.size(); ++i)
        if (p.billing_frequencies[i] != "monthly" && p.billing_frequencies[i] != "annual")
            return error = fmt::format("/billing_frequencies/{}: must be \"monthly\" or \"annual\"", i),
                   false;
    return true;
}

bool catalog_from_json(const nlohmann::json& j, Catalog& out, std::string& error) {
    if (!j.is_object()) return error = "a catalog must be a JSON object", false;
    Catalog c;
    if (!read(j, "edition", c.edition, error, "") || !read_name(j, "title", c.title, error, "") ||
        !read(j, "effective_from", c.effective_from, error, ""))
        return false;
    auto products = j.find("products");
    if (products != j.end()) {
        if (!products->is_array()) return error = "/products: must be an array", false;
        for (std::size_t i = 0; i < products->size(); ++i) {
            Product p;
            std::string e;
            if (!product_from_json((*products)[i], p, e))
                return error = fmt::format("/products/{}{}", i, e), false;
            if (c.find(p.sku) != nullptr)
                return error = fmt::format("/products/{}/sku: \"{}\" appears twice", i, p.sku), false;
            c.products.push_back(std::move(p));
        }
    }
    auto offers = j.find("offers");
    if (offers != j.end()) {
        if (!offers->is_array()) return error = "/offers: must be an array", false;
        for (std::size_t i = 0; i < offers->size(); ++i) {
            const json& oj = (*offers)[i];
            const std::string w = fmt::format("/offers/{}", i);
            Offer o;
            if (!oj.is_object()) return error = w + ": must be an object", false;
            if (!read(oj, "id", o.id, error, w) || !read_name(oj, "title", o.title, error, w) ||
                !read_name(oj, "button", o.button, error, w) || !read(oj, "target", o.target, error, w) ||
                !read(oj, "products", o.products, error, w))
                return false;
            if (o.id.empty()) return error = w + "/id: is required", false;
            c.offers.push_back(std::move(o));
        }
    }
    out = std::move(c);
    return true;
}

}  // namespace sim
