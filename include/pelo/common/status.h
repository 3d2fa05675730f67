// Errors as values: Status and StatusOr<T> (GCC 12 has no std::expected).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace pelo {

// What kind of failure a Status describes: what a front-end tells apart (the CLI maps each to
// an exit code of its own).
enum class ErrorCode {
  kOk = 0,
  kUnknown,
  kInvalidArgument,  // usage, bad input the user gave
  kUnauthenticated,  // wrong password, expired or revoked credentials
  kNetwork,          // connect/DNS/TLS/timeouts
  kApi,              // HTTP error after retries, malformed response
  kStorage,          // database or file system
  kNotFound,         // a lookup found nothing
  kCancelled,        // interrupted
  kBusy,             // another process holds what this one needs (a database being synced)
};

// Short lowercase name of `code`, e.g. "network".
const char* ErrorCodeName(ErrorCode code);

// The outcome of an operation: ok, or a code, a one-line message and (for HTTP) the status.
class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, int http_status = 0)
      : code_(code), message_(std::move(message)), http_status_(http_status) {}

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  int http_status() const { return http_status_; }

  // "network: GET /api/me: connection refused".
  std::string ToString() const;

  // A copy whose message is prefixed with `context` (e.g. the request that failed).
  Status WithContext(const std::string& context) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  int http_status_ = 0;
};

inline Status OkStatus() { return {}; }

// A value or the Status saying why there is none.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "StatusOr built from an ok Status");
    if (status_.ok()) status_ = Status(ErrorCode::kUnknown, "StatusOr built from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace pelo

// Returns the Status of `expr` from the enclosing function when it is not ok.
#define PELO_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::pelo::Status pelo_status_ = (expr);        \
    if (!pelo_status_.ok()) return pelo_status_; \
  } while (false)

#define PELO_CONCAT_INNER_(a, b) a##b
#define PELO_CONCAT_(a, b) PELO_CONCAT_INNER_(a, b)

// `PELO_ASSIGN_OR_RETURN(auto x, F());` binds the value or returns the Status.
#define PELO_ASSIGN_OR_RETURN(lhs, expr) \
  PELO_ASSIGN_OR_RETURN_IMPL_(PELO_CONCAT_(pelo_statusor_, __LINE__), lhs, expr)
#define PELO_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
