#include "server/config.h"

#include <gtest/gtest.h>

namespace fw::server {
namespace {

TEST(ConfigTest, ParseListen) {
  auto a = ParseListen("127.0.0.1:8780");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8780);
  EXPECT_EQ(ParseListen(":0")->host, "127.0.0.1");
  EXPECT_EQ(ParseListen("localhost:1")->host, "127.0.0.1");
  EXPECT_EQ(ParseListen("[::1]:80")->host, "::1");
  EXPECT_FALSE(ParseListen("nope").ok());
  EXPECT_FALSE(ParseListen("h:65536").ok());
  EXPECT_FALSE(ParseListen("h:12x").ok());
}

TEST(ConfigTest, SplitListAndValidate) {
  EXPECT_EQ(SplitList(" cn-north-4, ap-southeast-1,,cn-north-4 "),
            (std::vector<std::string>{"cn-north-4", "ap-southeast-1"}));
  ServerConfig c;
  EXPECT_TRUE(Validate(c).ok());
  c.regions = {"CN_NORTH"};
  EXPECT_FALSE(Validate(c).ok());
  c.regions = {};
  EXPECT_FALSE(Validate(c).ok());
}

}  // namespace
}  // namespace fw::server
