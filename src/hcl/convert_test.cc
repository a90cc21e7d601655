#include "hcl/convert.h"

#include <gtest/gtest.h>

namespace fw::hcl {
namespace {

Value S(std::string s) { return Value::String(std::move(s)); }
std::string Err(const Result<Value>& r) {
  return r.ok() ? "ok: " + r->DebugString() : r.status().message();
}

TEST(ConvertTest, Primitives) {
  EXPECT_EQ(Convert(Value::Int(5), Type::String())->AsString(), "5");
  EXPECT_EQ(Convert(S("1.50"), Type::Number())->AsNumber().ToString(), "1.5");
  EXPECT_TRUE(Convert(S("true"), Type::Bool())->AsBool());
  EXPECT_FALSE(Convert(S("0"), Type::Bool())->AsBool());
  EXPECT_EQ(Convert(Value::False(), Type::String())->AsString(), "false");
  EXPECT_EQ(Err(Convert(S("x"), Type::Number())), "a number is required");
  EXPECT_EQ(Err(Convert(S("True"), Type::Bool())),
            "a bool is required; to convert from string, use lowercase \"true\"");
  EXPECT_EQ(Err(Convert(Value::Int(1), Type::Bool())), "bool required, but have number");
  EXPECT_EQ(Err(Convert(Value::EmptyTuple(), Type::String())), "string required, but have tuple");
  EXPECT_EQ(Err(ConvertSafe(S("1"), Type::Number())), "number required");
}

TEST(ConvertTest, TupleToListUnifies) {
  Value t = Value::Tuple({S("a"), Value::Int(1), Value::True()});
  auto l = Convert(t, Type::List(Type::Dynamic()));
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->type(), Type::List(Type::String()));
  EXPECT_EQ(l->Elements()[1].AsString(), "1");
  EXPECT_EQ(Err(Convert(Value::Tuple({S("a"), Value::EmptyTuple()}), Type::List(Type::Dynamic()))),
            "all list elements must have the same type");
  EXPECT_EQ(Err(Convert(Value::Tuple({Value::Int(1), Value::Int(2), S("x")}),
                        Type::List(Type::Number()))),
            "element 2: a number is required");
  EXPECT_EQ(Err(Convert(Value::Tuple({S("a"), Value::EmptyTuple()}), Type::List(Type::String()))),
            "element 1: string required, but have tuple");
  auto empty = Convert(Value::EmptyTuple(), Type::List(Type::Dynamic()));
  EXPECT_EQ(empty->type(), Type::List(Type::Dynamic()));
}

TEST(ConvertTest, CollectionsAndStructures) {
  Value l = Value::List(Type::String(), {S("b"), S("a"), S("b")});
  auto s = Convert(l, Type::Set(Type::String()));
  EXPECT_EQ(s->Length(), 2u);
  EXPECT_FALSE(ConvertSafe(l, Type::Set(Type::String())).ok());
  auto back = Convert(*s, Type::List(Type::String()));
  EXPECT_EQ(back->Elements()[0].AsString(), "a");
  Value o = Value::Object({{"a", Value::Int(1)}, {"b", S("x")}});
  auto m = Convert(o, Type::Map(Type::Dynamic()));
  EXPECT_EQ(m->type(), Type::Map(Type::String()));
  auto o2 = Convert(*m, Type::Object({{"a", Type::Number()}}));
  ASSERT_TRUE(o2.ok()) << o2.status().ToString();
  EXPECT_EQ(o2->Get("a")->AsNumber(), Number(1));
  EXPECT_EQ(Err(Convert(*m, Type::Object({{"c", Type::Number()}}))),
            "map has no element for required attribute \"c\"");
}

TEST(ConvertTest, ObjectAttributes) {
  Value o = Value::Object({{"name", S("x")}, {"extra", Value::True()}});
  auto r = Convert(o, Type::Object({{"name", Type::String()}}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->type(), Type::Object({{"name", Type::String()}}));  // extra dropped
  EXPECT_EQ(Err(Convert(o, Type::Object({{"name", Type::String()}, {"size", Type::Number()}}))),
            "attribute \"size\" is required");
  EXPECT_EQ(Err(Convert(o, Type::Object({{"a", Type::String()}, {"b", Type::Number()}}))),
            "attributes \"a\" and \"b\" are required");
  Value bad = Value::Object({{"size", S("big")}});
  EXPECT_EQ(Err(Convert(bad, Type::Object({{"size", Type::Number()}}))),
            "attribute \"size\": a number is required");
  Value nested = Value::Tuple({Value::Object({{"name", Value::EmptyTuple()}})});
  EXPECT_EQ(Err(Convert(nested, Type::List(Type::Object({{"name", Type::String()}})))),
            "element 0: attribute \"name\": string required, but have tuple");
}

TEST(ConvertTest, OptionalAttributesAndDefaults) {
  auto def = std::make_shared<const Value>(Value::Int(80));
  Type want = Type::ObjectWithOptional(std::vector<ObjectAttribute>{
      {"name", Type::String(), false, nullptr},
      {"port", Type::Number(), true, def},
      {"tags", Type::Map(Type::String()), true, nullptr},
  });
  auto r = Convert(Value::Object({{"name", S("web")}}), want);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Get("port")->AsNumber(), Number(80));
  EXPECT_TRUE(r->Get("tags")->IsNull());
  EXPECT_EQ(r->Get("tags")->type(), Type::Map(Type::String()));
  EXPECT_FALSE(r->type().HasOptionalAttributes());
  auto r2 =
      Convert(Value::Object({{"name", S("web")}, {"port", Value::Null(Type::Number())}}), want);
  EXPECT_EQ(r2->Get("port")->AsNumber(), Number(80));  // null takes the default too
  auto r3 = Convert(Value::Object({{"name", S("web")}, {"port", S("8080")}}), want);
  EXPECT_EQ(r3->Get("port")->AsNumber(), Number(8080));
}

TEST(ConvertTest, UnknownNullAndMarksPassThrough) {
  auto u = Convert(Value::DynamicUnknown(), Type::List(Type::String()));
  EXPECT_FALSE(u->IsKnown());
  EXPECT_EQ(u->type(), Type::List(Type::String()));
  auto n = Convert(Value::Null(Type::String()), Type::Number());
  EXPECT_TRUE(n->IsNull());
  EXPECT_EQ(n->type(), Type::Number());
  EXPECT_FALSE(Convert(Value::Null(Type::Bool()), Type::List(Type::String())).ok());
  auto unk_list = Convert(Value::Unknown(Type::List(Type::String())), Type::List(Type::Dynamic()));
  EXPECT_EQ(unk_list->type(), Type::List(Type::String()));
  auto m = Convert(Value::Int(3).WithMarks(kSensitive), Type::String());
  EXPECT_TRUE(m->HasMark(kSensitive));
  Value t = Value::Tuple({S("a"), S("b").WithMarks(kSensitive)});
  auto l = Convert(t, Type::List(Type::String()));
  EXPECT_TRUE(l->Elements()[1].HasMark(kSensitive));
}

TEST(UnifyTest, Basics) {
  EXPECT_EQ(*UnifyTypes({Type::String(), Type::Number()}), Type::String());
  EXPECT_FALSE(UnifyTypes({Type::Number(), Type::Bool()}).has_value());
  EXPECT_EQ(*UnifyTypes({Type::Number(), Type::Number()}), Type::Number());
  EXPECT_EQ(*UnifyTypes({Type::Number(), Type::Dynamic()}), Type::Number());
  EXPECT_EQ(*UnifyTypes({}), Type::Dynamic());
  EXPECT_EQ(*UnifyTypes({Type::List(Type::String()), Type::List(Type::Number())}),
            Type::List(Type::String()));
  EXPECT_EQ(*UnifyTypes({Type::Tuple({Type::String()}), Type::List(Type::Number())}),
            Type::List(Type::String()));
  EXPECT_EQ(
      *UnifyTypes({Type::Object({{"a", Type::String()}}), Type::Object({{"a", Type::Number()}})}),
      Type::Object({{"a", Type::String()}}));
  EXPECT_EQ(
      *UnifyTypes({Type::Object({{"a", Type::String()}}), Type::Object({{"b", Type::Number()}})}),
      Type::Map(Type::String()));
  EXPECT_EQ(
      *UnifyTypes({Type::Tuple({Type::String()}), Type::Tuple({Type::Number(), Type::Number()})}),
      Type::List(Type::String()));
  EXPECT_FALSE(UnifyTypes({Type::Object({}), Type::Tuple({})}).has_value());
}

}  // namespace
}  // namespace fw::hcl
