// The rules every RFS request obeys before a handler looks at its meaning
// (shared/spec/rfs-api.md §1.2, §1.7): the Client-Request-Id header, JSON bodies whose decoding
// errors carry RF codes, unknown fields, query parameters. Names, lengths and the id
// cross-checks are the domain's (stacks::StackService).
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "http/message.h"

namespace fw::api::rfs {

// Client-Request-Id: required, 36–128 characters (RF.10011001 missing, RF.10011006 too short,
// RF.10011005 too long).
Status CheckClientRequestId(const http::Request& request);

// The body as a JSON object: empty → RF.10011032 (unless `allow_empty`, which yields {}),
// malformed or not an object → RF.10011033.
Result<boost::json::object> ParseBody(const std::string& body, bool allow_empty = false);

// A field the operation does not know → RF.10011002 naming it.
Status RejectUnknownFields(const boost::json::object& o, std::initializer_list<std::string_view> known,
                           std::string_view where = "");

// Re-tags a decoding failure of api/common/json.h (kInvalidArgument without a service code)
// with RF.10011038 (wrong value type).
Status RfWrongType(const Status& s);

// Optional body fields whose wrong JSON kind is RF.10011038.
Result<std::optional<std::string>> BodyString(const boost::json::object& o, std::string_view key);
Result<std::optional<bool>> BodyBool(const boost::json::object& o, std::string_view key);

// A query parameter's decoded value, or nullopt when absent.
std::optional<std::string> QueryParam(const http::Request& request, std::string_view name);

// Counts UTF-8 characters.
size_t CharCount(std::string_view s);

}  // namespace fw::api::rfs
