// URL helpers: percent-encoding, query strings, the parts of a URL, resolving relative references.
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
// URLs are read by libcurl's URL API, as a transfer reads them (http/curl_url.h): the host is
// the one libcurl connects to ("http://127.1" is 127.0.0.1, percent-escapes decoded), and a URL
// libcurl refuses (no scheme, a bad host or port, spaces) has no parts.

// The value of `key` in `url`'s query, or "".
std::string QueryValue(std::string_view url, std::string_view key);
// `ref` (a Location header) resolved against absolute `base` ("/login?x" ->
// "https://host/login?x"), as libcurl's redirect following does; `ref` as written when libcurl
// cannot read it.
std::string ResolveUrl(std::string_view base, std::string_view ref);
// The lowercase host of an absolute URL, without port, userinfo or IPv6 brackets ("::1"); "" when
// libcurl cannot read the URL.
std::string UrlHost(std::string_view url);
// The lowercase scheme of an absolute URL ("https"), or "" when there is none.
std::string UrlScheme(std::string_view url);
// "https://host:port" of an absolute URL: no userinfo, no port when it is the default; "" when
// libcurl cannot read the URL.
std::string Origin(std::string_view url);
// The path (with query) of an absolute URL: "/api/me?x=1"; "/" when libcurl cannot read it.
std::string PathAndQuery(std::string_view url);
// `base` without trailing '/' + `path` (which starts with '/').
std::string JoinUrl(std::string_view base, std::string_view path);

}  // namespace pelo::http
