// The --faults spec parser and the pure (seed, k) -> fault decision.
#include "peloton/sim/faults/faults.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

namespace pelo::sim {
namespace {

TEST(FaultPlanParse, ReadsEveryKindInOrder) {
  auto plan = ParseFaultPlan(
      "429:0.05,500:0.01,502:0.02,503:0.02,reset:0.1,truncate:0.1,html:0.1,invalid-json:0.1,"
      "slow:0.1,html-200:0.05,html-403:0.05,stall:0.05");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->size(), 12u);
  EXPECT_EQ((*plan)[0].kind, FaultKind::k429);
  EXPECT_DOUBLE_EQ((*plan)[0].fraction, 0.05);
  EXPECT_EQ((*plan)[4].kind, FaultKind::kReset);
  EXPECT_EQ((*plan)[7].kind, FaultKind::kInvalidJson);
  EXPECT_EQ((*plan)[8].kind, FaultKind::kSlow);
  EXPECT_EQ((*plan)[9].kind, FaultKind::kHtml200);
  EXPECT_EQ((*plan)[10].kind, FaultKind::kHtml403);
  EXPECT_EQ((*plan)[11].kind, FaultKind::kStall);
  for (const FaultShare& share : *plan) {
    auto again = ParseFaultPlan(std::string(FaultName(share.kind)) + ":0.5");
    ASSERT_TRUE(again.ok()) << FaultName(share.kind);
    EXPECT_EQ((*again)[0].kind, share.kind);
  }
}

TEST(FaultPlanParse, EmptySpecIsNoFaults) {
  auto plan = ParseFaultPlan("");
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->empty());
}

TEST(FaultPlanParse, AcceptsBoundsSpacesAndATotalOfOneWithRounding) {
  EXPECT_TRUE(ParseFaultPlan("429:0").ok());
  EXPECT_TRUE(ParseFaultPlan("429:1").ok());
  EXPECT_TRUE(ParseFaultPlan(" 429 : 0.5 , slow:0.5").ok());
  EXPECT_TRUE(ParseFaultPlan("500:0.1,502:0.2,503:0.7").ok());
  EXPECT_TRUE(ParseFaultPlan("500:.25,503:1e-1").ok());
}

// The error is kInvalidArgument and its message quotes `part`.
void ExpectRejected(const std::string& spec, const std::string& part) {
  auto plan = ParseFaultPlan(spec);
  ASSERT_FALSE(plan.ok()) << spec;
  EXPECT_EQ(plan.status().code(), ErrorCode::kInvalidArgument) << spec;
  EXPECT_NE(plan.status().message().find(part), std::string::npos)
      << spec << ": " << plan.status().message();
}

TEST(FaultPlanParse, RejectsUnknownKinds) {
  ExpectRejected("404:0.1", "404");
  ExpectRejected("429:0.1,timeout:0.2", "timeout");
  ExpectRejected(":0.1", "\":0.1\"");
  ExpectRejected("HTML:0.1", "HTML");
  ExpectRejected("html-500:0.1", "html-500");
  // The error lists what is accepted.
  ExpectRejected("bogus:0.1", "html-200, html-403, invalid-json, slow, stall");
}

TEST(FaultPlanParse, RejectsBadFractions) {
  ExpectRejected("429", "\"429\"");
  ExpectRejected("429:", "\"429:\"");
  ExpectRejected("429:x", "429:x");
  ExpectRejected("429:0.1x", "429:0.1x");
  ExpectRejected("429:-0.1", "429:-0.1");
  ExpectRejected("429:1.5", "429:1.5");
  ExpectRejected("429:nan", "429:nan");
  ExpectRejected("429:inf", "429:inf");
  ExpectRejected("slow:0.1,503:2", "503:2");
}

TEST(FaultPlanParse, RejectsATotalAboveOne) {
  ExpectRejected("429:0.6,503:0.5", "503:0.5");
  ExpectRejected("429:0.6,503:0.4,slow:0.01", "more than 1");
}

TEST(FaultPlanParse, RejectsDuplicatesAndEmptyItems) {
  ExpectRejected("429:0.1,503:0.1,429:0.2", "given twice");
  ExpectRejected("slow:0,slow:0", "slow");
  ExpectRejected("429:0.1,,503:0.1", "empty");
  ExpectRejected("429:0.1,", "empty");
}

TEST(FaultDraw, IsAPureFunctionOfSeedAndK) {
  const FaultPlan plan = *ParseFaultPlan("429:0.2,503:0.2,reset:0.2");
  for (uint64_t k = 0; k < 500; ++k) {
    EXPECT_EQ(DrawFault(plan, 7, k), DrawFault(plan, 7, k));
    EXPECT_EQ(FaultPoint(7, k), FaultPoint(7, k));
  }
}

TEST(FaultDraw, DependsOnTheSeed) {
  const FaultPlan plan = *ParseFaultPlan("429:0.5");
  int differences = 0;
  for (uint64_t k = 0; k < 200; ++k) {
    if (DrawFault(plan, 1, k) != DrawFault(plan, 2, k)) ++differences;
  }
  EXPECT_GT(differences, 50);
}

TEST(FaultDraw, HonoursTheFractions) {
  const FaultPlan plan = *ParseFaultPlan("429:0.05,503:0.2,slow:0.1,truncate:0");
  std::map<std::optional<FaultKind>, int> counts;
  constexpr int kDraws = 10000;
  for (uint64_t k = 0; k < kDraws; ++k) ++counts[DrawFault(plan, 42, k)];
  // Binomial standard deviations here are at most ~48 draws; 4 of them is a safe margin.
  EXPECT_NEAR(counts[FaultKind::k429], 500, 100);
  EXPECT_NEAR(counts[FaultKind::k503], 2000, 200);
  EXPECT_NEAR(counts[FaultKind::kSlow], 1000, 150);
  EXPECT_EQ(counts[FaultKind::kTruncate], 0);
  EXPECT_NEAR(counts[std::nullopt], 6500, 250);
}

TEST(FaultDraw, ZeroNeverFires) {
  const FaultPlan plan = *ParseFaultPlan("html:0,429:0,slow:0.5");
  for (uint64_t k = 0; k < 10000; ++k) {
    const auto fault = DrawFault(plan, 3, k);
    EXPECT_TRUE(!fault || *fault == FaultKind::kSlow) << k;
  }
}

TEST(FaultDraw, OneAlwaysFires) {
  const FaultPlan one = *ParseFaultPlan("reset:1");
  const FaultPlan rounded = *ParseFaultPlan("500:0.1,502:0.2,503:0.7,html:0");
  for (uint64_t k = 0; k < 10000; ++k) {
    EXPECT_EQ(DrawFault(one, 9, k), FaultKind::kReset) << k;
    const auto fault = DrawFault(rounded, 9, k);
    ASSERT_TRUE(fault.has_value()) << k;
    EXPECT_NE(*fault, FaultKind::kHtml);
  }
}

TEST(FaultDraw, ABurstRepeatsEachFiredFaultForTheNextRequests) {
  const FaultPlan plan = *ParseFaultPlan("503:0.02,429:0.01");
  constexpr int kBurst = 6;
  constexpr uint64_t kDraws = 5000;
  int longest = 0;
  int run = 0;
  for (uint64_t k = 0; k < kDraws; ++k) {
    const auto alone = DrawFault(plan, 5, k);
    const auto burst = DrawFault(plan, 5, k, kBurst);
    EXPECT_EQ(burst, DrawFault(plan, 5, k, kBurst)) << k;  // still a pure function
    // A request that draws a fault of its own keeps it, and every fault repeats kBurst - 1
    // more times (until another fires).
    if (alone) {
      EXPECT_EQ(burst, alone) << k;
    }
    for (uint64_t ahead = 1; alone && ahead < kBurst && k + ahead < kDraws; ++ahead) {
      EXPECT_TRUE(DrawFault(plan, 5, k + ahead, kBurst).has_value()) << k << "+" << ahead;
    }
    // Nothing fires without a draw in the last kBurst requests.
    bool drawn = false;
    for (uint64_t back = 0; back < kBurst && back <= k; ++back) {
      drawn = drawn || DrawFault(plan, 5, k - back).has_value();
    }
    EXPECT_EQ(burst.has_value(), drawn) << k;
    run = burst ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  EXPECT_GE(longest, kBurst);
  EXPECT_EQ(DrawFault(plan, 5, 17, 1), DrawFault(plan, 5, 17));
  EXPECT_EQ(DrawFault(plan, 5, 17, 0), DrawFault(plan, 5, 17));  // below 1 counts as 1
}

TEST(FaultDraw, NoPlanNoFault) {
  for (uint64_t k = 0; k < 100; ++k) EXPECT_FALSE(DrawFault({}, 1, k).has_value());
}

TEST(FaultDraw, PointsAreInTheUnitInterval) {
  for (uint64_t k = 0; k < 10000; ++k) {
    const double point = FaultPoint(123, k);
    EXPECT_GE(point, 0.0);
    EXPECT_LT(point, 1.0);
  }
}

}  // namespace
}  // namespace pelo::sim
