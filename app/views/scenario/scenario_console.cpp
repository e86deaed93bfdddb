// app/views/scenario/scenario_console.cpp — "scenario.console": the instructor console as a page.
// The same parts as the floating window (app/views/instructor/), all expanded, plus four fault
// presets and "Export repro bundle". Locked by the instructor PIN like the window.
#include <string>

#include <imgui.h>

#include "app/ui/page.hpp"

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"
#include "app/views/scenario/scenario_views.hpp"

namespace app {

namespace {

void add_fault(CommandQueue& out, nlohmann::json rule) {
    submit_instructor(out, sim::ops::add_fault(std::move(rule)));
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
            add_fault(out, {{"id", std::string("admin-down-") + area + "-" + n},
                            {"operation", std::string(area) + ".*"},
                            {"after", now},
                            {"until", now + 10 * sim::kMinute},
                            {"error", "service.unavailable"}});
        }
        ++st.presets_injected;
    }
    label = ctx.text.get("scenario.console.preset.checkout_once") + "###preset_checkout_once";
    if (widgets::button(label.c_str(), size)) {
        add_fault(out, {{"id", "checkout-fails-" + n},
                        {"operation", "billing.place_order"},
                        {"first", 1},
                        {"error", "service.unavailable"}});
        ++st.presets_injected;
    }
    label = ctx.text.get("scenario.console.preset.throttle_billing") + "###preset_throttle_billing";
    if (widgets::button(label.c_str(), size)) {
        add_fault(out, {{"id", "throttle-billing-" + n},
                        {"operation", "billing.*"},
                        {"throttle", {{"limit", 2}, {"window", "1m"}, {"retry_after", "30s"}}}});
        ++st.presets_injected;
    }
    label = ctx.text.get("scenario.console.preset.licence_hang") + "###preset_licence_hang";
    if (widgets::button(label.c_str(), size)) {
        add_fault(
            out,
            {{"id", "licence-hangs-" + n}, {"operation", "licences.assign"}, {"first", 1}, {"hang", true}});
        ++st.presets_injected;
    }
}

}  // namespace

void draw_scenario_console(const ViewContext& ctx, CommandQueue& out) {
    scenario_heading(ctx.text.get("scenario.console.title"));
    if (!ctx.sim) {
        widgets::text_wrapped(ctx.text.get("scenario.checklist.none"));
        return;
    }
    if (instructor_locked(ctx)) {
        draw_instructor_lock(ctx);
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(ctx.text.get("scenario.console.intro"));
    ImGui::PopStyleColor();

    // The essentials beside the presets and the time warp when there is room, so the rules stay in view.
    const bool two_columns = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 44.0f;
    if (two_columns && ImGui::BeginTable("##console_top", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        page_section(ctx.text.get("scenario.instructor.essentials"));
        draw_instructor_essentials(ctx, out);
        ImGui::TableNextColumn();
        page_section(ctx.text.get("scenario.console.inject"));
        draw_presets(ctx, out);
        page_section(ctx.text.get("scenario.console.time"));
        draw_time_warp(ctx, out);
        ImGui::EndTable();
    } else {
        page_section(ctx.text.get("scenario.instructor.essentials"));
        draw_instructor_essentials(ctx, out);
        page_section(ctx.text.get("scenario.console.inject"));
        draw_presets(ctx, out);
        page_section(ctx.text.get("scenario.console.time"));
        draw_time_warp(ctx, out);
    }

    page_section(ctx.text.get("scenario.console.active"));
    draw_fault_rules(ctx, out);
    ImGui::Spacing();
    draw_fault_form(ctx, out);

    page_section(ctx.text.get("scenario.instructor.checkpoints"));
    draw_checkpoints(ctx, out);

    page_section(ctx.text.get("scenario.instructor.journal"));
    draw_live_journal(ctx, ImGui::GetTextLineHeightWithSpacing() * 12.0f);

    page_section(ctx.text.get("scenario.instructor.trainee"));
    draw_trainee_progress(ctx);

    page_section(ctx.text.get("scenario.bundle.heading"));
    draw_bundle_export(ctx, out);
}

}  // namespace app
