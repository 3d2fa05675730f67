// Peloton power zones (analytics.md §2.10) and heart-rate zones (§2.11), with time in zones.
// Bounds are integer percentages compared as 100·v >= pct·ref (§1.6), zones half-open [lo, hi).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace pelo::analytics {

// Lower bounds of Z1..Z7 in % of FTP (§2.10; Coggan levels, GC Zones.cpp defaults).
inline constexpr std::array<int, 7> kPowerZonePct = {0, 55, 75, 90, 105, 120, 150};
// Lower bounds of Z1..Z5 in % of max HR (§2.11; Peloton).
inline constexpr std::array<int, 5> kHrZonePct = {0, 65, 75, 85, 95};
// GC's default HR zones in % of LTHR (§2.11): an alternative scheme only.
inline constexpr std::array<int, 5> kGcLthrZonePct = {0, 68, 83, 94, 105};

using PowerZoneSeconds = std::array<double, 7>;
using HrZoneSeconds = std::array<double, 5>;

// The 1-based zone of `value` for reference `ref`: max{z : 100·value >= pct[z-1]·ref}. 0 (no
// zone) for negative or NaN values or ref <= 0.
int ZoneOf(double value, double ref, std::span<const int> pct);

// §2.10 Peloton power zone 1..7 of `watts` at `ftp` (TV-11); 0 when undefined.
int PowerZone(double watts, double ftp);

// §2.11 Peloton HR zone 1..5 of `bpm` at `max_hr`; 0 for bpm <= 0 (sensor missing, §1.4).
int HrZone(double bpm, double max_hr);

// §2.10 seconds in Z1..Z7, dt per sample; zeros fall in Z1. All zero if ftp <= 0.
PowerZoneSeconds TimeInPowerZones(const std::vector<double>& power, double ftp, double dt = 1.0);

// §2.11 seconds in Z1..Z5 of % max HR, dt per sample; HR <= 0 is skipped.
HrZoneSeconds TimeInHrZones(const std::vector<double>& hr, double max_hr, double dt = 1.0);

// §2.11 seconds in Z1..Z5 of the workout's own zones (lower bounds in bpm, ascending): zone =
// max{z : hr >= lower[z-1]}; HR <= 0 and HR below Z1 are skipped.
HrZoneSeconds TimeInHrZonesBpm(const std::vector<double>& hr, const std::array<double, 5>& lower,
                               double dt = 1.0);

}  // namespace pelo::analytics
