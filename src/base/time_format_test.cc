#include "base/time_format.h"

#include <gtest/gtest.h>

namespace fw {
namespace {

TEST(TimeFormatTest, SdkDateRoundTrip) {
  auto t = ParseSdkDate("20240102T030405Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatSdkDate(*t), "20240102T030405Z");
  EXPECT_EQ(ToUnixMillis(*t), 1704164645000);
}

TEST(TimeFormatTest, SdkDateRejectsMalformed) {
  for (const char* bad : {"", "20240102T030405", "2024-01-02T03:04:05Z", "20241302T030405Z",
                          "20240102T250405Z", "2024010xT030405Z", "20240102T030405Zx"}) {
    EXPECT_FALSE(ParseSdkDate(bad).has_value()) << bad;
  }
}

TEST(TimeFormatTest, IsoMicros) {
  auto t = *ParseSdkDate("20240103T030405Z") + std::chrono::microseconds(1234);
  EXPECT_EQ(FormatIsoMicros(t), "2024-01-03T03:04:05.001234Z");
  EXPECT_EQ(ParseIsoMicros("2024-01-03T03:04:05.001234Z"), t);
  EXPECT_FALSE(ParseIsoMicros("2024-01-03T03:04:05Z").has_value());
  EXPECT_EQ(FormatIsoSeconds(t), "2024-01-03T03:04:05Z");
}

}  // namespace
}  // namespace fw
