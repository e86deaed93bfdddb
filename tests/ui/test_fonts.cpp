// tests/ui/test_fonts.cpp — type and icons (issue 16, item 4): the atlas load_fonts() builds holds every
// glyph the texts and icons need (Inter, DejaVu under it, Material Icons merged in), icons sit square on
// the text line, the fallbacks work without the font files, and text and style sizes follow the
// window's size through size_factor_for().
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/fonts.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/theme.hpp"

namespace {

constexpr const char* kInterDir = "/usr/share/fonts/opentype/inter";
constexpr const char* kDejaVuDir = "/usr/share/fonts/truetype/dejavu";

bool fnt_test_exists(const std::string& path) {
    return std::ifstream(path).good();
}

bool fonts_installed() {
    for (const std::string& d : app::font_dirs()) {
        if (fnt_test_exists(d + "/Inter-Regular.otf")) {
            for (const std::string& e : app::font_dirs())
                if (fnt_test_exists(e + "/MaterialIcons-Regular.ttf")) return true;
        }
    }
    return false;
}

// ä ö ü Ä Ö Ü ß € – — „ “ ” ‚ ‘ … → ← · × −: the German and English texts' glyphs.
const std::vector<ImWchar> kTextGlyphs = {0x00E4, 0x00F6, 0x00FC, 0x00C4, 0x00D6, 0x00DC, 0x00DF,
                                          0x20AC, 0x2013, 0x2014, 0x201E, 0x201C, 0x201D, 0x201A,
                                          0x2018, 0x2026, 0x2192, 0x2190, 0x00B7, 0x00D7, 0x2212};

// The "U+XXXX" codepoints written in app/ui/icons.hpp, one per constant.
std::vector<ImWchar> icons_hpp_codepoints() {
    std::ifstream in(std::string(NPSIM_TEST_ASSET_DIR) + "/../app/ui/icons.hpp");
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    std::vector<ImWchar> out;
    const std::regex re(R"(inline constexpr const char\* k\w+ = "[^"]*";\s*// U\+([0-9A-F]{4}))");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(static_cast<ImWchar>(std::stoul((*it)[1].str(), nullptr, 16)));
    return out;
}

}  // namespace

TEST_CASE("fonts: every constant of icons.hpp is in the icon list load_fonts() merges", "[fonts]") {
    const std::vector<ImWchar> in_header = icons_hpp_codepoints();
    REQUIRE(in_header.size() >= 60);
    REQUIRE(in_header.size() == sizeof(app::icons::kAll) / sizeof(app::icons::kAll[0]));
    const std::vector<ImWchar>& listed = app::icon_codepoints();
    for (ImWchar c : in_header) {
        INFO("U+" << std::hex << c);
        CHECK(std::find(listed.begin(), listed.end(), c) != listed.end());
    }
}

TEST_CASE("fonts: the installed fonts give Inter with every text glyph and icon, icons on the text line",
          "[fonts]") {
    if (!fonts_installed()) {
        WARN("fonts-inter or fonts-material-design-icons-iconfont not installed: skipped");
        return;
    }
    ImFontAtlas atlas;
    std::string warning = "unset";
    REQUIRE(app::load_fonts(atlas, 16.0f, &warning));
    CHECK(warning.empty());
    CHECK(app::loaded_fonts().body.find("Inter-Regular.otf") != std::string::npos);
    CHECK(app::loaded_fonts().heading.find("Inter-SemiBold.otf") != std::string::npos);
    CHECK(app::loaded_fonts().icons.find("MaterialIcons-Regular.ttf") != std::string::npos);
    REQUIRE(atlas.Fonts.Size == 2);
    CHECK(atlas.Fonts[1]->FontSize == Approx(16.0f * app::kHeadingScale));
    for (ImFont* font : {atlas.Fonts[0], atlas.Fonts[1]}) {
        for (ImWchar c : kTextGlyphs) {
            INFO("text glyph U+" << std::hex << c);
            CHECK(font->FindGlyphNoFallback(c) != nullptr);
        }
        const ImFontGlyph* capital = font->FindGlyphNoFallback('H');
        REQUIRE(capital != nullptr);
        const float text_middle = (capital->Y0 + capital->Y1) * 0.5f;
        for (ImWchar c : app::icon_codepoints()) {
            INFO("icon U+" << std::hex << c << " at " << font->FontSize << " px");
            const ImFontGlyph* g = font->FindGlyphNoFallback(c);
            REQUIRE(g != nullptr);
            CHECK(g->AdvanceX == Approx(std::round(font->FontSize)));  // square
            CHECK(g->Y1 - g->Y0 <= font->FontSize);                    // no taller than the line
            CHECK(std::fabs((g->Y0 + g->Y1) * 0.5f - text_middle) <= 0.1f * font->FontSize);
        }
    }
}

TEST_CASE("fonts: the atlas stays small at 2x", "[fonts]") {
    if (!fonts_installed()) return;
    ImFontAtlas atlas;
    REQUIRE(app::load_fonts(atlas, 32.0f, nullptr));
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    CHECK(width <= 2048);
    CHECK(height <= 2048);
}

TEST_CASE("fonts: without Inter, DejaVu is the body font and a warning names what is missing", "[fonts]") {
    if (!fnt_test_exists(std::string(kDejaVuDir) + "/DejaVuSans.ttf")) return;
    ImFontAtlas atlas;
    std::string warning;
    REQUIRE(app::load_fonts(atlas, 16.0f, &warning, {kDejaVuDir}));
    CHECK(app::loaded_fonts().body.find("DejaVuSans.ttf") != std::string::npos);
    CHECK(app::loaded_fonts().heading.find("DejaVuSans-Bold.ttf") != std::string::npos);
    CHECK(app::loaded_fonts().icons.empty());
    CHECK(warning.find("Inter-Regular.otf") != std::string::npos);
    CHECK(warning.find("icon font not found") != std::string::npos);
    REQUIRE(atlas.Fonts.Size == 2);
    for (ImWchar c : kTextGlyphs) {
        INFO("U+" << std::hex << c);
        CHECK(atlas.Fonts[0]->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("fonts: DejaVu is merged under Inter for the glyphs Inter lacks", "[fonts]") {
    if (!fnt_test_exists(std::string(kInterDir) + "/Inter-Regular.otf")) return;
    ImFontAtlas atlas;
    REQUIRE(app::load_fonts(atlas, 16.0f, nullptr, {kInterDir, kDejaVuDir}));
    CHECK(app::loaded_fonts().body.find("Inter-Regular.otf") != std::string::npos);
    CHECK(app::loaded_fonts().fallback.find("DejaVuSans.ttf") != std::string::npos);
}

TEST_CASE("fonts: a directory without fonts gives the built-in font and a warning, no crash", "[fonts]") {
    ImFontAtlas atlas;
    std::string warning;
    CHECK_FALSE(app::load_fonts(atlas, 16.0f, &warning, {"/nonexistent/npsim-fonts"}));
    CHECK(warning.find("built-in font") != std::string::npos);
    CHECK(warning.find("/nonexistent/npsim-fonts") != std::string::npos);
    CHECK(app::loaded_fonts().body.empty());
    REQUIRE(atlas.Fonts.Size == 1);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    CHECK(pixels != nullptr);
    CHECK(atlas.Fonts[0]->FindGlyphNoFallback('A') != nullptr);
}

TEST_CASE("fonts: NPSIM_FONT_DIR's directories are searched first", "[fonts]") {
    const char* old = std::getenv(app::kFontDirEnv);
    const std::string saved = old ? old : "";
    ::setenv(app::kFontDirEnv, "/a:/b/", 1);
    const std::vector<std::string> dirs = app::font_dirs();
    if (old) {
        ::setenv(app::kFontDirEnv, saved.c_str(), 1);
    } else {
        ::unsetenv(app::kFontDirEnv);
    }
    REQUIRE(dirs.size() == 5);
    CHECK(dirs[0] == "/a");
    CHECK(dirs[1] == "/b/");
    CHECK(dirs[2] == kInterDir);
}

TEST_CASE("scale: the size factor grows with the window in steps, from 1 at 1280x800 to 1.5", "[fonts]") {
    CHECK(app::size_factor_for(1280, 800) == 1.0f);
    CHECK(app::size_factor_for(1000, 700) == 1.0f);  // smaller windows keep the design size
    CHECK(app::size_factor_for(1440, 900) == 1.125f);
    CHECK(app::size_factor_for(1920, 1080) == 1.25f);
    CHECK(app::size_factor_for(1920, 1200) == 1.5f);
    CHECK(app::size_factor_for(2560, 1440) == 1.5f);
    CHECK(app::size_factor_for(3840, 2160) == 1.5f);
    CHECK(app::size_factor_for(1919, 1079) == 1.25f);  // a few pixels do not change the step
    CHECK(app::size_factor_for(1279, 799) == 1.0f);
    CHECK(app::size_factor_for(-1, -1) == 1.0f);  // size not yet known
}

TEST_CASE("scale: the style is scaled once by content scale x size factor, whatever re-applies it",
          "[fonts]") {
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    app::apply_theme(app::Theme::Light, 1.0f);
    const ImGuiStyle base = ImGui::GetStyle();
    app::set_size_factor(1.25f);
    CHECK(app::ui_scale() == 1.25f);
    CHECK(app::ui_px(40.0f) == 50.0f);
    CHECK(ImGui::GetStyle().FramePadding.x == std::floor(base.FramePadding.x * 1.25f));
    CHECK(ImGui::GetStyle().WindowPadding.x == std::floor(base.WindowPadding.x * 1.25f));
    app::set_size_factor(1.25f);  // again: not 1.25²
    app::apply_theme(app::Theme::Dark, 1.0f);
    CHECK(ImGui::GetStyle().FramePadding.x == std::floor(base.FramePadding.x * 1.25f));
    app::apply_theme(app::Theme::Light, 2.0f);  // a HiDPI monitor: both
    CHECK(app::ui_scale() == 2.5f);
    CHECK(ImGui::GetStyle().WindowPadding.x == std::floor(base.WindowPadding.x * 2.5f));
    app::set_size_factor(1.0f);
    app::apply_theme(app::Theme::Light, 1.0f);  // leave the globals as the other tests expect
    CHECK(ImGui::GetStyle().FramePadding.x == base.FramePadding.x);
    ImGui::DestroyContext(context);
}
