// tests/ui/test_mailbox_perms_ui.cpp — issue 13 item 5, shared mailbox permissions and conversion
// (domain-admin.md §4.1, §4.2; C24, C31) clicked through headless on scenario c17: the details pane of
// info@ grants "Send as" (Senden als) to Anna, shown as being applied; her Mail surface's "Send as" form
// fails with the real "This message could not be sent…" text before replication and sends after the
// next event; converting Ben's mailbox to a shared mailbox leaves the licence, and the pane says so.
#include <catch2/catch.hpp>

#include <string>

#include "app/ui/action_status.hpp"
#include "app/ui/shell.hpp"
#include "sim/domains.hpp"
#include "sim/ops.hpp"
#include "support/app_loop.hpp"
#include "support/scenario_ui.hpp"
#include "support/ui_driver.hpp"

namespace {

constexpr const char* kMpAnna = "anna@tsv-musterstadt.de";
constexpr const char* kMpBen = "ben@tsv-musterstadt.de";
constexpr const char* kMpInfo = "info@tsv-musterstadt.de";

struct MailboxPermsUi : app::test::ScenarioUi {
    explicit MailboxPermsUi(const std::string& lang)
        : ScenarioUi("c17-mail-lost-after-mx-switch.json", lang) {
        REQUIRE(shell.ui().work_account == kMpAnna);
    }
    // A drawn text containing `part` (a member's line ends with "(being applied…)").
    bool shows_part(const std::string& part) const {
        for (const auto& it : ui.items())
            if (it.label.find(part) != std::string::npos) return true;
        return false;
    }
    const sim::MailboxPermission* permission() const {
        for (const sim::MailboxPermission& p : world().domains.permissions)
            if (p.mailbox == kMpInfo && p.user == kMpAnna && p.rights == "send_as") return &p;
        return nullptr;
    }
    void add_info() {
        show("admin.groups.shared_mailboxes");
        click("###shared_add");
        fill("###shared_name", "Info");
        click("###shared_save");
        settle();
        REQUIRE(sim::find_shared_mailbox(world(), kMpInfo) != nullptr);
        click("###shared_close");
    }
    void send_as(const std::string& to) {
        show("mail.inbox");
        fill("###sendas_to", to);
        click("###sendas_send");
        settle();
    }
};

}  // namespace

TEST_CASE("Send as: granted in the shared mailbox pane, refused until replicated, then sent",
          "[ui][mail_flow][mailbox_perms]") {
    for (const char* lang : {"de", "en"}) {
        MailboxPermsUi t(lang);
        t.add_info();
        t.show("mail.inbox");
        CHECK(t.ui.find("###sendas_send") == nullptr);  // no Send As yet: no form

        // The mailbox's name opens its details: address, members, the add form.
        t.show("admin.groups.shared_mailboxes");
        t.click(std::string("###shared_open_") + kMpInfo);
        CHECK(t.shell.view_state().admin.shared_detail == kMpInfo);
        CHECK(t.ui.shows(t.text("admin.shared.members")));
        CHECK(t.ui.shows(t.text("admin.shared.rights.full_access")));
        CHECK(t.ui.find("###shared_perm_add") != nullptr);
        t.click("###shared_perm_user");
        t.click(std::string("###shared_perm_user_") + kMpAnna);
        t.click("###shared_perm_rights");
        t.click("###shared_perm_send_as");
        t.click("###shared_perm_add");
        t.settle();
        const sim::MailboxPermission* granted = t.permission();
        REQUIRE(granted != nullptr);
        REQUIRE_FALSE(granted->replicated);
        if (t.shell.view_state().admin.shared_detail.empty())  // the click on Skip went past the pane
            t.click(std::string("###shared_open_") + kMpInfo);
        CHECK(t.shows_part(t.text("admin.shared.replicating")));

        // Before replication: the real error (C31), nothing replicated yet.
        t.send_as(kMpBen);
        CHECK(t.ui.shows(t.text("error.mailboxes.send_as_denied")));
        CHECK_FALSE(
            t.ui.shows(t.shell.strings().format("mail.send_as.sent", {{"from", kMpInfo}, {"to", kMpBen}})));

        // Skip to the next event (the replication), then it is sent.
        for (int i = 0; i < 10 && !t.permission()->replicated; ++i) t.click("###skip");
        REQUIRE(t.permission()->replicated);
        t.send_as(kMpBen);
        CHECK(t.ui.shows(t.shell.strings().format("mail.send_as.sent", {{"from", kMpInfo}, {"to", kMpBen}})));
        CHECK_FALSE(t.ui.shows(t.text("error.mailboxes.send_as_denied")));
        t.show("admin.groups.shared_mailboxes");
        if (t.shell.view_state().admin.shared_detail.empty())
            t.click(std::string("###shared_open_") + kMpInfo);
        CHECK(t.ui.shows(t.text("admin.shared.rights.send_as")));
        CHECK_FALSE(t.shows_part(t.text("admin.shared.replicating")));
    }
}

TEST_CASE("Convert to shared mailbox: a confirm step, then the pane says the licence is still held (C24)",
          "[ui][mail_flow][mailbox_perms]") {
    for (const char* lang : {"de", "en"}) {
        MailboxPermsUi t(lang);
        t.show("admin.users.detail");
        REQUIRE(t.shell.view_state().admin.pane_user == kMpBen);
        t.click("###tab_account");
        t.click("###user_convert");
        CHECK(t.world().domains.shared_mailboxes.empty());  // nothing yet: the confirm step
        t.click("###user_convert_confirm");
        t.settle();
        const sim::SharedMailbox* m = sim::find_shared_mailbox(t.world(), kMpBen);
        REQUIRE(m != nullptr);
        CHECK(m->converted_from == kMpBen);
        CHECK(t.ui.find("###user_convert") == nullptr);
        CHECK(t.ui.shows(t.shell.strings().format("admin.user.converted", {{"address", kMpBen}})));
        CHECK(t.ui.shows(t.text("admin.user.converted_licence")));
        // The shared mailbox's details pane says the same (a licence still assigned).
        t.show("admin.groups.shared_mailboxes");
        t.click(std::string("###shared_open_") + kMpBen);
        CHECK(t.ui.shows(t.text("admin.shared.still_licensed")));
    }
}
