#include "hcl/value_ops.h"

#include <gtest/gtest.h>

namespace fw::hcl {
namespace {

Value S(std::string s) { return Value::String(std::move(s)); }

TEST(ValueOpsTest, Arithmetic) {
  EXPECT_EQ(ApplyBinary(BinaryOp::kAdd, Value::Int(1), S("2"))->AsNumber(), Number(3));
  EXPECT_EQ(ApplyBinary(BinaryOp::kDivide, Value::Int(1), Value::Int(0)).status().message(),
            "division by zero");
  EXPECT_EQ(ApplyBinary(BinaryOp::kAdd, Value::Int(1), S("x")).status().message(),
            "Unsuitable value for right operand: a number is required.");
  EXPECT_EQ(
      ApplyBinary(BinaryOp::kAdd, Value::Null(Type::Number()), Value::Int(1)).status().message(),
      "Unsuitable value for left operand: argument must not be null.");
  auto u = ApplyBinary(BinaryOp::kMultiply, Value::Unknown(Type::Number()), Value::Int(2));
  EXPECT_FALSE(u->IsKnown());
  EXPECT_EQ(u->type(), Type::Number());
  auto m = ApplyBinary(BinaryOp::kSubtract, Value::Int(5).WithMarks(kSensitive), Value::Int(2));
  EXPECT_EQ(m->AsNumber(), Number(3));
  EXPECT_TRUE(m->HasMark(kSensitive));
  EXPECT_TRUE(ApplyNegate(Value::Int(2).WithMarks(kSensitive))->HasMark(kSensitive));
}

TEST(ValueOpsTest, ComparisonAndLogic) {
  EXPECT_TRUE(ApplyBinary(BinaryOp::kLess, Value::Int(1), Value::Int(2))->AsBool());
  EXPECT_TRUE(ApplyBinary(BinaryOp::kGreaterOrEqual, Value::Int(2), Value::Int(2))->AsBool());
  EXPECT_FALSE(ApplyBinary(BinaryOp::kAnd, Value::False(), Value::Unknown(Type::Bool()))->AsBool());
  EXPECT_TRUE(ApplyBinary(BinaryOp::kOr, Value::Unknown(Type::Bool()), Value::True())->AsBool());
  EXPECT_FALSE(ApplyBinary(BinaryOp::kAnd, Value::True(), Value::Unknown(Type::Bool()))->IsKnown());
  EXPECT_FALSE(ApplyBinary(BinaryOp::kEqual, Value::Int(1), S("1"))->AsBool());
  EXPECT_TRUE(ApplyBinary(BinaryOp::kNotEqual, Value::Int(1), Value::Int(2))->AsBool());
  EXPECT_FALSE(ApplyNot(Value::True())->AsBool());
  EXPECT_EQ(ApplyBinary(BinaryOp::kAnd, Value::Int(1), Value::True()).status().message(),
            "Unsuitable value for left operand: bool required, but have number.");
}

TEST(ValueOpsTest, IndexAndAttributes) {
  Value list = Value::List(Type::String(), {S("a"), S("b")});
  EXPECT_EQ(Index(list, Value::Int(1))->AsString(), "b");
  EXPECT_EQ(Index(list, S("0"))->AsString(), "a");
  EXPECT_FALSE(Index(list, Value::Int(2)).ok());
  EXPECT_FALSE(Index(list, Value::Num(*Number::ParseString("0.5"))).ok());
  EXPECT_FALSE(Index(list, Value::Unknown(Type::Number()))->IsKnown());
  Value obj = Value::Object({{"name", S("x")}});
  EXPECT_EQ(GetAttr(obj, "name")->AsString(), "x");
  EXPECT_EQ(GetAttr(obj, "nope").status().message(),
            "Unsupported attribute: this object does not have an attribute named \"nope\".");
  EXPECT_EQ(Index(obj, S("name"))->AsString(), "x");
  Value set = Value::Set(Type::String(), {S("a")});
  EXPECT_FALSE(Index(set, Value::Int(0)).ok());
  Value secret = obj.WithMarks(kSensitive);
  EXPECT_TRUE(GetAttr(secret, "name")->HasMark(kSensitive));
  auto unk = GetAttr(Value::Unknown(Type::Object({{"id", Type::String()}})), "id");
  EXPECT_EQ(unk->type(), Type::String());
  EXPECT_FALSE(unk->IsKnown());
}

}  // namespace
}  // namespace fw::hcl
