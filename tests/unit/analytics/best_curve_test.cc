// The curve over stored ride curves (BestCurve) and the ride day helpers (RideDay, FormatDay,
// ParseDay).
#include "pelo/analytics/best_curve.h"

#include <gtest/gtest.h>

#include "pelo/analytics/power_curve.h"
#include "pelo/analytics/ride_day.h"

namespace pelo::analytics {
namespace {

TEST(BestCurveTest, TheBestRideAtEachDurationWithTheEarliestOnATie) {
  BestCurve best;
  best.Add({300, 250, 200}, 1);       // ride 0: 3 s long
  best.Add({280, 260}, 1);            // ride 1: better at 2 s
  best.Add({300, 250, 200, 150}, 5);  // ride 2: ties ride 0, then reaches 4 s
  ASSERT_EQ(best.rides(), 3u);
  const std::vector<BestCurvePoint> points = best.Points();
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0].duration_s, 1);
  EXPECT_EQ(points[0].watts, 300);
  EXPECT_EQ(points[0].ride, 0u);  // the tie stays with the earlier ride
  EXPECT_FALSE(points[0].resolution_limited);
  EXPECT_EQ(points[1].watts, 260);
  EXPECT_EQ(points[1].ride, 1u);
  EXPECT_EQ(points[2].ride, 0u);
  EXPECT_EQ(points[3].duration_s, 4);
  EXPECT_EQ(points[3].ride, 2u);
  EXPECT_TRUE(points[3].resolution_limited);  // 4 s < every_n 5: a lower bound
}

TEST(BestCurveTest, EqualsTheMaxOfRideCurvesOnTheGrid) {
  const std::vector<int> grid = CurveGrid();
  std::vector<std::vector<double>> rides;
  for (int r = 0; r < 4; ++r) {
    std::vector<double> p;
    for (int i = 0; i < 400 + 500 * r; ++i) p.push_back((i * (7 + r)) % 313 + r);
    rides.push_back(p);
  }
  BestCurve best;
  for (const auto& p : rides) {
    std::vector<double> curve;
    for (const auto& w : RideCurve(p, grid)) {
      if (!w) break;
      curve.push_back(*w);
    }
    best.Add(curve, 1);
  }
  const std::vector<CurvePoint> expected = AllHistoryCurve(rides, grid);
  const std::vector<BestCurvePoint> points = best.Points();
  ASSERT_EQ(points.size(), expected.size());
  for (size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].duration_s, expected[i].duration_s);
    EXPECT_EQ(points[i].watts, expected[i].watts) << expected[i].duration_s;
    EXPECT_EQ(points[i].ride, expected[i].ride_index) << expected[i].duration_s;
  }
  EXPECT_TRUE(BestCurve().Points().empty());
}

TEST(RideDayTest, TheLocalDateAndDatesAsText) {
  EXPECT_EQ(RideDay(0, "UTC"), 0);
  EXPECT_EQ(RideDay(86399, "America/New_York"), 0);  // 18:59 on 1970-01-01 in New York
  EXPECT_EQ(RideDay(86400, "America/New_York"), 0);  // still the 1st there, the 2nd in UTC
  EXPECT_EQ(RideDay(86400, "Nowhere/Nope"), 1);      // an unknown zone: the UTC date
  EXPECT_EQ(RideDay(86400, ""), 1);
  EXPECT_EQ(RideDay(-1, ""), -1);
  EXPECT_EQ(RideDay(1605667034, ""), DayFromCivil(2020, 11, 18));
  EXPECT_EQ(FormatDay(DayFromCivil(2026, 3, 9)), "2026-03-09");
  EXPECT_EQ(FormatDay(-1), "1969-12-31");
  EXPECT_EQ(ParseDay("2026-03-09"), DayFromCivil(2026, 3, 9));
  EXPECT_EQ(ParseDay("2024-02-29"), DayFromCivil(2024, 2, 29));
  for (const char* bad : {"", "2026-3-9", "2026-02-30", "2026-13-01", "20260309", "2026-03-09x",
                          "2026/03/09", "yesterday", "2026-03-0a"}) {
    EXPECT_FALSE(ParseDay(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace pelo::analytics
