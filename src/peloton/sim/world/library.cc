#include "peloton/sim/world/library.h"

#include <algorithm>

#include "peloton/sim/json/json_read.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr uint64_t kCategoryStream = 0xB0C;

struct Category {
  const char* slug;
  const char* name;
  const char* discipline;  // "" when the simulator has no such classes
};

// The categories of the real list (fixture peloton_classes.json) that §5.D names, in its order.
constexpr Category kCategories[] = {{"cycling", "Cycling", kCycling},
                                    {"running", "Running", kRunning},
                                    {"walking", "Walking", kWalking},
                                    {"caesar", "Rowing", kRowing},
                                    {"strength", "Strength", kStrength},
                                    {"yoga", "Yoga", kYoga},
                                    {"meditation", "Meditation", kMeditation},
                                    {"stretching", "Stretching", ""},
                                    {"cardio", "Cardio", ""},
                                    {"outdoor", "Outdoor", ""},
                                    {"bootcamp", "Tread Bootcamp", ""},
                                    {"bike_bootcamp", "Bike Bootcamp", ""},
                                    {"caesar_bootcamp", "Row Bootcamp", ""}};

double SortKey(const json& ride, const std::string& sort_by) {
  const char* key = sort_by == "popularity"   ? "total_workouts"
                    : sort_by == "trending"   ? "total_in_progress_workouts"
                    : sort_by == "top_rated"  ? "overall_rating_avg"
                    : sort_by == "difficulty" ? "difficulty_estimate"
                                              : "original_air_time";
  const auto it = ride.find(key);
  return it != ride.end() && it->is_number() ? it->get<double>() : 0.0;
}

bool Matches(const json& ride, const ClassFilter& f, const std::set<std::string>& favorites) {
  if (f.discipline && Read(ride, "fitness_discipline", "") != *f.discipline) return false;
  if (!f.instructor_id.empty() && Read(ride, "instructor_id", "") != f.instructor_id) return false;
  if (!f.class_type_id.empty() && Read(ride, "ride_type_id", "") != f.class_type_id) return false;
  if (!f.durations.empty() && f.durations.count(Read(ride, "duration", 0)) == 0) return false;
  if (!f.content_formats.empty() &&
      f.content_formats.count(Read(ride, "content_format", "video")) == 0) {
    return false;
  }
  return !f.favorites_only || favorites.count(Read(ride, "id", "")) > 0;
}

}  // namespace

Library::Library(const DataSet& data) {
  std::map<std::string, json> types;
  std::map<std::string, std::string> disciplines;
  for (const auto& [id, ride] : data.rides) {
    if (!ride.is_object()) continue;
    rides_.push_back(&ride);
    index_[id] = &ride;
    const std::string discipline = Read(ride, "fitness_discipline", "");
    disciplines[discipline] = DisciplineName(discipline);
    const std::string type_id = Read(ride, "ride_type_id", "");
    if (type_id.empty() || types.count(type_id)) continue;
    const auto name = data.class_type_names.find(type_id);
    const std::string type_name =
        name != data.class_type_names.end() ? name->second : DisciplineName(discipline);
    types[type_id] = {{"id", type_id},
                      {"name", type_name},
                      {"display_name", type_name},
                      {"fitness_discipline", discipline},
                      {"is_active", true},
                      {"standalone_display_name", type_name}};
  }
  for (auto& [id, type] : types) {
    type["list_order"] = class_types_.size();
    class_types_.push_back(std::move(type));
  }
  for (const auto& [slug, name] : disciplines)
    disciplines_.push_back({{"id", slug}, {"name", name}});
}

const json* Library::Find(const std::string& ride_id) const {
  const auto it = index_.find(ride_id);
  return it == index_.end() ? nullptr : it->second;
}

std::vector<const json*> Library::Query(const ClassFilter& filter,
                                        const std::set<std::string>& favorites) const {
  std::vector<const json*> out;
  for (const json* ride : rides_) {
    if (Matches(*ride, filter, favorites)) out.push_back(ride);
  }
  std::stable_sort(out.begin(), out.end(), [&filter](const json* a, const json* b) {
    const double ka = SortKey(*a, filter.sort_by), kb = SortKey(*b, filter.sort_by);
    if (ka != kb) return filter.desc ? ka > kb : ka < kb;
    return Read(*a, "id", "") < Read(*b, "id", "");
  });
  return out;
}

bool IsClassSort(const std::string& sort_by) {
  return sort_by == "original_air_time" || sort_by == "popularity" || sort_by == "trending" ||
         sort_by == "top_rated" || sort_by == "difficulty";
}

json BrowseCategoriesJson() {
  json list = json::array();
  for (size_t i = 0; i < std::size(kCategories); ++i) {
    const std::string id = HexId(kCategoryStream, i);
    list.push_back({{"id", id},
                    {"name", kCategories[i].name},
                    {"slug", kCategories[i].slug},
                    {"list_order", i + 1},
                    {"icon_url", "https://browse-categories-images-prod.s3.amazonaws.com/" + id},
                    {"portal_image_url",
                     "https://s3.amazonaws.com/browse-categories-images-prod/" + id + "-portal"},
                    {"small_portal_image_url", nullptr},
                    {"large_portal_image_url", nullptr},
                    {"flags", json::array()}});
  }
  return list;
}

std::optional<std::string> BrowseCategoryDiscipline(const std::string& slug) {
  for (const Category& c : kCategories) {
    if (slug == c.slug) return std::string(c.discipline);
  }
  return std::nullopt;
}

}  // namespace pelo::sim
