// tests/fuzz/fuzz_action.cpp — no action JSON may crash the engine or a domain handler.
// Each input is JSON Lines: every line an action, submitted into an approved organisation's tenant.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "sim/data_files.hpp"
#include "sim/json_input.hpp"
#include "sim/scenario.hpp"

namespace {

const sim::Setup& base_setup() {
    static const sim::Setup setup = [] {
        const char* doc = R"({"schema_version": 1, "id": "fuzz", "title": "fuzz",
          "start": {"tenant": {"name": "fuzz"},
                    "organisation": {"status": "approved", "form": {"legal_name": "Fuzz e.V."}},
                    "people": [{"upn": "anna", "first_name": "Anna", "last_name": "A", "usage_location": "DE",
                                "roles": ["global_admin"], "licences": ["NONPROFIT_PORTAL"]},
                               {"upn": "ben", "first_name": "Ben", "last_name": "B", "kind": "volunteer"}]}})";
        sim::ScenarioLoad load = sim::load_scenario_text(doc, "fuzz.json");
        return load.ok() ? load.scenario->setup : sim::Setup{};
    }();
    return setup;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    sim::Simulation s(base_setup());
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::string line;
    int n = 0;
    while (std::getline(in, line) && n++ < 32) {
        // The same gate as an actions file (npsim-cli run --actions): nesting, duplicates, number range.
        sim::JsonInputError parse_error;
        const auto j = sim::parse_json_checked(line, sim::InputKind::Actions, parse_error);
        if (!j) continue;
        sim::Action a;
        std::string error;
        if (!sim::action_from_json(*j, a, error)) continue;
        s.submit(a);
        s.run_until(s.now() + sim::kHour);
    }
    s.run_until(s.now() + 30 * sim::kDay);
    (void)s.state_hash();
    return 0;
}
