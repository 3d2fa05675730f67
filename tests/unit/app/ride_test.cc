// One workout in full (LoadRide) and its JSON (RideJson): the same values as the listings, on
// a database synced from the simulator and on hand-made workouts for the cases it lacks.
#include "pelo/app/ride.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pelo/analytics/power_curve.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/analytics/zones.h"
#include "pelo/app/columns.h"
#include "pelo/app/history.h"
#include "pelo/app/json.h"
#include "pelo/app/workspace.h"
#include "pelo/common/time.h"
#include "unit/app/app_fixture.h"

namespace pelo::app {
namespace {

using Json = nlohmann::json;

const std::vector<std::string> kMembers = {
    "workout_id", "date",       "day",   "discipline", "title",       "instructor",
    "is_outdoor", "duration_s", "ftp",   "ride",       "power_zones", "heart_rate_zones",
    "segments",   "samples",    "curve", "gps"};

struct SampleChannel {
  const char* name;
  std::optional<double> model::SampleRow::*member;
};
const SampleChannel kSampleChannels[] = {
    {"output_w", &model::SampleRow::output_w},
    {"cadence_rpm", &model::SampleRow::cadence_rpm},
    {"resistance_pct", &model::SampleRow::resistance_pct},
    {"speed_kph", &model::SampleRow::speed_kph},
    {"heart_rate_bpm", &model::SampleRow::heart_rate_bpm},
    {"incline_pct", &model::SampleRow::incline_pct},
    {"pace_min_per_km", &model::SampleRow::pace_min_per_km},
    {"altitude_m", &model::SampleRow::altitude_m},
    {"stroke_rate_spm", &model::SampleRow::stroke_rate_spm},
    {"split_pace_s_per_500m", &model::SampleRow::split_pace_s_per_500m},
};

// What the encoders' Rounded gives (json_values.h): the value the text must read back as.
Json RoundedValue(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  const double rounded = std::round(*v * 1e4) / 1e4;
  return std::isfinite(rounded) ? Json(rounded) : Json(nullptr);  // nlohmann dumps inf as null
}

std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

// The document's samples against the detail's: t_s first, then exactly the channels with a
// value, as long as t_s, each value reading back as Rounded gives it.
void ExpectSamples(const nlohmann::ordered_json& samples,
                   const std::vector<model::SampleRow>& rows) {
  ASSERT_TRUE(samples.is_object());
  ASSERT_TRUE(samples.contains("t_s"));
  ASSERT_EQ(samples["t_s"].size(), rows.size());
  std::vector<std::string> expected_keys = {"t_s"};
  for (size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(samples["t_s"][i], rows[i].t_s) << i;
  for (const SampleChannel& channel : kSampleChannels) {
    bool any = false;
    for (const model::SampleRow& row : rows) any = any || (row.*channel.member).has_value();
    if (!any) {
      EXPECT_FALSE(samples.contains(channel.name)) << channel.name;
      continue;
    }
    expected_keys.push_back(channel.name);
    const nlohmann::ordered_json& values = samples[channel.name];
    ASSERT_EQ(values.size(), rows.size()) << channel.name;
    for (size_t i = 0; i < rows.size(); ++i) {
      const Json expected = RoundedValue(rows[i].*channel.member);
      if (expected.is_null()) {
        ASSERT_TRUE(values[i].is_null()) << channel.name << " " << i;
      } else {
        ASSERT_EQ(values[i].get<double>(), expected.get<double>()) << channel.name << " " << i;
      }
    }
  }
  EXPECT_EQ(Keys(samples), expected_keys);
}

class RideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Workspace(WorkspaceOptions{}).OpenExistingStore(testing::SyncedDbPath());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  std::unique_ptr<store::Store> store_;
};

TEST_F(RideTest, EveryStoredWorkoutHasTheValuesOfTheListings) {
  auto workouts = ListWorkouts(*store_, DayRange{});
  ASSERT_TRUE(workouts.ok());
  ASSERT_EQ(workouts->size(), 30u);
  auto listings = store_->RideMetricsRows();
  ASSERT_TRUE(listings.ok());
  // `stats rides --json`, by workout.
  const Json rides = Json::parse(RideStatsJson(*listings, false));
  std::map<std::string, Json> ride_of;
  for (const Json& ride : rides) ride_of[ride["workout_id"].get<std::string>()] = ride;
  const std::vector<int> grid = analytics::CurveGrid();

  int with_gps = 0, with_hr_bounds = 0, with_power_zones = 0;
  for (const model::WorkoutRow& row : *workouts) {
    SCOPED_TRACE(row.workout_id);
    auto loaded = LoadRide(*store_, row.workout_id);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ASSERT_TRUE(loaded->has_value());
    const RideDetail& ride = **loaded;
    EXPECT_TRUE(ride.workout == row);

    const std::string text = RideJson(ride, false);
    const auto ordered = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(Keys(ordered), kMembers);
    const Json doc = Json::parse(text);
    EXPECT_EQ(Json::parse(RideJson(ride, true)), doc);  // pretty: the same document
    EXPECT_EQ(doc["workout_id"], row.workout_id);
    EXPECT_EQ(doc["date"], FormatUtcDateTime(*row.start_time));
    EXPECT_EQ(doc["day"], analytics::FormatDay(analytics::RideDay(*row.start_time, row.timezone)));
    EXPECT_EQ(doc["discipline"], row.discipline);
    EXPECT_EQ(doc["title"], row.title);
    EXPECT_EQ(doc["instructor"], row.instructor);
    EXPECT_EQ(doc["duration_s"], *row.duration);

    // `ride` is the `stats rides --json` element of the workout, member for member.
    const auto listed = ride_of.find(row.workout_id);
    if (listed == ride_of.end()) {
      EXPECT_TRUE(doc["ride"].is_null());
    } else {
      EXPECT_EQ(doc["ride"], listed->second);
      EXPECT_EQ(doc["date"], listed->second["date"]);
      EXPECT_EQ(Keys(ordered["ride"]), RideStatsColumns());
    }

    // The FTP in effect, and the power zones at it with the metrics' seconds.
    const std::optional<double> ftp =
        ride.metrics && ride.metrics->metrics.ftp ? ride.metrics->metrics.ftp : row.ftp;
    EXPECT_EQ(ride.ftp, ftp);
    if (!ftp) {
      EXPECT_TRUE(doc["ftp"].is_null());
      EXPECT_EQ(doc["power_zones"], Json::array());
    } else {
      ++with_power_zones;
      EXPECT_EQ(doc["ftp"].get<double>(), RoundedValue(ftp).get<double>());
      ASSERT_EQ(doc["power_zones"].size(), 7u);
      for (size_t z = 0; z < 7; ++z) {
        const Json& zone = doc["power_zones"][z];
        EXPECT_EQ(zone["zone"], z + 1);
        EXPECT_EQ(zone["low_w"].get<double>(),
                  RoundedValue(analytics::kPowerZonePct[z] * *ftp / 100).get<double>());
        if (z < 6) {
          EXPECT_EQ(zone["high_w"], doc["power_zones"][z + 1]["low_w"]);
        } else {
          EXPECT_TRUE(zone["high_w"].is_null());
        }
        const std::string column = "pz" + std::to_string(z + 1) + "_s";
        if (listed != ride_of.end()) {
          EXPECT_EQ(zone["seconds"], listed->second[column]);
        }
      }
    }

    // Heart-rate zones: the seconds of the metrics; bounds of the workout's own zones.
    const Json& hr_zones = doc["heart_rate_zones"];
    EXPECT_TRUE(hr_zones.empty() || hr_zones.size() == 5u);
    for (size_t z = 0; z < hr_zones.size(); ++z) {
      EXPECT_EQ(hr_zones[z]["zone"], z + 1);
      const std::string column = "hrz" + std::to_string(z + 1) + "_s";
      if (listed != ride_of.end()) {
        EXPECT_EQ(hr_zones[z]["seconds"], listed->second[column]);
      }
      if (z > 0 && hr_zones[z]["low_bpm"].is_number()) {
        ++with_hr_bounds;
        EXPECT_GT(hr_zones[z]["low_bpm"], hr_zones[z - 1]["low_bpm"]);
      }
    }

    ASSERT_EQ(doc["segments"].size(), ride.segments.size());
    for (size_t i = 0; i < ride.segments.size(); ++i) {
      EXPECT_EQ(doc["segments"][i]["name"], ride.segments[i].name);
      EXPECT_EQ(doc["segments"][i]["start_s"], ride.segments[i].start_time_offset);
      EXPECT_EQ(doc["segments"][i]["length_s"], ride.segments[i].length);
    }

    ExpectSamples(ordered["samples"], ride.samples);
    EXPECT_FALSE(ride.samples.empty());

    ASSERT_EQ(doc["curve"].size(), ride.curve.size());
    for (size_t i = 0; i < ride.curve.size(); ++i) {
      EXPECT_EQ(doc["curve"][i]["duration_s"], grid[i]);
      EXPECT_EQ(doc["curve"][i]["watts"].get<double>(),
                RoundedValue(ride.curve[i].watts).get<double>());
    }
    if (listed != ride_of.end() && listed->second["mmp_1s"].is_number()) {
      ASSERT_FALSE(ride.curve.empty());
      EXPECT_EQ(ride.curve[0].watts, *ride.metrics->metrics.mmp_1s);  // the same computation
    }

    if (ride.gps.empty()) {
      EXPECT_TRUE(doc["gps"].is_null());
    } else {
      ++with_gps;
      const Json& gps = doc["gps"];
      EXPECT_EQ(Keys(ordered["gps"]), (std::vector<std::string>{"t_s", "latitude", "longitude"}));
      ASSERT_EQ(gps["latitude"].size(), ride.gps.size());
      for (size_t i = 0; i < ride.gps.size(); ++i) {
        ASSERT_EQ(gps["t_s"][i], ride.gps[i].seconds_offset);
        ASSERT_EQ(gps["latitude"][i].get<double>(), ride.gps[i].latitude);  // every digit
        ASSERT_EQ(gps["longitude"][i].get<double>(), ride.gps[i].longitude);
      }
    }
  }
  EXPECT_GT(with_power_zones, 0);
  // What the simulated history has: without them the cases above checked nothing.
  EXPECT_GT(with_gps, 0) << "no outdoor workout in the synced history";
  EXPECT_GT(with_hr_bounds, 0) << "no workout with its own heart-rate zones";
}

TEST_F(RideTest, AnUnknownWorkoutIsNone) {
  auto ride = LoadRide(*store_, "0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(ride.ok()) << ride.status().ToString();
  EXPECT_FALSE(ride->has_value());
}

// A workout stored without metrics, curve, heart rate or GPS, in a store of its own.
TEST(RideAloneTest, WithoutMetricsHeartRateOrGpsThoseAreNullOrEmpty) {
  testing::TempDir dir;
  auto store = store::OpenSqliteStore(dir.path() + "/pelo.db");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store::WorkoutBundle bundle;
  bundle.workout.id = "00000000000000000000000000000abc";
  bundle.workout.fitness_discipline = "cycling";
  bundle.workout.title = "Just Ride";
  bundle.workout.start_time = 1772422200;  // 2026-03-02 03:30:00 UTC, 22:30 on the 1st in NY
  bundle.workout.timezone = "America/New_York";
  bundle.graph.duration = 3;
  bundle.graph.seconds_since_pedaling_start = {0, 1, 2};
  model::Metric output;
  output.slug = "output";
  output.display_unit = "watts";
  output.values = {100, std::nullopt, 300.123456};
  bundle.graph.metrics.push_back(output);
  ASSERT_TRUE((*store)->SaveWorkout(bundle).ok());

  auto loaded = LoadRide(**store, bundle.workout.id);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE(loaded->has_value());
  const RideDetail& ride = **loaded;
  EXPECT_FALSE(ride.ftp.has_value());
  EXPECT_EQ(ride.day, testing::Day("2026-03-01"));
  EXPECT_EQ(RideJson(ride, false),
            R"({"workout_id":"00000000000000000000000000000abc","date":"2026-03-02 03:30:00",)"
            R"("day":"2026-03-01","discipline":"cycling","title":"Just Ride","instructor":"",)"
            R"("is_outdoor":false,"duration_s":3,"ftp":null,"ride":null,"power_zones":[],)"
            R"("heart_rate_zones":[],"segments":[],)"
            R"("samples":{"t_s":[0,1,2],"output_w":[100,null,300.1235]},"curve":[],"gps":null})");
  EXPECT_EQ(RideJson(ride, true),
            "{\n"
            "  \"workout_id\": \"00000000000000000000000000000abc\",\n"
            "  \"date\": \"2026-03-02 03:30:00\",\n"
            "  \"day\": \"2026-03-01\",\n"
            "  \"discipline\": \"cycling\",\n"
            "  \"title\": \"Just Ride\",\n"
            "  \"instructor\": \"\",\n"
            "  \"is_outdoor\": false,\n"
            "  \"duration_s\": 3,\n"
            "  \"ftp\": null,\n"
            "  \"ride\": null,\n"
            "  \"power_zones\": [],\n"
            "  \"heart_rate_zones\": [],\n"
            "  \"segments\": [],\n"
            "  \"samples\": {\n"
            "    \"t_s\": [0, 1, 2],\n"
            "    \"output_w\": [100, null, 300.1235]\n"
            "  },\n"
            "  \"curve\": [],\n"
            "  \"gps\": null\n"
            "}");
}

RideDetail Made() {
  RideDetail ride;
  ride.workout.workout_id = "abc";
  ride.ftp = 250;
  ride.power_zones = {{1, 0, 137.5, 120}, {7, 375, std::nullopt, std::nullopt}};
  ride.heart_rate_zones = {{1, 0, 121, 30.25}, {2, std::nullopt, std::nullopt, 1.0 / 3.0}};
  ride.segments = {{"id1", "Warm \"Up\"", "warmup", "", 0, 300, std::nullopt}};
  ride.curve = {{1, 612}, {2, 600.123456}};
  ride.gps = {{0, 40.712775312345, -74.005972998, {}, {}, "", "", false},
              {1, -33.8688197, 151.2092955, {}, {}, "", "", false}};
  return ride;
}

TEST(RideJsonTest, ZonesSegmentsCurveAndRouteAsTheyAreGiven) {
  const auto doc = nlohmann::ordered_json::parse(RideJson(Made(), false));
  EXPECT_EQ(doc["power_zones"].dump(), R"([{"zone":1,"low_w":0,"high_w":137.5,"seconds":120},)"
                                       R"({"zone":7,"low_w":375,"high_w":null,"seconds":null}])");
  EXPECT_EQ(doc["heart_rate_zones"].dump(),
            R"([{"zone":1,"low_bpm":0,"high_bpm":121,"seconds":30.25},)"
            R"({"zone":2,"low_bpm":null,"high_bpm":null,"seconds":0.3333}])");
  EXPECT_EQ(doc["segments"].dump(),
            R"([{"name":"Warm \"Up\"","icon":"warmup","start_s":0,"length_s":300}])");
  EXPECT_EQ(doc["curve"].dump(),
            R"([{"duration_s":1,"watts":612},{"duration_s":2,"watts":600.1235}])");
  EXPECT_EQ(doc["samples"].dump(), R"({"t_s":[]})");
  // Latitude and longitude keep every digit (4 decimals would be 11 m).
  EXPECT_EQ(doc["gps"]["latitude"][0].get<double>(), 40.712775312345);
  EXPECT_EQ(doc["gps"]["longitude"][0].get<double>(), -74.005972998);
  EXPECT_EQ(doc["gps"]["latitude"][1].get<double>(), -33.8688197);
  EXPECT_EQ(doc["gps"]["t_s"].dump(), "[0,1]");

  // Pretty: the curve a point per line, and still the same document.
  const std::string pretty = RideJson(Made(), true);
  EXPECT_NE(pretty.find("  \"curve\": [\n    {\"duration_s\": 1, \"watts\": 612},\n"
                        "    {\"duration_s\": 2, \"watts\": 600.1235}\n  ],\n"),
            std::string::npos)
      << pretty;
  EXPECT_NE(pretty.find("  \"power_zones\": [\n    {\n      \"zone\": 1,\n"), std::string::npos)
      << pretty;
  EXPECT_EQ(nlohmann::ordered_json::parse(pretty), doc);
}

// The samples are written without a JSON tree: each must still read back as Rounded gives it.
TEST(RideJsonTest, SampleValuesReadBackAsRoundedGivesThem) {
  const std::vector<double> values = {
      0.1 + 0.2, -0.00004,         -0.00005, 0.00005, -1.23456, -0.5,     2.00005,
      1.0 / 3.0, 123456789.123456, 1e20,     -1e300,  1.7e308,  4.9e-324, 899999999999.99994,
      0};
  RideDetail ride;
  for (size_t i = 0; i < values.size(); ++i) {
    model::SampleRow& row = ride.samples.emplace_back();
    row.t_s = static_cast<int64_t>(i);
    row.speed_kph = values[i];
  }
  model::SampleRow& last = ride.samples.emplace_back();
  last.t_s = static_cast<int64_t>(values.size());
  last.speed_kph = std::numeric_limits<double>::quiet_NaN();
  const Json doc = Json::parse(RideJson(ride, false));
  const Json& speeds = doc["samples"]["speed_kph"];
  ASSERT_EQ(speeds.size(), values.size() + 1);
  for (size_t i = 0; i < values.size(); ++i) {
    const Json expected = RoundedValue(values[i]);
    if (expected.is_null()) {
      EXPECT_TRUE(speeds[i].is_null()) << values[i];
    } else {
      EXPECT_EQ(speeds[i].get<double>(), expected.get<double>()) << values[i] << " " << speeds[i];
    }
  }
  EXPECT_TRUE(speeds[values.size()].is_null());  // NaN
  EXPECT_EQ(speeds[4].dump(), "-1.2346");
  EXPECT_EQ(speeds[0].dump(), "0.3");
  EXPECT_EQ(doc["samples"].size(), 2u);  // t_s and the one channel with values
}

}  // namespace
}  // namespace pelo::app
