// Stored ride curves and the metrics refresh end to end (pelo-sim over HTTP, real SQLite): curves
// equal RideCurve of the archived series and survive a rebuild; a ride without ftp_info takes its
// FTP from the FTP tests stored before it (§3.1); rows of an older metric version, and all rows
// after a change of athlete settings, are computed again from the archive.
#include "pelo/sync/refresh.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "integration/sim_fixture.h"
#include "pelo/analytics/ftp.h"
#include "pelo/analytics/power_curve.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/analytics/series.h"
#include "pelo/peloton/api/parse.h"
#include "pelo/sync/archive_key.h"
#include "pelo/sync/rebuild.h"
#include "pelo/sync/sync.h"
#include "support/db_digest.h"
#include "support/sql_exec.h"

namespace pelo {
namespace {

using testing::DigestTables;
using testing::ExecSql;

using Curves = std::map<std::string, model::RideCurveListing>;
using Rows = std::map<std::string, model::RideMetricsListing>;

// What a comparison of two states looks at: every metric, every curve point with its ride's
// start, zone and every_n.
std::map<std::string, model::RideMetricsRow> Metrics(const Rows& rows) {
  std::map<std::string, model::RideMetricsRow> metrics;
  for (const auto& [id, listing] : rows) metrics[id] = listing.metrics;
  return metrics;
}

std::map<std::string, std::string> Fingerprints(const Curves& curves) {
  std::map<std::string, std::string> out;
  for (const auto& [id, c] : curves) {
    std::string text = std::to_string(c.start_time.value_or(-1)) + " " + c.timezone + " " +
                       std::to_string(c.every_n);
    for (double w : c.watts) text += " " + nlohmann::json(w).dump();  // round-trip exact
    out[id] = text;
  }
  return out;
}

class RideRefreshTest : public testing::SimTest {
 protected:
  void SyncHistory(int workouts, int every_n) {
    sim::Options o;
    o.workouts = workouts;
    StartSignedIn(o);
    if (HasFatalFailure()) return;
    auto store = store::OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    every_n_ = every_n;
    sync::SyncResult report = Sync();
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    ASSERT_EQ(report.stored_total, workouts);
  }

  sync::SyncResult Sync(const analytics::AthleteSettings& athlete = {}) {
    sync::Options options;
    options.every_n = every_n_;
    options.jobs = 3;
    options.athlete = athlete;
    return sync::Run(*client_, *store_, options);
  }

  Rows MetricsRows() {
    auto rows = store_->RideMetricsRows();
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    Rows by_id;
    if (rows.ok()) {
      for (const auto& r : *rows) by_id[r.metrics.workout_id] = r;
    }
    return by_id;
  }

  Curves StoredCurves() {
    Curves curves;
    Status status = store_->ForEachRideCurve([&](const model::RideCurveListing& c) {
      curves[c.workout_id] = c;
      return OkStatus();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return curves;
  }

  // The archived responses of one workout, by path.
  std::map<std::string, std::string> Archived(const std::string& workout_id) {
    std::map<std::string, std::string> bodies;
    Status status = store_->ForEachArchivedOf({workout_id},
                                              [&](const std::string& path, std::string_view body) {
                                                bodies[path] = std::string(body);
                                                return OkStatus();
                                              });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return bodies;
  }

  void TearDown() override {
    store_.reset();
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-ride-refresh-" + std::to_string(getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string db_path_ = dir_ + "/pelo.db";
  std::unique_ptr<store::Store> store_;
  int every_n_ = 1;
};

// The curve computed here from the archived graph alone, independently of sync's builder.
std::vector<double> CurveOfGraph(const model::PerformanceGraph& graph, int every_n) {
  analytics::RideInput in;
  in.every_n = every_n;
  in.times_s.assign(graph.seconds_since_pedaling_start.begin(),
                    graph.seconds_since_pedaling_start.end());
  if (const model::Metric* output = graph.FindMetric("output")) in.output_w = output->values;
  const analytics::Series1Hz series = analytics::PrepareSeries(in);
  std::vector<double> curve;
  for (const auto& w : analytics::RideCurve(series.power_w, analytics::CurveGrid())) {
    if (!w) break;
    curve.push_back(*w);
  }
  return curve;
}

TEST_F(RideRefreshTest, StoredCurvesAreRideCurveOfTheArchivedSeriesAndRebuildReproducesThem) {
  SyncHistory(24, 2);
  if (HasFatalFailure()) return;
  const Curves curves = StoredCurves();
  const Rows rows = MetricsRows();
  int with_power = 0;
  for (const auto& [id, listing] : rows) {
    const model::RideMetricsRow& m = listing.metrics;
    EXPECT_EQ(m.metrics_version, 2);
    EXPECT_EQ(m.every_n, 2);
    ASSERT_EQ(curves.count(id), m.avg_power ? 1u : 0u) << id << " " << listing.discipline;
    if (!m.avg_power) continue;
    ++with_power;
    const model::RideCurveListing& curve = curves.at(id);
    EXPECT_EQ(curve.every_n, 2);
    EXPECT_EQ(curve.start_time, listing.start_time);
    EXPECT_EQ(curve.timezone, listing.timezone);
    std::optional<model::PerformanceGraph> graph;
    for (const auto& [path, body] : Archived(id)) {
      if (sync::ClassifyArchivePath(path).kind != sync::ArchiveKind::kPerformanceGraph) continue;
      auto parsed = api::ParsePerformanceGraph(body);
      ASSERT_TRUE(parsed.ok()) << path;
      graph = *parsed;
    }
    ASSERT_TRUE(graph.has_value()) << id;
    EXPECT_EQ(curve.watts, CurveOfGraph(*graph, 2)) << id;  // bit for bit
    ASSERT_TRUE(m.duration_s.has_value());
    const std::vector<int> grid = analytics::CurveGrid();
    ASSERT_FALSE(curve.watts.empty());
    EXPECT_LE(grid[curve.watts.size() - 1], *m.duration_s);  // stops at the ride's length
    EXPECT_EQ(curve.watts[0], m.mmp_1s);
  }
  EXPECT_GT(with_power, 5);

  const auto synced = DigestTables(db_path_, {.include_bookkeeping = true});
  auto rebuilt = sync::Rebuild(*store_);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->ftp_changed, 0);
  EXPECT_EQ(Fingerprints(StoredCurves()), Fingerprints(curves));
  EXPECT_EQ(DigestTables(db_path_, {.include_bookkeeping = true}), synced);
}

// A ride with its ftp_info taken out (stored again from an edited archive, as a bundle from
// elsewhere without metrics): the refresh gives it the FTP of the latest test before it.
TEST_F(RideRefreshTest, ARideWithoutFtpInfoTakesTheFtpOfTheLatestEarlierTest) {
  SyncHistory(40, 1);
  if (HasFatalFailure()) return;
  const Rows rows = MetricsRows();
  const Curves curves = StoredCurves();
  // Oldest first: tests so far, and the first ordinary ride after at least one test.
  std::vector<const model::RideMetricsListing*> by_time;
  for (const auto& [id, listing] : rows) by_time.push_back(&listing);
  std::sort(by_time.begin(), by_time.end(),
            [](const auto* a, const auto* b) { return a->start_time < b->start_time; });
  const model::RideMetricsListing* latest_test = nullptr;
  const model::RideMetricsListing* ride = nullptr;
  const model::RideMetricsListing* before_any_test = nullptr;
  for (const model::RideMetricsListing* r : by_time) {
    if (r->discipline != "cycling") continue;
    if (r->metrics.is_ftp_test) {
      ASSERT_TRUE(r->metrics.ftp_test_w) << r->metrics.workout_id;
      if (!ride) latest_test = r;
    } else if (!latest_test && !before_any_test) {
      before_any_test = r;
    } else if (latest_test && !ride &&
               analytics::RideDay(*r->start_time, "") >
                   analytics::RideDay(*latest_test->start_time, "")) {
      ride = r;
    }
  }
  ASSERT_TRUE(latest_test && ride && before_any_test) << "no test, or no ride around one";
  // The simulator's own FTP after the test (the ride's ftp_info) agrees with §3.2's.
  ASSERT_TRUE(ride->ftp_info && ride->ftp_info->ftp);
  EXPECT_NEAR(*ride->ftp_info->ftp, *latest_test->metrics.ftp_test_w, 2.0);

  for (const model::RideMetricsListing* stripped : {ride, before_any_test}) {
    const std::string id = stripped->metrics.workout_id;
    store::WorkoutBundle bundle;
    for (auto [path, body] : Archived(id)) {
      const sync::ArchiveKey key = sync::ClassifyArchivePath(path);
      if (key.kind == sync::ArchiveKind::kWorkoutDetail) {
        nlohmann::json detail = nlohmann::json::parse(body);
        detail.erase("ftp_info");
        body = detail.dump();
        bundle.workout = *api::ParseWorkout(body);
      } else if (key.kind == sync::ArchiveKind::kPerformanceGraph) {
        bundle.graph = *api::ParsePerformanceGraph(body);
        bundle.every_n = key.every_n;
      }
      bundle.raw.push_back({path, body});
    }
    ASSERT_EQ(bundle.workout.id, id);
    ASSERT_FALSE(bundle.workout.ftp_info.has_value());
    ASSERT_TRUE(store_->SaveWorkout(bundle).ok());  // no metrics, no curve
  }
  ASSERT_EQ(MetricsRows().count(ride->metrics.workout_id), 0u);

  auto refreshed = sync::RefreshRideMetrics(*store_);
  ASSERT_TRUE(refreshed.ok()) << refreshed.status().ToString();
  EXPECT_EQ(refreshed->recomputed, 2);
  EXPECT_EQ(refreshed->ftp_changed, 1);  // the profile's FTP first, then the test's
  EXPECT_EQ(refreshed->unavailable, 0);
  const Rows after = MetricsRows();
  const model::RideMetricsRow& m = after.at(ride->metrics.workout_id).metrics;
  EXPECT_FALSE(after.at(ride->metrics.workout_id).ftp_info.has_value());
  EXPECT_EQ(m.ftp, latest_test->metrics.ftp_test_w);
  EXPECT_EQ(m.ftp_source, "ftp_test");
  ASSERT_TRUE(m.np && m.intensity_factor);
  EXPECT_DOUBLE_EQ(*m.intensity_factor, *m.np / *m.ftp);
  EXPECT_EQ(Fingerprints(StoredCurves()), Fingerprints(curves));  // the FTP changes no curve
  // Before any test: the profile's FTP (/api/me).
  const model::RideMetricsRow& early = after.at(before_any_test->metrics.workout_id).metrics;
  EXPECT_EQ(early.ftp_source, "user_profile");
  auto user = store_->LoadUser();
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ(early.ftp, analytics::ResolveUserFtp(**user));
  // Every other row as it was.
  for (const auto& [id, listing] : rows) {
    if (id == ride->metrics.workout_id || id == before_any_test->metrics.workout_id) continue;
    EXPECT_EQ(after.at(id).metrics, listing.metrics) << id;
  }
  // Nothing left to do; and a rebuild computes the same.
  auto again = sync::RefreshRideMetrics(*store_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->recomputed, 0);
  const auto digest = DigestTables(db_path_);
  auto rebuilt = sync::Rebuild(*store_);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->ftp_changed, 1);  // stored with the profile's, then the test's
  EXPECT_EQ(DigestTables(db_path_), digest);
}

TEST_F(RideRefreshTest, RowsOfAnOlderMetricVersionAreRecomputedByTheNextSync) {
  SyncHistory(30, 5);
  if (HasFatalFailure()) return;
  const Rows fresh = MetricsRows();
  const Curves fresh_curves = StoredCurves();
  ASSERT_EQ(fresh.size(), 30u);
  // What an older pelo left: version 1, no v5 columns, and no curves.
  ExecSql(db_path_, R"sql(
    UPDATE ride_metrics SET metrics_version = 1, every_n = NULL, is_ftp_test = NULL,
      ftp_test_w = NULL, n_hi = NULL, n_thr = NULL, n_sprint = NULL, t_hi_s = NULL, np = 1;
    DELETE FROM ride_curves;)sql");
  ASSERT_TRUE(StoredCurves().empty());

  sync::SyncResult report = Sync();
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.added + report.updated, 0);  // nothing fetched: from the archive alone
  EXPECT_EQ(report.metrics_recomputed, 30);
  EXPECT_EQ(report.ftp_changed, 0);
  EXPECT_EQ(Metrics(MetricsRows()), Metrics(fresh));
  EXPECT_EQ(Fingerprints(StoredCurves()), Fingerprints(fresh_curves));

  // Only the stale rows: one row back at version 1 is the only one computed again.
  ExecSql(db_path_, "UPDATE ride_metrics SET metrics_version = 1 WHERE workout_id = '" +
                        fresh.begin()->first + "'");
  report = Sync();
  ASSERT_TRUE(report.status.ok());
  EXPECT_EQ(report.metrics_recomputed, 1);
  report = Sync();
  EXPECT_EQ(report.metrics_recomputed, 0);

  // A stale row whose archive is gone: kept as it is, counted, tried again next time. (Not a
  // strength workout: sync would fetch one whose archive lacks its detail again.)
  const auto not_strength = std::find_if(std::next(fresh.begin()), fresh.end(), [](const auto& r) {
    return r.second.discipline != "strength";
  });
  ASSERT_NE(not_strength, fresh.end());
  const std::string lost = not_strength->first;
  ExecSql(db_path_, "DELETE FROM raw_responses WHERE workout_id = '" + lost +
                        "'; UPDATE ride_metrics SET metrics_version = 1 WHERE workout_id = '" +
                        lost + "'");
  for (int run = 0; run < 2; ++run) {
    report = Sync();
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.metrics_recomputed, 0);
    EXPECT_EQ(report.metrics_unavailable, 1);
  }
  EXPECT_EQ(MetricsRows().at(lost).metrics.metrics_version, 1);
}

TEST_F(RideRefreshTest, ChangedAthleteSettingsRecomputeTrimpOfEveryRow) {
  SyncHistory(20, 5);
  if (HasFatalFailure()) return;
  const Rows before = MetricsRows();
  analytics::AthleteSettings own;
  own.max_hr_bpm = 175;
  own.resting_hr_bpm = 44;
  sync::RefreshOptions options;
  options.athlete = own;
  auto refreshed = sync::RefreshRideMetrics(*store_, options);
  ASSERT_TRUE(refreshed.ok()) << refreshed.status().ToString();
  EXPECT_EQ(refreshed->recomputed, 20);
  const Rows after = MetricsRows();
  int with_trimp = 0;
  for (const auto& [id, listing] : before) {
    model::RideMetricsRow expected = listing.metrics;
    const model::RideMetricsRow& got = after.at(id).metrics;
    if (expected.trimp) {
      ++with_trimp;
      ASSERT_TRUE(got.trimp.has_value()) << id;
      EXPECT_NE(*got.trimp, *expected.trimp) << id;
    }
    // Only what depends on the heart-rate settings moved.
    expected.trimp = got.trimp;
    expected.hrz1_s = got.hrz1_s;
    expected.hrz2_s = got.hrz2_s;
    expected.hrz3_s = got.hrz3_s;
    expected.hrz4_s = got.hrz4_s;
    expected.hrz5_s = got.hrz5_s;
    EXPECT_EQ(got, expected) << id;
  }
  EXPECT_GT(with_trimp, 5);
  auto recorded = store_->GetState(sync::kRideMetricsSettingsKey);
  ASSERT_TRUE(recorded.ok() && recorded->has_value());
  EXPECT_NE(**recorded, "");
  EXPECT_NE(recorded->value().find("max_hr_bpm=175"), std::string::npos) << **recorded;

  // The same settings: nothing to do, by a sync too.
  refreshed = sync::RefreshRideMetrics(*store_, options);
  ASSERT_TRUE(refreshed.ok());
  EXPECT_EQ(refreshed->recomputed, 0);
  sync::SyncResult report = Sync(own);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.metrics_recomputed, 0);
  // Back to the profile's: a sync computes every row again, as they first were.
  report = Sync();
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.metrics_recomputed, 20);
  EXPECT_EQ(Metrics(MetricsRows()), Metrics(before));
}

}  // namespace
}  // namespace pelo
