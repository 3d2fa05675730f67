// GET /api/ride/{id}/details -> model::RideDetails.
#include "fuzz_check.h"
#include "pelo/peloton/api/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pelo::fuzz::CheckOkOrApiError(pelo::api::ParseRideDetails(pelo::fuzz::AsText(data, size)));
  return 0;
}
