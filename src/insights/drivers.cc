#include "pelo/insights/drivers.h"

#include <array>

#include "pelo/analytics/pmc.h"
#include "pelo/analytics/weekly_features.h"

namespace pelo::insights {
namespace {

constexpr double kComponentRidge = 1.0;  // §5.5: the components are collinear

// Each ride's TSS split by its share of time in Z1-Z2, Z3-Z4 and Z5-Z7.
std::array<double, 3> TssByIntensity(const analytics::RideSummary& s) {
  const auto& z = s.time_in_zone_s;
  const double low = z[0] + z[1], mid = z[2] + z[3], high = z[4] + z[5] + z[6];
  const double total = low + mid + high;
  const double tss = s.tss.value_or(0);
  if (total <= 0 || tss <= 0) return {0, 0, 0};
  return {tss * low / total, tss * mid / total, tss * high / total};
}

ImpulseResponse FitImpulseResponse(const RideHistory& history,
                                   const analytics::DriversOptions& options) {
  ImpulseResponse out;
  if (history.rides.empty()) {
    out.note = "No rides.";
    return out;
  }
  const analytics::DayNumber first = history.rides.front().summary.day;
  const analytics::DayNumber last = history.rides.back().summary.day;
  const std::vector<double> load = analytics::DailyLoads(history.Loads(), first, last);
  std::vector<std::vector<double>> components(3, std::vector<double>(load.size(), 0.0));
  std::vector<analytics::PerformanceTest> tests;
  for (const HistoryRide& r : history.rides) {
    const auto day = static_cast<size_t>(r.summary.day - first);
    const auto split = TssByIntensity(r.summary);
    for (size_t c = 0; c < split.size(); ++c) components[c][day] += split[c];
    if (r.summary.is_ftp_test && r.summary.ftp_test_result) {
      tests.push_back({static_cast<int>(day), *r.summary.ftp_test_result});
    }
  }
  out.tests = static_cast<int>(tests.size());
  out.fit = analytics::FitBanister(load, tests);
  if (!out.fit) {
    // Every test is on a day of `load`, so with enough of them the fit was rank deficient.
    const std::string count = std::to_string(tests.size());
    out.note = tests.size() < static_cast<size_t>(analytics::kBanisterMinFitTests)
                   ? "Insufficient data: " + count +
                         " FTP tests; the fitness-fatigue model needs at least 5 spread over 8 "
                         "weeks."
                   : "Insufficient data: the training load before the " + count +
                         " FTP tests was too uniform to tell fitness from fatigue.";
    return out;
  }
  if (!out.fit->enough_tests) {
    out.note = "Insufficient data: " + std::to_string(tests.size()) +
               " FTP tests; at least 5 spread over 8 weeks are needed before the fit means "
               "anything.";
  }
  out.components =
      analytics::FitBanisterComponents(components, tests, kComponentRidge, options.bootstrap);
  return out;
}

}  // namespace

DriversAnalysis AnalyzeHistory(const RideHistory& history,
                               const analytics::DriversOptions& options) {
  DriversAnalysis out;
  out.findings = analytics::AnalyzeDrivers(history.Summaries(), options);
  out.banister = FitImpulseResponse(history, options);
  return out;
}

const analytics::FactorResult* TopDriver(const analytics::DriversFindings& report) {
  for (const analytics::FactorResult& f : report.method_a.factors) {
    if (!f.insufficient && f.rho) return &f;
  }
  return nullptr;
}

std::string FeaturePhrase(const std::string& feature) {
  const analytics::FeatureDef* def = analytics::FindFeature(feature);
  if (!def) return feature;
  // The catalogue's phrases read after "blocks with more": "of their time in Z5-Z7".
  constexpr std::string_view kOfTheir = "of their ";
  std::string phrase(def->phrase);
  if (phrase.rfind(kOfTheir, 0) == 0) phrase = "share of " + phrase.substr(kOfTheir.size());
  return phrase;
}

}  // namespace pelo::insights
