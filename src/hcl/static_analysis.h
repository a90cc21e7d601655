// Static analysis of expressions for the config layer, identical for both syntaxes: a JSON
// string is reinterpreted (as a keyword or a traversal) where the native syntax would have a
// bare name or reference.
//
//   type       = string          "type": "string"            → ExprAsKeyword: "string"
//   depends_on = [aws_vpc.a]     "depends_on": ["aws_vpc.a"] → ExprList + AbsTraversalForExpr
//
// Thread-safety: pure.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hcl/diagnostics.h"
#include "hcl/expression.h"

namespace fw::hcl {

// A bare single name (`string`, `null`, `create_before_destroy`), or a JSON string holding one.
std::optional<std::string> ExprAsKeyword(const Expression& expr);

// A static absolute traversal (`aws_instance.a[0].id`), or a JSON string holding one. Reports
// "Invalid expression" into `diags` and returns nullopt otherwise.
std::optional<Traversal> AbsTraversalForExpr(const Expression& expr, Diagnostics& diags);

// The elements of a tuple constructor (or JSON array). Reports into `diags` otherwise.
std::optional<std::vector<const Expression*>> ExprList(const Expression& expr, Diagnostics& diags);

// The key/value pairs of an object constructor (or JSON object).
std::optional<std::vector<std::pair<const Expression*, const Expression*>>> ExprMap(
    const Expression& expr, Diagnostics& diags);

// Unwraps ParensExpr and TemplateWrapExpr layers.
const Expression& UnwrapExpr(const Expression& expr);

}  // namespace fw::hcl
