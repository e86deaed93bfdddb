// tests/sim/test_event_queue.cpp — ordering by (time, insertion), cancel, pop.
#include <catch2/catch.hpp>

#include "sim/event_queue.hpp"

using namespace sim;

TEST_CASE("events fire in time order and ties in insertion order", "[sim][events]") {
    EventQueue q;
    q.schedule(50, "c");
    q.schedule(10, "a");
    q.schedule(50, "d");
    q.schedule(10, "b");
    q.schedule(0, "first");
    std::vector<std::string> order;
    while (auto e = q.pop()) order.push_back(e->kind);
    CHECK(order == std::vector<std::string>{"first", "a", "b", "c", "d"});
    CHECK(q.empty());
}

TEST_CASE("a cancelled event never fires and cancel is idempotent", "[sim][events]") {
    EventQueue q;
    const EventId a = q.schedule(10, "a");
    q.schedule(20, "b");
    const EventId c = q.schedule(30, "c");
    CHECK(q.cancel(a));
    CHECK_FALSE(q.cancel(a));
    CHECK(q.size() == 2);
    CHECK(q.next_time() == 20);
    auto e = q.pop();
    REQUIRE(e);
    CHECK(e->kind == "b");
    CHECK_FALSE(q.cancel(e->id));  // already fired
    CHECK(q.cancel(c));
    CHECK(q.empty());
    CHECK_FALSE(q.pop().has_value());
    CHECK_FALSE(q.next_time().has_value());
}

TEST_CASE("pending lists live events in firing order with their data", "[sim][events]") {
    EventQueue q;
    q.schedule(30, "late", {{"n", 3}});
    const EventId mid = q.schedule(20, "mid");
    q.schedule(10, "early", {{"n", 1}});
    q.cancel(mid);
    const auto p = q.pending();
    REQUIRE(p.size() == 2);
    CHECK(p[0].kind == "early");
    CHECK(p[0].data["n"] == 1);
    CHECK(p[1].kind == "late");
}

TEST_CASE("a large random workload pops in nondecreasing (time, id) order", "[sim][events]") {
    EventQueue q;
    std::uint64_t x = 12345;
    for (int i = 0; i < 5000; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        const EventId id = q.schedule(static_cast<SimTime>((x >> 33) % 1000), "e");
        if (i % 7 == 0) q.cancel(id);
    }
    SimTime last_t = -1;
    EventId last_id = 0;
    std::size_t n = 0;
    while (auto e = q.pop()) {
        const bool ordered = e->time > last_t || (e->time == last_t && e->id > last_id);
        CHECK(ordered);
        last_t = e->time;
        last_id = e->id;
        ++n;
    }
    CHECK(n == 5000 - 715);
}

TEST_CASE("ids stay valid across a drained queue: old ids cannot be cancelled, new ones can",
          "[sim][events]") {
    EventQueue q;
    const EventId a = q.schedule(10, "a");
    REQUIRE(q.pop());
    CHECK(q.empty());
    CHECK_FALSE(q.cancel(a));
    const EventId b = q.schedule(20, "b", {{"x", 1}});
    CHECK(b > a);
    CHECK(q.pending().front().data["x"] == 1);
    CHECK(q.cancel(b));
    CHECK_FALSE(q.next_time().has_value());
    const EventId c = q.schedule(5, "c");
    CHECK(q.pop()->id == c);
}
