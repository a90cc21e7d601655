#include "base/status.h"

#include <gtest/gtest.h>

namespace fw {
namespace {

Result<int> Half(int x) {
  if (x % 2) return InvalidArgument("odd", "X.0001");
  return x / 2;
}

Result<int> Quarter(int x) {
  FW_ASSIGN_OR_RETURN(int h, Half(x));
  FW_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = NotFound("no such thing", "Cdm.0100");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_EQ(s.service_code(), "Cdm.0100");
  EXPECT_EQ(s.ToString(), "not_found Cdm.0100: no such thing");
  EXPECT_EQ(s.WithContext("cluster").message(), "cluster: no such thing");
}

TEST(StatusTest, ResultPropagates) {
  EXPECT_EQ(Quarter(8).value(), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "odd");
  EXPECT_EQ(r.status().service_code(), "X.0001");
}

}  // namespace
}  // namespace fw
