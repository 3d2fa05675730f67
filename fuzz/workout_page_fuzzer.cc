// GET /api/user/{id}/workouts -> model::WorkoutPage.
#include "fuzz_check.h"
#include "pelo/peloton/api/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto page = pelo::api::ParseWorkoutPage(pelo::fuzz::AsText(data, size));
  pelo::fuzz::CheckOkOrApiError(page);
  if (!page.ok()) return 0;
  // Sync archives each item's raw JSON and rebuild re-parses it as a workout: the two must
  // line up and the minified text must read back as the same workout.
  PELO_FUZZ_CHECK(page->raw_data.size() == page->data.size());
  for (size_t i = 0; i < page->data.size(); ++i) {
    auto again = pelo::api::ParseWorkout(page->raw_data[i]);
    PELO_FUZZ_CHECK(again.ok());
    PELO_FUZZ_CHECK(again->id == page->data[i].id);
    PELO_FUZZ_CHECK(again->start_time == page->data[i].start_time);
  }
  return 0;
}
