// A JSON parser for the HCL JSON syntax (.tf.json) that keeps what ordinary JSON libraries drop:
// source ranges for every value and property name, property order, duplicate properties, and
// numbers as their exact source text.
//
// Thread-safety: pure and reentrant.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hcl/body.h"
#include "hcl/diagnostics.h"
#include "hcl/expression.h"
#include "hcl/parser.h"

namespace fw::hcl {

enum class JsonKind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

struct JsonValue;

struct JsonProperty {
  std::string name;  // decoded
  Range name_range;  // including the quotes
  std::unique_ptr<JsonValue> value;
};

struct JsonValue {
  JsonKind kind = JsonKind::kNull;
  Range range;
  // kNumber: the source text; kString: the decoded value; kBool: "true"/"false".
  std::string text;
  // kString: the raw bytes equal the decoded value (no escapes), so positions inside the string
  // map exactly onto the file.
  bool verbatim = true;
  std::vector<std::unique_ptr<JsonValue>> elements;  // kArray
  std::vector<JsonProperty> properties;              // kObject, source order, duplicates kept

  // Filled by the HCL JSON layer (json_body.h): this value read as an expression (in the
  // JsonFile's arena), diagnostics from parsing a string as a template, and for objects and
  // arrays the value read as a body.
  const Expression* expr = nullptr;
  Diagnostics template_diags;
  std::unique_ptr<AnyBody> body;
};

// Parses one JSON document. Returns null only when no value could be read at all.
std::unique_ptr<JsonValue> ParseJson(std::string_view bytes, const FileName& file,
                                     const ParseOptions& options, Diagnostics& diags);

}  // namespace fw::hcl
