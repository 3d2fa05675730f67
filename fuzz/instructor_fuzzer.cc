// GET /api/instructor/{id} and GET /api/instructor (list and page) -> model::Instructor.
#include "fuzz_check.h"
#include "pelo/peloton/api/parse.h"
#include "pelo/peloton/api/parse_more.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body = pelo::fuzz::AsText(data, size);
  pelo::fuzz::CheckOkOrApiError(pelo::api::ParseInstructor(body));
  pelo::fuzz::CheckOkOrApiError(pelo::api::ParseInstructorList(body));
  pelo::fuzz::CheckOkOrApiError(pelo::api::ParseInstructorPage(body));
  return 0;
}
