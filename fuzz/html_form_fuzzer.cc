// The Auth0 login page's form (auth/html_form.h): what pelo re-POSTs after the credentials.
#include "auth/html_form.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace auth = pelo::auth::internal;
  const std::string_view html = pelo::fuzz::AsText(data, size);
  if (auto form = auth::ParseHtmlForm(html)) {
    PELO_FUZZ_CHECK(!form->method.empty());
    for (char c : form->method) PELO_FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
    for (const auto& [name, value] : form->fields) PELO_FUZZ_CHECK(!name.empty());
  }
  // Every entity is at least as long as its UTF-8 (&#x10000; is 9 bytes for 4), and text with
  // no '&' is left alone.
  const std::string decoded = auth::DecodeHtmlEntities(html);
  PELO_FUZZ_CHECK(decoded.size() <= html.size());
  if (html.find('&') == std::string_view::npos) PELO_FUZZ_CHECK(decoded == html);
  return 0;
}
