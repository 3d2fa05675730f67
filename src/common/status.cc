#include "pelo/common/status.h"

namespace pelo {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kUnknown:
      return "error";
    case ErrorCode::kInvalidArgument:
      return "invalid argument";
    case ErrorCode::kUnauthenticated:
      return "authentication";
    case ErrorCode::kNetwork:
      return "network";
    case ErrorCode::kApi:
      return "api";
    case ErrorCode::kStorage:
      return "storage";
    case ErrorCode::kNotFound:
      return "not found";
    case ErrorCode::kCancelled:
      return "interrupted";
    case ErrorCode::kBusy:
      return "busy";
  }
  return "error";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(ErrorCodeName(code_)) + ": " + message_;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  return Status(code_, context + ": " + message_, http_status_);
}

}  // namespace pelo
