// Method B partial effects (analytics.md §5.4) and the outcome trend (§5.6).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "blocks.h"
#include "pelo/analytics/drivers.h"
#include "pelo/analytics/regression.h"

namespace pelo::analytics {
namespace {

constexpr int kBlocksPerPredictorForOls = 10;

std::string EffectSentence(const FeatureDef& f, const PartialEffect& e, const DriversOptions& o) {
  if (!e.beta) return "Blocks did not differ in " + std::string(f.phrase) + ": no estimate.";
  const char* unit = o.relative_change ? "%" : (o.outcome == OutcomeKind::kWPrime42 ? " J" : " W");
  char buf[200];
  if (e.ci) {
    std::snprintf(buf, sizeof buf, "%+.1f%s (95%% CI %+.1f to %+.1f)", *e.beta, unit, e.ci->lo,
                  e.ci->hi);
  } else {
    std::snprintf(buf, sizeof buf, "%+.1f%s (no interval)", *e.beta, unit);
  }
  return "With the other factors held fixed, one standard deviation more " + std::string(f.phrase) +
         " in a block went with " + buf + " in the next block's " +
         std::string(OutcomeName(o.outcome)) + " change.";
}

bool Varies(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [&](double x) { return x != v.front(); });
}

}  // namespace

PartialEffects FitPartialEffects(const std::vector<WeekFeatures>& weeks,
                                 const DriversOptions& options) {
  PartialEffects out;
  std::vector<const FeatureDef*> features;
  for (const auto& name : options.partial_predictors) {
    if (const auto* f = FindFeature(name)) features.push_back(f);
  }
  const auto len = static_cast<size_t>(std::max(1, options.block_weeks));
  const auto blocks =
      internal::MakeBlocks(weeks, len, len, options.outcome, options.relative_change);
  // Rows with every predictor and the outcome.
  std::vector<std::vector<double>> columns(features.size());
  std::vector<double> y;
  for (const auto& b : blocks) {
    if (!b.y) continue;
    std::vector<double> row;
    for (const auto* f : features) {
      if (auto v = internal::BlockValue(weeks, b, *f)) row.push_back(*v);
    }
    if (row.size() != features.size()) continue;
    for (size_t k = 0; k < row.size(); ++k) columns[k].push_back(row[k]);
    y.push_back(*b.y);
  }
  out.blocks = static_cast<int>(y.size());
  const int p = static_cast<int>(features.size());
  out.insufficient = out.blocks < options.min_blocks || out.blocks < p + 2 || p == 0;
  if (out.blocks < p + 2 || p == 0) return out;
  // Predictors that did not vary carry no information: left out of the fit, reported as such.
  std::vector<std::vector<double>> rows(y.size(), std::vector<double>{1.0});
  std::vector<size_t> in_fit;
  for (size_t k = 0; k < columns.size(); ++k) {
    if (!Varies(columns[k])) continue;
    in_fit.push_back(k);
    const auto z = Standardize(columns[k]);
    for (size_t i = 0; i < z.size(); ++i) rows[i].push_back(z[i]);
  }
  const int fitted = static_cast<int>(in_fit.size());
  out.ridge = fitted > 0 && out.blocks < kBlocksPerPredictorForOls * fitted;
  const auto fit =
      FitLinearModel(rows, y, {.ridge_lambda = out.ridge ? options.ridge_lambda : 0.0});
  if (!fit || fitted == 0) {
    out.insufficient = true;
    return out;
  }
  out.r2 = fit->r2;
  for (size_t k = 0; k < features.size(); ++k) {
    PartialEffect e;
    e.feature = std::string(features[k]->name);
    const auto pos = std::find(in_fit.begin(), in_fit.end(), k);
    if (pos != in_fit.end()) {
      const auto c = static_cast<size_t>(pos - in_fit.begin()) + 1;
      e.beta = fit->coefficients[c];
      if (c < fit->intervals.size()) e.ci = fit->intervals[c];
    }
    e.sentence = EffectSentence(*features[k], e, options);
    out.effects.push_back(std::move(e));
  }
  return out;
}

Trend OutcomeTrend(const std::vector<WeekFeatures>& weeks, const DriversOptions& options) {
  Trend t;
  std::vector<double> x, y;
  for (size_t w = 0; w < weeks.size(); ++w) {
    if (auto v = OutcomeValue(weeks[w], options.outcome)) {
      x.push_back(static_cast<double>(w));
      y.push_back(*v);
    }
  }
  t.weeks = static_cast<int>(x.size());
  t.theil_sen_per_week = TheilSenSlope(x, y);
  if (auto line = OlsLine(x, y)) t.ols_per_week = line->slope;
  t.insufficient = x.empty() || x.back() - x.front() < options.min_trend_weeks;
  return t;
}

}  // namespace pelo::analytics
