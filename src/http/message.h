// Request and Response: plain structs, the only shape of HTTP the rest of Formwork sees.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fw::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive ASCII comparison of header names.
bool HeaderNameEquals(std::string_view a, std::string_view b);

struct Request {
  std::string method;  // upper case as received ("GET")
  std::string target;  // raw request target ("/v3/projects?name=x")
  std::string path;    // raw path, percent-encoded, before '?'
  std::string query;   // raw query after '?', may be empty
  HeaderList headers;  // as received, in order
  std::string body;    // raw bytes
  std::string request_id;  // 32 hex, set by the server for every request
  std::string remote;      // peer address
  // Decoded values of the route's {placeholders}, filled by the router.
  std::vector<std::pair<std::string, std::string>> path_params;

  // First header named `name` (case-insensitive), or nullptr.
  const std::string* Header(std::string_view name) const;
  // The decoded value of a path placeholder, or "" when absent.
  const std::string& PathParam(std::string_view name) const;
  // Decoded query parameters in order (a key without '=' has value "").
  std::vector<std::pair<std::string, std::string>> QueryParams() const;
};

struct Response {
  int status = 200;
  HeaderList headers;
  std::string body;

  void SetHeader(std::string_view name, std::string value);
  const std::string* Header(std::string_view name) const;

  static Response Json(int status, std::string body);
  static Response Empty(int status);
};

// Splits "a=1&b" into decoded pairs ('+' is a space); malformed escapes stay literal.
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view raw);
// Percent-decodes a path segment ('+' stays '+').
std::string DecodePathSegment(std::string_view raw);

}  // namespace fw::http
