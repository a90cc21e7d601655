#include "hcl/value_json.h"

#include <gtest/gtest.h>

namespace fw::hcl {
namespace {

Value S(std::string s) { return Value::String(std::move(s)); }

TEST(ValueJsonTest, EncodesStateStyle) {
  Value o = Value::Object({
      {"n", Value::Num(*Number::ParseString("12345678901234567890.5"))},
      {"s", S("a\"<b>")},
      {"l", Value::List(Type::Bool(), {Value::True()})},
      {"set", Value::Set(Type::Number(), {Value::Int(2), Value::Int(1)})},
      {"nil", Value::Null(Type::String())},
  });
  auto j = EncodeJson(o, o.type());
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  EXPECT_EQ(*j,
            "{\"l\":[true],\"n\":12345678901234567890.5,\"nil\":null,\"s\":\"a\\\"<b>\","
            "\"set\":[1,2]}");
  auto back = DecodeJson(*j, o.type());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->RawEquals(o));
}

TEST(ValueJsonTest, DynamicPartsCarryTheirType) {
  Type schema = Type::Object({{"any", Type::Dynamic()}});
  Value v = Value::Object({{"any", Value::Tuple({S("x"), Value::Int(1)})}});
  auto j = EncodeJson(v, schema);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(*j, "{\"any\":{\"value\":[\"x\",1],\"type\":[\"tuple\",[\"string\",\"number\"]]}}");
  auto back = DecodeJson(*j, schema);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->RawEquals(v));
}

TEST(ValueJsonTest, RejectsUnknownAndInfinity) {
  EXPECT_FALSE(EncodeJson(Value::Unknown(Type::String()), Type::String()).ok());
  EXPECT_FALSE(EncodeJsonPlain(Value::Num(Number::Infinity())).ok());
}

TEST(ValueJsonTest, PlainEncodingEscapesHtmlLikeJsonencode) {
  auto j = EncodeJsonPlain(Value::Object({{"a", S("<&>")}, {"b", Value::Int(1)}}));
  EXPECT_EQ(*j, "{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":1}");
}

TEST(ValueJsonTest, ImpliedTypes) {
  auto v = DecodeJsonImplied(R"({"a": [1, "x", true], "b": {"c": null}, "d": 1e400})");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->type().ToJson(),
            "[\"object\",{\"a\":[\"tuple\",[\"number\",\"string\",\"bool\"]],"
            "\"b\":[\"object\",{\"c\":\"dynamic\"}],\"d\":\"number\"}]");
  EXPECT_EQ(v->Get("d")->AsNumber().ToString(), "1" + std::string(400, '0'));
  EXPECT_FALSE(DecodeJsonImplied("{\"a\":}").ok());
  EXPECT_FALSE(DecodeJsonImplied(std::string(100000, '[')).ok());
  auto u = DecodeJsonImplied("\"\\ud83d\\ude00\"");
  EXPECT_EQ(u->AsString(), "\xF0\x9F\x98\x80");
}

TEST(ValueJsonTest, DecodeErrorsNameThePath) {
  auto r = DecodeJson("{\"a\":[1,\"x\"]}", Type::Object({{"a", Type::List(Type::Number())}}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "attribute \"a\", element 1: a number is required");
}

}  // namespace
}  // namespace fw::hcl
