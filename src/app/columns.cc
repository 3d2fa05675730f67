#include "pelo/app/columns.h"

#include "pelo/analytics/ride_day.h"
#include "pelo/common/time.h"
#include "pelo/model/ride_metric_fields.h"

namespace pelo::app {
namespace {

using Listing = model::RideMetricsListing;

// Pace (min/km) of runs and walks, split (s/500 m) of rows: from the distance and the time.
std::optional<double> PerKm(const Listing& r, double seconds_per_km_to_unit) {
  if (!r.distance_km || *r.distance_km <= 0 || !r.metrics.duration_s) return std::nullopt;
  return *r.metrics.duration_s / *r.distance_km / seconds_per_km_to_unit;
}

bool IsRun(const Listing& r) { return r.discipline == "running" || r.discipline == "walking"; }
bool IsRow(const Listing& r) { return r.discipline == "caesar" || r.discipline == "rowing"; }

struct ListingColumn {
  const char* name;
  std::optional<double> (*value)(const Listing&);
};

// After the metrics: what the workout says of other disciplines.
const ListingColumn kListingColumns[] = {
    {"distance_km", [](const Listing& r) { return r.distance_km; }},
    {"pace_min_per_km", [](const Listing& r) { return IsRun(r) ? PerKm(r, 60) : std::nullopt; }},
    {"split_s_per_500m", [](const Listing& r) { return IsRow(r) ? PerKm(r, 2) : std::nullopt; }},
};

}  // namespace

const std::vector<std::string>& RideStatsColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> columns = {"workout_id", "date", "day", "discipline", "title"};
    for (const model::RideMetricField& field : model::kRideMetricFields) {
      columns.emplace_back(field.key);
    }
    for (const ListingColumn& column : kListingColumns) columns.emplace_back(column.name);
    return columns;
  }();
  return kColumns;
}

std::string RideStatsDate(const model::RideMetricsListing& ride) {
  return ride.start_time ? FormatUtcDateTime(*ride.start_time) : "";
}

std::string RideStatsDay(const model::RideMetricsListing& ride) {
  if (!ride.start_time) return "";
  return analytics::FormatDay(analytics::RideDay(*ride.start_time, ride.timezone));
}

std::vector<std::optional<double>> RideStatsValues(const model::RideMetricsListing& ride) {
  std::vector<std::optional<double>> values;
  for (const model::RideMetricField& field : model::kRideMetricFields) {
    values.push_back(model::RideMetricValue(field, ride.metrics));
  }
  for (const ListingColumn& column : kListingColumns) values.push_back(column.value(ride));
  return values;
}

std::vector<std::string> ZoneColumns(insights::ZonePeriod period) {
  std::vector<std::string> columns = {period == insights::ZonePeriod::kWeek ? "week" : "month",
                                      "workouts", "hours", "tss"};
  for (int z = 1; z <= 7; ++z) columns.push_back("pz" + std::to_string(z) + "_s");
  for (int z = 1; z <= 5; ++z) columns.push_back("hrz" + std::to_string(z) + "_s");
  return columns;
}

std::vector<std::string> WeeklyFeatureColumns() {
  std::vector<std::string> columns = {"week"};
  for (const auto& f : analytics::WeeklyFeatureCatalogue()) columns.emplace_back(f.name);
  for (const char* c : {"has_benchmark", "eftp42", "ftp_test", "cp42", "w_prime42", "ef_median"}) {
    columns.emplace_back(c);
  }
  return columns;
}

std::vector<std::optional<double>> WeeklyFeatureValues(const analytics::WeekFeatures& week) {
  std::vector<std::optional<double>> v;
  for (const auto& f : analytics::WeeklyFeatureCatalogue()) v.push_back(f.value(week));
  v.push_back(week.has_benchmark ? 1.0 : 0.0);
  for (const auto& o : {week.eftp42, week.ftp_test, week.cp42, week.w_prime42, week.ef_median}) {
    v.push_back(o);
  }
  return v;
}

}  // namespace pelo::app
