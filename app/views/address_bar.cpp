// app/views/address_bar.cpp — the browser-like row above every page: back, forward, the fake
// address of the page, and who the trainee is on this surface (the signed-in work account, or
// whose My Account / inbox is shown).
#include <string>

#include <imgui.h>

#include "app/ui/screens.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/signin/signin_views.hpp"
#include "app/views/views.hpp"

namespace app {

namespace {

const std::string& current_person(const ViewContext& ctx, Surface s) {
    static const std::string none;
    switch (s) {
        case Surface::Portal:
        case Surface::Admin:
        case Surface::Dns:  // the DNS host's panel: any signed-in person has the registrar's login
            return ctx.ui.work_account;
        case Surface::Account:
            return ctx.ui.account_user;
        case Surface::Mail:
        case Surface::Teams:  // Teams shows the same person as Mail
            return ctx.ui.mail_user;
        default:
            return none;
    }
}

Command choose_person(Surface s, const std::string& upn) {
    if (s == Surface::Account) return SetAccountUser{upn};
    if (s == Surface::Mail || s == Surface::Teams) return SetMailUser{upn};
    return SetWorkAccount{upn};
}

void draw_person_picker(const ViewContext& ctx, Surface surface, CommandQueue& out) {
    const std::string& upn = current_person(ctx, surface);
    const sim::Person* person = ctx.sim->world().find_person(upn);
    const std::string preview = person ? person->display_name : ctx.text.get("ui.address.nobody");
    const char* label_key = surface == Surface::Account ? "ui.address.my_account_of"
                            : surface == Surface::Mail  ? "ui.address.inbox_of"
                                                        : "ui.address.signed_in_as";
    widgets::text_disabled(ctx.text.get(label_key));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 9.0f);
    if (widgets::begin_combo("###person", preview.c_str())) {
        // The trainee's way: sign in (or out) through the sign-in page (app/views/signin).
        if (surface != Surface::Dns) {
            if (widgets::selectable((ctx.text.get("signin.sign_in_other") + "###person_signin").c_str()))
                begin_signin(ctx, out, surface, "", ctx.ui.screen);
            if (!upn.empty() &&
                widgets::selectable((ctx.text.get("ui.address.sign_out") + "###person_none").c_str()))
                sign_out(ctx, out, surface);
        }
        // The quick list: the instructor's (and beginner scenarios') shortcut, without signing in.
        if (!signin_guards(ctx, surface)) {
            ImGui::Separator();
            widgets::text_disabled(ctx.text.get("signin.quick_switch_heading"));
            for (const sim::Person& p : ctx.sim->world().people) {
                if (p.deleted) continue;
                const std::string item = p.display_name + "  (" + p.upn + ")###person_" + p.upn;
                if (widgets::selectable(item.c_str(), p.upn == upn)) out.push(choose_person(surface, p.upn));
            }
        }
        ImGui::EndCombo();
    }
}

}  // namespace

void draw_address_bar(const ViewContext& ctx, CommandQueue& out) {
    const Surface surface = surface_of(ctx.ui.screen);
    ImGui::BeginDisabled(ctx.ui.back_stack.empty());
    if (widgets::arrow_button("###back", ImGuiDir_Left)) out.push(Back{});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.ui.forward_stack.empty());
    if (widgets::arrow_button("###forward", ImGuiDir_Right)) out.push(Forward{});
    ImGui::EndDisabled();
    ImGui::SameLine();

    const ScreenSpec* screen = find_screen(ctx.ui.screen);
    const std::string url = std::string("https://") + (screen && screen->url ? screen->url : "");
    const bool has_picker =
        ctx.sim && surface != Surface::Welcome && surface != Surface::Scenario && surface != Surface::Signin;
    const float picker_width = has_picker ? ImGui::GetFrameHeight() * 17.0f : 0.0f;
    const float url_width = ImGui::GetContentRegionAvail().x - picker_width;
    // The address looks like a read-only text field.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().work_bg);
    ImGui::BeginChild("##url", ImVec2(url_width > 50.0f ? url_width : 50.0f, ImGui::GetFrameHeight()), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::SetCursorPosY(ImGui::GetStyle().FramePadding.y - 1.0f);
    widgets::text_disabled(url);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (has_picker) {
        ImGui::SameLine();
        draw_person_picker(ctx, surface, out);
    }
}

}  // namespace app
