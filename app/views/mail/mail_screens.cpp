// app/views/mail/mail_screens.cpp — the screens of this surface, for the screen registry.
#include "app/ui/screens.hpp"

namespace app {

std::vector<ScreenSpec> mail_screens() {
    return {};
}

}  // namespace app
