#include "peloton/sim/faults/faults.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "pelo/common/strings.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

// Fractions like 0.1 + 0.2 + 0.7 add up to a hair above or below 1 in binary.
constexpr double kRoundingSlack = 1e-9;
// Keeps the fault draws a stream of their own, apart from the athlete's (same --seed).
constexpr uint64_t kFaultStream = 0xFA017FA017ULL;

constexpr std::array<std::pair<FaultKind, std::string_view>, 12> kNames = {{
    {FaultKind::k429, "429"},
    {FaultKind::k500, "500"},
    {FaultKind::k502, "502"},
    {FaultKind::k503, "503"},
    {FaultKind::kReset, "reset"},
    {FaultKind::kTruncate, "truncate"},
    {FaultKind::kHtml, "html"},
    {FaultKind::kHtml200, "html-200"},
    {FaultKind::kHtml403, "html-403"},
    {FaultKind::kInvalidJson, "invalid-json"},
    {FaultKind::kSlow, "slow"},
    {FaultKind::kStall, "stall"},
}};

// "429, 500, ..., stall": every spelling, for the unknown-kind error.
std::string KindList() {
  std::string list;
  for (const auto& [kind, spelling] : kNames) {
    if (!list.empty()) list += ", ";
    list += spelling;
  }
  return list;
}

Status Bad(std::string_view item, const std::string& why) {
  return Status(ErrorCode::kInvalidArgument,
                "--faults: " + why + " in \"" + std::string(item) + "\"");
}

std::optional<FaultKind> KindNamed(std::string_view name) {
  for (const auto& [kind, spelling] : kNames) {
    if (spelling == name) return kind;
  }
  return std::nullopt;
}

// One "kind:fraction" item.
StatusOr<FaultShare> ParseShare(std::string_view item) {
  const size_t colon = item.find(':');
  if (colon == std::string_view::npos) return Bad(item, "expected kind:fraction");
  const std::string_view name = Trim(item.substr(0, colon));
  const std::string_view number = Trim(item.substr(colon + 1));
  const auto kind = KindNamed(name);
  if (!kind) {
    return Bad(item, "unknown fault kind \"" + std::string(name) + "\" (" + KindList() + ")");
  }
  double fraction = -1;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), fraction);
  if (number.empty() || error != std::errc() || end != number.data() + number.size() ||
      !(fraction >= 0 && fraction <= 1)) {
    return Bad(item, "the fraction must be a number from 0 to 1");
  }
  return FaultShare{*kind, fraction};
}

}  // namespace

std::string_view FaultName(FaultKind kind) {
  for (const auto& [k, spelling] : kNames) {
    if (k == kind) return spelling;
  }
  return "";
}

StatusOr<FaultPlan> ParseFaultPlan(std::string_view spec) {
  FaultPlan plan;
  if (Trim(spec).empty()) return plan;
  double total = 0;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string_view item = Trim(spec.substr(start, end - start));
    start = end + 1;
    if (item.empty()) return Bad(spec, "an empty item");
    PELO_ASSIGN_OR_RETURN(FaultShare share, ParseShare(item));
    for (const FaultShare& seen : plan) {
      if (seen.kind == share.kind) {
        return Bad(item, "fault kind \"" + std::string(FaultName(share.kind)) + "\" given twice");
      }
    }
    total += share.fraction;
    if (total > 1 + kRoundingSlack) return Bad(item, "the fractions add up to more than 1");
    plan.push_back(share);
  }
  return plan;
}

double FaultPoint(uint64_t seed, uint64_t k) {
  const uint64_t bits = Mix(Mix(seed, kFaultStream), k);
  return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);  // 53 bits in [0, 1)
}

namespace {

// The fault drawn for request `k` alone (no bursts).
std::optional<FaultKind> DrawOne(const FaultPlan& plan, uint64_t seed, uint64_t k) {
  const double point = FaultPoint(seed, k);
  double upper = 0;
  const FaultShare* last_firing = nullptr;
  for (const FaultShare& share : plan) {
    if (share.fraction <= 0) continue;
    upper += share.fraction;
    last_firing = &share;
    if (point < upper) return share.kind;
  }
  // A total that is 1 but for rounding still covers all of [0, 1).
  if (last_firing && upper >= 1 - kRoundingSlack) return last_firing->kind;
  return std::nullopt;
}

}  // namespace

std::optional<FaultKind> DrawFault(const FaultPlan& plan, uint64_t seed, uint64_t k, int burst) {
  if (plan.empty()) return std::nullopt;
  const uint64_t span = std::min<uint64_t>(static_cast<uint64_t>(std::max(burst, 1)), k + 1);
  for (uint64_t back = 0; back < span; ++back) {
    if (auto fault = DrawOne(plan, seed, k - back)) return fault;
  }
  return std::nullopt;
}

}  // namespace pelo::sim
