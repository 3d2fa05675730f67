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
    case ErrorCode::kCancelled:
      return 130;
    case ErrorCode::kUnknown:
    case ErrorCode::kNotFound:
      break;
  }
  return 1;
}

}  // namespace pelo::cli
