// Fictional instructors with the shape of the real instructor objects (GET /api/instructor/{id}).
#include "peloton/sim/world/instructors.h"

#include <string>
#include <vector>

#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

struct InstructorSeed {
  const char* first;
  const char* last;
  const char* username;
  const char* quote;
  std::vector<std::string> disciplines;
};

const std::vector<InstructorSeed>& Seeds() {
  static const std::vector<InstructorSeed> kSeeds = {
      {"Maya", "Brooks", "mayarides", "Strong legs, stronger mind.", {"cycling", "strength"}},
      {"Jon", "Reyes", "jonreyes", "Show up, then show out.", {"cycling", "running"}},
      {"Priya", "Shah", "priyabreathes", "Breathe first, then move.", {"yoga", "meditation"}},
      {"Tom", "Becker", "tomclimbs", "Every hill is a lesson.", {"cycling"}},
      {"Ana", "Lima", "analima_runs", "Run the mile you are in.", {"running", "walking"}},
      {"Chris", "Okafor", "chrisrows", "Legs, core, arms. Repeat.", {"caesar", "strength"}},
      {"Lena", "Vogel", "lenavogel", "Consistency beats intensity.", {"cycling", "yoga"}},
      {"Sam", "Carter", "samlifts", "Lift heavy, rest well.", {"strength", "cycling"}},
      {"Nora", "Quinn", "noraquinn", "Stillness is a skill.", {"meditation", "yoga", "walking"}},
  };
  return kSeeds;
}

std::string ImageUrl(uint64_t key, int n) {
  return "https://s3.amazonaws.com/workout-metric-images-prod/" + HexId(key, 1000 + n);
}

nlohmann::json InstructorJson(const InstructorSeed& seed, size_t index) {
  const uint64_t key = Mix(0x1257C7, index);
  const std::string name = std::string(seed.first) + " " + seed.last;
  nlohmann::json j = {
      {"id", InstructorId(index)},
      {"user_id", HexId(key, 2)},
      {"name", name},
      {"first_name", seed.first},
      {"last_name", seed.last},
      {"username", seed.username},
      {"bio", name + " is a fictional pelo-sim coach who has taught on the bike, the tread and "
                     "the mat for years and loves a good playlist."},
      {"short_bio", seed.quote},
      {"quote", seed.quote},
      {"background", "I coach every class as if it were my first."},
      {"music_bio", ""},
      {"coach_type", "peloton_coach"},
      {"fitness_disciplines", seed.disciplines},
      {"ordered_q_and_as",
       {{"How Do You Motivate?", "By riding every interval with you."},
        {"Outside of Peloton", "Coffee, trails and vinyl."},
        {"", ""}}},
      {"list_order", static_cast<int>(index) + 1},
      {"is_visible", true},
      {"is_filterable", true},
      {"is_instructor_group", false},
      {"is_announced", true},
      {"featured_profile", true},
      {"spotify_playlist_uri", ""},
      {"film_link", ""},
      {"image_url", ImageUrl(key, 1)},
      {"about_image_url", ImageUrl(key, 2)},
      {"life_style_image_url", ImageUrl(key, 3)},
      {"instructor_hero_image_url", ImageUrl(key, 4)},
      {"jumbotron_url", nullptr},
      {"jumbotron_url_dark", ImageUrl(key, 5)},
      {"jumbotron_url_ios", ImageUrl(key, 6)},
      {"web_instructor_list_display_image_url", ImageUrl(key, 7)},
      {"web_instructor_list_gif_image_url", nullptr},
      {"ios_instructor_list_display_image_url", ImageUrl(key, 8)},
      {"bike_instructor_list_display_image_url", nullptr},
      {"facebook_fan_page", ""},
      {"instagram_profile", ""},
      {"twitter_profile", ""},
      {"strava_profile", ""}};
  return j;
}

}  // namespace

std::string InstructorId(size_t index) { return HexId(Mix(0x1257C7, index), 1); }

std::vector<nlohmann::json> BuildInstructors() {
  std::vector<nlohmann::json> out;
  for (size_t i = 0; i < Seeds().size(); ++i) out.push_back(InstructorJson(Seeds()[i], i));
  return out;
}

std::vector<size_t> InstructorsFor(const std::string& discipline) {
  std::vector<size_t> out;
  for (size_t i = 0; i < Seeds().size(); ++i) {
    for (const auto& d : Seeds()[i].disciplines) {
      if (d == discipline) out.push_back(i);
    }
  }
  return out;
}

}  // namespace pelo::sim
