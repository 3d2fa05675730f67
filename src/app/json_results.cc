// SyncResultJson and RebuildResultJson (json.h).
#include "json_values.h"
#include "pelo/app/json.h"

namespace pelo::app {

std::string SyncResultJson(const sync::SyncResult& r, bool reconcile, bool pretty) {
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
            {"ftp_changed", r.ftp_changed}};
  if (reconcile) {
    j["deleted"] = r.deleted;
    j["restored"] = r.restored;
  }
  if (!r.status.ok()) {
    j["error"] = {{"code", ErrorCodeName(r.status.code())}, {"message", r.status.message()}};
  }
  return Dump(j, pretty);
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

}  // namespace pelo::app
