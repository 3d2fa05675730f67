// The class ("ride") objects and GET /api/ride/{id}/details bodies, shaped like the captures.
#include "peloton/sim/json/ride_json.h"

#include <cmath>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include "pelo/common/base64.h"
#include "peloton/sim/world/movements.h"
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

std::string MuscleDisplayName(std::string_view slug) {
  if (slug == "mid_back") return "Mid Back";
  if (slug == "low_back") return "Low Back";
  std::string name(slug);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 32);
  return name;
}

// "shoulders:3,triceps:2" as muscle_groups [{muscle_group, display_name, ranking}].
nlohmann::json MuscleGroups(std::string_view spec) {
  nlohmann::json groups = nlohmann::json::array();
  while (!spec.empty()) {
    const size_t comma = spec.find(',');
    const std::string_view item = spec.substr(0, comma);
    const size_t colon = item.find(':');
    const std::string_view slug = item.substr(0, colon);
    const int ranking = colon == std::string_view::npos ? 1 : item[colon + 1] - '0';
    groups.push_back({{"muscle_group", std::string(slug)},
                      {"display_name", MuscleDisplayName(slug)},
                      {"ranking", ranking}});
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
  }
  return groups;
}

const char* WeightLevel(const MovementSpec& m) {
  if (m.equipment == Equipment::kBodyweight) return "body_weight";
  if (m.max_lb <= 15) return "light";
  return m.min_lb >= 15 ? "heavy" : "medium";
}

}  // namespace

nlohmann::json MovementJson(size_t movement) {
  const MovementSpec& m = kMovements[movement];
  const bool rest = movement == kRestMovement;
  return {{"id", m.id},
          {"name", m.name},
          {"note", nullptr},
          {"slug", m.slug},
          {"skill_level", rest ? nlohmann::json(nullptr) : nlohmann::json("beginner")},
          {"muscle_groups", MuscleGroups(m.muscles)},
          {"weight_level", rest ? nlohmann::json(nullptr) : nlohmann::json(WeightLevel(m))},
          {"short_video_url", nullptr},
          {"long_video_url", nullptr},
          {"movement_videos", nlohmann::json::array()},
          {"image_url", nullptr},
          {"talkback_description", m.name},
          {"is_rest", rest}};
}

nlohmann::json PlannedSegmentListJson(const RideClass& ride) {
  nlohmann::json list = SegmentListJson(ride);
  if (ride.subsegments.empty()) return list;
  for (auto& segment : list) segment["subsegments_v2"] = nlohmann::json::array();
  for (const Subsegment& sub : ride.subsegments) {
    const bool rest = sub.movement == kRestMovement;
    list[sub.segment]["subsegments_v2"].push_back(
        {{"id", sub.id},
         {"type", rest ? "rest" : "movement"},
         {"display_name", kMovements[sub.movement].name},
         {"scheduled_offset", sub.start},
         {"offset", sub.start - ride.segments[sub.segment].start},
         {"length", sub.length},
         {"rounds", nullptr},
         {"trackable_movements_disabled", !sub.tracked},
         {"movements", {MovementJson(sub.movement)}}});
  }
  return list;
}

nlohmann::json TargetMetricsJson(const std::vector<TargetBlock>& targets) {
  nlohmann::json blocks = nlohmann::json::array();
  for (const TargetBlock& block : targets) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const TargetRange& range : block.metrics) {
      // Zones, rpm and resistance are whole numbers; speed and incline have one decimal.
      const bool whole = range.name != "speed" && range.name != "incline";
      auto number = [whole](double v) {
        return whole ? nlohmann::json(std::lround(v)) : nlohmann::json(v);
      };
      metrics.push_back(
          {{"name", range.name}, {"upper", number(range.upper)}, {"lower", number(range.lower)}});
    }
    const int start = kPedalingStartOffset + block.start;
    blocks.push_back({{"offsets", {{"start", start}, {"end", start + block.length - 1}}},
                      {"segment_type", block.segment_type},
                      {"metrics", metrics}});
  }
  return blocks;
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
    const int resistance = CueResistance(b);
    const int cadence = CueCadence(b);
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
           {{"segment_list", PlannedSegmentListJson(r)},
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
          {"target_metrics_data",
           {{"target_metrics", TargetMetricsJson(ClassTargets(r))},
            {"total_expected_output", nlohmann::json::object()}}},
          {"is_power_zone_class", r.type == "Power Zone"},
          {"events", {{"data", nlohmann::json::array()}}}};
}

}  // namespace pelo::sim
