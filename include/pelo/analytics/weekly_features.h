// The weekly feature table of the drivers analysis (analytics.md §5.2) and the weekly outcomes
// (§5.1), built from per-ride values computed elsewhere (§1-§3).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/critical_power.h"
#include "pelo/analytics/days.h"

namespace pelo::analytics {

// One cycling workout, as the weekly table needs it. Intensity values are relative to FTP_ride
// (§1.6); a ride without FTP contributes volume only.
struct RideSummary {
  DayNumber day = 0;  // local date (§1.6)
  double duration_s = 0;
  double kj = 0;                           // §2.3
  std::optional<double> tss;               // §2.8; nullopt counts 0 in the PMC
  std::optional<double> intensity_factor;  // §2.7
  std::optional<double> ftp;               // FTP_ride (§3.1)
  std::array<double, 7> time_in_zone_s{};  // §2.10, Peloton Z1..Z7 at FTP_ride
  int n_hi = 0;                            // §2.16 interval counts
  int n_thr = 0;
  int n_sprint = 0;
  double t_hi_s = 0;                        // seconds at >= 105 % FTP_ride
  std::vector<MmpPoint> mmp;                // MMP at any durations (5, 60, 300, 1200 s, ...)
  bool is_ftp_test = false;                 // §3.2
  std::optional<double> ftp_test_result;    // FTP from the test (§3.2)
  std::optional<double> efficiency_factor;  // §2.12, steady rides only (else nullopt)
  std::string class_type;                   // "Power Zone", "HIIT", ...
  std::string device;                       // "Bike", "Bike+"
  int every_n = 1;                          // sampling step of the source data (§1.2)
};

// One ISO week (Monday..Sunday): features (§5.2) and outcomes at its end (§5.1).
struct WeekFeatures {
  DayNumber week_start = 0;  // the Monday
  // Volume and load.
  double hours = 0;
  double rides = 0;
  double kj = 0;
  double tss = 0;
  double ctl_start = 0;  // CTL going into Monday (§4)
  double ctl_end = 0;    // CTL on Sunday
  double ramp = 0;       // ramp rate on Sunday
  // Intensity distribution over time in zones of rides with an FTP.
  std::optional<double> f_low, f_mid, f_high;  // Z1-Z2, Z3-Z4, Z5-Z7
  std::optional<double> polarization_index;
  // Intervals and peak intensity.
  double n_hi = 0, n_thr = 0, n_sprint = 0;
  double t_hi_s = 0;
  std::optional<double> mmp5_rel, mmp60_rel, mmp300_rel;  // weekly best MMP(d) / FTP_ride
  std::optional<double> if_max;
  double n_hard = 0;  // rides with IF >= 0.85
  // Context.
  std::map<std::string, int> class_types;
  std::vector<std::string> devices;  // distinct, in order of first use
  bool has_benchmark = false;        // an FTP test, or a ride >= 20 min with IF >= 0.90
  bool resolution_limited = false;   // a ride with every_n > 5: MMP(5 s) is a lower bound
  // Outcomes at the end of the week.
  std::optional<double> eftp42;
  std::optional<double> ftp_test;  // best FTP test result of the week
  std::optional<double> cp42, w_prime42;
  std::optional<double> mmp5_42, mmp60_42;
  std::optional<double> ef_median;  // median EF of the week's steady rides
};

struct WeeklyOptions {
  // Last day covered (default: the last ride's date); weeks run to its Sunday.
  std::optional<DayNumber> last_day;
};

// Every ISO week from the first ride's to the last day's, rest weeks included (§5.2). The PMC
// starts at 0 the day before the first ride. Empty without rides.
std::vector<WeekFeatures> BuildWeeklyFeatures(const std::vector<RideSummary>& rides,
                                              const WeeklyOptions& options = {});

enum class FeatureGroup { kVolume, kLoad, kIntensity, kIntervals, kPeak };

// "volume", "load", "intensity", "intervals", "peak" (the export's `group` values).
std::string_view FeatureGroupName(FeatureGroup group);

// How weekly values become one block value (§5.3 step 2).
enum class BlockAggregate { kMean, kFirst };

// A weekly predictor the drivers analysis ranks.
struct FeatureDef {
  std::string_view name;    // "hours", "tss", ... (the export column)
  std::string_view phrase;  // reads after "blocks with more": "time on the bike"
  FeatureGroup group;
  BlockAggregate aggregate;
  std::optional<double> (*value)(const WeekFeatures&);
};

// The ranked predictors of §5.2, in table order.
const std::vector<FeatureDef>& WeeklyFeatureCatalogue();

// The feature called `name`, or nullptr.
const FeatureDef* FindFeature(std::string_view name);

enum class OutcomeKind { kEftp42, kCp42, kWPrime42, kMmp5, kMmp60, kEfMedian };

// The outcome's value at the end of a week.
std::optional<double> OutcomeValue(const WeekFeatures& week, OutcomeKind kind);

// "eFTP42", "CP42", ... for sentences.
std::string_view OutcomeName(OutcomeKind kind);

}  // namespace pelo::analytics
