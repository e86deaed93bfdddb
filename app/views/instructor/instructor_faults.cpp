// app/views/instructor/instructor_faults.cpp — the console's live fault rules: a table (on/off, fire
// counts, arm once, edit, remove) and a form to add a rule, or its JSON text to add or edit one.
// Every change is an instructor.* action; the simulation validates the rule and says what is wrong.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"
#include "sim/json_input.hpp"
#include "sim/registry.hpp"

namespace app {

namespace {

const char* effect_key(sim::FaultRule::Effect e) {
    switch (e) {
        case sim::FaultRule::Effect::Error:
            return "scenario.console.effect.error";
        case sim::FaultRule::Effect::Latency:
            return "scenario.console.effect.latency";
        case sim::FaultRule::Effect::Throttle:
            return "scenario.console.effect.throttle";
        case sim::FaultRule::Effect::Hang:
            return "scenario.console.effect.hang";
    }
    return "scenario.console.effect.error";
}

std::string rule_id(const sim::FaultRule& r, std::size_t i) {
    return r.id.empty() ? "rule-" + std::to_string(i + 1) : r.id;
}

float text_button_width(const std::string& text) {
    return ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void start_editing(const ViewContext& ctx, const sim::FaultRule& r) {
    InstructorViewState& st = ctx.state.instructor;
    st.editing_rule = r.id;
    st.rule_as_json = true;
    st.rule_json = sim::to_scenario_json(r).dump(2);
    st.json_error.clear();
}

// The first free "rule-N" id, so a rule added without a name can still be edited and removed.
std::string free_rule_id(const sim::FaultInjector& faults) {
    int n = static_cast<int>(faults.rules().size()) + 1;
    while (faults.find_rule(fmt::format("rule-{}", n)) != nullptr) ++n;
    return fmt::format("rule-{}", n);
}

// The form's fields as a rule document (the scenario-file form of sim/faults.hpp).
nlohmann::json rule_from_form(const ViewContext& ctx) {
    const InstructorViewState& st = ctx.state.instructor;
    nlohmann::json rule = {{"id", st.rule_id.empty() ? free_rule_id(ctx.sim->faults()) : st.rule_id},
                           {"operation", st.rule_operation}};
    if (st.rule_effect == RuleEffect::Error) rule["error"] = st.rule_error;
    if (st.rule_effect == RuleEffect::Latency) rule["latency"] = st.rule_latency;
    if (st.rule_effect == RuleEffect::Hang) rule["hang"] = true;
    if (st.rule_first > 0) rule["first"] = st.rule_first;
    if (st.rule_percent < 100) rule["probability"] = std::max(0, st.rule_percent) / 100.0;
    return rule;
}

void labelled(const ViewContext& ctx, const char* key, float label_width) {
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    widgets::text(ctx.text.get(key));
    ImGui::SameLine(x + label_width);
}

// The operations a rule can name, as the form offers them: every action, every action of an area,
// then each of the trainee's operations (instructor operations are never faulted).
std::vector<std::string> rule_operation_choices() {
    std::vector<std::string> out = {"*"};
    std::vector<std::string> ops;
    for (const auto& [type, spec] : sim::journey_registry().actions) {
        if (spec.is_instructor()) continue;
        const std::string area = type.substr(0, type.find('.')) + ".*";
        if (std::find(out.begin(), out.end(), area) == out.end()) out.push_back(area);
        ops.push_back(type);
    }
    out.insert(out.end(), ops.begin(), ops.end());
    return out;
}

// The error codes the form offers for an operation pattern: "service unavailable" (any service can
// be down), then the codes the matching operations declare.
std::vector<std::string> rule_error_choices(const std::string& pattern) {
    std::vector<std::string> out = {"service.unavailable"};
    const bool area = pattern.size() > 2 && pattern.compare(pattern.size() - 2, 2, ".*") == 0;
    const std::string prefix = area ? pattern.substr(0, pattern.size() - 1) : std::string();
    for (const auto& [type, spec] : sim::journey_registry().actions) {
        if (spec.is_instructor()) continue;
        const bool match = pattern == "*" || (area && type.rfind(prefix, 0) == 0) || type == pattern;
        if (!match) continue;
        for (const std::string& code : spec.errors)
            if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
    }
    return out;
}

// A combo of raw values shown by their names; the raw value is the item's id and its tooltip.
void named_combo(const char* id, const char* item_prefix, const std::vector<std::string>& values,
                 std::string& value, const std::function<std::string(const std::string&)>& name) {
    if (!widgets::begin_combo(id, name(value).c_str(), ImGuiComboFlags_HeightLarge)) return;
    for (const std::string& v : values) {
        const std::string label = name(v) + "###" + item_prefix + v;
        if (widgets::selectable(label.c_str(), v == value)) value = v;
        id_tooltip(v);
    }
    ImGui::EndCombo();
}

void draw_form_fields(const ViewContext& ctx) {
    InstructorViewState& st = ctx.state.instructor;
    float label_w = 0.0f;
    for (const char* key :
         {"scenario.instructor.rule_id", "scenario.console.col_operation", "scenario.console.col_effect",
          "scenario.instructor.rule_error", "scenario.instructor.rule_latency",
          "scenario.instructor.rule_first", "scenario.instructor.rule_percent"})
        label_w = std::max(label_w, ImGui::CalcTextSize(ctx.text.get(key).c_str()).x);
    label_w += ImGui::GetStyle().ItemSpacing.x * 2.0f;
    const float field_w = std::min(ImGui::GetContentRegionAvail().x - label_w, ImGui::GetFontSize() * 16.0f);
    labelled(ctx, "scenario.instructor.rule_id", label_w);
    ImGui::SetNextItemWidth(field_w);
    widgets::input_text_hint("###rule_id", ctx.text.get("scenario.instructor.rule_id_hint").c_str(),
                             st.rule_id);
    labelled(ctx, "scenario.console.col_operation", label_w);
    ImGui::SetNextItemWidth(field_w);
    static const std::vector<std::string> operations = rule_operation_choices();
    named_combo("###rule_operation", "rule_op_", operations, st.rule_operation,
                [&ctx](const std::string& op) { return operation_pattern_name(ctx, op); });
    labelled(ctx, "scenario.console.col_effect", label_w);
    const char* effects[] = {"scenario.console.effect.error", "scenario.console.effect.latency",
                             "scenario.console.effect.hang"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        const std::string label = ctx.text.get(effects[i]) + "###rule_effect_" + std::to_string(i);
        const RuleEffect effect = static_cast<RuleEffect>(i);
        if (widgets::radio_button(label.c_str(), st.rule_effect == effect)) st.rule_effect = effect;
    }
    if (st.rule_effect == RuleEffect::Error) {
        labelled(ctx, "scenario.instructor.rule_error", label_w);
        ImGui::SetNextItemWidth(field_w);
        const std::vector<std::string> codes = rule_error_choices(st.rule_operation);
        named_combo("###rule_error", "rule_err_", codes, st.rule_error,
                    [&ctx](const std::string& code) { return error_name(ctx, code); });
    } else if (st.rule_effect == RuleEffect::Latency) {
        labelled(ctx, "scenario.instructor.rule_latency", label_w);
        ImGui::SetNextItemWidth(field_w);
        widgets::input_text_hint("###rule_latency", "30s", st.rule_latency);
    }
    labelled(ctx, "scenario.instructor.rule_first", label_w);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    widgets::input_int("###rule_first", st.rule_first);
    labelled(ctx, "scenario.instructor.rule_percent", label_w);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    widgets::input_int("###rule_percent", st.rule_percent, 5);
    st.rule_first = std::max(0, st.rule_first);
    st.rule_percent = std::clamp(st.rule_percent, 0, 100);
}

}  // namespace

void draw_fault_rules(const ViewContext& ctx, CommandQueue& out, bool compact) {
    const sim::FaultInjector& faults = ctx.sim->faults();
    const auto& rules = faults.rules();
    const auto& states = faults.states();
    if (rules.empty()) {
        widgets::text_disabled(ctx.text.get("scenario.console.no_rules"));
        return;
    }
    const std::string arm = ctx.text.get("scenario.instructor.arm");
    const std::string edit = ctx.text.get("scenario.instructor.edit");
    const std::string remove = ctx.text.get("scenario.console.remove");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // The window is narrow: one "⋯" button per row opens Arm once / Edit / Remove as a menu.
    const float buttons_w = compact ? text_button_width("...")
                                    : text_button_width(arm) + text_button_width(edit) +
                                          text_button_width(remove) + spacing * 2.0f;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float rows_h =
        ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(rules.size(), 6) + 1);
    if (ImGui::BeginTable("##fault_rules", 6, flags, ImVec2(0, rows_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("##on", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
        // The effect names an error code (long, no spaces): it gets the most room and wraps.
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_rule").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_operation").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(ctx.text.get("scenario.console.col_effect").c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn(
            ctx.text.get("scenario.console.col_fired").c_str(), ImGuiTableColumnFlags_WidthFixed,
            std::max(ImGui::CalcTextSize(ctx.text.get("scenario.console.col_fired").c_str()).x +
                         ImGui::GetFontSize() * 2.0f,
                     ImGui::GetFontSize() * 5.0f));
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, buttons_w);
        widgets::plain_headers_row();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rules.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const std::size_t i = static_cast<std::size_t>(row);
                const sim::FaultRule& r = rules[i];
                const std::string id = rule_id(r, i);
                ImGui::PushID(row);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                bool enabled = r.enabled;
                if (widgets::checkbox(("###enabled_" + id).c_str(), enabled))
                    submit_instructor(out, sim::ops::set_fault_enabled(id, enabled));
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", ctx.text.get("scenario.instructor.enabled_tip").c_str());
                ImGui::TableNextColumn();
                widgets::text(id);
                ImGui::TableNextColumn();
                widgets::text_wrapped(operation_pattern_name(ctx, r.operation));
                id_tooltip(r.operation);
                ImGui::TableNextColumn();
                std::string effect = ctx.text.get(effect_key(r.effect));
                if (r.effect == sim::FaultRule::Effect::Error) effect += ": " + error_name(ctx, r.error_code);
                if (r.armed) effect += " · " + ctx.text.get("scenario.instructor.armed");
                widgets::text_wrapped(effect);
                if (r.effect == sim::FaultRule::Effect::Error) id_tooltip(r.error_code);
                ImGui::TableNextColumn();
                const int fires = i < states.size() ? states[i].fires : 0;
                const int calls = i < states.size() ? states[i].calls : 0;
                widgets::text_wrapped(calls == 0 ? ctx.text.get("scenario.console.fired_none")
                                                 : ctx.text.format("scenario.console.fired",
                                                                   {{"fires", fires}, {"calls", calls}}));
                ImGui::TableNextColumn();
                bool do_arm = false, do_edit = false, do_remove = false;
                if (compact) {
                    if (widgets::button(("...###rule_menu_" + id).c_str())) ImGui::OpenPopup("##rule_menu");
                    if (ImGui::BeginPopup("##rule_menu")) {
                        do_arm = widgets::menu_item((arm + "###arm_rule_" + id).c_str());
                        do_edit = widgets::menu_item((edit + "###edit_rule_" + id).c_str());
                        do_remove = widgets::menu_item((remove + "###remove_rule_" + id).c_str());
                        ImGui::EndPopup();
                    }
                } else {
                    do_arm = widgets::button((arm + "###arm_rule_" + id).c_str());
                    ImGui::SameLine();
                    do_edit = widgets::button((edit + "###edit_rule_" + id).c_str());
                    ImGui::SameLine();
                    do_remove = widgets::button((remove + "###remove_rule_" + id).c_str());
                }
                if (do_arm) submit_instructor(out, sim::ops::arm_fault(id));
                if (do_edit) start_editing(ctx, r);
                if (do_remove) submit_instructor(out, sim::ops::remove_fault(id));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    const std::string clear = ctx.text.get("scenario.console.clear") + "###clear_rules";
    if (widgets::button(clear.c_str())) submit_instructor(out, sim::ops::clear_faults());
}

void draw_fault_form(const ViewContext& ctx, CommandQueue& out) {
    InstructorViewState& st = ctx.state.instructor;
    const bool editing = !st.editing_rule.empty();
    if (editing) {
        widgets::text(ctx.text.format("scenario.instructor.editing", {{"id", st.editing_rule}}));
    } else {
        const std::string as_json = ctx.text.get("scenario.instructor.as_json") + "###rule_json_mode";
        widgets::checkbox(as_json.c_str(), st.rule_as_json);
    }
    if (st.rule_as_json || editing) {
        ImGui::InputTextMultiline(
            "###rule_json", &st.rule_json,
            ImVec2(-1.0f, ImGui::GetTextLineHeight() * 7.0f + ImGui::GetStyle().FramePadding.y * 2));
        widgets::report_item(widgets::ItemKind::Input, "###rule_json");
        if (st.rule_json.empty() && !ImGui::IsItemActive()) {
            const ImVec2 at = ImVec2(ImGui::GetItemRectMin().x + ImGui::GetStyle().FramePadding.x,
                                     ImGui::GetItemRectMin().y + ImGui::GetStyle().FramePadding.y);
            ImGui::GetWindowDrawList()->AddText(
                at, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                "{\"id\": \"slow-orders\", \"operation\": \"billing.*\", \"latency\": \"2m\"}");
        }
    } else {
        draw_form_fields(ctx);
    }

    const std::string submit =
        ctx.text.get(editing ? "scenario.instructor.save_rule" : "scenario.instructor.add_rule") +
        "###rule_add";
    if (widgets::button(submit.c_str())) {
        nlohmann::json rule;
        st.json_error.clear();
        if (st.rule_as_json || editing) {
            // The same policy as a scenario file: nesting limit, no duplicate keys, numbers in range.
            sim::JsonInputError parse_error;
            std::optional<nlohmann::json> parsed =
                sim::parse_json_checked(st.rule_json, sim::InputKind::Scenario, parse_error);
            if (!parsed || !parsed->is_object())
                st.json_error = ctx.text.get("scenario.instructor.bad_json");
            else
                rule = std::move(*parsed);
        } else {
            rule = rule_from_form(ctx);
        }
        if (st.json_error.empty()) {
            if (editing) {
                submit_instructor(out, sim::ops::update_fault(st.editing_rule, rule));
                st.editing_rule.clear();
                st.rule_as_json = false;
            } else {
                submit_instructor(out, sim::ops::add_fault(rule));
            }
        }
    }
    if (editing) {
        ImGui::SameLine();
        const std::string cancel = ctx.text.get("scenario.instructor.cancel") + "###rule_cancel_edit";
        if (widgets::button(cancel.c_str())) {
            st.editing_rule.clear();
            st.rule_as_json = false;
        }
    }
    if (!st.json_error.empty()) widgets::text_colored(palette().error_text, st.json_error);
}

}  // namespace app
