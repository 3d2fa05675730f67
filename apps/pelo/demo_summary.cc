#include "demo_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "pelo/app/history.h"
#include "pelo/common/time.h"
#include "pelo/insights/drivers.h"
#include "pelo/insights/fitness.h"
#include "pelo/model/discipline.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

std::string Day(const std::optional<int64_t>& start_time) {
  return start_time ? FormatUtcDate(*start_time) : "?";
}

// The API's discipline slugs, as riders say them ("caesar" is Peloton's codename for the Row).
std::string DisciplineLabel(const std::string& slug) {
  if (slug.empty()) return "other";
  return std::string(model::PersonDiscipline(slug));
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

// The headline: FTP now and its trend, form today, and the top driver (analytics.md §3-§5).
void PrintHeadline(const app::LoadedHistory& loaded, std::ostream& out) {
  const insights::RideHistory& history = loaded.history;
  if (history.rides.empty()) return;
  const analytics::DayNumber today = loaded.today;
  const insights::FtpSummary ftp = insights::BuildFtpSummary(history, today);
  if (ftp.current) {
    out << fmt::format("  FTP: {:.0f} W ({} on {})", ftp.current->ftp,
                       analytics::FtpChangeKindName(ftp.current->kind),
                       analytics::FormatDay(ftp.current->day));
    if (ftp.first && ftp.first->day != ftp.current->day) {
      out << fmt::format(", {:+.0f} W since {}", ftp.current->ftp - ftp.first->ftp,
                         analytics::FormatDay(ftp.first->day));
    }
    out << "\n";
  }
  if (ftp.eftp_today && ftp.eftp_trend_w_per_week) {
    out << fmt::format("  eFTP42: {:.0f} W, trend {:+.1f} W/week over the last {} weeks\n",
                       ftp.eftp_today->watts, *ftp.eftp_trend_w_per_week, ftp.trend_weeks);
  }
  insights::FitnessOptions fitness;
  fitness.today = today;
  fitness.since = today;
  if (auto days = insights::FitnessSeries(history, fitness); !days.empty()) {
    const analytics::PmcDay& d = days.back();
    out << fmt::format(
        "  Form today: TSB {:+.1f} ({}), fitness (CTL) {:.1f}, fatigue (ATL) {:.1f}\n", d.tsb,
        insights::FormWord(d.tsb), d.ctl, d.atl);
  }
  const insights::DriversAnalysis drivers = insights::AnalyzeHistory(history);
  if (const analytics::FactorResult* top = insights::TopDriver(drivers.findings)) {
    out << "  Top driver: " << top->sentence << "\n";
  } else {
    out << "  Top driver: none yet (" << drivers.findings.method_a.blocks
        << " four-week blocks; intervals too wide to say)\n";
  }
}

}  // namespace

Status PrintDemoSummary(store::Store& store, std::ostream& out) {
  PELO_ASSIGN_OR_RETURN(auto rows, store.WorkoutRows());
  if (rows.empty()) {
    out << "  no workouts stored\n";
    return OkStatus();
  }
  PrintDisciplines(rows, out);
  out << fmt::format("  from {} to {}\n", Day(rows.back().start_time),
                     Day(rows.front().start_time));
  PELO_ASSIGN_OR_RETURN(std::optional<app::BestEffort> best, app::BestTwentyMinutes(store));
  if (best) {
    out << fmt::format("  best 20-minute output: {:.0f} W, {} ({})\n", best->watts,
                       Day(best->start_time), TerminalText(best->title));
  }
  PELO_ASSIGN_OR_RETURN(app::LoadedHistory history, app::LoadHistory(store));
  PrintHeadline(history, out);
  return OkStatus();
}

}  // namespace pelo::cli
