// sim/input_file.cpp — reading an input file under the policy of its kind (see input_file.hpp).
#include "sim/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace sim {

// [SECTION] Reading

namespace {

std::string describe_size(std::size_t bytes) {
    constexpr double MiB = 1024.0 * 1024.0;
    if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / MiB);
    if (bytes >= 1024) return fmt::format("{} KiB", bytes / 1024);
    return fmt::format("{} bytes", bytes);
}

const char* file_type_name(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

bool read_input_file(const std::string& path, InputKind kind, std::string& out, std::string& error) {
    const InputLimits limits = input_limits(kind);
    auto os_error = [&](const char* what) {
        error = fmt::format("{} ({})", what, std::strerror(errno));
        return false;
    };
    // stat first: opening a FIFO for reading would block until a writer comes.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return os_error("cannot be read");
    if (!S_ISREG(st.st_mode)) {
        error = fmt::format("is {}, not {} (only regular files are read)", file_type_name(st.st_mode),
                            input_kind_name(kind));
        return false;
    }
    if (static_cast<std::size_t>(st.st_size) > limits.max_bytes) {
        error = fmt::format("is {}, larger than the {} {} may have",
                            describe_size(static_cast<std::size_t>(st.st_size)),
                            describe_size(limits.max_bytes), input_kind_name(kind));
        return false;
    }
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, open does not wait.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return os_error("cannot be opened");
    struct stat fst {};
    if (::fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
        ::close(fd);
        error = "is not a regular file (only regular files are read)";
        return false;
    }
    std::string text;
    text.resize(static_cast<std::size_t>(fst.st_size));
    std::size_t done = 0;
    // Read at most one byte past the limit, so a file that grows while it is read is still refused.
    for (;;) {
        if (done == text.size()) {
            if (text.size() > limits.max_bytes) break;
            text.resize(std::min(limits.max_bytes + 1, text.size() + 64 * 1024));
        }
        const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            errno = saved;
            return os_error("cannot be read");
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (done > limits.max_bytes) {
        error = fmt::format("is larger than the {} {} may have", describe_size(limits.max_bytes),
                            input_kind_name(kind));
        return false;
    }
    text.resize(done);
    out = std::move(text);
    return true;
}

}  // namespace sim
