#include "peloton/sim/json/progress.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "pelo/common/time.h"
#include "peloton/sim/json/json_read.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/world/members.h"
#include "peloton/sim/world/prng.h"
#include "peloton/sim/world/time_zones.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr uint64_t kMilestoneStream = 0xAC3;
constexpr int kMilestones[] = {10, 25, 50, 100, 250, 500, 1000};

int64_t Created(const json& w) { return Read(w, "created_at", int64_t{0}); }

// Days since the epoch of `utc` in `zone`.
int64_t LocalDay(int64_t utc, const std::string& zone) {
  const auto local = ToLocalTime(zone, utc);
  return (local ? local->local : utc) / 86400;
}

// Weeks start on Monday; 1970-01-01 (day 0, every workout is later) was a Thursday.
int64_t WeekOf(int64_t day) { return (day + 3) / 7; }

// The length of the run of consecutive values ending at `last` (or at `last - 1` when `last`
// itself is absent: a streak stays alive until its period is over).
int64_t RunEndingAt(const std::set<int64_t>& values, int64_t last) {
  if (!values.count(last)) --last;
  int64_t n = 0;
  while (values.count(last - n)) ++n;
  return n;
}

int64_t LongestRun(const std::set<int64_t>& values) {
  int64_t best = 0, run = 0, previous = 0;
  for (int64_t v : values) {
    run = run > 0 && v == previous + 1 ? run + 1 : 1;
    best = std::max(best, run);
    previous = v;
  }
  return best;
}

json Streaks(const Details& workouts, int64_t now, const std::string& zone) {
  std::set<int64_t> days, weeks;
  for (const json* w : workouts) {
    const int64_t day = LocalDay(Created(*w), zone);
    days.insert(day);
    weeks.insert(WeekOf(day));
  }
  const int64_t today = LocalDay(now, zone);
  const int64_t current_weekly = RunEndingAt(weeks, WeekOf(today));
  json start = nullptr;
  if (current_weekly > 0) {
    const int64_t last_week = weeks.count(WeekOf(today)) ? WeekOf(today) : WeekOf(today) - 1;
    start = (last_week - current_weekly + 1) * 7 * 86400 - 3 * 86400;  // that Monday, 00:00 UTC
  }
  return {{"current_weekly", current_weekly},
          {"best_weekly", LongestRun(weeks)},
          {"current_daily", RunEndingAt(days, today)},
          {"start_date_of_current_weekly", start}};
}

std::map<std::string, int> CountByDiscipline(const Details& workouts) {
  std::map<std::string, int> counts;
  for (const json* w : workouts) ++counts[Read(*w, "fitness_discipline", "")];
  return counts;
}

json WorkoutCounts(const Details& workouts) {
  json list = json::array();
  for (const auto& [slug, count] : CountByDiscipline(workouts)) {
    json item = WorkoutCountsJson({{slug, count}})[0];
    item["workout_name"] = DisciplineName(slug) + (count == 1 ? " Workout" : " Workouts");
    list.push_back(item);
  }
  return {{"total_workouts", workouts.size()}, {"workouts", list}};
}

// The best total output per class length of each discipline with an output.
json PersonalRecords(const Details& workouts) {
  struct Best {
    double work = 0;
    const json* workout = nullptr;
  };
  std::map<std::string, std::map<int, Best>> best;  // discipline -> minutes -> best
  std::map<std::string, int64_t> first;             // discipline -> first workout
  for (const json* w : workouts) {
    const std::string discipline = Read(*w, "fitness_discipline", "");
    const double work = Read(*w, "total_work", 0.0);
    const auto ride = w->find("ride");
    if (work <= 0 || ride == w->end() || !ride->is_object()) continue;
    const int minutes = Read(*ride, "duration", 0) / 60;
    Best& b = best[discipline][minutes];
    // Ties go to the earlier workout: the list is newest first, so later ones win with >=.
    if (work >= b.work) b = {work, w};
    first[discipline] =
        first.count(discipline) ? std::min(first[discipline], Created(*w)) : Created(*w);
  }
  json groups = json::array();
  for (const auto& [discipline, by_length] : best) {
    json records = json::array();
    for (const auto& [minutes, b] : by_length) {
      const double kj = b.work / 1000.0;
      records.push_back({{"name", std::to_string(minutes) + " min"},
                         {"slug", std::to_string(minutes) + "_min"},
                         {"value", std::to_string(std::lround(kj))},
                         {"raw_value", std::round(kj * 100) / 100},
                         {"unit", "kj"},
                         {"unit_slug", "kj"},
                         {"workout_id", Read(*b.workout, "id", "")},
                         {"workout_date", Created(*b.workout)}});
    }
    groups.push_back({{"name", DisciplineName(discipline)},
                      {"slug", discipline},
                      {"first_workout_date", first[discipline]},
                      {"reset_date", nullptr},
                      {"records", records}});
  }
  return groups;
}

json Template(const std::string& id, const std::string& name, const std::string& slug,
              const std::string& description) {
  return {{"id", id},
          {"name", name},
          {"slug", slug},
          {"image_url", "https://s3.amazonaws.com/peloton-achievement-images-prod/" + id},
          {"description", description}};
}

// Milestones: one achievement per count threshold reached in each discipline.
json Milestones(const Details& workouts) {
  json list = json::array();
  uint64_t key = 0;
  for (const auto& [slug, count] : CountByDiscipline(workouts)) {
    ++key;
    for (int threshold : kMilestones) {
      if (count < threshold) break;
      const std::string n = std::to_string(threshold);
      list.push_back(
          {{"count", 1},
           {"template",
            Template(HexId(Mix(kMilestoneStream, key), static_cast<uint64_t>(threshold)),
                     n + " " + DisciplineName(slug) + " Workouts", slug + "_" + n,
                     "Awarded for completing " + n + " " + DisciplineName(slug) + " workouts.")}});
    }
  }
  return list;
}

// Achievements earned in workouts (achievement_templates), counted per template.
json WorkoutAchievements(const Details& workouts) {
  std::map<std::string, std::pair<int, json>> earned;
  for (const json* w : workouts) {
    for (const json& t : w->value("achievement_templates", json::array())) {
      auto& [count, template_json] = earned[Read(t, "id", "")];
      ++count;
      template_json = t;
    }
  }
  json list = json::array();
  for (const auto& [id, entry] : earned) {
    list.push_back({{"count", entry.first}, {"template", entry.second}});
  }
  return list;
}

}  // namespace

json CalendarJson(const Details& workouts, const std::string& zone) {
  std::map<std::pair<int, int>, std::set<int>, std::greater<>> months;
  for (const json* w : workouts) {
    const std::string date = FormatUtcDate(LocalDay(Created(*w), zone) * 86400);
    months[{std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2))}].insert(
        std::stoi(date.substr(8, 2)));
  }
  json list = json::array();
  for (const auto& [month, days] : months) {
    list.push_back({{"year", month.first}, {"month", month.second}, {"active_days", days}});
  }
  return {{"months", list}};
}

json AchievementsJson(const Details& workouts) {
  json categories = json::array();
  categories.push_back({{"name", "Workouts"},
                        {"slug", "workouts"},
                        {"achievements", WorkoutAchievements(workouts)}});
  categories.push_back(
      {{"name", "Milestones"}, {"slug", "milestones"}, {"achievements", Milestones(workouts)}});
  return {{"categories", categories}};
}

json OverviewJson(const std::string& user_id, const Details& workouts, int64_t now,
                  const std::string& zone) {
  int64_t achievements = 0;
  const json earned = AchievementsJson(workouts);
  for (const json& category : earned["categories"]) {
    for (const json& a : category["achievements"]) achievements += Read(a, "count", 0);
  }
  return {{"id", user_id},
          {"workout_counts", WorkoutCounts(workouts)},
          {"streaks", Streaks(workouts, now, zone)},
          {"personal_records", PersonalRecords(workouts)},
          {"achievement_counts", {{"total_count", achievements}}}};
}

}  // namespace pelo::sim
