// app/views/admin/admin_support.cpp — Support / Hilfe und Support (the admin center's help pane and its nav
// entry "Support"; domain.md §3.1, C4, C6): "New service request" / "Neue Serviceanfrage" (topic, subject,
// description → "Contact support" / "Support kontaktieren", support.submit_request channel "admin") and "View
// service requests" / "Serviceanfragen anzeigen" (the signed-in admin's requests with their state). The
// answer arrives as a mail after support's delay (sim/support.hpp).
#include <imgui.h>

#include "app/ui/page.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "app/views/portal/support_views.hpp"

namespace app::admin {

namespace {

constexpr const char* kTagAdminSupport = "admin.support.submit";

// The page's two tabs: New service request, View service requests.
void sa_tabs(const ViewContext& ctx, CommandQueue& out, bool list) {
    heading(tr(ctx, "admin.support.title"));
    if (widgets::toggle_button(label(ctx, "admin.support.new", "support_tab_new").c_str(), !list) && list)
        out.push(Navigate{"admin.support"});
    ImGui::SameLine();
    if (widgets::toggle_button(label(ctx, "admin.support.view", "support_tab_view").c_str(), list) && !list)
        out.push(Navigate{"admin.support.requests"});
    ImGui::Spacing();
}

std::vector<Crumb> sa_crumbs(const ViewContext& ctx, const char* page_key) {
    return {{tr(ctx, "admin.nav.home"), "admin.home"},
            {tr(ctx, "admin.nav.support"), "admin.support"},
            {tr(ctx, page_key), nullptr}};
}

}  // namespace

void draw_support(const ViewContext& ctx, CommandQueue& out) {
    const sim::Person* actor = begin_page(ctx, out, sa_crumbs(ctx, "admin.support.new"));
    if (actor) {
        sa_tabs(ctx, out, false);
        SupportViewState& st = ctx.state.support;
        const float width = page_column_width();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        muted(tr(ctx, "admin.support.intro"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        support_ui::draw_request_form(ctx, out, actor->upn, "admin",
                                      {st.admin_topic, st.admin_title, st.admin_text},
                                      "admin.support.contact", kTagAdminSupport, width);
    }
    end_page();
}

void draw_support_requests(const ViewContext& ctx, CommandQueue& out) {
    const sim::Person* actor = begin_page(ctx, out, sa_crumbs(ctx, "admin.support.view"));
    if (actor) {
        sa_tabs(ctx, out, true);
        support_ui::draw_request_list(ctx, actor->upn, "admin");
    }
    end_page();
}

}  // namespace app::admin
