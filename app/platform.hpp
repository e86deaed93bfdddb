// app/platform.hpp — the only door to GLFW and OpenGL: window, frame, wait, screenshot, shortcuts.
//
// Everything else in app/ sees Dear ImGui only. The ImGui context must exist before a Window is
// opened and outlive it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace app::platform {

// Below this the time controls and the settings button no longer fit on the top bar.
constexpr int kMinWindowWidth = 760;
constexpr int kMinWindowHeight = 500;

struct WindowOptions {
    int width = 1280;  // in screen coordinates, scaled by the monitor's content scale
    int height = 800;
    std::string title = "npsim";
};

// Keyboard shortcuts the platform recognises by the character on the key (so Ctrl + works on a
// German keyboard too), handed to the app as plain values.
enum class Shortcut { ZoomIn, ZoomOut, ZoomReset, ToggleInstructor };  // ToggleInstructor: F9

// True when DISPLAY or WAYLAND_DISPLAY is set (glfwInit may still fail).
bool has_display_env();

class Window {
public:
    // Initialises GLFW, opens the window with an OpenGL 3 context and the ImGui backends.
    // Returns nullptr and sets `error` when there is no usable display.
    static std::unique_ptr<Window> open(const WindowOptions& options, std::string* error);
    virtual ~Window() = default;

    virtual bool should_close() const = 0;
    // Sleeps until input arrives or `timeout_seconds` passed; nullopt = until input. Polls instead
    // for a few frames after input, because ImGui needs them to settle hover and click states.
    virtual void wait_events(std::optional<double> timeout_seconds) = 0;
    virtual double time() const = 0;          // monotonic wall seconds (UI clock only)
    virtual float content_scale() const = 0;  // HiDPI factor of the monitor, 1 on a normal screen
    // The drawable size divided by the content scale: the size the layout is designed in (1280×800 by
    // default, whatever the monitor's scale), which app::size_factor_for() takes.
    virtual void logical_size(float& width, float& height) const = 0;
    virtual void new_frame() = 0;  // backends' NewFrame; call before ImGui::NewFrame
    virtual void render() = 0;     // clears and draws ImGui's draw data (after ImGui::Render)
    virtual void swap() = 0;
    virtual void reload_fonts() = 0;  // re-upload the font atlas after it was rebuilt
    // Writes the back buffer as PNG (to `path`.tmp, then renamed). Call after render(), before swap().
    virtual bool save_screenshot(const std::string& path, std::string* error) = 0;
    virtual std::vector<Shortcut> take_shortcuts() = 0;
    virtual void set_clear_colour(float r, float g, float b) = 0;
};

}  // namespace app::platform
