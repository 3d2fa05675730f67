// The OAuth token endpoint's answers (oauth2/tokens.h, oauth2/errors.h): tokens from a success
// body, the `error` code of a failure body.
#include "fuzz_check.h"
#include "pelo/oauth2/errors.h"
#include "pelo/oauth2/tokens.h"

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
  namespace oauth2 = pelo::oauth2;
  const std::string_view body = pelo::fuzz::AsText(data, size);
  auto credentials = oauth2::ParseTokenResponse(body, 1'700'000'000, "POST /oauth/token");
  pelo::fuzz::CheckOkOrApiError(credentials);
  if (credentials.ok()) PELO_FUZZ_CHECK(!credentials->access_token.empty());
  PELO_FUZZ_CHECK(IsSanitized(oauth2::OAuthErrorCode(body)));
  const std::string sanitized = oauth2::SanitizeErrorCode(body);
  PELO_FUZZ_CHECK(IsSanitized(sanitized));
  PELO_FUZZ_CHECK(oauth2::SanitizeErrorCode(sanitized) == sanitized);
  return 0;
}
