// --workouts-from: serves recorded {"Workout","WorkoutSamples"} files as the user's workouts.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "peloton/sim/json/me_json.h"
#include "peloton/sim/world/data_set.h"
#include "peloton/sim/world/instructors.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

StatusOr<json> ReadEnvelope(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!in && !in.eof()) {
    return Status(ErrorCode::kInvalidArgument, path.string() + ": cannot be read");
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // UTF-8 byte-order mark
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("Workout") ||
      !doc["Workout"].is_object() || !doc.contains("WorkoutSamples") ||
      !doc["WorkoutSamples"].is_object() || !doc["Workout"].contains("id") ||
      !doc["Workout"]["id"].is_string()) {
    return Status(ErrorCode::kInvalidArgument,
                  path.string() + ": not a {\"Workout\", \"WorkoutSamples\"} JSON file");
  }
  return doc;
}

int64_t CreatedAt(const json& workout) {
  for (const char* key : {"created_at", "start_time", "created"}) {
    const auto it = workout.find(key);
    if (it != workout.end() && it->is_number()) return it->get<int64_t>();
  }
  return 0;
}

std::array<int, 5> ZoneSeconds(const json& workout) {
  std::array<int, 5> out{};
  const json zones =
      workout.value("effort_zones", json::object()).value("heart_rate_zone_durations", json());
  if (!zones.is_object()) return out;
  for (size_t z = 0; z < 5; ++z) {
    const json& v = zones.value("heart_rate_z" + std::to_string(z + 1) + "_duration", json());
    if (v.is_number()) out[z] = v.get<int>();
  }
  return out;
}

// ride id -> the segment_list of the last loaded graph of a workout of that ride.
using SegmentLists = std::map<std::string, json>;

// The ride of a loaded workout, and the graph's segments its details show (RideDetails).
void AddRide(const json& workout, const json& graph, DataSet& data, SegmentLists& segments) {
  if (!workout.contains("ride") || !workout["ride"].is_object()) return;
  const json& ride = workout["ride"];
  const std::string id = ride.value("id", "");
  if (id.empty() || id == "00000000000000000000000000000000") return;
  if (ride.contains("instructor") && ride["instructor"].is_object() &&
      data.FindInstructor(ride["instructor"].value("id", "")) == nullptr) {
    data.instructors.push_back(ride["instructor"]);
    data.Finish();  // re-index so the next lookup sees it
  }
  data.rides[id] = ride;
  segments[id] = graph.value("segment_list", json::array());
}

// Ride details assembled from what the recording holds: the ride and the graph's segments.
json RecordedRideDetails(const json& ride, const json& segment_list) {
  return {{"ride", ride},
          {"segments", {{"segment_list", segment_list}}},
          {"instructor_cues", json::array()},
          {"playlist", nullptr},
          {"averages", json::object()},
          {"target_class_metrics", json::object()},
          {"events", {{"data", json::array()}}}};
}

std::vector<fs::path> JsonFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

StatusOr<std::unique_ptr<DataSet>> LoadDataSetFromDir(const Options& options) {
  std::error_code ec;
  if (!fs::is_directory(options.workouts_from, ec)) {
    return Status(ErrorCode::kInvalidArgument,
                  "--workouts-from: not a directory: " + options.workouts_from);
  }
  auto data = std::make_unique<DataSet>();
  data->user_id = HexId(Mix(options.seed, 0x05E5), 1);
  data->instructors = BuildInstructors();
  data->Finish();
  std::set<std::string> ids;
  auto segments = std::make_shared<SegmentLists>();
  int ftp = 0;
  int64_t ftp_at = 0;
  for (const auto& path : JsonFiles(options.workouts_from)) {
    PELO_ASSIGN_OR_RETURN(json doc, ReadEnvelope(path));
    json workout = std::move(doc["Workout"]);
    auto graph = std::make_shared<const json>(std::move(doc["WorkoutSamples"]));
    workout["user_id"] = data->user_id;
    WorkoutEntry entry;
    entry.id = workout["id"].get<std::string>();
    if (!ids.insert(entry.id).second) {
      return Status(ErrorCode::kInvalidArgument,
                    path.string() + ": duplicate workout id " + entry.id);
    }
    entry.created_at = CreatedAt(workout);
    entry.zone_seconds = ZoneSeconds(workout);
    const json ftp_info = workout.value("ftp_info", json::object());
    if (ftp_info.is_object() && ftp_info.value("ftp", json()).is_number() &&
        entry.created_at >= ftp_at && ftp_info["ftp"].get<double>() > 0) {
      ftp = ftp_info["ftp"].get<int>();
      ftp_at = entry.created_at;
    }
    AddRide(workout, *graph, *data, *segments);
    entry.detail = std::move(workout);
    entry.graph = [graph] { return *graph; };
    data->workouts.push_back(std::move(entry));
  }
  data->build_ride_details = [segments](const std::string& id, const json& ride) {
    return RecordedRideDetails(ride, segments->at(id));
  };
  const int count = static_cast<int>(data->workouts.size());
  data->me = MeJson(options, data->user_id, count, ftp, "", ftp, 1500000000);
  data->Finish();
  return data;
}

}  // namespace pelo::sim
