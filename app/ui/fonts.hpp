// app/ui/fonts.hpp — loads the UI fonts (DejaVu Sans, and bold for headings) into the ImGui atlas.
#pragma once

#include <string>

struct ImFont;
struct ImFontAtlas;

namespace app {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu";
constexpr float kHeadingScale = 1.3f;  // heading size relative to body text

// Clears `atlas` and adds the body font (atlas.Fonts[0]) at `pixel_size` and the heading font
// (Fonts[1]) with the glyphs German and English texts need (Latin-1, „ “ – — … €, ×, −). When the
// DejaVu files are missing, adds ImGui's built-in font instead, returns false and sets `warning` to
// one line for stderr. The renderer must re-upload the atlas texture afterwards.
bool load_fonts(ImFontAtlas& atlas, float pixel_size, std::string* warning,
                const std::string& dir = kFontDir);

// The heading font if the atlas has one, else nullptr (tests and the fallback use one font).
ImFont* heading_font();

}  // namespace app
