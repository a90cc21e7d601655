#include "hcl/value.h"

#include <gtest/gtest.h>

namespace fw::hcl {
namespace {

Value S(std::string s) { return Value::String(std::move(s)); }

TEST(ValueTest, NullUnknownKnown) {
  Value n = Value::Null(Type::String());
  EXPECT_TRUE(n.IsNull());
  EXPECT_TRUE(n.IsKnown());
  EXPECT_EQ(n.type(), Type::String());
  Value u = Value::Unknown(Type::Number());
  EXPECT_FALSE(u.IsKnown());
  EXPECT_FALSE(u.IsNull());
  Value l = Value::List(Type::Number(), {Value::Int(1), Value::Unknown(Type::Number())});
  EXPECT_TRUE(l.IsKnown());
  EXPECT_FALSE(l.IsWhollyKnown());
  EXPECT_EQ(Value().type(), Type::Dynamic());
}

TEST(ValueTest, SetsDedupAndOrderLikeCty) {
  Value s = Value::Set(Type::String(), {S("b"), S("a"), S("b"), S("B")});
  ASSERT_EQ(s.Length(), 3u);
  EXPECT_EQ(s.Elements()[0].AsString(), "B");
  EXPECT_EQ(s.Elements()[1].AsString(), "a");
  EXPECT_EQ(s.Elements()[2].AsString(), "b");
  Value n =
      Value::Set(Type::Number(), {Value::Int(10), Value::Int(9), Value::Int(-1), Value::Int(9)});
  ASSERT_EQ(n.Length(), 3u);
  EXPECT_EQ(n.Elements()[0].AsNumber(), Number(-1));
  EXPECT_EQ(n.Elements()[2].AsNumber(), Number(10));
  Value b = Value::Set(Type::Bool(), {Value::True(), Value::False()});
  EXPECT_FALSE(b.Elements()[0].AsBool());
  // Unknown elements sort last and are never merged.
  Value u = Value::Set(Type::String(),
                       {Value::Unknown(Type::String()), S("z"), Value::Unknown(Type::String())});
  ASSERT_EQ(u.Length(), 3u);
  EXPECT_TRUE(u.Elements()[0].IsKnown());
}

TEST(ValueTest, SetHoistsElementMarks) {
  Value s = Value::Set(Type::String(), {S("a").WithMarks(kSensitive), S("b")});
  EXPECT_TRUE(s.HasMark(kSensitive));
  EXPECT_FALSE(s.Elements()[0].IsMarked());
}

TEST(ValueTest, MapsAndObjectsOrderedByKey) {
  Value m = Value::Map(Type::Number(), {{"z", Value::Int(1)}, {"a", Value::Int(2)}});
  EXPECT_EQ(m.Keys()[0], "a");
  ASSERT_NE(m.Get("z"), nullptr);
  EXPECT_EQ(m.Get("z")->AsNumber(), Number(1));
  EXPECT_EQ(m.Get("q"), nullptr);
  Value o = Value::Object({{"name", S("x")}, {"count", Value::Int(3)}});
  EXPECT_EQ(o.type(), Type::Object({{"count", Type::Number()}, {"name", Type::String()}}));
  EXPECT_EQ(o.Get("name")->AsString(), "x");
}

TEST(ValueTest, EqualsIsUnknownWhenEitherSideIs) {
  EXPECT_TRUE(Value::Int(1).Equals(Value::Int(1)).AsBool());
  EXPECT_FALSE(Value::Int(1).Equals(S("1")).AsBool());
  EXPECT_FALSE(Value::Unknown(Type::Number()).Equals(Value::Int(1)).IsKnown());
  EXPECT_TRUE(Value::Null(Type::String()).Equals(Value::Null(Type::Number())).AsBool());
  EXPECT_FALSE(Value::Null(Type::String()).Equals(S("")).AsBool());
  Value a = Value::Tuple({Value::Int(1), Value::Unknown(Type::String())});
  Value b = Value::Tuple({Value::Int(1), S("x")});
  EXPECT_FALSE(a.Equals(b).IsKnown());
  Value c = Value::Tuple({Value::Int(2), Value::Unknown(Type::String())});
  EXPECT_FALSE(c.Equals(b).AsBool());  // a known difference decides
  Value sens = Value::Int(1).WithMarks(kSensitive).Equals(Value::Int(1));
  EXPECT_TRUE(sens.HasMark(kSensitive));
}

TEST(ValueTest, RawEqualsAndHash) {
  Value a = Value::Object({{"a", Value::List(Type::String(), {S("x")})}});
  Value b = Value::Object({{"a", Value::List(Type::String(), {S("x")})}});
  EXPECT_TRUE(a.RawEquals(b));
  EXPECT_EQ(a.Hash(), b.Hash());
  EXPECT_FALSE(a.RawEquals(a.WithMarks(kSensitive)));
  EXPECT_FALSE(Value::Unknown(Type::String()).RawEquals(Value::Null(Type::String())));
}

TEST(ValueTest, DeepMarks) {
  Value inner = S("secret").WithMarks(kSensitive);
  Value o = Value::Object({{"a", inner}, {"b", Value::List(Type::String(), {S("x"), inner})}});
  EXPECT_FALSE(o.IsMarked());
  EXPECT_TRUE(o.IsSensitiveDeep());
  Marks m;
  Value clean = o.UnmarkDeep(&m);
  EXPECT_EQ(m, kSensitive);
  EXPECT_EQ(clean.DeepMarks(), kNoMarks);
  std::vector<PathMarks> paths;
  Value clean2 = o.UnmarkDeepWithPaths(&paths);
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(PathToString(paths[0].path), "attribute \"a\"");
  EXPECT_EQ(PathToString(paths[1].path), "attribute \"b\", element 1");
  EXPECT_TRUE(clean2.MarkWithPaths(paths).RawEquals(o));
}

TEST(ValueTest, CopiesShareThePayload) {
  Value big = Value::List(Type::String(), std::vector<Value>(1000, S("x")));
  Value copy = big;
  EXPECT_EQ(&copy.Elements(), &big.Elements());
}

}  // namespace
}  // namespace fw::hcl
