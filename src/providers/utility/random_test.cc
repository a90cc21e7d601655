// The random_* types: arguments checked as the hashicorp random provider checks them, the
// formats of the values they compute, and every argument forcing a new value.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "providers/provider_harness.h"
#include "hcl/functions/bcrypt.h"
#include "providers/utility/utility_types.h"

namespace fw::providers::utility {
namespace {

using hcl::Value;

std::string Errors(ProviderHarness& h, const ResourceType& type, const std::string& hcl) {
  auto r = h.Create(type, hcl);
  return r.ok() ? "" : r.status().message();
}

size_t Count(const std::string& s, std::string_view chars) {
  return std::count_if(s.begin(), s.end(),
                       [&](char c) { return chars.find(c) != std::string_view::npos; });
}

void ExpectAllArgumentsForceNew(const ResourceType& type) {
  for (const Attr& a : type.schema().block.attributes) {
    if (a.computed && !a.optional) continue;
    EXPECT_TRUE(a.force_new) << type.name() << "." << a.name;
  }
}

TEST(RandomStringTest, DefaultsGiveLengthCharactersOfEveryClass) {
  ProviderHarness h;
  auto type = NewRandomString();
  auto v = h.Create(*type, "length = 40");
  ASSERT_TRUE(v.ok()) << v.status().message();
  std::string result = h.Str(*v, "result");
  EXPECT_EQ(result.size(), 40u);
  EXPECT_EQ(h.Str(*v, "id"), result);
  EXPECT_EQ(Count(result, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%&*()-_=+[]{}<>:?"),
            40u);
  EXPECT_TRUE(v->Get("special")->AsBool());
  EXPECT_FALSE(type->schema().block.FindAttribute("result")->sensitive);
}

TEST(RandomStringTest, MinimumsAndClassesAreHonoured) {
  ProviderHarness h;
  auto type = NewRandomString();
  for (int i = 0; i < 20; ++i) {
    auto v = h.Create(*type,
                      "length = 8\nmin_upper = 2\nmin_lower = 2\nmin_numeric = 2\n"
                      "min_special = 2\noverride_special = \"_%\"\n");
    ASSERT_TRUE(v.ok()) << v.status().message();
    std::string r = h.Str(*v, "result");
    ASSERT_EQ(r.size(), 8u);
    EXPECT_EQ(Count(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), 2u) << r;
    EXPECT_EQ(Count(r, "abcdefghijklmnopqrstuvwxyz"), 2u) << r;
    EXPECT_EQ(Count(r, "0123456789"), 2u) << r;
    EXPECT_EQ(Count(r, "_%"), 2u) << r;
  }
  auto lower = h.Create(*type, "length = 30\nupper = false\nnumeric = false\nspecial = false");
  ASSERT_TRUE(lower.ok());
  EXPECT_EQ(Count(h.Str(*lower, "result"), "abcdefghijklmnopqrstuvwxyz"), 30u);
  auto digits = h.Create(*type, "length = 12\nupper = false\nlower = false\nspecial = false");
  ASSERT_TRUE(digits.ok());
  EXPECT_EQ(Count(h.Str(*digits, "result"), "0123456789"), 12u);
}

TEST(RandomStringTest, InvalidArgumentsAreErrorsLikeTheRealProvider) {
  ProviderHarness h;
  auto type = NewRandomString();
  EXPECT_NE(Errors(h, *type, "length = 0").find("Attribute length value must be at least 1, got: 0"),
            std::string::npos);
  EXPECT_NE(Errors(h, *type,
                   "length = 9\nmin_numeric = 1\nmin_upper = 2\nmin_lower = 3\nmin_special = 4")
                .find("Attribute length value must be at least sum of min_upper + min_lower + "
                      "min_numeric + min_special, got: 9"),
            std::string::npos);
  EXPECT_NE(Errors(h, *type, "length = 4\nupper = false\nlower = false\nnumeric = false\n"
                             "special = false")
                .find("At least one attribute out of [special,upper,lower,numeric]"),
            std::string::npos);
  EXPECT_NE(Errors(h, *type, "upper = true").find("Missing required argument"), std::string::npos);
  EXPECT_NE(Errors(h, *type, "length = \"x\"").find("a number is required"), std::string::npos)
      << Errors(h, *type, "length = \"x\"");
  EXPECT_EQ(Errors(h, *type, "length = 10\nmin_numeric = 1\nmin_upper = 2\nmin_lower = 3\n"
                             "min_special = 4"),
            "");
}

TEST(RandomStringTest, EveryArgumentForcesNew) {
  ExpectAllArgumentsForceNew(*NewRandomString());
  ExpectAllArgumentsForceNew(*NewRandomPassword());
  ExpectAllArgumentsForceNew(*NewRandomId());
  ExpectAllArgumentsForceNew(*NewRandomInteger());
  ExpectAllArgumentsForceNew(*NewRandomUuid());
  ExpectAllArgumentsForceNew(*NewRandomShuffle());
  std::unique_ptr<ResourceType> types[] = {NewRandomString(), NewRandomId(), NewRandomUuid(),
                                           NewRandomInteger()};
  for (const auto& type : types) {
    const Attr* keepers = type->schema().block.FindAttribute("keepers");
    ASSERT_NE(keepers, nullptr) << type->name();
    EXPECT_TRUE(keepers->force_new);
    EXPECT_TRUE(keepers->type == hcl::Type::Map(hcl::Type::String()));
  }
}

TEST(RandomPasswordTest, ResultIsSensitiveWithAMatchingBcryptHash) {
  ProviderHarness h;
  auto type = NewRandomPassword();
  EXPECT_TRUE(type->schema().block.FindAttribute("result")->sensitive);
  EXPECT_TRUE(type->schema().block.FindAttribute("bcrypt_hash")->sensitive);
  auto v = h.Create(*type, "length = 20\nkeepers = { rotate = \"1\" }");
  ASSERT_TRUE(v.ok()) << v.status().message();
  std::string result = h.Str(*v, "result");
  std::string hash = h.Str(*v, "bcrypt_hash");
  EXPECT_EQ(result.size(), 20u);
  EXPECT_EQ(h.Str(*v, "id"), "none");
  EXPECT_EQ(hash.substr(0, 7), "$2a$10$");
  EXPECT_EQ(hash.size(), 60u);
  EXPECT_TRUE(hcl::BcryptVerify(result, hash));
  EXPECT_FALSE(hcl::BcryptVerify(result + "x", hash));
  EXPECT_NE(Errors(h, *type, "length = 2\nmin_upper = 3").find("at least sum"), std::string::npos);
}

TEST(RandomPasswordTest, LongPasswordsAreHashedOnTheirFirst72Bytes) {
  ProviderHarness h;
  auto v = h.Create(*NewRandomPassword(), "length = 100");
  ASSERT_TRUE(v.ok()) << v.status().message();
  std::string result = h.Str(*v, "result");
  ASSERT_EQ(result.size(), 100u);
  std::string hash = h.Str(*v, "bcrypt_hash");
  EXPECT_TRUE(hcl::BcryptVerify(result.substr(0, 72), hash));
  EXPECT_FALSE(hcl::BcryptVerify(result.substr(0, 71), hash));
}

TEST(RandomIdTest, EncodingsOfTheSameBytes) {
  ProviderHarness h;
  auto type = NewRandomId();
  auto v = h.Create(*type, "byte_length = 4\nprefix = \"srv-\"");
  ASSERT_TRUE(v.ok()) << v.status().message();
  std::string hex = h.Str(*v, "hex");
  ASSERT_EQ(hex.substr(0, 4), "srv-");
  ASSERT_EQ(hex.size(), 4u + 8u);
  EXPECT_TRUE(std::regex_match(hex.substr(4), std::regex("[0-9a-f]{8}")));
  EXPECT_EQ(h.Str(*v, "dec"), "srv-" + std::to_string(std::stoull(hex.substr(4), nullptr, 16)));
  std::string id = h.Str(*v, "id");
  EXPECT_EQ(id.size(), 6u);  // 4 bytes: 6 characters of unpadded base64
  EXPECT_TRUE(std::regex_match(id, std::regex("[A-Za-z0-9_-]{6}")));
  EXPECT_EQ(h.Str(*v, "b64_url"), "srv-" + id);
  std::string std64 = h.Str(*v, "b64_std");
  EXPECT_EQ(std64.size(), 4u + 8u);
  EXPECT_EQ(std64.substr(10), "==");

  auto big = h.Create(*type, "byte_length = 32");
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(h.Str(*big, "hex").size(), 64u);
  EXPECT_TRUE(std::regex_match(h.Str(*big, "dec"), std::regex("[1-9][0-9]*|0")));
  EXPECT_EQ(h.Str(*big, "b64_std").size(), 44u);
  EXPECT_NE(Errors(h, *type, "byte_length = 0")
                .find("Attribute byte_length value must be at least 1, got: 0"),
            std::string::npos);
}

TEST(RandomIntegerTest, InRangeRepeatableWithSeedAndChecked) {
  ProviderHarness h;
  auto type = NewRandomInteger();
  std::set<int64_t> seen;
  for (int i = 0; i < 50; ++i) {
    auto v = h.Create(*type, "min = -3\nmax = 3");
    ASSERT_TRUE(v.ok()) << v.status().message();
    int64_t n = *v->Get("result")->AsNumber().ToInt64();
    EXPECT_GE(n, -3);
    EXPECT_LE(n, 3);
    EXPECT_EQ(h.Str(*v, "id"), std::to_string(n));
    seen.insert(n);
  }
  EXPECT_GT(seen.size(), 3u);
  auto a = h.Create(*type, "min = 1\nmax = 1000000\nseed = \"s\"");
  auto b = h.Create(*type, "min = 1\nmax = 1000000\nseed = \"s\"");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(h.Str(*a, "id"), h.Str(*b, "id"));
  auto one = h.Create(*type, "min = 7\nmax = 7");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(h.Str(*one, "id"), "7");
  EXPECT_NE(Errors(h, *type, "min = 5\nmax = 1")
                .find("The minimum (min) value needs to be smaller than or equal to maximum"),
            std::string::npos);
  EXPECT_NE(Errors(h, *type, "min = 1.5\nmax = 3").find("whole number"), std::string::npos);
  auto full = h.Create(*type, "min = -9223372036854775808\nmax = 9223372036854775807");
  EXPECT_TRUE(full.ok()) << full.status().message();
}

TEST(RandomUuidTest, VersionFourUuid) {
  ProviderHarness h;
  auto v = h.Create(*NewRandomUuid(), "keepers = { a = \"b\" }");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_TRUE(std::regex_match(
      h.Str(*v, "result"),
      std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_EQ(h.Str(*v, "id"), h.Str(*v, "result"));
}

std::vector<std::string> Strings(const Value& list) {
  std::vector<std::string> out;
  for (const Value& e : list.Elements()) out.push_back(e.AsString());
  return out;
}

TEST(RandomShuffleTest, PermutationCountAndSeed) {
  ProviderHarness h;
  auto type = NewRandomShuffle();
  auto v = h.Create(*type, "input = [\"a\", \"b\", \"c\", \"d\"]");
  ASSERT_TRUE(v.ok()) << v.status().message();
  auto r = Strings(*v->Get("result"));
  std::sort(r.begin(), r.end());
  EXPECT_EQ(r, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(h.Str(*v, "id"), "-");

  auto more = h.Create(*type, "input = [\"a\", \"b\"]\nresult_count = 5");
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(more->Get("result")->Length(), 5u);
  auto fewer = h.Create(*type, "input = [\"a\", \"b\", \"c\"]\nresult_count = 1");
  ASSERT_TRUE(fewer.ok());
  EXPECT_EQ(fewer->Get("result")->Length(), 1u);

  std::string src = "input = [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\"]\nseed = \"x\"";
  auto s1 = h.Create(*type, src);
  auto s2 = h.Create(*type, src);
  ASSERT_TRUE(s1.ok() && s2.ok());
  EXPECT_EQ(Strings(*s1->Get("result")), Strings(*s2->Get("result")));
  EXPECT_NE(Errors(h, *type, "input = []\nresult_count = -1").find("result_count"),
            std::string::npos);
}

TEST(RandomTypesTest, ReadKeepsStateAndDeleteSucceeds) {
  ProviderHarness h;
  auto type = NewRandomString();
  auto v = h.Create(*type, "length = 5");
  ASSERT_TRUE(v.ok());
  auto read = h.Read(*type, *v);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_TRUE((*read)->RawEquals(*v));
  EXPECT_TRUE(h.Delete(*type, *v).ok());
}

TEST(UtilityRegistryTest, RegistersEveryUtilityType) {
  Registry r;
  RegisterUtilityTypes(r);
  EXPECT_EQ(r.ResourceNames().size(), 10u);
  for (const char* name : {"random_string", "random_password", "random_id", "random_integer",
                           "random_uuid", "random_shuffle", "null_resource", "terraform_data",
                           "time_static", "time_sleep"}) {
    EXPECT_NE(r.FindResource(name), nullptr) << name;
  }
}

}  // namespace
}  // namespace fw::providers::utility
