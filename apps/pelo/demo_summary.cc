#include "demo_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "pelo/analytics/power.h"
#include "pelo/common/time.h"

namespace pelo::cli {
namespace {

constexpr int kTwentyMinutes = 1200;

struct Best {
  double watts = 0;
  const model::WorkoutRow* row = nullptr;
};

std::string Day(const model::WorkoutRow& r) {
  return r.start_time ? FormatUtcDate(*r.start_time) : "?";
}

// Best 20-minute mean output over every cycling workout (analytics.md §2.4 on 1 Hz data).
StatusOr<Best> BestTwentyMinutes(store::Store& store, const std::vector<model::WorkoutRow>& rows) {
  Best best;
  for (const auto& r : rows) {
    if (r.discipline != "cycling") continue;
    PELO_ASSIGN_OR_RETURN(auto series, store.OutputSeries(r.workout_id));
    auto mmp = analytics::MeanMaximalPower(analytics::ToPower1Hz(series, 1), kTwentyMinutes);
    if (mmp && *mmp > best.watts) best = {*mmp, &r};
  }
  return best;
}

// The API's discipline slugs, as riders say them ("caesar" is Peloton's codename for the Row).
std::string DisciplineLabel(const std::string& slug) {
  if (slug.empty()) return "other";
  if (slug == "caesar") return "rowing";
  return slug;
}

void PrintDisciplines(const std::vector<model::WorkoutRow>& rows, std::ostream& out) {
  std::map<std::string, int> by_discipline;
  for (const auto& r : rows) ++by_discipline[DisciplineLabel(r.discipline)];
  std::vector<std::pair<std::string, int>> sorted(by_discipline.begin(), by_discipline.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string parts;
  for (const auto& [name, n] : sorted)
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, name);
  out << fmt::format("  {} workouts: {}\n", rows.size(), parts);
}

void PrintFtp(const std::vector<model::WorkoutRow>& rows, std::ostream& out) {
  const model::WorkoutRow* first = nullptr;  // rows are newest first
  const model::WorkoutRow* last = nullptr;
  for (const auto& r : rows) {
    if (!r.ftp || *r.ftp <= 0) continue;
    if (!last) last = &r;
    first = &r;
  }
  if (!first) return;
  out << fmt::format("  FTP: {:.0f} W on {}, {:.0f} W on {} ({:+.0f} W)\n", *first->ftp,
                     Day(*first), *last->ftp, Day(*last), *last->ftp - *first->ftp);
}

}  // namespace

Status PrintDemoSummary(store::Store& store, std::ostream& out) {
  PELO_ASSIGN_OR_RETURN(auto rows, store.WorkoutRows());
  if (rows.empty()) {
    out << "  no workouts stored\n";
    return OkStatus();
  }
  PrintDisciplines(rows, out);
  out << fmt::format("  from {} to {}\n", Day(rows.back()), Day(rows.front()));
  PELO_ASSIGN_OR_RETURN(Best best, BestTwentyMinutes(store, rows));
  if (best.row) {
    out << fmt::format("  best 20-minute output: {:.0f} W, {} ({})\n", best.watts, Day(*best.row),
                       best.row->title);
  }
  PrintFtp(rows, out);
  return OkStatus();
}

}  // namespace pelo::cli
