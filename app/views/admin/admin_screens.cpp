// app/views/admin/admin_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"

namespace app {

std::vector<ScreenSpec> admin_screens() {
    return {};
}

}  // namespace app
