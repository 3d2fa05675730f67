#include "stats_drivers_output.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "pelo/app/columns.h"
#include "pelo/app/json.h"
#include "pelo/export/csv.h"
#include "render.h"

namespace pelo::cli {
namespace {

using analytics::FactorResult;

constexpr size_t kFactorsShown = 5;

std::string Cell(const std::optional<double>& v) { return exporter::FormatNumber(v); }

void PrintFactorsCsv(const analytics::DriversFindings& r, std::ostream& out) {
  exporter::WriteCsvRecord({"rank", "feature", "phrase", "group", "blocks", "rho", "ci_lo", "ci_hi",
                            "insufficient", "rho_valid_blocks_only", "valid_blocks",
                            "rho_long_blocks", "rho_weekly_steps", "bootstrap_lo", "bootstrap_hi"},
                           out);
  int rank = 0;
  for (const auto& f : r.method_a.factors) {
    exporter::WriteCsvRecord(
        {std::to_string(++rank), f.feature, insights::FeaturePhrase(f.feature),
         std::string(analytics::FeatureGroupName(f.group)), std::to_string(f.blocks), Cell(f.rho),
         f.ci ? Cell(f.ci->lo) : "", f.ci ? Cell(f.ci->hi) : "", f.insufficient ? "1" : "0",
         Cell(f.rho_valid_only), std::to_string(f.blocks_valid_only), Cell(f.rho_long_blocks),
         Cell(f.rho_weekly_steps), f.bootstrap_ci ? Cell(f.bootstrap_ci->lo) : "",
         f.bootstrap_ci ? Cell(f.bootstrap_ci->hi) : ""},
        out);
  }
}

std::string Rho(const FactorResult& f) {
  if (!f.rho) return "";
  if (!f.ci) return fmt::format("{:+.2f}", *f.rho);
  return fmt::format("{:+.2f} [{:+.2f}, {:+.2f}]", *f.rho, f.ci->lo, f.ci->hi);
}

void PrintDriversText(const insights::DriversAnalysis& a, const analytics::DriversOptions& o,
                      std::ostream& out) {
  const analytics::DriversFindings& r = a.findings;
  const std::string outcome(analytics::OutcomeName(o.outcome));
  out << fmt::format(
      "What went with later gains in {} (your best 20 minutes of the last 6 weeks x 0.95):\n"
      "{} weeks cut into {} {}-week blocks with an outcome change, {} followed by a benchmark "
      "effort.\nThese are associations in your own history, not proof of cause.\n\n",
      outcome, r.weeks.size(), r.method_a.blocks, r.method_a.block_weeks, r.method_a.valid_blocks);
  const FactorResult* top = insights::TopDriver(r);
  if (top) {
    out << "Top driver: " << insights::FeaturePhrase(top->feature) << ".\n";
  } else {
    out << "No factor stands out yet: every interval is too wide (insufficient data).\n";
  }
  size_t shown = 0;
  for (const auto& f : r.method_a.factors) {
    if (shown++ == kFactorsShown) break;
    out << "  " << shown << ". " << f.sentence << "\n";
  }
  out << "\n";
  Table table({{"factor", 44},
               {"feature", 12},
               {"blocks", 6, true},
               {"rho [95% CI]", 22, true},
               {"valid only", 10, true},
               {"6-week", 6, true}});
  for (const auto& f : r.method_a.factors) {
    table.Add({insights::FeaturePhrase(f.feature) + (f.insufficient ? " (insufficient)" : ""),
               f.feature, std::to_string(f.blocks), Rho(f),
               f.rho_valid_only ? fmt::format("{:+.2f}", *f.rho_valid_only) : "",
               f.rho_long_blocks ? fmt::format("{:+.2f}", *f.rho_long_blocks) : ""});
  }
  table.Print(out);

  out << "\nWith the other factors held fixed (" << r.method_b.blocks << " blocks"
      << (r.method_b.ridge ? ", ridge" : "") << fmt::format(", R² {:.2f}", r.method_b.r2)
      << (r.method_b.insufficient ? "; insufficient data" : "") << "):\n";
  for (const auto& e : r.method_b.effects) out << "  " << e.sentence << "\n";

  if (r.trend.theil_sen_per_week) {
    out << fmt::format("\nTrend: {} {:+.2f} W/week over {} weeks (Theil-Sen; OLS {:+.2f}){}\n",
                       outcome, *r.trend.theil_sen_per_week, r.trend.weeks,
                       r.trend.ols_per_week.value_or(0),
                       r.trend.insufficient ? ", too short a span to call" : "");
  }
  const insights::ImpulseResponse& b = a.banister;
  out << "\nFitness-fatigue model (Banister, FTP tests as performance): ";
  if (b.fit) {
    out << fmt::format("FTP ≈ {:.0f} + {:.3f}·fitness − {:.3f}·fatigue over {} tests (R² {:.2f})",
                       b.fit->p0, b.fit->k1, b.fit->k2, b.fit->tests, b.fit->r2);
  }
  out << (b.note.empty() ? "" : (b.fit ? ". " : "") + b.note) << "\n";
  if (b.components && b.components->k1.size() == 3) {
    static const char* kNames[] = {"easy (Z1-Z2)", "tempo/threshold (Z3-Z4)", "hard (Z5-Z7)"};
    out << "  FTP gain per TSS by intensity:";
    for (size_t c = 0; c < 3; ++c) {
      out << fmt::format(" {} {:.3f}", kNames[c], b.components->k1[c]);
      if (c < b.components->k1_intervals.size()) {
        out << fmt::format(" [{:.3f}, {:.3f}]", b.components->k1_intervals[c].lo,
                           b.components->k1_intervals[c].hi);
      }
      out << (c < 2 ? ";" : "\n");
    }
  }
  if (!r.pitfalls.empty()) {
    out << "\nCaveats:\n";
    for (const auto& p : r.pitfalls) out << "  - " << p.message << "\n";
  }
}

}  // namespace

void PrintDrivers(const insights::DriversAnalysis& analysis,
                  const analytics::DriversOptions& options, StatsFormat format, bool pretty,
                  std::ostream& out) {
  switch (format) {
    case StatsFormat::kCsv:
      PrintFactorsCsv(analysis.findings, out);
      return;
    case StatsFormat::kJson:
      out << app::DriversJson(analysis, options, pretty) << "\n";
      return;
    case StatsFormat::kTable:
      PrintDriversText(analysis, options, out);
      return;
  }
}

void PrintWeeklyFeatures(const std::vector<analytics::WeekFeatures>& weeks, StatsFormat format,
                         bool pretty, std::ostream& out) {
  if (format == StatsFormat::kJson) {
    out << app::WeeklyFeaturesJson(weeks, pretty) << "\n";
    return;
  }
  if (format == StatsFormat::kCsv) {
    exporter::WriteCsvRecord(app::WeeklyFeatureColumns(), out);
    for (const auto& w : weeks) {
      std::vector<std::string> cells = {analytics::FormatDay(w.week_start)};
      for (const auto& v : app::WeeklyFeatureValues(w)) cells.push_back(Cell(v));
      exporter::WriteCsvRecord(cells, out);
    }
    return;
  }
  // The table: the main feature of each group; --csv and --json have all of them.
  Table table({{"week", 10},
               {"hours", 5, true},
               {"rides", 5, true},
               {"TSS", 5, true},
               {"CTL", 5, true},
               {"f_high", 6, true},
               {"n_hi", 4, true},
               {"1-min/FTP", 9, true},
               {"IF max", 6, true},
               {"eFTP42", 6, true},
               {"bench", 5}});
  auto fixed = [](const std::optional<double>& v, int decimals) {
    return v ? fmt::format("{:.{}f}", *v, decimals) : std::string();
  };
  for (const auto& w : weeks) {
    table.Add({analytics::FormatDay(w.week_start), fixed(w.hours, 1), fixed(w.rides, 0),
               fixed(w.tss, 0), fixed(w.ctl_end, 1), fixed(w.f_high, 2), fixed(w.n_hi, 0),
               fixed(w.mmp60_rel, 2), fixed(w.if_max, 2), fixed(w.eftp42, 0),
               w.has_benchmark ? "yes" : ""});
  }
  table.Print(out);
}

}  // namespace pelo::cli
