// The FIT writer's output read back by Garmin's own decoder (@garmin/fitsdk, run by
// web/tools/fit-decode.mjs under node): an activity-shaped file must pass its integrity check,
// decode without errors, and give back every value written.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "pelo/export/fit_writer.h"
#include "unit/export/tool_run.h"

namespace pelo::exporter::fit {
namespace {

constexpr int64_t kDecodeStartUnix = 1765000000;  // 2025-12-06T05:46:40Z
constexpr int kDecodeRecords = 600;
constexpr int kDecodePauseSeconds = 60;

// Record i's time, in FIT seconds: 300 records, a paused minute, 300 more.
int64_t DecodeRecordTime(int i) {
  return FitTimestamp(kDecodeStartUnix + i + (i >= kDecodeRecords / 2 ? kDecodePauseSeconds : 0));
}
std::optional<int> DecodePower(int i) {
  if (i % 97 == 5) return std::nullopt;
  return 100 + (i * 7) % 250;
}
int DecodeHeartRate(int i) { return i % 113 == 10 ? 999 : 110 + i % 60; }  // 999: INVALID
std::optional<int> DecodeResistance(int i) {
  if (i == 30) return std::nullopt;
  return 25 + i % 50;
}

constexpr uint8_t kLocalFileId = 0, kLocalDevice = 1, kLocalEvent = 2, kLocalRecord = 3,
                  kLocalLap = 4, kLocalSession = 5, kLocalActivity = 6, kLocalSet = 7,
                  kLocalDeveloper = 8;

std::string WriteDecodeActivity() {
  FitWriter w(64 * 1024);
  const int64_t start = FitTimestamp(kDecodeStartUnix);
  const int64_t end = DecodeRecordTime(kDecodeRecords - 1);
  auto ok = [](const Status& s) { EXPECT_TRUE(s.ok()) << s.ToString(); };

  ok(w.Define(kLocalFileId, {mesg_num::kFileId,
                             {file_id::kType, file_id::kManufacturer, file_id::kProduct,
                              file_id::kSerialNumber, file_id::kTimeCreated}}));
  ok(w.Write(kLocalFileId,
             {types::file::kActivity, types::manufacturer::kTacx, 20533, 1234567890u, start}));
  ok(w.Define(kLocalDevice,
              {mesg_num::kDeviceInfo,
               {device_info::kTimestamp, device_info::kDeviceIndex, device_info::kManufacturer,
                device_info::kProduct, device_info::kSoftwareVersion,
                WithCount(device_info::kProductName, 24)}}));
  ok(w.Write(kLocalDevice,
             {start, 0, types::manufacturer::kTacx, 20533, 130, "Tacx Training App"}));

  std::array<uint8_t, 16> app{};
  for (size_t i = 0; i < app.size(); ++i) app[i] = static_cast<uint8_t>(0xA0 + i);
  ok(w.WriteDeveloperDataId(kLocalDeveloper, 0, app, 1));
  ok(w.WriteFieldDescription(kLocalDeveloper,
                             {0, 0, BaseType::kUint8, 1, "resistance", "percent"}));

  ok(w.Define(kLocalEvent,
              {mesg_num::kEvent, {event::kTimestamp, event::kEvent, event::kEventType}}));
  ok(w.Write(kLocalEvent, {start, types::event::kTimer, types::event_type::kStart}));

  ok(w.Define(kLocalRecord, {mesg_num::kRecord,
                             {record::kTimestamp, record::kPositionLat, record::kPositionLong,
                              record::kEnhancedAltitude, record::kHeartRate, record::kCadence,
                              record::kDistance, record::kEnhancedSpeed, record::kPower},
                             {{0, 0}}}));
  for (int i = 0; i < kDecodeRecords; ++i) {
    if (i == kDecodeRecords / 2) {
      ok(w.Write(kLocalEvent,
                 {DecodeRecordTime(i - 1), types::event::kTimer, types::event_type::kStop}));
      ok(w.Write(kLocalEvent,
                 {DecodeRecordTime(i), types::event::kTimer, types::event_type::kStart}));
    }
    ok(w.Write(kLocalRecord,
               {DecodeRecordTime(i), Semicircles(40.7 + i * 1e-5), Semicircles(-74.0 + i * 1e-5),
                AltitudeM(20.0 + i * 0.1), DecodeHeartRate(i), 80 + i % 15, DistanceM(i * 8.25),
                SpeedMps(8.25 + (i % 10) * 0.01), DecodePower(i), DecodeResistance(i)}));
  }

  ok(w.Define(kLocalLap, {mesg_num::kLap,
                          {lap::kTimestamp, lap::kMessageIndex, lap::kEvent, lap::kEventType,
                           lap::kStartTime, lap::kTotalElapsedTime, lap::kTotalTimerTime,
                           lap::kTotalDistance, lap::kAvgPower, lap::kMaxPower, lap::kAvgHeartRate,
                           lap::kLapTrigger, lap::kSport, lap::kSubSport}}));
  ok(w.Write(kLocalLap, {DecodeRecordTime(299), 0, types::event::kTimer, types::event_type::kStop,
                         start, 300000, 300000, 247500, 210, 349, 140, types::lap_trigger::kManual,
                         types::sport::kCycling, types::sub_sport::kIndoorCycling}));
  ok(w.Write(kLocalLap,
             {end, 1, types::event::kTimer, types::event_type::kStop, DecodeRecordTime(300), 300000,
              300000, 247500, 220, 348, 145, types::lap_trigger::kSessionEnd,
              types::sport::kCycling, types::sub_sport::kIndoorCycling}));

  // A strength-style set, with two categories (a squat and a lunge) and their subtypes.
  const std::vector<int64_t> categories = {types::exercise_category::kSquat,
                                           types::exercise_category::kLunge};
  const std::vector<int64_t> subtypes = {12, 3};
  ok(w.Define(kLocalSet, {mesg_num::kSet,
                          {set::kTimestamp, set::kDuration, set::kRepetitions, set::kWeight,
                           set::kSetType, set::kStartTime, WithCount(set::kCategory, 2),
                           WithCount(set::kCategorySubtype, 2), set::kMessageIndex}}));
  ok(w.Write(kLocalSet, {end, Milliseconds(45.5), 12, SetWeightKg(22.5), types::set_type::kActive,
                         end - 45, categories, subtypes, 0}));

  ok(w.Define(kLocalSession,
              {mesg_num::kSession,
               {session::kTimestamp, session::kMessageIndex, session::kEvent, session::kEventType,
                session::kStartTime, session::kSport, session::kSubSport,
                session::kTotalElapsedTime, session::kTotalTimerTime, session::kTotalDistance,
                session::kAvgPower, session::kMaxPower, session::kNormalizedPower,
                session::kFirstLapIndex, session::kNumLaps, session::kTrigger}}));
  ok(w.Write(kLocalSession,
             {end, 0, types::event::kTimer, types::event_type::kStop, start, types::sport::kCycling,
              types::sub_sport::kIndoorCycling, 660000, 600000, 495000, 215, 349, 228, 0, 2,
              types::session_trigger::kActivityEnd}));
  ok(w.Define(kLocalActivity, {mesg_num::kActivity,
                               {activity::kTimestamp, activity::kTotalTimerTime,
                                activity::kNumSessions, activity::kType, activity::kEvent,
                                activity::kEventType, activity::kLocalTimestamp}}));
  ok(w.Write(kLocalActivity, {end, 600000, 1, types::activity::kManual, types::event::kActivity,
                              types::event_type::kStop, end - 5 * 3600}));
  ok(w.Write(kLocalEvent, {end, types::event::kTimer, types::event_type::kStopAll}));
  return w.Finish();
}

TEST(FitGarminDecoder, ReadsBackAnActivity) {
  const std::string node = PELO_NODE;
  const std::string tool = PELO_SOURCE_DIR "/web/tools/fit-decode.mjs";
  const std::string package = PELO_SOURCE_DIR "/web/node_modules/@garmin/fitsdk/package.json";
  ASSERT_TRUE(!node.empty() && access(node.c_str(), X_OK) == 0)
      << "node not found (" << node << "): run `bash scripts/install-deps.sh --tests`, then "
      << "configure again";
  ASSERT_TRUE(std::filesystem::exists(package))
      << "Garmin's decoder @garmin/fitsdk is not installed in web/node_modules: run "
      << "`bash scripts/install-deps.sh --tests`";

  const std::string dir = testing::MakeTempDir("pelo-fit-");
  ASSERT_FALSE(dir.empty());
  const std::string fit_path = dir + "/activity.fit";
  const std::string bytes = WriteDecodeActivity();
  // A copy with one byte of a record changed: the decoder must say so, or a pass means nothing.
  std::string corrupted = bytes;
  corrupted[bytes.size() / 2] = static_cast<char>(corrupted[bytes.size() / 2] ^ 0x01);
  const std::string corrupted_path = dir + "/corrupted.fit";
  for (const auto& [path, content] : {std::pair{fit_path, &bytes}, {corrupted_path, &corrupted}}) {
    std::ofstream f(path, std::ios::binary);
    f.write(content->data(), static_cast<std::streamsize>(content->size()));
  }
  const testing::ToolRun run = testing::RunTool({node, tool, fit_path, corrupted_path}, dir);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(run.exit_code, 0) << run.err;

  const size_t newline = run.out.find('\n');
  ASSERT_NE(newline, std::string::npos) << run.out.substr(0, 500);
  const nlohmann::json doc = nlohmann::json::parse(run.out.substr(0, newline), nullptr, false);
  const nlohmann::json bad = nlohmann::json::parse(run.out.substr(newline + 1), nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << run.out.substr(0, 500);
  ASSERT_FALSE(bad.is_discarded()) << run.out.substr(newline + 1, 500);
  EXPECT_EQ(bad["integrity"], false);

  EXPECT_EQ(doc["isFIT"], true);
  EXPECT_EQ(doc["integrity"], true);
  ASSERT_EQ(doc["errors"], nlohmann::json::array()) << doc["errors"].dump();
  const nlohmann::json& m = doc["messages"];

  ASSERT_EQ(m["fileIdMesgs"].size(), 1u);
  EXPECT_EQ(m["fileIdMesgs"][0]["type"], 4);
  EXPECT_EQ(m["fileIdMesgs"][0]["manufacturer"], 89);
  EXPECT_EQ(m["fileIdMesgs"][0]["product"], 20533);
  EXPECT_EQ(m["fileIdMesgs"][0]["serialNumber"], 1234567890);
  EXPECT_EQ(m["fileIdMesgs"][0]["timeCreated"], FitTimestamp(kDecodeStartUnix));
  ASSERT_EQ(m["deviceInfoMesgs"].size(), 1u);
  EXPECT_EQ(m["deviceInfoMesgs"][0]["productName"], "Tacx Training App");
  EXPECT_EQ(m["deviceInfoMesgs"][0]["softwareVersion"], 130);

  // The developer field, and the key its values are filed under in each record.
  ASSERT_EQ(m["developerDataIdMesgs"].size(), 1u);
  EXPECT_EQ(m["developerDataIdMesgs"][0]["developerDataIndex"], 0);
  EXPECT_EQ(m["developerDataIdMesgs"][0]["applicationId"][0], 0xA0);
  ASSERT_EQ(m["fieldDescriptionMesgs"].size(), 1u);
  const nlohmann::json& description = m["fieldDescriptionMesgs"][0];
  EXPECT_EQ(description["fieldName"], "resistance");
  EXPECT_EQ(description["units"], "percent");
  EXPECT_EQ(description["fitBaseTypeId"], 2);
  const std::string key = description["key"].dump();

  const nlohmann::json& records = m["recordMesgs"];
  ASSERT_EQ(records.size(), static_cast<size_t>(kDecodeRecords));
  for (int i = 0; i < kDecodeRecords; ++i) {
    SCOPED_TRACE("record " + std::to_string(i));
    const nlohmann::json& r = records[i];
    EXPECT_EQ(r["timestamp"], DecodeRecordTime(i));
    if (DecodePower(i)) {
      EXPECT_EQ(r["power"], *DecodePower(i));
    } else {
      EXPECT_FALSE(r.contains("power"));
    }
    if (DecodeHeartRate(i) <= 254) {
      EXPECT_EQ(r["heartRate"], DecodeHeartRate(i));
    } else {
      EXPECT_FALSE(r.contains("heartRate")) << r["heartRate"];
    }
    EXPECT_EQ(r["cadence"], 80 + i % 15);
    EXPECT_EQ(r["distance"], *DistanceM(i * 8.25));
    EXPECT_EQ(r["enhancedSpeed"], *SpeedMps(8.25 + (i % 10) * 0.01));
    EXPECT_EQ(r["enhancedAltitude"], *AltitudeM(20.0 + i * 0.1));
    EXPECT_EQ(r["positionLat"], *Semicircles(40.7 + i * 1e-5));
    EXPECT_EQ(r["positionLong"], *Semicircles(-74.0 + i * 1e-5));
    if (DecodeResistance(i)) {
      EXPECT_EQ(r["developerFields"][key], *DecodeResistance(i));
    } else {
      EXPECT_FALSE(r.contains("developerFields") && r["developerFields"].contains(key));
    }
  }
  // The paused minute is a gap in the timestamps, between a timer stop and start.
  EXPECT_EQ(records[300]["timestamp"].get<int64_t>() - records[299]["timestamp"].get<int64_t>(),
            kDecodePauseSeconds + 1);
  const nlohmann::json& events = m["eventMesgs"];
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0]["eventType"], 0);
  EXPECT_EQ(events[1]["eventType"], 1);
  EXPECT_EQ(events[2]["eventType"], 0);
  EXPECT_EQ(events[2]["timestamp"], DecodeRecordTime(300));
  EXPECT_EQ(events[3]["eventType"], 4);

  const nlohmann::json& laps = m["lapMesgs"];
  ASSERT_EQ(laps.size(), 2u);
  EXPECT_EQ(laps[0]["messageIndex"], 0);
  EXPECT_EQ(laps[0]["startTime"], FitTimestamp(kDecodeStartUnix));
  EXPECT_EQ(laps[0]["totalTimerTime"], 300000);
  EXPECT_EQ(laps[0]["avgPower"], 210);
  EXPECT_EQ(laps[1]["messageIndex"], 1);
  EXPECT_EQ(laps[1]["startTime"], DecodeRecordTime(300));
  EXPECT_EQ(laps[1]["maxPower"], 348);
  EXPECT_EQ(laps[1]["avgHeartRate"], 145);
  EXPECT_EQ(laps[1]["lapTrigger"], 7);
  EXPECT_EQ(laps[1]["subSport"], 6);

  ASSERT_EQ(m["sessionMesgs"].size(), 1u);
  const nlohmann::json& s = m["sessionMesgs"][0];
  EXPECT_EQ(s["sport"], 2);
  EXPECT_EQ(s["subSport"], 6);
  EXPECT_EQ(s["totalElapsedTime"], 660000);
  EXPECT_EQ(s["totalTimerTime"], 600000);
  EXPECT_EQ(s["totalDistance"], 495000);
  EXPECT_EQ(s["normalizedPower"], 228);
  EXPECT_EQ(s["numLaps"], 2);
  ASSERT_EQ(m["activityMesgs"].size(), 1u);
  EXPECT_EQ(m["activityMesgs"][0]["numSessions"], 1);
  EXPECT_EQ(m["activityMesgs"][0]["localTimestamp"],
            DecodeRecordTime(kDecodeRecords - 1) - 5 * 3600);

  ASSERT_EQ(m["setMesgs"].size(), 1u);
  const nlohmann::json& set = m["setMesgs"][0];
  EXPECT_EQ(set["category"], nlohmann::json::array({28, 17}));
  EXPECT_EQ(set["categorySubtype"], nlohmann::json::array({12, 3}));
  EXPECT_EQ(set["repetitions"], 12);
  EXPECT_EQ(set["weight"], 360);  // 22.5 kg x 16
  EXPECT_EQ(set["duration"], 45500);
  EXPECT_EQ(set["setType"], 1);
  EXPECT_EQ(set["timestamp"], DecodeRecordTime(kDecodeRecords - 1));
}

}  // namespace
}  // namespace pelo::exporter::fit
