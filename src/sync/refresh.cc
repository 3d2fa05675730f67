#include "pelo/sync/refresh.h"

#include <charconv>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sync/ride_ftp_chain.h"
#include "sync/ride_metrics_builder.h"
#include "sync/ride_recompute.h"

namespace pelo::sync {
namespace {

// Shortest text that reads back as the same double.
std::string Number(double v) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, v).ptr;
  return std::string(text, end);
}

bool IsStale(const store::RideMetricsState& s) {
  if (!s.metrics_version || *s.metrics_version < kRideMetricsVersion) return true;
  return s.has_power && (!s.curve_version || *s.curve_version < kRideMetricsVersion);
}

// What step 2 compares: the stored FTP and source against the chain's.
bool SameFtp(const store::RideMetricsState& s, const std::optional<FtpInEffect>& ftp) {
  if (!ftp) return !s.ftp && s.ftp_source.empty();
  return s.ftp == ftp->watts && s.ftp_source == ftp->source;
}

// The state as the new rows leave it.
void Update(store::RideMetricsState& s, const RideRows& rows) {
  const model::RideMetricsRow& m = rows.metrics;
  s.metrics_version = m.metrics_version;
  s.curve_version = rows.curve_w ? std::optional<int>(m.metrics_version) : std::nullopt;
  s.has_power = m.avg_power.has_value();
  s.ftp = m.ftp;
  s.ftp_source = m.ftp_source;
  s.is_ftp_test = m.is_ftp_test;
  s.ftp_test_w = m.ftp_test_w;
  s.mmp_1200s = m.mmp_1200s;
}

class Refresher {
 public:
  Refresher(store::Store& store, const RefreshOptions& options)
      : store_(store), options_(options) {}

  StatusOr<RefreshResult> Run() {
    PELO_ASSIGN_OR_RETURN(states_, store_.RideMetricsStates());
    PELO_ASSIGN_OR_RETURN(base_.user, store_.LoadUser());
    base_.athlete = options_.athlete;
    for (size_t i = 0; i < states_.size(); ++i) index_[states_[i].workout_id] = i;
    const std::string settings = RideMetricsSettingsRecord(base_.user, options_.athlete);
    PELO_ASSIGN_OR_RETURN(std::optional<std::string> recorded,
                          store_.GetState(kRideMetricsSettingsKey));
    const bool all = recorded != settings;

    // 1. Stale rows, with the FTP the chain gives on the rows as stored as a first guess: right
    // unless the rows it comes from are stale themselves (step 2 checks).
    std::vector<std::string> ids;
    for (const store::RideMetricsState& s : states_) {
      if (all || IsStale(s)) ids.push_back(s.workout_id);
    }
    if (!ids.empty()) PELO_RETURN_IF_ERROR(Recompute(ids, ChainedFtps(), /*ftp_step=*/false));

    // 2. The FTP chain on the rows as they are now: rides stored with another FTP.
    ids.clear();
    std::unordered_map<std::string, FtpInEffect> chained;
    for (const ChainedFtp& c : ChainRideFtps(states_, base_.user)) {
      if (SameFtp(states_[index_.at(c.workout_id)], c.ftp)) continue;
      ids.push_back(c.workout_id);
      if (c.ftp) chained.emplace(c.workout_id, *c.ftp);
    }
    PELO_RETURN_IF_ERROR(Recompute(ids, chained, /*ftp_step=*/true));

    // 3. Every row that could be computed now is, with these settings.
    if (recorded != settings) {
      PELO_RETURN_IF_ERROR(store_.SetState(kRideMetricsSettingsKey, settings));
    }
    report_.recomputed = static_cast<int64_t>(recomputed_.size());
    report_.ftp_changed = static_cast<int64_t>(ftp_changed_.size());
    report_.unavailable = static_cast<int64_t>(unavailable_.size());
    return report_;
  }

 private:
  std::unordered_map<std::string, FtpInEffect> ChainedFtps() const {
    std::unordered_map<std::string, FtpInEffect> ftps;
    for (const ChainedFtp& c : ChainRideFtps(states_, base_.user)) {
      if (c.ftp) ftps.emplace(c.workout_id, *c.ftp);
    }
    return ftps;
  }

  Status Recompute(const std::vector<std::string>& ids,
                   const std::unordered_map<std::string, FtpInEffect>& ftp_of, bool ftp_step) {
    if (ids.empty()) return OkStatus();
    std::unordered_set<std::string> done;
    auto on_stored = [&](const RideRows& rows) {
      const std::string& id = rows.metrics.workout_id;
      const auto at = index_.find(id);
      if (at == index_.end()) return;
      store::RideMetricsState& s = states_[at->second];
      // A row the chain corrects, or one that had been stored with another FTP.
      const bool had_other_ftp = s.metrics_version && (s.ftp != rows.metrics.ftp ||
                                                       s.ftp_source != rows.metrics.ftp_source);
      if (ftp_step || had_other_ftp) ftp_changed_.insert(id);
      Update(s, rows);
      recomputed_.insert(id);
      done.insert(id);
    };
    StatusOr<int64_t> stored = RecomputeRides(store_, ids, base_, ftp_of, on_stored);
    if (!stored.ok()) return stored.status();
    for (const std::string& id : ids) {
      if (!done.count(id)) unavailable_.insert(id);
    }
    return OkStatus();
  }

  store::Store& store_;
  const RefreshOptions& options_;
  RideMetricsContext base_;
  std::vector<store::RideMetricsState> states_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_set<std::string> recomputed_, ftp_changed_, unavailable_;
  RefreshResult report_;
};

}  // namespace

std::string RideMetricsSettingsRecord(const std::optional<model::User>& user,
                                      const analytics::AthleteSettings& athlete) {
  const analytics::RideSettings s = RideSettingsFor(user, athlete);
  return "max_hr_bpm=" + Number(s.max_hr_bpm) + ";resting_hr_bpm=" + Number(s.resting_hr_bpm) +
         ";lthr_bpm=" + Number(s.lthr_bpm) +
         ";sex=" + (s.sex == analytics::Sex::kFemale ? "female" : "male");
}

Status BeginRideMetricsWrites(store::Store& store, const std::optional<model::User>& user,
                              const analytics::AthleteSettings& athlete) {
  const std::string settings = RideMetricsSettingsRecord(user, athlete);
  PELO_ASSIGN_OR_RETURN(std::optional<std::string> recorded,
                        store.GetState(kRideMetricsSettingsKey));
  if (recorded == settings) return OkStatus();
  PELO_ASSIGN_OR_RETURN(int64_t workouts, store.CountWorkouts());
  // Nothing stored yet: every row will be computed with these settings.
  if (workouts == 0) return store.SetState(kRideMetricsSettingsKey, settings);
  // Rows of both settings may soon be stored side by side: none is known to be current.
  if (recorded) return store.SetState(kRideMetricsSettingsKey, "");
  return OkStatus();
}

StatusOr<RefreshResult> RefreshRideMetrics(store::Store& store, const RefreshOptions& options) {
  return Refresher(store, options).Run();
}

}  // namespace pelo::sync
