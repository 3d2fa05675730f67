// The simulator's request log: what tests assert about the requests pelo sends.
#pragma once

#include <httplib.h>

#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include "pelo/peloton/sim/server.h"

namespace pelo::sim {

class RequestLog {
 public:
  // Also appends each entry as a JSON line to `path` when it is not "".
  explicit RequestLog(const std::string& path);

  // `fault` is the injected fault's name, "" when none.
  void Record(const httplib::Request& req, const httplib::Response& res, std::string fault = "");
  std::vector<RecordedRequest> Entries() const;
  void Clear();

 private:
  mutable std::mutex mu_;
  std::vector<RecordedRequest> entries_;
  std::ofstream file_;
};

// `req` as recorded: lowercase header names, secrets redacted by the redactor pelo's logs use
// (pelo/common/redact.h): "<redacted>" for the values of secret-looking headers, query and form
// fields and JSON members at any depth; a body that is neither JSON nor a form is described
// ("<N bytes of non-JSON body>"), never recorded.
RecordedRequest ToRecorded(const httplib::Request& req, int status);

}  // namespace pelo::sim
