// The dashboard's routes without HTTP, over a database synced from the simulator: each workout
// route answers as the CLI's query and encoder do, and anything that is not a stored workout's
// id is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pelo/app/json.h"
#include "pelo/app/ride.h"
#include "pelo/dashboard/dashboard.h"
#include "pelo/store/store.h"
#include "unit/app/app_fixture.h"

namespace pelo::dashboard {
namespace {

using app::testing::SyncedDbPath;

std::string SomeRideId() {
  auto store = store::OpenSqliteStoreReadOnly(SyncedDbPath());
  EXPECT_TRUE(store.ok());
  auto rows = (*store)->RideMetricsRows();
  EXPECT_TRUE(rows.ok() && !rows->empty());
  return rows->front().metrics.workout_id;
}

TEST(DashboardRoutes, AWorkoutsJsonIsStatsRides) {
  const std::string id = SomeRideId();
  auto store = store::OpenSqliteStoreReadOnly(SyncedDbPath());
  ASSERT_TRUE(store.ok());
  auto ride = app::LoadRide(**store, id);
  ASSERT_TRUE(ride.ok() && *ride);
  const Response answer = Answer("/api/workouts/" + id, {}, SyncedDbPath());
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(answer.body, app::RideJson(**ride, false));
}

TEST(DashboardRoutes, AWorkoutsPageHoldsItsDataAndTheAllTimeCurve) {
  const std::string id = SomeRideId();
  const Response page = Answer("/workouts/" + id, {}, SyncedDbPath());
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("\"workout_id\":\"" + id + "\""), std::string::npos);
  EXPECT_NE(page.body.find("\"curve_all_time\":["), std::string::npos);
  EXPECT_NE(page.body.find("\"links\":{\"workout\":\"/workouts/\"}"), std::string::npos);
  const Response list = Answer("/workouts", {}, SyncedDbPath());
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("\"workout_id\":\"" + id + "\""), std::string::npos);
}

TEST(DashboardRoutes, OnlyAStoredWorkoutsIdIsAnswered) {
  for (const std::string& path : std::vector<std::string>{
           "/workouts/", "/workouts/..", "/workouts/../pelo.db", "/api/workouts/%2e%2e",
           "/workouts/ABCDEF", "/workouts/" + std::string(65, 'a'), "/workouts/abc/def",
           "/api/workouts/" + std::string(32, 'f'), "/workouts/" + std::string(32, '0')}) {
    const Response answer = Answer(path, {}, SyncedDbPath());
    EXPECT_EQ(answer.status, 404) << path;
    EXPECT_NE(nlohmann::json::parse(answer.body).value("error", ""), "") << path;
  }
  const Response param =
      Answer("/api/workouts/" + SomeRideId(), {{"samples", "all"}}, SyncedDbPath());
  EXPECT_EQ(param.status, 400);
  EXPECT_NE(param.body.find("samples"), std::string::npos);
}

}  // namespace
}  // namespace pelo::dashboard
