// app/ui/ui_state.hpp — UI-only state: which screen, language, text size, theme and clock speed.
//
// Nothing here is part of the simulated world; it is never hashed or journaled.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace app {

enum class Theme { Light, Dark };

// How a scenario is run. Sandbox: free play without checklist or score (the start-up default);
// Demo: the reference solution plays with captions; Guided: checklist and hints; Exam: no hints,
// optional countdown, score at the end.
enum class TrainingMode { Sandbox, Demo, Guided, Exam };
const char* mode_key(TrainingMode m);                // "sandbox", "demo", "guided", "exam"
TrainingMode mode_from_key(const std::string& key);  // unknown → Sandbox

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

    // Browser-like navigation: visited screens (most recent last) for back and forward.
    std::vector<std::string> back_stack;
    std::vector<std::string> forward_stack;
    // Who the trainee is on each surface (sign-in names; empty = nobody signed in / picked yet).
    std::string work_account;  // signed in to the nonprofit portal and the admin center
    std::string account_user;  // whose "My Account" is shown
    std::string mail_user;     // whose inbox is shown

    TrainingMode mode = TrainingMode::Sandbox;  // how the scenario runs (set by StartScenario / SetMode)
};

// The five surfaces (plus the welcome screen; Signin is the sign-in page "signin.*" in front of them).
// A screen's surface is the part of its name before
// the first dot: "portal.offers" → Portal, "admin.users" → Admin, "myaccount.apps" → Account.
// Teams ("teams.*", app/views/teams) shows the same person as Mail (mail_user).
enum class Surface { Welcome, Portal, Admin, Account, Mail, Dns, Scenario, Signin, Teams };
Surface surface_of(const std::string& screen_name);
const char* surface_key(Surface s);  // "portal", "admin", "myaccount", "mail", "dns", "scenario", "shell"
// The screen a surface opens on when chosen in the switcher.
const char* surface_home(Surface s);

float clamp_font_scale(float scale);

}  // namespace app
