// sim/text.cpp — edit distance for suggestions.
#include "sim/text.hpp"

#include <algorithm>

#include <fmt/format.h>

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

std::string unknown_key_message(const std::string& unknown, const std::vector<std::string>& known, const char* what) {
    const std::string hint = suggest_key(unknown, known);
    if (hint.empty()) return fmt::format("unknown {} \"{}\"", what, unknown);
    return fmt::format("unknown {} \"{}\" — did you mean \"{}\"?", what, unknown, hint);
}

std::vector<std::pair<std::string, std::string>> unknown_keys(const nlohmann::json& obj, const std::string& pointer,
                                                              const std::vector<std::string>& known) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!obj.is_object()) return out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
        std::string token;
        for (char c : it.key()) token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        out.emplace_back(pointer + "/" + token, unknown_key_message(it.key(), known));
    }
    return out;
}

}  // namespace sim
