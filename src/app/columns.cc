#include "pelo/app/columns.h"

namespace pelo::app {

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
