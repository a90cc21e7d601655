// JSON request decoding with limits, and small typed accessors whose errors name the field.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fw::api {

inline constexpr size_t kMaxJsonDepth = 64;

// Parses a request body. Empty, malformed (with the byte offset), too deeply nested, or
// trailing garbage: kInvalidArgument. Duplicate keys: the last one wins (as the real cloud's
// Java gateways do).
Result<boost::json::value> ParseJson(std::string_view body, size_t max_depth = kMaxJsonDepth);
// Like ParseJson, and the top level must be an object.
Result<boost::json::object> ParseJsonObject(std::string_view body);

// Field accessors on an object. `path` is the dotted name used in error messages
// ("auth.identity.password.user.name"). Missing → nullopt; wrong JSON kind → kInvalidArgument.
Result<std::optional<std::string>> OptionalString(const boost::json::object& o,
                                                  std::string_view key, std::string_view path);
Result<std::string> RequiredString(const boost::json::object& o, std::string_view key,
                                   std::string_view path);
Result<const boost::json::object*> OptionalObject(const boost::json::object& o,
                                                  std::string_view key, std::string_view path);
Result<const boost::json::object*> RequiredObject(const boost::json::object& o,
                                                  std::string_view key, std::string_view path);
Result<std::optional<bool>> OptionalBool(const boost::json::object& o, std::string_view key,
                                         std::string_view path);
Result<std::optional<int64_t>> OptionalInt(const boost::json::object& o, std::string_view key,
                                           std::string_view path);
Result<const boost::json::array*> OptionalArray(const boost::json::object& o,
                                                std::string_view key, std::string_view path);

std::string ToJson(const boost::json::value& v);

}  // namespace fw::api
