// app/views/instructor/instructor_window.cpp — the floating instructor console: the PIN lock, the
// essentials (freeze, skip to the next event, fail the next call, reset) and the "Advanced" part.
//
// Index
//   [SECTION] Helpers
//   [SECTION] PIN lock
//   [SECTION] Essentials
//   [SECTION] Window
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/training.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"
#include "sim/registry.hpp"

namespace app {

// [SECTION] Helpers

void submit_instructor(CommandQueue& out, sim::Action action) {
    out.push(SubmitAction{std::move(action), kInstructorTag});
}

std::string operation_name(const ViewContext& ctx, const std::string& type) {
    // The debrief's names of the operations ("Assign licences"): the registry's debrief key.
    const auto& ops = sim::journey_registry().actions;
    const auto op = ops.find(type);
    const std::string key = op != ops.end() ? op->second.debrief_key : "debrief.op." + type;
    return ctx.text.has(key) ? ctx.text.get(key) : type;
}

std::string error_name(const ViewContext& ctx, const std::string& code) {
    const std::string key = "errname." + code;
    return ctx.text.has(key) ? ctx.text.get(key) : code;
}

std::string operation_pattern_name(const ViewContext& ctx, const std::string& pattern) {
    if (pattern == "*") return ctx.text.get("scenario.instructor.op_any");
    const std::size_t n = pattern.size();
    if (n > 2 && pattern.compare(n - 2, 2, ".*") == 0) {
        const std::string area_key = "scenario.instructor.area." + pattern.substr(0, n - 2);
        if (ctx.text.has(area_key))
            return ctx.text.format("scenario.instructor.op_area", {{"area", ctx.text.get(area_key)}});
    }
    return operation_name(ctx, pattern);
}

std::string fault_effect_name(const ViewContext& ctx, const std::string& effect) {
    const std::string key = "scenario.console.effect." + effect;
    return ctx.text.has(key) ? ctx.text.get(key) : effect;
}

void id_tooltip(const std::string& ids) {
    if (!ids.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ids.c_str());
}

namespace {

std::string error_message(const ViewContext& ctx, const std::string& code) {
    const std::string key = "error." + code;
    return ctx.text.has(key) ? ctx.text.get(key) : code;
}

void muted_wrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    widgets::text_wrapped(text);
    ImGui::PopStyleColor();
}

// The error codes "fail next" offers for an operation: the simulation's own codes of the
// operation's area (the message catalog's "error.<area>.*" keys — the codes its handlers return)
// whose message needs no parameters, after "service.unavailable" (any service can be down).
std::vector<std::string> injectable_errors(const sim::Strings& text, const std::string& operation) {
    std::vector<std::string> codes = {"service.unavailable"};
    const std::string area = operation.substr(0, operation.find('.')) + ".";
    for (const std::string& key : text.keys()) {
        if (key.rfind("error." + area, 0) != 0) continue;
        if (text.get(key).find('{') != std::string::npos) continue;
        codes.push_back(key.substr(6));
    }
    return codes;
}

const std::vector<std::string>& error_codes(const ViewContext& ctx) {
    InstructorViewState& st = ctx.state.instructor;
    const std::string key = st.fail_operation + "|" + ctx.ui.language;
    if (st.codes_for != key) {
        st.error_codes = injectable_errors(ctx.text, st.fail_operation);
        st.codes_for = key;
        if (std::find(st.error_codes.begin(), st.error_codes.end(), st.fail_error) == st.error_codes.end())
            st.fail_error = st.error_codes.front();
    }
    return st.error_codes;
}

void draw_operation_combo(const ViewContext& ctx) {
    InstructorViewState& st = ctx.state.instructor;
    ImGui::SetNextItemWidth(-1.0f);
    // Tall: the domains and DNS operations (issue 13) put the licence ones below the default 8 rows.
    if (!widgets::begin_combo("###fail_operation", operation_name(ctx, st.fail_operation).c_str(),
                              ImGuiComboFlags_HeightLarge))
        return;
    for (const auto& [type, spec] : sim::journey_registry().actions) {
        if (spec.is_instructor()) continue;  // the trainee's operations only
        const std::string label = operation_name(ctx, type) + "###op_" + type;
        if (widgets::selectable(label.c_str(), type == st.fail_operation)) st.fail_operation = type;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", type.c_str());
    }
    ImGui::EndCombo();
}

void draw_error_combo(const ViewContext& ctx) {
    InstructorViewState& st = ctx.state.instructor;
    const std::vector<std::string>& codes = error_codes(ctx);
    ImGui::SetNextItemWidth(-1.0f);
    if (!widgets::begin_combo("###fail_error", error_name(ctx, st.fail_error).c_str())) return;
    for (const std::string& code : codes) {
        const std::string label = error_name(ctx, code) + "###err_" + code;
        if (widgets::selectable(label.c_str(), code == st.fail_error)) st.fail_error = code;
        if (ImGui::IsItemHovered()) {  // the message the trainee will see, then the code for testers
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
            ImGui::TextUnformatted(error_message(ctx, code).c_str());
            ImGui::TextDisabled("%s", code.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    ImGui::EndCombo();
}

// "Make the next call fail" rules that wait for their call, with a way to take them back.
void draw_armed_rules(const ViewContext& ctx, CommandQueue& out) {
    for (const sim::FaultRule& r : ctx.sim->faults().rules()) {
        if (!r.armed || !r.enabled) continue;
        widgets::text_colored(palette().accent,
                              ctx.text.format("scenario.instructor.waiting",
                                              {{"operation", operation_pattern_name(ctx, r.operation)},
                                               {"error", error_name(ctx, r.error_code)}}));
        id_tooltip(r.operation + " → " + r.error_code);
        ImGui::SameLine();
        const std::string cancel = ctx.text.get("scenario.instructor.cancel") + "###cancel_" + r.id;
        if (widgets::button(cancel.c_str())) {
            ctx.state.instructor.notice_key.clear();
            submit_instructor(out, sim::ops::remove_fault(r.id));
        }
    }
}

}  // namespace

// [SECTION] PIN lock

std::string instructor_pin(const ViewContext& ctx) {
    const InstructorViewState& st = ctx.state.instructor;
    if (!st.run_pin.empty()) return st.run_pin;
    const sim::Scenario* s = ctx.training ? ctx.training->scenario() : nullptr;
    if (!s || !s->source.is_object()) return "";
    const auto section = s->source.find("instructor");
    if (section == s->source.end() || !section->is_object()) return "";
    const auto pin = section->find("pin");
    return pin != section->end() && pin->is_string() ? pin->get<std::string>() : "";
}

bool instructor_locked(const ViewContext& ctx) {
    const std::string pin = instructor_pin(ctx);
    return !pin.empty() && ctx.state.instructor.unlocked_pin != pin;
}

void draw_instructor_lock(const ViewContext& ctx) {
    InstructorViewState& st = ctx.state.instructor;
    widgets::text_wrapped(ctx.text.get("scenario.instructor.locked"));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 12.0f));
    const bool enter = widgets::input_text_hint(
        "###instructor_pin", ctx.text.get("scenario.instructor.pin_hint").c_str(), st.pin_entry,
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const std::string unlock = ctx.text.get("scenario.instructor.unlock") + "###instructor_unlock";
    if (widgets::button(unlock.c_str()) || enter) {
        // A UI lock, not a secret store: the PIN lives in memory only and is never written anywhere.
        const std::string pin = instructor_pin(ctx);
        st.pin_wrong = st.pin_entry != pin;
        if (!st.pin_wrong) st.unlocked_pin = pin;
        st.pin_entry.assign(st.pin_entry.size(), '\0');
        st.pin_entry.clear();
    }
    if (st.pin_wrong)
        widgets::text_colored(palette().error_text, ctx.text.get("scenario.instructor.pin_wrong"));
}

// [SECTION] Essentials

void draw_instructor_essentials(const ViewContext& ctx, CommandQueue& out) {
    InstructorViewState& st = ctx.state.instructor;
    // Clock: freeze (journaled; the app pauses its clock) and the next scheduled event.
    const std::string freeze =
        ctx.text.get(ctx.ui.paused ? "scenario.console.unfreeze" : "scenario.console.freeze") +
        "###console_freeze";
    if (widgets::toggle_button(freeze.c_str(), ctx.ui.paused)) {
        st.notice_key.clear();
        submit_instructor(out, ctx.ui.paused ? sim::ops::unfreeze() : sim::ops::freeze());
    }
    ImGui::SameLine();
    const bool has_next = ctx.sim->next_event_time().has_value();
    ImGui::BeginDisabled(!has_next);
    const std::string skip = ctx.text.get("scenario.instructor.skip_event") + "###console_skip_event";
    if (widgets::button(skip.c_str())) {
        st.notice_key.clear();
        submit_instructor(out, sim::ops::skip_to_next_event());
    }
    ImGui::EndDisabled();
    // Beginner scenarios: people switch in the address line without the sign-in page (UI only).
    widgets::checkbox((ctx.text.get("signin.quick_switch") + "###console_quick_switch").c_str(),
                      st.quick_switch);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.text.get("signin.quick_switch_tip").c_str());

    // "Make the next [operation] fail with [error]"
    ImGui::Spacing();
    widgets::text(ctx.text.get("scenario.instructor.fail_next_1"));
    draw_operation_combo(ctx);
    widgets::text(ctx.text.get("scenario.instructor.fail_next_2"));
    draw_error_combo(ctx);
    muted_wrapped(ctx.text.format("scenario.instructor.trainee_sees",
                                  {{"message", error_message(ctx, st.fail_error)}}));
    const std::string arm = ctx.text.get("scenario.instructor.fail_next_apply") + "###fail_next_apply";
    if (widgets::button(arm.c_str())) {
        st.notice_key = "scenario.instructor.fail_armed";
        st.notice_operation = st.fail_operation;
        st.notice_error = st.fail_error;
        submit_instructor(out, sim::ops::fail_next(st.fail_operation, st.fail_error));
    }
    draw_armed_rules(ctx, out);

    // Reset: journaled in this run, then the app starts the scenario again as a new run.
    ImGui::Spacing();
    ImGui::BeginDisabled(ctx.scenario.path.empty());
    const std::string reset = ctx.text.get("scenario.console.reset") + "###console_reset";
    if (widgets::button(reset.c_str())) {
        st.notice_key.clear();
        submit_instructor(out, sim::ops::reset());
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    muted_wrapped(ctx.text.get("scenario.console.reset_note"));

    // What the last button did: its error, or a line saying it worked.
    const ActionStatus status = draw_action_status(ctx, kInstructorTag);
    if (status == ActionStatus::Ok && !st.notice_key.empty())
        muted_wrapped(ctx.text.format(st.notice_key, {{"operation", operation_name(ctx, st.notice_operation)},
                                                      {"error", error_name(ctx, st.notice_error)}}));
}

// [SECTION] Window

void draw_instructor_window(const ViewContext& ctx, CommandQueue& out) {
    InstructorViewState& st = ctx.state.instructor;
    if (!st.open || ctx.ui.screen == "scenario.console") return;  // the page shows the console itself
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float width = std::min(font * (st.advanced ? 50.0f : 28.0f), vp->WorkSize.x - font * 2.0f);
    // First shown at the top of the work area, right of the navigation pane; movable from there.
    ImGui::SetNextWindowPos(
        ImVec2(vp->WorkPos.x + ImGui::GetFrameHeight() * 12.0f, vp->WorkPos.y + font * 6.0f),
        ImGuiCond_FirstUseEver);
    // Never taller than the space below its top edge: longer content scrolls inside the window.
    const float top = st.window_top >= 0.0f ? st.window_top : vp->WorkPos.y + font * 6.0f;
    const float max_h = std::max(font * 10.0f, vp->WorkPos.y + vp->WorkSize.y - top - font * 0.5f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, max_h));
    const std::string title = ctx.text.get("scenario.console.title") + "###instructor_console";
    // A border sets the window apart from the page under it (both are white in the light theme).
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, palette().border);
    const bool visible = ImGui::Begin(
        title.c_str(), &st.open,
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (visible) {
        // Growing (Advanced) must not push the window off the screen.
        const ImVec2 pos = ImGui::GetWindowPos();
        const float right = vp->WorkPos.x + vp->WorkSize.x;
        if (pos.x + width > right) ImGui::SetWindowPos(ImVec2(std::max(vp->WorkPos.x, right - width), pos.y));
        st.window_top = ImGui::GetWindowPos().y;
        if (!ctx.sim) {
            widgets::text_wrapped(ctx.text.get("scenario.checklist.none"));
        } else if (instructor_locked(ctx)) {
            draw_instructor_lock(ctx);
        } else {
            draw_instructor_essentials(ctx, out);
            if (!instructor_pin(ctx).empty()) {
                const std::string lock = ctx.text.get("scenario.instructor.lock") + "###instructor_lock";
                if (widgets::button(lock.c_str())) st.unlocked_pin.clear();
            }
            ImGui::Spacing();
            const std::string advanced =
                ctx.text.get("scenario.instructor.advanced") + "###instructor_advanced";
            ImGui::SetNextItemOpen(st.advanced, ImGuiCond_Always);
            st.advanced = ImGui::CollapsingHeader(advanced.c_str());
            widgets::report_item(widgets::ItemKind::Button, advanced.c_str());
            if (st.advanced) draw_instructor_advanced(ctx, out);
        }
    }
    ImGui::End();
}

}  // namespace app
