// DriversJson and WeeklyFeaturesJson (json.h).
#include "json_values.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/app/columns.h"
#include "pelo/app/json.h"

namespace pelo::app {
namespace {

using analytics::FactorResult;

Json IntervalJson(const std::optional<analytics::Interval>& ci) {
  if (!ci) return nullptr;
  return Json::array({Rounded(ci->lo), Rounded(ci->hi)});
}

Json FactorJson(const FactorResult& f) {
  return {{"feature", f.feature},
          {"phrase", insights::FeaturePhrase(f.feature)},
          {"group", std::string(analytics::FeatureGroupName(f.group))},
          {"blocks", f.blocks},
          {"rho", Rounded(f.rho)},
          {"ci95", IntervalJson(f.ci)},
          {"insufficient", f.insufficient},
          {"rho_valid_blocks_only", Rounded(f.rho_valid_only)},
          {"valid_blocks", f.blocks_valid_only},
          {"rho_long_blocks", Rounded(f.rho_long_blocks)},
          {"rho_weekly_steps", Rounded(f.rho_weekly_steps)},
          {"bootstrap_ci95", IntervalJson(f.bootstrap_ci)},
          {"sentence", f.sentence}};
}

Json BanisterJson(const insights::ImpulseResponse& b) {
  Json j = {{"tests", b.tests}, {"note", b.note}};
  if (b.fit) {
    j["fit"] = {{"p0", Rounded(b.fit->p0)},
                {"k1", Rounded(b.fit->k1)},
                {"k2", Rounded(b.fit->k2)},
                {"r2", Rounded(b.fit->r2)},
                {"enough_tests", b.fit->enough_tests}};
  } else {
    j["fit"] = nullptr;
  }
  if (b.components) {
    static const char* kNames[] = {"z1_z2", "z3_z4", "z5_z7"};
    Json k1 = Json::object();
    for (size_t c = 0; c < b.components->k1.size() && c < 3; ++c) {
      k1[kNames[c]] = {{"k1", Rounded(b.components->k1[c])},
                       {"ci95", c < b.components->k1_intervals.size()
                                    ? IntervalJson(b.components->k1_intervals[c])
                                    : Json(nullptr)}};
    }
    j["components"] = {
        {"p0", Rounded(b.components->p0)}, {"k1", k1}, {"k2", Rounded(b.components->k2)}};
  } else {
    j["components"] = nullptr;
  }
  return j;
}

}  // namespace

std::string DriversJson(const insights::DriversAnalysis& a, const analytics::DriversOptions& o,
                        bool pretty) {
  const analytics::DriversFindings& r = a.findings;
  Json j = Json::object();
  j["outcome"] = std::string(analytics::OutcomeName(o.outcome));
  j["weeks"] = r.weeks.size();
  j["block_weeks"] = r.method_a.block_weeks;
  j["blocks"] = r.method_a.blocks;
  j["valid_blocks"] = r.method_a.valid_blocks;
  const FactorResult* top = insights::TopDriver(r);
  j["top_driver"] = top ? Json(top->feature) : Json(nullptr);
  j["factors"] = Json::array();
  for (const auto& f : r.method_a.factors) j["factors"].push_back(FactorJson(f));
  Json b = {{"blocks", r.method_b.blocks},
            {"ridge", r.method_b.ridge},
            {"r2", Rounded(r.method_b.r2)},
            {"insufficient", r.method_b.insufficient},
            {"effects", Json::array()}};
  for (const auto& e : r.method_b.effects) {
    b["effects"].push_back({{"feature", e.feature},
                            {"beta", Rounded(e.beta)},
                            {"ci95", IntervalJson(e.ci)},
                            {"sentence", e.sentence}});
  }
  j["partial_effects"] = b;
  j["trend"] = {{"weeks", r.trend.weeks},
                {"theil_sen_w_per_week", Rounded(r.trend.theil_sen_per_week)},
                {"ols_w_per_week", Rounded(r.trend.ols_per_week)},
                {"insufficient", r.trend.insufficient}};
  j["impulse_response"] = BanisterJson(a.banister);
  j["pitfalls"] = Json::array();
  for (const auto& p : r.pitfalls) j["pitfalls"].push_back(p.message);
  return Dump(j, pretty);
}

std::string WeeklyFeaturesJson(const std::vector<analytics::WeekFeatures>& weeks, bool pretty) {
  const std::vector<std::string> columns = WeeklyFeatureColumns();
  Json all = Json::array();
  for (const auto& w : weeks) {
    Json item = Json::object();
    item["week"] = analytics::FormatDay(w.week_start);
    const auto v = WeeklyFeatureValues(w);
    for (size_t i = 0; i < v.size(); ++i) item[columns[i + 1]] = Rounded(v[i]);
    all.push_back(std::move(item));
  }
  return Dump(all, pretty);
}

}  // namespace pelo::app
