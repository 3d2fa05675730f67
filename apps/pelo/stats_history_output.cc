#include "stats_history_output.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "pelo/app/columns.h"
#include "pelo/app/json.h"
#include "pelo/export/csv.h"
#include "render.h"

namespace pelo::cli {
namespace {

using analytics::FormatDay;

std::string Num(double v) { return exporter::FormatNumber(v); }

std::string Signed(double v, int decimals) { return fmt::format("{:+.{}f}", v, decimals); }

std::string Percent(double part, double total) {
  return total > 0 ? fmt::format("{:.0f}", 100 * part / total) : "";
}

}  // namespace

void PrintFitness(const std::vector<analytics::PmcDay>& days, StatsFormat format, bool pretty,
                  std::ostream& out) {
  if (format == StatsFormat::kCsv) {
    exporter::WriteCsvRecord({"date", "load", "ctl", "atl", "tsb", "ramp"}, out);
    for (const auto& d : days) {
      exporter::WriteCsvRecord(
          {FormatDay(d.day), Num(d.load), Num(d.ctl), Num(d.atl), Num(d.tsb), Num(d.ramp)}, out);
    }
    return;
  }
  if (format == StatsFormat::kJson) {
    out << app::FitnessJson(days, pretty) << "\n";
    return;
  }
  if (days.empty()) {
    out << "No rides with a training load (TSS) stored: run `pelo sync` first.\n";
    return;
  }
  const analytics::PmcDay& last = days.back();
  out << fmt::format(
      "Form on {}: TSB {} ({}); fitness (CTL) {:.1f}, fatigue (ATL) {:.1f}, ramp {}/week\n\n",
      FormatDay(last.day), Signed(last.tsb, 1), insights::FormWord(last.tsb), last.ctl, last.atl,
      Signed(last.ramp, 1));
  Table table({{"date", 10},
               {"TSS", 5, true},
               {"CTL", 6, true},
               {"ATL", 6, true},
               {"TSB", 6, true},
               {"ramp", 6, true}});
  for (const auto& d : days) {
    table.Add({FormatDay(d.day), d.load > 0 ? fmt::format("{:.0f}", d.load) : "",
               fmt::format("{:.1f}", d.ctl), fmt::format("{:.1f}", d.atl), Signed(d.tsb, 1),
               Signed(d.ramp, 1)});
  }
  table.Print(out);
}

void PrintFtpReport(const insights::FtpSummary& ftp, const insights::RideHistory& history,
                    StatsFormat format, bool pretty, std::ostream& out) {
  auto kind = [](const analytics::FtpChange& c) {
    return std::string(analytics::FtpChangeKindName(c.kind));
  };
  if (format == StatsFormat::kCsv) {
    exporter::WriteCsvRecord({"date", "kind", "ftp", "previous", "workout_id", "title"}, out);
    for (const auto& c : ftp.changes) {
      exporter::WriteCsvRecord(
          {FormatDay(c.day), kind(c), Num(c.ftp), exporter::FormatNumber(c.previous), c.workout_id,
           insights::RideTitle(history, c.workout_id)},
          out);
    }
    return;
  }
  if (format == StatsFormat::kJson) {
    out << app::FtpJson(ftp, history, pretty) << "\n";
    return;
  }
  if (ftp.changes.empty()) {
    out << "No FTP stored yet: no rides with an FTP, FTP test or 20-minute effort.\n";
    return;
  }
  Table table({{"date", 10}, {"kind", 9}, {"FTP", 4, true}, {"change", 6, true}, {"ride", 40}});
  for (const auto& c : ftp.changes) {
    table.Add({FormatDay(c.day), kind(c), fmt::format("{:.0f}", c.ftp),
               c.previous ? Signed(c.ftp - *c.previous, 0) : "",
               insights::RideTitle(history, c.workout_id)});
  }
  table.Print(out);
  out << "\n";
  if (ftp.current) {
    out << fmt::format("Current FTP: {:.0f} W ({} on {})", ftp.current->ftp, kind(*ftp.current),
                       FormatDay(ftp.current->day));
    if (ftp.first && ftp.first->day != ftp.current->day) {
      out << fmt::format(", {} W since {}", Signed(ftp.current->ftp - ftp.first->ftp, 0),
                         FormatDay(ftp.first->day));
    }
    out << "\n";
  }
  if (ftp.eftp_today) {
    out << fmt::format(
        "eFTP42 (0.95 x best 20 min of the last 42 days): {:.0f} W, set {} days ago{}\n",
        ftp.eftp_today->watts, ftp.eftp_today->age_days,
        ftp.eftp_today->stale ? " (stale: no hard 20 minutes lately)" : "");
  }
  if (ftp.eftp_trend_w_per_week) {
    out << fmt::format("eFTP42 trend: {} W/week over the last {} weeks (Theil-Sen)\n",
                       Signed(*ftp.eftp_trend_w_per_week, 1), ftp.trend_weeks);
  }
}

void PrintZones(const std::vector<insights::ZoneTotals>& periods, insights::ZonePeriod period,
                StatsFormat format, bool pretty, std::ostream& out) {
  const std::vector<std::string> columns = app::ZoneColumns(period);
  const std::string& key = columns.front();  // week or month
  auto cells = [](const insights::ZoneTotals& t) {
    std::vector<std::string> c = {FormatDay(t.start), std::to_string(t.workouts), Num(t.hours),
                                  Num(t.tss)};
    for (double s : t.power_zone_s) c.push_back(Num(s));
    for (double s : t.hr_zone_s) c.push_back(Num(s));
    return c;
  };
  if (format == StatsFormat::kCsv) {
    exporter::WriteCsvRecord(columns, out);
    for (const auto& t : periods) exporter::WriteCsvRecord(cells(t), out);
    return;
  }
  if (format == StatsFormat::kJson) {
    out << app::ZonesJson(periods, period, pretty) << "\n";
    return;
  }
  std::vector<Column> header = {{key, 10}, {"n", 3, true}, {"hours", 5, true}, {"TSS", 5, true}};
  for (int z = 1; z <= 7; ++z) header.push_back({fmt::format("Z{}%", z), 4, true});
  for (int z = 1; z <= 5; ++z) header.push_back({fmt::format("HR{}%", z), 4, true});
  Table table(header);
  for (const auto& t : periods) {
    double power = 0, hr = 0;
    for (double s : t.power_zone_s) power += s;
    for (double s : t.hr_zone_s) hr += s;
    std::vector<std::string> row = {FormatDay(t.start), std::to_string(t.workouts),
                                    fmt::format("{:.1f}", t.hours), fmt::format("{:.0f}", t.tss)};
    for (double s : t.power_zone_s) row.push_back(Percent(s, power));
    for (double s : t.hr_zone_s) row.push_back(Percent(s, hr));
    table.Add(row);
  }
  table.Print(out);
  out << "\nZ1-Z7: share of ride time in Peloton power zones at each ride's FTP; HR1-HR5: share "
         "of time with heart rate in each heart-rate zone. --csv has the seconds.\n";
}

}  // namespace pelo::cli
