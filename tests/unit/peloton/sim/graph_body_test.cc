// The performance_graph bodies written from a synthetic workout's samples (json/graph_body.h):
// checked by hand on a small graph, and against the DOM path that served them before
// (graph_oracle.h) for every workout of the integration tests' world; the other worlds the tests
// use are in graph_body_worlds_test.cc.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "graph_oracle.h"
#include "peloton/sim/json/graph_body.h"
#include "peloton/sim/json/graph_json.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using testing::Difference;

// A five-second graph by hand: speed with a gap and whole and fractional values, output (whole
// watts), and pace (min/mi) missing at first, with speed as its alternative.
class HandGraph : public ::testing::Test {
 protected:
  HandGraph() {
    outline_.document = {{"duration", 5},
                         {"seconds_since_pedaling_start", json::array()},
                         {"metrics",
                          {{{"slug", "speed"}, {"display_unit", "mph"}, {"values", 0}},
                           {{"slug", "output"}, {"max_value", 104}, {"values", 1}},
                           {{"slug", "pace"},
                            {"values", 2},
                            {"alternatives", json::array({{{"slug", "speed"}, {"values", 0}}})}}}},
                         {"summaries", json::array({{{"slug", "calories"}, {"value", 12.5}}})},
                         {"effort_zones", nullptr}};
    outline_.series = {&speed_, &output_, &pace_};
  }

  // The body, parsed.
  json Body(int every_n) const { return json::parse(WriteGraphBody(outline_, every_n)); }

  // The same graph as a document, as BuildGraphJson would have built it.
  json Dom() const {
    json dom = outline_.document;
    dom["seconds_since_pedaling_start"] = {1, 2, 3, 4, 5};
    const json speed = {1, 2.5, nullptr, 12, 3.25};
    dom["metrics"][0]["values"] = speed;
    dom["metrics"][1]["values"] = {100, 101, 102, 103, 104};
    dom["metrics"][2]["values"] = {nullptr, nullptr, nullptr, 8.5, 9};
    dom["metrics"][2]["alternatives"][0]["values"] = speed;
    return dom;
  }

  std::vector<double> speed_ = {1.0, 2.5, NAN, 12.0, 3.25};
  std::vector<double> output_ = {100, 101, 102, 103, 104};
  std::vector<double> pace_ = {NAN, NAN, NAN, 8.5, 9};
  GraphOutline outline_;
};

TEST_F(HandGraph, OneSecondValuesAreTheSamplesWholeOnesAsIntegers) {
  const json body = Body(1);
  EXPECT_EQ(body["seconds_since_pedaling_start"], json({1, 2, 3, 4, 5}));
  const json& speed = body["metrics"][0]["values"];
  EXPECT_EQ(speed.dump(), "[1,2.5,null,12,3.25]");
  EXPECT_TRUE(speed[0].is_number_integer());
  EXPECT_EQ(body["metrics"][2]["values"].dump(), "[null,null,null,8.5,9]");
  EXPECT_EQ(body["metrics"][2]["alternatives"][0]["values"], speed);
  EXPECT_EQ(body["metrics"][1]["max_value"], 104) << "the rest of the outline as it is";
  EXPECT_EQ(body["summaries"][0]["value"], 12.5);
  EXPECT_TRUE(body["effort_zones"].is_null());
  EXPECT_EQ(Difference(Dom(), body, "graph"), "");
}

TEST_F(HandGraph, WindowsAreRoundedMeansOfTheSecondsFromTheirStart) {
  const json body = Body(2);
  // Windows start at 0, 2, 4 and hold the seconds in [t, t+2): {1}, {2, 3}, {4, 5}.
  EXPECT_EQ(body["seconds_since_pedaling_start"], json({0, 2, 4}));
  const json& speed = body["metrics"][0]["values"];
  EXPECT_EQ(speed.dump(), "[1.0,2.5,7.6]") << "one decimal, a float even when whole; the gap "
                                              "is left out of its window's mean";
  EXPECT_TRUE(speed[0].is_number_float());
  EXPECT_EQ(body["metrics"][1]["values"].dump(), "[100,102,104]") << "101.5 rounds up";
  EXPECT_EQ(body["metrics"][2]["values"].dump(), "[null,null,8.75]") << "empty windows are null";
  EXPECT_EQ(body["metrics"][2]["alternatives"][0]["values"], speed);
  EXPECT_EQ(body["summaries"][0]["value"], 12.5) << "summaries are not windowed";
  EXPECT_EQ(Difference(WindowGraph(Dom(), 2), body, "graph"), "");
}

TEST_F(HandGraph, AWindowLongerThanTheWorkoutHoldsItAll) {
  const json body = Body(7);
  EXPECT_EQ(body["seconds_since_pedaling_start"], json::array({0}));
  EXPECT_EQ(body["metrics"][0]["values"].dump(), "[4.7]");  // 18.75 / 4 = 4.6875
  EXPECT_EQ(body["metrics"][1]["values"].dump(), "[102]");
  EXPECT_EQ(Difference(WindowGraph(Dom(), 7), body, "graph"), "");
  for (const int every_n : {3, 5}) {
    EXPECT_EQ(Difference(WindowGraph(Dom(), every_n), Body(every_n), "graph"), "") << every_n;
  }
}

TEST(GraphBodyTest, TheIntegrationTestsWorldIsServedAsTheDomPathServedIt) {
  Options options;
  options.workouts = 40;  // what tests/integration's SimTest starts
  const std::set<std::string> kinds = testing::ExpectServedAsTheDomPath(options);
  for (const char* kind : {"cycling", "running", "walking+gps", "caesar", "strength", "yoga",
                           "meditation", "heart rate"}) {
    EXPECT_TRUE(kinds.count(kind)) << "the world has no " << kind << " workout";
  }
}

}  // namespace
}  // namespace pelo::sim
