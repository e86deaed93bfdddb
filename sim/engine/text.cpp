// sim/text.cpp — edit distance for suggestions; XML-safe and terminal-safe text.
#include "sim/text.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace sim {

static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string suggest_key(const std::string& unknown, const std::vector<std::string>& known) {
    std::string best;
    std::size_t best_d = std::string::npos;
    for (const auto& k : known) {
        const std::size_t d = edit_distance(unknown, k);
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    if (best.empty() || best_d > std::max<std::size_t>(1, (unknown.size() + 1) / 3)) return "";
    return best;
}

std::string unknown_key_message(const std::string& unknown, const std::vector<std::string>& known,
                                const char* what) {
    const std::string hint = suggest_key(unknown, known);
    if (hint.empty()) return fmt::format("unknown {} \"{}\"", what, unknown);
    return fmt::format("unknown {} \"{}\" — did you mean \"{}\"?", what, unknown, hint);
}

std::vector<std::pair<std::string, std::string>> unknown_keys(const nlohmann::json& obj,
                                                              const std::string& pointer,
                                                              const std::vector<std::string>& known) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!obj.is_object()) return out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        std::string token;
        for (char c : it.key())
            token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        out.emplace_back(pointer + "/" + token, unknown_key_message(it.key(), known));
    }
    return out;
}

namespace {

// Decodes the UTF-8 sequence at s[i]: the code point and its length, or length 0 when the bytes there
// are not valid UTF-8 (the caller then treats one byte as invalid).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return {c, 1};
    std::size_t n = 0;
    char32_t cp = 0, min = 0;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07, min = 0x10000;
    else
        return {0, 0};
    if (i + n > s.size()) return {0, 0};
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {cp, n};
}

bool xml_allowed(char32_t cp) {
    if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

}  // namespace

std::string xml_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto [cp, n] = decode_utf8(s, i);
        if (n == 0 || !xml_allowed(cp)) {
            out += "\uFFFD";
            i += n == 0 ? 1 : n;
            continue;
        }
        out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string terminal_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto [cp, n] = decode_utf8(s, i);
        if (n == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F)
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
        else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                 (cp >= 0x2066 && cp <= 0x2069))
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        else
            out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace sim
