// GET /api/ride/{id}/details bodies of the data set: built on first use from the library's ride
// (the synthetic catalog's class, or a loaded workout's ride and its graph's segments), then kept.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/world/catalog.h"
#include "peloton/sim/world/data_set.h"

namespace pelo::sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(RideDetails, SyntheticOnesAreTheCatalogClassesAroundTheLibrarysRide) {
  Options options;
  options.workouts = 12;
  auto data = BuildSyntheticDataSet(options);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const Catalog catalog = BuildCatalog();
  ASSERT_EQ((*data)->rides.size(), catalog.classes.size()) << "the library has every class";
  for (const RideClass& ride : catalog.classes) {
    const auto details = (*data)->RideDetails(ride.id);
    ASSERT_NE(details, nullptr) << ride.id;
    EXPECT_EQ((*details)["ride"], (*data)->rides.at(ride.id));
    EXPECT_EQ((*details)["ride"]["id"], ride.id);
    EXPECT_TRUE((*details)["ride"]["instructor"].is_object()) << ride.id;
    // The graph's segment list, with each segment's movement plan in a strength class's.
    json segments = (*details)["segments"]["segment_list"];
    EXPECT_EQ(segments, PlannedSegmentListJson(ride)) << ride.id;
    for (auto& segment : segments) {
      EXPECT_EQ(segment.contains("subsegments_v2"), ride.discipline == kStrength) << ride.id;
      segment.erase("subsegments_v2");
    }
    EXPECT_EQ(segments, SegmentListJson(ride)) << ride.id;
    EXPECT_EQ((*details)["is_ftp_test"], ride.is_ftp_test) << ride.id;
    EXPECT_EQ((*data)->RideDetails(ride.id), details) << "kept, not built again";
  }
  EXPECT_EQ((*data)->RideDetails("no-such-ride"), nullptr);
}

TEST(RideDetails, LoadedOnesAreTheRecordedRideWithItsGraphsSegments) {
  const fs::path source =
      fs::path(PELO_SHARED_DIR) /
      "fixtures/peloton/peloton-to-garmin/src/UnitTests/Data/SyncMyWorkout01.json";
  const fs::path dir =
      fs::temp_directory_path() / ("pelo_sim_ride_details_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(source, dir / "workout.json", fs::copy_options::overwrite_existing);
  Options options;
  options.workouts_from = dir.string();
  auto data = LoadDataSetFromDir(options);
  fs::remove_all(dir);
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  ASSERT_EQ((*data)->workouts.size(), 1u);
  const json recorded_ride = (*data)->workouts[0].detail["ride"];
  const std::string id = recorded_ride["id"].get<std::string>();
  ASSERT_EQ((*data)->rides.size(), 1u);
  const auto details = (*data)->RideDetails(id);
  ASSERT_NE(details, nullptr);
  EXPECT_EQ((*details)["ride"], recorded_ride);
  const json segments = (*data)->workouts[0].graph()["segment_list"];
  EXPECT_EQ(segments.size(), 3u);
  EXPECT_EQ((*details)["segments"]["segment_list"], segments);
  EXPECT_EQ((*details)["instructor_cues"], json::array());
  EXPECT_TRUE((*details)["playlist"].is_null());
  EXPECT_EQ((*data)->RideDetails(id), details);
  EXPECT_EQ((*data)->RideDetails("no-such-ride"), nullptr);
}

}  // namespace
}  // namespace pelo::sim
