// A Peloton instructor (GET /api/instructor, /api/instructor/{id}, ride.instructor joins).
#pragma once

#include <string>
#include <vector>

namespace pelo::model {

struct Instructor {
  std::string id;
  std::string name;
  std::string first_name;
  std::string last_name;
  std::string username;
  std::string bio;
  std::string image_url;
  std::vector<std::string> fitness_disciplines;
};

}  // namespace pelo::model
