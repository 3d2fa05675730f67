#include "stats_output.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "pelo/common/time.h"
#include "pelo/export/csv.h"
#include "render.h"

namespace pelo::cli {
namespace {

using Row = model::RideMetricsRow;
using Member = std::optional<double> Row::*;

struct NumberColumn {
  const char* name;
  Member member;
};

// The numeric columns after workout_id, date, discipline and title.
constexpr NumberColumn kNumberColumns[] = {
    {"ftp", &Row::ftp},
    {"duration_s", &Row::duration_s},
    {"avg_power", &Row::avg_power},
    {"kj", &Row::kj},
    {"np", &Row::np},
    {"vi", &Row::vi},
    {"if", &Row::if_},
    {"tss", &Row::tss},
    {"tss_per_hour", &Row::tss_per_hour},
    {"mmp_1s", &Row::mmp_1s},
    {"mmp_5s", &Row::mmp_5s},
    {"mmp_30s", &Row::mmp_30s},
    {"mmp_60s", &Row::mmp_60s},
    {"mmp_300s", &Row::mmp_300s},
    {"mmp_1200s", &Row::mmp_1200s},
    {"mmp_3600s", &Row::mmp_3600s},
    {"avg_hr", &Row::avg_hr},
    {"ef", &Row::ef},
    {"decoupling", &Row::decoupling},
    {"trimp", &Row::trimp},
    {"pz1_s", &Row::pz1_s},
    {"pz2_s", &Row::pz2_s},
    {"pz3_s", &Row::pz3_s},
    {"pz4_s", &Row::pz4_s},
    {"pz5_s", &Row::pz5_s},
    {"pz6_s", &Row::pz6_s},
    {"pz7_s", &Row::pz7_s},
    {"hrz1_s", &Row::hrz1_s},
    {"hrz2_s", &Row::hrz2_s},
    {"hrz3_s", &Row::hrz3_s},
    {"hrz4_s", &Row::hrz4_s},
    {"hrz5_s", &Row::hrz5_s},
};

using Listing = model::RideMetricsListing;

std::optional<double> Int(const std::optional<int>& v) {
  return v ? std::optional<double>(*v) : std::nullopt;
}

// Pace (min/km) of runs and walks, split (s/500 m) of rows: from the distance and the time.
std::optional<double> PerKm(const Listing& r, double seconds_per_km_to_unit) {
  if (!r.distance_km || *r.distance_km <= 0 || !r.metrics.duration_s) return std::nullopt;
  return *r.metrics.duration_s / *r.distance_km / seconds_per_km_to_unit;
}

bool IsRun(const Listing& r) { return r.discipline == "running" || r.discipline == "walking"; }
bool IsRow(const Listing& r) { return r.discipline == "caesar" || r.discipline == "rowing"; }

struct ExtraColumn {
  const char* name;
  std::optional<double> (*value)(const Listing&);
};

// After hrz5_s: what the FTP history and the drivers use, and what other disciplines have.
const ExtraColumn kExtraColumns[] = {
    {"moving_time_s", [](const Listing& r) { return r.metrics.moving_time_s; }},
    {"nz_avg_power", [](const Listing& r) { return r.metrics.nz_avg_power; }},
    {"n_hi", [](const Listing& r) { return Int(r.metrics.n_hi); }},
    {"n_thr", [](const Listing& r) { return Int(r.metrics.n_thr); }},
    {"n_sprint", [](const Listing& r) { return Int(r.metrics.n_sprint); }},
    {"t_hi_s", [](const Listing& r) { return r.metrics.t_hi_s; }},
    {"is_ftp_test",
     [](const Listing& r) { return std::optional<double>(r.metrics.is_ftp_test ? 1 : 0); }},
    {"ftp_test_w", [](const Listing& r) { return r.metrics.ftp_test_w; }},
    {"every_n", [](const Listing& r) { return std::optional<double>(r.metrics.every_n); }},
    {"distance_km", [](const Listing& r) { return r.distance_km; }},
    {"pace_min_per_km", [](const Listing& r) { return IsRun(r) ? PerKm(r, 60) : std::nullopt; }},
    {"split_s_per_500m", [](const Listing& r) { return IsRow(r) ? PerKm(r, 2) : std::nullopt; }},
};

// The start time, UTC "YYYY-MM-DD HH:MM:SS" (the workouts CSV's date format); "" if unknown.
std::string Date(const model::RideMetricsListing& r) {
  return r.start_time ? FormatUtcDateTime(*r.start_time) : "";
}

nlohmann::ordered_json Number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return static_cast<int64_t>(*v);
  return *v;
}

}  // namespace

const std::vector<std::string>& RideStatsColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> columns = {"workout_id", "date", "discipline", "title"};
    for (const NumberColumn& column : kNumberColumns) columns.emplace_back(column.name);
    for (const ExtraColumn& column : kExtraColumns) columns.emplace_back(column.name);
    return columns;
  }();
  return kColumns;
}

void WriteRideStatsCsv(const std::vector<model::RideMetricsListing>& rows, std::ostream& out) {
  exporter::WriteCsvRecord(RideStatsColumns(), out);
  for (const model::RideMetricsListing& r : rows) {
    std::vector<std::string> cells = {r.metrics.workout_id, Date(r), r.discipline, r.title};
    for (const NumberColumn& column : kNumberColumns) {
      cells.push_back(exporter::FormatNumber(r.metrics.*column.member));
    }
    for (const ExtraColumn& column : kExtraColumns) {
      cells.push_back(exporter::FormatNumber(column.value(r)));
    }
    exporter::WriteCsvRecord(cells, out);
  }
}

std::string RideStatsJson(const std::vector<model::RideMetricsListing>& rows, bool pretty) {
  // Ordered: keys in column order, as in the CSV.
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const model::RideMetricsListing& r : rows) {
    nlohmann::ordered_json item = nlohmann::ordered_json::object();
    item["workout_id"] = r.metrics.workout_id;
    item["date"] = r.start_time ? nlohmann::ordered_json(Date(r)) : nlohmann::ordered_json(nullptr);
    item["discipline"] = r.discipline;
    item["title"] = r.title;
    for (const NumberColumn& column : kNumberColumns) {
      item[column.name] = Number(r.metrics.*column.member);
    }
    for (const ExtraColumn& column : kExtraColumns) item[column.name] = Number(column.value(r));
    all.push_back(std::move(item));
  }
  return pretty ? all.dump(2) : all.dump();
}

void PrintRideStatsTable(const std::vector<model::RideMetricsListing>& rows, std::ostream& out) {
  Table table({{"date (UTC)", 16},
               {"discipline", 10},
               {"title", 32},
               {"ftp", 4, true},
               {"min", 4, true},
               {"avg W", 5, true},
               {"NP", 4, true},
               {"IF", 4, true},
               {"TSS", 4, true},
               {"avg HR", 6, true},
               {"EF", 4, true},
               {"TRIMP", 5, true}});
  for (const model::RideMetricsListing& r : rows) {
    const Row& m = r.metrics;
    std::optional<double> minutes;
    if (m.duration_s) minutes = *m.duration_s / 60.0;
    table.Add({Date(r).substr(0, 16), r.discipline, r.title, NumberCell(m.ftp), NumberCell(minutes),
               NumberCell(m.avg_power), NumberCell(m.np), NumberCell(m.if_, 2), NumberCell(m.tss),
               NumberCell(m.avg_hr), NumberCell(m.ef, 2), NumberCell(m.trimp)});
  }
  table.Print(out);
}

}  // namespace pelo::cli
