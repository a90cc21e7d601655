// Terraform's type conversion and unification (what cty's convert package does for Terraform).
//
// Convert applies every conversion Terraform applies when a value meets a type constraint:
// safe ones (number/bool -> string, tuple -> list/set with unified elements, object -> map,
// set -> list, element-wise collection conversion) and unsafe ones (string -> number/bool,
// list -> set, map -> object). Unknown and null values pass through with the target type, marks
// are kept (on the value and on nested elements), object attributes the target does not declare
// are dropped, and optional attributes missing (or null) in the input get their default or null.
//
// Error messages are Terraform's: "a number is required", "string required",
// "element 2: a number is required", "attribute \"x\" is required", prefixed by the path of the
// failing element ("element 0, attribute \"name\": string required").
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "hcl/type.h"
#include "hcl/value.h"

namespace fw::hcl {

// Converts `value` to `want` (unsafe conversions allowed, as Terraform does for constraints).
Result<Value> Convert(const Value& value, const Type& want);
// Only the conversions cty calls safe (no string -> number/bool, list -> set, map -> object).
Result<Value> ConvertSafe(const Value& value, const Type& want);

// Type-level check: can some value of `in` convert to `out`? (A string may still fail to parse
// as a number: that is a value-level error.)
bool CanConvert(const Type& in, const Type& out, bool unsafe = true);

// Why `got` does not convert to `want` ("string required", "attribute \"x\" is required"...).
std::string MismatchMessage(const Type& got, const Type& want);

// The most specific type every given type converts to, as Terraform's unification does for
// conditional results, tuple -> list conversion and function arguments. nullopt when none;
// Dynamic when the list is empty or all dynamic.
std::optional<Type> UnifyTypes(const std::vector<Type>& types, bool unsafe = true);

// Unifies the values' types and converts each value to the result.
Result<std::vector<Value>> UnifyValues(const std::vector<Value>& values, Type* unified);

}  // namespace fw::hcl
