// `pelo stats rides` and `pelo stats curve` as processes, on a database synced from pelo-sim.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli_env.h"

namespace pelo::testing {
namespace {

const std::vector<std::string> kColumns = {"workout_id",
                                           "date",
                                           "day",
                                           "discipline",
                                           "title",
                                           "ftp",
                                           "duration_s",
                                           "avg_power",
                                           "kj",
                                           "np",
                                           "vi",
                                           "if",
                                           "tss",
                                           "tss_per_hour",
                                           "mmp_1s",
                                           "mmp_5s",
                                           "mmp_30s",
                                           "mmp_60s",
                                           "mmp_300s",
                                           "mmp_1200s",
                                           "mmp_3600s",
                                           "avg_hr",
                                           "ef",
                                           "decoupling",
                                           "trimp",
                                           "pz1_s",
                                           "pz2_s",
                                           "pz3_s",
                                           "pz4_s",
                                           "pz5_s",
                                           "pz6_s",
                                           "pz7_s",
                                           "hrz1_s",
                                           "hrz2_s",
                                           "hrz3_s",
                                           "hrz4_s",
                                           "hrz5_s",
                                           "moving_time_s",
                                           "nz_avg_power",
                                           "n_hi",
                                           "n_thr",
                                           "n_sprint",
                                           "t_hi_s",
                                           "is_ftp_test",
                                           "ftp_test_w",
                                           "every_n",
                                           "distance_km",
                                           "pace_min_per_km",
                                           "split_s_per_500m"};

size_t Column(const std::string& name) {
  return static_cast<size_t>(std::find(kColumns.begin(), kColumns.end(), name) - kColumns.begin());
}

class CliStats : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(env_.Login().exit_code, 0);
    auto sync = env_.Pelo({"sync", "--every-n", "10", "--quiet"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    workouts_ = env_.StoredWorkouts();
    ASSERT_EQ(workouts_, 12);
  }

  SimProcess sim_{{"--workouts", "12", "--password", "demo"}};
  CliEnv env_{sim_.url()};
  int workouts_ = 0;
};

TEST_F(CliStats, RidesCsvHasOneRowPerWorkoutWithTheNamedColumns) {
  auto r = env_.Pelo({"stats", "rides", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = ParseCsv(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front(), kColumns);
  ASSERT_EQ(static_cast<int>(rows.size()) - 1, workouts_);
  std::set<std::string> ids;
  int rides = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), kColumns.size());
    ids.insert(row[0]);
    EXPECT_EQ(row[Column("date")].size(), 19u) << row[Column("date")];  // YYYY-MM-DD HH:MM:SS
    EXPECT_EQ(row[Column("day")].size(), 10u) << row[Column("day")];    // YYYY-MM-DD
    EXPECT_FALSE(row[Column("duration_s")].empty());
    if (row[Column("discipline")] == "cycling") {
      ++rides;
      for (const char* name : {"ftp", "np", "if", "tss", "pz1_s"}) {
        EXPECT_FALSE(row[Column(name)].empty()) << name << " of " << row[0];
      }
    } else if (row[Column("avg_power")].empty()) {
      for (const char* name : {"ftp", "np", "if", "tss", "kj", "mmp_1s", "pz1_s"}) {
        EXPECT_TRUE(row[Column(name)].empty()) << name << " of " << row[0];
      }
    }
  }
  EXPECT_EQ(static_cast<int>(ids.size()), workouts_);
  EXPECT_GT(rides, 0);
  // Other disciplines get what applies to them: distance, and pace or split.
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::string& discipline = row[Column("discipline")];
    const bool run = discipline == "running" || discipline == "walking";
    EXPECT_EQ(!row[Column("pace_min_per_km")].empty(), run && !row[Column("distance_km")].empty())
        << row[0];
    EXPECT_EQ(!row[Column("split_s_per_500m")].empty(),
              discipline == "caesar" && !row[Column("distance_km")].empty())
        << row[0];
    if (discipline == "cycling") {
      EXPECT_FALSE(row[Column("n_hi")].empty()) << row[0];
    } else {
      EXPECT_TRUE(row[Column("n_hi")].empty()) << row[0];
    }
    if (run && !row[Column("distance_km")].empty()) {
      const double pace = std::stod(row[Column("pace_min_per_km")]);
      EXPECT_GT(pace, 3);  // min/km: a simulated runner is no faster than 20 km/h
      EXPECT_LT(pace, 20);
    }
  }
  // The same rows from --db.
  EXPECT_EQ(env_.Pelo({"stats", "rides", "--csv", "--db", env_.DbPath()}).out, r.out);
}

// `workouts` and `stats rides` keep the same workouts for the same days: each workout's local
// day (the simulator's are in New York), not its UTC day (ADR 0015).
TEST_F(CliStats, WorkoutsAndRidesCountAWorkoutOnItsLocalDay) {
  auto all = env_.Pelo({"stats", "rides", "--csv"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const auto rows = ParseCsv(all.out);
  std::map<std::string, std::set<std::string>> by_utc_day;  // from the UTC start time
  for (size_t i = 1; i < rows.size(); ++i) {
    by_utc_day[rows[i][Column("date")].substr(0, 10)].insert(rows[i][0]);
  }
  auto ids = [&](const std::vector<std::string>& command, const std::string& day) {
    std::vector<std::string> args = command;
    args.insert(args.end(), {"--csv", "--since", day, "--until", day});
    auto r = env_.Pelo(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::string> found;
    const auto csv = ParseCsv(r.out);
    for (size_t i = 1; i < csv.size(); ++i) found.insert(csv[i][0]);
    return found;
  };
  int local_differs = 0;
  for (const auto& [day, utc_ids] : by_utc_day) {
    const std::set<std::string> listed = ids({"workouts"}, day);
    EXPECT_EQ(listed, ids({"stats", "rides"}, day)) << day;
    if (listed != utc_ids) ++local_differs;
  }
  EXPECT_GT(local_differs, 0) << "no workout of the simulated history starts late in the evening";
}

TEST_F(CliStats, RidesJsonIsAnArrayOfObjectsKeyedByTheColumns) {
  auto r = env_.Pelo({"stats", "rides", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::ordered_json rows = nlohmann::ordered_json::parse(r.out);
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(static_cast<int>(rows.size()), workouts_);
  for (const auto& row : rows) {
    std::vector<std::string> keys;
    for (const auto& item : row.items()) keys.push_back(item.key());
    EXPECT_EQ(keys, kColumns);  // in column order
    EXPECT_TRUE(row["duration_s"].is_number());
    if (row["discipline"] == "cycling") {
      EXPECT_TRUE(row["tss"].is_number()) << row.dump();
    }
  }
}

TEST_F(CliStats, RidesTableAndUsage) {
  auto table = env_.Pelo({"stats", "rides"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.rfind("date (UTC)", 0), 0u) << table.out;
  EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), workouts_ + 1);
  EXPECT_EQ(env_.Pelo({"stats"}).exit_code, 2);  // a subcommand is required
  EXPECT_EQ(env_.Pelo({"stats", "rides", "--csv", "--json"}).exit_code, 2);
}

// One row of `stats curve --csv`.
struct CurvePoint {
  std::string watts, workout_id, date, limited;
};

std::map<int, CurvePoint> CurveByDuration(const std::string& csv) {
  const auto rows = ParseCsv(csv);
  std::map<int, CurvePoint> points;
  if (rows.empty()) {
    ADD_FAILURE() << "no CSV";
    return points;
  }
  EXPECT_EQ(rows.front(), (std::vector<std::string>{"duration_s", "watts", "workout_id", "date",
                                                    "resolution_limited"}));
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].size(), 5u);
    if (rows[i].size() != 5u) continue;
    points[std::stoi(rows[i][0])] = {rows[i][1], rows[i][2], rows[i][3], rows[i][4]};
  }
  return points;
}

// The best `stats rides --csv` value of column mmp_<d>s over the rides dated in [since, until]
// (YYYY-MM-DD, "" = open), with the earliest ride that has it: what `stats curve` must say.
struct Best {
  std::optional<double> watts;
  std::string text, workout_id, date;
};

Best BestOfRides(const std::vector<std::vector<std::string>>& rides, int d,
                 const std::string& since = "", const std::string& until = "") {
  const size_t column = Column("mmp_" + std::to_string(d) + "s");
  std::vector<const std::vector<std::string>*> oldest_first;
  for (size_t i = 1; i < rides.size(); ++i) oldest_first.push_back(&rides[i]);
  std::sort(oldest_first.begin(), oldest_first.end(), [](const auto* a, const auto* b) {
    return std::make_pair((*a)[Column("date")], (*a)[0]) <
           std::make_pair((*b)[Column("date")], (*b)[0]);
  });
  Best best;
  for (const auto* row : oldest_first) {
    const std::string day = (*row)[Column("day")];  // the local day, as --since/--until
    if ((*row)[column].empty() || (!since.empty() && day < since) ||
        (!until.empty() && day > until)) {
      continue;
    }
    const double watts = std::stod((*row)[column]);
    if (!best.watts || watts > *best.watts) best = {watts, (*row)[column], (*row)[0], day};
  }
  return best;
}

class CliStatsCurve : public CliStats {
 protected:
  void SetUp() override {
    CliStats::SetUp();
    if (HasFatalFailure()) return;
    auto r = env_.Pelo({"stats", "rides", "--csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rides_ = ParseCsv(r.out);
  }

  std::vector<std::vector<std::string>> rides_;
};

constexpr int kCheckedDurations[] = {1, 5, 30, 60, 300, 1200};

TEST_F(CliStatsCurve, CsvIsTheBestOfTheRidesMmpAtEachDurationWithTheRideThatSetIt) {
  auto r = env_.Pelo({"stats", "curve", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto curve = CurveByDuration(r.out);
  ASSERT_FALSE(curve.empty());
  for (int d : kCheckedDurations) {
    const Best best = BestOfRides(rides_, d);
    ASSERT_TRUE(best.watts.has_value()) << d;
    ASSERT_TRUE(curve.count(d)) << d;
    const CurvePoint& p = curve.at(d);
    EXPECT_EQ(p.watts, best.text) << d;
    EXPECT_EQ(p.workout_id, best.workout_id) << d;
    EXPECT_EQ(p.date, best.date) << d;
    // Synced at --every-n 10: below 10 s the curve is a lower bound.
    EXPECT_EQ(p.limited, d < 10 ? "true" : "false") << d;
  }
  // Every second to 2 min, then every 5 s: the grid up to the longest ride.
  EXPECT_EQ(curve.begin()->first, 1);
  EXPECT_TRUE(curve.count(120) && curve.count(125) && !curve.count(121));
  // JSON: the same points, same keys.
  auto json = env_.Pelo({"stats", "curve", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto points = nlohmann::ordered_json::parse(json.out);
  ASSERT_EQ(points.size(), curve.size());
  std::vector<std::string> keys;
  for (const auto& item : points.front().items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"duration_s", "watts", "workout_id", "date",
                                            "resolution_limited"}));
  for (const auto& point : points) {
    const CurvePoint& p = curve.at(point["duration_s"].get<int>());
    EXPECT_EQ(point["workout_id"], p.workout_id);
    EXPECT_EQ(point["resolution_limited"].get<bool>(), p.limited == "true");
    EXPECT_NEAR(point["watts"].get<double>(), std::stod(p.watts), 1e-9);
  }
}

TEST_F(CliStatsCurve, SinceAndUntilKeepTheRidesOfThoseDays) {
  std::vector<std::string> days;
  for (size_t i = 1; i < rides_.size(); ++i) {
    if (!rides_[i][Column("mmp_300s")].empty()) {
      days.push_back(rides_[i][Column("date")].substr(0, 10));
    }
  }
  std::sort(days.begin(), days.end());
  ASSERT_GE(days.size(), 3u);
  const std::string middle = days[days.size() / 2];
  for (const auto& [since, until] : std::vector<std::pair<std::string, std::string>>{
           {middle, ""}, {"", middle}, {days[1], days[days.size() - 2]}}) {
    std::vector<std::string> args = {"stats", "curve", "--csv"};
    if (!since.empty()) args.insert(args.end(), {"--since", since});
    if (!until.empty()) args.insert(args.end(), {"--until", until});
    auto r = env_.Pelo(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto curve = CurveByDuration(r.out);
    for (const auto& [d, p] : curve) {
      EXPECT_TRUE((since.empty() || p.date >= since) && (until.empty() || p.date <= until))
          << d << " " << p.date << " not in [" << since << ", " << until << "]";
    }
    for (int d : {60, 300}) {
      const Best best = BestOfRides(rides_, d, since, until);
      ASSERT_TRUE(best.watts && curve.count(d)) << d << " [" << since << ", " << until << "]";
      EXPECT_EQ(curve.at(d).watts, best.text) << d << " [" << since << ", " << until << "]";
      EXPECT_EQ(curve.at(d).workout_id, best.workout_id) << d;
    }
  }
  // A range with no ride: the header only.
  auto none = env_.Pelo({"stats", "curve", "--csv", "--until", "1999-12-31"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(ParseCsv(none.out).size(), 1u);
}

TEST_F(CliStatsCurve, TableShowsTheKeyDurationsAndBadDatesAreUsageErrors) {
  auto table = env_.Pelo({"stats", "curve"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("duration"), std::string::npos) << table.out;
  for (const char* label : {"1 s", "5 s", "30 s", "1 min", "5 min", "20 min"}) {
    EXPECT_NE(table.out.find(label), std::string::npos) << label << " in\n" << table.out;
  }
  EXPECT_NE(table.out.find("lower bound"), std::string::npos) << table.out;  // --every-n 10
  for (const auto& [flag, value] : std::vector<std::pair<std::string, std::string>>{
           {"--since", "2026-13-01"}, {"--until", "yesterday"}, {"--since", "2026-2-1"}}) {
    auto r = env_.Pelo({"stats", "curve", flag, value});
    EXPECT_EQ(r.exit_code, 2) << flag << " " << value;
    EXPECT_NE(r.err.find(flag), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(value), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  EXPECT_EQ(
      env_.Pelo({"stats", "curve", "--since", "2026-05-02", "--until", "2026-05-01"}).exit_code, 2);
  EXPECT_EQ(env_.Pelo({"stats", "curve", "--csv", "--json"}).exit_code, 2);
}

}  // namespace
}  // namespace pelo::testing
