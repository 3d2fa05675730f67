// The typed Peloton API client: one method per catalogue entry, plus a raw Call().
#pragma once

#include <string>
#include <vector>

#include "pelo/auth/credentials.h"
#include "pelo/auth/session.h"
#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/http/url.h"
#include "pelo/model/instructor.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/ride.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"

namespace pelo::api {

// A parsed value and the raw response body it came from (archived by the store).
template <typename T>
struct Fetched {
  T value;
  std::string raw;   // response body as received
  std::string path;  // "/api/workout/abc?joins=ride" (no host, no secrets)
};

inline constexpr const char* kWorkoutJoins = "ride,ride.instructor";

class Client {
 public:
  // `session` may be null for anonymous calls only.
  Client(http::Transport& transport, auth::Endpoints endpoints, auth::Session* session,
         std::string user_agent);

  StatusOr<Fetched<model::User>> Me();
  StatusOr<Fetched<model::WorkoutPage>> Workouts(const std::string& user_id, int page, int limit,
                                                 const std::string& joins = kWorkoutJoins);
  StatusOr<Fetched<model::Workout>> Workout(const std::string& workout_id,
                                            const std::string& joins = kWorkoutJoins);
  StatusOr<Fetched<model::PerformanceGraph>> PerformanceGraph(const std::string& workout_id,
                                                              int every_n);
  StatusOr<Fetched<model::RideDetails>> RideDetails(const std::string& ride_id);
  StatusOr<Fetched<std::vector<model::Instructor>>> Instructors(int page, int limit);
  StatusOr<Fetched<model::Instructor>> Instructor(const std::string& instructor_id);

  // Any request to the API host: adds auth and standard headers, refreshes once on 401, maps
  // non-2xx to a Status naming the request (kUnauthenticated for 401/403, kApi otherwise).
  StatusOr<http::Response> Call(const std::string& method, const std::string& path,
                                const http::QueryParams& query = {}, const std::string& body = {});

 private:
  StatusOr<std::string> GetBody(const std::string& path, const http::QueryParams& query,
                                std::string* path_out);

  http::Transport& transport_;
  auth::Endpoints endpoints_;
  auth::Session* session_;
  std::string user_agent_;
};

}  // namespace pelo::api
