// Small ASCII string helpers that protocols need (header names, cookie attributes, HTML tags,
// JSON keys): one copy for every layer. None of them looks at non-ASCII bytes, so UTF-8 text
// passes through unchanged.
#pragma once

#include <string>
#include <string_view>

namespace pelo {

// `text` with 'A'-'Z' turned into 'a'-'z'; every other byte unchanged.
std::string Lower(std::string_view text);

// `text` without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view Trim(std::string_view text);

// Whether `a` and `b` are equal when 'A'-'Z' and 'a'-'z' are taken as the same.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// A form field or query component as a server reads it (application/x-www-form-urlencoded):
// '+' is a space and %XX the byte XX; a '%' not followed by two hex digits is kept as it is.
std::string FormDecode(std::string_view text);

// `text` for HTML text or a quoted attribute: & < > " ' as &amp; &lt; &gt; &#34; &#39; (the
// numeric forms Auth0's pages use).
std::string HtmlEscape(std::string_view text);

}  // namespace pelo
