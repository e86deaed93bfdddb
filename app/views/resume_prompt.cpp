// app/views/resume_prompt.cpp — "Your last session was interrupted …  [Resume] [Start fresh]".
#include "app/views/resume_prompt.hpp"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "app/ui/session.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"

namespace app {

namespace {

constexpr const char* rsp_kPopupId = "###resume_prompt";

}  // namespace

void draw_resume_prompt(const ViewContext& ctx, CommandQueue& out) {
    const SessionStatus* s = ctx.session;
    if (!s || !s->interrupted || !s->available) return;
    if (!ImGui::IsPopupOpen(rsp_kPopupId)) ImGui::OpenPopup(rsp_kPopupId);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(ImGui::GetFontSize() * 30.0f, vp->WorkSize.x - ImGui::GetFontSize() * 2.0f);
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    const std::string title = ctx.text.get("scenario.resume.title") + rsp_kPopupId;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr,
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove))
        return;
    widgets::text_wrapped(ctx.text.format("scenario.resume.text",
                                          {{"title", s->title.in(ctx.ui.language)}, {"time", s->saved_at}}));
    ImGui::Spacing();
    const std::string resume = ctx.text.get("scenario.resume.resume") + "###resume_prompt_resume";
    if (widgets::button(resume.c_str())) {
        out.push(ResumeSession{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const std::string fresh = ctx.text.get("scenario.resume.fresh") + "###resume_prompt_fresh";
    if (widgets::button(fresh.c_str())) {
        out.push(StartFresh{});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace app
