// The transport's value types and the URL policy (everything that needs no libcurl).
#include "pelo/http/transport.h"

#include <algorithm>
#include <cctype>

#include "pelo/common/strings.h"
#include "pelo/http/url.h"

namespace pelo::http {
namespace {

bool ContainsIgnoreCase(std::string_view text, std::string_view part) {
  if (part.size() > text.size()) return false;
  for (size_t i = 0; i + part.size() <= text.size(); ++i) {
    if (EqualsIgnoreCase(text.substr(i, part.size()), part)) return true;
  }
  return false;
}

// 127.0.0.0/8 written as a dotted quad.
bool IsIpv4Loopback(std::string_view host) {
  int parts = 0;
  size_t pos = 0;
  while (pos <= host.size()) {
    size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) dot = host.size();
    std::string_view part = host.substr(pos, dot - pos);
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
      return false;
    }
    if (std::stoi(std::string(part)) > 255) return false;
    if (parts == 0 && part != "127") return false;
    ++parts;
    pos = dot + 1;
  }
  return parts == 4;
}

std::string Prefixed(const std::string& what, const std::string& message) {
  return what.empty() ? message : what + ": " + message;
}

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || IsIpv4Loopback(host);
}

}  // namespace

std::string Response::HeaderValue(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

std::vector<std::string> Response::HeaderValues(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) out.push_back(value);
  }
  return out;
}

bool Response::IsHtmlPage() const {
  const std::string type = HeaderValue("Content-Type");
  if (ContainsIgnoreCase(type, "text/html")) return true;
  std::string_view text = body;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM
  text = Trim(text);
  return !text.empty() && text.front() == '<';
}

bool AcceptsJson(const Request& request) {
  return std::any_of(request.headers.begin(), request.headers.end(), [](const Header& header) {
    return EqualsIgnoreCase(header.first, "Accept") && ContainsIgnoreCase(header.second, "json");
  });
}

const char* StatusText(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

bool IsLoopbackUrl(std::string_view url) { return IsLoopbackHost(UrlHost(url)); }

Status CheckUrlAllowed(const std::string& url, const std::string& what) {
  const std::string scheme = UrlScheme(url);
  const std::string host = UrlHost(url);
  if ((scheme != "http" && scheme != "https") || host.empty()) {
    return Status(ErrorCode::kInvalidArgument, Prefixed(what, "not an http(s) URL"));
  }
  if (scheme == "http" && !IsLoopbackHost(host)) {
    return Status(ErrorCode::kInvalidArgument, Prefixed(what, "refusing plain http to " + host +
                                                                  " (only loopback may use http)"));
  }
  return OkStatus();
}

}  // namespace pelo::http
