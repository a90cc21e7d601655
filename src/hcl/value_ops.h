// The Terraform language's operators on values, for the evaluator: arithmetic, comparison,
// logic, equality, indexing and attribute access, with Terraform's rules:
//  * operands are converted to the operator's type (`"1" + 2` is 3); null operands are errors;
//  * an unknown operand makes the result unknown (of the result type), except where the known
//    operand decides (`false && unknown` is false, `true || unknown` is true);
//  * the result carries the marks of both operands (sensitive in, sensitive out);
//  * messages are Terraform's detail text ("Unsuitable value for left operand: a number is
//    required."), the evaluator adds the summary ("Invalid operand") and the source range.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

#include "base/status.h"
#include "hcl/value.h"

namespace fw::hcl {

enum class BinaryOp : uint8_t {
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kEqual,
  kNotEqual,
  kAnd,
  kOr,
};

Result<Value> ApplyBinary(BinaryOp op, const Value& lhs, const Value& rhs);
Result<Value> ApplyNegate(const Value& operand);  // unary -
Result<Value> ApplyNot(const Value& operand);     // unary !

// collection[key]: lists and tuples by whole number, maps and objects by string.
Result<Value> Index(const Value& collection, const Value& key);
// object.name (also map.name, as Terraform allows).
Result<Value> GetAttr(const Value& object, std::string_view name);

}  // namespace fw::hcl
