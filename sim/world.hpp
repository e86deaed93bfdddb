// sim/world.hpp — the state of the simulated world (plain data, hashed via its canonical JSON).
//
// Foundation version: just enough for the engine. The simulated journey (portal, catalog, billing,
// users, licences, mail) extends this struct.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sim {

struct Person {
    std::string upn;           // sign-in name, e.g. "anna@verein.onmicrosoft.com"
    std::string display_name;
};

struct World {
    std::vector<Person> people;
};

nlohmann::json to_json(const World& w);

}  // namespace sim
