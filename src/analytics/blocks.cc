// Block tables for the drivers analysis (analytics.md §5.3 steps 1-3).
#include "blocks.h"

namespace pelo::analytics::internal {

std::vector<Block> MakeBlocks(const std::vector<WeekFeatures>& weeks, size_t length, size_t step,
                              OutcomeKind outcome, bool relative) {
  std::vector<Block> out;
  if (length == 0 || step == 0) return out;
  for (size_t s = 0; s + 2 * length <= weeks.size(); s += step) {
    Block b{s, length, std::nullopt, false};
    const auto now = OutcomeValue(weeks[s + length - 1], outcome);
    const auto next = OutcomeValue(weeks[s + 2 * length - 1], outcome);
    if (now && next && (!relative || *now != 0)) {
      b.y = relative ? 100 * (*next - *now) / *now : *next - *now;
    }
    for (size_t w = s + length; w < s + 2 * length; ++w)
      b.valid = b.valid || weeks[w].has_benchmark;
    out.push_back(b);
  }
  return out;
}

std::optional<double> BlockValue(const std::vector<WeekFeatures>& weeks, const Block& block,
                                 const FeatureDef& feature) {
  if (feature.aggregate == BlockAggregate::kFirst) return feature.value(weeks[block.first_week]);
  double sum = 0;
  int n = 0;
  for (size_t w = block.first_week; w < block.first_week + block.weeks; ++w) {
    if (auto v = feature.value(weeks[w])) {
      sum += *v;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

Pairs PairsFor(const std::vector<WeekFeatures>& weeks, const std::vector<Block>& blocks,
               const FeatureDef& feature, bool valid_only) {
  Pairs p;
  for (const auto& b : blocks) {
    if (!b.y || (valid_only && !b.valid)) continue;
    if (auto x = BlockValue(weeks, b, feature)) {
      p.x.push_back(*x);
      p.y.push_back(*b.y);
    }
  }
  return p;
}

}  // namespace pelo::analytics::internal
