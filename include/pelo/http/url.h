// URL helpers: percent-encoding, query strings, resolving relative references.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pelo::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string UrlEncode(std::string_view s);
// Decodes %XX and (form encoding) '+' as space.
std::string UrlDecode(std::string_view s);
// "a=1&b=x%20y" from pairs, in order.
std::string BuildQuery(const QueryParams& params);
// Pairs from "a=1&b=x%20y" (leading '?' allowed), decoded.
QueryParams ParseQuery(std::string_view query);
// The value of `key` in `url`'s query, or "".
std::string QueryValue(std::string_view url, std::string_view key);
// `ref` resolved against absolute `base` ("/login?x" -> "https://host/login?x").
std::string ResolveUrl(std::string_view base, std::string_view ref);
// The lowercase host of an absolute URL, without port, userinfo or IPv6 brackets ("::1").
std::string UrlHost(std::string_view url);
// The lowercase scheme of an absolute URL ("https"), or "" when there is none.
std::string UrlScheme(std::string_view url);
// "https://host:port" of an absolute URL.
std::string Origin(std::string_view url);
// The path (with query) of an absolute URL: "/api/me?x=1".
std::string PathAndQuery(std::string_view url);
// `base` without trailing '/' + `path` (which starts with '/').
std::string JoinUrl(std::string_view base, std::string_view path);

}  // namespace pelo::http
