// sim/text.hpp — small text helpers shared by the loaders and the writers: bilingual texts, "did you
// mean …", text that is safe in an XML document and text that is safe on a terminal.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace sim {

// A text in English and German (German falls back to English when missing).
struct LocalText {
    std::string en, de;
    const std::string& in(const std::string& lang) const { return (lang == "de" && !de.empty()) ? de : en; }
};

// The closest of `known` to `unknown` (for "did you mean …"), or "" when nothing is close.
std::string suggest_key(const std::string& unknown, const std::vector<std::string>& known);
// "unknown key "x"" or "unknown key "x" — did you mean "y"?"
std::string unknown_key_message(const std::string& unknown, const std::vector<std::string>& known,
                                const char* what = "key");

// Every key of `obj` not in `known`, as (JSON pointer under `pointer`, message with a suggestion).
std::vector<std::pair<std::string, std::string>> unknown_keys(const nlohmann::json& obj,
                                                              const std::string& pointer,
                                                              const std::vector<std::string>& known);

// Valid UTF-8 made of characters XML 1.0 allows: every invalid UTF-8 sequence (overlong forms, encoded
// surrogates, code points above U+10FFFF, stray continuation bytes, a cut sequence) and every code point
// XML forbids (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF) becomes
// U+FFFD, the replacement character. No markup escaping: the XHTML writers escape & < > " ' after this.
std::string xml_text(std::string_view s);

// User-supplied text (titles, ids, labels, messages, paths) made safe to print on a terminal, so a file
// cannot move the cursor, recolour, retitle or clear the terminal, or forge an output line:
//   - C0 controls (U+0000–U+001F, including tab, LF and CR) and DEL become \xHH, e.g. ESC -> \x1b,
//     LF -> \x0a;
//   - C1 controls (U+0080–U+009F) and the bidirectional overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) become \uHHHH, e.g. CSI -> \u009b;
//   - a byte that is not part of valid UTF-8 becomes \xHH (e.g. \xff).
// Everything else (printable ASCII, backslash, other Unicode) is kept as it is.
std::string terminal_text(std::string_view s);

}  // namespace sim
