// "What made me faster?": which weekly training factors go with later performance gains
// (analytics.md §5.3 Method A, §5.4 Method B, §5.6 trend, §5.7 pitfalls). Associations with
// uncertainty from one rider's observational data, never causal claims.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/stats.h"
#include "pelo/analytics/weekly_features.h"

namespace pelo::analytics {

struct DriversOptions {
  OutcomeKind outcome = OutcomeKind::kEftp42;
  int block_weeks = 4;             // §5.3 step 1
  int robustness_block_weeks = 6;  // §5.3 step 6b
  bool relative_change = false;    // Y in % of the outcome at the end of block b, not W
  int min_blocks = 8;              // §5.3 step 5
  double max_ci_width = 1.0;       // §5.3 step 5
  BootstrapOptions bootstrap = {.block_length = 4, .resamples = 2000, .seed = 1};
  // Method B predictors, one per group (§5.4).
  std::vector<std::string> partial_predictors = {"hours", "f_high", "mmp60_rel", "CTL_start"};
  double ridge_lambda = 1;   // used when blocks < 10 per predictor
  int min_trend_weeks = 12;  // §5.6
};

// One predictor's lagged association with the next block's outcome change.
struct FactorResult {
  std::string feature;
  FeatureGroup group = FeatureGroup::kVolume;
  int blocks = 0;              // B: blocks with both X and Y
  std::optional<double> rho;   // Spearman, mid-ranks
  std::optional<Interval> ci;  // 95 %, Fieller-Hartley-Pearson
  bool insufficient = true;    // B < min_blocks or CI wider than max_ci_width
  // §5.3 step 6c: rho over overlapping blocks at weekly steps, with a moving-block bootstrap CI.
  std::optional<double> rho_weekly_steps;
  std::optional<Interval> bootstrap_ci;
  std::optional<double> rho_valid_only;  // §5.3 step 6a
  int blocks_valid_only = 0;
  std::optional<double> rho_long_blocks;  // §5.3 step 6b
  std::string sentence;                   // one plain-language line
};

// Method A (§5.3): every catalogue feature, ranked by |rho| (sufficient ones first).
struct BlockCorrelations {
  int block_weeks = 0;
  int blocks = 0;        // blocks with an outcome change
  int valid_blocks = 0;  // of which the outcome window holds a benchmark effort
  std::vector<FactorResult> factors;
};
BlockCorrelations RankDriversByBlocks(const std::vector<WeekFeatures>& weeks,
                                      const DriversOptions& options = {});

// Method B (§5.4): standardized partial effects on the next block's outcome change.
struct PartialEffect {
  std::string feature;
  std::optional<double> beta;  // outcome change (W or %) per SD; nullopt if it did not vary
  std::optional<Interval> ci;  // 95 %, Student t
  std::string sentence;
};
struct PartialEffects {
  int blocks = 0;
  bool ridge = false;
  double r2 = 0;
  bool insufficient = true;
  std::vector<PartialEffect> effects;  // in predictor order
};
PartialEffects FitPartialEffects(const std::vector<WeekFeatures>& weeks,
                                 const DriversOptions& options = {});

// §5.6: outcome slope in units per week over the weeks that have one.
struct Trend {
  int weeks = 0;
  std::optional<double> theil_sen_per_week;
  std::optional<double> ols_per_week;
  bool insufficient = true;  // span under min_trend_weeks
};
Trend OutcomeTrend(const std::vector<WeekFeatures>& weeks, const DriversOptions& options = {});

enum class PitfallKind {
  kInsufficientData,   // B < min_blocks (§5.7 small n)
  kWideIntervals,      // no factor's CI is narrow enough to say anything
  kDeviceChange,       // Bike and Bike+ power are not comparable
  kMissingFtp,         // rides without FTP_ride: no zones or TSS for them
  kFewBenchmarks,      // few blocks whose outcome window holds a benchmark effort
  kResolutionLimited,  // every_n > 5: 5 s peaks are lower bounds
};
struct Pitfall {
  PitfallKind kind;
  std::string message;
};

struct DriversFindings {
  std::vector<WeekFeatures> weeks;
  BlockCorrelations method_a;
  PartialEffects method_b;
  Trend trend;
  std::vector<Pitfall> pitfalls;
};

// The whole §5 analysis from per-ride summaries.
DriversFindings AnalyzeDrivers(const std::vector<RideSummary>& rides,
                               const DriversOptions& options = {});

}  // namespace pelo::analytics
