// libcurl's URL parser (CURLU) behind url.h and the transfer: the plain-http policy
// (CheckUrlAllowed, on UrlHost) and the request (CURLOPT_CURLU) read the same parse of a URL, so
// they cannot disagree about the host.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>
#include <string_view>

namespace pelo::http::internal {

struct CurlUrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

// `url` as libcurl parses it for a transfer (normalised host, dot segments removed), or null when
// libcurl refuses it: no scheme, a bad host or port, spaces, a NUL byte.
CurlUrl ParseCurlUrl(std::string_view url);

// A part of a parsed URL (CURLUPART_HOST, ...) as libcurl spells it; "" when absent.
std::string CurlUrlPart(CURLU* url, CURLUPart part, unsigned int flags = 0);

}  // namespace pelo::http::internal
