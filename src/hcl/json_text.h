// A small JSON reader and string writer for the values half of hcl: numbers are kept as their
// source text so that values round-trip exactly (Boost.JSON 1.81 would parse them to double).
//
// Thread-safety: stateless functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace fw::hcl::json {

struct JsonMember;

struct JsonValue {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;              // kString: the decoded string; kNumber: the number's source text
  std::vector<JsonValue> items;  // kArray
  std::vector<JsonMember> members;  // kObject, document order
};

// A key and its value; `first`/`second` keep the shape of a pair (structured bindings work).
// A struct rather than std::pair because the pair of a still-incomplete type is rejected by
// clang with libstdc++.
struct JsonMember {
  std::string first;
  JsonValue second;
};

inline constexpr int kMaxJsonDepth = 512;

// Parses one JSON document (RFC 8259; surrounding whitespace allowed). Duplicate object keys are
// kept (the caller decides; the last one wins where values are built).
Result<JsonValue> Parse(std::string_view text, int max_depth = kMaxJsonDepth);

// Appends `s` as a JSON string literal (quotes included). Invalid UTF-8 is written as U+FFFD.
// Like Go's encoding/json, '<', '>' and '&' are escaped as \u003c, \u003e, \u0026 when
// `escape_html` is set (Terraform's jsonencode does this).
void AppendString(std::string* out, std::string_view s, bool escape_html = false);

}  // namespace fw::hcl::json
