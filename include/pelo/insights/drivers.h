// What `pelo stats drivers` computes: the §5 analysis (analytics::AnalyzeDrivers: Method A,
// Method B, trend, pitfalls) plus the Banister impulse-response fit of §5.5 on the rider's FTP
// tests, and the one-line "top driver" the demo shows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/banister.h"
#include "pelo/analytics/drivers.h"
#include "pelo/insights/ride_history.h"

namespace pelo::insights {

// §5.5 on FTP-test results (§5.1: the protocolised anchors), daily load = ride TSS.
struct ImpulseResponse {
  int tests = 0;  // FTP tests with a result
  // nullopt with < 3 tests or a load too uniform to separate fitness from fatigue.
  std::optional<analytics::BanisterFit> fit;
  // The extension: one fitness gain per TSS component accrued in Z1-Z2, Z3-Z4 and Z5-Z7.
  std::optional<analytics::BanisterComponentFit> components;
  std::string note;  // why the fit is missing or not evidence ("" when it is)
};

struct DriversAnalysis {
  analytics::DriversFindings findings;
  ImpulseResponse banister;
};

DriversAnalysis AnalyzeHistory(const RideHistory& history,
                               const analytics::DriversOptions& options = {});

// The highest-ranked factor whose interval is narrow enough to say something (Method A), or
// nullptr.
const analytics::FactorResult* TopDriver(const analytics::DriversFindings& report);

// "time on the bike", "share of time in Z5-Z7", ... (the catalogue's phrase for a feature, made
// to stand alone; the name if unknown).
std::string FeaturePhrase(const std::string& feature);

}  // namespace pelo::insights
