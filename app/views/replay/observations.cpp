// app/views/replay/observations.cpp — the pieces of the export area and the overview that feed the
// viewer and support cases: "Open session or support case…", expected observations (template form,
// list with their live result) and "Save this point as a scenario".
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/ui/page.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/instructor/instructor_views.hpp"  // operation_name, error_name, id_tooltip
#include "app/views/replay/replay_views.hpp"
#include "app/views/scenario/scenario_views.hpp"
#include "sim/assessment.hpp"
#include "sim/world.hpp"

namespace app {

namespace {

// The templates of the observation form, in the order of its combo.
enum ObservationTemplate { kDesktopApps = 0, kLastResult, kLicensed, kPortalStatus, kTemplateCount };
constexpr const char* kTemplateKeys[kTemplateCount] = {"replay.obs.tpl.desktop", "replay.obs.tpl.last_result",
                                                       "replay.obs.tpl.licensed",
                                                       "replay.obs.tpl.portal_status"};
constexpr const char* kStatuses[] = {"none",     "draft",    "pending",          "info_requested",
                                     "approved", "declined", "reverify_required"};

// A combo over `values` (shown through `label_of`) that edits `value`; picks the first when empty.
template <class LabelOf>
void picker(const char* id, const std::vector<std::string>& values, std::string& value, LabelOf label_of) {
    if ((value.empty() || std::find(values.begin(), values.end(), value) == values.end()) && !values.empty())
        value = values.front();
    ImGui::SetNextItemWidth(page_field_width());
    if (widgets::begin_combo(id, value.empty() ? "" : label_of(value).c_str())) {
        for (const std::string& v : values) {
            const std::string label = label_of(v) + "###" + std::string(id + 3) + "_" + v;
            if (widgets::selectable(label.c_str(), v == value)) value = v;
            if (label_of(v) != v) id_tooltip(v);  // the raw id, for testers
        }
        ImGui::EndCombo();
    }
}

std::vector<std::string> people_of(const sim::World& w) {
    std::vector<std::string> upns;
    for (const sim::Person& p : w.people)
        if (!p.deleted) upns.push_back(p.upn);
    return upns;
}

// Operations the trainee submitted so far (not the console's), in first-seen order.
std::vector<std::string> operations_of(const sim::Simulation& s) {
    std::vector<std::string> ops;
    for (const sim::JournalEntry& e : s.journal().entries()) {
        if (e.kind != "result") continue;
        const std::string type = e.body.value("type", std::string());
        if (type.empty() || type.rfind("instructor.", 0) == 0) continue;
        if (std::find(ops.begin(), ops.end(), type) == ops.end()) ops.push_back(type);
    }
    return ops;
}

// The error codes `operation` returned so far (the form offers what actually happened).
std::vector<std::string> errors_of(const sim::Simulation& s, const std::string& operation) {
    std::vector<std::string> codes;
    for (const sim::JournalEntry& e : s.journal().entries()) {
        if (e.kind != "result" || e.body.value("type", std::string()) != operation) continue;
        const nlohmann::json r = e.body.value("result", nlohmann::json::object());
        if (!r.is_object() || r.value("ok", true)) continue;
        const std::string code = r.value("code", std::string());
        if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end())
            codes.push_back(code);
    }
    return codes;
}

// The condition and the wording of the form as filled in; {} when something is missing.
std::pair<nlohmann::json, std::string> built_observation(const ViewContext& ctx) {
    const ReplayViewState& st = ctx.state.replay;
    switch (st.obs_template) {
        case kDesktopApps: {
            if (st.obs_person.empty()) break;
            nlohmann::json c = {{"office_desktop", st.obs_person}};
            if (!st.obs_yes) c = {{"not", c}};
            return {c,
                    ctx.text.format(st.obs_yes ? "replay.obs.say.desktop_yes" : "replay.obs.say.desktop_no",
                                    {{"person", st.obs_person}})};
        }
        case kLastResult: {
            if (st.obs_operation.empty() || (!st.obs_yes && st.obs_error.empty())) break;
            const std::string error = st.obs_yes ? "ok" : st.obs_error;
            return {{{"last_result", {{"operation", st.obs_operation}, {"error", error}}}},
                    st.obs_yes ? ctx.text.format("replay.obs.say.succeeded",
                                                 {{"operation", operation_name(ctx, st.obs_operation)}})
                               : ctx.text.format("replay.obs.say.failed",
                                                 {{"operation", operation_name(ctx, st.obs_operation)},
                                                  {"error", error_name(ctx, error)}})};
        }
        case kLicensed: {
            if (st.obs_person.empty() || st.obs_sku.empty()) break;
            return {
                {{"licensed", {{"sku", st.obs_sku}, {"upn", st.obs_person}}}},
                ctx.text.format("replay.obs.say.licensed", {{"person", st.obs_person}, {"sku", st.obs_sku}})};
        }
        case kPortalStatus: {
            if (st.obs_status.empty()) break;
            return {{{"portal_status", st.obs_status}},
                    ctx.text.format("replay.obs.say.portal_status",
                                    {{"status", ctx.text.get("status.portal." + st.obs_status)}})};
        }
        default:
            break;
    }
    return {nlohmann::json(), std::string()};
}

void draw_observation_form(const ViewContext& ctx, CommandQueue& out) {
    ReplayViewState& st = ctx.state.replay;
    const sim::World& w = ctx.sim->world();
    st.obs_template = std::clamp(st.obs_template, 0, kTemplateCount - 1);
    ImGui::SetNextItemWidth(page_field_width());
    if (widgets::begin_combo("###obs_template", ctx.text.get(kTemplateKeys[st.obs_template]).c_str())) {
        for (int i = 0; i < kTemplateCount; ++i) {
            const std::string label = ctx.text.get(kTemplateKeys[i]) + "###obs_template_" + std::to_string(i);
            if (widgets::selectable(label.c_str(), i == st.obs_template)) st.obs_template = i;
        }
        ImGui::EndCombo();
    }
    const auto same = [](const std::string& v) { return v; };
    switch (st.obs_template) {
        case kDesktopApps:
            picker("###obs_person", people_of(w), st.obs_person, same);
            if (widgets::radio_button((ctx.text.get("replay.obs.shows") + "###obs_yes").c_str(), st.obs_yes))
                st.obs_yes = true;
            ImGui::SameLine();
            if (widgets::radio_button((ctx.text.get("replay.obs.not_shows") + "###obs_no").c_str(),
                                      !st.obs_yes))
                st.obs_yes = false;
            break;
        case kLastResult: {
            const std::vector<std::string> ops = operations_of(*ctx.sim);
            if (ops.empty()) {
                widgets::text_disabled(ctx.text.get("replay.obs.no_operations"));
                break;
            }
            picker("###obs_operation", ops, st.obs_operation,
                   [&ctx](const std::string& op) { return operation_name(ctx, op); });
            if (widgets::radio_button((ctx.text.get("replay.obs.succeeded") + "###obs_yes").c_str(),
                                      st.obs_yes))
                st.obs_yes = true;
            ImGui::SameLine();
            if (widgets::radio_button((ctx.text.get("replay.obs.failed_with") + "###obs_no").c_str(),
                                      !st.obs_yes))
                st.obs_yes = false;
            if (!st.obs_yes) {
                const std::vector<std::string> codes = errors_of(*ctx.sim, st.obs_operation);
                if (codes.empty()) {
                    // Nothing failed yet: the tester names the code they expect.
                    ImGui::SetNextItemWidth(page_field_width());
                    widgets::input_text_hint("###obs_error_code", "billing.invalid_payment_method",
                                             st.obs_error);
                } else {
                    picker("###obs_error", codes, st.obs_error,
                           [&ctx](const std::string& code) { return error_name(ctx, code); });
                }
            }
            break;
        }
        case kLicensed: {
            picker("###obs_person", people_of(w), st.obs_person, same);
            std::vector<std::string> skus;
            for (const sim::Product& p : w.catalog.products) skus.push_back(p.sku);
            picker("###obs_sku", skus, st.obs_sku, [&](const std::string& sku) {
                const sim::Product* p = w.catalog.find(sku);
                return p ? p->name.in(ctx.ui.language) + " (" + sku + ")" : sku;
            });
            break;
        }
        case kPortalStatus:
            picker("###obs_status", std::vector<std::string>(std::begin(kStatuses), std::end(kStatuses)),
                   st.obs_status, [&](const std::string& s) { return ctx.text.get("status.portal." + s); });
            break;
        default:
            break;
    }

    const auto [condition, wording] = built_observation(ctx);
    // Wider than the pickers: the suggested wording holds a sign-in name.
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 44.0f));
    widgets::input_text_hint(
        "###obs_label", wording.empty() ? ctx.text.get("replay.obs.label_hint").c_str() : wording.c_str(),
        st.obs_label);
    ImGui::BeginDisabled(condition.is_null());
    if (widgets::button((ctx.text.get("replay.obs.add") + "###obs_add").c_str())) {
        out.push(AddObservation{st.obs_label.empty() ? wording : st.obs_label, condition});
        st.obs_label.clear();
    }
    ImGui::EndDisabled();
    if (!condition.is_null()) {
        ImGui::SameLine();
        const bool holds = observation_holds(condition, *ctx.sim);
        ImGui::AlignTextToFramePadding();
        widgets::text_wrapped_colored(holds ? palette().muted_text : palette().error_text,
                                      ctx.text.get(holds ? "replay.obs.holds_now" : "replay.obs.fails_now"));
    }
}

}  // namespace

bool observation_holds(const nlohmann::json& condition, const sim::Simulation& sim) {
    std::vector<sim::ConditionError> errors;
    return sim::validate_condition(condition, "", errors) && sim::evaluate_condition(condition, sim);
}

void draw_open_recording(const ViewContext& ctx, CommandQueue& out) {
    ReplayViewState& st = ctx.state.replay;
    widgets::text(ctx.text.get("replay.open.heading"));
    ImGui::SetNextItemWidth(page_field_width());
    const bool enter =
        widgets::input_text_hint("###replay_open_path", ctx.text.get("replay.open.hint").c_str(),
                                 st.open_path, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(st.open_path.empty());
    if (widgets::button((ctx.text.get("replay.open.button") + "###replay_open").c_str()) ||
        (enter && !st.open_path.empty()))
        out.push(OpenReplay{st.open_path});
    ImGui::EndDisabled();
    if (!st.open_error.empty()) widgets::text_wrapped_colored(palette().error_text, st.open_error);
}

void draw_observations(const ViewContext& ctx, CommandQueue& out) {
    if (!ctx.sim) return;
    const ReplayViewState& st = ctx.state.replay;
    widgets::text(ctx.text.get("replay.obs.heading"));
    widgets::text_wrapped_colored(palette().muted_text, ctx.text.get("replay.obs.help"));
    for (const sim::Observation& o : st.observations) {
        const bool holds = observation_holds(o.condition, *ctx.sim);
        const std::string remove = ctx.text.get("replay.obs.remove") + "###obs_remove_" + o.id;
        if (widgets::button(remove.c_str())) out.push(RemoveObservation{o.id});
        ImGui::SameLine();
        tick_mark(holds);
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text,
                              holds ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : palette().error_text);
        widgets::text_wrapped(o.label + " — " +
                              ctx.text.get(holds ? "replay.obs.holds_now" : "replay.obs.fails_now"));
        ImGui::PopStyleColor();
    }
    if (st.observations.empty()) widgets::text_disabled(ctx.text.get("replay.obs.none"));
    ImGui::Spacing();
    draw_observation_form(ctx, out);
}

void draw_save_point(const ViewContext& ctx, CommandQueue& out) {
    ReplayViewState& st = ctx.state.replay;
    widgets::text(ctx.text.get("replay.point.heading"));
    widgets::text_wrapped_colored(
        palette().muted_text,
        ctx.text.get(st.info.active ? "replay.point.help_replay" : "replay.point.help_live"));
    widgets::text(ctx.text.get("replay.point.folder"));
    ImGui::SetNextItemWidth(page_field_width());
    widgets::input_text_hint("###point_dir", ctx.text.get("replay.point.folder_hint").c_str(), st.point_dir);
    if (widgets::button((ctx.text.get("replay.point.save") + "###point_save").c_str()))
        out.push(SaveScenarioAt{st.point_dir});
    if (!st.point_result.empty())
        widgets::text_wrapped_colored(st.point_ok ? palette().muted_text : palette().error_text,
                                      st.point_result);
}

}  // namespace app
