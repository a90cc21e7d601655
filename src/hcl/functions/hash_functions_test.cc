// Hash and crypto functions beyond the data files: bcrypt against known hashes (from libxcrypt),
// random outputs (bcrypt, uuid).
#include <gtest/gtest.h>

#include <regex>

#include "hcl/functions/function.h"
#include "hcl/functions/hash_internal.h"

namespace fw::hcl {

Result<Value> CallFn(std::string_view name, std::vector<Value> args);

namespace {

using hash_internal::BcryptVerify;

struct BcryptVector {
  const char* password;
  const char* hash;
};

constexpr BcryptVector kVectors[] = {
    {"password", "$2a$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    {"", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"},
    {"h\xc3\xa9llo w\xc3\xb6rld \xf0\x9f\x8c\x8d",
     "$2a$06$0123456789abcdefghijkeXZ/Mq1e.7CU5rKCmoTVKj0uKMxB.kk."},
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "$2a$04$abcdefghijklmnopqrstuuBzzIgyKkz7xMWYSzkIjUSnxEQFQ0WNe"},
};

TEST(BcryptTest, KnownHashes) {
  for (const BcryptVector& v : kVectors) {
    EXPECT_TRUE(BcryptVerify(v.password, v.hash)) << v.hash;
    EXPECT_FALSE(BcryptVerify(std::string(v.password) + "x", v.hash) &&
                 std::string_view(v.password).size() < 72)
        << v.hash;  // bytes past 72 are ignored
  }
  EXPECT_FALSE(BcryptVerify("password", "$2a$04$short"));
  EXPECT_FALSE(BcryptVerify("password", "not a hash at all, not a hash at all, not a hash at al"));
}

TEST(BcryptTest, FunctionOutputVerifies) {
  auto r = CallFn("bcrypt", {Value::String("hunter2"), Value::Int(5)});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::string& h = r->AsString();
  EXPECT_EQ(h.substr(0, 7), "$2a$05$");
  EXPECT_TRUE(BcryptVerify("hunter2", h));
  auto again = CallFn("bcrypt", {Value::String("hunter2"), Value::Int(5)});
  EXPECT_NE(again->AsString(), h);  // random salt
  auto dflt = CallFn("bcrypt", {Value::String("x")});
  EXPECT_EQ(dflt->AsString().substr(0, 7), "$2a$10$");
  auto low = CallFn("bcrypt", {Value::String("x"), Value::Int(2)});  // below 4: the default
  EXPECT_EQ(low->AsString().substr(0, 7), "$2a$10$");
  auto high = CallFn("bcrypt", {Value::String("x"), Value::Int(20)});
  EXPECT_FALSE(high.ok());
}

TEST(UuidTest, RandomVersion4) {
  std::regex re("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  auto a = CallFn("uuid", {});
  auto b = CallFn("uuid", {});
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(std::regex_match(a->AsString(), re)) << a->AsString();
  EXPECT_NE(a->AsString(), b->AsString());
}

}  // namespace
}  // namespace fw::hcl
