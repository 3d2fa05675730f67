// Internal: weekly rows cut into blocks with the next block's outcome change (analytics.md
// §5.3 steps 1-3), shared by Method A and Method B.
#pragma once

#include <optional>
#include <vector>

#include "pelo/analytics/weekly_features.h"

namespace pelo::analytics::internal {

struct Block {
  size_t first_week = 0;
  size_t weeks = 0;
  std::optional<double> y;  // outcome(end of next block) - outcome(end of this block)
  bool valid = false;       // the next block holds a benchmark effort
};

// Blocks of `length` weeks starting every `step` weeks, each followed by a full block of the
// same length; y in outcome units, or in % of the outcome at the block's end when `relative`.
std::vector<Block> MakeBlocks(const std::vector<WeekFeatures>& weeks, size_t length, size_t step,
                              OutcomeKind outcome, bool relative);

// The feature over a block (mean of the weeks that have it, or the first week's); nullopt if
// no week has it.
std::optional<double> BlockValue(const std::vector<WeekFeatures>& weeks, const Block& block,
                                 const FeatureDef& feature);

// Paired (X, Y) over the blocks where both exist.
struct Pairs {
  std::vector<double> x, y;
};
Pairs PairsFor(const std::vector<WeekFeatures>& weeks, const std::vector<Block>& blocks,
               const FeatureDef& feature, bool valid_only = false);

}  // namespace pelo::analytics::internal
