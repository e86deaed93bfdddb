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
    widgets::text_disabled(ctx.text.get("ui.nav.screens"));
    for (const ScreenSpec& screen : screens()) {
        const std::string label =
            ctx.text.get(std::string("ui.screen.") + screen.name) + "###screen_" + screen.name;
        if (widgets::selectable(label.c_str(), ctx.ui.screen == screen.name))
            out.push(ShowScreen{screen.name});
    }
}

}  // namespace app
