// The OAuth token endpoint's answers (auth/oauth.h): credentials from a success body, the
// `error` code of a failure body.
#include "fuzz_check.h"
#include "peloton/auth/oauth.h"

namespace {

// What OAuthErrorCode and SanitizeErrorCode promise: safe to put in a message.
bool IsSanitized(const std::string& code) {
  if (code.size() > 64) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace auth = pelo::auth::internal;
  const std::string_view body = pelo::fuzz::AsText(data, size);
  auto credentials = auth::ParseTokenResponse(body, 1'700'000'000, "POST /oauth/token");
  pelo::fuzz::CheckOkOrApiError(credentials);
  if (credentials.ok()) PELO_FUZZ_CHECK(!credentials->access_token.empty());
  PELO_FUZZ_CHECK(IsSanitized(auth::OAuthErrorCode(body)));
  const std::string sanitized = auth::SanitizeErrorCode(body);
  PELO_FUZZ_CHECK(IsSanitized(sanitized));
  PELO_FUZZ_CHECK(auth::SanitizeErrorCode(sanitized) == sanitized);
  return 0;
}
