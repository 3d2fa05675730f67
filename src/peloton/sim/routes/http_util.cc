#include "peloton/sim/routes/http_util.h"

#include <cctype>
#include <cstdio>

#include <algorithm>

#include "pelo/common/strings.h"
#include "peloton/sim/json/json_read.h"
#include "peloton/sim/state/crypto.h"

namespace pelo::sim {

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void SendApiError(httplib::Response& res, int status, int error_code, const std::string& message) {
  SendJson(res, status,
           {{"status", status},
            {"error_code", error_code},
            {"subcode", nullptr},
            {"message", message},
            {"details", nullptr}});
}

std::string StringField(const nlohmann::json& fields, const char* key) {
  return Read(fields, key, "");
}

bool CredentialsMatch(const Options& options, const std::string& user, const std::string& pass) {
  return EqualsIgnoreCase(user, options.email) && SecureEquals(pass, options.password);
}

void SendOAuthError(httplib::Response& res, int status, const std::string& error,
                    const std::string& description) {
  SendJson(res, status, {{"error", error}, {"error_description", description}});
}

nlohmann::json RequestFields(const httplib::Request& req) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [key, value] : req.params) {
    if (!key.empty()) fields[key] = value;
  }
  if (req.get_header_value("Content-Type").find("json") != std::string::npos) {
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (!body.is_discarded() && body.is_object()) {
      for (const auto& [key, value] : body.items()) fields[key] = value;
    }
  }
  return fields;
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const auto range = req.headers.equal_range("Cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& header = it->second;
    size_t pos = 0;
    while (pos < header.size()) {
      size_t end = header.find(';', pos);
      if (end == std::string::npos) end = header.size();
      size_t start = header.find_first_not_of(' ', pos);
      const std::string pair = header.substr(start, end - start);
      const size_t eq = pair.find('=');
      if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
      pos = end + 1;
    }
  }
  return "";
}

std::string HtmlUnescape(const std::string& text) {
  static const std::pair<const char*, char> kEntities[] = {{"&#34;", '"'}, {"&quot;", '"'},
                                                           {"&amp;", '&'}, {"&lt;", '<'},
                                                           {"&gt;", '>'},  {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool matched = false;
    for (const auto& [entity, c] : kEntities) {
      const std::string e(entity);
      if (text.compare(i, e.size(), e) == 0) {
        out.push_back(c);
        i += e.size();
        matched = true;
        break;
      }
    }
    if (!matched) out.push_back(text[i++]);
  }
  return out;
}

std::string UrlEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace pelo::sim
