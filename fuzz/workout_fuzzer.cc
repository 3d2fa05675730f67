// GET /api/workout/{id}?joins=ride,ride.instructor -> model::Workout.
#include <cmath>

#include "fuzz_check.h"
#include "pelo/analytics/ftp.h"
#include "pelo/peloton/api/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto workout = pelo::api::ParseWorkout(pelo::fuzz::AsText(data, size));
  pelo::fuzz::CheckOkOrApiError(workout);
  // The analytics divide by the FTP in effect: when there is one, it is positive and finite.
  if (workout.ok() && workout->ftp_info) {
    if (auto ftp = pelo::analytics::ResolveWorkoutFtp(*workout->ftp_info)) {
      PELO_FUZZ_CHECK(*ftp > 0 && std::isfinite(*ftp));
    }
  }
  return 0;
}
