// sim/files.hpp — reading text files and writing them atomically (via a temporary file + rename),
// so a crash or a full disk never leaves half a scenario, journal or debrief behind.
#pragma once

#include <string>

namespace sim {

bool read_text_file(const std::string& path, std::string& out);
// Writes `text` to `path.tmp`, flushes, then renames it over `path`. False (and `path` untouched) on failure.
bool write_file_atomically(const std::string& path, const std::string& text);

}  // namespace sim
