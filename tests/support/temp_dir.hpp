// tests/support/temp_dir.hpp — a fresh folder under the system's temporary directory for one test,
// removed with everything in it, and reading a whole file back.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <system_error>

#include <fmt/format.h>

namespace app::test {

struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const char* prefix = "npsim-test") {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / fmt::format("{}-{:08x}", prefix, rd());
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // Where the app would autosave if $XDG_STATE_HOME were <path>/state.
    std::string session() const { return (path / "state" / "npsim" / "session.npsim.json").string(); }
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace app::test
