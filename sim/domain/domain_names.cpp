// sim/domain_names.cpp — domain names as the admin center accepts them (issue 13 item 8): host names of at
// least two labels, internationalised names (IDNA2008, libidn2) such as "müller-verein.de" allowed and shown
// in both forms. The canonical form the world stores is the U-label ("müller-verein.de", lower-case, NFC) —
// what the admin center lists; the A-label ("xn--mller-verein-dlb.de") is what DNS carries (MX target, the
// zone). Typing either form gives the same domain. Pure computation.
#include <algorithm>
#include <string>

#include <idn2.h>

#include "sim/domains.hpp"

namespace sim {

namespace {

bool dn_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Converts one label with libidn2 (to the A-label, or back to the U-label); the libidn2 code (IDN2_OK,
// IDN2_TOO_BIG_LABEL, …) when IDNA2008 refuses it.
int dn_convert(const std::string& label, bool to_ascii, std::string& out) {
    char* converted = nullptr;
    int rc = to_ascii ? idn2_to_ascii_8z(label.c_str(), &converted, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL)
                      : idn2_to_unicode_8z8z(label.c_str(), &converted, 0);
    if (rc == IDN2_OK && converted == nullptr) rc = IDN2_MALLOC;
    if (rc == IDN2_OK) out = converted;
    idn2_free(converted);
    return rc;
}

bool dn_ldh(std::string_view label) {
    return std::all_of(label.begin(), label.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Checks one label; fills its A-label and U-label forms or the problem.
std::string dn_label(const std::string& label, std::string& ascii, std::string& unicode) {
    if (label.empty()) return "invalid_name";
    if (label.find_first_of("/:@") != std::string::npos) return "invalid_name";  // a URL or an address
    if (label.front() == '-' || label.back() == '-') return "hyphen_at_edge";
    if (dn_ascii(label)) {
        if (!dn_ldh(label)) return "invalid_characters";
        ascii = label;
        unicode = label;
        if (label.rfind("xn--", 0) == 0) {  // an A-label: must decode and encode back to itself
            std::string again;
            if (dn_convert(label, false, unicode) != IDN2_OK || dn_convert(unicode, true, again) != IDN2_OK ||
                again != label)
                return "invalid_characters";
        }
    } else {
        const int rc = dn_convert(label, true, ascii);
        if (rc == IDN2_TOO_BIG_LABEL || rc == IDN2_PUNYCODE_BIG_OUTPUT) return "label_too_long";
        if (rc != IDN2_OK || dn_convert(ascii, false, unicode) != IDN2_OK) return "invalid_characters";
    }
    return ascii.size() > 63 ? "label_too_long" : "";
}

}  // namespace

DomainNameCheck check_domain_name(std::string_view typed) {
    DomainNameCheck out;
    std::string s;
    for (char c : typed) s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
    std::size_t start = 0, labels = 0;
    std::string ascii, unicode, last;
    while (true) {
        const std::size_t dot = s.find('.', start);
        const std::string label = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        std::string a, u;
        const std::string problem = dn_label(label, a, u);
        if (!problem.empty()) {
            out.problem = problem;
            out.label = label;
            return out;
        }
        ascii += (labels > 0 ? "." : "") + a;
        unicode += (labels > 0 ? "." : "") + u;
        last = a;
        ++labels;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (ascii.size() > 253) {
        out.problem = "name_too_long";
        return out;
    }
    // The top-level label: letters only (or an IDN's xn-- form); at least two labels.
    const bool tld_ok = last.size() >= 2 &&
                        (std::all_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
                         last.rfind("xn--", 0) == 0);
    if (labels < 2 || !tld_ok) {
        out.problem = "invalid_name";
        return out;
    }
    out.name = unicode;
    out.ascii = ascii;
    return out;
}

std::string normalize_domain(std::string_view name) {
    return check_domain_name(name).name;
}

std::string domain_a_label(std::string_view name) {
    const DomainNameCheck c = check_domain_name(name);
    return c.problem.empty() ? c.ascii : std::string(name);
}

}  // namespace sim
