// app/ui/fonts.cpp — font atlas setup with a checked fallback to the built-in font.
#include "app/ui/fonts.hpp"

#include <cstdio>

#include <imgui.h>

namespace app {

namespace {

// Unicode ranges, zero terminated; must outlive the atlas build (hence static storage).
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (ä ö ü ß × ·)
    0x2010, 0x2027,  // dashes – —, quotes „ “ ‚ ‘, bullet, ellipsis …
    0x20AC, 0x20AC,  // €
    0x2190, 0x2193,  // ← ↑ → ↓
    0x2212, 0x2212,  // − (minus sign, in "Ctrl −")
    0,
};

bool file_exists(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

ImFont* add_ttf(ImFontAtlas& atlas, const std::string& path, float pixel_size) {
    // AddFontFromFileTTF asserts on a missing file in debug builds, so look first, then check the result.
    if (!file_exists(path)) return nullptr;
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 2;
    return atlas.AddFontFromFileTTF(path.c_str(), pixel_size, &config, kGlyphRanges);
}

}  // namespace

bool load_fonts(ImFontAtlas& atlas, float pixel_size, std::string* warning, const std::string& dir) {
    atlas.Clear();
    const std::string body_path = dir + "/DejaVuSans.ttf";
    if (add_ttf(atlas, body_path, pixel_size) != nullptr) {
        // The bold face is optional: without it headings use the body font.
        add_ttf(atlas, dir + "/DejaVuSans-Bold.ttf", pixel_size * kHeadingScale);
        return true;
    }
    atlas.Clear();
    ImFontConfig fallback;
    fallback.SizePixels = pixel_size < 13.0f ? 13.0f : pixel_size;
    atlas.AddFontDefault(&fallback);
    if (warning) *warning = "npsim: font not found: " + body_path + " — using the built-in font";
    return false;
}

ImFont* heading_font() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : nullptr;
}

}  // namespace app
