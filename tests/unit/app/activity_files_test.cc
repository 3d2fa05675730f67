// Every workout of a database synced from the simulator (every discipline it has) exported as
// FIT, TCX and GPX through ExportActivities, then read back by other programs and compared with
// the database: Garmin's own FIT decoder (@garmin/fitsdk under node), xmllint against the
// published schemas, and gpsbabel as a second reader of all three.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pelo/app/activity.h"
#include "pelo/app/activity_export.h"
#include "pelo/app/ride.h"
#include "pelo/app/workspace.h"
#include "pelo/export/fit.h"
#include "pelo/export/fit_exercises.h"
#include "pelo/export/fit_writer.h"
#include "peloton/sim/world/movements.h"
#include "unit/app/app_fixture.h"
#include "unit/export/tool_run.h"

namespace pelo::app {
namespace {

namespace fs = std::filesystem;
using exporter::testing::RunTool;
using exporter::testing::ToolRun;

bool Runnable(const std::string& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

// The value a one-byte (uint8) or two-byte (uint16) FIT field holds for `v`: rounded, nullopt
// when absent or out of [min, max] (the writer drops those; a heart rate of 0 is no reading).
std::optional<int64_t> FitWhole(std::optional<double> v, double max, double min = 0) {
  if (!v || !std::isfinite(*v)) return std::nullopt;
  const auto r = static_cast<int64_t>(std::llround(*v));
  if (static_cast<double>(r) < min || static_cast<double>(r) > max) return std::nullopt;
  return r;
}

// The activity's time axis holds every stored sample and every second of the route.
void ExpectSamplesAndRouteSeconds(const RideDetail& ride, const exporter::Activity& a) {
  std::set<int64_t> seconds;
  for (const model::SampleRow& s : ride.samples) seconds.insert(s.t_s);
  for (const model::GpsPoint& p : ride.gps) seconds.insert(p.seconds_offset);
  std::set<int64_t> axis;
  for (const model::SampleRow& s : a.samples) axis.insert(s.t_s);
  EXPECT_EQ(axis, seconds);
  EXPECT_EQ(axis.size(), a.samples.size());
}

// All three formats of every stored workout of one database ("simulator": SyncedDbPath, every
// discipline the simulator makes; "fixtures": FixtureDbPath, the captured real workouts), written
// once per database for the suite.
class ActivityFilesTest : public ::testing::TestWithParam<std::string> {
 protected:
  struct Exported {
    testing::TempDir dir;
    ActivityExportResult fit, tcx, gpx;
    std::map<std::string, RideDetail> rides;  // by workout id
  };

  void SetUp() override {
    const std::string& db =
        GetParam() == "fixtures" ? testing::FixtureDbPath() : testing::SyncedDbPath();
    static std::map<std::string, std::unique_ptr<Exported>> by_db;
    std::unique_ptr<Exported>& slot = by_db[db];
    if (!slot) slot = ExportAll(db);
    exported_ = slot.get();
    ASSERT_NE(exported_, nullptr);
  }

  static std::unique_ptr<Exported> ExportAll(const std::string& db) {
    auto exported = std::make_unique<Exported>();
    auto store = Workspace(WorkspaceOptions{}).OpenExistingStore(db);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return nullptr;
    for (auto [format, result] : {std::pair{ActivityFormat::kFit, &exported->fit},
                                  {ActivityFormat::kTcx, &exported->tcx},
                                  {ActivityFormat::kGpx, &exported->gpx}}) {
      ActivityExportRequest request;
      request.format = format;
      request.dir = exported->dir.path() + "/" + std::string(ActivityFormatExtension(format));
      auto written = ExportActivities(**store, request);
      EXPECT_TRUE(written.ok()) << written.status().ToString();
      if (!written.ok()) return nullptr;
      *result = std::move(*written);
    }
    auto rows = (*store)->WorkoutRows();
    EXPECT_TRUE(rows.ok());
    if (!rows.ok()) return nullptr;
    for (const model::WorkoutRow& row : *rows) {
      auto ride = LoadRide(**store, row.workout_id);
      EXPECT_TRUE(ride.ok() && ride->has_value());
      if (ride.ok() && ride->has_value()) {
        exported->rides.emplace(row.workout_id, std::move(**ride));
      }
    }
    return exported;
  }

  const RideDetail& Ride(const ExportedFile& file) const {
    return exported_->rides.at(file.workout_ids.front());
  }

  // The points gpsbabel reads from `path` as `format` (its unicsv rows), with their columns.
  std::vector<std::map<std::string, std::string>> Gpsbabel(const std::string& format,
                                                           const std::string& path) const {
    const ToolRun run =
        RunTool({PELO_GPSBABEL, "-t", "-i", format, "-f", path, "-o", "unicsv", "-F", "-"},
                exported_->dir.path());
    EXPECT_EQ(run.exit_code, 0) << path << ": " << run.err;
    std::vector<std::map<std::string, std::string>> rows;
    std::istringstream lines(run.out);
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& text) {
      std::vector<std::string> cells;
      std::istringstream in(text);
      for (std::string cell; std::getline(in, cell, ',');) {
        if (!cell.empty() && cell.back() == '\r') cell.pop_back();
        cells.push_back(cell);
      }
      return cells;
    };
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      if (header.empty()) {
        header = split(line);
        continue;
      }
      const std::vector<std::string> cells = split(line);
      auto& row = rows.emplace_back();
      for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    }
    return rows;
  }

  const Exported* exported_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Databases, ActivityFilesTest,
                         ::testing::Values(std::string("simulator"), std::string("fixtures")));

TEST_P(ActivityFilesTest, EveryDisciplineIsWrittenOrSkippedWithItsReason) {
  std::map<std::string, int> written;  // by discipline
  for (const ExportedFile& f : exported_->fit.written) written[Ride(f).workout.discipline] += 1;
  EXPECT_GE(written.size(), 4u);
  for (const auto& result : {&exported_->fit, &exported_->tcx}) {
    for (const SkippedWorkout& s : result->skipped) {
      const RideDetail& ride = exported_->rides.at(s.workout_ids.front());
      EXPECT_TRUE(ride.samples.empty()) << s.workout_ids.front() << ": " << s.reason;
      EXPECT_EQ(s.reason, "no samples");
    }
  }
  for (const ExportedFile& f : exported_->gpx.written) EXPECT_FALSE(Ride(f).gps.empty());
  for (const SkippedWorkout& s : exported_->gpx.skipped) {
    EXPECT_TRUE(exported_->rides.at(s.workout_ids.front()).gps.empty()) << s.reason;
  }
}

TEST_P(ActivityFilesTest, GarminsDecoderReadsEveryFitFileAsTheDatabaseHasIt) {
  ASSERT_TRUE(Runnable(PELO_NODE)) << "node not found: run `bash scripts/install-deps.sh --tests`";
  std::vector<std::string> argv = {PELO_NODE, PELO_SOURCE_DIR "/web/tools/fit-decode.mjs"};
  for (const ExportedFile& f : exported_->fit.written) argv.push_back(f.path);
  ASSERT_GT(argv.size(), 2u);
  const ToolRun run = RunTool(argv, exported_->dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::string line;
  for (const ExportedFile& f : exported_->fit.written) {
    ASSERT_TRUE(std::getline(lines, line)) << f.path;
    SCOPED_TRACE(f.path);
    const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    EXPECT_EQ(doc["integrity"], true);
    ASSERT_EQ(doc["errors"], nlohmann::json::array()) << doc["errors"].dump();
    const nlohmann::json& m = doc["messages"];
    const RideDetail& ride = Ride(f);
    const exporter::Activity a = BuildActivity(ride, {});

    const nlohmann::json& records = m["recordMesgs"];
    ExpectSamplesAndRouteSeconds(ride, a);
    ASSERT_EQ(records.size(), a.samples.size());
    std::map<int64_t, const model::GpsPoint*> gps;
    for (const model::GpsPoint& p : ride.gps) gps.emplace(p.seconds_offset, &p);
    for (size_t i = 0; i < records.size(); ++i) {
      const model::SampleRow& s = a.samples[i];
      const nlohmann::json& r = records[i];
      SCOPED_TRACE("record " + std::to_string(i));
      ASSERT_EQ(r["timestamp"], exporter::fit::FitTimestamp(a.start_time + s.t_s));
      auto expect_field = [&r](const char* key, std::optional<int64_t> want) {
        if (want) {
          EXPECT_EQ(r.value(key, nlohmann::json()), *want) << key;
        } else {
          EXPECT_FALSE(r.contains(key)) << key << " " << r[key].dump();
        }
      };
      expect_field("power", FitWhole(s.output_w, 65534));
      expect_field("heartRate", FitWhole(s.heart_rate_bpm, 254, 1));
      expect_field("cadence",
                   FitWhole(a.discipline == "caesar" ? s.stroke_rate_spm : s.cadence_rpm, 254));
      const auto point = gps.find(s.t_s);
      if (point != gps.end()) {
        EXPECT_EQ(r["positionLat"], *exporter::fit::Semicircles(point->second->latitude));
        EXPECT_EQ(r["positionLong"], *exporter::fit::Semicircles(point->second->longitude));
      } else {
        EXPECT_FALSE(r.contains("positionLat"));
      }
    }
    const std::vector<double> distance = exporter::CumulativeDistanceM(a);
    if (!records.empty() && distance.back() > 0) {
      EXPECT_EQ(records.back()["distance"], *exporter::fit::DistanceM(distance.back()));
    }
    ASSERT_EQ(m["sessionMesgs"].size(), 1u);
    const nlohmann::json& session = m["sessionMesgs"][0];
    if (a.distance_km && distance.back() > 0) {
      EXPECT_EQ(session["totalDistance"], *exporter::fit::DistanceM(*a.distance_km * 1000));
    }
    if (const auto kcal = FitWhole(a.calories_kcal, 65534)) {
      EXPECT_EQ(session["totalCalories"], *kcal);
    }
    if (a.ftp_w) {
      EXPECT_EQ(session["thresholdPower"], std::llround(*a.ftp_w));
    }
    EXPECT_EQ(m["activityMesgs"].size(), 1u);
    if (a.sets.empty()) {
      EXPECT_EQ(m["lapMesgs"].size(), std::max<size_t>(1, a.laps.size()));
      continue;
    }
    // Strength: a set per tracked movement (or per step of the class plan), and a lap per set.
    const nlohmann::json& sets = m["setMesgs"];
    ASSERT_EQ(sets.size(), a.sets.size());
    EXPECT_EQ(m["lapMesgs"].size(), a.sets.size());
    for (size_t i = 0; i < sets.size(); ++i) {
      const exporter::StrengthSet& want = a.sets[i];
      const nlohmann::json& set = sets[i];
      SCOPED_TRACE("set " + std::to_string(i) + " " + want.movement_name);
      EXPECT_EQ(set["setType"], want.rest ? 0 : 1);
      EXPECT_EQ(set["startTime"], exporter::fit::FitTimestamp(a.start_time + want.start_s));
      EXPECT_EQ(set["duration"], want.duration_s * 1000);
      if (want.repetitions) {
        EXPECT_EQ(set["repetitions"], *want.repetitions);
      } else {
        EXPECT_FALSE(set.contains("repetitions"));
      }
      if (want.weight_kg) {
        EXPECT_EQ(set["weight"], *exporter::fit::SetWeightKg(want.weight_kg));
      }
      if (!want.rest) {
        // Every movement the simulator and the captures have maps to a FIT exercise.
        const auto exercise = exporter::FitExerciseFor(want.movement_name);
        ASSERT_TRUE(exercise) << want.movement_name << " has no FIT exercise";
        EXPECT_EQ(set["category"][0], exercise->category);
      }
    }
  }
}

TEST_P(ActivityFilesTest, GpsbabelReadsEveryFitRecordWithItsHeartRateCadenceAndPower) {
  ASSERT_TRUE(Runnable(PELO_GPSBABEL))
      << "gpsbabel not found: run `bash scripts/install-deps.sh --tests`";
  ASSERT_FALSE(exported_->fit.written.empty());
  for (const ExportedFile& f : exported_->fit.written) {
    SCOPED_TRACE(f.path);
    const RideDetail& ride = Ride(f);
    const exporter::Activity a = BuildActivity(ride, {});
    const auto rows = Gpsbabel("garmin_fit,allpoints=1", f.path);
    ASSERT_EQ(rows.size(), a.samples.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      const model::SampleRow& s = a.samples[i];
      auto expect_column = [&](const char* column, std::optional<int64_t> want) {
        // gpsbabel writes "82.0": compared as numbers, an empty cell as none.
        const auto cell = rows[i].find(column);
        const std::string text = cell == rows[i].end() ? "" : cell->second;
        const std::optional<double> got =
            text.empty() ? std::nullopt : std::optional<double>(std::stod(text));
        // gpsbabel keeps 0 W and 0 rpm as "none" (its unset value), so prints them empty.
        const std::optional<double> expected =
            want && *want != 0 ? std::optional<double>(static_cast<double>(*want)) : std::nullopt;
        EXPECT_EQ(got, expected) << column << " at " << i << ": \"" << text << "\"";
      };
      expect_column("Heartrate", FitWhole(s.heart_rate_bpm, 254, 1));
      expect_column("Power", FitWhole(s.output_w, 65534));
      if (ride.workout.discipline != "caesar") {
        expect_column("Cadence", FitWhole(s.cadence_rpm, 254));
      }
    }
  }
}

TEST_P(ActivityFilesTest, TcxAndGpxFilesAreValidAndCarryEveryStoredGpsPoint) {
  ASSERT_TRUE(Runnable(PELO_XMLLINT)) << "xmllint not found: run `bash scripts/install-deps.sh "
                                         "--tests`";
  ASSERT_TRUE(Runnable(PELO_GPSBABEL))
      << "gpsbabel not found: run `bash scripts/install-deps.sh --tests`";
  for (const auto& [result, schema, reader] :
       {std::tuple{&exported_->tcx, "tcx.xsd", "gtrnctr"}, {&exported_->gpx, "gpx.xsd", "gpx"}}) {
    std::vector<std::string> argv = {PELO_XMLLINT, "--noout", "--nonet", "--schema",
                                     std::string(PELO_SHARED_DIR "/schemas/") + schema};
    for (const ExportedFile& f : result->written) argv.push_back(f.path);
    const ToolRun lint = RunTool(argv, exported_->dir.path());
    EXPECT_EQ(lint.exit_code, 0) << lint.err.substr(0, 2000);
    for (const ExportedFile& f : result->written) {
      const size_t points = Gpsbabel(reader, f.path).size();
      EXPECT_EQ(points, Ride(f).gps.size()) << f.path;
    }
  }
}

TEST_P(ActivityFilesTest, AStackOfTwoWorkoutsIsOneActivityWithALapPerClass) {
  ASSERT_TRUE(Runnable(PELO_NODE)) << "node not found: run `bash scripts/install-deps.sh --tests`";
  // The two longest workouts with samples, the second moved to start 2 minutes after the first
  // ends (as if taken back to back).
  std::vector<const RideDetail*> rides;
  for (const auto& [id, ride] : exported_->rides) {
    if (!ride.samples.empty() && ride.workout.start_time) rides.push_back(&ride);
  }
  ASSERT_GE(rides.size(), 2u);
  std::sort(rides.begin(), rides.end(), [](const RideDetail* a, const RideDetail* b) {
    return a->samples.size() > b->samples.size();
  });
  exporter::Activity first = BuildActivity(*rides[0], {});
  exporter::Activity second = BuildActivity(*rides[1], {});
  second.start_time = first.start_time + first.samples.back().t_s + 120;
  const size_t records = first.samples.size() + second.samples.size();
  const exporter::Activity stacked = StackActivities({first, second});
  auto bytes = exporter::FitFile(stacked);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  const std::string path = exported_->dir.path() + "/stacked.fit";
  std::ofstream(path, std::ios::binary) << *bytes;
  const ToolRun run = RunTool({PELO_NODE, PELO_SOURCE_DIR "/web/tools/fit-decode.mjs", path},
                              exported_->dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["integrity"], true);
  ASSERT_EQ(doc["errors"], nlohmann::json::array());
  const nlohmann::json& m = doc["messages"];
  EXPECT_EQ(m["recordMesgs"].size(), records);
  ASSERT_EQ(m["lapMesgs"].size(), 2u);
  EXPECT_EQ(m["lapMesgs"][1]["startTime"],
            exporter::fit::FitTimestamp(second.start_time +
                                        std::min<int64_t>(0, second.samples.front().t_s)));
  ASSERT_EQ(m["sessionMesgs"].size(), 1u);
  EXPECT_EQ(m["sessionMesgs"][0]["numLaps"], 2);
  EXPECT_EQ(m["activityMesgs"].size(), 1u);
}

TEST(ActivityFitExercises, EveryMovementOfTheSimulatorAndTheCapturesMapsToAFitExercise) {
  for (const sim::MovementSpec& m : sim::kMovements) {
    if (exporter::IsRestMovement(m.name)) continue;
    EXPECT_TRUE(exporter::FitExerciseFor(m.name)) << m.name;
  }
  // The captured strength workouts' movements (peer projections of real workouts).
  for (const char* name : {"Wide Grip Overhead Press", "Push Up", "Roll Up", "Hollow Rock",
                           "Shoulder Tap", "Hollow Hold"}) {
    EXPECT_TRUE(exporter::FitExerciseFor(name)) << name;
  }
}

}  // namespace
}  // namespace pelo::app
