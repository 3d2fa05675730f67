#include "exit_code.h"

namespace pelo::cli {

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return 0;
    case ErrorCode::kInvalidArgument:
      return 2;
    case ErrorCode::kUnauthenticated:
      return 3;
    case ErrorCode::kNetwork:
      return 4;
    case ErrorCode::kApi:
      return 5;
    case ErrorCode::kStorage:
      return 6;
    case ErrorCode::kBusy:
      return 7;
    case ErrorCode::kCancelled:
      return 130;
    case ErrorCode::kUnknown:
    case ErrorCode::kNotFound:
      break;
  }
  return 1;
}

std::span<const ExitCodeDoc> ExitCodeDocs() {
  static constexpr ExitCodeDoc kDocs[] = {
      {0, "ok"},
      {1, "other error, or nothing found"},
      {2, "usage (bad flags, settings or settings file)"},
      {3, "authentication (wrong password, expired or rejected tokens, not logged in)"},
      {4, "network (host unreachable, timeouts)"},
      {5, "API error after retries"},
      {6, "storage (database, output file or log file)"},
      {7, "busy (another pelo is syncing or rebuilding the same database)"},
      {130, "interrupted (what was stored is kept)"},
  };
  return kDocs;
}

}  // namespace pelo::cli
