// sim/files.hpp — reading text files and writing them atomically (via a temporary file + rename),
// so a crash, a kill -9 or a full disk never leaves half a scenario, session or debrief behind.
#pragma once

#include <string>

namespace sim {

bool read_text_file(const std::string& path, std::string& out);
// Writes `text` to `path.tmp` in the same folder, flushes and fsyncs it, renames it over `path` and
// fsyncs the folder, so after a crash `path` holds either the old or the new text, never a mix.
// False on failure: `path` is untouched and the temporary file is removed. `error` (optional) says why.
bool write_file_atomically(const std::string& path, const std::string& text, std::string* error = nullptr);

}  // namespace sim
