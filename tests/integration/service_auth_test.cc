// Authentication and project scope on service routes (CDM and RFS), with AK/SK signatures
// built by the project's signer and with tokens.
#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "store/store.h"
#include "support.h"

namespace fw::testing {
namespace {

const char kAk[] = "AKTESTEXAMPLE0000001";
const char kSk[] = "SKtestexample0123456789abcdefghijklmnopq";

class ServiceAuthTest : public ::testing::Test {
 protected:
  ServiceAuthTest() : server_(TestConfig(dir_.str())), client_("127.0.0.1", server_.port()) {}

  void SetUp() override {
    ASSERT_TRUE(server_.start_status().ok());
    pid_ = server_.ProjectId("cn-north-4");
    other_pid_ = server_.ProjectId("ap-southeast-1");
  }

  http::ClientResponse SignedRequest(const std::string& method, const std::string& target,
                                     http::HeaderList extra = {}, const std::string& body = "",
                                     const std::string& ak = kAk, const std::string& sk = kSk,
                                     std::optional<TimePoint> when = std::nullopt) {
    auto h = Signed(method, target, std::move(extra), body, ak, sk,
                    when.value_or(server_.clock().Now()), client_.HostPort());
    return *client_.Send(method, target, h, body);
  }

  std::string Token(const std::string& scope) {
    auto r = *client_.Send(
        "POST", "/v3/auth/tokens", {},
        R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","password":"Test-Password-1","domain":{"name":"formwork"}}}},"scope":)" +
            scope + "}}");
    return *r.Header("X-Subject-Token");
  }

  TempDir dir_;
  TestServer server_;
  http::Client client_;
  std::string pid_, other_pid_;
};

TEST_F(ServiceAuthTest, SignedRequestReachesTheServiceWhichSaysNotBuilt) {
  auto list = SignedRequest("GET", "/v1.1/" + pid_ + "/clusters",
                            {{"Content-Type", "application/json"}, {"X-Project-Id", pid_}});
  EXPECT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(JsonBody(list).at("clusters").is_array());
  auto r = SignedRequest("GET", "/v1.1/" + pid_ + "/clusters/c1/cdm/job/all",
                         {{"Content-Type", "application/json"}, {"X-Project-Id", pid_}});
  EXPECT_EQ(r.status, 501) << r.body;
  auto b = JsonBody(r);
  EXPECT_EQ(b.at("errCode"), "Cdm.0000");  // CDM's own body: auth and scope passed
  EXPECT_NE(std::string(b.at("error_msg").as_string()).find("ShowJobs"), std::string::npos);

  auto rfs = SignedRequest("POST", "/v1/" + pid_ + "/templates",
                           {{"Content-Type", "application/json"},
                            {"Client-Request-Id", "5b9f8f4a-63a0-4a73-9f5e-7e0c7f0a1b2c"}},
                           R"({"template_name":"t"})");
  EXPECT_EQ(rfs.status, 501);
  EXPECT_EQ(JsonBody(rfs).at("error_code"), "RF.10010001");
  // Domain-scoped RFS routes have no project in the path.
  EXPECT_EQ(SignedRequest("GET", "/v1/stack-sets",
                          {{"Client-Request-Id", "5b9f8f4a-63a0-4a73-9f5e-7e0c7f0a1b2c"}})
                .status,
            501);
}

TEST_F(ServiceAuthTest, SignatureFailuresAre401FromTheGateway) {
  const std::string target = "/v1.1/" + pid_ + "/clusters";
  auto check = [&](const http::ClientResponse& r, const std::string& what) {
    EXPECT_EQ(r.status, 401) << what << ": " << r.body;
    auto b = JsonBody(r);
    EXPECT_EQ(b.at("error_code"), "APIGW.0301") << what;
    EXPECT_EQ(b.at("request_id"), *r.Header("X-Request-Id")) << what;
    EXPECT_EQ(r.body.find(kSk), std::string::npos);
  };
  check(*client_.Send("GET", target), "no credentials");
  check(SignedRequest("GET", target, {}, "", kAk, "wrong-secret"), "wrong secret");
  check(SignedRequest("GET", target, {}, "", "AKUNKNOWN", kSk), "unknown AK");
  check(SignedRequest("GET", target, {}, "", kAk, kSk,
                      server_.clock().Now() - std::chrono::minutes(16)),
        "old X-Sdk-Date");
  check(SignedRequest("GET", target, {}, "", kAk, kSk,
                      server_.clock().Now() + std::chrono::minutes(16)),
        "future X-Sdk-Date");
  EXPECT_EQ(SignedRequest("GET", target, {}, "", kAk, kSk,
                          server_.clock().Now() - std::chrono::minutes(14))
                .status,
            200);

  // A body changed after signing.
  auto h = Signed("POST", "/v1.1/" + pid_ + "/clusters", {}, "{\"a\":1}", kAk, kSk,
                  server_.clock().Now(), client_.HostPort());
  check(*client_.Send("POST", "/v1.1/" + pid_ + "/clusters", h, "{\"a\":2}"), "changed body");
  check(*client_.Send("GET", target, {{"X-Auth-Token", "MIInot-a-token"}}), "bad token");
  check(*client_.Send("GET", target,
                      {{"Authorization", "sdk-hmac-sha256 Access=a, SignedHeaders=b, Signature=c"}}),
        "lowercase scheme");
  // IAM sits behind the same gateway: a bad signature there has the gateway's body too.
  check(SignedRequest("GET", "/v3/projects?name=cn-north-4", {}, "", kAk, "wrong-secret"),
        "IAM, wrong secret");
}

TEST_F(ServiceAuthTest, BodiesOnBodilessRoutesAreSignedAndIgnored) {
  // The Node.js SDK's project discovery sends GET /v3/projects with the body "{}".
  auto r = SignedRequest("GET", "/v3/projects?name=cn-north-4",
                         {{"Content-Type", "application/json"}}, "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(JsonBody(r).at("projects").as_array().size(), 1u);
  // The body is still covered by the signature.
  auto h = Signed("GET", "/v3/projects", {}, "{}", kAk, kSk, server_.clock().Now(),
                  client_.HostPort());
  EXPECT_EQ(client_.Send("GET", "/v3/projects", h, "{\"x\":1}")->status, 401);
  // Past the small allowance a body is refused.
  EXPECT_EQ(SignedRequest("GET", "/v3/projects", {}, std::string(8192, ' ')).status, 413);
}

TEST_F(ServiceAuthTest, ProjectScope) {
  // AK/SK: any project of the caller's account; X-Project-Id must agree with the path.
  EXPECT_EQ(SignedRequest("GET", "/v1.1/" + other_pid_ + "/clusters").status, 200);
  auto mismatch = SignedRequest("GET", "/v1.1/" + pid_ + "/clusters", {{"X-Project-Id", other_pid_}});
  EXPECT_EQ(mismatch.status, 403);
  EXPECT_EQ(JsonBody(mismatch).at("errCode"), "Cdm.0001");
  EXPECT_EQ(SignedRequest("GET", "/v1.1/0123456789abcdef0123456789abcdef/clusters").status, 403);

  // Tokens: only the token's own project; a domain token is not for project APIs.
  std::string token = Token(R"({"project":{"name":"cn-north-4"}})");
  EXPECT_EQ(client_.Send("GET", "/v1.1/" + pid_ + "/clusters", {{"X-Auth-Token", token}})->status, 200);
  auto cross = *client_.Send("GET", "/v1/" + other_pid_ + "/stacks", {{"X-Auth-Token", token}});
  EXPECT_EQ(cross.status, 403);
  EXPECT_EQ(JsonBody(cross).at("error_code"), "RF.10012507");
  std::string domain_token = Token(R"({"domain":{"name":"formwork"}})");
  EXPECT_EQ(client_.Send("GET", "/v1.1/" + pid_ + "/clusters", {{"X-Auth-Token", domain_token}})
                ->status,
            403);
}

TEST_F(ServiceAuthTest, AnotherAccountsProjectIsForbidden) {
  // A second account written straight into the same database.
  auto store = store::OpenSqliteStore({dir_.str() + "/formwork.db", 1});
  ASSERT_TRUE(store.ok());
  const TimePoint now = server_.clock().Now();
  ASSERT_TRUE((*store)->Write([&](store::Repositories& r) -> Status {
    FW_RETURN_IF_ERROR(r.accounts().InsertDomain({"d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2", "other", true, now}));
    FW_RETURN_IF_ERROR(r.accounts().InsertUser({"u2u2u2u2u2u2u2u2u2u2u2u2u2u2u2u2",
                                                "d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2", "bob",
                                                crypto::HashPassword("x"), true, now}));
    FW_RETURN_IF_ERROR(r.accounts().InsertCredential(
        {"AKOTHER0000000000001", "SKother", "u2u2u2u2u2u2u2u2u2u2u2u2u2u2u2u2",
         "d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2", true, now}));
    return r.accounts().InsertProject({"b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2",
                                       "d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2", "cn-north-4", "",
                                       true, now});
  }).ok());
  (*store)->Close();

  EXPECT_EQ(SignedRequest("GET", "/v1.1/b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2/clusters").status, 403);
  EXPECT_EQ(SignedRequest("GET", "/v1.1/" + pid_ + "/clusters", {}, "", "AKOTHER0000000000001",
                          "SKother")
                .status,
            403);
  EXPECT_EQ(SignedRequest("GET", "/v1.1/b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2/clusters", {}, "",
                          "AKOTHER0000000000001", "SKother")
                .status,
            200);
  // Each account discovers only its own project for a region.
  auto mine = JsonBody(SignedRequest("GET", "/v3/projects?name=cn-north-4"));
  ASSERT_EQ(mine.at("projects").as_array().size(), 1u);
  EXPECT_EQ(mine.at("projects").at(0).at("id"), pid_);
  auto theirs = JsonBody(SignedRequest("GET", "/v3/projects?name=cn-north-4", {}, "",
                                       "AKOTHER0000000000001", "SKother"));
  ASSERT_EQ(theirs.at("projects").as_array().size(), 1u);
  EXPECT_EQ(theirs.at("projects").at(0).at("id"), "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2");
}

}  // namespace
}  // namespace fw::testing
