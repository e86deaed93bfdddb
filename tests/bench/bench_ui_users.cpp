// tests/bench/bench_ui_users.cpp — one frame of Users > Active users with 10,000 people, headless
// (Dear ImGui without GPU: NewFrame → draw → Render). Target: under 2 ms of CPU per frame.
#ifdef NPSIM_BENCH_WITH_UI

#include <benchmark/benchmark.h>

#include <string>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/ui/shell.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/data_files.hpp"
#include "sim/scenario.hpp"

namespace {

// An approved association with Anna as Global Administrator and `n - 1` more people, a third of
// them licensed (a start state, loaded like a scenario file).
std::string big_scenario(int n) {
    using nlohmann::json;
    json people = json::array({{{"upn", "anna"},
                                {"first_name", "Anna"},
                                {"last_name", "Schmidt"},
                                {"usage_location", "DE"},
                                {"roles", {"global_admin"}},
                                {"licences", {"NONPROFIT_PORTAL"}}}});
    for (int i = 1; i < n; ++i) {
        json p = {{"upn", "user" + std::to_string(i)},
                  {"first_name", "Person"},
                  {"last_name", "Number " + std::to_string((i * 7919) % n)},
                  {"kind", "volunteer"}};
        if (i % 3 == 0) {
            p["usage_location"] = "DE";
            p["licences"] = {"O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT"};
        }
        people.push_back(p);
    }
    json start = {
        {"tenant", {{"name", "tsvmuster"}}},
        {"organisation", {{"status", "approved"}, {"form", {{"legal_name", "TSV Musterstadt e.V."}}}}},
        {"subscriptions",
         json::array({{{"sku", "O365_BUSINESS_ESSENTIALS_NONPROFIT_GRANT"}, {"quantity", n}}})},
        {"people", people}};
    return json{{"schema_version", 1}, {"id", "bench"}, {"title", "Bench"}, {"start", start}}.dump();
}

struct HeadlessShell {
    ImGuiContext* context;
    app::Shell* shell = nullptr;

    explicit HeadlessShell(int people) : context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // no GPU: the atlas is only built
        shell = new app::Shell({NPSIM_TEST_ASSET_DIR, "en"});
        sim::ScenarioLoad load = sim::load_scenario_text(big_scenario(people), "bench.json");
        if (!load.ok()) throw std::runtime_error("the bench scenario does not load");
        shell->start(std::move(load.scenario->setup));
        shell->show_screen("admin.users");
    }
    ~HeadlessShell() {
        delete shell;
        ImGui::DestroyContext(context);
    }
    void frame() {
        ImGui::NewFrame();
        shell->draw();
        ImGui::Render();
    }
};

void BM_UsersFrame10k(benchmark::State& state) {
    HeadlessShell h(10000);
    for (int i = 0; i < 3; ++i) h.frame();  // first frames measure the layout and build the cached index
    if (h.shell->view_state().admin.users_index.rows.size() != 10000) state.SkipWithError("not 10,000 rows");
    for (auto _ : state) h.frame();
    state.counters["rows"] = static_cast<double>(h.shell->view_state().admin.users_index.rows.size());
}
BENCHMARK(BM_UsersFrame10k)->Unit(benchmark::kMillisecond);

// The rare frame that rebuilds the index (filter, sort or world changed): list, search and sort 10,000.
void BM_UsersIndexRebuild10k(benchmark::State& state) {
    HeadlessShell h(10000);
    h.frame();
    app::AdminViewState& s = h.shell->view_state().admin;
    bool ascending = true;
    for (auto _ : state) {
        ascending = !ascending;
        app::admin::refresh_users_index(*h.shell->simulation(), s, 1, ascending);
    }
}
BENCHMARK(BM_UsersIndexRebuild10k)->Unit(benchmark::kMillisecond);

}  // namespace

#endif  // NPSIM_BENCH_WITH_UI
