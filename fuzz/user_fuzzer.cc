// GET /api/me (and the user_data of a login response) -> model::User.
#include <cmath>

#include "fuzz_check.h"
#include "pelo/analytics/ftp.h"
#include "pelo/peloton/api/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto user = pelo::api::ParseUser(pelo::fuzz::AsText(data, size));
  pelo::fuzz::CheckOkOrApiError(user);
  // The analytics divide by the profile's FTP: when there is one, it is positive and finite.
  if (user.ok()) {
    if (auto ftp = pelo::analytics::ResolveUserFtp(*user)) {
      PELO_FUZZ_CHECK(*ftp > 0 && std::isfinite(*ftp));
    }
  }
  return 0;
}
