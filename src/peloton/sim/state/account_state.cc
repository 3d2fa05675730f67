#include "peloton/sim/state/account_state.h"

#include "pelo/common/base64.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

constexpr uint64_t kReservationStream = 0x5E5E;

// The live join token of a reservation: base64 of a small JSON, like the on-demand tokens.
std::string LiveJoinToken(const std::string& peloton_id, const std::string& user_id) {
  const nlohmann::json token = {{"peloton_id", peloton_id}, {"user_id", user_id}, {"type", "live"}};
  return Base64UrlEncode(token.dump());
}

}  // namespace

AccountState::AccountState(std::set<std::string> following, nlohmann::json settings,
                           std::map<std::string, bool> challenges_joined)
    : following_(std::move(following)),
      settings_(std::move(settings)),
      joined_(std::move(challenges_joined)) {}

bool AccountState::DeleteWorkout(const std::string& workout_id) {
  std::lock_guard<std::mutex> lock(mu_);
  return deleted_.insert(workout_id).second;
}

bool AccountState::IsDeleted(const std::string& workout_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return deleted_.count(workout_id) > 0;
}

std::set<std::string> AccountState::DeletedWorkouts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return deleted_;
}

bool AccountState::Follows(const std::string& member_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return following_.count(member_id) > 0;
}

void AccountState::SetFollowing(const std::string& member_id, bool follow) {
  std::lock_guard<std::mutex> lock(mu_);
  if (follow) {
    following_.insert(member_id);
  } else {
    following_.erase(member_id);
  }
}

std::set<std::string> AccountState::Following() const {
  std::lock_guard<std::mutex> lock(mu_);
  return following_;
}

bool AccountState::IsFavorite(const std::string& ride_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return favorites_.count(ride_id) > 0;
}

void AccountState::SetFavorite(const std::string& ride_id, bool favorite) {
  std::lock_guard<std::mutex> lock(mu_);
  if (favorite) {
    favorites_.insert(ride_id);
  } else {
    favorites_.erase(ride_id);
  }
}

std::set<std::string> AccountState::Favorites() const {
  std::lock_guard<std::mutex> lock(mu_);
  return favorites_;
}

Reservation AccountState::Reserve(const std::string& peloton_id, const std::string& user_id) {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [id, r] : reservations_) {
    if (r.peloton_id == peloton_id) return r;
  }
  // Ids count up from a fixed stream, so a run's reservations are the same every time.
  Reservation r{HexId(kReservationStream, next_reservation_++), peloton_id, user_id,
                LiveJoinToken(peloton_id, user_id)};
  reservations_[r.id] = r;
  return r;
}

bool AccountState::CancelReservation(const std::string& id_or_peloton_id) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = reservations_.begin(); it != reservations_.end(); ++it) {
    if (it->first == id_or_peloton_id || it->second.peloton_id == id_or_peloton_id) {
      reservations_.erase(it);
      return true;
    }
  }
  return false;
}

int AccountState::ReservationsFor(const std::string& peloton_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  int n = 0;
  for (const auto& [id, r] : reservations_) n += r.peloton_id == peloton_id ? 1 : 0;
  return n;
}

nlohmann::json AccountState::Settings() const {
  std::lock_guard<std::mutex> lock(mu_);
  return settings_;
}

nlohmann::json AccountState::MergeSettings(const nlohmann::json& patch) {
  std::lock_guard<std::mutex> lock(mu_);
  settings_.merge_patch(patch);
  return settings_;
}

nlohmann::json AccountState::ProfileEdits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return profile_edits_;
}

void AccountState::EditProfile(const nlohmann::json& fields) {
  std::lock_guard<std::mutex> lock(mu_);
  profile_edits_.update(fields);
}

std::optional<bool> AccountState::Joined(const std::string& challenge_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = joined_.find(challenge_id);
  if (it == joined_.end()) return std::nullopt;
  return it->second;
}

bool AccountState::SetJoined(const std::string& challenge_id, bool joined) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = joined_.find(challenge_id);
  if (it == joined_.end()) return false;
  it->second = joined;
  return true;
}

}  // namespace pelo::sim
