// Method A: lagged block correlations with intervals and robustness checks (analytics.md §5.3).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "blocks.h"
#include "pelo/analytics/drivers.h"

namespace pelo::analytics {
namespace {

// "rho = 0.62, 95% CI 0.10 to 0.88, 14 blocks".
std::string Stats(const FactorResult& r) {
  char buf[96];
  if (r.ci) {
    std::snprintf(buf, sizeof buf, "rho = %.2f, 95%% CI %.2f to %.2f, %d blocks", *r.rho, r.ci->lo,
                  r.ci->hi, r.blocks);
  } else {
    std::snprintf(buf, sizeof buf, "rho = %.2f, %d blocks", *r.rho, r.blocks);
  }
  return buf;
}

std::string_view Strength(double rho) {
  const double a = std::fabs(rho);
  return a >= 0.5 ? "strong" : a >= 0.3 ? "moderate" : "weak";
}

std::string Sentence(const FeatureDef& f, const FactorResult& r, const DriversOptions& o) {
  const std::string outcome(OutcomeName(o.outcome));
  const std::string weeks = std::to_string(o.block_weeks) + "-week";
  if (!r.rho) {
    return "Blocks with more " + std::string(f.phrase) + ": no estimate (" +
           std::to_string(r.blocks) + " " + weeks + " blocks with data, or no variation).";
  }
  const std::string stats = Stats(r);
  if (r.insufficient) {
    return "Blocks with more " + std::string(f.phrase) + ": insufficient data (" + stats +
           "; needs at least " + std::to_string(o.min_blocks) + " blocks and a narrower interval).";
  }
  return "Blocks with more " + std::string(f.phrase) + " went with " +
         (*r.rho >= 0 ? "larger" : "smaller") + " " + outcome + " gains over the next " +
         std::to_string(o.block_weeks) + " weeks (" + std::string(Strength(*r.rho)) + ": " + stats +
         ").";
}

FactorResult Correlate(const std::vector<WeekFeatures>& weeks, const FeatureDef& f,
                       const DriversOptions& o) {
  using internal::MakeBlocks;
  using internal::PairsFor;
  const auto len = static_cast<size_t>(o.block_weeks);
  const auto blocks = MakeBlocks(weeks, len, len, o.outcome, o.relative_change);
  FactorResult r;
  r.feature = std::string(f.name);
  r.group = f.group;
  const auto all = PairsFor(weeks, blocks, f);
  r.blocks = static_cast<int>(all.x.size());
  r.rho = Spearman(all.x, all.y);
  if (r.rho) r.ci = SpearmanCi(*r.rho, r.blocks);
  r.insufficient = r.blocks < o.min_blocks || !r.ci || r.ci->Width() > o.max_ci_width;
  const auto valid = PairsFor(weeks, blocks, f, /*valid_only=*/true);
  r.blocks_valid_only = static_cast<int>(valid.x.size());
  r.rho_valid_only = Spearman(valid.x, valid.y);
  const auto long_len = static_cast<size_t>(o.robustness_block_weeks);
  const auto long_blocks = MakeBlocks(weeks, long_len, long_len, o.outcome, o.relative_change);
  const auto longer = PairsFor(weeks, long_blocks, f);
  r.rho_long_blocks = Spearman(longer.x, longer.y);
  const auto steps = PairsFor(weeks, MakeBlocks(weeks, len, 1, o.outcome, o.relative_change), f);
  r.rho_weekly_steps = Spearman(steps.x, steps.y);
  r.bootstrap_ci = BlockBootstrapSpearmanCi(steps.x, steps.y, o.bootstrap);
  r.sentence = Sentence(f, r, o);
  return r;
}

}  // namespace

BlockCorrelations RankDriversByBlocks(const std::vector<WeekFeatures>& weeks,
                                      const DriversOptions& options) {
  BlockCorrelations out;
  out.block_weeks = options.block_weeks;
  const auto len = static_cast<size_t>(std::max(1, options.block_weeks));
  for (const auto& b :
       internal::MakeBlocks(weeks, len, len, options.outcome, options.relative_change)) {
    if (!b.y) continue;
    ++out.blocks;
    if (b.valid) ++out.valid_blocks;
  }
  for (const auto& f : WeeklyFeatureCatalogue())
    out.factors.push_back(Correlate(weeks, f, options));
  // By |rho|, features without an estimate last; ties keep the catalogue order.
  std::stable_sort(out.factors.begin(), out.factors.end(),
                   [](const FactorResult& a, const FactorResult& b) {
                     const double ra = a.rho ? std::fabs(*a.rho) : -1;
                     const double rb = b.rho ? std::fabs(*b.rho) : -1;
                     return ra > rb;
                   });
  return out;
}

}  // namespace pelo::analytics
