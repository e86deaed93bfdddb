// app/views/scenario/scenario_state.hpp — UI-only state of the scenario panel: mode, checklist, hints,
// instructor console.
//
// Widgets edit these fields directly (text buffers, selections, open panes): they are never part of
// the simulated world, never hashed or journaled. Changes to the world go through commands.
#pragma once

#include <string>
#include <vector>

#include "app/ui/training.hpp"

namespace app {

struct ScenarioViewState {
    // The overview's copy of the library (scanned once, again on "Refresh").
    bool library_scanned = false;
    std::vector<LibraryEntry> library;
    int selected = -1;         // index into library
    std::string chosen_mode;   // "demo" | "guided" | "exam" ("" = the default for the selection)
    std::string chosen_lang;   // "en" | "de" ("" = the interface language)
    int presets_injected = 0;  // numbers the console's rule ids (preset-…-N)
    // "Export repro bundle" (console and score): the note stored in the bundle and the folder
    // ("" = the current directory).
    std::string bundle_note, bundle_dir;
};

}  // namespace app
