#include "hcl/eval/operators.h"

#include "hcl/value_ops.h"

namespace fw::hcl::eval_internal {

Result<Value> Binary(OpCode op, const Value& lhs, const Value& rhs) {
  BinaryOp b = BinaryOp::kAdd;
  switch (op) {
    case OpCode::kOr:
      b = BinaryOp::kOr;
      break;
    case OpCode::kAnd:
      b = BinaryOp::kAnd;
      break;
    case OpCode::kEqual:
      b = BinaryOp::kEqual;
      break;
    case OpCode::kNotEqual:
      b = BinaryOp::kNotEqual;
      break;
    case OpCode::kLess:
      b = BinaryOp::kLess;
      break;
    case OpCode::kLessEqual:
      b = BinaryOp::kLessOrEqual;
      break;
    case OpCode::kGreater:
      b = BinaryOp::kGreater;
      break;
    case OpCode::kGreaterEqual:
      b = BinaryOp::kGreaterOrEqual;
      break;
    case OpCode::kAdd:
      b = BinaryOp::kAdd;
      break;
    case OpCode::kSubtract:
      b = BinaryOp::kSubtract;
      break;
    case OpCode::kMultiply:
      b = BinaryOp::kMultiply;
      break;
    case OpCode::kDivide:
      b = BinaryOp::kDivide;
      break;
    case OpCode::kModulo:
      b = BinaryOp::kModulo;
      break;
  }
  return ApplyBinary(b, lhs, rhs);
}

Result<Value> Negate(const Value& operand) { return ApplyNegate(operand); }
Result<Value> Not(const Value& operand) { return ApplyNot(operand); }
Result<Value> IndexValue(const Value& collection, const Value& key) {
  return Index(collection, key);
}
Result<Value> GetAttrValue(const Value& object, std::string_view name) {
  return GetAttr(object, name);
}

}  // namespace fw::hcl::eval_internal
