#include "hcl/type.h"

#include <gtest/gtest.h>

#include "hcl/value.h"

namespace fw::hcl {
namespace {

TEST(TypeTest, FriendlyNames) {
  EXPECT_EQ(Type::String().FriendlyName(), "string");
  EXPECT_EQ(Type::List(Type::String()).FriendlyName(), "list of string");
  EXPECT_EQ(Type::Map(Type::Number()).FriendlyName(), "map of number");
  EXPECT_EQ(Type::Set(Type::List(Type::Bool())).FriendlyName(), "set of list of bool");
  EXPECT_EQ(Type::Object({{"a", Type::String()}}).FriendlyName(), "object");
  EXPECT_EQ(Type::Tuple({Type::String()}).FriendlyName(), "tuple");
  EXPECT_EQ(Type::Dynamic().FriendlyName(), "dynamic");
  EXPECT_EQ(Type::List(Type::Dynamic()).FriendlyNameForConstraint(), "list of any type");
}

TEST(TypeTest, EqualityAndHash) {
  Type a = Type::Object({{"b", Type::Number()}, {"a", Type::List(Type::String())}});
  Type b = Type::Object({{"a", Type::List(Type::String())}, {"b", Type::Number()}});
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.Hash(), b.Hash());
  EXPECT_FALSE(a == Type::Object({{"a", Type::List(Type::String())}}));
  EXPECT_FALSE(Type::List(Type::String()) == Type::Set(Type::String()));
  EXPECT_EQ(Type(), Type::Dynamic());
  Type opt =
      Type::ObjectWithOptional(std::vector<ObjectAttribute>{{"a", Type::String(), true, nullptr}});
  EXPECT_FALSE(opt == Type::Object({{"a", Type::String()}}));
  EXPECT_EQ(opt.WithoutOptionalAttributes(), Type::Object({{"a", Type::String()}}));
  EXPECT_TRUE(Type::List(Type::Dynamic()).HasDynamic());
  EXPECT_FALSE(Type::List(Type::Number()).HasDynamic());
}

TEST(TypeTest, JsonRoundTrip) {
  std::vector<std::pair<Type, std::string>> cases = {
      {Type::String(), "\"string\""},
      {Type::Dynamic(), "\"dynamic\""},
      {Type::List(Type::String()), "[\"list\",\"string\"]"},
      {Type::Map(Type::Set(Type::Bool())), "[\"map\",[\"set\",\"bool\"]]"},
      {Type::Tuple({Type::Number(), Type::String()}), "[\"tuple\",[\"number\",\"string\"]]"},
      {Type::Object({{"b", Type::Number()}, {"a", Type::String()}}),
       "[\"object\",{\"a\":\"string\",\"b\":\"number\"}]"},
      {Type::ObjectWithOptional(std::vector<ObjectAttribute>{{"x", Type::Number(), true, nullptr}}),
       "[\"object\",{\"x\":\"number\"},[\"x\"]]"},
  };
  for (const auto& [type, text] : cases) {
    EXPECT_EQ(type.ToJson(), text);
    auto back = Type::FromJson(text);
    ASSERT_TRUE(back.ok()) << text << back.status().ToString();
    EXPECT_EQ(*back, type) << text;
  }
  EXPECT_FALSE(Type::FromJson("\"strin\"").ok());
  EXPECT_FALSE(Type::FromJson("[\"list\"]").ok());
  EXPECT_FALSE(Type::FromJson("[\"object\",{\"a\":\"string\",\"a\":\"number\"}]").ok());
  EXPECT_FALSE(Type::FromJson(std::string(1000, '[')).ok());
}

TEST(TypeTest, TypeExpr) {
  EXPECT_EQ(Type::Map(Type::List(Type::Dynamic())).ToTypeExpr(), "map(list(any))");
  EXPECT_EQ(Type::Object({{"a", Type::Number()}}).ToTypeExpr(), "object({a=number})");
}

}  // namespace
}  // namespace fw::hcl
