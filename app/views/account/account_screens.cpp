// app/views/account/account_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"

namespace app {

std::vector<ScreenSpec> account_screens() {
    return {};
}

}  // namespace app
