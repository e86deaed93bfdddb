// app/views/admin/admin_shared_mailboxes.cpp — Teams & groups > Shared mailboxes / Teams & Gruppen >
// Freigegebene Postfächer (domain-admin.md §4.2): the list (name, email address) and the side pane
// "Add a shared mailbox" (name → address suggested and editable, a domain of user_domains → Save changes
// → mailboxes.add_shared). A shared mailbox needs no licence; the pane says so, as the real page does.
#include <algorithm>

#include <imgui.h>

#include "app/ui/action_status.hpp"
#include "app/ui/theme.hpp"
#include "app/ui/widgets.hpp"
#include "app/views/admin/admin_common.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"

namespace app::admin {

namespace {

constexpr const char* kShmTag = "admin.shared.add";

void shm_list(const ViewContext& ctx, AdminViewState& s, const sim::World& w) {
    const std::vector<sim::SharedMailbox>& boxes = w.domains.shared_mailboxes;
    if (boxes.empty()) {
        widgets::text_wrapped(tr(ctx, "admin.shared.none"));
        return;
    }
    if (!widgets::begin_table("##shared_list", 2)) return;
    ImGui::TableSetupColumn(tr(ctx, "admin.shared.col.name").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(tr(ctx, "admin.shared.col.email").c_str(), 0, 1.5f);
    widgets::table_headers_row();
    for (const sim::SharedMailbox& m : boxes) {
        widgets::table_next_row();
        widgets::table_cell(0);
        if (cell_selectable(m.display_name, "shared_open_" + m.address, s.shared_detail == m.address)) {
            s.shared_detail = m.address;
            s.perm_user.clear();
        }
        widgets::table_cell(1);
        cell_text(m.address);
    }
    widgets::end_table();
}

// The pane; true when it asked to close.
bool shm_pane(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const bool close = begin_flyout(ctx, tr(ctx, "admin.shared.add"), flyout_width());
    sim::ActionResult result;
    const ActionStatus status =
        s.shared_submitted ? action_status(ctx, kShmTag, &result) : ActionStatus::None;
    ImGui::PushTextWrapPos(0.0f);
    if (status == ActionStatus::Ok) {
        widgets::text_wrapped(ctx.text.format(
            "admin.shared.done",
            {{"name", s.shared_name}, {"address", result.data.value("address", std::string())}}));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        const bool done = widgets::button(label(ctx, "admin.wizard.close", "shared_close").c_str());
        end_flyout();
        return close || done;
    }
    muted(tr(ctx, "admin.shared.pane_hint"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    widgets::text(tr(ctx, "admin.shared.name"));
    ImGui::SetNextItemWidth(-1);
    if (widgets::input_text("###shared_name", s.shared_name) && !s.shared_user_edited)
        s.shared_user = address_name_from(s.shared_name);
    address_field(tr(ctx, "admin.shared.email"), "shared", s.shared_user, s.shared_user_edited,
                  s.shared_domain, w);
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.shared.licence_hint"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool busy = status == ActionStatus::Pending;
    ImGui::BeginDisabled(busy);
    if (widgets::button(label(ctx, "admin.user.save_changes", "shared_save").c_str())) {
        out.push(SubmitAction{
            sim::ops::add_shared_mailbox(actor.upn, s.shared_name,
                                         s.shared_user + "@" + picked_domain(s.shared_domain, w)),
            kShmTag});
        s.shared_submitted = true;
    }
    ImGui::EndDisabled();
    if (s.shared_submitted) {
        ImGui::SameLine();
        draw_action_status(ctx, kShmTag);
    }
    end_flyout();
    return close;
}

constexpr const char* kShmPermTag = "admin.shared.perm";
constexpr const char* kShmRights[] = {"full_access", "send_as"};

std::string shm_rights_name(const ViewContext& ctx, const std::string& rights) {
    return tr(ctx, "admin.shared.rights." + rights);
}

// Members: who holds "Read and manage" / "Send as" on the mailbox ("being applied…" until replicated).
void shm_members(const ViewContext& ctx, const sim::World& w, const std::string& mailbox) {
    for (const char* rights : kShmRights) {
        widgets::text_disabled(shm_rights_name(ctx, rights));
        ImGui::Indent();
        bool listed = false;
        for (const sim::MailboxPermission& p : w.domains.permissions) {
            if (p.mailbox != mailbox || p.rights != rights) continue;
            const sim::Person* who = w.find_person(p.user);
            const std::string name = who ? who->display_name + " (" + p.user + ")" : p.user;
            widgets::text_wrapped(name);
            if (!p.replicated) muted(tr(ctx, "admin.shared.replicating"));
            listed = true;
        }
        if (!listed) muted(tr(ctx, "admin.shared.no_members"));
        ImGui::Unindent();
    }
}

// The add form: person + rights → Add (mailboxes.grant_access).
void shm_add_member(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor,
                    const std::string& mailbox) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    subheading(tr(ctx, "admin.shared.add_members"));
    widgets::text(tr(ctx, "admin.shared.person"));
    ImGui::SetNextItemWidth(-1);
    const sim::Person* chosen = w.find_person(s.perm_user);
    if (widgets::begin_combo("###shared_perm_user",
                             chosen ? chosen->display_name.c_str() : tr(ctx, "admin.shared.pick").c_str())) {
        for (const sim::Person& p : w.people) {
            if (!sim::is_usable(&p) || !sim::has_mailbox(w, p)) continue;
            if (widgets::selectable((p.display_name + "###shared_perm_user_" + p.upn).c_str(),
                                    p.upn == s.perm_user))
                s.perm_user = p.upn;
        }
        ImGui::EndCombo();
    }
    widgets::text(tr(ctx, "admin.shared.rights"));
    ImGui::SetNextItemWidth(-1);
    if (widgets::begin_combo("###shared_perm_rights", shm_rights_name(ctx, s.perm_rights).c_str())) {
        for (const char* rights : kShmRights)
            if (widgets::selectable((shm_rights_name(ctx, rights) + "###shared_perm_" + rights).c_str(),
                                    s.perm_rights == rights))
                s.perm_rights = rights;
        ImGui::EndCombo();
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(chosen == nullptr);
    if (widgets::button(label(ctx, "admin.shared.add_member", "shared_perm_add").c_str()))
        out.push(SubmitAction{sim::ops::grant_mailbox_access(actor.upn, mailbox, s.perm_user, s.perm_rights),
                              kShmPermTag});
    ImGui::EndDisabled();
    ImGui::SameLine();
    draw_action_status(ctx, kShmPermTag);
    ImGui::PushTextWrapPos(0.0f);
    muted(tr(ctx, "admin.shared.replication_hint"));
    ImGui::PopTextWrapPos();
}

// The details pane of one shared mailbox; true when it asked to close.
bool shm_detail(const ViewContext& ctx, CommandQueue& out, const sim::Person& actor) {
    AdminViewState& s = ctx.state.admin;
    const sim::World& w = ctx.sim->world();
    const sim::SharedMailbox* m = sim::find_shared_mailbox(w, s.shared_detail);
    const bool close = begin_flyout(ctx, m ? m->display_name : s.shared_detail, flyout_width());
    if (m == nullptr) {
        end_flyout();
        return true;
    }
    widgets::text_disabled(tr(ctx, "admin.shared.col.email"));
    ImGui::Indent();
    widgets::text_wrapped(m->address);
    ImGui::Unindent();
    const std::string licensed = sim::licensed_shared_mailbox_user(w, *m);
    if (!licensed.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.shared.still_licensed"));
        ImGui::PopTextWrapPos();
    }
    subheading(tr(ctx, "admin.shared.members"));
    shm_members(ctx, w, m->address);
    shm_add_member(ctx, out, actor, m->address);
    end_flyout();
    return close;
}

}  // namespace

void open_shared_pane(AdminViewState& s) {
    s.shared_pane_open = true;
    s.shared_name.clear();
    s.shared_user.clear();
    s.shared_user_edited = false;
    s.shared_submitted = false;
}

void draw_shared_mailboxes(const ViewContext& ctx, CommandQueue& out) {
    AdminViewState& s = ctx.state.admin;
    const std::vector<Crumb> crumbs = {{tr(ctx, "admin.nav.home"), "admin.home"},
                                       {tr(ctx, "admin.nav.teams_groups"), nullptr},
                                       {tr(ctx, "admin.nav.shared_mailboxes"), nullptr}};
    const sim::Person* actor = begin_page(ctx, out, crumbs, s.shared_pane_open || !s.shared_detail.empty());
    if (actor) {
        heading(tr(ctx, "admin.nav.shared_mailboxes"));
        ImGui::PushTextWrapPos(0.0f);
        muted(tr(ctx, "admin.shared.intro"));
        ImGui::PopTextWrapPos();
        if (command(ctx, "admin.shared.add", "shared_add", true, true)) {
            open_shared_pane(s);
            forget_action(ctx, kShmTag);
        }
        ImGui::BeginChild("##shared_list_box", ImVec2(0, 0));
        shm_list(ctx, s, ctx.sim->world());
        ImGui::EndChild();
        if (s.shared_pane_open && shm_pane(ctx, out, *actor)) s.shared_pane_open = false;
        if (!s.shared_pane_open && !s.shared_detail.empty() && shm_detail(ctx, out, *actor))
            s.shared_detail.clear();
    }
    end_page();
}

}  // namespace app::admin
