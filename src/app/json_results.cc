// SyncResultJson, RebuildResultJson and ActivityExportJson (json.h).
#include "json_values.h"
#include "pelo/app/json.h"
#include "pelo/common/time.h"

namespace pelo::app {

namespace {

Json SyncResultObject(const sync::SyncResult& r, bool reconcile) {
  Json j = {{"requests", r.requests},
            {"bytes", r.bytes},
            {"new", r.added},
            {"updated", r.updated},
            {"skipped", r.skipped},
            {"failed", r.failed},
            {"seconds", r.seconds},
            {"listed", r.listed},
            {"pending", r.pending},
            {"total", r.stored_total},
            {"recomputed", r.metrics_recomputed},
            {"ftp_changed", r.ftp_changed},
            {"class_plans", r.class_plans},
            {"rebuilt", r.rebuilt}};
  if (reconcile) {
    j["deleted"] = r.deleted;
    j["restored"] = r.restored;
  }
  if (!r.status.ok()) {
    j["error"] = {{"code", ErrorCodeName(r.status.code())}, {"message", r.status.message()}};
  }
  return j;
}

}  // namespace

std::string SyncResultJson(const sync::SyncResult& r, bool reconcile, bool pretty) {
  return Dump(SyncResultObject(r, reconcile), pretty);
}

std::string ScheduledSyncJson(const sync::SyncResult& result, const ScheduledRun& run) {
  Json j = {{"at", FormatIso8601Utc(run.at_epoch_s)},
            {"outcome", RunOutcomeName(run.outcome)},
            {"failures_in_a_row", run.failures_in_a_row}};
  if (run.ran) {
    const Json sync = SyncResultObject(result, false);
    for (const auto& [key, value] : sync.items()) j[key] = value;
  } else if (!result.status.ok()) {
    j["error"] = {{"code", ErrorCodeName(result.status.code())},
                  {"message", result.status.message()}};
  }
  if (run.next_at_epoch_s) {
    j["next_at"] = FormatIso8601Utc(*run.next_at_epoch_s);
    j["next_in_s"] = static_cast<double>(run.next_in.count()) / 1000.0;
  }
  return Dump(j, false);
}

std::string RebuildResultJson(const sync::RebuildResult& r, bool pretty) {
  // Keys sorted (nlohmann::json), as the first `rebuild --json` printed them.
  const nlohmann::json j = {{"workouts", r.workouts},
                            {"samples", r.samples},
                            {"json_bytes", r.json_bytes},
                            {"skipped", r.skipped},
                            {"recomputed", r.metrics_recomputed},
                            {"ftp_changed", r.ftp_changed},
                            {"seconds", r.seconds}};
  return Dump(j, pretty);
}

std::string ActivityExportJson(const ActivityExportResult& r, ActivityFormat format, bool pretty) {
  Json files = Json::array();
  for (const ExportedFile& f : r.written) {
    files.push_back(
        {{"workout_ids", f.workout_ids}, {"title", f.title}, {"path", f.path}, {"bytes", f.bytes}});
  }
  Json skipped = Json::array();
  for (const SkippedWorkout& s : r.skipped) {
    skipped.push_back({{"workout_ids", s.workout_ids}, {"title", s.title}, {"reason", s.reason}});
  }
  Json j = {{"format", std::string(ActivityFormatExtension(format))},
            {"written", r.written.size()},
            {"skipped", r.skipped.size()},
            {"files", std::move(files)},
            {"skipped_workouts", std::move(skipped)}};
  // A path the user gave need not be UTF-8: replaced, never a throw.
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pelo::app
