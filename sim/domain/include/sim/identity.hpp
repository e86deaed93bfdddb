// sim/identity.hpp — sign-in, MFA, security defaults and tenant access recovery (domain-admin.md §3,
// domain.md C10/C11/C20). The plain data (World::identity), the pure queries the views read, the
// seeded secrets (temporary passwords, MFA numbers) and the keyring of typed passwords.
//
// Operations (sim/domain/identity.cpp, register_identity):
//   auth.sign_in {account, password (secret → password_check "ok"|"wrong"), account_type "work"|"personal"}
//     → {"next": "done"|"change_password"|"mfa_register"|"mfa_register_optional"|"mfa_verify",
//        "grace_days_left": n}
//   auth.change_password {account, password (secret, current), new_password (secret)} → {"next", …}
//   auth.sign_out {account}
//   mfa.begin_registration {account} → {"challenge": serial}; mfa.complete_registration {account, code}
//   mfa.skip_registration {account}; mfa.verify {account, code}; mfa.lose_phone {account}
//   mfa.require_reregister {user} (admin); users.reset_password {user, password_mode, password,
//   require_password_change} (admin) → {"user", "generation"}; tenant.set_security_defaults {enabled}
//   tenant.request_recovery {contact, proof: [...]} → {"due_at"}; event "tenant.recovery_done".
//
// Secrets: passwords are never in the World, the journal or a file. The Simulation keeps a Keyring
// (UPN → the password last set through the sim) in memory only; redact_identity_secrets turns a typed
// password into "password_check" ("ok" | "wrong") and a typed MFA code into "code_check" ("ok" | "wrong" |
// "expired") when the action is submitted. Scripts and solutions may send the *_check values directly.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/action.hpp"
#include "sim/time.hpp"

namespace sim {

struct World;
struct Registry;
class Calendar;

// Registers the auth.*, mfa.*, users.reset_password and tenant.* operations (journey_registry()).
void register_identity(Registry& r);
// The start state's "identity" array (docs/reference/start-state.md): per account {"user" (a person of
// /start/people), "mfa_registered", "phone_lost", "must_reregister", "first_sign_in_days_ago",
// "grace_days_left"}; errors with their JSON pointers.
struct ShapeError;
void read_identity_start(const nlohmann::json& start, World& w, std::vector<ShapeError>& errors);

// Where a sign-in stands (the pending step of the sign-in page).
enum class SignInStage { None, ChangePassword, MfaRegister, MfaRegisterOptional, MfaVerify, Done };
// "none", "change_password", "mfa_register", "mfa_register_optional", "mfa_verify", "done"
const char* to_string(SignInStage s);
bool parse_sign_in_stage(std::string_view s, SignInStage& out);

// One account's sign-in record (created by its first sign-in or an admin's action on it).
struct AccountIdentity {
    bool mfa_registered = false;
    SimTime mfa_registered_at = -1;
    bool phone_lost = false;                // "I lost my phone": the registered Authenticator can't approve
    bool must_reregister = false;           // an admin's "Require re-register MFA": register at next sign-in
    SimTime first_sign_in_at = -1;          // the registration grace counts from here
    SimTime grace_until = -1;               // end of the MFA registration grace (-1 = none)
    int failed_attempts = 0;                // wrong passwords in a row (smart lockout)
    SimTime locked_until = -1;              // smart lockout: sign-in refused until then
    bool signed_in = false;                 // a finished sign-in (until sign-out, reset or re-register)
    SignInStage stage = SignInStage::None;  // the pending step of a sign-in in progress
    bool registration_started = false;      // mfa.begin_registration shown the QR code / test number
    std::uint64_t challenge_serial = 0;     // the number shown now (registration test or sign-in request)
    SimTime challenge_issued_at = -1;
    int temp_password_generation = 0;   // users.reset_password count (0 = the add-user password)
    bool temp_password_active = false;  // the current password is temporary_password(…, generation)

    bool operator==(const AccountIdentity& o) const;
};

// The association's request to Microsoft's data-protection team (C10, domain-admin.md §3.5).
struct TenantRecovery {
    std::string status;   // "" (none) | "pending" | "done"
    std::string contact;  // where the answer goes (an address outside the locked tenant)
    std::string admin;    // the Global Administrator whose access comes back
    std::vector<std::string> proof;
    SimTime requested_at = -1, due_at = -1, done_at = -1;
    std::uint64_t serial = 0;  // guards a stale completion event
    bool operator==(const TenantRecovery& o) const;
};

struct IdentityState {
    std::map<std::string, AccountIdentity, std::less<>> accounts;  // by UPN
    TenantRecovery recovery;
    bool empty() const { return accounts.empty() && recovery.status.empty(); }
};

// The canonical JSON (to_json(World) under "identity", only when not empty) and its exact inverse.
nlohmann::json to_json(const IdentityState& s);
bool identity_from_json(const nlohmann::json& j, IdentityState& out, std::string& error);

// [SECTION] Queries (pure)

const AccountIdentity* identity_of(const World& w, std::string_view upn);  // nullptr: never signed in
SignInStage stage_of(const World& w, std::string_view upn);                // None without a record
bool is_signed_in(const World& w, std::string_view upn);
// The MFA registration grace in days for a first sign-in at `now`: the "mfa_grace_days" setting when a
// scenario sets it; else the date rule (domain-admin.md §0 [D]): 14 days before 2024-07-29, 0 from then.
int mfa_grace_days(const World& w, const Calendar& cal, SimTime now);
// The same without a calendar: the setting, else 0 (the rule since 2024-07-29). A view that knows the
// account asks mfa_grace_days_left instead: the first sign-in recorded its grace by the simulated date.
int mfa_grace_days(const World& w, SimTime now);
// Whole days of registration grace left for `upn` at `now` (0 = none or over).
int mfa_grace_days_left(const World& w, std::string_view upn, SimTime now);
// Whether a sign-in of `upn` at `now` needs MFA (security defaults on; registration or verification).
bool mfa_required_now(const World& w, std::string_view upn, SimTime now);
// Roles that must do MFA at every sign-in and never skip the registration (domain-admin.md §3.1):
// every admin role but License and Domain Name Administrator.
bool is_mfa_admin(const World& w, std::string_view upn);
// Whether some Global Administrator can still get in: usable, not blocked, not locked out, and (with
// security defaults) either without a registration due or with a working phone.
bool any_admin_can_sign_in(const World& w);
bool account_locked(const World& w, std::string_view upn, SimTime now);

// [SECTION] Seeded secrets (pure; never stored)

// The password "Automatically create a password" shows once: "Xaq48217" (an upper-case letter, two
// lower-case, five digits), from the run's seed, the UPN and the reset generation (0 = users.add).
std::string temporary_password(std::uint64_t seed, std::string_view upn, int generation);
// The number an MFA challenge shows ("Approve sign in request" / the registration test): 2 digits, 10–99.
std::string mfa_expected_number(std::uint64_t seed, std::string_view upn, std::uint64_t serial);
// The 6-digit code the Authenticator (OATH TOTP) shows for the same challenge.
std::string mfa_expected_code(std::uint64_t seed, std::string_view upn, std::uint64_t serial);
// The number of `upn`'s current challenge ("" when none is shown).
std::string current_mfa_number(const World& w, std::uint64_t seed, std::string_view upn);
std::string current_mfa_code(const World& w, std::uint64_t seed, std::string_view upn);
// The reset generation of `upn`'s temporary password (0 without a record).
int temporary_password_generation(const World& w, std::string_view upn);

// [SECTION] Keyring and redaction (used by the Simulation; not part of the World)

// UPN → the password set through the simulation (users.add own, auth.change_password,
// users.reset_password own). In memory only: never hashed, journaled or saved.
struct Keyring {
    std::map<std::string, std::string, std::less<>> passwords;
};

// Fills "password_check" / "new_password_check" / "code_check" of an identity operation from the typed
// secrets of `raw` (the world, seed and keyring at submit time); `redacted` is the action after the
// registry's redaction. Other actions are left alone.
void redact_identity_secrets(const World& w, std::uint64_t seed, SimTime now, const Keyring& keys,
                             const Action& raw, Action& redacted);
// Whether an operation sets a password the keyring must learn when it succeeds.
bool sets_password(std::string_view type);
// After a successful result of such an operation: the keyring learns (or forgets) the password.
void update_keyring(const World& w, std::uint64_t seed, const Action& raw, const ActionResult& result,
                    Keyring& keys);

}  // namespace sim
