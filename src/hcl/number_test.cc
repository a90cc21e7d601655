#include "hcl/number.h"

#include <gtest/gtest.h>

#include <vector>

namespace fw::hcl {
namespace {

Number P(std::string_view s) {
  auto r = Number::ParseString(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().ToString();
  return r.ok() ? *r : Number();
}
std::string F(const Result<Number>& r) {
  return r.ok() ? r->ToString() : "error: " + r.status().message();
}

TEST(NumberTest, ParsesAndFormatsLikeTerraform) {
  EXPECT_EQ(P("123").ToString(), "123");
  EXPECT_EQ(P("1.5e3").ToString(), "1500");
  EXPECT_EQ(P("1.50").ToString(), "1.5");
  EXPECT_EQ(P("1e-3").ToString(), "0.001");
  EXPECT_EQ(P("-0.5").ToString(), "-0.5");
  EXPECT_EQ(P("+7").ToString(), "7");
  EXPECT_EQ(P(".5").ToString(), "0.5");
  EXPECT_EQ(P("5.").ToString(), "5");
  EXPECT_EQ(P("0.000").ToString(), "0");
  EXPECT_EQ(P("-0").ToString(), "0");
  EXPECT_EQ(P("1e30").ToString(), "1000000000000000000000000000000");
  EXPECT_EQ(P("9007199254740993").ToString(), "9007199254740993");  // 2^53 + 1 stays exact
  EXPECT_EQ(P("123456789012345678901234567890.125").ToString(),
            "123456789012345678901234567890.125");
  EXPECT_EQ(P("Inf").ToString(), "+Inf");
  EXPECT_EQ(P("-inf").ToString(), "-Inf");
}

TEST(NumberTest, RejectsWhatTerraformRejects) {
  for (const char* bad : {"", " 1", "1 ", "0x10", "abc", "1e", "1e+", ".", "-", "1..2", "1_000"}) {
    auto r = Number::ParseString(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().message(), "a number is required");
    }
  }
  EXPECT_FALSE(Number::ParseLiteral("-1").ok());
  EXPECT_FALSE(Number::ParseLiteral(".5").ok());
  EXPECT_FALSE(Number::ParseLiteral("5.").ok());
  EXPECT_TRUE(Number::ParseLiteral("5.25e-1").ok());
  EXPECT_FALSE(Number::ParseString("1e100001").ok());
}

TEST(NumberTest, ArithmeticIsExactForDecimals) {
  EXPECT_EQ(F(P("0.1").Add(P("0.2"))), "0.3");
  EXPECT_EQ(F(P("1").Sub(P("0.99"))), "0.01");
  EXPECT_EQ(F(P("0.1").Mul(P("3"))), "0.3");
  EXPECT_EQ(F(Number(7).Div(2)), "3.5");
  EXPECT_EQ(F(Number(1).Div(4)), "0.25");
  EXPECT_EQ(F(Number(10).Div(5)), "2");
  EXPECT_EQ(F(Number(1).Div(0)), "error: division by zero");
  EXPECT_EQ(F(P("9223372036854775807").Add(1)), "9223372036854775808");
  EXPECT_EQ(F(P("-9223372036854775808").Sub(1)), "-9223372036854775809");
  EXPECT_EQ(F(P("18446744073709551616").Mul(P("18446744073709551616"))),
            "340282366920938463463374607431768211456");
}

TEST(NumberTest, DivisionRoundsToPrecision) {
  std::string third = F(Number(1).Div(3));
  EXPECT_EQ(third, "0." + std::string(Number::kPrecisionDigits, '3'));
  std::string two_thirds = F(Number(2).Div(3));
  EXPECT_EQ(two_thirds, "0." + std::string(Number::kPrecisionDigits - 1, '6') + "7");
}

TEST(NumberTest, ModuloFollowsTerraform) {
  EXPECT_EQ(F(Number(7).Mod(3)), "1");
  EXPECT_EQ(F(Number(-7).Mod(3)), "-1");
  EXPECT_EQ(F(Number(7).Mod(-3)), "1");
  EXPECT_EQ(F(P("5.5").Mod(2)), "1.5");
  EXPECT_EQ(F(Number(5).Mod(0)), "5");
}

TEST(NumberTest, RoundingFunctions) {
  EXPECT_EQ(P("1.5").Floor().ToString(), "1");
  EXPECT_EQ(P("-1.5").Floor().ToString(), "-2");
  EXPECT_EQ(P("1.2").Ceil().ToString(), "2");
  EXPECT_EQ(P("-1.2").Ceil().ToString(), "-1");
  EXPECT_EQ(P("3").Ceil().ToString(), "3");
  EXPECT_EQ(P("-4.5").Abs().ToString(), "4.5");
  EXPECT_EQ(P("-4.5").Signum().ToString(), "-1");
  EXPECT_EQ(Number().Signum().ToString(), "0");
  EXPECT_EQ(P("1e40").Floor().ToString(), "1" + std::string(40, '0'));
}

TEST(NumberTest, PowAndLogUseFloat64LikeTerraform) {
  EXPECT_EQ(F(Number::Pow(2, 10)), "1024");
  EXPECT_EQ(F(Number::Pow(2, P("0.5"))), "1.4142135623730951");
  EXPECT_EQ(F(Number::Log(16, 2)), "4");
  EXPECT_EQ(F(Number::Log(0, 10)), "-Inf");
  EXPECT_FALSE(Number::Log(-1, 10).ok());
}

TEST(NumberTest, ComparesAcrossRepresentations) {
  EXPECT_LT(P("0.1"), P("0.2"));
  EXPECT_LT(P("-1e40"), Number(-5));
  EXPECT_LT(Number(5), P("1e40"));
  EXPECT_EQ(P("100"), Number(100));
  EXPECT_EQ(P("1e2"), Number(100));
  EXPECT_EQ(P("1e2").Hash(), Number(100).Hash());
  EXPECT_LT(Number::Infinity(true), P("-1e99999"));
  EXPECT_GT(Number::Infinity(), P("1e99999"));
  EXPECT_TRUE(P("1e2").IsSmallInt());
  EXPECT_EQ(P("1e2").ToInt64(), 100);
  EXPECT_FALSE(P("1.5").ToInt64().has_value());
}

TEST(NumberTest, Infinities) {
  Number inf = Number::Infinity();
  EXPECT_EQ(F(inf.Add(1)), "+Inf");
  EXPECT_FALSE(inf.Add(Number::Infinity(true)).ok());
  EXPECT_FALSE(inf.Mul(0).ok());
  EXPECT_EQ(F(Number(1).Div(inf)), "0");
  EXPECT_EQ(inf.Negate().ToString(), "-Inf");
}

TEST(NumberTest, ToDoubleAndBack) {
  EXPECT_DOUBLE_EQ(P("0.1").ToDouble(), 0.1);
  EXPECT_DOUBLE_EQ(P("1e300").ToDouble(), 1e300);
  EXPECT_EQ(Number::FromDouble(0.1)->ToString(), "0.1");
  EXPECT_EQ(Number::FromDouble(1e21)->ToString(), "1000000000000000000000");
  EXPECT_EQ(Number::FromUint64(18446744073709551615ULL).ToString(), "18446744073709551615");
  EXPECT_EQ(Number(size_t{18446744073709551615ULL}).ToString(), "18446744073709551615");
  EXPECT_EQ(Number(std::vector<int>(3).size()).ToString(), "3");
  EXPECT_EQ(Number(-5).ToString(), "-5");
}

}  // namespace
}  // namespace fw::hcl
