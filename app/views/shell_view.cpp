// app/views/shell_view.cpp — the window layout: top bar, banner, navigation pane, work area.
#include <string_view>

#include <imgui.h>

#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/signin/signin_views.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

constexpr ImGuiWindowFlags kPaneFlags = ImGuiWindowFlags_AlwaysUseWindowPadding;

// A child region with its own background colour; `draw` fills it.
template <class Fn>
void pane(const char* id, const ImVec2& size, const ImVec4& bg, ImGuiWindowFlags flags, Fn&& draw) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    ImGui::BeginChild(id, size, false, kPaneFlags | flags);
    draw();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void horizontal_rule(float y, float x0 = 0.0f) {
    const ImVec2 origin = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(origin.x + x0, origin.y + y),
                                        ImVec2(origin.x + ImGui::GetWindowWidth(), origin.y + y),
                                        ImGui::GetColorU32(palette().border));
}

// Read-only replay: what stays enabled on the pages. Navigation only: breadcrumbs, tabs, "back",
// the home page's links, the details pane's close button; every other control edits something.
bool sv_navigation(const char* id) {
    static constexpr const char* kPrefixes[] = {
        "crumb_",        "pane_close",       "tab_",          "portal_tab_",   "home_users",
        "home_licenses", "home_purchase",    "home_products", "licenses_back", "purchase_back",
        "checkout_back", "confirm_products", "confirm_home",  "details_",      "offers_to_status",
        "reg_to_status", "status_to_offers", "replay_",       "admin_search",  "admin_nav_toggle"};
    const std::string_view s(id);
    for (const char* p : kPrefixes)
        if (s.rfind(p, 0) == 0) return true;
    return false;
}

// The height the replay bar (drawn after the shell, along the bottom) takes from the page.
float sv_replay_reserve(const ViewContext& ctx) {
    const ReplayInfo& info = ctx.state.replay.info;
    if (!info.active || !ctx.sim || ctx.ui.screen == "scenario.replay") return 0.0f;
    const ImGuiStyle& style = ImGui::GetStyle();
    float h = ctx.state.replay.bar_height;
    if (h <= 0.0f) h = ImGui::GetFrameHeight() * 2.0f + style.WindowPadding.y * 2.0f + style.ItemSpacing.y;
    return h + style.WindowPadding.x + style.ItemSpacing.y;
}

// The page; in the read-only viewer its editing controls draw disabled (not the scenario surface,
// where the viewer's own controls live).
void sv_draw_page(const ViewContext& ctx, CommandQueue& out, const ScreenSpec& screen) {
    const bool read_only = ctx.state.replay.info.active && surface_of(screen.name) != Surface::Scenario;
    if (read_only) widgets::set_read_only(true, ctx.text.get("replay.read_only_tooltip"), &sv_navigation);
    // Nobody signed in on the admin center, My Account or Mail: the sign-in page comes first.
    if (!signin_redirect(ctx, out)) screen.draw(ctx, out);
    if (read_only) widgets::set_read_only(false);
}

}  // namespace

void draw_shell(const ViewContext& ctx, CommandQueue& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("npsim##shell", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    const ImGuiStyle& style = ImGui::GetStyle();
    const Palette& colours = palette();

    // Rows are placed with SetCursorPos so ItemSpacing never leaves gaps between the panes.
    const int rows = top_bar_rows(ctx, ImGui::GetWindowWidth());
    const float top_bar_height = ImGui::GetFrameHeight() * static_cast<float>(rows) +
                                 style.ItemSpacing.y * static_cast<float>(rows - 1) +
                                 2.0f * style.WindowPadding.y;
    pane("##top_bar", ImVec2(0, top_bar_height), colours.nav_bg, ImGuiWindowFlags_NoScrollbar,
         [&] { draw_top_bar(ctx, out); });
    horizontal_rule(top_bar_height - 1.0f);

    const float banner_h = banner_height(ctx, ImGui::GetWindowWidth());
    ImGui::SetCursorPos(ImVec2(0, top_bar_height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, style.FramePadding.y));
    pane("##banner", ImVec2(0, banner_h), colours.banner_bg, ImGuiWindowFlags_NoScrollbar,
         [&] { draw_banner(ctx); });
    ImGui::PopStyleVar();

    const float body_top = top_bar_height + banner_h;
    const float reserve = sv_replay_reserve(ctx);  // the page ends above the replay bar
    const ScreenSpec* screen = find_screen(ctx.ui.screen);
    if (!screen) screen = &screens().front();
    // The surface switcher: an icon strip while a simulated surface (portal, admin center, My Account,
    // mail) is open; wide on the sandbox's own pages (welcome, scenario: checklist, score, viewer),
    // which show the scenario's title and seed in it.
    const Surface surface = surface_of(screen->name);
    const bool compact = surface != Surface::Welcome && surface != Surface::Scenario;
    const float nav_width = nav_pane_width(compact);
    ImGui::SetCursorPos(ImVec2(0, body_top));
    // Padding applies to the pane only; tooltips and popups inside keep the usual one.
    const ImVec2 padding = style.WindowPadding;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, nav_pane_padding(compact));
    pane("##nav", ImVec2(nav_width, -reserve), colours.nav_bg, 0, [&] {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
        draw_nav_pane(ctx, out, compact);
        ImGui::PopStyleVar();
    });
    ImGui::PopStyleVar();

    ImGui::SetCursorPos(ImVec2(nav_width, body_top));
    if (surface_of(screen->name) != Surface::Welcome) {
        // The browser-like address row, then the page.
        const float address_h = ImGui::GetFrameHeight() + 2.0f * style.FramePadding.y;
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, style.FramePadding.y));
        pane("##address", ImVec2(0, address_h), colours.nav_bg, ImGuiWindowFlags_NoScrollbar,
             [&] { draw_address_bar(ctx, out); });
        ImGui::PopStyleVar();
        horizontal_rule(body_top + address_h - 1.0f, nav_width);
        ImGui::SetCursorPos(ImVec2(nav_width, body_top + address_h));
    }
    // The admin center brings its own frame (header, navigation, page padding): edge to edge.
    const bool own_frame = surface_of(screen->name) == Surface::Admin;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, own_frame ? ImVec2(0, 0) : padding);
    pane("##work", ImVec2(0, -reserve), colours.work_bg, 0, [&] {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
        sv_draw_page(ctx, out, *screen);
        ImGui::PopStyleVar();
    });
    ImGui::PopStyleVar();
    ImGui::GetWindowDrawList()->AddLine(
        ImVec2(ImGui::GetWindowPos().x + nav_width, ImGui::GetWindowPos().y + body_top),
        ImVec2(ImGui::GetWindowPos().x + nav_width,
               ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - reserve),
        ImGui::GetColorU32(colours.border));

    ImGui::End();
}

}  // namespace app
