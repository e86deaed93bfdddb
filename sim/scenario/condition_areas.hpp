// sim/scenario/condition_areas.hpp — the table of the areas' world-state conditions.
//
// Each area of the admin center (domains and mail, sign-in, roles, subscriptions, Teams) keeps its
// conditions in its own file (<area>_conditions.cpp: validate + evaluate). This table is the one place
// that lists them: their keys (the checker's did-you-mean knows them), how each is validated and how it
// is evaluated. Adding an area's conditions = its file + one row in condition_areas.cpp.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/assessment.hpp"
#include "sim/time.hpp"
#include "sim/world.hpp"

namespace sim {

struct ConditionArea {
    using Validate = void (*)(const std::string& key, const nlohmann::json& v, const std::string& pointer,
                              std::vector<ConditionError>& errors);
    using Evaluate = bool (*)(const std::string& key, const nlohmann::json& v, const World& w, SimTime now);
    std::vector<std::string> keys;
    Validate validate = nullptr;
    Evaluate evaluate = nullptr;
};

const std::vector<ConditionArea>& condition_areas();
// The area a condition key belongs to; nullptr for the core and history conditions.
const ConditionArea* condition_area_of(const std::string& key);

}  // namespace sim
