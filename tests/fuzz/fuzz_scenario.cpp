// tests/fuzz/fuzz_scenario.cpp — no input may crash the scenario loader (or a run of what it accepts).
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/data_files.hpp"
#include "sim/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    sim::ScenarioLoad load = sim::load_scenario_text(text, "fuzz.json");
    for (const auto& e : load.errors) (void)e.to_string();
    if (load.ok()) {
        sim::Simulation s(load.scenario->setup);
        s.run_until(2 * sim::kDay);
        (void)s.state_hash();
    }
    return 0;
}
