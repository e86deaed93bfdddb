// app/main.cpp — the npsim desktop executable: command line, window, frame loop. An empty shell:
// the UI lives in npsim_ui (app/ui, app/views), the simulation in npsim_core (sim/).
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImGui::ErrorCheckEndFrameRecover
#include <CLI/CLI.hpp>

#include "app/platform.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/layout_check.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/session.hpp"
#include "app/ui/shell.hpp"
#include "app/ui/theme.hpp"
#include "sim/data_files.hpp"
#include "sim/scenario.hpp"
#include "sim/version.hpp"

static_assert(IMGUI_VERSION_NUM >= 18600, "npsim needs Dear ImGui 1.86 or newer");

namespace {

constexpr int kScreenshotFrames = 4;  // enough for ImGui to lay out windows and popups

struct Options {
    std::string scenario = sim::default_scenario_path();
    std::string lang = app::system_language();
    std::string screenshot;
    std::string screen;
    std::string size = "1280x800";
    std::string theme = "light";
    std::string mode;     // demo | guided | exam: start the scenario as training (default: free play)
    bool resume = false;  // continue the saved session (app/ui/session.hpp)
    bool instructor = false, instructor_advanced = false;  // open the instructor console window (F9)
    std::string open;              // a session file or support case to view read only (scenario.replay)
    int frames = 0;                // draw this many frames and exit (start-up measurement; no session file)
    bool startup_profile = false;  // print where the start-up's time goes (stderr)
    bool check_layout = false;     // the layout self-check (app/ui/layout_check.hpp), headless
    bool verbose = false;          // --check-layout: also list the allowed ellipses
    std::string check_filter;      // --check-layout: only the cases whose name contains this
};

// Where the start-up's time goes (--startup-profile): wall milliseconds per phase, on stderr.
class StartupProfile {
public:
    explicit StartupProfile(bool on) : on_(on), last_(std::chrono::steady_clock::now()), first_(last_) {}
    void mark(const char* phase) {
        if (!on_) return;
        const auto now = std::chrono::steady_clock::now();
        std::cerr << fmt::format("{:<44}{:8.1f} ms\n", phase, ms(now - last_));
        last_ = now;
    }
    void total() {
        if (on_)
            std::cerr << fmt::format("{:<44}{:8.1f} ms\n", "total",
                                     ms(std::chrono::steady_clock::now() - first_));
    }

private:
    static double ms(std::chrono::steady_clock::duration d) {
        return std::chrono::duration<double, std::milli>(d).count();
    }
    bool on_;
    std::chrono::steady_clock::time_point last_, first_;
};

bool parse_size(const std::string& text, int& width, int& height) {
    char x = 0;
    return std::sscanf(text.c_str(), "%d%c%d", &width, &x, &height) == 3 && (x == 'x' || x == 'X') &&
           width >= app::platform::kMinWindowWidth && height >= app::platform::kMinWindowHeight;
}

// Text size: the base size × the monitor's content scale × the window's size factor × Ctrl +/−.
// A missing font is said once, not at every rebuild.
void rebuild_fonts(app::platform::Window& window, const app::UiState& ui) {
    static bool warned = false;
    std::string warning;
    const float pixels = app::kBaseFontPixels * window.content_scale() * app::size_factor() * ui.font_scale;
    app::load_fonts(*ImGui::GetIO().Fonts, pixels, &warning);
    if (!warning.empty() && !std::exchange(warned, true)) std::cerr << warning << "\n";
    window.reload_fonts();
}

// The size factor (app::size_factor_for) follows the window's size once it has rested this long, so
// a drag rebuilds the atlas once rather than at every step it crosses. At start: at once.
constexpr double kSizeSettleSeconds = 0.25;
struct SizeFollower {
    float pending = 0.0f;  // a factor waiting for the size to rest, 0: none
    double since = 0.0;
};
SizeFollower g_size_follower;

// True when the factor changed (the style is re-applied; the caller rebuilds the fonts).
bool follow_window_size(app::platform::Window& window, double now, bool at_once) {
    SizeFollower& f = g_size_follower;
    float width = 0.0f, height = 0.0f;
    window.logical_size(width, height);
    const float wanted = app::size_factor_for(width, height);
    if (wanted == app::size_factor()) {
        f.pending = 0.0f;
        return false;
    }
    if (wanted != f.pending) f = SizeFollower{wanted, now};
    if (!at_once && now - f.since < kSizeSettleSeconds) return false;
    app::set_size_factor(wanted);
    f.pending = 0.0f;
    return true;
}

// How long the loop may sleep: not past the moment a pending size factor is due.
std::optional<double> size_wait(std::optional<double> timeout, double now) {
    if (g_size_follower.pending == 0.0f) return timeout;
    const double due = std::max(0.0, g_size_follower.since + kSizeSettleSeconds - now) + 0.01;
    return timeout ? std::min(*timeout, due) : due;
}

}  // namespace

// The headless command for this build: npsim-cli beside this executable (installed: <prefix>/bin/) or
// in the build tree (build/<preset>/tools/).
static std::string headless_command(const char* argv0, const std::string& scenario) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = argv0;
    std::string program = "npsim-cli";
    for (const fs::path& cli :
         {exe.parent_path() / "npsim-cli", exe.parent_path() / ".." / "tools" / "npsim-cli"})
        if (fs::exists(cli, ec)) {
            program = fs::relative(cli.lexically_normal(), fs::current_path(), ec).string();
            break;
        }
    return program + " run " + scenario + " --solution";
}

namespace {

int run(int argc, char** argv);

}  // namespace

// The last resort: an exception that escapes everything below becomes a message and exit 1, never an
// abort (errors while a window is open go to the error screen instead, see run()).
int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "npsim: unexpected error: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "npsim: unexpected error\n";
    }
    return 1;
}

namespace {

// One frame: the loop's work between waiting and swapping. An exception on the way (a bug) turns
// into the error screen: ImGui's half-built frame is closed so the next one starts clean.
void frame(app::platform::Window& window, app::Shell& shell, bool screenshot, double& last) {
    for (app::platform::Shortcut s : window.take_shortcuts()) {
        const float scale = shell.ui().font_scale;
        using app::platform::Shortcut;
        if (s == Shortcut::ToggleInstructor) {
            shell.commands().push(app::ToggleInstructorConsole{});
            continue;
        }
        const float next = s == Shortcut::ZoomIn    ? scale + app::kFontScaleStep
                           : s == Shortcut::ZoomOut ? scale - app::kFontScaleStep
                                                    : 1.0f;
        shell.commands().push(app::SetFontScale{next});
    }
    const double now = window.time();
    // A screenshot shows the scenario's start time, whatever the machine's speed.
    if (!screenshot) shell.advance(now - last);
    last = now;
    const bool resized = follow_window_size(window, now, screenshot);
    if (shell.take_fonts_dirty() || resized) rebuild_fonts(window, shell.ui());

    window.new_frame();
    // A screenshot shows no hover effects or tooltips, wherever the (virtual) pointer happens to be.
    if (screenshot) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    try {
        shell.draw();
    } catch (...) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);  // close what the view left open, then report it
        ImGui::Render();
        throw;
    }
    ImGui::Render();
}

// The command line: nullopt to go on, else the exit code (--help, --version, --list-screens, mistakes).
std::optional<int> parse_command_line(int argc, char** argv, Options& opt,
                                      app::platform::WindowOptions& window_options) {
    bool list_screens = false;
    CLI::App cli{"npsim — the Nonprofit Admin Sandbox (a simulation, not connected to Microsoft)"};
    cli.set_version_flag("--version", std::string("npsim ") + sim::version());
    cli.add_option("--scenario", opt.scenario, "Scenario file to start")->capture_default_str();
    cli.add_option("--lang", opt.lang, "Language of the interface")->check(CLI::IsMember({"en", "de"}));
    cli.add_option("--screenshot", opt.screenshot, "Render a few frames, write this PNG and exit");
    cli.add_option("--screen", opt.screen, "Screen to show at start (see --list-screens)");
    cli.add_option("--size", opt.size, "Window size WxH")->capture_default_str();
    cli.add_option("--theme", opt.theme, "Colour theme")
        ->check(CLI::IsMember({"light", "dark"}))
        ->capture_default_str();
    cli.add_option("--mode", opt.mode, "Run the scenario as training")
        ->check(CLI::IsMember({"demo", "guided", "exam"}));
    cli.add_flag("--resume", opt.resume, "Continue the last session (saved automatically while you work)");
    cli.add_flag("--instructor", opt.instructor, "Open the instructor console window (F9 toggles it)");
    cli.add_flag("--instructor-advanced", opt.instructor_advanced,
                 "Open the instructor console with Advanced expanded");
    cli.add_option("--open", opt.open, "View a session file or support case (repro bundle) read only");
    cli.add_flag("--list-screens", list_screens, "Print the screen names and exit");
    cli.add_option("--frames", opt.frames, "Draw this many frames and exit (start-up measurement)")
        ->check(CLI::Range(1, 1000));
    cli.add_flag("--startup-profile", opt.startup_profile, "Print where the start-up's time goes");
    cli.add_flag("--check-layout", opt.check_layout,
                 "Check the layout of every screen, wizard step and pane (de/en, 1280x800/1920x1080, "
                 "light/dark) without a window; exit 1 on any finding");
    cli.add_flag("--verbose", opt.verbose, "With --check-layout: also list the allowed ellipses");
    cli.add_option("--check-filter", opt.check_filter, "With --check-layout: only the cases containing this");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }

    if (list_screens) {
        for (const app::ScreenSpec& s : app::screens()) std::cout << s.name << "\n";
        return 0;
    }
    if (!opt.screen.empty() && !app::find_screen(opt.screen)) {
        std::cerr << "npsim: unknown screen '" << opt.screen << "' (see npsim --list-screens)\n";
        return 1;
    }
    if (!parse_size(opt.size, window_options.width, window_options.height)) {
        std::cerr << "npsim: --size wants WxH of at least " << app::platform::kMinWindowWidth << "x"
                  << app::platform::kMinWindowHeight << ", e.g. 1280x800\n";
        return 1;
    }
    return std::nullopt;
}

// Resume (--resume) or load the scenario; a bad session file is moved to .bad and explained on the
// overview; an unexpected error shows on the error screen. Never an abort. Then what the command line
// asks for: --open, --screen, --instructor, --theme. `started`: a scenario runs; `session_failed`: the
// session file or --open failed.
void start_shell(app::Shell& shell, const Options& opt, bool& started, bool& session_failed) {
    for (const std::string& e : shell.string_errors()) std::cerr << "npsim: " << e << "\n";
    started = shell.start_up(opt.scenario, opt.mode, opt.resume);
    if (!started) {
        for (const std::string& e : shell.scenario().errors) std::cerr << "npsim: " << e << "\n";
    }
    session_failed = false;
    if (const app::SessionStatus& s = shell.session(); !s.bad_error.empty()) {
        session_failed = true;
        std::cerr << "npsim: " << s.bad_path << ": " << s.bad_error << " ("
                  << (s.kept_as.empty() ? std::string("could not be renamed, left as it is")
                                        : "kept as " + s.kept_as)
                  << ")\n";
    } else if (opt.resume && !shell.session().resumed) {
        std::cerr << "npsim: no saved session to resume (" << s.path << ")\n";
    }
    if (!opt.open.empty() && !shell.open_replay(opt.open)) {
        session_failed = true;
        std::cerr << "npsim: " << shell.view_state().replay.open_error << "\n";
    }
    if (!opt.screen.empty()) shell.show_screen(opt.screen);
    if (opt.instructor || opt.instructor_advanced)
        shell.commands().push(app::OpenInstructorConsole{opt.instructor_advanced});
    if (opt.theme == "dark") shell.commands().push(app::SetTheme{app::Theme::Dark});
    shell.apply_commands();
}

// Main loop: wait → wall time to sim time → frame → apply the frame's commands. Returns the exit code
// of a screenshot (after its frames), nullopt when the window was closed.
std::optional<int> main_loop(std::unique_ptr<app::platform::Window>& window, app::Shell& shell,
                             const Options& opt, bool started, bool session_failed, StartupProfile& profile) {
    const bool screenshot = !opt.screenshot.empty() || opt.frames > 0;
    int frames = 0;
    bool first_frame_drawn = false;
    int errors_in_a_row = 0;  // the error screen itself failing: give up instead of looping
    double last = window->time();
    auto unexpected = [&](const std::string& what) {
        std::cerr << "npsim: unexpected error: " << what << "\n";
        started = false;
        if (++errors_in_a_row > 3) throw std::runtime_error("the error screen cannot be shown: " + what);
        shell.show_error(what);
    };
    while (!window->should_close()) {
        if (screenshot) {
            window->wait_events(0.0);
        } else {
            window->wait_events(size_wait(shell.wait_seconds(), window->time()));
        }
        try {
            frame(*window, shell, screenshot, last);
        } catch (const std::exception& e) {
            unexpected(e.what());
            continue;
        } catch (...) {
            unexpected("unknown error");
            continue;
        }
        const ImVec4 bg = app::palette().work_bg;
        window->set_clear_colour(bg.x, bg.y, bg.z);
        window->render();
        if (!first_frame_drawn) profile.mark("first frame (layout, font atlas upload)");
        first_frame_drawn = true;
        if (opt.frames > 0 && ++frames == opt.frames) {
            window->swap();
            profile.mark("the other frames");
            return started && !session_failed ? 0 : 1;
        }
        if (!opt.screenshot.empty() && ++frames == kScreenshotFrames) {
            std::string error;
            const bool ok = window->save_screenshot(opt.screenshot, &error);
            if (!ok) std::cerr << "npsim: " << error << "\n";
            // The picture is written either way; the exit code says whether it shows what was asked for.
            return ok && started && !session_failed ? 0 : 1;
        }
        window->swap();
        try {
            shell.apply_commands();
            errors_in_a_row = 0;
        } catch (const std::exception& e) {
            unexpected(e.what());
        } catch (...) {
            unexpected("unknown error");
        }
    }
    return std::nullopt;
}

int run(int argc, char** argv) {
    Options opt;
    app::platform::WindowOptions window_options;
    if (const std::optional<int> exit_code = parse_command_line(argc, argv, opt, window_options))
        return *exit_code;
    if (opt.check_layout)
        return app::layout::check_layout(
            {sim::default_asset_dir(), sim::default_scenario_dir(), opt.verbose, opt.check_filter},
            std::cout);

    StartupProfile profile(opt.startup_profile);
    // ImGui context, then the window with its backends
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini in the working directory
    std::string error;
    auto window = app::platform::Window::open(window_options, &error);
    if (!window) {
        std::cerr << "npsim: no display found \u2014 use the headless command: "
                  << headless_command(argv[0], opt.scenario) << "\n";
        ImGui::DestroyContext();
        return 2;
    }
    profile.mark("window, OpenGL context, ImGui backends");

    // The shell: strings, theme, scenario
    // The session file: $XDG_STATE_HOME/npsim/session.npsim.json (autosave, --resume).
    // A screenshot never asks whether to resume an interrupted session.
    std::optional<app::Shell> shell_storage;
    try {
        shell_storage.emplace(app::ShellOptions{sim::default_asset_dir(), opt.lang, window->content_scale(),
                                                app::default_session_path(),
                                                opt.screenshot.empty() && opt.frames == 0});
    } catch (const std::exception& e) {
        // Nothing to show anything with: say it and stop.
        std::cerr << "npsim: cannot start: " << e.what() << "\n";
        window.reset();
        ImGui::DestroyContext();
        return 1;
    }
    app::Shell& shell = *shell_storage;
    profile.mark("UI texts (i18n) and theme");
    bool started = false, session_failed = false;
    start_shell(shell, opt, started, session_failed);
    profile.mark("scenario and catalog, session file check");
    follow_window_size(*window, window->time(), true);
    rebuild_fonts(*window, shell.ui());
    profile.mark("fonts (TTF files, glyph atlas)");

    if (const std::optional<int> screenshot_exit =
            main_loop(window, shell, opt, started, session_failed, profile)) {
        window.reset();
        ImGui::DestroyContext();
        profile.mark("shut down");
        profile.total();
        return *screenshot_exit;
    }

    // Save the session (the time that passed since the last action), then shut down in reverse order
    try {
        if (!shell.save_session() && !shell.session().save_error.empty())
            std::cerr << "npsim: " << shell.session().save_error << "\n";
    } catch (const std::exception& e) {
        std::cerr << "npsim: the session could not be saved: " << e.what() << "\n";
    }
    window.reset();
    ImGui::DestroyContext();
    return 0;
}

}  // namespace
