#include "api/common/json.h"

namespace fw::api {
namespace {

Status WrongType(std::string_view path, std::string_view want) {
  return InvalidArgument("'" + std::string(path) + "' must be " + std::string(want) + ".");
}

}  // namespace

Result<boost::json::value> ParseJson(std::string_view body, size_t max_depth) {
  if (body.empty()) return InvalidArgument("The request body is empty.");
  boost::json::parse_options opts;
  opts.max_depth = max_depth;
  boost::json::stream_parser parser({}, opts);
  boost::system::error_code ec;
  size_t consumed = parser.write_some(body.data(), body.size(), ec);
  if (!ec && consumed < body.size()) {
    return InvalidArgument("The request body is not valid JSON: unexpected data at byte " +
                           std::to_string(consumed) + ".");
  }
  if (!ec) parser.finish(ec);
  if (ec) {
    if (ec == boost::json::error::too_deep) {
      return InvalidArgument("The request body is nested deeper than " +
                             std::to_string(max_depth) + " levels.");
    }
    return InvalidArgument("The request body is not valid JSON: " + ec.message() +
                           " near byte " + std::to_string(consumed) + ".");
  }
  return parser.release();
}

Result<boost::json::object> ParseJsonObject(std::string_view body) {
  FW_ASSIGN_OR_RETURN(boost::json::value v, ParseJson(body));
  if (!v.is_object()) return InvalidArgument("The request body must be a JSON object.");
  return std::move(v.as_object());
}

Result<std::optional<std::string>> OptionalString(const boost::json::object& o,
                                                  std::string_view key, std::string_view path) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<std::string>();
  if (!it->value().is_string()) return WrongType(path, "a string");
  return std::optional<std::string>(std::string(it->value().as_string()));
}

Result<std::string> RequiredString(const boost::json::object& o, std::string_view key,
                                   std::string_view path) {
  FW_ASSIGN_OR_RETURN(auto v, OptionalString(o, key, path));
  if (!v) return InvalidArgument("'" + std::string(path) + "' is required.");
  return *v;
}

Result<const boost::json::object*> OptionalObject(const boost::json::object& o,
                                                  std::string_view key, std::string_view path) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return static_cast<const boost::json::object*>(nullptr);
  if (!it->value().is_object()) return WrongType(path, "an object");
  return &it->value().as_object();
}

Result<const boost::json::object*> RequiredObject(const boost::json::object& o,
                                                  std::string_view key, std::string_view path) {
  FW_ASSIGN_OR_RETURN(auto v, OptionalObject(o, key, path));
  if (v == nullptr) return InvalidArgument("'" + std::string(path) + "' is required.");
  return v;
}

Result<std::optional<bool>> OptionalBool(const boost::json::object& o, std::string_view key,
                                         std::string_view path) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<bool>();
  if (!it->value().is_bool()) return WrongType(path, "a boolean");
  return std::optional<bool>(it->value().as_bool());
}

Result<std::optional<int64_t>> OptionalInt(const boost::json::object& o, std::string_view key,
                                           std::string_view path) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::optional<int64_t>();
  const auto& v = it->value();
  if (v.is_int64()) return std::optional<int64_t>(v.as_int64());
  if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    return std::optional<int64_t>(static_cast<int64_t>(v.as_uint64()));
  }
  return WrongType(path, "an integer");
}

Result<const boost::json::array*> OptionalArray(const boost::json::object& o,
                                                std::string_view key, std::string_view path) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return static_cast<const boost::json::array*>(nullptr);
  if (!it->value().is_array()) return WrongType(path, "an array");
  return &it->value().as_array();
}

std::string ToJson(const boost::json::value& v) { return boost::json::serialize(v); }

}  // namespace fw::api
