// app/views/instructor/instructor_state.hpp — UI-only state of the instructor console window.
//
// The Shell keeps this across scenario restarts (an instructor's reset must not close or lock the
// window). Nothing here is part of the world; the PIN typed here is never written to any file.
#pragma once

#include <string>
#include <vector>

namespace app {

// What a fault rule made in the form does (the radio buttons ###rule_effect_0, _1, _2).
enum class RuleEffect { Error, Latency, Hang };

struct InstructorViewState {
    bool open = false;         // the floating console window is shown (top bar "Instructor", F9)
    bool advanced = false;     // the "Advanced" part of the window is expanded
    float window_top = -1.0f;  // the window's top edge last frame (limits its height); -1 = not shown yet
    // Beginner scenarios: the address line's person list switches people at once, without the sign-in
    // page (app/views/signin); off, the admin center, My Account and Mail go through sign-in.
    bool quick_switch = false;

    // PIN lock (a PIN from the scenario's "instructor" section or set in the settings menu)
    std::string run_pin;       // set in the settings menu for this run; replaces the scenario's PIN
    std::string pin_entry;     // the PIN field of the locked console (cleared after each try)
    std::string unlocked_pin;  // the PIN entered correctly ("" = never unlocked); another PIN locks again
    bool pin_wrong = false;    // the last try was wrong
    std::string settings_pin_entry;  // the settings menu's "new PIN" field

    // "Make the next [operation] fail with [error]"
    std::string fail_operation = "licences.assign";
    std::string fail_error;                // "" = the first code of the operation
    std::string codes_for;                 // operation + language the cached codes belong to
    std::vector<std::string> error_codes;  // the injectable error codes of fail_operation (cached)
    std::string notice_key;                // what the last essential action did (shown once it succeeded)
    std::string notice_operation, notice_error;

    // Advanced: the fault rule form
    std::string rule_id, rule_operation = "billing.place_order", rule_error = "service.unavailable";
    RuleEffect rule_effect = RuleEffect::Error;
    std::string rule_latency = "30s";
    int rule_first = 0;      // fire on the first N calls (0 = every call)
    int rule_percent = 100;  // probability in percent
    bool rule_as_json = false;
    std::string rule_json;     // the JSON text of a rule (add, or edit an existing one)
    std::string editing_rule;  // id of the rule the JSON editor changes ("" = adds a new rule)
    std::string json_error;    // the JSON text does not parse

    // Advanced: checkpoints and the journal
    std::string checkpoint_name;
    std::size_t journal_seen = 0;  // entries shown last frame (scroll to the newest when it grows)
};

}  // namespace app
