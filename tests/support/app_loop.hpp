// tests/support/app_loop.hpp — wires an app::Shell into the UiDriver the way the app loop runs it:
// draw, then apply the frame's commands, then let 1/60 s of wall time pass.
#pragma once

#include <string>

#include "app/ui/shell.hpp"
#include "support/ui_driver.hpp"

namespace app::test {

// The shell's options in tests: the source tree's assets, `lang`, autosave to `session_path` ("" = off).
inline ShellOptions shell_options(const std::string& lang, const std::string& session_path = "") {
    ShellOptions o{NPSIM_TEST_ASSET_DIR, lang};
    o.session_path = session_path;
    return o;
}

// Every frame of `ui` draws `shell`; between frames the shell applies the commands and time passes.
inline void wire_like_the_app(UiDriver& ui, Shell& shell) {
    ui.set_gui([&shell] { shell.draw(); });
    ui.set_between_frames([&shell] {
        shell.apply_commands();
        shell.advance(UiDriver::kDeltaTime);
    });
}

// Wired as above, and two frames to settle.
inline void run_like_the_app(UiDriver& ui, Shell& shell) {
    wire_like_the_app(ui, shell);
    ui.frames(2);
}

}  // namespace app::test
