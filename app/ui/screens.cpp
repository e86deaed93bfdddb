// app/ui/screens.cpp — the screen table.
#include "app/ui/screens.hpp"

#include "app/views/replay/replay_views.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

void show_shell(UiState& ui) {
    ui.screen = "shell";
}

}  // namespace

const std::vector<ScreenSpec>& screens() {
    static const std::vector<ScreenSpec> kScreens = [] {
        std::vector<ScreenSpec> all = {
            {"shell", &show_shell, &draw_welcome_screen, "sandbox.example/welcome"}};
        for (auto part : {portal_screens, admin_screens, account_screens, mail_screens, dns_screens,
                          scenario_screens, replay_screens, signin_screens, teams_screens})
            for (ScreenSpec& s : part()) all.push_back(s);
        return all;
    }();
    return kScreens;
}

const ScreenSpec* find_screen(const std::string& name) {
    for (const ScreenSpec& s : screens()) {
        if (name == s.name) return &s;
    }
    return nullptr;
}

}  // namespace app
