// A compact s-expression dump of the AST, used by the data-driven tests
// (testdata/syntax/*.expected) and handy when debugging.
//
//   (attribute name (binary + (ref var.a) (number 1)))
#pragma once

#include <string>

#include "hcl/ast.h"

namespace fw::hcl {

struct DumpOptions {
  bool ranges = false;  // append @line:col-line:col to every node
};

std::string DumpExpression(const Expression& expr, const DumpOptions& options = {});
std::string DumpBody(const Body& body, const DumpOptions& options = {});

}  // namespace fw::hcl
