#include "http/message.h"

#include <gtest/gtest.h>

namespace fw::http {
namespace {

TEST(MessageTest, QueryParsing) {
  auto q = ParseQuery("name=cn-north-4&x=a+b&y=%2F&flag&&z=");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"name", "cn-north-4"}));
  EXPECT_EQ(q[1].second, "a b");
  EXPECT_EQ(q[2].second, "/");
  EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(q[4], (std::pair<std::string, std::string>{"z", ""}));
  EXPECT_EQ(ParseQuery("a=%zz%4")[0].second, "%zz%4");
}

TEST(MessageTest, HeadersAreCaseInsensitive) {
  Request r;
  r.headers = {{"X-Auth-Token", "t"}, {"content-type", "application/json"}};
  ASSERT_NE(r.Header("x-auth-token"), nullptr);
  EXPECT_EQ(*r.Header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(r.Header("missing"), nullptr);
  Response resp = Response::Json(200, "{}");
  resp.SetHeader("content-type", "text/plain");
  EXPECT_EQ(resp.headers.size(), 1u);
  EXPECT_EQ(*resp.Header("Content-Type"), "text/plain");
}

}  // namespace
}  // namespace fw::http
