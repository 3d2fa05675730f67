// The class library: every class the data set knows (the synthetic catalog, or the rides of
// loaded workouts), how GET /api/v2/ride/archived filters and sorts it, and the lists that
// describe it (class types, browse categories, disciplines).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/data_set.h"

namespace pelo::sim {

// The archived-class filters of one request.
struct ClassFilter {
  std::optional<std::string> discipline;  // from browse_category; "" matches nothing
  std::string instructor_id;              // "" = any
  std::string class_type_id;              // "" = any
  std::set<int> durations;                // seconds; empty = any
  std::set<std::string> content_formats;  // empty = any
  bool favorites_only = false;
  std::string sort_by = "original_air_time";
  bool desc = true;
};

class Library {
 public:
  explicit Library(const DataSet& data);

  // The ride object of class `ride_id` (with `instructor` when the data set has it).
  const nlohmann::json* Find(const std::string& ride_id) const;
  // The classes matching `filter`, sorted by it (ties by id).
  std::vector<const nlohmann::json*> Query(const ClassFilter& filter,
                                           const std::set<std::string>& favorites) const;
  const std::vector<const nlohmann::json*>& rides() const { return rides_; }

  // [{id, name, display_name, fitness_discipline, is_active, list_order, ...}]
  const nlohmann::json& class_types() const { return class_types_; }
  // [{id, name}] of the disciplines the library has.
  const nlohmann::json& fitness_disciplines() const { return disciplines_; }

 private:
  std::vector<const nlohmann::json*> rides_;  // by id
  std::map<std::string, const nlohmann::json*> index_;
  nlohmann::json class_types_ = nlohmann::json::array();
  nlohmann::json disciplines_ = nlohmann::json::array();
};

// The sorts GET /api/v2/ride/archived accepts.
bool IsClassSort(const std::string& sort_by);

// GET /api/browse_categories' categories [{id, name, slug, list_order, icon_url,
// portal_image_url}].
nlohmann::json BrowseCategoriesJson();
// The discipline a browse category lists: nullopt for an unknown slug, "" for a category the
// simulator has no classes in (bootcamp, stretching...).
std::optional<std::string> BrowseCategoryDiscipline(const std::string& slug);

}  // namespace pelo::sim
