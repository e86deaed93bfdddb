// app/ui/ui_state.hpp — UI-only state: which screen, language, text size, theme and clock speed.
//
// Nothing here is part of the simulated world; it is never hashed or journaled.
#pragma once

#include <array>
#include <string>

namespace app {

enum class Theme { Light, Dark };

constexpr std::array<int, 4> kSpeeds = {1, 10, 60, 600};  // the speed buttons, in sim seconds per wall second
constexpr float kMinFontScale = 0.75f;
constexpr float kMaxFontScale = 2.0f;
constexpr float kFontScaleStep = 0.125f;  // one Ctrl +/− step
constexpr float kBaseFontPixels = 16.0f;  // text size at scale 1 and content scale 1

struct UiState {
    std::string screen = "shell";  // a name from the screen registry
    std::string language = "en";   // "en" | "de"
    float font_scale = 1.0f;       // text size multiplier, Ctrl +/− (kMinFontScale..kMaxFontScale)
    Theme theme = Theme::Light;
    int speed = 1;        // sim seconds per wall second, one of kSpeeds
    bool paused = false;  // a paused clock ignores wall time
};

float clamp_font_scale(float scale);

}  // namespace app
