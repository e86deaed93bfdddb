// sim/identity.cpp — sign-in, MFA, security defaults, password reset and tenant access recovery
// (domain-admin.md §3, domain.md C10/C11/C20). See sim/identity.hpp for the contract.
//
//   [SECTION] Data and JSON
//   [SECTION] Queries
//   [SECTION] Seeded secrets, keyring and redaction
//   [SECTION] Sign-in operations
//   [SECTION] MFA operations
//   [SECTION] Admin operations and tenant recovery
//   [SECTION] Registration
#include "sim/identity.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/domains.hpp"
#include "sim/hash.hpp"
#include "sim/journey.hpp"
#include "sim/random.hpp"
#include "sim/registry.hpp"
#include "sim/shape.hpp"
#include "sim/world.hpp"

namespace sim {

using nlohmann::json;

// [SECTION] Data and JSON ---------------------------------------------------------------------

namespace {

const char* const kIdStageNames[] = {
    "none", "change_password", "mfa_register", "mfa_register_optional", "mfa_verify", "done"};

// A JSON error while reading the identity part back; caught in identity_from_json.
struct IdJsonError {
    std::string message;
};

const json& id_member(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) throw IdJsonError{fmt::format("missing \"{}\"", key)};
    return j.at(key);
}

template <class T>
T id_value(const json& j, const char* key) {
    const json& v = id_member(j, key);
    try {
        return v.get<T>();
    } catch (const json::exception&) {
        throw IdJsonError{fmt::format("\"{}\" has the wrong type", key)};
    }
}

json id_account_json(const AccountIdentity& a) {
    return json{{"mfa_registered", a.mfa_registered},
                {"mfa_registered_at", a.mfa_registered_at},
                {"phone_lost", a.phone_lost},
                {"must_reregister", a.must_reregister},
                {"first_sign_in_at", a.first_sign_in_at},
                {"grace_until", a.grace_until},
                {"failed_attempts", a.failed_attempts},
                {"locked_until", a.locked_until},
                {"signed_in", a.signed_in},
                {"stage", to_string(a.stage)},
                {"registration_started", a.registration_started},
                {"challenge_serial", a.challenge_serial},
                {"challenge_issued_at", a.challenge_issued_at},
                {"temp_password_generation", a.temp_password_generation},
                {"temp_password_active", a.temp_password_active}};
}

AccountIdentity id_account_from(const json& j) {
    AccountIdentity a;
    a.mfa_registered = id_value<bool>(j, "mfa_registered");
    a.mfa_registered_at = id_value<SimTime>(j, "mfa_registered_at");
    a.phone_lost = id_value<bool>(j, "phone_lost");
    a.must_reregister = id_value<bool>(j, "must_reregister");
    a.first_sign_in_at = id_value<SimTime>(j, "first_sign_in_at");
    a.grace_until = id_value<SimTime>(j, "grace_until");
    a.failed_attempts = id_value<int>(j, "failed_attempts");
    a.locked_until = id_value<SimTime>(j, "locked_until");
    a.signed_in = id_value<bool>(j, "signed_in");
    if (!parse_sign_in_stage(id_value<std::string>(j, "stage"), a.stage))
        throw IdJsonError{"\"stage\" is not a sign-in stage"};
    a.registration_started = id_value<bool>(j, "registration_started");
    a.challenge_serial = id_value<std::uint64_t>(j, "challenge_serial");
    a.challenge_issued_at = id_value<SimTime>(j, "challenge_issued_at");
    a.temp_password_generation = id_value<int>(j, "temp_password_generation");
    a.temp_password_active = id_value<bool>(j, "temp_password_active");
    return a;
}

}  // namespace

const char* to_string(SignInStage s) {
    return kIdStageNames[static_cast<int>(s)];
}

bool parse_sign_in_stage(std::string_view s, SignInStage& out) {
    for (std::size_t i = 0; i < std::size(kIdStageNames); ++i)
        if (s == kIdStageNames[i]) return out = static_cast<SignInStage>(i), true;
    return false;
}

bool AccountIdentity::operator==(const AccountIdentity& o) const {
    return id_account_json(*this) == id_account_json(o);
}

bool TenantRecovery::operator==(const TenantRecovery& o) const {
    return status == o.status && contact == o.contact && admin == o.admin && proof == o.proof &&
           requested_at == o.requested_at && due_at == o.due_at && done_at == o.done_at && serial == o.serial;
}

nlohmann::json to_json(const IdentityState& s) {
    json accounts = json::object();
    for (const auto& [upn, a] : s.accounts) accounts[upn] = id_account_json(a);
    json out{{"accounts", std::move(accounts)}};
    if (!s.recovery.status.empty()) {
        const TenantRecovery& r = s.recovery;
        out["recovery"] = {{"status", r.status},
                           {"contact", r.contact},
                           {"admin", r.admin},
                           {"proof", r.proof},
                           {"requested_at", r.requested_at},
                           {"due_at", r.due_at},
                           {"done_at", r.done_at},
                           {"serial", r.serial}};
    }
    return out;
}

bool identity_from_json(const nlohmann::json& j, IdentityState& out, std::string& error) {
    try {
        IdentityState s;
        if (!j.is_object()) throw IdJsonError{"must be an object {\"accounts\", \"recovery\"}"};
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.key() != "accounts" && it.key() != "recovery")
                throw IdJsonError{fmt::format("unknown key \"{}\"", it.key())};
        const json& accounts = id_member(j, "accounts");
        if (!accounts.is_object()) throw IdJsonError{"\"accounts\" must be an object"};
        for (auto it = accounts.begin(); it != accounts.end(); ++it)
            s.accounts[it.key()] = id_account_from(*it);
        if (j.contains("recovery")) {
            const json& r = j["recovery"];
            TenantRecovery& t = s.recovery;
            t.status = id_value<std::string>(r, "status");
            t.contact = id_value<std::string>(r, "contact");
            t.admin = id_value<std::string>(r, "admin");
            t.proof = id_value<std::vector<std::string>>(r, "proof");
            t.requested_at = id_value<SimTime>(r, "requested_at");
            t.due_at = id_value<SimTime>(r, "due_at");
            t.done_at = id_value<SimTime>(r, "done_at");
            t.serial = id_value<std::uint64_t>(r, "serial");
        }
        out = std::move(s);
        return true;
    } catch (const IdJsonError& e) {
        error = e.message;
        return false;
    }
}

// [SECTION] Queries ---------------------------------------------------------------------------

const AccountIdentity* identity_of(const World& w, std::string_view upn) {
    auto it = w.identity.accounts.find(upn);
    return it == w.identity.accounts.end() ? nullptr : &it->second;
}

SignInStage stage_of(const World& w, std::string_view upn) {
    const AccountIdentity* a = identity_of(w, upn);
    return a == nullptr ? SignInStage::None : a->stage;
}

bool is_signed_in(const World& w, std::string_view upn) {
    const AccountIdentity* a = identity_of(w, upn);
    return a != nullptr && a->signed_in;
}

int mfa_grace_days(const World& w, const Calendar& cal, SimTime now) {
    if (w.settings.mfa_grace_days >= 0) return w.settings.mfa_grace_days;
    // domain-admin.md §0 [D]: "Starting July 29, 2024, … the 14-day grace period … removed."
    const CivilDate d = cal.local(now).date;
    const bool before = d.year < 2024 || (d.year == 2024 && (d.month < 7 || (d.month == 7 && d.day < 29)));
    return before ? 14 : 0;
}

int mfa_grace_days(const World& w, SimTime) {
    return w.settings.mfa_grace_days >= 0 ? w.settings.mfa_grace_days : 0;
}

int mfa_grace_days_left(const World& w, std::string_view upn, SimTime now) {
    const AccountIdentity* a = identity_of(w, upn);
    if (a == nullptr || a->grace_until <= now) return 0;
    return static_cast<int>((a->grace_until - now + kDay - 1) / kDay);
}

bool is_mfa_admin(const World& w, std::string_view upn) {
    const Person* p = w.find_person(upn);
    const RoleSet exempt = role_bit(Role::LicenceAdmin) | role_bit(Role::DomainNameAdmin);
    return p != nullptr && (p->roles & ~exempt) != 0;
}

bool mfa_required_now(const World& w, std::string_view upn, SimTime now) {
    if (!w.tenant.security_defaults || !is_usable(w.find_person(upn))) return false;
    const AccountIdentity* a = identity_of(w, upn);
    if (a != nullptr && (a->mfa_registered || a->must_reregister)) return true;
    if (is_mfa_admin(w, upn)) return true;
    if (a == nullptr) return mfa_grace_days(w, now) == 0;
    return a->grace_until <= now;
}

bool account_locked(const World& w, std::string_view upn, SimTime now) {
    const AccountIdentity* a = identity_of(w, upn);
    return a != nullptr && a->locked_until > now;
}

bool any_admin_can_sign_in(const World& w) {
    for (const Person& p : w.people) {
        if (p.deleted || p.sign_in_blocked || !p.has_role(Role::GlobalAdmin)) continue;
        const AccountIdentity* a = identity_of(w, p.upn);
        const bool phone_gone = a != nullptr && a->mfa_registered && a->phone_lost && !a->must_reregister;
        if (!(w.tenant.security_defaults && phone_gone)) return true;
    }
    return false;
}

// [SECTION] Seeded secrets, keyring and redaction -------------------------------------------

namespace {

std::uint64_t id_secret_state(std::uint64_t seed, std::string_view what, std::string_view upn,
                              std::uint64_t n) {
    std::uint64_t h = fnv1a(what);
    h = fnv1a(upn, h ^ seed);
    std::uint64_t state = h ^ (n * 0x9E3779B97F4A7C15ULL);
    splitmix64(state);
    return state;
}

std::string id_trim(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t') out += c;
    return out;
}

std::string id_account(const Action& a) {
    std::string account = a.arg<std::string>("account", "");
    return account.empty() ? a.actor : account;
}

// Whether `typed` is the account's current password, as far as the simulation knows it.
bool id_password_matches(const World& w, std::uint64_t seed, const Keyring& keys, const std::string& upn,
                         const std::string& typed) {
    const AccountIdentity* a = identity_of(w, upn);
    if (a != nullptr && a->temp_password_active)
        return typed == temporary_password(seed, upn, a->temp_password_generation);
    auto known = keys.passwords.find(upn);
    if (known != keys.passwords.end()) return typed == known->second;
    // A start-state person, or a resumed session (empty keyring): any password within the policy.
    Action probe{"", "", {{"password", typed}}};
    return redact_secrets(probe, {"password"}).args.value("password_check", "") == "ok";
}

// "ok", "wrong" or "expired" for a typed MFA number or code.
std::string id_code_check(const World& w, std::uint64_t seed, SimTime now, const std::string& upn,
                          const std::string& typed, bool registration) {
    const AccountIdentity* a = identity_of(w, upn);
    const bool shown = a != nullptr && a->challenge_serial > 0 &&
                       (registration ? a->registration_started : a->stage == SignInStage::MfaVerify);
    if (!shown) return "wrong";
    if (now > a->challenge_issued_at + w.settings.mfa_code_lifetime) return "expired";
    const std::string code = id_trim(typed);
    const bool ok = code == mfa_expected_number(seed, upn, a->challenge_serial) ||
                    code == mfa_expected_code(seed, upn, a->challenge_serial);
    return ok ? "ok" : "wrong";
}

}  // namespace

std::string temporary_password(std::uint64_t seed, std::string_view upn, int generation) {
    std::uint64_t s =
        id_secret_state(seed, "temporary_password", upn, static_cast<std::uint64_t>(generation));
    static const char kUpper[] = "BCDFGHJKLMNPQRSTVWXZ";  // no vowels: no words by chance
    static const char kVowel[] = "aeiou";
    static const char kLower[] = "bcdfghjkmnpqrstvwxz";
    std::string out;
    out += kUpper[splitmix64(s) % 20];
    out += kVowel[splitmix64(s) % 5];
    out += kLower[splitmix64(s) % 19];
    for (int i = 0; i < 5; ++i) out += static_cast<char>('0' + splitmix64(s) % 10);
    return out;
}

std::string mfa_expected_number(std::uint64_t seed, std::string_view upn, std::uint64_t serial) {
    std::uint64_t s = id_secret_state(seed, "mfa_number", upn, serial);
    return std::to_string(10 + splitmix64(s) % 90);
}

std::string mfa_expected_code(std::uint64_t seed, std::string_view upn, std::uint64_t serial) {
    std::uint64_t s = id_secret_state(seed, "mfa_code", upn, serial);
    return fmt::format("{:06}", splitmix64(s) % 1000000);
}

std::string current_mfa_number(const World& w, std::uint64_t seed, std::string_view upn) {
    const AccountIdentity* a = identity_of(w, upn);
    if (a == nullptr || a->challenge_serial == 0) return {};
    return mfa_expected_number(seed, upn, a->challenge_serial);
}

std::string current_mfa_code(const World& w, std::uint64_t seed, std::string_view upn) {
    const AccountIdentity* a = identity_of(w, upn);
    if (a == nullptr || a->challenge_serial == 0) return {};
    return mfa_expected_code(seed, upn, a->challenge_serial);
}

int temporary_password_generation(const World& w, std::string_view upn) {
    const AccountIdentity* a = identity_of(w, upn);
    return a == nullptr ? 0 : a->temp_password_generation;
}

void redact_identity_secrets(const World& w, std::uint64_t seed, SimTime now, const Keyring& keys,
                             const Action& raw, Action& redacted) {
    if (!raw.args.is_object()) return;
    const std::string upn = id_account(raw);
    const auto password = raw.args.find("password");
    const bool typed_password = password != raw.args.end() && password->is_string();
    if (raw.type == "auth.sign_in" || raw.type == "auth.change_password") {
        if (typed_password)
            redacted.args["password_check"] =
                id_password_matches(w, seed, keys, upn, password->get<std::string>()) ? "ok" : "wrong";
        const auto fresh = raw.args.find("new_password");
        if (raw.type == "auth.change_password" && fresh != raw.args.end() && fresh->is_string() &&
            typed_password && redacted.args.value("new_password_check", "") == "ok" && *fresh == *password)
            redacted.args["new_password_check"] = "reused";
    } else if (raw.type == "mfa.complete_registration" || raw.type == "mfa.verify") {
        const auto code = raw.args.find("code");
        if (code != raw.args.end())
            redacted.args["code_check"] = code->is_string()
                                              ? id_code_check(w, seed, now, upn, code->get<std::string>(),
                                                              raw.type == "mfa.complete_registration")
                                              : "wrong";
    }
}

bool sets_password(std::string_view type) {
    return type == "users.add" || type == "auth.change_password" || type == "users.reset_password";
}

void update_keyring(const World&, std::uint64_t seed, const Action& raw, const ActionResult& result,
                    Keyring& keys) {
    if (!result.ok || !raw.args.is_object()) return;
    const std::string mode = raw.arg<std::string>("password_mode", "auto");
    const std::string typed = raw.arg<std::string>("password", "");
    if (raw.type == "users.add") {
        const std::string upn = result.data.value("upn", "");
        if (upn.empty()) return;
        if (mode == "own" && !typed.empty())
            keys.passwords[upn] = typed;
        else if (mode == "auto")
            keys.passwords[upn] = temporary_password(seed, upn, 0);
    } else if (raw.type == "auth.change_password") {
        const std::string fresh = raw.arg<std::string>("new_password", "");
        if (!fresh.empty()) keys.passwords[id_account(raw)] = fresh;
    } else if (raw.type == "users.reset_password") {
        const std::string upn = raw.arg<std::string>("user", "");
        if (mode == "own" && !typed.empty())
            keys.passwords[upn] = typed;
        else
            keys.passwords.erase(upn);  // the temporary password of the new generation counts
    }
}

// [SECTION] Sign-in operations ----------------------------------------------------------------

namespace {

AccountIdentity& id_record(World& w, const std::string& upn) {
    return w.identity.accounts[upn];
}

// A new number on the phone (a sign-in request or the registration's test).
void id_new_challenge(Context& ctx, AccountIdentity& a) {
    ++a.challenge_serial;
    a.challenge_issued_at = ctx.now();
}

// The MFA step after the password (security defaults, domain-admin.md §3.1).
SignInStage id_mfa_stage(Context& ctx, const std::string& upn, AccountIdentity& a) {
    const World& w = ctx.world();
    if (!w.tenant.security_defaults) return SignInStage::Done;
    if (!a.mfa_registered) {
        if (a.must_reregister || is_mfa_admin(w, upn) || a.grace_until <= ctx.now())
            return SignInStage::MfaRegister;
        return SignInStage::MfaRegisterOptional;
    }
    id_new_challenge(ctx, a);
    return SignInStage::MfaVerify;
}

// Moves the sign-in to `stage` and answers with the page to show next.
ActionResult id_enter(Context& ctx, const std::string& upn, AccountIdentity& a, SignInStage stage) {
    a.stage = stage;
    a.signed_in = stage == SignInStage::Done;
    json data{{"account", upn},
              {"next", to_string(stage)},
              {"grace_days_left", mfa_grace_days_left(ctx.world(), upn, ctx.now())}};
    if (stage == SignInStage::MfaVerify) data["challenge"] = a.challenge_serial;
    return ActionResult::success(std::move(data));
}

ActionResult id_unknown(const std::string& upn) {
    return ActionResult::failure("auth.unknown_account", {{"upn", upn}});
}

ActionResult id_op_sign_in(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const std::string upn = id_account(a);
    // C11: a personal Microsoft account is another identity; the organisation's licences don't apply.
    if (a.arg<std::string>("account_type", "work") == "personal")
        return ActionResult::failure("auth.personal_account", {{"upn", upn}});
    Person* p = w.find_person(upn);
    if (!is_usable(p)) return id_unknown(upn);
    AccountIdentity& rec = id_record(w, upn);
    if (rec.locked_until > ctx.now())
        return ActionResult::failure("auth.account_locked", {{"upn", upn}, {"until", rec.locked_until}});
    if (a.arg<std::string>("password_check", "wrong") != "ok") {
        if (++rec.failed_attempts >= w.settings.lockout_threshold) {
            rec.failed_attempts = 0;
            const Duration d = w.settings.lockout_delay.sample(ctx.rng("identity"));
            rec.locked_until = apply_duration(ctx.calendar(), ctx.now(), d);
            return ActionResult::failure("auth.account_locked", {{"upn", upn}, {"until", rec.locked_until}});
        }
        return ActionResult::failure("auth.wrong_password", {{"upn", upn}});
    }
    rec.failed_attempts = 0;
    if (p->sign_in_blocked) return ActionResult::failure("auth.sign_in_blocked", {{"upn", upn}});
    if (rec.first_sign_in_at == -1) {  // never (a start state may set a time before 0)
        rec.first_sign_in_at = ctx.now();
        const int grace = mfa_grace_days(w, ctx.calendar(), ctx.now());
        rec.grace_until = grace > 0 ? ctx.now() + grace * kDay : -1;
    }
    rec.signed_in = false;
    rec.registration_started = false;
    if (p->must_change_password) return id_enter(ctx, upn, rec, SignInStage::ChangePassword);
    return id_enter(ctx, upn, rec, id_mfa_stage(ctx, upn, rec));
}

ActionResult id_op_change_password(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const std::string upn = id_account(a);
    Person* p = w.find_person(upn);
    if (!is_usable(p)) return id_unknown(upn);
    AccountIdentity& rec = id_record(w, upn);
    if (rec.stage != SignInStage::ChangePassword && !rec.signed_in)
        return ActionResult::failure("auth.not_signed_in", {{"upn", upn}});
    if (a.arg<std::string>("password_check", "wrong") != "ok")
        return ActionResult::failure("auth.wrong_password", {{"upn", upn}});
    const std::string check = a.arg<std::string>("new_password_check", "");
    if (check.empty()) return ActionResult::failure("users.field_required", {{"field", "new_password"}});
    if (check == "reused") return ActionResult::failure("auth.password_reused", {{"upn", upn}});
    if (check != "ok") return ActionResult::failure(check);
    p->must_change_password = false;
    rec.temp_password_active = false;
    if (rec.signed_in && rec.stage != SignInStage::ChangePassword)
        return id_enter(ctx, upn, rec, SignInStage::Done);  // My Account: a change while signed in
    return id_enter(ctx, upn, rec, id_mfa_stage(ctx, upn, rec));
}

ActionResult id_op_sign_out(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const std::string upn = id_account(a);
    if (!is_usable(w.find_person(upn))) return id_unknown(upn);
    if (identity_of(w, upn) == nullptr) return ActionResult::success({{"account", upn}});
    AccountIdentity& rec = id_record(w, upn);
    rec.signed_in = false;
    rec.stage = SignInStage::None;
    rec.registration_started = false;
    return ActionResult::success({{"account", upn}});
}

// [SECTION] MFA operations --------------------------------------------------------------------

// The account of an MFA step: known, with a record. nullptr and `fail` otherwise.
AccountIdentity* id_mfa_account(World& w, const Action& a, ActionResult& fail) {
    const std::string upn = id_account(a);
    if (!is_usable(w.find_person(upn))) {
        fail = id_unknown(upn);
        return nullptr;
    }
    return &id_record(w, upn);
}

ActionResult id_code_failure(const Action& a) {
    const std::string check = a.arg<std::string>("code_check", "wrong");
    if (check == "expired") return ActionResult::failure("mfa.code_expired");
    return ActionResult::failure("mfa.wrong_code");
}

ActionResult id_op_begin_registration(Context& ctx, const Action& a) {
    ActionResult fail;
    AccountIdentity* rec = id_mfa_account(ctx.world(), a, fail);
    if (rec == nullptr) return fail;
    const bool at_step =
        rec->stage == SignInStage::MfaRegister || rec->stage == SignInStage::MfaRegisterOptional;
    if (!at_step && !rec->signed_in)
        return ActionResult::failure("auth.not_signed_in", {{"upn", id_account(a)}});
    rec->registration_started = true;
    id_new_challenge(ctx, *rec);
    return ActionResult::success({{"account", id_account(a)}, {"challenge", rec->challenge_serial}});
}

ActionResult id_op_complete_registration(Context& ctx, const Action& a) {
    ActionResult fail;
    AccountIdentity* rec = id_mfa_account(ctx.world(), a, fail);
    if (rec == nullptr) return fail;
    if (!rec->registration_started) return ActionResult::failure("mfa.no_registration_started");
    if (a.arg<std::string>("code_check", "wrong") != "ok") return id_code_failure(a);
    rec->registration_started = false;
    rec->mfa_registered = true;
    rec->mfa_registered_at = ctx.now();
    rec->phone_lost = false;
    rec->must_reregister = false;
    const bool at_step =
        rec->stage == SignInStage::MfaRegister || rec->stage == SignInStage::MfaRegisterOptional;
    return id_enter(ctx, id_account(a), *rec, at_step || rec->signed_in ? SignInStage::Done : rec->stage);
}

ActionResult id_op_skip_registration(Context& ctx, const Action& a) {
    ActionResult fail;
    AccountIdentity* rec = id_mfa_account(ctx.world(), a, fail);
    if (rec == nullptr) return fail;
    if (rec->stage != SignInStage::MfaRegisterOptional) {
        const char* reason = is_mfa_admin(ctx.world(), id_account(a)) ? "admin"
                             : rec->must_reregister                   ? "reregister"
                                                                      : "grace_over";
        return ActionResult::failure("mfa.skip_not_allowed", {{"reason", reason}});
    }
    return id_enter(ctx, id_account(a), *rec, SignInStage::Done);
}

ActionResult id_op_verify(Context& ctx, const Action& a) {
    ActionResult fail;
    AccountIdentity* rec = id_mfa_account(ctx.world(), a, fail);
    if (rec == nullptr) return fail;
    if (rec->stage != SignInStage::MfaVerify) return ActionResult::failure("mfa.no_challenge");
    if (rec->phone_lost) return ActionResult::failure("mfa.phone_lost");
    if (a.arg<std::string>("code_check", "wrong") != "ok") return id_code_failure(a);
    return id_enter(ctx, id_account(a), *rec, SignInStage::Done);
}

ActionResult id_op_lose_phone(Context& ctx, const Action& a) {
    ActionResult fail;
    AccountIdentity* rec = id_mfa_account(ctx.world(), a, fail);
    if (rec == nullptr) return fail;
    rec->phone_lost = true;
    return ActionResult::success({{"account", id_account(a)}});
}

// [SECTION] Admin operations and tenant recovery ---------------------------------------------

// The acting Global or User Administrator and the target user; admins only by a Global Administrator
// (domain-admin.md §3.3: "only Global admins reset all users incl. other admins").
Person* id_admin_target(World& w, const Action& a, ActionResult& fail) {
    Person* actor = nullptr;
    Person* p = user_admin_target(w, a, actor, fail);
    if (p != nullptr && p->is_admin() && !actor->has_role(Role::GlobalAdmin)) {
        fail = ActionResult::failure("users.insufficient_role");
        return nullptr;
    }
    return p;
}

void id_clear_mfa(AccountIdentity& rec) {
    rec.mfa_registered = false;
    rec.mfa_registered_at = -1;
    rec.phone_lost = false;
    rec.must_reregister = true;
    rec.registration_started = false;
    rec.signed_in = false;
    rec.stage = SignInStage::None;
}

ActionResult id_op_require_reregister(Context& ctx, const Action& a) {
    ActionResult fail;
    Person* p = id_admin_target(ctx.world(), a, fail);
    if (p == nullptr) return fail;
    id_clear_mfa(id_record(ctx.world(), p->upn));
    return ActionResult::success({{"user", p->upn}});
}

// A new password: the next temporary generation; sessions end (domain-admin.md §3.3: "reset the password
// to cut access at once"); a smart lockout ends with it.
int id_new_password(World& w, Person& p, bool temporary, bool require_change) {
    AccountIdentity& rec = id_record(w, p.upn);
    ++rec.temp_password_generation;
    rec.temp_password_active = temporary;
    rec.signed_in = false;
    rec.stage = SignInStage::None;
    rec.failed_attempts = 0;
    rec.locked_until = -1;
    p.must_change_password = require_change;
    return rec.temp_password_generation;
}

ActionResult id_op_reset_password(Context& ctx, const Action& a) {
    ActionResult fail;
    Person* p = id_admin_target(ctx.world(), a, fail);
    if (p == nullptr) return fail;
    const std::string mode = a.arg<std::string>("password_mode", "auto");
    if (mode == "own") {
        const std::string check = a.arg<std::string>("password_check", "");
        if (check.empty()) return ActionResult::failure("users.field_required", {{"field", "password"}});
        if (check != "ok") return ActionResult::failure(check);
    } else if (mode != "auto") {
        return ActionResult::failure("users.invalid_password_mode", {{"password_mode", mode}});
    }
    const int generation =
        id_new_password(ctx.world(), *p, mode == "auto", a.arg<bool>("require_password_change", true));
    return ActionResult::success({{"user", p->upn}, {"generation", generation}, {"password_mode", mode}});
}

ActionResult id_op_set_security_defaults(Context& ctx, const Action& a) {
    World& w = ctx.world();
    ActionResult fail;
    Person* actor = require_actor(w, a, fail);
    if (actor == nullptr) return fail;
    if (!actor->has_role(Role::GlobalAdmin)) return ActionResult::failure("tenant.global_admin_required");
    if (!a.has("enabled") || !a.args["enabled"].is_boolean())
        return ActionResult::failure("users.field_required", {{"field", "enabled"}});
    w.tenant.security_defaults = a.arg<bool>("enabled", true);
    return ActionResult::success({{"enabled", w.tenant.security_defaults}});
}

bool id_has_custom_domain(const World& w) {
    return std::any_of(w.domains.domains.begin(), w.domains.domains.end(),
                       [](const TenantDomain& d) { return d.verified; });
}

// The Global Administrator whose access the recovery gives back: the registrant when it is one, else the
// first in the directory.
const Person* id_recovery_admin(const World& w) {
    const Person* r = w.find_person(w.organisation.registrant);
    if (is_usable(r) && r->has_role(Role::GlobalAdmin)) return r;
    for (const Person& p : w.people)
        if (!p.deleted && p.has_role(Role::GlobalAdmin)) return &p;
    return nullptr;
}

ActionResult id_op_request_recovery(Context& ctx, const Action& a) {
    World& w = ctx.world();
    const std::string contact = a.arg<std::string>("contact", "");
    if (contact.empty()) return ActionResult::failure("users.field_required", {{"field", "contact"}});
    if (w.identity.recovery.status == "pending")
        return ActionResult::failure("tenant.recovery_pending", {{"due_at", w.identity.recovery.due_at}});
    if (any_admin_can_sign_in(w)) return ActionResult::failure("tenant.recovery_not_needed");
    const Person* admin = id_recovery_admin(w);
    if (admin == nullptr) return ActionResult::failure("tenant.recovery_not_needed");
    const auto proof = a.arg<std::vector<std::string>>("proof", {});
    auto has = [&](const char* k) { return std::find(proof.begin(), proof.end(), k) != proof.end(); };
    std::vector<std::string> missing;
    if (!has("registration_documents")) missing.emplace_back("registration_documents");
    if (id_has_custom_domain(w) && !has("dns_txt")) missing.emplace_back("dns_txt");
    if (!missing.empty())
        return ActionResult::failure("tenant.recovery_insufficient_proof", {{"missing", missing}});
    TenantRecovery& r = w.identity.recovery;
    r.status = "pending";
    r.contact = contact;
    r.admin = admin->upn;
    r.proof = proof;
    r.requested_at = ctx.now();
    ++r.serial;
    const Duration d = w.settings.tenant_recovery_delay.sample(ctx.rng("identity"));
    r.due_at = apply_duration(ctx.calendar(), ctx.now(), d);
    r.done_at = -1;
    ctx.schedule_at(r.due_at, "tenant.recovery_done", {{"serial", r.serial}});
    return ActionResult::success({{"admin", r.admin}, {"due_at", r.due_at}});
}

// The data-protection team's answer: the Global Administrator gets in again with a temporary password and
// registers MFA anew; a mail goes to the contact (when it is an inbox of the tenant) and to the admin.
void id_on_recovery_done(Context& ctx, const json& data) {
    World& w = ctx.world();
    TenantRecovery& r = w.identity.recovery;
    if (r.status != "pending" || data.value("serial", std::uint64_t{0}) != r.serial) return;
    Person* admin = w.find_person(r.admin);
    r.status = "done";
    r.done_at = ctx.now();
    if (!is_usable(admin)) return;
    AccountIdentity& rec = id_record(w, admin->upn);
    id_clear_mfa(rec);
    admin->sign_in_blocked = false;
    const int generation = id_new_password(w, *admin, true, true);
    const json params{{"admin", admin->upn}, {"contact", r.contact}, {"generation", generation}};
    const std::string admin_upn = admin->upn, contact = r.contact;
    send_mail(w, ctx.now(), *admin, kAdminSender, "mail.tenant_recovery_done", params);
    Person* to = w.find_person(contact);
    if (contact != admin_upn && is_usable(to))
        send_mail(w, ctx.now(), *to, kAdminSender, "mail.tenant_recovery_done", params);
}

}  // namespace

// [SECTION] Start state -----------------------------------------------------------------------

namespace {

struct IdStartAccount {
    std::string user;
    bool mfa_registered = false, phone_lost = false, must_reregister = false;
    int first_sign_in_days_ago = -1, grace_days_left = 0;
};
const auto kIdStartShape =
    described(Shape<IdStartAccount>("#/properties/start/properties/identity/items")
                  .string("user", &IdStartAccount::user)
                  .required()
                  .boolean("mfa_registered", &IdStartAccount::mfa_registered)
                  .boolean("phone_lost", &IdStartAccount::phone_lost)
                  .boolean("must_reregister", &IdStartAccount::must_reregister)
                  .integer("first_sign_in_days_ago", &IdStartAccount::first_sign_in_days_ago, 0, 3650)
                  .integer("grace_days_left", &IdStartAccount::grace_days_left, 0, 365));

void id_start_fail(ShapeErrors& errors, const std::string& pointer, const std::string& message) {
    errors.push_back({"", pointer, message, ""});
}

}  // namespace

void read_identity_start(const nlohmann::json& start, World& w, ShapeErrors& errors) {
    if (!start.is_object() || !start.contains("identity")) return;
    const json& list = start["identity"];
    if (!list.is_array()) return id_start_fail(errors, "/start/identity", "must be an array of accounts");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string b = "/start/identity/" + std::to_string(i);
        if (!list[i].is_object()) {
            id_start_fail(errors, b, "must be an object {\"user\", \"mfa_registered\", …}");
            continue;
        }
        IdStartAccount in;
        const std::size_t before = errors.size();
        kIdStartShape.check_keys(list[i], b, errors);
        kIdStartShape.read(list[i], b, in, errors);
        if (errors.size() != before) continue;
        const std::string upn =
            in.user.find('@') == std::string::npos ? in.user + "@" + w.tenant.initial_domain : in.user;
        if (!is_usable(w.find_person(upn))) {
            id_start_fail(errors, b + "/user", "\"" + in.user + "\" is not a person of /start/people");
            continue;
        }
        AccountIdentity& a = w.identity.accounts[upn];
        a.mfa_registered = in.mfa_registered || in.phone_lost;
        a.mfa_registered_at = a.mfa_registered ? -std::max(in.first_sign_in_days_ago, 0) * kDay : -1;
        a.phone_lost = in.phone_lost;
        a.must_reregister = in.must_reregister;
        if (in.first_sign_in_days_ago >= 0) a.first_sign_in_at = -SimTime{in.first_sign_in_days_ago} * kDay;
        a.grace_until = in.grace_days_left > 0 ? SimTime{in.grace_days_left} * kDay : -1;
    }
}

// [SECTION] Registration ----------------------------------------------------------------------

void register_identity(Registry& r) {
    using T = ArgType;
    const ArgSpec account{"account", T::String, true};
    const ArgSpec code{"code", T::String, false, true};  // secret: journaled as code_check
    const Delay kQuick = Delay::uniform(Duration{300, 0}, Duration{1200, 0});
    r.add(make_operation("auth.sign_in", {account, {"password", T::String, false, true}, {"account_type"}},
                         {"auth.unknown_account", "auth.wrong_password", "auth.account_locked",
                          "auth.sign_in_blocked", "auth.personal_account"},
                         {}, {}, started<id_op_sign_in>, nullptr, kQuick));
    r.add(make_operation(
        "auth.change_password",
        {account, {"password", T::String, false, true}, {"new_password", T::String, false, true}},
        {"auth.unknown_account", "auth.not_signed_in", "auth.wrong_password", "auth.password_reused",
         "users.field_required", "password.too_short", "password.too_weak", "password.too_long"},
        {}, {}, started<id_op_change_password>, nullptr, kQuick));
    r.add(make_operation("auth.sign_out", {account}, {"auth.unknown_account"}, {}, {},
                         started<id_op_sign_out>, nullptr, kQuick));
    r.add(make_operation("mfa.begin_registration", {account}, {"auth.unknown_account", "auth.not_signed_in"},
                         {}, {}, started<id_op_begin_registration>, nullptr, kQuick));
    r.add(make_operation(
        "mfa.complete_registration", {account, code},
        {"auth.unknown_account", "mfa.no_registration_started", "mfa.wrong_code", "mfa.code_expired"}, {}, {},
        started<id_op_complete_registration>, nullptr, kQuick));
    r.add(make_operation("mfa.skip_registration", {account}, {"auth.unknown_account", "mfa.skip_not_allowed"},
                         {}, {}, started<id_op_skip_registration>, nullptr, kQuick));
    r.add(make_operation(
        "mfa.verify", {account, code},
        {"auth.unknown_account", "mfa.no_challenge", "mfa.phone_lost", "mfa.wrong_code", "mfa.code_expired"},
        {}, {}, started<id_op_verify>, nullptr, kQuick));
    r.add(make_operation("mfa.lose_phone", {account}, {"auth.unknown_account"}, {}, {},
                         started<id_op_lose_phone>, nullptr, kQuick));
    r.add(make_operation(
        "mfa.require_reregister", {{"user", T::String, true}},
        {"auth.unknown_account", "auth.sign_in_blocked", "users.insufficient_role", "users.unknown_user"}, {},
        {}, started<id_op_require_reregister>));
    r.add(make_operation("users.reset_password",
                         {{"user", T::String, true},
                          {"password_mode"},
                          {"password", T::String, false, true},
                          {"require_password_change", T::Boolean}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "users.insufficient_role",
                          "users.unknown_user", "users.invalid_password_mode", "users.field_required",
                          "password.too_short", "password.too_weak", "password.too_long"},
                         {}, {}, started<id_op_reset_password>));
    r.add(make_operation("tenant.set_security_defaults", {{"enabled", T::Boolean, true}},
                         {"auth.unknown_account", "auth.sign_in_blocked", "tenant.global_admin_required",
                          "users.field_required"},
                         {}, {}, started<id_op_set_security_defaults>));
    r.add(make_operation("tenant.request_recovery", {{"contact", T::String, true}, {"proof", T::StringList}},
                         {"users.field_required", "tenant.recovery_pending", "tenant.recovery_not_needed",
                          "tenant.recovery_insufficient_proof"},
                         {"mail.tenant_recovery_done.subject", "mail.tenant_recovery_done.body"}, {},
                         started<id_op_request_recovery>));
    r.add_event("tenant.recovery_done", started_event<id_on_recovery_done>);
}

}  // namespace sim
