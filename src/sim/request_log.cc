#include "sim/request_log.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

namespace pelo::sim {
namespace {

constexpr const char* kRedacted = "<redacted>";
constexpr std::array<std::string_view, 10> kSecretFields = {
    "password",      "access_token", "refresh_token", "id_token", "code",
    "code_verifier", "_csrf",        "session_id",    "token",    "client_secret"};

bool IsSecretField(std::string_view name) {
  return std::find(kSecretFields.begin(), kSecretFields.end(), name) != kSecretFields.end();
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

void RedactJson(nlohmann::json& value) {
  if (value.is_object()) {
    for (auto& [key, member] : value.items()) {
      if (IsSecretField(key) && member.is_string()) {
        member = kRedacted;
      } else {
        RedactJson(member);
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) RedactJson(item);
  }
}

// `key=value&...` with secret values replaced.
std::string RedactForm(const std::string& form) {
  std::string out;
  size_t start = 0;
  while (start <= form.size()) {
    size_t end = form.find('&', start);
    if (end == std::string::npos) end = form.size();
    std::string pair = form.substr(start, end - start);
    const size_t eq = pair.find('=');
    if (eq != std::string::npos && IsSecretField(pair.substr(0, eq))) {
      pair = pair.substr(0, eq + 1) + kRedacted;
    }
    if (!out.empty()) out += '&';
    out += pair;
    start = end + 1;
  }
  return out;
}

std::string RedactBody(const std::string& body, const std::string& content_type) {
  if (body.empty()) return body;
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_discarded()) {
    RedactJson(json);
    return json.dump();
  }
  if (content_type.find("x-www-form-urlencoded") != std::string::npos) return RedactForm(body);
  return body;
}

nlohmann::json ToJson(const RecordedRequest& r) {
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : r.headers) headers.push_back({name, value});
  nlohmann::json line = {{"method", r.method}, {"path", r.path}, {"query", r.query},
                         {"headers", headers}, {"body", r.body}, {"status", r.status}};
  if (!r.fault.empty()) line["fault"] = r.fault;
  return line;
}

}  // namespace

std::string RecordedRequest::Header(std::string_view name) const {
  const std::string wanted = Lower(std::string(name));
  for (const auto& [key, value] : headers) {
    if (key == wanted) return value;
  }
  return "";
}

RecordedRequest ToRecorded(const httplib::Request& req, int status) {
  RecordedRequest r;
  r.method = req.method;
  r.path = req.path;
  const size_t q = req.target.find('?');
  r.query = q == std::string::npos ? "" : RedactForm(req.target.substr(q + 1));
  for (const auto& [name, value] : req.headers) {
    std::string key = Lower(name);
    if (key == "authorization") {
      r.headers.emplace_back(key, value.rfind("Bearer ", 0) == 0 ? "Bearer <redacted>" : kRedacted);
    } else if (key == "cookie") {
      r.headers.emplace_back(key, kRedacted);
    } else if (key == "remote_addr" || key == "remote_port" || key == "local_addr" ||
               key == "local_port") {
      continue;  // httplib's own bookkeeping, not sent by the client
    } else {
      r.headers.emplace_back(std::move(key), value);
    }
  }
  r.body = RedactBody(req.body, req.get_header_value("Content-Type"));
  r.status = status;
  return r;
}

RequestLog::RequestLog(const std::string& path) {
  if (!path.empty()) file_.open(path, std::ios::app);
}

void RequestLog::Record(const httplib::Request& req, const httplib::Response& res,
                        std::string fault) {
  RecordedRequest entry = ToRecorded(req, res.status);
  entry.fault = std::move(fault);
  std::lock_guard lock(mu_);
  if (file_.is_open()) {
    file_ << ToJson(entry).dump() << '\n';
    file_.flush();
  }
  entries_.push_back(std::move(entry));
}

std::vector<RecordedRequest> RequestLog::Entries() const {
  std::lock_guard lock(mu_);
  return entries_;
}

void RequestLog::Clear() {
  std::lock_guard lock(mu_);
  entries_.clear();
}

}  // namespace pelo::sim
