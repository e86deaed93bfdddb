// sim/files.cpp — file helpers shared by the loaders, the CLI and the app.
#include "sim/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace sim {

namespace {

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

bool read_text_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool write_file_atomically(const std::string& path, const std::string& text, std::string* error) {
    const std::string tmp = path + ".tmp";
    auto fail = [&](const char* step, bool remove_tmp) {
        const int saved = errno;
        if (remove_tmp) ::unlink(tmp.c_str());
        if (error) *error = fmt::format("{}: {} ({})", path, step, std::strerror(saved));
        return false;
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail("cannot create the temporary file", false);
    // The data must be on disk before the rename makes it the file, or a crash could leave it empty.
    if (!write_all(fd, text) || ::fsync(fd) != 0) {
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return fail("cannot write", true);
    }
    if (::close(fd) != 0) return fail("cannot write", true);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot replace the file", true);
    // The rename itself lives in the folder: sync it so the new name survives a power cut.
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

}  // namespace sim
