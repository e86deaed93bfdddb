// tests/fuzz/fuzz_session.cpp — no session file or support case may crash the reader, the verified
// replay or the debrief (they are files people hand each other).
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/bundle.hpp"
#include "sim/debrief.hpp"
#include "sim/i18n.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
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
