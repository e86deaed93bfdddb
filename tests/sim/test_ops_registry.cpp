// Walks the registry of operations (sim/registry.hpp, `npsim-cli ops`): every operation has texts in
// English and German for its error codes, its other texts and its debrief name, is listed by the scenario
// schema with the same arguments, is named in a test, is in docs/operations.md; the typed requests of
// sim/ops.hpp send what the declarations say; the codes the handlers return are all declared.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "sim/i18n.hpp"
#include "sim/ops.hpp"
#include "sim/registry.hpp"
#include "sim/simulation.hpp"

using namespace sim;
using nlohmann::json;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json load_json(const std::string& path) {
    const std::string text = slurp(path);
    INFO(path);
    REQUIRE_FALSE(text.empty());
    return json::parse(text);
}

const std::string kAssets = NPSIM_TEST_ASSET_DIR;
const std::string kRepo = kAssets + "/..";

const Registry& ops_registry() {
    return journey_registry();
}

const char* schema_type(ArgType t) {
    switch (t) {
        case ArgType::String:
            return "string";
        case ArgType::Integer:
            return "integer";
        case ArgType::Boolean:
            return "boolean";
        case ArgType::StringList:
            return "array";
        case ArgType::Object:
            return "object";
        case ArgType::Any:
            break;
    }
    return "";
}

}  // namespace

TEST_CASE("the registry declares every journey and instructor operation once", "[sim][ops]") {
    const Registry& r = ops_registry();
    // + teams.* and licences.set_service (7), subscriptions.* (5), support.* (3), tenants.* (2),
    // reports.* (1)
    CHECK(r.actions.size() == 65 + 7 + 5 + 3 + 2 + 1);
    for (const auto& [name, op] : r.actions) {
        INFO(name);
        CHECK(op.name == name);
        CHECK(std::regex_match(name, std::regex("[a-z]+\\.[a-z_]+")));
        const bool instructor = name.rfind("instructor.", 0) == 0;
        CHECK(op.is_instructor() == instructor);
        CHECK((op.run != nullptr) != instructor);
        CHECK(op.debrief_key == "debrief.op." + name);
        std::set<std::string> args;
        for (const ArgSpec& a : op.args) {
            CHECK(args.insert(a.name).second);  // no argument twice
            CHECK(a.name != "type");
            CHECK(a.name != "actor");
            if (a.secret) CHECK(std::find(op.secrets.begin(), op.secrets.end(), a.name) != op.secrets.end());
        }
        CHECK(std::set<std::string>(op.errors.begin(), op.errors.end()).size() == op.errors.size());
        CHECK(r.secrets_of(name) == op.secrets);
    }
    // Every instructor operation is in the journey registry, and answered by every simulation.
    for (const auto& [name, op] : instructor_registry().actions) {
        INFO(name);
        REQUIRE(r.actions.count(name) == 1);
        CHECK(r.actions.at(name).instructor == op.instructor);
    }
    CHECK(r.actions.at("licences.assign").errors.size() > 5);
    CHECK(r.secrets_of("users.add") == std::vector<std::string>{"password"});
}

TEST_CASE("every operation has English and German text for each error code and text key",
          "[sim][ops][i18n]") {
    const json en = load_json(kAssets + "/i18n/sim/en.json");
    const json de = load_json(kAssets + "/i18n/sim/de.json");
    std::size_t checked = 0;
    for (const auto& [name, op] : ops_registry().actions) {
        for (const std::string& code : op.errors) {
            INFO(name << ": error." << code);
            CHECK(en.contains("error." + code));
            CHECK(de.contains("error." + code));
            ++checked;
        }
        for (const std::string& key : op.text_keys) {
            INFO(name << ": " << key);
            CHECK(en.contains(key));
            CHECK(de.contains(key));
            ++checked;
        }
    }
    CHECK(checked > 150);
    // What any operation can end with besides its own codes (faults, hangs, unknown names).
    for (const char* code : {"action.timed_out", "action.unknown_type", "service.unavailable"}) {
        CHECK(en.contains(std::string("error.") + code));
        CHECK(de.contains(std::string("error.") + code));
    }
}

TEST_CASE("every operation has a debrief name in English and German", "[sim][ops][i18n]") {
    const json en = load_json(kAssets + "/i18n/sim/en.json");
    const json de = load_json(kAssets + "/i18n/sim/de.json");
    for (const auto& [name, op] : ops_registry().actions) {
        INFO(name);
        CHECK(en.contains(op.debrief_key));
        CHECK(de.contains(op.debrief_key));
    }
}

TEST_CASE("the scenario schema lists every operation with the registry's arguments", "[sim][ops][schema]") {
    INFO("the schema's action part is generated from the registry: run bash scripts/update-generated.sh");
    const json schema = load_json(kRepo + "/scenarios/schema/scenario.schema.json");
    const json& defs = schema.at("$defs");
    std::set<std::string> listed;
    for (const auto& t : defs.at("action").at("properties").at("type").at("enum"))
        listed.insert(t.get<std::string>());
    std::set<std::string> declared;
    for (const auto& [name, op] : ops_registry().actions) declared.insert(name);
    CHECK(listed == declared);

    for (const auto& [name, op] : ops_registry().actions) {
        INFO(name);
        REQUIRE(defs.contains("action." + name));
        const json& def = defs.at("action." + name);
        std::set<std::string> schema_args, schema_required;
        for (auto it = def.at("properties").begin(); it != def.at("properties").end(); ++it)
            if (it.key() != "type" && it.key() != "actor") schema_args.insert(it.key());
        for (const auto& k : def.value("required", json::array()))
            if (k != "type") schema_required.insert(k.get<std::string>());
        std::set<std::string> args, required;
        for (const ArgSpec& a : op.args) {
            args.insert(a.name);
            if (a.required) required.insert(a.name);
            const json& prop = def.at("properties").value(a.name, json::object());
            if (prop.contains("type")) {
                INFO(a.name);
                CHECK(prop.at("type") == schema_type(a.type));
            }
        }
        CHECK(args == schema_args);
        CHECK(required == schema_required);
        CHECK(def.value("additionalProperties", true) == false);
    }
}

TEST_CASE("npsim-cli ops --schema: the action part of the scenario schema, from the registry",
          "[sim][ops][schema]") {
    INFO("the schema's action part is generated from the registry: run bash scripts/update-generated.sh");
    const json schema = load_json(kRepo + "/scenarios/schema/scenario.schema.json");
    const json& defs = schema.at("$defs");
    const nlohmann::ordered_json fragments = operations_schema(ops_registry());
    // As json: the same values, keys sorted (the schema's own order does not matter here).
    const json generated = json::parse(fragments.dump()).at("$defs");
    const json& action = generated.at("action");
    CHECK(action.at("properties").at("type").at("enum").size() == ops_registry().actions.size());
    // The dispatch list: the same entries, in any order.
    const json& listed = defs.at("action").at("allOf");
    REQUIRE(action.at("allOf").size() == listed.size());
    for (const json& entry : action.at("allOf")) {
        INFO(entry.dump());
        CHECK(std::find(listed.begin(), listed.end(), entry) != listed.end());
    }
    for (const auto& [name, op] : ops_registry().actions) {
        INFO(name);
        const json& mine = generated.at("action." + name);
        REQUIRE(defs.contains("action." + name));
        const json& def = defs.at("action." + name);
        CHECK(def.at("type") == mine.at("type"));
        CHECK(def.at("required") == mine.at("required"));
        CHECK(def.at("additionalProperties") == mine.at("additionalProperties"));
        CHECK(def.at("properties").at("type") == mine.at("properties").at("type"));
        CHECK(def.at("properties").at("actor") == mine.at("properties").at("actor"));
        std::vector<std::string> keys, expected_keys;
        for (auto it = def.at("properties").begin(); it != def.at("properties").end(); ++it)
            keys.push_back(it.key());
        for (auto it = mine.at("properties").begin(); it != mine.at("properties").end(); ++it)
            expected_keys.push_back(it.key());
        CHECK(keys == expected_keys);
        // The generated order: "type", "actor", then the arguments as declared.
        std::vector<std::string> order, declared = {"type", "actor"};
        for (const auto& item : fragments.at("$defs").at("action." + name).at("properties").items())
            order.push_back(item.key());
        for (const ArgSpec& a : op.args) declared.push_back(a.name);
        CHECK(order == declared);
    }
}

TEST_CASE("every operation is named in a test", "[sim][ops]") {
    // Instructor operations are also named without their prefix (test_instructor.cpp's instruct()).
    std::string sources;
    const std::filesystem::path tests = std::filesystem::path(NPSIM_TEST_DATA_DIR).parent_path();
    for (const auto& e : std::filesystem::recursive_directory_iterator(tests)) {
        const std::string ext = e.path().extension().string();
        if (!e.is_regular_file() || e.path().filename() == "test_ops_registry.cpp") continue;
        if (ext == ".cpp" || ext == ".hpp" || ext == ".sh" || ext == ".cmake" || ext == ".jsonl")
            sources += slurp(e.path().string());
    }
    REQUIRE(sources.size() > 100000);
    for (const auto& [name, op] : ops_registry().actions) {
        INFO(name);
        const std::string verb = name.substr(name.find('.') + 1);
        const bool named = sources.find('"' + name + '"') != std::string::npos ||
                           (op.is_instructor() && sources.find('"' + verb + '"') != std::string::npos);
        CHECK(named);
    }
}

TEST_CASE("docs/operations.md is the registry's table (npsim-cli ops --markdown)", "[sim][ops][docs]") {
    std::vector<std::string> errors;
    const Strings en = Strings::load(kAssets + "/i18n", "en", &errors);
    CHECK(errors.empty());
    const std::string expected = operations_markdown(
        ops_registry(), [&en](const std::string& key) { return en.has(key) ? en.get(key) : key; });
    const std::string docs = slurp(kRepo + "/docs/operations.md");
    INFO("docs/operations.md is generated from the registry: run bash scripts/update-generated.sh");
    CHECK(docs == expected);
    for (const auto& [name, op] : ops_registry().actions)
        CHECK(docs.find("| `" + name + "` |") != std::string::npos);
}

TEST_CASE("the typed requests of sim/ops.hpp send what the registry declares", "[sim][ops]") {
    RegistrationForm form;
    ops::NewUser user;
    user.own_password = true;
    user.password = "Secret-123";
    user.licences = {"M365_BUSINESS_PREMIUM"};
    const std::vector<Action> requests = {
        ops::register_tenant({"tsvmuster", "Anna", "Muster", "anna", "DE", "Secret-123"}),
        ops::sign_in("anna@x"),
        ops::submit_registration("anna@x", form),
        ops::answer_information_request("anna@x", "VR 1234", "proof.pdf"),
        ops::reverify("anna@x", "VR 1234", "proof.pdf"),
        ops::open_offer("anna@x", "microsoft_365"),
        ops::add_card("anna@x", "4242"),
        ops::place_order("anna@x", {"M365_BUSINESS_PREMIUM", 10, "P1Y", "monthly", "card-1"}),
        ops::place_order("anna@x", {"M365_BUSINESS_PREMIUM", 10, "P1Y", "monthly", ""}),
        ops::change_quantity("anna@x", "sub-1", 5),
        ops::add_user("anna@x", user),
        ops::set_usage_location("anna@x", "ben@x", "DE"),
        ops::block_sign_in("anna@x", "ben@x", true),
        ops::set_roles("anna@x", "ben@x", {"user_admin"}),
        ops::delete_user("anna@x", "ben@x"),
        ops::assign_licence("anna@x", "ben@x", "M365_BUSINESS_PREMIUM"),
        ops::unassign_licence("anna@x", "ben@x", "M365_BUSINESS_PREMIUM"),
        ops::assign_licences("anna@x", "M365_BUSINESS_PREMIUM", {"ben@x", "cem@x"}),
        ops::unassign_licences("anna@x", "M365_BUSINESS_PREMIUM", {"ben@x"}),
        ops::mark_read("anna@x", "mail-1"),
        ops::change_username("anna@x", "ben@x", "ben", "verein.de"),
        ops::assign_role("anna@x", "ben@x", "user_admin"),
        ops::remove_role("anna@x", "ben@x", "user_admin"),
        ops::add_domain("anna@x", "verein.de"),
        ops::choose_verification_method("anna@x", "verein.de", "txt"),
        ops::verify_domain("anna@x", "verein.de"),
        ops::choose_dns_setup("anna@x", "verein.de", "self", {"teams"}),
        ops::finish_domain_setup("anna@x", "verein.de"),
        ops::check_domain_health("anna@x", "verein.de"),
        ops::set_default_domain("anna@x", "verein.de"),
        ops::remove_domain("anna@x", "verein.de"),
        ops::add_dns_record("anna@x", "verein.de",
                            {"SRV", "_sipfederationtls._tcp", "sipfed.online.lync.com", 3600, 100, 1, 5061}),
        ops::edit_dns_record("anna@x", "verein.de", "rec-1",
                             {"MX", "@", "verein-de.mail.protection.outlook.com", 3600, 0}),
        ops::delete_dns_record("anna@x", "verein.de", "rec-1"),
        ops::publish_zone("anna@x", "verein.de"),
        ops::add_shared_mailbox("anna@x", "Info", "info@verein.de"),
        ops::send_test_mail("anna@x", "info@verein.de"),
        ops::send_internal_mail("anna@x", "anna@x", "info@verein.de"),
        ops::add_distribution_list("anna@x", "Info", "info@verein.de", {"anna@x"}, false),
        ops::set_list_external("anna@x", "info@verein.de", true),
        ops::grant_mailbox_access("anna@x", "info@verein.de", "anna@x", "send_as"),
        ops::send_as("anna@x", "anna@x", "info@verein.de", "x@example.org"),
        ops::convert_to_shared("anna@x", "anna@x"),
        ops::create_team("anna@x", "Vorstand", "", "private"),
        ops::add_team_member("anna@x", "Vorstand", "ben@x", "member"),
        ops::remove_team_member("anna@x", "Vorstand", "ben@x"),
        ops::add_team_guest("anna@x", "Vorstand", "karl@example.org", "Karl"),
        ops::add_channel("anna@x", "Vorstand", "Kasse"),
        ops::set_guest_access("anna@x", true),
        ops::set_concealed_names("anna@x", false),
        ops::set_licence_service("anna@x", "ben@x", "SKU", "teams", false),
        ops::schedule_quantity("anna@x", "sub-0001", 3),
        ops::renew_subscription("anna@x", "sub-0001", "pm-0001"),
        ops::submit_support_request("anna@x", "portal", "verification", "Pending", "Still pending"),
        ops::move_mail("anna@x", "mail-0001", "inbox"),
        ops::reply_support("sr-0001", "We chased the validator.", "nudge_validator", "2h"),
        ops::auth_sign_in("ben@x", "Secret-123"),
        ops::auth_change_password("ben@x", "Secret-123", "Better-456"),
        ops::auth_sign_out("ben@x"),
        ops::mfa_begin_registration("ben@x"),
        ops::mfa_complete_registration("ben@x", "42"),
        ops::mfa_skip_registration("ben@x"),
        ops::mfa_verify("ben@x", "42"),
        ops::mfa_lose_phone("ben@x"),
        ops::mfa_require_reregister("anna@x", "ben@x"),
        ops::reset_password("anna@x", {"ben@x", true, "Secret-123", true}),
        ops::set_security_defaults("anna@x", true),
        ops::set_recurring_billing("anna@x", "sub-0002", false),
        ops::cancel_subscription("anna@x", "sub-0002"),
        ops::reactivate_subscription("anna@x", "sub-0002"),
        ops::request_tenant_recovery("anna@x", "vorstand@example.org", {"registration_documents"}),
        ops::add_fault({{"operation", "*"}, {"error", "service.unavailable"}}),
        ops::remove_fault("r"),
        ops::clear_faults(),
        ops::update_fault("r", {{"operation", "*"}}),
        ops::set_fault_enabled("r", false),
        ops::arm_fault("r"),
        ops::fail_next("licences.assign", "service.unavailable"),
        ops::skip_time("2 days"),
        ops::skip_time_ms(3600000),
        ops::skip_to_next_event(),
        ops::freeze(),
        ops::unfreeze(),
        ops::checkpoint("before"),
        ops::restore_checkpoint("before"),
        ops::reset(),
        ops::note("look"),
        ops::release_tenant_status("anna@verein.onmicrosoft.com", "vereinev"),  // sim/tenants.hpp
        ops::request_tenant_status_move("anna@verein.onmicrosoft.com", "vereinev"),
    };
    std::set<std::string> covered;
    for (const Action& a : requests) {
        INFO(to_json(a).dump());
        REQUIRE(ops_registry().actions.count(a.type) == 1);
        const OperationSpec& op = ops_registry().actions.at(a.type);
        covered.insert(a.type);
        CHECK(a.args.is_object());
        CHECK(a.actor.empty() ==
              (op.is_instructor() || a.type == "portal.register" || a.type == "support.reply"));
        for (auto it = a.args.begin(); it != a.args.end(); ++it) {
            INFO(it.key());
            const auto arg = std::find_if(op.args.begin(), op.args.end(),
                                          [&](const ArgSpec& s) { return s.name == it.key(); });
            REQUIRE(arg != op.args.end());
            CHECK(arg_has_type(*it, arg->type));
        }
        for (const ArgSpec& s : op.args)
            if (s.required) CHECK(a.args.contains(s.name));
        // The JSON round trip: what a session file stores reads back as the same action.
        Action back;
        std::string error;
        REQUIRE(action_from_json(to_json(a), back, error));
        CHECK(back == a);
    }
    CHECK(covered.size() == ops_registry().actions.size());
    // Byte for byte what the views sent before they used sim/ops.hpp.
    CHECK(to_json(ops::assign_licence("anna@x", "ben@x", "SKU")).dump() ==
          R"({"actor":"anna@x","sku":"SKU","type":"licences.assign","user":"ben@x"})");
    CHECK(
        to_json(ops::place_order("a", {"SKU", 3, "P1M", "monthly", ""})).dump() ==
        R"({"actor":"a","billing_frequency":"monthly","quantity":3,"sku":"SKU","term":"P1M","type":"billing.place_order"})");
    CHECK(to_json(ops::freeze()).dump() == R"({"type":"instructor.freeze"})");
    CHECK(to_json(ops::sign_in("a")).dump() == R"({"actor":"a","type":"portal.sign_in"})");
}

TEST_CASE("every error code a handler returns is declared by an operation", "[sim][ops]") {
    // Scan the domain's sources for the codes they can return, as the i18n tests do.
    const std::regex code_re(R"re((?:failure|add)\(\s*"([a-z_]+\.[a-z_.]+)")re");
    std::set<std::string> declared = {"action.unknown_type"};  // an unknown instructor.* name
    for (const auto& [name, op] : ops_registry().actions) {
        declared.insert(op.errors.begin(), op.errors.end());
        for (const std::string& key : op.text_keys)
            if (key.rfind("error.", 0) == 0) declared.insert(key.substr(6));
    }
    for (const char* file : {"portal", "billing", "users", "licences", "mail", "journey", "simulation",
                             "domains", "dns", "mail_flow", "identity"}) {
        const std::string src = slurp(kRepo + "/sim/domain/" + file + ".cpp");
        REQUIRE_FALSE(src.empty());
        for (std::sregex_iterator it(src.begin(), src.end(), code_re), end; it != end; ++it) {
            const std::string code = (*it)[1].str();
            if (code == "action.timed_out") continue;  // a hang fault and a retry: any operation
            INFO(file << ".cpp: " << code);
            CHECK(declared.count(code) == 1);
        }
    }
}
