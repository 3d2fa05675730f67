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

// GET /api/ride/{id}/details.
struct RideDetails {
  Ride ride;
  std::vector<Segment> segments;
  std::vector<Song> playlist;
};

}  // namespace pelo::model
