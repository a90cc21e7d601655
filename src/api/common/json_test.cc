#include "api/common/json.h"

#include <gtest/gtest.h>

namespace fw::api {
namespace {

TEST(JsonTest, RejectsMalformedEmptyDeepAndTrailing) {
  EXPECT_FALSE(ParseJson("").ok());
  EXPECT_FALSE(ParseJson("{").ok());
  EXPECT_FALSE(ParseJson("{} x").ok());
  EXPECT_FALSE(ParseJson("{\"a\":1,}").ok());
  EXPECT_TRUE(ParseJson(std::string(60, '[') + std::string(60, ']')).ok());
  auto deep = ParseJson(std::string(100000, '[') + std::string(100000, ']'));
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.status().message().find("deeper"), std::string::npos);
  EXPECT_EQ(ParseJsonObject("[1]").status().code(), ErrorCode::kInvalidArgument);
}

TEST(JsonTest, TypedAccessorsNameTheField) {
  auto o = *ParseJsonObject(R"({"s":"x","n":5,"b":true,"o":{},"a":[],"z":null})");
  EXPECT_EQ(*RequiredString(o, "s", "s"), "x");
  auto wrong = RequiredString(o, "n", "auth.n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message(), "'auth.n' must be a string.");
  EXPECT_EQ(RequiredString(o, "missing", "auth.m").status().message(), "'auth.m' is required.");
  EXPECT_FALSE(OptionalString(o, "z", "z")->has_value());
  EXPECT_EQ(**OptionalInt(o, "n", "n"), 5);
  EXPECT_EQ(**OptionalBool(o, "b", "b"), true);
  EXPECT_NE(*RequiredObject(o, "o", "o"), nullptr);
  EXPECT_NE(*OptionalArray(o, "a", "a"), nullptr);
  EXPECT_FALSE(OptionalArray(o, "o", "o").ok());
}

}  // namespace
}  // namespace fw::api
