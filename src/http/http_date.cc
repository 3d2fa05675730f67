#include "pelo/http/http_date.h"

#include <curl/curl.h>

#include <string>

namespace pelo::http {

std::optional<int64_t> ParseHttpDate(std::string_view text) {
  const time_t when = curl_getdate(std::string(text).c_str(), nullptr);
  if (when == -1) return std::nullopt;  // curl's "cannot read it"; 1969-12-31 23:59:59 too
  return static_cast<int64_t>(when);
}

}  // namespace pelo::http
