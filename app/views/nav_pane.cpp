// app/views/nav_pane.cpp — the light grey pane on the left: the scenario at a glance and the screens.
#include <string>

#include <imgui.h>

#include "app/ui/locale.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/views.hpp"

namespace app {

void draw_nav_pane(const ViewContext& ctx, CommandQueue& out) {
    widgets::text_disabled(ctx.text.get("ui.nav.scenario"));
    if (!ctx.sim) {
        widgets::text_colored(palette().error_text, ctx.text.get("ui.nav.not_loaded"));
    } else {
        const std::string& title = ctx.scenario.title.in(ctx.ui.language);
        widgets::text_wrapped(title.empty() ? ctx.text.get("ui.nav.untitled") : title);
        widgets::text_disabled(ctx.text.format("ui.nav.seed", {{"seed", ctx.sim->seed()}}));
    }

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    // The five surfaces, like bookmarks of a browser. A surface without screens yet stays disabled.
    const Surface current = surface_of(ctx.ui.screen);
    for (Surface s : {Surface::Welcome, Surface::Portal, Surface::Admin, Surface::Account, Surface::Mail,
                      Surface::Scenario}) {
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
