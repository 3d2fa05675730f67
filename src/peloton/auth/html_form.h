// The one HTML form Auth0 answers a credential POST with (hidden fields to re-POST).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pelo::auth::internal {

struct HtmlForm {
  std::string action;  // as written (entities decoded), possibly relative
  std::string method;  // lowercase; "post" when absent
  std::vector<std::pair<std::string, std::string>> fields;  // named inputs, in order
};

// The first <form> in `html` with its named inputs (not submit/button/reset/image), or nullopt.
// Tags are found as a browser finds them: not in comments or in the text of <script>, <style>,
// <title>, <textarea> or <noscript>, and a '>' inside a quoted attribute value is part of it.
std::optional<HtmlForm> ParseHtmlForm(std::string_view html);

// Decodes &quot; &amp; &lt; &gt; &apos; &#39; &#34; and any &#NNN; / &#xHH; (as UTF-8).
std::string DecodeHtmlEntities(std::string_view text);

}  // namespace pelo::auth::internal
