// Conventions every response follows, and the server staying up after bad input.
#include <gtest/gtest.h>

#include "support.h"

namespace fw::testing {
namespace {

class ConventionsTest : public ::testing::Test {
 protected:
  ConventionsTest() : server_(TestConfig(dir_.str())), client_("127.0.0.1", server_.port()) {}
  void SetUp() override { ASSERT_TRUE(server_.start_status().ok()); }
  TempDir dir_;
  TestServer server_;
  http::Client client_;
};

TEST_F(ConventionsTest, HealthNeedsNoAuth) {
  auto r = *client_.Send("GET", "/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(JsonBody(r).at("status"), "ok");
}

TEST_F(ConventionsTest, EveryResponseHasRequestIdAndJson) {
  std::vector<std::pair<std::string, std::string>> requests = {
      {"GET", "/health"},   {"GET", "/nope"},        {"DELETE", "/v3/projects"},
      {"GET", "/v3/projects"}, {"POST", "/v3/auth/tokens"}, {"GET", "/v1.1/x/clusters"}};
  for (const auto& [method, target] : requests) {
    auto r = *client_.Send(method, target);
    ASSERT_NE(r.Header("X-Request-Id"), nullptr) << method << " " << target;
    EXPECT_EQ(r.Header("X-Request-Id")->size(), 32u);
    EXPECT_EQ(*r.Header("Content-Type"), "application/json") << method << " " << target;
    EXPECT_FALSE(JsonBody(r).empty()) << method << " " << target << ": " << r.body;
  }
}

TEST_F(ConventionsTest, UnknownRouteIs404AndWrongMethodIs405) {
  auto r = *client_.Send("GET", "/v9/whatever");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(JsonBody(r).at("error_code"), "APIGW.0101");
  auto m = *client_.Send("DELETE", "/v3/auth/tokens");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(*m.Header("Allow"), "GET, POST");
  EXPECT_EQ(JsonBody(m).at("error").at("code"), 405);
  auto cdm = *client_.Send("PATCH", "/v1.1/p/clusters");
  EXPECT_EQ(cdm.status, 405);
  EXPECT_TRUE(JsonBody(cdm).contains("errCode"));
}

TEST_F(ConventionsTest, OversizedBodyIs413AndServerStaysUp) {
  auto r = *client_.Send("POST", "/v3/auth/tokens", {}, std::string(2 * 1024 * 1024, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(JsonBody(r).at("error").at("code"), 413);
  auto raw = client_.SendRaw("POST /v1/p/stacks HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n");
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->rfind("HTTP/1.1 413", 0), 0u) << *raw;
  EXPECT_NE(raw->find("RF.10011028"), std::string::npos) << *raw;  // RFS's own body
  http::Client fresh("127.0.0.1", server_.port());
  EXPECT_EQ(fresh.Send("GET", "/health")->status, 200);
}

TEST_F(ConventionsTest, MalformedJsonIs400) {
  for (const char* body : {"{", "{\"auth\":", "nul", "{\"a\":1}}", "\xff\xfe"}) {
    auto r = *client_.Send("POST", "/v3/auth/tokens", {{"Content-Type", "application/json"}}, body);
    EXPECT_EQ(r.status, 400) << body;
  }
  std::string deep = std::string(1000, '[') + std::string(1000, ']');
  EXPECT_EQ(client_.Send("POST", "/v3/auth/tokens", {}, deep)->status, 400);
  EXPECT_EQ(client_.Send("GET", "/health")->status, 200);
}

TEST_F(ConventionsTest, GarbageOnTheSocketDoesNotHurt) {
  for (std::string junk : {std::string("\x16\x03\x01\x02\x00\x01\x00", 7),
                           std::string("GET / HTTP/9.9\r\n\r\n"), std::string("\r\n\r\n\r\n"),
                           std::string(100000, 'A')}) {
    auto r = client_.SendRaw(junk);
    ASSERT_TRUE(r.ok());
  }
  EXPECT_EQ(client_.Send("GET", "/health")->status, 200);
}

}  // namespace
}  // namespace fw::testing
