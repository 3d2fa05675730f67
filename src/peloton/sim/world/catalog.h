// The class library the synthetic athlete rides: instructors and classes (Peloton "rides").
// Fixed for every seed, like the real library is the same for every member.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pelo::sim {

// Disciplines as the API spells `fitness_discipline` ("caesar" is the rower).
inline constexpr const char* kCycling = "cycling";
inline constexpr const char* kRunning = "running";
inline constexpr const char* kRowing = "caesar";
inline constexpr const char* kStrength = "strength";
inline constexpr const char* kYoga = "yoga";
inline constexpr const char* kMeditation = "meditation";
inline constexpr const char* kWalking = "walking";

// One stretch of a class's intensity plan (finer than the displayed segments).
struct Block {
  int start = 0;
  int length = 0;
  double intensity = 0.5;  // fraction of threshold (FTP for cycling/rowing, pace zone for running)
  double cadence = 85;     // rpm, spm for rowing
  double incline = 0;      // % (tread)
};

// One displayed class segment (segment_list entry).
struct Segment {
  std::string id;
  std::string name;
  std::string icon;  // icon_name / icon_slug
  int start = 0;
  int length = 0;
  double mets = 3.5;
};

// One part of a strength class's plan (GET /api/ride/{id}/details
// segments.segment_list[].subsegments_v2[]): a movement done for `length` seconds, or a rest.
struct Subsegment {
  std::string id;
  size_t segment = 0;  // into RideClass::segments
  int start = 0;       // class second it starts
  int length = 0;
  size_t movement = 0;   // into kMovements (world/movements.h); kRestMovement for a rest
  bool tracked = false;  // a main-set movement the Peloton Guide counts (not warm-up/cool-down)
};

struct RideClass {
  std::string id;
  std::string title;
  std::string discipline;
  std::string instructor_id;
  std::string description;
  std::string ride_type_id;
  std::string type;  // the class type's name ("Power Zone", "Flow", ...)
  int duration = 1800;
  int64_t original_air_time = 0;
  double difficulty = 6.0;
  bool is_ftp_test = false;
  std::vector<Segment> segments;
  std::vector<Block> blocks;
  // Strength classes' movement plan, in class order, covering every segment; empty otherwise.
  std::vector<Subsegment> subsegments;
};

struct Catalog {
  std::vector<nlohmann::json> instructors;         // full instructor objects
  std::map<std::string, size_t> instructor_index;  // id -> position
  std::vector<RideClass> classes;
  std::map<std::string, size_t> class_index;                 // id -> position
  std::map<std::string, std::vector<size_t>> by_discipline;  // discipline -> class positions
  size_t ftp_test_class = 0;
};

// Builds the fixed library (instructors and ~100 classes), deterministic.
Catalog BuildCatalog();

}  // namespace pelo::sim
