// app/ui/fonts.cpp — font atlas setup: Inter, DejaVu under it, Material Icons merged in, and a checked
// fallback to the built-in font.
#include "app/ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/ui/icons.hpp"

namespace app {

namespace {

// Unicode ranges, zero terminated; must outlive the atlas build (hence static storage). Inter 4 has
// all of them (it lacks only the C1 controls 0x80–0x9F); DejaVu, merged under it, fills any gap.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (ä ö ü ß × ·)
    0x2010, 0x2027,  // dashes – —, quotes „ “ ‚ ‘, bullet, ellipsis …
    0x20AC, 0x20AC,  // €
    0x2190, 0x2193,  // ← ↑ → ↓
    0x2212, 0x2212,  // − (minus sign, in "Ctrl −")
    0,
};

constexpr const char* kInterRegular = "Inter-Regular.otf";
constexpr const char* kInterHeading[] = {"Inter-SemiBold.otf", "Inter-Bold.otf"};
constexpr const char* kDejaVu = "DejaVuSans.ttf";
constexpr const char* kDejaVuBold = "DejaVuSans-Bold.ttf";
constexpr const char* kMaterialIcons = "MaterialIcons-Regular.ttf";

// Material Icons draws a 24-unit icon in its em square, which ImGui puts 3/16 of the size too high
// for text: this moves the icon's centre onto the middle of the line (= the middle of Inter's and
// DejaVu's capitals), so "icon + label" sits on one line.
constexpr float kIconOffsetY = 3.0f / 16.0f;

LoadedFonts& fnt_loaded() {
    static LoadedFonts fonts;
    return fonts;
}

bool fnt_file_exists(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

std::string fnt_find(const std::vector<std::string>& dirs, const char* name) {
    for (const std::string& dir : dirs) {
        const std::string path = (dir.empty() || dir.back() == '/' ? dir : dir + "/") + name;
        if (fnt_file_exists(path)) return path;
    }
    return {};
}

// One UTF-8 sequence (icons.hpp spells each glyph as one) to its codepoint.
unsigned fnt_decode(const char* s) {
    const auto b = [s](int i) { return static_cast<unsigned>(static_cast<unsigned char>(s[i])); };
    if (b(0) < 0x80) return b(0);
    if (b(0) < 0xE0) return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
}

// icon_codepoints() as ImGui ranges (each codepoint its own pair), zero terminated.
const ImWchar* fnt_icon_ranges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> out;
        for (ImWchar c : icon_codepoints()) {
            out.push_back(c);
            out.push_back(c);
        }
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

ImFontConfig fnt_text_config(bool merge) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 2;
    config.MergeMode = merge;
    return config;
}

// Icons: square (as wide as the text is high), on the text's line, pixel-snapped for crisp edges.
void fnt_merge_icons(ImFontAtlas& atlas, const std::string& path, float pixel_size) {
    if (path.empty()) return;
    ImFontConfig config;
    config.MergeMode = true;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.GlyphMinAdvanceX = std::round(pixel_size);
    config.GlyphOffset = ImVec2(0.0f, std::round(pixel_size * kIconOffsetY));
    atlas.AddFontFromFileTTF(path.c_str(), pixel_size, &config, fnt_icon_ranges());
}

// One face: `main` (checked to exist) with `fallback` merged under it for the glyphs it lacks, then
// the icons.
ImFont* fnt_add_face(ImFontAtlas& atlas, const std::string& main, const std::string& fallback,
                     const std::string& icons, float pixel_size) {
    ImFontConfig config = fnt_text_config(false);
    ImFont* font = atlas.AddFontFromFileTTF(main.c_str(), pixel_size, &config, kGlyphRanges);
    if (font == nullptr) return nullptr;
    if (!fallback.empty()) {
        ImFontConfig merged = fnt_text_config(true);
        atlas.AddFontFromFileTTF(fallback.c_str(), pixel_size, &merged, kGlyphRanges);
    }
    fnt_merge_icons(atlas, icons, pixel_size);
    return font;
}

void fnt_builtin(ImFontAtlas& atlas, float pixel_size, const std::string& icons) {
    atlas.Clear();
    ImFontConfig fallback;
    fallback.SizePixels = std::max(13.0f, pixel_size);
    atlas.AddFontDefault(&fallback);
    fnt_merge_icons(atlas, icons, fallback.SizePixels);
}

std::string fnt_where(const std::vector<std::string>& dirs) {
    std::string out;
    for (const std::string& d : dirs) out += (out.empty() ? "" : ", ") + d;
    return out;
}

}  // namespace

std::vector<std::string> font_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv(kFontDirEnv)) {
        const std::string list = env;
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t end = std::min(list.find(':', start), list.size());
            if (end > start) dirs.push_back(list.substr(start, end - start));
            start = end + 1;
        }
    }
    for (const char* d : {"/usr/share/fonts/opentype/inter", "/usr/share/fonts/truetype/dejavu",
                          "/usr/share/fonts/truetype/material-design-icons-iconfont"})
        dirs.emplace_back(d);
    return dirs;
}

const LoadedFonts& loaded_fonts() {
    return fnt_loaded();
}

const std::vector<ImWchar>& icon_codepoints() {
    static const std::vector<ImWchar> codepoints = [] {
        std::vector<ImWchar> out;
        for (const char* icon : icons::kAll) out.push_back(static_cast<ImWchar>(fnt_decode(icon)));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return codepoints;
}

bool load_fonts(ImFontAtlas& atlas, float pixel_size, std::string* warning,
                const std::vector<std::string>& dirs) {
    atlas.Clear();
    LoadedFonts& f = fnt_loaded();
    f = LoadedFonts{};
    std::string notes;
    const auto note = [&notes](const std::string& line) { notes += (notes.empty() ? "" : "\n") + line; };
    const std::string inter = fnt_find(dirs, kInterRegular);
    const std::string dejavu = fnt_find(dirs, kDejaVu);
    f.icons = fnt_find(dirs, kMaterialIcons);
    f.body = inter.empty() ? dejavu : inter;
    f.fallback = inter.empty() ? std::string() : dejavu;
    if (!inter.empty()) {
        for (const char* name : kInterHeading)
            if (f.heading.empty()) f.heading = fnt_find(dirs, name);
    }
    const std::string dejavu_bold = fnt_find(dirs, kDejaVuBold);
    if (f.heading.empty()) f.heading = dejavu_bold;
    if (inter.empty())
        note("npsim: font not found: " + std::string(kInterRegular) + " (fonts-inter) in " + fnt_where(dirs) +
             (dejavu.empty() ? "" : " \u2014 using DejaVu Sans"));
    if (f.icons.empty())
        note("npsim: icon font not found: " + std::string(kMaterialIcons) +
             " (fonts-material-design-icons-iconfont) \u2014 icons show as boxes");

    bool ok = !f.body.empty() && fnt_add_face(atlas, f.body, f.fallback, f.icons, pixel_size) != nullptr;
    // The heading face is optional: without it headings use the body font.
    if (ok && !f.heading.empty()) {
        const std::string heading_fallback = f.heading == dejavu_bold ? std::string() : dejavu_bold;
        fnt_add_face(atlas, f.heading, heading_fallback, f.icons, pixel_size * kHeadingScale);
    }
    if (ok) ok = atlas.Build();  // a damaged file fails here rather than in the renderer
    if (!ok) {
        note("npsim: font not found: " + std::string(kDejaVu) + " in " + fnt_where(dirs) +
             " \u2014 using the built-in font");
        fnt_builtin(atlas, pixel_size, f.icons);
        f.body.clear();
        f.heading.clear();
        f.fallback.clear();
    }
    if (warning) *warning = notes;
    return ok;
}

ImFont* heading_font() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : nullptr;
}

}  // namespace app
