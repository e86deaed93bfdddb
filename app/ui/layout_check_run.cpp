// app/ui/layout_check_run.cpp — `npsim --check-layout`: the cases (screen × scenario × prepared UI
// state), the matrix (de/en × 1280×800/1920×1080 × light/dark) and the headless runner. The analysis of a
// frame is in layout_check.cpp.
#include <imgui_internal.h>

#include <unistd.h>
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "app/ui/fonts.hpp"
#include "app/ui/layout_check.hpp"
#include "app/ui/screens.hpp"
#include "app/ui/shell.hpp"
#include "app/ui/theme.hpp"
#include "app/views/admin/admin_views.hpp"
#include "sim/assessment.hpp"
#include "sim/bundle.hpp"
#include "sim/identity.hpp"
#include "sim/ops.hpp"

namespace app::layout {

namespace {

// The scenarios the cases start from: one with data for the admin center, mail and My Account; the
// fresh journey for the portal's first pages; the portal's status pages in their states.
constexpr const char* kLcData = "seat-reduction-below-assigned.json";
constexpr const char* kLcFresh = "full-journey.json";
constexpr int kLcFrames = 3;  // frames per render: windows, tables and auto-sizes settle

using LcPrepare = std::function<void(Shell&)>;

struct LcCase {
    std::string name;      // printed: the screen and what was prepared
    std::string scenario;  // a file of the scenario folder
    std::string screen;    // a registry screen (app/ui/screens.hpp)
    LcPrepare prepare;     // UI state after show_screen (a wizard step, a pane); may be empty
    TrainingMode mode = TrainingMode::Guided;
    bool training = false;       // start as training in `mode` (else free play)
    bool finish = false;         // finish the training first (the score page)
    bool replay = false;         // open the recorded journey in the session viewer first
    int instructor = 0;          // 1: the instructor console window over the screen, 2: with Advanced open
    std::string click;           // press on this item first (its label or the end of it: "###settings")
    bool resume_prompt = false;  // start with an interrupted session waiting: the resume question
    int play = 0;                // play this many steps of the reference solution first (training)
};

struct LcSize {
    int width, height;
};
constexpr LcSize kLcSizes[] = {{1280, 800}, {1920, 1080}};
constexpr const char* kLcLanguages[] = {"de", "en"};
constexpr Theme kLcThemes[] = {Theme::Light, Theme::Dark};

// --- UI state for the cases -------------------------------------------------------------------------

const sim::World* lc_world(const Shell& shell) {
    const sim::Simulation* sim = shell.shown_simulation();
    return sim != nullptr ? &sim->world() : nullptr;
}

std::vector<std::string> lc_people(const Shell& shell, std::size_t n) {
    std::vector<std::string> out;
    if (const sim::World* w = lc_world(shell))
        for (const sim::Person& p : w->people)
            if (!p.deleted && out.size() < n) out.push_back(p.upn);
    return out;
}

std::string lc_subscription(const Shell& shell, bool sku) {
    const sim::World* w = lc_world(shell);
    if (w == nullptr || w->subscriptions.empty()) return {};
    return sku ? w->subscriptions.front().sku : w->subscriptions.front().id;
}

std::string lc_product(const Shell& shell) {
    const sim::World* w = lc_world(shell);
    if (w == nullptr) return {};
    for (const sim::Product& p : w->catalog.products)
        if (p.audience == "nonprofit") return p.sku;
    return w->catalog.products.empty() ? std::string() : w->catalog.products.front().sku;
}

// The add-user wizard at `step`, with a long but typical name filled in.
LcPrepare lc_add_step(AddUserStep step) {
    return [step](Shell& shell) {
        AdminAddUserForm& f = shell.view_state().admin.add;
        f.first_name = "Maximiliane";
        f.last_name = "Mustermann-Schulze";
        f.display_name = "Maximiliane Mustermann-Schulze";
        f.username = "maximiliane.mustermann-schulze";
        f.usage_location = "DE";
        f.step = step;
    };
}

LcPrepare lc_detail_tab(UserPaneTab tab) {
    return [tab](Shell& shell) { shell.view_state().admin.pane_tab = tab; };
}

LcPrepare lc_users_pane(UsersPane pane) {
    return [pane](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        for (const std::string& upn : lc_people(shell, 2)) a.selected_users.insert(upn);
        a.users_pane = pane;
    };
}

LcPrepare lc_purchase(PurchaseStage stage) {
    return [stage](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        a.purchase_stage = stage;
        a.purchase_sku = lc_product(shell);
        if (stage == PurchaseStage::Confirmation) a.confirmed_subscription = lc_subscription(shell, false);
    };
}

LcPrepare lc_product_pane(ProductPaneMode mode) {
    return [mode](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        a.product_pane_sub = lc_subscription(shell, false);
        a.product_pane_mode = mode;
        a.new_quantity = 3;
    };
}

LcPrepare lc_licence(bool assign) {
    return [assign](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        a.licences_sku = lc_subscription(shell, true);
        a.assign_open = assign;
    };
}

// The add-domain wizard at `step`, on the scenario's own domain (typed, when it has none yet).
LcPrepare lc_domain_step(DomainStep step) {
    return [step](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        a.domain_wizard_open = true;
        AdminDomainWizard& wz = a.domain_wizard;
        wz.typed = wz.domain = "tsv-musterstadt-sportverein.de";
        if (const sim::World* w = lc_world(shell))
            for (const sim::TenantDomain& d : w->domains.domains)
                if (d.name.find("onmicrosoft.com") == std::string::npos) wz.typed = wz.domain = d.name;
        wz.step = step;
    };
}

// Issue 13's mail pieces: Manage username and email open on the Account tab; a test mail from the
// outside world sent first (once per case) so the log, the NDR and the old mailbox have rows.
LcPrepare lc_username_edit() {
    return [](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        a.pane_tab = UserPaneTab::Account;
        a.username_edit = true;
        a.new_username = "maximiliane.mustermann-schulze";
        a.new_user_domain = "tsv-musterstadt.de";
    };
}

LcPrepare lc_send_test(const char* to) {
    return [to](Shell& shell) {
        const sim::World* w = lc_world(shell);
        if (w == nullptr || !w->domains.outside_mail.empty()) return;
        shell.commands().push(SubmitAction{sim::ops::send_test_mail(shell.ui().work_account, to), ""});
        shell.apply_commands();
        for (int n = 0; n < 50 && !shell.simulation()->pending_actions().empty(); ++n) {
            shell.commands().push(SkipToNextEvent{});
            shell.apply_commands();
        }
    };
}

// Shared mailbox permissions (C31) and conversion (C24): info@ added, Send as granted to the signed-in
// admin (not yet replicated), its details pane open; `convert` converts Ben's mailbox instead.
LcPrepare lc_mailbox_perms(bool convert, bool confirm = false) {
    return [convert, confirm](Shell& shell) {
        const sim::World* w = lc_world(shell);
        if (w == nullptr) return;
        const std::string admin = shell.ui().work_account;
        AdminViewState& a = shell.view_state().admin;
        if (confirm) {
            a.pane_tab = UserPaneTab::Account;
            a.confirm_convert = true;
            return;
        }
        if (w->domains.shared_mailboxes.empty()) {
            if (convert) {
                shell.commands().push(SubmitAction{sim::ops::convert_to_shared(admin, a.pane_user), ""});
            } else {
                shell.commands().push(
                    SubmitAction{sim::ops::add_shared_mailbox(admin, "Info", "info@tsv-musterstadt.de"), ""});
            }
            shell.apply_commands();
            for (int n = 0; n < 50 && !shell.simulation()->pending_actions().empty(); ++n) {
                shell.commands().push(SkipToNextEvent{});
                shell.apply_commands();
            }
            if (!convert) {
                shell.commands().push(SubmitAction{
                    sim::ops::grant_mailbox_access(admin, "info@tsv-musterstadt.de", admin, "send_as"), ""});
                shell.apply_commands();
                for (int n = 0; n < 50 && !shell.simulation()->pending_actions().empty(); ++n) {
                    shell.commands().push(SkipToNextEvent{});
                    shell.apply_commands();
                }
            }
        }
        a.pane_tab = UserPaneTab::Account;
        if (!convert) a.shared_detail = "info@tsv-musterstadt.de";
    };
}

// Runs the events due at the start (e.g. the re-verification's catch-up of missed-reverification).
void lc_rv_catch_up(Shell& shell) {
    shell.commands().push(SkipToNextEvent{});
    shell.apply_commands();
}

// --- the cases ----------------------------------------------------------------------------------------

LcCase lc_on(const char* screen, const char* scenario, std::string variant = {}, LcPrepare prepare = {}) {
    LcCase c;
    c.name = variant.empty() ? std::string(screen) : std::string(screen) + " " + variant;
    c.scenario = scenario;
    c.screen = screen;
    c.prepare = std::move(prepare);
    return c;
}

LcCase lc_users_case(const char* variant, UsersPane pane) {
    return lc_on("admin.users", kLcData, variant, lc_users_pane(pane));
}

// Roles > Role assignments (issue 14 item 3): a role's General tab; the last Global Administrator's Remove
// refused with its message; a role error elsewhere with its link to the page (a user without the Exchange
// Administrator role adds a shared mailbox).
void lc_settle(Shell& shell) {
    shell.apply_commands();
    for (int n = 0; n < 50 && !shell.simulation()->pending_actions().empty(); ++n) {
        shell.commands().push(SkipToNextEvent{});
        shell.apply_commands();
    }
}

// The Teams surface (issue 14): the list, the wizard's details step, a team's members with the guest form,
// Files while the group's site provisions, and the "You're missing out!" state of a (no Teams) licence.
void lc_teams_cases(std::vector<LcCase>& out) {
    out.push_back(lc_on("teams.list", "c28-guest-access-off.json", "one-team"));
    out.push_back(lc_on("teams.team", "c28-guest-access-off.json", "posts"));
    out.push_back(lc_on("teams.team.members", "c28-guest-access-off.json", "guest-form"));
    out.push_back(lc_on("teams.create.details", "c28-guest-access-off.json"));
    out.push_back(lc_on("teams.list", "c27-no-teams-sku.json", "missing-out", [](Shell& shell) {
        shell.commands().push(SetMailUser{"eva@tsv-musterstadt.onmicrosoft.com"});
        lc_settle(shell);
    }));
    out.push_back(lc_on("teams.team.files", "c28-guest-access-off.json", "setting-up", [](Shell& shell) {
        const std::string anna = "anna@tsv-musterstadt.onmicrosoft.com";
        shell.commands().push(SubmitAction{sim::ops::create_team(anna, "Jugendabteilung", "", "public"), ""});
        lc_settle(shell);
        if (const sim::World* w = lc_world(shell))
            if (const sim::Team* t = sim::find_team(*w, "Jugendabteilung"))
                shell.view_state().teams.team = t->id;
        shell.view_state().teams.tab = TeamsTab::Files;
    }));
    // The admin side: a team's pane, guest access with a change pending, a user's Apps (Teams off, C11).
    out.push_back(lc_on("admin.groups.active.team", "c28-guest-access-off.json", "pane"));
    out.push_back(lc_on("admin.settings.org_teams", "c28-guest-access-off.json", "pending", [](Shell& shell) {
        shell.commands().push(
            SubmitAction{sim::ops::set_guest_access("anna@tsv-musterstadt.onmicrosoft.com", true),
                         "admin.org.guest_access"});
        lc_settle(shell);
    }));
    out.push_back(lc_on("admin.users.detail", "teams-switched-off-in-licence.json", "apps",
                        lc_detail_tab(UserPaneTab::Licences)));
}

void lc_roles_cases(std::vector<LcCase>& out) {
    out.push_back(lc_on("admin.roles.detail", kLcData, "tab=general",
                        [](Shell& shell) { shell.view_state().admin.role_pane_tab = 0; }));
    out.push_back(lc_on("admin.roles.detail", kLcData, "last-global-admin", [](Shell& shell) {
        const std::string admin = shell.ui().work_account;
        shell.commands().push(
            SubmitAction{sim::ops::remove_role(admin, admin, "global_admin"), "admin.roles.remove"});
        lc_settle(shell);
    }));
    out.push_back(lc_on("admin.groups.shared_mailboxes.add", kLcData, "role-error", [](Shell& shell) {
        std::string someone;
        if (const sim::World* w = lc_world(shell))
            for (const sim::Person& p : w->people)
                if (!p.deleted && !p.is_admin() && someone.empty()) someone = p.upn;
        shell.commands().push(SetWorkAccount{someone});
        shell.commands().push(SubmitAction{
            sim::ops::add_shared_mailbox(someone, "Kasse", "kasse@tsvmusterdorf.onmicrosoft.com"),
            "admin.shared.add"});
        shell.view_state().admin.shared_name = "Kasse";
        shell.view_state().admin.shared_submitted = true;
        lc_settle(shell);
    }));
}

// Issue 15: Your products' pane with the lifecycle actions (and a confirm step), Bills & payments.
void lc_sub_cases(std::vector<LcCase>& out) {
    auto open_pane = [](Shell& shell) {
        if (const sim::World* w = lc_world(shell))
            for (const sim::Subscription& s : w->subscriptions)
                if (s.sku != "NONPROFIT_PORTAL") shell.view_state().admin.product_pane_sub = s.id;
    };
    out.push_back(lc_on("admin.billing.products", kLcData, "pane=lifecycle", open_pane));
    out.push_back(lc_on("admin.billing.invoices", kLcData, "", [](Shell&) {}));
    out.push_back(lc_on("admin.billing.accounts", kLcData, "", [](Shell&) {}));
}

// Issue 15 item 3: Reports > Usage over 180 days (the line chart) and 7 days (columns), the Active users
// report with the real names, Org settings' Reports pane, My Account of a Disabled subscription's user.
constexpr const char* kLcUsage = "c22-grant-usage-warning.json";
void lc_usage_cases(std::vector<LcCase>& out) {
    for (const int days : {7, 180})
        out.push_back(lc_on("admin.reports.usage", kLcUsage, "days=" + std::to_string(days),
                            [days](Shell& shell) { shell.view_state().admin.usage_days = days; }));
    out.push_back(lc_on("admin.reports.usage.active", kLcUsage, "names", [](Shell& shell) {
        shell.commands().push(
            SubmitAction{sim::ops::set_concealed_names(shell.ui().work_account, false), ""});
        lc_settle(shell);
    }));
    out.push_back(lc_on("admin.reports.usage", kLcUsage, "notices", [](Shell& shell) {
        for (int n = 0; n < 4; ++n) shell.commands().push(SkipToNextEvent{});  // the review, its mails
        shell.apply_commands();
    }));
    out.push_back(lc_on("admin.settings.org_reports", kLcUsage, "pane"));
    out.push_back(lc_on("myaccount.apps", "c21-subscription-expired.json", "disabled", [](Shell& shell) {
        shell.commands().push(SetAccountUser{"paul@foerderkreis-lindenhof.onmicrosoft.com"});
        shell.apply_commands();
    }));
}

void lc_admin_cases(std::vector<LcCase>& out) {
    out.push_back(lc_users_case("pane=licences", UsersPane::ManageLicences));
    out.push_back(lc_users_case("pane=delete", UsersPane::Delete));
    const std::pair<const char*, AddUserStep> steps[] = {{"basics", AddUserStep::Basics},
                                                         {"licences", AddUserStep::Licences},
                                                         {"optional", AddUserStep::Optional},
                                                         {"finish", AddUserStep::Finish}};
    for (const auto& [name, step] : steps)
        out.push_back(lc_on("admin.users.add", kLcData, std::string("step=") + name, lc_add_step(step)));
    const std::pair<const char*, UserPaneTab> tabs[] = {{"account", UserPaneTab::Account},
                                                        {"licences", UserPaneTab::Licences},
                                                        {"roles", UserPaneTab::Roles}};
    for (const auto& [name, tab] : tabs)
        out.push_back(lc_on("admin.users.detail", kLcData, std::string("tab=") + name, lc_detail_tab(tab)));
    const std::pair<const char*, PurchaseStage> stages[] = {{"details", PurchaseStage::Details},
                                                            {"checkout", PurchaseStage::Checkout},
                                                            {"confirmation", PurchaseStage::Confirmation}};
    for (const auto& [name, stage] : stages)
        out.push_back(
            lc_on("admin.billing.purchase", kLcData, std::string("stage=") + name, lc_purchase(stage)));
    const std::pair<const char*, DomainStep> domain_steps[] = {
        {"name", DomainStep::Name},       {"method", DomainStep::Method},   {"verify", DomainStep::Verify},
        {"connect", DomainStep::Connect}, {"records", DomainStep::Records}, {"done", DomainStep::Done}};
    for (const auto& [name, step] : domain_steps)
        out.push_back(lc_on("admin.settings.domains.add", "c16-domain-wont-verify.json",
                            std::string("step=") + name, lc_domain_step(step)));
    // Settings > Domains' details pane (unverified; verified and healthy with its records) and the DNS
    // host: the zone, the record form for a TXT and for an SRV record (all its fields).
    out.push_back(lc_on("admin.settings.domains.detail", "c16-domain-wont-verify.json", "unverified"));
    out.push_back(lc_on("admin.settings.domains.detail", "c17-mail-lost-after-mx-switch.json", "verified"));
    out.push_back(lc_on("dns.zone", "c16-domain-wont-verify.json", "records"));
    out.push_back(lc_on("dns.zone.record", "c16-domain-wont-verify.json", "form=TXT"));
    out.push_back(lc_on("dns.zone.record", "c16-domain-wont-verify.json", "form=SRV", [](Shell& shell) {
        shell.view_state().dns.form.type = "SRV";
        shell.view_state().dns.form.host = "_sipfederationtls._tcp";
        shell.view_state().dns.form.value = "sipfed.online.lync.com";
    }));
    out.push_back(
        lc_on("admin.billing.products", kLcData, "pane=buy", lc_product_pane(ProductPaneMode::Buy)));
    out.push_back(
        lc_on("admin.billing.products", kLcData, "pane=remove", lc_product_pane(ProductPaneMode::Remove)));
    out.push_back(lc_on("admin.billing.licenses", kLcData, "product", lc_licence(false)));
    out.push_back(lc_on("admin.billing.licenses", kLcData, "assign", lc_licence(true)));
    out.push_back(lc_on("admin.users.detail", "c17-mail-lost-after-mx-switch.json", "manage-username",
                        lc_username_edit()));
    LcCase shared =
        lc_on("admin.groups.shared_mailboxes", "c17-mail-lost-after-mx-switch.json", "two-mailboxes");
    shared.training = true;
    shared.play = 5;  // bounce, check health, info@ and vorstand@ added, test mail delivered
    out.push_back(shared);
    out.push_back(lc_on("admin.groups.shared_mailboxes.add", "c17-mail-lost-after-mx-switch.json"));
    shared.screen = "mail.outside";
    shared.name = "mail.outside bounce-then-delivered";
    out.push_back(shared);
    out.push_back(lc_on("mail.old_mailbox", "domain-setup-journey.json", "one-mail",
                        lc_send_test("info@tsv-musterstadt.de")));
    out.push_back(lc_on("admin.groups.shared_mailboxes", "c17-mail-lost-after-mx-switch.json", "pane=members",
                        lc_mailbox_perms(false)));
    out.push_back(
        lc_on("mail.inbox", "c17-mail-lost-after-mx-switch.json", "send-as", lc_mailbox_perms(false)));
    out.push_back(lc_on("admin.users.detail", "c17-mail-lost-after-mx-switch.json", "convert-confirm",
                        lc_mailbox_perms(true, true)));
    out.push_back(lc_on("admin.users.detail", "c17-mail-lost-after-mx-switch.json", "converted",
                        lc_mailbox_perms(true)));
    lc_roles_cases(out);
    lc_teams_cases(out);
    lc_sub_cases(out);
    lc_usage_cases(out);
}

// Issue 14's sign-in page with a real challenge: Petra (a start-state person: any password within the policy)
// signs in, registers the Authenticator with the phone's code, and signs in again: `approve` leaves the
// page at "Approve sign in request" with the phone asking for the number; else at the registration's code.
void lc_si_submit(Shell& shell, sim::Action a) {
    shell.commands().push(SubmitAction{std::move(a), ""});
    shell.apply_commands();
    for (int n = 0; n < 50 && !shell.simulation()->pending_actions().empty(); ++n) {
        shell.commands().push(SkipToNextEvent{});
        shell.apply_commands();
    }
}

LcPrepare lc_signin_live(bool approve) {
    return [approve](Shell& shell) {
        const std::string upn = "petra@tsvmusterdorf.onmicrosoft.com";
        const sim::World* w = lc_world(shell);
        if (w == nullptr || w->find_person(upn) == nullptr) return;
        const std::uint64_t seed = shell.simulation()->seed();
        if (!sim::is_signed_in(*w, upn)) {
            lc_si_submit(shell, sim::ops::auth_sign_in(upn, "Vereinsheim-2025!"));
            lc_si_submit(shell, sim::ops::mfa_begin_registration(upn));
            if (approve) {
                lc_si_submit(shell, sim::ops::mfa_complete_registration(
                                        upn, sim::current_mfa_code(*lc_world(shell), seed, upn)));
                lc_si_submit(shell, sim::ops::auth_sign_out(upn));
                lc_si_submit(shell, sim::ops::auth_sign_in(upn, "Vereinsheim-2025!"));
            }
        }
        SigninViewState& s = shell.view_state().signin;
        s.account = upn;
        s.step = approve ? SigninStep::Approve : SigninStep::Register;
        s.register_step = RegisterStep::TryIt;
        s.phone_scanned = true;
    };
}

// C10's "Request administrator access" (app/views/signin/recovery.cpp) on the c10 scenario: 0 = refused
// (the registration documents alone; the missing DNS TXT record listed), 1 = being reviewed, 2 = access
// back with the temporary password.
LcPrepare lc_rec_stage(int stage) {
    return [stage](Shell& shell) {
        const std::string sabine = "sabine@kulturverein-auenwald.de";
        RecoveryViewState& r = shell.view_state().recovery;
        r.contact = sabine;
        r.registration_docs = true;
        std::vector<std::string> proof = {"registration_documents"};
        if (stage > 0) proof.emplace_back("dns_txt");
        shell.commands().push(
            SubmitAction{sim::ops::request_tenant_recovery(sabine, sabine, proof), "signin.recovery"});
        shell.apply_commands();
        const auto done = [&] {
            const sim::World* w = lc_world(shell);
            return w == nullptr || (stage < 2 ? shell.simulation()->pending_actions().empty()
                                              : w->identity.recovery.status == "done");
        };
        for (int n = 0; n < 50 && !done(); ++n) {
            shell.commands().push(SkipToNextEvent{});
            shell.apply_commands();
        }
    };
}

void lc_signin_cases(std::vector<LcCase>& out) {
    out.push_back(lc_on("signin.recovery", "c10-only-admin-locked-out.json", "refused", lc_rec_stage(0)));
    out.push_back(lc_on("signin.recovery", "c10-only-admin-locked-out.json", "pending", lc_rec_stage(1)));
    out.push_back(lc_on("signin.recovery", "c10-only-admin-locked-out.json", "done", lc_rec_stage(2)));
    out.push_back(lc_on("signin", kLcData, "approve-live", lc_signin_live(true)));
    out.push_back(lc_on("signin", kLcData, "register-code-live", lc_signin_live(false)));
    out.push_back(lc_on("admin.users.detail", kLcData, "reset-password", [](Shell& shell) {
        AdminViewState& a = shell.view_state().admin;
        a.pane_tab = UserPaneTab::Account;
        a.reset_open = true;
        a.reset_own = true;
    }));
}

std::vector<LcCase> lc_cases() {
    std::vector<LcCase> out = {
        lc_on("shell", kLcFresh),
        lc_on("portal.home", kLcFresh),
        lc_on("portal.register", kLcFresh),
        lc_on("portal.registration", "checkout-payment-method.json"),
        lc_on("portal.registration", "seed-article-reader.json", "signed-in"),
        lc_on("portal.status", "account-under-review.json", "under-review"),
        lc_on("portal.status", "verification-information-requested.json", "information-requested"),
        lc_on("portal.status", "declined-reapply.json", "declined"),
        lc_on("portal.offers", kLcData),
        lc_on("portal.no_access", "offers-invisible-without-portal-licence.json"),
        lc_on("portal.tenant", "c09-two-tenants.json"),            // C9: another tenant holds the status
        lc_on("portal.support", "c04-pending-mail-in-spam.json"),  // Contact Us (C4)
        // The re-verification lapsed (sim/programme.hpp): the start's catch-up runs first.
        lc_on("portal.status", "missed-reverification.json", "lapsed", lc_rv_catch_up),
        lc_on("portal.offers", "missed-reverification.json", "lapsed", lc_rv_catch_up),
        lc_on("mail.inbox", "c04-pending-mail-in-spam.json", "junk",
              [](Shell& shell) {
                  shell.view_state().mail.junk = true;
                  shell.view_state().mail.selected = "techsoup-request";
              }),
        lc_on("admin.support", "c06-offer-not-in-marketplace.json"),           // Help & support (C6)
        lc_on("admin.support.requests", "c06-offer-not-in-marketplace.json"),  // View service requests
        lc_on("admin.billing.purchase", "c06-offer-not-in-marketplace.json", "marketplace"),
    };
    lc_admin_cases(out);
    lc_signin_cases(out);
    // The journey's pages in their states: the registration form, under review, approved with offers.
    for (const auto& [screen, steps] : {std::pair<const char*, int>{"portal.registration", 1},
                                        {"portal.status", 2},
                                        {"portal.offers", 3},
                                        {"admin.billing.purchase", 4},
                                        {"mail.inbox", 9}}) {
        LcCase journey = lc_on(screen, kLcFresh, fmt::format("journey-step-{}", steps));
        journey.training = true;
        journey.play = steps;
        out.push_back(journey);
    }
    LcCase resume = lc_on("shell", kLcFresh, "resume-question");
    resume.resume_prompt = true;
    out.push_back(resume);
    out.push_back(
        lc_on("shell", kLcFresh, "error-page", [](Shell& s) { s.show_error("npsim --check-layout"); }));
    for (const auto& [screen, click, level] :
         {std::tuple<const char*, const char*, int>{"shell", "###settings", 0},
          {"admin.users", "###person", 0},
          {"admin.users", "###fail_operation", 1}}) {
        LcCase open = lc_on(screen, kLcData, std::string("open ") + click);
        open.click = click;
        open.instructor = level;
        out.push_back(open);
    }
    LcCase checklist = lc_on("scenario.checklist", kLcData, "guided");
    checklist.training = true;
    out.push_back(checklist);
    LcCase score = lc_on("scenario.score", kLcData, "exam-finished");
    score.training = true;
    score.mode = TrainingMode::Exam;
    score.finish = true;
    out.push_back(score);
    // The instructor console over a page: plain, and with Advanced open on a scenario with fault rules.
    const std::pair<const char*, int> consoles[] = {
        {kLcData, 1}, {"chaos-workshop.json", 2}, {"throttle-patience-scored.json", 2}};
    for (const auto& [scenario, level] : consoles) {
        LcCase console =
            lc_on("admin.users", scenario,
                  level == 1 ? "instructor-console" : std::string("instructor-console-advanced ") + scenario);
        console.instructor = level;
        out.push_back(console);
    }
    for (const char* screen : {"scenario.replay", "admin.users", "portal.status", "admin.billing.licenses"}) {
        LcCase viewer = lc_on(screen, kLcFresh, "session-viewer");
        viewer.replay = true;
        out.push_back(viewer);
    }
    // Every screen of the registry as it opens (with data): a new screen is checked without an entry.
    std::set<std::string> covered;
    for (const LcCase& c : out)
        if (!c.prepare && !c.training && !c.replay && c.instructor == 0) covered.insert(c.screen);
    for (const ScreenSpec& s : screens())
        if (!covered.count(s.name)) out.push_back(lc_on(s.name, kLcData));
    return out;
}

// --- the runner --------------------------------------------------------------------------------------

// Records what the widget helpers report while it lives.
class LcRecorder {
public:
    LcRecorder() {
        widgets::set_item_hook([this](const widgets::ItemInfo& i) { items.push_back(i); });
        widgets::set_ellipsis_hook([this](const widgets::EllipsisInfo& e) { ellipses.push_back(e); });
    }
    ~LcRecorder() {
        widgets::set_item_hook({});
        widgets::set_ellipsis_hook({});
    }
    LcRecorder(const LcRecorder&) = delete;
    LcRecorder& operator=(const LcRecorder&) = delete;
    void clear() {
        items.clear();
        ellipses.clear();
    }
    std::vector<widgets::ItemInfo> items;
    std::vector<widgets::EllipsisInfo> ellipses;
};

// One finding, the variants and cases it was seen in.
struct LcSeen {
    std::string variant;  // "de 1280x800 light"
    Finding finding;
    std::vector<std::string> cases;
};

struct LcEnv {
    const CheckOptions* options = nullptr;
    std::vector<std::unique_ptr<ImFontAtlas>> atlases;  // one per size, the app's fonts at its size factor
    std::string bundle;                                 // the recorded journey for the session viewer
    std::string session;  // the journey's autosaved session file, never ended: the resume question
    LcRecorder recorder;
    std::vector<LcSeen> seen;
    std::map<std::string, std::size_t> index;  // variant + description → seen
    std::vector<std::string> log;              // --verbose: what each render recorded
    int renders = 0;
    int errors = 0;
};

void lc_push(Shell& shell, Command c) {
    shell.commands().push(std::move(c));
    shell.apply_commands();
}

// Plays the first `steps` steps of the training's reference solution (all when < 0), as a trainee would.
void lc_play(Shell& shell, int steps) {
    const sim::Scenario* sc = shell.training().scenario();
    if (sc == nullptr) return;
    int played = 0;
    for (const sim::SolutionStep& step : sc->solution.steps) {
        if (steps >= 0 && played++ >= steps) break;
        if (step.action) lc_push(shell, SubmitAction{*step.action, ""});
        for (int n = 0; n < 200 && !shell.simulation()->pending_actions().empty(); ++n)
            lc_push(shell, SkipToNextEvent{});
        if (step.advance) lc_push(shell, JumpAhead{*step.advance});
        for (int n = 0; n < 200 && !step.wait_until.is_null() &&
                        !sim::evaluate_condition(step.wait_until, *shell.simulation()) &&
                        shell.simulation()->next_event_time();
             ++n)
            lc_push(shell, SkipToNextEvent{});
    }
}

// The full journey played by its reference solution and saved as a support case, for the viewer.
std::string lc_record_journey(const CheckOptions& o, const std::string& session, std::string& error) {
    Shell shell(ShellOptions{o.asset_dir, "en", 1.0f, session, false});  // autosaves to `session`
    if (!shell.start_scenario((std::filesystem::path(o.scenario_dir) / kLcFresh).string(),
                              TrainingMode::Guided)) {
        error = "cannot start " + std::string(kLcFresh);
        return {};
    }
    lc_play(shell, -1);
    const sim::Scenario& sc = *shell.training().scenario();
    const sim::ReproBundle b = sim::make_bundle(sc, *shell.simulation(), "npsim --check-layout");
    const std::string path = (std::filesystem::temp_directory_path() /
                              fmt::format("npsim-check-layout-{}.npsim.json", static_cast<long>(getpid())))
                                 .string();
    if (!sim::save_bundle(path, b, &error)) return {};
    return path;
}

void lc_note(LcEnv& env, const std::string& variant, const std::string& case_name, const Finding& f) {
    const std::string key = variant + '\n' + f.describe();
    auto [it, fresh] = env.index.emplace(key, env.seen.size());
    if (fresh) env.seen.push_back(LcSeen{variant, f, {}});
    std::vector<std::string>& cases = env.seen[it->second].cases;
    if (std::find(cases.begin(), cases.end(), case_name) == cases.end()) cases.push_back(case_name);
}

// The item whose label is `id` or ends with it ("###settings"), in the last frame; nullptr if none.
const widgets::ItemInfo* lc_find(const LcEnv& env, const std::string& id) {
    for (const widgets::ItemInfo& i : env.recorder.items)
        if (i.label.size() >= id.size() && i.label.compare(i.label.size() - id.size(), id.size(), id) == 0)
            return &i;
    return nullptr;
}

// Draws the frames of one render; with `click`, presses the mouse on that item after two frames
// (a menu or a combo open) and moves it away again. The recorder keeps the last frame.
void lc_frames(LcEnv& env, Shell& shell, const std::string& click) {
    ImGuiIO& io = ImGui::GetIO();
    const int frames = click.empty() ? kLcFrames : kLcFrames + 3;
    for (int i = 0; i < frames; ++i) {
        if (!click.empty() && i == 2) {  // after two frames: windows are placed
            if (const widgets::ItemInfo* item = lc_find(env, click)) {
                io.MousePos = ImVec2((item->min.x + item->max.x) * 0.5f, (item->min.y + item->max.y) * 0.5f);
                io.MouseDown[0] = true;
            }
        } else if (i == 3) {
            io.MouseDown[0] = false;
        } else if (i == 4) {
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover effects or tooltips in the checked frame
        }
        env.recorder.clear();
        ImGui::NewFrame();
        shell.draw();
        ImGui::Render();
        if (i + 1 < frames) shell.apply_commands();
    }
}

// A few frames of the shell in a fresh ImGui context of `size` and `theme`; the last one is analysed.
void lc_render(LcEnv& env, Shell& shell, const LcCase& c, std::size_t size, Theme theme,
               const std::string& variant) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* context = ImGui::CreateContext(env.atlases[size].get());
    ImGui::SetCurrentContext(context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize =
        ImVec2(static_cast<float>(kLcSizes[size].width), static_cast<float>(kLcSizes[size].height));
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    set_size_factor(size_factor_for(io.DisplaySize.x, io.DisplaySize.y));
    shell.commands().push(SetTheme{theme});
    shell.show_screen(c.screen);
    if (c.prepare) c.prepare(shell);
    if (c.instructor > 0) shell.commands().push(OpenInstructorConsole{c.instructor == 2});
    shell.apply_commands();
    try {
        lc_frames(env, shell, c.click);
        for (const Finding& f : analyse(env.recorder.items, env.recorder.ellipses))
            lc_note(env, variant, c.name, f);
        if (env.options->verbose)
            env.log.push_back(
                fmt::format("{} {}: {} items checked", variant, c.name, env.recorder.items.size()));
        if (env.options->verbose && !env.options->only.empty())  // one case asked for: every item
            for (const widgets::ItemInfo& i : env.recorder.items)
                env.log.push_back(fmt::format(
                    "  {} [{:.0f},{:.0f} - {:.0f},{:.0f}] in [{:.0f} - {:.0f}] '{}'", i.label, i.full_min.x,
                    i.full_min.y, i.full_max.x, i.full_max.y, i.box_min.x, i.box_max.x, i.window));
    } catch (const std::exception& e) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        Finding f;
        f.kind = FindingKind::Overflow;
        f.label = "(the screen threw)";
        f.detail = e.what();
        lc_note(env, variant, c.name, f);
    }
    ++env.renders;
    ImGui::DestroyContext(context);
    ImGui::SetCurrentContext(previous);
}

// One case in one language: a shell started as the case says, rendered at every size and theme.
void lc_run_case(LcEnv& env, const LcCase& c, const std::string& lang, std::ostream& out) {
    const CheckOptions& o = *env.options;
    Shell shell(ShellOptions{o.asset_dir, lang, 1.0f, c.resume_prompt ? env.session : "", c.resume_prompt});
    const std::string path = (std::filesystem::path(o.scenario_dir) / c.scenario).string();
    const bool started = c.resume_prompt ? shell.start_up(path)
                         : c.training    ? shell.start_scenario(path, c.mode, lang)
                                         : shell.load_scenario(path);
    if (!started) {
        out << fmt::format("{} {}: cannot start {}\n", lang, c.name, path);
        ++env.errors;
        return;
    }
    if (c.play > 0) lc_play(shell, c.play);
    if (c.finish) lc_push(shell, FinishScenario{});
    if (c.replay && !shell.open_replay(env.bundle)) {
        out << fmt::format("{} {}: cannot open the recorded session {}\n", lang, c.name, env.bundle);
        ++env.errors;
        return;
    }
    for (std::size_t size = 0; size < std::size(kLcSizes); ++size)
        for (Theme theme : kLcThemes) {
            const std::string variant =
                fmt::format("{} {}x{} {}", lang, kLcSizes[size].width, kLcSizes[size].height,
                            theme == Theme::Dark ? "dark" : "light");
            lc_render(env, shell, c, size, theme, variant);
        }
}

bool lc_build_atlases(LcEnv& env, std::ostream& out) {
    for (const LcSize& s : kLcSizes) {
        auto atlas = std::make_unique<ImFontAtlas>();
        const float factor = size_factor_for(static_cast<float>(s.width), static_cast<float>(s.height));
        std::string warning;
        const bool ok = load_fonts(*atlas, kBaseFontPixels * factor, &warning);
        if (!warning.empty()) out << "check-layout: " << warning << "\n";
        if (!ok) return false;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
        env.atlases.push_back(std::move(atlas));
    }
    return true;
}

void lc_report(const LcEnv& env, std::ostream& out) {
    for (const std::string& line : env.log) out << line << "\n";
    for (const LcSeen& s : env.seen) {
        if (s.finding.allowed && !env.options->verbose) continue;
        std::string also;
        if (s.cases.size() > 1) {
            also =
                fmt::format(" [also in {} other case{}: ", s.cases.size() - 1, s.cases.size() > 2 ? "s" : "");
            for (std::size_t i = 1; i < s.cases.size() && i < 4; ++i)
                also += (i > 1 ? ", " : "") + s.cases[i];
            also += s.cases.size() > 4 ? ", …]" : "]";
        }
        out << s.variant << " " << s.cases.front() << ": " << s.finding.describe() << also << "\n";
    }
}

}  // namespace

int check_layout(const CheckOptions& options, std::ostream& out) {
    const auto start = std::chrono::steady_clock::now();
    LcEnv env;
    env.options = &options;
    if (!lc_build_atlases(env, out)) {
        out << "check-layout: the app's fonts are missing; the check needs them\n";
        return 2;
    }
    ImGuiContext* boot = ImGui::CreateContext(env.atlases.front().get());  // the shells set its style
    ImGui::SetCurrentContext(boot);
    ImGui::GetIO().IniFilename = nullptr;
    std::string error;
    const std::string tmp = (std::filesystem::temp_directory_path() /
                             fmt::format("npsim-check-layout-{}", static_cast<long>(getpid())))
                                .string();
    env.session = tmp + ".session.json";
    env.bundle = lc_record_journey(options, env.session, error);
    if (env.bundle.empty())
        out << "check-layout: cannot record the journey for the viewer: " << error << "\n";
    int cases = 0;
    for (const LcCase& c : lc_cases()) {
        if (!options.only.empty() && c.name.find(options.only) == std::string::npos) continue;
        ++cases;
        if (c.replay && env.bundle.empty()) {
            ++env.errors;
            continue;
        }
        for (const char* lang : kLcLanguages) lc_run_case(env, c, lang, out);
    }
    std::error_code ec;
    for (const std::string& f : {env.bundle, env.session, env.session + ".bad"})
        if (!f.empty()) std::filesystem::remove(f, ec);
    set_size_factor(1.0f);  // as it was: the style of the design size
    ImGui::DestroyContext(boot);
    lc_report(env, out);
    int failed = 0, allowed = 0, occurrences = 0;
    for (const LcSeen& s : env.seen) {
        (s.finding.allowed ? allowed : failed) += 1;
        if (!s.finding.allowed) occurrences += static_cast<int>(s.cases.size());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out << fmt::format(
        "check-layout: {} cases, {} renders (de/en × 1280x800/1920x1080 × light/dark) in {:.1f} s: {} "
        "finding{} "
        "({} occurrences), {} allowed ellips{}{}\n",
        cases, env.renders, seconds, failed, failed == 1 ? "" : "s", occurrences, allowed,
        allowed == 1 ? "is" : "es",
        env.errors > 0 ? fmt::format(", {} case(s) could not be set up", env.errors) : "");
    if (env.errors > 0) return 2;
    return failed > 0 ? 1 : 0;
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    for (const LcCase& c : lc_cases()) names.push_back(c.name);
    return names;
}

}  // namespace app::layout
