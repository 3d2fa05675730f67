#include "peloton/sim/state/request_log.h"

#include <nlohmann/json.hpp>
#include <string>

#include "pelo/common/redact.h"
#include "pelo/common/strings.h"

namespace pelo::sim {
namespace {

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
  const std::string wanted = Lower(name);
  for (const auto& [key, value] : headers) {
    if (key == wanted) return value;
  }
  return "";
}

RecordedRequest ToRecorded(const httplib::Request& req, int status) {
  const std::string redacted(kRedactedValue);
  RecordedRequest r;
  r.method = req.method;
  r.path = req.path;
  const size_t q = req.target.find('?');
  r.query = q == std::string::npos ? "" : RedactPairs(req.target.substr(q + 1), redacted);
  for (const auto& [name, value] : req.headers) {
    std::string key = Lower(name);
    if (key == "remote_addr" || key == "remote_port" || key == "local_addr" ||
        key == "local_port") {
      continue;  // httplib's own bookkeeping, not sent by the client
    }
    if (key == "authorization" && value.rfind("Bearer ", 0) == 0) {
      r.headers.emplace_back(std::move(key), "Bearer " + redacted);  // which scheme was sent
    } else if (IsSecretKey(key)) {
      r.headers.emplace_back(std::move(key), redacted);
    } else {
      r.headers.emplace_back(std::move(key), value);
    }
  }
  r.body = RedactBodyForLog(req.body);
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
    // A query is recorded as sent, whatever bytes it holds: replaced, not thrown on.
    file_ << ToJson(entry).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
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
