// tests/support/app_loop.hpp — wires an app::Shell into the UiDriver the way the app loop runs it:
// draw, then apply the frame's commands, then let 1/60 s of wall time pass; two frames to settle.
#pragma once

#include "app/ui/shell.hpp"
#include "support/ui_driver.hpp"

namespace app::test {

inline void run_like_the_app(UiDriver& ui, Shell& shell) {
    ui.set_gui([&shell] { shell.draw(); });
    ui.set_between_frames([&shell] {
        shell.apply_commands();
        shell.advance(UiDriver::kDeltaTime);
    });
    ui.frames(2);
}

}  // namespace app::test
