// Type constraints of `variable` blocks (and of `optional()` object attributes): the HCL type
// expression language (`string`, `list(string)`, `object({ name = string, port = optional(number,
// 80) })`, `any`) read into an hcl::Type. JSON syntax: the same text inside a string.
//
// Thread-safety: pure.
#pragma once

#include <optional>

#include "hcl/diagnostics.h"
#include "hcl/expression.h"
#include "hcl/type.h"

namespace fw::config {

// Reads a type constraint. Reports "Invalid type specification" (and returns nullopt) when the
// expression is not one.
std::optional<hcl::Type> ParseTypeConstraint(const hcl::Expression& expr, hcl::Diagnostics& diags);

}  // namespace fw::config
