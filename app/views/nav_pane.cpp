// app/views/nav_pane.cpp — the surface switcher on the left: on the welcome and scenario screens a
// light grey pane with the scenario at a glance and the surfaces by name; while a simulated surface
// is open an icon strip (the names, and the scenario's title and seed, in tooltips) that leaves the
// page its width.
#include <string>

#include <imgui.h>

#include "app/ui/icons.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

constexpr float kNavWideInFrames = 11.0f;  // the wide pane, in frame heights (scales with text)
constexpr float kNavIconInFrames = 1.25f;  // one square entry of the strip
constexpr float kStripPadInFrames = 0.2f;  // the strip's padding left and right

constexpr Surface kNavSurfaces[] = {Surface::Welcome, Surface::Portal, Surface::Admin, Surface::Account,
                                    Surface::Mail,    Surface::Teams,  Surface::Dns,   Surface::Scenario};

const char* np_icon(Surface s) {
    switch (s) {
        case Surface::Welcome:
            return icons::kHome;
        case Surface::Portal:
            return icons::kStorefront;
        case Surface::Admin:
            return icons::kAdminPanelSettings;
        case Surface::Account:
            return icons::kAccountCircle;
        case Surface::Mail:
            return icons::kMail;
        case Surface::Teams:
            return icons::kGroups;
        case Surface::Dns:
            return icons::kDns;
        case Surface::Scenario:
            return icons::kSchool;
        case Surface::Signin:
            return icons::kLock;
    }
    return icons::kApps;
}

// The surface lit in the switcher: the one being signed in to while the sign-in page shows.
Surface np_current(const ViewContext& ctx) {
    const Surface s = surface_of(ctx.ui.screen);
    return s == Surface::Signin ? ctx.state.signin.target : s;
}

// "Scenario: <title> · Seed 1212" (or why there is none), for the wide pane and the strip's tooltip.
std::string np_scenario_title(const ViewContext& ctx) {
    if (!ctx.sim) return ctx.text.get("ui.nav.not_loaded");
    const std::string& title = ctx.scenario.title.in(ctx.ui.language);
    return title.empty() ? ctx.text.get("ui.nav.untitled") : title;
}

void np_strip(const ViewContext& ctx, CommandQueue& out) {
    const Surface current = np_current(ctx);
    const float side = ImGui::GetFrameHeight() * kNavIconInFrames;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    for (Surface s : kNavSurfaces) {
        const std::string key = surface_key(s);
        const std::string label = std::string(np_icon(s)) + "###surface_" + key;
        const bool available = find_screen(surface_home(s)) != nullptr;
        ImGui::BeginDisabled(!available);
        if (ImGui::Selectable(label.c_str(), current == s, 0, ImVec2(side, side)) && current != s)
            out.push(Navigate{surface_home(s)});
        widgets::report_item(widgets::ItemKind::Selectable, label.c_str(), available);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            std::string tip = ctx.text.get("ui.surface." + key);
            if (s == Surface::Scenario) {
                tip += "\n" + np_scenario_title(ctx);
                if (ctx.sim) tip += "\n" + ctx.text.format("ui.nav.seed", {{"seed", ctx.sim->seed()}});
            }
            ImGui::SetTooltip("%s", tip.c_str());
        }
    }
    ImGui::PopStyleVar();
}

}  // namespace

float nav_pane_width(bool compact) {
    if (!compact) return ImGui::GetFrameHeight() * kNavWideInFrames;
    return ImGui::GetFrameHeight() * kNavIconInFrames + 2.0f * nav_pane_padding(true).x;
}

ImVec2 nav_pane_padding(bool compact) {
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    return compact ? ImVec2(ImGui::GetFrameHeight() * kStripPadInFrames, padding.y) : padding;
}

void draw_nav_pane(const ViewContext& ctx, CommandQueue& out, bool compact) {
    if (compact) {
        np_strip(ctx, out);
        return;
    }
    widgets::text_disabled(ctx.text.get("ui.nav.scenario"));
    if (!ctx.sim) {
        widgets::text_colored(palette().error_text, ctx.text.get("ui.nav.not_loaded"));
    } else {
        widgets::text_wrapped(np_scenario_title(ctx));
        widgets::text_disabled(ctx.text.format("ui.nav.seed", {{"seed", ctx.sim->seed()}}));
    }

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    // The five surfaces, like bookmarks of a browser. A surface without screens yet stays disabled.
    const Surface current = np_current(ctx);
    for (Surface s : kNavSurfaces) {
        const std::string key = surface_key(s);
        const std::string label = ctx.text.get("ui.surface." + key) + "###surface_" + key;
        const bool available = find_screen(surface_home(s)) != nullptr;
        ImGui::BeginDisabled(!available);
        if (widgets::selectable(label.c_str(), current == s) && current != s)
            out.push(Navigate{surface_home(s)});
        ImGui::EndDisabled();
    }
}

}  // namespace app
