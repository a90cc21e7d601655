#include <algorithm>
#include "hcl/functions/function.h"

#include <gtest/gtest.h>

namespace fw::hcl {
namespace {

Value S(std::string s) { return Value::String(std::move(s)); }

Result<Value> CallFn(std::string_view name, std::vector<Value> args, int* arg = nullptr) {
  const FunctionSpec* spec = FunctionRegistry::Builtins().Find(name);
  EXPECT_NE(spec, nullptr) << name;
  return Call(*spec, std::move(args), arg);
}

TEST(FunctionTest, Upper) {
  EXPECT_EQ(CallFn("upper", {S("héllo wörld")})->AsString(), "HÉLLO WÖRLD");
  EXPECT_EQ(CallFn("upper", {Value::Int(5)})->AsString(), "5");  // converted to string
  int arg = -2;
  auto r = CallFn("upper", {Value::EmptyTuple()}, &arg);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "Invalid value for \"str\" parameter: string required, but have tuple");
  EXPECT_EQ(arg, 0);
  auto n = CallFn("upper", {Value::Null(Type::String())});
  EXPECT_EQ(n.status().message(), "Invalid value for \"str\" parameter: argument must not be null");
  EXPECT_FALSE(CallFn("upper", {}).ok());
  EXPECT_FALSE(CallFn("upper", {S("a"), S("b")}).ok());
}

TEST(FunctionTest, UnknownArgumentsGiveUnknownResults) {
  auto u = CallFn("upper", {Value::Unknown(Type::String())});
  ASSERT_TRUE(u.ok());
  EXPECT_FALSE(u->IsKnown());
  EXPECT_EQ(u->type(), Type::String());
  auto d = CallFn("upper", {Value::DynamicUnknown()});
  EXPECT_FALSE(d->IsKnown());
}

TEST(FunctionTest, MarksArePropagated) {
  auto r = CallFn("upper", {S("secret").WithMarks(kSensitive)});
  EXPECT_EQ(r->AsString(), "SECRET");
  EXPECT_TRUE(r->HasMark(kSensitive));
  Value list = Value::List(Type::String(), {S("a"), S("b").WithMarks(kSensitive)});
  auto len = CallFn("length", {list});
  EXPECT_EQ(len->AsNumber(), Number(2));
  EXPECT_TRUE(len->HasMark(kSensitive));
}

TEST(FunctionTest, Length) {
  EXPECT_EQ(CallFn("length", {S("héllo")})->AsNumber(), Number(5));
  EXPECT_EQ(CallFn("length", {Value::Tuple({S("a"), Value::Int(1)})})->AsNumber(), Number(2));
  EXPECT_EQ(CallFn("length", {Value::Unknown(Type::Tuple({Type::String()}))})->AsNumber(),
            Number(1));
  EXPECT_FALSE(CallFn("length", {Value::Unknown(Type::List(Type::String()))})->IsKnown());
  EXPECT_FALSE(CallFn("length", {Value::Int(3)}).ok());
}

TEST(FunctionTest, Max) {
  EXPECT_EQ(
      CallFn("max", {Value::Int(3), S("12"), Value::Num(*Number::ParseString("11.5"))})->AsNumber(),
      Number(12));
  EXPECT_EQ(CallFn("max", {}).status().message(), "must pass at least one number");
  int arg = -2;
  auto bad = CallFn("max", {Value::Int(1), S("x")}, &arg);
  EXPECT_EQ(bad.status().message(),
            "Invalid value for \"numbers\" parameter: a number is required");
  EXPECT_EQ(arg, 1);
}

TEST(FunctionTest, Coalesce) {
  EXPECT_EQ(CallFn("coalesce", {Value::Null(Type::String()), S(""), S("b")})->AsString(), "b");
  EXPECT_EQ(CallFn("coalesce", {Value::Null(Type::Number()), Value::Int(2)})->AsNumber(),
            Number(2));
  auto mixed = CallFn("coalesce", {Value::Null(Type::Number()), S("x")});
  EXPECT_EQ(mixed->type(), Type::String());
  EXPECT_FALSE(CallFn("coalesce", {Value::Null(Type::String())}).ok());
  EXPECT_FALSE(CallFn("coalesce", {Value::Unknown(Type::String()), S("a")})->IsKnown());
}

TEST(FunctionTest, ToStringAndToNumber) {
  EXPECT_EQ(CallFn("tostring", {Value::Int(5)})->AsString(), "5");
  EXPECT_TRUE(CallFn("tostring", {Value::Null(Type::Number())})->IsNull());
  EXPECT_EQ(CallFn("tostring", {Value::EmptyTuple()}).status().message(),
            "Invalid value for \"v\" parameter: cannot convert tuple to string.");
  EXPECT_EQ(CallFn("tonumber", {S("42")})->AsNumber(), Number(42));
  EXPECT_EQ(CallFn("tonumber", {S("foo")}).status().message(),
            "Invalid value for \"v\" parameter: cannot convert \"foo\" to number; given string "
            "must be a decimal representation of a number.");
  auto sens = CallFn("tonumber", {S("7").WithMarks(kSensitive)});
  EXPECT_TRUE(sens->HasMark(kSensitive));
  EXPECT_FALSE(CallFn("tonumber", {Value::Unknown(Type::String())})->IsKnown());
}

TEST(FunctionRegistryTest, Names) {
  auto names = FunctionRegistry::Builtins().Names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const char* name : {"coalesce", "length", "max", "tonumber", "tostring", "upper"}) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), name)) << name;
    EXPECT_NE(FunctionRegistry::Builtins().Find(name), nullptr) << name;
  }
  EXPECT_EQ(FunctionRegistry::Builtins().Find("no_such_function"), nullptr);
}

}  // namespace
}  // namespace fw::hcl
