// The Auth0 login page's form (auth/html_form.h): what pelo re-POSTs after the credentials.
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "peloton/auth/html_form.h"

namespace {

namespace auth = pelo::auth::internal;

bool SameForm(const std::optional<auth::HtmlForm>& a, const std::optional<auth::HtmlForm>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->action == b->action && a->method == b->method && a->fields == b->fields;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view html = pelo::fuzz::AsText(data, size);
  const auto form = auth::ParseHtmlForm(html);
  if (form) {
    PELO_FUZZ_CHECK(!form->method.empty());
    for (char c : form->method) PELO_FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
    for (const auto& [name, value] : form->fields) PELO_FUZZ_CHECK(!name.empty());
  }
  // A form that is commented out, in a script or in a style is text: put before any document,
  // it changes nothing (each ends where it began, with no tag open), '>'s in quotes and all.
  for (std::string_view decoy :
       {"<!-- <form action=\"/decoy\"><input name=\"d\" value=\"1\"></form> -->",
        "<SCRIPT>var f = '<form action=\"/decoy\"></form>'; if (a<b) {}</script >",
        "<style>/* <form action='/decoy'> */</style><p title=\"<form action=/decoy>\">"}) {
    PELO_FUZZ_CHECK(SameForm(auth::ParseHtmlForm(std::string(decoy).append(html)), form));
  }
  // Every entity is at least as long as its UTF-8 (&#x10000; is 9 bytes for 4), and text with
  // no '&' is left alone.
  const std::string decoded = auth::DecodeHtmlEntities(html);
  PELO_FUZZ_CHECK(decoded.size() <= html.size());
  if (html.find('&') == std::string_view::npos) PELO_FUZZ_CHECK(decoded == html);
  return 0;
}
