// tests/fuzz/session_input.hpp — what both session fuzz targets do with one input: the path of a file
// a tester hands on (reader, verified replay, debrief HTML).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/bundle.hpp"
#include "sim/debrief.hpp"
#include "sim/i18n.hpp"

inline int fuzz_session_input(const std::uint8_t* data, std::size_t size) {
    static const sim::Strings text = sim::Strings::load(NPSIM_TEST_ASSET_DIR "/i18n", "en");
    const std::string input(reinterpret_cast<const char*>(data), size);
    sim::ReproBundle b;
    std::string error;
    if (!sim::bundle_from_text(input, b, error)) return 0;
    // Keep each run short: a session of a few hundred actions within a simulated year is plenty.
    if (b.actions.size() > 400 || b.end_time > 365 * sim::kDay) return 0;
    const sim::ReplayReport report = sim::verify_bundle(b);
    for (const auto& p : report.problems) (void)p.size();
    const sim::Debrief d = sim::debrief_from_bundle(b, text, error);
    (void)sim::debrief_html(d, text).size();
    return 0;
}
