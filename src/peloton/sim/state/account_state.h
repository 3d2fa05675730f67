// What the signed-in user changes during a run: deleted workouts, whom they follow, favorite
// classes, reservations, settings, profile edits and challenge membership. Everything else the
// simulator serves is fixed at start-up; handlers combine the two. Thread-safe: the server's
// workers call it concurrently, and every method is one critical section.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace pelo::sim {

struct Reservation {
  std::string id;
  std::string peloton_id;
  std::string user_id;
  std::string join_token;
};

class AccountState {
 public:
  // `following`: the members followed at start-up; `settings`: the initial settings object.
  AccountState(std::set<std::string> following, nlohmann::json settings,
               std::map<std::string, bool> challenges_joined);

  // True when the workout was visible and is now deleted.
  bool DeleteWorkout(const std::string& workout_id);
  bool IsDeleted(const std::string& workout_id) const;
  std::set<std::string> DeletedWorkouts() const;

  bool Follows(const std::string& member_id) const;
  void SetFollowing(const std::string& member_id, bool follow);
  std::set<std::string> Following() const;

  bool IsFavorite(const std::string& ride_id) const;
  void SetFavorite(const std::string& ride_id, bool favorite);
  std::set<std::string> Favorites() const;

  // The user's reservation of session `peloton_id`, created when there is none yet.
  Reservation Reserve(const std::string& peloton_id, const std::string& user_id);
  // Cancels the reservation with this id (or of the session with this peloton id).
  bool CancelReservation(const std::string& id_or_peloton_id);
  int ReservationsFor(const std::string& peloton_id) const;

  nlohmann::json Settings() const;
  // Merges `patch` (RFC 7386 merge patch) into the settings; returns the result.
  nlohmann::json MergeSettings(const nlohmann::json& patch);

  // The profile fields the user changed (merged over /api/me).
  nlohmann::json ProfileEdits() const;
  void EditProfile(const nlohmann::json& fields);

  // Whether the user takes part in the challenge; nullopt for an unknown challenge.
  std::optional<bool> Joined(const std::string& challenge_id) const;
  // False for an unknown challenge.
  bool SetJoined(const std::string& challenge_id, bool joined);

 private:
  mutable std::mutex mu_;
  std::set<std::string> deleted_;
  std::set<std::string> following_;
  std::set<std::string> favorites_;
  std::map<std::string, Reservation> reservations_;  // by reservation id
  uint64_t next_reservation_ = 1;
  nlohmann::json settings_;
  nlohmann::json profile_edits_ = nlohmann::json::object();
  std::map<std::string, bool> joined_;
};

}  // namespace pelo::sim
