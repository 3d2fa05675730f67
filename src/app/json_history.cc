// FitnessJson, FtpJson and ZonesJson (json.h).
#include "json_values.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/app/columns.h"
#include "pelo/app/json.h"

namespace pelo::app {

using analytics::FormatDay;

std::string FitnessJson(const std::vector<analytics::PmcDay>& days, bool pretty) {
  Json all = Json::array();
  for (const auto& d : days) {
    all.push_back({{"date", FormatDay(d.day)},
                   {"load", Rounded(d.load)},
                   {"ctl", Rounded(d.ctl)},
                   {"atl", Rounded(d.atl)},
                   {"tsb", Rounded(d.tsb)},
                   {"ramp", Rounded(d.ramp)}});
  }
  return Dump(all, pretty);
}

std::string FtpJson(const insights::FtpSummary& ftp, const insights::RideHistory& history,
                    bool pretty) {
  auto change = [&](const analytics::FtpChange& c) {
    return Json{
        {"date", FormatDay(c.day)},   {"kind", std::string(analytics::FtpChangeKindName(c.kind))},
        {"ftp", Rounded(c.ftp)},      {"previous", Rounded(c.previous)},
        {"workout_id", c.workout_id}, {"title", insights::RideTitle(history, c.workout_id)}};
  };
  Json j = Json::object();
  j["changes"] = Json::array();
  for (const auto& c : ftp.changes) j["changes"].push_back(change(c));
  j["current"] = ftp.current ? change(*ftp.current) : Json(nullptr);
  if (ftp.eftp_today) {
    j["eftp42"] = {{"watts", Rounded(ftp.eftp_today->watts)},
                   {"source_date", FormatDay(ftp.eftp_today->source_day)},
                   {"age_days", ftp.eftp_today->age_days},
                   {"stale", ftp.eftp_today->stale}};
  } else {
    j["eftp42"] = nullptr;
  }
  j["eftp42_trend_w_per_week"] = Rounded(ftp.eftp_trend_w_per_week);
  j["trend_weeks"] = ftp.trend_weeks;
  return Dump(j, pretty);
}

std::string ZonesJson(const std::vector<insights::ZoneTotals>& periods, insights::ZonePeriod period,
                      bool pretty) {
  const std::vector<std::string> columns = ZoneColumns(period);
  Json all = Json::array();
  for (const auto& t : periods) {
    Json item = Json::object();
    item[columns[0]] = FormatDay(t.start);
    item["workouts"] = t.workouts;
    item["hours"] = Rounded(t.hours);
    item["tss"] = Rounded(t.tss);
    for (size_t z = 0; z < t.power_zone_s.size(); ++z) {
      item[columns[4 + z]] = Rounded(t.power_zone_s[z]);
    }
    for (size_t z = 0; z < t.hr_zone_s.size(); ++z) {
      item[columns[11 + z]] = Rounded(t.hr_zone_s[z]);
    }
    all.push_back(std::move(item));
  }
  return Dump(all, pretty);
}

}  // namespace pelo::app
