// The evaluator's view of the value operators (value_ops.h). expression.h and value_ops.h both
// name an enum `BinaryOp`, so no file may include both: the evaluator includes this header, and
// operators.cc (which includes only value_ops.h) forwards to the real implementation.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "base/status.h"
#include "hcl/value.h"

namespace fw::hcl::eval_internal {

enum class OpCode : uint8_t {
  kOr,
  kAnd,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
};

Result<Value> Binary(OpCode op, const Value& lhs, const Value& rhs);
Result<Value> Negate(const Value& operand);
Result<Value> Not(const Value& operand);
Result<Value> IndexValue(const Value& collection, const Value& key);
Result<Value> GetAttrValue(const Value& object, std::string_view name);

}  // namespace fw::hcl::eval_internal
