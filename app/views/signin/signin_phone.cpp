// app/views/signin/signin_phone.cpp — the simulated phone beside the sign-in page ("Authenticator", no
// real logos): the camera scanning the QR code while registering, then the account and its code; the
// sign-in request asking for the number the page shows; "I lost my phone" (mfa.lose_phone). Also the
// registration wizard's pages on the sign-in card, which talk about this phone.
#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/icons.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/signin/signin_common.hpp"
#include "app/views/signin/signin_views.hpp"
#include "sim/hash.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"

namespace app {

namespace signin {

namespace {

const std::string& sp_t(const ViewContext& ctx, const char* key) {
    return ctx.text.get(key);
}

bool sp_button(const ViewContext& ctx, const char* key, const char* id, bool enabled = true) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = widgets::button((sp_t(ctx, key) + "###" + id).c_str(), ImVec2(-1.0f, 0.0f));
    ImGui::EndDisabled();
    return pressed;
}

// Registration: the camera while the QR code is not scanned yet, then the account and its code.
void sp_registering(const ViewContext& ctx, const std::string& account) {
    SigninViewState& s = ctx.state.signin;
    const sim::World& w = ctx.sim->world();
    if (!s.phone_scanned) {
        widgets::text_wrapped(sp_t(ctx, "signin.phone.scanning"));
        ImGui::Spacing();
        const bool can_scan = s.register_step == RegisterStep::Scan;
        if (sp_button(ctx, "signin.phone.scan", "phone_scan", can_scan)) {
            s.phone_scanned = true;
            s.error_key.clear();
        }
        return;
    }
    widgets::text_colored(palette().success_text, icons::kCheckCircle);
    ImGui::SameLine();
    widgets::text_colored(palette().success_text, sp_t(ctx, "signin.phone.added"));
    widgets::text_wrapped(account);
    ImGui::Spacing();
    widgets::text_disabled(sp_t(ctx, "signin.phone.code_label"));
    draw_big_number(ctx, group_code(sim::current_mfa_code(w, ctx.sim->seed(), account)));
}

// Signing in: "Are you trying to sign in?" with a field for the number the page shows; below, the
// 6-digit code for "I can't use my Authenticator app right now".
void sp_request(const ViewContext& ctx, CommandQueue& out, const std::string& account) {
    SigninViewState& s = ctx.state.signin;
    const bool pending = action_status(ctx, kTagStep) == ActionStatus::Pending;
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text_wrapped(sp_t(ctx, "signin.phone.request"));
    if (font) ImGui::PopFont();
    widgets::text_disabled(account);
    ImGui::Spacing();
    widgets::text_wrapped(sp_t(ctx, "signin.phone.enter_number"));
    ImGui::SetNextItemWidth(-1.0f);
    widgets::input_text_hint("###phone_number", sp_t(ctx, "signin.phone.number_hint").c_str(), s.phone_entry,
                             ImGuiInputTextFlags_CharsDecimal);
    if (sp_button(ctx, "signin.phone.yes", "phone_yes", !pending)) {
        send(ctx, out, sim::ops::mfa_verify(account, s.phone_entry));
        s.phone_entry.clear();
    }
    if (sp_button(ctx, "signin.phone.no", "phone_no", !pending)) {
        s.phone_entry.clear();
        s.error_key = "signin.phone.denied";
    }
    ImGui::Spacing();
    ImGui::Separator();
    widgets::text_disabled(sp_t(ctx, "signin.phone.code_label"));
    widgets::text(group_code(sim::current_mfa_code(ctx.sim->world(), ctx.sim->seed(), account)));
}

void sp_screen(const ViewContext& ctx, CommandQueue& out) {
    const SigninViewState& s = ctx.state.signin;
    const std::string& account = s.account;
    const sim::World& w = ctx.sim->world();
    const sim::AccountIdentity* id = account.empty() ? nullptr : sim::identity_of(w, account);
    if (id != nullptr && id->phone_lost) {
        widgets::text_wrapped_colored(palette().warning_text, sp_t(ctx, "signin.phone.gone"));
    } else if (s.step == SigninStep::Register && s.register_step >= RegisterStep::Scan) {
        sp_registering(ctx, account);
    } else if (s.step == SigninStep::Approve && id != nullptr && id->mfa_registered) {
        sp_request(ctx, out, account);
    } else if (id != nullptr && id->mfa_registered) {
        widgets::text_colored(palette().accent, std::string(icons::kAccountCircle) + " " + account);
        widgets::text_disabled(sp_t(ctx, "signin.phone.added"));
    } else {
        widgets::text_wrapped(
            sp_t(ctx, account.empty() ? "signin.phone.nobody" : "signin.phone.no_accounts"));
    }
}

}  // namespace

std::string group_code(const std::string& code) {
    if (code.size() != 6) return code.empty() ? std::string("··· ···") : code;
    return code.substr(0, 3) + " " + code.substr(3);
}

void draw_big_number(const ViewContext& ctx, const std::string& number) {
    (void)ctx;
    const std::string shown = number.empty() ? std::string("··") : number;
    ImFont* font = heading_font() != nullptr ? heading_font() : ImGui::GetFont();
    const float size = ImGui::GetFontSize() * 2.2f;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, shown.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(extent);
    ImGui::GetWindowDrawList()->AddText(font, size, p, ImGui::GetColorU32(palette().text), shown.c_str());
    widgets::report_item(widgets::ItemKind::Text, shown.c_str());
}

// 25 × 25 modules: the three finder squares of a QR code in their corners, the rest from a hash of
// the seed, the account and the challenge. It only has to look like one; nothing reads it.
void draw_qr(std::uint64_t seed, const std::string& account, std::uint64_t serial, float size) {
    constexpr int kN = 25;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float quiet = size * 0.06f;
    const float m = (size - 2.0f * quiet) / static_cast<float>(kN);
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), IM_COL32(255, 255, 255, 255));
    std::uint64_t h = sim::fnv1a(account, sim::fnv1a(std::to_string(seed) + ":" + std::to_string(serial)));
    // The finder squares (7 × 7, rings dark/light/dark 3 × 3) with their light separator; -1 elsewhere.
    auto corner = [](int r, int c) {
        const int origins[3][2] = {{0, 0}, {0, kN - 7}, {kN - 7, 0}};
        for (const auto& o : origins) {
            const int y = r - o[0], x = c - o[1];
            if (y < -1 || x < -1 || y > 7 || x > 7) continue;
            if (y < 0 || x < 0 || y > 6 || x > 6) return 0;
            return std::min(std::min(y, x), std::min(6 - y, 6 - x)) == 1 ? 0 : 1;
        }
        return -1;
    };
    for (int r = 0; r < kN; ++r)
        for (int c = 0; c < kN; ++c) {
            int dark = corner(r, c);
            if (dark < 0) {
                h = h * sim::kFnvPrime + static_cast<std::uint64_t>(r * kN + c + 1);
                dark = static_cast<int>((h >> 29) & 1u);
            }
            if (dark == 0) continue;
            const ImVec2 a(p.x + quiet + static_cast<float>(c) * m, p.y + quiet + static_cast<float>(r) * m);
            dl->AddRectFilled(a, ImVec2(a.x + m + 0.5f, a.y + m + 0.5f), IM_COL32(20, 20, 20, 255));
        }
}

void draw_register_step(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    const bool pending = action_status(ctx, kTagStep) == ActionStatus::Pending;
    const char* titles[] = {"signin.get_app_title", "signin.set_up_title", "signin.scan_title",
                            "signin.try_title"};
    const char* texts[] = {"signin.get_app_text", "signin.set_up_text", "signin.scan_text",
                           "signin.try_text"};
    const int i = static_cast<int>(s.register_step);
    widgets::text(sp_t(ctx, titles[i]));
    widgets::text_wrapped(sp_t(ctx, texts[i]));
    ImGui::Spacing();
    bool next = false;
    if (s.register_step == RegisterStep::Scan) {
        const sim::AccountIdentity* id = sim::identity_of(ctx.sim->world(), s.account);
        draw_qr(ctx.sim->seed(), s.account, id ? id->challenge_serial : 0, ui_px(132.0f));
        widgets::text_wrapped_colored(palette().muted_text, sp_t(ctx, "signin.scan_phone"));
    } else if (s.register_step == RegisterStep::TryIt) {
        ImGui::SetNextItemWidth(-1.0f);
        next = widgets::input_text_hint("###signin_code", sp_t(ctx, "signin.code_hint").c_str(), s.code,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    }
    if (!s.error_key.empty()) widgets::text_wrapped_colored(palette().error_text, ctx.text.get(s.error_key));
    draw_action_status(ctx, kTagStep);
    ImGui::Spacing();
    if (s.register_step != RegisterStep::GetApp) {
        if (widgets::button((sp_t(ctx, "signin.back") + "###signin_register_back").c_str())) {
            s.register_step = static_cast<RegisterStep>(i - 1);
            s.error_key.clear();
        }
        ImGui::SameLine();
    }
    next = primary_button(ctx, "signin.next", "signin_register_next", !pending) || next;
    if (!next || pending) return;
    s.error_key.clear();
    if (s.register_step == RegisterStep::TryIt) {
        send(ctx, out, sim::ops::mfa_complete_registration(s.account, s.code));
        s.code.clear();
    } else if (s.register_step == RegisterStep::Scan && !s.phone_scanned) {
        s.error_key = "signin.not_scanned";
    } else {
        s.register_step = static_cast<RegisterStep>(i + 1);
    }
}

}  // namespace signin

void draw_signin_phone(const ViewContext& ctx, CommandQueue& out, float width, float height) {
    using namespace signin;
    const float bezel = ui_px(10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, ui_px(28.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, bezel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(bezel + ui_px(14.0f), bezel + ui_px(18.0f)));
    ImGui::PushStyleColor(ImGuiCol_Border, palette().text);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().work_bg);
    ImGui::BeginChild("##signin_phone", ImVec2(width, height), true,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    // The speaker slot at the top of the screen.
    const ImVec2 wp = ImGui::GetWindowPos();
    const float slot = width * 0.28f;
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(wp.x + (width - slot) * 0.5f, wp.y + bezel + ui_px(4.0f)),
        ImVec2(wp.x + (width + slot) * 0.5f, wp.y + bezel + ui_px(9.0f)), ImGui::GetColorU32(palette().text),
        ui_px(3.0f));
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_colored(palette().accent,
                          std::string(icons::kKey) + " " + ctx.text.get("signin.phone.title"));
    widgets::text_disabled(ctx.text.get("signin.phone.simulated"));
    ImGui::Separator();
    ImGui::Spacing();
    sp_screen(ctx, out);
    // "I lost my phone" at the bottom of the screen.
    const SigninViewState& s = ctx.state.signin;
    const sim::AccountIdentity* id =
        s.account.empty() ? nullptr : sim::identity_of(ctx.sim->world(), s.account);
    const float bottom = ImGui::GetWindowContentRegionMax().y - ImGui::GetFrameHeightWithSpacing() * 2.0f;
    if (ImGui::GetCursorPosY() < bottom) ImGui::SetCursorPosY(bottom);
    ImGui::Separator();
    const bool can_lose = id != nullptr && id->mfa_registered && !id->phone_lost;
    if (sp_button(ctx, "signin.phone.lost", "phone_lost", can_lose))
        out.push(SubmitAction{sim::ops::mfa_lose_phone(s.account), kTagLost});
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", ctx.text.get("signin.phone.lost_tip").c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace app
