// One fault kind alone, at a fraction of every /api request, against a whole sync: each is
// retried through and the database ends exactly as a clean sync's (same rows, same content).
#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <string>

#include "integration/sync_fault_fixture.h"

namespace pelo::testing {
namespace {

constexpr int kFaultKindWorkouts = 30;

struct KindCase {
  const char* kind;
  double fraction;
};

// How ctest and gtest name a case: "stall:0.25".
void PrintTo(const KindCase& c, std::ostream* out) { *out << c.kind << ":" << c.fraction; }

class SyncFaultKindTest : public SyncFaultsFixture,
                          public ::testing::WithParamInterface<KindCase> {};

TEST_P(SyncFaultKindTest, AloneAtAFractionStillEndsInTheCompleteDatabase) {
  const Digest reference = CleanDigest(kFaultKindWorkouts);
  const KindCase& c = GetParam();
  sim::Options faulty;
  faulty.workouts = kFaultKindWorkouts;
  faulty.faults = std::string(c.kind) + ":" + std::to_string(c.fraction);
  // For stall: the test's transport gives up after 1 s, the simulator answers after 2.5 s. The
  // timeout must also exceed an unstalled answer on a loaded machine: under TSan with three
  // other test processes on two cores, 300 ms was too short for the first page of the listing.
  faulty.stall_ms = 2500;
  transport_options_.request_timeout = std::chrono::milliseconds(1000);
  // One worker: the requests come one after another, so which gets a fault is the same every
  // run (the simulator numbers them), and so is the outcome.
  const sync::SyncResult report = SyncFrom(faulty, db_path_, 1);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.failed, 0);
  EXPECT_EQ(report.stored_total, kFaultKindWorkouts);
  EXPECT_GE(Faulted(c.kind), 5) << "the faults must actually have been served";
  EXPECT_EQ(DigestTables(db_path_), reference);
  EXPECT_EQ(IntegrityCheck(db_path_), "ok");
}

// "Kind_invalid_json": test names take no '-'.
std::string KindName(const ::testing::TestParamInfo<KindCase>& param_info) {
  std::string name = param_info.param.kind;
  for (char& c : name) c = c == '-' ? '_' : c;
  return "Kind_" + name;
}

INSTANTIATE_TEST_SUITE_P(Kinds, SyncFaultKindTest,
                         ::testing::Values(KindCase{"truncate", 0.15},
                                           KindCase{"invalid-json", 0.15}, KindCase{"reset", 0.3},
                                           KindCase{"html", 0.3}, KindCase{"html-200", 0.3},
                                           KindCase{"html-403", 0.2}, KindCase{"500", 0.3},
                                           KindCase{"502", 0.3}, KindCase{"stall", 0.15}),
                         KindName);

}  // namespace
}  // namespace pelo::testing
