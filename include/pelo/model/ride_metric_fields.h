// The registry of stored ride metrics: every metric of a RideMetricsRow once, with its name,
// unit, description, kind and member. The store's ride_metrics columns, `pelo stats rides`' CSV
// header, JSON keys and table read it (ADR 16); a new metric is one entry here, one member on the
// row, one column in a migration.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <variant>

#include "pelo/model/ride_metrics_row.h"

namespace pelo::model {

// How a metric is held on the row; the order is that of RideMetricMember's alternatives.
enum class RideMetricKind {
  kReal,   // std::optional<double>: NA is nullopt (SQL NULL, an empty CSV cell, JSON null)
  kCount,  // std::optional<int>, NA as kReal's
  kInt,    // int, never NA
  kFlag,   // bool, never NA; 1 or 0 as a number
};

using RideMetricMember =
    std::variant<std::optional<double> RideMetricsRow::*, std::optional<int> RideMetricsRow::*,
                 int RideMetricsRow::*, bool RideMetricsRow::*>;

struct RideMetricField {
  // The one name of the metric: the row's member, and in code everywhere.
  std::string_view name;
  // The external names users already consume: the ride_metrics SQL column, the CSV header and
  // JSON key of `pelo stats rides`. The same as `name` except where noted in the registry.
  std::string_view column;
  std::string_view key;
  std::string_view unit;         // "W", "s", "kJ", "bpm", "%", or "" (a ratio, score or count)
  std::string_view description;  // one line for a person (a legend, a tooltip)
  RideMetricMember member;

  constexpr RideMetricKind kind() const { return static_cast<RideMetricKind>(member.index()); }
};

namespace ride_metric_fields_internal {

using Row = RideMetricsRow;

template <typename T>
constexpr RideMetricField Metric(std::string_view name, T Row::*member, std::string_view unit,
                                 std::string_view description) {
  return {name, name, name, unit, description, RideMetricMember(member)};
}

// `field` under another CSV header and JSON key than its name.
constexpr RideMetricField OutputKey(RideMetricField field, std::string_view key) {
  field.key = key;
  return field;
}

inline constexpr RideMetricField kFields[] = {
    Metric("ftp", &Row::ftp, "W", "FTP in effect at the ride (cycling and pedaling only)"),
    Metric("duration_s", &Row::duration_s, "s", "Duration after gap repair"),
    Metric("avg_power", &Row::avg_power, "W", "Average power, zeros included"),
    Metric("kj", &Row::kj, "kJ", "Work"),
    Metric("np", &Row::np, "W", "Normalized Power"),
    Metric("vi", &Row::vi, "", "Variability Index: NP / average power"),
    // "if" since `pelo stats rides` began; the SQL column has always been intensity_factor.
    OutputKey(Metric("intensity_factor", &Row::intensity_factor, "", "Intensity Factor: NP / FTP"),
              "if"),
    Metric("tss", &Row::tss, "", "Training Stress Score"),
    Metric("tss_per_hour", &Row::tss_per_hour, "", "Training Stress Score per hour"),
    Metric("mmp_1s", &Row::mmp_1s, "W", "Best 1 s average power"),
    Metric("mmp_5s", &Row::mmp_5s, "W", "Best 5 s average power"),
    Metric("mmp_30s", &Row::mmp_30s, "W", "Best 30 s average power"),
    Metric("mmp_60s", &Row::mmp_60s, "W", "Best 1 min average power"),
    Metric("mmp_300s", &Row::mmp_300s, "W", "Best 5 min average power"),
    Metric("mmp_1200s", &Row::mmp_1200s, "W", "Best 20 min average power"),
    Metric("mmp_3600s", &Row::mmp_3600s, "W", "Best 60 min average power"),
    Metric("avg_hr", &Row::avg_hr, "bpm", "Average heart rate"),
    Metric("ef", &Row::ef, "", "Efficiency Factor: NP / average heart rate"),
    Metric("decoupling", &Row::decoupling, "%",
           "Aerobic decoupling: power per heartbeat lost from the first half to the second"),
    Metric("trimp", &Row::trimp, "", "TRIMP (Banister)"),
    Metric("pz1_s", &Row::pz1_s, "s", "Time in power zone 1 (Active Recovery)"),
    Metric("pz2_s", &Row::pz2_s, "s", "Time in power zone 2 (Endurance)"),
    Metric("pz3_s", &Row::pz3_s, "s", "Time in power zone 3 (Tempo)"),
    Metric("pz4_s", &Row::pz4_s, "s", "Time in power zone 4 (Threshold)"),
    Metric("pz5_s", &Row::pz5_s, "s", "Time in power zone 5 (VO2max)"),
    Metric("pz6_s", &Row::pz6_s, "s", "Time in power zone 6 (Anaerobic)"),
    Metric("pz7_s", &Row::pz7_s, "s", "Time in power zone 7 (Neuromuscular)"),
    Metric("hrz1_s", &Row::hrz1_s, "s", "Time in heart-rate zone 1"),
    Metric("hrz2_s", &Row::hrz2_s, "s", "Time in heart-rate zone 2"),
    Metric("hrz3_s", &Row::hrz3_s, "s", "Time in heart-rate zone 3"),
    Metric("hrz4_s", &Row::hrz4_s, "s", "Time in heart-rate zone 4"),
    Metric("hrz5_s", &Row::hrz5_s, "s", "Time in heart-rate zone 5"),
    Metric("moving_time_s", &Row::moving_time_s, "s", "Time with cadence or speed above 0"),
    Metric("nz_avg_power", &Row::nz_avg_power, "W", "Average of the nonzero power"),
    Metric("n_hi", &Row::n_hi, "", "Intervals at 105 % FTP or more for 30 s or more"),
    Metric("n_thr", &Row::n_thr, "", "Intervals at 90 % FTP or more for 3 min or more"),
    Metric("n_sprint", &Row::n_sprint, "", "Intervals at 150 % FTP or more for 5 s or more"),
    Metric("t_hi_s", &Row::t_hi_s, "s", "Time at 105 % FTP or more"),
    Metric("is_ftp_test", &Row::is_ftp_test, "", "The class is an FTP test"),
    Metric("ftp_test_w", &Row::ftp_test_w, "W", "The FTP the test gives"),
    Metric("every_n", &Row::every_n, "s", "Seconds per sample of the ride's graph"),
};

}  // namespace ride_metric_fields_internal

// Every metric, in the column order of `pelo stats rides` (CSV and JSON). New metrics go at the
// end, so that columns read by position stay where they are. workout_id, metrics_version and
// ftp_source say which row and which computation rather than measure the ride: the store keeps
// them itself.
inline constexpr std::span<const RideMetricField> kRideMetricFields =
    ride_metric_fields_internal::kFields;

// The metric named `name` (RideMetricField::name), found at compile time: a name that is not in
// the registry does not compile.
consteval const RideMetricField& RideMetric(std::string_view name) {
  for (const RideMetricField& field : kRideMetricFields) {
    if (field.name == name) return field;
  }
  throw "no ride metric of that name";
}

// The metric's value as a number: nullopt is NA, a flag is 1 or 0.
std::optional<double> RideMetricValue(const RideMetricField& field, const RideMetricsRow& row);

// Sets the metric from a number (one RideMetricValue gave, or one read back from outside):
// nullopt is NA, or the row's default for a metric that is never NA (every_n 1, not a test).
void SetRideMetricValue(const RideMetricField& field, RideMetricsRow& row,
                        std::optional<double> value);

}  // namespace pelo::model
