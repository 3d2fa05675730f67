// The §5 analysis put together, with the pitfalls it must surface (analytics.md §5.7).
#include "pelo/analytics/drivers.h"

#include <algorithm>

namespace pelo::analytics {
namespace {

constexpr double kMinValidShare = 0.5;

std::vector<Pitfall> RidePitfalls(const std::vector<RideSummary>& rides) {
  std::vector<Pitfall> out;
  std::vector<std::string> devices;
  int without_ftp = 0;
  bool coarse = false;
  for (const auto& r : rides) {
    if (!r.device.empty() && std::find(devices.begin(), devices.end(), r.device) == devices.end()) {
      devices.push_back(r.device);
    }
    if (!r.ftp || *r.ftp <= 0) ++without_ftp;
    coarse = coarse || r.every_n > 5;
  }
  if (devices.size() > 1) {
    std::string list;
    for (const auto& d : devices) list += (list.empty() ? "" : ", ") + d;
    out.push_back({PitfallKind::kDeviceChange,
                   "Rides come from more than one device (" + list +
                       "): their power is not comparable. Analyse each device's period "
                       "separately."});
  }
  if (without_ftp > 0) {
    out.push_back({PitfallKind::kMissingFtp,
                   std::to_string(without_ftp) +
                       " rides have no FTP in effect: they count for volume but not for zones, "
                       "TSS or intensity. Zones use the FTP of each ride's date, never today's."});
  }
  if (coarse) {
    out.push_back({PitfallKind::kResolutionLimited,
                   "Some rides were sampled every 6 s or more: their 5 s peaks are lower bounds "
                   "(resolution-limited)."});
  }
  return out;
}

std::vector<Pitfall> BlockPitfalls(const BlockCorrelations& a, const DriversOptions& o) {
  std::vector<Pitfall> out;
  if (a.blocks < o.min_blocks) {
    out.push_back({PitfallKind::kInsufficientData,
                   "Insufficient data: " + std::to_string(a.blocks) + " " +
                       std::to_string(a.block_weeks) + "-week blocks with an outcome change; " +
                       "at least " + std::to_string(o.min_blocks) + " are needed."});
  }
  const bool any_usable = std::any_of(a.factors.begin(), a.factors.end(),
                                      [](const FactorResult& f) { return !f.insufficient; });
  if (a.blocks >= o.min_blocks && !any_usable) {
    out.push_back({PitfallKind::kWideIntervals,
                   "Every factor's 95 % interval is too wide to tell a direction: more blocks "
                   "are needed."});
  }
  if (a.blocks > 0 && a.valid_blocks < kMinValidShare * a.blocks) {
    out.push_back({PitfallKind::kFewBenchmarks,
                   "Only " + std::to_string(a.valid_blocks) + " of " + std::to_string(a.blocks) +
                       " blocks are followed by a benchmark effort (an FTP test or a ride of 20 "
                       "min or more at IF 0.90 or above); without one the outcome cannot rise. "
                       "Compare with the valid-blocks-only results."});
  }
  return out;
}

}  // namespace

DriversFindings AnalyzeDrivers(const std::vector<RideSummary>& rides,
                               const DriversOptions& options) {
  DriversFindings report;
  report.weeks = BuildWeeklyFeatures(rides);
  report.method_a = RankDriversByBlocks(report.weeks, options);
  report.method_b = FitPartialEffects(report.weeks, options);
  report.trend = OutcomeTrend(report.weeks, options);
  report.pitfalls = RidePitfalls(rides);
  for (auto& p : BlockPitfalls(report.method_a, options)) report.pitfalls.push_back(std::move(p));
  return report;
}

}  // namespace pelo::analytics
