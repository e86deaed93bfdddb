// sim/support_cases.hpp — the support cases of the ground-truth references (assets/support-cases.json):
// C1–C20 from domain.md section 6, C21 on from domain-admin.md section 7. A scenario names the cases it
// reproduces in "support_cases"; the loader refuses an unknown number, and `npsim-cli list --cases`
// prints which scenarios cover which case.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario.hpp"
#include "sim/text.hpp"

namespace sim {

struct SupportCase {
    std::string id;      // "C12"
    std::string source;  // "domain.md §6"
    LocalText title;
};

// Reads a support-case list (the input policy of a catalog file: size, nesting, duplicate keys); false
// with `error` ("path: reason") when it cannot be read or a case is malformed or listed twice.
bool load_support_cases(const std::string& path, std::vector<SupportCase>& out, std::string& error);

// assets/support-cases.json of default_asset_dir(), read once; empty when it cannot be read (then the
// scenario loader does not check case numbers).
const std::vector<SupportCase>& shipped_support_cases();

// Each entry of the document's "support_cases" that `cases` does not list, with its pointer and a "did
// you mean". Nothing is checked when `cases` is empty.
void check_support_cases(const nlohmann::json& doc, const std::string& file,
                         const std::vector<SupportCase>& cases, std::vector<LoadError>& errors);

}  // namespace sim
