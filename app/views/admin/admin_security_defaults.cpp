// app/views/admin/admin_security_defaults.cpp — Settings > Security defaults (domain-admin.md §3.1): what
// the defaults enforce (every user registers the Authenticator, admins confirm every sign-in, legacy
// authentication blocked), Enabled / Disabled (not recommended) → Save (tenant.set_security_defaults,
// Global Administrator), and the registration grace a first sign-in gets today (by the simulated date).
#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

constexpr const char* kSdTag = "admin.security_defaults";

}  // namespace

void draw_security_defaults(const ViewContext& ctx, CommandQueue& out) {
    SigninViewState& s = ctx.state.signin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.settings"), nullptr},
                                       {tr(ctx, "admin.sd.title"), nullptr}};
    const sim::Person* actor = begin_page(ctx, out, crumbs);
    if (actor) {
        const sim::World& w = ctx.sim->world();
        if (s.security_defaults_pick < 0) s.security_defaults_pick = w.tenant.security_defaults ? 1 : 0;
        heading(tr(ctx, "admin.sd.title"));
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_wrapped(tr(ctx, "admin.sd.intro"));
        ImGui::Spacing();
        muted(tr(ctx, w.tenant.security_defaults ? "admin.sd.now_on" : "admin.sd.now_off"));
        subheading(tr(ctx, "admin.sd.manage"));
        if (widgets::radio_button(label(ctx, "admin.sd.enabled", "sd_enabled").c_str(),
                                  s.security_defaults_pick == 1))
            s.security_defaults_pick = 1;
        if (widgets::radio_button(label(ctx, "admin.sd.disabled", "sd_disabled").c_str(),
                                  s.security_defaults_pick == 0))
            s.security_defaults_pick = 0;
        ImGui::Spacing();
        const bool pick = s.security_defaults_pick == 1;
        const bool busy = action_status(ctx, kSdTag) == ActionStatus::Pending;
        ImGui::BeginDisabled(busy || pick == w.tenant.security_defaults);
        if (widgets::button(label(ctx, "admin.sd.save", "sd_save").c_str()))
            out.push(SubmitAction{sim::ops::set_security_defaults(actor->upn, pick), kSdTag});
        ImGui::EndDisabled();
        ImGui::SameLine();
        draw_action_status(ctx, kSdTag);
        ImGui::Spacing();
        const int grace = sim::mfa_grace_days(w, ctx.sim->calendar(), ctx.sim->now());
        muted(grace > 0 ? ctx.text.format("admin.sd.grace", {{"days", grace}})
                        : tr(ctx, "admin.sd.no_grace"));
        ImGui::PopTextWrapPos();
    }
    end_page();
}

void prepare_security_defaults(const sim::Simulation*, UiState&, ViewState& state) {
    state.signin.security_defaults_pick = -1;  // read from the world when the page draws
}

}  // namespace app::admin
