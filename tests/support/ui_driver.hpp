// tests/support/ui_driver.hpp — the one helper that drives Dear ImGui headless in UI tests.
//
// It owns an ImGui context (no window, no GL, no imgui.ini), runs frames, and plays mouse and
// keyboard input through the imgui 1.86 IO fields (MousePos, MouseDown[], KeysDown[] via an
// identity KeyMap). Nothing else in the tests touches ImGuiIO input: moving to the 1.87+ event API
// or to the Test Engine changes this file only. Items are found through the widget hook of
// app/ui/widgets.hpp, which reports each item's label and rectangle as it is drawn.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/widgets.hpp"

struct ImGuiContext;

namespace app::test {

class UiDriver {
public:
    using Fn = std::function<void()>;
    static constexpr float kDeltaTime = 1.0f / 60.0f;  // every frame is one 60 Hz frame

    explicit UiDriver(ImVec2 display_size = ImVec2(1280, 800));
    ~UiDriver();
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;

    void set_gui(Fn gui);            // what every frame draws
    void set_between_frames(Fn fn);  // the app loop's work after each frame (apply commands, advance time)
    void frame();                    // one frame of the current gui
    void frame(Fn gui);              // set_gui(gui), then one frame
    void frames(int n);

    // Layout frame → the item scrolled into view if its window cut it off → mouse to the item's centre
    // and press → release. False (and no click) when no enabled item with this label was drawn.
    bool click(const std::string& label);
    void type(const std::string& utf8);           // characters into the focused widget, one frame
    void press(ImGuiKey key, bool ctrl = false);  // key down one frame, up the next

    // Item lookup in the last frame. `label` matches the full ImGui label ("Pause###pause"), its
    // visible text ("Pause") or its stable id ("###pause" or "pause").
    const widgets::ItemInfo* find(const std::string& label) const;
    // True when a drawn text or label shows exactly `text` (the visible part).
    bool shows(const std::string& text) const;
    const std::vector<widgets::ItemInfo>& items() const { return items_; }
    static std::string visible_part(const std::string& label);

private:
    static constexpr int kMaxLayoutFrames = 4;
    void install_hook();
    void scroll_into_view(const std::string& label);

    ImGuiContext* context_ = nullptr;
    Fn gui_;
    Fn between_frames_;
    std::vector<widgets::ItemInfo> items_;    // the last complete frame
    std::vector<widgets::ItemInfo> drawing_;  // the frame in progress
};

}  // namespace app::test
