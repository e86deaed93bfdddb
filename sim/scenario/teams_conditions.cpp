// sim/scenario/teams_conditions.cpp — the conditions over Teams: "team_exists", "can_use_teams"
// (sim/scenario/teams_conditions.hpp). They read the world's public queries (sim/teams.hpp) only.
#include "teams_conditions.hpp"

#include "sim/shape.hpp"
#include "sim/teams.hpp"

namespace sim {

namespace {

constexpr std::int64_t kTcMaxCount = 1'000'000;

struct TcArgs {};
const auto kTcTeamExists =
    described(Shape<TcArgs>("#/$defs/condition/oneOf/27/properties/team_exists", TypeWords::MustBe)
                  .known("name", FieldType::String)
                  .wrong_type("must be a team's name such as \"Vorstand\"")
                  .known("min_members", FieldType::Integer)
                  .range(0, kTcMaxCount)
                  .known("guests", FieldType::Integer)
                  .range(0, kTcMaxCount));

}  // namespace

void validate_teams_condition(const std::string& key, const nlohmann::json& v, const std::string& p,
                              std::vector<ConditionError>& errors) {
    if (key == "can_use_teams") {
        if (!v.is_string() || v.get<std::string>().find('@') == std::string::npos)
            errors.push_back(
                {p, "must be the sign-in name of a person, e.g. \"anna@verein.onmicrosoft.com\""});
        return;
    }
    if (!v.is_object() || !v.contains("name") || !v["name"].is_string() ||
        v["name"].get<std::string>().empty()) {
        errors.push_back({p, "needs \"name\" (the team's name, e.g. \"Vorstand\")"});
        return;
    }
    ShapeErrors found;
    kTcTeamExists.check_keys(v, p, found);
    FieldValue ignored;
    for (const char* f : {"name", "min_members", "guests"}) kTcTeamExists.value(v, f, p, ignored, found);
    for (const auto& e : found) errors.push_back({e.pointer, e.message});
}

bool evaluate_teams_condition(const std::string& key, const nlohmann::json& v, const World& w) {
    if (key == "can_use_teams") return can_use_teams(w, v.get<std::string>());
    const Team* t = find_team(w, v.at("name").get<std::string>());
    if (t == nullptr) return false;
    return static_cast<std::int64_t>(t->members.size()) >= v.value("min_members", std::int64_t{1}) &&
           static_cast<std::int64_t>(t->guests.size()) >= v.value("guests", std::int64_t{0});
}

}  // namespace sim
