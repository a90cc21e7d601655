// IAM over HTTP: the token flow, project discovery, and their error paths.
#include <gtest/gtest.h>

#include "store/store.h"
#include "support.h"

namespace fw::testing {
namespace {

std::string PasswordBody(const std::string& user, const std::string& password,
                         const std::string& scope_json) {
  std::string body =
      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":")" + user +
      R"(","password":")" + password + R"(","domain":{"name":"formwork"}}}})";
  if (!scope_json.empty()) body += R"(,"scope":)" + scope_json;
  return body + "}}";
}

class IamTest : public ::testing::Test {
 protected:
  IamTest() : server_(TestConfig(dir_.str())), client_("127.0.0.1", server_.port()) {}
  void SetUp() override { ASSERT_TRUE(server_.start_status().ok()) << server_.start_status().ToString(); }

  http::ClientResponse Post(const std::string& target, const std::string& body) {
    return *client_.Send("POST", target, {{"Content-Type", "application/json;charset=utf8"}}, body);
  }
  std::string IssueToken(const std::string& scope) {
    auto r = Post("/v3/auth/tokens", PasswordBody("admin", "Test-Password-1", scope));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Header("X-Subject-Token") ? *r.Header("X-Subject-Token") : "";
  }
  http::ClientResponse SignedGet(const std::string& target, http::HeaderList extra = {}) {
    auto h = Signed("GET", target, std::move(extra), "", "AKTESTEXAMPLE0000001",
                    "SKtestexample0123456789abcdefghijklmnopq", server_.clock().Now(),
                    client_.HostPort());
    return *client_.Send("GET", target, h);
  }

  TempDir dir_;
  TestServer server_;
  http::Client client_;
};

TEST_F(IamTest, ProjectScopedTokenByName) {
  auto r = Post("/v3/auth/tokens",
                PasswordBody("admin", "Test-Password-1", R"({"project":{"name":"cn-north-4"}})"));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string* token = r.Header("X-Subject-Token");
  ASSERT_NE(token, nullptr);
  EXPECT_GE(token->size(), 64u);
  EXPECT_EQ(token->rfind("MII", 0), 0u);
  auto body = JsonBody(r);
  auto& t = body.at("token").as_object();
  EXPECT_EQ(t.at("methods").as_array().at(0), "password");
  EXPECT_EQ(t.at("project").at("name"), "cn-north-4");
  EXPECT_EQ(t.at("project").at("id"), server_.ProjectId("cn-north-4"));
  EXPECT_EQ(t.at("user").at("name"), "admin");
  EXPECT_EQ(t.at("user").at("domain").at("name"), "formwork");
  EXPECT_FALSE(t.contains("domain"));
  auto issued = ParseIsoMicros(std::string(t.at("issued_at").as_string()));
  auto expires = ParseIsoMicros(std::string(t.at("expires_at").as_string()));
  ASSERT_TRUE(issued && expires);
  EXPECT_EQ(*expires - *issued, std::chrono::hours(24));
  EXPECT_FALSE(t.at("roles").as_array().empty());
  // The catalog lists this server's endpoints.
  bool found_cdm = false;
  for (const auto& svc : t.at("catalog").as_array()) {
    if (svc.at("name") == "cdm") {
      for (const auto& ep : svc.at("endpoints").as_array()) {
        if (ep.at("region") == "cn-north-4") {
          found_cdm = true;
          EXPECT_EQ(ep.at("url"), "http://" + client_.HostPort() + "/v1.1/" +
                                      server_.ProjectId("cn-north-4"));
        }
      }
    }
  }
  EXPECT_TRUE(found_cdm);
}

TEST_F(IamTest, ScopeVariants) {
  auto by_id = Post("/v3/auth/tokens",
                    PasswordBody("admin", "Test-Password-1",
                                 R"({"project":{"id":")" + server_.ProjectId("ap-southeast-1") +
                                     R"("}})"));
  ASSERT_EQ(by_id.status, 201);
  EXPECT_EQ(JsonBody(by_id).at("token").at("project").at("name"), "ap-southeast-1");

  auto domain = Post("/v3/auth/tokens?nocatalog=1",
                     PasswordBody("admin", "Test-Password-1", R"({"domain":{"name":"formwork"}})"));
  ASSERT_EQ(domain.status, 201);
  auto t = JsonBody(domain).at("token").as_object();
  EXPECT_EQ(t.at("domain").at("name"), "formwork");
  EXPECT_FALSE(t.contains("project"));
  EXPECT_FALSE(t.contains("catalog"));

  auto unscoped = Post("/v3/auth/tokens", PasswordBody("admin", "Test-Password-1", ""));
  ASSERT_EQ(unscoped.status, 201);
  EXPECT_TRUE(JsonBody(unscoped).at("token").as_object().contains("domain"));

  auto unknown = Post("/v3/auth/tokens",
                      PasswordBody("admin", "Test-Password-1", R"({"project":{"name":"mars-1"}})"));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(JsonBody(unknown).at("error").at("code"), 404);
  auto other_domain = Post(
      "/v3/auth/tokens", PasswordBody("admin", "Test-Password-1", R"({"domain":{"name":"x"}})"));
  EXPECT_EQ(other_domain.status, 404);
}

TEST_F(IamTest, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = Post("/v3/auth/tokens", PasswordBody("admin", "Nope-Secret-42", ""));
  auto unknown = Post("/v3/auth/tokens", PasswordBody("root", "Nope-Secret-42", ""));
  for (const auto& r : {wrong, unknown}) {
    EXPECT_EQ(r.status, 401);
    auto b = JsonBody(r);
    EXPECT_EQ(b.at("error").at("code"), 401);
    EXPECT_EQ(b.at("error").at("title"), "Unauthorized");
    EXPECT_EQ(r.body.find("Nope-Secret-42"), std::string::npos);
    EXPECT_EQ(r.Header("X-Subject-Token"), nullptr);
  }
  EXPECT_EQ(wrong.body.substr(wrong.body.find("message")),
            unknown.body.substr(unknown.body.find("message")));
}

TEST_F(IamTest, MalformedTokenRequestsAre400) {
  for (std::string body :
       {std::string("{"), std::string("[]"), std::string("{}"),
        std::string(R"({"auth":{"identity":{"methods":["token"]}}})"),
        std::string(R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin"}}}}})"),
        std::string(R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":1,"password":"x","domain":{"name":"formwork"}}}}}})")}) {
    auto r = Post("/v3/auth/tokens", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_TRUE(JsonBody(r).contains("error")) << r.body;
  }
}

TEST_F(IamTest, ValidateTokenWithGetAndHead) {
  std::string caller = IssueToken(R"({"project":{"name":"cn-north-4"}})");
  std::string subject = IssueToken(R"({"project":{"name":"ap-southeast-1"}})");
  auto r = *client_.Send("GET", "/v3/auth/tokens",
                         {{"X-Auth-Token", caller}, {"X-Subject-Token", subject}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(*r.Header("X-Subject-Token"), subject);
  EXPECT_EQ(JsonBody(r).at("token").at("project").at("name"), "ap-southeast-1");

  auto head = *client_.Send("HEAD", "/v3/auth/tokens",
                            {{"X-Auth-Token", caller}, {"X-Subject-Token", subject}});
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());

  // AK/SK callers may validate too.
  EXPECT_EQ(SignedGet("/v3/auth/tokens?nocatalog=true", {{"X-Subject-Token", subject}}).status,
            200);
  auto bogus = *client_.Send("GET", "/v3/auth/tokens",
                             {{"X-Auth-Token", caller}, {"X-Subject-Token", "MIIbogus"}});
  EXPECT_EQ(bogus.status, 404);
  auto no_caller = *client_.Send("GET", "/v3/auth/tokens", {{"X-Subject-Token", subject}});
  EXPECT_EQ(no_caller.status, 401);
  auto no_subject = *client_.Send("GET", "/v3/auth/tokens", {{"X-Auth-Token", caller}});
  EXPECT_EQ(no_subject.status, 400);
}

TEST_F(IamTest, TokensExpire) {
  std::string token = IssueToken(R"({"project":{"name":"cn-north-4"}})");
  EXPECT_EQ(client_.Send("GET", "/v3/projects", {{"X-Auth-Token", token}})->status, 200);
  server_.clock().Advance(std::chrono::hours(24) + std::chrono::seconds(1));
  auto r = *client_.Send("GET", "/v3/projects", {{"X-Auth-Token", token}});
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("token expires"), std::string::npos) << r.body;
}

TEST_F(IamTest, ProjectDiscoveryAsTheSdksDoIt) {
  auto r = SignedGet("/v3/projects?name=cn-north-4", {{"User-Agent", "huaweicloud-usdk-python/3.0"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto b = JsonBody(r);
  auto& projects = b.at("projects").as_array();
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].at("id"), server_.ProjectId("cn-north-4"));
  EXPECT_EQ(projects[0].at("name"), "cn-north-4");
  EXPECT_EQ(projects[0].at("domain_id"), server_.bootstrap().account.domain_id);
  EXPECT_EQ(projects[0].at("parent_id"), server_.bootstrap().account.domain_id);
  EXPECT_EQ(projects[0].at("enabled"), true);
  EXPECT_EQ(projects[0].at("is_domain"), false);
  EXPECT_TRUE(b.at("links").at("next").is_null());

  auto none = SignedGet("/v3/projects?name=cn-north");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(JsonBody(none).at("projects").as_array().empty());  // key always present

  EXPECT_EQ(JsonBody(SignedGet("/v3/projects")).at("projects").as_array().size(), 2u);
  EXPECT_EQ(JsonBody(SignedGet("/v3/projects?enabled=false")).at("projects").as_array().size(), 0u);
  EXPECT_EQ(JsonBody(SignedGet("/v3/projects?domain_id=other")).at("projects").as_array().size(), 0u);
  auto page2 = JsonBody(SignedGet("/v3/projects?page=2&per_page=1"));
  ASSERT_EQ(page2.at("projects").as_array().size(), 1u);
  EXPECT_EQ(page2.at("projects").at(0).at("name"), "cn-north-4");  // sorted by name
  EXPECT_EQ(SignedGet("/v3/projects?per_page=0&page=1").status, 400);
  EXPECT_EQ(SignedGet("/v3/projects?page=1").status, 400);
  EXPECT_EQ(SignedGet("/v3/projects?enabled=maybe").status, 400);

  auto one = SignedGet("/v3/projects/" + server_.ProjectId("ap-southeast-1"));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(JsonBody(one).at("project").at("name"), "ap-southeast-1");
  EXPECT_EQ(SignedGet("/v3/projects/0123456789abcdef0123456789abcdef").status, 404);

  auto domains = JsonBody(SignedGet("/v3/auth/domains"));
  EXPECT_EQ(domains.at("domains").at(0).at("name"), "formwork");
}

TEST(IamRestartTest, EverythingSurvivesARestart) {
  TempDir dir;
  std::string token, project_id, domain_id;
  {
    TestServer server(TestConfig(dir.str()));
    ASSERT_TRUE(server.start_status().ok());
    EXPECT_TRUE(server.bootstrap().created);
    project_id = server.ProjectId("cn-north-4");
    domain_id = server.bootstrap().account.domain_id;
    http::Client c("127.0.0.1", server.port());
    auto r = *c.Send("POST", "/v3/auth/tokens", {},
                     PasswordBody("admin", "Test-Password-1", R"({"project":{"name":"cn-north-4"}})"));
    ASSERT_EQ(r.status, 201);
    token = *r.Header("X-Subject-Token");
  }
  auto config = TestConfig(dir.str());
  config.regions.push_back("eu-west-0");  // a region added later gets its project
  config.password = "ignored-after-first-start";
  TestServer server(config);
  ASSERT_TRUE(server.start_status().ok());
  EXPECT_FALSE(server.bootstrap().created);
  EXPECT_EQ(server.ProjectId("cn-north-4"), project_id);
  EXPECT_EQ(server.bootstrap().account.domain_id, domain_id);
  EXPECT_FALSE(server.ProjectId("eu-west-0").empty());
  http::Client c("127.0.0.1", server.port());
  auto r = *c.Send("GET", "/v3/projects?name=cn-north-4", {{"X-Auth-Token", token}});
  ASSERT_EQ(r.status, 200) << r.body;  // the token issued before the restart still works
  EXPECT_EQ(JsonBody(r).at("projects").at(0).at("id"), project_id);
  // The original password still works; the new one was not applied.
  EXPECT_EQ(c.Send("POST", "/v3/auth/tokens", {}, PasswordBody("admin", "Test-Password-1", ""))
                ->status,
            201);
}

}  // namespace
}  // namespace fw::testing
