// JSON encoding of values, as Terraform's state and jsonencode/jsondecode use it.
//
// Numbers are written with their exact digits and read back exactly; sets are arrays (in set
// order); maps and objects are objects; null is null. Where the schema type given to
// EncodeJson/DecodeJson is the dynamic pseudo-type, the value is wrapped as
// {"value": <value>, "type": <type JSON>} like cty does, so that it decodes to the same type.
// Unknown values and infinities cannot be encoded (an error). Marks are not encoded: strip them
// with UnmarkDeepWithPaths first and store the paths beside the JSON.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "hcl/type.h"
#include "hcl/value.h"

namespace fw::hcl {

// State encoding of `value` conforming to `type` (the schema type; may contain dynamic).
Result<std::string> EncodeJson(const Value& value, const Type& type);
// Inverse of EncodeJson.
Result<Value> DecodeJson(std::string_view json, const Type& type);

// What jsonencode does: the value's own structure, no type wrappers. `escape_html` writes <, >
// and & as \u003c... as Terraform's jsonencode does.
Result<std::string> EncodeJsonPlain(const Value& value, bool escape_html = true);
// What jsondecode does: objects -> object types, arrays -> tuple types, null -> dynamic null.
Result<Value> DecodeJsonImplied(std::string_view json);
// The type jsondecode would give (cty's ImpliedType).
Result<Type> ImpliedTypeOfJson(std::string_view json);

}  // namespace fw::hcl
