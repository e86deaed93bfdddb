// app/views/scenario/scenario_console.cpp — "scenario.console": the instructor console, kept
// simple (a complex station goes unused): four fault presets, the active rules with their fire
// counts, freeze, jump ahead and reset. Faults are ordinary instructor.* actions: journaled, replayed.
#include <string>

#include <imgui.h>

#include "app/ui/page.hpp"

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

constexpr const char* kTag = "scenario.console";

void add_fault(const ViewContext& ctx, CommandQueue& out, nlohmann::json rule) {
    out.push(SubmitAction{sim::Action{"instructor.add_fault", "", {{"rule", std::move(rule)}}}, kTag});
    (void)ctx;
}

// The presets: what instructors reach for most (see reference/fault-and-training-anchors.md).
void draw_presets(const ViewContext& ctx, CommandQueue& out) {
    ScenarioViewState& st = ctx.state.scenario;
    const std::string n = std::to_string(st.presets_injected + 1);
    const sim::SimTime now = ctx.sim->now();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size(std::min(width, ImGui::GetFontSize() * 26.0f), 0.0f);

    std::string label = ctx.text.get("scenario.console.preset.admin_down") + "###preset_admin_down";
    if (widgets::button(label.c_str(), size)) {
        // The admin center is billing, users and licences: one rule per area, the same window.
        for (const char* area : {"billing", "users", "licences"}) {
            add_fault(ctx, out,
                      {{"id", std::string("admin-down-") + area + "-" + n},
                       {"operation", std::string(area) + ".*"},
                       {"after", now},
                       {"until", now + 10 * sim::kMinute},
                       {"error", "service.unavailable"}});
        }
        ++st.presets_injected;
    }
    label = ctx.text.get("scenario.console.preset.checkout_once") + "###preset_checkout_once";
    if (widgets::button(label.c_str(), size)) {
        add_fault(ctx, out,
                  {{"id", "checkout-fails-" + n},
                   {"operation", "billing.place_order"},
                   {"first", 1},
                   {"error", "service.unavailable"}});
        ++st.presets_injected;
    }
    label = ctx.text.get("scenario.console.preset.throttle_billing") + "###preset_throttle_billing";
    if (widgets::button(label.c_str(), size)) {
        add_fault(ctx, out,
                  {{"id", "throttle-billing-" + n},
                   {"operation", "billing.*"},
                   {"throttle", {{"limit", 2}, {"window", "1m"}, {"retry_after", "30s"}}}});
        ++st.presets_injected;
    }
    label = ctx.text.get("scenario.console.preset.licence_hang") + "###preset_licence_hang";
    if (widgets::button(label.c_str(), size)) {
        add_fault(ctx, out, {{"id", "licence-hangs-" + n}, {"operation", "licences.assign"}, {"first", 1}, {"hang", true}});
        ++st.presets_injected;
    }
    draw_action_status(ctx, kTag);
}

const char* effect_key(sim::FaultRule::Effect e) {
    switch (e) {
        case sim::FaultRule::Effect::Error: return "scenario.console.effect.error";
        case sim::FaultRule::Effect::Latency: return "scenario.console.effect.latency";
        case sim::FaultRule::Effect::Throttle: return "scenario.console.effect.throttle";
        case sim::FaultRule::Effect::Hang: return "scenario.console.effect.hang";
    }
    return "scenario.console.effect.error";
}

void draw_rules(const ViewContext& ctx, CommandQueue& out) {
    const sim::FaultInjector& faults = ctx.sim->faults();
    const auto& rules = faults.rules();
    const auto& states = faults.states();
    if (rules.empty()) {
        widgets::text_disabled(ctx.text.get("scenario.console.no_rules"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float rows_h = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(rules.size(), 6) + 1);
    if (ImGui::BeginTable("##fault_rules", 5, flags, ImVec2(0, rows_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_rule").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_operation").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_effect").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_fired").c_str(), ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize(ctx.text.get("scenario.console.col_fired").c_str()).x +
                                    ImGui::GetFontSize() * 3.0f);
        ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize(ctx.text.get("scenario.console.remove").c_str()).x +
                                    ImGui::GetStyle().FramePadding.x * 2.0f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const sim::FaultRule& r = rules[i];
            const std::string id = r.id.empty() ? "rule-" + std::to_string(i + 1) : r.id;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text(id);
            ImGui::TableNextColumn();
            widgets::text(r.operation);
            ImGui::TableNextColumn();
            widgets::text(ctx.text.get(effect_key(r.effect)));
            ImGui::TableNextColumn();
            const int fires = i < states.size() ? states[i].fires : 0;
            const int calls = i < states.size() ? states[i].calls : 0;
            widgets::text(ctx.text.format("scenario.console.fired", {{"fires", fires}, {"calls", calls}}));
            ImGui::TableNextColumn();
            const std::string remove = ctx.text.get("scenario.console.remove") + "###remove_rule_" + id;
            if (widgets::button(remove.c_str()))
                out.push(SubmitAction{sim::Action{"instructor.remove_fault", "", {{"id", id}}}, kTag});
        }
        ImGui::EndTable();
    }
    const std::string clear = ctx.text.get("scenario.console.clear") + "###clear_rules";
    if (widgets::button(clear.c_str()))
        out.push(SubmitAction{sim::Action{"instructor.clear_faults", "", nlohmann::json::object()}, kTag});
}

void draw_time(const ViewContext& ctx, CommandQueue& out) {
    const std::string freeze =
        ctx.text.get(ctx.ui.paused ? "scenario.console.unfreeze" : "scenario.console.freeze") + "###console_freeze";
    if (widgets::toggle_button(freeze.c_str(), ctx.ui.paused)) {
        if (ctx.ui.paused) out.push(Resume{});
        else out.push(Pause{});
    }
    ImGui::SameLine();
    widgets::text(ctx.text.get("scenario.console.jump"));
    ImGui::SameLine();
    std::string label = ctx.text.get("scenario.console.jump_hour") + "###jump_hour";
    if (widgets::button(label.c_str())) out.push(JumpAhead{sim::Duration{sim::kHour, 0}});
    ImGui::SameLine();
    label = ctx.text.get("scenario.console.jump_day") + "###jump_day";
    if (widgets::button(label.c_str())) out.push(JumpAhead{sim::Duration{sim::kDay, 0}});
    ImGui::SameLine();
    label = ctx.text.get("scenario.console.jump_week") + "###jump_week";
    if (widgets::button(label.c_str())) out.push(JumpAhead{sim::Duration{0, 5}});
}

}  // namespace

void draw_scenario_console(const ViewContext& ctx, CommandQueue& out) {
    scenario_heading(ctx.text.get("scenario.console.title"));
    if (!ctx.sim) {
        widgets::text_wrapped(ctx.text.get("scenario.checklist.none"));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(ctx.text.get("scenario.console.intro"));
    ImGui::PopStyleColor();

    page_section(ctx.text.get("scenario.console.inject"));
    draw_presets(ctx, out);

    page_section(ctx.text.get("scenario.console.active"));
    draw_rules(ctx, out);

    page_section(ctx.text.get("scenario.console.time"));
    draw_time(ctx, out);

    page_section(ctx.text.get("scenario.bundle.heading"));
    draw_bundle_export(ctx, out);

    page_section(ctx.text.get("scenario.console.scenario"));
    const std::string reset = ctx.text.get("scenario.console.reset") + "###console_reset";
    ImGui::BeginDisabled(ctx.scenario.path.empty());
    if (widgets::button(reset.c_str())) out.push(StartScenario{ctx.scenario.path, ctx.ui.mode, ctx.ui.language});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(ctx.text.get("scenario.console.reset_note"));
    ImGui::PopStyleColor();
}

}  // namespace app
