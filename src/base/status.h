// Status and Result<T>: expected failures are values, never exceptions across modules.
//
// A Status carries a generic ErrorCode (what kind of failure: the API layer maps it to an HTTP
// status), a human message, and optionally a service-specific code such as "Cdm.0100" or
// "RF.10013001" that a service's error body should carry verbatim.
//
// Thread-safety: values; safe to copy across threads.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace fw {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,     // 400: the request is malformed or a value is out of range.
  kUnauthenticated,     // 401: no or bad credentials.
  kPermissionDenied,    // 403: authenticated, but not allowed (or a status forbids it).
  kNotFound,            // 404: the resource (or route) does not exist.
  kMethodNotAllowed,    // 405: the route exists, the method does not.
  kAlreadyExists,       // 409: a resource with that name exists.
  kConflict,            // 409: a concurrent change won.
  kPayloadTooLarge,     // 413: the body is over the limit.
  kUnsupportedMediaType,// 415
  kFailedPrecondition,  // 400 by default: the state of the system forbids the operation.
  kResourceExhausted,   // 429
  kUnimplemented,       // 501: this part of the cloud is not built in Formwork.
  kInternal,            // 500
  kUnavailable,         // 503
  kDeadlineExceeded,    // 504 / timeouts
};

// Returns a stable lower_snake name of the code ("invalid_argument").
std::string_view ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, std::string service_code = {})
      : code_(code), message_(std::move(message)), service_code_(std::move(service_code)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // A service-specific error code ("RF.10011001") or empty for the service default.
  const std::string& service_code() const { return service_code_; }

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string service_code_;
};

inline Status InvalidArgument(std::string msg, std::string svc = {}) {
  return {ErrorCode::kInvalidArgument, std::move(msg), std::move(svc)};
}
inline Status Unauthenticated(std::string msg, std::string svc = {}) {
  return {ErrorCode::kUnauthenticated, std::move(msg), std::move(svc)};
}
inline Status PermissionDenied(std::string msg, std::string svc = {}) {
  return {ErrorCode::kPermissionDenied, std::move(msg), std::move(svc)};
}
inline Status NotFound(std::string msg, std::string svc = {}) {
  return {ErrorCode::kNotFound, std::move(msg), std::move(svc)};
}
inline Status AlreadyExists(std::string msg, std::string svc = {}) {
  return {ErrorCode::kAlreadyExists, std::move(msg), std::move(svc)};
}
inline Status Conflict(std::string msg, std::string svc = {}) {
  return {ErrorCode::kConflict, std::move(msg), std::move(svc)};
}
inline Status FailedPrecondition(std::string msg, std::string svc = {}) {
  return {ErrorCode::kFailedPrecondition, std::move(msg), std::move(svc)};
}
inline Status Unimplemented(std::string msg, std::string svc = {}) {
  return {ErrorCode::kUnimplemented, std::move(msg), std::move(svc)};
}
inline Status Internal(std::string msg, std::string svc = {}) {
  return {ErrorCode::kInternal, std::move(msg), std::move(svc)};
}
inline Status Unavailable(std::string msg, std::string svc = {}) {
  return {ErrorCode::kUnavailable, std::move(msg), std::move(svc)};
}

// Result<T> holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace fw

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define FW_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::fw::Status fw_status_ = (expr);       \
    if (!fw_status_.ok()) return fw_status_; \
  } while (0)

#define FW_CONCAT_INNER_(a, b) a##b
#define FW_CONCAT_(a, b) FW_CONCAT_INNER_(a, b)
// FW_ASSIGN_OR_RETURN(auto x, FunctionReturningResult()); returns the Status on failure.
#define FW_ASSIGN_OR_RETURN(lhs, expr) \
  FW_ASSIGN_OR_RETURN_IMPL_(FW_CONCAT_(fw_result_, __LINE__), lhs, expr)
#define FW_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
