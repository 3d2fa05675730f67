// A class ("ride" in the API, whatever the discipline) and its planned segments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/instructor.h"

namespace pelo::model {

struct Ride {
  std::string id;
  std::string title;
  std::string description;
  std::string fitness_discipline;
  std::string instructor_id;
  std::optional<int64_t> duration;  // s
  std::optional<int64_t> length;    // s, including intro
  std::optional<int64_t> original_air_time;
  std::optional<int64_t> pedaling_start_offset;
  std::optional<double> difficulty_estimate;
  std::string content_format;
  std::string image_url;
  std::optional<Instructor> instructor;  // present with joins=ride.instructor
};

// A class segment (warm-up, intervals, cool-down).
struct Segment {
  std::string id;
  std::string name;
  std::string icon_slug;
  std::string metrics_type;
  int64_t start_time_offset = 0;  // s from the start of pedalling
  int64_t length = 0;             // s
  std::optional<double> intensity_in_mets;
};

// A song of a class playlist (`playlist.songs[]`).
struct Song {
  std::string title;
  std::string artists;  // names joined with ", "
  std::string album;
  std::optional<int64_t> start_time_offset;  // s into the class
};

// A movement a class plan step names (`subsegments_v2[].movements[]`).
struct PlannedMovement {
  std::string id;    // Peloton's movement id, as a tracked movement's movement_id
  std::string name;  // written by strangers: "Hollow Rock"

  bool operator==(const PlannedMovement&) const = default;
};

// One step of a class's plan: a subsegment of GET /api/ride/{id}/details
// `segments.segment_list[].subsegments_v2[]`, what the instructor scheduled (a strength
// class's movements and rests: time-based, no repetitions).
struct ClassPlanStep {
  std::string id;
  std::string type;          // "movement" | "rest" | others, as Peloton sent it
  std::string display_name;  // written by strangers
  // `start_time_offset` of the segment holding the step (s), for reading offset_s against it.
  int64_t segment_start_s = 0;
  int64_t offset_s = 0;  // `scheduled_offset` (s; `offset` when only that is sent), as sent
  int64_t length_s = 0;  // s
  std::optional<int64_t> rounds;
  std::vector<PlannedMovement> movements;  // in Peloton's order

  bool operator==(const ClassPlanStep&) const = default;
};

// GET /api/ride/{id}/details.
struct RideDetails {
  Ride ride;
  std::vector<Segment> segments;
  std::vector<Song> playlist;
  // Every segment's subsegments_v2, segment by segment in the class's order; empty when the
  // class has none (most non-strength classes).
  std::vector<ClassPlanStep> class_plan;
};

}  // namespace pelo::model
