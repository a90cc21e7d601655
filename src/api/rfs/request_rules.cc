// Client-Request-Id, RF-coded JSON decoding, unknown fields, query parameters.
#include "api/rfs/request_rules.h"

#include <algorithm>

#include "api/common/errors.h"
#include "api/common/json.h"

namespace fw::api::rfs {

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status CheckClientRequestId(const http::Request& request) {
  const std::string* id = request.Header("Client-Request-Id");
  if (id == nullptr || id->empty()) {
    return InvalidArgument("The header 'Client-Request-Id' is required.", rf::kMissingParameter);
  }
  size_t n = CharCount(*id);
  if (n < 36) {
    return InvalidArgument("The header 'Client-Request-Id' must have at least 36 characters.",
                           rf::kTooShort);
  }
  if (n > 128) {
    return InvalidArgument("The header 'Client-Request-Id' must have at most 128 characters.",
                           rf::kTooLong);
  }
  return Status::Ok();
}

Result<boost::json::object> ParseBody(const std::string& body, bool allow_empty) {
  if (body.empty()) {
    if (allow_empty) return boost::json::object{};
    return InvalidArgument("The request body is missing.", rf::kBodyMissing);
  }
  auto parsed = ParseJsonObject(body);
  if (!parsed.ok()) {
    return Status(ErrorCode::kInvalidArgument, parsed.status().message(), rf::kBodyNotJson);
  }
  return std::move(parsed).value();
}

Status RejectUnknownFields(const boost::json::object& o,
                           std::initializer_list<std::string_view> known, std::string_view where) {
  for (const auto& kv : o) {
    if (std::find(known.begin(), known.end(), kv.key()) == known.end()) {
      return InvalidArgument("Unrecognized parameter '" + std::string(where) +
                                 std::string(kv.key()) + "'.",
                             rf::kUnknownParameter);
    }
  }
  return Status::Ok();
}

Status RfWrongType(const Status& s) {
  if (s.ok() || !s.service_code().empty()) return s;
  return Status(s.code(), s.message(), rf::kWrongType);
}

Result<std::optional<std::string>> BodyString(const boost::json::object& o, std::string_view key) {
  auto v = OptionalString(o, key, key);
  if (!v.ok()) return RfWrongType(v.status());
  return std::move(v).value();
}

Result<std::optional<bool>> BodyBool(const boost::json::object& o, std::string_view key) {
  auto v = OptionalBool(o, key, key);
  if (!v.ok()) return RfWrongType(v.status());
  return std::move(v).value();
}

std::optional<std::string> QueryParam(const http::Request& request, std::string_view name) {
  for (auto& [k, v] : request.QueryParams()) {
    if (k == name) return v;
  }
  return std::nullopt;
}

}  // namespace fw::api::rfs
