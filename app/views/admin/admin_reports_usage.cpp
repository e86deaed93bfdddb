// app/views/admin/admin_reports_usage.cpp — Reports > Usage / Berichte > Verwendung (domain-admin.md §2.3,
// C15, C22): the period picker (7 / 30 / 90 / 180 days), the at-a-glance cards "Active users - Microsoft 365
// Services" and the nonprofit grant's utilisation (assigned / active / inactive, the percent against the
// 85 % rule), the chart of active users per day with the 85 % line (app/ui/chart.hpp), and "View more" →
// the Active users report (admin.reports.usage.active): per user the last activity date (UTC) overall and
// per service. While reports conceal names (Settings > Org settings > Services > Reports) the report shows
// hash-like ids and says where to change it. Everything is read from the pure queries of sim/usage.hpp.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "app/ui/chart.hpp"
#include "app/ui/fonts.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/usage.hpp"

namespace app::admin {

namespace {

constexpr int kUsagePeriods[] = {7, 30, 90, 180};
constexpr sim::SimTime kUsageNever = -1;  // sim/usage.hpp: no activity (history lies at other negative times)

// The period picked (days): 7, 30, 90 or 180.
int& usage_period(const ViewContext& ctx) {
    int& days = ctx.state.admin.usage_days;
    if (std::find(std::begin(kUsagePeriods), std::end(kUsagePeriods), days) == std::end(kUsagePeriods))
        days = 30;
    return days;
}

// "83.3" / "83,3"; whole numbers without decimals.
std::string usage_percent(const ViewContext& ctx, double p) {
    const double r = std::round(p * 10.0) / 10.0;
    std::string s = std::fabs(r - std::round(r)) < 1e-9
                        ? fmt::format("{}", static_cast<long long>(std::llround(r)))
                        : fmt::format("{:.1f}", r);
    const std::string& dec = tr(ctx, "admin.money.decimal");
    if (const auto dot = s.find('.'); dot != std::string::npos) s.replace(dot, 1, dec);
    return s;
}

// The report's dates are UTC ("Last activity date (UTC)").
sim::CivilDate usage_utc_date(const ViewContext& ctx, sim::SimTime t) {
    const std::int64_t ms = ctx.sim->calendar().unix_ms(t);
    const std::int64_t days = ms >= 0 ? ms / sim::kDay : (ms - sim::kDay + 1) / sim::kDay;
    return sim::civil_from_days(days);
}

// "26.09.2025" / "2025-09-26": short enough for five columns at 1280×800.
std::string usage_date_text(const ViewContext& ctx, sim::SimTime t) {
    if (t == kUsageNever) return tr(ctx, "admin.usage.never");
    const sim::CivilDate d = usage_utc_date(ctx, t);
    return ctx.text.format(
        "admin.usage.date",
        {{"day", fmt::format("{:02}", d.day)}, {"month", fmt::format("{:02}", d.month)}, {"year", d.year}});
}

void usage_period_picker(const ViewContext& ctx) {
    int& days = usage_period(ctx);
    ImGui::AlignTextToFramePadding();
    widgets::text(tr(ctx, "admin.usage.period"));
    for (const int d : kUsagePeriods) {
        ImGui::SameLine();
        const std::string l =
            ctx.text.format("admin.usage.days", {{"days", d}}) + "###usage_period_" + std::to_string(d);
        if (widgets::toggle_button(l.c_str(), days == d)) days = d;
    }
}

// A bordered card `height` tall; `needed` gets the height its content takes (ImGui 1.86 children do not
// size themselves to their content, so the cards measure it and the page sizes them the next frame).
template <class Fn>
void usage_card(const char* id, float width, float height, float& needed, Fn&& body) {
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 1.0f);
    ImGui::BeginChild(id, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    ImGui::PushTextWrapPos(0.0f);
    body();
    ImGui::PopTextWrapPos();
    needed = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y;
    ImGui::EndChild();
}

// Users active in the period, overall and per service.
struct UsageCounts {
    int active = 0, exchange = 0, teams = 0, apps = 0, people = 0;
};

// A last activity (-1 = never; the history before the start lies at negative times) after `since`.
bool usage_within(sim::SimTime t, sim::SimTime since) {
    return t != kUsageNever && t > since;
}

UsageCounts usage_counts(const sim::World& w, sim::SimTime now, int days) {
    UsageCounts c;
    const sim::SimTime since = now - static_cast<sim::SimTime>(days) * sim::kDay;
    for (const sim::PersonActivity& a : sim::person_activity(w)) {
        ++c.people;
        c.active += usage_within(a.last_activity, since) ? 1 : 0;
        c.exchange += usage_within(a.last_exchange, since) ? 1 : 0;
        c.teams += usage_within(a.last_teams, since) ? 1 : 0;
        c.apps += usage_within(a.last_apps, since) ? 1 : 0;
    }
    return c;
}

// The card "Active users - Microsoft 365 Services": the count of the period, per service, the chart of
// active users per day with the 85 % line (none yet: says so), View more.
void usage_active_card(const ViewContext& ctx, CommandQueue& out, const UsageCounts& c, int days,
                       const chart::ChartSpec* spec) {
    widgets::text_colored(palette().accent, tr(ctx, "admin.usage.card_active"));
    ImFont* big = heading_font();
    if (big != nullptr) ImGui::PushFont(big);
    widgets::text(ctx.text.format("admin.usage.active_count", {{"count", c.active}, {"days", days}}));
    if (big != nullptr) ImGui::PopFont();
    muted(ctx.text.format("admin.usage.by_service",
                          {{"exchange", c.exchange}, {"teams", c.teams}, {"apps", c.apps}}));
    ImGui::Spacing();
    widgets::text(tr(ctx, "admin.usage.chart_title"));
    if (spec != nullptr)
        chart::draw_chart(*spec);
    else
        muted(tr(ctx, "admin.usage.no_data"));
    ImGui::Spacing();
    if (widgets::button(label(ctx, "admin.usage.view_more", "usage_view_more").c_str()))
        out.push(Navigate{"admin.reports.usage.active"});
}

void usage_grant_card(const ViewContext& ctx, CommandQueue& out, const sim::GrantUtilisation& g) {
    const Palette& pal = palette();
    widgets::text_colored(pal.accent, tr(ctx, "admin.usage.card_grant"));
    if (g.assigned == 0) {
        muted(tr(ctx, "admin.usage.no_grant"));
        return;
    }
    widgets::text(
        ctx.text.format("admin.usage.grant_counts",
                        {{"assigned", g.assigned}, {"active", g.active}, {"inactive", g.inactive}}));
    const std::string pct = usage_percent(ctx, g.percent);
    widgets::text_colored(g.below() ? pal.warning_text : pal.success_text,
                          ctx.text.format(g.below() ? "admin.usage.grant_below" : "admin.usage.grant_ok",
                                          {{"percent", pct}, {"threshold", g.threshold}}));
    chart::draw_meter("usage_grant_meter", tr(ctx, "admin.usage.card_grant"), g.percent, 100.0, g.threshold,
                      ctx.text.format("admin.usage.threshold_mark", {{"threshold", g.threshold}}));
    if (!g.notice_stage.empty())
        widgets::text_colored(pal.error_text, tr(ctx, "admin.usage.stage." + g.notice_stage));
    if (g.below() || !g.notice_stage.empty()) {
        muted(tr(ctx, "admin.usage.fix"));
        if (widgets::button(label(ctx, "admin.nav.licenses", "usage_licences").c_str()))
            out.push(Navigate{"admin.billing.licenses"});
    }
}

chart::ChartSpec usage_chart_spec(const ViewContext& ctx, const sim::World& w, sim::SimTime now, int days,
                                  const sim::GrantUtilisation& g) {
    chart::ChartSpec spec;
    spec.id = "usage_chart";
    spec.title = tr(ctx, "admin.usage.chart_title");
    spec.kind = days <= 30 ? chart::ChartKind::Columns : chart::ChartKind::Line;
    spec.value_name = tr(ctx, "admin.usage.chart_value");
    const std::vector<int> series = sim::daily_active_users(w, now, days);
    const sim::LocalDateTime today = ctx.sim->calendar().local(now);
    const std::int64_t today_days = sim::days_from_civil(today.date);
    const int n = static_cast<int>(series.size());
    for (int i = 0; i < n; ++i) {
        const sim::CivilDate d = sim::civil_from_days(today_days - (n - 1 - i));
        const std::string month = ctx.text.get("ui.clock.month." + std::to_string(d.month));
        chart::ChartPoint p;
        p.value = series[static_cast<std::size_t>(i)];
        p.axis_label = ctx.text.format("admin.usage.day_label", {{"day", d.day}, {"month", month}});
        p.tip_title = ctx.text.format("admin.date", {{"day", d.day}, {"month", month}, {"year", d.year}});
        spec.points.push_back(std::move(p));
    }
    if (g.assigned > 0) {
        spec.threshold_on = true;
        spec.threshold = static_cast<double>(g.assigned) * g.threshold / 100.0;
        spec.threshold_label = ctx.text.format("admin.usage.threshold_line",
                                               {{"threshold", g.threshold}, {"assigned", g.assigned}});
    }
    spec.height = ImGui::GetTextLineHeightWithSpacing() * 8.0f;
    return spec;
}

}  // namespace

void draw_reports_usage(const ViewContext& ctx, CommandQueue& out) {
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.reports"), nullptr},
                                       {tr(ctx, "admin.nav.usage"), nullptr}};
    const int days = usage_period(ctx);
    const sim::Person* actor = begin_page(ctx, out, crumbs);
    if (actor) {
        const sim::World& w = ctx.sim->world();
        const sim::SimTime now = ctx.sim->now();
        heading(tr(ctx, "admin.nav.usage"));
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.usage.intro"));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        usage_period_picker(ctx);
        ImGui::Spacing();
        const sim::GrantUtilisation g = sim::grant_utilisation(w, now);
        const UsageCounts c = usage_counts(w, now, days);
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float card_w = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
        chart::ChartSpec spec;
        const bool has_data = !w.usage.daily_active.empty();
        if (has_data) spec = usage_chart_spec(ctx, w, now, days, g);
        // Both cards as tall as the taller content measured last frame (kept with the page's window).
        const ImGuiID cards_id = ImGui::GetID("usage_cards_h");
        const float min_h = ImGui::GetTextLineHeightWithSpacing() * 4.0f + ImGui::GetFrameHeightWithSpacing();
        const float card_h = std::max(ImGui::GetStateStorage()->GetFloat(cards_id, 0.0f), min_h);
        float need_active = 0.0f, need_grant = 0.0f;
        usage_card("##usage_card_active", card_w, card_h, need_active,
                   [&] { usage_active_card(ctx, out, c, days, has_data ? &spec : nullptr); });
        ImGui::SameLine();
        usage_card("##usage_card_grant", card_w, card_h, need_grant, [&] { usage_grant_card(ctx, out, g); });
        ImGui::GetStateStorage()->SetFloat(cards_id, std::max({min_h, need_active, need_grant}));
        if (has_data) {
            ImGui::PushTextWrapPos(0.0f);
            muted(ctx.text.format("admin.usage.chart_note", {{"threshold", g.threshold}}));
            ImGui::PopTextWrapPos();
        }
    }
    end_page();
}

namespace {

void usage_report_table(const ViewContext& ctx, const sim::World& w,
                        const std::vector<sim::PersonActivity>& rows) {
    // Each date column as wide as its header or widest value needs (headers are bold: a tenth more).
    const char* keys[] = {"admin.usage.col.user", "admin.usage.col.last_activity", "admin.usage.col.exchange",
                          "admin.usage.col.teams", "admin.usage.col.apps"};
    float widths[5] = {};
    for (int c = 0; c < 5; ++c) widths[c] = ImGui::CalcTextSize(tr(ctx, keys[c]).c_str()).x * 1.1f;
    const float date_w = ImGui::CalcTextSize(usage_date_text(ctx, 0).c_str()).x;
    const float never_w = ImGui::CalcTextSize(tr(ctx, "admin.usage.never").c_str()).x;
    // Digits differ in width ("2025-03-17" is wider than "1970-01-01"), and cells keep a padding: one em
    // more.
    for (int c = 1; c < 5; ++c)
        widths[c] = std::max({widths[c], date_w, never_w}) + ImGui::GetFontSize() * 1.5f;
    if (!widgets::begin_table("##usage_report", 5)) return;
    // The dates keep their width; the user column takes the rest (a long name is shortened, with a tooltip).
    ImGui::TableSetupColumn(tr(ctx, keys[0]).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (int c = 1; c < 5; ++c)
        ImGui::TableSetupColumn(tr(ctx, keys[c]).c_str(), ImGuiTableColumnFlags_WidthFixed, widths[c]);
    widgets::table_headers_row();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const sim::PersonActivity& a = rows[static_cast<std::size_t>(i)];
            widgets::table_next_row();
            widgets::table_cell(0);
            cell_text(sim::report_user_name(w, a.upn));
            const sim::SimTime times[] = {a.last_activity, a.last_exchange, a.last_teams, a.last_apps};
            for (int col = 1; col < 5; ++col) {
                widgets::table_cell(col);
                const sim::SimTime t = times[col - 1];
                cell_text(usage_date_text(ctx, t), t == kUsageNever);
            }
        }
    }
    widgets::end_table();
}

}  // namespace

void draw_reports_usage_active(const ViewContext& ctx, CommandQueue& out) {
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.reports"), nullptr},
                                       {tr(ctx, "admin.nav.usage"), "admin.reports.usage"},
                                       {tr(ctx, "admin.usage.tab_active"), nullptr}};
    const int days = usage_period(ctx);
    const sim::Person* actor = begin_page(ctx, out, crumbs);
    if (actor) {
        const sim::World& w = ctx.sim->world();
        const sim::SimTime now = ctx.sim->now();
        heading(tr(ctx, "admin.usage.card_active"));
        usage_period_picker(ctx);
        ImGui::PushTextWrapPos(0.0f);
        if (sim::reports_names_concealed(w)) {
            info_banner(tr(ctx, "admin.usage.concealed_hint"));
            if (widgets::button(
                    label(ctx, "admin.usage.open_reports_settings", "usage_reports_settings").c_str()))
                out.push(Navigate{"admin.settings.org_reports"});
        }
        const std::vector<sim::PersonActivity> rows = sim::person_activity(w);
        const UsageCounts c = usage_counts(w, now, days);
        muted(ctx.text.format("admin.usage.report_summary",
                              {{"active", c.active}, {"total", c.people}, {"days", days}}));
        ImGui::PopTextWrapPos();
        widgets::toggle_button(label(ctx, "admin.usage.tab_active", "usage_tab_active").c_str(), true);
        ImGui::Separator();
        ImGui::BeginChild("##usage_report_list", ImVec2(0, 0));
        if (rows.empty())
            muted(tr(ctx, "admin.usage.no_users"));
        else
            usage_report_table(ctx, w, rows);
        ImGui::EndChild();
    }
    end_page();
}

}  // namespace app::admin
