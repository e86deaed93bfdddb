// app/views/admin/admin_common.cpp — the admin center's frame: navigation tree, breadcrumb,
// command bar, flyouts, and the formatting every admin page shares.
#include "app/views/admin/admin_common.hpp"

#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "app/ui/fonts.hpp"
#include "app/ui/locale.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"

namespace app::admin {

namespace {

constexpr float kNavWidthInFrames = 7.5f;

// The nav entry the current screen lights up (its row's nav_id), or null.
const char* lit_nav_id(const std::string& screen) {
    for (const AdminScreen& row : admin_table())
        if (row.screen != nullptr && screen == row.screen) return row.nav_id;
    return nullptr;
}

void draw_nav(const ViewContext& ctx, CommandQueue& out) {
    const char* lit = lit_nav_id(ctx.ui.screen);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().nav_bg);
    ImGui::BeginChild("##admin_nav", ImVec2(ImGui::GetFrameHeight() * kNavWidthInFrames, 0), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.nav.title"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    for (const AdminScreen& e : admin_table()) {
        if (e.nav_key == nullptr) continue;
        if (e.indent > 0) ImGui::Indent(ImGui::GetFontSize());
        const std::string text = tr(ctx, e.nav_key);
        if (e.later) {
            ImGui::BeginDisabled();
            widgets::selectable((text + "  · " + tr(ctx, "admin.nav.later") + "###" + e.nav_id).c_str());
            ImGui::EndDisabled();
        } else if (e.screen == nullptr) {
            widgets::text(text);
        } else if (widgets::selectable((text + "###" + e.nav_id).c_str(),
                                       lit != nullptr && std::strcmp(lit, e.nav_id) == 0)) {
            if (ctx.ui.screen != e.screen) out.push(Navigate{e.screen});
        }
        if (e.indent > 0) ImGui::Unindent(ImGui::GetFontSize());
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_breadcrumb(const ViewContext& ctx, CommandQueue& out, const std::vector<Crumb>& crumbs) {
    for (std::size_t i = 0; i < crumbs.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine();
            widgets::text_disabled(">");
            ImGui::SameLine();
        }
        if (crumbs[i].screen) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
            const std::string id = crumbs[i].text + "###crumb_" + std::to_string(i);
            if (widgets::button(id.c_str())) out.push(Navigate{crumbs[i].screen});
            ImGui::PopStyleVar();
            ImGui::PopStyleColor(2);
        } else {
            widgets::text_disabled(crumbs[i].text);
        }
    }
    (void)ctx;
}

}  // namespace

const std::string& tr(const ViewContext& ctx, std::string_view key) {
    return ctx.text.get(key);
}

std::string label(const ViewContext& ctx, std::string_view key, const std::string& id) {
    return ctx.text.get(key) + "###" + id;
}

const sim::Person* begin_page(const ViewContext& ctx, CommandQueue& out, const std::vector<Crumb>& crumbs) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##admin_root", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    draw_nav(ctx, out);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##admin_page", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_breadcrumb(ctx, out, crumbs);

    if (!ctx.sim) {
        info_banner(tr(ctx, "admin.hint.no_scenario"));
        return nullptr;
    }
    const sim::World& w = ctx.sim->world();
    if (!w.tenant.exists) {
        heading(tr(ctx, "admin.hint.no_tenant_title"));
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_wrapped(tr(ctx, "admin.hint.no_tenant"));
        ImGui::PopTextWrapPos();
        return nullptr;
    }
    const sim::Person* actor = w.find_person(ctx.ui.work_account);
    if (!sim::is_usable(actor)) {
        heading(tr(ctx, "admin.hint.sign_in_title"));
        widgets::text_wrapped(tr(ctx, "admin.hint.sign_in"));
        return nullptr;
    }
    return actor;
}

void end_page() {
    ImGui::EndChild();  // ##admin_page
    ImGui::EndChild();  // ##admin_root
}

std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float ellipsis = ImGui::CalcTextSize("…").x;
    std::size_t end = text.size();
    while (end > 0) {
        do --end;  // step back over a whole UTF-8 character
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        if (ImGui::CalcTextSize(text.data(), text.data() + end).x + ellipsis <= width) break;
    }
    return text.substr(0, end) + "…";
}

void cell_text(const std::string& text, bool disabled) {
    const std::string shown = fit_text(text, ImGui::GetContentRegionAvail().x);
    if (disabled)
        ImGui::TextDisabled("%s", shown.c_str());
    else
        ImGui::TextUnformatted(shown.c_str());
    if (shown.size() == text.size()) return;
    widgets::note_ellipsized(text, shown, true);  // allowed: the tooltip shows the whole text
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

std::string wrap_text(const std::string& text, float width) {
    std::string out, line;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        const std::string word = text.substr(i, j - i);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
            out += line + "\n";
            line = word;
        } else {
            line = candidate;
        }
        i = j + 1;
    }
    return out + line;
}

bool cell_selectable(const std::string& text, const std::string& id, bool selected) {
    const std::string shown = wrap_text(text, ImGui::GetContentRegionAvail().x);
    return widgets::selectable((shown + "###" + id).c_str(), selected);
}

void heading(const std::string& text) {
    ImFont* font = heading_font();
    if (font) ImGui::PushFont(font);
    widgets::text(text);
    if (font) ImGui::PopFont();
}

void subheading(const std::string& text) {
    ImGui::Spacing();
    widgets::text_colored(palette().accent, text);
}

void muted(const std::string& text) {
    widgets::text_disabled(text);
}

namespace {
void banner(const std::string& text, const ImVec4& bg, const ImVec4& fg) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ImGui::GetStyle().FramePadding.x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - 2.0f * pad);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + size.y + 2.0f * pad),
                                              ImGui::GetColorU32(bg), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2.0f * pad);
    widgets::text_colored(fg, text);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y + 2.0f * pad));
    ImGui::Dummy(ImVec2(width, 0));
}
}  // namespace

void error_banner(const std::string& text) {
    const ImVec4 e = palette().error_text;
    banner(text, ImVec4(e.x, e.y, e.z, 0.12f), e);
}

void info_banner(const std::string& text) {
    banner(text, palette().banner_bg, palette().banner_text);
}

bool command(const ViewContext& ctx, std::string_view key, const std::string& id, bool enabled, bool first) {
    if (!first) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, enabled ? palette().accent : palette().muted_text);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = widgets::button(label(ctx, key, id).c_str());
    ImGui::EndDisabled();
    ImGui::PopStyleColor(2);
    return pressed && enabled;
}

float flyout_width(float fraction) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float min_w = ImGui::GetFrameHeight() * 17.0f;
    float w = avail * fraction;
    if (w < min_w) w = min_w;
    if (w > avail * 0.9f) w = avail * 0.9f;
    return w;
}

bool begin_flyout(const ViewContext& ctx, const std::string& title, float width, float top_y) {
    // The pane lies over the right part of the page, like the admin center's flyouts.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SetCursorScreenPos(ImVec2(right - width, top_y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().work_bg);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 1.0f);
    ImGui::BeginChild("##flyout", ImVec2(width, 0), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    {
        const ImVec2 p = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 3.0f, p.y + ImGui::GetWindowHeight()),
                                                  ImGui::GetColorU32(palette().accent));
    }
    bool close = false;
    const float close_w =
        ImGui::CalcTextSize(tr(ctx, "admin.pane.close").c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - close_w - ImGui::GetStyle().ItemSpacing.x);
    heading(title);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
    if (widgets::button(label(ctx, "admin.pane.close", "pane_close").c_str())) close = true;
    ImGui::Separator();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close = true;
    return close;
}

void end_flyout() {
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

std::string format_date(const ViewContext& ctx, sim::SimTime t) {
    const sim::LocalDateTime d = ctx.sim->calendar().local(t);
    return ctx.text.format("admin.date",
                           {{"day", d.date.day},
                            {"month", ctx.text.get("ui.clock.month." + std::to_string(d.date.month))},
                            {"year", d.date.year}});
}

std::string format_when(const ViewContext& ctx, sim::SimTime t) {
    return format_clock_short(ctx.sim->calendar().local(t), ctx.text);
}

std::string format_money(const ViewContext& ctx, std::int64_t cents, const std::string& currency) {
    const std::int64_t whole = cents / 100;
    const std::int64_t frac = cents % 100 < 0 ? -(cents % 100) : cents % 100;
    const std::string amount = fmt::format("{}{}{:02}", whole, ctx.text.get("admin.money.decimal"), frac);
    const std::string symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency;
    return ctx.text.format("admin.money", {{"amount", amount}, {"symbol", symbol}});
}

std::string product_name(const ViewContext& ctx, std::string_view sku) {
    const sim::Product* p = ctx.sim ? ctx.sim->world().catalog.find(sku) : nullptr;
    return p ? p->name.in(ctx.ui.language) : std::string(sku);
}

std::string country_name(const ViewContext& ctx, const std::string& code) {
    if (code.empty()) return tr(ctx, "admin.location.none");
    const std::string key = "admin.country." + code;
    return ctx.text.has(key) ? ctx.text.get(key) : code;
}

const std::vector<std::string>& usage_locations() {
    static const std::vector<std::string> kCodes = {"DE", "AT", "CH", "LU", "LI", "NL", "BE", "FR",
                                                    "IT", "ES", "PL", "DK", "GB", "IE", "US", "CA"};
    return kCodes;
}

bool usage_location_combo(const ViewContext& ctx, const char* id, std::string& code, bool allow_none) {
    bool changed = false;
    const std::string preview = code.empty() ? tr(ctx, "admin.location.select") : country_name(ctx, code);
    if (widgets::begin_combo(id, preview.c_str())) {
        if (allow_none &&
            widgets::selectable(label(ctx, "admin.location.none", "loc_none").c_str(), code.empty())) {
            code.clear();
            changed = true;
        }
        for (const std::string& c : usage_locations()) {
            if (widgets::selectable((country_name(ctx, c) + "###loc_" + c).c_str(), c == code)) {
                code = c;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::string licence_state_text(const ViewContext& ctx, const sim::LicenceAssignment& l) {
    if (l.state == sim::LicenceState::Active) return tr(ctx, "status.licence.active");
    return ctx.text.format("admin.licence.pending_until", {{"time", format_when(ctx, l.active_at)}});
}

}  // namespace app::admin

namespace app::admin {

bool checkbox_wrapped(const std::string& text, const std::string& id, bool& value) {
    const bool changed = widgets::checkbox(("###" + id).c_str(), value);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    widgets::text(text);
    ImGui::PopTextWrapPos();
    return changed;
}

}  // namespace app::admin
