// app/ui/fonts.hpp — loads the UI fonts into the ImGui atlas: Inter (Debian: fonts-inter) for text and
// Inter SemiBold for headings, DejaVu Sans (fonts-dejavu-core) for the glyphs Inter lacks or instead of
// it, and the Material Icons glyphs of app/ui/icons.hpp (fonts-material-design-icons-iconfont) merged
// into both.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace app {

constexpr float kHeadingScale = 1.3f;  // heading size relative to body text

// Environment variable naming directories (':'-separated) searched for the font files before the
// Debian paths; the app and the tests both use font_dirs().
constexpr const char* kFontDirEnv = "NPSIM_FONT_DIR";

// The directories searched for each font file, in order: $NPSIM_FONT_DIR's entries, then the Debian
// package paths (/usr/share/fonts/opentype/inter, …/truetype/dejavu,
// …/truetype/material-design-icons-iconfont).
std::vector<std::string> font_dirs();

// The files load_fonts() used last (empty: not found). For tests and --startup-profile.
struct LoadedFonts {
    std::string body;      // Inter-Regular.otf, else DejaVuSans.ttf, else empty (ImGui's built-in font)
    std::string heading;   // Inter-SemiBold.otf, else DejaVuSans-Bold.ttf
    std::string fallback;  // DejaVuSans.ttf merged under Inter for glyphs Inter lacks
    std::string icons;     // MaterialIcons-Regular.ttf
};
const LoadedFonts& loaded_fonts();

// Clears `atlas` and adds the body font (atlas.Fonts[0]) at `pixel_size` and the heading font
// (Fonts[1], kHeadingScale larger) with the glyphs German and English texts need (Latin-1, „ “ – — … €,
// ×, −, arrows) and the icons of icons::kAll, each font file looked for in `dirs`. Returns false when
// no text font was found (then the atlas holds ImGui's built-in font, with the icons if their font was
// found). `warning` gets one line per missing font (for stderr), empty when all were found. The
// renderer must re-upload the atlas texture afterwards.
bool load_fonts(ImFontAtlas& atlas, float pixel_size, std::string* warning,
                const std::vector<std::string>& dirs = font_dirs());

// The heading font if the atlas has one, else nullptr (tests and the fallback use one font).
ImFont* heading_font();

// The codepoints of icons::kAll, the only icon glyphs in the atlas.
const std::vector<ImWchar>& icon_codepoints();

}  // namespace app
