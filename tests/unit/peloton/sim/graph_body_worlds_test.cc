// The graph bodies and metrics of every workout of the synthetic worlds the tests use, against
// the DOM path that served them before (graph_oracle.h): the default world (pelo-sim and the CLI
// tests), the unit tests' 60 and 120, and other seeds. Minutes under the sanitizers, which add
// nothing here that the integration tests' world in graph_body_test.cc does not, hence its
// release-only binary.
#include <gtest/gtest.h>

#include <string>

#include "graph_oracle.h"

namespace pelo::sim {
namespace {

struct World {
  uint64_t seed;
  int workouts;
};

constexpr World kWorlds[] = {{1, 300}, {1, 120}, {1, 60}, {2, 60}, {3, 60}, {7, 60}};

class GraphBodyWorldTest : public ::testing::TestWithParam<World> {};

TEST_P(GraphBodyWorldTest, ServedAsTheDomPathServedIt) {
  Options options;
  options.seed = GetParam().seed;
  options.workouts = GetParam().workouts;
  const auto kinds = testing::ExpectServedAsTheDomPath(options);
  EXPECT_TRUE(kinds.count("walking+gps")) << "each world has an outdoor walk";
  EXPECT_TRUE(kinds.count("running+gps")) << "and outdoor runs";
}

INSTANTIATE_TEST_SUITE_P(Worlds, GraphBodyWorldTest, ::testing::ValuesIn(kWorlds),
                         [](const ::testing::TestParamInfo<World>& world) {
                           return "Seed" + std::to_string(world.param.seed) + "With" +
                                  std::to_string(world.param.workouts);
                         });

}  // namespace
}  // namespace pelo::sim
