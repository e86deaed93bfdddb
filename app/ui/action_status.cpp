// app/ui/action_status.cpp — spinners and error messages for submitted actions.
#include "app/ui/action_status.hpp"

#include <cmath>

#include <imgui.h>

#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"

namespace app {

ActionStatus action_status(const ViewContext& ctx, const std::string& tag, sim::ActionResult* result) {
    if (!ctx.sim) return ActionStatus::None;
    auto it = ctx.state.actions.find(tag);
    if (it == ctx.state.actions.end()) return ActionStatus::None;
    if (ctx.sim->is_pending(it->second)) return ActionStatus::Pending;
    const auto r = ctx.sim->result(it->second);
    if (!r) return ActionStatus::None;
    if (result) *result = *r;
    return r->ok ? ActionStatus::Ok : ActionStatus::Failed;
}

std::string error_text(const ViewContext& ctx, const sim::ActionResult& r) {
    if (r.code == "fault.custom") {
        const std::string key = ctx.ui.language == "de" ? "message_de" : "message_en";
        return r.params.value(key, r.params.value("message_en", r.code));
    }
    if (ctx.text.has(r.message_key)) return ctx.text.format(r.message_key, r.params);
    return r.code;  // an unknown code still says something stable
}

void spinner(float radius) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float size = radius * 2.0f;
    ImGui::Dummy(ImVec2(size, size));
    const ImVec2 centre(pos.x + radius, pos.y + radius);
    const float t = static_cast<float>(ImGui::GetTime());
    const float start = t * 6.0f;
    const int segments = 24;
    dl->PathClear();
    for (int i = 0; i <= segments; ++i) {
        const float a = start + static_cast<float>(i) / static_cast<float>(segments) * 4.2f;
        dl->PathLineTo(
            ImVec2(centre.x + std::cos(a) * (radius - 2.0f), centre.y + std::sin(a) * (radius - 2.0f)));
    }
    dl->PathStroke(ImGui::GetColorU32(ImGuiCol_CheckMark), 0, 2.5f);
}

ActionStatus draw_action_status(const ViewContext& ctx, const std::string& tag) {
    sim::ActionResult r;
    const ActionStatus status = action_status(ctx, tag, &r);
    if (status == ActionStatus::Pending) {
        spinner(ImGui::GetFontSize() * 0.5f);
        ImGui::SameLine();
        widgets::text_disabled(ctx.text.get("ui.action.working"));
    } else if (status == ActionStatus::Failed) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_colored(palette().error_text, error_text(ctx, r));
        ImGui::PopTextWrapPos();
        draw_role_link(ctx, r);
    }
    return status;
}

bool is_role_error(const sim::ActionResult& r) {
    static const std::string kSuffix = ".insufficient_role";
    return !r.ok && r.code.size() > kSuffix.size() &&
           r.code.compare(r.code.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

void draw_role_link(const ViewContext& ctx, const sim::ActionResult& r) {
    if (!is_role_error(r) || ctx.commands == nullptr || ctx.ui.screen.rfind("admin.roles", 0) == 0) return;
    ImGui::PushID(r.code.c_str());
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    if (widgets::button((ctx.text.get("ui.action.open_roles") + "###open_role_assignments").c_str()))
        ctx.commands->push(Navigate{"admin.roles"});
    ImGui::PopStyleColor(2);
    ImGui::PopID();
}

void forget_action(const ViewContext& ctx, const std::string& tag) {
    ctx.state.actions.erase(tag);
}

}  // namespace app
