// The performance_graph bodies and metrics the data set serves, against the DOM path
// (graph_oracle.h) for every workout of the integration tests' world; the other worlds the tests
// use are in graph_body_worlds_test.cc.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "graph_oracle.h"

namespace pelo::sim {
namespace {

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
