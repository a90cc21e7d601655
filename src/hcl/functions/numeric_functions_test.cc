// Unit tests of the numeric family beyond the data files (testdata/functions/numeric/).
#include <gtest/gtest.h>

#include "hcl/functions/string_test_notation.h"

namespace fw::hcl {
namespace {

using test_util::CallFunction;

TEST(NumericFunctionsTest, ParseIntOfHugeNumbers) {
  std::string digits(150, '7');  // Number keeps 155 significant digits
  auto r = CallFunction("parseint", {Value::String(digits), Value::Int(10)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->AsNumber().ToString(), digits);
  auto too_long =
      CallFunction("parseint", {Value::String(std::string(200000, '1')), Value::Int(2)});
  EXPECT_FALSE(too_long.ok());
}

TEST(NumericFunctionsTest, MarksArePropagated) {
  auto r = CallFunction("max", {Value::Int(1), Value::Int(5).WithMarks(kSensitive)});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->HasMark(kSensitive));
  EXPECT_EQ(r->Unmark().AsNumber(), Number(5));
}

}  // namespace
}  // namespace fw::hcl
