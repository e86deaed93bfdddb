// app/ui/screens.cpp — the screen table.
#include "app/ui/screens.hpp"

#include "app/views/views.hpp"

namespace app {

namespace {

void show_shell(UiState& ui) {
    ui.screen = "shell";
}

}  // namespace

const std::vector<ScreenSpec>& screens() {
    static const std::vector<ScreenSpec> kScreens = {
        {"shell", &show_shell, &draw_welcome_screen},
    };
    return kScreens;
}

const ScreenSpec* find_screen(const std::string& name) {
    for (const ScreenSpec& s : screens()) {
        if (name == s.name) return &s;
    }
    return nullptr;
}

}  // namespace app
