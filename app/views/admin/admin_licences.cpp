// app/views/admin/admin_licences.cpp — Billing > Licenses (domain.md §4.3): one row per product
// with its seats summed over subscriptions; a product's page lists its holders (pending / active),
// "Assign licenses" opens a pane to pick up to 20 users, "Unassign licenses" removes the ticked.
#include <algorithm>
#include <cctype>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/licences.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

constexpr int kMaxMatches = 50;  // users listed in the picker at once; type to narrow

bool matches(const sim::Person& p, const std::string& needle) {
    if (needle.empty()) return true;
    auto has = [&](const std::string& hay) {
        return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) ==
                          std::tolower(static_cast<unsigned char>(b));
               }) != hay.end();
    };
    return has(p.display_name) || has(p.upn);
}

void draw_assign_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                      const std::string& sku, float width) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const std::string tag = "admin.licenses.assign." + sku;
    const bool close = begin_flyout(ctx, tr(ctx, "admin.licenses.assign_title"), width);
    ImGui::PushTextWrapPos(0.0f);
    muted(ctx.text.format("admin.licenses.assign_hint", {{"max", w.settings.max_users_per_assignment}}));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(-1);
    widgets::input_text_hint("###assign_search", tr(ctx, "admin.licenses.assign_search").c_str(),
                             s.assign_search);

    // Picked users first (untick to remove), then the matches of the search.
    for (std::size_t i = 0; i < s.assign_pick.size(); ++i) {
        const sim::Person* p = w.find_person(s.assign_pick[i]);
        bool on = true;
        if (widgets::checkbox(
                ((p ? p->display_name : s.assign_pick[i]) + "###picked_" + s.assign_pick[i]).c_str(), on) &&
            !on) {
            s.assign_pick.erase(s.assign_pick.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
    ImGui::Separator();
    const float list_h = ImGui::GetFrameHeightWithSpacing() * 7.0f;
    ImGui::BeginChild("##assign_matches", ImVec2(0, list_h), false);
    int shown = 0;
    for (const sim::Person& p : w.people) {
        if (shown >= kMaxMatches) break;
        if (p.deleted || p.licence(sku) != nullptr || !matches(p, s.assign_search)) continue;
        if (std::find(s.assign_pick.begin(), s.assign_pick.end(), p.upn) != s.assign_pick.end()) continue;
        ++shown;
        bool on = false;
        const std::string text = p.display_name + "  (" + p.upn + ")###pick_" + p.upn;
        if (widgets::checkbox(text.c_str(), on) && on) s.assign_pick.push_back(p.upn);
    }
    if (shown == 0) muted(tr(ctx, "admin.licenses.no_matches"));
    ImGui::EndChild();

    const bool busy = action_status(ctx, tag) == ActionStatus::Pending;
    ImGui::BeginDisabled(busy || s.assign_pick.empty());
    if (widgets::button(label(ctx, "admin.licenses.assign_confirm", "assign_confirm").c_str())) {
        out.push(SubmitAction{sim::ops::assign_licences(actor.upn, sku, s.assign_pick), tag});
        s.assign_pick.clear();
    }
    ImGui::EndDisabled();
    sim::ActionResult r;
    const ActionStatus st = action_status(ctx, tag, &r);
    if (st == ActionStatus::Failed)
        error_banner(ctx, r);
    else
        draw_action_status(ctx, tag);
    if (st == ActionStatus::Ok) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::text(tr(ctx, "admin.licenses.assigned_pending"));
        ImGui::PopTextWrapPos();
    }
    end_flyout();
    if (close) {
        s.assign_open = false;
        forget_action(ctx, tag);
    }
}

void draw_product(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                  const std::string& sku) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const sim::SeatCount seats = sim::seats_of(w, sku);
    heading(product_name(ctx, sku));
    muted(ctx.text.format("admin.licenses.assigned_of",
                          {{"assigned", seats.assigned}, {"total", seats.total}}) +
          "  ·  ");
    ImGui::SameLine(0.0f, 0.0f);
    const std::string available =
        ctx.text.format("admin.licenses.available", {{"available", seats.available()}});
    if (seats.available() > 0)
        muted(available);
    else  // "0 verfügbar": no seats left, the trainee has to buy more or free one
        widgets::text_colored(palette().warning_text, available);
    if (command(ctx, "admin.licenses.assign", "licenses_assign", true, true)) {
        s.assign_open = true;
        s.assign_pick.clear();
    }
    const std::string unassign_tag = "admin.licenses.unassign." + sku;
    if (command(ctx, "admin.licenses.unassign", "licenses_unassign", !s.holder_ticks.empty())) {
        out.push(SubmitAction{
            sim::ops::unassign_licences(
                actor.upn, sku, std::vector<std::string>(s.holder_ticks.begin(), s.holder_ticks.end())),
            unassign_tag});
        s.holder_ticks.clear();
    }
    sim::ActionResult r;
    if (action_status(ctx, unassign_tag, &r) == ActionStatus::Failed) error_banner(ctx, r);

    ImGui::BeginChild("##holders_list", ImVec2(0, 0));
    const std::vector<const sim::Person*> holders = sim::licence_holders(w, sku);
    if (holders.empty())
        muted(tr(ctx, "admin.licenses.no_holders"));
    else if (widgets::begin_table("##holders", 4, static_cast<int>(holders.size()))) {
        ImGui::TableSetupColumn("###h_sel", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
        ImGui::TableSetupColumn(tr(ctx, "admin.users.col.name").c_str(), 0, 1.2f);
        ImGui::TableSetupColumn(tr(ctx, "admin.users.col.username").c_str(), 0, 1.6f);
        ImGui::TableSetupColumn(tr(ctx, "admin.licenses.col.state").c_str(), 0, 1.4f);
        widgets::table_headers_row();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(holders.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const sim::Person& p = *holders[static_cast<std::size_t>(i)];
                widgets::table_next_row();
                widgets::table_cell(0);
                bool on = s.holder_ticks.count(p.upn) != 0;
                if (widgets::checkbox(("###holder_" + p.upn).c_str(), on)) {
                    if (on)
                        s.holder_ticks.insert(p.upn);
                    else
                        s.holder_ticks.erase(p.upn);
                }
                widgets::table_cell(1);
                widgets::text(p.display_name);
                widgets::table_cell(2);
                cell_text(p.upn);
                widgets::table_cell(3);
                if (const sim::LicenceAssignment* l = p.licence(sku))
                    widgets::text(licence_state_text(ctx, *l));
            }
        }
        widgets::end_table();
    }
    ImGui::EndChild();
    if (s.assign_open) {
        draw_assign_pane(ctx, out, actor, sku, flyout_width());
    }
}

void draw_list(const ViewContext& ctx, const sim::World& w) {
    AdminViewState& s = ctx.state.admin;
    heading(tr(ctx, "admin.nav.licenses"));
    const std::vector<sim::LicenceRow> rows = sim::licences_page(w);
    if (rows.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::text(tr(ctx, "admin.licenses.none"));
        ImGui::PopTextWrapPos();
        return;
    }
    if (!widgets::begin_table("##licence_products", 3)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.products.col.name").c_str(), 0, 2.0f);
    ImGui::TableSetupColumn(tr(ctx, "admin.licenses.col.available").c_str(), 0, 1.2f);
    ImGui::TableSetupColumn(tr(ctx, "admin.licenses.col.assigned").c_str(), 0, 1.2f);
    widgets::table_headers_row();
    for (const sim::LicenceRow& r : rows) {
        widgets::table_next_row();
        widgets::table_cell(0);
        if (cell_selectable(product_name(ctx, r.sku), "product_" + r.sku)) {
            s.licences_sku = r.sku;
            s.assign_open = false;
            s.holder_ticks.clear();
        }
        widgets::table_cell(1);
        if (r.available() > 0)
            widgets::text(std::to_string(r.available()));
        else  // no seats left: the trainee has to buy more or free one
            widgets::text_colored(palette().warning_text, std::to_string(r.available()));
        widgets::table_cell(2);
        widgets::text(
            ctx.text.format("admin.licenses.assigned_of", {{"assigned", r.assigned}, {"total", r.total}}));
    }
    widgets::end_table();
}

}  // namespace

void draw_licences(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const bool product_open =
        ctx.sim && !s.licences_sku.empty() && ctx.sim->world().catalog.find(s.licences_sku);
    std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                 {tr(ctx, "admin.nav.billing"), nullptr},
                                 {tr(ctx, "admin.nav.licenses"), nullptr}};
    if (product_open) crumbs.push_back({product_name(ctx, s.licences_sku), nullptr});
    const sim::Person* actor = begin_page(ctx, out, crumbs, product_open && s.assign_open);
    if (actor) {
        if (product_open) {
            if (widgets::button(label(ctx, "admin.licenses.back", "licenses_back").c_str())) {
                s.licences_sku.clear();
                s.assign_open = false;
            }
            if (!s.licences_sku.empty()) draw_product(ctx, out, *actor, s.licences_sku);
        } else {
            draw_list(ctx, ctx.sim->world());
        }
    }
    end_page();
}

}  // namespace app::admin
