// The class ("ride") objects and GET /api/ride/{id}/details bodies, shaped like the captures.
#include "peloton/sim/json/ride_json.h"

#include <cmath>
#include <iterator>
#include <string>

#include "pelo/common/base64.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

// The real API's opaque on-demand join token: base64 of a small JSON naming the class.
std::string OnDemandJoinToken(const std::string& ride_id) {
  const nlohmann::json token = {{"home_peloton_id", nullptr},
                                {"ride_id", ride_id},
                                {"studio_peloton_id", nullptr},
                                {"type", "on_demand"}};
  return Base64UrlEncode(token.dump());
}

nlohmann::json MetricsOf(const std::string& d) {
  if (d == kCycling) return {"heart_rate", "cadence", "calories"};
  if (d == kRunning || d == kWalking) return {"heart_rate", "pace", "calories"};
  return {"heart_rate", "calories"};
}

// Invented songs (no real artist appears in the simulator): about one per 3.5 minutes of the
// class, from the first minute, the same for a class every run.
nlohmann::json PlaylistSongs(const RideClass& r) {
  static constexpr const char* kWords[] = {"Neon",   "Midnight", "Gold",   "River",  "Echo",
                                           "Summer", "Static",   "Velvet", "Fire",   "Horizon",
                                           "Paper",  "Electric", "Wild",   "Silver", "Motion"};
  static constexpr const char* kArtists[] = {"The Cadence Club", "Lumen Park",   "Nova Drive",
                                             "Kite & Key",       "Maple Static", "June Avenue",
                                             "The Outer Lanes",  "Rosa Vale"};
  constexpr int kWordCount = static_cast<int>(std::size(kWords));
  constexpr int kArtistCount = static_cast<int>(std::size(kArtists));
  Rng rng(HashText(r.id));
  nlohmann::json songs = nlohmann::json::array();
  for (int offset = 60; offset < r.duration - 60; offset += rng.Int(180, 270)) {
    const int artist = rng.Int(0, kArtistCount - 1);
    const auto word = [&rng] { return kWords[rng.Int(0, kWordCount - 1)]; };
    const std::string title = std::string(word()) + " " + word();
    songs.push_back({{"id", HexId(HashText(r.id), static_cast<uint64_t>(offset))},
                     {"title", title},
                     {"artists",
                      {{{"artist_id", HexId(HashText(kArtists[artist]), 1)},
                        {"artist_name", kArtists[artist]}}}},
                     {"album",
                      {{"id", HexId(HashText(title), 2)},
                       {"image_url", nullptr},
                       {"name", title + " (Single)"}}},
                     {"cue_time_offset", offset},
                     {"start_time_offset", offset},
                     {"liked", false}});
  }
  return songs;
}

}  // namespace

std::string DisciplineName(const std::string& d) {
  if (d == kCycling) return "Cycling";
  if (d == kRunning) return "Running";
  if (d == kRowing) return "Rowing";
  if (d == kStrength) return "Strength";
  if (d == kYoga) return "Yoga";
  if (d == kMeditation) return "Meditation";
  if (d == kWalking) return "Walking";
  return d;
}

nlohmann::json SegmentJson(const Segment& s, const std::string& metrics_type) {
  return {{"id", s.id},
          {"length", s.length},
          {"start_time_offset", s.start},
          {"icon_url",
           "https://s3.amazonaws.com/static-cdn.pelotoncycle.com/segment-icons/" + s.icon + ".png"},
          {"intensity_in_mets", s.mets},
          {"metrics_type", metrics_type},
          {"icon_name", s.icon},
          {"icon_slug", s.icon},
          {"name", s.name}};
}

std::string MetricsType(const std::string& discipline) {
  if (discipline == kCycling || discipline == kRowing) return discipline;
  if (discipline == kRunning || discipline == kWalking) return "running";
  return "floor";
}

nlohmann::json SegmentListJson(const RideClass& ride) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : ride.segments) list.push_back(SegmentJson(s, MetricsType(ride.discipline)));
  return list;
}

namespace {

// The second half of a ride: metrics, schedule, ratings and streaming ids.
nlohmann::json RideScheduleJson(const RideClass& r) {
  const int pre = 60;
  // Popularity, trend and rating differ between classes so the library's sorts mean something.
  const uint64_t key = Mix(HashText(r.id), 0x909);
  const int total_workouts = 1000 + static_cast<int>(key % 60000);
  const double rating = 0.9 + static_cast<double>((key >> 20) % 1000) / 10000.0;
  return {{"metrics", MetricsOf(r.discipline)},
          {"original_air_time", r.original_air_time},
          {"overall_rating_avg", rating},
          {"overall_rating_count", total_workouts / 20},
          {"pedaling_start_offset", pre},
          {"pedaling_end_offset", pre + r.duration},
          {"pedaling_duration", r.duration},
          {"rating", 0},
          {"ride_type_id", r.ride_type_id},
          {"ride_type_ids", {r.ride_type_id}},
          {"sample_vod_stream_url", nullptr},
          {"sample_preview_stream_url", nullptr},
          {"scheduled_start_time", r.original_air_time + 600},
          {"series_id", HexId(Mix(9, 1), 6)},
          {"sold_out", false},
          {"studio_peloton_id", HexId(Mix(8, r.original_air_time), 5)},
          {"title", r.title},
          {"total_ratings", 0},
          {"total_in_progress_workouts", static_cast<int>((key >> 40) % 60)},
          {"total_workouts", total_workouts},
          {"vod_stream_url", nullptr},
          {"vod_stream_id", r.id + "-vod"},
          {"class_type_ids", {r.ride_type_id}},
          {"captions", {"en-US"}},
          {"availability", {{"is_available", true}, {"reason", nullptr}}},
          {"explicit_rating", 0},
          {"flags", nlohmann::json::array()},
          {"join_tokens", {{"on_demand", OnDemandJoinToken(r.id)}}},
          {"thumbnail_title", nullptr},
          {"thumbnail_location", nullptr},
          {"is_dynamic_video_eligible", false},
          {"is_fixed_distance", false},
          {"dynamic_video_recorded_speed_in_mph", 0.0},
          {"excluded_platforms", nlohmann::json::array()}};
}

}  // namespace

nlohmann::json RideJson(const RideClass& r) {
  const int pre = 60;  // classes open with a minute before pedaling starts
  const bool pedals = r.discipline == kCycling;
  nlohmann::json ride = {
      {"has_closed_captions", true},
      {"content_provider", "peloton"},
      {"content_format", "video"},
      {"description", r.description},
      {"difficulty_estimate", r.difficulty},
      {"overall_estimate", 0.9912},
      {"difficulty_rating_avg", r.difficulty},
      {"difficulty_rating_count", 1200 + static_cast<int>(r.difficulty * 100)},
      {"difficulty_level", nullptr},
      {"distance", nullptr},
      {"distance_display_value", nullptr},
      {"distance_unit", nullptr},
      {"duration", r.duration},
      {"equipment_ids", nlohmann::json::array()},
      {"equipment_tags", nlohmann::json::array()},
      {"extra_images", nlohmann::json::array()},
      {"fitness_discipline", r.discipline},
      {"fitness_discipline_display_name", DisciplineName(r.discipline)},
      {"has_pedaling_metrics", pedals},
      {"home_peloton_id", HexId(Mix(7, r.original_air_time), 5)},
      {"id", r.id},
      {"image_url", "https://s3.amazonaws.com/peloton-ride-images/" + r.id + ".png"},
      {"instructor_id", r.instructor_id},
      {"individual_instructor_ids", nlohmann::json::array()},
      {"is_archived", true},
      {"is_closed_caption_shown", true},
      {"is_explicit", false},
      {"has_free_mode", false},
      {"is_live_in_studio_only", false},
      {"language", "english"},
      {"origin_locale", "en-US"},
      {"length", r.duration + 2 * pre},
      {"live_stream_id", r.id + "-live"},
      {"live_stream_url", nullptr},
      {"location", "psny-studio-1"}};
  ride.update(RideScheduleJson(r));
  return ride;
}

namespace {

// instructor_cues: one per block, with the resistance and cadence ranges the instructor calls.
nlohmann::json InstructorCues(const RideClass& r) {
  nlohmann::json cues = nlohmann::json::array();
  if (r.discipline != kCycling) return cues;
  for (const auto& b : r.blocks) {
    const int resistance = static_cast<int>(std::lround(25 + 30 * b.intensity));
    const int cadence = static_cast<int>(std::lround(b.cadence));
    cues.push_back({{"offsets", {{"start", 60 + b.start}, {"end", 60 + b.start + b.length - 1}}},
                    {"resistance_range", {{"upper", resistance + 5}, {"lower", resistance - 5}}},
                    {"cadence_range", {{"upper", cadence + 10}, {"lower", cadence - 10}}}});
  }
  return cues;
}

}  // namespace

nlohmann::json RideJson(const RideClass& r, const nlohmann::json& instructor) {
  nlohmann::json ride = RideJson(r);
  if (!instructor.is_null()) ride["instructor"] = instructor;
  return ride;
}

nlohmann::json DetailsRideJson(nlohmann::json ride) {
  ride["is_favorite"] = false;
  ride["total_user_workouts"] = 1;
  ride["total_following_workouts"] = 0;
  ride["leaderboard_filter_type"] = nullptr;
  return ride;
}

nlohmann::json RideDetailsJson(const RideClass& r, nlohmann::json details_ride) {
  return {{"ride", std::move(details_ride)},
          {"playlist",
           {{"id", HexId(Mix(11, r.original_air_time), 5)},
            {"ride_id", r.id},
            {"top_artists", nlohmann::json::array()},
            {"songs", PlaylistSongs(r)},
            {"is_top_artists_shown", false},
            {"is_playlist_shown", true},
            {"is_in_class_music_shown", true}}},
          {"averages",
           {{"average_total_work", 0},
            {"average_distance", 0},
            {"average_calories", 0},
            {"average_avg_power", 0},
            {"average_avg_speed", 0},
            {"average_avg_cadence", 0},
            {"average_avg_resistance", 0}}},
          {"segments",
           {{"segment_list", SegmentListJson(r)},
            {"segment_category_distribution", nlohmann::json::object()},
            {"segment_body_focus_distribution", nlohmann::json::object()}}},
          {"default_album_images", nlohmann::json::object()},
          {"excluded_platforms", nlohmann::json::array()},
          {"is_ftp_test", r.is_ftp_test},
          {"disabled_leaderboard_filters",
           {{"just_me", false}, {"following", false}, {"age_and_gender", false}}},
          {"sampled_top_tags", nullptr},
          {"instructor_cues", InstructorCues(r)},
          {"target_class_metrics",
           {{"target_graph_metrics", nlohmann::json::array()},
            {"total_expected_output", nlohmann::json::object()}}},
          {"events", {{"data", nlohmann::json::array()}}}};
}

}  // namespace pelo::sim
