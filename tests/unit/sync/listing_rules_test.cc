// The pure rules behind sync's listing: what to fetch, when to stop, and when the watermark
// may move.
#include "sync/listing_rules.h"

#include <gtest/gtest.h>

namespace pelo::sync::internal {
namespace {

model::Workout Entry(const std::string& id, int64_t created, const std::string& discipline = "yoga",
                     const std::string& status = "COMPLETE") {
  model::Workout w;
  w.id = id;
  w.created_at = created;
  w.fitness_discipline = discipline;
  w.status = status;
  return w;
}

TEST(ListingRulesTest, FetchesUnknownCompleteWorkoutsOnly) {
  const std::unordered_set<std::string> known = {"old"};
  ListingRules rules({&known, std::nullopt, false, std::nullopt, std::nullopt, ""});
  EXPECT_EQ(rules.Decide(Entry("new", 100)), EntryAction::kFetch);
  EXPECT_EQ(rules.Decide(Entry("old", 90)), EntryAction::kKnown);
  EXPECT_EQ(rules.Decide(Entry("riding", 110, "cycling", "IN_PROGRESS")), EntryAction::kInProgress);
  // A missing status (the API changes without notice) is treated as complete.
  EXPECT_EQ(rules.Decide(Entry("unsaid", 120, "yoga", "")), EntryAction::kFetch);

  ListingRules full({&known, std::nullopt, true, std::nullopt, std::nullopt, ""});
  EXPECT_EQ(full.Decide(Entry("old", 90)), EntryAction::kFetch);
  ListingRules cycling({&known, std::nullopt, false, std::nullopt, std::nullopt, "cycling"});
  EXPECT_EQ(cycling.Decide(Entry("new", 100, "running")), EntryAction::kFiltered);
  EXPECT_EQ(cycling.Decide(Entry("new", 100, "cycling")), EntryAction::kFetch);
}

TEST(ListingRulesTest, TheWatermarkEndsTheListingAfterThePageThatReachesIt) {
  const std::unordered_set<std::string> known;
  ListingRules rules({&known, 500, false, std::nullopt, std::nullopt, ""});
  EXPECT_TRUE(rules.Wants(Entry("a", 700)));
  EXPECT_FALSE(rules.ReachedWatermark());
  EXPECT_TRUE(rules.Wants(Entry("b", 500)));
  EXPECT_TRUE(rules.ReachedWatermark());
  EXPECT_EQ(rules.newest(), 700);
  EXPECT_TRUE(rules.Unfiltered());

  ListingRules full({&known, 500, true, std::nullopt, std::nullopt, ""});
  EXPECT_TRUE(full.Wants(Entry("b", 400)));
  EXPECT_FALSE(full.ReachedWatermark()) << "--full lists everything";
}

TEST(ListingRulesTest, SinceAndLastCutTheListAndKeepTheWatermarkStill) {
  const std::unordered_set<std::string> known;
  ListingRules since({&known, std::nullopt, false, 300, std::nullopt, ""});
  EXPECT_TRUE(since.Wants(Entry("a", 400)));
  EXPECT_TRUE(since.Wants(Entry("b", 300)));
  EXPECT_FALSE(since.Wants(Entry("c", 299)));
  EXPECT_FALSE(since.Unfiltered());

  ListingRules last({&known, std::nullopt, false, std::nullopt, 2, ""});
  EXPECT_TRUE(last.Wants(Entry("a", 400)));
  EXPECT_TRUE(last.Wants(Entry("b", 300)));
  EXPECT_FALSE(last.Wants(Entry("c", 200)));
  EXPECT_FALSE(last.Unfiltered());
}

TEST(ListingRulesTest, RidesWithoutFtpInfoAndStrengthWorkoutsNeedTheDetail) {
  model::Workout ride = Entry("r", 1, "cycling");
  EXPECT_TRUE(NeedsDetail(ride));
  ride.ftp_info = model::FtpInfo{200.0, "ftp_workout_source", "t"};
  EXPECT_FALSE(NeedsDetail(ride));
  model::Workout bootcamp = Entry("b", 1, "bike_bootcamp");
  bootcamp.has_pedaling_metrics = true;
  EXPECT_TRUE(NeedsDetail(bootcamp));
  EXPECT_FALSE(NeedsDetail(Entry("y", 1, "yoga")));
  EXPECT_FALSE(NeedsDetail(Entry("run", 1, "running")));
  // Tracked movements are in the detail only, whatever else the entry has.
  model::Workout strength = Entry("s", 1, "strength");
  EXPECT_TRUE(NeedsDetail(strength));
  strength.ftp_info = model::FtpInfo{0.0, "", ""};
  EXPECT_TRUE(NeedsDetail(strength));
}

TEST(ListingRulesTest, ClassPlansAreKeptForStrengthClassesOnly) {
  model::Workout strength = Entry("s", 1, "strength");
  EXPECT_EQ(ClassPlanRideId(strength), "") << "no ride";
  strength.ride = model::Ride{};
  EXPECT_EQ(ClassPlanRideId(strength), "") << "a ride without id";
  strength.ride->id = "00000000000000000000000000000000";
  EXPECT_EQ(ClassPlanRideId(strength), "") << "Just Lift: no class";
  strength.ride->id = "146ccb0ac0f149498f1b756924a1de55";
  EXPECT_EQ(ClassPlanRideId(strength), "146ccb0ac0f149498f1b756924a1de55");
  model::Workout ride = Entry("r", 1, "cycling");
  ride.ride = strength.ride;
  EXPECT_EQ(ClassPlanRideId(ride), "");

  EXPECT_FALSE(IsClassRideId(""));
  EXPECT_FALSE(IsClassRideId("0"));
  EXPECT_TRUE(IsClassRideId("0a"));
}

TEST(ListingRulesTest, CreatedAtFallsBackToTheStartTime) {
  model::Workout w;
  EXPECT_FALSE(CreatedAt(w).has_value());
  w.start_time = 42;
  EXPECT_EQ(CreatedAt(w), 42);
  w.created_at = 41;
  EXPECT_EQ(CreatedAt(w), 41);
}

}  // namespace
}  // namespace pelo::sync::internal
