#include "pelo/insights/ride_history.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "pelo/analytics/power_curve.h"

namespace pelo::insights {
namespace {

using Row = model::RideMetricsRow;
using Member = std::optional<double> Row::*;

constexpr std::array<Member, 7> kPowerZones = {&Row::pz1_s, &Row::pz2_s, &Row::pz3_s, &Row::pz4_s,
                                               &Row::pz5_s, &Row::pz6_s, &Row::pz7_s};
constexpr std::array<Member, 5> kHrZones = {&Row::hrz1_s, &Row::hrz2_s, &Row::hrz3_s, &Row::hrz4_s,
                                            &Row::hrz5_s};
constexpr std::array<std::pair<int, Member>, 7> kMmpColumns = {{{1, &Row::mmp_1s},
                                                                {5, &Row::mmp_5s},
                                                                {30, &Row::mmp_30s},
                                                                {60, &Row::mmp_60s},
                                                                {300, &Row::mmp_300s},
                                                                {1200, &Row::mmp_1200s},
                                                                {3600, &Row::mmp_3600s}}};

// The CP fit's window (§3.4): 120 s < t <= 1200 s.
constexpr int kCpFirstSecond = 121;
constexpr int kCpLastSecond = 1200;

bool IsCycling(const model::RideMetricsListing& r) {
  return r.discipline == "cycling" || !r.metrics.ftp_source.empty();
}

bool ContainsWord(std::string_view title, std::string_view word) {
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  return std::search(title.begin(), title.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != title.end();
}

// The 1 s..1200 s grid points of a stored curve that the weekly CP fit reads, with the stored
// columns for the other durations.
std::vector<analytics::MmpPoint> MmpPoints(const Row& m, const model::RideCurveListing* curve) {
  std::vector<analytics::MmpPoint> points;
  for (const auto& [seconds, member] : kMmpColumns) {
    if (m.*member) points.push_back({seconds, *(m.*member)});
  }
  if (!curve) return points;
  static const std::vector<int> grid = analytics::CurveGrid();
  for (size_t i = 0; i < curve->watts.size() && i < grid.size(); ++i) {
    const int d = grid[i];
    if (d >= kCpFirstSecond && d <= kCpLastSecond) points.push_back({d, curve->watts[i]});
  }
  // Stored columns first, so where both have a duration the column stays (they are equal).
  std::stable_sort(points.begin(), points.end(),
                   [](const auto& a, const auto& b) { return a.seconds < b.seconds; });
  points.erase(std::unique(points.begin(), points.end(),
                           [](const auto& a, const auto& b) { return a.seconds == b.seconds; }),
               points.end());
  return points;
}

}  // namespace

std::string ClassTypeOf(std::string_view title) {
  // First match wins: "Power Zone Endurance" is a Power Zone class, "HIIT & Hills" a HIIT one.
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"ftp test", "FTP Test"}, {"power zone", "Power Zone"}, {"hiit", "HIIT"},
      {"tabata", "Tabata"},     {"interval", "Intervals"},    {"climb", "Climb"},
      {"hills", "Climb"},       {"endurance", "Endurance"},   {"low impact", "Low Impact"},
      {"recovery", "Recovery"}, {"warm up", "Warm Up"},       {"cool down", "Cool Down"},
      {"scenic", "Scenic"},     {"just ride", "Scenic"},
  };
  for (const auto& [word, type] : kTypes) {
    if (ContainsWord(title, word)) return std::string(type);
  }
  return "Other";
}

std::optional<double> SteadyEfficiencyFactor(const Row& m) {
  constexpr double kMinSeconds = 1200, kMaxVi = 1.05, kMaxIf = 0.80, kMinHrShare = 0.90;
  if (!m.ef || !m.duration_s || !m.vi || !m.intensity_factor) return std::nullopt;
  if (*m.duration_s < kMinSeconds || *m.vi > kMaxVi || *m.intensity_factor > kMaxIf)
    return std::nullopt;
  // HR-zone seconds count exactly the samples with a heart rate (§1.4: HR 0 is skipped).
  double hr_seconds = 0;
  for (Member z : kHrZones) hr_seconds += (m.*z).value_or(0);
  if (hr_seconds < kMinHrShare * *m.duration_s) return std::nullopt;
  return m.ef;
}

std::vector<analytics::RideSummary> RideHistory::Summaries() const {
  std::vector<analytics::RideSummary> out;
  out.reserve(rides.size());
  for (const HistoryRide& r : rides) out.push_back(r.summary);
  return out;
}

std::vector<analytics::FtpRideRecord> RideHistory::FtpRecords() const {
  std::vector<analytics::FtpRideRecord> out;
  out.reserve(rides.size());
  for (const HistoryRide& r : rides) out.push_back(r.ftp);
  return out;
}

std::vector<analytics::DatedLoad> RideHistory::Loads() const {
  std::vector<analytics::DatedLoad> out;
  out.reserve(rides.size());
  for (const HistoryRide& r : rides) out.push_back({r.summary.day, r.summary.tss.value_or(0)});
  return out;
}

RideHistory BuildRideHistory(const std::vector<model::RideMetricsListing>& rows,
                             const std::vector<model::RideCurveListing>& curves) {
  std::unordered_map<std::string_view, const model::RideCurveListing*> curve_of;
  for (const auto& c : curves) curve_of.emplace(c.workout_id, &c);
  RideHistory history;
  for (const model::RideMetricsListing& r : rows) {
    const Row& m = r.metrics;
    if (!IsCycling(r) || !r.start_time || !m.duration_s) continue;
    HistoryRide ride;
    ride.workout_id = m.workout_id;
    ride.start_time = *r.start_time;
    ride.title = r.title;
    analytics::RideSummary& s = ride.summary;
    s.day = analytics::RideDay(*r.start_time, r.timezone);
    s.duration_s = *m.duration_s;
    s.kj = m.kj.value_or(0);
    s.tss = m.tss;
    s.intensity_factor = m.intensity_factor;
    s.ftp = m.ftp;
    for (size_t z = 0; z < kPowerZones.size(); ++z)
      s.time_in_zone_s[z] = (m.*kPowerZones[z]).value_or(0);
    s.n_hi = m.n_hi.value_or(0);
    s.n_thr = m.n_thr.value_or(0);
    s.n_sprint = m.n_sprint.value_or(0);
    s.t_hi_s = m.t_hi_s.value_or(0);
    auto curve = curve_of.find(m.workout_id);
    s.mmp = MmpPoints(m, curve == curve_of.end() ? nullptr : curve->second);
    s.is_ftp_test = m.is_ftp_test;
    s.ftp_test_result = m.ftp_test_w;
    s.efficiency_factor = SteadyEfficiencyFactor(m);
    s.class_type = ClassTypeOf(r.title);
    if (m.avg_power) s.device = r.device_type;  // only rides with power compare devices
    s.every_n = m.every_n;
    analytics::FtpRideRecord& f = ride.ftp;
    f.day = s.day;
    f.workout_id = m.workout_id;
    f.ftp_info = r.ftp_info;
    f.is_ftp_test = m.is_ftp_test;
    f.mmp20_watts = m.mmp_1200s;
    history.rides.push_back(std::move(ride));
  }
  std::stable_sort(history.rides.begin(), history.rides.end(),
                   [](const auto& a, const auto& b) { return a.start_time < b.start_time; });
  return history;
}

}  // namespace pelo::insights
