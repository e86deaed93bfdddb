// app/views/portal/portal_pages.hpp — the pages of the nonprofit portal (one file each).
#pragma once

#include "app/views/view_context.hpp"

namespace app {

void draw_portal_home(const ViewContext& ctx, CommandQueue& out);
void draw_portal_register(const ViewContext& ctx, CommandQueue& out);
void draw_portal_registration(const ViewContext& ctx, CommandQueue& out);
void draw_portal_status(const ViewContext& ctx, CommandQueue& out);
void draw_portal_offers(const ViewContext& ctx, CommandQueue& out);
void draw_portal_no_access(const ViewContext& ctx, CommandQueue& out);
void draw_portal_tenant(const ViewContext& ctx, CommandQueue& out);   // C9 (portal_tenant.cpp)
void draw_portal_support(const ViewContext& ctx, CommandQueue& out);  // Contact Us, C4 (portal_support.cpp)

}  // namespace app
